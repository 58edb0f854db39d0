"""Pictures and tables of the clinical evidence: the review's Table 1 studies and its ongoing trials.

- Selection: which studies and which reported figures match a reader's filters
  (``select_studies``, ``select_outcomes``, ``select_ongoing``). Pure pandas.
- Rows: the selected figures as rows of a forest plot (``figure_rows``). A figure that
  Table 1 and the text print alike is one row; where they differ, both rows are kept and
  marked. Percentages with known counts get an exact 95% interval
  (``widgets.data.trials.with_confidence_intervals``).
- ``RowChart``: a forest-style chart, one row per figure. Its axes and legend are drawn
  once by matplotlib; the rows are a compact SVG layer placed with the axes' own
  transforms (``widgets.presentation.layers``), or drawn by matplotlib for a chapter figure
  (``row_figure``). The same drawing code serves both (``_SvgPainter``, ``_FigurePainter``).
- HTML tables: the selected studies with their citations and the Table 1-versus-text
  disagreements (``studies_table_html``), the ongoing trials (``ongoing_trials_html``);
  Markdown for chapter tables (``disagreements_markdown``).
- ``prose_numbers``: every number the clinical chapters quote, for myst-nb ``glue``.

Every figure is the review's (``hanbali2025``) and belongs to its study's own source,
so every table cites both.
"""

from __future__ import annotations

import base64
import html
import io
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Ellipse, Polygon
from matplotlib.textpath import TextToPath
from PIL import Image

from widgets.presentation import style
from widgets.data import trials
from widgets.data.bibliography import cite_html, short_citation
from widgets.stats import DEFAULT_CONFIDENCE
from widgets.presentation import layers

# --- what readers call the categories --------------------------------------------------

LINEAGE_LABELS = {"B": "B-lineage", "T": "T-lineage", "mixed": "B and T, or lineage not restricted"}
SETTING_LABELS = {"frontline": "frontline", "relapsed_refractory": "relapsed/refractory",
                  "mixed": "frontline and relapsed/refractory cohorts"}
AGE_LABELS = {"adult": "adults", "older_adult": "older adults",
              "pediatric_aya": "children, adolescents and young adults",
              "pediatric_and_adult": "children and adults", "not_stated": "age not stated in the review"}
DESIGN_LABELS = {"phase_1": "phase 1", "phase_2": "phase 2", "phase_1_2": "phase 1/2",
                 "retrospective": "retrospective", "case_series": "case series", "prospective": "prospective"}
PARTNER_LABELS = {"low_intensity_chemo": "low-intensity chemotherapy (mini-hyper-CVD)",
                  "intensive_chemo": "intensive or pediatric-inspired chemotherapy",
                  "hma": "hypomethylating agent", "bcl_xl_inhibitor": "BCL-XL co-inhibition (navitoclax)",
                  "liposomal_vincristine": "liposomal vincristine", "mixed_chemo": "mixed chemotherapy regimens"}
SUBTYPE_LABELS = {"ph_positive": "Ph-positive ALL", "ph_negative_b": "Ph-negative B-ALL",
                  "b_all": "B-ALL, Ph status not given", "t_all": "T-ALL", "any_all": "ALL, lineage not given",
                  "aml": "also enrolls AML"}
TRIAL_PARTNER_LABELS = {"tki": "tyrosine kinase inhibitor", "blinatumomab": "blinatumomab",
                        "inotuzumab": "inotuzumab ozogamicin", "hma": "hypomethylating agent",
                        "chemotherapy": "chemotherapy", "corticosteroid": "corticosteroid", "other": "other drugs"}
PHASE_LABELS = {"phase_1": "phase I", "phase_2": "phase II"}
SOURCE_LABELS = {"table1": "Table 1", "text": "text"}


class EndpointChoice(NamedTuple):
    """A set of endpoints a reader can plot together."""

    label: str
    endpoints: tuple[str, ...]


