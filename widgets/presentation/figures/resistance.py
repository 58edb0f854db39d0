"""Figures of resistance and rescue: dose-response under each partner, and IC50 shifts.

Two figures, each with its data builder (pure: the model in, a table or curves out) and
a description in words built from the same numbers:

- ``regimen_curves`` / ``dose_response_figure``: the share of cells apoptotic against
  the dose of the varied drug, one curve per regimen, one panel per profile. Regimens
  that the model treats identically (two partners with the same assumed effect) are
  merged into one curve whose label names both, so no curve hides behind another.
- ``ic50_shift_table`` / ``ic50_shift_figure``: the IC50 of each regimen as one
  anti-apoptotic protein is raised or lowered (x0.25 to x8), one panel per protein,
  with the book's reading guide (sensitive, intermediate, resistant) as labeled bands.

Everything here is the teaching model's output, never a measurement; the figure titles
and descriptions say so.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, NullLocator

from widgets import model
from widgets.model.reading_guide import ic50_class
from widgets.model.scans import CURVE_DOSES_NM, Curve, check_protein
from widgets.presentation import style
from widgets.presentation.text import dose_label, level_label

DOSE_TICKS_NM = (1e-3, 1e-1, 1e1, 1e3, 1e5)
# IC50 axis of the shift figure (nM); "not reached" is drawn above the top of the model's range.
IC50_AXIS_NM = (1e-2, 1e6)
NOT_REACHED_AT_NM = 3e5
STYLES = (  # (colour, marker, line style): colour is never the only difference
    (style.OKABE_ITO["black"], "o", "-"),
    (style.OKABE_ITO["vermillion"], "s", "--"),
    (style.OKABE_ITO["blue"], "^", ":"),
    (style.OKABE_ITO["bluish_green"], "D", "-."),
    (style.OKABE_ITO["reddish_purple"], "v", (0, (5, 1, 1, 1))),
)
TEACHING = "teaching model, not measurements"


# --- IC50 as one protein rises or falls ---------------------------------------------------


def ic50_shift_figure(tables: Mapping[str, pd.DataFrame], *, title: str):
    """One panel per table of ``ic50_shift_table``, stacked; ``tables`` maps a protein key to its table."""
    style.apply()
    fig, axes = plt.subplots(len(tables), 1, figsize=(style.FIGURE_WIDTH_IN, 4.6 * len(tables) + 0.4), squeeze=False)
    for ax, (protein, table) in zip(axes[:, 0], tables.items()):
        check_protein(protein)
        if table.attrs.get("protein", protein) != protein:
            raise ValueError(f"tables: the table under {protein!r} was made for {table.attrs['protein']!r}")
        _reading_guide_bands(ax)
        factors = np.array(table.index, dtype=float)
        for index, key in enumerate(table.columns):
            colour, marker, line = STYLES[index % len(STYLES)]
            values = table[key].to_numpy(dtype=float)
            reached = np.isfinite(values)
            shown = np.where(reached, values, NOT_REACHED_AT_NM)
            ax.plot(
                factors,
                shown,
                color=colour,
                linestyle=line,
                linewidth=2,
                marker=marker,
                markersize=7,
                markeredgecolor="black",
                markevery=[int(i) for i in np.flatnonzero(reached)],
                label=model.REGIMENS[key].name,
            )
            ax.plot(
                factors[~reached],
                shown[~reached],
                linestyle="none",
                marker=marker,
                markersize=8,
                fillstyle="none",
                color=colour,
                markeredgewidth=1.6,
            )
        ax.set_xscale("log", base=2)
        ax.xaxis.set_major_locator(FixedLocator(factors))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.set_xticklabels([f"{factor:g}" for factor in factors])
        ax.set_xlim(factors.min() / 1.25, factors.max() * 1.25)
        ax.set_yscale("log")
        ax.set_ylim(*IC50_AXIS_NM)
        ticks = (1e-2, 1.0, 1e2, 1e4)
        ax.yaxis.set_major_locator(FixedLocator(ticks))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.set_yticklabels([dose_label(tick) for tick in ticks])
        ax.set_xlabel(f"{model.ANTI_APOPTOTIC_NAMES[protein]} level (× the profile's)", fontsize=style.TEXT_PT)
        ax.set_ylabel("IC50 (log scale)")
        ax.set_title(f"{title}:\n{model.ANTI_APOPTOTIC_NAMES[protein]} raised or lowered", loc="left")
        handles, labels = ax.get_legend_handles_labels()
        if not np.isfinite(table.to_numpy(dtype=float)).all():
            handles.append(Line2D([], [], linestyle="none", marker="o", fillstyle="none", color="black"))
            labels.append(f"open marker: not reached by {dose_label(model.IC50_RANGE_NM[1])}")
        ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.2), frameon=False)
    fig.suptitle(f"Model IC50s ({TEACHING})", fontsize=style.TEXT_PT, x=0.02, ha="left", style="italic")
    fig.tight_layout()
    return fig


def reading_guide_label_positions() -> list[tuple[float, str]]:
    """Where each band's word is written (nM): the geometric middle of its band, so the
    words follow the model's thresholds."""
    edges = (IC50_AXIS_NM[0], model.SENSITIVE_BELOW_NM, model.RESISTANT_ABOVE_NM, model.IC50_RANGE_NM[1])
    middles = [float(np.sqrt(low * high)) for low, high in itertools.pairwise(edges)]
    return [*zip(middles, ("sensitive", "intermediate", "resistant")), (NOT_REACHED_AT_NM, "not reached")]


