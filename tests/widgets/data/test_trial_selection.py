"""widgets.data.trial_selection: filters keep exactly the matching studies and figures, and
the derived frames (disagreements, distinct ongoing trials, partner counts) match the data."""

import pandas as pd
import pytest

from widgets.data import ongoing_trials, trials
from widgets.data import trial_selection as selection


def ids(frame):
    return set(frame["study_id"])


# --- selection -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "column, keyword", [("lineage", "lineage"), ("age_group", "age_group"), ("partner_class", "partner_class")]
)
def test_study_filters_keep_exactly_the_matching_studies(studies, column, keyword):
    for value in studies[column].unique():
        selected = selection.select_studies(studies, **{keyword: value})
        assert ids(selected) == set(studies.loc[studies[column] == value, "study_id"])


def test_known_selections(studies):
    assert ids(selection.select_studies(studies, lineage="B")) == {"aldoss2025"}
    assert ids(selection.select_studies(studies, partner_class="hma")) == {"cao2023", "agrawal2025"}
    assert ids(selection.select_studies(studies, lineage="T", setting="frontline")) == {"ravandi2024"}
    assert selection.select_studies(studies, lineage="B", partner_class="hma").empty


def test_a_setting_keeps_studies_with_cohorts_in_both_settings(studies):
    frontline = ids(selection.select_studies(studies, setting="frontline"))
    mixed = set(studies.loc[studies["setting"] == "mixed", "study_id"])
    assert mixed and mixed <= frontline
    assert frontline == set(studies.loc[studies["setting"].isin(["frontline", "mixed"]), "study_id"])


def test_a_setting_keeps_only_that_cohort_of_a_mixed_study(outcomes, studies):
    frontline = selection.select_outcomes(outcomes, studies, setting="frontline")
    relapsed = selection.select_outcomes(outcomes, studies, setting="relapsed_refractory")
    jain_front = frontline[frontline["study_id"] == "jain2019"]
    jain_relapsed = relapsed[relapsed["study_id"] == "jain2019"]
    assert set(jain_front["cohort"]) == {"untreated"}
    assert set(jain_relapsed["cohort"]) == {"relapsed_refractory"}
    # venugopal2021's whole-study cohort size belongs to neither setting alone
    assert not ((frontline["study_id"] == "venugopal2021") & (frontline["cohort"] == "all")).any()
    assert len(selection.select_outcomes(outcomes, studies)) == len(outcomes)


def test_outcome_selection_is_the_intersection_of_single_filters(outcomes, studies):
    """The explorer intersects single-filter selections; that must equal the combined filter."""
    combos = [
        dict(lineage="mixed", setting="relapsed_refractory", partner_class="low_intensity_chemo"),
        dict(setting="frontline", endpoints=("CR",)),
        dict(age_group="adult", lineage="T"),
    ]
    for combo in combos:
        together = set(selection.select_outcomes(outcomes, studies, **combo).index)
        apart = set.intersection(
            *(set(selection.select_outcomes(outcomes, studies, **{key: value}).index) for key, value in combo.items())
        )
        assert together == apart


def test_ongoing_selection():
    unique = selection.unique_ongoing_trials()
    tki = selection.select_ongoing(unique, partner="tki")
    assert len(tki) and all("tki" in partners for partners in tki["partners"])
    assert len(tki) == sum("tki" in partners for partners in unique["partners"])
    both = selection.select_ongoing(unique, subtype="t_all", partner="hma")
    assert list(both["nct_id"]) == [
        nct
        for nct, subtypes, partners in zip(unique["nct_id"], unique["subtypes"], unique["partners"])
        if "t_all" in subtypes and "hma" in partners
    ]
    assert len(selection.select_ongoing(unique)) == len(unique)


def test_endpoint_choices_name_known_endpoints():
    plotted = {endpoint for choice in selection.ENDPOINT_CHOICES.values() for endpoint in choice.endpoints}
    assert plotted <= set(trials.ENDPOINTS) and set(selection.SURVIVAL_MONTHS_ENDPOINTS) <= set(trials.ENDPOINTS)
    assert set(selection.SAME_FIGURE_AS) | set(selection.SAME_FIGURE_AS.values()) <= set(trials.ENDPOINTS)


# --- derived frames --------------------------------------------------------------------


def test_table_text_disagreements_are_listed_with_both_figures():
    disagreements = selection.table_text_disagreements().set_index("disagreement")
    assert set(disagreements.index) == {
        "jain2019_untreated_response",
        "venugopal2021_rr_response",
        "short2024_mrd_denominator",
        "cao2023_os_statistic",
        "agrawal2025_mrd_denominator",
        "aldoss2025_mrd_denominator",
    }
    jain = disagreements.loc["jain2019_untreated_response"]
    assert (jain["table1"], jain["text"]) == ("ORR 100% (untreated patients)", "CR 90% (untreated patients)")
    assert jain["review_ref"] == 17 and jain["citation"] == "Jain et al., 2019" and "90%" in jain["explanation"]
    cao = disagreements.loc["cao2023_os_statistic"]
    assert "24.1 months" in cao["table1"] and "on average" in cao["text"]
    assert disagreements["explanation"].str.len().gt(40).all()


def test_figure_text_reads_like_the_review():
    outcomes = trials.load_outcomes().set_index(["study_id", "cohort", "endpoint", "source"])
    record = outcomes.loc[[("richardcarpentier2020", "all", "OS_median_months", "text")]].reset_index()
    assert selection.figure_text(next(record.itertuples())) == "median OS 7.7 months (all patients)"


def test_unique_ongoing_trials_merge_the_two_tables():
    unique = selection.unique_ongoing_trials().set_index("nct_id")
    assert len(unique) == 15
    ovd = unique.loc["NCT06082934"]
    assert ovd["review_tables"] == (2, 3) and ovd["phases"] == ("phase_1", "phase_2")
    assert ovd["intervention"] == "Olverembatinib plus venetoclax and dexamethasone (OVD)"
    assert ovd["population"] == "Newly diagnosed Ph+ ALL / Ph+ ALL (newly diagnosed)"
    assert ovd["url"] == "https://clinicaltrials.gov/study/NCT06082934"
    assert set(ovd["partners"]) == {"tki", "corticosteroid"}
    only_table3 = unique.loc["NCT05576532"]
    assert only_table3["review_tables"] == (3,) and pd.isna(only_table3["primary_outcome"])
    assert only_table3["intervention"] == "Venetoclax plus IM2"
    assert {partner for partners in unique["partners"] for partner in partners} <= set(ongoing_trials.TRIAL_PARTNERS)
    assert {subtype for subtypes in unique["subtypes"] for subtype in subtypes} <= set(ongoing_trials.TRIAL_SUBTYPES)
    blinatumomab = [nct for nct, partners in unique["partners"].items() if "blinatumomab" in partners]
    assert sorted(blinatumomab) == ["NCT05182385", "NCT06393985", "NCT06554626", "NCT06742515"]


def test_partner_counts_count_each_trial_once_per_partner():
    unique = selection.unique_ongoing_trials()
    counts = selection.ongoing_partner_counts(unique)
    assert counts.sum() == sum(len(partners) for partners in unique["partners"])
    assert list(counts.index) == list(ongoing_trials.TRIAL_PARTNERS)
    for partner, count in counts.items():
        assert count == len(selection.select_ongoing(unique, partner=partner))
