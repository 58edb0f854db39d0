"""What the venetoclax label and its sources say about safety: the data files, and the schedules they imply.

Data files (UTF-8 CSV in ``data/``, one row per fact, every row with ``bibkeys`` and a
``verification`` grade saying how the fact was checked for this book):

``venetoclax_ramp_up.csv``
    The labeled dose ramp-ups. ``schedule_id`` (``cll_5_week``, ``aml_hma_3_day``,
    ``aml_ldac_4_day``), ``indication`` (``CLL``, ``AML``), ``combination`` (text),
    ``first_day`` and ``last_day`` (whole days from 1; ``last_day`` blank on the last row:
    the dose continues), ``phase`` (``ramp_up`` or ``target``), ``daily_dose_mg`` (mg, 0
    to 1200).
``venetoclax_inhibitor_adjustments.csv``
    The label's adjustments for CYP3A and P-gp inhibitors. ``indication``; ``inhibitor``
    (``posaconazole``, ``other_strong_cyp3a``, ``moderate_cyp3a``, ``pgp``); ``phase``
    (``ramp_up`` or ``steady_state``); ``action``: ``contraindicated``, ``daily_dose``
    (``doses_mg`` holds one dose), ``day_by_day`` (``doses_mg`` holds the doses of days
    1, 2, ...; the last continues), or ``reduce_by_at_least`` (``reduction_percent``,
    0-100); ``note`` (text, optional).
``venetoclax_interaction_studies.csv``
    Measured effects of azoles on venetoclax exposure. ``study_id``, ``inhibitor``
    (``ketoconazole``, ``posaconazole``), ``inhibitor_regimen``, ``population`` (text),
    ``venetoclax_with_inhibitor_mg`` and ``venetoclax_alone_mg`` (mg), ``exposure_measure``
    (text), ``auc_ratio`` and ``cmax_ratio`` (exposure with the inhibitor divided by
    exposure alone, unitless), ``reported_in`` (``primary_paper`` or ``label``).
``venetoclax_tls_prophylaxis.csv``
    TLS risk categories and what the label asks for in each. ``indication``,
    ``risk_category`` (``low``, ``medium``, ``high``; ``all`` for AML), ``criteria``,
    ``hydration``, ``uric_acid_lowering``, ``chemistry_monitoring`` (text).
``venetoclax_tls_rates.csv``
    TLS rates in the label's studies. ``indication``, ``setting`` (text), ``events`` and
    ``patients`` (whole numbers, optional), ``percent`` (0-100).
``tls_laboratory_criteria.csv``
    Laboratory TLS thresholds. ``definition`` (``howard_2011``, ``cairo_bishop_2004``),
    ``analyte`` (``uric_acid``, ``phosphate``, ``potassium``, ``corrected_calcium``),
    ``population`` (``adults``, ``children``, ``all``), ``comparison`` (``>``, ``>=``,
    ``<``, ``<=``), ``threshold`` with ``unit`` and ``threshold_si`` with ``unit_si``,
    ``change_from_baseline_percent`` (optional: a change that also counts).

``verification``: ``source_text`` (read in the source, or a verbatim copy of its text or
table), ``manufacturer_summary`` (read in the manufacturer's prescriber pages, which
restate the label), ``secondary`` (read only in secondary sources; not confirmed in the
source cited), ``unconfirmed`` (not confirmed with the sources at hand).

The functions at the end turn these facts into day-by-day schedules for
``widgets.pharmacokinetics.one_compartment``. They are for teaching, not for dosing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from widgets.data import data_file
from widgets.pharmacokinetics import one_compartment as pk
from widgets.data.schema import Column, DataError, check_unique, read_table

RAMP_UP_CSV = data_file("venetoclax_ramp_up.csv")
ADJUSTMENTS_CSV = data_file("venetoclax_inhibitor_adjustments.csv")
STUDIES_CSV = data_file("venetoclax_interaction_studies.csv")
TLS_PROPHYLAXIS_CSV = data_file("venetoclax_tls_prophylaxis.csv")
TLS_RATES_CSV = data_file("venetoclax_tls_rates.csv")
TLS_CRITERIA_CSV = data_file("tls_laboratory_criteria.csv")

VERIFICATION = ("source_text", "manufacturer_summary", "secondary", "unconfirmed")
VERIFICATION_TEXT = {
    "source_text": "read in the source",
    "manufacturer_summary": "read in the manufacturer's summary of the label",
    "secondary": "secondary sources only: not confirmed in the label text",
    "unconfirmed": "not confirmed: check the current label",
}
INDICATIONS = ("CLL", "AML")
SCHEDULES = ("cll_5_week", "aml_hma_3_day", "aml_ldac_4_day")
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

#: Laboratory TLS needs at least this many abnormal values together (Howard et al. 2011;
#: Cairo and Bishop 2004) {howard2011}.
LAB_TLS_MIN_ABNORMALITIES = 2
#: days: the window in which they count, from 3 days before to 7 days after the start of
#: treatment {howard2011}.
LAB_TLS_WINDOW_DAYS = (3, 7)
#: days: the label's wait, after a CYP3A or P-gp inhibitor stops, before the previous
#: venetoclax dose is resumed (manufacturer's summary of the label) {venclexta_label}.
RESUME_AFTER_INHIBITOR_DAYS = (2, 3)
#: percent: dose reduction for severe hepatic impairment (Child-Pugh C) (manufacturer's
#: summary of the label) {venclexta_label}.
SEVERE_HEPATIC_IMPAIRMENT_REDUCTION_PERCENT = 50
#: Teaching assumption, not a measurement: a moderate CYP3A inhibitor doubles venetoclax
#: exposure, the rise that the label's halving would exactly offset. No study of
#: venetoclax with a moderate inhibitor was read for this book.
MODERATE_INHIBITOR_AUC_RATIO = 2.0

_DOSES_PATTERN = r"\d+(\.\d+)?(;\d+(\.\d+)?)*"

RAMP_UP_COLUMNS = [
    Column("schedule_id", kind="category", categories=SCHEDULES),
    Column("indication", kind="category", categories=INDICATIONS),
    Column("combination"),
    Column("first_day", kind="int", minimum=1, maximum=366),
    Column("last_day", kind="int", minimum=1, maximum=366, required=False),
    Column("phase", kind="category", categories=("ramp_up", "target")),
    Column("daily_dose_mg", kind="float", minimum=0, maximum=pk.MAX_DAILY_DOSE_MG),
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
    Column("venetoclax_with_inhibitor_mg", kind="float", minimum=1, maximum=pk.MAX_DAILY_DOSE_MG),
    Column("venetoclax_alone_mg", kind="float", minimum=1, maximum=pk.MAX_DAILY_DOSE_MG),
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
            raise DataError(path, row, "first_day", f"is {record.first_day}, expected day {expected_day[current]} "
                                                     "(no gap or overlap)")
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
                raise DataError(path, row, "percent", f"{record.percent:g} does not match {record.events}/{record.patients}")
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


# ---- From the facts to a day-by-day schedule (teaching, not dosing) ----

def labelled_daily_doses(schedule_id: str, days: int, ramp_up=None) -> list[float]:
    """The labeled daily doses (mg) of ``schedule_id`` for days 1 to ``days``."""
    ramp_up = load_ramp_up() if ramp_up is None else ramp_up
    if schedule_id not in SCHEDULES:
        raise ValueError(f"schedule_id: must be one of {', '.join(SCHEDULES)}, not {schedule_id!r}")
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 366:
        raise ValueError(f"days: must be a whole number from 1 to 366, not {days!r}")
    doses = []
    for record in ramp_up[ramp_up["schedule_id"] == schedule_id].itertuples(index=False):
        last = days if _missing(record.last_day) else min(int(record.last_day), days)
        doses += [float(record.daily_dose_mg)] * max(0, last - int(record.first_day) + 1)
    return doses[:days]


def first_target_day(schedule_id: str, ramp_up=None) -> int:
    """The first day after the ramp-up (day numbers from 1)."""
    ramp_up = load_ramp_up() if ramp_up is None else ramp_up
    rows = ramp_up[(ramp_up["schedule_id"] == schedule_id) & (ramp_up["phase"] == "target")]
    if rows.empty:
        raise ValueError(f"schedule_id: must be one of {', '.join(SCHEDULES)}, not {schedule_id!r}")
    return int(rows["first_day"].iloc[0])


@dataclass(frozen=True)
class InhibitorEffect:
    """How the model lowers apparent clearance for one kind of co-medication.

    ``clearance_ratio``: the value the model uses (clearance with the inhibitor divided by
    clearance without); ``lowest`` and ``highest``: the range of the estimates behind it;
    ``basis``: where it comes from, in words; ``estimates``: ``study_id`` -> ratio.
    """

    clearance_ratio: float
    lowest: float
    highest: float
    basis: str
    estimates: dict

    @property
    def fold_increase(self) -> float:
        """The rise in exposure at the same dose (1 / clearance_ratio)."""
        return 1.0 / self.clearance_ratio


def _geometric_mean(values) -> float:
    values = list(values)
    return math.exp(sum(math.log(value) for value in values) / len(values))


def inhibitor_effects(studies=None) -> dict[str, InhibitorEffect]:
    """The clearance ratio the model uses for each co-medication of the explorer.

    Each study row gives a ratio through ``pharmacokinetics.clearance_ratio_from_auc_ratio``
    (dose-normalized). ``posaconazole``: the geometric mean of the four posaconazole
    estimates (two venetoclax doses, each as the label and as the paper report it),
    with their range. ``other_strong_cyp3a``: the ketoconazole study.
    ``moderate_cyp3a``: the teaching assumption ``MODERATE_INHIBITOR_AUC_RATIO``.
    """
    studies = load_interaction_studies() if studies is None else studies
    effects = {}
    for inhibitor, key, basis in (
            ("posaconazole", "posaconazole", "geometric mean of the posaconazole estimates, dose-normalized"),
            ("ketoconazole", "other_strong_cyp3a", "the ketoconazole study, taken for strong CYP3A inhibitors")):
        rows = studies[studies["inhibitor"] == inhibitor]
        if rows.empty:
            raise ValueError(f"studies: no {inhibitor} study to set the {key} effect")
        estimates = {r.study_id: pk.clearance_ratio_from_auc_ratio(r.auc_ratio, r.venetoclax_with_inhibitor_mg,
                                                                    r.venetoclax_alone_mg)
                     for r in rows.itertuples(index=False)}
        effects[key] = InhibitorEffect(_geometric_mean(estimates.values()), min(estimates.values()),
                                       max(estimates.values()), basis, estimates)
    assumed = 1.0 / MODERATE_INHIBITOR_AUC_RATIO
    effects["moderate_cyp3a"] = InhibitorEffect(assumed, assumed, assumed,
                                                "teaching assumption: exposure doubled", {})
    return effects


@dataclass(frozen=True)
class DosingPlan:
    """Daily doses (mg) and, per day, whether the co-medication is taken; with what the label says."""

    schedule_id: str
    inhibitor: str
    adjusted: bool
    daily_doses_mg: tuple[float, ...]
    inhibitor_taken: tuple[bool, ...]
    explanation: str
    verification: str

    def clearance_ratios(self, inhibitor_ratio: float) -> list[float]:
        """One clearance ratio per day: ``inhibitor_ratio`` on days the inhibitor is taken, else 1."""
        return [inhibitor_ratio if taken else 1.0 for taken in self.inhibitor_taken]


def dosing_plan(schedule_id: str, inhibitor: str, adjusted: bool, days: int, *, ramp_up=None,
                adjustments=None) -> DosingPlan:
    """The schedule a reader explores: labeled doses, and the co-medication from day 1.

    ``inhibitor``: ``none`` or one of ``INHIBITORS``. With ``adjusted=True`` the doses
    follow the label's adjustment: where the label contraindicates the inhibitor during
    the ramp-up, the inhibitor starts on the first day after it.
    """
    ramp_up = load_ramp_up() if ramp_up is None else ramp_up
    adjustments = load_adjustments() if adjustments is None else adjustments
    if inhibitor != "none" and inhibitor not in INHIBITORS:
        raise ValueError(f"inhibitor: must be 'none' or one of {', '.join(INHIBITORS)}, not {inhibitor!r}")
    doses = labelled_daily_doses(schedule_id, days, ramp_up)
    if inhibitor == "none":
        return DosingPlan(schedule_id, inhibitor, adjusted, tuple(doses), (False,) * days,
                          "No interacting drug: the label's schedule, unchanged.", "source_text")
    if not adjusted:
        return DosingPlan(schedule_id, inhibitor, adjusted, tuple(doses), (True,) * days,
                          f"{INHIBITOR_TEXT[inhibitor]} from day 1 with the doses unchanged.", "source_text")
    indication = ramp_up.loc[ramp_up["schedule_id"] == schedule_id, "indication"].iloc[0]
    rules = adjustments[(adjustments["indication"] == indication) & (adjustments["inhibitor"] == inhibitor)]
    ramp_rule = rules[rules["phase"] == "ramp_up"].iloc[0]
    steady_rule = rules[rules["phase"] == "steady_state"].iloc[0]
    grades = [ramp_rule.verification, steady_rule.verification]
    verification = max(grades, key=VERIFICATION.index)
    start = first_target_day(schedule_id, ramp_up)
    taken = [True] * days
    if ramp_rule.action == "contraindicated":
        taken = [day + 1 >= start for day in range(days)]
        dose = float(steady_rule.doses_mg)
        doses = [dose if on else labeled for on, labeled in zip(taken, doses)]
        text = (f"The label does not allow this inhibitor during the {indication} ramp-up: it starts on day {start}, "
                f"after the ramp-up, with venetoclax cut to {dose:g} mg a day.")
    elif ramp_rule.action == "day_by_day":
        steps = [float(value) for value in ramp_rule.doses_mg.split(";")]
        doses = [steps[min(day, len(steps) - 1)] for day in range(days)]
        text = (f"{INHIBITOR_TEXT[inhibitor]} from day 1 with the reduced ramp-up "
                f"({', '.join(f'{step:g}' for step in steps)} mg), then {steps[-1]:g} mg a day.")
    else:
        fraction = 1 - float(ramp_rule.reduction_percent) / 100
        doses = [dose * fraction for dose in doses]
        text = (f"{INHIBITOR_TEXT[inhibitor]} from day 1 with every dose cut by "
                f"{ramp_rule.reduction_percent:g}% (the label says at least {ramp_rule.reduction_percent:g}%).")
    return DosingPlan(schedule_id, inhibitor, adjusted, tuple(doses), tuple(taken), text, verification)


#: days shown for each schedule: a teaching choice, long enough to see the ramp-up and
#: most of the approach to a new steady state when a strong inhibitor slows elimination.
DAYS_SHOWN = {"cll_5_week": 70, "aml_hma_3_day": 42, "aml_ldac_4_day": 42}
#: points per day on the explorer's concentration curves (every 2 h): enough to show the
#: daily peak and trough, few enough to keep the page light.
SAMPLES_PER_DAY = 12
SCHEDULE_TEXT = {
    "cll_5_week": "CLL: 5-week ramp-up to 400 mg",
    "aml_hma_3_day": "AML with azacitidine or decitabine: 3-day ramp-up to 400 mg",
    "aml_ldac_4_day": "AML with low-dose cytarabine: 4-day ramp-up to 600 mg",
}


@dataclass(frozen=True)
class ExposureScenario:
    """One view of the exposure explorer: a dosing plan and what the model predicts for it.

    ``course``: the model with the central inhibitor effect; ``lowest_course`` and
    ``highest_course``: with the ends of its range (the same as ``course`` when there is
    one estimate); ``reference_course``: labeled doses, no interacting drug;
    ``reference_auc_ug_h_per_ml``: steady-state exposure on the labeled target dose.
    """

    plan: DosingPlan
    effect: InhibitorEffect | None
    course: pk.ExposureCourse
    lowest_course: pk.ExposureCourse
    highest_course: pk.ExposureCourse
    reference_course: pk.ExposureCourse
    reference_auc_ug_h_per_ml: float

    @property
    def reference_dose_mg(self) -> float:
        """The labeled target dose (mg a day) whose steady state is the reference."""
        return self.reference_course.daily_doses_mg[-1]

    @property
    def last_peak_um(self) -> float:
        """The scenario's peak concentration on the last day, in µM."""
        return float(pk.ug_per_ml_to_um(self.course.daily_peak_ug_per_ml[-1]))

    def auc_ratio(self, course: pk.ExposureCourse | None = None):
        """Exposure per day divided by the reference steady-state exposure."""
        return (self.course if course is None else course).daily_auc_ug_h_per_ml / self.reference_auc_ug_h_per_ml


