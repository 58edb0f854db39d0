"""widgets.chapters.preclinical: chapter 04's numbers are the model's, and what its figures'
alt texts and exercises claim holds in the model.

The heat map's alt text states classes (sensitive, intermediate, resistant) that the model
computes at build time; these tests recompute each stated class from the page's own
configuration (``page.HEATMAP_REGIMENS``, ``page.ic50_matrix``), so a change to the model,
the reading guide or the page's choices that makes a description wrong fails here, naming
the claim. Update the figure cell's ``mystnb.image.alt`` then."""

import math

import pytest

from tests.widgets.chapters.notebook_parts import markdown_text, stored_alt
from widgets import model
from widgets.chapters import preclinical as page
from widgets.explorers import bh3, mechanism
from widgets.model.reading_guide import NO_BAND, RESISTANT_ABOVE_NM, ic50_class
from widgets.presentation import style
from widgets.presentation.text import dose_label, level_label

NOTEBOOK = "04_preclinical.ipynb"
B_ALL_PROFILES = ["b_all", "kmt2a_b_all", "ph_like_b_all"]


@pytest.fixture(scope="module")
def heatmap_classes():
    matrix = page.ic50_matrix()
    classes = matrix.apply(lambda column: column.map(lambda value: ic50_class(value, model.REGIMENS[column.name].drug)))
    return classes, matrix


HEATMAP_CLAIMS = [
    (
        "Venetoclax is sensitive in the three B-ALL profiles and ETP-ALL",
        [(p, "venetoclax", "sensitive") for p in [*B_ALL_PROFILES, "etp_all"]],
    ),
    (
        "resistant in mature T-ALL and the MCL-1-driven profile",
        [(p, "venetoclax", "resistant") for p in ("mature_t_all", "mcl1_resistant")],
    ),
    (
        "venetoclax plus asparaginase is sensitive in the B-ALL profiles and ETP-ALL and resistant in mature T-ALL "
        "and the MCL-1-driven profile",
        [(p, "venetoclax_asparaginase", "sensitive") for p in [*B_ALL_PROFILES, "etp_all"]]
        + [(p, "venetoclax_asparaginase", "resistant") for p in ("mature_t_all", "mcl1_resistant")],
    ),
    (
        "Venetoclax plus S63845 is sensitive in every profile except mature T-ALL",
        [(p, "venetoclax_s63845", "sensitive" if p != "mature_t_all" else "resistant") for p in model.PROFILES],
    ),
    (
        "the navitoclax, AZD4320 and S63845 columns say no band",
        [(p, d, NO_BAND) for p in model.PROFILES for d in ("navitoclax", "azd4320", "s63845")],
    ),
    (
        "Venetoclax plus dexamethasone is sensitive in the B-ALL profiles and ETP-ALL, below venetoclax alone in "
        "each, and resistant in mature T-ALL and the MCL-1-driven profile",
        [(p, "venetoclax_dexamethasone", "sensitive") for p in [*B_ALL_PROFILES, "etp_all"]]
        + [(p, "venetoclax_dexamethasone", "resistant") for p in ("mature_t_all", "mcl1_resistant")],
    ),
]


@pytest.mark.parametrize("claim, cells", HEATMAP_CLAIMS, ids=[claim for claim, _ in HEATMAP_CLAIMS])
def test_heatmap_alt_text_states_the_model_classes(claim, cells, heatmap_classes):
    classes, _ = heatmap_classes
    assert claim in stored_alt(NOTEBOOK, "fig-preclinical-heatmap")
    for profile, regimen, expected in cells:
        assert classes.loc[profile, regimen] == expected, f"{claim}: {profile} x {regimen}"


def test_heatmap_alt_text_on_the_drugs_without_a_band(heatmap_classes):
    _, matrix = heatmap_classes
    alt = stored_alt(NOTEBOOK, "fig-preclinical-heatmap")
    assert "S63845 alone is not reached except in the MCL-1-driven profile" in alt
    others = [p for p in model.PROFILES if p != "mcl1_resistant"]
    assert all(math.isinf(matrix.loc[p, "s63845"]) for p in others)
    assert math.isfinite(matrix.loc["mcl1_resistant", "s63845"])
    assert (
        "Navitoclax is within tenfold of venetoclax in the B-ALL profiles and ETP-ALL, hundreds of times below it "
        "in mature T-ALL, and fails in the MCL-1-driven profile"
    ) in alt
    for p in [*B_ALL_PROFILES, "etp_all"]:
        assert matrix.loc[p, "navitoclax"] < 10 * matrix.loc[p, "venetoclax"]
    assert matrix.loc["mature_t_all", "navitoclax"] * 100 < matrix.loc["mature_t_all", "venetoclax"]
    assert matrix.loc["mcl1_resistant", "navitoclax"] > RESISTANT_ABOVE_NM
    assert (
        "AZD4320, given navitoclax's constants, has almost the same IC50s in the other five profiles and fails in "
        "the MCL-1-driven one too"
    ) in alt
    ratio = matrix.loc[others, "azd4320"] / matrix.loc[others, "navitoclax"]
    assert ratio.between(1 / 1.5, 1.5).all()
    assert matrix.loc["mcl1_resistant", "azd4320"] > RESISTANT_ABOVE_NM


