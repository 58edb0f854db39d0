"""widgets.data.trials: the review's published studies and figures load, match the review, and every
kind of error is caught where it stands (these error cases and the property tests of
test_trial_corruptions.py cover all three clinical files, with ``widgets.data.ongoing_trials``)."""

import re

import pandas as pd
import pytest

from tests.widgets.data.corruption import copies, load_all, located_error, read_rows, with_cell
from widgets.data.bibliography import bibkeys
from widgets.data.ongoing_trials import ONGOING_TRIALS_CSV
from widgets.data.trials import (
    ENDPOINTS,
    OUTCOMES_CSV,
    REVIEW_BIBKEY,
    STUDIES_CSV,
    load_outcomes,
    load_studies,
    with_confidence_intervals,
)
from widgets.stats import clopper_pearson_interval, wilson_interval

# --- the real files --------------------------------------------------------------------

# Review (Hanbali, Kotb and Saleh 2025) reference number -> bibkey, from its reference list.
REVIEW_REFS = {
    17: "jain2019",
    18: "venugopal2021",
    19: "richardcarpentier2020",
    20: "gibson2021",
    21: "palmisiano2021",
    22: "pullarkat2021",
    23: "short2024",
    24: "cao2023",
    25: "agrawal2025",
    26: "place2025",
    27: "ravandi2024",
    28: "aldoss2025",
}


def test_one_study_per_table1_reference():
    studies = load_studies()
    assert len(studies) == 12
    assert sorted(studies["review_ref"]) == list(range(17, 29))
    assert dict(zip(studies["review_ref"], studies["bibkey"])) == REVIEW_REFS
    assert set(studies["bibkey"]) <= bibkeys() and REVIEW_BIBKEY in bibkeys()


TRANSCRIBED = {
    ("jain2019", "untreated", "ORR", "table1"): (100, "percent", 10, 10),
    ("jain2019", "untreated", "CR", "text"): (90, "percent", 9, 10),
    ("jain2019", "relapsed_refractory", "CR_CRp", "table1"): (37.5, "percent", None, None),
    ("jain2019", "untreated", "follow_up_months", "text"): (11.3, "months", None, None),
    ("venugopal2021", "all", "cohort_size", "text"): (23, "patients", None, None),
    ("venugopal2021", "relapsed_refractory", "response", "table1"): (65, "percent", None, None),
    ("richardcarpentier2020", "all", "BM_remission", "table1"): (60, "percent", None, None),
    ("richardcarpentier2020", "all", "OS_median_months", "text"): (7.7, "months", None, None),
    ("richardcarpentier2020", "all", "RFS_median_months", "text"): (4.0, "months", None, None),
    ("gibson2021", "all", "OS_median_months", "text"): (9.14, "months", None, None),
    ("palmisiano2021", "all", "MRD_negative", "table1"): (2, "patients", None, None),
    ("pullarkat2021", "all", "bridged_to_transplant_or_car_t", "table1"): (28, "percent", 13, 47),
    ("short2024", "all", "OS_1yr", "text"): (29, "percent", None, None),
    ("short2024", "responders", "MRD_negative", "text"): (45, "percent", None, None),
    ("cao2023", "all", "ORR", "text"): (88.9, "percent", 16, 18),
    ("cao2023", "all", "OS_average_months", "text"): (24.1, "months", None, None),
    ("agrawal2025", "all", "CR", "text"): (60, "percent", 3, 5),
    ("place2025", "all", "febrile_neutropenia", "text"): (55, "percent", 17, 31),
    ("place2025", "vxl", "cohort_size", "text"): (20, "patients", None, None),
    ("ravandi2024", "historical_control", "PFS_2yr", "text"): (64.1, "percent", None, None),
    ("ravandi2024", "venetoclax", "DOR_2yr", "text"): (93.6, "percent", None, None),
    ("ravandi2024", "venetoclax", "follow_up_median_months", "text"): (24.4, "months", None, None),
    ("aldoss2025", "all", "CR_CRi", "text"): (96, "percent", 23, 24),
    ("aldoss2025", "received_consolidation", "MRD_negative", "text"): (91, "percent", 20, 22),
    ("aldoss2025", "ph_like", "MRD_negative_CR_CRi", "text"): (91.7, "percent", 11, 12),
}
"""A second reading of the review, typed by hand: some of the figures of
``data/published_outcomes.csv`` entered a second time from the review's Table 1 and text,
as (study, cohort, endpoint, source) -> (value, unit, numerator, denominator). A double-entry
check of the transcription, not a result of the code under test: where the file and this
reading differ, one of the two misreads the review."""


