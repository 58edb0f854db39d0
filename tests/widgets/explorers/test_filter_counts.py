"""widgets.explorers.filter_counts: the counts embedded for the menus' script, and the words
of a combination that matches nothing."""

import html
import json
import re

import pytest

from widgets.explorers import filter_counts

FILTERS = [("Colour", "All colours"), ("Size", "All sizes")]


def items(indices):
    """A made-up catalogue: colour 1 and size 2 together match nothing; colour 2 matches nothing."""
    colour, size = indices
    if colour == 2 or (colour == 1 and size == 2):
        return 0
    return 1 + colour + size


def test_counts_cover_every_combination_in_order():
    view = filter_counts.counts_view([3, 3], {"studies": items}, ["studies", "studies"], [0, 1])
    assert view.layout.display == "none"
    data = json.loads(html.unescape(re.search(r"data-filters='([^']*)'", view.value).group(1)))
    assert data["shape"] == [3, 3] and data["start"] == [0, 1] and data["nouns"] == {"studies": ["study", "studies"]}
    # row-major: the last filter's index varies fastest
    assert data["counts"]["studies"] == [items((colour, size)) for colour in range(3) for size in range(3)]


def test_counts_view_checks_its_arguments():
    with pytest.raises(ValueError, match="one per filter"):
        filter_counts.counts_view([3, 3], {"studies": items}, ["studies"], [0, 0])
    with pytest.raises(ValueError, match="kinds from count_for"):
        filter_counts.counts_view([3, 3], {"studies": items}, ["studies", "figures"], [0, 0])


def test_the_hint_names_each_filter_that_would_find_items():
    hint = filter_counts.relax_hint((1, 2), items, FILTERS, "studies")
    assert hint.startswith("<p role='status'") and "No study matches these filters." in hint
    assert "<b>Colour</b> back to “All colours” (3 studies)" in hint
    assert "<b>Size</b> back to “All sizes” (2 studies)" in hint
    assert f"class='{filter_counts.RESET_CLASS}' hidden" in hint


def only_both_at_all(indices):
    return 5 if indices == (0, 0) else 0


def test_the_hint_says_when_no_single_filter_helps():
    hint = filter_counts.relax_hint((1, 2), only_both_at_all, FILTERS, "trials")
    assert "No trial matches these filters." in hint
    assert "set two of them back" in hint and "<b>" not in hint
