"""Model quantities named in text, and comparisons of them with thresholds: the published
findings of ``data/model_findings.csv`` and the chapters' lessons of ``data/lessons.csv``.

A quantity is ``<kind>:<subject>:<target>[:<change>...]``. The kinds:

- ``ic50:<regimen>:<profile>``: the IC50 (nM; inf if not reached) of the regimen's varied
  drug in a named profile (``ic50:venetoclax:b_all:mcl1x2``);
- ``bh3:<peptide>:<profile>``: the percentage of cells that reach MOMP with one peptide of the
  simulated BH3 panel (``BIM_control`` is the high-dose BIM control);
- ``apoptotic:<regimen>@<dose>:<profile>``: the percentage of the population past MOMP with
  the regimen's varied drug at ``dose`` nM (its fixed-dose drugs and partners included);
- ``momp_dose:<regimen>:<profile>``: the dose (nM) of the varied drug at which the profile's
  typical cell reaches MOMP (0 if it dies without the drug, inf if never);
- ``bim_bcl2``, ``bim_bclxl``, ``bim_mcl1``, ``bim_free`` ``:<regimen>@<dose>:<profile>``: the
  percentage of the typical cell's BIM on BCL-2, BCL-XL or MCL-1, or free, at that dose;
- ``active_bax:<regimen>@<dose>:<profile>``: the typical cell's active BAX/BAK (nM) at that dose;
- ``level:<level>:<profile>``: a level of the typical cell (nM) after the changes and partners,
  or ``level:momp_free_bim:<profile>``, the free BIM (nM) its BAX/BAK needs to reach MOMP;
- ``ki:<drug>:<protein>``: a drug's Ki (nM) for BCL-2, BCL-XL or MCL-1 (no changes);
- ``pk:<measure>:<co-medication>``: the one-compartment model with a co-medication of
  ``widgets.pharmacokinetics.dosing.inhibitor_effects`` (``posaconazole``,
  ``other_strong_cyp3a``, ``moderate_cyp3a``): ``auc_ratio`` (exposure at the same dose, with
  over without), ``single_dose_cmax_ratio`` (peak after one dose, with over without) or
  ``days_to_90_percent`` (days of dosing with it until exposure reaches 90% of its plateau),
  ``steady_state_cmax_ug_per_ml`` (the daily peak after 30 days of 400 mg a day with it),
  ``first_dose_tmax_h`` or ``steady_state_tmax_h`` (hours from a dose to its peak),
  ``study_auc_ratio_<50|100>mg`` or ``study_cmax_ratio_<50|100>mg`` (the posaconazole study's
  schedule, ``dosing.study_schedule_ratios``: day 28 with it at that dose over day 20 alone); ``none``
  is the model without a co-medication (no changes);
- ``exposure:<co-medication>:<schedule>[:day=<n>]`` and ``adjusted_exposure:...``: the safety
  chapter's exposure explorer (``widgets.pharmacokinetics.dosing.exposure_scenario``): one day's
  exposure (day ``n``, the last day shown otherwise) divided by the steady-state exposure of the
  labeled dose, with the co-medication (or ``none``) from day 1 on the labeled doses, or on the
  label's adjusted doses (``adjusted_exposure``).

Changes, after the target, apply to the profile and the regimen, in any order:
``<level>x<factor>`` scales a level before the partners act (``mcl1x4``), ``+<partner>`` adds
a regimen partner (``+mdm2_inhibitor``), ``<drug>=<nM>`` adds a drug at a fixed dose
(``s63845=50``), and ``cells=<n>`` sets the population's size (``DEFAULT_CELLS`` otherwise).

A comparison divides the quantity by ``relative_to`` when one is given, then checks the value:
``below`` or ``above`` the threshold, or ``within`` a factor ``threshold`` of 1 either way (a
ratio only). Thresholds are numbers or named lines: the reading guide's
``guide.sensitive_below`` and ``guide.resistant_above``, ``guide.range_top`` (the top of the
IC50 range) and ``model.momp_threshold`` (the active BAX/BAK at which a cell reaches MOMP, nM).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import cache

from widgets.data.findings import load_findings
from widgets.model.bh3 import PEPTIDES, bh3_profile
from widgets.model.cells import (
    DEFAULT_CELLS,
    IC50_RANGE_NM,
    bim_partition,
    fraction_apoptotic,
    free_bim_at,
    ic50,
    momp_free_bim_nM,
    typical_cell,
)
from widgets.model.constants import ANTI_APOPTOTICS, MOMP_THRESHOLD_NM
from widgets.model.critical_dose_search import bisect_log_dose
from widgets.model.drugs import DRUGS
from widgets.model.partners import PARTNERS, with_partners
from widgets.model.profiles import LEVEL_NAMES, PROFILES, Profile
from widgets.model.reading_guide import RESISTANT_ABOVE_NM, SENSITIVE_BELOW_NM
from widgets.model.regimens import REGIMENS
from widgets.pharmacokinetics import dosing, inhibitors
from widgets.pharmacokinetics import one_compartment as pharmacokinetics

GUIDE_LINES_NM = {"guide.sensitive_below": SENSITIVE_BELOW_NM, "guide.resistant_above": RESISTANT_ABOVE_NM}
NAMED_THRESHOLDS = GUIDE_LINES_NM | {
    "guide.range_top": IC50_RANGE_NM[1],
    "model.momp_threshold": MOMP_THRESHOLD_NM.value,
}
BIM_PLACES = {"bim_bcl2": "bcl2", "bim_bclxl": "bclxl", "bim_mcl1": "mcl1", "bim_free": "free"}
# Kinds whose subject is a regimen, and those of them that need a dose (``<regimen>@<nM>``).
REGIMEN_KINDS = ("ic50", "apoptotic", "momp_dose", "active_bax", *BIM_PLACES)
DOSED_KINDS = ("apoptotic", "active_bax", *BIM_PLACES)
EXPOSURE_KINDS = ("exposure", "adjusted_exposure")
KINDS = (*REGIMEN_KINDS, "bh3", "level", "ki", "pk", *EXPOSURE_KINDS)
PK_MEASURES = (
    "auc_ratio",
    "single_dose_cmax_ratio",
    "days_to_90_percent",
    "steady_state_cmax_ug_per_ml",
    "first_dose_tmax_h",
    "steady_state_tmax_h",
    "study_auc_ratio_50mg",
    "study_auc_ratio_100mg",
    "study_cmax_ratio_50mg",
    "study_cmax_ratio_100mg",
)
# Days of 400 mg a day after which the model's daily peak is read as its steady-state peak.
STEADY_STATE_DAYS = 30
CHECKS = ("below", "above", "within")
_NUMBER = r"[0-9]+(?:\.[0-9]*)?(?:e-?[0-9]+)?"


@dataclass(frozen=True)
class Quantity:
    """A parsed quantity: its kind, subject, target, the regimen's varied drug and dose, and
    the changes (level factors, partners, fixed-dose drugs, population size)."""

    text: str
    kind: str
    subject: str
    target: str
    dose_nM: float | None = None
    day: int | None = None
    factors: dict = field(default_factory=dict)
    partners: tuple = ()
    background: dict = field(default_factory=dict)
    cells: int = DEFAULT_CELLS

    def profile(self) -> Profile:
        """The named profile with the level changes (before any partner acts)."""
        return PROFILES[self.target].scaled(**self.factors)

    def options(self) -> dict:
        """Fixed-dose drugs and partners of the regimen with the quantity's own added."""
        regimen = REGIMENS.get(self.subject)
        background = dict(regimen.background if regimen else {}) | self.background
        return {"background": background, "partners": (*(regimen.partners if regimen else ()), *self.partners)}


