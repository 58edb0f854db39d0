"""The forest chart of the clinical evidence: one row per reported figure (``FigureRow``).

``RowChart`` draws the chart on a ``Scale``: its axes and legend once, by matplotlib; the
rows as a compact SVG layer placed with the axes' own transforms
(``widgets.presentation.layers``), or by matplotlib for a chapter figure (``row_figure``).
The same drawing code serves both (``_SvgPainter``, ``_FigurePainter``).
"""

from __future__ import annotations

import base64
import io
import math
from functools import lru_cache
from typing import NamedTuple

import matplotlib.pyplot as plt
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Ellipse, Polygon
from matplotlib.textpath import TextToPath
from PIL import Image

from widgets.data import trials
from widgets.presentation import layers, style
from widgets.presentation.forest_rows import FigureRow
from widgets.presentation.text import escape_html
from widgets.stats import DEFAULT_CONFIDENCE


class Scale(NamedTuple):
    """The chart's x axis."""

    low: float
    high: float
    ticks: tuple[float, ...]
    tick_suffix: str
    label: str
    unit: str


PERCENT_SCALE = Scale(
    0,
    100,
    (0, 25, 50, 75, 100),
    "%",
    f"Percent of patients; lines: exact {DEFAULT_CONFIDENCE:.0%} CI (Clopper-Pearson)",
    trials.PERCENT,
)
# Months: the longest survival figure of Table 1 studies is 24.1 months.
MONTHS_SCALE = Scale(0, 30, (0, 6, 12, 18, 24, 30), "", "Months", trials.MONTHS)

COUNTS_COLOUR = style.OKABE_ITO["blue"]
UNKNOWN_N_COLOUR = style.OKABE_ITO["vermillion"]
GRID_COLOUR = "#d9d9d9"
SEPARATOR_COLOUR = "#e6e6e6"
FONT = FontProperties(family="DejaVu Sans")
FONT_BOLD = FontProperties(family="DejaVu Sans", weight="bold")
LEGENDS = {
    trials.PERCENT: (
        ("circle", "counts known; bigger circle = more patients"),
        ("diamond", "counts not given (n unknown or unclear): no interval"),
        ("square", "comparator cohort without venetoclax"),
        ("text", "≠  Table 1 and text disagree (see the table)   T1: Table 1"),
    ),
    trials.MONTHS: (
        ("circle", "median survival"),
        ("diamond", "statistic not named, or 'on average'"),
        ("text", "[T1] Table 1, [text] the review's text"),
    ),
}


_TEXT_TO_PATH = TextToPath()


@lru_cache(maxsize=4096)
def text_width_px(content: str, size_px: float, bold: bool = False) -> float:
    """Width of ``content`` in DejaVu Sans at ``size_px`` (the font the figures ask for),
    from the font's metrics."""
    prop = (FONT_BOLD if bold else FONT).copy()
    prop.set_size(size_px)
    width, _, _ = _TEXT_TO_PATH.get_text_width_height_descent(content, prop, ismath=False)
    return float(width)


def fitted_size(content: str, size_px: float, max_width_px: float, bold: bool = False) -> float:
    """``size_px``, reduced (not below 9 px) so that the text fits ``max_width_px``."""
    width = text_width_px(content, size_px, bold)
    return size_px if width <= max_width_px else max(9.0, math.floor(size_px * max_width_px / width * 10) / 10)


def marker_radius_px(denominator: int) -> float:
    """Circle radius growing with the square root of n, so that its area grows with n."""
    return round(3 + 1.1 * math.sqrt(denominator), 1)


