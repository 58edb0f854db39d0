"""Truncated author lists read "et al.", in the text and in the bibliography.

Some entries of ``references.bib`` list only their first authors and end with
``and others``, BibTeX's marker for a truncated list. pybtex formats the marker as if it
were a person named "others", so sphinxcontrib-bibtex writes "Suo and others, 2024" in
the text (its author-year labels switch to *et al.* only for three or more names) and
"S. Suo and others." or "A, B, and others." in the bibliography and in the citation
tooltips. After the citations are rendered, this handler writes "et al." instead, in
italics in the text as the style does for longer lists, and plain in the bibliography.
``widgets.data.bibliography`` already writes such citations as "Suo et al.".

Two entries whose labels would read the same ("Agarwal et al., 2017" for two papers)
get a letter after the year, in the text and in the bibliography ("2017a", "2017b"), the
letters given by ``widgets.data.bibliography.year_suffixes``.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from docutils.nodes import make_id
from pybtex.database import parse_file

from widgets.data.bibliography import year_suffixes

OTHERS = re.compile(r",? and others\b")
CITATION_ID = "cite-"


def _is_citation_reference(node) -> bool:
    if not isinstance(node, nodes.reference):
        return False
    return CITATION_ID in node.get("refuri", "") + node.get("refid", "")


def _in_text_label(text: str) -> list[nodes.Node]:
    """ "Suo and others, 2024" as text, italic "et al." and text, like the style's labels."""
    parts: list[nodes.Node] = []
    for index, piece in enumerate(OTHERS.split(text)):
        if index:
            parts.append(nodes.emphasis(text="et al."))
        if piece:
            parts.append(nodes.Text(piece if index else piece + " "))
    return parts


def _suffix_by_anchor(app) -> dict[str, str]:
    """The year letter of each entry that needs one, by the entry's anchor ("cite-agarwal2017")."""
    if not hasattr(app, "citation_year_suffixes"):
        entries = {}
        for bibfile in getattr(app.config, "bibtex_bibfiles", None) or []:
            entries.update(parse_file(str(Path(app.srcdir, bibfile)), bib_format="bibtex").entries)
        app.citation_year_suffixes = {make_id(f"cite-{key}"): letter for key, letter in year_suffixes(entries).items()}
    return app.citation_year_suffixes


def _add_year_letter(node, letter: str) -> None:
    """Writes the letter after the last four-digit year in ``node``'s text."""
    for text in reversed(list(node.findall(nodes.Text))):
        years = list(re.finditer(r"\b(19|20)\d\d\b", str(text)))
        if years:
            end = years[-1].end()
            text.parent.replace(text, nodes.Text(f"{str(text)[:end]}{letter}{str(text)[end:]}"))
            return


def _anchor_of(reference) -> str:
    return (reference.get("refuri", "").rpartition("#")[2]) or reference.get("refid", "")


def write_et_al(app, doctree, docname) -> None:
    for reference in list(doctree.findall(_is_citation_reference)):
        if "reftitle" in reference:
            reference["reftitle"] = OTHERS.sub(" et al", reference["reftitle"])
        for text in list(reference.findall(nodes.Text)):
            if OTHERS.search(text):
                text.parent.replace(text, _in_text_label(str(text)))
    for citation in doctree.findall(nodes.citation):
        for text in list(citation.findall(nodes.Text)):
            if OTHERS.search(text):
                text.parent.replace(text, nodes.Text(OTHERS.sub(" et al", str(text))))
    letters = _suffix_by_anchor(app)
    for reference in list(doctree.findall(_is_citation_reference)):
        if _anchor_of(reference) in letters:
            _add_year_letter(reference, letters[_anchor_of(reference)])
    for citation in doctree.findall(nodes.citation):
        anchors = [anchor for anchor in citation["ids"] if anchor in letters]
        if anchors:
            _add_year_letter(citation, letters[anchors[0]])


def setup(app):
    app.connect("doctree-resolved", write_et_al)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