# The figures a forest plot can show, grouped as a reader asks for them (percent figures;
# counts of patients without a denominator are listed in the rows but not plotted).
ENDPOINT_CHOICES = {
    "response": EndpointChoice("All response rates", tuple(
        key for key, endpoint in trials.ENDPOINTS.items() if endpoint.group == "response")),
    "complete_remission": EndpointChoice("Complete remission (CR, CR/CRi, CR/CRp)", ("CR", "CR_CRi", "CR_CRp")),
    "overall_response": EndpointChoice("Overall or marrow response", (
        "ORR", "response", "BM_remission", "BM_remission_full_recovery")),
    "mrd": EndpointChoice("MRD negativity", ("MRD_negative", "MRD_negative_CR_CRi")),
    "bridging": EndpointChoice("Went on to transplant or CAR-T", (
        "bridged_to_transplant", "bridged_to_transplant_or_car_t")),
    "survival_rate": EndpointChoice("Survival at a time point (%)", (
        "OS_1yr", "OS_2yr", "PFS_2yr", "DOR_2yr", "OS_rate", "PFS_rate")),
    "febrile_neutropenia": EndpointChoice("Febrile neutropenia", ("febrile_neutropenia",)),
}
# Median (or unnamed) survival in months: the survival panel.
SURVIVAL_MONTHS_ENDPOINTS = ("OS_median_months", "OS_months", "OS_average_months", "RFS_median_months")

# Table 1 sometimes leaves unnamed what the text names: the statistic of a survival time,
# the time point of a rate, the kind of a response (ref 18). A Table 1 figure of such an
# endpoint and a text figure of the named one, with the same study, cohort and value, are
# the same figure described twice: one row, with both descriptions.
SAME_FIGURE_AS = {"OS_months": "OS_median_months", "OS_average_months": "OS_median_months",
                  "OS_rate": "OS_2yr", "PFS_rate": "PFS_2yr", "response": "CR"}

# Short cohort labels for the chart rows (the tables use ``trials.COHORTS``).
CHART_COHORTS = {**trials.COHORTS, "received_consolidation": "had consolidation",
                 "historical_control": "original cohort, no venetoclax", "not_stated": "of whom: not stated",
                 "cytarabine_etoposide": "venetoclax + cytarabine/etoposide"}
# Short endpoint wording for a Table 1 description that differs from the text's.
CHART_UNNAMED = {"OS_months": "no statistic named", "OS_average_months": "'on average'",
                 "OS_rate": "no time point", "PFS_rate": "no time point", "response": "'response'"}
# Shorter endpoint labels where those of ``trials.ENDPOINTS`` would crowd a chart row.
CHART_ENDPOINTS = {"BM_remission_full_recovery": "marrow remission + full recovery"}


def chart_endpoint(endpoint: str) -> str:
    return CHART_ENDPOINTS.get(endpoint, trials.ENDPOINTS[endpoint].label)


# --- selection -------------------------------------------------------------------------

def cohort_setting(cohort: str, study_setting: str) -> str:
    """The setting a cohort's figure belongs to: its own for the untreated, frontline and
    R/R cohorts of a study that has both, otherwise the study's."""
    if cohort in ("untreated", "frontline"):
        return "frontline"
    if cohort == "relapsed_refractory":
        return "relapsed_refractory"
    return study_setting


def select_studies(studies: pd.DataFrame, *, lineage=None, setting=None, age_group=None,
                   partner_class=None) -> pd.DataFrame:
    """Studies matching every given filter (``None``: any). A study with frontline and
    R/R cohorts (setting ``mixed``) matches either setting."""
    keep = pd.Series(True, index=studies.index)
    for column, wanted in (("lineage", lineage), ("age_group", age_group), ("partner_class", partner_class)):
        if wanted is not None:
            keep &= studies[column] == wanted
    if setting is not None:
        keep &= studies["setting"].isin([setting, "mixed"])
    return studies[keep]