class RowChart(layers.LayeredFigure):
    """A chart of ``row_count`` rows on ``scale``: legend, grid and axis in the background."""

    WIDTH_PX = 440
    LEFT_PX, RIGHT_PX = 16, 22
    TITLE_Y = 22
    LEGEND_TOP = 40
    LEGEND_STEP = 17
    ROW_PX = 58
    FOOTER_PX = 52
    TEXT_PX, HEADING_PX, TITLE_PX = 13, 13.5, 15
    PALETTE_COLOURS = 32

    def __init__(self, row_count: int, scale: Scale = PERCENT_SCALE):
        if row_count < 1:
            raise ValueError(f"row_count: must be 1 or more; got {row_count!r}")
        style.apply()
        self.row_count, self.scale = row_count, scale
        self.legend = LEGENDS[scale.unit]
        self.header_px = self.LEGEND_TOP + self.LEGEND_STEP * len(self.legend) + 4
        height = self.header_px + row_count * self.ROW_PX + self.FOOTER_PX
        fig = plt.figure(figsize=(self.WIDTH_PX / style.DPI, height / style.DPI), dpi=style.DPI)
        plot_width = self.WIDTH_PX - self.LEFT_PX - self.RIGHT_PX
        self.ax = fig.add_axes(
            (
                self.LEFT_PX / self.WIDTH_PX,
                self.FOOTER_PX / height,
                plot_width / self.WIDTH_PX,
                row_count * self.ROW_PX / height,
            )
        )
        self.ax.set_xlim(scale.low, scale.high)
        self.ax.set_ylim(row_count * self.ROW_PX, 0)  # y in pixels down from the first row
        self.ax.set_yticks([])
        self.ax.spines["left"].set_visible(False)
        self.ax.set_xticks(scale.ticks, [f"{tick:g}{scale.tick_suffix}" for tick in scale.ticks])
        self.ax.grid(axis="x", color=GRID_COLOUR, linewidth=1)
        self.ax.set_axisbelow(True)
        self.ax.set_xlabel(scale.label, fontsize=10)
        super().__init__(fig)
        self._draw_legend(_FigurePainter(self))

    def _draw_legend(self, painter) -> None:
        for index, (kind, words) in enumerate(self.legend):
            y = self.LEGEND_TOP + index * self.LEGEND_STEP
            x_text = self.LEFT_PX + (22 if kind != "text" else 0)
            if kind != "text":
                _marker(painter, kind, self.LEFT_PX + 8, y - 4, 5.5)
            painter.text(x_text, y, words, size=fitted_size(words, 12, self.WIDTH_PX - x_text - 4))

    def background_html(self, alt: str) -> str:
        """The background as an ``<img>`` with alt text, sized like the layers, as a PNG of
        at most ``PALETTE_COLOURS`` colours: an explorer embeds one per row count, and a
        palette PNG of these flat axes and black text is a third of the full-colour size."""
        if not alt.strip():
            raise ValueError("alt: every figure needs alt text describing what it shows")
        full = Image.open(io.BytesIO(style.png_bytes(self.fig))).convert("RGB")
        buffer = io.BytesIO()
        full.quantize(colors=self.PALETTE_COLOURS, method=Image.Quantize.MAXCOVERAGE).save(
            buffer, format="PNG", optimize=True
        )
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        return (
            f'<img src="data:image/png;base64,{data}" alt="{escape_html(alt)}" '
            'style="display:block;width:100%;height:auto">'
        )

    def x_px(self, value: float) -> float:
        return self.point(self.ax, value, 0)[0]

    def row_top(self, index: int) -> float:
        return self.header_px + index * self.ROW_PX

    def draw(self, painter, rows: list[FigureRow], title: str) -> None:
        """The title and every row, through ``painter`` (an SVG layer or the figure itself)."""
        if len(rows) != self.row_count:
            raise ValueError(f"rows: this chart has {self.row_count} rows; got {len(rows)}")
        usable = self.WIDTH_PX - 2 * self.LEFT_PX
        painter.text(
            self.WIDTH_PX / 2,
            self.TITLE_Y,
            title,
            size=fitted_size(title, self.TITLE_PX, usable, True),
            bold=True,
            anchor="middle",
        )
        for index, row in enumerate(rows):
            if row.plotted and not self.scale.low <= row.value <= self.scale.high:
                raise ValueError(
                    f"rows: {row.heading} {row.amount()} is outside the axis "
                    f"({self.scale.low:g} to {self.scale.high:g})"
                )
            top = self.row_top(index)
            painter.text(
                self.LEFT_PX,
                top + 16,
                row.heading,
                bold=True,
                size=fitted_size(row.heading, self.HEADING_PX, usable, True),
            )
            painter.text(self.LEFT_PX, top + 33, row.detail, size=fitted_size(row.detail, self.TEXT_PX, usable))
            if row.plotted:
                self._draw_value(painter, row, top + 46)
            if index < len(rows) - 1:
                painter.line(
                    self.LEFT_PX,
                    top + self.ROW_PX,
                    self.WIDTH_PX - self.RIGHT_PX,
                    top + self.ROW_PX,
                    width=1,
                    colour=SEPARATOR_COLOUR,
                )

    def _draw_value(self, painter, row: FigureRow, y: float) -> None:
        x = self.x_px(row.value)
        if row.has_counts:
            low, high = self.x_px(row.ci_low), self.x_px(row.ci_high)
            painter.line(low, y, high, y, width=2)
            for end in (low, high):
                painter.line(end, y - 4, end, y + 4, width=2)
            _marker(painter, "circle", x, y, marker_radius_px(row.denominator))
        elif row.unit == trials.MONTHS:
            _marker(painter, "circle" if row.main_endpoint.endswith("median_months") else "diamond", x, y, 6)
        else:
            _marker(painter, "square" if row.is_comparator else "diamond", x, y, 6.5)

    def alt_text(self) -> str:
        """What the background shows, for a reader who cannot see it."""
        return (
            f"Empty chart axes from {self.scale.low:g} to {self.scale.high:g}"
            f"{' percent' if self.scale.unit == trials.PERCENT else ' months'}, with its legend: "
            + "; ".join(words for _, words in self.legend)
            + ". The rows are described in the layer above."
        )

    def data_layer(self, rows: list[FigureRow], title: str) -> str:
        """The rows as an SVG layer whose aria-label reads out every figure."""
        painter = _SvgPainter()
        self.draw(painter, rows, title)
        label = f"{title}. " + ". ".join(row.description() for row in rows) + "."
        return self.svg(painter.elements, label)


