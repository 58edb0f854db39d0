"""A strong CYP3A inhibitor's effect in the one-compartment model, split between bioavailability
and clearance so that one dose reproduces a study's Cmax and AUC ratios (ketoconazole:
Cmax x2.3, AUC x6.4; Agarwal et al. 2017, ``agarwal2017``). All of it on clearance would raise
the single-dose peak far less than measured.
"""

from __future__ import annotations

import math

from widgets.pharmacokinetics import one_compartment as pk


def single_dose_peak_ratio(clearance_ratio: float, bioavailability_ratio: float = 1.0) -> float:
    """The model's Cmax after one dose with an inhibitor divided by Cmax without (closed form)."""
    ratio = pk.check_number("clearance_ratio", clearance_ratio, *pk.CLEARANCE_RATIO_RANGE)
    share = pk.check_number("bioavailability_ratio", bioavailability_ratio, *pk.BIOAVAILABILITY_RATIO_RANGE)

    def peak(ke: float) -> float:
        ka = pk.ABSORPTION_RATE_PER_H
        at = pk.time_of_peak_h(ka, ke)
        return ka / (ka - ke) * (math.exp(-ke * at) - math.exp(-ka * at))

    return share * peak(pk.ELIMINATION_RATE_PER_H * ratio) / peak(pk.ELIMINATION_RATE_PER_H)


def split_inhibitor_effect(auc_ratio: float, cmax_ratio: float) -> tuple[float, float]:
    """``(bioavailability_ratio, clearance_ratio)`` with which one dose in the model gives both a
    study's single-dose AUC ratio (= bioavailability_ratio / clearance_ratio) and its Cmax ratio.

    Solved by bisection on the clearance ratio: from all of the effect on clearance (the
    lowest Cmax ratio) to all on bioavailability (Cmax ratio = AUC ratio).
    """
    auc = pk.check_number("auc_ratio", auc_ratio, 1.0, pk.BIOAVAILABILITY_RATIO_RANGE[1] / pk.CLEARANCE_RATIO_RANGE[0])
    low, high = 1.0 / auc, 1.0
    lowest = single_dose_peak_ratio(low, 1.0)
    peak = pk.check_number("cmax_ratio", cmax_ratio, lowest, min(auc, pk.BIOAVAILABILITY_RATIO_RANGE[1]))
    for _ in range(100):
        middle = (low + high) / 2
        if single_dose_peak_ratio(middle, auc * middle) > peak:
            high = middle
        else:
            low = middle
    clearance = (low + high) / 2
    return auc * clearance, clearance
