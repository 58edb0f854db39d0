"""Glossary definitions on term links (_ext/glossary_tooltips.py)."""

import html as html_lib
import re

GLOSSARY = """# Glossary

```{glossary}
MRD
minimal residual disease
  Leukemia left after treatment, below what a microscope can see {cite:p}`terwilliger2017`.

MOMP
  Pores in the "outer" membrane & the point of no return; see {term}`MRD`.
```
"""

CHAPTER = """# Chapter

A reader meets {term}`MRD`, its long name {term}`minimal residual disease`,
the same term in other words {term}`residual leukemia <MRD>` and {term}`MOMP`.
"""

BIB = """@article{terwilliger2017,
  author = {Terwilliger, T. and Abdul-Hay, M.},
  title = {Acute lymphoblastic leukemia: a comprehensive review and 2017 update},
  journal = {Blood Cancer Journal}, year = {2017}
}
"""

INDEX = "# Book\n\n```{toctree}\nglossary\nchapter\n```\n\n```{bibliography}\n```\n"
EXTENSIONS = ("myst_parser", "sphinxcontrib.bibtex", "glossary_tooltips")


def build_book(build, **files):
    pages = {"index.md": INDEX, "glossary.md": GLOSSARY, "chapter.md": CHAPTER, "refs.bib": BIB, **files}
    # No smart quotes, so that a plain " reaches the attribute and must be escaped.
    return build(pages, extensions=EXTENSIONS, bibtex_bibfiles=["refs.bib"], smartquotes=False)


def term_spans(page: str) -> list[tuple[str, str, str]]:
    """(term, definition, link text) of every wrapped term reference."""
    found = re.findall(
        r'<span class="glossary-term" data-term="([^"]*)" data-definition="([^"]*)">'
        r'<a [^>]*href="([^"]*)"',
        page,
    )
    return [(html_lib.unescape(term), html_lib.unescape(definition), href) for term, definition, href in found]


def test_every_term_reference_carries_its_definition(build):
    spans = term_spans(build_book(build).html("chapter"))
    mrd = "Leukemia left after treatment, below what a microscope can see."
    assert spans == [
        ("MRD", mrd, "glossary.html#term-MRD"),
        ("minimal residual disease", mrd, "glossary.html#term-minimal-residual-disease"),
        ("MRD", mrd, "glossary.html#term-MRD"),
        ("MOMP", 'Pores in the "outer" membrane & the point of no return; see MRD.', "glossary.html#term-MOMP"),
    ]


def test_citations_are_left_out_of_the_definition_but_kept_in_the_glossary(build):
    built = build_book(build)
    assert "terwilliger2017" not in built.html("chapter")
    assert "Terwilliger" in built.html("glossary")


def test_terms_on_the_glossary_page_itself_are_wrapped(build):
    spans = term_spans(build_book(build).html("glossary"))
    assert [term for term, _, _ in spans] == ["MRD"]
    assert spans[0][2] == "#term-MRD"


def test_quotes_in_a_definition_cannot_break_the_attribute(build):
    page = build_book(build).html("chapter")
    assert 'data-definition="Pores in the &quot;outer&quot; membrane &amp; the point' in page


def test_a_page_without_terms_is_unchanged(build):
    built = build_book(
        build,
        **{"other.md": "# Other\n\nNo terms here.\n"},
        **{"index.md": INDEX.replace("chapter\n", "chapter\nother\n")},
    )
    assert "glossary-term" not in built.html("other")
