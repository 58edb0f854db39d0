"""widgets.explorers.trials: filters select the right figures, counts agree, no combination
is a dead end without an explanation, shared views, the controls' grid, page-size budget."""

import html
import itertools
import json
import math
import re

import ipywidgets
import pytest
from ipywidgets.embed import dependency_state
from ipywidgets.widgets.widget import _instances
from ipywidgets.widgets.widget_link import Link

from tests.widgets.explorers.parts import part
from widgets.data import trial_selection as selection
from widgets.data import trials
from widgets.data.bibliography import short_citation
from widgets.explorers import filter_counts, static_views
from widgets.explorers import trials as explorer
from widgets.presentation.forest_rows import figure_rows
from widgets.stats import clopper_pearson_interval

# The page budget is 3 MB for a chapter (CONTRIBUTING.md). An explorer's saved state,
# with every default kept (as a notebook's saved widget state has it), must leave room
# for the chapter's text, figures and the theme: at most 1.5 MB for the trial explorer,
# 0.3 MB for the ongoing-trials explorer.
TRIAL_STATE_BUDGET_BYTES = 1_500_000
ONGOING_STATE_BUDGET_BYTES = 300_000


@pytest.fixture(scope="module")
def data():
    return trials.load_studies(), trials.load_outcomes()


@pytest.fixture(scope="module")
def block(data):
    return explorer.trial_explorer(*data)


class Selector:
    """What each combination selects, computed with the pure functions of
    ``widgets.data.trial_selection`` (independently of the explorer), cached."""

    def __init__(self, studies, outcomes):
        self.studies, self.outcomes = studies, outcomes
        self.cache, self.rows_cache = {}, {}

    def __call__(self, indices):
        """(chosen studies frame, selected outcome row labels) for these option indices."""
        if indices not in self.cache:
            keywords = filters_at(indices)
            chosen = selection.select_studies(self.studies, **{k: v for k, v in keywords.items() if k != "endpoints"})
            rows = tuple(sorted(selection.select_outcomes(self.outcomes, self.studies, **keywords).index))
            self.cache[indices] = chosen, rows
        return self.cache[indices]

    def figure_rows(self, rows):
        if rows not in self.rows_cache:
            self.rows_cache[rows] = figure_rows(self.outcomes.loc[list(rows)], self.studies)
        return self.rows_cache[rows]


@pytest.fixture(scope="module")
def select(data):
    return Selector(*data)


def only_child(box):
    (child,) = box.children
    return child


def chart(block, chart_class):
    """The views of one chart of the explorer (its one layer)."""
    return only_child(part(part(block, chart_class), explorer.DATA_CLASS))


def parts(block):
    controls = list(part(block, static_views.CONTROLS_CLASS).children)
    chips = part(block, explorer.CHIPS_CLASS)
    forest = chart(block, explorer.FOREST_CLASS)
    survival = chart(block, explorer.SURVIVAL_CLASS)
    table = only_child(part(block, explorer.TABLE_CLASS))
    return controls, chips, forest, survival, table


def embedded_counts(block):
    """The counts the explorer embeds for the menus' script (``filter_counts.counts_view``)."""
    markup = part(block, static_views.VIEWS_CLASS).children[0].children[-1].value
    assert filter_counts.COUNTS_CLASS in markup
    return json.loads(html.unescape(re.search(r"data-filters='([^']*)'", markup).group(1)))


def flat_index(indices, shape):
    return sum(index * math.prod(shape[position + 1 :]) for position, index in enumerate(indices))


def stack_controls():
    """Which control each linked stack follows (from the jslinks)."""
    return {id(link.target[0]): link.source[0] for link in list(_instances.values()) if isinstance(link, Link)}


def shown(tree, controls, indices, links):
    """The view a tree shows when the controls are at ``indices``, as the browser would."""
    widget = tree
    while isinstance(widget, ipywidgets.Stack):
        control = links[id(widget)]
        widget = widget.children[indices[controls.index(control)]]
    return widget


def combinations(controls):
    return itertools.product(*(range(len(control.options)) for control in controls))


def filters_at(indices):
    keywords = {keyword: options[index][1] for (_, keyword, options), index in zip(explorer.FILTERS, indices)}
    keywords["endpoints"] = selection.ENDPOINT_CHOICES[keywords["endpoints"]].endpoints
    return keywords


