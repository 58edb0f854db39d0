"""widgets.pharmacokinetics.one_compartment: the one-compartment model against its closed forms and the label."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.pharmacokinetics import inhibitors
from widgets.pharmacokinetics import one_compartment as pk


def steady_state_concentration_ug_per_ml(hours_after_dose, dose_mg):
    """Oracle: the closed-form steady-state curve within one 24-hour interval,
    C(t) = D·ka / (V·(ka - ke)) · [e^(-ke·t) / (1 - e^(-ke·τ)) - e^(-ka·t) / (1 - e^(-ka·τ))]."""
    ka, ke, tau = pk.ABSORPTION_RATE_PER_H, pk.ELIMINATION_RATE_PER_H, pk.DOSING_INTERVAL_H
    t = np.asarray(hours_after_dose, dtype=float)
    return (
        dose_mg
        * ka
        / (pk.APPARENT_VOLUME_L * (ka - ke))
        * (np.exp(-ke * t) / (1 - math.exp(-ke * tau)) - np.exp(-ka * t) / (1 - math.exp(-ka * tau)))
    )


def auc_accumulation_ratio():
    """Oracle: steady-state exposure over one interval divided by the first interval's. At steady
    state AUC over an interval equals a single dose's AUC to infinity, D/(V·ke); the first
    interval holds D/V · ka/(ka - ke) · [(1 - e^(-ke·τ))/ke - (1 - e^(-ka·τ))/ka]."""
    ka, ke, tau = pk.ABSORPTION_RATE_PER_H, pk.ELIMINATION_RATE_PER_H, pk.DOSING_INTERVAL_H
    first = ka / (ka - ke) * ((1 - math.exp(-ke * tau)) / ke - (1 - math.exp(-ka * tau)) / ka)
    return (1 / ke) / first


def test_parameters_reproduce_the_label():
    assert pk.ELIMINATION_RATE_PER_H == pytest.approx(math.log(2) / 26.0)
    assert pk.APPARENT_CLEARANCE_L_PER_H == pytest.approx(400 / 32.8)
    assert pk.APPARENT_VOLUME_L == pytest.approx(pk.APPARENT_CLEARANCE_L_PER_H / pk.ELIMINATION_RATE_PER_H)
    low, high = pk.TMAX_RANGE_H
    assert low <= pk.time_of_peak_h(pk.ABSORPTION_RATE_PER_H) <= high
    assert low <= pk.time_of_peak_h(pk.ABSORPTION_RATE_PER_H, dosing_interval_h=24) <= high
    assert pk.mean_time_of_peak_h(pk.ABSORPTION_RATE_PER_H) == pytest.approx(pk.TARGET_TMAX_H, abs=1e-6)


def test_single_dose_peak_time_matches_the_closed_form():
    course = pk.simulate([400.0, 0.0, 0.0], samples_per_day=96)
    first_day = course.concentration_ug_per_ml[:96]
    peak_h = course.time_h[int(np.argmax(first_day))]
    assert peak_h == pytest.approx(pk.time_of_peak_h(pk.ABSORPTION_RATE_PER_H), abs=0.25)


def test_single_dose_decays_with_the_label_half_life():
    course = pk.simulate([400.0] + [0.0] * 9, samples_per_day=24)
    later = course.concentration_ug_per_ml
    at_96 = later[np.searchsorted(course.time_h, 96.0)]
    at_122 = later[np.searchsorted(course.time_h, 122.0)]
    assert at_122 / at_96 == pytest.approx(0.5, rel=1e-3)


def test_steady_state_matches_the_closed_form_and_the_label_exposure():
    course = pk.simulate([400.0] * 40, samples_per_day=24)
    last_day = course.concentration_ug_per_ml[-25:-1]
    expected = steady_state_concentration_ug_per_ml(np.arange(24.0), 400.0)
    np.testing.assert_allclose(last_day, expected, rtol=1e-6)
    assert course.daily_auc_ug_h_per_ml[-1] == pytest.approx(32.8, rel=1e-6)
    accumulation = course.daily_auc_ug_h_per_ml[-1] / course.daily_auc_ug_h_per_ml[0]
    assert accumulation == pytest.approx(auc_accumulation_ratio(), rel=1e-6)


def test_model_parameters_are_the_model_numbers_graded_and_cited():
    parameters = pk.model_parameters()
    assert parameters["half_life"].value == pk.TERMINAL_HALF_LIFE_H
    assert parameters["auc_ss"].value == pk.REFERENCE_AUC_SS_UG_H_PER_ML
    assert parameters["auc_ss"].sd == pk.REFERENCE_AUC_SS_SD_UG_H_PER_ML
    assert parameters["tmax"].value == pk.TMAX_RANGE_H
    assert parameters["volume"].value == pytest.approx(pk.APPARENT_CLEARANCE_L_PER_H / pk.ELIMINATION_RATE_PER_H)
    assert parameters["absorption_rate"].value == pk.ABSORPTION_RATE_PER_H
    for parameter in parameters.values():
        numbers = parameter.value if isinstance(parameter.value, tuple) else (parameter.value,)
        assert all(isinstance(number, float) for number in numbers), parameter.name
        assert parameter.grade in ("label", "derived", "teaching assumption")
        assert bool(parameter.bibkeys) == (parameter.grade != "teaching assumption"), parameter.name


def test_model_peak_at_steady_state_lies_within_the_label_spread():
    peak = pk.simulate([400.0] * 40).daily_peak_ug_per_ml[-1]
    assert abs(peak - pk.REFERENCE_CMAX_SS_UG_PER_ML) <= pk.REFERENCE_CMAX_SS_SD_UG_PER_ML


def test_exposure_scales_with_dose():
    low, high = pk.simulate([200.0] * 10), pk.simulate([400.0] * 10)
    np.testing.assert_allclose(high.daily_auc_ug_h_per_ml, 2 * low.daily_auc_ug_h_per_ml, rtol=1e-12)
    np.testing.assert_allclose(high.concentration_ug_per_ml, 2 * low.concentration_ug_per_ml, rtol=1e-12, atol=1e-15)


def test_exposure_scales_with_the_clearance_fold_change():
    course = pk.simulate([400.0] * 300, clearance_ratio=1 / 6.4)
    assert course.daily_auc_ug_h_per_ml[-1] == pytest.approx(6.4 * 32.8, rel=1e-4)
    assert pk.steady_state_auc_ug_h_per_ml(400.0, 1 / 6.4) == pytest.approx(6.4 * 32.8)


def test_label_adjustment_brings_exposure_back_near_the_reference():
    reference = pk.steady_state_auc_ug_h_per_ml(400.0)
    unadjusted = pk.steady_state_auc_ug_h_per_ml(400.0, 1 / 6.4) / reference
    adjusted = pk.steady_state_auc_ug_h_per_ml(100.0, 1 / 6.4) / reference
    assert unadjusted == pytest.approx(6.4)
    assert 1.0 <= adjusted <= 2.0 and unadjusted / adjusted == pytest.approx(4.0)


def test_the_ketoconazole_split_reproduces_both_of_its_ratios():
    bioavailability, clearance = inhibitors.split_inhibitor_effect(6.4, 2.3)
    assert bioavailability / clearance == pytest.approx(6.4)
    days = 40
    alone = pk.simulate([50.0] + [0.0] * (days - 1))
    inhibited = pk.simulate([50.0] + [0.0] * (days - 1), clearance, bioavailability_ratio=bioavailability)
    assert inhibited.daily_peak_ug_per_ml.max() / alone.daily_peak_ug_per_ml.max() == pytest.approx(2.3, rel=0.01)
    assert inhibited.daily_auc_ug_h_per_ml.sum() / alone.daily_auc_ug_h_per_ml.sum() == pytest.approx(6.4, rel=0.01)
    # all of it on clearance gives a far smaller peak rise than the study measured
    assert inhibitors.single_dose_peak_ratio(1 / 6.4) < 1.3
    # the split half-life is lengthened by less than the whole rise in exposure
    assert 1 < pk.time_to_steady_state_fraction_h(0.9, clearance) / pk.time_to_steady_state_fraction_h(0.9) < 6.4


def test_bioavailability_raises_exposure_without_changing_the_half_life():
    more = pk.simulate([400.0] * 300, bioavailability_ratio=2.0)
    assert more.daily_auc_ug_h_per_ml[-1] == pytest.approx(2 * 32.8, rel=1e-4)
    assert pk.steady_state_auc_ug_h_per_ml(400.0, 1.0, 2.0) == pytest.approx(2 * 32.8)
    assert inhibitors.single_dose_peak_ratio(1.0, 2.0) == pytest.approx(2.0)


def test_clearance_ratio_from_a_study():
    assert pk.clearance_ratio_from_auc_ratio(6.4, 50, 50) == pytest.approx(1 / 6.4)
    assert 1 / pk.clearance_ratio_from_auc_ratio(1.90, 50, 400) == pytest.approx(15.2)


def test_units():
    assert float(pk.ug_per_ml_to_um(1.0)) == pytest.approx(1000 / 868.44)
    assert float(pk.um_to_ug_per_ml(pk.ug_per_ml_to_um(2.1))) == pytest.approx(2.1)
    course = pk.simulate([400.0] * 3)
    np.testing.assert_allclose(course.concentration_ng_per_ml, 1000 * course.concentration_ug_per_ml)


def test_a_strong_inhibitor_slows_the_approach_to_steady_state():
    alone = pk.time_to_steady_state_fraction_h(0.9)
    inhibited = pk.time_to_steady_state_fraction_h(0.9, 1 / 6.4)
    assert alone == pytest.approx(math.log(10) * 26 / math.log(2))
    assert inhibited == pytest.approx(6.4 * alone)


@pytest.mark.parametrize(
    "call, argument",
    [
        (lambda: pk.simulate([400, -1]), r"daily_doses_mg\[1\]"),
        (lambda: pk.simulate([1300]), r"daily_doses_mg\[0\]: must be from 0 to 1200"),
        (lambda: pk.simulate([]), "daily_doses_mg: must hold 1 to 366 days"),
        (lambda: pk.simulate("400"), "daily_doses_mg: must be a list"),
        (lambda: pk.simulate([400], clearance_ratio=0), "clearance_ratio: must be from 0.01 to 10"),
        (lambda: pk.simulate([400, 400], clearance_ratio=[1.0]), "clearance_ratio: must hold one value per day"),
        (lambda: pk.simulate([400], samples_per_day=2), "samples_per_day: must be a whole number from 4 to 96"),
        (lambda: pk.simulate([400], absorption_rate_per_h=0.01), "absorption_rate_per_h"),
        (lambda: pk.time_of_peak_h(-1.0), "absorption_rate_per_h: must be above 0"),
        (lambda: pk.clearance_ratio_from_auc_ratio(0, 50, 400), "auc_ratio: must be above 0"),
        (lambda: pk.clearance_ratio_from_auc_ratio(2, 50, float("nan")), "dose_alone_mg"),
        (lambda: pk.time_to_steady_state_fraction_h(1.0), "fraction: must be above 0 to 0.999"),
        (lambda: pk.absorption_rate_for_peak(50.0), "peak_time_h"),
        (lambda: pk.simulate([400], bioavailability_ratio=0), "bioavailability_ratio: must be from 0.1 to 10"),
        (lambda: inhibitors.split_inhibitor_effect(6.4, 1.0), "cmax_ratio: must be from"),
        (lambda: inhibitors.split_inhibitor_effect(0.5, 1.0), "auc_ratio: must be from 1"),
    ],
)
def test_bad_arguments_are_named_with_their_range(call, argument):
    with pytest.raises(ValueError, match=argument):
        call()


doses = st.lists(st.floats(min_value=0, max_value=1200, allow_nan=False), min_size=1, max_size=20)


@settings(max_examples=40, deadline=None)
@given(doses=doses, ratio=st.floats(min_value=0.05, max_value=5))
def test_concentrations_are_never_negative(doses, ratio):
    course = pk.simulate(doses, clearance_ratio=ratio, samples_per_day=8)
    assert (course.concentration_ug_per_ml >= 0).all()
    assert (course.daily_auc_ug_h_per_ml >= 0).all()


@settings(max_examples=40, deadline=None)
@given(doses=doses, extra=st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), min_size=20, max_size=20))
def test_more_drug_never_gives_lower_concentrations(doses, extra):
    higher = [min(1200.0, dose + add) for dose, add in zip(doses, extra)]
    low, high = pk.simulate(doses, samples_per_day=8), pk.simulate(higher, samples_per_day=8)
    assert (high.concentration_ug_per_ml >= low.concentration_ug_per_ml - 1e-12).all()
    assert (high.daily_auc_ug_h_per_ml >= low.daily_auc_ug_h_per_ml - 1e-12).all()
