"""widgets.explorers.exposure: one distinct, described, cited view per combination of controls."""

import re

import pytest

from widgets.explorers import static_views
from widgets.explorers.exposure import (
    CAPTION,
    COMEDICATION_OPTIONS,
    DOSE_OPTIONS,
    SCHEDULE_OPTIONS,
    TEACHING_NOTICE,
    exposure_explorer,
    view_html,
)
from widgets.pharmacokinetics import dosing


@pytest.fixture(scope="module")
def block():
    return exposure_explorer()


def _part(block, css_class: str):
    """The one part of an explorer block that carries ``css_class`` (``static_views``)."""
    parts = [child for child in block.children if css_class in child._dom_classes]
    assert len(parts) == 1, css_class
    return parts[0]


def _views(widget):
    if widget.__class__.__name__ == "HTML":
        return [widget.value]
    return [value for child in widget.children for value in _views(child)]


def test_the_block_is_an_explorer_with_controls_above_views(block):
    assert static_views.EXPLORER_CLASS in block._dom_classes
    names = [child._dom_classes for child in block.children]
    assert names.index((static_views.CONTROLS_CLASS,)) < names.index((static_views.VIEWS_CLASS,))


def test_one_view_per_combination_all_distinct(block):
    controls = _part(block, static_views.CONTROLS_CLASS).children
    assert [len(control.options) for control in controls] == [3, 4, 2]
    values = _views(_part(block, static_views.VIEWS_CLASS))
    assert len(values) == len(SCHEDULE_OPTIONS) * len(COMEDICATION_OPTIONS) * len(DOSE_OPTIONS) == 24
    assert len(set(values)) == 24


def test_every_view_says_teaching_not_dosing_and_has_alt_text(block):
    for value in _views(_part(block, static_views.VIEWS_CLASS)):
        assert value.count("Teaching model, not dosing advice.") == 1
        alt = re.search(r'<img src="data:image/png;base64,[^"]+" alt="([^"]+)"', value)
        assert alt and len(alt.group(1)) > 80
    captions = [child.value for child in block.children if 'class="explorer-caption"' in getattr(child, "value", "")]
    # The caption says where the model is set out; it does not repeat the views' notice.
    assert len(captions) == 1 and CAPTION in captions[0] and TEACHING_NOTICE not in captions[0]


def test_view_reports_the_scenario_and_its_source_check():
    scenario = dosing.exposure_scenario("aml_hma_3_day", "posaconazole", True)
    value = view_html(scenario)
    assert f"<strong>{scenario.auc_ratio()[-1]:.1f}×</strong>" in value
    assert "not confirmed in the label text" in value
    assert "#cite-agarwal2017posaconazole" in value


def test_the_view_and_its_picture_print_the_same_fold_change():
    # The CLL ramp-up with posaconazole unchanged ends above 10 times the reference.
    value = view_html(dosing.exposure_scenario("cll_5_week", "posaconazole", False))
    in_text = re.search(r"<strong>([\d.,]+)×</strong>", value).group(1)
    in_alt = re.search(r'alt="[^"]*exposure ([\d.,]+) times the reference\.', value).group(1)
    assert float(in_text) > 10 and in_text == in_alt


def test_citation_anchors_match_sphinx_ids():
    value = view_html(dosing.exposure_scenario("aml_hma_3_day", "posaconazole", True))
    assert 'href="bibliography.html#cite-venclexta-label"' in value
    assert not any("_label" in href for href in re.findall(r'href="([^"]+)"', value))
