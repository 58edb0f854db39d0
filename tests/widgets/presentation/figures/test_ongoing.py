"""widgets.presentation.figures.ongoing: one labeled bar per partner class, as counted."""

import matplotlib.pyplot as plt
import pandas as pd

from widgets.data import trial_selection as selection
from widgets.presentation.figures.ongoing import ongoing_partner_figure
from widgets.presentation.trial_labels import TRIAL_PARTNER_SHORT_LABELS


def test_partner_figure_shows_every_count_on_its_bar():
    unique = selection.unique_ongoing_trials()
    counts = selection.ongoing_partner_counts(unique)
    fig = ongoing_partner_figure(counts, len(unique))
    ax = fig.axes[0]
    labels = {text.get_text() for text in ax.texts}
    assert labels == {str(value) for value in counts.values}
    bars = {tick.get_text(): bar.get_width() for tick, bar in zip(ax.get_yticklabels(), ax.patches)}
    assert bars == {TRIAL_PARTNER_SHORT_LABELS[key]: value for key, value in counts.items()}
    assert f"of {len(unique)}" in ax.get_xlabel()
    plt.close(fig)


def test_bars_run_from_fewest_to_most():
    counts = pd.Series({"tki": 5, "hma": 1, "other": 3})
    fig = ongoing_partner_figure(counts, 7)
    widths = [bar.get_width() for bar in fig.axes[0].patches]
    assert widths == [1, 3, 5]
    plt.close(fig)