@pytest.mark.parametrize("key, expected", TRANSCRIBED.items(), ids=lambda item: "-".join(map(str, item)))
def test_transcribed_figures_match_the_review(key, expected):
    """The file agrees with the second, hand-typed reading of the review (``TRANSCRIBED``)."""
    outcomes = load_outcomes().set_index(["study_id", "cohort", "endpoint", "source"])
    row = outcomes.loc[key]
    value, unit, numerator, denominator = expected
    assert (row["value"], row["unit"]) == (value, unit)
    assert (None if pd.isna(row["numerator"]) else row["numerator"]) == numerator
    assert (None if pd.isna(row["denominator"]) else row["denominator"]) == denominator


def _numbers(text):
    return {float(number) for number in re.findall(r"\d+(?:\.\d+)?", text)}


def test_every_number_in_a_table1_cell_is_a_table1_figure_and_back():
    """Table 1's population and outcome cells (kept verbatim) hold exactly the table1 rows' values."""
    outcomes = load_outcomes()
    for study in load_studies().itertuples():
        cell_numbers = _numbers(f"{study.population} {study.table1_primary_outcome}")
        if "two patients" in study.table1_primary_outcome:
            cell_numbers.add(2.0)
        rows = outcomes[(outcomes["study_id"] == study.study_id) & (outcomes["source"] == "table1")]
        assert set(rows["value"]) == cell_numbers, study.study_id


def test_study_n_and_cohort_sizes():
    studies = load_studies().set_index("study_id")
    assert studies.loc["aldoss2025", "n"] == 24 and studies.loc["ravandi2024", "n"] == 46
    assert pd.isna(studies.loc["jain2019", "n"]) and pd.isna(studies.loc["short2024", "n"])
    assert studies.loc["aldoss2025", "venetoclax_dose_mg"] == 400 and studies.loc["aldoss2025", "venetoclax_days"] == 14
    assert studies.loc["richardcarpentier2020", "venetoclax_dose_mg"] == 200


def test_units_fit_endpoints_and_counts_fit_values():
    outcomes = load_outcomes()
    assert all(unit in ENDPOINTS[endpoint].units for endpoint, unit in zip(outcomes["endpoint"], outcomes["unit"]))
    counted = outcomes.dropna(subset=["numerator"])
    assert (counted["unit"] == "percent").all() and counted["counts_basis"].notna().all()
    assert (abs(counted["value"] - 100 * counted["numerator"] / counted["denominator"]) <= 0.5).all()
    assert outcomes.loc[outcomes["numerator"].isna(), "counts_basis"].isna().all()


def test_confidence_intervals_where_counts_are_known():
    outcomes = with_confidence_intervals(load_outcomes(), "clopper_pearson").set_index(
        ["study_id", "cohort", "endpoint", "source"]
    )
    row = outcomes.loc[("aldoss2025", "all", "CR_CRi", "text")]
    low, high = clopper_pearson_interval(23, 24)
    assert (row["ci_low_percent"], row["ci_high_percent"]) == pytest.approx((100 * low, 100 * high))
    assert pd.isna(outcomes.loc[("short2024", "all", "CR_CRi", "text"), "ci_low_percent"])
    wilson = with_confidence_intervals(load_outcomes(), "wilson")
    assert wilson["ci_low_percent"].notna().sum() == load_outcomes()["numerator"].notna().sum()


def test_confidence_intervals_of_a_filtered_frame_stay_on_their_rows():
    outcomes = load_outcomes()
    chosen = outcomes[outcomes["study_id"] == "cao2023"]
    intervals = with_confidence_intervals(chosen, "wilson")
    assert list(intervals.index) == list(chosen.index)
    orr = intervals[(intervals["endpoint"] == "ORR") & (intervals["source"] == "text")].iloc[0]
    assert orr["ci_low_percent"] == pytest.approx(100 * wilson_interval(16, 18)[0])
    assert intervals.loc[intervals["numerator"].isna(), "ci_low_percent"].isna().all()


