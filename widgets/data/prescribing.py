"""The venetoclax label's safety facts and the azole studies: six data files, their schemas and loaders.

Each loader reads one file of ``data/`` against its ``Column`` list and adds the checks
that span rows (a ramp-up runs day by day without gaps; every inhibitor has a rule for
every indication and phase; counts match percentages). What each column means is in
``data/README.md``, the book's one data dictionary. The schedules and exposure these
facts imply are computed in ``widgets.pharmacokinetics.dosing``.
"""

from __future__ import annotations

import pandas as pd

from widgets.data import data_file
from widgets.data.schema import Column, DataError, check_unique, read_table

RAMP_UP_CSV = data_file("venetoclax_ramp_up.csv")
ADJUSTMENTS_CSV = data_file("venetoclax_inhibitor_adjustments.csv")
STUDIES_CSV = data_file("venetoclax_interaction_studies.csv")
TLS_PROPHYLAXIS_CSV = data_file("venetoclax_tls_prophylaxis.csv")
TLS_RATES_CSV = data_file("venetoclax_tls_rates.csv")
TLS_CRITERIA_CSV = data_file("tls_laboratory_criteria.csv")

#: How each fact was checked for this book: ``source_text`` (read in the source, or a
#: verbatim copy of its text or table), ``manufacturer_summary`` (read in the
#: manufacturer's prescriber pages, which restate the label), ``secondary`` (read only in
#: secondary sources, not confirmed in the source cited), ``unconfirmed`` (not confirmed
#: with the sources at hand). In order: a later grade is a weaker check.
VERIFICATION = ("source_text", "manufacturer_summary", "secondary", "unconfirmed")
VERIFICATION_TEXT = {
    "source_text": "read in the source",
    "manufacturer_summary": "read in the manufacturer's summary of the label",
    "secondary": "secondary sources only: not confirmed in the label text",
    "unconfirmed": "not confirmed: check the current label",
}
INDICATIONS = ("CLL", "AML")
SCHEDULES = ("cll_5_week", "aml_hma_3_day", "aml_ldac_4_day")
SCHEDULE_TEXT = {
    "cll_5_week": "CLL: 5-week ramp-up to 400 mg",
    "aml_hma_3_day": "AML with azacitidine or decitabine: 3-day ramp-up to 400 mg",
    "aml_ldac_4_day": "AML with low-dose cytarabine: 4-day ramp-up to 600 mg",
}
INHIBITORS = ("posaconazole", "other_strong_cyp3a", "moderate_cyp3a", "pgp")
INHIBITOR_TEXT = {
    "posaconazole": "Posaconazole",
    "other_strong_cyp3a": "Other strong CYP3A inhibitor",
    "moderate_cyp3a": "Moderate CYP3A inhibitor",
    "pgp": "P-gp inhibitor",
}
PHASES = ("ramp_up", "steady_state")
ACTIONS = ("contraindicated", "daily_dose", "day_by_day", "reduce_by_at_least")
ANALYTES = ("uric_acid", "phosphate", "potassium", "corrected_calcium")

#: mg, the highest once-daily dose in the label's QTc study (section 12.2)
#: {venclexta_label}: the largest daily dose a data row may hold, and the largest the
#: pharmacokinetic model accepts.
MAX_DAILY_DOSE_MG = 1200.0

_DOSES_PATTERN = r"\d+(\.\d+)?(;\d+(\.\d+)?)*"

