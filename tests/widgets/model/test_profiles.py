"""widgets.model.profiles: profiles are validated, scaled without mutation, and cited."""

import math

import pytest

from widgets import model
from widgets.data.bibliography import bibkeys
from widgets.model import cells
from widgets.model.profiles import NAMED_PROFILES, Profile

REQUIRED_KEYS = {"b_all", "kmt2a_b_all", "ph_like_b_all", "etp_all", "mature_t_all", "mcl1_resistant"}


def test_the_named_profiles_are_the_subtypes_of_the_review():
    assert set(model.PROFILES) == REQUIRED_KEYS
    for named in NAMED_PROFILES.values():
        assert named.sources and set(named.sources) <= bibkeys()
        assert len(named.evidence) > 40


def test_profile_directions_follow_the_literature():
    p = model.PROFILES
    assert p["mature_t_all"].bclxl > p["mature_t_all"].bcl2, "mature T-ALL: BCL-XL high"
    assert (
        p["etp_all"].bcl2 > p["b_all"].bcl2
        and p["etp_all"].bim < p["b_all"].bim
        and p["etp_all"].bax_bak < p["b_all"].bax_bak
    )
    assert p["kmt2a_b_all"].bcl2 > p["b_all"].bcl2
    assert p["ph_like_b_all"].bclxl > p["b_all"].bclxl
    assert p["mcl1_resistant"].mcl1 > p["mcl1_resistant"].bcl2 + p["mcl1_resistant"].bclxl


def test_scaled_and_added_return_new_profiles():
    base = model.PROFILES["b_all"]
    before = base.levels()
    raised = base.scaled(mcl1=4.0)
    assert raised.mcl1 == 4 * before["mcl1"] and raised.bcl2 == base.bcl2 and base.levels() == before
    assert base.added(noxa=5.0).noxa == 5.0


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: Profile(bcl2=-1, bclxl=1, mcl1=1, bim=1, bax_bak=1), "bcl2: must be a finite number >= 0 nM"),
        (lambda: Profile(bcl2=1, bclxl=math.nan, mcl1=1, bim=1, bax_bak=1), "bclxl: must be a finite number >= 0 nM"),
        (lambda: Profile(bcl2=1, bclxl=1, mcl1=math.inf, bim=1, bax_bak=1), "mcl1: must be a finite number >= 0 nM"),
        (lambda: Profile(bcl2=1, bclxl=1, mcl1=1, bim="40", bax_bak=1), "bim: must be a finite number >= 0 nM"),
        (lambda: model.PROFILES["b_all"].scaled(mcl1=-2.0), "mcl1: the factor must be a finite number >= 0"),
        (lambda: model.PROFILES["b_all"].scaled(bcl3=2.0), "bcl3: not a level of a profile"),
        (lambda: model.PROFILES["b_all"].added(noxa=-1.0), "noxa: the amount added must be a finite number >= 0 nM"),
    ],
)
def test_bad_levels_name_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_profile_is_keyword_only():
    with pytest.raises(TypeError):
        Profile(60.0, 10.0, 15.0, 40.0, 60.0)


def test_bcl2_dependent_b_all_keeps_bim_to_spare_when_mcl1_or_bclxl_doubles():
    """The calibration's reason (profiles.py): once venetoclax has emptied BCL-2, the BCL-XL and
    MCL-1 of the BCL-2-dependent B-ALL profile hold less than the BIM beyond the MOMP level, even
    with one of them doubled, so doubling it shifts the IC50 a few-fold, not past a switch."""
    p = model.PROFILES["b_all"]
    spare_bim = p.bim - float(cells.momp_free_bim_nM(p.bax_bak))
    assert 2 * p.mcl1 + p.bclxl < spare_bim and p.mcl1 + 2 * p.bclxl < spare_bim