def _refuse(quantity: str, problem: str):
    raise ValueError(f"quantity: {quantity!r} {problem}")


def _changes(quantity: str, parsed: dict, changes: list[str]) -> None:
    for change in changes:
        if match := re.fullmatch(rf"([a-z0-9_]+?)x({_NUMBER})", change):
            if match[1] not in LEVEL_NAMES:
                _refuse(quantity, f"scales {match[1]!r}, not a level; choose one of {', '.join(LEVEL_NAMES)}")
            parsed["factors"][match[1]] = float(match[2])
        elif match := re.fullmatch(r"\+([a-z0-9_]+)", change):
            if match[1] not in PARTNERS:
                _refuse(quantity, f"adds {match[1]!r}, not a partner; choose one of {', '.join(PARTNERS)}")
            parsed["partners"] += (match[1],)
        elif match := re.fullmatch(r"cells=([0-9]+)", change):
            parsed["cells"] = int(match[1])
        elif match := re.fullmatch(rf"([a-z0-9_]+)=({_NUMBER})", change):
            if match[1] not in DRUGS:
                _refuse(quantity, f"gives {match[1]!r}, not a drug; choose one of {', '.join(DRUGS)}")
            parsed["background"][match[1]] = float(match[2])
        else:
            _refuse(quantity, f"has the change {change!r}; write <level>x<factor>, +<partner>, <drug>=<nM>, cells=<n>")


