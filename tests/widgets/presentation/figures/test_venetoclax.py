"""widgets.presentation.figures.venetoclax: the chapters' balance figures show what their text says, and the
alt text stored in each chapter notebook is the one the model gives today."""

import json
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from widgets import model
from widgets.presentation.figures import venetoclax
from widgets.presentation.figures.balance import DIES, SURVIVES, balance_alt_text

CHAPTERS = Path(__file__).resolve().parents[4] / "chapters"


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def verdicts(name):
    """The verdict written under each column of the figure."""
    fig = venetoclax.figure(name)
    columns = len(venetoclax.conditions(name))
    return [ax.get_title() for ax in fig.axes[columns:2 * columns]]


def test_review_figure_1_blast_dies_with_venetoclax_and_survives_once_mcl1_has_risen():
    assert verdicts("bcl2_balance") == [SURVIVES, DIES, SURVIVES]
    risen = venetoclax.conditions("bcl2_balance")[2]
    partition = model.bim_partition(risen.profile, risen.doses)
    assert max(partition.on_protein_nM, key=partition.on_protein_nM.get) == "mcl1"
    assert risen.profile.mcl1 == venetoclax.RISEN_MCL1_FACTOR * model.PROFILES["b_all"].mcl1


def test_rising_venetoclax_moves_bim_off_bcl2_and_sets_it_free():
    columns = venetoclax.conditions("bim_displacement")
    partitions = [model.bim_partition(column.profile, column.doses) for column in columns]
    on_bcl2 = [partition.on_protein_nM["bcl2"] for partition in partitions]
    free = [partition.free_nM for partition in partitions]
    assert on_bcl2 == sorted(on_bcl2, reverse=True) and free == sorted(free)
    assert verdicts("bim_displacement")[0] == SURVIVES and verdicts("bim_displacement")[-1] == DIES


def test_bclxl_high_blast_survives_venetoclax_but_not_navitoclax_at_the_same_dose():
    assert verdicts("selectivity_cost") == [SURVIVES, SURVIVES, DIES]
    doses = [column.doses for column in venetoclax.conditions("selectivity_cost")[1:]]
    assert doses == [{"venetoclax": venetoclax.SELECTIVITY_DOSE_NM}, {"navitoclax": venetoclax.SELECTIVITY_DOSE_NM}]


def test_alt_text_describes_every_column():
    for name in venetoclax.FIGURES:
        text = venetoclax.alt_text(name)
        assert text == balance_alt_text(venetoclax.conditions(name))
        assert all(column.title in text for column in venetoclax.conditions(name))


def test_unknown_figure_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="bcl2_balance"):
        venetoclax.conditions("figure_one")


def figure_cells():
    """(notebook, figure name, stored alt text) of every figure cell in the chapters."""
    for path in sorted(CHAPTERS.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            options = cell["metadata"].get("mystnb", {}) if cell["cell_type"] == "code" else {}
            if "figure" in options:
                yield path.name, options["figure"].get("name", ""), options.get("image", {}).get("alt", "")


@pytest.mark.parametrize("name", list(venetoclax.FIGURES))
def test_each_figure_is_in_a_chapter_with_the_alt_text_the_model_gives(name):
    """A change to the model that changes a figure must change its stored description too:
    paste the new ``venetoclax.alt_text(name)`` into the figure cell's ``mystnb.image.alt``."""
    stored = [(notebook, alt) for notebook, figure, alt in figure_cells() if figure == f"fig-{name.replace('_', '-')}"]
    assert len(stored) == 1, f"fig-{name.replace('_', '-')} should be in exactly one chapter, found {stored}"
    notebook, alt = stored[0]
    assert alt == venetoclax.alt_text(name), f"{notebook}: stale alt text for fig-{name.replace('_', '-')}"
