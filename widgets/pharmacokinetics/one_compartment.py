"""A one-compartment model of oral venetoclax, for teaching: absorption, elimination, inhibitors.

The model: a dose enters a gut compartment once a day and is absorbed into one body
compartment with first-order rate ``ka``; the drug leaves that compartment with
first-order rate ``ke = (CL/F) / (V/F)``. Every parameter is *apparent* (divided by
the unknown oral bioavailability F), so doses go in as swallowed. Between doses the
two amounts have a closed form, so a schedule is followed day by day exactly, with
no numerical integration, and the daily exposure (AUC over each 24-hour day) is
exact too.

Where each number comes from (grades used on the page):

- **label**: read in the US prescribing information {venclexta_label}: molecular
  weight, the time to peak (Tmax), the terminal half-life, the steady-state AUC and
  Cmax at 400 mg with a low-fat meal, the range of apparent volumes, the dose range
  over which exposure is dose-proportional, the highest daily dose studied.
- **derived**: computed here from label values: the elimination rate constant (from
  the half-life), the apparent clearance (from the steady-state AUC), the apparent
  volume (clearance / elimination rate).
- **teaching assumption**: chosen, not measured: the absorption rate constant, set so
  that the peak falls inside the label's Tmax range both after the first dose and at
  steady state (their mean at the middle of the range).

A one-compartment model cannot honour every label number at once. Taking the
half-life and the steady-state AUC as they are makes the apparent volume about
460 L, larger than the label's population estimate (256-321 L); the label's
numbers come from different analyses (a population model with more than one
compartment, and a study of patients at steady state). This model keeps the two
numbers a reader meets at the bedside, half-life and exposure, and says so.

A strong CYP3A inhibitor acts on first-pass metabolism (more of each dose reaches the
blood: a higher F) and on systemic clearance (a longer half-life). The model splits the
effect between the two (``split_inhibitor_effect``) so that one dose reproduces both
ratios of the ketoconazole study {agarwal2017}: AUC x6.4 and Cmax x2.3. Put all on
clearance, the model's Cmax would rise only about x1.2, and the half-life would lengthen
6.4-fold. How long exposure takes to reach its new steady state with an azole was not
measured; the model's time follows from the split and is a teaching estimate.

Everything here is for teaching. It is not a dosing tool.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from widgets.data.prescribing import MAX_DAILY_DOSE_MG

#: g/mol, C45H50ClN7O7S. Label, section 11 {venclexta_label}.
MOLECULAR_WEIGHT_G_PER_MOL = 868.44
#: h, population estimate of the terminal elimination half-life. Label, section 12.3 {venclexta_label}.
TERMINAL_HALF_LIFE_H = 26.0
#: h, range of the time to peak concentration after repeated doses with food. Label, section 12.3.
TMAX_RANGE_H = (5.0, 8.0)
#: mg, the daily dose at which the label reports steady-state exposure.
REFERENCE_DOSE_MG = 400.0
#: µg·h/mL, mean steady-state AUC over 24 h at 400 mg once daily with a low-fat meal
#: (standard deviation 16.9). Label, section 12.3 {venclexta_label}.
REFERENCE_AUC_SS_UG_H_PER_ML = 32.8
#: µg·h/mL, standard deviation of that AUC. Label, section 12.3.
REFERENCE_AUC_SS_SD_UG_H_PER_ML = 16.9
#: µg/mL, mean steady-state Cmax at 400 mg with a low-fat meal. Label, section 12.3.
REFERENCE_CMAX_SS_UG_PER_ML = 2.1
#: µg/mL, standard deviation of that Cmax. Label, section 12.3.
REFERENCE_CMAX_SS_SD_UG_PER_ML = 1.1
#: fraction, upper bound of venetoclax unbound in plasma: the label states it is below 0.01
#: (section 12.3 {venclexta_label}; read through copies of the label text).
UNBOUND_FRACTION_BELOW = 0.01
#: L, population estimates of the apparent volume of distribution (Vss/F). Label, section 12.3.
LABEL_APPARENT_VOLUME_RANGE_L = (256.0, 321.0)
#: mg, daily doses over which steady-state AUC rose in proportion to dose. Label, section 12.3.
DOSE_PROPORTIONAL_RANGE_MG = (150.0, 800.0)
#: h, one dosing interval (once daily).
DOSING_INTERVAL_H = 24.0

#: 1/h, derived: ln 2 / terminal half-life.
ELIMINATION_RATE_PER_H = math.log(2) / TERMINAL_HALF_LIFE_H
#: L/h, derived: at steady state AUC over one interval = dose / (CL/F), so
#: CL/F = 400 mg / 32.8 mg·h/L.
APPARENT_CLEARANCE_L_PER_H = REFERENCE_DOSE_MG / REFERENCE_AUC_SS_UG_H_PER_ML
#: L, derived: (CL/F) / ke. Larger than the label's Vss/F range; see the module docstring.
APPARENT_VOLUME_L = APPARENT_CLEARANCE_L_PER_H / ELIMINATION_RATE_PER_H
#: h, teaching assumption: the mean of the first-dose and steady-state peak times is put at
#: the middle of the label's Tmax range.
TARGET_TMAX_H = sum(TMAX_RANGE_H) / 2

#: Allowed range of ``clearance_ratio`` (apparent clearance with a co-medication divided by
#: clearance without): from a 100-fold fall to a 10-fold rise.
CLEARANCE_RATIO_RANGE = (0.01, 10.0)
#: Allowed range of ``bioavailability_ratio`` (oral bioavailability F with a co-medication
#: divided by F without).
BIOAVAILABILITY_RATIO_RANGE = (0.1, 10.0)
#: Allowed range of ``samples_per_day`` for concentration curves.
SAMPLES_PER_DAY_RANGE = (4, 96)


def check_number(name: str, value, low: float, high: float, *, low_open: bool = False) -> float:
    """``value`` as a float, or a ValueError naming ``name`` and its allowed range."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"{name}: must be a number from {low:g} to {high:g}, not {value!r}")
    number = float(value)
    below = number <= low if low_open else number < low
    if not math.isfinite(number) or below or number > high:
        bound = f"above {low:g}" if low_open else f"from {low:g}"
        raise ValueError(f"{name}: must be {bound} to {high:g}, not {value!r}")
    return number


