"""Root searches for each cell's critical dose: the dose of the varied drug at which the
cell's free BIM reaches its MOMP level (``widgets.model.cells.critical_doses``).

Three searches, all on log dose and all vectorized over cells:

- ``bisect_log_dose``: bisection, for the BIM-only case, where whether a cell dies at a dose
  is a closed-form test;
- ``sensitized_log_dose``: Newton's method on the equilibrium written at the critical point,
  for the general case (NOXA and PUMA present). At the critical dose free BIM equals its
  MOMP level b*, so BIM is known there and only three unknowns remain: the dose d and free
  NOXA n and PUMA u. With X_j = w_j + b*/Kb_j + d/D_j + n/Kn_j + u/Ku_j (the load on protein
  j) and R_j = P_j / X_j (its free amount), the mass balances of BIM, NOXA and PUMA are

      BIM:   b* (1 + sum_j R_j / Kb_j) = B
      NOXA:  n  (1 + sum_j R_j / Kn_j) = N
      PUMA:  u  (1 + sum_j R_j / Ku_j) = U

  solved in logs (log d, log n, log u) with the exact Jacobian, damped steps and a
  line search. Each step costs one evaluation of these sums, where a bracketed search
  needs a full equilibrium solve per step; cells that do not converge are reported so
  that the caller can finish them with the bracketed search;
- ``illinois_log_dose``: the Illinois variant of regula falsi on a bracket, each step a
  full equilibrium solve: slow but safe, the fallback of the Newton search.
"""

from __future__ import annotations

import numpy as np

# The search range of doses, log10 nM: 1 fM to 1 M.
SEARCH_RANGE_LOG10_NM = (-9.0, 9.0)
BISECTION_STEPS = 40  # 18 decades / 2**40: a relative dose error below 1e-10
NEWTON_STEPS = 30
# A Newton step moves no unknown by more than this, in natural-log units (a factor of 20).
MAX_LOG_STEP = 3.0
# Halvings of a Newton step before the search counts as stalled.
LINE_SEARCH_HALVINGS = 8
# Converged when every mass balance holds to this, in log units (a relative 1e-11).
LOG_RESIDUAL_TOLERANCE = 1e-11


def bisect_log_dose(dies_at, size: int, steps: int = BISECTION_STEPS) -> np.ndarray:
    """Smallest dose (nM) at which ``dies_at(dose array)`` turns True, per cell, by bisection
    on log10(dose) over the search range; 0.0 if dead without drug, inf if never. With fewer
    ``steps`` the result is an upper bound, within 18 / 2**steps decades of the dose."""
    low_exp, high_exp = np.full(size, SEARCH_RANGE_LOG10_NM[0]), np.full(size, SEARCH_RANGE_LOG10_NM[1])
    dead_without = dies_at(np.zeros((size, 1)))
    never = ~dies_at(np.full((size, 1), 10.0 ** SEARCH_RANGE_LOG10_NM[1]))
    for _ in range(steps):
        middle = 0.5 * (low_exp + high_exp)
        dies = dies_at((10.0**middle)[:, None])
        high_exp = np.where(dies, middle, high_exp)
        low_exp = np.where(dies, low_exp, middle)
    return np.where(dead_without, 0.0, np.where(never, np.inf, 10.0**high_exp))


def illinois_log_dose(excess, size: int, tolerance_log10: float = 1e-9, max_steps: int = 200) -> np.ndarray:
    """Per cell, the dose (nM) where ``excess(log10 dose, rows)`` (increasing in dose) crosses
    zero: 0.0 if already positive with no drug, inf if never positive in the search range."""
    everyone = np.arange(size)
    dead_without = excess(np.full(size, -np.inf), everyone) >= 0
    low, high = np.full(size, SEARCH_RANGE_LOG10_NM[0]), np.full(size, SEARCH_RANGE_LOG10_NM[1])
    f_low, f_high = excess(low, everyone), excess(high, everyone)
    never = f_high < 0
    result = np.where(f_low >= 0, low, high)
    open_ = np.flatnonzero(~dead_without & ~never & (f_low < 0))
    side = np.zeros(size, dtype=int)  # which end was kept last time (Illinois halving)
    for _ in range(max_steps):
        if open_.size == 0:
            break
        a, b, fa, fb = low[open_], high[open_], f_low[open_], f_high[open_]
        guess = b - fb * (b - a) / (fb - fa)
        guess = np.where(np.isfinite(guess) & (guess > a) & (guess < b), guess, 0.5 * (a + b))
        f_guess = excess(guess, open_)
        up = f_guess >= 0
        high[open_[up]], f_high[open_[up]] = guess[up], f_guess[up]
        low[open_[~up]], f_low[open_[~up]] = guess[~up], f_guess[~up]
        kept_low_twice, kept_high_twice = up & (side[open_] == -1), ~up & (side[open_] == 1)
        f_low[open_[kept_low_twice]] *= 0.5
        f_high[open_[kept_high_twice]] *= 0.5
        side[open_] = np.where(up, -1, 1)
        result[open_] = high[open_]
        done = (high[open_] - low[open_] <= tolerance_log10) | (np.abs(f_guess) <= 1e-12)
        result[open_[done & ~up]] = low[open_[done & ~up]]
        open_ = open_[~done]
    return np.where(dead_without, 0.0, np.where(never, np.inf, 10.0**result))


