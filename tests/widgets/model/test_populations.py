"""widgets.model.populations: cells vary around their profile, and reach MOMP where BAX/BAK says."""

import numpy as np
import pytest

from widgets import model
from widgets.model.constants import LEVEL_VARIATION_SD
from widgets.model.populations import active_bax_nM, momp_free_bim_nM, population

B_ALL = model.PROFILES["b_all"]


def test_levels_are_log_normal_around_the_profile():
    cells = population(B_ALL, cells=5000)
    for name in ("bcl2", "mcl1", "bim", "bax_bak"):
        logs = np.log(cells.levels[name])
        assert np.exp(np.median(logs)) == pytest.approx(getattr(B_ALL, name), rel=0.05)
        assert logs.std() == pytest.approx(LEVEL_VARIATION_SD.value, rel=0.05)


def test_changing_one_population_leaves_the_next_draw_alone():
    first = population(B_ALL, cells=300)
    expected = first.levels["bim"].copy()
    first.levels["bim"][:] = 0.0
    assert np.array_equal(population(B_ALL, cells=300).levels["bim"], expected)
    assert not np.array_equal(population(B_ALL, cells=300, seed=1).levels["bim"], expected)


def test_free_bim_at_the_momp_level_activates_exactly_the_threshold():
    bax = np.array([20.0, 60.0, 150.0])
    assert np.allclose(active_bax_nM(bax, momp_free_bim_nM(bax)), model.MOMP_THRESHOLD_NM.value, rtol=1e-12)
    assert np.isinf(momp_free_bim_nM([0.0, model.MOMP_THRESHOLD_NM.value])).all()
