"""The book's reading guide for model IC50s: sensitive, intermediate or resistant, each drug
read against its own exposure.

A teaching convention, not a clinical cut-off. Only venetoclax has a clinical exposure the
book can use: the label's mean steady-state peak at 400 mg is 2.1 ug/mL (about 2.4 uM
total), and less than 1% of it is unbound (``widgets.pharmacokinetics.one_compartment``),
so free venetoclax in plasma stays below about 24 nM. Venetoclax IC50s (alone or with a
partner that acts on the profile) are called sensitive below that free concentration, and
resistant more than ten times above it (the factor ten is the convention's choice).

The other drugs have no band. Navitoclax was given to patients in phase 1 studies that
report its pharmacokinetics ({wilson2010} in lymphoid malignancies, {gandhi2011} in solid
tumors), but only their abstracts could be read, which give neither a peak concentration at
the phase 2 dose nor the unbound fraction; a band built on a remembered figure would break
the book's rule that every number is read in its source. AZD4320 (given as AZD0466) and
S63845 have no clinical exposure at all. Their IC50s are shown as numbers only
(``NO_BAND``), never classified by venetoclax's band. A navitoclax band needs two read
constants, its mean peak at 250 mg/day and its unbound fraction, put into ``EXPOSURE_BANDS_NM``
as venetoclax's are (the peak converted to nM with navitoclax's own molecular weight, times
the unbound fraction).
"""

from __future__ import annotations

from widgets.pharmacokinetics import one_compartment as pharmacokinetics

FREE_PEAK_BOUND_NM = (
    float(pharmacokinetics.ug_per_ml_to_um(pharmacokinetics.REFERENCE_CMAX_SS_UG_PER_ML))
    * 1000.0
    * pharmacokinetics.UNBOUND_FRACTION_BELOW
)
SENSITIVE_BELOW_NM = FREE_PEAK_BOUND_NM
RESISTANT_ABOVE_NM = 10.0 * FREE_PEAK_BOUND_NM
# The classes, from most to least sensitive.
CLASSES = ("sensitive", "intermediate", "resistant")
# The reading of an IC50 of a drug without a clinical exposure band.
NO_BAND = "no exposure band"
# Each drug with a band: (sensitive below, resistant above), nM of free drug; whose band it is.
EXPOSURE_BANDS_NM = {"venetoclax": (SENSITIVE_BELOW_NM, RESISTANT_ABOVE_NM)}
BAND_SOURCES = {"venetoclax": "venclexta_label"}
# Drugs without a band, and why (chapters 04 and 07 say the same in their prose).
WITHOUT_BAND = {
    "navitoclax": "its phase 1 studies' peak concentration and unbound fraction could not be read",
    "azd4320": "no clinical exposure has been published",
    "s63845": "it has not been given to patients",
}


def has_band(drug_key: str) -> bool:
    """True when the drug's IC50s can be read against its own clinical exposure."""
    if drug_key not in EXPOSURE_BANDS_NM and drug_key not in WITHOUT_BAND:
        raise ValueError(
            f"drug_key: {drug_key!r} is not a drug of the model; "
            f"choose one of {', '.join([*EXPOSURE_BANDS_NM, *WITHOUT_BAND])}"
        )
    return drug_key in EXPOSURE_BANDS_NM


def ic50_class(ic50_nM: float, drug_key: str = "venetoclax") -> str:
    """The reading of an IC50 (nM; inf when not reached) of ``drug_key`` against that drug's own
    exposure band: sensitive, intermediate or resistant; ``NO_BAND`` for a drug without one."""
    if not has_band(drug_key):
        return NO_BAND
    sensitive_below, resistant_above = EXPOSURE_BANDS_NM[drug_key]
    if ic50_nM < sensitive_below:
        return "sensitive"
    return "intermediate" if ic50_nM <= resistant_above else "resistant"
