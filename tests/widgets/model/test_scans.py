"""widgets.model.scans: IC50 shifts and dose-response curves are the model's own numbers."""

import numpy as np
import pytest

from widgets import model
from widgets.model import scans

CELLS = 200
B_ALL = model.PROFILES["b_all"]


@pytest.fixture(scope="module")
def mcl1_table():
    return scans.ic50_shift_table(B_ALL, "mcl1", ["venetoclax", "venetoclax_s63845"], cells=CELLS)


def test_shift_table_holds_the_model_ic50_of_each_changed_profile(mcl1_table):
    assert list(mcl1_table.index) == list(scans.LEVEL_FACTORS)
    assert list(mcl1_table.columns) == ["venetoclax", "venetoclax_s63845"]
    assert mcl1_table.loc[4.0, "venetoclax"] == model.ic50(B_ALL.scaled(mcl1=4.0), "venetoclax", cells=CELLS)
    regimen = model.REGIMENS["venetoclax_s63845"]
    assert mcl1_table.loc[0.5, "venetoclax_s63845"] == model.ic50(
        B_ALL.scaled(mcl1=0.5), regimen.drug, cells=CELLS, **regimen.options()
    )


def test_more_mcl1_never_lowers_the_venetoclax_ic50(mcl1_table):
    values = mcl1_table["venetoclax"].to_numpy()
    assert (np.diff(values) >= 0).all()
    assert values[-1] > 1000 * values[2], "raising MCL-1 should shift the IC50 by orders of magnitude"


def test_fold_shift_is_relative_to_the_unchanged_profile(mcl1_table):
    folds = scans.fold_shift(mcl1_table)
    assert (folds.loc[1.0] == 1.0).all()
    assert folds.loc[4.0, "venetoclax"] == pytest.approx(
        mcl1_table.loc[4.0, "venetoclax"] / mcl1_table.loc[1.0, "venetoclax"]
    )
    with pytest.raises(ValueError, match="factor 1"):
        scans.fold_shift(mcl1_table.drop(index=1.0))


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="protein"):
        scans.ic50_shift_table(B_ALL, "bim", ["venetoclax"], cells=CELLS)
    with pytest.raises(ValueError, match="regimen"):
        scans.ic50_shift_table(B_ALL, "mcl1", ["aspirin"], cells=CELLS)
    with pytest.raises(ValueError, match="factors"):
        scans.ic50_shift_table(B_ALL, "mcl1", ["venetoclax"], [0.0], cells=CELLS)
    with pytest.raises(ValueError, match="regimen_keys"):
        scans.regimen_curves(B_ALL, [], cells=CELLS)


def test_regimens_with_the_same_effect_share_one_curve():
    curves = scans.regimen_curves(
        model.PROFILES["mcl1_resistant"],
        ["venetoclax", "venetoclax_asparaginase", "venetoclax_homoharringtonine"],
        cells=CELLS,
    )
    assert [curve.regimen_keys for curve in curves] == [
        ("venetoclax",),
        ("venetoclax_asparaginase", "venetoclax_homoharringtonine"),
    ]
    assert curves[1].label == "Venetoclax + asparaginase\nor homoharringtonine\n(same in the model)"
    regimen = model.REGIMENS["venetoclax_asparaginase"]
    expected = model.dose_response(
        model.PROFILES["mcl1_resistant"], "venetoclax", scans.CURVE_DOSES_NM, cells=CELLS, **regimen.options()
    )
    np.testing.assert_array_equal(curves[1].fraction_apoptotic, expected)
    assert curves[1].ic50_nM == model.ic50(
        model.PROFILES["mcl1_resistant"], "venetoclax", cells=CELLS, **regimen.options()
    )
    assert curves[1].ic50_nM < curves[0].ic50_nM


def test_different_regimens_keep_their_own_curves():
    curves = scans.regimen_curves(B_ALL, ["venetoclax", "venetoclax_s63845"], cells=CELLS)
    assert [curve.regimen_keys for curve in curves] == [("venetoclax",), ("venetoclax_s63845",)]
    assert curves[0].label == "Venetoclax"
