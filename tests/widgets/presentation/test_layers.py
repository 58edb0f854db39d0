"""widgets.presentation.layers: SVG layers land exactly on the matplotlib axes beneath them."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from widgets.presentation import layers


@pytest.fixture
def figure():
    fig = plt.figure(figsize=(4, 3), dpi=100)
    ax = fig.add_axes((0.1, 0.2, 0.8, 0.7))
    ax.set_xscale("log")
    ax.set_xlim(1, 1000)
    ax.set_ylim(0, 100)
    layered = layers.LayeredFigure(fig)
    yield layered, ax
    plt.close(fig)


def test_points_use_the_axes_transform_with_y_flipped(figure):
    layered, ax = figure
    assert (layered.width, layered.height) == (400, 300)
    # Axes span x 40..360 px and y 60..270 px from the bottom: 30..240 from the top.
    assert layered.point(ax, 1, 0) == (40, 240)
    assert layered.point(ax, 1000, 100) == (360, 30)
    assert layered.point(ax, np.sqrt(1000), 50) == (200, 135)


def test_paths_are_relative_after_the_first_point(figure):
    layered, ax = figure
    # Positions are rounded first, so rounding never accumulates: 40 -> 147 -> 253 px.
    assert layered.path(ax, [1, 10, 100], [0, 50, 100]) == "M40,240l107,-105 106,-105"
    assert layered.path(ax, [1, 1000], [0, 0], closed=True).endswith("z")


def test_layer_is_an_accessible_svg_with_single_quoted_attributes(figure):
    layered, ax = figure
    svg = layered.svg([layers.text(10, 20, 'IC50 < 1 "nM"', bold=True, halo=True)], label="A 'test' layer")
    assert svg.startswith("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 300' role='img'")
    assert "aria-label='A &#x27;test&#x27; layer'" in svg
    assert "IC50 &lt; 1 &quot;nM&quot;" in svg and '"' not in svg


def test_background_is_an_image_of_the_same_size(figure):
    layered, _ = figure
    html = layered.background_html("Empty axes")
    assert html.startswith('<img src="data:image/png;base64,') and 'alt="Empty axes"' in html
    assert "display:block;width:100%" in html