def parse(quantity: str) -> Quantity:
    """The quantity written ``quantity`` (see the module docstring); ValueError naming what is wrong."""
    parts = quantity.split(":")
    if len(parts) < 3 or parts[0] not in KINDS:
        _refuse(quantity, f"is not <kind>:<subject>:<target>[:<change>...] with a kind of {', '.join(KINDS)}")
    kind, subject, target, *changes = parts
    parsed = {"factors": {}, "partners": (), "background": {}, "cells": DEFAULT_CELLS, "dose_nM": None}
    if kind in DOSED_KINDS:
        match = re.fullmatch(rf"([A-Za-z0-9_]+)@({_NUMBER})", subject)
        if not match:
            _refuse(quantity, f"needs a dose: write {kind}:<regimen>@<dose nM>:<profile>")
        subject, parsed["dose_nM"] = match[1], float(match[2])
    if kind in EXPOSURE_KINDS:
        return _parse_exposure(quantity, kind, subject, target, changes)
    if kind in ("ki", "pk"):
        allowed = (DRUGS, ANTI_APOPTOTICS) if kind == "ki" else (PK_MEASURES, _comedications())
        for value, choices, what in zip((subject, target), allowed, ("first", "second")):
            if value not in choices:
                _refuse(quantity, f"names {value!r} as its {what} part; choose one of {', '.join(choices)}")
        if changes:
            _refuse(quantity, "takes no changes")
        return Quantity(quantity, kind, subject, target)
    subjects = {"bh3": PEPTIDES, "level": [*LEVEL_NAMES, "momp_free_bim"]}.get(kind, REGIMENS)
    if subject not in subjects:
        what = {"bh3": "peptide", "level": "level"}.get(kind, "regimen")
        _refuse(quantity, f"names no {what} of the model; choose one of {', '.join(subjects)}")
    if target not in PROFILES:
        _refuse(quantity, f"names no profile of the model; choose one of {', '.join(PROFILES)}")
    _changes(quantity, parsed, changes)
    return Quantity(quantity, kind, subject, target, **parsed)


def _comedications() -> list[str]:
    return ["none", *dosing.inhibitor_effects()]


def _parse_exposure(quantity: str, kind: str, comedication: str, schedule: str, changes: list[str]) -> Quantity:
    if comedication not in _comedications():
        _refuse(quantity, f"names no co-medication; choose one of {', '.join(_comedications())}")
    if schedule not in dosing.DAYS_SHOWN:
        _refuse(quantity, f"names no schedule of the explorer; choose one of {', '.join(dosing.DAYS_SHOWN)}")
    day = None
    for change in changes:
        if (match := re.fullmatch(r"day=([0-9]+)", change)) and 1 <= int(match[1]) <= dosing.DAYS_SHOWN[schedule]:
            day = int(match[1])
        else:
            _refuse(quantity, f"has the change {change!r}; the only change is day=<1-{dosing.DAYS_SHOWN[schedule]}>")
    return Quantity(quantity, kind, comedication, schedule, day=day)


def _exposure_value(q: Quantity) -> float:
    ratios = dosing.exposure_scenario(q.target, q.subject, q.kind == "adjusted_exposure").auc_ratio()
    return float(ratios[-1 if q.day is None else q.day - 1])


@cache
def _bh3_panel(profile: Profile, cells: int) -> dict[str, float]:
    return bh3_profile(profile, cells=cells)


def _typical_momp_dose(profile: Profile, drug_key: str, background: dict) -> float:
    cell = typical_cell(profile)
    target = momp_free_bim_nM(cell.levels["bax_bak"])

    def dies_at(doses):
        free = free_bim_at(cell.anti_apoptotics(), cell.ligands(), drug_key, background, doses[:, 0])
        return free >= target

    return float(bisect_log_dose(dies_at, 1)[0])


def _pk_value(measure: str, comedication: str) -> float:
    effect = None if comedication == "none" else dosing.inhibitor_effects()[comedication]
    fold, bioavailability, clearance = (
        (1.0, 1.0, 1.0) if effect is None else (effect.fold, effect.bioavailability_ratio, effect.clearance_ratio)
    )
    if measure == "auc_ratio":
        return fold
    if measure == "single_dose_cmax_ratio":
        return inhibitors.single_dose_peak_ratio(clearance, bioavailability)
    if measure.startswith("study_"):
        auc, cmax = dosing.study_schedule_ratios(float(measure.rsplit("_", 1)[1].removesuffix("mg")), effect)
        return auc if measure.startswith("study_auc") else cmax
    if measure == "days_to_90_percent":
        return pharmacokinetics.time_to_steady_state_fraction_h(0.9, clearance) / 24.0
    if measure == "steady_state_cmax_ug_per_ml":
        course = pharmacokinetics.simulate(
            [pharmacokinetics.REFERENCE_DOSE_MG] * STEADY_STATE_DAYS, clearance, bioavailability_ratio=bioavailability
        )
        return float(course.daily_peak_ug_per_ml[-1])
    elimination = pharmacokinetics.ELIMINATION_RATE_PER_H * clearance
    interval = pharmacokinetics.DOSING_INTERVAL_H if measure == "steady_state_tmax_h" else None
    return pharmacokinetics.time_of_peak_h(pharmacokinetics.ABSORPTION_RATE_PER_H, elimination, interval)


