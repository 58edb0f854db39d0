"""widgets.pharmacokinetics.dosing: the schedules follow the label, and the scenarios show what its adjustments do."""

import math

import pytest

from widgets.data import prescribing
from widgets.pharmacokinetics import dosing
from widgets.pharmacokinetics import one_compartment as pk


def test_labeled_schedules():
    assert dosing.labeled_daily_doses("cll_5_week", 36)[::7] == [20, 50, 100, 200, 400, 400]
    assert dosing.labeled_daily_doses("aml_hma_3_day", 5) == [100, 200, 400, 400, 400]
    assert dosing.labeled_daily_doses("aml_ldac_4_day", 6) == [100, 200, 400, 600, 600, 600]
    assert dosing.first_target_day("cll_5_week") == 36


def test_posaconazole_estimates_are_kept_from_both_reports():
    effect = dosing.inhibitor_effects()["posaconazole"]
    assert set(effect.estimates) == {
        "posaconazole_50mg_label",
        "posaconazole_100mg_label",
        "posaconazole_50mg_paper",
        "posaconazole_100mg_paper",
    }
    folds = sorted(1 / value for value in effect.estimates.values())
    assert folds == pytest.approx([9.76, 10.2, 14.08, 15.2])
    assert effect.lowest_fold == pytest.approx(folds[0]) and effect.highest_fold == pytest.approx(folds[-1])
    assert effect.fold_increase == pytest.approx(math.prod(folds) ** 0.25)
    assert dosing.inhibitor_effects()["other_strong_cyp3a"].fold_increase == pytest.approx(6.4)


def test_each_study_gives_its_dose_normalized_rise():
    studies = prescribing.load_interaction_studies()
    folds = dosing.fold_increase_by_study(dosing.inhibitor_effects(studies))
    assert set(folds) == set(studies["study_id"])
    for study in studies.itertuples(index=False):
        # exposure ratio × (dose alone / dose with the inhibitor), the rise at the same dose
        expected = study.auc_ratio * study.venetoclax_alone_mg / study.venetoclax_with_inhibitor_mg
        assert folds[study.study_id] == pytest.approx(expected)


def test_the_moderate_inhibitor_is_the_teaching_assumption():
    effect = dosing.inhibitor_effects()["moderate_cyp3a"]
    assert effect.fold_increase == dosing.MODERATE_INHIBITOR_AUC_RATIO
    assert effect.lowest_fold == effect.highest_fold == effect.fold and effect.estimates == {}
    assert "teaching assumption" in effect.basis


def test_a_strong_inhibitor_is_split_as_ketoconazole_s_study_shows():
    """One 50 mg dose with ketoconazole: AUC x6.4 and Cmax x2.3 (Agarwal 2017), read from the data file."""
    study = prescribing.load_interaction_studies().set_index("study_id").loc["ketoconazole_50mg"]
    strong = dosing.inhibitor_effects()["other_strong_cyp3a"]
    days = 40  # long enough for one dose to be eliminated, even with the half-life lengthened
    alone = pk.simulate([50.0] + [0.0] * (days - 1))
    inhibited = pk.simulate(
        [50.0] + [0.0] * (days - 1), strong.clearance_ratio, bioavailability_ratio=strong.bioavailability_ratio
    )
    assert inhibited.daily_auc_ug_h_per_ml.sum() / alone.daily_auc_ug_h_per_ml.sum() == pytest.approx(
        study.auc_ratio, rel=0.01
    )
    assert inhibited.daily_peak_ug_per_ml.max() / alone.daily_peak_ug_per_ml.max() == pytest.approx(
        study.cmax_ratio, rel=0.01
    )
    # part of the effect is on bioavailability, part on clearance
    assert 1 < strong.bioavailability_ratio < study.auc_ratio and 1 / study.auc_ratio < strong.clearance_ratio < 1
    # posaconazole: the same split of its own rise in exposure
    posaconazole = dosing.inhibitor_effects()["posaconazole"]
    assert posaconazole.bioavailability_ratio / posaconazole.clearance_ratio == pytest.approx(posaconazole.fold)
    assert math.log(posaconazole.bioavailability_ratio) / math.log(posaconazole.fold) == pytest.approx(
        math.log(strong.bioavailability_ratio) / math.log(strong.fold)
    )


