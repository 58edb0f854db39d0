"""widgets.presentation.text: Markdown tables and citations for generated chapter content."""

import pytest

from widgets.presentation.text import cite, markdown_table


def test_cite_makes_one_role_for_any_number_of_keys():
    assert cite("souers2013") == "{cite:p}`souers2013`"
    assert cite(["souers2013", "tse2008"]) == "{cite:p}`souers2013,tse2008`"
    assert cite([]) == ""


def test_markdown_table_lays_out_rows_and_refuses_ragged_ones():
    table = markdown_table(["A", "B"], [["1", "two\nlines"]]).data
    assert table.splitlines() == ["| A | B |", "|---|---|", "| 1 | two lines |"]
    with pytest.raises(ValueError, match="rows: every row needs one cell per header"):
        markdown_table(["A", "B"], [["1"]])