def exposure_scenario(schedule_id: str, inhibitor: str, adjusted: bool, *, effects=None, ramp_up=None,
                      adjustments=None) -> ExposureScenario:
    """Model one schedule with one co-medication, doses unchanged or adjusted as the label says."""
    ramp_up = load_ramp_up() if ramp_up is None else ramp_up
    effects = inhibitor_effects() if effects is None else effects
    if schedule_id not in SCHEDULES:
        raise ValueError(f"schedule_id: must be one of {', '.join(SCHEDULES)}, not {schedule_id!r}")
    days = DAYS_SHOWN[schedule_id]
    plan = dosing_plan(schedule_id, inhibitor, adjusted, days, ramp_up=ramp_up, adjustments=adjustments)
    labeled = labelled_daily_doses(schedule_id, days, ramp_up)
    reference = pk.simulate(labeled, samples_per_day=SAMPLES_PER_DAY)
    reference_auc = pk.steady_state_auc_ug_h_per_ml(labeled[-1])
    if inhibitor == "none":
        return ExposureScenario(plan, None, reference, reference, reference, reference, reference_auc)
    if inhibitor not in effects:
        raise ValueError(f"inhibitor: the model has no effect for {inhibitor!r}; choose one of {', '.join(effects)}")
    effect = effects[inhibitor]
    courses = [pk.simulate(plan.daily_doses_mg, plan.clearance_ratios(ratio), samples_per_day=SAMPLES_PER_DAY)
               for ratio in (effect.clearance_ratio, effect.highest, effect.lowest)]
    return ExposureScenario(plan, effect, courses[0], courses[1], courses[2], reference, reference_auc)


