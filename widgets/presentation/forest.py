"""The forest chart of the clinical evidence: one row per reported figure (``FigureRow``).

``RowChart`` lays a chart out for a phone: a title, a legend of the markers it actually
draws, then the rows (each heading and detail wrapped to the chart's width, the value and
its interval on a band of their own that holds the gridlines, so no line crosses a label),
and the axis at the bottom. A scale strip (the tick labels) sits above the first row and
again wherever the rows run on for ``SCALE_GAP_PX``, so a reader scrolling a long chart on
a phone always has a scale in sight. Its text follows the book's figure rule
(``widgets.presentation.style``: ``TEXT_PT`` text in a ``FIGURE_WIDTH_IN`` figure reads at
11 CSS px or more on a 390 px phone). The same layout is drawn as an SVG (``RowChart.svg``,
an explorer view) or on a matplotlib figure (``row_figure``, a chapter figure).
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

import matplotlib.pyplot as plt
from matplotlib.collections import LineCollection
from matplotlib.patches import Ellipse, Polygon

from widgets.data import trials
from widgets.presentation import layers, style
from widgets.presentation.forest_rows import FigureRow
from widgets.stats import DEFAULT_CONFIDENCE


class Scale(NamedTuple):
    """The chart's x axis."""

    low: float
    high: float
    ticks: tuple[float, ...]
    tick_suffix: str
    label: str
    unit: str


PERCENT_SCALE = Scale(0, 100, (0, 25, 50, 75, 100), "%", "Percent of patients", trials.PERCENT)
# Months: the longest survival figure of Table 1 studies is 24.1 months.
MONTHS_SCALE = Scale(0, 30, (0, 6, 12, 18, 24, 30), "", "Months", trials.MONTHS)

COUNTS_COLOUR = style.OKABE_ITO["blue"]
UNKNOWN_N_COLOUR = style.OKABE_ITO["vermillion"]
GRID_COLOUR = "#d9d9d9"
SEPARATOR_COLOUR = "#e6e6e6"
# What each marker means, by axis unit; a chart's legend lists only the markers it draws.
MARKER_WORDS = {
    trials.PERCENT: {
        "circle": f"counts known, with the exact {DEFAULT_CONFIDENCE:.0%} interval (Clopper-Pearson); "
        "bigger circle = more patients",
        "diamond": "counts not given: no interval",
        "square": "comparator cohort without venetoclax (counts not given)",
    },
    trials.MONTHS: {"circle": "median survival", "diamond": "statistic not named, or 'on average'"},
}
DISAGREEMENT_WORDS = "≠ Table 1 and the text disagree (see the table)"
UNPLOTTED_WORDS = "no marker: a count of patients with no denominator"
SOURCE_WORDS = "[T1] Table 1, [text] the review's text"


def marker_radius_px(denominator: int) -> float:
    """Circle radius growing with the square root of n, so that its area grows with n."""
    return round(3 + 1.1 * denominator**0.5, 1)


def marker_kind(row: FigureRow) -> str | None:
    """The marker a row's value is drawn with (None: not plotted)."""
    if not row.plotted:
        return None
    if row.has_counts:
        return "circle"
    if row.unit == trials.MONTHS:
        return "circle" if row.main_endpoint.endswith("median_months") else "diamond"
    return "square" if row.is_comparator else "diamond"


def legend_entries(rows: list[FigureRow], scale: Scale) -> list[tuple[str | None, str]]:
    """(marker kind or None for a line of text, words): the markers these rows are drawn with,
    then the marks their words use."""
    kinds = {marker_kind(row) for row in rows}
    entries = [(kind, words) for kind, words in MARKER_WORDS[scale.unit].items() if kind in kinds]
    if any(row.disagreement for row in rows):
        entries.append((None, DISAGREEMENT_WORDS))
    if None in kinds:
        entries.append((None, UNPLOTTED_WORDS))
    return [*entries, (None, SOURCE_WORDS)]


def wrap(content: str, size_px: float, width_px: float, bold: bool = False) -> list[str]:
    """``content`` in lines no wider than ``width_px``: broken where a " · " part or a
    bracketed part begins if it can be, otherwise between words."""
    chunks = re.split(r"( · | (?=[(\[]))", content)
    lines, current = [], chunks[0]
    for separator, chunk in zip(chunks[1::2], chunks[2::2]):
        if layers.text_width(current + separator + chunk, size_px, bold) <= width_px:
            current += separator + chunk
        else:
            lines.append(current)
            current = chunk
    lines.append(current)
    return [part for line in lines for part in _wrap_words(line, size_px, width_px, bold)]


def _wrap_words(line: str, size_px: float, width_px: float, bold: bool) -> list[str]:
    lines, current = [], ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and layers.text_width(candidate, size_px, bold) > width_px:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current]


