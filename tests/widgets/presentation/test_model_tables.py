"""widgets.presentation.model_tables: the chapters' model tables say what the model holds, with citations."""

import math

import pandas as pd
import pytest

from widgets import model
from widgets.model import scans
from widgets.presentation import model_tables


def test_selectivity_table_shows_bounds_as_bounds():
    rows = model_tables.selectivity_table().data.splitlines()
    venetoclax = next(row for row in rows if row.startswith("| Venetoclax"))
    assert "< 0.01 nM" in venetoclax and "> 444 nM" in venetoclax and "> 4,800×" in venetoclax
    assert "{cite:p}`souers2013`" in venetoclax
    navitoclax = next(row for row in rows if row.startswith("| Navitoclax"))
    assert f"| {model.DRUGS['navitoclax'].kd_nM['bcl2'].value:g} nM (assumed) |" in navitoclax


@pytest.mark.parametrize(
    "value, unit, relation, text",
    [
        (0.01, "nM", "<", "< 0.01 nM"),
        (48.0, "nM", "=", "48 nM"),
        (444.0, "nM", ">", "> 444 nM"),
        (math.inf, "nM", "=", "no binding"),
    ],
)
def test_constant_text_shows_bounds_and_no_binding(value, unit, relation, text):
    assert model_tables.constant_text(value, unit, relation) == text


def test_ki_text_reads_the_drug_constant():
    venetoclax = model.DRUGS["venetoclax"].kd_nM
    assert model_tables.ki_text("venetoclax", "bcl2") == f"< {venetoclax['bcl2'].value:g} nM"
    assert model_tables.ki_text("venetoclax", "bclxl") == f"{venetoclax['bclxl'].value:g} nM"
    assert math.isinf(model.DRUGS["s63845"].kd_nM["bcl2"].value)
    assert model_tables.ki_text("s63845", "bcl2") == "no binding"


def test_selectivity_ratio_text_turns_a_denominator_bound_around():
    """Venetoclax: a measured BCL-XL Ki over an upper-bounded BCL-2 Ki is a lower bound on
    the ratio; navitoclax and AZD4320: two values give the ratio;
    S63845 binds neither, so there is no ratio."""
    venetoclax = model.DRUGS["venetoclax"].kd_nM
    assert (venetoclax["bcl2"].relation, venetoclax["bclxl"].relation) == ("<", "=")
    assert (
        model_tables.selectivity_ratio_text("venetoclax")
        == f"> {venetoclax['bclxl'].value / venetoclax['bcl2'].value:,.0f}×"
    )
    navitoclax = model.DRUGS["navitoclax"].kd_nM
    assert (
        model_tables.selectivity_ratio_text("navitoclax")
        == f"{navitoclax['bclxl'].value / navitoclax['bcl2'].value:,.0f}×"
    )
    azd4320 = model.DRUGS["azd4320"].kd_nM
    assert model_tables.selectivity_ratio_text("azd4320") == f"{azd4320['bclxl'].value / azd4320['bcl2'].value:,.0f}×"
    assert model_tables.selectivity_ratio_text("s63845") == ""


def test_selectivity_texts_are_the_selectivity_table_cells():
    texts = model_tables.selectivity_texts()
    assert list(texts.index) == list(model.DRUGS)
    table = model_tables.selectivity_table().data
    for key, row in texts.iterrows():
        cells = [row.ki_bcl2, row.ki_bclxl, row.ki_mcl1, row.bclxl_over_bcl2]
        line = next(line for line in table.splitlines() if line.startswith(f"| {model.DRUGS[key].name} |"))
        shown = [cell.removesuffix(" (assumed)") for cell in line.split(" | ")[2:6]]
        assert shown == cells


def test_ic50_matrix_table_writes_not_reached_in_words():
    matrix = pd.DataFrame([[1.37, math.inf]], index=["b_all"], columns=["venetoclax", "s63845"])
    rows = model_tables.ic50_matrix_table(matrix).data.splitlines()
    assert rows[0] == f"| Profile | {model.REGIMENS['venetoclax'].name} | {model.REGIMENS['s63845'].name} |"
    assert rows[2] == f"| {model.NAMED_PROFILES['b_all'].name} | 1.37 nM | not reached |"
    scanned = scans.ic50_matrix(["b_all"], ["venetoclax"], cells=200)
    assert (
        model_tables.ic50_matrix_table(scanned).data
        == model_tables.ic50_table(["b_all"], ["venetoclax"], cells=200).data
    )


def test_profiles_and_partners_tables_cover_the_model():
    profiles = model_tables.profiles_table().data
    assert all(named.name in profiles for named in model.NAMED_PROFILES.values())
    partners = model_tables.partners_table().data
    assert "MCL-1 ×0.6" in partners and "NOXA +20 nM, PUMA +20 nM" in partners


def test_constants_table_flags_numbers_not_read_in_their_source():
    table = model_tables.constants_table().data
    assert "bound (quoted, not read)" in table and "teaching assumption" in table
    assert table.count("\n") + 1 == 2 + len(model.summaries.constants_catalogue())


def test_ic50_table_matches_the_model():
    table = model_tables.ic50_table(["b_all"], ["venetoclax"], cells=200).data
    expected = model_tables.dose_label(model.ic50(model.PROFILES["b_all"], "venetoclax", cells=200))
    assert table.splitlines()[2] == f"| BCL-2-dependent B-ALL | {expected} |"


def test_the_selectivity_table_marks_every_value_the_book_chose():
    rows = {line.split(" | ")[0].strip("| "): line for line in model_tables.selectivity_table().data.splitlines()[2:]}
    assert rows["Navitoclax"].count("(assumed)") == 4 and rows["AZD4320"].count("(assumed)") == 4
    assert "(assumed)" not in rows["Venetoclax"] and "(assumed)" not in rows["S63845"]
