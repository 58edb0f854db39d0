"""widgets.presentation.figures.resistance: the figures draw exactly the tables and curves they are given,
and their words state the same numbers."""

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from widgets import model
from widgets.model import scans
from widgets.presentation.figures import resistance
from widgets.presentation.text import dose_label

CELLS = 200
B_ALL = model.PROFILES["b_all"]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def mcl1_table():
    return scans.ic50_shift_table(B_ALL, "mcl1", ["venetoclax", "venetoclax_s63845"], cells=CELLS)


def test_shift_figure_draws_each_ic50_and_marks_unreached_ones_open():
    table = pd.DataFrame(
        {"venetoclax": [1.0, 50.0, math.inf], "azd4320": [70.0, 80.0, 90.0]},
        index=pd.Index([0.5, 1.0, 2.0], name="factor"),
    )
    table.attrs["protein"] = "bclxl"
    ax = resistance.ic50_shift_figure({"bclxl": table}, title="Test").axes[0]
    venetoclax_line = next(line for line in ax.lines if line.get_label() == "Venetoclax")
    assert list(venetoclax_line.get_ydata()) == [1.0, 50.0, resistance.NOT_REACHED_AT_NM]
    assert venetoclax_line.get_markevery() == [0, 1]
    open_markers = [line for line in ax.lines if line.get_fillstyle() == "none" and len(line.get_xdata())]
    assert [list(line.get_xdata()) for line in open_markers] == [[2.0]]
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend[-1] == "open marker: not reached by 100 µM"
    words = {text.get_text() for text in ax.texts}
    assert {"sensitive", "intermediate", "resistant", "not reached"} <= words


def test_shift_figure_refuses_a_table_filed_under_the_wrong_protein(mcl1_table):
    with pytest.raises(ValueError, match="made for 'mcl1'"):
        resistance.ic50_shift_figure({"bclxl": mcl1_table}, title="Test")


def test_shift_words_give_every_value_and_its_class(mcl1_table):
    text = resistance.ic50_shift_alt_text({"mcl1": mcl1_table})
    assert text.startswith("Model IC50s (teaching model, not measurements).")
    value = mcl1_table.loc[4.0, "venetoclax"]
    assert f"MCL-1 ×4: {dose_label(value)} (resistant)" in text
    assert text.count("MCL-1 ×") == mcl1_table.size


def test_dose_response_figure_draws_the_curves_in_percent():
    curves = scans.regimen_curves(B_ALL, ["venetoclax", "venetoclax_s63845"], cells=CELLS)
    fig = resistance.dose_response_figure({"B-ALL": curves, "Again": curves[:1]}, drug_name="venetoclax")
    first = fig.axes[0]
    drawn = [line for line in first.lines if line.get_label().startswith("Venetoclax")]
    assert len(drawn) == 2
    np.testing.assert_allclose(drawn[0].get_ydata(), 100 * curves[0].fraction_apoptotic)
    assert drawn[0].get_label() == f"Venetoclax:\nIC50 {dose_label(curves[0].ic50_nM)}"
    assert first.get_title(loc="left") == "B-ALL" and fig.axes[1].get_title(loc="left") == "Again"
    legend = [text.get_text() for text in first.get_legend().get_texts()]
    assert legend[-1] == f"shaded: above {dose_label(model.RESISTANT_ABOVE_NM)},\nout of clinical reach"


def test_dose_response_words_follow_the_curves():
    curves = scans.regimen_curves(
        model.PROFILES["mcl1_resistant"],
        ["venetoclax", "venetoclax_asparaginase", "venetoclax_homoharringtonine"],
        cells=CELLS,
    )
    text = resistance.dose_response_alt_text({"MCL-1-driven": curves})
    assert f"Venetoclax: IC50 {dose_label(curves[0].ic50_nM)} (resistant)" in text
    assert "or homoharringtonine (same in the model)" in text and "\n" not in text


def test_each_band_word_is_written_inside_its_band():
    edges = {
        "sensitive": (0.0, model.SENSITIVE_BELOW_NM),
        "intermediate": (model.SENSITIVE_BELOW_NM, model.RESISTANT_ABOVE_NM),
        "resistant": (model.RESISTANT_ABOVE_NM, model.IC50_RANGE_NM[1]),
        "not reached": (model.IC50_RANGE_NM[1], resistance.IC50_AXIS_NM[1]),
    }
    positions = resistance.reading_guide_label_positions()
    assert [word for _, word in positions] == list(edges)
    for y, word in positions:
        low, high = edges[word]
        assert low < y < high, f"{word} written at {y} nM, outside {low}-{high} nM"
