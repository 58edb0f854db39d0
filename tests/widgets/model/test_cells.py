"""widgets.model.cells: the model reproduces what the review and its sources report.

"Sensitive" and "resistant" use the model's own reading guide
(``widgets.model.SENSITIVE_BELOW_NM`` and ``RESISTANT_ABOVE_NM``).
"""

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets import model
from widgets.model.cells import critical_doses, population

CELLS = 400  # enough cells for stable medians, few enough for fast tests
B_ALL, ETP, MATURE_T = model.PROFILES["b_all"], model.PROFILES["etp_all"], model.PROFILES["mature_t_all"]


def ic50(profile, drug, **options):
    return model.ic50(profile, drug, cells=CELLS, **options)


@pytest.mark.parametrize("key", ["b_all", "kmt2a_b_all", "etp_all"])
def test_bcl2_dependent_subtypes_are_venetoclax_sensitive(key):
    assert ic50(model.PROFILES[key], "venetoclax") < model.SENSITIVE_BELOW_NM


def test_mature_t_all_resists_venetoclax_but_not_dual_inhibition():
    venetoclax = ic50(MATURE_T, "venetoclax")
    assert venetoclax > model.RESISTANT_ABOVE_NM
    for dual in ("navitoclax", "azd4320"):
        assert ic50(MATURE_T, dual) < model.RESISTANT_ABOVE_NM
        assert ic50(MATURE_T, dual) * 10 < venetoclax


@pytest.mark.parametrize("protein", ["mcl1", "bclxl"])
def test_raising_mcl1_or_bclxl_shifts_the_venetoclax_ic50_up_by_orders_of_magnitude(protein):
    assert ic50(B_ALL.scaled(**{protein: 4.0}), "venetoclax") >= 100 * ic50(B_ALL, "venetoclax")


@pytest.mark.parametrize("partner", ["asparaginase", "homoharringtonine"])
def test_lowering_mcl1_helps_without_over_restoring(partner):
    """The partners' MCL-1 cut is a modest assumption (x0.6): it lowers the IC50 of a blast
    with raised MCL-1 several-fold, but leaves it less sensitive than the blast without the
    rise (no ALL data show more)."""
    resistant = B_ALL.scaled(mcl1=4.0)
    with_partner = ic50(resistant, "venetoclax", partners=(partner,))
    assert with_partner * 5 <= ic50(resistant, "venetoclax")
    assert with_partner > ic50(B_ALL, "venetoclax")


def test_an_mcl1_inhibitor_restores_killing():
    resistant = model.PROFILES["mcl1_resistant"]
    alone = ic50(resistant, "venetoclax")
    combined = ic50(resistant, "venetoclax", background={"s63845": 50.0})
    assert alone > model.RESISTANT_ABOVE_NM and combined < model.SENSITIVE_BELOW_NM


@pytest.mark.parametrize("partner", sorted(model.PARTNERS))
@pytest.mark.parametrize("key", sorted(model.PROFILES))
def test_no_partner_protects_cells_from_venetoclax(key, partner):
    profile = model.PROFILES[key]
    assert ic50(profile, "venetoclax", partners=(partner,)) <= ic50(profile, "venetoclax")


@pytest.mark.parametrize("key", sorted(model.PROFILES))
def test_without_anti_apoptotic_proteins_cells_die_without_drug(key):
    """The typical cell dies; a few cells with the least BIM or BAX/BAK of the population may not."""
    bare = model.PROFILES[key].scaled(bcl2=0.0, bclxl=0.0, mcl1=0.0)
    assert model.bim_partition(bare).momp
    assert model.fraction_apoptotic(bare, cells=CELLS) >= 0.95
    assert ic50(bare, "venetoclax") == 0.0


@pytest.mark.parametrize("key", sorted(model.PROFILES))
def test_untreated_cells_mostly_survive(key):
    assert model.fraction_apoptotic(model.PROFILES[key], cells=CELLS) < 0.05