class RowChart:
    """The chart of ``rows`` on ``scale`` under ``title`` (and the lines of ``note`` below it)."""

    WIDTH_PX = round(style.FIGURE_WIDTH_IN * style.DPI)
    MARGIN_PX = 10  # text from the chart's edges
    LEFT_PX, RIGHT_PX = 16, 24  # the axis from the chart's edges (room for the tick labels)
    TEXT_PX, TITLE_PX = style.pixels(style.TEXT_PT), style.pixels(style.TITLE_PT)
    LINE_PX = 18
    STRIP_PX = 24
    # The most rows' height between two scales: about half a phone screen (the chart is
    # shown at 0.8-0.9 of its size on a 390 px phone, whose screen is 844 CSS px tall).
    SCALE_GAP_PX = 480

    def __init__(self, rows: list[FigureRow], title: str, scale: Scale = PERCENT_SCALE, note: str = ""):
        if not rows:
            raise ValueError("rows: a chart needs at least one row")
        for row in rows:
            if row.plotted and not scale.low <= row.value <= scale.high:
                raise ValueError(
                    f"rows: {row.heading} {row.amount()} is outside the axis ({scale.low:g} to {scale.high:g})"
                )
        self.rows, self.title, self.scale, self.note = rows, title, scale, note
        self.legend = legend_entries(rows, scale)
        counted = [row.denominator for row in rows if row.has_counts]
        self.band_px = max(24, 2 * marker_radius_px(max(counted)) + 4) if counted else 24
        self.usable_px = self.WIDTH_PX - 2 * self.MARGIN_PX
        self.scale_tops: list[float] = []
        self.row_tops: list[float] = []
        self.height = self._draw(_Recorder())

    def x_px(self, value: float) -> float:
        plot = self.WIDTH_PX - self.LEFT_PX - self.RIGHT_PX
        return self.LEFT_PX + (value - self.scale.low) / (self.scale.high - self.scale.low) * plot

    def _lines(self, painter, x, y, content, *, size, bold=False, anchor="start", width=None) -> float:
        """Wrapped text from baseline ``y``; returns the last baseline."""
        for index, line in enumerate(wrap(content, size, width or self.usable_px, bold)):
            if index:
                y += self.LINE_PX
            painter.text(x, y, line, size=size, bold=bold, anchor=anchor)
        return y

    def _draw(self, painter) -> float:
        """Everything, top to bottom, through ``painter``; returns the chart's height."""
        self.scale_tops, self.row_tops = [], []
        middle = self.WIDTH_PX / 2
        # A long title is made smaller to stay on one line, but no smaller than the rows' text.
        width = layers.text_width(self.title, self.TITLE_PX, True)
        size = max(self.TEXT_PX, self.TITLE_PX * min(1.0, int(10 * self.usable_px / width) / 10))
        y = self._lines(painter, middle, 4 + self.TITLE_PX, self.title, size=size, bold=True, anchor="middle")
        if self.note:
            y = self._lines(painter, middle, y + self.LINE_PX, self.note, size=self.TEXT_PX, anchor="middle")
        y += 8
        for kind, words in self.legend:
            indent = 22 if kind else 0
            y += self.LINE_PX
            if kind:
                _marker(painter, kind, self.MARGIN_PX + 7, y - 5, 5.5)
            y = self._lines(
                painter, self.MARGIN_PX + indent, y, words, size=self.TEXT_PX, width=self.usable_px - indent
            )
        y = self._strip(painter, y + 8)
        last_scale = y
        for index, row in enumerate(self.rows):
            bottom = self._row(_Recorder(), row, y)
            if bottom - last_scale > self.SCALE_GAP_PX:
                y = last_scale = self._strip(painter, y)
                bottom = self._row(_Recorder(), row, y)
            self.row_tops.append(y)
            self._row(painter, row, y)
            if index < len(self.rows) - 1:
                painter.segments(
                    [((self.MARGIN_PX, bottom), (self.WIDTH_PX - self.MARGIN_PX, bottom))], 1, SEPARATOR_COLOUR
                )
            y = bottom
        return self._axis(painter, y + 4)

    def _strip(self, painter, y: float) -> float:
        """A scale strip (the tick labels) from ``y``; returns its bottom."""
        self.scale_tops.append(y)
        for tick in self.scale.ticks:
            label = f"{tick:g}{self.scale.tick_suffix}"
            painter.text(self.x_px(tick), y + 17, label, size=self.TEXT_PX, anchor="middle")
        return y + self.STRIP_PX

    def _axis(self, painter, y: float) -> float:
        """The axis line, its ticks and labels and the axis label; returns the chart's bottom."""
        low, high = self.x_px(self.scale.low), self.x_px(self.scale.high)
        ticks = [((self.x_px(tick), y), (self.x_px(tick), y + 5)) for tick in self.scale.ticks]
        painter.segments([((low, y), (high, y)), *ticks], 1, "#000")
        self._strip(painter, y + 4)
        last = self._lines(
            painter, self.WIDTH_PX / 2, y + 28 + self.LINE_PX, self.scale.label, size=self.TEXT_PX, anchor="middle"
        )
        return last + 8

    def _row(self, painter, row: FigureRow, top: float) -> float:
        """One row from ``top``: heading, detail, and the value on its band; returns its bottom."""
        y = self._lines(painter, self.MARGIN_PX, top + self.LINE_PX - 2, row.heading, size=self.TEXT_PX, bold=True)
        y = self._lines(painter, self.MARGIN_PX, y + self.LINE_PX, row.detail, size=self.TEXT_PX)
        kind = marker_kind(row)
        if kind is None:
            return y + 9
        band_top = y + 6
        centre = band_top + self.band_px / 2
        grid = [((self.x_px(tick), band_top), (self.x_px(tick), band_top + self.band_px)) for tick in self.scale.ticks]
        painter.segments(grid, 1, GRID_COLOUR)
        x = self.x_px(row.value)
        if row.has_counts:
            low, high = self.x_px(row.ci_low), self.x_px(row.ci_high)
            caps = [((end, centre - 4), (end, centre + 4)) for end in (low, high)]
            painter.segments([((low, centre), (high, centre)), *caps], 2, "#000")
            _marker(painter, kind, x, centre, marker_radius_px(row.denominator))
        else:
            _marker(painter, kind, x, centre, 6.5 if kind == "square" else 6)
        return band_top + self.band_px + 4

    def svg(self) -> str:
        """The chart as an SVG whose aria-label reads out the title, the note and every figure."""
        painter = _SvgPainter()
        self._draw(painter)
        label = " ".join(part for part in (f"{self.title}.", self.note and f"{self.note}.") if part)
        label += " " + ". ".join(row.description() for row in self.rows) + "."
        return (
            f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {self.WIDTH_PX} {round(self.height)}' "
            f"role='img' aria-label='{html.escape(label, quote=True)}' "
            "style='display:block;width:100%;height:auto;font-family:DejaVu Sans,sans-serif'>"
            + "".join(painter.elements)
            + "</svg>"
        )

    def figure(self):
        """The chart drawn on a matplotlib figure of its size (a ``Figure``)."""
        style.apply()
        fig = plt.figure(figsize=(self.WIDTH_PX / style.DPI, self.height / style.DPI), dpi=style.DPI)
        self._draw(_FigurePainter(fig, self.WIDTH_PX, self.height))
        return fig


