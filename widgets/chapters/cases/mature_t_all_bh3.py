"""Case 4: relapsed mature T-ALL; why venetoclax alone fails, and what BH3 profiling would show.

Evidence: the retrospective R/R T-ALL series (``richardcarpentier2020``) and the navitoclax
trial (``pullarkat2021``) of ``data/published_outcomes.csv``; the model's mature T-ALL profile
(BH3 profile and IC50s). The explorer is the BH3-profiling explorer, which the reader sets to
the mature T-ALL profile.
"""

from __future__ import annotations

from widgets import model
from widgets.chapters.cases.evidence import model_numbers_with_guide, trial_figures
from widgets.chapters.common import prepare_page
from widgets.explorers.bh3 import bh3_explorer

STUDIES = ("richardcarpentier2020", "pullarkat2021")
PROFILE = "mature_t_all"
MODEL_RUNS = {
    "venetoclax": (PROFILE, "venetoclax", {}),
    "navitoclax": (PROFILE, "navitoclax", {}),
    "azd4320": (PROFILE, "azd4320", {}),
}


def numbers() -> dict[str, str]:
    """The studies' figures; the model's IC50s (``model.tall.<drug>.ic50`` and ``.class``); the
    simulated BH3 profile of the mature T-ALL profile (``bh3.tall.<peptide>``, percent of cells
    reaching MOMP) and the profile's name as the explorer lists it (``bh3.tall.name``)."""
    figures = trial_figures(*STUDIES) | model_numbers_with_guide("model.tall", MODEL_RUNS)
    for peptide, percent in model.bh3_profile(model.PROFILES[PROFILE]).items():
        figures[f"bh3.tall.{peptide}"] = f"{percent:.0f}%"
    figures["bh3.tall.name"] = model.NAMED_PROFILES[PROFILE].name
    return figures


def setup() -> None:
    prepare_page(numbers)


def explorer():
    """The BH3-profiling explorer (every profile; the page asks for mature T-ALL)."""
    return bh3_explorer()
