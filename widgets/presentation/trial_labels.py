"""What readers call the categories of the clinical data (``widgets.data.trials``).

Each dict maps a category key of ``data/published_studies.csv``, ``published_outcomes.csv``
or ``ongoing_trials.csv`` (``data/README.md``) to the words the explorers, cards and
charts show for it. The chart rows use shorter wordings (``CHART_*``): a row has one line.
The explorers' menus show them too, each with a count after it, and each must fit a
phone-wide menu (tests/browser/test_phone.py).
"""

from __future__ import annotations

from widgets.data import trials

LINEAGE_LABELS = {"B": "B-lineage", "T": "T-lineage", "mixed": "B and T, or lineage not restricted"}
SETTING_LABELS = {
    "frontline": "frontline",
    "relapsed_refractory": "relapsed/refractory",
    "mixed": "frontline and relapsed/refractory cohorts",
}
AGE_LABELS = {
    "adult": "adults",
    "older_adult": "older adults",
    "pediatric_aya": "children, adolescents, young adults",
    "pediatric_and_adult": "children and adults",
    "not_stated": "age not stated in the review",
}
DESIGN_LABELS = {
    "phase_1": "phase 1",
    "phase_2": "phase 2",
    "phase_1_2": "phase 1/2",
    "retrospective": "retrospective",
    "case_series": "case series",
    "prospective": "prospective",
}
PARTNER_LABELS = {
    "low_intensity_chemo": "low-intensity (mini-hyper-CVD)",
    "intensive_chemo": "intensive or pediatric-inspired",
    "hma": "hypomethylating agent",
    "bcl_xl_inhibitor": "BCL-XL co-inhibition (navitoclax)",
    "liposomal_vincristine": "liposomal vincristine",
    "mixed_chemo": "mixed chemotherapy regimens",
}
SUBTYPE_LABELS = {
    "ph_positive": "Ph-positive ALL",
    "ph_negative_b": "Ph-negative B-ALL",
    "b_all": "B-ALL, Ph status not given",
    "t_all": "T-ALL",
    "any_all": "ALL, lineage not given",
    "aml": "also enrolls AML",
}
TRIAL_PARTNER_LABELS = {
    "tki": "tyrosine kinase inhibitor",
    "blinatumomab": "blinatumomab",
    "inotuzumab": "inotuzumab ozogamicin",
    "hma": "hypomethylating agent",
    "chemotherapy": "chemotherapy",
    "corticosteroid": "corticosteroid",
    "other": "other drugs",
}
# The partner classes as the bar chart of ongoing trials names them (narrow, for phones).
TRIAL_PARTNER_SHORT_LABELS = {**TRIAL_PARTNER_LABELS, "tki": "TKI", "inotuzumab": "inotuzumab"}
PHASE_LABELS = {"phase_1": "phase I", "phase_2": "phase II"}
SOURCE_LABELS = {"table1": "Table 1", "text": "text"}

# Short cohort labels for the chart rows (the tables use ``trials.COHORTS``).
CHART_COHORTS = {
    **trials.COHORTS,
    "received_consolidation": "had consolidation",
    "historical_control": "original cohort, no venetoclax",
    "not_stated": "of whom: not stated",
    "cytarabine_etoposide": "venetoclax + cytarabine/etoposide",
}
# Short endpoint wording for a Table 1 description that differs from the text's.
CHART_UNNAMED = {
    "OS_months": "no statistic named",
    "OS_average_months": "'on average'",
    "OS_rate": "no time point",
    "PFS_rate": "no time point",
    "response": "'response'",
}
# Shorter endpoint labels where those of ``trials.ENDPOINTS`` would crowd a chart row.
CHART_ENDPOINTS = {"BM_remission_full_recovery": "marrow remission + full recovery"}


def chart_endpoint(endpoint: str) -> str:
    """An endpoint's label on a chart row."""
    return CHART_ENDPOINTS.get(endpoint, trials.ENDPOINTS[endpoint].label)
