"""The book's reading guide for model IC50s: sensitive, intermediate or resistant.

A teaching convention, not a clinical cut-off. The label's mean steady-state peak at
400 mg is 2.1 ug/mL (about 2.4 uM total), and less than 1% of it is unbound
(``widgets.pharmacokinetics.one_compartment``), so free venetoclax in plasma stays below
about 24 nM. The model calls cells sensitive when their IC50 is below that free
concentration, and resistant when it is more than ten times above it (the factor ten is
the convention's choice).
"""

from __future__ import annotations

from widgets.pharmacokinetics import one_compartment as pharmacokinetics

FREE_PEAK_BOUND_NM = (float(pharmacokinetics.ug_per_ml_to_um(pharmacokinetics.REFERENCE_CMAX_SS_UG_PER_ML)) * 1000.0
                      * pharmacokinetics.UNBOUND_FRACTION_BELOW)
SENSITIVE_BELOW_NM = FREE_PEAK_BOUND_NM
RESISTANT_ABOVE_NM = 10.0 * FREE_PEAK_BOUND_NM
# The classes, from most to least sensitive.
CLASSES = ("sensitive", "intermediate", "resistant")


def ic50_class(ic50_nM: float) -> str:
    """The reading of an IC50 (nM; inf when not reached): sensitive, intermediate or resistant."""
    if ic50_nM < SENSITIVE_BELOW_NM:
        return "sensitive"
    return "intermediate" if ic50_nM <= RESISTANT_ABOVE_NM else "resistant"