def cited_studies(html):
    return set(re.findall(r"#cite-([a-z0-9]+)", html)) - {trials.REVIEW_BIBKEY}


def test_controls_and_layout(block):
    controls, chips, *_ = parts(block)
    assert [control.description for control in controls] == [name for name, _, _ in explorer.FILTERS]
    assert [len(control.options) for control in controls] == [4, 3, 6, 7, len(selection.ENDPOINT_CHOICES)]
    assert all(control.index == 0 for control in controls)
    assert static_views.EXPLORER_CLASS in block._dom_classes
    assert len(chips.children) == len(controls)
    # a grid, not a wrapping row: one column on a phone, more where 20em columns fit
    grid = part(block, static_views.CONTROLS_CLASS)
    assert grid.layout.display == "grid" and "minmax(min(100%, 20em), 1fr)" in grid.layout.grid_template_columns
    # the book's style puts each menu's name above it in this grid
    assert explorer.MENU_GRID_CLASS in grid._dom_classes
    # the caption says what the numbers in the menus count
    captions = [child.value for child in block.children if 'class="explorer-caption"' in getattr(child, "value", "")]
    assert len(captions) == 1 and "how many studies it would leave" in captions[0]
    assert {control.style.description_width for control in controls} == {"6em"}


def test_default_view_shows_every_response_figure_with_its_exact_interval(block, data, select):
    studies, _ = data
    controls, _, forest, survival, table = parts(block)
    links = stack_controls()
    indices = (0, 0, 0, 0, 0)
    svg = shown(forest, controls, indices, links).value
    rows = select.figure_rows(select(indices)[1])
    plotted = {row.study_id for row in rows}
    # the chart's count of studies and the table's agree, and the chart names the one left out
    missing = studies[~studies["study_id"].isin(plotted)]
    assert len(missing) == 1
    note = f"{len(rows)} figures from {len(plotted)} of the {len(studies)} selected studies; none from "
    assert f"All response rates. {note}{short_citation(missing['bibkey'].iloc[0])}." in svg
    assert f"{len(studies)} studies selected" in shown(table, controls, indices, links).value
    low, high = clopper_pearson_interval(23, 24)
    assert f"CR/CRi 96% (23/24; CI {100 * low:.1f}–{100 * high:.1f}) [T1 + text]" in svg
    low, high = clopper_pearson_interval(28, 47)
    assert f"CR 60%, 28 of 47 patients, exact 95% confidence interval {100 * low:.1f} to {100 * high:.1f}" in svg
    assert "Survival in months. 5 figures from " in shown(survival, controls, indices, links).value
    assert cited_studies(shown(table, controls, indices, links).value) == set(studies["bibkey"])


def test_every_combination_shows_exactly_the_selected_figures_and_studies(block, select):
    controls, _, forest, _, table = parts(block)
    links = stack_controls()
    for indices in combinations(controls):
        chosen, rows = select(indices)
        forest_view = shown(forest, controls, indices, links).value
        table_view = shown(table, controls, indices, links).value
        if chosen.empty:
            assert "No study matches these filters" in forest_view and table_view == ""
            continue
        assert cited_studies(table_view) == set(chosen["bibkey"]), indices
        assert f"{len(chosen)} stud" in table_view
        figure_rows = select.figure_rows(rows)
        if figure_rows:
            studies = len(chosen)
            assert f". {len(figure_rows)} figure" in forest_view
            assert (
                (f"of the {studies} selected" in forest_view)
                or (f"all {studies} selected" in forest_view)
                or (studies == 1 and "from the selected study" in forest_view)
            ), indices
            for row in figure_rows:
                assert row.description().replace("'", "&#x27;") in forest_view
        else:
            assert "reports no figure of this kind" in forest_view


def test_a_combination_without_studies_says_which_filter_to_widen(block, select):
    """No option leads to an empty result unexplained: the view names each filter that, set
    back to "All", would find studies, with how many (checked with the selection functions)."""
    controls, _, forest, _, _ = parts(block)
    links = stack_controls()
    empty = 0
    for indices in combinations(controls):
        if not select(indices)[0].empty:
            continue
        empty += 1
        view = shown(forest, controls, indices, links).value
        assert "No study matches these filters" in view and filter_counts.RESET_CLASS in view
        for position, (name, _, options) in enumerate(explorer.FILTERS[:-1]):
            widened = indices[:position] + (0,) + indices[position + 1 :]
            found = len(select(widened)[0]) if indices[position] else 0
            named = f"<b>{name.rstrip(':')}</b> back to “{options[0][0]}”"
            assert (named in view) == bool(found), (indices, name)
            if found:
                assert f"{named} ({found} stud" in view
        if "To find some" not in view:
            assert "set two of them back" in view
    assert empty > 0


