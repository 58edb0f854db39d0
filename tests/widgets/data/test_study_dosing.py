"""widgets.data.study_dosing: the ALL studies' dosing and the pediatric dose sources load, agree
with the studies file and refuse inconsistent rows with the file, row and column."""

import pytest

from tests.widgets.data.corruption import refusal_test, rewrite
from widgets.data import trials
from widgets.data.schema import DataError
from widgets.data.study_dosing import PEDIATRIC_DOSING_CSV, STUDY_DOSING_CSV, load_pediatric_dosing, load_study_dosing


def test_every_study_has_one_dosing_row():
    dosing = load_study_dosing()
    assert sorted(dosing["study_id"]) == sorted(trials.load_studies()["study_id"])


def test_doses_and_days_agree_with_the_studies_file():
    dosing = load_study_dosing().set_index("study_id")
    studies = trials.load_studies().set_index("study_id")
    given = studies[studies["venetoclax_dose_mg"].notna()]
    assert len(given) > 0
    for study_id, study in given.iterrows():
        assert dosing.loc[study_id, "venetoclax_dose_mg"] == study["venetoclax_dose_mg"]
    assert dosing.loc["aldoss2025", "days_per_cycle"] == studies.loc["aldoss2025", "venetoclax_days"]


def test_a_study_without_a_dose_says_nothing_was_reported():
    dosing = load_study_dosing()
    blank = dosing[dosing["venetoclax_dose_mg"].isna()]
    assert set(blank["age_basis"]) == {"not_reported"}
    assert all(places == ("none",) for places in blank["reported_in"])
    reported = dosing[dosing["venetoclax_dose_mg"].notna()]
    assert all("none" not in places for places in reported["reported_in"])


def test_a_missing_study_is_refused(tmp_path):
    text = STUDY_DOSING_CSV.read_text(encoding="utf-8").splitlines()
    path = tmp_path / STUDY_DOSING_CSV.name
    path.write_text("\n".join(line for line in text if not line.startswith("cao2023,")) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"column 'study_id': no row for cao2023"):
        load_study_dosing(path)


# an unknown study; a dose that differs from the studies file; details without a dose; an unknown place
test_a_dosing_row_that_fails_a_check_is_refused = refusal_test(
    load_study_dosing,
    STUDY_DOSING_CSV,
    [
        (
            "\njain2019,",
            "\njain2018,",
            r"venetoclax_study_dosing.csv, row 1 \(file line 2\), column 'study_id': 'jain2018' is not a study",
        ),
        (
            "aldoss2025,400,",
            "aldoss2025,600,",
            r"row 12 .*'venetoclax_dose_mg': 600 differs from venetoclax_dose_mg 400",
        ),
        ("venugopal2021,,,,", "venugopal2021,,,21,", r"row 2 .*column 'days_per_cycle': is given but the dose is not"),
        (
            "adult_fixed_dose,review_text,jain2019",
            "adult_fixed_dose,review_txt,jain2019",
            r"row 1 .*column 'reported_in': 'review_txt' is not one of",
        ),
    ],
)


def test_the_pediatric_source_doses_by_body_surface_area():
    karol = load_pediatric_dosing().set_index("source_id").loc["karol2020"]
    assert karol["disease"] == "AML" and karol["dose_basis"] == "mg_per_m2"
    assert karol["recommended_dose"] in karol["dose_levels"]


def test_a_recommended_dose_outside_the_levels_is_refused(tmp_path):
    path = rewrite(tmp_path, PEDIATRIC_DOSING_CSV, ",360,primary_abstract", ",300,primary_abstract")
    with pytest.raises(DataError, match=r"row 1 .*column 'recommended_dose': 300 is not one of the levels tested"):
        load_pediatric_dosing(path)
