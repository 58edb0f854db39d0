"""The ongoing trials the review lists (its Tables 2 and 3), by partner drug."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from widgets.presentation import style
from widgets.presentation.trial_labels import TRIAL_PARTNER_SHORT_LABELS


def ongoing_partner_figure(partner_counts: pd.Series, trial_count: int):
    """Bar chart: the number of ongoing trials per partner class, each bar labeled.

    ``partner_counts``: trials per partner class (``trial_selection.ongoing_partner_counts``);
    ``trial_count``: how many trials were counted (a trial may count twice).
    """
    counts = partner_counts.sort_values()
    style.apply()
    # Narrow, with large type: it is read on phones as often as on desktops.
    fig, ax = plt.subplots(figsize=(4.6, 3.8))
    labels = [TRIAL_PARTNER_SHORT_LABELS[key] for key in counts.index]
    ax.barh(labels, counts.values, color=style.OKABE_ITO["blue"], edgecolor="black")
    for position, value in enumerate(counts.values):
        ax.text(value + 0.1, position, f"{value}", va="center", fontsize=12)
    ax.tick_params(labelsize=12)
    ax.set_xlabel(f"Trials, of {trial_count};\na trial may count twice", fontsize=11)
    ax.set_xlim(0, counts.max() + 1)
    ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
    fig.tight_layout()
    return fig