def test_the_menus_counts_are_what_each_option_leaves(block, select):
    """The embedded counts: studies for the four study filters, figures for the endpoint, for
    every combination, as the selection functions count them; the reset goes to the start."""
    controls, *_ = parts(block)
    data = embedded_counts(block)
    shape = [len(control.options) for control in controls]
    assert data["shape"] == shape and data["start"] == [control.index for control in controls]
    assert data["shows"] == ["studies"] * 4 + ["figures"]
    assert data["nouns"] == {"studies": ["study", "studies"], "figures": ["figure", "figures"]}
    for indices in combinations(controls):
        chosen, rows = select(indices)
        assert data["counts"]["studies"][flat_index(indices, shape)] == len(chosen), indices
        assert data["counts"]["figures"][flat_index(indices, shape)] == len(select.figure_rows(rows)), indices


def test_one_widget_per_distinct_selection(block, select):
    controls, _, forest, _, table = parts(block)
    links = stack_controls()
    forest_views, table_views = {}, {}
    for indices in combinations(controls):
        chosen, rows = select(indices)
        studies = tuple(sorted(chosen["study_id"]))
        if chosen.empty:
            key = ("no match", shown(forest, controls, indices, links).value)
        else:
            key = (indices[-1], rows, studies) if rows else ("none", indices[-1])
        forest_views.setdefault(key, set()).add(id(shown(forest, controls, indices, links)))
        if not chosen.empty:
            mixed = (chosen["setting"] == "mixed").any()
            table_key = (tuple(sorted(chosen["study_id"])), indices[1] if mixed else None)
            table_views.setdefault(table_key, set()).add(id(shown(table, controls, indices, links)))
    # every combination with the same selection shows the same widget, a different one per selection
    assert all(len(widget_ids) == 1 for widget_ids in forest_views.values())
    assert len({next(iter(widget_ids)) for widget_ids in forest_views.values()}) == len(forest_views)
    assert all(len(widget_ids) == 1 for widget_ids in table_views.values())
    assert len({next(iter(widget_ids)) for widget_ids in table_views.values()}) == len(table_views)
    # far fewer views than combinations
    assert len(forest_views) < math.prod(len(control.options) for control in controls) / 10


def test_neighbouring_combinations_differ_where_the_selection_does(block, select):
    controls, chips, forest, survival, table = parts(block)
    links = stack_controls()

    def selection(indices):
        chosen, rows = select(indices)
        return tuple(sorted(chosen["study_id"])), rows

    def views(indices):
        return tuple(shown(tree, controls, indices, links).value for tree in (forest, survival, table))

    for indices in combinations(controls):
        for position, control in enumerate(controls):
            if indices[position] + 1 == len(control.options):
                continue
            neighbour = indices[:position] + (indices[position] + 1,) + indices[position + 1 :]
            if selection(indices) != selection(neighbour):
                assert views(indices) != views(neighbour), (indices, neighbour)
    # the chips always name each control's choice, so every control visibly changes the view
    for chip_stack, control in zip(chips.children, controls):
        labels = [child.value for child in chip_stack.children]
        assert len(set(labels)) == len(control.options)


def test_every_data_view_has_a_text_description(block):
    controls, _, forest, survival, _ = parts(block)
    links = stack_controls()
    seen = set()
    for indices in combinations(controls):
        for tree in (forest, survival):
            view = shown(tree, controls, indices, links)
            if id(view) in seen or not view.value.startswith("<svg"):
                continue
            seen.add(id(view))
            label = re.search(r"aria-label='([^']+)'", view.value).group(1)
            assert "role='img'" in view.value and len(label) > 40
            assert re.search(r"\d+(\.\d+)? (percent|months|patients)|\d+%", label)
    assert len(seen) > 50


def test_state_stays_within_the_page_budget(block):
    state = json.dumps(dependency_state([block], drop_defaults=False))
    assert len(state) < TRIAL_STATE_BUDGET_BYTES, f"{len(state):,} bytes"


