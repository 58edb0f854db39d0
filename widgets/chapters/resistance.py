"""Chapter 07, resistance: which protein catches the BIM that venetoclax frees, and what undoes it.

The page follows BCL-2-dependent B-ALL (``PROFILE``) as one anti-apoptotic protein rises or
falls: a figure of IC50 shifts (``resistance_shift``), the mechanism explorer and its
exercises, and a balance figure of mature T-ALL against ETP-ALL (``resistance_lineage``).

Glued numbers (``numbers()``), in the book's one key scheme (``common.KEY_PATTERN``). A
*change* is a protein and the factor it is multiplied by, with ``_`` for the decimal point:
``mcl1_x4``, ``bcl2_x0_25``.

- ``ic50.<change>.<regimen>``: the model IC50 of the regimen's varied drug in the profile with
  that change, over the mechanism explorer's cells (``dose_label``): every reading the exercises
  quote (``READINGS``) and every point of the shift figure (``SHIFT_REGIMENS``, the same model
  run, so a point the prose reads off the figure equals the explorer's reading);
- ``fold.<change>.<regimen>``: that IC50 over the same regimen's IC50 at x1 (``fold_change``),
  for every change whose table holds the x1 row;
- ``shift.in_words``: every point of the shift figure in words;
- ``kd.<ligand>.<protein>``: a binding constant the model computes with (a drug's Ki, BIM's Kd;
  a bound is used as its value), as a dose; ``kd.venetoclax_g101v.bcl2`` is venetoclax's
  constant for BCL-2 carrying G101V, and ``g101v.affinity_loss`` the fold loss of affinity;
- ``partner.mdm2_inhibitor.<sensitizer>``: the NOXA and PUMA an MDM2 inhibitor adds (nM);
- ``lineage.dose``: the drug concentration of the lineage figure;
- ``cells.explorer``, ``cells.default``: cells simulated by the explorer and by the heat map
  of chapter 04;
- ``guide.*``: the IC50 reading guide (``common.reading_guide_numbers``).
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from widgets import model
from widgets.chapters.common import PageFigures, prepare_page, reading_guide_numbers
from widgets.explorers import mechanism
from widgets.model import scans
from widgets.presentation.figures.balance import Condition, balance_figure
from widgets.presentation.figures.resistance import ic50_shift_alt_text, ic50_shift_figure
from widgets.presentation.text import dose_label, fold_change

PROFILE = "b_all"
# The explorer readings the exercises quote: a protein, its factors and the regimens read.
READINGS = (
    ("mcl1", (1.0, 4.0), mechanism.TREATMENTS),
    ("bclxl", (1.0, 4.0), mechanism.TREATMENTS),
    ("bcl2", (0.25,), ("venetoclax",)),
)
# The shift figure: per protein raised or lowered, the regimens drawn (the partners that take
# that protein out of play, against venetoclax alone).
SHIFT_REGIMENS = {
    "mcl1": ("venetoclax", "venetoclax_s63845", "venetoclax_asparaginase"),
    "bclxl": ("venetoclax", "azd4320", "venetoclax_mdm2"),
}
# The lineage figure's drug concentration, a teaching choice: as in chapter 03's selectivity
# figure, a concentration at which venetoclax and a BCL-XL-blocking drug part ways in the
# BCL-XL-high mature T-ALL profile.
LINEAGE_DOSE_NM = 300.0

SHIFT_ALT = (
    "Two panels, IC50 on a log scale against the level of one protein from ×0.25 to ×8, over shaded bands"
    " labeled sensitive, intermediate, resistant and not reached, the bands of venetoclax's own exposure."
    " Top, MCL-1 raised: venetoclax alone stays sensitive up to ×2, a few-fold above ×1, and is in the "
    "resistant band by ×4; venetoclax with S63845 stays sensitive up to ×4 and rises only at ×8; venetoclax"
    " with asparaginase, whose assumed MCL-1 cut is modest, stays sensitive up to ×4, though higher than "
    "with S63845, and is resistant at ×8. Bottom, BCL-XL raised: venetoclax alone rises into the resistant "
    "band by ×4; AZD4320, which has no exposure band of its own, starts higher but rises only about fourfold"
    " from ×0.25 to ×8; venetoclax with an MDM2 inhibitor stays sensitive up to ×2 and is intermediate at ×4."
)
LINEAGE_ALT = (
    "Four blocks, one under the other, each a bar of where the typical cell's BIM sits and, below it, a bar of active "
    "BAX/BAK against the MOMP threshold. Mature T-ALL with no drug: about three quarters of BIM on BCL-XL, the "
    "rest on BCL-2 and MCL-1, none free; survives. Mature T-ALL with venetoclax: the BCL-2 share is gone, MCL-1 "
    "now holds about a quarter, almost none is free; survives. Mature T-ALL with AZD4320: BCL-XL's share falls to "
    "about an eighth, MCL-1 holds over a third and about half of BIM is free; dies. ETP-ALL with venetoclax: "
    "about two fifths of BIM free; dies."
)


def change_key(protein: str, factor: float) -> str:
    """A change as glue keys write it: ``("mcl1", 4.0)`` -> ``mcl1_x4``, ``("bcl2", 0.25)`` -> ``bcl2_x0_25``."""
    return f"{protein}_x{factor:g}".replace(".", "_")


@cache
def shift_tables() -> dict[str, pd.DataFrame]:
    """The shift figure's tables: IC50s (nM) of ``SHIFT_REGIMENS`` as each protein is multiplied
    by ``scans.LEVEL_FACTORS``."""
    return {
        protein: scans.ic50_shift_table(model.PROFILES[PROFILE], protein, keys, cells=mechanism.EXPLORER_CELLS)
        for protein, keys in SHIFT_REGIMENS.items()
    }


def reading_tables() -> list[pd.DataFrame]:
    """The IC50s (nM) of ``READINGS``, one table per protein."""
    return [
        scans.ic50_shift_table(model.PROFILES[PROFILE], protein, keys, factors, cells=mechanism.EXPLORER_CELLS)
        for protein, factors, keys in READINGS
    ]


def lineage_conditions() -> list[Condition]:
    """The lineage figure's columns: mature T-ALL untreated, with venetoclax and with AZD4320,
    and ETP-ALL with venetoclax, each drug at ``LINEAGE_DOSE_NM``."""
    t_all, etp_all = model.PROFILES["mature_t_all"], model.PROFILES["etp_all"]
    return [
        Condition("Mature T-ALL,\nno drug", t_all),
        Condition("Mature T-ALL\n+ venetoclax", t_all, {"venetoclax": LINEAGE_DOSE_NM}),
        Condition("Mature T-ALL\n+ AZD4320", t_all, {"azd4320": LINEAGE_DOSE_NM}),
        Condition("ETP-ALL\n+ venetoclax", etp_all, {"venetoclax": LINEAGE_DOSE_NM}),
    ]


FIGURES = {
    "resistance_shift": lambda: ic50_shift_figure(shift_tables(), title=model.NAMED_PROFILES[PROFILE].name),
    "resistance_lineage": lambda: balance_figure(lineage_conditions()),
}
# What each figure shows, as its cell stores it in ``mystnb.image.alt``; every class and share
# it states is checked against the model (tests/widgets/chapters/test_resistance.py).
ALT_TEXTS = {"resistance_shift": SHIFT_ALT, "resistance_lineage": LINEAGE_ALT}


_figures = PageFigures(FIGURES, ALT_TEXTS, alt_texts_are="a figure of this page")
figure, alt_text = _figures.figure, _figures.alt_text


def ic50_numbers() -> dict[str, str]:
    """``ic50.<change>.<regimen>`` and ``fold.<change>.<regimen>`` of the readings and the shift figure."""
    values = {}
    for table in [*reading_tables(), *shift_tables().values()]:
        protein = table.attrs["protein"]
        values |= {
            f"ic50.{change_key(protein, factor)}.{key}": dose_label(value)
            for (factor, key), value in table.stack().items()
        }
        if 1.0 in table.index:
            values |= {
                f"fold.{change_key(protein, factor)}.{key}": fold_change(fold)
                for (factor, key), fold in scans.fold_shift(table).stack().items()
            }
    return values


def constant_numbers() -> dict[str, str]:
    """The binding constants, the G101V loss and the MDM2 inhibitor's sensitizers the prose quotes."""
    venetoclax = model.DRUGS["venetoclax"].kd_nM
    g101v = model.BCL2_G101V_VENETOCLAX_AFFINITY_LOSS.value
    return {
        "kd.venetoclax.bcl2": dose_label(venetoclax["bcl2"].value),
        "kd.venetoclax.bclxl": dose_label(venetoclax["bclxl"].value),
        "kd.venetoclax_g101v.bcl2": dose_label(g101v * venetoclax["bcl2"].value),
        "g101v.affinity_loss": f"{g101v:g}",
        **{
            f"kd.{drug}.bclxl": dose_label(model.DRUGS[drug].kd_nM["bclxl"].value) for drug in ("navitoclax", "azd4320")
        },
        "kd.bim.bcl2": dose_label(model.BIM_KD_NM["bcl2"].value),
        **{
            f"partner.mdm2_inhibitor.{sensitizer}": f"{amount:g} nM"
            for sensitizer, amount in model.PARTNERS["mdm2_inhibitor"].add.items()
        },
    }


