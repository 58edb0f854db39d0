"""Case 5: a high leukemic burden, venetoclax starting with posaconazole prophylaxis: the
ramp-up, the risk of tumor lysis and the label's dose adjustment.

Evidence: the label's schedules, adjustments, interaction studies, TLS rates and the laboratory
definition of TLS (``data/venetoclax_*.csv``, ``data/tls_laboratory_criteria.csv``, read through
``widgets.data.prescribing``). The explorer is the exposure explorer of chapter 08, which the
reader sets to an AML ramp-up with posaconazole.
"""

from __future__ import annotations

import operator

from widgets.chapters.common import prepare_page
from widgets.data import prescribing as label
from widgets.explorers.exposure import exposure_explorer
from widgets.pharmacokinetics import dosing

# The patient's first blood chemistry: invented for the case, in the units of the criteria
# (mg/dL; potassium mmol/L), two values beyond the adults' thresholds of Howard et al. 2011
# and two inside them.
CASE_LABS = {"uric_acid": 9.4, "potassium": 5.2, "phosphate": 5.1, "corrected_calcium": 7.8}
CRITERIA_DEFINITION = "howard_2011"
POSACONAZOLE_STUDY = "posaconazole_100mg_label"
EXPLORER_SCHEDULE = "aml_hma_3_day"
COMPARE = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}
COMPARISON_TEXT = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}
# The label's TLS rates quoted by the page: key -> (indication, start of the setting's text).
TLS_RATES = {
    "cll_ramp": ("CLL", "Monotherapy"),
    "cll_early": ("CLL", "Early"),
    "viale_a": ("AML", "VIALE-A"),
    "viale_c": ("AML", "VIALE-C"),
}


def adult_thresholds(criteria=None) -> dict[str, tuple[str, float, str]]:
    """Analyte -> (comparison, threshold, unit) of one definition for adults (``all`` rows apply too)."""
    criteria = label.load_tls_criteria() if criteria is None else criteria
    rows = criteria[(criteria["definition"] == CRITERIA_DEFINITION) & criteria["population"].isin(["adults", "all"])]
    return {row.analyte: (row.comparison, float(row.threshold), row.unit) for row in rows.itertuples(index=False)}


def abnormal_labs(labs: dict[str, float], thresholds: dict[str, tuple[str, float, str]]) -> list[str]:
    """The analytes of ``labs`` beyond their threshold (ValueError naming one with no threshold)."""
    unknown = sorted(set(labs) - set(thresholds))
    if unknown:
        raise ValueError(f"labs: no threshold for {unknown}; known: {sorted(thresholds)}")
    return [name for name, value in labs.items() if COMPARE[thresholds[name][0]](value, thresholds[name][1])]


def _doses(text: str) -> str:
    parts = text.split(";")
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def numbers() -> dict[str, str]:
    """Label figures (``label.*``), TLS rates (``tls.rate.*``), thresholds (``tls.threshold.*``),
    the case's laboratory values (``case.lab.*``), how many are abnormal (``case.abnormal_count``),
    and the exposure model's last-day exposure on the explorer's AML schedule with posaconazole,
    relative to the reference (``model.aml_posaconazole.unchanged`` and ``.adjusted``)."""
    figures = {}
    study = label.load_interaction_studies().set_index("study_id").loc[POSACONAZOLE_STUDY]
    ratio = float(study.auc_ratio)
    figures["label.posaconazole.auc_ratio"] = f"{ratio:g}"
    figures["label.posaconazole.dose_with_mg"] = f"{float(study.venetoclax_with_inhibitor_mg):g}"
    figures["label.posaconazole.dose_alone_mg"] = f"{float(study.venetoclax_alone_mg):g}"
    per_dose = ratio * float(study.venetoclax_alone_mg) / float(study.venetoclax_with_inhibitor_mg)
    figures["label.posaconazole.same_dose_fold"] = f"{per_dose:.2f}"
    adjustments = label.load_adjustments().set_index(["indication", "inhibitor", "phase"])
    figures["label.cll.posaconazole.steady_mg"] = adjustments.loc[("CLL", "posaconazole", "steady_state"), "doses_mg"]
    figures["label.aml.posaconazole.ramp_mg"] = _doses(adjustments.loc[("AML", "posaconazole", "ramp_up"), "doses_mg"])
    ramp = label.load_ramp_up()
    aml = ramp[(ramp["schedule_id"] == "aml_hma_3_day") & (ramp["phase"] == "ramp_up")]
    figures["label.aml.ramp_mg"] = _doses(";".join(f"{dose:g}" for dose in aml["daily_dose_mg"]))
    rates = label.load_tls_rates()
    for name, (indication, setting) in TLS_RATES.items():
        row = rates[(rates["indication"] == indication) & rates["setting"].str.startswith(setting)]
        if len(row) != 1:
            raise ValueError(f"data/venetoclax_tls_rates.csv: expected one {indication} row starting {setting!r}")
        figures[f"tls.rate.{name}"] = f"{row['percent'].iloc[0]:g}"
    thresholds = adult_thresholds()
    for analyte, (comparison, threshold, unit) in thresholds.items():
        figures[f"tls.threshold.{analyte}"] = f"{COMPARISON_TEXT[comparison]} {threshold:g} {unit}"
        figures[f"case.lab.{analyte}"] = f"{CASE_LABS[analyte]:g} {unit}"
    figures["case.abnormal_count"] = f"{len(abnormal_labs(CASE_LABS, thresholds))}"
    for name, adjusted in (("unchanged", False), ("adjusted", True)):
        scenario = dosing.exposure_scenario(EXPLORER_SCHEDULE, "posaconazole", adjusted)
        figures[f"model.aml_posaconazole.{name}"] = f"{scenario.auc_ratio()[-1]:.1f}×"
    return figures


def setup() -> None:
    prepare_page(numbers)


def explorer():
    """The exposure explorer (every schedule and co-medication; the page asks for AML with posaconazole)."""
    return exposure_explorer()
