"""Figures in two layers: a matplotlib background and light SVG data layers on top.

An explorer on the static site embeds one view per combination of its controls. Drawn
whole by matplotlib, each view would be a PNG of tens of kilobytes. Instead matplotlib
draws what never changes (axes, ticks, labels, legend) once, and each view is only its
data: lines, bands and labels written as a small SVG whose coordinates come from the
matplotlib axes' own transforms, so they land exactly on the background's axes. The
layers are stacked in one grid cell (``widgets.explorers.static_views.overlay``); both scale with
the page width because they share the figure's pixel size as their view box.
"""

from __future__ import annotations

import html
import math
from functools import lru_cache

import numpy as np
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from widgets.presentation import style

# The layers' text and title sizes (pixels of the figure): the style's points, to the whole
# pixel above, so every view writes them in two digits.
TEXT_PX, TITLE_PX = math.ceil(style.pixels(style.TEXT_PT)), math.ceil(style.pixels(style.TITLE_PT))

#: The class of every data layer: the site serves large layers as files (_ext/view_files.py).
LAYER_CLASS = "book-layer"

# Attributes are single-quoted: views are stored as JSON strings in the page, where every
# double quote would cost an escaping backslash.


class LayeredFigure:
    """A matplotlib figure whose axes place the data of SVG layers.

    ``fig`` must not be resized after construction. Call ``background_html`` last: it
    renders and closes the figure.
    """

    def __init__(self, fig):
        self.fig = fig
        fig.canvas.draw()
        self.width, self.height = fig.bbox.width, fig.bbox.height

    def _box_style(self) -> str:
        """The CSS every layer shares, so they keep one box: the page's width, at most the
        figure's own (as the book's other figures are shown: on a desktop the text stays the
        size the style gives it, and the figure fits a screen), centred."""
        return f"display:block;width:100%;max-width:{self.width:.0f}px;height:auto;margin:auto"

    def background_html(self, alt: str) -> str:
        """The background as an ``<img>`` with alt text, sized like the layers.

        In full colour: its legend must match the layers' colours exactly, and there is
        only one background per explorer.
        """
        return style.img_html(self.fig, alt, palette_colours=None).replace(
            'style="max-width:100%;height:auto"', f'style="{self._box_style()}"'
        )

    def _pixels(self, ax, x, y) -> np.ndarray:
        points = ax.transData.transform(np.column_stack([np.asarray(x, float), np.asarray(y, float)]))
        points[:, 1] = self.height - points[:, 1]
        return points

    def path(self, ax, x, y, *, closed: bool = False) -> str:
        """SVG path data through data coordinates (x, y) of ``ax``, to the nearest pixel.

        After the first point each step is relative ("l dx,dy"): short numbers keep the
        embedded views small.
        """
        pixels = np.rint(self._pixels(ax, x, y)).astype(int)
        steps = np.diff(pixels, axis=0)
        data = f"M{pixels[0, 0]},{pixels[0, 1]}l" + " ".join(f"{dx},{dy}" for dx, dy in steps)
        return data + ("z" if closed else "")

    def point(self, ax, x, y) -> tuple[float, float]:
        ((px, py),) = self._pixels(ax, [x], [y])
        return round(float(px)), round(float(py))

    def x_pixel(self, ax, x) -> float:
        return self.point(ax, x, ax.get_ylim()[0])[0]

    def axes_top(self, ax) -> float:
        return round(self.height - ax.get_window_extent().y1)

    def axes_bottom(self, ax) -> float:
        return round(self.height - ax.get_window_extent().y0)

    # Room left at each side of a figure-wide title, in pixels.
    TITLE_MARGIN_PX = 6

    def title(self, content: str, y: float, *, size: float = TITLE_PX, bold: bool = True) -> str:
        """A label centred across the figure that never runs past its edges (``text`` with
        ``max_width``): a long title is narrowed to fit instead of being clipped."""
        return text(
            self.width / 2,
            y,
            content,
            size=size,
            anchor="middle",
            bold=bold,
            max_width=self.width - 2 * self.TITLE_MARGIN_PX,
        )

    def svg(self, elements: list[str], label: str | None) -> str:
        """A layer: the elements in an SVG the size of the figure, described by ``label``
        (None: a layer that only repeats what another layer says, hidden from screen readers)."""
        described = (
            "aria-hidden='true'" if label is None else f"role='img' aria-label='{html.escape(label, quote=True)}'"
        )
        return (
            f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {self.width:.0f} {self.height:.0f}' "
            f"class='{LAYER_CLASS}' {described} "
            f"style='{self._box_style()};font-family:DejaVu Sans,sans-serif'>" + "".join(elements) + "</svg>"
        )


