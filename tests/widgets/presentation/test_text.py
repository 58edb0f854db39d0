"""widgets.presentation.text: Markdown tables and citations for generated chapter content."""

import pytest

from widgets.presentation.text import cite, cite_html, escape_html, fold_change, markdown_table, mid_sentence


def test_cite_makes_one_role_for_any_number_of_keys():
    assert cite("souers2013") == "{cite:p}`souers2013`"
    assert cite(["souers2013", "tse2008"]) == "{cite:p}`souers2013,tse2008`"
    assert cite([]) == ""


def test_markdown_table_lays_out_rows_and_refuses_ragged_ones():
    table = markdown_table(["A", "B"], [["1", "two\nlines"]]).data
    assert table.splitlines() == ["| A | B |", "|---|---|", "| 1 | two lines |"]
    with pytest.raises(ValueError, match="rows: every row needs one cell per header"):
        markdown_table(["A", "B"], [["1"]])


def test_cite_html_links_to_the_bibliography_anchor():
    html = cite_html(["xu2022", "peirs2014"])
    assert html == (
        '(<a href="bibliography.html#cite-xu2022">Xu and Ye, 2022</a>; '
        '<a href="bibliography.html#cite-peirs2014">Peirs et al., 2014</a>)'
    )
    assert cite_html([]) == ""
    assert 'href="bibliography.html#cite-venclexta-label"' in cite_html(["venclexta_label"])


def test_escape_html_escapes_markup_and_both_quotes():
    assert escape_html("<b>CR & CRi</b>") == "&lt;b&gt;CR &amp; CRi&lt;/b&gt;"
    assert escape_html('patients\' "response"') == "patients&#x27; &quot;response&quot;"
    assert escape_html(24.5) == "24.5"


def test_a_menu_label_inside_a_sentence_keeps_its_abbreviations():
    assert mid_sentence("Went on to transplant or CAR-T") == "went on to transplant or CAR-T"
    assert mid_sentence("CR/CRi rate") == "CR/CRi rate" and mid_sentence("MRD negativity") == "MRD negativity"
    assert mid_sentence("") == ""


def test_a_fold_change_keeps_only_the_digits_a_teaching_model_can_stand_behind():
    assert [fold_change(x) for x in (2.34, 12.3, 290.4, 1449.0, 3480.0)] == ["2.3", "12", "290", "1,000", "3,000"]
    assert fold_change(float("inf")) == "not reached"