def time_of_peak_h(
    absorption_rate_per_h: float,
    elimination_rate_per_h: float = ELIMINATION_RATE_PER_H,
    dosing_interval_h: float | None = None,
) -> float:
    """Time of the peak after a dose: a single dose, or at steady state if ``dosing_interval_h`` is given.

    Single dose: t = ln(ka/ke) / (ka - ke). Steady state (Gibaldi and Perrier's classic
    result for repeated oral doses): t = ln[ka(1 - e^(-ke·τ)) / (ke(1 - e^(-ka·τ)))] / (ka - ke).
    """
    ka = check_number("absorption_rate_per_h", absorption_rate_per_h, 0.0, 100.0, low_open=True)
    ke = check_number("elimination_rate_per_h", elimination_rate_per_h, 0.0, 10.0, low_open=True)
    if math.isclose(ka, ke):
        raise ValueError(
            "absorption_rate_per_h: must differ from elimination_rate_per_h "
            f"({ke:g} /h); the closed form divides by their difference"
        )
    if dosing_interval_h is None:
        return math.log(ka / ke) / (ka - ke)
    tau = check_number("dosing_interval_h", dosing_interval_h, 0.0, 1000.0, low_open=True)
    return math.log(ka * (1 - math.exp(-ke * tau)) / (ke * (1 - math.exp(-ka * tau)))) / (ka - ke)


def mean_time_of_peak_h(
    absorption_rate_per_h: float,
    elimination_rate_per_h: float = ELIMINATION_RATE_PER_H,
    dosing_interval_h: float = DOSING_INTERVAL_H,
) -> float:
    """The mean of the first dose's and the steady-state time of the peak (h)."""
    return (
        time_of_peak_h(absorption_rate_per_h, elimination_rate_per_h)
        + time_of_peak_h(absorption_rate_per_h, elimination_rate_per_h, dosing_interval_h)
    ) / 2


