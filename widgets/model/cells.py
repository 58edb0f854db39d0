"""From protein levels to cell death: critical doses, dose-response and IC50.

The cells of a population (``widgets.model.populations``) vary around a profile. A drug's
*critical dose* for a cell is the dose at which that cell reaches MOMP (its free BIM, from
the exact binding equilibrium ``binding.solve``, reaches its MOMP level); the fraction
apoptotic at a dose is the share of cells whose critical dose is at or below it, and
the IC50 is the dose at which half the cells are apoptotic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from widgets.model import binding, critical_dose_search
from widgets.model.constants import ANTI_APOPTOTICS, MOMP_THRESHOLD_NM
from widgets.model.critical_point import CriticalPoint
from widgets.model.drugs import drug
from widgets.model.partners import with_partners
from widgets.model.populations import (
    DEFAULT_CELLS,
    LIGAND_KD,
    LIGANDS,
    SEED,
    Population,
    active_bax_nM,
    momp_free_bim_nM,
    population,
    typical_cell,
)
from widgets.model.profiles import Profile

# Bisection steps of the BIM-only bound that starts the general search (18 / 2**12 decades).
UPPER_BOUND_STEPS = 12
IC50_RANGE_NM = (1e-3, 1e5)  # 1 pM to 100 uM


def check_doses(doses) -> dict[str, float]:
    """Validated ``{drug key: dose nM}``; ValueError naming the drug and the allowed range."""
    doses = dict(doses or {})
    for key, dose in doses.items():
        drug(key)
        if not isinstance(dose, (int, float, np.floating, np.integer)) or not math.isfinite(dose) or dose < 0:
            raise ValueError(f"doses: the dose of {key} must be a finite number >= 0 nM, not {dose!r}")
    return {key: float(dose) for key, dose in doses.items()}


def drug_kd_matrix(drug_keys) -> np.ndarray:
    """Each drug's Kd (nM) for BCL-2, BCL-XL and MCL-1: one row per drug key, in order."""
    keys = list(drug_keys)
    return np.array([[drug(key).kd_nM[protein].value for protein in ANTI_APOPTOTICS] for key in keys]).reshape(
        len(keys), len(ANTI_APOPTOTICS)
    )


def ic50_from_critical(critical_nM: np.ndarray) -> float:
    """The IC50 (nM) of a population from its cells' critical doses, sorted ascending: the dose
    at which half the cells have died; math.inf if that is above the top of ``IC50_RANGE_NM``."""
    half = critical_nM[math.ceil(critical_nM.size / 2) - 1]
    return float(half) if half <= IC50_RANGE_NM[1] else math.inf


def fraction_from_critical(critical_nM: np.ndarray, doses_nM: np.ndarray) -> np.ndarray:
    """Share of cells apoptotic (0 to 1) at each dose, from the cells' sorted critical doses."""
    return np.searchsorted(critical_nM, doses_nM, side="right") / critical_nM.size


def _clamped(doses: dict[str, float]):
    keys = list(doses)
    return np.array([doses[key] for key in keys], dtype=float), drug_kd_matrix(keys)


def equilibrium(cells: Population, doses: dict[str, float]) -> binding.Equilibrium:
    """The binding equilibrium of every cell at these drug doses (nM)."""
    concentrations, kd = _clamped(check_doses(doses))
    return binding.solve(
        cells.anti_apoptotics(), cells.ligands(), LIGAND_KD, np.tile(concentrations, (cells.size, 1)), kd
    )


def is_apoptotic(cells: Population, doses: dict[str, float]) -> np.ndarray:
    """True for each cell that reaches MOMP at these doses."""
    free_bim = equilibrium(cells, doses).free_ligands[:, 0]
    return free_bim >= momp_free_bim_nM(cells.levels["bax_bak"])


def fraction_apoptotic(
    profile: Profile, doses=None, *, partners=(), cells: int = DEFAULT_CELLS, seed: int = SEED
) -> float:
    """Share of the population (0 to 1) past MOMP with these drug doses (nM) and partners."""
    profile = with_partners(_check_profile(profile), partners)
    return float(is_apoptotic(population(profile, cells=cells, seed=seed), check_doses(doses)).mean())


