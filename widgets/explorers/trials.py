"""The trial explorers: filter the review's Table 1 studies and its ongoing trials.

``trial_explorer``: five filters (lineage, setting, age group, partner class, endpoint)
above a forest-style chart of the selected response rates, a chart of median survival
in months, and a table of the selected studies with their citations and the places
where the review's Table 1 and its text disagree.

``ongoing_trials_explorer``: two filters (ALL subtype, partner drug) above a table of
the ongoing trials, each linked to its ClinicalTrials.gov record.

Both work with no kernel: every combination of filters is precomputed and the controls
switch between views in the browser (``widgets.explorers.static_views``). Many combinations
select the same figures, so a view is built once per distinct selection and shared by
every combination that selects it, with one shared view for "no study matches"; the
stacks themselves are shared where their contents are (``linked_views(share=True)``).
A line of chips above the views names every filter's current choice, so the reader
always sees what a control did, even where it leaves the selection unchanged. The same
explorers work in a live kernel.
"""

from __future__ import annotations

from functools import reduce

import ipywidgets
from ipywidgets.widgets.widget_string import HTMLStyle

from widgets.data import trial_selection as selection
from widgets.data import trials
from widgets.explorers import static_views
from widgets.presentation import forest
from widgets.presentation.cards import ongoing_trials_html, studies_table_html
from widgets.presentation.forest_rows import figure_rows
from widgets.presentation.text import plural
from widgets.presentation.trial_labels import (
    AGE_LABELS,
    LINEAGE_LABELS,
    PARTNER_LABELS,
    SUBTYPE_LABELS,
    TRIAL_PARTNER_LABELS,
)

ALL_OPTION = None


def _choices(all_label: str, labels: dict) -> tuple[tuple[str, str | None], ...]:
    """("All ...", None) then each category as (its label, capitalised; its key)."""
    return ((all_label, ALL_OPTION), *((label[0].upper() + label[1:], key) for key, label in labels.items()))


LINEAGE_CHOICES = _choices("All lineages", LINEAGE_LABELS)
SETTING_CHOICES = (
    ("All settings", ALL_OPTION),
    ("Frontline", "frontline"),
    ("Relapsed/refractory", "relapsed_refractory"),
)
AGE_CHOICES = _choices("All ages", AGE_LABELS)
PARTNER_CHOICES = _choices("All partners", PARTNER_LABELS)
ENDPOINT_CHOICES = tuple((choice.label, key) for key, choice in selection.ENDPOINT_CHOICES.items())
# (control label, keyword of selection.select_outcomes, options) in the order shown.
FILTERS = (
    ("Lineage:", "lineage", LINEAGE_CHOICES),
    ("Setting:", "setting", SETTING_CHOICES),
    ("Age group:", "age_group", AGE_CHOICES),
    ("Partner:", "partner_class", PARTNER_CHOICES),
    ("Endpoint:", "endpoints", ENDPOINT_CHOICES),
)
SUBTYPE_CHOICES = _choices("All subtypes", SUBTYPE_LABELS)
TRIAL_PARTNER_CHOICES = _choices("All partners", TRIAL_PARTNER_LABELS)

NO_MATCH_HTML = (
    "<p role='status' style='margin:0.5em 0;line-height:1.5'><strong>No study matches these filters.</strong> "
    "Set one of them back to “All” to widen the selection.</p>"
)
NO_TRIAL_HTML = (
    "<p role='status' style='margin:0.5em 0;line-height:1.5'><strong>No ongoing trial matches these filters.</strong> "
    "Set one of them back to “All” to widen the selection.</p>"
)
CHART_MAX_WIDTH = "520px"
CAPTION = (
    "Figures as the review prints them in its Table 1 and text; intervals are computed here from the counts. "
    "Small single-arm studies, different endpoints and different patients: compare with care."
)
# CSS classes of the explorers' parts inside the views box (``static_views.VIEWS_CLASS``), by
# which tests find them: the chips, the two charts (each an overlay of an axes layer and a
# data layer) and the table of studies or trials.
CHIPS_CLASS, FOREST_CLASS, SURVIVAL_CLASS, TABLE_CLASS = (
    "trial-explorer-chips",
    "trial-explorer-forest",
    "trial-explorer-survival",
    "trial-explorer-table",
)
AXES_CLASS, DATA_CLASS = "trial-chart-axes", "trial-chart-data"


def _chips(controls, filters) -> ipywidgets.Widget:
    """One small stack per control naming its current choice (cheap: one view per option),
    side by side and wrapping on a phone."""
    layout = ipywidgets.Layout(width="auto", margin="0 1em 0 0")
    style = HTMLStyle()
    stacks = []
    for control, (name, _, options) in zip(controls, filters):
        stack = static_views.linked_views(
            [control],
            lambda index, name=name, options=options: ipywidgets.HTML(
                f"<span style='font-size:0.9em'>{name} <b>{options[index][0]}</b></span>", layout=layout, style=style
            ),
        )
        stack.layout = layout
        stacks.append(stack)
    chips = ipywidgets.HBox(stacks, layout=ipywidgets.Layout(flex_flow="row wrap", width="100%"))
    chips.add_class(CHIPS_CLASS)
    return chips


