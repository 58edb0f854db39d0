"""Chapter 03, venetoclax: a BH3 mimetic, how selective it is, and what selectivity costs.

The page shows BIM leaving BCL-2 as venetoclax rises and a BCL-XL-high blast that survives
it (balance figures drawn by ``widgets.presentation.figures.venetoclax``), the drugs'
binding constants as a table and a dot plot, the model's IC50s of venetoclax and
navitoclax in BCL-2-dependent B-ALL and mature T-ALL, and the mechanism explorer, whose
exercise raises BCL-2 to the explorer's highest step.
"""

from __future__ import annotations

from functools import cache, partial

from widgets import model
from widgets.chapters.common import PageFigures, prepare_page, reading_guide_numbers
from widgets.explorers import mechanism
from widgets.model import scans, summaries
from widgets.presentation import model_tables
from widgets.presentation.figures import venetoclax as balance_figures
from widgets.presentation.figures.affinity import affinity_plot
from widgets.presentation.text import dose_label, fold_change

# The IC50 table and the prose around it: two profiles by two drugs.
IC50_PROFILES = ("b_all", "mature_t_all")
IC50_DRUGS = ("venetoclax", "navitoclax")
# The profile of the mechanism explorer and of its exercise.
EXPLORER_PROFILE = "b_all"
BALANCE_FIGURES = ("bim_displacement", "selectivity_cost")
FIGURES = {
    **{name: partial(balance_figures.figure, name) for name in BALANCE_FIGURES},
    "affinity": lambda: affinity_plot(summaries.selectivity()),
}
# The figures whose stored alt text is the model's own description of them (the affinity
# plot's is written in the notebook).
ALT_TEXTS = {name: partial(balance_figures.alt_text, name) for name in BALANCE_FIGURES}
_figures = PageFigures(FIGURES, ALT_TEXTS)
figure, alt_text = _figures.figure, _figures.alt_text


@cache
def ic50_matrix():
    """IC50s (nM) of ``IC50_DRUGS`` (columns) in ``IC50_PROFILES`` (rows)."""
    return scans.ic50_matrix(IC50_PROFILES, IC50_DRUGS)


def selectivity_numbers() -> dict[str, str]:
    """Each drug's Ki per target (``ki.<drug>.<protein>``) and BCL-XL/BCL-2 ratio
    (``selectivity.<drug>.bclxl_over_bcl2``), as the selectivity table prints them."""
    values = {}
    for drug, texts in model_tables.selectivity_texts().iterrows():
        values |= {f"ki.{drug}.{protein}": texts[f"ki_{protein}"] for protein in model.ANTI_APOPTOTICS}
        values[f"selectivity.{drug}.bclxl_over_bcl2"] = texts["bclxl_over_bcl2"]
    return values


def ic50_numbers() -> dict[str, str]:
    """The IC50 table's values (``ic50.<profile>.<drug>``) and how many times venetoclax's
    IC50 in mature T-ALL exceeds its IC50 in B-ALL."""
    matrix = ic50_matrix()
    values = {f"ic50.{profile}.{drug}": dose_label(value) for (profile, drug), value in matrix.stack().items()}
    fold = matrix.loc["mature_t_all", "venetoclax"] / matrix.loc["b_all", "venetoclax"]
    return values | {"fold.venetoclax.mature_t_all_over_b_all": fold_change(fold)}


def explorer_numbers() -> dict[str, str]:
    """The explorer exercise: venetoclax's IC50 over the explorer's cells for the profile as it
    is (``explorer.base.venetoclax``), with BCL-2 at the explorer's highest step and BIM
    unchanged (``explorer.bcl2.venetoclax``, the model-only scenario) and with BCL-2 and its
    BIM raised together by the same factor (``explorer.bcl2_bim.venetoclax``, the loaded BCL-2
    that goes with sensitivity in patients' blasts), and the factor (``explorer.top_step``)."""
    top = mechanism.LEVEL_STEPS[-1]
    profile = model.PROFILES[EXPLORER_PROFILE]
    values = {
        f"explorer.{label}.venetoclax": dose_label(
            model.ic50(profile.scaled(**levels), "venetoclax", cells=mechanism.EXPLORER_CELLS)
        )
        for label, levels in (("base", {}), ("bcl2", {"bcl2": top}), ("bcl2_bim", {"bcl2": top, "bim": top}))
    }
    return values | {"explorer.top_step": f"{top:g}"}


def numbers() -> dict[str, str]:
    """Every value the page glues."""
    return (
        reading_guide_numbers()
        | selectivity_numbers()
        | ic50_numbers()
        | explorer_numbers()
        | {"dose.selectivity_figure": dose_label(balance_figures.SELECTIVITY_DOSE_NM)}
    )


def setup() -> None:
    prepare_page(numbers)


selectivity_table = model_tables.selectivity_table


def ic50_table():
    """The IC50s of ``ic50_matrix`` as text."""
    return model_tables.ic50_matrix_table(ic50_matrix())


def mechanism_explorer():
    """Treatment, protein levels and dose for the BCL-2-dependent B-ALL profile."""
    return mechanism.mechanism_explorer(EXPLORER_PROFILE)