RAMP_UP_COLUMNS = [
    Column("schedule_id", kind="category", categories=SCHEDULES),
    Column("indication", kind="category", categories=INDICATIONS),
    Column("combination"),
    Column("first_day", kind="int", minimum=1, maximum=366),
    Column("last_day", kind="int", minimum=1, maximum=366, required=False),
    Column("phase", kind="category", categories=("ramp_up", "target")),
    Column("daily_dose_mg", kind="float", minimum=0, maximum=MAX_DAILY_DOSE_MG),
    Column("bibkeys", kind="bibkeys"),
    Column("verification", kind="category", categories=VERIFICATION),
]
ADJUSTMENT_COLUMNS = [
    Column("indication", kind="category", categories=INDICATIONS),
    Column("inhibitor", kind="category", categories=INHIBITORS),
    Column("phase", kind="category", categories=PHASES),
    Column("action", kind="category", categories=ACTIONS),
    Column("doses_mg", required=False, pattern=_DOSES_PATTERN),
    Column("reduction_percent", kind="float", minimum=0, maximum=100, required=False),
    Column("bibkeys", kind="bibkeys"),
    Column("verification", kind="category", categories=VERIFICATION),
    Column("note", required=False),
]
STUDY_COLUMNS = [
    Column("study_id", pattern=r"[a-z0-9_]+"),
    Column("inhibitor", kind="category", categories=("ketoconazole", "posaconazole")),
    Column("inhibitor_regimen"),
    Column("population"),
    Column("venetoclax_with_inhibitor_mg", kind="float", minimum=1, maximum=MAX_DAILY_DOSE_MG),
    Column("venetoclax_alone_mg", kind="float", minimum=1, maximum=MAX_DAILY_DOSE_MG),
    Column("exposure_measure"),
    Column("auc_ratio", kind="float", minimum=0.01, maximum=100),
    Column("cmax_ratio", kind="float", minimum=0.01, maximum=100),
    Column("reported_in", kind="category", categories=("primary_paper", "label")),
    Column("bibkeys", kind="bibkeys"),
    Column("verification", kind="category", categories=VERIFICATION),
]
TLS_PROPHYLAXIS_COLUMNS = [
    Column("indication", kind="category", categories=INDICATIONS),
    Column("risk_category", kind="category", categories=("low", "medium", "high", "all")),
    Column("criteria"),
    Column("hydration"),
    Column("uric_acid_lowering"),
    Column("chemistry_monitoring"),
    Column("bibkeys", kind="bibkeys"),
    Column("verification", kind="category", categories=VERIFICATION),
]
TLS_RATE_COLUMNS = [
    Column("indication", kind="category", categories=INDICATIONS),
    Column("setting"),
    Column("events", kind="int", minimum=0, required=False),
    Column("patients", kind="int", minimum=1, required=False),
    Column("percent", kind="float", minimum=0, maximum=100),
    Column("bibkeys", kind="bibkeys"),
    Column("verification", kind="category", categories=VERIFICATION),
]
TLS_CRITERIA_COLUMNS = [
    Column("definition", kind="category", categories=("howard_2011", "cairo_bishop_2004")),
    Column("analyte", kind="category", categories=ANALYTES),
    Column("population", kind="category", categories=("adults", "children", "all")),
    Column("comparison", kind="category", categories=(">", ">=", "<", "<=")),
    Column("threshold", kind="float", minimum=0),
    Column("unit", kind="category", categories=("mg/dL", "mmol/L")),
    Column("threshold_si", kind="float", minimum=0),
    Column("unit_si", kind="category", categories=("µmol/L", "mmol/L")),
    Column("change_from_baseline_percent", kind="float", minimum=0, maximum=100, required=False),
    Column("bibkeys", kind="bibkeys"),
    Column("verification", kind="category", categories=VERIFICATION),
]


def _rows(frame):
    return enumerate(frame.itertuples(index=False), start=1)


def _missing(value) -> bool:
    return value is None or bool(pd.isna(value))


def load_ramp_up(path=RAMP_UP_CSV):
    """The labeled ramp-up schedules, validated: each schedule runs day by day from day 1
    with no gap or overlap, and only its last row (a ``target`` row) is open-ended."""
    frame = read_table(path, RAMP_UP_COLUMNS)
    check_unique(path, frame, ["schedule_id", "first_day"])
    expected_day, current, last_open = {}, None, {}
    for row, record in _rows(frame):
        if record.schedule_id != current:
            if current is not None and not last_open[current]:
                raise DataError(path, row - 1, "last_day", f"schedule {current!r} must end with an open-ended row")
            if record.schedule_id in expected_day:
                raise DataError(path, row, "schedule_id", f"rows of {record.schedule_id!r} must be together")
            current, expected_day[current] = record.schedule_id, 1
        if last_open.get(current):
            raise DataError(path, row, "first_day", f"schedule {current!r} already continues without end")
        if record.first_day != expected_day[current]:
            raise DataError(
                path,
                row,
                "first_day",
                f"is {record.first_day}, expected day {expected_day[current]} (no gap or overlap)",
            )
        if _missing(record.last_day):
            if record.phase != "target":
                raise DataError(path, row, "phase", "an open-ended row must be the target dose")
            last_open[current] = True
        else:
            if record.last_day < record.first_day:
                raise DataError(path, row, "last_day", f"{record.last_day} is before first_day {record.first_day}")
            last_open[current] = False
            expected_day[current] = record.last_day + 1
    if current is not None and not last_open[current]:
        raise DataError(path, len(frame), "last_day", f"schedule {current!r} must end with an open-ended row")
    return frame