def test_explorer_can_start_on_a_selection(data):
    small = explorer.trial_explorer(*data, start={"lineage": "B", "endpoints": "mrd"})
    controls, _, forest, *_ = parts(small)
    assert [control.index for control in controls] == [1, 0, 0, 0, 3]
    assert embedded_counts(small)["start"] == [1, 0, 0, 0, 3]
    links = stack_controls()
    assert "MRD negativity. 3 figures from the selected study." in shown(forest, controls, [1, 0, 0, 0, 3], links).value
    with pytest.raises(ValueError, match="start: unknown filter"):
        explorer.trial_explorer(*data, start={"colour": "B"})
    with pytest.raises(ValueError, match="start: lineage must be one of"):
        explorer.trial_explorer(*data, start={"lineage": "X"})


def test_shared_linked_views_collapse_and_share():
    """``static_views.linked_views(share=True)``: a control that changes nothing adds no
    stack, and equal subtrees are one stack."""
    first = static_views.dropdown("A", ["a0", "a1", "a2"])
    second = static_views.dropdown("B", ["b0", "b1"])
    views = {key: static_views.html_view(key) for key in ("x", "y")}
    before = sum(isinstance(widget, ipywidgets.Stack) for widget in list(_instances.values()))
    # a1 and a2 show the same pair of views; under a0 the second control changes nothing
    root = static_views.linked_views([first, second], lambda i, j: views["x"] if i == 0 else views["xy"[j]], share=True)
    made = sum(isinstance(widget, ipywidgets.Stack) for widget in list(_instances.values())) - before
    assert made == 2 and isinstance(root, ipywidgets.Stack)
    assert root.children[0] is views["x"] and root.children[1] is root.children[2]
    assert root.children[1].children == (views["x"], views["y"])
    collapsed = static_views.linked_views([first], lambda i: views["x"], share=True)
    assert collapsed is views["x"]


# --- the ongoing trials ----------------------------------------------------------------


@pytest.fixture(scope="module")
def ongoing_block():
    return explorer.ongoing_trials_explorer()


def test_ongoing_explorer_filters_by_subtype_and_partner(ongoing_block):
    unique = selection.unique_ongoing_trials()
    controls = list(part(ongoing_block, static_views.CONTROLS_CLASS).children)
    assert len(part(ongoing_block, explorer.CHIPS_CLASS).children) == len(controls)
    tree = only_child(part(ongoing_block, explorer.TABLE_CLASS))
    assert [control.description for control in controls] == ["ALL subtype:", "Partner drug:"]
    captions = [
        child.value for child in ongoing_block.children if 'class="explorer-caption"' in getattr(child, "value", "")
    ]
    assert len(captions) == 1 and explorer.ONGOING_CAPTION in captions[0]
    links = stack_controls()
    no_match = set()
    for indices in combinations(controls):
        subtype = explorer.SUBTYPE_CHOICES[indices[0]][1]
        partner = explorer.TRIAL_PARTNER_CHOICES[indices[1]][1]
        expected = selection.select_ongoing(unique, subtype=subtype, partner=partner)
        view = shown(tree, controls, indices, links)
        if expected.empty:
            assert "No trial matches these filters" in view.value
            no_match.add(view.value)
            continue
        assert re.findall(r">(NCT\d{8})</a>", view.value) == list(expected["nct_id"])
    assert no_match
    data = embedded_counts(ongoing_block)
    assert data["shows"] == ["trials", "trials"] and data["start"] == [0, 0]
    for indices in combinations(controls):
        subtype = explorer.SUBTYPE_CHOICES[indices[0]][1]
        partner = explorer.TRIAL_PARTNER_CHOICES[indices[1]][1]
        expected = selection.select_ongoing(unique, subtype=subtype, partner=partner)
        assert data["counts"]["trials"][flat_index(indices, data["shape"])] == len(expected)
    everything = shown(tree, controls, (0, 0), links).value
    assert len(set(re.findall(r"clinicaltrials\.gov/study/(NCT\d{8})", everything))) == len(unique) == 15


def test_ongoing_state_stays_within_budget(ongoing_block):
    state = json.dumps(dependency_state([ongoing_block], drop_defaults=False))
    assert len(state) < ONGOING_STATE_BUDGET_BYTES, f"{len(state):,} bytes"
