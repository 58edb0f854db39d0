"""widgets.chapters.appendix_model: the appendix's derivation of the reading guide adds up,
and its tables list what the model holds."""

import pytest

from widgets import model
from widgets.chapters import appendix_model as page
from widgets.model import binding, constants
from widgets.pharmacokinetics import one_compartment as pharmacokinetics
from widgets.presentation.text import dose_label


def test_the_label_peak_is_the_label_value_in_micromolar(numbers):
    """2.1 µg/mL of a drug of 868.44 g/mol is about 2.4 µM."""
    value, unit = numbers["label.cmax_total"].split()
    expected = pharmacokinetics.REFERENCE_CMAX_SS_UG_PER_ML * 1000 / pharmacokinetics.MOLECULAR_WEIGHT_G_PER_MOL
    assert unit == "µM" and float(value) == pytest.approx(expected, abs=0.05)


def test_the_guide_follows_from_the_glued_label_numbers(numbers):
    """The paragraph's arithmetic: peak x unbound fraction is the sensitive line, and the
    resistant line is the factor times it."""
    cmax_nM = float(numbers["label.cmax_total"].split()[0]) * 1000
    unbound = float(numbers["label.unbound_fraction"].rstrip("%")) / 100
    assert unbound == pharmacokinetics.UNBOUND_FRACTION_BELOW
    assert cmax_nM * unbound == pytest.approx(model.SENSITIVE_BELOW_NM, rel=0.05)
    assert numbers["guide.sensitive_below"] == dose_label(model.SENSITIVE_BELOW_NM)
    factor = float(numbers["guide.resistant_factor"])
    assert numbers["guide.resistant_above"] == dose_label(factor * model.SENSITIVE_BELOW_NM)


def test_the_solver_tolerance_and_the_g101v_fold_are_printed_without_rounding_them_away(numbers):
    assert float(numbers["solver.relative_tolerance"]) == binding.RELATIVE_TOLERANCE
    assert float(numbers["g101v.affinity_loss"].replace(",", "")) == pytest.approx(
        constants.BCL2_G101V_VENETOCLAX_AFFINITY_LOSS.value, rel=0.05
    )


def test_the_tables_list_every_profile_drug_partner_and_constant():
    profiles = page.profiles_table().data
    assert all(named.name in profiles for named in model.NAMED_PROFILES.values())
    drugs = page.selectivity_table().data
    assert all(f"| {drug.name} |" in drugs for drug in model.DRUGS.values())
    partners = page.partners_table().data
    assert all(f"| {partner.name} |" in partners for partner in model.PARTNERS.values())
    assert "| Active BAX/BAK at MOMP |" in page.constants_table().data


def test_the_calibration_paragraph_gives_the_mcl1_shifts_the_model_gives(numbers):
    """Doubling MCL-1 in BCL-2-dependent B-ALL is a graded shift (under tenfold) and tripling it
    passes the switch the page describes: the glued folds are the model's IC50 ratios."""
    b_all = model.PROFILES["b_all"]
    alone = model.ic50(b_all, "venetoclax")
    doubled, tripled = (model.ic50(b_all.scaled(mcl1=factor), "venetoclax") / alone for factor in (2.0, 3.0))
    assert float(numbers["calibration.mcl1_x2_shift"]) == pytest.approx(doubled, rel=0.05) and doubled < 10
    assert float(numbers["calibration.mcl1_x3_shift"].replace(",", "")) == pytest.approx(tripled, rel=0.05)
    assert tripled > 10 * doubled
    assert numbers["calibration.b_all_mcl1"] == dose_label(b_all.mcl1)
