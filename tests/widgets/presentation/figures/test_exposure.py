"""widgets.presentation.figures.exposure: the figures draw the scenario they are given, with words as well as colour."""

import itertools

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PolyCollection

from widgets.data import prescribing
from widgets.explorers import exposure as explorer
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


def crossing_lines(ax, text, renderer) -> list[str]:
    """The lines of ``ax`` that pass through the box of ``text`` (sampled every pixel)."""
    box = text.get_window_extent(renderer)
    crossing = []
    for line in ax.get_lines():
        points = line.get_transform().transform(line.get_xydata())
        if len(points) < 2:
            continue
        x = np.arange(max(box.x0, points[:, 0].min()), min(box.x1, points[:, 0].max()) + 1)
        y = np.interp(x, points[:, 0], points[:, 1])
        if ((y >= box.y0) & (y <= box.y1)).any():
            crossing.append(line.get_label())
    return crossing


def test_no_curve_crosses_the_name_of_the_reference_line_in_any_explorer_view(effects):
    ramp_up, adjustments = prescribing.load_ramp_up(), prescribing.load_adjustments()
    crossed = []
    for schedule, comedication, adjusted in itertools.product(
        explorer.SCHEDULE_OPTIONS, explorer.COMEDICATION_OPTIONS, explorer.DOSE_OPTIONS
    ):
        scenario = dosing.exposure_scenario(
            schedule, comedication, adjusted, effects=effects, ramp_up=ramp_up, adjustments=adjustments
        )
        fig = exposure.exposure_course(scenario, size_in=exposure.EXPLORER_SIZE_IN)
        fig.canvas.draw()
        bottom = fig.axes[1]
        (name,) = [text for text in bottom.texts if text.get_text() == "reference"]
        assert 0.5 < name.get_position()[1] < 2, "the name sits by the line at 1"
        lines = crossing_lines(bottom, name, fig.canvas.get_renderer())
        if lines:
            crossed.append(f"{schedule}, {comedication}, adjusted={adjusted}: {lines}")
        plt.close(fig)
    assert crossed == []
