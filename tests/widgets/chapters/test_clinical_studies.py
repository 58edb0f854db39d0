"""widgets.chapters.clinical_studies: chapter 05's numbers, figure and disagreements list."""

import re

import matplotlib.pyplot as plt

from widgets.chapters import clinical_studies as page
from widgets.data import trial_selection as selection
from widgets.data import trials


def test_numbers_cover_every_study_and_figure():
    numbers = page.numbers()
    studies, outcomes = trials.load_studies(), trials.load_outcomes()
    assert numbers["studies.count"] == len(studies) and numbers["ci.percent"] == 95
    assert {
        f"{record.study_id}.{record.cohort}.{record.endpoint}.{record.source}.value" for record in outcomes.itertuples()
    } <= set(numbers)
    assert not any(key.startswith("ongoing.") for key in numbers)


def test_response_figure_orders_counted_figures_by_denominator():
    fig = page.response_intervals_figure()
    texts = [text.get_text() for text in fig.texts]
    assert page.RESPONSE_INTERVALS_TITLE in texts
    denominators = [int(match.group(1)) for text in texts if (match := re.search(r"\(\d+/(\d+); CI ", text))]
    assert denominators and denominators == sorted(denominators)
    outcomes = trials.load_outcomes()
    responses = outcomes[outcomes["endpoint"].isin(selection.ENDPOINT_CHOICES["response"].endpoints)]
    assert max(denominators) == responses["denominator"].max()
    plt.close(fig)


def test_disagreements_list_one_item_per_disagreement():
    items = page.disagreements().data.splitlines()
    assert len(items) == len(selection.table_text_disagreements())
