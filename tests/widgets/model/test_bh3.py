"""widgets.model.bh3: the simulated BH3 profile reads out each profile's dependence."""

import re

import numpy as np
import pytest

from widgets import model
from widgets.model import binding
from widgets.model.bh3 import PEPTIDES
from widgets.model.cells import LIGAND_KD, active_bax_nM

CELLS = 400


def profile_of(key):
    return model.bh3_profile(model.PROFILES[key], cells=CELLS)


def test_the_standard_panel():
    assert list(PEPTIDES) == ["BIM", "BIM_control", "BAD", "HRK", "MS1", "NOXA"]
    assert set(profile_of("b_all")) == set(PEPTIDES)


def test_bcl2_dependent_b_all_responds_to_bad_not_hrk_or_ms1():
    response = profile_of("b_all")
    assert response["BAD"] > 80 and response["HRK"] < 20 and response["MS1"] < 20 and response["NOXA"] < 20


def test_mature_t_all_shows_bclxl_dependence():
    assert profile_of("mature_t_all")["HRK"] > profile_of("b_all")["HRK"] + 20


def test_mcl1_driven_profile_shows_mcl1_dependence():
    response = profile_of("mcl1_resistant")
    assert response["MS1"] > 50 and response["NOXA"] > 50 and response["BAD"] < 50


def test_responses_are_percentages_and_bim_reads_priming():
    for key in model.PROFILES:
        assert all(0 <= value <= 100 for value in profile_of(key).values())
    bare = model.PROFILES["b_all"].scaled(bcl2=0.0, bclxl=0.0, mcl1=0.0)
    assert model.bh3_profile(bare, cells=CELLS)["BIM"] >= 95


def active_bax_with_peptide(profile, key: str) -> float:
    """Active BAX/BAK (nM) of the typical cell (the profile itself) exposed to one peptide of the panel."""
    peptide = PEPTIDES[key]
    dose = peptide.concentration_nM.value
    kd = np.array([[peptide.kd_nM[protein].value for protein in model.ANTI_APOPTOTICS]])
    ligands = np.array([[profile.bim, profile.noxa, profile.puma]])
    equilibrium = binding.solve([[profile.bcl2, profile.bclxl, profile.mcl1]], ligands, LIGAND_KD, [[dose]], kd)
    activator = equilibrium.free_ligands[0, 0] + (dose if peptide.activates_bax else 0.0)
    return float(active_bax_nM(profile.bax_bak, activator))


def test_a_peptide_frees_bim_in_the_typical_cell():
    b_all = model.PROFILES["b_all"]
    assert active_bax_with_peptide(b_all, "BAD") > active_bax_with_peptide(b_all, "HRK")


def test_bad_profile_is_refused():
    with pytest.raises(ValueError, match=re.escape("profile: must be a widgets.model.Profile")):
        model.bh3_profile({"bcl2": 1})


def test_the_high_dose_bim_control_kills_every_profile_that_low_dose_bim_leaves_alive():
    for key in model.PROFILES:
        response = profile_of(key)
        assert response["BIM_control"] >= 95 and response["BIM_control"] >= response["BIM"]
