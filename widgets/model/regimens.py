"""Treatments a reader can choose: the BH3 mimetic whose dose varies, plus what is given with it.

A regimen is a varied drug, other drugs held at a fixed dose (nM) and regimen partners
acting on the profile. The fixed S63845 dose is a **teaching assumption**: high enough
to occupy most MCL-1 in the model (its Ki is about 1 nM), as in laboratory
combinations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from widgets.model.drugs import DRUGS
from widgets.model.lookup import lookup
from widgets.model.partners import PARTNERS

S63845_PARTNER_DOSE_NM = 50.0


@dataclass(frozen=True)
class Regimen:
    """What is given: the drug whose dose varies, fixed-dose drugs (nM) and partners."""

    key: str
    name: str
    drug: str
    background: dict[str, float] = field(default_factory=dict)
    partners: tuple[str, ...] = ()

    def __post_init__(self):
        if self.drug not in DRUGS or any(key not in DRUGS for key in self.background):
            raise ValueError(f"{self.key}: every drug must be one of {', '.join(DRUGS)}")
        if any(key not in PARTNERS for key in self.partners):
            raise ValueError(f"{self.key}: every partner must be one of {', '.join(PARTNERS)}")

    def options(self) -> dict:
        """Keyword arguments for the model's dose functions."""
        return {"background": dict(self.background), "partners": self.partners}


REGIMENS = {
    regimen.key: regimen
    for regimen in (
        Regimen("venetoclax", "Venetoclax", "venetoclax"),
        Regimen("venetoclax_asparaginase", "Venetoclax + asparaginase", "venetoclax", partners=("asparaginase",)),
        Regimen(
            "venetoclax_homoharringtonine",
            "Venetoclax + homoharringtonine",
            "venetoclax",
            partners=("homoharringtonine",),
        ),
        Regimen(
            "venetoclax_s63845",
            f"Venetoclax + S63845 ({S63845_PARTNER_DOSE_NM:g} nM)",
            "venetoclax",
            background={"s63845": S63845_PARTNER_DOSE_NM},
        ),
        Regimen("venetoclax_dexamethasone", "Venetoclax + dexamethasone", "venetoclax", partners=("dexamethasone",)),
        Regimen("venetoclax_azacitidine", "Venetoclax + azacitidine", "venetoclax", partners=("azacitidine",)),
        Regimen("venetoclax_mdm2", "Venetoclax + MDM2 inhibitor", "venetoclax", partners=("mdm2_inhibitor",)),
        Regimen("navitoclax", "Navitoclax (BCL-2/BCL-XL/BCL-W)", "navitoclax"),
        Regimen("azd4320", "AZD4320 (BCL-2/BCL-XL)", "azd4320"),
        Regimen("s63845", "S63845 (MCL-1)", "s63845"),
    )
}


def regimen(key: str) -> Regimen:
    """The regimen called ``key``; ValueError naming the allowed keys otherwise."""
    return lookup(REGIMENS, key, argument="regimen", kind="regimen")