def absorption_rate_for_peak(
    peak_time_h: float = TARGET_TMAX_H,
    elimination_rate_per_h: float = ELIMINATION_RATE_PER_H,
    dosing_interval_h: float = DOSING_INTERVAL_H,
) -> float:
    """The absorption rate ka (1/h) whose mean time of the peak (``mean_time_of_peak_h``) is ``peak_time_h``.

    The peak comes earlier at steady state than after the first dose; taking the mean of
    the two keeps both inside the label's 5-8 h. Solved by bisection (the peak comes
    earlier as ka rises).
    """
    ke = check_number("elimination_rate_per_h", elimination_rate_per_h, 0.0, 10.0, low_open=True)
    low, high = ke * 1.001, 100.0
    latest = mean_time_of_peak_h(low, ke, dosing_interval_h)
    earliest = mean_time_of_peak_h(high, ke, dosing_interval_h)
    peak = check_number("peak_time_h", peak_time_h, earliest, latest)
    for _ in range(200):
        middle = math.sqrt(low * high)
        if mean_time_of_peak_h(middle, ke, dosing_interval_h) > peak:
            low = middle
        else:
            high = middle
    return math.sqrt(low * high)


#: 1/h, teaching assumption: the absorption rate whose mean peak time is ``TARGET_TMAX_H``
#: (the middle of the label's 5-8 h), given the label's half-life.
ABSORPTION_RATE_PER_H = absorption_rate_for_peak()


def ug_per_ml_to_ng_per_ml(concentration_ug_per_ml):
    """µg/mL to ng/mL (x 1000)."""
    return np.asarray(concentration_ug_per_ml, dtype=float) * 1000.0


def ug_per_ml_to_um(concentration_ug_per_ml):
    """µg/mL to µM, with the label's molecular weight: 1 µg/mL = 1000 / 868.44 µM."""
    return np.asarray(concentration_ug_per_ml, dtype=float) * 1000.0 / MOLECULAR_WEIGHT_G_PER_MOL


def um_to_ug_per_ml(concentration_um):
    """µM to µg/mL (the inverse of ``ug_per_ml_to_um``)."""
    return np.asarray(concentration_um, dtype=float) * MOLECULAR_WEIGHT_G_PER_MOL / 1000.0


def clearance_ratio_from_auc_ratio(auc_ratio: float, dose_with_inhibitor_mg: float, dose_alone_mg: float) -> float:
    """Apparent clearance with an inhibitor divided by clearance without it, from a study's AUC ratio.

    For linear kinetics AUC = dose / (CL/F), so a study that gave ``dose_with_inhibitor_mg``
    with the inhibitor and ``dose_alone_mg`` without, and found exposure ``auc_ratio``
    times higher, implies CL_with / CL_alone = (dose_with / dose_alone) / auc_ratio.
    This assumes exposure is proportional to dose, which the label reports for 150-800 mg
    only; the posaconazole study used 50 and 100 mg.
    """
    ratio = check_number("auc_ratio", auc_ratio, 0.0, 100.0, low_open=True)
    with_mg = check_number("dose_with_inhibitor_mg", dose_with_inhibitor_mg, 0.0, MAX_DAILY_DOSE_MG, low_open=True)
    alone_mg = check_number("dose_alone_mg", dose_alone_mg, 0.0, MAX_DAILY_DOSE_MG, low_open=True)
    return (with_mg / alone_mg) / ratio


@dataclass(frozen=True)
class ExposureCourse:
    """What the model predicts for a schedule: concentration over time and exposure per day.

    ``time_h`` and ``concentration_ug_per_ml`` sample the whole course (day d runs from
    24·d to 24·(d + 1) hours, day 0 being the first dose); ``daily_auc_ug_h_per_ml`` and
    ``daily_peak_ug_per_ml`` have one value per day.
    """

    daily_doses_mg: tuple[float, ...]
    clearance_ratios: tuple[float, ...]
    time_h: np.ndarray
    concentration_ug_per_ml: np.ndarray
    daily_auc_ug_h_per_ml: np.ndarray
    daily_peak_ug_per_ml: np.ndarray

    @property
    def time_days(self) -> np.ndarray:
        return self.time_h / 24.0

    @property
    def concentration_ng_per_ml(self) -> np.ndarray:
        return ug_per_ml_to_ng_per_ml(self.concentration_ug_per_ml)

    @property
    def concentration_um(self) -> np.ndarray:
        return ug_per_ml_to_um(self.concentration_ug_per_ml)


