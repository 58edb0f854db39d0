"""Case 6: newly diagnosed Ph-like B-ALL, and venetoclax with CALGB 10403.

Evidence: the prospective study of ref 28 (``aldoss2025`` in ``data/published_outcomes.csv``);
the model's Ph-like profile in the mechanism explorer, with BCL-XL as profiled and raised (the
review's unconfirmed JAK-STAT claim).
"""

from __future__ import annotations

from widgets.chapters.cases.evidence import model_numbers_with_guide, trial_figures
from widgets.chapters.common import prepare_page
from widgets.explorers.mechanism import LEVEL_STEPS, mechanism_explorer

STUDIES = ("aldoss2025",)
PROFILE = "ph_like_b_all"
RAISED_BCLXL = LEVEL_STEPS[-1]
MODEL_RUNS = {
    "venetoclax": (PROFILE, "venetoclax", {}),
    "venetoclax_bclxl": (PROFILE, "venetoclax", {"bclxl": RAISED_BCLXL}),
    "navitoclax_bclxl": (PROFILE, "navitoclax", {"bclxl": RAISED_BCLXL}),
}


def numbers() -> dict[str, str]:
    """The study's figures, the model's IC50s (``model.phlike.<run>.ic50`` and ``.class``) and
    the factor BCL-XL is raised by (``model.phlike.factor``)."""
    return (
        trial_figures(*STUDIES)
        | model_numbers_with_guide("model.phlike", MODEL_RUNS)
        | {"model.phlike.factor": f"{RAISED_BCLXL:g}"}
    )


def setup() -> None:
    prepare_page(numbers)


def explorer():
    """The mechanism explorer for the Ph-like B-ALL profile."""
    return mechanism_explorer(PROFILE)
