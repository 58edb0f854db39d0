"""BH3 mimetics: their affinities for BCL-2, BCL-XL and MCL-1 (Ki or Kd, nM).

A BH3 mimetic sits in the same groove that holds BIM, so in the model it is a
*clamped* ligand: its free concentration is the dose in the medium (nM). ``NO_BINDING``
(infinity) marks a protein the drug does not measurably bind.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.model.constants import NO_BINDING, Constant, affinities, nanomolar
from widgets.model.lookup import lookup


@dataclass(frozen=True)
class Drug:
    """A BH3 mimetic: display name, what it targets in words, and its affinity per protein."""

    key: str
    name: str
    targets: str
    kd_nM: dict[str, Constant]


_QUOTED = "as widely quoted from the paper's binding assays; not read in the paper's full text"
# Navitoclax's Ki for BCL-2 and BCL-XL: Tse et al. 2008 give only "Ki < 1 nM" (abstract); a bound is
# not a value, so the model takes one inside it, equal to BIM's Kd (``constants.BIM_KD_NM``), so that
# drug and activator compete on equal terms.
NAVITOCLAX_KI_NM = 0.1
_INSIDE_BOUND = (
    f"Tse et al. 2008 give Ki < 1 nM (abstract); {NAVITOCLAX_KI_NM:g} nM is a value chosen inside "
    "that bound, equal to BIM's assumed Kd"
)
# AZD4320: no published affinity constant could be found for it, only that it binds BCL-2 and BCL-XL
# potently (Patterson et al. 2021), so the model gives it navitoclax's value: in the model the two
# dual inhibitors differ only in navitoclax's weak MCL-1 binding.
_AZD4320_ASSUMED = (
    "AZD4320 is a dual BCL-2/BCL-XL inhibitor (Patterson et al. 2021); no published affinity constant "
    f"could be found, so it is given navitoclax's assumed {NAVITOCLAX_KI_NM:g} nM for both"
)


DRUGS = {
    "venetoclax": Drug(
        "venetoclax",
        "Venetoclax",
        "BCL-2",
        affinities(
            nanomolar(
                0.01, "souers2013", "bound", f"Ki < 0.010 nM, the assay's floor, which is used; {_QUOTED}", False, "<"
            ),
            nanomolar(48.0, "souers2013", "measured", f"Ki 48 nM, {_QUOTED}", False),
            nanomolar(444.0, "souers2013", "bound", f"Ki > 444 nM; the bound is used; {_QUOTED}", False, ">"),
        ),
    ),
    "navitoclax": Drug(
        "navitoclax",
        "Navitoclax",
        "BCL-2, BCL-XL and BCL-W",
        affinities(
            nanomolar(NAVITOCLAX_KI_NM, "tse2008", "teaching assumption", _INSIDE_BOUND),
            nanomolar(NAVITOCLAX_KI_NM, "tse2008", "teaching assumption", _INSIDE_BOUND),
            nanomolar(
                550.0,
                "tse2008",
                "teaching assumption",
                "MCL-1 binding is weak; 550 nM is the figure usually quoted, not read in the source",
                False,
            ),
        ),
    ),
    "azd4320": Drug(
        "azd4320",
        "AZD4320",
        "BCL-2 and BCL-XL (active moiety of AZD0466)",
        affinities(
            nanomolar(NAVITOCLAX_KI_NM, "patterson2021", "teaching assumption", _AZD4320_ASSUMED),
            nanomolar(NAVITOCLAX_KI_NM, "patterson2021", "teaching assumption", _AZD4320_ASSUMED),
            nanomolar(NO_BINDING, "patterson2021", "teaching assumption", "not described as binding MCL-1"),
        ),
    ),
    "s63845": Drug(
        "s63845",
        "S63845",
        "MCL-1",
        affinities(
            nanomolar(NO_BINDING, "kotschy2016", "measured", f"no discernible binding, {_QUOTED}", False),
            nanomolar(NO_BINDING, "kotschy2016", "measured", f"no discernible binding, {_QUOTED}", False),
            nanomolar(1.2, "kotschy2016", "bound", f"Ki < 1.2 nM; the bound is used; {_QUOTED}", False, "<"),
        ),
    ),
}


def drug(key: str) -> Drug:
    """The drug called ``key``; ValueError naming the allowed keys otherwise."""
    return lookup(DRUGS, key, argument="drug", kind="drug")