def select_outcomes(outcomes: pd.DataFrame, studies: pd.DataFrame, *, endpoints=None, lineage=None,
                    setting=None, age_group=None, partner_class=None) -> pd.DataFrame:
    """Figures of the matching studies, of the given endpoints, belonging to the setting.

    With a setting, a study with both frontline and R/R cohorts contributes only the
    figures of the cohort in that setting (``cohort_setting``).
    """
    chosen = select_studies(studies, lineage=lineage, setting=setting, age_group=age_group,
                            partner_class=partner_class)
    keep = outcomes["study_id"].isin(chosen["study_id"])
    if endpoints is not None:
        keep &= outcomes["endpoint"].isin(endpoints)
    if setting is not None:
        study_settings = studies.set_index("study_id")["setting"]
        settings = [cohort_setting(cohort, study_settings[study])
                    for cohort, study in zip(outcomes["cohort"], outcomes["study_id"])]
        keep &= pd.Series(settings, index=outcomes.index) == setting
    return outcomes[keep]


def select_ongoing(trials_frame: pd.DataFrame, *, subtype=None, partner=None) -> pd.DataFrame:
    """Ongoing trials (``trials.unique_ongoing_trials()``) enrolling ``subtype`` and giving ``partner``."""
    keep = pd.Series(True, index=trials_frame.index)
    if subtype is not None:
        keep &= trials_frame["subtypes"].map(lambda items: subtype in items)
    if partner is not None:
        keep &= trials_frame["partners"].map(lambda items: partner in items)
    return trials_frame[keep]


# --- rows of a forest plot -------------------------------------------------------------

@dataclass(frozen=True)
class FigureRow:
    """One figure as a chart row: a study's cohort, what was measured, where it was printed."""

    study_id: str
    citation: str
    cohort: str
    endpoints: tuple[str, ...]     # one per source, in the order of ``sources``
    sources: tuple[str, ...]       # "table1" and/or "text"
    value: float
    unit: str
    numerator: int | None
    denominator: int | None
    ci_low: float | None           # percent
    ci_high: float | None
    disagreement: str | None
    row_ids: tuple[int, ...]       # index labels of the merged outcome rows

    @property
    def has_counts(self) -> bool:
        return self.numerator is not None

    @property
    def plotted(self) -> bool:
        """Counts of patients without a denominator cannot go on a percent or months axis."""
        return self.unit in (trials.PERCENT, trials.MONTHS)

    @property
    def is_comparator(self) -> bool:
        return self.cohort == "historical_control"

    @property
    def heading(self) -> str:
        return f"{self.citation} · {CHART_COHORTS[self.cohort]}"

    @property
    def main_endpoint(self) -> str:
        """The text's endpoint when the sources word it differently (the text names it)."""
        return self.endpoints[self.sources.index("text")] if "text" in self.sources else self.endpoints[0]

    def amount(self) -> str:
        value = f"{self.value:g}"
        if self.unit == trials.PERCENT:
            return f"{value}%"
        if self.unit == trials.PATIENTS:
            return f"{value} patient{'s' if self.value != 1 else ''}"
        return f"{value} {self.unit}"

    def counts_text(self) -> str:
        if self.has_counts:
            return f"({self.numerator}/{self.denominator}; CI {self.ci_low:.1f}–{self.ci_high:.1f})"
        if self.unit == trials.PERCENT:
            return "(no counts: no CI)"
        if self.unit == trials.PATIENTS:
            return "(no denominator: not plotted)"
        return ""

    def source_text(self) -> str:
        if len(set(self.endpoints)) > 1:
            table_endpoint = self.endpoints[self.sources.index("table1")]
            return f"[text] · T1: {CHART_UNNAMED.get(table_endpoint, trials.ENDPOINTS[table_endpoint].label)}"
        return "[" + " + ".join("T1" if source == "table1" else "text" for source in self.sources) + "]"

    @property
    def detail(self) -> str:
        """The second line of a chart row: measure, value, counts and interval, source."""
        mark = "≠ " if self.disagreement else ""
        parts = [f"{mark}{chart_endpoint(self.main_endpoint)} {self.amount()}", self.counts_text(),
                 self.source_text()]
        return " ".join(part for part in parts if part)

    def description(self) -> str:
        """The row in words, for screen readers."""
        words = f"{self.citation}, {trials.COHORTS[self.cohort]}: {trials.ENDPOINTS[self.main_endpoint].label} {self.amount()}"
        if self.has_counts:
            words += (f", {self.numerator} of {self.denominator} patients, exact 95% confidence interval "
                      f"{self.ci_low:.1f} to {self.ci_high:.1f} percent")
        elif self.unit == trials.PERCENT:
            words += ", counts behind it not given, so no interval"
        elif self.unit == trials.PATIENTS:
            words += ", no denominator given, not plotted"
        wording = ", ".join(f"{SOURCE_LABELS[source]}: {trials.ENDPOINTS[endpoint].label}"
                            for source, endpoint in zip(self.sources, self.endpoints))
        words += f" ({wording})"
        if self.disagreement:
            words += "; Table 1 and the text disagree here"
        return words


