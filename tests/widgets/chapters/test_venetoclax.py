"""widgets.chapters.venetoclax: chapter 03's binding constants, IC50s and explorer numbers are
the model's, bounds stay bounds, and each balance figure is on one page (test_figures.py checks
the figures against the notebook)."""

import pytest

from tests.widgets.chapters.notebook_parts import markdown_text
from widgets import model
from widgets.chapters import role_of_bcl2
from widgets.chapters import venetoclax as page
from widgets.explorers import mechanism
from widgets.model.reading_guide import NO_BAND
from widgets.presentation.figures import venetoclax as balance_figures
from widgets.presentation.text import dose_label

NOTEBOOK = "03_venetoclax.ipynb"


def test_binding_constants_keep_their_bounds(numbers):
    venetoclax = model.DRUGS["venetoclax"].kd_nM
    assert numbers["ki.venetoclax.bcl2"] == f"< {venetoclax['bcl2'].value:g} nM"
    assert numbers["ki.venetoclax.bclxl"] == f"{venetoclax['bclxl'].value:g} nM"
    assert numbers["ki.venetoclax.mcl1"] == f"> {venetoclax['mcl1'].value:g} nM"
    navitoclax = model.DRUGS["navitoclax"].kd_nM["bcl2"]
    assert navitoclax.relation == "=" and navitoclax.value < 1.0 and "inside that bound" in navitoclax.note
    assert numbers["ki.navitoclax.bcl2"] == f"{navitoclax.value:g} nM"


def test_the_selectivity_ratio_is_a_lower_bound_when_the_bcl2_constant_is_an_upper_bound(numbers):
    venetoclax = model.DRUGS["venetoclax"].kd_nM
    ratio = venetoclax["bclxl"].value / venetoclax["bcl2"].value
    assert numbers["selectivity.venetoclax.bclxl_over_bcl2"] == f"> {ratio:,.0f}×"
    navitoclax = model.DRUGS["navitoclax"].kd_nM
    ratio = navitoclax["bclxl"].value / navitoclax["bcl2"].value
    assert numbers["selectivity.navitoclax.bclxl_over_bcl2"] == f"{ratio:,.0f}×"


@pytest.mark.parametrize("profile", page.IC50_PROFILES)
@pytest.mark.parametrize("drug", page.IC50_DRUGS)
def test_the_glued_ic50_is_the_model_ic50(numbers, profile, drug):
    assert numbers[f"ic50.{profile}.{drug}"] == dose_label(model.ic50(model.PROFILES[profile], drug))


def test_the_fold_is_the_ratio_of_the_two_venetoclax_ic50s_to_one_significant_figure(numbers):
    # From a thousandfold up the book prints one significant figure: a teaching model's
    # second digit carries no meaning.
    fold = model.ic50(model.PROFILES["mature_t_all"], "venetoclax") / model.ic50(model.PROFILES["b_all"], "venetoclax")
    assert fold >= 1000
    assert float(numbers["fold.venetoclax.mature_t_all_over_b_all"].replace(",", "")) == pytest.approx(fold, rel=0.5)
    assert numbers["fold.venetoclax.mature_t_all_over_b_all"] == f"{float(f'{fold:.1g}'):,.0f}"


def test_the_mature_t_all_paragraph_holds_in_the_model():
    """Venetoclax resistant in mature T-ALL and navitoclax hundreds of times lower, read as a
    number (no band of its own); venetoclax below navitoclax in B-ALL."""
    mature_t_all, b_all = model.PROFILES["mature_t_all"], model.PROFILES["b_all"]
    assert model.ic50_class(model.ic50(mature_t_all, "venetoclax")) == "resistant"
    assert model.ic50(mature_t_all, "navitoclax") * 100 < model.ic50(mature_t_all, "venetoclax")
    assert model.ic50_class(model.ic50(mature_t_all, "navitoclax"), "navitoclax") == NO_BAND
    assert "hundreds of times lower" in markdown_text(NOTEBOOK)
    assert model.ic50(b_all, "venetoclax") < model.ic50(b_all, "navitoclax")


def test_raising_bcl2_in_the_explorer_raises_the_ic50_only_without_its_bim(numbers):
    """The exercise's answer: with BIM fixed (the model-only scenario) the IC50 goes up; with
    BCL-2 and its BIM raised together it goes down."""
    assert numbers["explorer.top_step"] == f"{max(mechanism.LEVEL_STEPS):g}"
    top = max(mechanism.LEVEL_STEPS)
    b_all = model.PROFILES[page.EXPLORER_PROFILE]
    base = model.ic50(b_all, "venetoclax", cells=mechanism.EXPLORER_CELLS)
    raised = model.ic50(b_all.scaled(bcl2=top), "venetoclax", cells=mechanism.EXPLORER_CELLS)
    loaded = model.ic50(b_all.scaled(bcl2=top, bim=top), "venetoclax", cells=mechanism.EXPLORER_CELLS)
    assert loaded < base < raised
    assert (
        numbers["explorer.base.venetoclax"],
        numbers["explorer.bcl2.venetoclax"],
        numbers["explorer.bcl2_bim.venetoclax"],
    ) == (dose_label(base), dose_label(raised), dose_label(loaded))
    assert "**model-only scenario**" in markdown_text(NOTEBOOK)


def test_the_ic50_table_prints_the_glued_values(numbers):
    rows = page.ic50_table().data.splitlines()[2:]
    for row, profile in zip(rows, page.IC50_PROFILES):
        assert (
            row
            == "| "
            + " | ".join(
                [model.NAMED_PROFILES[profile].name] + [numbers[f"ic50.{profile}.{drug}"] for drug in page.IC50_DRUGS]
            )
            + " |"
        )


def test_the_selectivity_table_prints_the_glued_constants(numbers):
    venetoclax = next(row for row in page.selectivity_table().data.splitlines() if row.startswith("| Venetoclax"))
    for key in (
        "ki.venetoclax.bcl2",
        "ki.venetoclax.bclxl",
        "ki.venetoclax.mcl1",
        "selectivity.venetoclax.bclxl_over_bcl2",
    ):
        assert f"| {numbers[key]} |" in venetoclax


def test_every_balance_figure_is_on_exactly_one_of_chapters_02_and_03():
    on_pages = [*role_of_bcl2.ALT_TEXTS, *page.ALT_TEXTS]
    assert sorted(on_pages) == sorted(balance_figures.FIGURES)


def test_the_affinity_plot_has_no_model_written_alt_text():
    with pytest.raises(ValueError, match="bim_displacement"):
        page.alt_text("affinity")
