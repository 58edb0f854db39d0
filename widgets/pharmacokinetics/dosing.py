"""From the label's facts to day-by-day schedules and the exposure they give, for teaching, not dosing.

The facts are the data files of ``widgets.data.prescribing`` (ramp-ups, inhibitor
adjustments, azole studies); the exposure is the one-compartment model of
``widgets.pharmacokinetics.one_compartment``. A co-medication is modeled as a fold change
in exposure split between bioavailability and clearance (``InhibitorEffect``), a schedule
as daily doses with the days the co-medication is taken (``DosingPlan``), and a view of the safety chapter's explorer as
both run through the model (``ExposureScenario``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from widgets.data import prescribing
from widgets.data.prescribing import INHIBITOR_TEXT, INHIBITORS, SCHEDULES, VERIFICATION
from widgets.pharmacokinetics import inhibitors
from widgets.pharmacokinetics import one_compartment as pk

#: Teaching assumption, not a measurement: a moderate CYP3A inhibitor doubles venetoclax
#: exposure, the rise that the label's halving would exactly offset. No study of
#: venetoclax with a moderate inhibitor was read for this book.
MODERATE_INHIBITOR_AUC_RATIO = 2.0
#: days: the label's wait, after a CYP3A or P-gp inhibitor stops, before the previous
#: venetoclax dose is resumed (manufacturer's summary of the label) {venclexta_label}.
RESUME_AFTER_INHIBITOR_DAYS = (2, 3)
#: percent: dose reduction for severe hepatic impairment (Child-Pugh C) (manufacturer's
#: summary of the label) {venclexta_label}.
SEVERE_HEPATIC_IMPAIRMENT_REDUCTION_PERCENT = 50
#: days shown for each schedule: a teaching choice, long enough to see the ramp-up and
#: most of the approach to a new steady state when a strong inhibitor slows elimination.
DAYS_SHOWN = {"cll_5_week": 70, "aml_hma_3_day": 42, "aml_ldac_4_day": 42}
#: points per day on the explorer's concentration curves (every 2 h): enough to show the
#: daily peak and trough, few enough to keep the page light.
SAMPLES_PER_DAY = 12


def _ketoconazole_split(studies=None) -> tuple[float, float]:
    """The ketoconazole study's ``(bioavailability_ratio, clearance_ratio)``: one dose in the
    model gives its AUC and Cmax ratios {agarwal2017}."""
    studies = prescribing.load_interaction_studies() if studies is None else studies
    row = studies[studies["inhibitor"] == "ketoconazole"].iloc[0]
    return inhibitors.split_inhibitor_effect(row.auc_ratio, row.cmax_ratio)


#: fraction: the share of a strong inhibitor's effect on exposure (log scale) that is on
#: bioavailability, the rest on clearance; from the ketoconazole study's AUC x6.4 and
#: Cmax x2.3 {agarwal2017}. Applied to posaconazole too, whose single-dose ratios were not read.
KETOCONAZOLE_BIOAVAILABILITY_RATIO, KETOCONAZOLE_CLEARANCE_RATIO = _ketoconazole_split()
BIOAVAILABILITY_SHARE = math.log(KETOCONAZOLE_BIOAVAILABILITY_RATIO) / math.log(
    KETOCONAZOLE_BIOAVAILABILITY_RATIO / KETOCONAZOLE_CLEARANCE_RATIO
)


def _check_schedule(schedule_id: str) -> None:
    if schedule_id not in SCHEDULES:
        raise ValueError(f"schedule_id: must be one of {', '.join(SCHEDULES)}, not {schedule_id!r}")


def labeled_daily_doses(schedule_id: str, days: int, ramp_up=None) -> list[float]:
    """The labeled daily doses (mg) of ``schedule_id`` for days 1 to ``days``."""
    ramp_up = prescribing.load_ramp_up() if ramp_up is None else ramp_up
    _check_schedule(schedule_id)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 366:
        raise ValueError(f"days: must be a whole number from 1 to 366, not {days!r}")
    doses = []
    for record in ramp_up[ramp_up["schedule_id"] == schedule_id].itertuples(index=False):
        last = days if pd.isna(record.last_day) else min(int(record.last_day), days)
        doses += [float(record.daily_dose_mg)] * max(0, last - int(record.first_day) + 1)
    return doses[:days]


def first_target_day(schedule_id: str, ramp_up=None) -> int:
    """The first day after the ramp-up (day numbers from 1)."""
    ramp_up = prescribing.load_ramp_up() if ramp_up is None else ramp_up
    rows = ramp_up[(ramp_up["schedule_id"] == schedule_id) & (ramp_up["phase"] == "target")]
    if rows.empty:
        raise ValueError(f"schedule_id: must be one of {', '.join(SCHEDULES)}, not {schedule_id!r}")
    return int(rows["first_day"].iloc[0])


def _split(fold: float) -> tuple[float, float]:
    """``(bioavailability_ratio, clearance_ratio)`` for a rise in exposure ``fold``, split as in
    the ketoconazole study: bioavailability takes the share ``BIOAVAILABILITY_SHARE`` of the
    fold on a log scale."""
    bioavailability = fold**BIOAVAILABILITY_SHARE
    return bioavailability, bioavailability / fold


@dataclass(frozen=True)
class InhibitorEffect:
    """How the model changes exposure for one kind of co-medication.

    ``fold``: the rise in exposure at the same dose (AUC ratio, dose-normalized);
    ``lowest_fold`` and ``highest_fold``: the range of the estimates behind it; ``basis``:
    where it comes from, in words; ``estimates``: ``study_id`` -> the clearance ratio the
    study implies if all of its effect were on clearance (1 / its fold). The fold is split
    between bioavailability and clearance (``split``).
    """

    fold: float
    lowest_fold: float
    highest_fold: float
    basis: str
    estimates: dict

    @property
    def fold_increase(self) -> float:
        """The rise in exposure at the same dose (AUC ratio)."""
        return self.fold

    @staticmethod
    def split(fold: float) -> tuple[float, float]:
        """``(bioavailability_ratio, clearance_ratio)`` the model uses for a rise ``fold``."""
        return _split(fold)

    @property
    def bioavailability_ratio(self) -> float:
        return _split(self.fold)[0]

    @property
    def clearance_ratio(self) -> float:
        """Systemic clearance with the inhibitor divided by without (sets the half-life)."""
        return _split(self.fold)[1]


def _geometric_mean(values) -> float:
    values = list(values)
    return math.exp(sum(math.log(value) for value in values) / len(values))


def inhibitor_effects(studies=None) -> dict[str, InhibitorEffect]:
    """The clearance ratio the model uses for each co-medication of the explorer.

    Each study row gives a ratio through ``one_compartment.clearance_ratio_from_auc_ratio``
    (dose-normalized). ``posaconazole``: the geometric mean of the four posaconazole
    estimates (two venetoclax doses, each as the label and as the paper report it),
    with their range. ``other_strong_cyp3a``: the ketoconazole study.
    ``moderate_cyp3a``: the teaching assumption ``MODERATE_INHIBITOR_AUC_RATIO``.
    """
    studies = prescribing.load_interaction_studies() if studies is None else studies
    effects = {}
    for inhibitor, key, basis in (
        ("posaconazole", "posaconazole", "geometric mean of the posaconazole estimates, dose-normalized"),
        ("ketoconazole", "other_strong_cyp3a", "the ketoconazole study, taken for strong CYP3A inhibitors"),
    ):
        rows = studies[studies["inhibitor"] == inhibitor]
        if rows.empty:
            raise ValueError(f"studies: no {inhibitor} study to set the {key} effect")
        estimates = {
            r.study_id: pk.clearance_ratio_from_auc_ratio(
                r.auc_ratio, r.venetoclax_with_inhibitor_mg, r.venetoclax_alone_mg
            )
            for r in rows.itertuples(index=False)
        }
        folds = [1.0 / ratio for ratio in estimates.values()]
        effects[key] = InhibitorEffect(_geometric_mean(folds), min(folds), max(folds), basis, estimates)
    assumed = MODERATE_INHIBITOR_AUC_RATIO
    effects["moderate_cyp3a"] = InhibitorEffect(assumed, assumed, assumed, "teaching assumption: exposure doubled", {})
    return effects


def fold_increase_by_study(effects: dict[str, InhibitorEffect]) -> dict[str, float]:
    """The rise in exposure at the same dose that each study behind ``effects`` implies:
    ``study_id`` -> 1 / clearance ratio."""
    return {study: 1.0 / ratio for effect in effects.values() for study, ratio in effect.estimates.items()}


#: The posaconazole study's schedule {agarwal2017posaconazole}: venetoclax ramped up to 400 mg
#: and taken alone to day 20, then 50 or 100 mg with posaconazole 300 mg on days 21 to 28;
#: exposure on day 28 was compared with 400 mg alone. The ramp-up is the AML one of the label.
POSACONAZOLE_STUDY_DAYS_ALONE, POSACONAZOLE_STUDY_DAYS_WITH = 20, 8


def study_schedule_ratios(dose_mg: float, effect: InhibitorEffect | None) -> tuple[float, float]:
    """The model run on the posaconazole study's schedule with ``effect`` from day 21 at
    ``dose_mg``: (AUC over 24 h, peak) on day 28 divided by those of day 20, on 400 mg alone."""
    alone = labeled_daily_doses("aml_hma_3_day", POSACONAZOLE_STUDY_DAYS_ALONE)
    days = POSACONAZOLE_STUDY_DAYS_ALONE + POSACONAZOLE_STUDY_DAYS_WITH
    bioavailability, clearance = (
        (1.0, 1.0) if effect is None else (effect.bioavailability_ratio, effect.clearance_ratio)
    )
    course = pk.simulate(
        alone + [dose_mg] * POSACONAZOLE_STUDY_DAYS_WITH,
        [1.0] * len(alone) + [clearance] * POSACONAZOLE_STUDY_DAYS_WITH,
        bioavailability_ratio=[1.0] * len(alone) + [bioavailability] * POSACONAZOLE_STUDY_DAYS_WITH,
    )
    last, reference = days - 1, len(alone) - 1
    return (
        float(course.daily_auc_ug_h_per_ml[last] / course.daily_auc_ug_h_per_ml[reference]),
        float(course.daily_peak_ug_per_ml[last] / course.daily_peak_ug_per_ml[reference]),
    )


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
        """One ratio per day: ``inhibitor_ratio`` on days the inhibitor is taken, else 1 (for
        clearance or bioavailability)."""
        return [inhibitor_ratio if taken else 1.0 for taken in self.inhibitor_taken]


def dosing_plan(
    schedule_id: str, inhibitor: str, adjusted: bool, days: int, *, ramp_up=None, adjustments=None
) -> DosingPlan:
    """The schedule a reader explores: labeled doses, and the co-medication from day 1.

    ``inhibitor``: ``none`` or one of ``widgets.data.prescribing.INHIBITORS``. With
    ``adjusted=True`` the doses follow the label's adjustment: where the label
    contraindicates the inhibitor during the ramp-up, the inhibitor starts on the first
    day after it.
    """
    ramp_up = prescribing.load_ramp_up() if ramp_up is None else ramp_up
    adjustments = prescribing.load_adjustments() if adjustments is None else adjustments
    if inhibitor != "none" and inhibitor not in INHIBITORS:
        raise ValueError(f"inhibitor: must be 'none' or one of {', '.join(INHIBITORS)}, not {inhibitor!r}")
    doses = labeled_daily_doses(schedule_id, days, ramp_up)
    if inhibitor == "none":
        return DosingPlan(
            schedule_id,
            inhibitor,
            adjusted,
            tuple(doses),
            (False,) * days,
            "No interacting drug: the label's schedule, unchanged.",
            "source_text",
        )
    if not adjusted:
        return DosingPlan(
            schedule_id,
            inhibitor,
            adjusted,
            tuple(doses),
            (True,) * days,
            f"{INHIBITOR_TEXT[inhibitor]} from day 1 with the doses unchanged.",
            "source_text",
        )
    indication = ramp_up.loc[ramp_up["schedule_id"] == schedule_id, "indication"].iloc[0]
    rules = adjustments[(adjustments["indication"] == indication) & (adjustments["inhibitor"] == inhibitor)]
    ramp_rule = rules[rules["phase"] == "ramp_up"].iloc[0]
    steady_rule = rules[rules["phase"] == "steady_state"].iloc[0]
    verification = max([ramp_rule.verification, steady_rule.verification], key=VERIFICATION.index)
    start = first_target_day(schedule_id, ramp_up)
    taken = [True] * days
    if ramp_rule.action == "contraindicated":
        taken = [day + 1 >= start for day in range(days)]
        dose = float(steady_rule.doses_mg)
        doses = [dose if on else labeled for on, labeled in zip(taken, doses)]
        text = (
            f"The label does not allow this inhibitor during the {indication} ramp-up: it starts on day {start}, "
            f"after the ramp-up, with venetoclax cut to {dose:g} mg a day."
        )
    elif ramp_rule.action == "day_by_day":
        steps = [float(value) for value in ramp_rule.doses_mg.split(";")]
        doses = [steps[min(day, len(steps) - 1)] for day in range(days)]
        text = (
            f"{INHIBITOR_TEXT[inhibitor]} from day 1 with the reduced ramp-up "
            f"({', '.join(f'{step:g}' for step in steps)} mg), then {steps[-1]:g} mg a day."
        )
    else:
        fraction = 1 - float(ramp_rule.reduction_percent) / 100
        doses = [dose * fraction for dose in doses]
        text = (
            f"{INHIBITOR_TEXT[inhibitor]} from day 1 with every dose cut by "
            f"{ramp_rule.reduction_percent:g}% (the label says at least {ramp_rule.reduction_percent:g}%)."
        )
    return DosingPlan(schedule_id, inhibitor, adjusted, tuple(doses), tuple(taken), text, verification)


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


def exposure_scenario(
    schedule_id: str, inhibitor: str, adjusted: bool, *, effects=None, ramp_up=None, adjustments=None
) -> ExposureScenario:
    """Model one schedule with one co-medication, doses unchanged or adjusted as the label says."""
    ramp_up = prescribing.load_ramp_up() if ramp_up is None else ramp_up
    effects = inhibitor_effects() if effects is None else effects
    _check_schedule(schedule_id)
    days = DAYS_SHOWN[schedule_id]
    plan = dosing_plan(schedule_id, inhibitor, adjusted, days, ramp_up=ramp_up, adjustments=adjustments)
    labeled = labeled_daily_doses(schedule_id, days, ramp_up)
    reference = pk.simulate(labeled, samples_per_day=SAMPLES_PER_DAY)
    reference_auc = pk.steady_state_auc_ug_h_per_ml(labeled[-1])
    if inhibitor == "none":
        return ExposureScenario(plan, None, reference, reference, reference, reference, reference_auc)
    if inhibitor not in effects:
        raise ValueError(f"inhibitor: the model has no effect for {inhibitor!r}; choose one of {', '.join(effects)}")
    effect = effects[inhibitor]
    courses = []
    for fold in (effect.fold, effect.lowest_fold, effect.highest_fold):
        bioavailability, clearance = effect.split(fold)
        courses.append(
            pk.simulate(
                plan.daily_doses_mg,
                plan.clearance_ratios(clearance),
                bioavailability_ratio=plan.clearance_ratios(bioavailability),
                samples_per_day=SAMPLES_PER_DAY,
            )
        )
    return ExposureScenario(plan, effect, courses[0], courses[1], courses[2], reference, reference_auc)
