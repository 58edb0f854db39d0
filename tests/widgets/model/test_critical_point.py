"""widgets.model.critical_point: Newton's method at the critical point finds doses at which the
full binding equilibrium puts free BIM exactly at its MOMP level."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.model import binding, critical_point
from widgets.model.cells import LIGAND_KD, drug_kd_matrix
from widgets.model.critical_point import CriticalPoint

level = st.floats(0.0, 200.0)
sensitizer = st.one_of(st.just(0.0), st.floats(1.0, 80.0))
cells_ = st.tuples(level, level, level, st.floats(5.0, 150.0), sensitizer, sensitizer, st.floats(0.5, 20.0))
# Less anti-apoptotic protein: many of these cells die without the drug.
primed_cells = st.tuples(
    *[st.floats(0.0, 40.0)] * 3, st.floats(5.0, 150.0), sensitizer, sensitizer, st.floats(0.5, 20.0)
)
drug_keys = st.sampled_from(["venetoclax", "navitoclax", "s63845"])


def critical_point_of(rows, drug_key):
    """The CriticalPoint of these cells (BCL-2, BCL-XL, MCL-1, BIM, NOXA, PUMA, b*), no background,
    with the dose allowed up to 1e9 nM."""
    rows = np.array(rows, dtype=float).T
    proteins, totals, target = rows[:3], rows[3:6], rows[6]
    affinity, drug_affinity = 1.0 / LIGAND_KD, 1.0 / drug_kd_matrix([drug_key])[0]
    return CriticalPoint(proteins, totals, target, np.ones((3, 1)), affinity, drug_affinity, np.full(target.size, 20.7))


def full_equilibrium(rows, drug_key, doses_nM):
    rows = np.array(rows, dtype=float)
    kd = drug_kd_matrix([drug_key])
    return binding.solve(rows[:, :3], rows[:, 3:6], LIGAND_KD, np.asarray(doses_nM).reshape(-1, 1), kd)


@settings(max_examples=60, deadline=None)
@given(st.lists(cells_, min_size=1, max_size=6), drug_keys)
def test_a_converged_critical_dose_puts_free_bim_at_its_momp_level(rows, drug_key):
    point = critical_point_of(rows, drug_key)
    y, converged = critical_point.newton(point, point.start(point.ceiling[0]), lowest_log_dose=np.log(1e-9))
    if not converged.any():
        return
    chosen = [row for row, ok in zip(rows, converged) if ok]
    result = full_equilibrium(chosen, drug_key, np.exp(y[0, converged]))
    target = np.array([row[6] for row in chosen])
    assert np.allclose(result.free_ligands[:, 0], target, rtol=1e-7, atol=0)
    # NOXA and PUMA are at their free amounts of the same equilibrium (0 where absent).
    sensitizers = np.where(np.array([row[4:6] for row in chosen]) > 0, np.exp(y[1:, converged]).T, 0.0)
    assert np.allclose(result.free_ligands[:, 1:], sensitizers, rtol=1e-7, atol=1e-15)


@settings(max_examples=60, deadline=None)
@given(st.lists(primed_cells, min_size=1, max_size=6), drug_keys)
def test_with_the_dose_pinned_at_zero_the_bim_balance_says_who_dies_without_drug(rows, drug_key):
    pinned = critical_point_of(rows, drug_key).pinned_dose()
    y, settled = critical_point.newton(pinned, pinned.start(pinned.ceiling[0]))
    _, state = pinned.residuals(y)
    dies = pinned.bim_residual(state) <= 0
    free_bim = full_equilibrium(rows, drug_key, np.zeros(len(rows))).free_ligands[:, 0]
    target = np.array([row[6] for row in rows])
    clear = settled & ~np.isclose(free_bim, target, rtol=1e-6)  # cells at the threshold may go either way
    assert np.array_equal(dies[clear], (free_bim >= target)[clear])


def test_cramers_rule_solves_each_cells_system():
    rng = np.random.default_rng(3)
    matrices = rng.normal(size=(50, 3, 3)) + 3 * np.eye(3)
    vectors = rng.normal(size=(50, 3))
    solution = critical_point._solve_3x3(matrices.reshape(50, 9).T, vectors.T).T
    assert np.allclose(np.einsum("cij,cj->ci", matrices, solution), vectors, rtol=0, atol=1e-12)
