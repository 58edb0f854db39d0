"""Where the clinical programmes of the resistance strategies stand: ``data/bh3_mimetic_programmes.csv``.

One row per drug the resistance chapter proposes as a partner or successor for venetoclax
(the dual BCL-2/BCL-XL inhibitor AZD0466, the MCL-1 inhibitors AZD5991 and AMG 397): its
trial, what became of it and when (``as_of``, the date of the source), the cardiac signal
where one was reported, and how the claim was checked (``evidence``, the book's evidence
markers, ``EVIDENCE``). Schema in ``data/README.md``; problems raise
``widgets.data.schema.DataError`` naming file, row and column.
"""

from __future__ import annotations

import pandas as pd

from widgets.data import data_file
from widgets.data.schema import Column, DataError, check_unique, read_table

PROGRAMMES_CSV = data_file("bh3_mimetic_programmes.csv")

#: The book's evidence markers (the ``evidence`` role of ``_ext/evidence.py`` and the
#: sources page): primary source, reported by the review, meeting abstract, secondary
#: source, teaching assumption.
EVIDENCE = ("primary", "review", "abstract", "secondary", "assumption")
TARGETS = ("bcl2_bclxl", "mcl1")
TARGET_TEXT = {"bcl2_bclxl": "BCL-2 and BCL-XL", "mcl1": "MCL-1"}

PROGRAMME_COLUMNS = [
    Column("drug", pattern=r"[A-Z0-9 -]+"),
    Column("target", kind="category", categories=TARGETS),
    Column("nct_id", pattern=r"NCT\d{8}"),
    Column("trial"),
    Column("status"),
    Column("as_of", pattern=r"\d{4}(-\d{2})?"),
    Column("troponin_rises", kind="int", required=False, minimum=0),
    Column("patients", kind="int", required=False, minimum=1),
    Column("bibkeys", kind="bibkeys"),
    Column("evidence", kind="category", categories=EVIDENCE),
    Column("note", required=False),
]


def load_programmes(path=PROGRAMMES_CSV) -> pd.DataFrame:
    """The programmes, validated: a count of troponin rises comes with its number of
    patients and is not larger than it."""
    frame = read_table(path, PROGRAMME_COLUMNS)
    check_unique(path, frame, ["drug"])
    for row, record in enumerate(frame.itertuples(index=False), start=1):
        rises, patients = record.troponin_rises, record.patients
        if pd.isna(rises) != pd.isna(patients):
            raise DataError(
                path,
                row,
                "patients" if pd.isna(patients) else "troponin_rises",
                "troponin_rises and patients go together: fill both or neither",
            )
        if not pd.isna(rises) and rises > patients:
            raise DataError(path, row, "troponin_rises", f"{rises} is more than the {patients} patients")
    return frame