def curve(path_data: str, colour: str, width: float = 2.5) -> str:
    """A line along ``LayeredFigure.path`` data."""
    return f"<path d='{path_data}' fill='none' stroke='{colour}' stroke-width='{width}'/>"


def area(path_data: str, fill: str) -> str:
    """A filled shape along closed ``LayeredFigure.path`` data."""
    return f"<path d='{path_data}' fill='{fill}'/>"


def line(x1: float, y1: float, x2: float, y2: float, colour: str = "#000", width: float = 1.5, dash: str = "") -> str:
    dashes = f" stroke-dasharray='{dash}'" if dash else ""
    return f"<line x1='{x1}' y1='{y1}' x2='{x2}' y2='{y2}' stroke='{colour}' stroke-width='{width}'{dashes}/>"


def line_crosses_box(x_pixels, y_pixels, x0: float, x1: float, low: float, high: float) -> bool:
    """Whether the line through the points (``x_pixels`` increasing) enters the box from
    ``x0`` to ``x1`` and from ``low`` to ``high`` (pixels; straight between the points)."""
    x_pixels, y_pixels = np.asarray(x_pixels, dtype=float), np.asarray(y_pixels, dtype=float)
    if x1 < x_pixels[0] or x0 > x_pixels[-1]:
        return False
    inside = (x_pixels >= x0) & (x_pixels <= x1)
    ys = np.concatenate([np.interp([x0, x1], x_pixels, y_pixels), y_pixels[inside]])
    return bool(ys.min() <= high and ys.max() >= low)


@lru_cache(maxsize=4096)
def text_width(content: str, size: float, bold: bool = False) -> float:
    """The width of ``content`` in the layers' font (DejaVu Sans) at ``size`` pixels."""
    font = FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal", size=size)
    width, _height, _descent = TextToPath().get_text_width_height_descent(content, font, ismath=False)
    return width


def text(
    x: float,
    y: float,
    content: str,
    *,
    size: float = TEXT_PX,
    anchor: str = "start",
    bold: bool = False,
    halo: bool = False,
    max_width: float | None = None,
) -> str:
    """A black text label; ``halo`` draws a white outline so it reads over lines and bands.

    ``size`` (pixels of the figure): by default ``TEXT_PX``, the book's smallest figure text,
    which the figure rule keeps legible on a phone.

    ``max_width`` (pixels): a label wider than that is drawn narrowed to exactly that width
    (SVG ``textLength``), so it stays inside the figure instead of being cut at its edges.
    """
    if max_width is not None and max_width <= 0:
        raise ValueError(f"max_width: {max_width} px; give a positive width or None")
    attributes = f"x='{x}' y='{y}' font-size='{round(size, 1):g}'"
    if anchor != "start":
        attributes += f" text-anchor='{anchor}'"
    if bold:
        attributes += " font-weight='bold'"
    if max_width is not None and text_width(content, size, bold) > max_width:
        attributes += f" textLength='{max_width:.0f}' lengthAdjust='spacingAndGlyphs'"
    if halo:
        attributes += " stroke='#fff' stroke-width='3' paint-order='stroke'"
    return f"<text {attributes}>{html.escape(content, quote=True)}</text>"


def circle(x: float, y: float, radius: float, fill: str) -> str:
    return f"<circle cx='{x}' cy='{y}' r='{radius}' fill='{fill}' stroke='#000'/>"
