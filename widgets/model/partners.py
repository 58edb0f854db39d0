"""Regimen partners of venetoclax and what each does to a cell's BCL-2-family profile.

Each partner changes the *profile*: it lowers or raises a protein, as the review and
its sources describe the mechanism. The mechanism is cited; the size of each change is
a **teaching assumption** (no source gives it as a number for ALL cells), chosen to be
visible in the model but modest: no partner makes a resistant profile more sensitive than
a BCL-2-dependent blast. Where the review's own citation does not show the
mechanism, the primary source that does is cited instead, and the chapters say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from widgets.model.lookup import lookup
from widgets.model.profiles import Profile


@dataclass(frozen=True)
class Partner:
    """A drug given with a BH3 mimetic, acting on the profile.

    scale: levels multiplied (e.g. ``{"mcl1": 0.6}``); add: levels raised, nM.
    """

    key: str
    name: str
    mechanism: str
    sources: tuple[str, ...]
    scale: dict[str, float] = field(default_factory=dict)
    add: dict[str, float] = field(default_factory=dict)

    def apply(self, profile: Profile) -> Profile:
        return profile.scaled(**self.scale).added(**self.add)


# How far asparaginase and homoharringtonine lower MCL-1: a teaching assumption. No source that
# could be read measured the drop in ALL cells; a modest cut (x0.6) is used so that the partner
# restores killing in the MCL-1-driven state without making it more sensitive than a
# BCL-2-dependent blast, which no ALL data show (calibration row mcl1_cut_not_over_restoring).
MCL1_CUT_FACTOR = 0.6

# How far dexamethasone raises BIM: a teaching assumption. BIM rises in glucocorticoid-sensitive
# childhood ALL xenografts and blasts (Bachmann et al. 2010; Jing et al. 2015; Ploner et al. 2008),
# but no source read gives a fold change that fits the model. The former x2 made the MCL-1-driven
# state more sensitive to venetoclax than a BCL-2-dependent blast; x1.5 keeps every resistant
# profile resistant (tests/widgets/model/test_partners.py).
DEXAMETHASONE_BIM_FACTOR = 1.5

# How far azacitidine lowers MCL-1: a teaching assumption. The drop was shown in acute myeloid
# leukemia cells (Tsao et al. 2012), not in ALL, and without a size that fits the model; the
# translation blockers' modest cut is used, so azacitidine acts in the model as they do.
AZACITIDINE_MCL1_FACTOR = MCL1_CUT_FACTOR

PARTNERS = {
    "asparaginase": Partner(
        "asparaginase",
        "Asparaginase",
        "depletes asparagine and glutamine, which the cell needs to keep making MCL-1, a protein with a "
        "half-life of hours; MCL-1 falls (the review's mechanism; venetoclax with asparaginase is synergistic "
        "in T-ALL models)",
        ("hanbali2025", "tron2018", "peirs2014"),
        scale={"mcl1": MCL1_CUT_FACTOR},
    ),
    "homoharringtonine": Partner(
        "homoharringtonine",
        "Homoharringtonine",
        "blocks protein translation, so short-lived MCL-1 falls first; with venetoclax it lowers MCL-1 and "
        "kills ETP-ALL cells",
        ("tron2018", "suo2024"),
        scale={"mcl1": MCL1_CUT_FACTOR},
    ),
    "dexamethasone": Partner(
        "dexamethasone",
        "Dexamethasone",
        "glucocorticoids switch on the BIM gene in ALL that responds to them (childhood ALL xenografts, "
        "primary blasts); in poor responders BIM stays silenced, which the model does not represent",
        ("bachmann2010", "jing2015", "ploner2008"),
        scale={"bim": DEXAMETHASONE_BIM_FACTOR},
    ),
    "azacitidine": Partner(
        "azacitidine",
        "Azacitidine (hypomethylating agent)",
        "lowered MCL-1 and acted synergistically with the BCL-2/BCL-XL inhibitor ABT-737 in acute myeloid "
        "leukemia cells; not shown in ALL. With venetoclax in AML it also disrupted the energy "
        "metabolism of leukemia stem cells, which lies outside the model",
        ("tsao2012", "pollyea2018"),
        scale={"mcl1": AZACITIDINE_MCL1_FACTOR},
    ),
    "mdm2_inhibitor": Partner(
        "mdm2_inhibitor",
        "MDM2 inhibitor",
        "stabilizes p53, which induces the BH3-only proteins NOXA and PUMA; in ALL models p53 activation "
        "was combined with BCL-2/BCL-XL inhibition",
        ("bell2024",),
        add={"noxa": 20.0, "puma": 20.0},
    ),
}


def partner(key: str) -> Partner:
    """The partner called ``key``; ValueError naming the allowed keys otherwise. The error names
    ``partners``, the argument of the model's functions that partner keys are given in."""
    return lookup(PARTNERS, key, argument="partners", kind="partner")


def with_partners(profile: Profile, keys) -> Profile:
    """The profile after every partner in ``keys`` has acted on it, in order."""
    for key in keys:
        profile = partner(key).apply(profile)
    return profile