def _doses(daily_doses_mg: Sequence[float]) -> tuple[float, ...]:
    if isinstance(daily_doses_mg, (str, bytes)) or not hasattr(daily_doses_mg, "__len__"):
        raise ValueError(f"daily_doses_mg: must be a list of daily doses in mg, not {daily_doses_mg!r}")
    if not 1 <= len(daily_doses_mg) <= 366:
        raise ValueError(f"daily_doses_mg: must hold 1 to 366 days, not {len(daily_doses_mg)}")
    return tuple(
        check_number(f"daily_doses_mg[{day}]", dose, 0.0, MAX_DAILY_DOSE_MG) for day, dose in enumerate(daily_doses_mg)
    )


def _ratios(
    values, days: int, name: str = "clearance_ratio", allowed: tuple[float, float] = CLEARANCE_RATIO_RANGE
) -> tuple[float, ...]:
    """``values`` (one number, or one per day) as one ratio per day, checked against ``allowed``."""
    low, high = allowed
    if isinstance(values, (int, float, np.integer, np.floating)) and not isinstance(values, bool):
        return (check_number(name, values, low, high),) * days
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise ValueError(f"{name}: must be a number from {low:g} to {high:g} or one per day, not {values!r}")
    if len(values) != days:
        raise ValueError(f"{name}: must hold one value per day ({days}), not {len(values)}")
    return tuple(check_number(f"{name}[{day}]", ratio, low, high) for day, ratio in enumerate(values))


def simulate(
    daily_doses_mg: Sequence[float],
    clearance_ratio=1.0,
    *,
    bioavailability_ratio=1.0,
    samples_per_day: int = 24,
    absorption_rate_per_h: float = ABSORPTION_RATE_PER_H,
) -> ExposureCourse:
    """Follow a once-daily schedule day by day.

    ``daily_doses_mg``: one dose per day (mg, 0 for a missed day), taken at the start of
    each day. ``clearance_ratio``: systemic clearance relative to the reference (1 = no
    interacting drug), and ``bioavailability_ratio``: the share of each dose reaching the
    blood relative to the reference (``split_inhibitor_effect`` gives both for an
    inhibitor); each one number for the whole course or one per day.
    ``samples_per_day``: points per day on the concentration curve.
    """
    doses = _doses(daily_doses_mg)
    ratios = _ratios(clearance_ratio, len(doses))
    absorbed = _ratios(bioavailability_ratio, len(doses), "bioavailability_ratio", BIOAVAILABILITY_RATIO_RANGE)
    doses_absorbed = [dose * share for dose, share in zip(doses, absorbed)]
    if (
        isinstance(samples_per_day, bool)
        or not isinstance(samples_per_day, (int, np.integer))
        or not SAMPLES_PER_DAY_RANGE[0] <= samples_per_day <= SAMPLES_PER_DAY_RANGE[1]
    ):
        raise ValueError(
            f"samples_per_day: must be a whole number from {SAMPLES_PER_DAY_RANGE[0]} "
            f"to {SAMPLES_PER_DAY_RANGE[1]}, not {samples_per_day!r}"
        )
    ka = check_number("absorption_rate_per_h", absorption_rate_per_h, ELIMINATION_RATE_PER_H * 1.5, 100.0)
    volume, tau = APPARENT_VOLUME_L, DOSING_INTERVAL_H
    within_day = np.arange(samples_per_day) * (tau / samples_per_day)
    gut_mg, body_mg = 0.0, 0.0
    times, concentrations, aucs, peaks = [], [], [], []
    for day, (dose, ratio) in enumerate(zip(doses_absorbed, ratios)):
        ke = ELIMINATION_RATE_PER_H * ratio
        if math.isclose(ka, ke, rel_tol=1e-6):
            raise ValueError(
                f"clearance_ratio[{day}]: makes elimination as fast as absorption "
                f"({ka:.3g} /h); the closed form needs them to differ"
            )
        gut_mg += dose
        transfer = gut_mg * ka / (ka - ke)
        # Amount in the body at each sample time (closed form of the two linear equations).
        body = body_mg * np.exp(-ke * within_day) + transfer * (np.exp(-ke * within_day) - np.exp(-ka * within_day))
        fine = np.linspace(0.0, tau, 481)
        fine_body = body_mg * np.exp(-ke * fine) + transfer * (np.exp(-ke * fine) - np.exp(-ka * fine))
        auc_mg_h = body_mg * (1 - math.exp(-ke * tau)) / ke + transfer * (
            (1 - math.exp(-ke * tau)) / ke - (1 - math.exp(-ka * tau)) / ka
        )
        times.append(day * tau + within_day)
        concentrations.append(body / volume)
        aucs.append(auc_mg_h / volume)
        peaks.append(float(fine_body.max()) / volume)
        body_mg = body_mg * math.exp(-ke * tau) + transfer * (math.exp(-ke * tau) - math.exp(-ka * tau))
        gut_mg *= math.exp(-ka * tau)
    end_h = len(doses) * tau
    return ExposureCourse(
        daily_doses_mg=doses,
        clearance_ratios=ratios,
        time_h=np.append(np.concatenate(times), end_h),
        concentration_ug_per_ml=np.maximum(np.append(np.concatenate(concentrations), body_mg / volume), 0.0),
        daily_auc_ug_h_per_ml=np.array(aucs),
        daily_peak_ug_per_ml=np.array(peaks),
    )


