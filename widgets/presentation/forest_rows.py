"""The rows of the forest chart: each reported figure as one row (``figure_rows``).

A figure that Table 1 and the text print alike is one row with both sources; where they
differ, both rows are kept and marked. Percentages with known counts carry an exact 95%
interval (``widgets.data.trials.with_confidence_intervals``). A row knows its words: the
heading and detail lines a chart draws (``widgets.presentation.forest``) and the sentence
a screen reader reads out (``FigureRow.description``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from widgets.data import trials
from widgets.data.bibliography import short_citation
from widgets.data.trial_selection import SAME_FIGURE_AS
from widgets.presentation.text import plural
from widgets.presentation.trial_labels import CHART_COHORTS, CHART_UNNAMED, SOURCE_LABELS, chart_endpoint


@dataclass(frozen=True)
class FigureRow:
    """One figure as a chart row: a study's cohort, what was measured, where it was printed."""

    study_id: str
    citation: str
    cohort: str
    endpoints: tuple[str, ...]  # one per source, in the order of ``sources``
    sources: tuple[str, ...]  # "table1" and/or "text"
    value: float
    unit: str
    numerator: int | None
    denominator: int | None
    ci_low: float | None  # percent
    ci_high: float | None
    disagreement: str | None
    row_ids: tuple[int, ...]  # index labels of the merged outcome rows

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
            return plural(int(self.value), "patient")
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
        parts = [f"{mark}{chart_endpoint(self.main_endpoint)} {self.amount()}", self.counts_text(), self.source_text()]
        return " ".join(part for part in parts if part)

    def description(self) -> str:
        """The row in words, for screen readers."""
        measure = trials.ENDPOINTS[self.main_endpoint].label
        words = f"{self.citation}, {trials.COHORTS[self.cohort]}: {measure} {self.amount()}"
        if self.has_counts:
            words += (
                f", {self.numerator} of {self.denominator} patients, exact 95% confidence interval "
                f"{self.ci_low:.1f} to {self.ci_high:.1f} percent"
            )
        elif self.unit == trials.PERCENT:
            words += ", counts behind it not given, so no interval"
        elif self.unit == trials.PATIENTS:
            words += ", no denominator given, not plotted"
        wording = ", ".join(
            f"{SOURCE_LABELS[source]}: {trials.ENDPOINTS[endpoint].label}"
            for source, endpoint in zip(self.sources, self.endpoints)
        )
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
        key = (
            record.study_id,
            record.cohort,
            SAME_FIGURE_AS.get(record.endpoint, record.endpoint),
            record.value,
            record.unit,
            _optional_int(record.numerator),
            _optional_int(record.denominator),
        )
        groups.setdefault(key, []).append((label, record))
    rows = []
    for (study_id, cohort, _family, value, unit, numerator, denominator), members in groups.items():
        members.sort(key=lambda member: trials.SOURCES.index(member[1].source))
        first = members[0][1]
        slugs = [record.disagreement for _, record in members if pd.notna(record.disagreement)]
        rows.append(
            FigureRow(
                study_id=study_id,
                citation=short_citation(bibkeys[study_id]),
                cohort=cohort,
                endpoints=tuple(record.endpoint for _, record in members),
                sources=tuple(record.source for _, record in members),
                value=float(value),
                unit=unit,
                numerator=numerator,
                denominator=denominator,
                ci_low=None if numerator is None else float(first.ci_low_percent),
                ci_high=None if numerator is None else float(first.ci_high_percent),
                disagreement=slugs[0] if slugs else None,
                row_ids=tuple(label for label, _ in members),
            )
        )
    rows.sort(
        key=lambda row: (refs[row.study_id], cohort_order[row.cohort], endpoint_order[row.main_endpoint], row.sources)
    )
    return rows