def critical_doses(
    profile: Profile, drug_key: str, *, background=None, partners=(), cells: int = DEFAULT_CELLS, seed: int = SEED
) -> np.ndarray:
    """For each cell, the dose of ``drug_key`` (nM) at which it reaches MOMP.

    ``background``: other drugs at fixed doses (nM); ``partners``: regimen partners
    applied to the profile. 0.0 for a cell that dies without the drug, inf for one
    that never dies, however high the dose.
    """
    profile = with_partners(_check_profile(profile), partners)
    drug(drug_key)
    background = check_doses(background)
    if drug_key in background:
        raise ValueError(f"background: {drug_key} is the drug being varied; leave it out of the background")
    population_ = population(profile, cells=cells, seed=seed)
    if not population_.levels["noxa"].any() and not population_.levels["puma"].any():
        return _critical_doses_bim_only(population_, drug_key, background)
    return _critical_doses_with_sensitizers(population_, drug_key, background)


def _critical_doses_bim_only(
    cells: Population, drug_key: str, background: dict[str, float], steps: int = critical_dose_search.BISECTION_STEPS
) -> np.ndarray:
    """With BIM the only BH3-only protein, MOMP at dose d means (exactly)

        BIM_total = b* + sum_j P_j b* / (K_j (w_j + d / D_j) + b*)

    with b* the MOMP level of free BIM, K_j BIM's and D_j the drug's Kd for protein j,
    and w_j the background drugs' load. The right side falls as d rises, so each cell's
    root is found by bisection on log d.
    """
    target = momp_free_bim_nM(cells.levels["bax_bak"])
    bim = cells.levels["bim"]
    reachable = np.isfinite(target)
    # With b* finite: BIM held at dose d is sum_j held_j / (offset_j + slope_j * d); one row per protein.
    safe_target = np.where(reachable, target, 0.0)
    held = cells.by_level(ANTI_APOPTOTICS) * safe_target
    offset = LIGAND_KD[0][:, None] * _background_load(background) + safe_target
    slope = (LIGAND_KD[0] * (1.0 / drug_kd_matrix([drug_key])[0]))[:, None]

    def dies_at(dose):  # dose: (cells, 1); the total BIM that puts free BIM exactly at b* is at most BIM
        return reachable & (safe_target + (held / (offset + dose[:, 0] * slope)).sum(axis=0) <= bim)

    return critical_dose_search.bisect_log_dose(dies_at, cells.size, steps)


def _background_load(background: dict[str, float]) -> np.ndarray:
    """w_j = 1 + sum_k c_k / Kd_kj of the background drugs, one row per protein, (3, 1)."""
    concentrations, kd = _clamped(background)
    return (1.0 + concentrations @ (1.0 / kd))[:, None] if background else np.ones((len(ANTI_APOPTOTICS), 1))


