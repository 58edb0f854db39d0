"""A mass-action model of the BCL-2 family at the mitochondrion, for teaching.

Anti-apoptotic BCL-2, BCL-XL and MCL-1 hold the activator BIM (and the sensitizers
NOXA and PUMA) in their BH3 grooves; BH3 mimetics compete for the same grooves; BIM
left free activates BAX/BAK, and a cell dies (MOMP) when enough BAX/BAK is active.
Binding is solved exactly (``binding``); cells vary around a profile, so a drug kills a
fraction of them (``cells``). Every constant carries its source and its basis
(``constants``): measured, a bound, or a teaching assumption.

    from widgets import model
    p = model.PROFILES["etp_all"]
    model.fraction_apoptotic(p, {"venetoclax": 100.0})
    model.ic50(p.scaled(mcl1=4.0), "venetoclax")
    model.bh3_profile(p)
"""

from widgets.model import summaries
from widgets.model.bh3 import PEPTIDES, bh3_profile
from widgets.model.cells import (
    DEFAULT_CELLS,
    IC50_RANGE_NM,
    SEED,
    BimPartition,
    DoseScan,
    bim_partition,
    critical_doses,
    dose_response,
    dose_scan,
    fraction_apoptotic,
    ic50,
)
from widgets.model.constants import (
    ANTI_APOPTOTIC_NAMES,
    ANTI_APOPTOTICS,
    BCL2_G101V_VENETOCLAX_AFFINITY_LOSS,
    BIM_KD_NM,
    MOMP_THRESHOLD_NM,
    Constant,
)
from widgets.model.drugs import DRUGS, Drug
from widgets.model.partners import PARTNERS, Partner, with_partners
from widgets.model.profiles import LEVEL_NAMES, NAMED_PROFILES, PROFILES, NamedProfile, Profile
from widgets.model.reading_guide import RESISTANT_ABOVE_NM, SENSITIVE_BELOW_NM, ic50_class
from widgets.model.regimens import REGIMENS, Regimen, regimen

__all__ = [
    "ANTI_APOPTOTICS",
    "ANTI_APOPTOTIC_NAMES",
    "BCL2_G101V_VENETOCLAX_AFFINITY_LOSS",
    "BIM_KD_NM",
    "DEFAULT_CELLS",
    "DRUGS",
    "IC50_RANGE_NM",
    "LEVEL_NAMES",
    "MOMP_THRESHOLD_NM",
    "NAMED_PROFILES",
    "PARTNERS",
    "PEPTIDES",
    "PROFILES",
    "REGIMENS",
    "RESISTANT_ABOVE_NM",
    "SEED",
    "SENSITIVE_BELOW_NM",
    "BimPartition",
    "Constant",
    "DoseScan",
    "Drug",
    "NamedProfile",
    "Partner",
    "Profile",
    "Regimen",
    "bh3_profile",
    "bim_partition",
    "critical_doses",
    "dose_response",
    "dose_scan",
    "fraction_apoptotic",
    "ic50",
    "ic50_class",
    "regimen",
    "summaries",
    "with_partners",
]
