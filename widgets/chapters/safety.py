"""Chapter 08, safety: blood counts, how the ALL studies gave venetoclax, tumor lysis and drug interactions.

The page's tables are Markdown, rendered as MyST (their cells carry ``mystnb:
markdown_format: myst``) so that the ``{cite:p}`` and ``{evidence}`` roles in them become
citations and evidence badges. Its numbers come from the label's data files
(``widgets.data.prescribing``, ``widgets.data.label_pharmacology``), the studies' dosing
(``widgets.data.study_dosing``), the trials' outcomes (``widgets.data.trials``) and the
exposure model (``widgets.pharmacokinetics``).
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from widgets.chapters.common import prepare_page
from widgets.data import label_pharmacology, prescribing, study_dosing, trials
from widgets.explorers.exposure import exposure_explorer
from widgets.pharmacokinetics import dosing
from widgets.pharmacokinetics import one_compartment as pk
from widgets.presentation.figures.exposure import interaction_estimates
from widgets.presentation.text import cite, fold_change, markdown_table, plural

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

#: The evidence badge (``_ext/evidence.py``) for each verification grade of the label's data
#: files. A fact not confirmed in any source read keeps its words instead of a badge.
EVIDENCE_OF_VERIFICATION = {"source_text": "primary", "manufacturer_summary": "secondary", "secondary": "secondary"}
#: How a study's dose was scaled, and where its dosing was read, for the dosing table.
AGE_BASIS_TEXT = {"adult_fixed_dose": "adult fixed dose",
                  "pediatric_adult_equivalent": "pediatric adult-equivalent dose",
                  "mg_per_m2": "per m² of body surface area", "not_reported": "not reported"}
REPORTED_IN_EVIDENCE = {"review_text": "review", "review_table1": "review", "primary_abstract": "primary",
                        "secondary": "secondary"}

GRADE_TEXT = {"label": "label value", "derived": "derived", "teaching assumption": "**teaching assumption**"}
ANALYTE_TEXT = {"uric_acid": "Uric acid", "phosphate": "Phosphate", "potassium": "Potassium",
                "corrected_calcium": "Corrected calcium"}
COMPARISON_TEXT = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}
#: Decimals of each model parameter in the parameter table (``:g`` for the rest).
PARAMETER_FORMAT = {"elimination_rate": ".4f", "clearance": ".1f", "volume": ".0f", "absorption_rate": ".3f"}


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
        "pk.tmax_low_h": pk.TMAX_RANGE_H[0], "pk.tmax_high_h": pk.TMAX_RANGE_H[1],
        "pk.tmax_first_model_h": pk.time_of_peak_h(pk.ABSORPTION_RATE_PER_H),
        "pk.tmax_ss_model_h": pk.time_of_peak_h(pk.ABSORPTION_RATE_PER_H, dosing_interval_h=pk.DOSING_INTERVAL_H),
        "pk.auc_ss_label": pk.REFERENCE_AUC_SS_UG_H_PER_ML, "pk.auc_ss_label_sd": pk.REFERENCE_AUC_SS_SD_UG_H_PER_ML,
        "pk.cmax_ss_label": pk.REFERENCE_CMAX_SS_UG_PER_ML, "pk.cmax_ss_label_sd": pk.REFERENCE_CMAX_SS_SD_UG_PER_ML,
        "pk.cmax_ss_label_um": pk.ug_per_ml_to_um(pk.REFERENCE_CMAX_SS_UG_PER_ML),
        "pk.cmax_ss_model": course.daily_peak_ug_per_ml[-1],
        "pk.volume_model_l": pk.APPARENT_VOLUME_L,
        "pk.volume_label_low_l": pk.LABEL_APPARENT_VOLUME_RANGE_L[0],
        "pk.volume_label_high_l": pk.LABEL_APPARENT_VOLUME_RANGE_L[1],
        "pk.dose_proportional_low_mg": pk.DOSE_PROPORTIONAL_RANGE_MG[0],
        "pk.dose_proportional_high_mg": pk.DOSE_PROPORTIONAL_RANGE_MG[1],
        "pk.days_to_90_alone": pk.time_to_steady_state_fraction_h(0.9) / 24,
        "pk.days_to_90_posaconazole": pk.time_to_steady_state_fraction_h(0.9, posaconazole.clearance_ratio) / 24,
        "adjusted.posaconazole.dose_mg": posaconazole_mg, "adjusted.other_strong_cyp3a.dose_mg": strong_mg,
        "label.resume_low_days": dosing.RESUME_AFTER_INHIBITOR_DAYS[0],
        "label.resume_high_days": dosing.RESUME_AFTER_INHIBITOR_DAYS[1],
        "label.hepatic_reduction_percent": dosing.SEVERE_HEPATIC_IMPAIRMENT_REDUCTION_PERCENT,
        "tls.lab_min_abnormalities": LAB_TLS_MIN_ABNORMALITIES,
        "tls.lab_days_before": LAB_TLS_WINDOW_DAYS[0], "tls.lab_days_after": LAB_TLS_WINDOW_DAYS[1],
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
        "inhibitor.ketoconazole.cmax_all_on_clearance": pk.single_dose_peak_ratio(1 / ketoconazole["auc_ratio"]),
        "adjusted.posaconazole.exposure_ratio": pk.steady_state_auc_ug_h_per_ml(
            posaconazole_mg, posaconazole.clearance_ratio, posaconazole.bioavailability_ratio) / reference,
        "adjusted.other_strong_cyp3a.exposure_ratio": pk.steady_state_auc_ug_h_per_ml(
            strong_mg, strong.clearance_ratio, strong.bioavailability_ratio) / reference,
    }
    glued.update({key: fold_change(value) for key, value in folds.items()})
    return glued


def _dosing_numbers() -> dict[str, float]:
    """The dosing section's numbers: how many studies report a dose (counted here, not by the
    review), their days per cycle, the pediatric dose levels, the food effect and the label's
    shortening step for cytopenias."""
    dosing = study_dosing.load_study_dosing()
    days = dosing["days_per_cycle"].dropna()
    karol = study_dosing.load_pediatric_dosing().set_index("source_id").loc["karol2020"]
    label = label_pharmacology.load_label_pharmacology().set_index("item_id")
    return {
        "dosing.studies": len(dosing), "dosing.with_dose": int(dosing["venetoclax_dose_mg"].notna().sum()),
        "dosing.days_low": days.min(), "dosing.days_high": days.max(),
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


def _badge(marker: str) -> str:
    return f"{{evidence}}`{marker}`"


def _source(keys, verification: str) -> str:
    """Citations and how the fact was checked: a badge, or words for a fact no source confirmed."""
    marker = EVIDENCE_OF_VERIFICATION.get(verification)
    if marker is None:
        return f"{cite(keys)}; {prescribing.VERIFICATION_TEXT[verification]}"
    return f"{cite(keys)} {_badge(marker)}"


def _weakest(grades) -> str:
    """The weakest of several verification grades (a later one in ``VERIFICATION``)."""
    return max(grades, key=prescribing.VERIFICATION.index)


def study_dosing_table() -> Markdown:
    """How venetoclax was given in each ALL study: what the studies did, not a recommendation."""
    studies = trials.load_studies().set_index("study_id")
    rows = []
    for r in study_dosing.load_study_dosing().itertuples(index=False):
        study = studies.loc[r.study_id]
        if pd.isna(r.venetoclax_dose_mg):
            dose, details = "not reported", ""
        else:
            dose = r.dose_text + ("" if pd.isna(r.days_per_cycle) else f", {r.days_per_cycle} days per cycle")
            details = "; ".join(text for text in (r.ramp_up, r.azole_adjustment) if isinstance(text, str))
        badges = " ".join(_badge(REPORTED_IN_EVIDENCE[place]) for place in r.reported_in if place != "none")
        rows.append([f"{study.population}: {study.intervention} {cite(r.bibkeys)}", dose, details or "not reported",
                     f"{AGE_BASIS_TEXT[r.age_basis]} {badges}".rstrip()])
    return markdown_table(["Study", "Venetoclax", "Ramp-up and azoles", "Dose basis; how checked"], rows)


def label_statements(*topics: str) -> Markdown:
    """The label's statements on ``topics`` (``widgets.data.label_pharmacology.TOPICS``), one
    bullet each, with citations and how each was checked."""
    frame = label_pharmacology.load_label_pharmacology()
    lines = [f"- {r.statement.rstrip('.')} {_source(r.bibkeys, r.verification)}."
             for topic in topics for r in label_pharmacology.by_topic(topic, frame).itertuples(index=False)]
    return Markdown("\n".join(lines))


def trial_safety_table() -> Markdown:
    """The safety figures the review reports for the ALL trials, with counts and exact 95% intervals."""
    outcomes = trials.load_outcomes()
    safety = outcomes[[trials.ENDPOINTS[e].group == "safety" for e in outcomes["endpoint"]]]
    safety = trials.with_confidence_intervals(safety.reset_index(drop=True))
    by_study = trials.load_studies().set_index("study_id")
    rows = []
    for r in safety.itertuples(index=False):
        study = by_study.loc[r.study_id]
        value = f"{r.value:g}%" if r.unit == "percent" else plural(int(r.value), r.unit.removesuffix("s"), r.unit)
        if pd.notna(r.numerator):
            value += f" ({r.numerator}/{r.denominator}; 95% CI {r.ci_low_percent:.0f}–{r.ci_high_percent:.0f}%)"
        rows.append([f"{study.population}: {study.intervention} {cite(study.bibkey)}",
                     trials.ENDPOINTS[r.endpoint].label, value, "" if pd.isna(r.note) else r.note])
    return markdown_table(["Study", "Finding", "Value", "Note"], rows)


def _day_range(record) -> str:
    if pd.isna(record.last_day):
        return f"from day {record.first_day}"
    if record.first_day == record.last_day:
        return f"day {record.first_day}"
    return f"days {record.first_day}–{record.last_day}"


def ramp_up_table() -> Markdown:
    """The labeled ramp-ups, one row per schedule."""
    rows = []
    for schedule_id, group in prescribing.load_ramp_up().groupby("schedule_id", sort=False):
        steps = " · ".join(f"{_day_range(r)}: {r.daily_dose_mg:g} mg" for r in group.itertuples(index=False))
        keys = sorted({key for keys in group["bibkeys"] for key in keys})
        rows.append([prescribing.SCHEDULE_TEXT[schedule_id], steps, _source(keys, _weakest(group["verification"]))])
    return markdown_table(["Schedule", "Daily dose", "Source"], rows)


def tls_rates_table() -> Markdown:
    """TLS rates in the label's studies."""
    rows = [[r.indication, r.setting,
             f"{r.percent:g}%" + ("" if pd.isna(r.events) else f" ({r.events}/{r.patients})"),
             _source(r.bibkeys, r.verification)] for r in prescribing.load_tls_rates().itertuples(index=False)]
    return markdown_table(["Disease", "Setting", "TLS", "Source"], rows)


