"""One plotting style for every figure of the book.

Fixed figure sizes and the DejaVu Sans font that ships with matplotlib, so two builds
on different machines draw the same figures; the Okabe-Ito palette (Okabe and Ito,
"Color Universal Design", 2008), distinguishable with the common forms of colour
blindness. Colour never carries meaning alone: figures also use labels, markers or
hatching.

Figures are drawn for a phone first (``FIGURE_WIDTH_IN``, ``TEXT_PT``): narrow enough, for
the size of their text, that a phone shows every text at 11 CSS px or more.

Images are drawn at twice their size on the page (``IMAGE_DENSITY``): phones and most
laptops have two or three device pixels per CSS pixel, where a 1x image is soft, and a
reader who zooms into a figure on a phone reads sharp text.
"""

import base64
import html
import io

import matplotlib
import matplotlib.pyplot as plt
from PIL import Image

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}

# The order in which a figure's lines take their colours.
COLOUR_ORDER = ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "yellow", "black")

DPI = 100

# --- Text legible on a phone: one rule for the size of a figure and of its text -------------
# A phone reader's screen sets the rule. At a 390 px viewport the book's text column is 358
# CSS px; a figure's box pads its image by 8 px at each side (an explorer's box, 354 px wide,
# by 2), and dark mode pads the image by 8 px more, so a figure image is at most 322 CSS px
# wide, in an explorer in dark mode (measured in the built book; the browser test
# tests/browser/test_figure_text.py checks it). A wider image is scaled down to it, and its
# text with it.
PHONE_FIGURE_PX = 322
# The smallest text a reader is asked to read, in CSS px on that phone.
MIN_TEXT_PX = 11
# The smallest text of any figure (tick labels, legends, annotations), and titles, in points.
TEXT_PT = 10
TITLE_PT = 12
# Space the notebook's inline backend adds around a figure's drawn content (inches).
INLINE_PAD_IN = 0.1


def pixels(points: float) -> float:
    """A font size in points as figure pixels (CSS px of the figure shown at its own size)."""
    return points * DPI / 72


def phone_text_px(points: float, image_width_px: float) -> float:
    """CSS px of text of ``points`` in an image ``image_width_px`` wide (at its own size), on a
    390 px phone: scaled down with the image when it is wider than ``PHONE_FIGURE_PX``."""
    return pixels(points) * min(1.0, PHONE_FIGURE_PX / image_width_px)


# The width of the book's figures, in inches: the widest whose ``TEXT_PT`` text, with the
# inline backend's margins, still renders at ``MIN_TEXT_PX`` on a phone (3.8 in: a figure
# about 400 px wide, shown at its size on a desktop and at 0.8 of it on a phone).
FIGURE_WIDTH_IN = int(10 * (PHONE_FIGURE_PX * TEXT_PT / (72 * MIN_TEXT_PX) - 2 * INLINE_PAD_IN)) / 10
# Figures not yet drawn to that rule (chapter 04's heat map, chapter 08) are this wide: about
# 7 inches of text on a desktop, scaled down to fit a phone.
FULL_WIDTH_IN = 7.0

RC = {
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "axes.titlesize": TITLE_PT,
    "axes.labelsize": 11,
    "legend.fontsize": TEXT_PT,
    "xtick.labelsize": TEXT_PT,
    "ytick.labelsize": TEXT_PT,
    "savefig.pad_inches": INLINE_PAD_IN,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=[OKABE_ITO[name] for name in COLOUR_ORDER]),
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.figsize": (FULL_WIDTH_IN, 4.0),
    "svg.hashsalt": "venetoclax-all-book",
}


# Device pixels per CSS pixel of the images: 2, as on most phones (a 7-inch figure is a
# 1400-pixel image shown 700 CSS px wide, or narrower on a phone).
IMAGE_DENSITY = 2


def apply() -> None:
    """Use the book's style for every figure drawn after this call.

    In a notebook, figures shown in the page (the inline backend) are PNGs of
    ``IMAGE_DENSITY`` times their size, tagged with their size so the page shows them at it.
    """
    matplotlib.rcParams.update(RC)
    _dense_inline_figures()


def _dense_inline_figures() -> None:
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # plain Python, no notebook: nothing is shown inline
        return
    if get_ipython() is not None:
        # "retina" is IPython's name for a PNG at twice the figure's dpi, with its 1x size.
        set_matplotlib_formats("retina")


# Images embedded in explorer views are reduced to a palette of this many colours: about
# a quarter of the bytes of a full-colour PNG, with no visible change to a chart.
VIEW_PALETTE_COLOURS = 64


def png_bytes(fig, palette_colours: int | None = None, *, density: int = 1) -> bytes:
    """The figure as PNG bytes, with no version stamp (the same bytes on every build).

    ``palette_colours``: reduce the image to that many colours (no dithering).
    ``density``: pixels per pixel of the figure (2: an image twice the figure's size).
    """
    if density < 1:
        raise ValueError(f"density: {density}; give 1 or more pixels per figure pixel")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=fig.dpi * density, metadata={"Software": None})
    plt.close(fig)
    if palette_colours is None:
        return buffer.getvalue()
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    reduced = image.quantize(colors=palette_colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    reduced.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def img_html(fig, alt: str, *, palette_colours: int | None = VIEW_PALETTE_COLOURS) -> str:
    """The figure as an ``<img>`` element with alt text, its PNG inlined as a data URI.

    ipywidgets' own Image widget cannot carry alt text, so precomputed explorer views
    are HTML widgets holding this element. ``palette_colours=None`` keeps full colour (for
    an image whose colours must match other layers exactly). The PNG has
    ``IMAGE_DENSITY`` times the figure's pixels; ``width`` and ``height`` give the
    figure's own size, at which the page shows it (narrower on a phone).
    """
    if not alt.strip():
        raise ValueError("alt: every figure needs alt text describing what it shows")
    width, height = round(fig.bbox.width), round(fig.bbox.height)
    data = base64.b64encode(png_bytes(fig, palette_colours, density=IMAGE_DENSITY)).decode("ascii")
    return (
        f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
        f'width="{width}" height="{height}" style="max-width:100%;height:auto">'
    )
