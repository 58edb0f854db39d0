"""widgets.model.partners: each partner changes the profile as its mechanism says."""

import pytest

from widgets import model
from widgets.data.bibliography import bibkeys
from widgets.model.partners import partner, with_partners

B_ALL = model.PROFILES["b_all"]


@pytest.mark.parametrize("key", ["asparaginase", "homoharringtonine"])
def test_translation_blockers_lower_mcl1_only(key):
    after = partner(key).apply(B_ALL)
    assert after.mcl1 < B_ALL.mcl1 and after.bcl2 == B_ALL.bcl2 and after.bim == B_ALL.bim


def test_dexamethasone_raises_bim():
    assert partner("dexamethasone").apply(B_ALL).bim > B_ALL.bim


def test_mdm2_inhibitor_induces_noxa_and_puma_and_azacitidine_noxa():
    after = partner("mdm2_inhibitor").apply(B_ALL)
    assert after.noxa > 0 and after.puma > 0
    assert partner("azacitidine").apply(B_ALL).noxa > 0


def test_partners_apply_in_order_and_are_cited():
    both = with_partners(B_ALL, ["asparaginase", "dexamethasone"])
    assert both.mcl1 < B_ALL.mcl1 and both.bim > B_ALL.bim
    for item in model.PARTNERS.values():
        assert set(item.sources) <= bibkeys() and item.mechanism


def test_unknown_partner():
    with pytest.raises(ValueError, match="partners: 'radiotherapy' is not a known partner"):
        partner("radiotherapy")