class _TrialViews:
    """Every distinct view, built once: charts by their rows, tables by their studies."""

    def __init__(self, studies, outcomes):
        self.studies, self.outcomes = studies, outcomes
        self.disagreements = selection.table_text_disagreements(outcomes, studies)
        self.empty = static_views.html_view("")
        self.no_match = static_views.html_view(NO_MATCH_HTML)
        self.charts: dict[tuple, forest.RowChart] = {}
        self.widgets: dict[tuple, ipywidgets.Widget] = {}
        self.rows_cache: dict[tuple, list] = {}
        # The studies and the figure rows each single option selects; a combination of
        # options selects their intersection (the filters are independent conditions).
        self.study_sets, self.row_sets = [], []
        for _, keyword, options in FILTERS:
            self.row_sets.append([self._rows_for(keyword, value) for _, value in options])
            self.study_sets.append([self._studies_for(keyword, value) for _, value in options])
        self.survival_rows = frozenset(
            selection.select_outcomes(outcomes, studies, endpoints=selection.SURVIVAL_MONTHS_ENDPOINTS).index
        )

    def _rows_for(self, keyword, value) -> frozenset:
        if keyword == "endpoints":
            value = selection.ENDPOINT_CHOICES[value].endpoints
        return frozenset(selection.select_outcomes(self.outcomes, self.studies, **{keyword: value}).index)

    def _studies_for(self, keyword, value) -> frozenset:
        if keyword == "endpoints":
            return frozenset(self.studies["study_id"])
        return frozenset(selection.select_studies(self.studies, **{keyword: value})["study_id"])

    def selection(self, indices) -> tuple[frozenset, frozenset, frozenset]:
        """(studies, forest rows, survival rows) selected by one option index per filter."""
        studies = reduce(frozenset.intersection, (sets[i] for sets, i in zip(self.study_sets, indices)))
        rows = reduce(frozenset.intersection, (sets[i] for sets, i in zip(self.row_sets, indices)))
        filter_rows = reduce(frozenset.intersection, (sets[i] for sets, i in zip(self.row_sets[:-1], indices[:-1])))
        return studies, rows, filter_rows & self.survival_rows

    def _chart(self, scale, count) -> forest.RowChart:
        key = (scale.unit, count)
        if key not in self.charts:
            self.charts[key] = forest.RowChart(count, scale)
        return self.charts[key]

    def _shared(self, key, build) -> ipywidgets.Widget:
        if key not in self.widgets:
            self.widgets[key] = build()
        return self.widgets[key]

    def _figure_rows(self, row_ids):
        key = ("rows", tuple(sorted(row_ids)))
        if key not in self.rows_cache:
            self.rows_cache[key] = figure_rows(self.outcomes.loc[list(key[1])], self.studies)
        return self.rows_cache[key]

    def forest(self, indices) -> ipywidgets.Widget:
        studies, rows, _ = self.selection(indices)
        if not studies:
            return self.no_match
        choice_key = ENDPOINT_CHOICES[indices[-1]][1]
        choice = selection.ENDPOINT_CHOICES[choice_key]
        if not rows:
            return self._shared(
                ("forest-none", choice_key),
                lambda: static_views.html_view(
                    "<p role='status' style='margin:0.5em 0;line-height:1.5'><strong>"
                    "The review reports no figure of this kind "
                    f"({choice.label.lower()}) for the selected studies.</strong> The table below lists what it "
                    "does report.</p>"
                ),
            )

        def build():
            chart_rows = self._figure_rows(rows)
            chart = self._chart(forest.PERCENT_SCALE, len(chart_rows))
            count = len({row.study_id for row in chart_rows})
            title = f"{choice.label}: {plural(len(chart_rows), 'figure')}, {plural(count, 'study', 'studies')}"
            return static_views.html_view(chart.data_layer(chart_rows, title))

        return self._shared(("forest", choice_key, tuple(sorted(rows))), build)

    def survival(self, indices) -> ipywidgets.Widget:
        studies, _, rows = self.selection(indices)
        if not studies:
            return self.empty
        if not rows:
            return self._shared(
                ("survival-none",),
                lambda: static_views.html_view(
                    "<p style='margin:0.5em 0;line-height:1.5'>"
                    "The review gives no survival in months for the selected studies.</p>"
                ),
            )

        def build():
            chart_rows = self._figure_rows(rows)
            chart = self._chart(forest.MONTHS_SCALE, len(chart_rows))
            title = f"Survival in months: {plural(len(chart_rows), 'figure')}"
            return static_views.html_view(chart.data_layer(chart_rows, title))

        return self._shared(("survival", tuple(sorted(rows))), build)

    def background(self, scale, indices) -> ipywidgets.Widget:
        """The chart axes for the number of rows the data layer above them has."""
        studies, rows, survival_rows = self.selection(indices)
        rows = survival_rows if scale is forest.MONTHS_SCALE else rows
        if not studies or not rows:
            return self.empty
        count = len(self._figure_rows(rows))
        chart = self._chart(scale, count)
        return self._shared(
            ("background", scale.unit, count), lambda: static_views.html_view(chart.background_html(chart.alt_text()))
        )

    def table(self, indices) -> ipywidgets.Widget:
        studies, _, _ = self.selection(indices)
        if not studies:
            return self.empty
        setting = SETTING_CHOICES[indices[1]][1]
        selected = self.studies[self.studies["study_id"].isin(studies)]
        scope = setting if (selected["setting"] == "mixed").any() else None
        return self._shared(
            ("table", tuple(sorted(studies)), scope),
            lambda: static_views.html_view(
                studies_table_html(selected, self.outcomes, self.disagreements, setting=scope)
            ),
        )