def _value(q: Quantity) -> float:
    if q.kind in EXPOSURE_KINDS:
        return _exposure_value(q)
    if q.kind in ("ki", "pk"):
        return DRUGS[q.subject].kd_nM[q.target].value if q.kind == "ki" else _pk_value(q.subject, q.target)
    options = q.options()
    if q.kind == "bh3":
        return _bh3_panel(with_partners(q.profile(), options["partners"]), q.cells)[q.subject]
    if q.kind == "level":
        treated = with_partners(q.profile(), options["partners"])
        return float(momp_free_bim_nM(treated.bax_bak)) if q.subject == "momp_free_bim" else getattr(treated, q.subject)
    drug_key = REGIMENS[q.subject].drug
    if q.kind == "ic50":
        return ic50(q.profile(), drug_key, cells=q.cells, **options)
    if q.kind == "momp_dose":
        return _typical_momp_dose(with_partners(q.profile(), options["partners"]), drug_key, options["background"])
    doses = options["background"] | {drug_key: q.dose_nM}
    if q.kind == "apoptotic":
        return 100.0 * fraction_apoptotic(q.profile(), doses, partners=options["partners"], cells=q.cells)
    partition = bim_partition(q.profile(), doses, partners=options["partners"])
    if q.kind == "active_bax":
        return partition.active_bax_nM
    total = with_partners(q.profile(), options["partners"]).bim
    place = BIM_PLACES[q.kind]
    held = partition.free_nM if place == "free" else partition.on_protein_nM[place]
    return 100.0 * held / total if total > 0 else math.nan


@cache
def model_value(quantity: str, cells: int = DEFAULT_CELLS) -> float:
    """The value of a model quantity (see the module docstring). ``cells`` sets the population's
    size unless the quantity says ``cells=<n>``."""
    parsed = parse(quantity)
    if cells != DEFAULT_CELLS and "cells=" not in quantity:
        parsed = replace(parsed, cells=cells)
    return _value(parsed)


def clear_caches() -> None:
    """Forget every value computed so far (after a model parameter has been changed)."""
    model_value.cache_clear()
    _bh3_panel.cache_clear()


@dataclass(frozen=True)
class Verdict:
    """One comparison against the model: its name (a finding or a lesson), the value compared
    (a quantity or a ratio), the quantity and its reference as computed, the threshold, the
    check, and whether the comparison holds."""

    name: str
    value: float
    threshold: float
    check: str
    holds: bool
    quantity_value: float = math.nan
    reference_value: float | None = None

    def describe(self) -> str:
        values = f"model value {self.quantity_value:.3g}"
        if self.reference_value is not None:
            values += f" / reference {self.reference_value:.3g} = {self.value:.3g}"
        wanted = f"{self.check} {self.threshold:.3g}"
        if self.check == "within":
            wanted = f"within ×{self.threshold:.3g} of 1"
        return f"{self.name}: {values}, should be {wanted} ({'holds' if self.holds else 'does not hold'})"


def threshold_value(threshold: str) -> float:
    """A threshold as a number: a plain number or a name of ``NAMED_THRESHOLDS``."""
    return NAMED_THRESHOLDS[threshold] if threshold in NAMED_THRESHOLDS else float(threshold)


def _ratio(value: float, reference: float) -> float:
    if (math.isinf(value) and math.isinf(reference)) or (value == 0 and reference == 0):
        return math.nan
    return value / reference if reference > 0 else math.inf


def compare(name: str, quantity: str, relative_to, check: str, threshold: str) -> Verdict:
    """How the model stands on one comparison: ``quantity`` (divided by ``relative_to`` when that
    is a quantity) checked ``below``, ``above`` or ``within`` ``threshold``."""
    if check not in CHECKS:
        raise ValueError(f"check: {check!r} is not one of {', '.join(CHECKS)}")
    value = quantity_value = model_value(quantity)
    reference = model_value(relative_to) if isinstance(relative_to, str) else None
    if reference is not None:
        value = _ratio(quantity_value, reference)
    limit = threshold_value(threshold)
    if check == "within":
        holds = 0 < value < math.inf and max(value, 1 / value) < limit
    else:
        holds = value < limit if check == "below" else value > limit
    return Verdict(name, value, limit, check, bool(holds), quantity_value, reference)


def verdict(finding) -> Verdict:
    """How the model stands on one finding (a row of ``load_findings()``)."""
    return compare(finding.finding_id, finding.model_quantity, finding.relative_to, finding.check, finding.threshold)


def verdicts() -> list[Verdict]:
    """Every finding of ``data/model_findings.csv`` against the model, in file order."""
    return [verdict(finding) for finding in load_findings().itertuples(index=False)]
