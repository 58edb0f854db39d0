"""A population of cells, and when a cell reaches MOMP.

A cell commits to apoptosis (mitochondrial outer membrane permeabilization, MOMP) when
enough BAX/BAK is active. BIM left free by the anti-apoptotic proteins activates
BAX/BAK (direct activation, Llambi et al. 2011):

    active BAX/BAK = bax * free_bim / (free_bim + K_activation)

and MOMP happens when that reaches the threshold T (constants.MOMP_THRESHOLD_NM), i.e.
when free BIM reaches ``bax_threshold_bim = T * K_activation / (bax_bak - T)`` (never if
bax_bak <= T). Free BIM comes from the exact binding equilibrium (``binding.solve``).

A population is many cells whose levels vary around the profile (log-normal, median
the profile itself), drawn from a fixed seed: the same cells are used for every dose
and every profile, so results are reproducible and monotone in dose.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from widgets.model.constants import (
    ANTI_APOPTOTICS,
    BAX_ACTIVATION_KD_NM,
    BIM_KD_NM,
    LEVEL_VARIATION_SD,
    MOMP_THRESHOLD_NM,
    NOXA_KD_NM,
    PUMA_KD_NM,
)
from widgets.model.profiles import Profile

DEFAULT_CELLS = 2000
SEED = 20250825
LEVELS = ("bcl2", "bclxl", "mcl1", "bim", "bax_bak", "noxa", "puma")
LIGANDS = ("bim", "noxa", "puma")
LIGAND_KD = np.array([[constant.value for constant in table.values()] for table in (BIM_KD_NM, NOXA_KD_NM, PUMA_KD_NM)])


@dataclass(frozen=True)
class Population:
    """Protein levels of many cells, nM: ``levels[name]`` is an array with one value per cell."""

    levels: dict[str, np.ndarray]

    @property
    def size(self) -> int:
        return len(self.levels["bim"])

    def anti_apoptotics(self) -> np.ndarray:
        return np.column_stack([self.levels[name] for name in ANTI_APOPTOTICS])

    def ligands(self) -> np.ndarray:
        return np.column_stack([self.levels[name] for name in LIGANDS])

    def by_level(self, names) -> np.ndarray:
        """The levels ``names`` of every cell, one row per level: (levels, cells)."""
        return np.vstack([self.levels[name] for name in names])


def population(profile: Profile, *, cells: int = DEFAULT_CELLS, seed: int = SEED) -> Population:
    """``cells`` cells whose every level is log-normal around the profile (median = profile)."""
    if not isinstance(cells, int) or cells < 1:
        raise ValueError(f"cells: must be a whole number >= 1, not {cells!r}")
    spread = _spread(cells, seed, LEVEL_VARIATION_SD.value)
    return Population({name: getattr(profile, name) * spread[index] for index, name in enumerate(LEVELS)})


@functools.lru_cache(maxsize=8)
def _spread(cells: int, seed: int, sd: float) -> np.ndarray:
    """Each cell's factor on each level (a row per level of LEVELS), drawn once per size and seed."""
    normal = np.random.default_rng(seed).standard_normal((cells, len(LEVELS)))
    spread = np.ascontiguousarray(np.exp(sd * normal).T)
    spread.flags.writeable = False
    return spread


def typical_cell(profile: Profile) -> Population:
    """The profile itself as a population of one cell."""
    return Population({name: np.array([float(getattr(profile, name))]) for name in LEVELS})


def momp_free_bim_nM(bax_nM) -> np.ndarray:
    """Free BIM at which a cell with this much BAX/BAK reaches MOMP, nM (inf if it never can)."""
    threshold, activation = MOMP_THRESHOLD_NM.value, BAX_ACTIVATION_KD_NM.value
    bax_nM = np.asarray(bax_nM, dtype=float)
    with np.errstate(divide="ignore"):
        return np.where(bax_nM > threshold, threshold * activation / (bax_nM - threshold), np.inf)


def active_bax_nM(bax_nM, free_bim_nM) -> np.ndarray:
    """Active BAX/BAK, nM, for the given total BAX/BAK and free BIM."""
    free_bim_nM = np.asarray(free_bim_nM, dtype=float)
    return np.asarray(bax_nM) * free_bim_nM / (free_bim_nM + BAX_ACTIVATION_KD_NM.value)