def test_the_heatmap_covers_every_profile_and_the_page_treatments(heatmap_classes):
    _, matrix = heatmap_classes
    assert list(matrix.index) == list(model.PROFILES) and list(matrix.columns) == list(page.HEATMAP_REGIMENS)
    assert "Grid of six ALL profiles (rows) by eight treatments (columns), in three panels" in stored_alt(
        NOTEBOOK, "fig-preclinical-heatmap"
    )
    assert (len(matrix.index), len(matrix.columns), len(page.HEATMAP_PANELS)) == (6, 8, 3)
    assert [label for axes in page.figure("preclinical_heatmap").axes for label in _x_labels(axes)] == [
        page.heatmap_column_label(page.HEATMAP_REGIMENS[position])
        for panel in page.HEATMAP_PANELS
        for position in panel
    ]


def _x_labels(axes):
    return [label.get_text() for label in axes.get_xticklabels()]


def test_the_heatmap_text_is_legible_on_a_phone():
    """The notebook shows the figure cropped to its content, with the inline backend's padding,
    at its own size, scaled down to the width a 390 px phone gives a figure."""
    fig = page.figure("preclinical_heatmap")
    width_px = (fig.get_tightbbox(fig.canvas.get_renderer()).width + 2 * style.INLINE_PAD_IN) * fig.dpi
    texts = [text for axes in fig.axes for text in [*axes.texts, *axes.get_xticklabels(), *axes.get_yticklabels()]]
    assert len(texts) == 6 * 8 + 8 + 6 * len(page.HEATMAP_PANELS) and len(fig.texts) == 1
    smallest = min(style.phone_text_px(text.get_fontsize(), width_px) for text in [*texts, *fig.texts])
    assert smallest >= style.MIN_TEXT_PX, f"the smallest text is {smallest:.1f} CSS px on a phone"


def test_the_mechanism_explorer_offers_every_venetoclax_regimen_of_the_heat_map():
    """The prose sends the reader to the explorer to try dexamethasone and azacitidine."""
    combinations = {key for key in page.HEATMAP_REGIMENS if key.startswith("venetoclax_")}
    assert {"venetoclax_dexamethasone", "venetoclax_azacitidine"} <= combinations <= set(mechanism.TREATMENTS)
    assert "The mechanism explorer of {doc}`07_resistance` offers both partners" in markdown_text(NOTEBOOK)


def test_the_partner_claims_of_the_heatmap_prose_hold_in_the_model(heatmap_classes, numbers):
    """ "venetoclax plus azacitidine gives the same values as venetoclax plus asparaginase" (alt
    text, prose), and dexamethasone "does not make a resistant profile more sensitive than a
    BCL-2-dependent blast"; the glued factors are the partners'."""
    _, matrix = heatmap_classes
    assert "venetoclax plus azacitidine gives the same values as venetoclax plus asparaginase" in stored_alt(
        NOTEBOOK, "fig-preclinical-heatmap"
    )
    assert "Venetoclax with azacitidine repeats the asparaginase column" in markdown_text(NOTEBOOK)
    assert matrix["venetoclax_azacitidine"].equals(matrix["venetoclax_asparaginase"])
    for profile in ("mature_t_all", "mcl1_resistant"):
        assert matrix.loc[profile, "venetoclax_dexamethasone"] > matrix.loc["b_all", "venetoclax"]
        assert matrix.loc[profile, "venetoclax_azacitidine"] > matrix.loc["b_all", "venetoclax"]
    assert (matrix["venetoclax_dexamethasone"] < matrix["venetoclax"]).all()
    assert numbers["partner.dexamethasone.bim_factor"] == level_label(model.PARTNERS["dexamethasone"].scale["bim"])
    assert numbers["partner.azacitidine.mcl1_factor"] == level_label(model.PARTNERS["azacitidine"].scale["mcl1"])


def test_the_heatmap_writes_the_ic50s_the_prose_quotes(numbers):
    """Figure, table and prose come from one matrix: each cell of the drawn heat map starts
    with the glued IC50 of its profile and treatment."""
    fig = page.figure("preclinical_heatmap")
    texts = [[text.get_text().split("\n")[0] for text in axes.texts] for axes in fig.axes]
    regimens = [[page.HEATMAP_REGIMENS[position] for position in panel] for panel in page.HEATMAP_PANELS]
    expected = [[numbers[f"ic50.{p}.{regimen}"] for p in model.PROFILES for regimen in panel] for panel in regimens]
    assert texts == expected


