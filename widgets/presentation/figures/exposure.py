"""Figures of the safety chapter: venetoclax exposure over a ramp-up, with and without an inhibitor.

Colour never carries meaning alone: the reference is a dashed black line, the
scenario a solid line with markers, the days with the inhibitor a thick bar along the
top of each panel, and every line is named in the legend.
"""

import matplotlib.pyplot as plt
import numpy as np

from widgets.pharmacokinetics import one_compartment as pk
from widgets.pharmacokinetics.dosing import fold_increase_by_study
from widgets.presentation import layers, style
from widgets.presentation.text import fold_change

SCENARIO_COLOR = style.OKABE_ITO["blue"]
BAND_COLOR = style.OKABE_ITO["sky_blue"]
REFERENCE_COLOR = style.OKABE_ITO["black"]
INHIBITOR_COLOR = style.OKABE_ITO["orange"]


def _inhibitor_bar(ax, taken, label: bool) -> None:
    """A thick bar along the top of ``ax`` over the days the inhibitor is taken (with a legend label)."""
    days = np.flatnonzero(taken)
    if days.size == 0:
        return
    ax.plot(
        [days[0], days[-1] + 1],
        [0.985, 0.985],
        transform=ax.get_xaxis_transform(),
        color=INHIBITOR_COLOR,
        linewidth=5,
        solid_capstyle="butt",
        label="Days with the inhibitor (bar)" if label else None,
    )


