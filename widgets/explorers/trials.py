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
every combination that selects it; a combination that matches nothing says which filter
to set back to "All" (``filter_counts.relax_hint``). The stacks themselves are shared where
their contents are (``linked_views(share=True)``). A line of chips above the views names
every filter's current choice, so the reader always sees what a control did, even where it
leaves the selection unchanged. Each explorer embeds how many studies (or figures, or
trials) every option leaves with the other filters, which the book's script shows in the
menus (``filter_counts``). The controls sit in a grid: one column on a phone, two or more
side by side on a wider screen. The same explorers work in a live kernel.
"""

from __future__ import annotations

from functools import reduce

import ipywidgets
from ipywidgets.widgets.widget_string import HTMLStyle

from widgets.data import trial_selection as selection
from widgets.data import trials
from widgets.data.bibliography import short_citation
from widgets.explorers import filter_counts, static_views
from widgets.presentation import forest
from widgets.presentation.cards import ongoing_trials_html, studies_table_html
from widgets.presentation.forest_rows import figure_rows
from widgets.presentation.text import mid_sentence, plural
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

# Charts are shown at most at their own size (on a phone, narrower: forest.RowChart).
CHART_MAX_WIDTH = f"{forest.RowChart.WIDTH_PX}px"
CAPTION = (
    "Figures as the review prints them in its Table 1 and text; intervals are computed here from the counts. "
    "Small single-arm studies, different endpoints and different patients: compare with care. "
    "The number after each menu option is how many studies it would leave (for the endpoint, how many figures)."
)
ONGOING_CAPTION = "The number after each menu option is how many trials it would leave."
# CSS classes of the explorers' parts inside the views box (``static_views.VIEWS_CLASS``), by
# which tests find them: the chips, the two charts (each an SVG in an overlay of one layer,
# styled as the book's layered figures are) and the table of studies or trials.
CHIPS_CLASS, FOREST_CLASS, SURVIVAL_CLASS, TABLE_CLASS = (
    "trial-explorer-chips",
    "trial-explorer-forest",
    "trial-explorer-survival",
    "trial-explorer-table",
)
DATA_CLASS = "trial-chart-data"
# The grid of menus (assets/css/book.css puts each menu's name above it).
MENU_GRID_CLASS = "book-menu-grid"


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


def _all_labels(filters) -> list[tuple[str, str]]:
    """(name without its colon, label of its "All" option) per filter (``filter_counts.relax_hint``)."""
    return [(name.rstrip(":"), options[0][0]) for name, _, options in filters]


class _TrialViews:
    """Every distinct view, built once: charts by their rows, tables by their studies."""

    def __init__(self, studies, outcomes):
        self.studies, self.outcomes = studies, outcomes
        self.disagreements = selection.table_text_disagreements(outcomes, studies)
        self.empty = static_views.html_view("")
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

    def study_count(self, indices) -> int:
        return len(self.selection(indices)[0])

    def figure_count(self, indices) -> int:
        """The figures the forest chart shows (Table 1 and text printing one alike: one figure)."""
        return len(self._figure_rows(self.selection(indices)[1]))

    def _shared(self, key, build) -> ipywidgets.Widget:
        if key not in self.widgets:
            self.widgets[key] = build()
        return self.widgets[key]

    def _figure_rows(self, row_ids):
        key = tuple(sorted(row_ids))
        if key not in self.rows_cache:
            self.rows_cache[key] = figure_rows(self.outcomes.loc[list(key)], self.studies)
        return self.rows_cache[key]

    def coverage(self, chart_rows, studies) -> str:
        """How many of the selected studies the figures come from, naming up to two that give none."""
        shown = {row.study_id for row in chart_rows}
        figures = plural(len(chart_rows), "figure")
        if len(studies) == 1:
            return f"{figures} from the selected study"
        if len(shown) == len(studies):
            return f"{figures} from all {len(studies)} selected studies"
        words = f"{figures} from {len(shown)} of the {len(studies)} selected studies"
        missing = self.studies[self.studies["study_id"].isin(studies - shown)].sort_values("review_ref")
        if len(missing) <= 2:
            return words + "; none from " + " or ".join(map(short_citation, missing["bibkey"]))
        return words

    def no_match(self, indices) -> ipywidgets.Widget:
        hint = filter_counts.relax_hint(
            tuple(indices[:-1]), self.study_count_of_filters, _all_labels(FILTERS[:-1]), "studies"
        )
        return self._shared(("no-match", hint), lambda: static_views.html_view(hint))

    def study_count_of_filters(self, study_indices) -> int:
        return self.study_count((*study_indices, 0))

    def forest(self, indices) -> ipywidgets.Widget:
        studies, rows, _ = self.selection(indices)
        if not studies:
            return self.no_match(indices)
        choice_key = ENDPOINT_CHOICES[indices[-1]][1]
        choice = selection.ENDPOINT_CHOICES[choice_key]
        if not rows:
            return self._shared(
                ("forest-none", choice_key),
                lambda: static_views.html_view(
                    "<p role='status' style='margin:0.5em 0;line-height:1.5'><strong>"
                    "The review reports no figure of this kind "
                    f"({mid_sentence(choice.label)}) for the selected studies.</strong> The table below lists what it "
                    "does report; the endpoint menu counts the figures of each kind.</p>"
                ),
            )

        def build():
            chart_rows = self._figure_rows(rows)
            chart = forest.RowChart(chart_rows, choice.label, forest.PERCENT_SCALE, self.coverage(chart_rows, studies))
            return static_views.html_view(chart.svg())

        return self._shared(("forest", choice_key, tuple(sorted(rows)), tuple(sorted(studies))), build)

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
            note = self.coverage(chart_rows, studies)
            return static_views.html_view(
                forest.RowChart(chart_rows, "Survival in months", forest.MONTHS_SCALE, note).svg()
            )

        return self._shared(("survival", tuple(sorted(rows)), tuple(sorted(studies))), build)

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


def _chart_box(data, css_class: str) -> ipywidgets.Widget:
    box = static_views.overlay([data])
    box.layout.max_width = CHART_MAX_WIDTH
    box.add_class(css_class)
    box.children[0].add_class(DATA_CLASS)
    return box


def _grid(block: ipywidgets.Widget, label_width: str) -> ipywidgets.Widget:
    """The explorer's controls in a grid: stacked in one column on a phone, side by side in
    columns of at least 20em on a wider screen, each menu filling its cell (a row of menus of
    their own widths wrapped into a staircase). The book's style (``MENU_GRID_CLASS``) puts
    each menu's name above it, so that the menu has the cell's whole width; without that
    style the names take a column of ``label_width``, wide enough for the longest."""
    controls = block.children[0]
    controls.add_class(MENU_GRID_CLASS)
    controls.layout.display = "grid"
    controls.layout.grid_template_columns = "repeat(auto-fill, minmax(min(100%, 20em), 1fr))"
    controls.layout.grid_gap = "0.25em 1em"
    for control in controls.children:
        control.layout.width = "auto"
        control.style.description_width = label_width
    return block


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
    forest_data = static_views.linked_views(controls, lambda *indices: views.forest(indices), share=True)
    survival_data = static_views.linked_views(controls, lambda *indices: views.survival(indices), share=True)
    table = static_views.linked_views(controls, lambda *indices: views.table(indices), share=True)
    counts = filter_counts.counts_view(
        [len(options) for _, _, options in FILTERS],
        {"studies": views.study_count, "figures": views.figure_count},
        ["studies"] * (len(FILTERS) - 1) + ["figures"],
        [control.index for control in controls],
    )
    shown = ipywidgets.VBox(
        [
            _chips(controls, FILTERS),
            _chart_box(forest_data, FOREST_CLASS),
            _chart_box(survival_data, SURVIVAL_CLASS),
            _table_box(table),
            counts,
        ],
        layout=ipywidgets.Layout(width="100%"),
    )
    return _grid(static_views.explorer(controls, shown, caption=CAPTION), "6em")


def ongoing_trials_explorer(ongoing=None) -> ipywidgets.Widget:
    """The ongoing-trials explorer (``ongoing``: ``ongoing_trials.load_ongoing_trials()``)."""
    unique = selection.unique_ongoing_trials(ongoing)
    filters = (("ALL subtype:", "subtype", SUBTYPE_CHOICES), ("Partner drug:", "partner", TRIAL_PARTNER_CHOICES))
    controls = [static_views.dropdown(name, [label for label, _ in options]) for name, _, options in filters]
    views: dict[tuple, ipywidgets.Widget] = {}

    def selected(indices):
        subtype_index, partner_index = indices
        return selection.select_ongoing(
            unique, subtype=SUBTYPE_CHOICES[subtype_index][1], partner=TRIAL_PARTNER_CHOICES[partner_index][1]
        )

    def view_for(*indices):
        chosen = selected(indices)
        if chosen.empty:
            markup = filter_counts.relax_hint(
                indices, lambda widened: len(selected(widened)), _all_labels(filters), "trials"
            )
        else:
            markup = ongoing_trials_html(chosen)
        if markup not in views:
            views[markup] = static_views.html_view(markup)
        return views[markup]

    table = _table_box(static_views.linked_views(controls, view_for, share=True))
    counts = filter_counts.counts_view(
        [len(options) for _, _, options in filters],
        {"trials": lambda indices: len(selected(indices))},
        ["trials"] * 2,
        [0, 0],
    )
    shown = ipywidgets.VBox([_chips(controls, filters), table, counts], layout=ipywidgets.Layout(width="100%"))
    return _grid(static_views.explorer(controls, shown, caption=ONGOING_CAPTION), "7.5em")
