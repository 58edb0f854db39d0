"""widgets.chapters.cases.evidence and the case modules' own computations, checked against
data/ read here with the csv module (not through the code under test)."""

import csv
from pathlib import Path

import pytest

from widgets import model
from widgets.chapters.cases import evidence, high_burden_posaconazole, older_adult_relapsed_b_all
from widgets.chapters.cases.etp_all_after_transplant import numbers as etp_numbers
from widgets.model import reading_guide

DATA = Path(__file__).resolve().parents[4] / "data"


def rows(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def outcome(study: str, cohort: str, endpoint: str, source: str = "text") -> dict:
    return next(
        row
        for row in rows("published_outcomes.csv")
        if (row["study_id"], row["cohort"], row["endpoint"], row["source"]) == (study, cohort, endpoint, source)
    )


def test_trial_figures_print_the_data_files_values_and_counts():
    figures = evidence.trial_figures("place2025")
    row = outcome("place2025", "all", "ORR")
    assert float(figures["place2025.all.ORR.text.value"]) == float(row["value"])
    assert figures["place2025.all.ORR.text.num"] == row["numerator"]
    assert figures["place2025.all.ORR.text.den"] == row["denominator"]
    low, high = float(figures["place2025.all.ORR.text.low"]), float(figures["place2025.all.ORR.text.high"])
    assert low < float(row["value"]) < high and figures["place2025.all.ORR.text.low"].count(".") == 1
    assert figures["ci.percent"] == "95"
    assert not any(key.startswith("aldoss2025") for key in figures)


def test_an_unknown_study_is_named():
    with pytest.raises(ValueError, match=r"\['nobody2030'\]"):
        evidence.trial_values("place2025", "nobody2030")


def test_model_numbers_name_each_run_and_class_it():
    numbers = evidence.model_numbers(
        "model.x", {"t": ("mature_t_all", "venetoclax", {}), "b": ("b_all", "venetoclax", {})}
    )
    assert set(numbers) == {"model.x.t.ic50", "model.x.t.class", "model.x.b.ic50", "model.x.b.class"}
    # The two classes follow the reading guide: mature T-ALL resists venetoclax, B-ALL does not.
    assert numbers["model.x.t.class"] == "resistant" and numbers["model.x.b.class"] == "sensitive"
    assert evidence.ic50_nM("mature_t_all", "venetoclax") > model.RESISTANT_ABOVE_NM


def test_a_drug_without_an_exposure_band_is_not_read_against_venetoclax_s():
    # Navitoclax's IC50 in mature T-ALL is above venetoclax's resistant line, yet it is shown
    # without a class: navitoclax has no band of its own.
    value = evidence.ic50_nM("mature_t_all", "navitoclax", bclxl=4.0)
    assert value > model.SENSITIVE_BELOW_NM
    assert evidence.ic50_text("mature_t_all", "navitoclax", bclxl=4.0)["class"] == reading_guide.NO_BAND


def test_remission_and_mrd_negative_per_hundred_is_computed_from_the_data():
    cr = float(outcome("short2024", "all", "CR_CRi")["value"])
    mrd = float(outcome("short2024", "responders", "MRD_negative")["value"])
    value = int(older_adult_relapsed_b_all.numbers()["case.remission_and_mrd_negative_per_hundred"])
    assert abs(value - cr * mrd / 100) <= 0.5


def test_transplant_share_of_complete_remissions():
    bridged = float(outcome("agrawal2025", "responders", "bridged_to_transplant")["value"])
    in_cr = float(outcome("agrawal2025", "all", "CR")["numerator"])
    assert float(etp_numbers()["case.transplant_share_of_cr"]) == pytest.approx(100 * bridged / in_cr, abs=0.05)


def test_the_case_labs_are_counted_against_the_criteria_file():
    criteria = {
        row["analyte"]: row
        for row in rows("tls_laboratory_criteria.csv")
        if row["definition"] == "howard_2011" and row["population"] in ("adults", "all")
    }
    beyond = [
        name
        for name, value in high_burden_posaconazole.CASE_LABS.items()
        if (
            value > float(criteria[name]["threshold"])
            if criteria[name]["comparison"] == ">"
            else value < float(criteria[name]["threshold"])
        )
    ]
    numbers = high_burden_posaconazole.numbers()
    assert numbers["case.abnormal_count"] == str(len(beyond))
    assert sorted(
        high_burden_posaconazole.abnormal_labs(
            high_burden_posaconazole.CASE_LABS, high_burden_posaconazole.adult_thresholds()
        )
    ) == sorted(beyond)


def test_abnormal_labs_refuses_an_analyte_without_a_threshold():
    with pytest.raises(ValueError, match=r"no threshold for \['sodium'\]"):
        high_burden_posaconazole.abnormal_labs({"sodium": 140.0}, high_burden_posaconazole.adult_thresholds())


def test_the_same_dose_fold_scales_the_label_ratio_by_the_doses():
    study = next(
        row for row in rows("venetoclax_interaction_studies.csv") if row["study_id"] == "posaconazole_100mg_label"
    )
    expected = (
        float(study["auc_ratio"]) * float(study["venetoclax_alone_mg"]) / float(study["venetoclax_with_inhibitor_mg"])
    )
    assert float(high_burden_posaconazole.numbers()["label.posaconazole.same_dose_fold"]) == pytest.approx(
        expected, abs=0.005
    )
