"""The book's trial data, loaded once for every test under tests/widgets/ that reads it."""

import pytest

from widgets.data import trial_selection as selection
from widgets.data import trials
from widgets.presentation.forest_rows import figure_rows


@pytest.fixture(scope="session")
def studies():
    """Table 1's studies (``trials.load_studies``)."""
    return trials.load_studies()


@pytest.fixture(scope="session")
def outcomes():
    """Every figure about the Table 1 studies (``trials.load_outcomes``)."""
    return trials.load_outcomes()


@pytest.fixture(scope="session")
def response_rows(outcomes, studies):
    """Chart rows of the response figures, for the studies that ``select_outcomes``' filters keep."""

    def rows(**filters):
        endpoints = selection.ENDPOINT_CHOICES["response"].endpoints
        return figure_rows(selection.select_outcomes(outcomes, studies, endpoints=endpoints, **filters), studies)

    return rows
