"""widgets.chapters.resistance: the numbers chapter 07 quotes are the model's, each figure spec
draws, and each figure's stored alt text is the module's and states what the model computes.

The alt texts state classes (sensitive, intermediate, resistant) and shares of BIM that the
model computes at build time. These tests recompute each claim from the module's own figure
specs, so a change to the model, to the reading guide or to a spec that makes a description
wrong fails here, naming the claim. Update ``ALT_TEXTS`` and the figure cell's
``mystnb.image.alt`` then."""

import math

import pytest

from tests.widgets.chapters.notebook_parts import figure_cells, figure_name, markdown_text, stored_alt
from widgets import model
from widgets.chapters import resistance as page
from widgets.explorers import mechanism
from widgets.explorers.mechanism import EXPLORER_CELLS
from widgets.model.reading_guide import NO_BAND
from widgets.presentation.text import dose_label, fold_change

NOTEBOOK = "07_resistance.ipynb"
B_ALL = model.PROFILES["b_all"]


def model_ic50(regimen_key: str, **change: float) -> float:
    regimen = model.REGIMENS[regimen_key]
    return model.ic50(B_ALL.scaled(**change), regimen.drug, cells=EXPLORER_CELLS, **regimen.options())


def test_change_keys_follow_the_key_scheme():
    assert page.change_key("mcl1", 4.0) == "mcl1_x4"
    assert page.change_key("bcl2", 0.25) == "bcl2_x0_25"


@pytest.mark.parametrize(
    "key, regimen, change",
    [
        ("ic50.mcl1_x4.venetoclax", "venetoclax", {"mcl1": 4.0}),
        ("ic50.mcl1_x4.venetoclax_s63845", "venetoclax_s63845", {"mcl1": 4.0}),
        ("ic50.bclxl_x4.venetoclax_mdm2", "venetoclax_mdm2", {"bclxl": 4.0}),
        ("ic50.bcl2_x0_25.venetoclax", "venetoclax", {"bcl2": 0.25}),
        ("ic50.mcl1_x2.venetoclax", "venetoclax", {"mcl1": 2.0}),
    ],
)
def test_a_glued_ic50_is_the_model_ic50(numbers, key, regimen, change):
    assert numbers[key] == dose_label(model_ic50(regimen, **change))


@pytest.mark.parametrize("protein, regimen", [("mcl1", "venetoclax"), ("bclxl", "venetoclax"), ("bclxl", "azd4320")])
def test_a_glued_fold_is_the_ratio_of_the_model_ic50s(numbers, protein, regimen):
    fold = model_ic50(regimen, **{protein: 4.0}) / model_ic50(regimen)
    assert numbers[f"fold.{protein}_x4.{regimen}"] == fold_change(fold)


def test_every_explorer_reading_is_glued(numbers):
    for protein, factors, regimens in page.READINGS:
        for factor in factors:
            for regimen in regimens:
                assert f"ic50.{page.change_key(protein, factor)}.{regimen}" in numbers


def test_the_constants_are_the_model_constants(numbers):
    venetoclax_bcl2 = model.DRUGS["venetoclax"].kd_nM["bcl2"].value
    loss = model.BCL2_G101V_VENETOCLAX_AFFINITY_LOSS.value
    assert numbers["kd.venetoclax_g101v.bcl2"] == dose_label(loss * venetoclax_bcl2)
    assert float(numbers["g101v.affinity_loss"]) == loss
    assert numbers["kd.bim.bcl2"] == dose_label(model.BIM_KD_NM["bcl2"].value)
    assert numbers["partner.mdm2_inhibitor.puma"] == f"{model.PARTNERS['mdm2_inhibitor'].add['puma']:g} nM"
    assert numbers["cells.explorer"] == f"{EXPLORER_CELLS:,}"


def test_the_figure_in_words_gives_every_point_of_the_shift_figure(numbers):
    words = numbers["shift.in_words"]
    for protein, table in page.shift_tables().items():
        name = model.ANTI_APOPTOTIC_NAMES[protein]
        for (factor, _), value in table.stack().items():
            assert f"{name} ×{factor:g}: {dose_label(value)}" in words


