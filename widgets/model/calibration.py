"""The model against the published findings of ``data/model_findings.csv``.

Each finding names a model quantity that mirrors it:

- ``ic50:<regimen>:<profile>[:<level>x<factor>...]``: the IC50 (nM) of the regimen's varied
  drug in a named profile, with levels scaled (``ic50:venetoclax:b_all:mcl1x2``);
- ``bh3:<peptide>:<profile>[:<level>x<factor>...]``: the percentage of cells that reach
  MOMP with one peptide of the simulated BH3 panel.

A finding with ``relative_to`` compares the ratio of the two quantities with its
threshold; one without compares the quantity itself. Thresholds are numbers or the reading
guide's lines (``guide.sensitive_below``, ``guide.resistant_above``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from widgets.data.findings import load_findings
from widgets.model.bh3 import PEPTIDES, bh3_profile
from widgets.model.cells import DEFAULT_CELLS, ic50
from widgets.model.profiles import LEVEL_NAMES, PROFILES
from widgets.model.reading_guide import RESISTANT_ABOVE_NM, SENSITIVE_BELOW_NM
from widgets.model.regimens import REGIMENS

GUIDE_LINES_NM = {"guide.sensitive_below": SENSITIVE_BELOW_NM, "guide.resistant_above": RESISTANT_ABOVE_NM}


def _parse(quantity: str):
    kind, subject, profile_key, *changes = quantity.split(":")
    if profile_key not in PROFILES:
        raise ValueError(f"quantity: {quantity!r} names no profile of the model; choose one of {', '.join(PROFILES)}")
    if subject not in (REGIMENS if kind == "ic50" else PEPTIDES):
        raise ValueError(f"quantity: {quantity!r} names no {'regimen' if kind == 'ic50' else 'peptide'} of the model")
    factors = {}
    for change in changes:
        level, factor = change.rsplit("x", 1)
        if level not in LEVEL_NAMES:
            raise ValueError(
                f"quantity: {quantity!r} scales {level!r}, not a level; choose one of {', '.join(LEVEL_NAMES)}"
            )
        factors[level] = float(factor)
    return kind, subject, PROFILES[profile_key].scaled(**factors)


@cache
def model_value(quantity: str, cells: int = DEFAULT_CELLS) -> float:
    """The value of a model quantity (see the module docstring): an IC50 in nM (inf if not
    reached) or a BH3 response in percent."""
    kind, subject, profile = _parse(quantity)
    if kind == "bh3":
        return bh3_profile(profile, cells=cells)[subject]
    regimen = REGIMENS[subject]
    return ic50(profile, regimen.drug, cells=cells, **regimen.options())


@dataclass(frozen=True)
class Verdict:
    """One finding against the model: the value compared (a quantity or a ratio), the
    threshold, and whether the finding holds in the model."""

    finding_id: str
    value: float
    threshold: float
    check: str
    holds: bool

    def describe(self) -> str:
        return (
            f"{self.finding_id}: model value {self.value:.3g} should be {self.check} {self.threshold:.3g}"
            f" ({'holds' if self.holds else 'does not hold'})"
        )


def threshold_value(threshold: str) -> float:
    """A threshold of the findings file as a number."""
    return GUIDE_LINES_NM[threshold] if threshold in GUIDE_LINES_NM else float(threshold)


def verdict(finding) -> Verdict:
    """How the model stands on one finding (a row of ``load_findings()``)."""
    value = model_value(finding.model_quantity)
    if isinstance(finding.relative_to, str):
        reference = model_value(finding.relative_to)
        with_reference = value / reference if reference > 0 else math.inf
        value = with_reference if not (math.isinf(value) and math.isinf(reference)) else math.nan
    threshold = threshold_value(finding.threshold)
    holds = value < threshold if finding.check == "below" else value > threshold
    return Verdict(finding.finding_id, value, threshold, finding.check, bool(holds))


def verdicts() -> list[Verdict]:
    """Every finding of ``data/model_findings.csv`` against the model, in file order."""
    return [verdict(finding) for finding in load_findings().itertuples(index=False)]
