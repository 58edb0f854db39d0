"""Widget links to the bibliography are rewritten relative to the page (_ext/widget_links.py)."""

import pytest
from widget_links import link_prefix, relative_widget_links

from widgets.presentation.text import cite_html


@pytest.mark.parametrize(
    "pagename, prefix",
    [("chapters/03_venetoclax", ""), ("chapters/cases/01_older_adult_relapsed_b_all", "../"), ("index", "chapters/")],
)
def test_the_prefix_leads_from_the_page_to_the_chapters_folder(pagename, prefix):
    assert link_prefix(pagename) == prefix


def test_a_case_page_links_one_folder_up_in_its_views_and_its_saved_state():
    link = cite_html(["souers2013"])
    escaped = link.replace('"', '\\"')
    page = f'<div>{link}</div><script>{{"value": "{escaped}"}}</script>'
    rewritten = relative_widget_links("chapters/cases/05_high_burden_posaconazole", page)
    assert 'href="../bibliography.html#cite-souers2013"' in rewritten
    assert 'href=\\"../bibliography.html#cite-souers2013\\"' in rewritten
    assert relative_widget_links("chapters/08_safety", page) == page


def test_links_the_book_already_wrote_relative_to_the_page_are_left_alone():
    page = '<a href="../bibliography.html#cite-x">X</a> <a href="https://example.org/bibliography.html#cite-y">Y</a>'
    assert relative_widget_links("chapters/cases/01_x", page) == page
