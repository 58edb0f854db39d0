"""widgets.explorers.exposure: one distinct, described, cited view per combination of controls."""

import re

import pytest

from widgets.data import prescribing as label
from widgets.explorers import static_views
from widgets.explorers.exposure import (COMEDICATION_OPTIONS, DOSE_OPTIONS, SCHEDULE_OPTIONS, TEACHING_NOTICE,
                                        cite_html, exposure_explorer, view_html)


@pytest.fixture(scope="module")
def block():
    return exposure_explorer()


def _views(widget):
    children = getattr(widget, "children", None)
    if widget.__class__.__name__ == "HTML":
        return [widget.value]
    return [value for child in children for value in _views(child)]


def test_one_view_per_combination_all_distinct(block):
    controls, views = block.children[0].children, block.children[1].children[0]
    assert [len(control.options) for control in controls] == [3, 4, 2]
    assert static_views.view_count(controls) == len(SCHEDULE_OPTIONS) * len(COMEDICATION_OPTIONS) * len(DOSE_OPTIONS) == 24
    values = _views(views)
    assert len(values) == 24 and len(set(values)) == 24


def test_every_view_says_teaching_not_dosing_and_has_alt_text(block):
    for value in _views(block.children[1].children[0]):
        assert "Teaching model, not dosing advice." in value
        alt = re.search(r'<img src="data:image/png;base64,[^"]+" alt="([^"]+)"', value)
        assert alt and len(alt.group(1)) > 80
    assert TEACHING_NOTICE in block.children[-1].value


def test_view_reports_the_scenario_and_its_source_check():
    scenario = label.exposure_scenario("aml_hma_3_day", "posaconazole", True)
    value = view_html(scenario)
    assert f"<strong>{scenario.auc_ratio()[-1]:.1f}×</strong>" in value
    assert "not confirmed in the label text" in value
    assert "#cite-agarwal2017posaconazole" in value


def test_citation_anchors_match_sphinx_ids():
    assert 'href="bibliography.html#cite-venclexta-label"' in cite_html(["venclexta_label"])
    assert "_label" not in cite_html(["venclexta_label"]).split('">')[0]