def test_no_effector_means_no_death():
    assert model.fraction_apoptotic(B_ALL.scaled(bax_bak=0.0), {"venetoclax": 1e5}, cells=CELLS) == 0.0
    assert ic50(B_ALL.scaled(bax_bak=0.0), "venetoclax") == math.inf


levels = st.floats(min_value=0.0, max_value=200.0)
profiles = st.builds(
    model.Profile, bcl2=levels, bclxl=levels, mcl1=levels, bim=st.floats(1.0, 150.0), bax_bak=st.floats(0.0, 150.0)
)


@settings(max_examples=40, deadline=None)
@given(profiles, st.sampled_from(sorted(model.DRUGS)), st.lists(st.floats(0.0, 1e5), min_size=2, max_size=6))
def test_more_drug_never_means_fewer_dead_cells(profile, drug, doses):
    doses = sorted(doses)
    direct = [model.fraction_apoptotic(profile, {drug: dose}, cells=60) for dose in doses]
    assert all(a <= b for a, b in itertools.pairwise(direct))
    curve = model.dose_response(profile, drug, doses, cells=60)
    assert np.all(np.diff(curve) >= 0)


@settings(max_examples=40, deadline=None)
@given(profiles, st.sampled_from(["bcl2", "bclxl", "mcl1"]), st.floats(1.0, 8.0), st.floats(0.0, 1e4))
def test_more_anti_apoptotic_protein_never_means_more_dead_cells(profile, protein, factor, dose):
    before = model.fraction_apoptotic(profile, {"venetoclax": dose}, cells=60)
    after = model.fraction_apoptotic(profile.scaled(**{protein: factor}), {"venetoclax": dose}, cells=60)
    assert after <= before


@settings(max_examples=25, deadline=None)
@given(profiles, st.sampled_from(sorted(model.DRUGS)), st.floats(1e-3, 1e4))
def test_critical_doses_agree_with_direct_solves(profile, drug, dose):
    """The fast per-cell critical dose and the full equilibrium at a dose give the same deaths."""
    critical = critical_doses(profile, drug, cells=60)
    direct = model.fraction_apoptotic(profile, {drug: dose}, cells=60)
    near = np.isclose(critical, dose, rtol=1e-6)  # cells exactly at the threshold may go either way
    assert abs(np.mean(critical <= dose) - direct) <= near.mean() + 1e-12


def test_partner_effects_use_the_general_path_and_agree_with_direct_solves():
    profile = model.PROFILES["mcl1_resistant"]
    curve = model.dose_response(profile, "venetoclax", [1.0, 100.0, 1e4], partners=("mdm2_inhibitor",), cells=80)
    direct = [
        model.fraction_apoptotic(profile, {"venetoclax": dose}, partners=("mdm2_inhibitor",), cells=80)
        for dose in (1.0, 100.0, 1e4)
    ]
    assert np.allclose(curve, direct)


def test_results_are_reproducible_and_the_typical_cell_is_the_profile():
    assert model.ic50(B_ALL, "venetoclax", cells=CELLS) == model.ic50(B_ALL, "venetoclax", cells=CELLS)
    cells = population(B_ALL, cells=4001)
    assert np.median(cells.levels["bcl2"]) == pytest.approx(B_ALL.bcl2, rel=0.05)


