"""Exact competitive-binding equilibrium at the anti-apoptotic BH3 grooves.

Each anti-apoptotic protein (a *pocket*: BCL-2, BCL-XL, MCL-1) has one BH3-binding
groove, which holds at most one partner at a time. Two kinds of partner compete for it:

- *depleting ligands*, whose total amount in the cell is fixed (BIM, NOXA, PUMA): what
  binds the pockets is taken from their free pool;
- *clamped ligands*, whose free concentration is fixed from outside (a drug in the
  culture medium, a BH3 peptide in a profiling assay): the medium is a reservoir, so
  binding does not lower their free concentration.

Mass action with dissociation constants ``K[i, j]`` (nM) gives, for every pocket j and
depleting ligand i (free concentrations in lower case, totals in upper case):

    P_j = p_j * (w_j + sum_i l_i / K[i, j])        w_j = 1 + sum_k c_k / Kc[k, j]
    L_i = l_i * (1 + sum_j p_j / K[i, j])

where c_k are the clamped ligands' free concentrations. The first line gives each
pocket's free amount in closed form once the free ligands are known. Writing
l_i = exp(v_i), the second line is then exactly the stationarity condition of the
strictly convex function

    psi(v) = sum_i (exp(v_i) - L_i v_i) + sum_j P_j log(w_j + sum_i exp(v_i) / K[i, j])

so the equilibrium exists, is unique, and damped Newton's method on psi (steps capped in
length, with an Armijo line search) converges to it from any start. The unknowns are the depleting
ligands only (usually just BIM, so each cell is a one-dimensional problem), solved for
many cells at once, one row per cell, until every mass balance holds to a relative
1e-10. Nothing is approximated: no "tight binding" or "ligand excess" formula.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RELATIVE_TOLERANCE = 1e-10
# Amounts below this (nM) are physically nothing; no relative accuracy is sought below it.
ABSOLUTE_TOLERANCE_NM = 1e-20
MAX_NEWTON_STEPS = 100
MAX_HALVINGS = 60
# Largest Newton step, in natural-log units of a free concentration (a factor of 20):
# far from the solution psi is nearly linear and a full Newton step would overshoot.
MAX_LOG_STEP = 3.0


@dataclass(frozen=True)
class Equilibrium:
    """Free and bound amounts at equilibrium, nM; one row per cell.

    free_pockets (cells, pockets); free_ligands (cells, ligands);
    bound (cells, ligands, pockets): depleting ligand i bound to pocket j;
    clamped_bound (cells, clamped, pockets): clamped ligand k bound to pocket j.
    """

    free_pockets: np.ndarray
    free_ligands: np.ndarray
    bound: np.ndarray
    clamped_bound: np.ndarray


def solve(pocket_totals, ligand_totals, ligand_kd, clamped_free=None, clamped_kd=None) -> Equilibrium:
    """Solve the competitive-binding equilibrium for every cell.

    pocket_totals: (cells, pockets) total anti-apoptotic protein, nM, >= 0.
    ligand_totals: (cells, ligands) total depleting ligand, nM, >= 0.
    ligand_kd: (ligands, pockets) dissociation constants, nM, > 0 (``np.inf``: does not bind).
    clamped_free: (cells, clamped) free concentration of each clamped ligand, nM, >= 0.
    clamped_kd: (clamped, pockets) dissociation constants, nM, > 0 (``np.inf``: does not bind).
    """
    pocket_totals = np.atleast_2d(np.asarray(pocket_totals, dtype=float))
    ligand_totals = np.atleast_2d(np.asarray(ligand_totals, dtype=float))
    cells, pockets = pocket_totals.shape
    ligand_kd = np.asarray(ligand_kd, dtype=float).reshape(-1, pockets)
    if clamped_free is None:
        clamped_free, clamped_kd = np.zeros((cells, 0)), np.zeros((0, pockets))
    clamped_free = np.atleast_2d(np.asarray(clamped_free, dtype=float))
    clamped_kd = np.asarray(clamped_kd, dtype=float).reshape(-1, pockets)
    _check(pocket_totals, ligand_totals, ligand_kd, clamped_free, clamped_kd)

    affinity = 1.0 / ligand_kd  # (ligands, pockets), 1/nM
    clamped_load = 1.0 + clamped_free @ (1.0 / clamped_kd)  # w_j, (cells, pockets)
    binding_ligands = _free_ligands(pocket_totals, ligand_totals, affinity, clamped_load)
    free_pockets = pocket_totals / (clamped_load + binding_ligands @ affinity)
    bound = binding_ligands[:, :, None] * free_pockets[:, None, :] * affinity[None, :, :]
    # Ligands below the absolute tolerance take no part in binding: all of them is free.
    free_ligands = np.where(ligand_totals > ABSOLUTE_TOLERANCE_NM, binding_ligands, ligand_totals)
    clamped_bound = clamped_free[:, :, None] * free_pockets[:, None, :] / clamped_kd[None, :, :]
    return Equilibrium(free_pockets, free_ligands, bound, clamped_bound)


def _check(pocket_totals, ligand_totals, ligand_kd, clamped_free, clamped_kd):
    for name, array in (
        ("pocket_totals", pocket_totals),
        ("ligand_totals", ligand_totals),
        ("clamped_free", clamped_free),
    ):
        if not np.isfinite(array).all() or (array < 0).any():
            raise ValueError(f"{name}: concentrations must be finite and >= 0 nM")
    for name, array in (("ligand_kd", ligand_kd), ("clamped_kd", clamped_kd)):
        if np.isnan(array).any() or (array <= 0).any():
            raise ValueError(f"{name}: dissociation constants must be > 0 nM (np.inf for no binding)")
    cells = pocket_totals.shape[0]
    if ligand_totals.shape[0] != cells or clamped_free.shape[0] != cells:
        raise ValueError("ligand_totals, clamped_free: need one row per cell, like pocket_totals")
    if ligand_kd.shape[0] != ligand_totals.shape[1] or clamped_kd.shape[0] != clamped_free.shape[1]:
        raise ValueError("ligand_kd, clamped_kd: need one row per ligand, one column per pocket")


def _free_ligands(pocket_totals, ligand_totals, affinity, clamped_load):
    """Damped Newton on psi in v = log(free ligand), cells solved together until converged."""
    cells, ligands = ligand_totals.shape
    # A ligand below the absolute tolerance is left unbound: it is physically nothing.
    present = ligand_totals > ABSOLUTE_TOLERANCE_NM
    # Start with every ligand free, the largest it can be.
    log_free = np.log(np.where(present, ligand_totals, 1.0))
    active = np.flatnonzero(present.any(axis=1)) if ligands else np.arange(0)
    for _ in range(MAX_NEWTON_STEPS):
        state = _State(pocket_totals[active], ligand_totals[active], clamped_load[active], present[active], affinity)
        v = log_free[active]
        gradient, hessian = state.gradient_and_hessian(v)
        unconverged = np.any(
            np.abs(gradient) > RELATIVE_TOLERANCE * state.ligand_totals + ABSOLUTE_TOLERANCE_NM, axis=1
        )
        active = active[unconverged]
        if active.size == 0:
            break
        state = state.subset(unconverged)
        v, gradient, hessian = v[unconverged], gradient[unconverged], hessian[unconverged]
        if ligands == 1:
            step = -gradient / hessian[:, :, 0]
        else:
            step = -np.linalg.solve(hessian, gradient[..., None])[..., 0]
        largest = np.max(np.abs(step), axis=1, keepdims=True)
        step = np.where(largest > MAX_LOG_STEP, step * (MAX_LOG_STEP / np.maximum(largest, MAX_LOG_STEP)), step)
        log_free[active] = state.line_search(v, step, gradient)
    else:
        raise RuntimeError(
            f"binding equilibrium did not converge in {MAX_NEWTON_STEPS} Newton steps "
            f"for {active.size} of {cells} cells"
        )
    return np.where(present, np.exp(log_free), 0.0)


class _State:
    """The per-cell constants of psi for the cells still being solved."""

    def __init__(self, pocket_totals, ligand_totals, clamped_load, present, affinity):
        self.pocket_totals, self.ligand_totals = pocket_totals, ligand_totals
        self.clamped_load, self.present, self.affinity = clamped_load, present, affinity

    def subset(self, rows):
        return _State(
            self.pocket_totals[rows],
            self.ligand_totals[rows],
            self.clamped_load[rows],
            self.present[rows],
            self.affinity,
        )

    def _free(self, v):
        return np.where(self.present, np.exp(v), 0.0)

    def potential(self, v):
        free = self._free(v)
        occupancy = np.log(self.clamped_load + free @ self.affinity)
        return (free - np.where(self.present, self.ligand_totals * v, 0.0)).sum(axis=1) + (
            self.pocket_totals * occupancy
        ).sum(axis=1)

    def gradient_and_hessian(self, v):
        free = self._free(v)
        weights = free[:, :, None] * self.affinity[None, :, :]  # l_i / K_ij
        denominator = self.clamped_load + weights.sum(axis=1)  # w_j + sum_i l_i / K_ij
        shares = weights / denominator[:, None, :]  # r_ij
        bound = shares * self.pocket_totals[:, None, :]  # P_j r_ij
        gradient = free + bound.sum(axis=2) - self.ligand_totals
        hessian = -np.einsum("cij,ckj->cik", bound, shares)
        diagonal = np.arange(v.shape[1])
        hessian[:, diagonal, diagonal] += free + bound.sum(axis=2)
        # A ligand with no protein is not a variable: pin it with an identity row.
        absent = ~self.present
        gradient = np.where(absent, 0.0, gradient)
        hessian = np.where(absent[:, :, None] | absent[:, None, :], 0.0, hessian)
        hessian[:, diagonal, diagonal] += absent
        return gradient, hessian

    def line_search(self, v, step, gradient):
        """Halve each cell's step until psi falls enough (Armijo).

        A free ligand never exceeds its total, so trial points are clipped to that bound.
        Near the solution psi changes by less than its rounding error, so a step within
        that error is accepted too.
        """
        current = self.potential(v)
        ceiling = np.log(np.where(self.present, self.ligand_totals, 1.0))
        rounding = 1e-12 * np.maximum(np.abs(current), 1.0)
        scale = np.ones(v.shape[0])
        result = v.copy()
        pending = np.arange(v.shape[0])
        for _ in range(MAX_HALVINGS):
            trial = np.minimum(v[pending] + scale[pending, None] * step[pending], ceiling[pending])
            value = self.subset(pending).potential(trial)
            decrease = (gradient[pending] * (trial - v[pending])).sum(axis=1)
            accepted = value <= current[pending] + 1e-4 * decrease + rounding[pending]
            result[pending[accepted]] = trial[accepted]
            pending = pending[~accepted]
            if pending.size == 0:
                break
            scale[pending] *= 0.5
        return result
