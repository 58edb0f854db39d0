"""The review's published clinical evidence: Table 1's studies and their figures.

- ``data/published_studies.csv``: one row per study of the review's Table 1 (refs 17-28).
- ``data/published_outcomes.csv``: one row per figure the review reports about those
  studies, in Table 1 or in its text, with where it was read (``source``).

The ongoing trials of its Tables 2 and 3 are read by ``widgets.data.ongoing_trials``.

Schemas, categories and the transcription rules are in ``data/README.md``. Where the
review's Table 1 and its text disagree, both figures are kept and share a
``disagreement`` slug (``widgets.data.trial_selection.table_text_disagreements`` lists
them; the selections and derived frames the chapters use are in that module too).
Every problem raises ``widgets.data.schema.DataError`` naming the file, row and column.
"""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from widgets.data import data_file
from widgets.data.schema import Column, DataError, check_unique, read_table
from widgets.stats import proportion_interval

STUDIES_CSV = data_file("published_studies.csv")
OUTCOMES_CSV = data_file("published_outcomes.csv")

SLUG = r"[a-z0-9_]+"
# Every row of the clinical files (these two and ongoing_trials.csv) is read in the review
# (Hanbali, Kotb and Saleh 2025): cite it for the tables and figures, together with the
# study's own bibkey for a study's figure.
REVIEW_BIBKEY = "hanbali2025"

# --- published_studies.csv -------------------------------------------------------------

LINEAGES = ("B", "T", "mixed")
SETTINGS = ("frontline", "relapsed_refractory", "mixed")
AGE_GROUPS = ("adult", "older_adult", "pediatric_aya", "pediatric_and_adult", "not_stated")
DESIGNS = ("phase_1", "phase_2", "phase_1_2", "retrospective", "case_series", "prospective")
PARTNER_CLASSES = (
    "low_intensity_chemo",
    "intensive_chemo",
    "hma",
    "bcl_xl_inhibitor",
    "liposomal_vincristine",
    "mixed_chemo",
)

STUDY_COLUMNS = [
    Column("study_id", pattern=SLUG),
    Column("review_ref", kind="int", minimum=17, maximum=28),
    Column("bibkey", kind="bibkeys"),
    Column("population"),
    Column("intervention"),
    Column("table1_primary_outcome"),
    Column("lineage", kind="category", categories=LINEAGES),
    Column("setting", kind="category", categories=SETTINGS),
    Column("age_group", kind="category", categories=AGE_GROUPS),
    Column("design", kind="category", categories=DESIGNS),
    Column("n", kind="int", required=False, minimum=1),
    Column("backbone"),
    Column("partner_class", kind="category", categories=PARTNER_CLASSES),
    Column("venetoclax_dose_mg", kind="int", required=False, minimum=1),
    Column("venetoclax_days", kind="int", required=False, minimum=1),
    Column("venetoclax_schedule", required=False),
    Column("note", required=False),
]

# --- published_outcomes.csv ------------------------------------------------------------

PERCENT, MONTHS, YEARS, PATIENTS = "percent", "months", "years", "patients"
UNITS = (PERCENT, MONTHS, YEARS, PATIENTS)


class Endpoint(NamedTuple):
    """What a figure measures: a short label for readers, its allowed units, its group."""

    label: str
    units: tuple[str, ...]
    group: str


