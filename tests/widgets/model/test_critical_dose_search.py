"""widgets.model.critical_dose_search: the bracket of doses with the sensitizers holds the root."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.widgets.model.test_critical_point import cells_, critical_point_of, full_equilibrium
from widgets.model import critical_dose_search


@settings(max_examples=40, deadline=None)
@given(st.lists(cells_, min_size=1, max_size=6), st.sampled_from(["venetoclax", "navitoclax", "s63845"]))
def test_the_bracket_bounds_each_critical_dose_from_above_within_its_width(rows, drug_key):
    ceiling, never = critical_dose_search.bracket_log_dose(critical_point_of(rows, drug_key))
    target = np.array([row[6] for row in rows])
    width = np.log(10.0) * 18 / 2**critical_dose_search.BRACKET_STEPS
    at_ceiling = full_equilibrium(rows, drug_key, np.exp(ceiling)).free_ligands[:, 0]
    below = full_equilibrium(rows, drug_key, np.exp(ceiling - width)).free_ligands[:, 0]
    top = full_equilibrium(rows, drug_key, np.full(len(rows), 1e9)).free_ligands[:, 0]
    dies = ~never
    assert np.all(at_ceiling[dies] >= target[dies] * (1 - 1e-6))  # the cell dies at its ceiling
    assert np.all(top[never] < target[never] * (1 + 1e-6))  # and a cell called never survives 1e9 nM
    inside = dies & (ceiling > np.log(1e-9) + width)  # the bracket's lower end is open at the floor
    assert np.all(below[inside] <= target[inside] * (1 + 1e-6))
