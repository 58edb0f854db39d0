"""The safety chapter's exposure explorer: a ramp-up schedule, a co-medication, doses as labeled or adjusted.

Every view is computed at build time (``widgets.pharmacokinetics.dosing.exposure_scenario``, drawn
by ``widgets.presentation.figures.exposure``) and linked to the three dropdowns in the browser, so the
explorer works on the static site. Each view says, above its picture, that it shows a
teaching model and not dosing advice.
"""

import html

from widgets.data import prescribing
from widgets.explorers import static_views
from widgets.pharmacokinetics import dosing
from widgets.presentation.figures import exposure as plots
from widgets.presentation.text import cite_html, fold_change

SCHEDULE_OPTIONS = list(prescribing.SCHEDULES)
COMEDICATION_OPTIONS = ["none", "posaconazole", "other_strong_cyp3a", "moderate_cyp3a"]
COMEDICATION_TEXT = {"none": "None", **prescribing.INHIBITOR_TEXT}
# The ramp-up menu names each schedule by the label's indication; the view's title gives its
# steps (the full names cut off in a phone-wide menu).
SCHEDULE_MENU_TEXT = {
    "cll_5_week": prescribing.SCHEDULE_TEXT["cll_5_week"],
    "aml_hma_3_day": "AML with azacitidine or decitabine",
    "aml_ldac_4_day": "AML with low-dose cytarabine",
}
DOSE_OPTIONS = [False, True]
DOSE_TEXT = {False: "Doses as labeled, unchanged", True: "The label's adjustment"}
EFFECT_SOURCES = {
    "posaconazole": ["agarwal2017posaconazole", "venclexta_label"],
    "other_strong_cyp3a": ["agarwal2017"],
}
TEACHING_NOTICE = (
    "Teaching model, not dosing advice. A one-compartment model with one typical patient; "
    "real exposure varies widely between patients."
)
# Under the views, which each open with the notice: where the model is set out.
CAPTION = (
    "Each view was computed when the book was built. The chapter on safety and tolerability sets out the model, "
    "the sources of its constants and where it falls short of the posaconazole study."
)


def _fold(value: float) -> str:
    return f"{fold_change(value)}×"


def view_html(scenario) -> str:
    """One view: the notice, what is given, what the model predicts, and the figure with alt text."""
    plan = scenario.plan
    ratio = scenario.auc_ratio()[-1]
    days = len(plan.daily_doses_mg)
    course = scenario.course
    title = (
        f"{prescribing.SCHEDULE_TEXT[plan.schedule_id]} · {COMEDICATION_TEXT[plan.inhibitor]} · "
        f"{DOSE_TEXT[plan.adjusted]}"
    )
    lines = [
        f"<p><strong>{html.escape(TEACHING_NOTICE)}</strong></p>",
        f"<p class='exposure-view-title'>{html.escape(title)}</p>",
        f"<p>{html.escape(plan.explanation)}",
    ]
    if plan.inhibitor == "none" and plan.adjusted:
        lines[-1] += " With no interacting drug there is nothing to adjust: both dose choices give this schedule."
    if plan.adjusted and plan.inhibitor != "none":
        lines[-1] += (
            f" <em>Source check: {html.escape(prescribing.VERIFICATION_TEXT[plan.verification])}.</em> "
            f"{cite_html(['venclexta_label'])}"
        )
    lines[-1] += "</p>"
    effect = scenario.effect
    if effect is not None:
        spread = ""
        if effect.lowest_fold < effect.highest_fold:
            spread = (
                f" (estimates range from {_fold(effect.lowest_fold)} to {_fold(effect.highest_fold)}; the shaded band)"
            )
        sources = cite_html(EFFECT_SOURCES[plan.inhibitor]) if plan.inhibitor in EFFECT_SOURCES else ""
        lines.append(
            f"<p>Model: at the same dose this co-medication raises exposure {_fold(effect.fold_increase)}"
            f"{spread}; basis: {html.escape(effect.basis)} {sources}</p>"
        )
    lines.append(
        f"<p>Day {days}: exposure (AUC over the day) <strong>{_fold(ratio)}</strong> the reference "
        f"(steady state on the labeled {scenario.reference_dose_mg:g} mg a day, no interacting drug); "
        f"peak {course.daily_peak_ug_per_ml[-1]:.2f} µg/mL ({scenario.last_peak_um:.2f} µM).</p>"
    )
    image = plots.exposure_view_image(scenario, title="", schedule_text=prescribing.SCHEDULE_TEXT[plan.schedule_id])
    return "".join(lines) + image


def exposure_explorer():
    """Three dropdowns (schedule, co-medication, dose) above the precomputed views; works without a kernel."""
    effects = dosing.inhibitor_effects()
    ramp_up, adjustments = prescribing.load_ramp_up(), prescribing.load_adjustments()
    schedule = static_views.dropdown("Ramp-up:", [SCHEDULE_MENU_TEXT[key] for key in SCHEDULE_OPTIONS])
    comedication = static_views.dropdown("Co-medication:", [COMEDICATION_TEXT[key] for key in COMEDICATION_OPTIONS])
    dose = static_views.dropdown("Venetoclax dose:", [DOSE_TEXT[key] for key in DOSE_OPTIONS])

    def view_for(schedule_index, comedication_index, dose_index):
        scenario = dosing.exposure_scenario(
            SCHEDULE_OPTIONS[schedule_index],
            COMEDICATION_OPTIONS[comedication_index],
            DOSE_OPTIONS[dose_index],
            effects=effects,
            ramp_up=ramp_up,
            adjustments=adjustments,
        )
        return static_views.html_view(view_html(scenario))

    views = static_views.linked_views([schedule, comedication, dose], view_for)
    return static_views.explorer([schedule, comedication, dose], views, caption=html.escape(CAPTION))