# --- one test per kind of error --------------------------------------------------------


def find_row(path, **cells):
    """The data row number (from 1) of the first row whose cells equal ``cells``."""
    rows = read_rows(path)
    header = rows[0]
    return next(
        number
        for number, row in enumerate(rows[1:], start=1)
        if all(row[header.index(name)] == value for name, value in cells.items())
    )


def case(file, column, text, words, reported=None, **where):
    """Set ``column`` to ``text`` in the first row matching ``where``; expect the error
    at that row in column ``reported`` (default: the edited column) with ``words``."""
    return pytest.param(file, where, column, text, reported or column, words, id=f"{file}-{column}-{words[:28]}")


def outcome_case(column, text, words, reported=None, **where):
    return case("outcomes", column, text, words, reported, **where)


def study_case(column, text, words, reported=None, **where):
    return case("studies", column, text, words, reported, **where)


def trial_case(column, text, words, reported=None, **where):
    return case("trials", column, text, words, reported, **where)


CR_CRI_TEXT = dict(study_id="aldoss2025", endpoint="CR_CRi", source="text")
ERROR_CASES = [
    outcome_case("value", "ninety", "'ninety' is not a number", **CR_CRI_TEXT),
    outcome_case("numerator", "23.5", "'23.5' is not a whole number", **CR_CRI_TEXT),
    outcome_case("endpoint", "EFS", "'EFS' is not one of", **CR_CRI_TEXT),
    outcome_case("cohort", "everyone", "'everyone' is not one of", **CR_CRI_TEXT),
    outcome_case("source", "figure2", "'figure2' is not one of table1, text", **CR_CRI_TEXT),
    outcome_case("value", "", "is blank but required", **CR_CRI_TEXT),
    outcome_case("value", "104", "104 percent is outside 0 to 100", study_id="short2024", endpoint="OS_1yr"),
    outcome_case("numerator", "25", "25 is larger than the denominator 24", **CR_CRI_TEXT),
    outcome_case("value", "90", "90% does not match 23/24 = 95.83% (allowed rounding: ±0.5)", **CR_CRI_TEXT),
    outcome_case(
        "value",
        "88.8",
        "88.8% does not match 16/18 = 88.89% (allowed rounding: ±0.05)",
        study_id="cao2023",
        endpoint="ORR",
        source="text",
    ),
    outcome_case("study_id", "aldoss2026", "'aldoss2026' is not a study of the studies file", **CR_CRI_TEXT),
    outcome_case("unit", "months", "CR_CRi is measured in percent, not months", **CR_CRI_TEXT),
    outcome_case(
        "unit",
        "percent",
        "OS_median_months is measured in months, not percent",
        study_id="short2024",
        endpoint="OS_median_months",
    ),
    outcome_case(
        "value", "2.5", "2.5 is not a whole number of patients", study_id="palmisiano2021", endpoint="MRD_negative"
    ),
    outcome_case("denominator", "", "numerator and denominator go together", **CR_CRI_TEXT),
    outcome_case("counts_basis", "", "says how the counts were read", **CR_CRI_TEXT),
    outcome_case(
        "counts_basis", "stated", "must be blank when there are no counts", study_id="short2024", endpoint="OS_1yr"
    ),
    outcome_case("note", "", "derived counts need a note", study_id="gibson2021", endpoint="CR", source="text"),
    outcome_case("disagreement", "Cao OS", "does not have the expected form", study_id="cao2023", endpoint="OS_months"),
    outcome_case(
        "value",
        "70",
        "the sources give different values (table1 75, text 70)",
        reported="disagreement",
        study_id="venugopal2021",
        endpoint="CR",
        source="text",
        cohort="frontline",
    ),
    outcome_case(
        "disagreement", "cao2023_other", "'cao2023_other' has no text row", study_id="cao2023", endpoint="OS_months"
    ),
    outcome_case("note", "", "must explain it here", study_id="cao2023", endpoint="OS_months"),
    study_case("bibkey", "nobody1999", "bibkey 'nobody1999' is not in references.bib", study_id="cao2023"),
    study_case("bibkey", "cao2023;jain2019", "holds 2 keys; a study has exactly one", study_id="cao2023"),
    study_case("review_ref", "29", "outside the allowed range 17 to 28", study_id="aldoss2025"),
    study_case("review_ref", "17", "repeats an earlier row", study_id="aldoss2025"),
    study_case("lineage", "NK", "'NK' is not one of B, T, mixed", study_id="aldoss2025"),
    study_case("n", "24a", "'24a' is not a whole number", study_id="aldoss2025"),
    study_case("n", "25", "25 is not among the cohort sizes transcribed for aldoss2025", study_id="aldoss2025"),
    study_case("population", " ", "is blank but required", study_id="aldoss2025"),
    trial_case("nct_id", "NCT0557653", "'NCT0557653' is not an NCT number", nct_id="NCT05576532"),
    trial_case("nct_id", "nct05576532", "is not an NCT number: 'NCT' followed by 8 digits", nct_id="NCT05576532"),
    trial_case("review_table", "4", "outside the allowed range 2 to 3", nct_id="NCT05576532"),
    trial_case("phase", "phase_1", "Table 3 lists phase_2 trials, not phase_1", nct_id="NCT05576532"),
    trial_case("partners", "other;menin", "'menin' is not one of", nct_id="NCT05576532"),
    trial_case("subtypes", "t_all;t_all", "lists a category twice", nct_id="NCT05576532"),
    trial_case("primary_outcome", "Safety", "must be blank for Table 3", nct_id="NCT05576532"),
    trial_case(
        "intervention_source", "intervention_column", "must be primary_outcome_column for Table 3", nct_id="NCT05576532"
    ),
    trial_case(
        "subtypes", "any_all", "differs from the other row of NCT05182385", nct_id="NCT05182385", review_table="3"
    ),
]


