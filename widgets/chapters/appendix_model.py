"""Appendix, the model: its profiles, drugs, partners and every constant, the solver, how
the reading guide follows from the venetoclax label, and the calibration's MCL-1 shifts."""

from __future__ import annotations

from widgets.chapters.common import prepare_page, reading_guide_numbers
from widgets.data.findings import load_findings
from widgets.model import binding, calibration, constants
from widgets.model.profiles import PROFILES
from widgets.pharmacokinetics import one_compartment as pharmacokinetics
from widgets.presentation import model_tables
from widgets.presentation.text import dose_label, fold_change


def numbers() -> dict[str, str]:
    """Every value the page glues: the reading guide and the label numbers it rests on, the
    solver's tolerance, the affinity loss of BCL2 G101V, and how far doubling and tripling
    MCL-1 move the venetoclax IC50 of BCL-2-dependent B-ALL (``calibration.mcl1_x2_shift``,
    ``calibration.mcl1_x3_shift``, fold), and how many rows the calibration file has and how
    many of them are known gaps. The label's total peak is written to one decimal
    in µM, the precision of the label's 2.1 µg/mL."""
    cmax_uM = float(pharmacokinetics.ug_per_ml_to_um(pharmacokinetics.REFERENCE_CMAX_SS_UG_PER_ML))
    return (
        reading_guide_numbers()
        | {
            "label.cmax_total": f"{cmax_uM:.1f} µM",
            "label.unbound_fraction": f"{100 * pharmacokinetics.UNBOUND_FRACTION_BELOW:g}%",
            "solver.relative_tolerance": f"{binding.RELATIVE_TOLERANCE:.0e}",
            "g101v.affinity_loss": fold_change(constants.BCL2_G101V_VENETOCLAX_AFFINITY_LOSS.value),
            "calibration.b_all_mcl1": dose_label(PROFILES["b_all"].mcl1),
            "calibration.rows": f"{len(load_findings())}",
            "calibration.known_gaps": f"{int((load_findings()['status'] == 'known_gap').sum())}",
        }
        | {f"calibration.mcl1_x{factor}_shift": fold_change(mcl1_shift(factor)) for factor in MCL1_FACTORS}
    )


# The rises of MCL-1 whose effect on the B-ALL venetoclax IC50 the calibration section quotes.
MCL1_FACTORS = (2, 3)


def mcl1_shift(factor: int) -> float:
    """How many times the venetoclax IC50 of BCL-2-dependent B-ALL rises when MCL-1 is
    multiplied by ``factor`` (the quantity of the calibration row ``mcl1_rise_is_gradual``)."""
    raised = calibration.model_value(f"ic50:venetoclax:b_all:mcl1x{factor}")
    return raised / calibration.model_value("ic50:venetoclax:b_all")


def setup() -> None:
    prepare_page(numbers)


# The model's tables, as the page shows them.
profiles_table = model_tables.profiles_table
selectivity_table = model_tables.selectivity_table
partners_table = model_tables.partners_table
constants_table = model_tables.constants_table