def _chart_box(background, data, css_class: str) -> ipywidgets.Widget:
    box = static_views.overlay([background, data])
    box.layout.max_width = CHART_MAX_WIDTH
    box.add_class(css_class)
    for cell, layer_class in zip(box.children, (AXES_CLASS, DATA_CLASS)):
        cell.add_class(layer_class)
    return box


def _table_box(table) -> ipywidgets.Widget:
    """The table's views in a box of their own (the views may be shared; the box is not)."""
    box = ipywidgets.Box([table], layout=ipywidgets.Layout(width="100%"))
    box.add_class(TABLE_CLASS)
    return box


def _start_index(keyword: str, options, start: dict) -> int:
    values = [value for _, value in options]
    if start.get(keyword, ALL_OPTION) not in values:
        raise ValueError(f"start: {keyword} must be one of {', '.join(map(str, values))}; got {start[keyword]!r}")
    return values.index(start.get(keyword, ALL_OPTION))


def trial_explorer(studies=None, outcomes=None, *, start=None) -> ipywidgets.Widget:
    """The Table 1 explorer (``studies``/``outcomes``: the ``widgets.data.trials`` loaders' frames).

    ``start``: the filters' first choices, by keyword of ``FILTERS`` (e.g.
    ``{"lineage": "B", "endpoints": "mrd"}``); unnamed filters start at "All" (endpoint: the
    first choice).
    """
    studies = trials.load_studies() if studies is None else studies
    outcomes = trials.load_outcomes() if outcomes is None else outcomes
    start = dict(start or {})
    unknown = sorted(set(start) - {keyword for _, keyword, _ in FILTERS})
    if unknown:
        raise ValueError(f"start: unknown filter(s) {unknown}; known: {', '.join(k for _, k, _ in FILTERS)}")
    start.setdefault("endpoints", ENDPOINT_CHOICES[0][1])
    views = _TrialViews(studies, outcomes)
    controls = [
        static_views.dropdown(name, [label for label, _ in options], _start_index(keyword, options, start))
        for name, keyword, options in FILTERS
    ]
    # Data layers first: a chart's background is rendered (and its figure closed) last.
    forest_data = static_views.linked_views(controls, lambda *indices: views.forest(indices), share=True)
    survival_data = static_views.linked_views(controls, lambda *indices: views.survival(indices), share=True)
    forest_axes = static_views.linked_views(
        controls, lambda *indices: views.background(forest.PERCENT_SCALE, indices), share=True
    )
    survival_axes = static_views.linked_views(
        controls, lambda *indices: views.background(forest.MONTHS_SCALE, indices), share=True
    )
    table = static_views.linked_views(controls, lambda *indices: views.table(indices), share=True)
    shown = ipywidgets.VBox(
        [
            _chips(controls, FILTERS),
            _chart_box(forest_axes, forest_data, FOREST_CLASS),
            _chart_box(survival_axes, survival_data, SURVIVAL_CLASS),
            _table_box(table),
        ],
        layout=ipywidgets.Layout(width="100%"),
    )
    return static_views.explorer(controls, shown, caption=CAPTION)


def ongoing_trials_explorer(ongoing=None) -> ipywidgets.Widget:
    """The ongoing-trials explorer (``ongoing``: ``ongoing_trials.load_ongoing_trials()``)."""
    unique = selection.unique_ongoing_trials(ongoing)
    filters = (("ALL subtype:", "subtype", SUBTYPE_CHOICES), ("Partner drug:", "partner", TRIAL_PARTNER_CHOICES))
    controls = [static_views.dropdown(name, [label for label, _ in options]) for name, _, options in filters]
    no_match = static_views.html_view(NO_TRIAL_HTML)
    tables: dict[tuple, ipywidgets.Widget] = {}

    def view_for(subtype_index, partner_index):
        selected = selection.select_ongoing(
            unique, subtype=SUBTYPE_CHOICES[subtype_index][1], partner=TRIAL_PARTNER_CHOICES[partner_index][1]
        )
        if selected.empty:
            return no_match
        key = tuple(selected["nct_id"])
        if key not in tables:
            tables[key] = static_views.html_view(ongoing_trials_html(selected))
        return tables[key]

    table = _table_box(static_views.linked_views(controls, view_for, share=True))
    shown = ipywidgets.VBox([_chips(controls, filters), table], layout=ipywidgets.Layout(width="100%"))
    return static_views.explorer(controls, shown)
