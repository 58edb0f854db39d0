"""Chapter 08, safety: blood counts, how the ALL studies gave venetoclax, tumor lysis and drug interactions.

The page's tables are Markdown, rendered as MyST (their cells carry ``mystnb:
markdown_format: myst``) so that the ``{cite:p}`` and ``{evidence}`` roles in them become
citations and evidence badges. Its numbers come from the label's data files
(``widgets.data.prescribing``, ``widgets.data.label_pharmacology``), the studies' dosing
(``widgets.data.study_dosing``), the trials' outcomes (``widgets.data.trials``) and the
exposure model (``widgets.pharmacokinetics``).
"""

from __future__ import annotations

from widgets.chapters.common import prepare_page

# The page's tables live in their own module; the notebook calls them on this one.
from widgets.chapters.safety_tables import (  # noqa: F401
    adjustments_table,
    interaction_studies_table,
    label_statements,
    model_parameters_table,
    ramp_up_table,
    study_dosing_table,
    tls_criteria_table,
    tls_prophylaxis_list,
    tls_rates_table,
    trial_safety_table,
)
from widgets.data import label_pharmacology, prescribing, study_dosing, trials
from widgets.explorers.exposure import exposure_explorer
from widgets.pharmacokinetics import dosing, inhibitors
from widgets.pharmacokinetics import one_compartment as pk
from widgets.presentation.figures.exposure import interaction_estimates
from widgets.presentation.text import fold_change

#: Laboratory TLS needs at least this many abnormal values together (Howard et al. 2011;
#: Cairo and Bishop 2004) {howard2011}.
LAB_TLS_MIN_ABNORMALITIES = 2
#: days: the window in which they count, from 3 days before to 7 days after the start of
#: treatment {howard2011}.
LAB_TLS_WINDOW_DAYS = (3, 7)
#: The TLS rates the prose quotes, by glue key: the row of ``venetoclax_tls_rates.csv``
#: (indication, setting) each one is.
TLS_RATE_KEYS = {
    "tls.cll_ramp_percent": ("CLL", "Monotherapy studies with the 5-week ramp-up, prophylaxis and monitoring"),
    "tls.cll_fast_percent": ("CLL", "Early studies with a 2–3-week ramp-up and a higher starting dose"),
    "tls.viale_a_percent": ("AML", "VIALE-A: with azacitidine"),
    "tls.viale_c_percent": ("AML", "VIALE-C: with low-dose cytarabine"),
}
#: The trials whose febrile neutropenia rate the prose quotes (``study_id``).
FEBRILE_NEUTROPENIA_STUDIES = ("place2025", "ravandi2024")


def numbers() -> dict[str, float | str]:
    """Every number the page's prose quotes, by glue key. Fold changes are text already
    (``widgets.presentation.text.fold_change``, as in the tables, figure and explorer);
    the other values are numbers that the page formats where it quotes them."""
    effects = dosing.inhibitor_effects()
    posaconazole, strong = effects["posaconazole"], effects["other_strong_cyp3a"]
    ketoconazole = prescribing.load_interaction_studies().set_index("study_id").loc["ketoconazole_50mg"]
    adjustments = prescribing.load_adjustments().set_index(["indication", "inhibitor", "phase"])
    posaconazole_mg = float(adjustments.loc[("CLL", "posaconazole", "steady_state"), "doses_mg"])
    strong_mg = float(adjustments.loc[("CLL", "other_strong_cyp3a", "steady_state"), "doses_mg"])
    reference = pk.steady_state_auc_ug_h_per_ml(pk.REFERENCE_DOSE_MG)
    course = pk.simulate([pk.REFERENCE_DOSE_MG] * 30)
    values = {
        "pk.half_life_h": pk.TERMINAL_HALF_LIFE_H,
        "pk.tmax_low_h": pk.TMAX_RANGE_H[0],
        "pk.tmax_high_h": pk.TMAX_RANGE_H[1],
        "pk.tmax_first_model_h": pk.time_of_peak_h(pk.ABSORPTION_RATE_PER_H),
        "pk.tmax_ss_model_h": pk.time_of_peak_h(pk.ABSORPTION_RATE_PER_H, dosing_interval_h=pk.DOSING_INTERVAL_H),
        "pk.auc_ss_label": pk.REFERENCE_AUC_SS_UG_H_PER_ML,
        "pk.auc_ss_label_sd": pk.REFERENCE_AUC_SS_SD_UG_H_PER_ML,
        "pk.cmax_ss_label": pk.REFERENCE_CMAX_SS_UG_PER_ML,
        "pk.cmax_ss_label_sd": pk.REFERENCE_CMAX_SS_SD_UG_PER_ML,
        "pk.cmax_ss_label_um": pk.ug_per_ml_to_um(pk.REFERENCE_CMAX_SS_UG_PER_ML),
        "pk.cmax_ss_model": course.daily_peak_ug_per_ml[-1],
        "pk.volume_model_l": pk.APPARENT_VOLUME_L,
        "pk.volume_label_low_l": pk.LABEL_APPARENT_VOLUME_RANGE_L[0],
        "pk.volume_label_high_l": pk.LABEL_APPARENT_VOLUME_RANGE_L[1],
        "pk.dose_proportional_low_mg": pk.DOSE_PROPORTIONAL_RANGE_MG[0],
        "pk.dose_proportional_high_mg": pk.DOSE_PROPORTIONAL_RANGE_MG[1],
        "pk.days_to_90_alone": pk.time_to_steady_state_fraction_h(0.9) / 24,
        "pk.days_to_90_posaconazole": pk.time_to_steady_state_fraction_h(0.9, posaconazole.clearance_ratio) / 24,
        "adjusted.posaconazole.dose_mg": posaconazole_mg,
        "adjusted.other_strong_cyp3a.dose_mg": strong_mg,
        "label.resume_low_days": dosing.RESUME_AFTER_INHIBITOR_DAYS[0],
        "label.resume_high_days": dosing.RESUME_AFTER_INHIBITOR_DAYS[1],
        "label.hepatic_reduction_percent": dosing.SEVERE_HEPATIC_IMPAIRMENT_REDUCTION_PERCENT,
        "tls.lab_min_abnormalities": LAB_TLS_MIN_ABNORMALITIES,
        "tls.lab_days_before": LAB_TLS_WINDOW_DAYS[0],
        "tls.lab_days_after": LAB_TLS_WINDOW_DAYS[1],
    }
    values.update(_dosing_numbers())
    rates = prescribing.load_tls_rates().set_index(["indication", "setting"])["percent"]
    values.update({key: rates.loc[row] for key, row in TLS_RATE_KEYS.items()})
    outcomes = trials.load_outcomes()
    quoted = (outcomes["endpoint"] == "febrile_neutropenia") & outcomes["study_id"].isin(FEBRILE_NEUTROPENIA_STUDIES)
    for r in outcomes[quoted].itertuples():
        values[f"{r.study_id}.{r.cohort}.{r.endpoint}.{r.source}.value"] = r.value
    # Plain Python floats: glue stores a value's repr, and numpy's ("np.float64(...)") breaks a format spec.
    glued: dict[str, float | str] = {key: float(value) for key, value in values.items()}
    folds = {
        "interaction.ketoconazole_50mg.auc_ratio": ketoconazole["auc_ratio"],
        "interaction.ketoconazole_50mg.cmax_ratio": ketoconazole["cmax_ratio"],
        "inhibitor.posaconazole.fold": posaconazole.fold_increase,
        "inhibitor.posaconazole.fold_low": posaconazole.lowest_fold,
        "inhibitor.posaconazole.fold_high": posaconazole.highest_fold,
        "inhibitor.moderate_cyp3a.fold": effects["moderate_cyp3a"].fold_increase,
        "inhibitor.strong.bioavailability": strong.bioavailability_ratio,
        "inhibitor.strong.half_life": 1 / strong.clearance_ratio,
        "inhibitor.ketoconazole.cmax_all_on_clearance": inhibitors.single_dose_peak_ratio(
            1 / ketoconazole["auc_ratio"]
        ),
        "adjusted.posaconazole.exposure_ratio": pk.steady_state_auc_ug_h_per_ml(
            posaconazole_mg, posaconazole.clearance_ratio, posaconazole.bioavailability_ratio
        )
        / reference,
        "adjusted.other_strong_cyp3a.exposure_ratio": pk.steady_state_auc_ug_h_per_ml(
            strong_mg, strong.clearance_ratio, strong.bioavailability_ratio
        )
        / reference,
    }
    glued.update({key: fold_change(value) for key, value in folds.items()})
    glued.update(_study_check_numbers(posaconazole))
    return glued


