"""widgets.chapters.trial_numbers: the clinical chapters' numbers come from the data, under
the book's key scheme, as plain Python numbers."""

import pytest

from widgets.chapters import trial_numbers
from widgets.chapters.common import check_keys
from widgets.data import ongoing_trials
from widgets.data import trial_selection as selection
from widgets.stats import clopper_pearson_interval, wilson_interval


@pytest.fixture(scope="module")
def numbers(studies, outcomes):
    return {
        **trial_numbers.confidence_numbers(),
        **trial_numbers.evidence_counts(studies, outcomes),
        **trial_numbers.study_numbers(studies, outcomes),
        **trial_numbers.ongoing_numbers(ongoing_trials.load_ongoing_trials()),
    }


def test_prose_numbers_come_from_the_data(numbers, outcomes, studies):
    assert numbers["aldoss2025.ph_like.MRD_negative_CR_CRi.text.num"] == 11
    assert numbers["aldoss2025.ph_like.MRD_negative_CR_CRi.text.den"] == 12
    low, high = clopper_pearson_interval(11, 12)
    assert numbers["aldoss2025.ph_like.MRD_negative_CR_CRi.text.low"] == pytest.approx(100 * low)
    assert numbers["aldoss2025.ph_like.MRD_negative_CR_CRi.text.high"] == pytest.approx(100 * high)
    assert numbers["aldoss2025.ph_like.MRD_negative_CR_CRi.text.width"] == pytest.approx(100 * (high - low))
    wlow, whigh = wilson_interval(11, 12)
    assert numbers["aldoss2025.ph_like.MRD_negative_CR_CRi.text.wlow"] == pytest.approx(100 * wlow)
    assert numbers["aldoss2025.ph_like.MRD_negative_CR_CRi.text.whigh"] == pytest.approx(100 * whigh)
    assert numbers["studies.count"] == len(studies)
    assert numbers["disagreements.count"] == len(selection.table_text_disagreements(outcomes, studies))
    assert numbers["ongoing.unique"] == len(selection.unique_ongoing_trials())
    assert numbers["ongoing.rows"] == len(ongoing_trials.load_ongoing_trials())
    assert numbers["richardcarpentier2020.dose_mg"] == 200 and numbers["ci.percent"] == 95
    for record in outcomes.itertuples(index=False):
        assert numbers[f"{trial_numbers.outcome_key(record)}.value"] == record.value
    assert all(type(value) in (int, float) for value in numbers.values())
    check_keys(numbers)


def test_figures_without_counts_have_no_interval(numbers):
    assert "short2024.all.CR_CRi.text.value" in numbers
    assert not any(key.startswith("short2024.all.CR_CRi.text.") and not key.endswith(".value") for key in numbers)
    assert "jain2019.n" not in numbers  # Table 1 gives no n for this study


def test_ongoing_counts_per_partner_and_subtype(numbers):
    unique = selection.unique_ongoing_trials()
    assert numbers["ongoing.table2"] + numbers["ongoing.table3"] == numbers["ongoing.rows"]
    assert numbers["ongoing.rows"] - numbers["ongoing.both_tables"] == numbers["ongoing.unique"]
    for partner in ongoing_trials.TRIAL_PARTNERS:
        assert numbers[f"ongoing.partner.{partner}"] == len(selection.select_ongoing(unique, partner=partner))
    for subtype in ongoing_trials.TRIAL_SUBTYPES:
        assert numbers[f"ongoing.subtype.{subtype}"] == len(selection.select_ongoing(unique, subtype=subtype))