def _optional_int(value) -> int | None:
    return None if pd.isna(value) else int(value)


def figure_rows(outcomes: pd.DataFrame, studies: pd.DataFrame) -> list[FigureRow]:
    """The figures of ``outcomes`` as chart rows, in the review's order of studies.

    A figure printed alike in Table 1 and in the text (same study, cohort, endpoint or
    ``SAME_FIGURE_AS`` endpoint, value and counts) is one row with both sources; figures
    that differ stay separate rows. The exact 95% interval comes from
    ``widgets.data.trials.with_confidence_intervals``.
    """
    if outcomes.empty:
        return []
    with_ci = trials.with_confidence_intervals(outcomes)
    refs = studies.set_index("study_id")["review_ref"]
    bibkeys = studies.set_index("study_id")["bibkey"]
    endpoint_order = {key: position for position, key in enumerate(trials.ENDPOINTS)}
    cohort_order = {key: position for position, key in enumerate(trials.COHORTS)}
    groups: dict[tuple, list] = {}
    for label, record in zip(with_ci.index, with_ci.itertuples(index=False)):
        key = (record.study_id, record.cohort, SAME_FIGURE_AS.get(record.endpoint, record.endpoint), record.value,
               record.unit, _optional_int(record.numerator), _optional_int(record.denominator))
        groups.setdefault(key, []).append((label, record))
    rows = []
    for (study_id, cohort, family, value, unit, numerator, denominator), members in groups.items():
        members.sort(key=lambda member: trials.SOURCES.index(member[1].source))
        first = members[0][1]
        slugs = [record.disagreement for _, record in members if pd.notna(record.disagreement)]
        rows.append(FigureRow(
            study_id=study_id, citation=short_citation(bibkeys[study_id]), cohort=cohort,
            endpoints=tuple(record.endpoint for _, record in members),
            sources=tuple(record.source for _, record in members),
            value=float(value), unit=unit, numerator=numerator, denominator=denominator,
            ci_low=None if numerator is None else float(first.ci_low_percent),
            ci_high=None if numerator is None else float(first.ci_high_percent),
            disagreement=slugs[0] if slugs else None,
            row_ids=tuple(label for label, _ in members)))
    rows.sort(key=lambda row: (refs[row.study_id], cohort_order[row.cohort], endpoint_order[row.main_endpoint],
                               row.sources))
    return rows


# --- the chart -------------------------------------------------------------------------

class Scale(NamedTuple):
    """The chart's x axis."""

    low: float
    high: float
    ticks: tuple[float, ...]
    tick_suffix: str
    label: str
    unit: str