# Every kind of figure the review reports about the Table 1 studies (data/README.md).
ENDPOINTS = {
    "ORR": Endpoint("ORR", (PERCENT,), "response"),
    "CR": Endpoint("CR", (PERCENT,), "response"),
    "CR_CRi": Endpoint("CR/CRi", (PERCENT,), "response"),
    "CR_CRp": Endpoint("CR/CRp", (PERCENT,), "response"),
    "response": Endpoint("response (kind not named)", (PERCENT,), "response"),
    "BM_remission": Endpoint("marrow remission", (PERCENT,), "response"),
    "BM_remission_full_recovery": Endpoint("marrow remission with full count recovery", (PERCENT,), "response"),
    "MRD_negative": Endpoint("MRD-negative", (PERCENT, PATIENTS), "response"),
    "MRD_negative_CR_CRi": Endpoint("MRD-negative CR/CRi", (PERCENT,), "response"),
    "bridged_to_transplant": Endpoint("went on to allo-HCT", (PERCENT, PATIENTS), "bridging"),
    "bridged_to_transplant_or_car_t": Endpoint("went on to allo-HCT or CAR-T", (PERCENT,), "bridging"),
    "OS_median_months": Endpoint("median OS", (MONTHS,), "survival"),
    "OS_months": Endpoint("OS (statistic not named)", (MONTHS,), "survival"),
    "OS_average_months": Endpoint("OS 'on average'", (MONTHS,), "survival"),
    "RFS_median_months": Endpoint("median RFS", (MONTHS,), "survival"),
    "OS_1yr": Endpoint("1-year OS", (PERCENT,), "survival"),
    "OS_2yr": Endpoint("2-year OS", (PERCENT,), "survival"),
    "PFS_2yr": Endpoint("2-year PFS", (PERCENT,), "survival"),
    "DOR_2yr": Endpoint("2-year DOR", (PERCENT,), "survival"),
    "OS_rate": Endpoint("OS (time point not named)", (PERCENT,), "survival"),
    "PFS_rate": Endpoint("PFS (time point not named)", (PERCENT,), "survival"),
    "relapse": Endpoint("relapses", (PATIENTS,), "survival"),
    "febrile_neutropenia": Endpoint("febrile neutropenia", (PERCENT,), "safety"),
    "treatment_related_death": Endpoint("treatment-related deaths", (PATIENTS,), "safety"),
    "fatal_adverse_event": Endpoint("fatal adverse events", (PATIENTS,), "safety"),
    "dose_limiting_toxicity": Endpoint("dose-limiting toxicities", (PATIENTS,), "safety"),
    "cohort_size": Endpoint("patients", (PATIENTS,), "description"),
    "age_median_years": Endpoint("median age", (YEARS,), "description"),
    "age_average_years": Endpoint("age 'on average'", (YEARS,), "description"),
    "age_minimum_years": Endpoint("youngest patient", (YEARS,), "description"),
    "age_maximum_years": Endpoint("oldest patient", (YEARS,), "description"),
    "ph_like": Endpoint("Ph-like ALL", (PERCENT,), "description"),
    "hispanic": Endpoint("Hispanic patients", (PERCENT,), "description"),
    "follow_up_months": Endpoint("follow-up (statistic not named)", (MONTHS,), "description"),
    "follow_up_median_months": Endpoint("median follow-up", (MONTHS,), "description"),
}

COHORTS = {
    "all": "all patients",
    "untreated": "untreated patients",
    "frontline": "frontline patients",
    "relapsed_refractory": "R/R patients",
    "responders": "responders",
    "received_consolidation": "patients who received consolidation",
    "ph_like": "Ph-like patients",
    "venetoclax": "venetoclax cohort",
    "historical_control": "original cohort without venetoclax",
    "venetoclax_monotherapy": "venetoclax alone",
    "vxl": "venetoclax with VXL",
    "cytarabine_etoposide": "venetoclax with cytarabine/etoposide",
    "not_stated": "denominator not stated",
}
SOURCES = ("table1", "text")
COUNTS_BASES = ("stated", "derived")

OUTCOME_COLUMNS = [
    Column("study_id", pattern=SLUG),
    Column("cohort", kind="category", categories=tuple(COHORTS)),
    Column("endpoint", kind="category", categories=tuple(ENDPOINTS)),
    Column("value", kind="float", minimum=0),
    Column("unit", kind="category", categories=UNITS),
    Column("numerator", kind="int", required=False, minimum=0),
    Column("denominator", kind="int", required=False, minimum=1),
    Column("counts_basis", kind="category", required=False, categories=COUNTS_BASES),
    Column("source", kind="category", categories=SOURCES),
    Column("disagreement", required=False, pattern=SLUG),
    Column("note", required=False),
]

# --- loaders ---------------------------------------------------------------------------


