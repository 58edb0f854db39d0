"""The BH3-profiling explorer: pick an ALL profile, optionally raise one anti-apoptotic
protein, and read the simulated BH3 profile: which protein does the cell depend on?"""

from __future__ import annotations

import ipywidgets

from widgets import model
from widgets.explorers import static_views
from widgets.presentation import style
from widgets.presentation.figures.bh3 import READS_OUT, bh3_bars

CHANGES = (("As profiled", {}), ("BCL-2 ×4", {"bcl2": 4.0}), ("BCL-XL ×4", {"bclxl": 4.0}), ("MCL-1 ×4", {"mcl1": 4.0}))


def bh3_alt_text(title: str, response: dict[str, float]) -> str:
    readings = "; ".join(f"{key} ({READS_OUT[key]}) {value:.0f}%" for key, value in response.items())
    return f"Simulated BH3 profile, {title}: percentage of cells reaching MOMP with each peptide: {readings}."


def bh3_explorer() -> ipywidgets.Widget:
    """Profiles x one-protein changes, each view a precomputed bar chart (works without a kernel)."""
    keys = list(model.NAMED_PROFILES)
    profile = static_views.dropdown("ALL profile:", [model.NAMED_PROFILES[key].name for key in keys])
    change = static_views.dropdown("Change:", [label for label, _ in CHANGES])

    def view(profile_index, change_index):
        named = model.NAMED_PROFILES[keys[profile_index]]
        label, factors = CHANGES[change_index]
        title = f"{named.name}, {label.lower() if not factors else label}"
        response = model.bh3_profile(named.profile.scaled(**factors))
        return static_views.html_view(style.img_html(bh3_bars(response, title), alt=bh3_alt_text(title, response)))

    return static_views.explorer(
        [profile, change],
        static_views.linked_views([profile, change], view),
        caption="Simulated BH3 profiling (a teaching model): percentage of cells that reach MOMP with each peptide.",
    )
