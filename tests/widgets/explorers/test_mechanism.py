"""widgets.explorers.mechanism: static views for every combination, live recomputation otherwise."""

import ipywidgets
import pytest

from widgets import model
from widgets.explorers import runtime, static_views
from widgets.explorers import mechanism


@pytest.fixture
def small_grid(monkeypatch):
    """A reduced grid keeps the test fast; the wiring is the same."""
    monkeypatch.setattr(mechanism, "LEVEL_STEPS", (0.5, 1.0, 4.0))
    monkeypatch.setattr(mechanism, "TREATMENTS", ("venetoclax", "venetoclax_asparaginase",
                                                  "venetoclax_homoharringtonine", "azd4320"))


def leaves(widget):
    if isinstance(widget, ipywidgets.Stack):
        return [leaf for child in widget.children for leaf in leaves(child)]
    return [widget]


def test_static_explorer_has_a_view_per_combination(monkeypatch, small_grid):
    monkeypatch.setenv(runtime.STATIC_SITE_ENV, "1")
    block = mechanism.mechanism_explorer("mature_t_all", cells=100)
    controls, views = block.children[0].children, block.children[1].children[0]
    assert [type(control).__name__ for control in controls] == ["Dropdown"] + ["SelectionSlider"] * 4
    assert [control.index for control in controls[1:4]] == [1, 1, 1]   # levels start at ×1
    background, data, marker = (cell.children[0] for cell in views.children)
    assert "<img" in background.value
    data_leaves = leaves(data)
    assert len(data_leaves) == 4 * 27
    # asparaginase and homoharringtonine act alike in the model: the same widget serves both
    assert data_leaves[27:54] == data_leaves[54:81]
    assert len({id(leaf) for leaf in data_leaves}) == 3 * 27
    assert len(leaves(marker)) == len(mechanism.DOSE_STEPS_NM)
    assert static_views.CONTROLS_CLASS in block.children[0]._dom_classes


def test_views_follow_the_model(monkeypatch, small_grid):
    monkeypatch.setenv(runtime.STATIC_SITE_ENV, "1")
    block = mechanism.mechanism_explorer("b_all", cells=200)
    data = block.children[1].children[0].children[1].children[0]
    venetoclax_mcl1_x4 = data.children[0].children[1].children[2].children[1].value
    expected = model.dose_scan(model.PROFILES["b_all"].scaled(mcl1=4.0), "venetoclax",
                               mechanism.SCAN_DOSES_NM, cells=200)
    assert f"IC50 {mechanism.dose_label(expected.ic50_nM)}" in venetoclax_mcl1_x4
    assert "MCL-1 ×4" in venetoclax_mcl1_x4


def test_live_explorer_recomputes_on_the_fly(monkeypatch):
    monkeypatch.delenv(runtime.STATIC_SITE_ENV, raising=False)
    block = mechanism.mechanism_explorer("b_all", cells=100)
    controls = block.children[0].children
    assert isinstance(controls[1], ipywidgets.FloatLogSlider)
    data = block.children[1].children[0].children[1].children[0]
    before = data.value
    controls[2].value = 4.0   # MCL-1 ×4
    assert data.value != before and "MCL-1 ×4" in data.value
    marker = block.children[1].children[0].children[2].children[0]
    controls[4].value = 1000.0
    assert "1 µM" in marker.value


def test_unknown_profile():
    with pytest.raises(ValueError, match="profile_key: 'x' is not a named profile"):
        mechanism.mechanism_explorer("x")
