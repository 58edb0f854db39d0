"""How venetoclax was given in the ALL studies, and how pediatric studies scaled its dose.

- ``data/venetoclax_study_dosing.csv``: one row per study of the review's Table 1
  (``study_id`` as in ``data/published_studies.csv``, every study once): the venetoclax
  dose, days per cycle, ramp-up, azole adjustment and the basis of the dose (an adult
  fixed dose, a pediatric adult-equivalent dose, or mg/m²), each with where it was read.
  A blank means that neither the review nor the sources read give it. What the studies
  did, not a recommendation.
- ``data/venetoclax_pediatric_dosing.csv``: pediatric dose-finding sources, one row each:
  the dose levels, their basis and schedule.

Schemas in ``data/README.md``. Every problem raises ``widgets.data.schema.DataError``
naming the file, row and column.
"""

from __future__ import annotations

import pandas as pd

from widgets.data import data_file, trials
from widgets.data.prescribing import MAX_DAILY_DOSE_MG
from widgets.data.schema import Column, DataError, check_unique, read_table

STUDY_DOSING_CSV = data_file("venetoclax_study_dosing.csv")
PEDIATRIC_DOSING_CSV = data_file("venetoclax_pediatric_dosing.csv")

#: The basis of a study's dose: the same dose in mg for every adult, a pediatric dose
#: scaled to an adult-equivalent dose, a dose per m² of body surface area, or not reported.
AGE_BASES = ("adult_fixed_dose", "pediatric_adult_equivalent", "mg_per_m2", "not_reported")
#: Where a row's values were read: the review's text, its Table 1, the study's own abstract,
#: a secondary report quoting the study, or nowhere (``none``: no dosing figure found).
REPORTED_IN = ("review_text", "review_table1", "primary_abstract", "secondary", "none")
#: Longest course of daily venetoclax in one cycle, days (a 28-day cycle).
MAX_DAYS_PER_CYCLE = 28
DOSE_BASES = ("mg_per_m2", "adult_equivalent")
DISEASES = ("ALL", "AML")

STUDY_DOSING_COLUMNS = [
    Column("study_id", pattern=r"[a-z0-9_]+"),
    Column("venetoclax_dose_mg", kind="int", required=False, minimum=1, maximum=MAX_DAILY_DOSE_MG),
    Column("dose_text", required=False),
    Column("days_per_cycle", kind="int", required=False, minimum=1, maximum=MAX_DAYS_PER_CYCLE),
    Column("ramp_up", required=False),
    Column("azole_adjustment", required=False),
    Column("age_basis", kind="category", categories=AGE_BASES),
    Column("reported_in"),
    Column("bibkeys", kind="bibkeys"),
    Column("note", required=False),
]

PEDIATRIC_DOSING_COLUMNS = [
    Column("source_id", pattern=r"[a-z0-9_]+"),
    Column("bibkey", kind="bibkeys"),
    Column("disease", kind="category", categories=DISEASES),
    Column("ages_text"),
    Column("dose_basis", kind="category", categories=DOSE_BASES),
    Column("dose_levels", pattern=r"\d+(\.\d+)?(;\d+(\.\d+)?)*"),
    Column("unit"),
    Column("schedule"),
    Column("recommended_dose", kind="float", required=False, minimum=0),
    Column("reported_in"),
    Column("note", required=False),
]

# Values that are only meaningful when a dose was reported.
_DOSE_DETAILS = ("dose_text", "days_per_cycle", "ramp_up", "azole_adjustment")


def _places(path, row: int, text: str) -> tuple[str, ...]:
    """The ``reported_in`` list of one row, checked: known places, none twice, ``none`` alone."""
    places = tuple(part.strip() for part in text.split(";"))
    for place in places:
        if place not in REPORTED_IN:
            raise DataError(path, row, "reported_in", f"{place!r} is not one of {', '.join(REPORTED_IN)}")
    if len(set(places)) != len(places):
        raise DataError(path, row, "reported_in", f"lists a place twice ({text})")
    if "none" in places and len(places) > 1:
        raise DataError(path, row, "reported_in", "'none' cannot be combined with a place")
    return places


