"""The ongoing trials of the review's Tables 2 and 3: ``data/ongoing_trials.csv``.

One row per row of the two tables (a trial listed in both has two rows, which must
classify it alike; ``widgets.data.trial_selection.unique_ongoing_trials`` merges them).
The schema and categories are in ``data/README.md``. Every problem raises
``widgets.data.schema.DataError`` naming the file, row and column.
"""

from __future__ import annotations

import pandas as pd

from widgets.data import data_file
from widgets.data.schema import Column, DataError, check_unique, read_table

ONGOING_TRIALS_CSV = data_file("ongoing_trials.csv")

TRIAL_PHASES = {2: "phase_1", 3: "phase_2"}  # the titles of the review's Tables 2 and 3
INTERVENTION_SOURCES = {2: "intervention_column", 3: "primary_outcome_column"}
TRIAL_SUBTYPES = ("ph_positive", "ph_negative_b", "b_all", "t_all", "any_all", "aml")
TRIAL_PARTNERS = ("tki", "blinatumomab", "inotuzumab", "hma", "chemotherapy", "corticosteroid", "other")

ONGOING_TRIAL_COLUMNS = [
    Column("nct_id"),
    Column("review_table", kind="int", minimum=2, maximum=3),
    Column("phase", kind="category", categories=tuple(TRIAL_PHASES.values())),
    Column("population"),
    Column("intervention"),
    Column("intervention_source", kind="category", categories=tuple(INTERVENTION_SOURCES.values())),
    Column("primary_outcome", required=False),
    Column("subtypes"),
    Column("partners"),
    Column("note", required=False),
]


def load_ongoing_trials(path=ONGOING_TRIALS_CSV) -> pd.DataFrame:
    """Rows of the review's Tables 2 and 3, validated; ``subtypes``/``partners`` are tuples."""
    frame = read_table(path, ONGOING_TRIAL_COLUMNS)
    frame["subtypes"] = _category_lists(path, frame, "subtypes", TRIAL_SUBTYPES)
    frame["partners"] = _category_lists(path, frame, "partners", TRIAL_PARTNERS)
    for row, record in enumerate(frame.itertuples(index=False), start=1):
        _check_trial_row(path, row, record)
    check_unique(path, frame, ["nct_id", "review_table"])
    _check_trial_attributes_agree(path, frame)
    return frame


# --- checks ----------------------------------------------------------------------------


def _category_lists(path, frame, column, allowed) -> list[tuple[str, ...]]:
    """Each cell of ``column`` as a tuple of allowed categories (``;``-separated)."""
    lists = []
    for row, text in enumerate(frame[column], start=1):
        items = tuple(item.strip() for item in text.split(";"))
        for item in items:
            if item not in allowed:
                raise DataError(path, row, column, f"{item!r} is not one of {', '.join(allowed)}")
        if len(set(items)) != len(items):
            raise DataError(path, row, column, f"lists a category twice ({text})")
        lists.append(items)
    return lists


def _check_trial_row(path, row, record) -> None:
    nct = record.nct_id
    if not (len(nct) == 11 and nct.startswith("NCT") and nct[3:].isascii() and nct[3:].isdigit()):
        raise DataError(path, row, "nct_id", f"{nct!r} is not an NCT number: 'NCT' followed by 8 digits")
    table = record.review_table
    if record.phase != TRIAL_PHASES[table]:
        raise DataError(path, row, "phase", f"Table {table} lists {TRIAL_PHASES[table]} trials, not {record.phase}")
    if record.intervention_source != INTERVENTION_SOURCES[table]:
        raise DataError(path, row, "intervention_source", f"must be {INTERVENTION_SOURCES[table]} for Table {table}")
    if table == 2 and pd.isna(record.primary_outcome):
        raise DataError(path, row, "primary_outcome", "Table 2 gives a primary outcome for every trial")
    if table == 3 and pd.notna(record.primary_outcome):
        raise DataError(
            path,
            row,
            "primary_outcome",
            "must be blank for Table 3, whose 'Primary outcome' column names the regimen (it goes in intervention)",
        )


def _check_trial_attributes_agree(path, frame) -> None:
    """Rows of one NCT number describe one trial: the same subtypes and partners."""
    for _, group in frame.groupby("nct_id", sort=False):
        for column in ("subtypes", "partners"):
            if len(set(group[column])) > 1:
                row = int(group.index[-1]) + 1
                raise DataError(
                    path,
                    row,
                    column,
                    f"differs from the other row of {group['nct_id'].iloc[0]}; classify the trial the same way in both",
                )
