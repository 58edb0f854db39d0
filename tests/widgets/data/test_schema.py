"""widgets.data.schema: schema checks and the errors that name file, row and column."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.data.schema import Column, DataError, check_unique, read_table

SCHEMA = [
    Column("study_id", pattern=r"[a-z0-9_]+"),
    Column("lineage", kind="category", categories=("B", "T", "mixed")),
    Column("n", kind="int", required=False, minimum=1),
    Column("value", kind="float", minimum=0, maximum=100),
    Column("bibkey", kind="bibkeys"),
]
GOOD = "study_id,lineage,n,value,bibkey\nalpha,B,10,45.5,souers2013\nbeta,T,,60,peirs2014;kannan2025\n"


def write(tmp_path, text, name="table.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_typed_columns(tmp_path):
    frame = read_table(write(tmp_path, GOOD), SCHEMA)
    assert list(frame["study_id"]) == ["alpha", "beta"]
    assert str(frame["n"].dtype) == "Int64" and frame["n"][0] == 10 and frame["n"].isna()[1]
    assert frame["value"].tolist() == [45.5, 60.0]
    assert frame["bibkey"][1] == ("peirs2014", "kannan2025")


@pytest.mark.parametrize(
    "bad_row, column, words",
    [
        ("gamma,X,10,5,souers2013", "lineage", "'X' is not one of B, T, mixed"),
        ("gamma,B,ten,5,souers2013", "n", "'ten' is not a whole number"),
        ("gamma,B,0,5,souers2013", "n", "outside the allowed range 1 or more"),
        ("gamma,B,3,100.5,souers2013", "value", "outside the allowed range 0 to 100"),
        ("gamma,B,3,nan,souers2013", "value", "'nan' is not a number"),
        ("gamma,B,1_0,5,souers2013", "n", "'1_0' is not a whole number"),
        ("gamma,B,3,,souers2013", "value", "blank but required"),
        ("Gamma!,B,3,5,souers2013", "study_id", "does not have the expected form"),
        ("gamma,B,3,5,nobody1999", "bibkey", "bibkey 'nobody1999' is not in references.bib"),
    ],
)
def test_bad_cell_names_file_row_and_column(tmp_path, bad_row, column, words):
    path = write(tmp_path, GOOD + bad_row + "\n", "studies.csv")
    with pytest.raises(DataError) as error:
        read_table(path, SCHEMA)
    message = str(error.value)
    assert message.startswith(f"studies.csv, row 3 (file line 4), column '{column}': ")
    assert words in message
    assert (error.value.row, error.value.column) == (3, column)


@pytest.mark.parametrize(
    "header, column, words",
    [
        ("study_id,lineage,n,value", "bibkey", "missing from the header"),
        ("study_id,lineage,n,value,bibkey,extra", "extra", "is not a column of this file"),
        ("study_id,lineage,n,value,bibkey,n", "n", "appears twice"),
    ],
)
def test_bad_header(tmp_path, header, column, words):
    with pytest.raises(DataError, match=words) as error:
        read_table(write(tmp_path, header + "\n"), SCHEMA)
    assert error.value.column == column and error.value.row is None


def test_ragged_and_blank_rows(tmp_path):
    with pytest.raises(DataError, match=r"row 1 \(file line 2\): has 4 fields, the header has 5"):
        read_table(write(tmp_path, "study_id,lineage,n,value,bibkey\na,B,1,2\n"), SCHEMA)
    with pytest.raises(DataError, match=r"row 2 \(file line 3\): blank row"):
        read_table(write(tmp_path, GOOD.replace("\nbeta", "\n,,,,\nbeta")), SCHEMA)


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(DataError, match="file not found"):
        read_table(tmp_path / "absent.csv", SCHEMA)
    with pytest.raises(DataError, match="empty"):
        read_table(write(tmp_path, ""), SCHEMA)


def test_check_unique_names_the_repeated_row(tmp_path):
    path = write(tmp_path, GOOD + "alpha,T,2,3,souers2013\n")
    frame = read_table(path, SCHEMA)
    with pytest.raises(DataError, match=r"row 3 \(file line 4\), column 'study_id': repeats an earlier row"):
        check_unique(path, frame, ["study_id"])


def test_schema_declaration_errors():
    with pytest.raises(ValueError, match="kind must be one of"):
        Column("x", kind="date")
    with pytest.raises(ValueError, match="categories go with kind 'category'"):
        Column("x", kind="text", categories=("a",))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"), max_size=12))
def test_any_cell_text_is_read_or_rejected_with_a_located_error(tmp_path_factory, text):
    """Whatever a cell holds, reading gives a typed value or a DataError naming row and column."""
    path = tmp_path_factory.mktemp("fuzz") / "t.csv"
    quoted = '"' + text.replace('"', '""') + '"'
    path.write_text("study_id,lineage,n,value,bibkey\nalpha,B,1," + quoted + ",souers2013\n", encoding="utf-8")
    try:
        frame = read_table(path, SCHEMA)
    except DataError as error:
        assert (error.row, error.column) == (1, "value")
    else:
        assert 0 <= frame["value"][0] <= 100