PERCENT_SCALE = Scale(0, 100, (0, 25, 50, 75, 100), "%",
                      f"Percent of patients; lines: exact {DEFAULT_CONFIDENCE:.0%} CI (Clopper-Pearson)", trials.PERCENT)
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
        self.ax = fig.add_axes((self.LEFT_PX / self.WIDTH_PX, self.FOOTER_PX / height, plot_width / self.WIDTH_PX,
                                row_count * self.ROW_PX / height))
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
        full.quantize(colors=self.PALETTE_COLOURS, method=Image.Quantize.MAXCOVERAGE).save(buffer, format="PNG",
                                                                                         optimize=True)
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        return (f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
                'style="display:block;width:100%;height:auto">')

    def x_px(self, value: float) -> float:
        return self.point(self.ax, value, 0)[0]

    def row_top(self, index: int) -> float:
        return self.header_px + index * self.ROW_PX

    def draw(self, painter, rows: list[FigureRow], title: str) -> None:
        """The title and every row, through ``painter`` (an SVG layer or the figure itself)."""
        if len(rows) != self.row_count:
            raise ValueError(f"rows: this chart has {self.row_count} rows; got {len(rows)}")
        usable = self.WIDTH_PX - 2 * self.LEFT_PX
        painter.text(self.WIDTH_PX / 2, self.TITLE_Y, title, size=fitted_size(title, self.TITLE_PX, usable, True),
                     bold=True, anchor="middle")
        for index, row in enumerate(rows):
            if row.plotted and not self.scale.low <= row.value <= self.scale.high:
                raise ValueError(f"rows: {row.heading} {row.amount()} is outside the axis "
                                 f"({self.scale.low:g} to {self.scale.high:g})")
            top = self.row_top(index)
            painter.text(self.LEFT_PX, top + 16, row.heading, bold=True,
                         size=fitted_size(row.heading, self.HEADING_PX, usable, True))
            painter.text(self.LEFT_PX, top + 33, row.detail, size=fitted_size(row.detail, self.TEXT_PX, usable))
            if row.plotted:
                self._draw_value(painter, row, top + 46)
            if index < len(rows) - 1:
                painter.line(self.LEFT_PX, top + self.ROW_PX, self.WIDTH_PX - self.RIGHT_PX, top + self.ROW_PX,
                             width=1, colour=SEPARATOR_COLOUR)

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
        return (f"Empty chart axes from {self.scale.low:g} to {self.scale.high:g}"
                f"{' percent' if self.scale.unit == trials.PERCENT else ' months'}, with its legend: "
                + "; ".join(words for _, words in self.legend) + ". The rows are described in the layer above.")

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
        painter.polygon([(x, y - size), (x + size, y), (x, y + size), (x - size, y)], fill="#fff",
                        stroke=UNKNOWN_N_COLOUR, width=2)
    elif kind == "square":
        painter.polygon([(x - size, y - size), (x + size, y - size), (x + size, y + size), (x - size, y + size)],
                        fill="#fff", stroke="#000", width=2)
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
        self.elements.append(f"<polygon points='{coordinates}' fill='{fill}' stroke='{stroke}' "
                             f"stroke-width='{width}'/>")


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
        self.fig.text(*self._xy(x, y), content, fontsize=self._points(size), ha=align, va="baseline",
                      fontweight="bold" if bold else "normal", fontfamily="DejaVu Sans")

    def line(self, x1, y1, x2, y2, *, width, colour="#000"):
        (fx1, fy1), (fx2, fy2) = self._xy(x1, y1), self._xy(x2, y2)
        self.fig.add_artist(Line2D([fx1, fx2], [fy1, fy2], transform=self.fig.transFigure, color=colour,
                                   linewidth=self._points(width), solid_capstyle="butt"))

    def circle(self, x, y, radius, *, fill):
        self.fig.add_artist(Ellipse(self._xy(x, y), 2 * radius / self.width, 2 * radius / self.height,
                                    transform=self.fig.transFigure, facecolor=fill, edgecolor="#000",
                                    linewidth=self._points(1)))

    def polygon(self, points, *, fill, stroke, width):
        self.fig.add_artist(Polygon([self._xy(x, y) for x, y in points], closed=True, transform=self.fig.transFigure,
                                    facecolor=fill, edgecolor=stroke, linewidth=self._points(width)))