def tls_prophylaxis_list() -> Markdown:
    """The label's TLS categories and measures, as a list (readable on a phone)."""
    blocks = []
    for r in prescribing.load_tls_prophylaxis().itertuples(index=False):
        heading = f"{r.indication}, {r.risk_category} tumor burden" if r.indication == "CLL" \
            else f"{r.indication}, every patient"
        blocks.append(f"**{heading}** {_source(r.bibkeys, r.verification)}\n\n"
                      f"- *Who:* {r.criteria}\n- *Fluids:* {r.hydration}\n- *Uric acid:* {r.uric_acid_lowering}\n"
                      f"- *Blood chemistry:* {r.chemistry_monitoring}")
    return Markdown("\n\n".join(blocks))


def _criterion_text(record) -> str:
    text = f"{COMPARISON_TEXT[record.comparison]} {record.threshold:g} {record.unit}"
    if record.unit_si != record.unit:
        text += f" ({record.threshold_si:g} {record.unit_si})"
    if record.population != "all":
        text = f"{record.population}: {text}"
    if pd.notna(record.change_from_baseline_percent):
        change = "fall" if record.analyte == "corrected_calcium" else "rise"
        text += f", or a {record.change_from_baseline_percent:g}% {change} from baseline"
    return text


def tls_criteria_table() -> Markdown:
    """Laboratory TLS thresholds side by side: Howard et al. 2011 and Cairo and Bishop 2004."""
    criteria = prescribing.load_tls_criteria()
    definitions = ("howard_2011", "cairo_bishop_2004")
    rows = []
    for analyte in prescribing.ANALYTES:
        cells = []
        for definition in definitions:
            chosen = criteria[(criteria["definition"] == definition) & (criteria["analyte"] == analyte)]
            cells.append("; ".join(_criterion_text(r) for r in chosen.itertuples(index=False)) or "no threshold")
        rows.append([ANALYTE_TEXT[analyte]] + cells)
    keys = [criteria[criteria["definition"] == d].iloc[0].bibkeys for d in definitions]
    return markdown_table(["Analyte", f"Howard et al. 2011 {cite(keys[0])}",
                           f"Cairo and Bishop 2004 {cite(keys[1])} (secondary sources only)"], rows)


