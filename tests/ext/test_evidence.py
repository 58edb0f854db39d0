"""Evidence markers (_ext/evidence.py): a badge with its meaning and a link to the sources page."""

import html as html_lib
import re
from pathlib import Path

import pytest
from sphinx.errors import SphinxWarning

ROOT = Path(__file__).resolve().parents[2]

SOURCES = """# Sources

(evidence-review)=
## Reported by the review

(evidence-abstract)=
## Meeting abstract
"""

CHAPTER = """# Chapter

A claim from the review {evidence}`review`, and one from a conference {evidence}`abstract`.
"""

INDEX = "# Book\n\n```{toctree}\nchapters/sources\nchapters/one/chapter\n```\n"
BADGE = re.compile(r'<a class="evidence-badge evidence-(\w+)" href="([^"]*)" title="([^"]*)" style="[^"]*">([^<]*)</a>')


def build_book(build, chapter=CHAPTER, with_sources=True):
    pages = {"index.md": INDEX, "chapters/one/chapter.md": chapter}
    if with_sources:
        pages["chapters/sources.md"] = SOURCES
    return build(pages, extensions=("myst_parser", "evidence"))


def test_each_marker_is_a_labeled_badge_with_its_meaning_linking_to_its_entry(build):
    import evidence

    built = build_book(build)
    badges = [
        (key, href, html_lib.unescape(title), label)
        for key, href, title, label in BADGE.findall(built.html("chapters/one/chapter"))
    ]
    assert badges == [
        ("review", "../sources.html#evidence-review", evidence.MARKERS["review"][1], "reported by the review"),
        ("abstract", "../sources.html#evidence-abstract", evidence.MARKERS["abstract"][1], "meeting abstract"),
    ]
    # The entries the badges point at exist on the sources page.
    sources = built.html("chapters/sources")
    assert 'id="evidence-review"' in sources and 'id="evidence-abstract"' in sources


def test_every_marker_has_a_short_label_and_a_meaning():
    import evidence

    assert set(evidence.MARKERS) == {"primary", "review", "abstract", "secondary", "assumption"}
    for label, meaning in evidence.MARKERS.values():
        assert len(label.split()) <= 4 and meaning.endswith(".")


def test_an_unknown_marker_is_an_error_naming_the_allowed_ones(build):
    with pytest.raises(SphinxWarning, match=r"evidence marker 'guess' is unknown; use one of primary, review"):
        build_book(build, chapter="# Chapter\n\nA claim {evidence}`guess`.\n")


def test_a_marker_without_the_sources_page_is_an_error(build):
    with pytest.raises(SphinxWarning, match=r"links to 'chapters/sources', which is not in the build"):
        build(
            {"index.md": "# Book\n\n```{toctree}\nchapter\n```\n", "chapter.md": CHAPTER},
            extensions=("myst_parser", "evidence"),
        )


def test_the_label_and_meaning_are_escaped(monkeypatch):
    import evidence

    monkeypatch.setitem(evidence.MARKERS, "review", ("a <b> label", 'says "this" & that.'))
    badge = evidence.badge_html("review", "sources.html#evidence-review")
    assert 'title="says &quot;this&quot; &amp; that."' in badge
    assert badge.endswith(">a &lt;b&gt; label</a>")


def test_the_sources_page_defines_every_marker_once():
    import evidence

    page = (ROOT / "chapters" / "sources.md").read_text(encoding="utf-8")
    labels = re.findall(r"^\(evidence-(\w+)\)=$", page, flags=re.MULTILINE)
    assert labels == list(evidence.MARKERS)


def test_the_data_files_use_the_same_markers():
    import evidence

    from widgets.data.programmes import EVIDENCE

    assert EVIDENCE == tuple(evidence.MARKERS)