class _CriticalPoint:
    """The three mass balances at the critical point, for a set of cells (one row each).

    proteins: (cells, 3) totals P_j; totals: (cells, 3) total BIM, NOXA, PUMA; target:
    (cells,) b*; base: (cells, 3) w_j + b*/Kb_j; affinity: (3, 3) 1/K of BIM, NOXA, PUMA
    (rows) for each protein; drug_affinity: (3,) 1/D_j.
    """

    def __init__(self, proteins, totals, target, base, affinity, drug_affinity):
        self.proteins, self.totals, self.target, self.base = proteins, totals, target, base
        self.affinity, self.drug_affinity = affinity, drug_affinity
        self.present = totals[:, 1:] > 0  # NOXA, PUMA: an absent one is pinned at 0

    def subset(self, rows):
        return _CriticalPoint(
            self.proteins[rows],
            self.totals[rows],
            self.target[rows],
            self.base[rows],
            self.affinity,
            self.drug_affinity,
        )

    def _load(self, y):
        """The load X_j on each protein, (cells, 3)."""
        scale = self._scales(y)
        return (
            self.base
            + scale[:, :1] * self.drug_affinity[None, :]
            + scale[:, 1:2] * self.affinity[1][None, :]
            + scale[:, 2:] * self.affinity[2][None, :]
        )

    def _scales(self, y):
        """d, n and u themselves (an absent sensitizer is 0), (cells, 3)."""
        scale = np.exp(np.clip(y, -700.0, 700.0))
        scale[:, 1:] = np.where(self.present, scale[:, 1:], 0.0)
        return scale

    def residuals(self, y):
        """Log mass-balance errors of BIM, NOXA and PUMA at y = (log d, log n, log u)."""
        held = 1.0 + (self.proteins / self._load(y)) @ self.affinity.T  # (cells, 3): 1 + sum_j R_j / K_ij
        with np.errstate(divide="ignore"):
            bim = np.log(self.target * held[:, 0]) - np.log(self.totals[:, 0])
            sensitizers = y[:, 1:] + np.log(held[:, 1:]) - np.log(np.where(self.present, self.totals[:, 1:], 1.0))
        return np.column_stack([bim, np.where(self.present, sensitizers, 0.0)])

    def sensitizers_settled(self, y, sweeps: int = 4):
        """y with free NOXA and PUMA moved towards their balance at its dose, by a few fixed-point
        sweeps n <- N / (1 + sum_j R_j / Kn_j) (a start for Newton's method, not a solution)."""
        y = y.copy()
        for _ in range(sweeps):
            held = 1.0 + (self.proteins / self._load(y)) @ self.affinity[1:].T
            y[:, 1:] = np.where(self.present, np.log(np.where(self.present, self.totals[:, 1:], 1.0) / held), y[:, 1:])
        return y

    def jacobian(self, y):
        """d residual_i / d y_k, (cells, 3, 3)."""
        scale = self._scales(y)
        load = (
            self.base
            + scale[:, :1] * self.drug_affinity[None, :]
            + scale[:, 1:2] * self.affinity[1][None, :]
            + scale[:, 2:] * self.affinity[2][None, :]
        )
        free_protein = self.proteins / load
        held = 1.0 + free_protein @ self.affinity.T
        # d R_j / d y_k = -R_j / X_j * (y_k's share of X_j); d log(held_i) / d y_k = sum_j dR_j/dy_k / K_ij / held_i
        slope = free_protein / load
        jacobian = np.empty((y.shape[0], 3, 3))
        for k, unknown_affinity in enumerate((self.drug_affinity, self.affinity[1], self.affinity[2])):
            d_free = -slope * (scale[:, k : k + 1] * unknown_affinity[None, :])
            jacobian[:, :, k] = (d_free @ self.affinity.T) / held
        jacobian[:, 1, 1] += 1.0
        jacobian[:, 2, 2] += 1.0
        for index in (1, 2):  # an absent sensitizer is not an unknown: an identity row
            absent = ~self.present[:, index - 1]
            if absent.any():
                jacobian[absent, index, :] = 0.0
                jacobian[absent, :, index] = 0.0
                jacobian[absent, index, index] = 1.0
        return jacobian