# ---- Tables and numbers for the safety chapter ----
# Markdown for notebook cells rendered as MyST (cell metadata ``mystnb: markdown_format:
# myst``), so that ``{cite:p}`` roles in them become citations.

GRADE_TEXT = {"label": "label value", "derived": "derived", "teaching assumption": "**teaching assumption**"}
ANALYTE_TEXT = {"uric_acid": "Uric acid", "phosphate": "Phosphate", "potassium": "Potassium",
                "corrected_calcium": "Corrected calcium"}
COMPARISON_TEXT = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}


def _cite(keys) -> str:
    return f"{{cite:p}}`{','.join(keys)}`" if len(keys) else ""


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "/") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _day_range(record) -> str:
    if _missing(record.last_day):
        return f"from day {record.first_day}"
    if record.first_day == record.last_day:
        return f"day {record.first_day}"
    return f"days {record.first_day}–{record.last_day}"


def ramp_up_markdown(ramp_up=None) -> str:
    """The labeled ramp-ups, one row per schedule."""
    ramp_up = load_ramp_up() if ramp_up is None else ramp_up
    rows = []
    for schedule_id, group in ramp_up.groupby("schedule_id", sort=False):
        steps = " · ".join(f"{_day_range(r)}: {r.daily_dose_mg:g} mg" for r in group.itertuples(index=False))
        keys = sorted({key for keys in group["bibkeys"] for key in keys})
        grade = VERIFICATION_TEXT[max(group["verification"], key=VERIFICATION.index)]
        rows.append([SCHEDULE_TEXT[schedule_id], steps, f"{_cite(keys)}; {grade}"])
    return _table(["Schedule", "Daily dose", "Source"], rows)


