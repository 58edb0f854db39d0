"""Figures of the introduction chapter."""

import matplotlib.pyplot as plt

from widgets.presentation import style

AGE_LABELS = {"children": "Children", "adults": "Adults"}


def _percent_label(record) -> str:
    if record.low_percent == record.high_percent:
        return f"{record.low_percent:g}%"
    return f"{record.low_percent:g}–{record.high_percent:g}%"


def lineage_share(share):
    """The share of ALL cases that are B-lineage, by age group, as each source reports it.

    ``share``: the frame of ``widgets.data.subtypes.load_lineage_share()``. The review's
    ranges are bars; a figure from the source the review cites is a diamond, so a
    disagreement shows at a glance (and in the labels, not by colour alone). The legend sits
    under the axes, so the figure is no wider than the book's phone-first width.
    """
    b_lineage = share[share["lineage"] == "B"]
    ages = list(dict.fromkeys(b_lineage["age_group"]))
    fig, ax = plt.subplots(figsize=(style.FIGURE_WIDTH_IN, 2.9))
    for record in b_lineage.itertuples(index=False):
        position = ages.index(record.age_group)
        if record.reported_by == "review":
            ax.barh(
                position,
                record.high_percent - record.low_percent,
                left=record.low_percent,
                height=0.45,
                color=style.OKABE_ITO["blue"],
                edgecolor="black",
                label="Review (range)",
            )
            ax.text(record.low_percent - 1.5, position, _percent_label(record), va="center", ha="right")
        else:
            ax.plot(
                record.low_percent,
                position,
                marker="D",
                markersize=9,
                linestyle="none",
                color=style.OKABE_ITO["orange"],
                markeredgecolor="black",
                label="Cited source",
            )
            ax.text(record.high_percent + 3, position, _percent_label(record), va="center")
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    order = [label for label in ("Review (range)", "Cited source") if label in unique]
    ax.legend(
        [unique[label] for label in order], order, loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=2, frameon=False
    )
    ax.set_yticks(range(len(ages)), [AGE_LABELS[age] for age in ages])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_ylim(len(ages) - 0.4, -0.6)
    ax.set_xlabel("B-lineage ALL, percent of all ALL cases")
    fig.tight_layout()
    return fig
