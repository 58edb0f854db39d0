"""BH3 profiling readout: percentage of cells responding to each peptide of the panel."""

from __future__ import annotations

import matplotlib.pyplot as plt

from widgets.model import PEPTIDES
from widgets.presentation import style

READS_OUT = {
    "BIM": "overall priming",
    "BIM_control": "high-dose control",
    "BAD": "BCL-2 / BCL-XL",
    "HRK": "BCL-XL",
    "MS1": "MCL-1",
    "NOXA": "MCL-1",
}
PEPTIDE_COLOURS = {
    "BIM": style.OKABE_ITO["grey"],
    "BIM_control": style.OKABE_ITO["grey"],
    "BAD": style.OKABE_ITO["sky_blue"],
    "HRK": style.OKABE_ITO["orange"],
    "MS1": style.OKABE_ITO["reddish_purple"],
    "NOXA": style.OKABE_ITO["reddish_purple"],
}
# Bars longer than this (percent of cells) hold their label inside; shorter ones have it just past their end.
INSIDE_FROM_PERCENT = 75
# Peptides whose key is not the name a reader knows.
PEPTIDE_LABELS = {"BIM_control": "BIM, high dose"}


def bh3_bars(response: dict[str, float], title: str):
    """Horizontal bars, one per peptide, labeled with the percentage; each peptide's name has
    what it reads out on a second line, so the figure keeps the book's phone-first width."""
    style.apply()
    peptides = list(PEPTIDES)
    fig, ax = plt.subplots(figsize=(style.FIGURE_WIDTH_IN, 0.62 * len(peptides) + 1.3))
    values = [response[key] for key in peptides]
    ax.barh(range(len(peptides)), values, color=[PEPTIDE_COLOURS[key] for key in peptides], edgecolor="black")
    for position, value in enumerate(values):
        # A long bar carries its percentage inside its end, so the text never crosses the bar's edge.
        inside = value > INSIDE_FROM_PERCENT
        ax.text(
            value - 2 if inside else value + 2, position, f"{value:.0f}%", va="center", ha="right" if inside else "left"
        )
    ax.set_yticks(range(len(peptides)), [f"{PEPTIDE_LABELS.get(key, key)}\n({READS_OUT[key]})" for key in peptides])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Cells reaching MOMP\nwith the peptide (%)")
    fig.suptitle(title, x=0.02, ha="left", fontsize=style.TITLE_PT - 1, wrap=True)
    fig.tight_layout()
    return fig