def _adjustment_text(record) -> str:
    if record.action == "contraindicated":
        return "Not allowed"
    if record.action == "daily_dose":
        return f"{float(record.doses_mg):g} mg a day"
    if record.action == "day_by_day":
        steps = [f"{float(value):g}" for value in record.doses_mg.split(";")]
        return f"days 1–{len(steps)}: {', '.join(steps)} mg, then {steps[-1]} mg"
    return f"cut the dose by at least {record.reduction_percent:g}%"


def adjustments_markdown(indication: str, adjustments=None) -> str:
    """The label's inhibitor adjustments for one indication: ramp-up, steady state, source check."""
    adjustments = load_adjustments() if adjustments is None else adjustments
    if indication not in INDICATIONS:
        raise ValueError(f"indication: must be one of {', '.join(INDICATIONS)}, not {indication!r}")
    rows = []
    for inhibitor in INHIBITORS:
        pair = adjustments[(adjustments["indication"] == indication) & (adjustments["inhibitor"] == inhibitor)]
        ramp = pair[pair["phase"] == "ramp_up"].iloc[0]
        steady = pair[pair["phase"] == "steady_state"].iloc[0]
        keys = sorted(set(ramp.bibkeys) | set(steady.bibkeys))
        grade = VERIFICATION_TEXT[max((ramp.verification, steady.verification), key=VERIFICATION.index)]
        rows.append([INHIBITOR_TEXT[inhibitor], _adjustment_text(ramp), _adjustment_text(steady),
                     f"{_cite(keys)}; {grade}"])
    return _table(["Co-medication", "Start and ramp-up", "After the ramp-up", "Source"], rows)