def _critical_doses_with_sensitizers(cells: Population, drug_key: str, background: dict[str, float]) -> np.ndarray:
    """The general case (NOXA or PUMA present). Sensitizers only ever free BIM, so the BIM-only
    critical dose is an upper bound: it starts Newton's method at the critical point
    (``critical_dose_search.sensitized_log_dose``), and cells that die without the drug even
    without sensitizers are settled by it; a cell with less BIM than its MOMP level never dies.
    Where there is no BIM-only root, a coarse bisection with the sensitizers (at pinned doses)
    gives the bound. Cells the Newton search leaves open (no convergence, or a root below the
    search range) are tested for death without the drug; the rest are finished by the bracketed
    Illinois search, each step a full equilibrium solve."""
    upper = _critical_doses_bim_only(cells, drug_key, background, steps=UPPER_BOUND_STEPS)
    result = np.where(upper == 0.0, 0.0, np.inf)
    newton = np.flatnonzero((upper > 0.0) & (cells.levels["bim"] >= momp_free_bim_nM(cells.levels["bax_bak"])))
    point = CriticalPoint(
        cells.by_level(ANTI_APOPTOTICS)[:, newton],
        cells.by_level(LIGANDS)[:, newton],
        momp_free_bim_nM(cells.levels["bax_bak"][newton]),
        _background_load(background),
        1.0 / LIGAND_KD,
        1.0 / drug_kd_matrix([drug_key])[0],
        np.log(upper[newton]),
    )
    no_root = np.isinf(upper[newton])
    if no_root.any():
        point.ceiling[0, no_root], never = critical_dose_search.bracket_log_dose(point.subset(no_root))
        keep = ~no_root
        keep[no_root] = ~never  # the others stay at inf
        newton, point = newton[keep], point.subset(keep)
    log_dose, converged = critical_dose_search.sensitized_log_dose(point)
    found = converged & (log_dose >= np.log(10.0) * critical_dose_search.SEARCH_RANGE_LOG10_NM[0])
    result[newton[found]] = np.exp(log_dose[found])
    dead_without, _ = critical_dose_search.dies_at(point.subset(~found))  # most of the rest
    rest = newton[~found]
    result[rest[dead_without]] = 0.0
    if rest.size > dead_without.sum():
        result[rest[~dead_without]] = _critical_doses_by_search(cells, rest[~dead_without], drug_key, background)
    return result


def _critical_doses_by_search(
    cells: Population, rows: np.ndarray, drug_key: str, background: dict[str, float]
) -> np.ndarray:
    """Critical doses of the cells ``rows`` by the bracketed search (full equilibrium solves).
    log(free BIM) rises smoothly with log(dose), so the Illinois variant of regula falsi needs
    far fewer solves than bisection."""
    target = np.log(momp_free_bim_nM(cells.levels["bax_bak"][rows]))
    anti_apoptotics, ligands = cells.anti_apoptotics()[rows], cells.ligands()[rows]

    def excess(log10_dose, subset):  # log free BIM above its MOMP level, for these cells
        free_bim = free_bim_at(anti_apoptotics[subset], ligands[subset], drug_key, background, 10.0**log10_dose)
        return np.log(np.maximum(free_bim, 1e-300)) - target[subset]

    return critical_dose_search.illinois_log_dose(excess, rows.size)


def free_bim_at(
    anti_apoptotics: np.ndarray, ligands: np.ndarray, drug_key: str, background: dict[str, float], dose
) -> np.ndarray:
    """Free BIM (nM) of each cell (rows of ``anti_apoptotics`` and ``ligands``), each with its own dose
    (nM) of ``drug_key`` and the background drugs."""
    rows = anti_apoptotics.shape[0]
    keys = list(background) + [drug_key]
    kd = drug_kd_matrix(keys)
    concentrations = np.column_stack(
        [np.full(rows, background[key]) for key in background] + [np.broadcast_to(dose, (rows,))]
    )
    return binding.solve(anti_apoptotics, ligands, LIGAND_KD, concentrations, kd).free_ligands[:, 0]


def dose_response(
    profile: Profile,
    drug_key: str,
    doses_nM,
    *,
    background=None,
    partners=(),
    cells: int = DEFAULT_CELLS,
    seed: int = SEED,
) -> np.ndarray:
    """Fraction apoptotic (0 to 1) at each dose of ``drug_key`` in ``doses_nM``."""
    doses_nM = check_dose_axis(doses_nM)
    critical = np.sort(
        critical_doses(profile, drug_key, background=background, partners=partners, cells=cells, seed=seed)
    )
    return fraction_from_critical(critical, doses_nM)


def check_dose_axis(doses_nM) -> np.ndarray:
    """``doses_nM`` as a float array; ValueError unless every dose is a finite number >= 0 nM."""
    doses_nM = np.asarray(doses_nM, dtype=float)
    if not np.isfinite(doses_nM).all() or (doses_nM < 0).any():
        raise ValueError("doses_nM: every dose must be a finite number >= 0 nM")
    return doses_nM


