"""Appendix, the model: its profiles, drugs, partners and every constant, the solver, and
how the reading guide follows from the venetoclax label."""

from __future__ import annotations

from widgets.chapters.common import prepare_page, reading_guide_numbers
from widgets.model import binding, constants
from widgets.pharmacokinetics import one_compartment as pharmacokinetics
from widgets.presentation import model_tables
from widgets.presentation.text import fold_change


def numbers() -> dict[str, str]:
    """Every value the page glues: the reading guide and the label numbers it rests on, the
    solver's tolerance and the affinity loss of BCL2 G101V. The label's total peak is
    written to one decimal in µM, the precision of the label's 2.1 µg/mL."""
    cmax_uM = float(pharmacokinetics.ug_per_ml_to_um(pharmacokinetics.REFERENCE_CMAX_SS_UG_PER_ML))
    return reading_guide_numbers() | {
        "label.cmax_total": f"{cmax_uM:.1f} µM",
        "label.unbound_fraction": f"{100 * pharmacokinetics.UNBOUND_FRACTION_BELOW:g}%",
        "solver.relative_tolerance": f"{binding.RELATIVE_TOLERANCE:.0e}",
        "g101v.affinity_loss": fold_change(constants.BCL2_G101V_VENETOCLAX_AFFINITY_LOSS.value),
    }


def setup() -> None:
    prepare_page(numbers)


# The model's tables, as the page shows them.
profiles_table = model_tables.profiles_table
selectivity_table = model_tables.selectivity_table
partners_table = model_tables.partners_table
constants_table = model_tables.constants_table