def interaction_studies_markdown(studies=None) -> str:
    """The azole studies: design, measured ratios, and the dose-normalized rise the model derives."""
    studies = load_interaction_studies() if studies is None else studies
    rows = []
    for r in studies.itertuples(index=False):
        fold = 1 / pk.clearance_ratio_from_auc_ratio(r.auc_ratio, r.venetoclax_with_inhibitor_mg, r.venetoclax_alone_mg)
        reported = "paper" if r.reported_in == "primary_paper" else "label"
        rows.append([f"{r.inhibitor.capitalize()} {r.inhibitor_regimen}; {r.population}",
                     f"{r.venetoclax_with_inhibitor_mg:g} mg with vs {r.venetoclax_alone_mg:g} mg alone",
                     f"{r.auc_ratio:g} ({r.exposure_measure}); Cmax {r.cmax_ratio:g}",
                     f"{fold:.1f}×", f"{reported} {_cite(r.bibkeys)}; {VERIFICATION_TEXT[r.verification]}"])
    return _table(["Study", "Venetoclax doses compared", "Exposure ratio", "Rise at the same dose", "Reported in"],
                  rows)


def tls_prophylaxis_markdown(prophylaxis=None) -> str:
    """The label's TLS categories and measures, as a list (readable on a phone)."""
    prophylaxis = load_tls_prophylaxis() if prophylaxis is None else prophylaxis
    blocks = []
    for r in prophylaxis.itertuples(index=False):
        heading = f"{r.indication}, {r.risk_category} tumor burden" if r.indication == "CLL" else f"{r.indication}, every patient"
        blocks.append(f"**{heading}** {_cite(r.bibkeys)} ({VERIFICATION_TEXT[r.verification]})\n\n"
                      f"- *Who:* {r.criteria}\n- *Fluids:* {r.hydration}\n- *Uric acid:* {r.uric_acid_lowering}\n"
                      f"- *Blood chemistry:* {r.chemistry_monitoring}")
    return "\n\n".join(blocks)