@pytest.mark.parametrize("profile", ["b_all", "mature_t_all", "mcl1_resistant"])
def test_the_glued_ic50_is_the_model_ic50(numbers, profile):
    regimen = model.REGIMENS["venetoclax_s63845"]
    assert numbers[f"ic50.{profile}.venetoclax"] == dose_label(model.ic50(model.PROFILES[profile], "venetoclax"))
    assert numbers[f"ic50.{profile}.venetoclax_s63845"] == dose_label(
        model.ic50(model.PROFILES[profile], regimen.drug, **regimen.options())
    )


def test_the_ic50_table_in_the_dropdown_is_glued_and_prints_the_same_values(numbers):
    """The page shows the table with a ``{glue:md}`` directive, which the page-wide check of
    ``{glue:text}`` references does not read."""
    assert "```{glue:md} tables.ic50\n" in markdown_text(NOTEBOOK)
    name = model.NAMED_PROFILES["etp_all"].name
    row = next(line for line in numbers["tables.ic50"].data.splitlines() if line.startswith(f"| {name} |"))
    assert row == "| " + " | ".join([name] + [numbers[f"ic50.etp_all.{key}"] for key in page.HEATMAP_REGIMENS]) + " |"


def test_the_bh3_cases_are_views_of_the_explorer():
    """The third exercise asks the reader to pick B-ALL and "MCL-1 ×4" in the BH3 explorer."""
    assert ("MCL-1 ×4", page.RAISED_MCL1) in bh3.CHANGES
    assert all(profile in model.NAMED_PROFILES for profile, _ in page.BH3_CASES.values())


@pytest.mark.parametrize("case", list(page.BH3_CASES))
def test_the_glued_bh3_profile_is_the_model_profile(numbers, case):
    profile_key, change = page.BH3_CASES[case]
    for peptide, percent in model.bh3_profile(model.PROFILES[profile_key].scaled(**change)).items():
        assert numbers[f"bh3.{case}.{peptide}"] == f"{percent:.0f}%"


def test_the_bh3_answers_hold_in_the_model():
    """HRK kills mature T-ALL, not ETP-ALL; BAD kills ETP-ALL although BIM barely does;
    with MCL-1 x4, BAD falls and MS1 stays low."""
    response = {case: page.bh3_response(case) for case in page.BH3_CASES}
    assert response["mature_t_all"]["HRK"] > 50 > response["etp_all"]["HRK"]
    assert response["etp_all"]["BAD"] > 50 > response["etp_all"]["BIM"]
    assert response["b_all.mcl1_x4"]["BAD"] < response["b_all"]["BAD"]
    assert response["b_all.mcl1_x4"]["MS1"] < 50


def test_both_mcl1_partners_act_alike_by_the_glued_factor(numbers):
    """ "In the model, both partners act the same way: they multiply the cell's MCL-1 by ..."."""
    asparaginase, homoharringtonine = model.PARTNERS["asparaginase"], model.PARTNERS["homoharringtonine"]
    assert asparaginase.scale == homoharringtonine.scale == {"mcl1": asparaginase.scale["mcl1"]}
    assert numbers["partner.asparaginase.mcl1_factor"] == level_label(asparaginase.scale["mcl1"])
    assert numbers["dose.s63845_partner"] == dose_label(model.REGIMENS["venetoclax_s63845"].background["s63845"])


def test_the_partner_figure_alt_text_holds_in_the_model():
    """Three curves per panel (the two MCL-1-lowering partners share one); in ETP-ALL they
    rise close together in the nanomolar range, the partners to the left; in the MCL-1-driven
    state venetoclax alone needs micromolar doses, the assumed MCL-1 cut moves the curve about
    tenfold and leaves it resistant, and S63845 brings it near 1 nM."""
    alt = stored_alt(NOTEBOOK, "fig-preclinical-partners")
    assert "Top, ETP-ALL: the three curves" in alt
    etp_all, mcl1 = page.partner_panels().values()
    assert len(etp_all) == len(mcl1) == 3
    alone, *partners = etp_all
    assert all(1.0 <= curve.ic50_nM < 1e3 for curve in etp_all)
    assert all(curve.ic50_nM < alone.ic50_nM for curve in partners)
    alone, lowered, blocked = mcl1
    assert alone.ic50_nM >= 1e3 and lowered.regimen_keys == ("venetoclax_asparaginase", "venetoclax_homoharringtonine")
    assert "moves about tenfold to the left and stays in the resistant range" in alt
    assert 3 < alone.ic50_nM / lowered.ic50_nM < 30 and ic50_class(lowered.ic50_nM) == "resistant"
    assert "crosses 50 percent near 1 nanomolar, thousands of times lower" in alt
    assert 0.3 < blocked.ic50_nM < 3 and alone.ic50_nM / blocked.ic50_nM > 1e3


def test_the_curves_in_words_give_every_curve_its_ic50(numbers):
    words = numbers["partners.curves_in_words"]
    for title, curves in page.partner_panels().items():
        assert f"{title}: " in words
        assert all(f"IC50 {dose_label(curve.ic50_nM)}" in words for curve in curves)


def test_unknown_figures_are_refused_with_the_choices():
    with pytest.raises(ValueError, match="preclinical_heatmap"):
        page.figure("heatmap")
