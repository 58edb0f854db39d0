"""widgets.model.summaries: the chapters' tables come straight from the model and its constants."""

import math

from widgets import model
from widgets.model import constants, scans, summaries


def test_ic50_matrix_matches_the_model():
    matrix = scans.ic50_matrix(["b_all", "mature_t_all"], ["venetoclax", "navitoclax"], cells=200)
    assert list(matrix.index) == ["b_all", "mature_t_all"] and list(matrix.columns) == ["venetoclax", "navitoclax"]
    assert matrix.loc["b_all", "venetoclax"] == model.ic50(model.PROFILES["b_all"], "venetoclax", cells=200)


def test_selectivity_reports_the_cited_affinities():
    table = summaries.selectivity().set_index("key")
    venetoclax = model.DRUGS["venetoclax"].kd_nM
    assert table.loc["venetoclax", "drug"] == model.DRUGS["venetoclax"].name
    assert table.loc["venetoclax", "ki_bcl2_nM"] == venetoclax["bcl2"].value
    assert table.loc["venetoclax", "bclxl_over_bcl2"] == venetoclax["bclxl"].value / venetoclax["bcl2"].value
    assert math.isinf(table.loc["s63845", "ki_bcl2_nM"]) and table.loc["venetoclax", "sources"] == ("souers2013",)
    assert math.isnan(table.loc["s63845", "bclxl_over_bcl2"])


def test_the_model_tables_hold_numbers_not_text_for_the_reader():
    """Writing a number for the reader is ``widgets.presentation.model_tables``' job."""
    selectivity = summaries.selectivity()
    assert not [column for column in selectivity.columns if column.endswith("_text")]
    assert all(selectivity[f"ki_{protein}_nM"].dtype.kind == "f" for protein in model.ANTI_APOPTOTICS)
    assert "text" not in summaries.constants_catalogue().columns


def test_the_catalogue_lists_every_number_once_with_its_basis():
    catalogue = summaries.constants_catalogue()
    assert catalogue["quantity"].is_unique
    assert set(catalogue["basis"]) <= set(constants.BASES)
    threshold = catalogue.set_index("quantity").loc["Active BAX/BAK at MOMP"]
    assert threshold["value"] == constants.MOMP_THRESHOLD_NM.value and threshold["basis"] == "teaching assumption"
    bcl2 = catalogue.set_index("quantity").loc["Venetoclax Ki for BCL-2"]
    assert (bcl2["relation"], bcl2["basis"]) == (model.DRUGS["venetoclax"].kd_nM["bcl2"].relation, "bound")
    assert (~catalogue["read_in_source"]).sum() >= 1