@pytest.mark.parametrize("name", list(page.FIGURES))
def test_every_figure_spec_draws(name):
    fig = page.figure(name)
    panels = [ax for ax in fig.axes if ax.has_data()]
    expected = len(page.SHIFT_REGIMENS) if name == "resistance_shift" else 2 * len(page.lineage_conditions())
    assert len(panels) == expected


def test_an_unknown_figure_is_refused():
    with pytest.raises(ValueError, match="name: 'heatmap' is not a figure of this page"):
        page.figure("heatmap")
    with pytest.raises(ValueError, match="name: 'heatmap'"):
        page.alt_text("heatmap")


def test_each_figure_cell_draws_its_spec_and_stores_its_alt_text():
    cells = figure_cells(NOTEBOOK)
    assert cells == [(f'page.figure("{name}");', figure_name(name)) for name in page.FIGURES]
    for name in page.FIGURES:
        assert stored_alt(NOTEBOOK, figure_name(name)) == page.alt_text(name), (
            f"{NOTEBOOK}: the alt text of {figure_name(name)} differs from resistance.ALT_TEXTS"
        )


# --- what the shift figure's alt text claims --------------------------------------------------


@pytest.fixture(scope="module")
def shift_classes():
    """The class of every point of fig-resistance-shift, from the tables the figure draws."""
    return {
        protein: table.apply(
            lambda column: column.map(lambda value: model.ic50_class(value, model.REGIMENS[column.name].drug))
        )
        for protein, table in page.shift_tables().items()
    }


def test_the_shift_figure_draws_the_regimens_its_alt_text_names():
    tables = page.shift_tables()
    assert {protein: tuple(table.columns) for protein, table in tables.items()} == page.SHIFT_REGIMENS
    assert all(table.attrs["protein"] == protein for protein, table in tables.items())


def test_shift_alt_text_states_the_model_classes(shift_classes):
    alt = page.alt_text("resistance_shift")
    mcl1, bclxl = shift_classes["mcl1"], shift_classes["bclxl"]
    assert "venetoclax alone stays sensitive up to ×2, a few-fold above ×1, and is in the resistant band by ×4" in alt
    assert (mcl1.loc[:2.0, "venetoclax"] == "sensitive").all() and mcl1.loc[4.0, "venetoclax"] == "resistant"
    venetoclax = page.shift_tables()["mcl1"]["venetoclax"]
    assert 2 < venetoclax.loc[2.0] / venetoclax.loc[1.0] < 10
    assert "venetoclax with S63845 stays sensitive up to ×4 and rises only at ×8" in alt
    assert (mcl1.loc[:4.0, "venetoclax_s63845"] == "sensitive").all()
    assert mcl1.loc[8.0, "venetoclax_s63845"] != "sensitive"
    assert (
        "venetoclax with asparaginase, whose assumed MCL-1 cut is modest, stays sensitive up to ×4, though higher "
        "than with S63845, and is resistant at ×8"
    ) in alt
    assert (mcl1.loc[:4.0, "venetoclax_asparaginase"] == "sensitive").all()
    assert mcl1.loc[8.0, "venetoclax_asparaginase"] == "resistant"
    mcl1_ic50 = page.shift_tables()["mcl1"]
    assert (mcl1_ic50.loc[1.0:, "venetoclax_asparaginase"] > mcl1_ic50.loc[1.0:, "venetoclax_s63845"]).all()
    assert "BCL-XL raised: venetoclax alone rises into the resistant band by ×4" in alt
    assert bclxl.loc[2.0, "venetoclax"] != "resistant" and bclxl.loc[4.0, "venetoclax"] == "resistant"
    assert "AZD4320, which has no exposure band of its own, starts higher but rises only about fourfold" in alt
    azd4320 = page.shift_tables()["bclxl"]["azd4320"]
    assert (bclxl["azd4320"] == NO_BAND).all() and 3 < azd4320.loc[8.0] / azd4320.loc[0.25] < 5
    assert "MDM2 inhibitor stays sensitive up to ×2 and is intermediate at ×4" in alt
    assert (bclxl.loc[:2.0, "venetoclax_mdm2"] == "sensitive").all()
    assert bclxl.loc[4.0, "venetoclax_mdm2"] == "intermediate"


