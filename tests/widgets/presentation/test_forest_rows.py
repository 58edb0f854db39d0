"""widgets.presentation.forest_rows: figures become chart rows, merged where Table 1 and the
text print them alike, with their exact intervals and their words."""

from dataclasses import replace

import pytest

from widgets.data import trial_selection as selection
from widgets.presentation.forest_rows import figure_rows
from widgets.stats import clopper_pearson_interval


def find(rows, study_id, cohort, endpoint=None):
    found = [
        row
        for row in rows
        if row.study_id == study_id and row.cohort == cohort and (endpoint is None or endpoint in row.endpoints)
    ]
    assert found, (study_id, cohort, endpoint)
    return found


def test_a_figure_printed_alike_twice_is_one_row_with_its_exact_interval(response_rows):
    rows = response_rows()
    (gibson,) = find(rows, "gibson2021", "all", "CR")
    assert gibson.sources == ("table1", "text") and gibson.value == 61
    assert (gibson.numerator, gibson.denominator) == (11, 18)
    low, high = clopper_pearson_interval(11, 18)
    assert gibson.ci_low == pytest.approx(100 * low) and gibson.ci_high == pytest.approx(100 * high)
    assert "CR 61% (11/18; CI 35.7–82.7) [T1 + text]" == gibson.detail


def test_disagreeing_figures_stay_apart_and_are_marked(response_rows):
    rows = response_rows()
    jain = find(rows, "jain2019", "untreated")
    orr = next(row for row in jain if row.endpoints == ("ORR",))
    cr = next(row for row in jain if row.endpoints == ("CR",))
    assert orr.disagreement == cr.disagreement == "jain2019_untreated_response"
    assert orr.detail.startswith("≠ ORR 100% (10/10") and cr.detail.startswith("≠ CR 90% (9/10")
    short = [row for row in rows if row.study_id == "short2024" and "MRD_negative" in row.endpoints]
    assert {row.cohort for row in short} == {"responders", "not_stated"}
    assert all(row.disagreement and not row.has_counts for row in short)


def test_differently_worded_same_figures_merge_with_both_wordings(outcomes, studies):
    months = figure_rows(
        selection.select_outcomes(outcomes, studies, endpoints=selection.SURVIVAL_MONTHS_ENDPOINTS), studies
    )
    (cao,) = find(months, "cao2023", "all")
    assert cao.endpoints == ("OS_months", "OS_average_months") and cao.disagreement == "cao2023_os_statistic"
    assert cao.detail == "≠ OS 'on average' 24.1 months [text] · T1: no statistic named"
    richard = find(months, "richardcarpentier2020", "all")
    assert [row.main_endpoint for row in richard] == ["OS_median_months", "RFS_median_months"]


def test_rows_without_counts_or_denominator_say_so(response_rows):
    rows = response_rows()
    (marrow,) = find(rows, "richardcarpentier2020", "all", "BM_remission")
    assert not marrow.has_counts and marrow.plotted and "(no counts: no CI)" in marrow.detail
    (patients,) = find(rows, "palmisiano2021", "all", "MRD_negative")
    assert not patients.plotted and "(no denominator: not plotted)" in patients.detail
    assert "counts behind it not given" in marrow.description()


def test_patient_counts_agree_with_their_number(response_rows):
    """A count of patients reads "2 patients", and one patient "1 patient"."""
    (patients,) = find(response_rows(), "palmisiano2021", "all", "MRD_negative")
    assert patients.amount() == "2 patients"  # Table 1: two patients MRD negative
    assert replace(patients, value=1.0).amount() == "1 patient"


def test_rows_follow_the_review_order(outcomes, studies, response_rows):
    refs = studies.set_index("study_id")["review_ref"]
    order = [refs[row.study_id] for row in response_rows()]
    assert order == sorted(order)
    assert figure_rows(outcomes.iloc[0:0], studies) == []
