"""Every number of the apoptosis model, with its source and what kind of number it is.

``basis`` says how far to trust a number:

- ``measured``: read in the cited primary source (a binding constant, an assay result);
- ``bound``: the source gives only a limit (``< 0.01 nM``, ``> 444 nM``); the limit is used;
- ``teaching assumption``: no measurement of this quantity in ALL cells exists (or none
  was found); the value is chosen to put the model on a realistic scale, and the
  chapters say so where they use it.

Pocket order everywhere: BCL-2, BCL-XL, MCL-1 (``ANTI_APOPTOTICS``). Concentrations in nM.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

ANTI_APOPTOTICS = ("bcl2", "bclxl", "mcl1")
ANTI_APOPTOTIC_NAMES = {"bcl2": "BCL-2", "bclxl": "BCL-XL", "mcl1": "MCL-1"}
NO_BINDING = math.inf
BASES = ("measured", "bound", "teaching assumption")
MEASURED, BOUND, TEACHING_ASSUMPTION = BASES


@dataclass(frozen=True)
class Constant:
    """A number of the model: value, unit, the bibkey of its source, and its basis.

    ``verified`` is False when the number is widely quoted from the source but was not
    read in the source itself for this book (the note then says where it was read).
    ``relation`` is "<" or ">" for a bound (the source gives only a limit), "=" otherwise.
    """

    value: float
    unit: str
    source: str
    basis: str
    note: str = ""
    verified: bool = True
    relation: str = "="

    def __post_init__(self):
        if self.basis not in BASES:
            raise ValueError(f"basis: must be one of {BASES}, not {self.basis!r}")
        if (self.relation != "=") != (self.basis == "bound") or self.relation not in ("=", "<", ">"):
            raise ValueError("relation: '<' or '>' for a bound (and only for a bound), '=' otherwise")

    def __str__(self) -> str:
        """The value as a reader should see it: "< 0.01 nM", "48 nM", "no binding"."""
        if math.isinf(self.value):
            return "no binding"
        prefix = "" if self.relation == "=" else f"{self.relation} "
        return f"{prefix}{self.value:g} {self.unit}"


def nanomolar(
    value: float, source: str, basis: str = "measured", note: str = "", verified: bool = True, relation: str = "="
) -> Constant:
    """A binding constant or concentration in nM (the unit of every affinity in the model)."""
    return Constant(value, "nM", source, basis, note, verified, relation)


def affinities(bcl2: Constant, bclxl: Constant, mcl1: Constant) -> dict[str, Constant]:
    """One dissociation constant per protein, in ANTI_APOPTOTICS order."""
    return {"bcl2": bcl2, "bclxl": bclxl, "mcl1": mcl1}


# --- BIM, the activator -----------------------------------------------------------------

BIM_KD_NM = affinities(
    *(
        Constant(
            0.1,
            "nM",
            "chen2005",
            "teaching assumption",
            "BIM binds all anti-apoptotic proteins tightly and alike: its BH3 peptide competes at "
            "2.4-4.6 nM (Chen et al. 2005). Full-length BIM at the membrane binds more tightly still; the "
            "model's common value is chosen so that its venetoclax IC50 for BCL-2-dependent ALL is in "
            "the low-nanomolar range of sensitive ALL cells",
        )
        for _ in ANTI_APOPTOTICS
    )
)

# --- Activation of BAX/BAK and the point of no return -------------------------------------

BAX_ACTIVATION_KD_NM = Constant(
    10.0,
    "nM",
    "lindner2013",
    "teaching assumption",
    "free BIM at which half the BAX/BAK is active; in the direct-activation model that DR_MOMP "
    "assumes, BH3-only activators switch BAX and BAK on (Lindner et al. 2013); the value sets the scale only",
)
MOMP_THRESHOLD_NM = Constant(
    15.0,
    "nM",
    "lindner2013",
    "teaching assumption",
    "active BAX/BAK needed to permeabilize the outer membrane; DR_MOMP (Lindner et al. 2013) "
    "predicts death from the amount of activator needed to pass such a threshold",
)

# --- Cell-to-cell variation ----------------------------------------------------------------

LEVEL_VARIATION_SD = Constant(
    0.3,
    "log units (natural)",
    "spencer2009",
    "teaching assumption",
    "each protein's level varies from cell to cell around the profile (log-normal); "
    "pre-existing differences in protein levels decide which cells of a clonal population "
    "die (Spencer et al. 2009)",
)

# --- Sensitizers induced by regimen partners ----------------------------------------------

NOXA_KD_NM = affinities(
    Constant(NO_BINDING, "nM", "chen2005", "measured", "NOXA binds only MCL-1 (and A1)"),
    Constant(NO_BINDING, "nM", "chen2005", "measured", "NOXA binds only MCL-1 (and A1)"),
    Constant(
        19.0,
        "nM",
        "certo2006",
        "measured",
        "NOXA BH3 peptide binding MCL-1, as coded from Certo et al. 2006 in the EARM model (Lopez et al. 2013); "
        "not read in the paper itself",
        verified=False,
    ),
)
PUMA_KD_NM = affinities(
    *(
        Constant(
            0.1,
            "nM",
            "chen2005",
            "teaching assumption",
            "PUMA, like BIM, binds all anti-apoptotic proteins tightly (Chen et al. 2005); BIM's value is used",
        )
        for _ in ANTI_APOPTOTICS
    )
)

# --- Resistance mutations (not among the profiles; quoted in the chapters) ----------------

BCL2_G101V_VENETOCLAX_AFFINITY_LOSS = Constant(
    180.0,
    "fold",
    "blombery2019",
    "measured",
    "the BCL2 G101V mutation found in patients relapsing on venetoclax lowers its affinity for BCL-2 "
    "about 180-fold (surface plasmon resonance)",
)
