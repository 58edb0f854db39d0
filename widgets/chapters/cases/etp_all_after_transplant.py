"""Case 2: relapsed ETP-ALL with TP53 loss after an allogeneic transplant, and venetoclax with a
hypomethylating agent.

Evidence: the case report of ref 29 (``farhadfar2021``, text only), the ETP-ALL case series and
the phase 2 T-ALL trial (``data/published_outcomes.csv``: ``agrawal2025``, ``cao2023``); the model's
ETP-ALL profile with venetoclax, alone and with an MDM2 inhibitor, in the mechanism explorer.
"""

from __future__ import annotations

from widgets.chapters.cases.evidence import format_figure, model_numbers_with_guide, trial_values
from widgets.chapters.common import prepare_page
from widgets.explorers.mechanism import mechanism_explorer

STUDIES = ("agrawal2025", "cao2023")
PROFILE = "etp_all"
MODEL_RUNS = {"venetoclax": (PROFILE, "venetoclax", {}), "with_mdm2": (PROFILE, "venetoclax_mdm2", {})}


def numbers() -> dict[str, str]:
    """The studies' figures, the model's IC50s (``model.etp.<run>.ic50`` and ``.class``), and
    ``case.transplant_share_of_cr``: the percentage of the series' patients in CR who went on
    to a transplant."""
    values = trial_values(*STUDIES)
    figures = {key: format_figure(key, value) for key, value in values.items()}
    share = (
        100 * values["agrawal2025.responders.bridged_to_transplant.text.value"] / values["agrawal2025.all.CR.text.num"]
    )
    figures["case.transplant_share_of_cr"] = f"{share:.1f}"
    return figures | model_numbers_with_guide("model.etp", MODEL_RUNS)


def setup() -> None:
    prepare_page(numbers)


def explorer():
    """The mechanism explorer for the ETP-ALL profile."""
    return mechanism_explorer(PROFILE)