@pytest.mark.parametrize("file, where, column, text, reported, words", ERROR_CASES)
def test_each_kind_of_error_names_file_row_and_column(tmp_path, file, where, column, text, reported, words):
    source = {"studies": STUDIES_CSV, "outcomes": OUTCOMES_CSV, "trials": ONGOING_TRIALS_CSV}[file]
    row = find_row(source, **where)
    paths = copies(tmp_path, **{file: with_cell(read_rows(source), row, column, text)})
    with located_error(source.name, row, reported) as error:
        load_all(*paths)
    assert words in str(error.value)


def test_a_count_that_cannot_be_derived_from_a_percent_is_an_error(tmp_path):
    """30% of 1000 patients fits 295 to 305 responders: a derived count needs a unique answer."""
    row = find_row(OUTCOMES_CSV, study_id="jain2019", endpoint="ORR")
    rows = with_cell(read_rows(OUTCOMES_CSV), row, "value", "30")
    for column, text in (("numerator", "300"), ("denominator", "1000")):
        rows[row][rows[0].index(column)] = text
    studies, outcomes, _ = copies(tmp_path, outcomes=rows)
    with located_error(OUTCOMES_CSV.name, row, "numerator", match="30% of 1000 could be any of 295, 296"):
        load_outcomes(outcomes, studies)


def test_a_repeated_figure_is_an_error(tmp_path):
    rows = read_rows(OUTCOMES_CSV)
    rows.insert(5, rows[4])
    studies, outcomes, _ = copies(tmp_path, outcomes=rows)
    with located_error(OUTCOMES_CSV.name, 5, "study_id", match="repeats an earlier row"):
        load_outcomes(outcomes, studies)


def test_renaming_a_study_orphans_its_figures(tmp_path):
    row = find_row(STUDIES_CSV, study_id="gibson2021")
    studies, outcomes, _ = copies(tmp_path, studies=with_cell(read_rows(STUDIES_CSV), row, "study_id", "gibson2022"))
    orphan = find_row(OUTCOMES_CSV, study_id="gibson2021")
    with located_error(OUTCOMES_CSV.name, orphan, "study_id", match="'gibson2021' is not a study"):
        load_outcomes(outcomes, studies)
