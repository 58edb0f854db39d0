"""Chapter 06, Ph-like B-ALL: the one study of Table 1 in B-lineage ALL (review ref 28,
venetoclax with the CALGB 10403 regimen, ``aldoss2025``) and its Ph-like subgroup."""

from __future__ import annotations

from widgets.chapters import trial_numbers
from widgets.chapters.common import prepare_page
from widgets.data import trial_selection as selection
from widgets.data import trials
from widgets.explorers.trials import trial_explorer
from widgets.presentation.forest import row_figure
from widgets.presentation.forest_rows import figure_rows

# The filter that selects the chapter's study: it is Table 1's only B-lineage study. The
# explorer starts on it too.
B_LINEAGE = {"lineage": "B"}
RATES_TITLE = "Venetoclax + CALGB 10403, newly diagnosed"


def _chapter_data():
    """(studies, outcomes) of the chapter's study."""
    studies = selection.select_studies(trials.load_studies(), **B_LINEAGE)
    outcomes = trials.load_outcomes()
    return studies, outcomes[outcomes["study_id"].isin(studies["study_id"])]


def numbers() -> dict[str, int | float]:
    """The study's figures with their counts and intervals (exact and Wilson), its size, dose
    and days, and the confidence level (``widgets.chapters.trial_numbers`` has the keys)."""
    return {**trial_numbers.confidence_numbers(), **trial_numbers.study_numbers(*_chapter_data())}


def setup() -> None:
    prepare_page(numbers)


def ph_like_rates_figure():
    """The study's response and MRD figures with their exact intervals (``fig-ph-like-rates``)."""
    studies, outcomes = _chapter_data()
    rates = selection.select_outcomes(outcomes, studies, endpoints=selection.ENDPOINT_CHOICES["response"].endpoints)
    return row_figure(figure_rows(rates, studies), RATES_TITLE)


def explorer():
    """The Table 1 explorer, started on B-lineage studies."""
    return trial_explorer(trials.load_studies(), trials.load_outcomes(), start=B_LINEAGE)
