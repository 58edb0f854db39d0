"""Protein profiles: how much of each BCL-2-family protein a leukemic cell holds (nM).

A ``Profile`` is one typical cell. Absolute amounts of these proteins in ALL blasts
have not been measured in a way a model can use, so every level here is a **teaching
assumption** on the scale of models of the pathway (EARM 2.0, Lopez et al. 2013: tens
of nM). What each named profile takes from the literature is the *direction*: which
protein is high or low relative to the others, cited next to it.
"""

from __future__ import annotations

import math
import numbers
import operator
from dataclasses import dataclass, fields, replace

LEVEL_NAMES = {
    "bcl2": "BCL-2",
    "bclxl": "BCL-XL",
    "mcl1": "MCL-1",
    "bim": "BIM",
    "bax_bak": "BAX/BAK",
    "noxa": "NOXA",
    "puma": "PUMA",
}


def _check_level(name: str, value, *, what: str = "", unit: str = " nM") -> None:
    """ValueError naming ``name`` unless ``value`` is a finite real number >= 0; ``what`` says
    which number it is ("the factor"), ``unit`` its unit."""
    if not isinstance(value, numbers.Real) or isinstance(value, bool) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{name}: {what + ' ' if what else ''}must be a finite number >= 0{unit}, not {value!r}")


@dataclass(frozen=True, kw_only=True)
class Profile:
    """Total amount of each protein in a typical cell, nM.

    bcl2, bclxl, mcl1: anti-apoptotic proteins (the anti_apoptotics); bim: the activator;
    bax_bak: the effectors BAX and BAK together; noxa, puma: sensitizer BH3-only proteins
    (zero unless a regimen partner induces them).
    """

    bcl2: float
    bclxl: float
    mcl1: float
    bim: float
    bax_bak: float
    noxa: float = 0.0
    puma: float = 0.0

    def __post_init__(self):
        for field in fields(self):
            _check_level(field.name, getattr(self, field.name))

    def scaled(self, **factors: float) -> Profile:
        """A new profile with the named levels multiplied, e.g. ``p.scaled(mcl1=4.0)``."""
        return self._changed(factors, operator.mul, what="the factor", unit="")

    def added(self, **amounts: float) -> Profile:
        """A new profile with the named levels raised by ``amounts`` nM."""
        return self._changed(amounts, operator.add, what="the amount added")

    def _changed(self, changes: dict[str, float], combine, **check) -> Profile:
        for name, value in changes.items():
            if name not in LEVEL_NAMES:
                raise ValueError(f"{name}: not a level of a profile; choose from {', '.join(LEVEL_NAMES)}")
            _check_level(name, value, **check)
        return replace(self, **{name: combine(getattr(self, name), value) for name, value in changes.items()})

    def levels(self) -> dict[str, float]:
        """Every level by name, nM."""
        return {field.name: getattr(self, field.name) for field in fields(self)}


@dataclass(frozen=True)
class NamedProfile:
    """A profile of an ALL subtype, with the evidence for its shape."""

    key: str
    name: str
    profile: Profile
    evidence: str
    sources: tuple[str, ...]


NAMED_PROFILES = {
    "b_all": NamedProfile(
        "b_all",
        "BCL-2-dependent B-ALL",
        Profile(bcl2=60.0, bclxl=12.0, mcl1=10.0, bim=40.0, bax_bak=60.0),
        "B-lineage blasts overexpress BCL-2 compared with normal B-cell progenitors (Coustan-Smith et al.); "
        "the review reports, citing Kannan et al., BH3 profiling that shows BCL-2 as the main dependence of "
        "B-ALL samples. The profile stands for the BCL-2-dependent cases: dependence varies across B-ALL, and "
        "most childhood B-ALL xenografts in one panel needed BCL-XL blocked as well (Khaw et al.). Its MCL-1 "
        "and BCL-XL are set by the calibration (data/model_findings.csv): together they hold "
        "less BIM than venetoclax frees from BCL-2, even when one of them doubles, so that doubling MCL-1 or "
        "BCL-XL raises the IC50 a few-fold rather than in one jump, as the continuous range of venetoclax "
        "sensitivity across B-ALL lines suggests (Seyfried et al.).",
        ("coustansmith1996", "hanbali2025", "kannan2025", "khaw2016", "seyfried2022"),
    ),
    "kmt2a_b_all": NamedProfile(
        "kmt2a_b_all",
        "KMT2A-rearranged B-ALL",
        Profile(bcl2=100.0, bclxl=8.0, mcl1=15.0, bim=50.0, bax_bak=60.0),
        "KMT2A-rearranged ALL expresses high BCL-2 and is venetoclax-sensitive in preclinical models.",
        ("benito2015", "souers2013"),
    ),
    "ph_like_b_all": NamedProfile(
        "ph_like_b_all",
        "Ph-like B-ALL",
        Profile(bcl2=70.0, bclxl=20.0, mcl1=15.0, bim=50.0, bax_bak=60.0),
        "Ph-like blasts showed BCL-2 dependence in the Aldoss study. The review adds, citing Kannan et al., "
        "that JAK-STAT signaling raises BCL-XL in Ph-like ALL and blunts BCL-2 inhibition; that claim could "
        "not be confirmed in its cited source, and the profile's modest BCL-XL is a teaching assumption.",
        ("aldoss2025", "hanbali2025", "kannan2025"),
    ),
    "etp_all": NamedProfile(
        "etp_all",
        "ETP-ALL",
        Profile(bcl2=80.0, bclxl=5.0, mcl1=10.0, bim=25.0, bax_bak=40.0),
        "Early T-cell precursors and ETP-ALL express high BCL-2, and ETP-ALL cells depend on BCL-2 and are killed "
        "by venetoclax in cell lines and xenografts. The review adds low BIM and BAX, which the profile follows; "
        "that part could not be confirmed in the cited sources.",
        ("peirs2014", "nichonghaile2014", "hanbali2025"),
    ),
    "mature_t_all": NamedProfile(
        "mature_t_all",
        "Mature T-ALL (BCL-XL high)",
        Profile(bcl2=10.0, bclxl=80.0, mcl1=15.0, bim=40.0, bax_bak=60.0),
        "T-ALL other than ETP-ALL depends on BCL-XL more than on BCL-2 in BH3 profiling (Ni Chonghaile et "
        "al.), and is less sensitive to venetoclax than immature T-ALL (Peirs et al.); the review reports, "
        "citing Kannan et al., that dual BCL-2/BCL-XL inhibition kills it in models where venetoclax does not.",
        ("nichonghaile2014", "peirs2014", "hanbali2025", "kannan2025"),
    ),
    "mcl1_resistant": NamedProfile(
        "mcl1_resistant",
        "MCL-1-driven resistance",
        Profile(bcl2=30.0, bclxl=10.0, mcl1=90.0, bim=60.0, bax_bak=60.0),
        "Raising MCL-1 lets the cell hold the BIM that venetoclax releases from BCL-2: a main route of "
        "resistance to BCL-2 inhibition. Here MCL-1 holds most of the BIM, so the cell depends on MCL-1.",
        ("xu2022", "choudhary2015"),
    ),
}

PROFILES = {key: named.profile for key, named in NAMED_PROFILES.items()}