def row_figure(rows: list[FigureRow], title: str, scale: Scale = PERCENT_SCALE):
    """A chapter figure: the chart with its rows drawn by matplotlib (a ``Figure``)."""
    if not rows:
        raise ValueError("rows: a figure needs at least one row")
    chart = RowChart(len(rows), scale)
    chart.draw(_FigurePainter(chart), rows, title)
    return chart.fig


# --- HTML and Markdown tables ----------------------------------------------------------

def _escape(text) -> str:
    return html.escape(str(text), quote=False)


def study_facts(study) -> str:
    """Design, size, lineage, setting and age of a study, in words."""
    size = f"n = {int(study.n)}" if pd.notna(study.n) else "n not reported"
    return (f"{DESIGN_LABELS[study.design]} · {size} · {LINEAGE_LABELS[study.lineage]} · "
            f"{SETTING_LABELS[study.setting]} · {AGE_LABELS[study.age_group]}")


def studies_table_html(selected: pd.DataFrame, outcomes: pd.DataFrame, disagreements: pd.DataFrame, *,
                       setting=None) -> str:
    """The ``selected`` studies: citation, facts, Table 1's words, every Table 1-versus-text
    disagreement with both figures, and, under "Notes", the study's note and why some of
    its percentages have no counts.

    ``outcomes``: all figures (``trials.load_outcomes()``); ``disagreements``:
    ``trials.table_text_disagreements()``; ``setting``: the setting filter, named for
    the studies that have cohorts in both settings.
    """
    by_study = disagreements.groupby("study_id")
    cells = []
    for study in selected.sort_values("review_ref").itertuples(index=False):
        details = [f"<b>Population:</b> {_escape(study.population)}",
                   f"<b>Regimen:</b> {_escape(study.intervention)}",
                   f"<b>Table 1's outcome:</b> {_escape(study.table1_primary_outcome)}"]
        if setting is not None and study.setting == "mixed":
            details.append(f"<i>Only its {SETTING_LABELS[setting]} cohort's figures are plotted.</i>")
        if study.study_id in by_study.groups:
            for item in by_study.get_group(study.study_id).itertuples(index=False):
                details.append(f"<b>≠ Table 1 and text disagree.</b> Table 1: {_escape(item.table1)}. "
                               f"Text: {_escape(item.text)}. {_escape(item.explanation)}")
        notes = [study.note] if isinstance(study.note, str) else []
        uncounted = outcomes[(outcomes["study_id"] == study.study_id) & outcomes["numerator"].isna()
                             & (outcomes["unit"] == trials.PERCENT) & outcomes["disagreement"].isna()]
        notes += list(dict.fromkeys(uncounted["note"].dropna()))
        if notes:
            details.append("<details><summary>Notes</summary>" + " ".join(_escape(note) for note in notes)
                           + "</details>")
        body = "<br>".join(details[:-1] if notes else details) + (details[-1] if notes else "")
        cells.append(_card_rows(f"{cite_html([study.bibkey])} · review ref {study.review_ref}",
                                study_facts(study), body))
    count = len(cells)
    caption = (f"{count} stud{'y' if count == 1 else 'ies'} selected; figures as the review prints them in "
               f"Table 1 and its text {cite_html([trials.REVIEW_BIBKEY])}, with each study's own source")
    return _card_table(caption, cells)