def _reading_guide_bands(ax) -> None:
    """The book's reading guide as shaded, labeled bands (words, not color alone)."""
    ax.axhspan(IC50_AXIS_NM[0], model.SENSITIVE_BELOW_NM, color="#FFFFFF", zorder=0)
    ax.axhspan(model.SENSITIVE_BELOW_NM, model.RESISTANT_ABOVE_NM, color="#E6E6E6", zorder=0)
    ax.axhspan(model.RESISTANT_ABOVE_NM, model.IC50_RANGE_NM[1], color="#C8C8C8", zorder=0)
    ax.axhspan(model.IC50_RANGE_NM[1], IC50_AXIS_NM[1], facecolor="#C8C8C8", hatch="//", edgecolor="#8C8C8C", zorder=0)
    for y, text in reading_guide_label_positions():
        ax.text(1.01, y, text, transform=ax.get_yaxis_transform(), va="center", ha="left", style="italic")


def ic50_shift_alt_text(tables: Mapping[str, pd.DataFrame]) -> str:
    """What the shift figure shows, in words, from the same numbers."""
    parts = []
    for protein, table in tables.items():
        name = model.ANTI_APOPTOTIC_NAMES[protein]
        for key in table.columns:
            drug_key = model.REGIMENS[key].drug
            readings = ", ".join(
                f"{name} {level_label(factor)}: {dose_label(value)} ({ic50_class(value, drug_key)})"
                for factor, value in table[key].items()
            )
            parts.append(f"{model.REGIMENS[key].name}, as {name} changes: {readings}.")
    return f"Model IC50s ({TEACHING}). " + " ".join(parts)


# --- Dose-response curves under each regimen -----------------------------------------------


def dose_response_figure(panels: Mapping[str, Sequence[Curve]], *, drug_name: str):
    """One panel per profile (``panels`` maps a panel title to its curves), stacked."""
    style.apply()
    fig, axes = plt.subplots(len(panels), 1, figsize=(style.FIGURE_WIDTH_IN, 5.1 * len(panels) + 0.4), squeeze=False)
    for ax, (panel_title, curves) in zip(axes[:, 0], panels.items()):
        ax.axvspan(
            model.RESISTANT_ABOVE_NM,
            CURVE_DOSES_NM[-1],
            color="#E6E6E6",
            zorder=0,
            label=f"shaded: above {dose_label(model.RESISTANT_ABOVE_NM)},\nout of clinical reach",
        )
        ax.axhline(50, color="grey", linestyle=":", linewidth=1)
        for index, curve in enumerate(curves):
            colour, marker, line = STYLES[index % len(STYLES)]
            ax.plot(
                curve.doses_nM,
                100 * curve.fraction_apoptotic,
                color=colour,
                linestyle=line,
                linewidth=2.2,
                marker=marker,
                markevery=10,
                markersize=6,
                markeredgecolor="black",
                label=f"{curve.label}:\nIC50 {dose_label(curve.ic50_nM)}",
            )
        ax.set_xscale("log")
        ax.set_xlim(CURVE_DOSES_NM[0], CURVE_DOSES_NM[-1])
        ax.xaxis.set_major_locator(FixedLocator(DOSE_TICKS_NM))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.set_xticklabels([dose_label(dose) for dose in DOSE_TICKS_NM])
        ax.set_ylim(0, 100)
        ax.set_ylabel("Cells apoptotic (%)")
        ax.set_xlabel(f"Dose of {drug_name} (log scale)", fontsize=style.TEXT_PT)
        ax.set_title(panel_title, loc="left")
        handles, labels = ax.get_legend_handles_labels()
        ax.legend(
            handles[1:] + handles[:1],
            labels[1:] + labels[:1],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.2),
            frameon=False,
            ncol=1,
        )
    fig.suptitle(f"Dose-response ({TEACHING})", fontsize=style.TEXT_PT, x=0.02, ha="left", style="italic")
    fig.tight_layout()
    return fig


def dose_response_alt_text(panels: Mapping[str, Sequence[Curve]]) -> str:
    """What the dose-response figure shows, in words, from the same numbers."""
    parts = []
    for panel_title, curves in panels.items():
        readings = "; ".join(
            f"{curve.label.replace(chr(10), ' ')}: IC50 {dose_label(curve.ic50_nM)} "
            f"({ic50_class(curve.ic50_nM, model.REGIMENS[curve.regimen_keys[0]].drug)}), "
            f"{100 * curve.fraction_apoptotic[-1]:.0f}% of cells "
            f"apoptotic at {dose_label(curve.doses_nM[-1])}"
            for curve in curves
        )
        parts.append(f"{panel_title}: {readings}.")
    return f"Model dose-response curves ({TEACHING}). " + " ".join(parts)
