"""Figures of the introduction chapter."""

import matplotlib.pyplot as plt

from widgets import style

AGE_LABELS = {"children": "Children", "adults": "Adults"}


def lineage_share(share):
    """Range bars of the share of ALL cases that are B-lineage, by age group.

    ``share``: the frame of ``widgets.subtypes.load_lineage_share()`` (percent ranges).
    """
    b_lineage = share[share["lineage"] == "B"].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(style.FULL_WIDTH_IN, 2.4))
    for position, record in enumerate(b_lineage.itertuples(index=False)):
        ax.barh(position, record.high_percent - record.low_percent, left=record.low_percent, height=0.5,
                color=style.OKABE_ITO["blue"], edgecolor="black")
        ax.text(record.high_percent + 1.5, position, f"{record.low_percent:g}–{record.high_percent:g}%",
                va="center")
    ax.set_yticks(range(len(b_lineage)), [AGE_LABELS[age] for age in b_lineage["age_group"]])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("B-lineage ALL, percent of all ALL cases (range reported)")
    fig.tight_layout()
    return fig