def steady_state_auc_ug_h_per_ml(
    dose_mg: float, clearance_ratio: float = 1.0, bioavailability_ratio: float = 1.0
) -> float:
    """Exposure over one day at steady state: dose · bioavailability_ratio / (CL/F · clearance_ratio)."""
    dose = check_number("dose_mg", dose_mg, 0.0, MAX_DAILY_DOSE_MG)
    ratio = check_number("clearance_ratio", clearance_ratio, *CLEARANCE_RATIO_RANGE)
    share = check_number("bioavailability_ratio", bioavailability_ratio, *BIOAVAILABILITY_RATIO_RANGE)
    return dose * share / (APPARENT_CLEARANCE_L_PER_H * ratio)


@dataclass(frozen=True)
class ModelParameter:
    """One number of the model: ``value`` in ``unit`` (a (low, high) pair for a range),
    ``sd`` the label's standard deviation where it gives one, ``grade`` (``label``,
    ``derived`` or ``teaching assumption``, as in the module docstring) and its sources."""

    name: str
    value: float | tuple[float, float]
    unit: str
    grade: str
    bibkeys: tuple[str, ...]
    sd: float | None = None


def model_parameters() -> dict[str, ModelParameter]:
    """Every number of the model by key, in the order of the chapter's parameter table."""
    label = ("venclexta_label",)
    return {
        "half_life": ModelParameter("Terminal half-life", TERMINAL_HALF_LIFE_H, "h", "label", label),
        "auc_ss": ModelParameter(
            f"Steady-state AUC over 24 h, {REFERENCE_DOSE_MG:g} mg with a low-fat meal",
            REFERENCE_AUC_SS_UG_H_PER_ML,
            "µg·h/mL",
            "label",
            label,
            sd=REFERENCE_AUC_SS_SD_UG_H_PER_ML,
        ),
        "tmax": ModelParameter("Time to peak after repeated doses with food", TMAX_RANGE_H, "h", "label", label),
        "molecular_weight": ModelParameter("Molecular weight", MOLECULAR_WEIGHT_G_PER_MOL, "g/mol", "label", label),
        "elimination_rate": ModelParameter(
            "Elimination rate constant ke", ELIMINATION_RATE_PER_H, "/h", "derived", label
        ),
        "clearance": ModelParameter("Apparent clearance CL/F", APPARENT_CLEARANCE_L_PER_H, "L/h", "derived", label),
        "volume": ModelParameter("Apparent volume V/F", APPARENT_VOLUME_L, "L", "derived", label),
        "absorption_rate": ModelParameter(
            "Absorption rate constant ka", ABSORPTION_RATE_PER_H, "/h", "teaching assumption", ()
        ),
    }


def time_to_steady_state_fraction_h(fraction: float = 0.9, clearance_ratio: float = 1.0) -> float:
    """Hours of regular dosing until exposure reaches ``fraction`` of its steady state: ln(1/(1 - f)) / ke.

    With an inhibitor, ke falls by its clearance ratio (not by its whole effect on
    exposure), so the approach to the new steady state is slower by that factor: a teaching
    estimate, as that time was not measured with any azole.
    """
    share = check_number("fraction", fraction, 0.0, 0.999, low_open=True)
    ratio = check_number("clearance_ratio", clearance_ratio, *CLEARANCE_RATIO_RANGE)
    return math.log(1.0 / (1.0 - share)) / (ELIMINATION_RATE_PER_H * ratio)