def interaction_studies_table() -> Markdown:
    """The azole studies: design, measured ratios, and the dose-normalized rise the model derives."""
    studies = prescribing.load_interaction_studies()
    folds = dosing.fold_increase_by_study(dosing.inhibitor_effects(studies))
    rows = []
    for r in studies.itertuples(index=False):
        reported = "paper" if r.reported_in == "primary_paper" else "label"
        rows.append([f"{r.inhibitor.capitalize()} {r.inhibitor_regimen}; {r.population}",
                     f"{r.venetoclax_with_inhibitor_mg:g} mg with vs {r.venetoclax_alone_mg:g} mg alone",
                     f"{r.auc_ratio:g} ({r.exposure_measure}); Cmax {r.cmax_ratio:g}",
                     f"{fold_change(folds[r.study_id])}×", f"{reported} {_source(r.bibkeys, r.verification)}"])
    return markdown_table(["Study", "Venetoclax doses compared", "Exposure ratio", "Rise at the same dose",
                           "Reported in"], rows)


def _adjustment_text(record) -> str:
    if record.action == "contraindicated":
        return "Not allowed"
    if record.action == "daily_dose":
        return f"{float(record.doses_mg):g} mg a day"
    if record.action == "day_by_day":
        steps = [f"{float(value):g}" for value in record.doses_mg.split(";")]
        return f"days 1–{len(steps)}: {', '.join(steps)} mg, then {steps[-1]} mg"
    return f"cut the dose by at least {record.reduction_percent:g}%"