# The steep single doublings the calibration left in profiles other than ``PROFILE`` (known gaps of
# data/model_findings.csv), as (profile, protein) pairs.
STEEP_DOUBLINGS = (("etp_all", "mcl1"), ("ph_like_b_all", "bclxl"))


def steep_doubling_numbers() -> dict[str, str]:
    """``fold.<profile>.<protein>_x2``: how far one doubling moves the venetoclax IC50 of ``STEEP_DOUBLINGS``."""
    values = {}
    for profile_key, protein in STEEP_DOUBLINGS:
        profile = model.PROFILES[profile_key]
        fold = model.ic50(profile.scaled(**{protein: 2.0}), "venetoclax") / model.ic50(profile, "venetoclax")
        values[f"fold.{profile_key}.{change_key(protein, 2.0)}"] = fold_change(fold)
    return values


def untreated_percent(**levels: float) -> str:
    """The share of the explorer's population past MOMP with no drug at these levels, as a percentage."""
    profile = model.PROFILES[PROFILE].scaled(**levels)
    return f"{100 * model.fraction_apoptotic(profile, cells=mechanism.EXPLORER_CELLS):.0f}%"


def numbers() -> dict[str, str]:
    """Every value the page glues."""
    return (
        reading_guide_numbers()
        | ic50_numbers()
        | constant_numbers()
        | steep_doubling_numbers()
        | {
            "shift.in_words": ic50_shift_alt_text(shift_tables()),
            "lineage.dose": dose_label(LINEAGE_DOSE_NM),
            "untreated.bcl2_x0_25": untreated_percent(bcl2=0.25),
            "cells.explorer": f"{mechanism.EXPLORER_CELLS:,}",
            "cells.default": f"{model.DEFAULT_CELLS:,}",
        }
    )


def setup() -> None:
    prepare_page(numbers)


def explorer():
    """The mechanism explorer for ``PROFILE``: treatment, protein levels and dose."""
    return mechanism.mechanism_explorer(PROFILE)