def ic50(
    profile: Profile, drug_key: str, *, background=None, partners=(), cells: int = DEFAULT_CELLS, seed: int = SEED
) -> float:
    """Dose (nM) at which half the cells are apoptotic; math.inf if not reached by 100 uM.

    0.0 when half the cells are apoptotic without the drug.
    """
    return ic50_from_critical(
        np.sort(critical_doses(profile, drug_key, background=background, partners=partners, cells=cells, seed=seed))
    )


def _check_profile(profile) -> Profile:
    if not isinstance(profile, Profile):
        raise ValueError(f"profile: must be a widgets.model.Profile, not {type(profile).__name__}")
    return profile


@dataclass(frozen=True)
class BimPartition:
    """Where the typical cell's BIM sits, nM, and what follows from it."""

    on_protein_nM: dict[str, float]
    free_nM: float
    active_bax_nM: float
    momp_threshold_nM: float

    @property
    def momp(self) -> bool:
        """True when active BAX/BAK reaches the MOMP threshold."""
        return self.active_bax_nM >= self.momp_threshold_nM


def bim_partition(profile: Profile, doses=None, *, partners=()) -> BimPartition:
    """For the typical cell (the profile itself): BIM on each anti-apoptotic protein and free,
    and the active BAX/BAK that free BIM produces, at these drug doses (nM)."""
    profile = with_partners(_check_profile(profile), partners)
    result = equilibrium(typical_cell(profile), check_doses(doses))
    on_protein = {protein: float(result.bound[0, 0, index]) for index, protein in enumerate(ANTI_APOPTOTICS)}
    free = float(result.free_ligands[0, 0])
    return BimPartition(on_protein, free, float(active_bax_nM(profile.bax_bak, free)), MOMP_THRESHOLD_NM.value)


@dataclass(frozen=True)
class DoseScan:
    """One treatment across a range of doses of its varied drug.

    doses_nM: the doses; bim_share: (doses, 4) share of the typical cell's BIM on BCL-2,
    BCL-XL, MCL-1 and free (0 to 1, rows sum to 1); active_bax_nM: the typical cell's
    active BAX/BAK; fraction_apoptotic: share of the population past MOMP (0 to 1);
    ic50_nM: as ``ic50`` (inf if not reached by 100 uM); momp_threshold_nM.
    """

    doses_nM: np.ndarray
    bim_share: np.ndarray
    active_bax_nM: np.ndarray
    fraction_apoptotic: np.ndarray
    ic50_nM: float
    momp_threshold_nM: float


def dose_scan(profile: Profile, drug_key: str, doses_nM, **population) -> DoseScan:
    """Where BIM sits, how much BAX/BAK is active and how many cells die, at each dose.

    ``population``: ``background``, ``partners``, ``cells`` and ``seed``, as for ``critical_doses``.
    """
    doses_nM = check_dose_axis(doses_nM)
    critical = np.sort(critical_doses(profile, drug_key, **population))
    background, partners = population.get("background"), population.get("partners", ())
    treated = with_partners(profile, partners)
    typical = typical_cell(treated)
    background = check_doses(background)
    keys = list(background) + [drug_key]
    kd = drug_kd_matrix(keys)
    concentrations = np.column_stack([np.full(doses_nM.size, background[key]) for key in background] + [doses_nM])
    result = binding.solve(
        np.repeat(typical.anti_apoptotics(), doses_nM.size, axis=0),
        np.repeat(typical.ligands(), doses_nM.size, axis=0),
        LIGAND_KD,
        concentrations,
        kd,
    )
    on_anti_apoptotics = result.bound[:, 0, :]
    free_bim = result.free_ligands[:, 0]
    shares = (
        np.column_stack([on_anti_apoptotics, free_bim]) / treated.bim
        if treated.bim > 0
        else np.zeros((doses_nM.size, 4))
    )
    return DoseScan(
        doses_nM,
        shares,
        active_bax_nM(treated.bax_bak, free_bim),
        fraction_from_critical(critical, doses_nM),
        ic50_from_critical(critical),
        MOMP_THRESHOLD_NM.value,
    )
