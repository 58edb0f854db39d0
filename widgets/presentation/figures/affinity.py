"""Drug affinities for BCL-2, BCL-XL and MCL-1 on one log scale: selectivity at a glance."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, NullLocator

from widgets.model import ANTI_APOPTOTIC_NAMES, ANTI_APOPTOTICS
from widgets.presentation import style
from widgets.presentation.text import dose_label

MARKERS = {"bcl2": "o", "bclxl": "s", "mcl1": "^"}
COLOURS = {
    "bcl2": style.OKABE_ITO["sky_blue"],
    "bclxl": style.OKABE_ITO["orange"],
    "mcl1": style.OKABE_ITO["reddish_purple"],
}
NO_BINDING_AT_NM = 1e4  # where "does not bind" is drawn, past the measured range
KI_TICKS_NM = (1e-2, 1.0, 1e2, 1e4)


def affinity_plot(selectivity):
    """``selectivity``: the frame of ``widgets.model.summaries.selectivity()``. Lower Ki, tighter binding."""
    style.apply()
    fig, ax = plt.subplots(figsize=(style.FIGURE_WIDTH_IN, 0.55 * len(selectivity) + 2.0))
    for row, record in enumerate(selectivity.itertuples(index=False)):
        for offset, protein in zip((-0.18, 0.0, 0.18), ANTI_APOPTOTICS):
            value = getattr(record, f"ki_{protein}_nM")
            shown = value if math.isfinite(value) else NO_BINDING_AT_NM
            ax.plot(
                shown,
                row + offset,
                marker=MARKERS[protein],
                color=COLOURS[protein],
                markeredgecolor="black",
                markersize=9,
                linestyle="none",
                label=ANTI_APOPTOTIC_NAMES[protein] if row == 0 else None,
                fillstyle="full" if math.isfinite(value) else "none",
            )
    ax.axvspan(3e3, 3e4, color="#EEEEEE")
    ax.text(NO_BINDING_AT_NM, -0.75, "none", ha="center", va="bottom")
    ax.set_xscale("log")
    ax.set_xlim(3e-3, 3e4)
    # Doses as the book writes them (no powers of ten, whose exponents print at 70% size).
    ax.xaxis.set_major_locator(FixedLocator(KI_TICKS_NM))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticklabels([dose_label(tick) for tick in KI_TICKS_NM])
    ax.set_yticks(range(len(selectivity)), selectivity["drug"])
    ax.set_ylim(len(selectivity) - 0.5, -1.0)
    ax.set_xlabel("Ki or Kd, log scale;\nfurther left = tighter binding")
    handles, labels = ax.get_legend_handles_labels()
    handles.append(Line2D([], [], marker="o", color="black", fillstyle="none", markersize=9, linestyle="none"))
    labels.append("open: no binding")
    ax.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.45, 1.0), ncol=2, frameon=False)
    fig.tight_layout()
    return fig