def _marker(painter, kind: str, x: float, y: float, size: float) -> None:
    if kind == "circle":
        painter.circle(x, y, size, fill=COUNTS_COLOUR)
    elif kind == "diamond":
        painter.polygon(
            [(x, y - size), (x + size, y), (x, y + size), (x - size, y)], fill="#fff", stroke=UNKNOWN_N_COLOUR, width=2
        )
    elif kind == "square":
        painter.polygon(
            [(x - size, y - size), (x + size, y - size), (x + size, y + size), (x - size, y + size)],
            fill="#fff",
            stroke="#000",
            width=2,
        )
    else:
        raise ValueError(f"kind: must be circle, diamond or square; got {kind!r}")


class _SvgPainter:
    """Draws into SVG elements (single-quoted attributes: see ``widgets.presentation.layers``)."""

    def __init__(self):
        self.elements: list[str] = []

    def text(self, x, y, content, *, size, bold=False, anchor="start"):
        self.elements.append(layers.text(round(x), round(y), content, size=size, anchor=anchor, bold=bold))

    def line(self, x1, y1, x2, y2, *, width, colour="#000"):
        self.elements.append(layers.line(round(x1), round(y1), round(x2), round(y2), colour=colour, width=width))

    def circle(self, x, y, radius, *, fill):
        self.elements.append(layers.circle(round(x), round(y), radius, fill))

    def polygon(self, points, *, fill, stroke, width):
        coordinates = " ".join(f"{x:g},{y:g}" for x, y in ((round(x, 1), round(y, 1)) for x, y in points))
        self.elements.append(
            f"<polygon points='{coordinates}' fill='{fill}' stroke='{stroke}' stroke-width='{width}'/>"
        )


class _FigurePainter:
    """Draws the same shapes on the chart's matplotlib figure, in figure-fraction coordinates
    (so that they stay in place however the figure is saved)."""

    def __init__(self, chart: RowChart):
        self.fig, self.width, self.height = chart.fig, chart.width, chart.height

    def _xy(self, x, y):
        return x / self.width, 1 - y / self.height

    @staticmethod
    def _points(size_px):
        return size_px * 72 / style.DPI

    def text(self, x, y, content, *, size, bold=False, anchor="start"):
        align = {"start": "left", "middle": "center", "end": "right"}[anchor]
        self.fig.text(
            *self._xy(x, y),
            content,
            fontsize=self._points(size),
            ha=align,
            va="baseline",
            fontweight="bold" if bold else "normal",
            fontfamily="DejaVu Sans",
        )

    def line(self, x1, y1, x2, y2, *, width, colour="#000"):
        (fx1, fy1), (fx2, fy2) = self._xy(x1, y1), self._xy(x2, y2)
        self.fig.add_artist(
            Line2D(
                [fx1, fx2],
                [fy1, fy2],
                transform=self.fig.transFigure,
                color=colour,
                linewidth=self._points(width),
                solid_capstyle="butt",
            )
        )

    def circle(self, x, y, radius, *, fill):
        self.fig.add_artist(
            Ellipse(
                self._xy(x, y),
                2 * radius / self.width,
                2 * radius / self.height,
                transform=self.fig.transFigure,
                facecolor=fill,
                edgecolor="#000",
                linewidth=self._points(1),
            )
        )

    def polygon(self, points, *, fill, stroke, width):
        self.fig.add_artist(
            Polygon(
                [self._xy(x, y) for x, y in points],
                closed=True,
                transform=self.fig.transFigure,
                facecolor=fill,
                edgecolor=stroke,
                linewidth=self._points(width),
            )
        )


def row_figure(rows: list[FigureRow], title: str, scale: Scale = PERCENT_SCALE):
    """A chapter figure: the chart with its rows drawn by matplotlib (a ``Figure``)."""
    if not rows:
        raise ValueError("rows: a figure needs at least one row")
    chart = RowChart(len(rows), scale)
    chart.draw(_FigurePainter(chart), rows, title)
    return chart.fig
