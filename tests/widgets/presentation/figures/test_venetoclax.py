"""widgets.presentation.figures.venetoclax: the chapters' balance figures show what their text says.
That each chapter stores the alt text the model gives today is checked with the chapter
modules (tests/widgets/chapters/test_figures.py)."""

import matplotlib.pyplot as plt
import pytest

from widgets import model
from widgets.presentation.figures import venetoclax
from widgets.presentation.figures.balance import DIES, SURVIVES, balance_alt_text


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def verdicts(name):
    """The verdict written over each condition's BAX/BAK bar (every second axes, from the top)."""
    fig = venetoclax.figure(name)
    titles = [ax.get_title(loc="left") for ax in fig.axes[1::2]]
    assert len(titles) == len(venetoclax.conditions(name))
    return [title.removeprefix("Active BAX/BAK (nM): the cell ") for title in titles]


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
