"""Every published finding of data/model_findings.csv against the model: a row marked
``holds`` must hold, and a row marked ``known_gap`` must still fail (so that a fix updates
the file and the appendix that reports the gap). A failure names the row."""

import math

import pytest

from widgets.data.findings import load_findings
from widgets.model import calibration

FINDINGS = list(load_findings().itertuples(index=False))


@pytest.mark.parametrize("finding", FINDINGS, ids=[finding.finding_id for finding in FINDINGS])
def test_each_finding_has_the_status_the_file_gives_it(finding):
    result = calibration.verdict(finding)
    expected = finding.status == "holds"
    assert not math.isnan(result.value), f"data/model_findings.csv, {finding.finding_id}: no value to compare"
    assert result.holds == expected, (
        f"data/model_findings.csv, {finding.finding_id} ({finding.status}): {result.describe()}"
    )


def test_the_calibration_covers_the_findings_the_model_is_built_on():
    quantities = {finding.model_quantity for finding in FINDINGS}
    for profile in ("b_all", "kmt2a_b_all", "etp_all", "mature_t_all"):
        assert f"ic50:venetoclax:{profile}" in quantities
    assert any(q.startswith("ic50:navitoclax:") for q in quantities)
    assert any(q.startswith("bh3:") for q in quantities)


def test_a_ratio_of_two_quantities_is_compared_with_its_threshold():
    b_all = calibration.model_value("ic50:venetoclax:b_all")
    raised = calibration.model_value("ic50:venetoclax:b_all:mcl1x2")
    finding = next(f for f in FINDINGS if f.finding_id == "mcl1_rise_raises_ic50")
    assert calibration.verdict(finding).value == pytest.approx(raised / b_all)


@pytest.mark.parametrize(
    "quantity, word",
    [
        ("ic50:venetoclax:no_such_profile", "profile"),
        ("ic50:aspirin:b_all", "regimen"),
        ("bh3:XYZ:b_all", "peptide"),
        ("ic50:venetoclax:b_all:gluex2", "level"),
    ],
)
def test_a_bad_quantity_is_refused_by_name(quantity, word):
    with pytest.raises(ValueError, match=word):
        calibration.model_value(quantity)
