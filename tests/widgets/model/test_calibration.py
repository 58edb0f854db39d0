"""Every published finding of data/model_findings.csv against the model: a row marked
``holds`` must hold, and a row marked ``known_gap`` must still fail (so that a fix updates
the file and the appendix that reports the gap). A failure names the row."""

import math

import pytest

from widgets.data.findings import load_findings
from widgets.data.prescribing import load_interaction_studies
from widgets.model import calibration
from widgets.model.cells import ic50, momp_free_bim_nM
from widgets.model.partners import PARTNERS
from widgets.model.profiles import PROFILES

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


# --- the quantities of the lesson registry ---------------------------------------------


def test_the_typical_cells_bim_is_shared_out_in_full():
    shares = [calibration.model_value(f"{place}:venetoclax@3:b_all:mcl1x2") for place in calibration.BIM_PLACES]
    assert sum(shares) == pytest.approx(100.0, rel=1e-6)
    assert calibration.model_value("bim_bcl2:venetoclax@3:b_all") < calibration.model_value(
        "bim_bcl2:venetoclax@0:b_all"
    )


def test_the_typical_cells_momp_dose_is_where_its_bax_bak_reaches_the_threshold():
    dose = calibration.model_value("momp_dose:venetoclax:etp_all")
    above = calibration.model_value(f"active_bax:venetoclax@{dose * 1.001:.6g}:etp_all")
    below = calibration.model_value(f"active_bax:venetoclax@{dose * 0.99:.6g}:etp_all")
    assert below < calibration.threshold_value("model.momp_threshold") <= above


def test_half_the_population_is_apoptotic_at_the_ic50():
    ic50 = calibration.model_value("ic50:venetoclax:kmt2a_b_all")
    assert calibration.model_value(f"apoptotic:venetoclax@{ic50 * 1.01:.6g}:kmt2a_b_all") >= 50
    assert calibration.model_value(f"apoptotic:venetoclax@{ic50 * 0.9:.6g}:kmt2a_b_all") < 50


def test_changes_add_partners_drugs_and_a_population_size():
    with_partner = calibration.model_value("ic50:venetoclax:mcl1_resistant:s63845=50")
    assert with_partner == calibration.model_value("ic50:venetoclax_s63845:mcl1_resistant")
    mcl1 = PROFILES["b_all"].mcl1 * PARTNERS["asparaginase"].scale["mcl1"]
    assert calibration.model_value("level:mcl1:b_all:+asparaginase") == pytest.approx(mcl1)
    assert calibration.model_value("level:mcl1:b_all:mcl1x2") == pytest.approx(2 * PROFILES["b_all"].mcl1)
    small = calibration.model_value("ic50:venetoclax:b_all:cells=300")
    assert small == ic50(PROFILES["b_all"], "venetoclax", cells=300)


def test_the_free_bim_a_cell_needs_falls_as_its_bax_bak_rises():
    needed = [calibration.model_value(f"level:momp_free_bim:b_all:bax_bakx{factor}") for factor in (0.5, 1, 2)]
    assert needed[0] > needed[1] > needed[2]
    assert needed[1] == pytest.approx(float(momp_free_bim_nM(PROFILES["b_all"].bax_bak)))


def test_constants_and_exposure_quantities():
    assert calibration.model_value("ki:venetoclax:bclxl") > calibration.model_value("ki:venetoclax:bcl2")
    assert calibration.model_value("pk:auc_ratio:posaconazole") > calibration.model_value("pk:auc_ratio:moderate_cyp3a")
    slower = calibration.model_value("pk:days_to_90_percent:posaconazole")
    assert slower > calibration.model_value("pk:days_to_90_percent:none")
    ketoconazole = load_interaction_studies().query("inhibitor == 'ketoconazole'")["cmax_ratio"].iloc[0]
    assert calibration.model_value("pk:single_dose_cmax_ratio:other_strong_cyp3a") == pytest.approx(
        ketoconazole, rel=0.02
    )


@pytest.mark.parametrize(
    "check, factor, holds",
    [("within", 1.1, True), ("within", 0.9, False), ("above", 0.9, True), ("below", 0.9, False), ("below", 1.1, True)],
)
def test_a_comparison_checks_its_ratio_either_way(check, factor, holds):
    """A ratio is compared with a threshold set just above or below it (``factor``); ``within``
    reads a ratio and its inverse alike."""
    quantity, reference = "ic50:navitoclax:b_all", "ic50:venetoclax:b_all"
    ratio = calibration.model_value(quantity) / calibration.model_value(reference)
    result = calibration.compare("example", quantity, reference, check, f"{ratio * factor:.6g}")
    assert result.holds is holds and result.value == pytest.approx(ratio)
    assert "example" in result.describe() and f"{ratio:.3g}" in result.describe()
    if check == "within":
        inverse = calibration.compare("example", reference, quantity, check, f"{ratio * factor:.6g}")
        assert inverse.holds is holds


@pytest.mark.parametrize(
    "quantity, word",
    [
        ("apoptotic:venetoclax:b_all", "dose"),
        ("ic50:venetoclax:b_all:+aspirin", "partner"),
        ("ic50:venetoclax:b_all:aspirin=5", "drug"),
        ("ic50:venetoclax:b_all:mcl1*2", "change"),
        ("ki:venetoclax:bcl3", "bcl2"),
        ("pk:half_life:posaconazole", "auc_ratio"),
        ("level:glue:b_all", "level"),
        ("fraction:venetoclax:b_all", "kind"),
    ],
)
def test_a_bad_lesson_quantity_is_refused_by_name(quantity, word):
    with pytest.raises(ValueError, match=word):
        calibration.model_value(quantity)
