"""Chapter 05, clinical studies: the review's Table 1 studies, their figures and their intervals."""

from __future__ import annotations

from IPython.display import Markdown

from widgets.chapters import trial_numbers
from widgets.chapters.common import prepare_page
from widgets.data import trial_selection as selection
from widgets.data import trials
from widgets.explorers.trials import trial_explorer
from widgets.presentation.cards import disagreements_markdown
from widgets.presentation.forest import row_figure
from widgets.presentation.forest_rows import figure_rows

RESPONSE_INTERVALS_TITLE = "Response rates with known counts"


def numbers() -> dict[str, int | float]:
    """Every figure of every Table 1 study with its counts and intervals, each study's size,
    dose and days, the number of studies and of Table 1-versus-text disagreements, and the
    confidence level (``widgets.chapters.trial_numbers`` has the keys)."""
    studies, outcomes = trials.load_studies(), trials.load_outcomes()
    return {
        **trial_numbers.confidence_numbers(),
        **trial_numbers.evidence_counts(studies, outcomes),
        **trial_numbers.study_numbers(studies, outcomes),
    }


def setup() -> None:
    prepare_page(numbers)


def response_intervals_figure():
    """Every response figure whose counts are known, with its exact interval, from the
    smallest denominator to the largest (``fig-response-intervals``)."""
    studies, outcomes = trials.load_studies(), trials.load_outcomes()
    responses = selection.select_outcomes(outcomes, studies, endpoints=selection.ENDPOINT_CHOICES["response"].endpoints)
    counted = [row for row in figure_rows(responses, studies) if row.has_counts]
    return row_figure(sorted(counted, key=lambda row: row.denominator), RESPONSE_INTERVALS_TITLE)


def explorer():
    """The Table 1 explorer, every filter at "All"."""
    return trial_explorer(trials.load_studies(), trials.load_outcomes())


def disagreements() -> Markdown:
    """Every place where the review's Table 1 and its text differ, as a cited list."""
    studies, outcomes = trials.load_studies(), trials.load_outcomes()
    return Markdown(disagreements_markdown(selection.table_text_disagreements(outcomes, studies)))
