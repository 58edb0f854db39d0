"""HTML fixes for accessibility (_ext/accessible_html.py)."""

import re

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
