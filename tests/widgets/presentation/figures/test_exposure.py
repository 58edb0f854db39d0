"""widgets.presentation.figures.exposure: the figures draw the scenario they are given, with words as well as colour."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PolyCollection

from widgets.data import prescribing
from widgets.pharmacokinetics import dosing
from widgets.presentation.figures import exposure
from widgets.presentation.text import fold_change


@pytest.fixture(scope="module")
def effects():
    return dosing.inhibitor_effects()


def test_course_figure_draws_reference_scenario_and_band(effects):
    scenario = dosing.exposure_scenario("aml_hma_3_day", "posaconazole", True, effects=effects)
    fig = exposure.exposure_course(scenario)
    top, bottom = fig.axes[:2]
    lines = {line.get_label(): line for line in top.get_lines()}
    np.testing.assert_allclose(
        lines["Labeled doses, no interacting drug"].get_ydata(), scenario.reference_course.concentration_ug_per_ml
    )
    np.testing.assert_allclose(lines["This scenario"].get_ydata(), scenario.course.concentration_ug_per_ml)
    assert lines["Labeled doses, no interacting drug"].get_linestyle() == "--"
    assert lines["Days with the inhibitor (bar)"].get_xdata() == pytest.approx([0, 42])
    assert any(isinstance(item, PolyCollection) for item in top.collections)
    assert bottom.get_yscale() == "log"
    assert f"×{scenario.auc_ratio()[-1]:.1f}" in [text.get_text() for text in bottom.texts]
    plt.close(fig)


def test_single_estimate_has_no_band_and_no_inhibitor_no_bar(effects):
    fig = exposure.exposure_course(dosing.exposure_scenario("cll_5_week", "other_strong_cyp3a", True, effects=effects))
    top = fig.axes[0]
    assert not any(isinstance(item, PolyCollection) for item in top.collections)
    bar = {line.get_label(): line for line in top.get_lines()}["Days with the inhibitor (bar)"]
    assert bar.get_xdata() == pytest.approx([35, 70])
    plt.close(fig)
    fig = exposure.exposure_course(dosing.exposure_scenario("cll_5_week", "none", False, effects=effects))
    assert [line.get_label() for line in fig.axes[0].get_lines()] == ["Labeled doses, no interacting drug"]
    plt.close(fig)


def test_alt_text_states_the_numbers(effects):
    scenario = dosing.exposure_scenario("cll_5_week", "posaconazole", False, effects=effects)
    text = exposure.exposure_alt_text(scenario, "CLL")
    assert scenario.auc_ratio()[-1] > 10  # two significant figures, as the explorer's text prints it
    assert f"{fold_change(scenario.auc_ratio()[-1])} times" in text and "from day 1" in text
    assert "range of the estimates" in text


def test_interaction_estimates_place_each_study(effects):
    studies = prescribing.load_interaction_studies()
    fig = exposure.interaction_estimates(studies, effects)
    ax = fig.axes[0]
    markers = [line for line in ax.get_lines() if line.get_marker() in ("o", "s") and len(line.get_xdata()) == 1]
    assert sorted(round(float(line.get_xdata()[0]), 2) for line in markers) == [6.4, 9.76, 10.2, 14.08, 15.2]
    labels = sorted(text.get_text() for text in ax.texts)
    assert labels == sorted(f"×{fold_change(float(line.get_xdata()[0]))}" for line in markers)
    assert ax.get_xscale() == "log"
    plt.close(fig)
