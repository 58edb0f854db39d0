"""Chapter 02, the role of BCL-2 in ALL: the balance that decides whether a blast dies.

The page redraws the review's Figure 1 from the model (``bcl2_balance``, drawn by
``widgets.presentation.figures.venetoclax``) and lets the reader move venetoclax in the
balance explorer; its exercises quote, for four profiles, the explorer step at which the
typical cell first reaches MOMP and the levels that explain it.
"""

from __future__ import annotations

from functools import partial

from widgets import model
from widgets.chapters.common import PageFigures, prepare_page, reading_guide_numbers
from widgets.explorers import balance
from widgets.model.cells import momp_free_bim_nM
from widgets.presentation.figures import venetoclax as balance_figures
from widgets.presentation.figures.mechanism import MechanismFigure
from widgets.presentation.text import dose_label

# The profiles the exercises walk through with the balance explorer.
EXERCISE_PROFILES = ("b_all", "etp_all", "mature_t_all", "mcl1_resistant")
FIGURES = {"bcl2_balance": partial(balance_figures.figure, "bcl2_balance")}
# The figures whose stored alt text is the model's own description of them.
ALT_TEXTS = {"bcl2_balance": partial(balance_figures.alt_text, "bcl2_balance")}
_figures = PageFigures(FIGURES, ALT_TEXTS)
figure, alt_text = _figures.figure, _figures.alt_text


def profile_numbers(profile_key: str) -> dict[str, str]:
    """One profile as the exercises quote it: the explorer step at which its typical cell
    first reaches MOMP (``momp_dose``), the population's venetoclax IC50, its BIM and
    BAX/BAK levels (nM) and the free BIM (nM) its BAX/BAK needs to reach MOMP."""
    profile = model.PROFILES[profile_key]
    scan = model.dose_scan(profile, "venetoclax", balance.DOSES_NM)
    return {
        f"momp_dose.{profile_key}": dose_label(MechanismFigure.momp_dose(scan)),
        f"ic50.{profile_key}.venetoclax": dose_label(scan.ic50_nM),
        f"profile.{profile_key}.bim": f"{profile.bim:g}",
        f"profile.{profile_key}.bax_bak": f"{profile.bax_bak:g}",
        f"momp_free_bim.{profile_key}": f"{float(momp_free_bim_nM(profile.bax_bak)):.2g}",
    }


def numbers() -> dict[str, str]:
    """Every value the page glues: the reading guide, each exercise profile, the figure's
    dose and MCL-1 rise, and the explorer's lowest dose."""
    values = reading_guide_numbers()
    for key in EXERCISE_PROFILES:
        values |= profile_numbers(key)
    return values | {
        "dose.review_figure": dose_label(balance_figures.REVIEW_FIGURE_DOSE_NM),
        "factor.risen_mcl1": f"{balance_figures.RISEN_MCL1_FACTOR:g}",
        "dose.explorer_lowest": dose_label(balance.DOSES_NM[0]),
    }


def setup() -> None:
    prepare_page(numbers)


def balance_explorer():
    """Profiles by venetoclax doses: where the typical cell's BIM sits, with and without the drug."""
    return balance.balance_explorer()
