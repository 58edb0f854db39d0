"""The balance explorer: pick an ALL profile and a venetoclax dose; see the cell's BCL-2 balance
without and with the drug (where BIM sits, whether BAX/BAK pass the threshold)."""

from __future__ import annotations

import ipywidgets

from widgets import model
from widgets.explorers import static_views
from widgets.presentation import style
from widgets.presentation.figures.balance import Condition, balance_alt_text, balance_figure
from widgets.presentation.text import dose_label

DOSES_NM = (0.1, 1.0, 10.0, 100.0, 1000.0, 10000.0)


def conditions(profile_key: str, dose_nM: float) -> list[Condition]:
    """The two columns of a view: the profile untreated, and with venetoclax at ``dose_nM``."""
    named = model.NAMED_PROFILES[profile_key]
    return [
        Condition(f"{named.name}, no drug", named.profile),
        Condition(f"+ venetoclax {dose_label(dose_nM)}", named.profile, {"venetoclax": dose_nM}),
    ]


def balance_explorer() -> ipywidgets.Widget:
    """Profiles x venetoclax doses, each view a precomputed figure (works without a kernel)."""
    keys = list(model.NAMED_PROFILES)
    profile = static_views.dropdown("ALL profile:", [model.NAMED_PROFILES[key].name for key in keys])
    dose = static_views.slider("Venetoclax:", [dose_label(value) for value in DOSES_NM], DOSES_NM.index(10.0))

    def view(profile_index, dose_index):
        columns = conditions(keys[profile_index], DOSES_NM[dose_index])
        return static_views.html_view(style.img_html(balance_figure(columns), alt=balance_alt_text(columns)))

    return static_views.explorer(
        [profile, dose],
        static_views.linked_views([profile, dose], view),
        caption="Model of a typical cell of each profile (a teaching model).",
    )
