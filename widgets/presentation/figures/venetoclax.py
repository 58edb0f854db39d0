"""The BCL-2 balance figures of the chapters on BCL-2 in ALL and on venetoclax.

Each figure is a fixed list of conditions drawn by ``widgets.presentation.figures.balance``.
The chapter modules (``widgets.chapters.role_of_bcl2`` and ``widgets.chapters.venetoclax``)
expose them; a page draws the figure and stores its alt text, and both come from the same
conditions: the chapter modules' tests check that the alt text stored in each notebook is
the one these conditions give today, so a change to the model cannot leave a stale
description behind.

- ``bcl2_balance``: the review's Figure 1 redrawn from the model (Hanbali et al. 2025): a
  BCL-2-dependent blast, the same blast with venetoclax, and the same blast with venetoclax
  once its MCL-1 has risen;
- ``bim_displacement``: the same blast at rising venetoclax concentrations;
- ``selectivity_cost``: a BCL-XL-high mature T-ALL blast with venetoclax and with navitoclax
  at one concentration.

The concentrations and the size of the MCL-1 rise are **teaching choices**, not
measurements: 10 nM lies in the low-nanomolar range of free venetoclax that the appendix
explains; MCL-1 x4 is the largest step of the book's explorers; 300 nM is a concentration
at which the model's two drugs part ways in the BCL-XL-high profile.
"""

from __future__ import annotations

from widgets import model
from widgets.presentation.figures.balance import Condition, balance_alt_text, balance_figure
from widgets.presentation.text import dose_label

REVIEW_FIGURE_DOSE_NM = 10.0
RISEN_MCL1_FACTOR = 4.0
DISPLACEMENT_DOSES_NM = (0.0, 1.0, 10.0)
SELECTIVITY_DOSE_NM = 300.0


def _bcl2_balance() -> list[Condition]:
    blast = model.PROFILES["b_all"]
    dose = {"venetoclax": REVIEW_FIGURE_DOSE_NM}
    label = dose_label(REVIEW_FIGURE_DOSE_NM)
    return [
        Condition("(a) B-ALL blast, no drug", blast),
        Condition(f"(b) + venetoclax {label}", blast, dose),
        Condition(
            f"(c) MCL-1 ×{RISEN_MCL1_FACTOR:g}, + venetoclax {label}", blast.scaled(mcl1=RISEN_MCL1_FACTOR), dose
        ),
    ]


def _bim_displacement() -> list[Condition]:
    blast = model.PROFILES["b_all"]
    return [
        Condition(
            "No drug" if dose == 0 else f"Venetoclax {dose_label(dose)}", blast, {"venetoclax": dose} if dose else {}
        )
        for dose in DISPLACEMENT_DOSES_NM
    ]


def _selectivity_cost() -> list[Condition]:
    blast = model.PROFILES["mature_t_all"]
    label = dose_label(SELECTIVITY_DOSE_NM)
    return [
        Condition("(a) Mature T-ALL, no drug", blast),
        Condition(f"(b) + venetoclax {label}", blast, {"venetoclax": SELECTIVITY_DOSE_NM}),
        Condition(f"(c) + navitoclax {label}", blast, {"navitoclax": SELECTIVITY_DOSE_NM}),
    ]


FIGURES = {"bcl2_balance": _bcl2_balance, "bim_displacement": _bim_displacement, "selectivity_cost": _selectivity_cost}


def conditions(name: str) -> list[Condition]:
    """The columns of the figure called ``name`` (a key of ``FIGURES``)."""
    if name not in FIGURES:
        raise ValueError(f"name: {name!r} is not a chapter balance figure; choose one of {', '.join(FIGURES)}")
    return FIGURES[name]()


def figure(name: str):
    """The balance figure called ``name``."""
    return balance_figure(conditions(name))


def alt_text(name: str) -> str:
    """What the figure called ``name`` shows, in words, from the same numbers."""
    return balance_alt_text(conditions(name))
