"""widgets.data.prescribing: the safety chapter's data files load, their checks bite, and the schedules follow the label."""

import math

import pytest

from widgets.data import prescribing as label, trials
from widgets.pharmacokinetics import one_compartment as pk
from widgets.data.schema import DataError


def test_every_file_loads_and_every_row_is_cited_and_graded():
    for loader in (label.load_ramp_up, label.load_adjustments, label.load_interaction_studies,
                   label.load_tls_prophylaxis, label.load_tls_rates, label.load_tls_criteria):
        frame = loader()
        assert len(frame) > 0
        assert all(len(keys) > 0 for keys in frame["bibkeys"])
        assert set(frame["verification"]) <= set(label.VERIFICATION)


def test_labelled_schedules():
    assert label.labelled_daily_doses("cll_5_week", 36)[::7] == [20, 50, 100, 200, 400, 400]
    assert label.labelled_daily_doses("aml_hma_3_day", 5) == [100, 200, 400, 400, 400]
    assert label.labelled_daily_doses("aml_ldac_4_day", 6) == [100, 200, 400, 600, 600, 600]
    assert label.first_target_day("cll_5_week") == 36


def _rewrite(tmp_path, source, old, new, count=1):
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


@pytest.mark.parametrize("source, old, new, loader, where", [
    (label.RAMP_UP_CSV, "cll_5_week,CLL,alone or with an anti-CD20 antibody,8,14", "cll_5_week,CLL,alone or with an anti-CD20 antibody,9,14",
     label.load_ramp_up, r"venetoclax_ramp_up.csv, row 2 \(file line 3\), column 'first_day': is 9, expected day 8"),
    (label.RAMP_UP_CSV, "36,,target", "36,,ramp_up",
     label.load_ramp_up, r"row 6 \(file line 7\), column 'phase': an open-ended row must be the target dose"),
    (label.RAMP_UP_CSV, "400,venclexta_label", "1500,venclexta_label",
     label.load_ramp_up, r"row 5 \(file line 6\), column 'daily_dose_mg': 1500 is outside"),
    (label.ADJUSTMENTS_CSV, "CLL,posaconazole,steady_state,daily_dose,70", "CLL,posaconazole,steady_state,daily_dose,",
     label.load_adjustments, r"row 2 \(file line 3\), column 'doses_mg': action 'daily_dose' needs the dose"),
    (label.ADJUSTMENTS_CSV, "CLL,pgp,steady_state,reduce_by_at_least,,50", "CLL,pgp,steady_state,contraindicated,,",
     label.load_adjustments, r"row 8 \(file line 9\), column 'action': the label contraindicates"),
    (label.ADJUSTMENTS_CSV, "AML,pgp,steady_state", "AML,pgp,ramp_up",
     label.load_adjustments, r"row 16 \(file line 17\), column 'indication': repeats an earlier row"),
    (label.STUDIES_CSV, "posaconazole_100mg_paper", "posaconazole_50mg_paper",
     label.load_interaction_studies, r"row 5 \(file line 6\), column 'study_id': repeats"),
    (label.TLS_RATES_CSV, "3,283,1.1", "3,283,2.1",
     label.load_tls_rates, r"row 3 \(file line 4\), column 'percent': 2.1 does not match 3/283"),
    (label.TLS_PROPHYLAXIS_CSV, "CLL,low,", "CLL,all,",
     label.load_tls_prophylaxis, r"row 1 \(file line 2\), column 'risk_category'"),
    (label.TLS_CRITERIA_CSV, "howard_2011,potassium,all,>", "howard_2011,potassium,all,<",
     label.load_tls_criteria, r"row 4 \(file line 5\), column 'comparison': '<' is the wrong side for potassium"),
    (label.TLS_CRITERIA_CSV, "howard2011,source_text\nhoward_2011,phosphate", "nobody1999,source_text\nhoward_2011,phosphate",
     label.load_tls_criteria, r"row 1 \(file line 2\), column 'bibkeys': bibkey 'nobody1999'"),
])
def test_each_data_error_names_file_row_and_column(tmp_path, source, old, new, loader, where):
    with pytest.raises(DataError, match=where):
        loader(_rewrite(tmp_path, source, old, new))


def test_a_missing_adjustment_is_reported(tmp_path):
    lines = label.ADJUSTMENTS_CSV.read_text(encoding="utf-8").splitlines()
    path = tmp_path / label.ADJUSTMENTS_CSV.name
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="column 'phase': no row for AML, pgp, steady_state"):
        label.load_adjustments(path)