def test_the_bclxl_exercise_names_the_dual_inhibitors_as_the_best_treatments_and_says_why():
    text = markdown_text(NOTEBOOK)
    assert "These two are the lowest of all the treatments, level with each other" in text
    assert "the profile's BCL-XL was set a little higher so that they would" in text
    raised = model.PROFILES[page.PROFILE].scaled(bclxl=4.0)
    dual = {key: model.ic50(raised, key, cells=mechanism.EXPLORER_CELLS) for key in ("navitoclax", "azd4320")}
    others = []
    for key in mechanism.TREATMENTS:
        regimen = model.REGIMENS[key]
        if key not in dual:
            others.append(model.ic50(raised, regimen.drug, cells=mechanism.EXPLORER_CELLS, **regimen.options()))
    assert max(dual.values()) < min(others)
    assert max(dual.values()) / min(dual.values()) < 1.05
    assert page.numbers()["ic50.bclxl_x4.navitoclax"] == dose_label(dual["navitoclax"])


# --- what the lineage figure's alt text claims ------------------------------------------------


def shares(partition) -> dict[str, float]:
    """Where the typical cell's BIM sits, as fractions of all its BIM."""
    total = sum(partition.on_protein_nM.values()) + partition.free_nM
    return {
        **{protein: amount / total for protein, amount in partition.on_protein_nM.items()},
        "free": partition.free_nM / total,
    }


ABOUT = 0.05  # "about three quarters": within five percentage points

LINEAGE_CLAIMS = [
    (
        "Mature T-ALL with no drug: about three quarters of BIM on BCL-XL, the rest on BCL-2 and MCL-1, none free; "
        "survives",
        0,
        lambda s, momp: math.isclose(s["bclxl"], 3 / 4, abs_tol=ABOUT) and s["free"] < 0.005 and not momp,
    ),
    (
        "Mature T-ALL with venetoclax: the BCL-2 share is gone, MCL-1 now holds about a quarter, almost none is free; "
        "survives",
        1,
        lambda s, momp: (
            s["bcl2"] < 0.005 and math.isclose(s["mcl1"], 1 / 4, abs_tol=ABOUT) and s["free"] < 0.02 and not momp
        ),
    ),
    (
        "Mature T-ALL with AZD4320: BCL-XL's share falls to about an eighth, MCL-1 holds over a third and about half "
        "of BIM is free; dies",
        2,
        lambda s, momp: (
            math.isclose(s["bclxl"], 1 / 8, abs_tol=ABOUT)
            and 1 / 3 < s["mcl1"] < 1 / 2
            and math.isclose(s["free"], 1 / 2, abs_tol=ABOUT)
            and momp
        ),
    ),
    (
        "ETP-ALL with venetoclax: about two fifths of BIM free; dies",
        3,
        lambda s, momp: math.isclose(s["free"], 2 / 5, abs_tol=ABOUT) and momp,
    ),
]


@pytest.mark.parametrize("claim, column, holds", LINEAGE_CLAIMS, ids=[claim[:40] for claim, _, _ in LINEAGE_CLAIMS])
def test_lineage_alt_text_states_the_model_balance(claim, column, holds):
    assert claim in page.alt_text("resistance_lineage")
    condition = page.lineage_conditions()[column]
    partition = model.bim_partition(condition.profile, condition.doses, partners=condition.partners)
    assert holds(shares(partition), partition.momp), claim


def test_the_lineage_figure_gives_each_drug_at_the_glued_dose(numbers):
    doses = {dose for condition in page.lineage_conditions() for dose in condition.doses.values()}
    assert [dose_label(dose) for dose in doses] == [numbers["lineage.dose"]]