def _present(value) -> bool:
    return value is not None and not pd.isna(value)


def load_study_dosing(path=STUDY_DOSING_CSV, studies=None) -> pd.DataFrame:
    """The dosing table, validated and checked against the studies of ``published_studies.csv``
    (``studies``: a ``trials.load_studies()`` frame, read when not given): every study once,
    and a dose or a number of days that the studies file also gives must agree with it.
    ``reported_in`` is returned as a tuple of places."""
    frame = read_table(path, STUDY_DOSING_COLUMNS)
    check_unique(path, frame, ["study_id"])
    studies = trials.load_studies() if studies is None else studies
    by_study = studies.set_index("study_id")
    places = []
    for row, record in enumerate(frame.itertuples(index=False), start=1):
        if record.study_id not in by_study.index:
            raise DataError(path, row, "study_id", f"{record.study_id!r} is not a study of published_studies.csv")
        where = _places(path, row, record.reported_in)
        places.append(where)
        has_dose = _present(record.venetoclax_dose_mg)
        if not has_dose:
            for column in _DOSE_DETAILS:
                if _present(getattr(record, column)):
                    raise DataError(path, row, column, "is given but the dose is not; give the dose or leave it blank")
            if record.age_basis != "not_reported":
                raise DataError(path, row, "age_basis", "must be not_reported when no dose is reported")
            if where != ("none",):
                raise DataError(path, row, "reported_in", "must be none when no dose is reported")
            continue
        if not _present(record.dose_text):
            raise DataError(path, row, "dose_text", "a reported dose needs its words (how the source states it)")
        if where == ("none",) or record.age_basis == "not_reported":
            column = "reported_in" if where == ("none",) else "age_basis"
            raise DataError(path, row, column, "a reported dose needs where it was read and its basis")
        study = by_study.loc[record.study_id]
        for column, other in (("venetoclax_dose_mg", "venetoclax_dose_mg"), ("days_per_cycle", "venetoclax_days")):
            mine, theirs = getattr(record, column), study[other]
            if _present(mine) and _present(theirs) and int(mine) != int(theirs):
                raise DataError(path, row, column, f"{mine} differs from {other} {theirs} in published_studies.csv")
    missing = sorted(set(by_study.index) - set(frame["study_id"]))
    if missing:
        raise DataError(path, None, "study_id", f"no row for {', '.join(missing)}; every study needs one")
    frame["reported_in"] = places
    return frame


def load_pediatric_dosing(path=PEDIATRIC_DOSING_CSV) -> pd.DataFrame:
    """Pediatric dose-finding sources, validated; ``dose_levels`` is returned as a tuple of
    numbers and ``reported_in`` as a tuple of places; a recommended dose must be one of the
    levels tested."""
    frame = read_table(path, PEDIATRIC_DOSING_COLUMNS)
    check_unique(path, frame, ["source_id"])
    levels, places = [], []
    for row, record in enumerate(frame.itertuples(index=False), start=1):
        if len(record.bibkey) != 1:
            raise DataError(path, row, "bibkey", f"holds {len(record.bibkey)} keys; a source has exactly one")
        doses = tuple(float(value) for value in record.dose_levels.split(";"))
        if list(doses) != sorted(set(doses)):
            raise DataError(path, row, "dose_levels", "must rise, each level once")
        if _present(record.recommended_dose) and record.recommended_dose not in doses:
            raise DataError(
                path, row, "recommended_dose", f"{record.recommended_dose:g} is not one of the levels tested"
            )
        where = _places(path, row, record.reported_in)
        if where == ("none",):
            raise DataError(path, row, "reported_in", "a source row must say where it was read")
        levels.append(doses)
        places.append(where)
    frame["bibkey"] = [keys[0] for keys in frame["bibkey"]]
    frame["dose_levels"] = levels
    frame["reported_in"] = places
    return frame
