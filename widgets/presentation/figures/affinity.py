"""Drug affinities for BCL-2, BCL-XL and MCL-1 on one log scale: selectivity at a glance."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt

from widgets.model import ANTI_APOPTOTIC_NAMES, ANTI_APOPTOTICS
from widgets.presentation import style

MARKERS = {"bcl2": "o", "bclxl": "s", "mcl1": "^"}
COLOURS = {
    "bcl2": style.OKABE_ITO["sky_blue"],
    "bclxl": style.OKABE_ITO["orange"],
    "mcl1": style.OKABE_ITO["reddish_purple"],
}
NO_BINDING_AT_NM = 1e4  # where "does not bind" is drawn, past the measured range


def affinity_plot(selectivity):
    """``selectivity``: the frame of ``widgets.model.summaries.selectivity()``. Lower Ki, tighter binding."""
    style.apply()
    fig, ax = plt.subplots(figsize=(style.FULL_WIDTH_IN, 0.55 * len(selectivity) + 1.6))
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
    ax.text(NO_BINDING_AT_NM, -0.75, "no binding\n(open marker)", ha="center", va="bottom", fontsize=8)
    ax.set_xscale("log")
    ax.set_xlim(3e-3, 3e4)
    ax.set_yticks(range(len(selectivity)), selectivity["drug"])
    ax.set_ylim(len(selectivity) - 0.5, -1.0)
    ax.set_xlabel("Ki or Kd (nM), log scale: further left = tighter binding")
    ax.legend(loc="lower center", bbox_to_anchor=(0.45, 1.0), ncol=3, frameon=False, fontsize=9)
    fig.tight_layout()
    return fig