def load_studies(path=STUDIES_CSV) -> pd.DataFrame:
    """Table 1's studies, one row each, validated; ``bibkey`` is a single key (str)."""
    frame = read_table(path, STUDY_COLUMNS)
    for row, keys in enumerate(frame["bibkey"], start=1):
        if len(keys) != 1:
            raise DataError(path, row, "bibkey", f"holds {len(keys)} keys; a study has exactly one")
    frame["bibkey"] = [keys[0] for keys in frame["bibkey"]]
    for key in ("study_id", "review_ref", "bibkey"):
        check_unique(path, frame, [key])
    return frame


def load_outcomes(path=OUTCOMES_CSV, studies_path=STUDIES_CSV) -> pd.DataFrame:
    """Every figure about the Table 1 studies, validated against itself and the studies file."""
    studies = load_studies(studies_path)
    frame = read_table(path, OUTCOME_COLUMNS)
    study_sizes = dict(zip(studies["study_id"], studies["n"]))
    for row, record in enumerate(frame.itertuples(index=False), start=1):
        _check_figure(path, row, record, study_sizes)
    check_unique(path, frame, ["study_id", "cohort", "endpoint", "source"])
    _check_disagreement_groups(path, frame)
    _check_unflagged_conflicts(path, frame)
    _check_study_sizes(studies_path, studies, path, frame)
    return frame


# --- figures with their intervals ------------------------------------------------------


def with_confidence_intervals(outcomes, method="clopper_pearson", confidence=0.95) -> pd.DataFrame:
    """``outcomes`` plus ``ci_low_percent`` and ``ci_high_percent`` (missing where counts are not known).

    ``method`` is one of ``widgets.stats.METHODS``.
    """
    frame = outcomes.copy()
    bounds = [
        proportion_interval(int(num), int(den), method, confidence) if pd.notna(num) else (math.nan, math.nan)
        for num, den in zip(frame["numerator"], frame["denominator"])
    ]
    frame["ci_low_percent"] = [100 * low for low, _ in bounds]
    frame["ci_high_percent"] = [100 * high for _, high in bounds]
    return frame


# --- checks ----------------------------------------------------------------------------


def _check_figure(path, row, record, study_sizes) -> None:
    if record.study_id not in study_sizes:
        raise DataError(
            path,
            row,
            "study_id",
            f"{record.study_id!r} is not a study of the studies file; known: {', '.join(study_sizes)}",
        )
    endpoint = ENDPOINTS[record.endpoint]
    if record.unit not in endpoint.units:
        units = " or ".join(endpoint.units)
        raise DataError(path, row, "unit", f"{record.endpoint} is measured in {units}, not {record.unit}")
    if record.unit == PERCENT and record.value > 100:
        raise DataError(path, row, "value", f"{record.value:g} percent is outside 0 to 100")
    if record.unit == PATIENTS and not float(record.value).is_integer():
        raise DataError(path, row, "value", f"{record.value:g} is not a whole number of patients")
    _check_counts(path, row, record, study_sizes[record.study_id])
    if pd.notna(record.disagreement) and record.source == "table1" and pd.isna(record.note):
        raise DataError(
            path, row, "note", f"a Table 1 row of disagreement {record.disagreement!r} must explain it here"
        )


def _check_counts(path, row, record, study_size) -> None:
    """Numerator and denominator: together, percent only, consistent with the value."""
    has_numerator, has_denominator = pd.notna(record.numerator), pd.notna(record.denominator)
    if has_numerator != has_denominator:
        blank = "denominator" if has_numerator else "numerator"
        raise DataError(path, row, blank, "numerator and denominator go together: fill both or neither")
    if pd.notna(record.counts_basis) != has_numerator:
        problem = (
            "says how the counts were read (stated or derived)"
            if has_numerator
            else "must be blank when there are no counts"
        )
        raise DataError(path, row, "counts_basis", problem)
    if not has_numerator:
        return
    if record.unit != PERCENT:
        raise DataError(path, row, "numerator", f"counts go with percent figures only, not {record.unit}")
    if record.numerator > record.denominator:
        raise DataError(
            path, row, "numerator", f"{record.numerator} is larger than the denominator {record.denominator}"
        )
    if pd.notna(study_size) and record.denominator > study_size:
        raise DataError(path, row, "denominator", f"{record.denominator} is larger than the study's n ({study_size})")
    _check_value_matches_counts(path, row, record)


