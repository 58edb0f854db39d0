"""widgets.chapters.ph_like: chapter 06's numbers and figure are those of its one study."""

import matplotlib.pyplot as plt

from widgets.chapters import ph_like as page
from widgets.data import trial_selection as selection
from widgets.data import trials


def test_the_filter_selects_one_study_and_the_numbers_are_its_own():
    (study_id,) = selection.select_studies(trials.load_studies(), **page.B_LINEAGE)["study_id"]
    numbers = page.numbers()
    assert {key.split(".")[0] for key in numbers} == {study_id, "ci"}
    assert numbers[f"{study_id}.n"] == 24
    assert numbers[f"{study_id}.ph_like.MRD_negative_CR_CRi.text.num"] == 11


def test_rates_figure_shows_the_study_rows():
    fig = page.ph_like_rates_figure()
    texts = [text.get_text() for text in fig.texts]
    assert page.RATES_TITLE in texts
    assert any(text.startswith("Aldoss et al., 2025 · ") for text in texts)
    assert not any(text.startswith("Gibson") for text in texts)
    plt.close(fig)
