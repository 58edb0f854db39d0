"""Scans of the model that the chapters tabulate and plot: IC50s by profile and regimen,
IC50 shifts as one anti-apoptotic protein rises or falls, and dose-response curves per
regimen. Pure: profiles and regimen keys in, tables and curves out; the figures live in
``widgets.presentation.figures``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from widgets.model.cells import DEFAULT_CELLS, critical_doses, fraction_from_critical, ic50, ic50_from_critical
from widgets.model.constants import ANTI_APOPTOTICS
from widgets.model.profiles import NAMED_PROFILES, Profile
from widgets.model.regimens import REGIMENS, regimen

# Levels relative to the profile, on a doubling scale (the explorer's 0.25 to 4, and one step more).
LEVEL_FACTORS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
# Doses of a dose-response curve: 1 pM to 100 uM, ten per decade.
CURVE_DOSES_NM = np.logspace(-3, 5, 81)


def ic50_matrix(profile_keys, regimen_keys, *, cells: int = DEFAULT_CELLS) -> pd.DataFrame:
    """IC50 (nM; inf if not reached by 100 uM) of each regimen's varied drug, per profile.

    Rows are named profiles, columns regimens (their keys).
    """
    return pd.DataFrame(
        [
            [
                ic50(
                    NAMED_PROFILES[profile].profile, REGIMENS[regimen].drug, cells=cells, **REGIMENS[regimen].options()
                )
                for regimen in regimen_keys
            ]
            for profile in profile_keys
        ],
        index=list(profile_keys),
        columns=list(regimen_keys),
    )


def check_protein(protein: str) -> None:
    if protein not in ANTI_APOPTOTICS:
        raise ValueError(
            f"protein: {protein!r} is not an anti-apoptotic protein of the model; "
            f"choose one of {', '.join(ANTI_APOPTOTICS)}"
        )


def check_regimens(regimen_keys) -> list[str]:
    keys = list(regimen_keys)
    if not keys:
        raise ValueError("regimen_keys: give at least one regimen")
    for key in keys:
        regimen(key)
    return keys


def ic50_shift_table(
    profile: Profile,
    protein: str,
    regimen_keys: Sequence[str],
    factors: Sequence[float] = LEVEL_FACTORS,
    *,
    cells: int = DEFAULT_CELLS,
) -> pd.DataFrame:
    """IC50 (nM; inf if not reached by 100 uM) of each regimen's varied drug, with ``protein``
    multiplied by each factor. Rows: factors (index ``factor``); columns: regimen keys."""
    check_protein(protein)
    keys = check_regimens(regimen_keys)
    factors = [float(factor) for factor in factors]
    if not factors or any(not math.isfinite(factor) or factor <= 0 for factor in factors):
        raise ValueError("factors: give at least one finite factor > 0")
    rows = []
    for factor in factors:
        changed = profile.scaled(**{protein: factor})
        rows.append([ic50(changed, REGIMENS[key].drug, cells=cells, **REGIMENS[key].options()) for key in keys])
    table = pd.DataFrame(rows, index=pd.Index(factors, name="factor"), columns=keys)
    table.attrs["protein"] = protein
    return table


def fold_shift(table: pd.DataFrame) -> pd.DataFrame:
    """Each IC50 divided by the same regimen's IC50 at factor 1 (inf stays inf)."""
    if 1.0 not in table.index:
        raise ValueError("table: needs the row for factor 1 (the profile as it is)")
    with np.errstate(invalid="ignore", divide="ignore"):
        return table / table.loc[1.0]


@dataclass(frozen=True)
class Curve:
    """One dose-response curve: the regimens it stands for, its doses (nM), the share of
    cells apoptotic at each (0 to 1), and the IC50 (nM; inf if not reached)."""

    regimen_keys: tuple[str, ...]
    doses_nM: np.ndarray
    fraction_apoptotic: np.ndarray
    ic50_nM: float

    @property
    def label(self) -> str:
        """The regimen's name; merged regimens as "A + x\nor y (same in the model)"."""
        names = [REGIMENS[key].name for key in self.regimen_keys]
        if len(names) == 1:
            return names[0]
        shared = "".join(chars[0] for chars in itertools.takewhile(lambda chars: len(set(chars)) == 1, zip(*names)))
        shared = shared[: shared.rfind("+ ") + 2] if "+ " in shared else ""
        return "\nor ".join([names[0]] + [name[len(shared) :] for name in names[1:]]) + "\n(same in the model)"


def regimen_curves(
    profile: Profile, regimen_keys: Sequence[str], doses_nM=CURVE_DOSES_NM, *, cells: int = DEFAULT_CELLS
) -> list[Curve]:
    """One curve per regimen; regimens with identical results in the model share one curve."""
    keys = check_regimens(regimen_keys)
    doses_nM = np.asarray(doses_nM, dtype=float)
    curves: list[Curve] = []
    for key in keys:
        regimen = REGIMENS[key]
        critical = np.sort(critical_doses(profile, regimen.drug, cells=cells, **regimen.options()))
        fraction, ic50 = fraction_from_critical(critical, doses_nM), ic50_from_critical(critical)
        twin = next(
            (
                index
                for index, curve in enumerate(curves)
                if REGIMENS[curve.regimen_keys[0]].drug == regimen.drug
                and np.array_equal(curve.fraction_apoptotic, fraction)
                and curve.ic50_nM == ic50
            ),
            None,
        )
        if twin is None:
            curves.append(Curve((key,), doses_nM, fraction, ic50))
        else:
            merged = curves[twin]
            curves[twin] = Curve(merged.regimen_keys + (key,), doses_nM, fraction, ic50)
    return curves