def adjustments_table(indication: str) -> Markdown:
    """The label's inhibitor adjustments for one indication: ramp-up, steady state, source check."""
    if indication not in prescribing.INDICATIONS:
        raise ValueError(f"indication: must be one of {', '.join(prescribing.INDICATIONS)}, not {indication!r}")
    adjustments = prescribing.load_adjustments()
    rows = []
    for inhibitor in prescribing.INHIBITORS:
        pair = adjustments[(adjustments["indication"] == indication) & (adjustments["inhibitor"] == inhibitor)]
        ramp = pair[pair["phase"] == "ramp_up"].iloc[0]
        steady = pair[pair["phase"] == "steady_state"].iloc[0]
        keys = sorted(set(ramp.bibkeys) | set(steady.bibkeys))
        rows.append([prescribing.INHIBITOR_TEXT[inhibitor], _adjustment_text(ramp), _adjustment_text(steady),
                     _source(keys, _weakest((ramp.verification, steady.verification)))])
    return markdown_table(["Co-medication", "Start and ramp-up", "After the ramp-up", "Source"], rows)


def _parameter_value(key: str, parameter: pk.ModelParameter) -> str:
    spec = PARAMETER_FORMAT.get(key, "g")
    value = parameter.value
    text = f"{value[0]:{spec}}–{value[1]:{spec}}" if isinstance(value, tuple) else f"{value:{spec}}"
    text += f" {parameter.unit}"
    return text if parameter.sd is None else f"{text} (SD {parameter.sd:g})"


def _parameter_how() -> dict[str, str]:
    """How each model parameter was set, in words, with the numbers it rests on."""
    low_v, high_v = pk.LABEL_APPARENT_VOLUME_RANGE_L
    first = pk.time_of_peak_h(pk.ABSORPTION_RATE_PER_H)
    steady = pk.time_of_peak_h(pk.ABSORPTION_RATE_PER_H, dosing_interval_h=pk.DOSING_INTERVAL_H)
    return {"half_life": "population estimate", "auc_ss": "mean in patients", "tmax": "range",
            "molecular_weight": "for µg/mL to µM", "elimination_rate": "ln 2 ÷ half-life",
            "clearance": f"{pk.REFERENCE_DOSE_MG:g} mg ÷ steady-state AUC",
            "volume": f"CL/F ÷ ke; the label's population estimate is {low_v:g}–{high_v:g} L",
            "absorption_rate": f"puts the peak at {first:.1f} h after the first dose and {steady:.1f} h at "
                               "steady state"}


def model_parameters_table() -> Markdown:
    """The model's numbers with their grade (label value, derived, teaching assumption) and source."""
    how = _parameter_how()
    rows = [[p.name, _parameter_value(key, p), GRADE_TEXT[p.grade], f"{how[key]} {cite(p.bibkeys)}".rstrip()]
            for key, p in pk.model_parameters().items()]
    return markdown_table(["Parameter", "Value", "Grade", "How it was set"], rows)


def azole_estimates_figure():
    """The rise in exposure each azole study implies, with the values the model uses (fig-azole-estimates)."""
    studies = prescribing.load_interaction_studies()
    return interaction_estimates(studies, dosing.inhibitor_effects(studies))


def explorer():
    """Exposure over a ramp-up with a co-medication, as labeled or adjusted (24 precomputed views)."""
    return exposure_explorer()