def tls_rates_markdown(rates=None) -> str:
    """TLS rates in the label's studies."""
    rates = load_tls_rates() if rates is None else rates
    rows = [[r.indication, r.setting,
             f"{r.percent:g}%" + ("" if _missing(r.events) else f" ({r.events}/{r.patients})"),
             f"{_cite(r.bibkeys)}; {VERIFICATION_TEXT[r.verification]}"] for r in rates.itertuples(index=False)]
    return _table(["Disease", "Setting", "TLS", "Source"], rows)


def _criterion_text(record) -> str:
    text = f"{COMPARISON_TEXT[record.comparison]} {record.threshold:g} {record.unit}"
    if record.unit_si != record.unit:
        text += f" ({record.threshold_si:g} {record.unit_si})"
    if record.population != "all":
        text = f"{record.population}: {text}"
    if not _missing(record.change_from_baseline_percent):
        change = "fall" if record.analyte == "corrected_calcium" else "rise"
        text += f", or a {record.change_from_baseline_percent:g}% {change} from baseline"
    return text


def tls_criteria_markdown(criteria=None) -> str:
    """Laboratory TLS thresholds side by side: Howard et al. 2011 and Cairo and Bishop 2004."""
    criteria = load_tls_criteria() if criteria is None else criteria
    definitions = ("howard_2011", "cairo_bishop_2004")
    rows = []
    for analyte in ANALYTES:
        cells = []
        for definition in definitions:
            chosen = criteria[(criteria["definition"] == definition) & (criteria["analyte"] == analyte)]
            cells.append("; ".join(_criterion_text(r) for r in chosen.itertuples(index=False)) or "no threshold")
        rows.append([ANALYTE_TEXT[analyte]] + cells)
    keys = [criteria[criteria["definition"] == d].iloc[0].bibkeys for d in definitions]
    return _table(["Analyte", f"Howard et al. 2011 {_cite(keys[0])}",
                   f"Cairo and Bishop 2004 {_cite(keys[1])} (secondary sources only)"], rows)


