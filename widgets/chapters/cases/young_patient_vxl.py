"""Case 3: a young patient with relapsed ALL, and venetoclax with a VXL-type regimen.

Evidence: the pediatric and AYA phase 1 study (``place2025``) and the retrospective pediatric
series (``gibson2021``) of ``data/published_outcomes.csv``; the mechanism explorer for
BCL-2-dependent B-ALL, where MCL-1 is raised and asparaginase (a VXL drug) is the partner.
"""

from __future__ import annotations

from widgets.chapters.cases.evidence import model_numbers, trial_figures
from widgets.chapters.common import prepare_page
from widgets.explorers.mechanism import LEVEL_STEPS, mechanism_explorer

STUDIES = ("place2025", "gibson2021")
PROFILE = "b_all"
RAISED_MCL1 = LEVEL_STEPS[-1]
MODEL_RUNS = {
    "venetoclax": (PROFILE, "venetoclax", {"mcl1": RAISED_MCL1}),
    "with_asparaginase": (PROFILE, "venetoclax_asparaginase", {"mcl1": RAISED_MCL1}),
    "baseline": (PROFILE, "venetoclax", {}),
}


def numbers() -> dict[str, str]:
    """The studies' figures, the model's IC50s with MCL-1 raised (``model.mcl1.<run>.ic50`` and
    ``.class``) and the factor it is raised by (``model.mcl1.factor``)."""
    figures = trial_figures(*STUDIES)
    figures.update(model_numbers("model.mcl1", MODEL_RUNS))
    figures["model.mcl1.factor"] = f"{RAISED_MCL1:g}"
    return figures


def setup() -> None:
    prepare_page(numbers)


def explorer():
    """The mechanism explorer for BCL-2-dependent B-ALL."""
    return mechanism_explorer(PROFILE)
