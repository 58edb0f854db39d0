"""widgets.presentation.figures balance, comparison, bh3 and affinity: each draws exactly the numbers it is given."""

import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from widgets import model
from widgets.model import reading_guide, summaries
from widgets.model.reading_guide import ic50_class
from widgets.presentation.figures.affinity import NO_BINDING_AT_NM, affinity_plot
from widgets.presentation.figures.balance import Condition, balance_alt_text, balance_figure
from widgets.presentation.figures.bh3 import bh3_bars
from widgets.presentation.figures.comparison import ic50_heatmap


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_balance_blocks_show_the_partition_and_the_verdict_one_under_the_other():
    b_all = model.PROFILES["b_all"]
    conditions = [Condition("untreated", b_all), Condition("venetoclax", b_all, {"venetoclax": 10.0})]
    fig = balance_figure(conditions)
    bim_axes, bax_axes = fig.axes[0::2], fig.axes[1::2]
    assert [ax.get_title(loc="left") for ax in bim_axes] == ["untreated", "venetoclax"]
    # stacked: each block's axes lie under the previous one's, at the figure's full width
    tops = [ax.get_position().y1 for ax in fig.axes]
    assert tops == sorted(tops, reverse=True) and len({round(ax.get_position().width, 6) for ax in fig.axes}) == 1
    partition = model.bim_partition(b_all)
    widths = [bar.get_width() for bar in bim_axes[0].patches]
    total = sum(partition.on_protein_nM.values()) + partition.free_nM
    assert widths[0] == pytest.approx(100 * partition.on_protein_nM["bcl2"] / total)
    assert sum(widths) == pytest.approx(100)
    verdicts = [ax.get_title(loc="left").removeprefix("Active BAX/BAK (nM): the cell ") for ax in bax_axes]
    assert verdicts == ["survives", "dies (MOMP)"]
    # the widest segment is labeled with its name and its share
    labels = [text.get_text() for text in bim_axes[0].texts]
    assert f"on BCL-2\n{widths[0]:.0f}%" in labels
    text = balance_alt_text(conditions)
    assert f"untreated: BIM {widths[0]:.0f}% on BCL-2" in text and "reaches MOMP and dies" in text


@pytest.mark.parametrize(
    "ic50_nM, word", [(1.0, "sensitive"), (100.0, "intermediate"), (5e3, "resistant"), (math.inf, "resistant")]
)
def test_reading_guide_classes(ic50_nM, word):
    assert ic50_class(ic50_nM) == word


def test_reading_guide_follows_the_free_drug_bound_of_the_label():
    """Sensitive below the free concentration the label's steady-state peak allows (2.1 ug/mL,
    868.44 g/mol, under 1% unbound: about 24 nM); resistant above ten times that."""
    assert model.SENSITIVE_BELOW_NM == pytest.approx(2.1e3 / 868.44 * 1000 * 0.01)
    assert model.RESISTANT_ABOVE_NM == pytest.approx(10 * model.SENSITIVE_BELOW_NM)


def test_heatmap_writes_value_and_class_in_every_cell():
    matrix = pd.DataFrame([[1.37, math.inf], [3500.0, 60.0]], index=["a", "b"], columns=["x", "y"])
    fig = ic50_heatmap(matrix, row_labels=["A", "B"], column_labels=["X", "Y"], drug_keys=["venetoclax"] * 2)
    texts = [text.get_text() for text in fig.axes[0].texts]
    assert texts == ["1.37 nM\nsensitive", "not reached\nresistant", "3.5 µM\nresistant", "60 nM\nintermediate"]


def test_heatmap_reads_each_drug_against_its_own_band():
    """Navitoclax has no exposure band the book could read: its IC50 is written, not classified."""
    matrix = pd.DataFrame([[1.37, 1.37]], index=["a"], columns=["x", "y"])
    fig = ic50_heatmap(matrix, row_labels=["A"], column_labels=["X", "Y"], drug_keys=["venetoclax", "navitoclax"])
    assert [text.get_text() for text in fig.axes[0].texts] == ["1.37 nM\nsensitive", "1.37 nM\nno band"]
    with pytest.raises(ValueError, match="drug_keys"):
        ic50_heatmap(matrix, row_labels=["A"], column_labels=["X", "Y"], drug_keys=["venetoclax"])


@pytest.mark.parametrize("drug_key", ["navitoclax", "azd4320", "s63845"])
def test_drugs_without_a_clinical_exposure_are_not_classified(drug_key):
    assert ic50_class(1.0, drug_key) == ic50_class(math.inf, drug_key) == reading_guide.NO_BAND
    assert not reading_guide.has_band(drug_key) and reading_guide.has_band("venetoclax")
    with pytest.raises(ValueError, match="drug_key"):
        reading_guide.has_band("aspirin")


def test_bh3_bars_show_each_peptide_and_its_reading():
    response = {"BIM": 10.0, "BIM_control": 100.0, "BAD": 95.0, "HRK": 3.0, "MS1": 6.0, "NOXA": 5.0}
    ax = bh3_bars(response, "title").axes[0]
    assert [bar.get_width() for bar in ax.patches] == list(response.values())
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert labels[1] == "BIM, high dose\n(high-dose control)" and labels[3] == "HRK\n(BCL-XL)"


def test_affinity_plot_draws_no_binding_open_at_the_edge():
    ax = affinity_plot(summaries.selectivity()).axes[0]
    s63845_bcl2 = [line for line in ax.lines if line.get_fillstyle() == "none"]
    assert s63845_bcl2 and all(line.get_xdata()[0] == NO_BINDING_AT_NM for line in s63845_bcl2)
    venetoclax_bcl2 = ax.lines[0]
    assert venetoclax_bcl2.get_xdata()[0] == model.DRUGS["venetoclax"].kd_nM["bcl2"].value


def test_each_bh3_percentage_lies_wholly_inside_its_bar_or_wholly_past_its_end():
    response = {"BIM": 10.0, "BIM_control": 100.0, "BAD": 95.0, "HRK": 76.0, "MS1": 74.0, "NOXA": 0.0}
    fig = bh3_bars(response, "title")
    ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for bar, label in zip(ax.patches, ax.texts):
        bar_box, text_box = bar.get_window_extent(renderer), label.get_window_extent(renderer)
        assert label.get_text() == f"{bar.get_width():.0f}%"
        inside = text_box.x1 <= bar_box.x1 and text_box.x0 >= bar_box.x0
        past_end = text_box.x0 >= bar_box.x1
        assert inside or past_end, label.get_text()
        assert text_box.x1 <= ax.get_window_extent(renderer).x1, label.get_text()
