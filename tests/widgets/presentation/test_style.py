"""widgets.presentation.style: figures are reproducible and every image carries alt text."""

import matplotlib.pyplot as plt
import pytest

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
    from io import BytesIO

    from PIL import Image
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