def model_parameters_markdown() -> str:
    """The model's numbers with their grade (label value, derived, teaching assumption) and source."""
    rows = [[p["name"], p["value"], GRADE_TEXT[p["grade"]], p["how"] + (f" {_cite(p['bibkeys'])}" if p["bibkeys"] else "")]
            for p in pk.model_parameters()]
    return _table(["Parameter", "Value", "Grade", "How it was set"], rows)


def trial_safety_markdown(outcomes, studies) -> str:
    """The safety figures the review reports for the ALL trials (``widgets.data.trials`` frames)."""
    from widgets.data import trials

    safety = outcomes[[trials.ENDPOINTS[e].group == "safety" for e in outcomes["endpoint"]]]
    safety = trials.with_confidence_intervals(safety.reset_index(drop=True))
    by_study = studies.set_index("study_id")
    rows = []
    for r in safety.itertuples(index=False):
        study = by_study.loc[r.study_id]
        if r.unit == "percent":
            value = f"{r.value:g}%"
        else:
            value = f"{r.value:g} {r.unit[:-1] if r.value == 1 and r.unit.endswith('s') else r.unit}"
        if not _missing(r.numerator):
            value += f" ({r.numerator}/{r.denominator}; 95% CI {r.ci_low_percent:.0f}–{r.ci_high_percent:.0f}%)"
        keys = (study.bibkey,) if isinstance(study.bibkey, str) else tuple(study.bibkey)
        rows.append([f"{study.population}: {study.intervention} {_cite(keys)}",
                     trials.ENDPOINTS[r.endpoint].label, value, "" if _missing(r.note) else r.note])
    return _table(["Study", "Finding", "Value", "Note"], rows)


