"""widgets.model.binding: the equilibrium is exact, conserves mass, and matches a slow solve."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import least_squares

from widgets.model.binding import solve

concentration = st.floats(min_value=0.0, max_value=300.0)
positive_concentration = st.floats(min_value=0.5, max_value=300.0)
kd = st.one_of(st.floats(min_value=0.01, max_value=1000.0), st.just(np.inf))


@st.composite
def systems(draw, max_cells=4, max_ligands=3, max_clamped=2):
    cells = draw(st.integers(1, max_cells))
    ligands = draw(st.integers(1, max_ligands))
    clamped = draw(st.integers(0, max_clamped))
    anti_apoptotics = np.array(
        draw(st.lists(st.lists(concentration, min_size=3, max_size=3), min_size=cells, max_size=cells))
    )
    totals = np.array(
        draw(st.lists(st.lists(concentration, min_size=ligands, max_size=ligands), min_size=cells, max_size=cells))
    )
    ligand_kd = np.array(draw(st.lists(st.lists(kd, min_size=3, max_size=3), min_size=ligands, max_size=ligands)))
    doses = np.array(
        draw(st.lists(st.lists(concentration, min_size=clamped, max_size=clamped), min_size=cells, max_size=cells))
    ).reshape(cells, clamped)
    clamped_kd = np.array(
        draw(st.lists(st.lists(kd, min_size=3, max_size=3), min_size=clamped, max_size=clamped))
    ).reshape(clamped, 3)
    return anti_apoptotics, totals, ligand_kd, doses, clamped_kd


def conserved(computed, expected):
    """Equal to a relative 1e-8, or to 1e-15 nM for amounts that are physically nothing."""
    return np.all(np.abs(computed - expected) <= 1e-8 * expected + 1e-15)


@settings(max_examples=200, deadline=None)
@given(systems())
def test_mass_is_conserved_and_nothing_is_negative(system):
    anti_apoptotics, totals, ligand_kd, doses, clamped_kd = system
    result = solve(anti_apoptotics, totals, ligand_kd, doses, clamped_kd)
    pocket_sum = result.free_pockets + result.bound.sum(axis=1) + result.clamped_bound.sum(axis=1)
    ligand_sum = result.free_ligands + result.bound.sum(axis=2)
    assert conserved(pocket_sum, anti_apoptotics)
    assert conserved(ligand_sum, totals)
    for array in (result.free_pockets, result.free_ligands, result.bound, result.clamped_bound):
        assert np.all(array >= 0) and np.isfinite(array).all()
    assert np.all(result.free_pockets[anti_apoptotics == 0] == 0) and np.all(result.free_ligands[totals == 0] == 0)


def slow_solve(anti_apoptotics, totals, ligand_kd, doses, clamped_kd):
    """An independent solve of one cell: least squares on every mass balance, in log space."""
    load = 1.0 + doses @ (1.0 / clamped_kd)
    affinity = 1.0 / ligand_kd

    def residuals(x):
        free_pockets, free_ligands = np.exp(x[:3]), np.exp(x[3:])
        bound = free_ligands[:, None] * free_pockets[None, :] * affinity
        return np.concatenate(
            [
                (free_pockets * load + bound.sum(axis=0)) / anti_apoptotics - 1.0,
                (free_ligands + bound.sum(axis=1)) / totals - 1.0,
            ]
        )

    start = np.log(np.concatenate([anti_apoptotics / load, totals]))
    fit = least_squares(residuals, start, xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=20000)
    return np.exp(fit.x[:3]), np.exp(fit.x[3:])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(positive_concentration, min_size=3, max_size=3), min_size=1, max_size=1),
    st.lists(st.lists(positive_concentration, min_size=2, max_size=2), min_size=1, max_size=1),
    st.lists(st.lists(st.floats(0.05, 500.0), min_size=3, max_size=3), min_size=2, max_size=2),
    st.floats(0.0, 200.0),
    st.lists(st.floats(0.01, 500.0), min_size=3, max_size=3),
)
def test_matches_an_independent_slow_solve(anti_apoptotics, totals, ligand_kd, dose, drug_kd):
    anti_apoptotics, totals, ligand_kd = np.array(anti_apoptotics), np.array(totals), np.array(ligand_kd)
    doses, clamped_kd = np.array([[dose]]), np.array([drug_kd])
    fast = solve(anti_apoptotics, totals, ligand_kd, doses, clamped_kd)
    slow_pockets, slow_ligands = slow_solve(anti_apoptotics[0], totals[0], ligand_kd, doses[0], clamped_kd)
    assert np.allclose(fast.free_pockets[0], slow_pockets, rtol=1e-6, atol=0)
    assert np.allclose(fast.free_ligands[0], slow_ligands, rtol=1e-6, atol=0)


def test_single_pair_matches_the_quadratic_formula():
    """One protein, one ligand: the textbook closed form of bound complex."""
    total_pocket, total_ligand, k = 50.0, 40.0, 2.0
    result = solve([[total_pocket, 0, 0]], [[total_ligand]], [[k, np.inf, np.inf]])
    s = total_pocket + total_ligand + k
    complex_nM = (s - np.sqrt(s * s - 4 * total_pocket * total_ligand)) / 2
    assert result.bound[0, 0, 0] == pytest.approx(complex_nM, rel=1e-10)


def test_very_tight_binding_is_still_exact():
    result = solve([[100.0, 100.0, 100.0]], [[40.0]], [[1e-6, 1e-6, 1e-6]], [[1e6]], [[1e-6, np.inf, np.inf]])
    assert result.free_ligands[0, 0] + result.bound[0, 0].sum() == pytest.approx(40.0, rel=1e-10)


@pytest.mark.parametrize(
    "arguments, message",
    [
        (([[-1.0, 1, 1]], [[1.0]], [[1, 1, 1]]), "pocket_totals: concentrations must be finite and >= 0 nM"),
        (([[1.0, 1, 1]], [[np.nan]], [[1, 1, 1]]), "ligand_totals: concentrations must be finite and >= 0 nM"),
        (([[1.0, 1, 1]], [[1.0]], [[0, 1, 1]]), "ligand_kd: dissociation constants must be > 0 nM"),
        (([[1.0, 1, 1]], [[1.0]], [[1, 1, 1]], [[-5.0]], [[1, 1, 1]]), "clamped_free: concentrations must be finite"),
        (([[1.0, 1, 1]], [[1.0, 2.0]], [[1, 1, 1]]), "ligand_kd, clamped_kd: need one row per ligand"),
    ],
)
def test_bad_input_names_the_argument(arguments, message):
    with pytest.raises(ValueError, match=message):
        solve(*arguments)
