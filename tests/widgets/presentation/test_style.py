"""widgets.presentation.style: figures are reproducible and every image carries alt text."""

import base64
import re
from io import BytesIO

import matplotlib.pyplot as plt
import pytest
from PIL import Image

from widgets.presentation import style


def small_figure():
    style.apply()
    fig, ax = plt.subplots(figsize=(2, 1))
    ax.plot([0, 1], [0, 1])
    return fig


def test_png_bytes_are_identical_across_renders():
    assert style.png_bytes(small_figure()) == style.png_bytes(small_figure())
    assert style.png_bytes(small_figure(), 16) == style.png_bytes(small_figure(), 16)


def test_palette_reduction_shrinks_the_image_and_keeps_its_size():
    full, reduced = style.png_bytes(small_figure()), style.png_bytes(small_figure(), 16)
    assert len(reduced) < len(full)
    image = Image.open(BytesIO(reduced))
    assert image.mode == "P" and image.size == Image.open(BytesIO(full)).size


def test_img_html_escapes_alt_text_and_inlines_png():
    html = style.img_html(small_figure(), alt='BCL-2 "high" & MCL-1 low')
    assert html.startswith('<img src="data:image/png;base64,iVBOR')
    assert 'alt="BCL-2 &quot;high&quot; &amp; MCL-1 low"' in html


def test_img_html_refuses_missing_alt_text():
    with pytest.raises(ValueError, match="alt: every figure needs alt text"):
        style.img_html(small_figure(), alt="  ")


def test_palette_is_the_okabe_ito_set():
    assert len(set(style.OKABE_ITO.values())) == 9
    assert style.RC["font.family"] == "DejaVu Sans"


def test_views_are_images_of_twice_the_figure_pixels_shown_at_the_figure_size():
    html = style.img_html(small_figure(), alt="A line")
    assert style.IMAGE_DENSITY == 2
    # The 2 x 1 inch figure is 200 x 100 CSS px on the page, from a 400 x 200 px image.
    assert 'width="200" height="100"' in html
    data = re.search(r'src="data:image/png;base64,([^"]+)"', html).group(1)
    assert Image.open(BytesIO(base64.b64decode(data))).size == (400, 200)


def test_png_density_multiplies_the_pixels_and_must_be_one_or_more():
    single, double = (Image.open(BytesIO(style.png_bytes(small_figure(), density=d))).size for d in (1, 2))
    assert double == (2 * single[0], 2 * single[1])
    with pytest.raises(ValueError, match="density: 0"):
        style.png_bytes(small_figure(), density=0)


def test_figures_shown_in_a_notebook_are_dense_pngs_at_their_own_size():
    """In a kernel, apply() makes the inline backend send 2x PNGs tagged with their 1x size."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        style.apply()
        fig, ax = plt.subplots(figsize=(2, 1))
        ax.plot([0, 1], [0, 1])
        data, metadata = shell.display_formatter.format(fig)
        plt.close(fig)
    finally:
        InteractiveShell.clear_instance()
    width = metadata["image/png"]["width"]
    # The 2-inch figure is at most 200 px wide (the inline backend trims its margins).
    assert 100 < width <= 200
    # IPython halves the image's pixel width, rounding down.
    assert Image.open(BytesIO(base64.b64decode(data["image/png"]))).size[0] in (2 * width, 2 * width + 1)
