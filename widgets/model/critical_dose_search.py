"""Root searches for each cell's critical dose: the dose of the varied drug at which the
cell's free BIM reaches its MOMP level (``widgets.model.cells.critical_doses``).

The searches, all on log dose and all vectorized over cells:

- ``bisect_log_dose``: bisection, for the BIM-only case, where whether a cell dies at a dose
  is a closed-form test;
- ``sensitized_log_dose``: for the general case (NOXA or PUMA present), Newton's method on
  the equilibrium written at the critical point (``widgets.model.critical_point``), where
  free BIM is known and the dose is an unknown; each step costs one evaluation of three
  sums per cell, where a bracketed search needs a full equilibrium solve per step. It starts
  from an upper bound of the dose: the BIM-only critical dose or, for a cell with none,
  ``bracket_log_dose`` (a coarse bisection with ``dies_at``, the same balances solved at a
  pinned dose). Cells it leaves open are tested at no drug (``dies_at``) or finished by the
  bracketed search;
- ``illinois_log_dose``: the Illinois variant of regula falsi on a bracket, each step a
  full equilibrium solve: slow but safe, the fallback of the Newton search.
"""

from __future__ import annotations

import numpy as np

from widgets.model import critical_point
from widgets.model.critical_point import CriticalPoint

# The search range of doses, log10 nM: 1e-9 nM (1 aM) to 1e9 nM (1 M).
SEARCH_RANGE_LOG10_NM = (-9.0, 9.0)
BISECTION_STEPS = 40  # 18 decades / 2**40: a relative dose error below 1e-10
BRACKET_STEPS = 6  # 18 decades / 2**6: the Newton search starts within 0.3 decades of the root


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


def sensitized_log_dose(point: CriticalPoint):
    """Newton's method at the critical point (``widgets.model.critical_point``) for the cells of
    ``point``, started from its dose ceiling (an upper bound of the critical dose) with free NOXA
    and PUMA near their balance there. Returns (log dose, converged): the natural log of each
    cell's critical dose (nM) and whether its search converged. A cell whose search stalls or
    runs below the search range (it dies without the drug, or nearly) is left unconverged."""
    lowest = np.log(10.0) * SEARCH_RANGE_LOG10_NM[0]
    y, converged = critical_point.newton(point, point.start(point.ceiling[0]), lowest_log_dose=lowest)
    return y[0], converged


def dies_at(point: CriticalPoint, log_dose=None):
    """(dies, settled) for the cells of ``point`` at a dose (natural log, nM, a number or one per
    cell; None for no drug): the NOXA and PUMA balances solved at that dose with free BIM at its
    MOMP level; the BIM a cell has is then enough to reach MOMP (dies) or not. ``settled`` is
    False where that solve did not converge (and dies is False there)."""
    pinned = point.pinned_dose(log_dose)
    y, settled = critical_point.newton(pinned, pinned.start(pinned.ceiling[0]))
    _, state = pinned.residuals(y)
    return settled & (pinned.bim_residual(state) <= 0.0), settled


def bracket_log_dose(point: CriticalPoint, steps: int = BRACKET_STEPS):
    """(ceiling, never) for cells with no BIM-only root: ``ceiling`` an upper bound of each cell's
    log critical dose (natural log, nM), by bisection on log dose with ``dies_at``, within
    18 / 2**steps decades where every test settled; ``never`` True for a cell shown to survive
    the top of the search range (its critical dose is inf)."""
    low, high = np.log(10.0) * np.array(SEARCH_RANGE_LOG10_NM)[:, None] * np.ones(point.free.shape[1])
    dies_at_top, settled = dies_at(point, high)
    for _ in range(steps):
        middle = 0.5 * (low + high)
        dies, _ = dies_at(point, middle)  # a test that did not settle moves only the lower end
        high, low = np.where(dies, middle, high), np.where(dies, low, middle)
    return high, settled & ~dies_at_top
