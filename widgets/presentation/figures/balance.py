"""The BCL-2 balance: where a typical cell's BIM sits, and whether BAX/BAK pass the threshold.

One column per condition (a profile, drug doses, partners): a stacked bar of the cell's
BIM (held by BCL-2, BCL-XL, MCL-1, or free) above a bar of active BAX/BAK against the
MOMP threshold, with the verdict in words. Side by side, the columns redraw the
review's Figure 1 from the model: a blast held alive by BCL-2, the same blast with
venetoclax, and the same blast once MCL-1 has risen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import matplotlib.pyplot as plt

from widgets import model
from widgets.presentation import style
from widgets.presentation.figures.mechanism import BAND_COLOURS, BAND_LABELS, BANDS

SURVIVES, DIES = "survives", "dies (MOMP)"


@dataclass(frozen=True)
class Condition:
    """One column: a title, a profile, drug doses (nM) and regimen partners."""

    title: str
    profile: model.Profile
    doses: dict[str, float] = field(default_factory=dict)
    partners: tuple[str, ...] = ()


def balance_figure(conditions: list[Condition], *, height_in: float = 5.2):
    """Columns of BIM location and BAX/BAK activation, one per condition."""
    style.apply()
    fig, axes = plt.subplots(
        2,
        len(conditions),
        figsize=(style.FULL_WIDTH_IN * min(1.0, 0.36 * len(conditions) + 0.1), height_in),
        gridspec_kw={"height_ratios": [3, 1.4], "hspace": 0.55, "wspace": 0.5},
        squeeze=False,
    )
    partitions = [
        model.bim_partition(condition.profile, condition.doses, partners=condition.partners) for condition in conditions
    ]
    top = max(max(condition.profile.bax_bak for condition in conditions), 1.5 * partitions[0].momp_threshold_nM)
    for column, (condition, partition) in enumerate(zip(conditions, partitions)):
        _bim_bar(axes[0, column], partition, condition.title, show_axis=column == 0)
        _bax_bar(axes[1, column], partition, condition.profile.bax_bak, top, show_axis=column == 0)
    fig.legend(
        handles=[plt.Rectangle((0, 0), 1, 1, facecolor=BAND_COLOURS[band], edgecolor="black") for band in BANDS],
        labels=[f"BIM {BAND_LABELS[band]}" for band in BANDS],
        loc="lower center",
        ncol=2,
        frameon=False,
        fontsize=9,
        bbox_to_anchor=(0.5, -0.01),
    )
    # Keep about an inch under the axes for their labels and the two-row legend, whatever
    # the figure's height.
    fig.subplots_adjust(left=0.2, right=0.96, top=0.9, bottom=1.1 / height_in)
    return fig


def _bim_bar(ax, partition, title: str, show_axis: bool) -> None:
    total = sum(partition.on_protein_nM.values()) + partition.free_nM
    shares = [partition.on_protein_nM[band] if band != "free" else partition.free_nM for band in BANDS]
    bottom = 0.0
    for band, amount in zip(BANDS, shares):
        percent = 100.0 * amount / total if total else 0.0
        ax.bar(0, percent, bottom=bottom, width=0.6, color=BAND_COLOURS[band], edgecolor="black")
        if percent >= 12:
            ax.text(
                0, bottom + percent / 2, f"{BAND_LABELS[band]}\n{percent:.0f}%", ha="center", va="center", fontsize=9
            )
        bottom += percent
    ax.set_xlim(-0.5, 0.5)
    ax.set_ylim(0, 100)
    ax.set_xticks([])
    ax.set_title(title, fontsize=10, wrap=True)
    if show_axis:
        ax.set_ylabel("BIM (%)")
    else:
        ax.set_yticklabels([])


def _bax_bar(ax, partition, bax_nM: float, top: float, show_axis: bool) -> None:
    ax.barh(0, partition.active_bax_nM, height=0.6, color=style.OKABE_ITO["blue"], edgecolor="black")
    ax.axvline(partition.momp_threshold_nM, color="black", linestyle="--", linewidth=1.2)
    ax.set_xlim(0, top)
    ax.set_ylim(-0.6, 0.6)
    ax.set_yticks([])
    ax.set_xlabel("Active BAX/BAK (nM)", fontsize=9)
    verdict = DIES if partition.momp else SURVIVES
    ax.set_title(verdict, fontsize=10, fontweight="bold" if partition.momp else "normal")
    if show_axis:
        ax.text(partition.momp_threshold_nM * 1.05, -0.55, "threshold", fontsize=8, ha="left", va="bottom")


def balance_alt_text(conditions: list[Condition]) -> str:
    """Words for what the balance figure shows, from the same numbers."""
    parts = []
    for condition in conditions:
        partition = model.bim_partition(condition.profile, condition.doses, partners=condition.partners)
        total = sum(partition.on_protein_nM.values()) + partition.free_nM
        held = ", ".join(
            f"{100 * partition.on_protein_nM[band] / total:.0f}% on {model.ANTI_APOPTOTIC_NAMES[band]}"
            for band in model.ANTI_APOPTOTICS
        )
        parts.append(
            f"{condition.title}: BIM {held}, {100 * partition.free_nM / total:.0f}% free; "
            f"active BAX/BAK {partition.active_bax_nM:.0f} nM against a threshold of "
            f"{partition.momp_threshold_nM:.0f} nM, so the cell "
            f"{'reaches MOMP and dies' if partition.momp else 'survives'}."
        )
    return " ".join(parts)
