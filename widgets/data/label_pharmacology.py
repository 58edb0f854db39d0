"""The label's pharmacology beyond the azoles: ``data/venetoclax_label_pharmacology.csv``.

One row per statement a trainee needs beside the azole adjustments: the food effect,
CYP3A inducers, venetoclax as a P-gp inhibitor, warfarin, which azoles are strong or
moderate inhibitors, dexamethasone, and the rules for low blood counts. Each row is a
sentence for the page, with the numbers it quotes repeated in ``value_low`` and
``value_high`` (so that a page can glue them) and a check that the sentence states them;
``verification`` uses the grades of ``widgets.data.prescribing.VERIFICATION``. Schema in
``data/README.md``; problems raise ``widgets.data.schema.DataError`` naming file, row and
column.
"""

from __future__ import annotations

import pandas as pd

from widgets.data import data_file
from widgets.data.prescribing import VERIFICATION
from widgets.data.schema import Column, DataError, check_unique, read_table

LABEL_PHARMACOLOGY_CSV = data_file("venetoclax_label_pharmacology.csv")

TOPICS = ("food", "inducers", "pgp_substrates", "warfarin", "azoles", "dexamethasone", "cytopenias")
UNITS = ("fold", "percent", "days", "mg")

LABEL_PHARMACOLOGY_COLUMNS = [
    Column("item_id", pattern=r"[a-z0-9_]+"),
    Column("topic", kind="category", categories=TOPICS),
    Column("statement"),
    Column("value_low", kind="float", required=False, minimum=0),
    Column("value_high", kind="float", required=False, minimum=0),
    Column("unit", kind="category", categories=UNITS, required=False),
    Column("bibkeys", kind="bibkeys"),
    Column("verification", kind="category", categories=VERIFICATION),
    Column("note", required=False),
]


def _given(value) -> bool:
    return value is not None and not pd.isna(value)


def load_label_pharmacology(path=LABEL_PHARMACOLOGY_CSV) -> pd.DataFrame:
    """The statements, validated: values come with a unit, low ≤ high, and the statement
    quotes each value it carries (as ``f"{value:g}"``)."""
    frame = read_table(path, LABEL_PHARMACOLOGY_COLUMNS)
    check_unique(path, frame, ["item_id"])
    for row, record in enumerate(frame.itertuples(index=False), start=1):
        values = [v for v in (record.value_low, record.value_high) if _given(v)]
        if len(values) == 1:
            raise DataError(
                path,
                row,
                "value_high" if _given(record.value_low) else "value_low",
                "value_low and value_high go together: fill both (equal for one value) or neither",
            )
        if values and not _given(record.unit):
            raise DataError(path, row, "unit", "a value needs its unit")
        if not values and _given(record.unit):
            raise DataError(path, row, "unit", "is given without a value")
        if values and record.value_low > record.value_high:
            raise DataError(path, row, "value_low", f"{record.value_low:g} is above value_high {record.value_high:g}")
        for column, value in (("value_low", record.value_low), ("value_high", record.value_high)):
            if _given(value) and f"{value:g}" not in record.statement:
                raise DataError(path, row, column, f"{value:g} is not stated in the statement")
    return frame


def by_topic(topic: str, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows of one topic, in file order."""
    if topic not in TOPICS:
        raise ValueError(f"topic: must be one of {', '.join(TOPICS)}, not {topic!r}")
    frame = load_label_pharmacology() if frame is None else frame
    return frame[frame["topic"] == topic]
