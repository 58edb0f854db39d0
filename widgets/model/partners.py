"""Regimen partners of venetoclax and what each does to a cell's BCL-2-family profile.

Each partner changes the *profile*: it lowers or raises a protein, as the review and
its sources describe the mechanism. The mechanism is cited; the size of each change is
a **teaching assumption** (no source gives it as a number for ALL cells), chosen to be
clearly visible in the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from widgets.model.profiles import Profile


@dataclass(frozen=True)
class Partner:
    """A drug given with a BH3 mimetic, acting on the profile.

    scale: levels multiplied (e.g. ``{"mcl1": 0.3}``); add: levels raised, nM.
    """

    key: str
    name: str
    mechanism: str
    sources: tuple[str, ...]
    scale: dict[str, float] = field(default_factory=dict)
    add: dict[str, float] = field(default_factory=dict)

    def apply(self, profile: Profile) -> Profile:
        return profile.scaled(**self.scale).added(**self.add)


PARTNERS = {
    "asparaginase": Partner(
        "asparaginase", "Asparaginase",
        "depletes asparagine and glutamine, which MCL-1, a short-lived protein, needs to be made; MCL-1 falls",
        ("hanbali2025",), scale={"mcl1": 0.3}),
    "homoharringtonine": Partner(
        "homoharringtonine", "Homoharringtonine",
        "blocks protein translation; short-lived MCL-1 falls first",
        ("hanbali2025",), scale={"mcl1": 0.3}),
    "dexamethasone": Partner(
        "dexamethasone", "Dexamethasone",
        "glucocorticoid signalling induces BIM in lymphoblasts",
        ("hanbali2025",), scale={"bim": 2.0}),
    "azacitidine": Partner(
        "azacitidine", "Azacitidine (hypomethylating agent)",
        "induces the MCL-1-binding sensitizer NOXA, priming cells for venetoclax",
        ("hanbali2025",), add={"noxa": 30.0}),
    "mdm2_inhibitor": Partner(
        "mdm2_inhibitor", "MDM2 inhibitor",
        "stabilizes p53, which induces the BH3-only proteins NOXA and PUMA",
        ("bell2024",), add={"noxa": 20.0, "puma": 20.0}),
}


def partner(key: str) -> Partner:
    """The partner called ``key``; ValueError naming the allowed keys otherwise."""
    if key not in PARTNERS:
        raise ValueError(f"partners: {key!r} is not a known partner; choose from {', '.join(PARTNERS)}")
    return PARTNERS[key]


def with_partners(profile: Profile, keys) -> Profile:
    """The profile after every partner in ``keys`` has acted on it, in order."""
    for key in keys:
        profile = partner(key).apply(profile)
    return profile
