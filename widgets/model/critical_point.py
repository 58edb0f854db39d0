"""The binding equilibrium written at a cell's critical point, and Newton's method on it.

At a cell's critical dose its free BIM equals its MOMP level b*, so BIM is known there and
three unknowns remain: the dose d of the varied drug and free NOXA n and PUMA u. With
X_j = w_j + b*/Kb_j + d/D_j + n/Kn_j + u/Ku_j (the load on anti-apoptotic protein j, w_j
that of the background drugs) and R_j = P_j / X_j (its free amount), the mass balances are

    BIM:   b* (1 + sum_j R_j / Kb_j) = B
    NOXA:  n  (1 + sum_j R_j / Kn_j) = N
    PUMA:  u  (1 + sum_j R_j / Ku_j) = U

solved in logs, y = (log d, log n, log u), with the exact Jacobian, steps capped in length
and a line search on the squared residual. An unknown can be *pinned*: an absent NOXA or
PUMA is 0 and its balance holds trivially; with the dose pinned (at 0 or at a given dose)
the NOXA and PUMA balances alone are solved, and the BIM balance then says whether the cell
dies at that dose (``bim_residual`` <= 0: the BIM it has is enough to hold free BIM at b*).

Arrays are component-major, (3, cells): a row per unknown or protein and a column per cell,
so that every operation runs over long contiguous rows (numpy is slow on many short rows).
"""

from __future__ import annotations

import numpy as np

NEWTON_STEPS = 30
# A Newton step moves no unknown by more than this, in natural-log units (a factor of 20).
MAX_LOG_STEP = 3.0
# Halvings of a Newton step before the search counts as stalled.
LINE_SEARCH_HALVINGS = 8
# Converged when every mass balance holds to this, in log units (a relative 1e-11).
LOG_RESIDUAL_TOLERANCE = 1e-11
# The working set is compacted when fewer than this share of its cells are still open.
COMPACT_BELOW = 0.6