def chapter_numbers(outcomes=None) -> dict[str, float]:
    """Every number the safety chapter's prose quotes, computed from the data and the model.

    The chapter glues each one (myst-nb ``glue``) and formats it in the text.
    ``outcomes``: ``widgets.data.trials.load_outcomes()`` for the trial figures.
    """
    effects = inhibitor_effects()
    studies = load_interaction_studies().set_index("study_id")
    rates = load_tls_rates()
    course = pk.simulate([pk.REFERENCE_DOSE_MG] * 30)
    posaconazole, strong = effects["posaconazole"], effects["other_strong_cyp3a"]
    adjustments = load_adjustments().set_index(["indication", "inhibitor", "phase"])
    posa_dose = float(adjustments.loc[("CLL", "posaconazole", "steady_state"), "doses_mg"])
    strong_dose = float(adjustments.loc[("CLL", "other_strong_cyp3a", "steady_state"), "doses_mg"])
    reference = pk.steady_state_auc_ug_h_per_ml(pk.REFERENCE_DOSE_MG)
    numbers = {
        "half_life_h": pk.TERMINAL_HALF_LIFE_H,
        "tmax_low_h": pk.TMAX_RANGE_H[0], "tmax_high_h": pk.TMAX_RANGE_H[1],
        "auc_ss_label": pk.REFERENCE_AUC_SS_UG_H_PER_ML, "auc_ss_label_sd": pk.REFERENCE_AUC_SS_SD_UG_H_PER_ML,
        "cmax_ss_label": pk.REFERENCE_CMAX_SS_UG_PER_ML, "cmax_ss_label_sd": pk.REFERENCE_CMAX_SS_SD_UG_PER_ML,
        "cmax_ss_label_um": float(pk.ug_per_ml_to_um(pk.REFERENCE_CMAX_SS_UG_PER_ML)),
        "cmax_ss_model": float(course.daily_peak_ug_per_ml[-1]),
        "molecular_weight": pk.MOLECULAR_WEIGHT_G_PER_MOL,
        "reference_dose_mg": pk.REFERENCE_DOSE_MG,
        "volume_model_l": pk.APPARENT_VOLUME_L,
        "volume_label_low_l": pk.LABEL_APPARENT_VOLUME_RANGE_L[0],
        "volume_label_high_l": pk.LABEL_APPARENT_VOLUME_RANGE_L[1],
        "clearance_model_l_h": pk.APPARENT_CLEARANCE_L_PER_H,
        "tmax_first_model_h": pk.time_of_peak_h(pk.ABSORPTION_RATE_PER_H),
        "tmax_ss_model_h": pk.time_of_peak_h(pk.ABSORPTION_RATE_PER_H, dosing_interval_h=pk.DOSING_INTERVAL_H),
        "dose_proportional_low_mg": pk.DOSE_PROPORTIONAL_RANGE_MG[0],
        "dose_proportional_high_mg": pk.DOSE_PROPORTIONAL_RANGE_MG[1],
        "ketoconazole_auc_ratio": float(studies.loc["ketoconazole_50mg", "auc_ratio"]),
        "ketoconazole_cmax_ratio": float(studies.loc["ketoconazole_50mg", "cmax_ratio"]),
        "posaconazole_fold": posaconazole.fold_increase,
        "posaconazole_fold_low": 1 / posaconazole.highest,
        "posaconazole_fold_high": 1 / posaconazole.lowest,
        "moderate_fold": MODERATE_INHIBITOR_AUC_RATIO,
        "posaconazole_adjusted_dose_mg": posa_dose, "strong_adjusted_dose_mg": strong_dose,
        "posaconazole_adjusted_ratio": pk.steady_state_auc_ug_h_per_ml(posa_dose, posaconazole.clearance_ratio) / reference,
        "strong_adjusted_ratio": pk.steady_state_auc_ug_h_per_ml(strong_dose, strong.clearance_ratio) / reference,
        "days_to_90_alone": pk.time_to_steady_state_fraction_h(0.9) / 24,
        "days_to_90_posaconazole": pk.time_to_steady_state_fraction_h(0.9, posaconazole.clearance_ratio) / 24,
        "resume_low_days": RESUME_AFTER_INHIBITOR_DAYS[0], "resume_high_days": RESUME_AFTER_INHIBITOR_DAYS[1],
        "hepatic_reduction_percent": SEVERE_HEPATIC_IMPAIRMENT_REDUCTION_PERCENT,
        "lab_tls_min": LAB_TLS_MIN_ABNORMALITIES,
        "lab_tls_days_before": LAB_TLS_WINDOW_DAYS[0], "lab_tls_days_after": LAB_TLS_WINDOW_DAYS[1],
    }
    for key, setting in (("tls_cll_ramp_percent", 0), ("tls_cll_fast_percent", 1), ("tls_viale_a_percent", 2),
                         ("tls_viale_c_percent", 3)):
        numbers[key] = float(rates.iloc[setting]["percent"])
    if outcomes is not None:
        fn = outcomes[outcomes["endpoint"] == "febrile_neutropenia"].set_index("study_id")
        numbers["fn_place_percent"] = float(fn.loc["place2025", "value"])
        numbers["fn_ravandi_percent"] = float(fn.loc["ravandi2024", "value"])
    return numbers
