"""widgets.chapters.role_of_bcl2: the numbers chapter 02's exercises quote are the model's,
and its figure's numbers are the figure's (test_figures.py checks the figure against the notebook)."""

import numpy as np
import pytest

from widgets import model
from widgets.chapters import role_of_bcl2 as page
from widgets.explorers.balance import DOSES_NM
from widgets.model.cells import active_bax_nM
from widgets.model.constants import MOMP_THRESHOLD_NM
from widgets.presentation.figures import venetoclax as balance_figures
from widgets.presentation.text import dose_label


@pytest.mark.parametrize("key", page.EXERCISE_PROFILES)
def test_the_glued_ic50_is_the_model_ic50(numbers, key):
    assert numbers[f"ic50.{key}.venetoclax"] == dose_label(model.ic50(model.PROFILES[key], "venetoclax"))


@pytest.mark.parametrize("key", page.EXERCISE_PROFILES)
def test_the_momp_step_is_the_first_explorer_step_past_the_threshold(numbers, key):
    """The solution says the typical cell "first dies" at this slider step: it is past the
    MOMP threshold there and was not at the step before."""
    steps = [dose_label(dose) for dose in DOSES_NM]
    index = steps.index(numbers[f"momp_dose.{key}"])
    scan = model.dose_scan(model.PROFILES[key], "venetoclax", DOSES_NM)
    assert scan.active_bax_nM[index] >= MOMP_THRESHOLD_NM.value
    assert index == 0 or scan.active_bax_nM[index - 1] < MOMP_THRESHOLD_NM.value


@pytest.mark.parametrize("key", ["b_all", "etp_all"])
def test_the_free_bim_needed_activates_the_threshold_amount_of_bax_bak(numbers, key):
    profile = model.PROFILES[key]
    needed = float(numbers[f"momp_free_bim.{key}"])
    assert float(active_bax_nM(profile.bax_bak, needed)) == pytest.approx(MOMP_THRESHOLD_NM.value, rel=0.05)
    assert numbers[f"profile.{key}.bax_bak"] == f"{profile.bax_bak:g}"
    assert numbers[f"profile.{key}.bim"] == f"{profile.bim:g}"


def test_the_etp_all_solution_holds_in_the_model():
    """ETP-ALL needs a higher dose, has less BAX/BAK and less BIM, and both IC50s stay in the
    guide's sensitive band; mature T-ALL's typical cell dies only above the resistant line."""
    b_all, etp_all = model.PROFILES["b_all"], model.PROFILES["etp_all"]
    assert etp_all.bax_bak < b_all.bax_bak and etp_all.bim < b_all.bim
    ic50 = {key: model.ic50(model.PROFILES[key], "venetoclax") for key in ("b_all", "etp_all")}
    assert ic50["b_all"] < ic50["etp_all"] < model.SENSITIVE_BELOW_NM
    scan = model.dose_scan(model.PROFILES["mature_t_all"], "venetoclax", DOSES_NM)
    first_death = DOSES_NM[int(np.flatnonzero(scan.active_bax_nM >= MOMP_THRESHOLD_NM.value)[0])]
    assert first_death > model.RESISTANT_ABOVE_NM


def test_the_figure_numbers_are_the_figure_conditions(numbers):
    risen = balance_figures.conditions("bcl2_balance")[2]
    assert risen.profile.mcl1 == float(numbers["factor.risen_mcl1"]) * model.PROFILES["b_all"].mcl1
    assert risen.doses == {"venetoclax": balance_figures.REVIEW_FIGURE_DOSE_NM}
    assert numbers["dose.review_figure"] == dose_label(balance_figures.REVIEW_FIGURE_DOSE_NM)
    assert numbers["dose.explorer_lowest"] == dose_label(min(DOSES_NM))


def test_unknown_figures_are_refused_with_the_choices():
    with pytest.raises(ValueError, match="bcl2_balance"):
        page.figure("figure_one")
    with pytest.raises(ValueError, match="bcl2_balance"):
        page.alt_text("figure_one")