def test_cll_strong_inhibitor_waits_for_the_end_of_the_ramp_up():
    plan = dosing.dosing_plan("cll_5_week", "posaconazole", True, 42)
    assert plan.inhibitor_taken.index(True) == 35
    assert plan.daily_doses_mg[:35] == tuple(dosing.labeled_daily_doses("cll_5_week", 35))
    assert set(plan.daily_doses_mg[35:]) == {70.0}
    unchanged = dosing.dosing_plan("cll_5_week", "posaconazole", False, 42)
    assert all(unchanged.inhibitor_taken) and unchanged.daily_doses_mg == tuple(
        dosing.labeled_daily_doses("cll_5_week", 42)
    )


def test_aml_reduced_ramp_up_and_moderate_halving():
    assert dosing.dosing_plan("aml_hma_3_day", "posaconazole", True, 6).daily_doses_mg == (10, 20, 50, 70, 70, 70)
    assert dosing.dosing_plan("aml_ldac_4_day", "other_strong_cyp3a", True, 5).daily_doses_mg == (10, 20, 50, 100, 100)
    plan = dosing.dosing_plan("aml_ldac_4_day", "moderate_cyp3a", True, 5)
    assert plan.daily_doses_mg == (50, 100, 200, 300, 300)
    assert plan.verification == "manufacturer_summary"
    with pytest.raises(ValueError, match="inhibitor: must be 'none' or one of"):
        dosing.dosing_plan("aml_ldac_4_day", "grapefruit", True, 5)
    with pytest.raises(ValueError, match="schedule_id: must be one of"):
        dosing.labeled_daily_doses("cll_3_day", 5)


@pytest.mark.parametrize("days", [0, 367, 2.5, True])
def test_days_outside_a_year_are_refused(days):
    with pytest.raises(ValueError, match="days: must be a whole number from 1 to 366"):
        dosing.labeled_daily_doses("cll_5_week", days)


def test_scenarios_show_the_adjustment_lowering_exposure():
    for schedule in prescribing.SCHEDULES:
        none = dosing.exposure_scenario(schedule, "none", False)
        assert none.course is none.reference_course
        assert none.auc_ratio()[-1] == pytest.approx(1.0, abs=0.01)
        for inhibitor in ("posaconazole", "other_strong_cyp3a", "moderate_cyp3a"):
            raised = dosing.exposure_scenario(schedule, inhibitor, False).auc_ratio()[-1]
            adjusted = dosing.exposure_scenario(schedule, inhibitor, True).auc_ratio()[-1]
            assert raised > 1.9 and adjusted <= raised / 2 + 1e-9
            assert 0.9 <= adjusted <= 2.5


def test_a_scenario_brackets_its_course_with_the_range_of_the_estimates():
    scenario = dosing.exposure_scenario("aml_hma_3_day", "posaconazole", False)
    low, middle, high = (
        scenario.auc_ratio(course)[-1] for course in (scenario.lowest_course, scenario.course, scenario.highest_course)
    )
    assert low < middle < high
    assert scenario.reference_dose_mg == dosing.labeled_daily_doses("aml_hma_3_day", 42)[-1]
    assert scenario.last_peak_um == pytest.approx(float(pk.ug_per_ml_to_um(scenario.course.daily_peak_ug_per_ml[-1])))
    with pytest.raises(ValueError, match="inhibitor: the model has no effect for 'pgp'"):
        dosing.exposure_scenario("aml_hma_3_day", "pgp", True)