def _study_check_numbers(posaconazole) -> dict[str, str]:
    """The posaconazole study run through the model (``dosing.study_schedule_ratios``) beside
    what it measured: ``study.posaconazole_<dose>mg.model`` and ``.measured_low`` / ``_high``."""
    studies = prescribing.load_interaction_studies()
    values = {}
    for dose in (50, 100):
        measured = studies[(studies["inhibitor"] == "posaconazole") & (studies["venetoclax_with_inhibitor_mg"] == dose)]
        key = f"study.posaconazole_{dose}mg"
        values[f"{key}.model"] = fold_change(dosing.study_schedule_ratios(dose, posaconazole)[0])
        values[f"{key}.measured_low"] = fold_change(measured["auc_ratio"].min())
        values[f"{key}.measured_high"] = fold_change(measured["auc_ratio"].max())
    return values


def _dosing_numbers() -> dict[str, float]:
    """The dosing section's numbers: how many studies report a dose (counted here, not by the
    review), their days per cycle, the pediatric dose levels, the food effect and the label's
    shortening step for cytopenias."""
    dosing = study_dosing.load_study_dosing()
    days = dosing["days_per_cycle"].dropna()
    karol = study_dosing.load_pediatric_dosing().set_index("source_id").loc["karol2020"]
    label = label_pharmacology.load_label_pharmacology().set_index("item_id")
    return {
        "dosing.studies": len(dosing),
        "dosing.with_dose": int(dosing["venetoclax_dose_mg"].notna().sum()),
        "dosing.with_days": len(days),
        "dosing.days_low": days.min(),
        "dosing.days_high": days.max(),
        "pediatric.karol2020.dose_low": karol["dose_levels"][0],
        "pediatric.karol2020.dose_high": karol["dose_levels"][-1],
        "pediatric.karol2020.recommended": karol["recommended_dose"],
        "label.low_fat_meal.fold": label.loc["low_fat_meal", "value_low"],
        "label.high_fat_meal.fold_low": label.loc["high_fat_meal", "value_low"],
        "label.high_fat_meal.fold_high": label.loc["high_fat_meal", "value_high"],
        "label.aml_later_occurrences.days": label.loc["aml_later_occurrences", "value_low"],
    }


def setup() -> None:
    prepare_page(numbers)


def azole_estimates_figure():
    """The rise in exposure each azole study implies, with the values the model uses (fig-azole-estimates)."""
    studies = prescribing.load_interaction_studies()
    return interaction_estimates(studies, dosing.inhibitor_effects(studies))


def explorer():
    """Exposure over a ramp-up with a co-medication, as labeled or adjusted (24 precomputed views)."""
    return exposure_explorer()
