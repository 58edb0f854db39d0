"""widgets.model constants: every number has a source in the bibliography and a stated basis."""

import math

import pytest

from widgets import model
from widgets.data.bibliography import bibkeys
from widgets.model import bh3, constants
from widgets.model.constants import BASES, Constant


def all_constants():
    found = []
    for name in dir(constants):
        value = getattr(constants, name)
        if isinstance(value, Constant):
            found.append((name, value))
        elif isinstance(value, dict) and all(isinstance(item, Constant) for item in value.values()) and value:
            found += [(f"{name}[{key}]", item) for key, item in value.items()]
    for drug in model.DRUGS.values():
        found += [(f"{drug.key}[{protein}]", item) for protein, item in drug.kd_nM.items()]
    for peptide in bh3.PEPTIDES.values():
        found.append((f"{peptide.key} dose", peptide.concentration_nM))
        found += [(f"{peptide.key}[{protein}]", item) for protein, item in peptide.kd_nM.items()]
    return found


@pytest.mark.parametrize("name, constant", all_constants(), ids=[name for name, _ in all_constants()])
def test_every_constant_is_cited_and_labelled(name, constant):
    assert constant.source in bibkeys(), f"{name}: source {constant.source!r} is not in references.bib"
    assert constant.basis in BASES
    if constant.basis != "measured":
        assert constant.note, f"{name}: a {constant.basis} needs a note saying what it stands for"
    if not constant.verified:
        assert "not read" in constant.note, f"{name}: an unverified number must say it was not read in its source"
    assert constant.value > 0 or math.isinf(constant.value)


def test_every_drug_has_an_affinity_for_every_anti_apoptotic_protein():
    for drug in model.DRUGS.values():
        assert list(drug.kd_nM) == list(model.ANTI_APOPTOTICS)


def test_selectivity_as_published():
    venetoclax, s63845 = model.DRUGS["venetoclax"].kd_nM, model.DRUGS["s63845"].kd_nM
    assert venetoclax["bclxl"].value / venetoclax["bcl2"].value >= 4800  # Souers 2013: > 4,800-fold
    assert math.isinf(s63845["bcl2"].value) and math.isinf(s63845["bclxl"].value)


def test_a_wrong_basis_is_refused():
    with pytest.raises(ValueError, match="basis: must be one of"):
        Constant(1.0, "nM", "souers2013", "guess")
