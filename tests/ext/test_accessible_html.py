"""HTML fixes for accessibility (_ext/accessible_html.py)."""

import re

from accessible_html import fix_page_html

RST = """Sources
=======

A claim [CIT2024]_ and another [OTHER2020]_.

.. [CIT2024] A cited work.
.. [OTHER2020] Another cited work.
"""


def test_citation_entries_are_list_items_of_their_list(build):
    html = build({"index.rst": RST}, extensions=("accessible_html",)).html("index")
    assert html.count('<div role="list" class="citation-list">') == 1
    entries = re.findall(r'<div class="citation" id="[^"]+" role="([^"]+)">', html)
    assert entries == ["listitem", "listitem"]
    assert "doc-biblioentry" not in html


def test_without_the_fix_docutils_writes_the_deprecated_role(build):
    """The fix is needed: the plain translator writes role="doc-biblioentry"."""
    html = build({"index.rst": RST}, extensions=()).html("index")
    assert 'role="doc-biblioentry"' in html


PAGE = """<html><head>
    <meta name="viewport" content="width=device-width, initial-scale=1.0" /><meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta name="viewport" content="width=device-width, initial-scale=1"/>
</head><body>
<button class="btn search-button-field search-button__button pst-js-only" title="Search" aria-label="Search" data-bs-placement="bottom">
 <span class="search-button__default-text">Search</span></button>
<button class="btn btn-sm pst-navbar-icon search-button search-button__button pst-js-only" title="Search" aria-label="Search">
<i class="theme-switch fa-solid fa-moon               fa-lg" data-mode="dark"  title="Dark"></i>
<summary aria-label="Toggle hidden content">
<p class="collapsed admonition-title">Show code cell source</p></summary>
<p>name="viewport" in the text stays</p></body></html>"""


def test_pages_keep_one_viewport_tag_and_controls_are_named_by_what_they_show():
    fixed = fix_page_html(PAGE)
    assert fixed.count('<meta name="viewport"') == 1
    assert 'name="viewport" in the text stays' in fixed
    assert 'search-button-field search-button__button pst-js-only" title="Search" data-bs' in fixed
    # The icon-only search button has no visible text: its name stays.
    assert 'search-button search-button__button pst-js-only" title="Search" aria-label="Search"' in fixed
    assert 'data-mode="dark"></i>' in fixed and 'title="Dark"' not in fixed
    assert "<summary>\n<p" in fixed and "Toggle hidden content" not in fixed
    assert fix_page_html(fixed) == fixed


def test_the_book_theme_pages_get_the_fixes(build):
    html = build(
        {"index.rst": "Title\n=====\n\nText.\n"}, extensions=("accessible_html",), html_theme="sphinx_book_theme"
    ).html("index")
    assert html.count('<meta name="viewport"') == 1
    assert 'title="Light"' not in html