def _card_rows(title: str, facts: str, body: str) -> str:
    """One item of a one-column table: a header row (title and facts) over its details,
    which reads the same on a phone and a desktop."""
    return (f"<tbody><tr><th scope='rowgroup' style='text-align:left;padding-top:0.6em;"
            f"border-top:1px solid #bbb'>{title}<br><span style='font-weight:normal'>{_escape(facts)}</span>"
            f"</th></tr><tr><td style='padding-bottom:0.4em'>{body}</td></tr></tbody>")


def _card_table(caption: str, items: list[str]) -> str:
    return ("<table class='trial-table' style='width:100%;border-collapse:collapse;font-size:0.92em;line-height:1.45'>"
            f"<caption style='text-align:left'>{caption}</caption>" + "".join(items) + "</table>")


def ongoing_trials_html(trials_frame: pd.DataFrame) -> str:
    """Ongoing trials (``trials.unique_ongoing_trials()`` rows): each NCT number linked to its
    ClinicalTrials.gov record, with the review's phase, population, regimen and notes."""
    cells = []
    for trial in trials_frame.itertuples(index=False):
        phases = " and ".join(f"{PHASE_LABELS[phase]} (Table {table})"
                              for phase, table in zip(trial.phases, trial.review_tables))
        details = [f"<b>Population:</b> {_escape(trial.population)}",
                   f"<b>Regimen:</b> {_escape(trial.intervention)}",
                   "<b>Partners:</b> " + ", ".join(TRIAL_PARTNER_LABELS[item] for item in trial.partners)]
        if isinstance(trial.primary_outcome, str):
            details.append(f"<b>Primary outcome (Table 2):</b> {_escape(trial.primary_outcome)}")
        if trial.note:
            details.append(f"<b>Note:</b> {_escape(trial.note)}")
        link = f"<a href='{html.escape(trial.url, quote=True)}'>{trial.nct_id}</a>"
        cells.append(_card_rows(link, phases, "<br>".join(details)))
    count = len(cells)
    caption = (f"{count} ongoing trial{'' if count == 1 else 's'}, as the review's Tables 2 and 3 describe them "
               f"{cite_html([trials.REVIEW_BIBKEY])}; each number links to the trial's record on ClinicalTrials.gov")
    return _card_table(caption, cells)


def disagreements_markdown(outcomes=None, studies=None) -> str:
    """Every place where Table 1 and the text differ, as a MyST list with citations (a list
    rather than a table: it reads on a phone)."""
    frame = trials.table_text_disagreements(outcomes, studies)
    items = [f"- {{cite:t}}`{item.bibkey}` (ref {item.review_ref}). *Table 1:* {item.table1}. "
             f"*Text:* {item.text}. {item.explanation}" for item in frame.itertuples(index=False)]
    return "\n".join(items)


def ongoing_partner_counts(trials_frame: pd.DataFrame) -> pd.Series:
    """How many of the trials give venetoclax with each partner class (a trial may count twice)."""
    counts = {key: int(sum(key in items for items in trials_frame["partners"])) for key in trials.TRIAL_PARTNERS}
    return pd.Series(counts, name="trials")


def ongoing_partner_figure(trials_frame: pd.DataFrame):
    """Bar chart: the number of ongoing trials per partner class, each bar labeled."""
    counts = ongoing_partner_counts(trials_frame).sort_values()
    style.apply()
    # Narrow, with large type: it is read on phones as often as on desktops.
    fig, ax = plt.subplots(figsize=(4.6, 3.8))
    labels = [TRIAL_PARTNER_LABELS[key].replace("tyrosine kinase inhibitor", "TKI").replace(" ozogamicin", "")
              for key in counts.index]
    ax.barh(labels, counts.values, color=style.OKABE_ITO["blue"], edgecolor="black")
    for position, value in enumerate(counts.values):
        ax.text(value + 0.1, position, f"{value}", va="center", fontsize=12)
    ax.tick_params(labelsize=12)
    ax.set_xlabel(f"Trials, of {len(trials_frame)};\na trial may count twice", fontsize=11)
    ax.set_xlim(0, counts.max() + 1)
    ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
    fig.tight_layout()
    return fig


