"""widgets.data.bibliography: keys, author-year citations and the anchors of the bibliography page."""

import re

import pytest
from pybtex.database import parse_file

from widgets.data.bibliography import BIBLIOGRAPHY, anchor, bibkeys, short_citation

REVIEW_REFERENCE_COUNT = 38  # the review's reference list runs from 1 to 38


def test_every_review_reference_is_in_the_bibliography_once():
    entries = parse_file(str(BIBLIOGRAPHY)).entries
    numbers = sorted(
        int(match.group(1))
        for entry in entries.values()
        if (match := re.match(r"Review reference (\d+)", entry.fields.get("note", "")))
    )
    assert numbers == list(range(1, REVIEW_REFERENCE_COUNT + 1))
    assert set(entries) == bibkeys()


@pytest.mark.parametrize(
    "key, text",
    [
        ("xu2022", "Xu and Ye, 2022"),
        ("peirs2014", "Peirs et al., 2014"),
        ("mullighan2024", "Mullighan, 2024"),
    ],
)
def test_short_citation(key, text):
    assert short_citation(key) == text


def test_unknown_key_is_refused():
    with pytest.raises(ValueError, match=r"key: 'nobody1999' is not in references\.bib"):
        short_citation("nobody1999")


def test_anchors_follow_sphinx_ids_for_keys_with_underscores():
    assert anchor("venclexta_label") == "cite-venclexta-label"
    assert anchor("xu2022") == "cite-xu2022"


def test_latex_accents_render_as_text():
    assert short_citation("neumann2012") == "Neumann et al., 2012"
    assert "{" not in short_citation("dohner2022") and short_citation("dohner2022").startswith("Döhner")


def test_two_papers_with_one_author_year_label_get_a_letter_each():
    """The two Agarwal 2017 papers (ketoconazole; posaconazole) are told apart, as on the site."""
    assert short_citation("agarwal2017") == "Agarwal et al., 2017a"
    assert short_citation("agarwal2017posaconazole") == "Agarwal et al., 2017b"
    assert not short_citation("tse2008").endswith(("a", "b"))