def exposure_course(scenario, *, title: str = "", size_in: tuple[float, float] = (style.FIGURE_WIDTH_IN, 5.6)):
    """Two panels: plasma concentration over the days shown, and each day's exposure relative to the reference.

    ``scenario``: a ``widgets.pharmacokinetics.dosing.ExposureScenario``. Top: concentration in µg/mL
    (µM on the right axis), the scenario against the labeled doses without an
    interacting drug; a shaded band spans the range of the inhibitor estimates.
    Bottom: AUC over each day divided by the steady-state AUC of the labeled target
    dose (log scale). ``size_in``: width and height in inches (explorer views use a
    smaller figure to keep the page light).
    """
    fig, (top, bottom) = plt.subplots(2, 1, figsize=size_in, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    taken = np.array(scenario.plan.inhibitor_taken)
    reference, course = scenario.reference_course, scenario.course
    days_axis = np.arange(1, len(course.daily_doses_mg) + 1) - 0.5
    has_inhibitor = scenario.effect is not None
    has_band = has_inhibitor and scenario.effect.lowest_fold < scenario.effect.highest_fold

    _inhibitor_bar(top, taken, label=True)
    if has_band:
        top.fill_between(
            course.time_days,
            scenario.lowest_course.concentration_ug_per_ml,
            scenario.highest_course.concentration_ug_per_ml,
            color=BAND_COLOR,
            alpha=0.35,
            linewidth=0,
            label="Range of the inhibitor estimates",
        )
    top.plot(
        reference.time_days,
        reference.concentration_ug_per_ml,
        color=REFERENCE_COLOR,
        linestyle="--",
        linewidth=1.4,
        label="Labeled doses, no interacting drug",
    )
    if has_inhibitor or scenario.plan.adjusted:
        top.plot(
            course.time_days, course.concentration_ug_per_ml, color=SCENARIO_COLOR, linewidth=1.8, label="This scenario"
        )
    top.set_ylabel("Plasma venetoclax (µg/mL)")
    highest = max(
        reference.concentration_ug_per_ml.max(),
        course.concentration_ug_per_ml.max(),
        scenario.highest_course.concentration_ug_per_ml.max(),
    )
    top.set_ylim(0, highest * 1.15)
    micromolar = top.secondary_yaxis("right", functions=(pk.ug_per_ml_to_um, pk.um_to_ug_per_ml))
    micromolar.set_ylabel("µM")
    if title:
        top.set_title(title, loc="left", fontsize=style.TITLE_PT)

    _inhibitor_bar(bottom, taken, label=False)
    # Stopped at the last day, so the end value written beside it (×1.0 often) stays clear of it.
    bottom.hlines(1.0, 0, days_axis[-1], color=style.OKABE_ITO["grey"], linestyle=":", linewidth=1.2)
    bottom.plot(days_axis, scenario.auc_ratio(reference), color=REFERENCE_COLOR, linestyle="--", linewidth=1.4)
    ratio = scenario.auc_ratio()
    if has_inhibitor or scenario.plan.adjusted:
        bottom.plot(days_axis, ratio, color=SCENARIO_COLOR, linewidth=1.8, marker="o", markersize=3.5, markevery=7)
    bottom.set_yscale("log")
    bottom.set_ylim(0.02, 30)
    bottom.set_yticks([0.03, 0.1, 0.3, 1, 3, 10, 30], ["0.03", "0.1", "0.3", "1", "3", "10", "30"])
    bottom.minorticks_off()
    bottom.set_ylabel("Day's AUC ÷ reference")
    end_value = bottom.annotate(
        f"×{fold_change(ratio[-1])}",
        xy=(days_axis[-1], ratio[-1]),
        xytext=(4, 0),
        textcoords="offset points",
        va="center",
        fontsize=style.TEXT_PT,
        color=SCENARIO_COLOR if has_inhibitor else REFERENCE_COLOR,
    )
    bottom.set_xlabel("Day of treatment")
    bottom.set_xlim(0, len(course.daily_doses_mg) + 12)
    # The legend under the panels, one entry a line, so that it fits a phone-wide figure.
    handles, labels = top.get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower left", ncol=1, fontsize=style.TEXT_PT, frameon=False)
    fig.tight_layout(rect=(0, 0.045 * len(labels) + 0.01, 1, 1))
    _name_reference_line(fig, bottom, days_axis[-1], avoid=end_value)
    return fig


def _name_reference_line(fig, ax, last_day: float, avoid) -> None:
    """Write "reference" beside the dotted line at 1, just above or below it, at the first
    place along it (from day 0) where no curve or marker crosses the word and the text
    ``avoid`` is clear; the first place if there is none. Placed after the layout is final."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    curves = [line.get_transform().transform(line.get_xydata()) for line in ax.get_lines() if len(line.get_xdata()) > 1]
    kept = avoid.get_window_extent(renderer).padded(2)
    places = [(x, y, va) for x in np.linspace(0.3, 0.6 * last_day, 5) for y, va in ((1.1, "bottom"), (0.8, "top"))]
    for x, y, va in places:
        label = ax.text(x, y, "reference", color="#555555", fontsize=style.TEXT_PT, va=va)
        box = label.get_window_extent(renderer).padded(2)
        crossed = any(layers.line_crosses_box(*curve.T, box.x0, box.x1, box.y0, box.y1) for curve in curves)
        if not box.overlaps(kept) and not crossed:
            return
        label.remove()
    x, y, va = places[0]
    ax.text(x, y, "reference", color="#555555", fontsize=style.TEXT_PT, va=va)


def exposure_alt_text(scenario, schedule_text: str) -> str:
    """What ``exposure_course`` shows, in words, with the numbers it draws."""
    ratio = scenario.auc_ratio()
    days = len(ratio)
    parts = [
        f"Two panels over {days} days of {schedule_text}. Top: plasma venetoclax concentration; "
        "bottom: each day's exposure divided by the steady-state exposure on the labeled dose (log scale)."
    ]
    reference_last = scenario.auc_ratio(scenario.reference_course)[-1]
    parts.append(
        f"Dashed line, labeled doses without an interacting drug: exposure climbs to "
        f"{fold_change(reference_last)} times the reference by the last day."
    )
    if scenario.effect is not None or scenario.plan.adjusted:
        taken = np.flatnonzero(scenario.plan.inhibitor_taken)
        when = f"from day {taken[0] + 1}" if taken.size else "on no day"
        parts.append(
            f"Solid line, this scenario (inhibitor taken {when}; orange bar along the top): peak concentration "
            f"{scenario.course.daily_peak_ug_per_ml[-1]:.2f} µg/mL on the last day, exposure "
            f"{fold_change(ratio[-1])} times the reference."
        )
    if scenario.effect is not None and scenario.effect.lowest_fold < scenario.effect.highest_fold:
        parts.append(
            f"A shaded band around it spans {fold_change(scenario.auc_ratio(scenario.lowest_course)[-1])} "
            f"to {fold_change(scenario.auc_ratio(scenario.highest_course)[-1])} times, the range of the "
            "estimates."
        )
    return " ".join(parts)


def interaction_estimates(studies, effects):
    """Horizontal bars: the rise in venetoclax exposure implied by each azole study (dose-normalized), log scale.

    ``studies``: ``widgets.data.prescribing.load_interaction_studies()``; ``effects``:
    ``widgets.pharmacokinetics.dosing.inhibitor_effects(studies)``, whose estimates give each
    study's rise. Bars are labeled with their value; the source (paper or label) is in the
    tick label and in the marker shape.
    """
    rows = list(studies.itertuples(index=False))
    folds = fold_increase_by_study(effects)
    # Its tick labels reach past the axes, so the figure is drawn a little narrower than the rule.
    fig, ax = plt.subplots(figsize=(style.FIGURE_WIDTH_IN - 0.2, 0.75 * len(rows) + 3.0))
    for position, row in enumerate(rows):
        fold = folds[row.study_id]
        from_paper = row.reported_in == "primary_paper"
        ax.plot([1, fold], [position, position], color=style.OKABE_ITO["grey"], linewidth=1)
        ax.plot(
            fold,
            position,
            marker="o" if from_paper else "s",
            markersize=8,
            linestyle="none",
            color=SCENARIO_COLOR if from_paper else INHIBITOR_COLOR,
        )
        ax.text(fold * 1.08, position, f"×{fold_change(fold)}", va="center", fontsize=style.TEXT_PT)
    labels = [
        f"{row.inhibitor.capitalize()},\nvenetoclax {row.venetoclax_with_inhibitor_mg:g} mg\n"
        f"({'paper' if row.reported_in == 'primary_paper' else 'label'})"
        for row in rows
    ]
    ax.set_yticks(range(len(rows)), labels, fontsize=style.TEXT_PT)
    ax.invert_yaxis()
    for key, linestyle in (("posaconazole", "-"), ("other_strong_cyp3a", "--")):
        ax.axvline(effects[key].fold_increase, color=REFERENCE_COLOR, linestyle=linestyle, linewidth=1)
    ax.set_xscale("log")
    ax.set_xlim(1, 30)
    ax.set_xticks([1, 2, 5, 10, 20], ["1", "2", "5", "10", "20"])
    ax.minorticks_off()
    ax.set_xlabel("Rise in venetoclax exposure at the\nsame dose (fold, log scale)")
    ax.plot([], [], marker="o", linestyle="none", color=SCENARIO_COLOR, label="As the paper reports it")
    ax.plot([], [], marker="s", linestyle="none", color=INHIBITOR_COLOR, label="As the label reports it")
    ax.plot([], [], color=REFERENCE_COLOR, label="Model: posaconazole")
    ax.plot([], [], color=REFERENCE_COLOR, linestyle="--", label="Model: other strong inhibitors")
    fig.legend(loc="lower left", ncol=1, fontsize=style.TEXT_PT, frameon=False)
    fig.tight_layout(rect=(0, 0.17, 1, 1))
    return fig


#: Width and height (inches) of an explorer image: phone-wide (``style.FIGURE_WIDTH_IN``), so
#: that its text stays legible on a phone and 24 embedded views keep the page light.
EXPLORER_SIZE_IN = (style.FIGURE_WIDTH_IN, 5.6)


def exposure_view_image(scenario, *, title: str, schedule_text: str) -> str:
    """An explorer view's picture: ``exposure_course`` as an ``<img>`` with its alt text."""
    return style.img_html(
        exposure_course(scenario, title=title, size_in=EXPLORER_SIZE_IN), exposure_alt_text(scenario, schedule_text)
    )
