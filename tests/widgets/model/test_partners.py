"""widgets.model.partners: each partner changes the profile as its mechanism says, by a size
that does not make a resistant profile look more sensitive than a BCL-2-dependent blast."""

import pytest

from widgets import model
from widgets.data.bibliography import bibkeys
from widgets.model import partners
from widgets.model.partners import partner, with_partners

B_ALL = model.PROFILES["b_all"]
RESISTANT = ("mature_t_all", "mcl1_resistant")


def venetoclax_ic50(profile_key, regimen_key="venetoclax"):
    regimen = model.REGIMENS[regimen_key]
    return model.ic50(model.PROFILES[profile_key], regimen.drug, **regimen.options())


@pytest.mark.parametrize("key", ["asparaginase", "homoharringtonine", "azacitidine"])
def test_mcl1_lowering_partners_lower_mcl1_only(key):
    after = partner(key).apply(B_ALL)
    assert after.mcl1 < B_ALL.mcl1 and after.bcl2 == B_ALL.bcl2 and after.bim == B_ALL.bim


def test_dexamethasone_raises_bim_only_by_its_assumed_factor():
    after = partner("dexamethasone").apply(B_ALL)
    assert after.bim == pytest.approx(B_ALL.bim * partners.DEXAMETHASONE_BIM_FACTOR)
    assert (after.bcl2, after.bclxl, after.mcl1) == (B_ALL.bcl2, B_ALL.bclxl, B_ALL.mcl1)


def test_the_two_regimen_partners_cite_the_primary_sources_of_their_mechanisms():
    """Dexamethasone's BIM rise is cited to ALL studies; azacitidine's MCL-1 fall to an AML study,
    and its mechanism says so."""
    assert {"bachmann2010", "jing2015", "ploner2008"} <= set(partner("dexamethasone").sources)
    azacitidine = partner("azacitidine")
    assert "tsao2012" in azacitidine.sources and "hanbali2025" not in azacitidine.sources
    assert "acute myeloid leukemia" in azacitidine.mechanism and "not shown in ALL" in azacitidine.mechanism


@pytest.mark.parametrize("profile_key", list(model.PROFILES))
def test_dexamethasone_lowers_every_venetoclax_ic50(profile_key):
    assert venetoclax_ic50(profile_key, "venetoclax_dexamethasone") < venetoclax_ic50(profile_key)


@pytest.mark.parametrize("profile_key", ["etp_all", "mcl1_resistant"])
def test_azacitidine_lowers_the_ic50_where_mcl1_holds_bim_by_less_than_blocking_mcl1(profile_key):
    with_azacitidine = venetoclax_ic50(profile_key, "venetoclax_azacitidine")
    assert venetoclax_ic50(profile_key, "venetoclax_s63845") <= with_azacitidine < venetoclax_ic50(profile_key)


@pytest.mark.parametrize("regimen_key", ["venetoclax_dexamethasone", "venetoclax_azacitidine"])
@pytest.mark.parametrize("profile_key", RESISTANT)
def test_no_partner_makes_a_resistant_profile_more_sensitive_than_bcl2_dependent_b_all(regimen_key, profile_key):
    assert venetoclax_ic50(profile_key, regimen_key) > venetoclax_ic50("b_all")
    assert venetoclax_ic50(profile_key, regimen_key) > model.RESISTANT_ABOVE_NM


def test_the_former_doubling_of_bim_over_restored_the_mcl1_driven_state():
    """Why the BIM factor was lowered from x2: doubling BIM made the MCL-1-driven state more
    sensitive than BCL-2-dependent B-ALL; the factor in use keeps it resistant (test above)."""
    assert partners.DEXAMETHASONE_BIM_FACTOR < 2.0
    doubled = model.ic50(model.PROFILES["mcl1_resistant"].scaled(bim=2.0), "venetoclax")
    assert doubled < venetoclax_ic50("b_all") < venetoclax_ic50("mcl1_resistant", "venetoclax_dexamethasone")


def test_mdm2_inhibitor_induces_noxa_and_puma():
    after = partner("mdm2_inhibitor").apply(B_ALL)
    assert after.noxa > 0 and after.puma > 0


def test_partners_apply_in_order_and_are_cited():
    both = with_partners(B_ALL, ["asparaginase", "dexamethasone"])
    assert both.mcl1 < B_ALL.mcl1 and both.bim > B_ALL.bim
    for item in model.PARTNERS.values():
        assert set(item.sources) <= bibkeys() and item.mechanism


def test_unknown_partner():
    with pytest.raises(ValueError, match="partners: 'radiotherapy' is not a known partner"):
        partner("radiotherapy")
