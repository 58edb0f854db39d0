"""Case 1: an older adult with relapsed Ph-negative B-ALL, and venetoclax with mini-hyper-CVD.

The evidence is the review's three mini-hyper-CVD studies (``data/published_outcomes.csv``:
``jain2019``, ``venugopal2021``, ``short2024``); the explorer is the trial explorer, set to
relapsed/refractory disease and low-intensity chemotherapy.
"""

from __future__ import annotations

from widgets.chapters.cases.evidence import format_figure, trial_values
from widgets.chapters.common import prepare_page
from widgets.explorers.trials import trial_explorer

STUDIES = ("jain2019", "venugopal2021", "short2024")
EXPLORER_START = {"setting": "relapsed_refractory", "partner_class": "low_intensity_chemo"}
PER_HUNDRED = 100


def numbers() -> dict[str, str]:
    """The studies' figures, and ``case.remission_and_mrd_negative_per_hundred``: of a
    hundred patients like those of the phase 1/2 study, how many would be in CR/CRi and MRD
    negative (CR/CRi rate times the MRD-negative share of responders)."""
    values = trial_values(*STUDIES)
    figures = {key: format_figure(key, value) for key, value in values.items()}
    both = (
        values["short2024.all.CR_CRi.text.value"]
        / 100
        * values["short2024.responders.MRD_negative.text.value"]
        / 100
        * PER_HUNDRED
    )
    figures["case.remission_and_mrd_negative_per_hundred"] = f"{both:.0f}"
    figures["case.per_hundred"] = f"{PER_HUNDRED}"
    return figures


def setup() -> None:
    prepare_page(numbers)


def explorer():
    """The trial explorer, starting at relapsed/refractory disease and low-intensity chemotherapy."""
    return trial_explorer(start=EXPLORER_START)