def _take(array: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """The given columns (a boolean mask or indices) of a (rows, cells) or (cells,) array."""
    return array.compress(columns, axis=-1) if columns.dtype == bool else array.take(columns, axis=-1)


class CriticalPoint:
    """The three mass balances at the critical point for a set of cells (one column each).

    proteins: (3, cells) totals P_j; totals: (3, cells) total BIM, NOXA, PUMA; target: (cells,)
    b*; load: (3, cells) or (3, 1) the background drugs' w_j; affinity: (3, 3) 1/K of BIM,
    NOXA, PUMA (rows) for each protein; drug_affinity: (3,) 1/D_j; ceiling_log_dose: (cells,)
    the largest log dose a step may reach (an upper bound of the critical dose).
    """

    _PER_CELL = ("proteins", "base", "present", "free", "offset", "ceiling")

    def __init__(self, proteins, totals, target, load, affinity, drug_affinity, ceiling_log_dose):
        self.proteins, self.affinity = proteins, affinity
        self.base = load + target[None, :] * affinity[0][:, None]
        # unknown_affinity[k, j]: how strongly unknown k (drug, NOXA, PUMA) loads protein j.
        self.unknown_affinity = np.vstack([drug_affinity, affinity[1], affinity[2]])
        # pair[3 i + k, j] = affinity[i, j] * unknown_affinity[k, j], for the Jacobian.
        self.pair = (affinity[:, None, :] * self.unknown_affinity[None, :, :]).reshape(9, 3)
        present = totals[1:] > 0
        self.present = np.vstack([np.ones(target.size), present]).astype(float)  # 0: d, n or u is 0
        self.free = self.present.copy()  # 1: solved for, 0: pinned
        self.pinned = not present.all()
        with np.errstate(divide="ignore"):
            log_bim = np.log(totals[0])  # -inf without BIM: the residual is not finite, the cell left open
        log_sensitizers = np.log(np.where(present, totals[1:], 1.0))  # an absent one is pinned
        self.offset = np.vstack([np.log(target) - log_bim, -log_sensitizers])
        self.ceiling = np.vstack([ceiling_log_dose, log_sensitizers])  # free never exceeds total

    def subset(self, columns) -> CriticalPoint:
        """The same balances for the cells ``columns`` (a boolean mask or indices)."""
        part = object.__new__(CriticalPoint)
        part.affinity, part.unknown_affinity, part.pair = self.affinity, self.unknown_affinity, self.pair
        for name in self._PER_CELL:
            setattr(part, name, _take(getattr(self, name), columns))
        part.pinned = self.pinned
        return part

    def pinned_dose(self, log_dose=None) -> CriticalPoint:
        """The same cells with the dose pinned at 0 (None) or at ``log_dose`` (natural log, nM;
        a number or one per cell; the start's and ceiling's dose): only NOXA and PUMA are solved for."""
        part = self.subset(np.arange(self.free.shape[1]))
        part.free[0], part.pinned = 0.0, True
        part.present[0] = float(log_dose is not None)
        part.ceiling[0] = 0.0 if log_dose is None else log_dose
        return part

    def start(self, log_dose, sweeps: int = 4) -> np.ndarray:
        """A start for Newton's method: the given log doses, with free NOXA and PUMA moved
        towards their balance at those doses by a few fixed-point sweeps n <- N / (1 + sum_j R_j / Kn_j)."""
        y = np.vstack([log_dose, self.ceiling[1:]])
        for _ in range(sweeps):
            free_protein = self.proteins / (self.base + self.unknown_affinity.T @ (np.exp(y) * self.present))
            y[1:] = np.where(self.present[1:] > 0, self.ceiling[1:] - np.log1p(self.affinity[1:] @ free_protein), y[1:])
        return y

    def residuals(self, y):
        """Log mass-balance errors of BIM, NOXA and PUMA at y, (3, cells), 0 for a pinned unknown,
        and what the Jacobian at y is computed from."""
        scale = np.exp(y)
        scale *= self.present  # d, n and u; an absent one is 0
        load = self.unknown_affinity.T @ scale
        load += self.base
        free_protein = self.proteins / load
        held = self.affinity @ free_protein
        held += 1.0  # 1 + sum_j R_j / K_ij
        residual = np.log(held)
        residual += self.offset
        residual[1:] += y[1:]
        residual *= self.free
        return residual, (scale, load, free_protein, held)

    def bim_residual(self, state) -> np.ndarray:
        """The BIM balance's log error from ``residuals``' state, also with the dose pinned."""
        return np.log(state[3][0]) + self.offset[0]

    def jacobian(self, state) -> np.ndarray:
        """d residual_i / d y_k as (9, cells), row 3 i + k; identity rows for pinned unknowns.

        d R_j / d y_k = -R_j / X_j * (unknown k's load on protein j), so
        d log(held_i) / d y_k = -sum_j (R_j / X_j) a_kj s_k / K_ij / held_i.
        """
        scale, load, free_protein, held = state
        jacobian = self.pair @ (free_protein / load)
        blocks = jacobian.reshape(3, 3, -1)
        blocks *= -scale[None, :, :]
        blocks /= held[:, None, :]
        blocks[1, 1] += 1.0
        blocks[2, 2] += 1.0
        if self.pinned:
            blocks *= self.free[:, None, :] * self.free[None, :, :]
            for k in range(3):
                blocks[k, k] += 1.0 - self.free[k]
        return jacobian


def newton(point: CriticalPoint, y: np.ndarray, lowest_log_dose: float = -np.inf):
    """Newton's method on ``point``'s balances from y (3, cells). Returns (y, converged).

    A cell is left unconverged when its line search finds no decrease (it has stalled), when a
    residual is not finite, or when its free log dose falls below ``lowest_log_dose``.
    """
    converged = np.zeros(y.shape[1], dtype=bool)
    columns = np.arange(y.shape[1])  # the cells of the working set
    current = y.copy()
    open_ = np.ones(columns.size, dtype=bool)
    residual, state = point.residuals(current)
    for _ in range(NEWTON_STEPS):
        done = (np.abs(residual) <= LOG_RESIDUAL_TOLERANCE).all(axis=0)
        converged[columns[done & open_]] = True
        open_ &= ~done & np.isfinite(residual).all(axis=0) & ((point.free[0] == 0) | (current[0] > lowest_log_dose))
        remaining = np.count_nonzero(open_)
        if remaining == 0:
            break
        if remaining < COMPACT_BELOW * columns.size:
            y[:, columns] = current
            point, state = point.subset(open_), tuple(_take(item, open_) for item in state)
            columns, residual, current = (_take(item, open_) for item in (columns, residual, current))
            open_ = np.ones(columns.size, dtype=bool)
        residual *= open_
        step = _step(point.jacobian(state), residual)
        merit = (residual**2).sum(axis=0)
        trial = np.minimum(current + step, point.ceiling)
        value, trial_state = point.residuals(trial)
        accepted = ~open_ | ((value**2).sum(axis=0) <= (1.0 - 1e-4) * merit)
        if accepted.all():
            current, residual, state = trial, value, trial_state
            continue
        current = np.where(accepted, trial, current)
        residual = np.where(accepted, value, residual)
        state = tuple(np.where(accepted, new, old) for new, old in zip(trial_state, state))
        stalled = _halve(point, current, residual, state, step, merit, np.flatnonzero(~accepted))
        open_[stalled] = False
    y[:, columns] = current
    return y, converged


def _step(jacobian: np.ndarray, residual: np.ndarray) -> np.ndarray:
    """The Newton step, capped at MAX_LOG_STEP in its largest component; 0 where singular."""
    step = -_solve_3x3(jacobian, residual)
    step[~np.isfinite(step)] = 0.0
    step *= np.minimum(1.0, MAX_LOG_STEP / np.maximum(np.abs(step).max(axis=0), 1e-300))
    return step


def _halve(point, current, residual, state, step, merit, pending):
    """Halve the steps of the cells ``pending`` (their full step was refused) until the squared
    residual falls, updating current, residual and state in place; returns the cells that stalled."""
    part = point.subset(pending)
    start, part_step, part_merit = _take(current, pending), _take(step, pending), merit[pending]
    scale = np.ones(pending.size)
    accepted = np.zeros(pending.size, dtype=bool)
    for _ in range(LINE_SEARCH_HALVINGS - 1):
        scale = np.where(accepted, scale, 0.5 * scale)  # an accepted cell keeps its step
        trial = np.minimum(start + scale * part_step, part.ceiling)
        value, trial_state = part.residuals(trial)
        accepted |= (value**2).sum(axis=0) <= (1.0 - 1e-4 * scale) * part_merit
        if accepted.all():
            break
    rows = pending[accepted]
    current[:, rows], residual[:, rows] = _take(trial, accepted), _take(value, accepted)
    for whole, new in zip(state, trial_state):
        whole[:, rows] = _take(new, accepted)
    return pending[~accepted]


def _solve_3x3(matrices: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """x with matrices @ x = vectors for a 3x3 system per cell, matrices (9, cells) row-major and
    vectors (3, cells), by Cramer's rule (much faster than a batched LU for 3x3); a singular or
    nearly singular system gives non-finite entries, silently."""
    a, b, c, d, e, f, g, h, i = matrices
    cofactor_a, cofactor_b, cofactor_c = e * i - f * h, f * g - d * i, d * h - e * g
    determinant = a * cofactor_a + b * cofactor_b + c * cofactor_c
    r, s, t = vectors
    solution = np.empty_like(vectors)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        solution[0] = (cofactor_a * r + (c * h - b * i) * s + (b * f - c * e) * t) / determinant
        solution[1] = (cofactor_b * r + (a * i - c * g) * s + (c * d - a * f) * t) / determinant
        solution[2] = (cofactor_c * r + (b * g - a * h) * s + (a * e - b * d) * t) / determinant
    return solution
