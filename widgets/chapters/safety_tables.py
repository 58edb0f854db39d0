"""Chapter 08's tables, as Markdown that the book renders as MyST (citations and evidence
badges in their cells): how the studies gave venetoclax, the label's statements, the trials'
safety figures, ramp-ups, tumor lysis, interactions, adjustments and the exposure model's
parameters. ``widgets.chapters.safety`` is the page's module and offers them."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from widgets.data import label_pharmacology, prescribing, study_dosing, trials
from widgets.pharmacokinetics import dosing
from widgets.pharmacokinetics import one_compartment as pk
from widgets.presentation.text import cite, fold_change, markdown_table, plural

#: The evidence badge (``_ext/evidence.py``) for each verification grade of the label's data
#: files. A fact not confirmed in any source read keeps its words instead of a badge.
EVIDENCE_OF_VERIFICATION = {"source_text": "primary", "manufacturer_summary": "secondary", "secondary": "secondary"}
#: How a study's dose was scaled, and where its dosing was read, for the dosing table.
AGE_BASIS_TEXT = {
    "adult_fixed_dose": "adult fixed dose",
    "pediatric_adult_equivalent": "pediatric adult-equivalent dose",
    "mg_per_m2": "per m² of body surface area",
    "not_reported": "not reported",
}
REPORTED_IN_EVIDENCE = {
    "review_text": "review",
    "review_table1": "review",
    "primary_abstract": "primary",
    "secondary": "secondary",
}

GRADE_TEXT = {"label": "label value", "derived": "derived", "teaching assumption": "**teaching assumption**"}
ANALYTE_TEXT = {
    "uric_acid": "Uric acid",
    "phosphate": "Phosphate",
    "potassium": "Potassium",
    "corrected_calcium": "Corrected calcium",
}
COMPARISON_TEXT = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}
#: Decimals of each model parameter in the parameter table (``:g`` for the rest).
PARAMETER_FORMAT = {"elimination_rate": ".4f", "clearance": ".1f", "volume": ".0f", "absorption_rate": ".3f"}


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
        rows.append(
            [
                f"{study.population}: {study.intervention} {cite(r.bibkeys)}",
                dose,
                details or "not reported",
                f"{AGE_BASIS_TEXT[r.age_basis]} {badges}".rstrip(),
            ]
        )
    return markdown_table(["Study", "Venetoclax", "Ramp-up and azoles", "Dose basis; how checked"], rows)


def label_statements(*topics: str) -> Markdown:
    """The label's statements on ``topics`` (``widgets.data.label_pharmacology.TOPICS``), one
    bullet each, with citations and how each was checked."""
    frame = label_pharmacology.load_label_pharmacology()
    lines = [
        f"- {r.statement.rstrip('.')} {_source(r.bibkeys, r.verification)}."
        for topic in topics
        for r in label_pharmacology.by_topic(topic, frame).itertuples(index=False)
    ]
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
        rows.append(
            [
                f"{study.population}: {study.intervention} {cite(study.bibkey)}",
                trials.ENDPOINTS[r.endpoint].label,
                value,
                "" if pd.isna(r.note) else r.note,
            ]
        )
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
    rows = [
        [
            r.indication,
            r.setting,
            f"{r.percent:g}%" + ("" if pd.isna(r.events) else f" ({r.events}/{r.patients})"),
            _source(r.bibkeys, r.verification),
        ]
        for r in prescribing.load_tls_rates().itertuples(index=False)
    ]
    return markdown_table(["Disease", "Setting", "TLS", "Source"], rows)


def tls_prophylaxis_list() -> Markdown:
    """The label's TLS categories and measures, as a list (readable on a phone)."""
    blocks = []
    for r in prescribing.load_tls_prophylaxis().itertuples(index=False):
        heading = (
            f"{r.indication}, {r.risk_category} tumor burden"
            if r.indication == "CLL"
            else f"{r.indication}, every patient"
        )
        blocks.append(
            f"**{heading}** {_source(r.bibkeys, r.verification)}\n\n"
            f"- *Who:* {r.criteria}\n- *Fluids:* {r.hydration}\n- *Uric acid:* {r.uric_acid_lowering}\n"
            f"- *Blood chemistry:* {r.chemistry_monitoring}"
        )
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
    return markdown_table(
        [
            "Analyte",
            f"Howard et al. 2011 {cite(keys[0])}",
            f"Cairo and Bishop 2004 {cite(keys[1])} (secondary sources only)",
        ],
        rows,
    )


def interaction_studies_table() -> Markdown:
    """The azole studies: design, measured ratios, and the dose-normalized rise the model derives."""
    studies = prescribing.load_interaction_studies()
    folds = dosing.fold_increase_by_study(dosing.inhibitor_effects(studies))
    rows = []
    for r in studies.itertuples(index=False):
        reported = "paper" if r.reported_in == "primary_paper" else "label"
        rows.append(
            [
                f"{r.inhibitor.capitalize()} {r.inhibitor_regimen}; {r.population}",
                f"{r.venetoclax_with_inhibitor_mg:g} mg with vs {r.venetoclax_alone_mg:g} mg alone",
                f"{r.auc_ratio:g} ({r.exposure_measure}); Cmax {r.cmax_ratio:g}",
                f"{fold_change(folds[r.study_id])}×",
                f"{reported} {_source(r.bibkeys, r.verification)}",
            ]
        )
    return markdown_table(
        ["Study", "Venetoclax doses compared", "Exposure ratio", "Rise at the same dose", "Reported in"], rows
    )


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
        rows.append(
            [
                prescribing.INHIBITOR_TEXT[inhibitor],
                _adjustment_text(ramp),
                _adjustment_text(steady),
                _source(keys, _weakest((ramp.verification, steady.verification))),
            ]
        )
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
    return {
        "half_life": "population estimate",
        "auc_ss": "mean in patients",
        "tmax": "range",
        "molecular_weight": "for µg/mL to µM",
        "elimination_rate": "ln 2 ÷ half-life",
        "clearance": f"{pk.REFERENCE_DOSE_MG:g} mg ÷ steady-state AUC",
        "volume": f"CL/F ÷ ke; the label's population estimate is {low_v:g}–{high_v:g} L",
        "absorption_rate": f"puts the peak at {first:.1f} h after the first dose and {steady:.1f} h at steady state",
    }


def model_parameters_table() -> Markdown:
    """The model's numbers with their grade (label value, derived, teaching assumption) and source."""
    how = _parameter_how()
    rows = [
        [p.name, _parameter_value(key, p), GRADE_TEXT[p.grade], f"{how[key]} {cite(p.bibkeys)}".rstrip()]
        for key, p in pk.model_parameters().items()
    ]
    return markdown_table(["Parameter", "Value", "Grade", "How it was set"], rows)
