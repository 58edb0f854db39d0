"""Chapter 04, preclinical evidence: the model's profiles against eight treatments, simulated
BH3 profiling, and the partners that lower or block MCL-1.

The heat map's treatments, the BH3 cases the exercises quote and the regimens of the
partner figure are the page's choices, named here once: the page, its numbers and the
tests of its figure descriptions (``tests/widgets/chapters/test_preclinical.py``) all read
them from this module.
"""

from __future__ import annotations

import textwrap
from functools import cache

from widgets import model
from widgets.chapters.common import PageFigures, prepare_page, reading_guide_numbers
from widgets.explorers import bh3
from widgets.model import scans
from widgets.model.regimens import S63845_PARTNER_DOSE_NM
from widgets.presentation import model_tables
from widgets.presentation.figures import resistance
from widgets.presentation.figures.comparison import ic50_heatmap
from widgets.presentation.text import dose_label, level_label

# The heat map's columns: the single drugs, then venetoclax with a partner that blocks or lowers
# MCL-1, then with the two partners of ALL regimens that the mechanism explorer leaves out.
HEATMAP_REGIMENS = (
    "venetoclax",
    "navitoclax",
    "azd4320",
    "s63845",
    "venetoclax_s63845",
    "venetoclax_asparaginase",
    "venetoclax_dexamethasone",
    "venetoclax_azacitidine",
)
# The heat map's panels, top to bottom (positions in HEATMAP_REGIMENS): the other BH3 mimetics
# alone, venetoclax alone and with an MCL-1 partner, venetoclax with the two partners of ALL
# regimens. Three columns at most, so that the text stays legible on a phone.
HEATMAP_PANELS = ((1, 2, 3), (0, 4, 5), (6, 7))
# The BH3 explorer's change that the third exercise asks for (one of ``bh3.CHANGES``).
RAISED_MCL1 = {"mcl1": 4.0}
# The BH3 profiles the exercises quote, by case key: (profile key, change of levels).
BH3_CASES = {
    **{key: (key, {}) for key in ("b_all", "etp_all", "mature_t_all", "mcl1_resistant")},
    "b_all.mcl1_x4": ("b_all", RAISED_MCL1),
}
# The partner figure: venetoclax alone and with each MCL-1 partner, in two profiles.
PARTNER_REGIMENS = ("venetoclax", "venetoclax_asparaginase", "venetoclax_homoharringtonine", "venetoclax_s63845")
PARTNER_PROFILES = ("etp_all", "mcl1_resistant")


@cache
def ic50_matrix():
    """The heat map's IC50s (nM): every named profile (rows) by ``HEATMAP_REGIMENS`` (columns)."""
    return scans.ic50_matrix(list(model.PROFILES), HEATMAP_REGIMENS)


@cache
def partner_panels():
    """The partner figure's curves, one panel per profile of ``PARTNER_PROFILES`` (by its name)."""
    return {
        model.NAMED_PROFILES[key].name: scans.regimen_curves(model.PROFILES[key], PARTNER_REGIMENS)
        for key in PARTNER_PROFILES
    }


def bh3_response(case: str) -> dict[str, float]:
    """The simulated BH3 profile (percent of cells reaching MOMP per peptide) of a key of ``BH3_CASES``."""
    profile_key, change = BH3_CASES[case]
    return model.bh3_profile(model.PROFILES[profile_key].scaled(**change))


def heatmap_column_label(key: str) -> str:
    """A heat map column's header: "Venetoclax +" above the partner, each without what the
    regimen's name adds in brackets (targets, a fixed dose the page states)."""
    name = model.REGIMENS[key].name
    if " + " in name:
        drug, partner = name.split(" + ", 1)
        return f"{drug} +\n{partner.split(' (')[0]}"
    return name.split(" (")[0]


def _heatmap():
    matrix = ic50_matrix()
    return ic50_heatmap(
        matrix,
        row_labels=[textwrap.fill(model.NAMED_PROFILES[key].name, 13) for key in matrix.index],
        column_labels=[heatmap_column_label(key) for key in matrix.columns],
        drug_keys=[model.REGIMENS[key].drug for key in matrix.columns],
        panels=HEATMAP_PANELS,
    )


# The page's figures; their alt texts are written in the notebook, and the tests check what
# they claim against the model.
FIGURES = {
    "preclinical_heatmap": _heatmap,
    "preclinical_partners": lambda: resistance.dose_response_figure(partner_panels(), drug_name="venetoclax"),
}
figure = PageFigures(FIGURES).figure


def numbers() -> dict[str, object]:
    """Every value the page glues: the reading guide, each IC50 of the heat map
    (``ic50.<profile>.<regimen>``) and their table (``tables.ic50``, Markdown), each BH3
    case (``bh3.<case>.<peptide>``), the partners' assumed factors and the S63845 dose,
    and the partner curves in words."""
    matrix = ic50_matrix()
    values = reading_guide_numbers()
    values |= {f"ic50.{profile}.{regimen}": dose_label(value) for (profile, regimen), value in matrix.stack().items()}
    for case in BH3_CASES:
        values |= {f"bh3.{case}.{peptide}": f"{percent:.0f}%" for peptide, percent in bh3_response(case).items()}
    return values | {
        "partner.asparaginase.mcl1_factor": level_label(model.PARTNERS["asparaginase"].scale["mcl1"]),
        "partner.dexamethasone.bim_factor": level_label(model.PARTNERS["dexamethasone"].scale["bim"]),
        "partner.azacitidine.mcl1_factor": level_label(model.PARTNERS["azacitidine"].scale["mcl1"]),
        "dose.s63845_partner": dose_label(S63845_PARTNER_DOSE_NM),
        "partners.curves_in_words": resistance.dose_response_alt_text(partner_panels()),
        "tables.ic50": model_tables.ic50_matrix_table(ic50_matrix()),
    }


def setup() -> None:
    prepare_page(numbers)


# The model's tables, as the page shows them.
profiles_table, partners_table = model_tables.profiles_table, model_tables.partners_table


def bh3_explorer():
    """Profiles by one-protein changes: the simulated BH3 profile."""
    return bh3.bh3_explorer()
