"""The alt text of the model figures in chapters 04 and 07 states classes (sensitive,
intermediate, resistant) that the model computes at build time. These tests recompute each
stated class, so a change to the model or to the reading guide that makes a description
wrong fails here, naming the claim. Update the figure cell's ``mystnb.image.alt`` then."""

import json
import math
from pathlib import Path

import pytest

from widgets import model
from widgets.explorers.mechanism import EXPLORER_CELLS
from widgets.model.scans import ic50_matrix
from widgets.model import scans
from widgets.presentation.figures import resistance
from widgets.model.reading_guide import ic50_class

CHAPTERS = Path(__file__).resolve().parents[1] / "chapters"
B_ALL_PROFILES = ["b_all", "kmt2a_b_all", "ph_like_b_all"]


def stored_alt(notebook: str, figure_name: str) -> str:
    for cell in json.loads((CHAPTERS / notebook).read_text(encoding="utf-8"))["cells"]:
        options = cell["metadata"].get("mystnb", {})
        if options.get("figure", {}).get("name") == figure_name:
            return options["image"]["alt"]
    raise AssertionError(f"{figure_name} not found in {notebook}")


@pytest.fixture(scope="module")
def heatmap_classes():
    """The classes of fig-preclinical-heatmap, computed exactly as chapter 04 does."""
    regimens = ["venetoclax", "navitoclax", "azd4320", "s63845", "venetoclax_s63845", "venetoclax_asparaginase"]
    matrix = ic50_matrix(list(model.PROFILES), regimens)
    return matrix.apply(lambda column: column.map(ic50_class)), matrix


HEATMAP_CLAIMS = [
    ("Venetoclax is sensitive in the three B-ALL profiles and ETP-ALL",
     [(p, "venetoclax", "sensitive") for p in [*B_ALL_PROFILES, "etp_all"]]),
    ("resistant in mature T-ALL and the MCL-1-driven profile",
     [(p, "venetoclax", "resistant") for p in ("mature_t_all", "mcl1_resistant")]),
    ("Navitoclax and AZD4320 are intermediate in the three B-ALL profiles and mature T-ALL and resistant in ETP-ALL",
     [(p, d, "intermediate") for p in [*B_ALL_PROFILES, "mature_t_all"] for d in ("navitoclax", "azd4320")]
     + [("etp_all", d, "resistant") for d in ("navitoclax", "azd4320")]),
    ("Venetoclax plus S63845 and venetoclax plus asparaginase are sensitive in every profile except mature T-ALL",
     [(p, d, "sensitive" if p != "mature_t_all" else "resistant") for p in model.PROFILES
      for d in ("venetoclax_s63845", "venetoclax_asparaginase")]),
]


@pytest.mark.parametrize("claim, cells", HEATMAP_CLAIMS, ids=[claim for claim, _ in HEATMAP_CLAIMS])
def test_heatmap_alt_text_states_the_model_classes(claim, cells, heatmap_classes):
    classes, _ = heatmap_classes
    assert claim in stored_alt("04_preclinical.ipynb", "fig-preclinical-heatmap")
    for profile, regimen, expected in cells:
        assert classes.loc[profile, regimen] == expected, f"{claim}: {profile} x {regimen}"


def test_heatmap_alt_text_on_s63845_alone(heatmap_classes):
    classes, matrix = heatmap_classes
    assert "S63845 alone is not reached except in the MCL-1-driven profile, where it is intermediate" in stored_alt(
        "04_preclinical.ipynb", "fig-preclinical-heatmap")
    others = [p for p in model.PROFILES if p != "mcl1_resistant"]
    assert all(math.isinf(matrix.loc[p, "s63845"]) for p in others)
    assert classes.loc["mcl1_resistant", "s63845"] == "intermediate"


@pytest.fixture(scope="module")
def shift_classes():
    """The classes of fig-resistance-shift, computed exactly as chapter 07 does."""
    regimens = {"mcl1": ["venetoclax", "venetoclax_s63845", "venetoclax_asparaginase"],
                "bclxl": ["venetoclax", "azd4320", "venetoclax_mdm2"]}
    return {protein: scans.ic50_shift_table(model.PROFILES["b_all"], protein, keys, cells=EXPLORER_CELLS)
            .apply(lambda column: column.map(ic50_class)) for protein, keys in regimens.items()}


def test_shift_alt_text_states_the_model_classes(shift_classes):
    alt = stored_alt("07_resistance.ipynb", "fig-resistance-shift")
    mcl1, bclxl = shift_classes["mcl1"], shift_classes["bclxl"]
    assert "from the sensitive band at ×1 into the resistant band by ×2" in alt
    assert mcl1.loc[1.0, "venetoclax"] == "sensitive" and mcl1.loc[2.0, "venetoclax"] == "resistant"
    assert "stay sensitive up to ×4 and rise only at ×8" in alt
    for key in ("venetoclax_s63845", "venetoclax_asparaginase"):
        assert (mcl1.loc[:4.0, key] == "sensitive").all() and mcl1.loc[8.0, key] != "sensitive"
    assert "BCL-XL raised: venetoclax alone rises into the resistant band by ×4" in alt
    assert bclxl.loc[2.0, "venetoclax"] != "resistant" and bclxl.loc[4.0, "venetoclax"] == "resistant"
    assert "AZD4320 starts higher but stays in the intermediate band at every level" in alt
    assert (bclxl["azd4320"] == "intermediate").all()
    assert "MDM2 inhibitor stays sensitive up to ×2 and is intermediate at ×4" in alt
    assert (bclxl.loc[:2.0, "venetoclax_mdm2"] == "sensitive").all()
    assert bclxl.loc[4.0, "venetoclax_mdm2"] == "intermediate"