def test_bim_partition_accounts_for_all_bim():
    partition = model.bim_partition(B_ALL, {"venetoclax": 10.0})
    assert sum(partition.on_protein_nM.values()) + partition.free_nM == pytest.approx(B_ALL.bim, rel=1e-9)
    untreated = model.bim_partition(B_ALL)
    assert untreated.on_protein_nM["bcl2"] > partition.on_protein_nM["bcl2"]
    assert not untreated.momp and partition.momp


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: model.fraction_apoptotic(B_ALL, {"aspirin": 1.0}), "drug: 'aspirin' is not a known drug"),
        (
            lambda: model.fraction_apoptotic(B_ALL, {"venetoclax": -1.0}),
            "doses: the dose of venetoclax must be a finite number >= 0 nM",
        ),
        (lambda: model.fraction_apoptotic(B_ALL, {"venetoclax": float("nan")}), "doses: the dose of venetoclax"),
        (lambda: model.ic50(B_ALL, "aspirin"), "drug: 'aspirin' is not a known drug; choose one of venetoclax"),
        (lambda: model.fraction_apoptotic(B_ALL, partners=("surgery",)), "partners: 'surgery' is not a known partner"),
        (
            lambda: model.ic50(B_ALL, "venetoclax", background={"venetoclax": 1.0}),
            "background: venetoclax is the drug being varied",
        ),
        (
            lambda: model.dose_response(B_ALL, "venetoclax", [1.0, -2.0]),
            "doses_nM: every dose must be a finite number >= 0 nM",
        ),
        (lambda: model.fraction_apoptotic("b_all"), "profile: must be a widgets.model.Profile"),
        (lambda: model.fraction_apoptotic(B_ALL, cells=0), "cells: must be a whole number >= 1"),
    ],
)
def test_bad_input_names_the_argument_and_what_is_allowed(call, message):
    with pytest.raises(ValueError, match=message):
        call()


sensitized_profiles = st.builds(
    model.Profile,
    bcl2=levels,
    bclxl=levels,
    mcl1=levels,
    bim=st.floats(1.0, 150.0),
    bax_bak=st.floats(0.0, 150.0),
    noxa=st.floats(1.0, 80.0),
    puma=st.floats(0.0, 80.0),
)


@settings(max_examples=30, deadline=None)
@given(sensitized_profiles, st.sampled_from(sorted(model.DRUGS)))
def test_the_newton_search_with_sensitizers_finds_the_same_critical_doses_as_the_bracketed_search(profile, drug):
    """The general path (Newton's method at the critical point, finished by the bracketed search
    where it stalls) agrees with the bracketed Illinois search run on every cell."""
    from widgets.model.cells import _critical_doses_by_search

    cells = population(profile, cells=60)
    fast = critical_doses(profile, drug, cells=60)
    slow = _critical_doses_by_search(cells, np.arange(cells.size), drug, {})
    both_finite = np.isfinite(fast) & np.isfinite(slow) & (slow > 1e-9)
    assert np.array_equal(np.isinf(fast), np.isinf(slow))
    assert np.array_equal(fast == 0.0, slow == 0.0)
    # Both searches stop on a residual, so where free BIM hardly changes with the dose their doses
    # differ by more than their residuals: 1e-6, the band of the direct-solve test above.
    assert np.allclose(fast[both_finite], slow[both_finite], rtol=1e-6)


@settings(max_examples=30, deadline=None)
@given(profiles, st.sampled_from(sorted(model.DRUGS)))
def test_a_sensitizer_too_scarce_to_matter_changes_no_critical_dose(profile, drug):
    """1e-9 nM of NOXA and PUMA sends the cells down the general path, and it finds the fast path's doses."""
    fast = critical_doses(profile, drug, cells=60)
    general = critical_doses(profile.added(noxa=1e-9, puma=1e-9), drug, cells=60)
    assert np.array_equal(np.isinf(fast), np.isinf(general)) and np.array_equal(fast == 0.0, general == 0.0)
    finite = np.isfinite(fast) & (fast > 0.0)
    assert np.allclose(general[finite], fast[finite], rtol=1e-6, atol=0)


@settings(max_examples=30, deadline=None)
@given(sensitized_profiles, st.sampled_from(sorted(model.DRUGS)), st.floats(1.5, 4.0))
def test_more_sensitizer_never_raises_a_critical_dose(profile, drug, factor):
    """NOXA and PUMA only ever take grooves from BIM, so more of them never protects a cell."""
    before = critical_doses(profile, drug, cells=60)
    after = critical_doses(profile.scaled(noxa=factor, puma=factor), drug, cells=60)
    assert np.all(after <= before * (1.0 + 1e-8))
