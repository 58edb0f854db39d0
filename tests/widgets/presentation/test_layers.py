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
    layered, _ = figure
    svg = layered.svg([layers.text(10, 20, 'IC50 < 1 "nM"', bold=True, halo=True)], label="A 'test' layer")
    assert svg.startswith("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 300' class='book-layer' role='img'")
    assert "aria-label='A &#x27;test&#x27; layer'" in svg
    assert "IC50 &lt; 1 &quot;nM&quot;" in svg and '"' not in svg


def test_a_layer_that_repeats_another_is_hidden_from_screen_readers(figure):
    layered, _ = figure
    svg = layered.svg([layers.line(0, 0, 10, 10)], label=None)
    assert "aria-hidden='true'" in svg and "role=" not in svg and "aria-label" not in svg


def test_background_is_an_image_of_the_same_size(figure):
    layered, _ = figure
    html = layered.background_html("Empty axes")
    assert html.startswith('<img src="data:image/png;base64,') and 'alt="Empty axes"' in html
    assert "display:block;width:100%" in html


def test_text_width_grows_with_the_text_and_the_size():
    assert layers.text_width("IC50 1 nM", 14) > layers.text_width("IC50", 14) > 0
    assert layers.text_width("IC50", 28) == pytest.approx(2 * layers.text_width("IC50", 14), rel=0.01)
    assert layers.text_width("IC50", 14, bold=True) > layers.text_width("IC50", 14)


def test_a_label_wider_than_its_room_is_narrowed_to_fit_and_a_short_one_is_left_alone(figure):
    layered, _ = figure
    long_title = "Navitoclax (BCL-2/BCL-XL/BCL-W) · BCL-2 ×0.25, MCL-1 ×4, BCL-XL ×4"
    room = layered.width - 2 * layered.TITLE_MARGIN_PX
    assert layers.text_width(long_title, 16, bold=True) > room
    fitted = layered.title(long_title, 24)
    assert f"textLength='{room:.0f}' lengthAdjust='spacingAndGlyphs'" in fitted
    assert f"x='{layered.width / 2}'" in fitted and "text-anchor='middle'" in fitted
    assert "textLength" not in layered.title("Venetoclax", 24)


def test_a_label_needs_a_positive_room():
    with pytest.raises(ValueError, match="max_width: 0 px"):
        layers.text(0, 0, "IC50", max_width=0)


def test_a_line_crosses_a_box_only_where_it_passes_through_it():
    x, y = [0, 10, 20], [0, 10, 0]  # a peak at x = 10
    assert layers.line_crosses_box(x, y, 8, 12, 8, 12)  # around the peak
    assert not layers.line_crosses_box(x, y, 8, 12, 11, 15)  # above the peak
    assert layers.line_crosses_box(x, y, 2, 4, 2.5, 3.5)  # between two points, on the rising edge
    assert not layers.line_crosses_box(x, y, 2, 4, 5, 6)
    assert not layers.line_crosses_box(x, y, 25, 30, -1, 1)  # past the line's end
