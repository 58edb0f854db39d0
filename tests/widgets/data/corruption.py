"""Corrupting copies of the data files in tests, and expecting the loaders to refuse them with a
DataError that names the file, the row and the column."""

import csv
import io
from contextlib import contextmanager

import pytest
from hypothesis import strategies as st

from widgets.data.ongoing_trials import ONGOING_TRIALS_CSV, load_ongoing_trials
from widgets.data.schema import DataError
from widgets.data.trials import OUTCOMES_CSV, STUDIES_CSV, load_outcomes

# --- copies of the files ---------------------------------------------------------------


def rewrite(folder, source, old, new):
    """A copy of ``source`` in ``folder`` with its first ``old`` replaced by ``new``."""
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = folder / source.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def write_rows(path, rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def data_rows(rows, column, predicate=lambda value: True):
    """The numbers (from 1) of the data rows whose ``column`` satisfies ``predicate``."""
    index = rows[0].index(column)
    return [number for number, row in enumerate(rows[1:], start=1) if predicate(row[index])]


def with_cell(rows, row, column, text):
    """A copy of ``rows`` with data row ``row`` (from 1), column ``column`` set to ``text``."""
    rows = [list(cells) for cells in rows]
    rows[row][rows[0].index(column)] = text
    return rows


def copies(folder, studies=None, outcomes=None, trials=None):
    """Paths of the three clinical files in ``folder``: the given rows, or the real files' rows."""
    return (
        write_rows(folder / STUDIES_CSV.name, studies or read_rows(STUDIES_CSV)),
        write_rows(folder / OUTCOMES_CSV.name, outcomes or read_rows(OUTCOMES_CSV)),
        write_rows(folder / ONGOING_TRIALS_CSV.name, trials or read_rows(ONGOING_TRIALS_CSV)),
    )


def load_all(studies_path, outcomes_path, trials_path):
    load_outcomes(outcomes_path, studies_path)
    load_ongoing_trials(trials_path)


# --- the refusal expected --------------------------------------------------------------


@contextmanager
def located_error(file_name, row, column, match=None):
    """Expect a DataError (matching ``match``) located at ``file_name``, data row ``row`` (None:
    the header) and ``column``; yields pytest's ExceptionInfo."""
    with pytest.raises(DataError, match=match) as error:
        yield error
    prefix = file_name if row is None else f"{file_name}, row {row} (file line {row + 1})"
    assert str(error.value).startswith(f"{prefix}, column '{column}': "), str(error.value)
    where = (error.value.path.name, error.value.row, error.value.column)
    assert where == (file_name, row, column), where


def refusal_test(load, source, edits):
    """A test that ``load`` refuses a copy of ``source`` changed by each edit: (old text, new text,
    a pattern of the DataError's message)."""

    @pytest.mark.parametrize("old, new, message", edits)
    def test(tmp_path, old, new, message):
        with pytest.raises(DataError, match=message):
            load(rewrite(tmp_path, source, old, new))

    return test


# --- corruptions for the property tests ------------------------------------------------


@st.composite
def deleted_column(draw, rows):
    index = draw(st.integers(0, len(rows[0]) - 1))
    return [row[:index] + row[index + 1 :] for row in rows], None, rows[0][index]


@st.composite
def duplicated_column(draw, rows):
    index = draw(st.integers(0, len(rows[0]) - 1))
    return [row + [row[index]] for row in rows], None, rows[0][index]


@st.composite
def repeated_row(draw, rows):
    """A data row written twice: the copy is refused in the key's first column, the file's first."""
    row = draw(st.integers(1, len(rows) - 1))
    return rows[: row + 1] + [rows[row]] + rows[row + 1 :], row + 1, rows[0][0]


def assert_corruption_located(data, corruptions, source, folder, load):
    """Draw one of ``corruptions`` (strategies of (rows, row, column) from ``source``'s rows) and
    expect ``load`` to refuse the corrupted copy, written to ``folder``, at that row and column."""
    corruption = data.draw(st.sampled_from(corruptions))
    rows, row, column = data.draw(corruption(read_rows(source)))
    with located_error(source.name, row, column):
        load(write_rows(folder / source.name, rows))