def _check_value_matches_counts(path, row, record) -> None:
    """The value must be 100 x numerator / denominator rounded as the review writes it.

    Tolerance: half a unit in the value's last written decimal (0.5 for "61", 0.05 for
    "88.9"): the review rounds 11/18 = 61.1% to 61% and 16/18 = 88.89% to 88.9%. A
    derived count must be the only count that rounds to the value.
    """
    tolerance = _rounding_tolerance(record.value)
    exact = 100 * record.numerator / record.denominator
    if abs(record.value - exact) > tolerance:
        raise DataError(
            path,
            row,
            "value",
            f"{record.value:g}% does not match {record.numerator}/{record.denominator} "
            f"= {exact:.2f}% (allowed rounding: ±{tolerance:g})",
        )
    if record.counts_basis == "derived":
        if pd.isna(record.note):
            raise DataError(path, row, "note", "derived counts need a note saying how they were derived")
        matching = [
            count
            for count in range(record.denominator + 1)
            if abs(record.value - 100 * count / record.denominator) <= tolerance
        ]
        if len(matching) > 1:
            raise DataError(
                path,
                row,
                "numerator",
                f"{record.value:g}% of {record.denominator} could be any of "
                f"{', '.join(map(str, matching))}: the count cannot be derived",
            )


def _rounding_tolerance(value: float) -> float:
    """Half a unit in the last decimal place of ``value`` as written, plus float slack."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return 0.5 * 10.0 ** min(0, exponent) + 1e-9


def _check_disagreement_groups(path, frame) -> None:
    """A disagreement pairs Table 1 rows with text rows of one study."""
    flagged = frame[frame["disagreement"].notna()]
    for slug, group in flagged.groupby("disagreement", sort=False):
        first = int(group.index[0]) + 1
        if group["study_id"].nunique() > 1:
            other = int(group.index[(group["study_id"] != group["study_id"].iloc[0]).to_numpy()][0]) + 1
            studies = ", ".join(group["study_id"].unique())
            raise DataError(path, other, "disagreement", f"{slug!r} spans studies {studies}")
        for source in SOURCES:
            if source not in set(group["source"]):
                raise DataError(
                    path,
                    first,
                    "disagreement",
                    f"{slug!r} has no {source} row; a disagreement pairs a Table 1 figure with a text figure",
                )


def _check_unflagged_conflicts(path, frame) -> None:
    """Table 1 and the text giving different values for one figure must be flagged."""
    for _, group in frame.groupby(["study_id", "cohort", "endpoint"], sort=False):
        if group["value"].nunique() > 1 and group["disagreement"].isna().any():
            row = int(group.index[group["disagreement"].isna().to_numpy()][-1]) + 1
            values = ", ".join(f"{source} {value:g}" for source, value in zip(group["source"], group["value"]))
            raise DataError(
                path,
                row,
                "disagreement",
                f"the sources give different values ({values}) for the same study, cohort and "
                "endpoint: name the disagreement and explain it",
            )


def _check_study_sizes(studies_path, studies, outcomes_path, outcomes) -> None:
    """A study's n must be one of its transcribed cohort sizes."""
    sizes = outcomes[outcomes["endpoint"] == "cohort_size"]
    for row, (study_id, n) in enumerate(zip(studies["study_id"], studies["n"]), start=1):
        reported = sorted(sizes.loc[sizes["study_id"] == study_id, "value"])
        if pd.notna(n) and n not in reported:
            listed = ", ".join(f"{size:g}" for size in reported) or "none"
            raise DataError(
                studies_path,
                row,
                "n",
                f"{n} is not among the cohort sizes transcribed for {study_id} "
                f"in {Path(outcomes_path).name} ({listed})",
            )