# --- numbers for the chapters' prose ---------------------------------------------------

def outcome_key(record) -> str:
    """The glue name of an outcome row: ``study.cohort.endpoint.source``."""
    return f"{record.study_id}.{record.cohort}.{record.endpoint}.{record.source}"


def prose_numbers(studies=None, outcomes=None, ongoing=None) -> dict[str, float]:
    """Every number the clinical chapters quote, by glue name, computed from ``data/``.

    For each outcome row (``outcome_key``): ``<key>.value`` and, where counts are known,
    ``.num``, ``.den``, ``.low`` and ``.high`` (exact 95% interval, percent), ``.width``
    (its width, percentage points), ``.wlow`` and ``.whigh`` (Wilson interval). For each
    study: ``<study>.n``, ``.dose_mg``, ``.days`` where reported. Counts: ``studies.count``,
    ``disagreements.count``, ``studies.<column>.<category>``, ``ongoing.rows``, ``ongoing.unique``,
    ``ongoing.both_tables``, ``ongoing.table2``, ``ongoing.table3``,
    ``ongoing.partner.<partner>``, ``ongoing.subtype.<subtype>``; ``ci.percent``.
    """
    studies = trials.load_studies() if studies is None else studies
    outcomes = trials.load_outcomes() if outcomes is None else outcomes
    ongoing = trials.load_ongoing_trials() if ongoing is None else ongoing
    numbers: dict[str, float] = {"ci.percent": 100 * DEFAULT_CONFIDENCE, "studies.count": len(studies),
                                 "disagreements.count": len(trials.table_text_disagreements(outcomes, studies))}
    exact = trials.with_confidence_intervals(outcomes)
    wilson = trials.with_confidence_intervals(outcomes, method="wilson")
    for record, score in zip(exact.itertuples(index=False), wilson.itertuples(index=False)):
        key = outcome_key(record)
        numbers[f"{key}.value"] = float(record.value)
        if pd.notna(record.numerator):
            numbers.update({f"{key}.num": int(record.numerator), f"{key}.den": int(record.denominator),
                            f"{key}.low": record.ci_low_percent, f"{key}.high": record.ci_high_percent,
                            f"{key}.width": record.ci_high_percent - record.ci_low_percent,
                            f"{key}.wlow": score.ci_low_percent, f"{key}.whigh": score.ci_high_percent})
    for study in studies.itertuples(index=False):
        for column, name in (("n", "n"), ("venetoclax_dose_mg", "dose_mg"), ("venetoclax_days", "days")):
            if pd.notna(getattr(study, column)):
                numbers[f"{study.study_id}.{name}"] = int(getattr(study, column))
    for column in ("lineage", "setting", "age_group", "design", "partner_class"):
        for category, count in studies[column].value_counts().items():
            numbers[f"studies.{column}.{category}"] = int(count)
    unique = trials.unique_ongoing_trials(ongoing)
    numbers.update({"ongoing.rows": len(ongoing), "ongoing.unique": len(unique),
                    "ongoing.both_tables": int(sum(len(tables) > 1 for tables in unique["review_tables"])),
                    "ongoing.table2": int((ongoing["review_table"] == 2).sum()),
                    "ongoing.table3": int((ongoing["review_table"] == 3).sum())})
    for partner, count in ongoing_partner_counts(unique).items():
        numbers[f"ongoing.partner.{partner}"] = count
    for subtype in trials.TRIAL_SUBTYPES:
        numbers[f"ongoing.subtype.{subtype}"] = int(sum(subtype in items for items in unique["subtypes"]))
    # Plain Python numbers: glue shows a value's repr, and numpy's is "np.float64(...)".
    return {name: float(value) if isinstance(value, float) or hasattr(value, "dtype") and value.dtype.kind == "f"
            else int(value) for name, value in numbers.items()}
