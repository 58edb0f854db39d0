"""Read a tidy CSV file against a declared schema.

Every data file of the book is read here, so a mistake in one is reported the same
way: a ``DataError`` naming the file, the row (data rows count from 1; the header is
line 1 of the file, so row N is file line N + 1) and the column. Values are parsed
from the raw text, so nothing is coerced silently: ``"12a"`` in an integer column is an
error, not a missing value.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from widgets.data.bibliography import bibkeys

KINDS = ("text", "int", "float", "category", "bibkeys")


class DataError(ValueError):
    """A data file breaks its schema. ``str()`` names the file, row and column."""

    def __init__(self, path: Path | str, row: int | None, column: str | None, problem: str):
        self.path, self.row, self.column, self.problem = Path(path), row, column, problem
        where = [self.path.name]
        if row is not None:
            where.append(f"row {row} (file line {row + 1})")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {problem}")


@dataclass(frozen=True)
class Column:
    """One column of a schema.

    kind: ``text``, ``int``, ``float``, ``category`` or ``bibkeys`` (a ``;``-separated
    list of keys of ``references.bib``, read as a tuple); ``required=False`` allows a
    blank cell (read as missing, or an empty tuple for ``bibkeys``); ``categories`` lists the allowed values of a
    category column; ``minimum``/``maximum`` bound numbers (inclusive); ``pattern`` is
    a regular expression a text value must match in full.
    """

    name: str
    kind: str = "text"
    required: bool = True
    categories: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Column {self.name!r}: kind must be one of {KINDS}, not {self.kind!r}")
        if (self.kind == "category") != bool(self.categories):
            raise ValueError(f"Column {self.name!r}: categories go with kind 'category' and only with it")

    def parse(self, raw: str):
        """The typed value of one cell, or raise ``ValueError`` saying what is wrong."""
        text = raw.strip()
        if text == "":
            if self.required:
                raise ValueError("is blank but required")
            return () if self.kind == "bibkeys" else None
        if self.kind == "bibkeys":
            keys = tuple(key.strip() for key in text.split(";"))
            known = bibkeys()
            for key in keys:
                if key not in known:
                    raise ValueError(f"bibkey {key!r} is not in references.bib")
            return keys
        if self.kind == "category":
            if text not in self.categories:
                raise ValueError(f"{text!r} is not one of {', '.join(self.categories)}")
            return text
        if self.kind == "text":
            if self.pattern and not re.fullmatch(self.pattern, text):
                raise ValueError(f"{text!r} does not have the expected form ({self.pattern})")
            return text
        value = _number(text, self.kind)
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            raise ValueError(f"{text} is outside the allowed range {_range(self.minimum, self.maximum)}")
        return value


# Plain decimal notation only: Python's int() and float() would also take "1_000",
# "inf" and "nan", none of which belongs in a data file.
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


# Whole numbers are stored as pandas Int64, which holds up to 2**63 - 1.
_LARGEST_WHOLE_NUMBER = 2**63 - 1


def _number(text: str, kind: str):
    if kind == "int":
        if not _INTEGER.fullmatch(text):
            raise ValueError(f"{text!r} is not a whole number")
        if abs(int(text)) > _LARGEST_WHOLE_NUMBER:
            raise ValueError(f"{text} is too large a whole number")
        return int(text)
    if not _DECIMAL.fullmatch(text):
        raise ValueError(f"{text!r} is not a number")
    if math.isinf(float(text)):
        raise ValueError(f"{text} is too large a number")
    return float(text)


def _range(minimum, maximum) -> str:
    if minimum is None:
        return f"up to {maximum:g}"
    if maximum is None:
        return f"{minimum:g} or more"
    return f"{minimum:g} to {maximum:g}"


def read_table(path: Path | str, columns: list[Column]) -> pd.DataFrame:
    """Read ``path`` (UTF-8 CSV with a header) and check it against ``columns``.

    The header must hold exactly the schema's columns, in any order. Returns a
    DataFrame with one column per schema column, typed: ``Int64`` for int columns,
    ``float64`` for float columns, ``object`` (str or None) otherwise. Raises
    ``DataError`` at the first problem found.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError(path, None, None, "file not found")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise DataError(path, None, None, "the file is empty; it needs a header line")
        header = [name.strip() for name in header]
        _check_header(path, header, columns)
        by_name = {column.name: column for column in columns}
        records = []
        for row_number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                raise DataError(path, row_number, None, "blank row")
            if len(cells) != len(header):
                raise DataError(path, row_number, None, f"has {len(cells)} fields, the header has {len(header)}")
            record = {}
            for name, raw in zip(header, cells):
                try:
                    record[name] = by_name[name].parse(raw)
                except ValueError as problem:
                    raise DataError(path, row_number, name, str(problem)) from None
            records.append(record)
    frame = pd.DataFrame.from_records(records, columns=[column.name for column in columns])
    for column in columns:
        if column.kind == "int":
            frame[column.name] = frame[column.name].astype("Int64")
        elif column.kind == "float":
            frame[column.name] = frame[column.name].astype("float64")
    return frame


def _check_header(path: Path, header: list[str], columns: list[Column]) -> None:
    expected = [column.name for column in columns]
    for name in header:
        if header.count(name) > 1:
            raise DataError(path, None, name, "appears twice in the header")
        if name not in expected:
            raise DataError(path, None, name, f"is not a column of this file; expected {', '.join(expected)}")
    for name in expected:
        if name not in header:
            raise DataError(path, None, name, "is missing from the header")


def check_unique(path: Path | str, frame: pd.DataFrame, key: list[str]) -> None:
    """Raise ``DataError`` at the first row whose ``key`` columns repeat an earlier row."""
    duplicated = frame.duplicated(subset=key, keep="first")
    if duplicated.any():
        row = int(duplicated.to_numpy().nonzero()[0][0]) + 1
        values = ", ".join(f"{name}={frame.iloc[row - 1][name]!r}" for name in key)
        raise DataError(path, row, key[0], f"repeats an earlier row ({values})")
