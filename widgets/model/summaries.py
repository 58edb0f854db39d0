"""Tables the chapters show, computed from the model and its cited constants: numbers only
(``widgets.presentation.model_tables`` writes them as a reader reads them)."""

from __future__ import annotations

import math

import pandas as pd

from widgets.model import bh3, constants
from widgets.model.constants import ANTI_APOPTOTIC_NAMES, ANTI_APOPTOTICS, Constant
from widgets.model.drugs import DRUGS


def selectivity(drug_keys=tuple(DRUGS)) -> pd.DataFrame:
    """Each drug (``key``, display name ``drug``, ``targets``): its Ki (nM) per target, its
    selectivity for BCL-2 over BCL-XL (``bclxl_over_bcl2``, the ratio of the two constants;
    NaN when it binds neither) and its sources."""
    rows = []
    for key in drug_keys:
        drug = DRUGS[key]
        kd = {protein: drug.kd_nM[protein].value for protein in ANTI_APOPTOTICS}
        ratio = kd["bclxl"] / kd["bcl2"] if math.isfinite(kd["bclxl"]) or math.isfinite(kd["bcl2"]) else math.nan
        rows.append(
            {
                "key": key,
                "drug": drug.name,
                "targets": drug.targets,
                **{f"ki_{protein}_nM": kd[protein] for protein in ANTI_APOPTOTICS},
                "bclxl_over_bcl2": ratio,
                "sources": tuple(dict.fromkeys(drug.kd_nM[protein].source for protein in ANTI_APOPTOTICS)),
            }
        )
    return pd.DataFrame(rows)


def constants_catalogue() -> pd.DataFrame:
    """Every number of the model: what it is, its value and unit, ``relation`` ("<" or ">"
    for a bound, "=" otherwise), source, basis, and notes."""
    rows = []

    def add(quantity: str, constant: Constant):
        rows.append(
            {
                "quantity": quantity,
                "value": constant.value,
                "unit": constant.unit,
                "relation": constant.relation,
                "basis": constant.basis,
                "read_in_source": constant.verified,
                "source": constant.source,
                "note": constant.note,
            }
        )

    for name, label in (("BIM_KD_NM", "BIM"), ("NOXA_KD_NM", "NOXA"), ("PUMA_KD_NM", "PUMA")):
        for protein, constant in getattr(constants, name).items():
            add(f"{label} Kd for {ANTI_APOPTOTIC_NAMES[protein]}", constant)
    add("Free BIM for half-active BAX/BAK", constants.BAX_ACTIVATION_KD_NM)
    add("Active BAX/BAK at MOMP", constants.MOMP_THRESHOLD_NM)
    add("Cell-to-cell spread of levels", constants.LEVEL_VARIATION_SD)
    for drug in DRUGS.values():
        for protein, constant in drug.kd_nM.items():
            add(f"{drug.name} Ki for {ANTI_APOPTOTIC_NAMES[protein]}", constant)
    for peptide in bh3.PEPTIDES.values():
        add(f"{peptide.key} peptide dose in BH3 profiling", peptide.concentration_nM)
        for protein, constant in peptide.kd_nM.items():
            add(f"{peptide.key} peptide Kd for {ANTI_APOPTOTIC_NAMES[protein]}", constant)
    return pd.DataFrame(rows)