def _marker(painter, kind: str, x: float, y: float, size: float) -> None:
    if kind == "circle":
        painter.circle(x, y, size, fill=COUNTS_COLOUR)
    elif kind == "diamond":
        points = [(x, y - size), (x + size, y), (x, y + size), (x - size, y)]
        painter.polygon(points, fill="#fff", stroke=UNKNOWN_N_COLOUR, width=2)
    elif kind == "square":
        points = [(x - size, y - size), (x + size, y - size), (x + size, y + size), (x - size, y + size)]
        painter.polygon(points, fill="#fff", stroke="#000", width=2)
    else:
        raise ValueError(f"kind: must be circle, diamond or square; got {kind!r}")


class _Recorder:
    """Draws nothing: lays a chart out to learn its height."""

    def text(self, *args, **kwargs):
        pass

    segments = circle = polygon = text


class _SvgPainter:
    """Draws into SVG elements (single-quoted attributes: see ``widgets.presentation.layers``)."""

    def __init__(self):
        self.elements: list[str] = []

    def text(self, x, y, content, *, size, bold=False, anchor="start"):
        self.elements.append(layers.text(round(x), round(y), content, size=round(size, 1), anchor=anchor, bold=bold))

    def segments(self, pairs, width, colour):
        """Straight lines as one path (short: a view holds many gridlines)."""
        data = "".join(f"M{x1:.0f},{y1:.0f}L{x2:.0f},{y2:.0f}" for (x1, y1), (x2, y2) in pairs)
        data = re.sub(r"M(-?\d+),(-?\d+)L\1,", r"M\1,\2V", data)
        data = re.sub(r"M(-?\d+),(-?\d+)L(-?\d+),\2(?!\d)", r"M\1,\2H\3", data)
        self.elements.append(f"<path d='{data}' stroke='{colour}' stroke-width='{width}' fill='none'/>")

    def circle(self, x, y, radius, *, fill):
        self.elements.append(layers.circle(round(x), round(y), radius, fill))

    def polygon(self, points, *, fill, stroke, width):
        coordinates = " ".join(f"{x:g},{y:g}" for x, y in ((round(x, 1), round(y, 1)) for x, y in points))
        self.elements.append(
            f"<polygon points='{coordinates}' fill='{fill}' stroke='{stroke}' stroke-width='{width}'/>"
        )


class _FigurePainter:
    """Draws the same shapes on a matplotlib figure, in figure-fraction coordinates (so that
    they stay in place however the figure is saved)."""

    def __init__(self, fig, width: float, height: float):
        self.fig, self.width, self.height = fig, width, height

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

    def segments(self, pairs, width, colour):
        lines = [[self._xy(*start), self._xy(*end)] for start, end in pairs]
        self.fig.add_artist(
            LineCollection(lines, transform=self.fig.transFigure, colors=colour, linewidths=self._points(width))
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


def row_figure(rows: list[FigureRow], title: str, scale: Scale = PERCENT_SCALE, note: str = ""):
    """A chapter figure: the chart of ``rows`` drawn by matplotlib (a ``Figure``)."""
    if not rows:
        raise ValueError("rows: a figure needs at least one row")
    return RowChart(rows, title, scale, note).figure()
