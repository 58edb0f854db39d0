"""widgets.data.bibliography: keys and author-year citations for widget HTML."""

import re

import pytest
from pybtex.database import parse_file

from widgets.data.bibliography import BIBLIOGRAPHY, bibkeys, cite_html, short_citation

REVIEW_REFERENCE_COUNT = 38  # the review's reference list runs from 1 to 38


def test_every_review_reference_is_in_the_bibliography_once():
    entries = parse_file(str(BIBLIOGRAPHY)).entries
    numbers = sorted(int(match.group(1)) for entry in entries.values()
                     if (match := re.match(r"Review reference (\d+)", entry.fields.get("note", ""))))
    assert numbers == list(range(1, REVIEW_REFERENCE_COUNT + 1))
    assert set(entries) == bibkeys()


@pytest.mark.parametrize("key, text", [
    ("xu2022", "Xu and Ye, 2022"),
    ("peirs2014", "Peirs et al., 2014"),
    ("mullighan2024", "Mullighan, 2024"),
])
def test_short_citation(key, text):
    assert short_citation(key) == text


def test_cite_html_links_to_the_bibliography_anchor():
    html = cite_html(["xu2022", "peirs2014"])
    assert html == ('(<a href="bibliography.html#cite-xu2022">Xu and Ye, 2022</a>; '
                    '<a href="bibliography.html#cite-peirs2014">Peirs et al., 2014</a>)')
    assert cite_html([]) == ""


def test_unknown_key_is_refused():
    with pytest.raises(ValueError, match="key: 'nobody1999' is not in references.bib"):
        short_citation("nobody1999")


def test_anchors_follow_sphinx_ids_for_keys_with_underscores():
    assert 'href="bibliography.html#cite-venclexta-label"' in cite_html(["venclexta_label"])


def test_latex_accents_render_as_text():
    assert short_citation("neumann2012") == "Neumann et al., 2012"
    assert "{" not in short_citation("dohner2022") and short_citation("dohner2022").startswith("Döhner")
