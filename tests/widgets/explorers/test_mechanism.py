"""widgets.explorers.mechanism: static views for every combination, live recomputation otherwise."""

import ipywidgets
import pytest

from tests.widgets.explorers.parts import controls, leaves, overlay_layers, view_at, views
from widgets import model
from widgets.explorers import mechanism, runtime, static_views
from widgets.presentation.text import dose_label


def static_controls(block):
    """The explorer's controls, each slider without the row that holds it beside its readout."""
    return [
        control.children[0] if static_views.SLIDER_CLASS in control._dom_classes else control
        for control in controls(block)
    ]


@pytest.fixture
def small_grid(monkeypatch):
    """A reduced grid keeps the test fast; the wiring is the same."""
    monkeypatch.setattr(mechanism, "LEVEL_STEPS", (0.5, 1.0, 4.0))
    monkeypatch.setattr(
        mechanism, "TREATMENTS", ("venetoclax", "venetoclax_asparaginase", "venetoclax_homoharringtonine", "azd4320")
    )


def test_static_explorer_has_a_view_per_combination(monkeypatch, small_grid):
    monkeypatch.setenv(runtime.STATIC_SITE_ENV, "1")
    block = mechanism.mechanism_explorer("mature_t_all", cells=100)
    treatment, *levels, dose = static_controls(block)
    assert isinstance(treatment, ipywidgets.Dropdown) and isinstance(dose, ipywidgets.SelectionSlider)
    assert [level.index for level in levels] == [1, 1, 1]  # levels start at ×1
    assert [level.options for level in levels] == [("×0.5", "×1", "×4")] * 3
    background, line, data, name, marker = overlay_layers(views(block))
    assert "<img" in background.value
    data_leaves = leaves(data)
    assert len(data_leaves) == 4 * 27
    # asparaginase and homoharringtonine act alike in the model: the same data widget serves both
    assert data_leaves[27:54] == data_leaves[54:81]
    assert len({id(leaf) for leaf in data_leaves}) == 3 * 27
    assert len(leaves(marker)) == len(leaves(line)) == len(mechanism.DOSE_STEPS_NM) == len(dose.options)
    # the dose's line across the lower panels is stacked beneath the data, its words above
    assert all("aria-hidden='true'" in leaf.value for leaf in leaves(line))
    assert all("Chosen dose" in leaf.value for leaf in leaves(marker))
    # ... but each menu entry has its own title, following the dropdown
    assert treatment.options == tuple(model.REGIMENS[key].name for key in mechanism.TREATMENTS)
    names = leaves(name)
    assert len(names) == len(treatment.options)
    for label, title in zip(treatment.options, names):
        assert f">{label}</text>" in title.value
        assert sum(f">{other}</text>" in title.value for other in treatment.options) == 1


def test_shared_data_layers_carry_no_treatment_name(monkeypatch, small_grid):
    monkeypatch.setenv(runtime.STATIC_SITE_ENV, "1")
    block = mechanism.mechanism_explorer("b_all", cells=100)
    _, _, data, _, _ = overlay_layers(views(block))
    shared = view_at(data, 2, 1, 1, 1).value  # homoharringtonine, every level x1
    assert "BCL-2 ×1, MCL-1 ×1, BCL-XL ×1" in shared
    assert not any(model.REGIMENS[key].name in shared for key in mechanism.TREATMENTS)


def test_the_caption_names_the_partners_that_share_a_view(monkeypatch):
    # The full menu: asparaginase, homoharringtonine and azacitidine all lower MCL-1 by one
    # assumed factor, so their views are one; the caption says so, with that factor.
    note = mechanism.alike_note()
    factor = model.PARTNERS["asparaginase"].scale["mcl1"]
    assert note == (
        f"With venetoclax, asparaginase, homoharringtonine and azacitidine are modelled alike (MCL-1 ×{factor:g}, "
        "an assumed size), so they show the same curves."
    )
    assert model.PARTNERS["azacitidine"].scale == model.PARTNERS["homoharringtonine"].scale == {"mcl1": factor}
    monkeypatch.setattr(mechanism, "TREATMENTS", ("venetoclax", "venetoclax_asparaginase", "venetoclax_mdm2"))
    assert mechanism.alike_note() == ""


def test_views_follow_the_model(monkeypatch, small_grid):
    monkeypatch.setenv(runtime.STATIC_SITE_ENV, "1")
    block = mechanism.mechanism_explorer("b_all", cells=200)
    _, _, data, _, _ = overlay_layers(views(block))
    # venetoclax; BCL-2 ×1, MCL-1 ×4, BCL-XL ×1
    venetoclax_mcl1_x4 = view_at(data, 0, 1, 2, 1).value
    expected = model.dose_scan(
        model.PROFILES["b_all"].scaled(mcl1=4.0), "venetoclax", mechanism.SCAN_DOSES_NM, cells=200
    )
    assert f"IC50 {dose_label(expected.ic50_nM)}" in venetoclax_mcl1_x4
    assert "MCL-1 ×4" in venetoclax_mcl1_x4


def test_live_explorer_recomputes_on_the_fly(monkeypatch):
    monkeypatch.delenv(runtime.STATIC_SITE_ENV, raising=False)
    block = mechanism.mechanism_explorer("b_all", cells=100)
    treatment, bcl2, mcl1, bclxl, dose = controls(block)
    assert all(isinstance(level, ipywidgets.FloatLogSlider) for level in (bcl2, mcl1, bclxl))
    assert (2**bcl2.min, 2**bcl2.max) == pytest.approx(mechanism.LEVEL_RANGE)
    _, line, data, title, marker = overlay_layers(views(block))
    before = data.value
    mcl1.value = 4.0
    assert data.value != before and "MCL-1 ×4" in data.value
    expected = model.dose_scan(
        model.PROFILES["b_all"].scaled(mcl1=4.0), "venetoclax", mechanism.SCAN_DOSES_NM, cells=100
    )
    assert f"IC50 {dose_label(expected.ic50_nM)}" in data.value
    before = line.value
    dose.value = 1000.0
    assert "1 µM" in marker.value and line.value != before
    treatment.value = "venetoclax_homoharringtonine"
    assert ">Venetoclax + homoharringtonine</text>" in title.value and "MCL-1 ×4" in data.value
    treatment.value = "azd4320"
    assert "AZD4320" in title.value and "MCL-1 ×4" in data.value


def test_every_modeled_combination_with_venetoclax_is_on_the_menu():
    combinations = {key for key in model.REGIMENS if key.startswith("venetoclax_")}
    assert {"venetoclax_azacitidine", "venetoclax_dexamethasone"} <= combinations <= set(mechanism.TREATMENTS)


def test_unknown_profile():
    with pytest.raises(ValueError, match="profile_key: 'x' is not a named profile"):
        mechanism.mechanism_explorer("x")