def load_adjustments(path=ADJUSTMENTS_CSV):
    """The label's inhibitor adjustments, validated: one row for every indication, inhibitor
    and phase, with the fields its ``action`` needs and no others."""
    frame = read_table(path, ADJUSTMENT_COLUMNS)
    check_unique(path, frame, ["indication", "inhibitor", "phase"])
    for row, record in _rows(frame):
        has_doses, has_percent = not _missing(record.doses_mg), not _missing(record.reduction_percent)
        if record.action in ("daily_dose", "day_by_day") and not has_doses:
            raise DataError(path, row, "doses_mg", f"action {record.action!r} needs the dose(s) in mg")
        if record.action == "daily_dose" and ";" in record.doses_mg:
            raise DataError(path, row, "doses_mg", "action 'daily_dose' takes a single dose")
        if record.action != "reduce_by_at_least" and has_percent:
            raise DataError(path, row, "reduction_percent", f"action {record.action!r} takes no reduction")
        if record.action == "reduce_by_at_least" and not has_percent:
            raise DataError(path, row, "reduction_percent", "action 'reduce_by_at_least' needs a percentage")
        if record.action in ("contraindicated", "reduce_by_at_least") and has_doses:
            raise DataError(path, row, "doses_mg", f"action {record.action!r} takes no doses")
        if record.action == "contraindicated" and record.phase != "ramp_up":
            raise DataError(path, row, "action", "the label contraindicates inhibitors only at initiation and ramp-up")
    present = set(zip(frame["indication"], frame["inhibitor"], frame["phase"]))
    for indication in INDICATIONS:
        for inhibitor in INHIBITORS:
            for phase in PHASES:
                if (indication, inhibitor, phase) not in present:
                    raise DataError(path, None, "phase", f"no row for {indication}, {inhibitor}, {phase}")
    return frame


def load_interaction_studies(path=STUDIES_CSV):
    """The azole interaction studies, validated (unique ``study_id``)."""
    frame = read_table(path, STUDY_COLUMNS)
    check_unique(path, frame, ["study_id"])
    return frame


def load_tls_prophylaxis(path=TLS_PROPHYLAXIS_CSV):
    """TLS risk categories and prophylaxis; ``all`` is used for AML only and only alone."""
    frame = read_table(path, TLS_PROPHYLAXIS_COLUMNS)
    check_unique(path, frame, ["indication", "risk_category"])
    for row, record in _rows(frame):
        if (record.risk_category == "all") != (record.indication == "AML"):
            raise DataError(path, row, "risk_category", "the label grades TLS risk for CLL and gives one plan for AML")
    return frame


def load_tls_rates(path=TLS_RATES_CSV):
    """TLS rates in the label's studies; where counts are given, the percentage must match them."""
    frame = read_table(path, TLS_RATE_COLUMNS)
    for row, record in _rows(frame):
        if _missing(record.events) != _missing(record.patients):
            raise DataError(path, row, "events", "give both events and patients, or neither")
        if not _missing(record.events):
            if record.events > record.patients:
                raise DataError(path, row, "events", f"{record.events} is more than patients {record.patients}")
            if abs(100 * record.events / record.patients - record.percent) > 0.05:
                raise DataError(
                    path, row, "percent", f"{record.percent:g} does not match {record.events}/{record.patients}"
                )
    return frame


def load_tls_criteria(path=TLS_CRITERIA_CSV):
    """Laboratory TLS thresholds; a high analyte is compared with > or >=, calcium with < or <=."""
    frame = read_table(path, TLS_CRITERIA_COLUMNS)
    check_unique(path, frame, ["definition", "analyte", "population"])
    for row, record in _rows(frame):
        low_side = record.analyte == "corrected_calcium"
        if record.comparison.startswith("<") != low_side:
            raise DataError(path, row, "comparison", f"{record.comparison!r} is the wrong side for {record.analyte}")
    return frame
