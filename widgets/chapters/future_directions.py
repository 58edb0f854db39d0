"""Chapter 09, future directions: the ongoing trials of the review's Tables 2 and 3."""

from __future__ import annotations

from widgets.chapters import trial_numbers
from widgets.chapters.common import prepare_page
from widgets.data import ongoing_trials
from widgets.data import trial_selection as selection
from widgets.explorers.trials import ongoing_trials_explorer
from widgets.presentation.figures.ongoing import ongoing_partner_figure


def numbers() -> dict[str, int]:
    """Counts of the ongoing trials: rows, distinct trials, trials per partner and subtype
    (``widgets.chapters.trial_numbers.ongoing_numbers``)."""
    return trial_numbers.ongoing_numbers(ongoing_trials.load_ongoing_trials())


def setup() -> None:
    prepare_page(numbers)


def ongoing_partners_figure():
    """Distinct ongoing trials per partner drug class (``fig-ongoing-partners``)."""
    unique = selection.unique_ongoing_trials(ongoing_trials.load_ongoing_trials())
    return ongoing_partner_figure(selection.ongoing_partner_counts(unique), len(unique))


def explorer():
    """The ongoing-trials explorer: subtype and partner filters above the trials."""
    return ongoing_trials_explorer(ongoing_trials.load_ongoing_trials())