def test_posaconazole_estimates_are_kept_from_both_reports():
    effect = label.inhibitor_effects()["posaconazole"]
    assert set(effect.estimates) == {"posaconazole_50mg_label", "posaconazole_100mg_label",
                                     "posaconazole_50mg_paper", "posaconazole_100mg_paper"}
    folds = sorted(1 / value for value in effect.estimates.values())
    assert folds == pytest.approx([9.76, 10.2, 14.08, 15.2])
    assert effect.lowest <= effect.clearance_ratio <= effect.highest
    assert effect.fold_increase == pytest.approx(math.prod(folds) ** 0.25)
    assert label.inhibitor_effects()["other_strong_cyp3a"].fold_increase == pytest.approx(6.4)


def test_cll_strong_inhibitor_waits_for_the_end_of_the_ramp_up():
    plan = label.dosing_plan("cll_5_week", "posaconazole", True, 42)
    assert plan.inhibitor_taken.index(True) == 35
    assert plan.daily_doses_mg[:35] == tuple(label.labelled_daily_doses("cll_5_week", 35))
    assert set(plan.daily_doses_mg[35:]) == {70.0}
    unchanged = label.dosing_plan("cll_5_week", "posaconazole", False, 42)
    assert all(unchanged.inhibitor_taken) and unchanged.daily_doses_mg == tuple(label.labelled_daily_doses("cll_5_week", 42))


def test_aml_reduced_ramp_up_and_moderate_halving():
    assert label.dosing_plan("aml_hma_3_day", "posaconazole", True, 6).daily_doses_mg == (10, 20, 50, 70, 70, 70)
    assert label.dosing_plan("aml_ldac_4_day", "other_strong_cyp3a", True, 5).daily_doses_mg == (10, 20, 50, 100, 100)
    plan = label.dosing_plan("aml_ldac_4_day", "moderate_cyp3a", True, 5)
    assert plan.daily_doses_mg == (50, 100, 200, 300, 300)
    assert plan.verification == "unconfirmed"
    with pytest.raises(ValueError, match="inhibitor: must be 'none' or one of"):
        label.dosing_plan("aml_ldac_4_day", "grapefruit", True, 5)
    with pytest.raises(ValueError, match="schedule_id: must be one of"):
        label.labelled_daily_doses("cll_3_day", 5)


def test_scenarios_show_the_adjustment_lowering_exposure():
    for schedule in label.SCHEDULES:
        none = label.exposure_scenario(schedule, "none", False)
        assert none.course is none.reference_course
        assert none.auc_ratio()[-1] == pytest.approx(1.0, abs=0.01)
        for inhibitor in ("posaconazole", "other_strong_cyp3a", "moderate_cyp3a"):
            raised = label.exposure_scenario(schedule, inhibitor, False).auc_ratio()[-1]
            adjusted = label.exposure_scenario(schedule, inhibitor, True).auc_ratio()[-1]
            assert raised > 1.9 and adjusted <= raised / 2 + 1e-9
            assert 0.9 <= adjusted <= 2.5


def test_chapter_numbers_come_from_the_data_and_the_model():
    numbers = label.chapter_numbers(trials.load_outcomes())
    assert numbers["half_life_h"] == 26 and numbers["ketoconazole_auc_ratio"] == 6.4
    assert numbers["tls_viale_a_percent"] == 1.1 and numbers["fn_place_percent"] == 55
    assert numbers["strong_adjusted_ratio"] == pytest.approx(1.6)
    assert numbers["posaconazole_fold_low"] < numbers["posaconazole_fold"] < numbers["posaconazole_fold_high"]
    assert numbers["cmax_ss_model"] == pytest.approx(pk.simulate([400] * 30).daily_peak_ug_per_ml[-1])


def test_markdown_tables_cite_every_row():
    for text, rows in ((label.ramp_up_markdown(), 3), (label.adjustments_markdown("CLL"), 4),
                       (label.interaction_studies_markdown(), 5), (label.tls_rates_markdown(), 4),
                       (label.tls_criteria_markdown(), 4)):
        body = text.splitlines()[2:]
        assert len(body) == rows
        if "Analyte" not in text:
            assert all("{cite:p}`" in line for line in body)
    assert "secondary sources only" in label.adjustments_markdown("AML")
    assert label.tls_prophylaxis_markdown().count("{cite:p}`venclexta_label`") == 4
    with pytest.raises(ValueError, match="indication: must be one of CLL, AML"):
        label.adjustments_markdown("ALL")
    safety = label.trial_safety_markdown(trials.load_outcomes(), trials.load_studies())
    assert "{cite:p}`place2025`" in safety and "17/31" in safety
