"""The BCL-2 balance: where a typical cell's BIM sits, and whether BAX/BAK pass the threshold.

One block per condition (a profile, drug doses, partners), stacked from top to bottom: a
bar of the cell's BIM in segments (held by BCL-2, BCL-XL, MCL-1, or free) above a bar of
active BAX/BAK against the MOMP threshold, with the verdict in words. One under the
other, the blocks redraw the review's Figure 1 from the model: a blast held alive by BCL-2, the same blast with
venetoclax, and the same blast once MCL-1 has risen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import matplotlib.pyplot as plt
from matplotlib.lines import Line2D

from widgets import model
from widgets.presentation import layers, style
from widgets.presentation.figures.mechanism import BAND_COLOURS, BAND_LABELS, BANDS

SURVIVES, DIES = "survives", "dies (MOMP)"


@dataclass(frozen=True)
class Condition:
    """One column: a title, a profile, drug doses (nM) and regimen partners."""

    title: str
    profile: model.Profile
    doses: dict[str, float] = field(default_factory=dict)
    partners: tuple[str, ...] = ()


# Heights in inches of one condition's block (its BIM bar, its BAX/BAK bar and their titles)
# and of the legend under the blocks.
BLOCK_IN, LEGEND_IN = 1.75, 0.8


def balance_figure(conditions: list[Condition]):
    """One block per condition, stacked from top to bottom: BIM location and BAX/BAK activation.

    Stacked rather than side by side, every bar has the figure's full width, so its labels
    keep the book's phone-legible size (``style.TEXT_PT``) however many conditions there are.
    """
    style.apply()
    count = len(conditions)
    height_in = count * BLOCK_IN + LEGEND_IN
    fig = plt.figure(figsize=(style.FIGURE_WIDTH_IN, height_in))
    # Three rows per block: the BIM bar, the BAX/BAK bar, and a gap for the BAX/BAK ticks.
    grid = fig.add_gridspec(3 * count, 1, height_ratios=[1.0, 0.45, 0.5] * count, hspace=0.9)
    partitions = [
        model.bim_partition(condition.profile, condition.doses, partners=condition.partners) for condition in conditions
    ]
    top = max(max(condition.profile.bax_bak for condition in conditions), 1.5 * partitions[0].momp_threshold_nM)
    for row, (condition, partition) in enumerate(zip(conditions, partitions)):
        _bim_bar(fig.add_subplot(grid[3 * row, 0]), partition, condition.title)
        _bax_bar(fig.add_subplot(grid[3 * row + 1, 0]), partition, top)
    fig.legend(
        handles=[plt.Rectangle((0, 0), 1, 1, facecolor=BAND_COLOURS[band], edgecolor="black") for band in BANDS]
        + [Line2D([], [], color="black", linestyle="--", linewidth=1.2)],
        labels=[f"BIM {BAND_LABELS[band]}" for band in BANDS] + ["MOMP threshold"],
        loc="lower center",
        ncol=2,
        frameon=False,
        bbox_to_anchor=(0.5, 0.0),
        handlelength=1.6,
        columnspacing=1.0,
    )
    fig.subplots_adjust(left=0.04, right=0.96, top=1 - 0.3 / height_in, bottom=LEGEND_IN / height_in)
    return fig


def _fits(label: str, width_pt: float) -> bool:
    """Whether every line of ``label``, at the book's smallest text size, fits in ``width_pt``."""
    return all(layers.text_width(line, style.TEXT_PT) + 4 <= width_pt for line in label.splitlines())


def _bim_bar(ax, partition, title: str) -> None:
    """A bar of the cell's BIM, 0 to 100 %, in segments in the legend's order; a segment too
    narrow for its name shows its share alone, and one too narrow for that is left unlabeled
    (its share is in the alt text)."""
    total = sum(partition.on_protein_nM.values()) + partition.free_nM
    shares = [partition.on_protein_nM[band] if band != "free" else partition.free_nM for band in BANDS]
    bar_width_pt = ax.get_position().width * ax.figure.get_figwidth() * 72
    left = 0.0
    for band, amount in zip(BANDS, shares):
        percent = 100.0 * amount / total if total else 0.0
        ax.barh(0, percent, left=left, height=1.0, color=BAND_COLOURS[band], edgecolor="black")
        labels = (f"{BAND_LABELS[band]}\n{percent:.0f}%", f"{percent:.0f}%")
        fitting = [label for label in labels if _fits(label, bar_width_pt * percent / 100)]
        if percent > 0 and fitting:
            ax.text(left + percent / 2, 0, fitting[0], ha="center", va="center")
        left += percent
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.5, 0.5)
    ax.set_axis_off()
    ax.set_title(title.replace("\n", " "), loc="left", fontweight="bold")


def _bax_bar(ax, partition, top: float) -> None:
    ax.barh(0, partition.active_bax_nM, height=0.8, color=style.OKABE_ITO["blue"], edgecolor="black")
    ax.axvline(partition.momp_threshold_nM, color="black", linestyle="--", linewidth=1.2)
    ax.set_xlim(0, top)
    ax.set_ylim(-0.5, 0.5)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    verdict = DIES if partition.momp else SURVIVES
    ax.set_title(
        f"Active BAX/BAK (nM): the cell {verdict}",
        loc="left",
        fontsize=style.TEXT_PT,
        fontweight="bold" if partition.momp else "normal",
    )


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