def sensitized_log_dose(proteins, totals, target, base, affinity, drug_affinity, upper_log_dose):
    """Newton's method at the critical point (module docstring). Returns (log dose, converged):
    the natural log of each cell's critical dose (nM) and whether its search converged.

    upper_log_dose: (cells,) an upper bound of the log critical dose, and the start (the
    critical dose without the sensitizers). Free NOXA and PUMA start near their balance. A
    cell whose search stalls or runs below the search range (it dies without the drug, or
    nearly) is left unconverged for the caller to settle.
    """
    everyone = _CriticalPoint(proteins, totals, target, base, affinity, drug_affinity)
    ceiling = np.log(np.where(totals[:, 1:] > 0, totals[:, 1:], 1.0))
    y = everyone.sensitizers_settled(np.column_stack([upper_log_dose, ceiling]))
    lowest = np.log(10.0) * (SEARCH_RANGE_LOG10_NM[0] - 3)
    converged = np.zeros(y.shape[0], dtype=bool)
    active, point = np.arange(y.shape[0]), everyone
    residual = point.residuals(y)
    for _ in range(NEWTON_STEPS):
        done = np.all(np.abs(residual) <= LOG_RESIDUAL_TOLERANCE, axis=1)
        converged[active[done]] = True
        keep = ~done & np.isfinite(residual).all(axis=1) & (y[active, 0] > lowest)
        if not keep.all():
            active, residual, point = active[keep], residual[keep], point.subset(keep)
        if active.size == 0:
            break
        current = y[active]
        step = -_solve_3x3(point.jacobian(current), residual)
        largest = np.max(np.abs(step), axis=1, keepdims=True)
        step = np.where(np.isfinite(step), step, 0.0) * np.minimum(1.0, MAX_LOG_STEP / np.maximum(largest, 1e-300))
        merit = (residual**2).sum(axis=1)
        scale = np.ones(active.size)
        pending = np.arange(active.size)
        trial_point = point
        for _ in range(LINE_SEARCH_HALVINGS):  # halve each cell's step until the squared residual falls
            candidate = current[pending] + scale[pending, None] * step[pending]
            candidate[:, 0] = np.minimum(candidate[:, 0], upper_log_dose[active[pending]])
            candidate[:, 1:] = np.minimum(candidate[:, 1:], ceiling[active[pending]])
            value = trial_point.residuals(candidate)
            accepted = (value**2).sum(axis=1) <= (1.0 - 1e-4 * scale[pending]) * merit[pending]
            y[active[pending[accepted]]] = candidate[accepted]
            residual[pending[accepted]] = value[accepted]
            pending = pending[~accepted]
            if pending.size == 0:
                break
            scale[pending] *= 0.5
            trial_point = point.subset(pending)
        if pending.size:
            # A cell whose line search found no decrease has stalled (typically it dies without
            # the drug: its root lies at ever lower doses): leave it to the caller.
            keep = np.ones(active.size, dtype=bool)
            keep[pending] = False
            active, residual, point = active[keep], residual[keep], point.subset(keep)
    return y[:, 0], converged


def _solve_3x3(matrices: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """x with matrices @ x = vectors, for a stack of 3x3 systems, by Cramer's rule (much faster
    than a batched LU for 3x3); a singular system gives non-finite entries."""
    (a, b, c), (d, e, f), (g, h, i) = (matrices[:, row, :].T for row in range(3))
    cofactor_a, cofactor_b, cofactor_c = e * i - f * h, f * g - d * i, d * h - e * g
    determinant = a * cofactor_a + b * cofactor_b + c * cofactor_c
    r, s, t = vectors.T
    inverse_rows = (
        (cofactor_a, c * h - b * i, b * f - c * e),
        (cofactor_b, a * i - c * g, c * d - a * f),
        (cofactor_c, b * g - a * h, a * e - b * d),
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.column_stack([(row[0] * r + row[1] * s + row[2] * t) / determinant for row in inverse_rows])
