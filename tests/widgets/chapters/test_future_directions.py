"""widgets.chapters.future_directions: chapter 09's numbers and figure count the ongoing trials."""

import matplotlib.pyplot as plt

from widgets.chapters import future_directions as page
from widgets.data import trial_selection as selection


def test_numbers_are_the_ongoing_trial_counts():
    numbers = page.numbers()
    assert all(key.startswith("ongoing.") for key in numbers)
    assert numbers["ongoing.unique"] == len(selection.unique_ongoing_trials())


def test_partner_figure_labels_each_bar_with_its_count():
    numbers = page.numbers()
    fig = page.ongoing_partners_figure()
    ax = fig.axes[0]
    partner_counts = {str(value) for key, value in numbers.items() if key.startswith("ongoing.partner.")}
    assert {text.get_text() for text in ax.texts} == partner_counts
    assert f"of {numbers['ongoing.unique']}" in ax.get_xlabel()
    plt.close(fig)
