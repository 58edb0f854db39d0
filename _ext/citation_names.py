"""Truncated author lists read "et al.", in the text and in the bibliography.

Some entries of ``references.bib`` list only their first authors and end with
``and others``, BibTeX's marker for a truncated list. pybtex formats the marker as if it
were a person named "others", so sphinxcontrib-bibtex writes "Suo and others, 2024" in
the text (its author-year labels switch to *et al.* only for three or more names) and
"S. Suo and others." or "A, B, and others." in the bibliography and in the citation
tooltips. After the citations are rendered, this handler writes "et al." instead, in
italics in the text as the style does for longer lists, and plain in the bibliography.
``widgets.data.bibliography`` already writes such citations as "Suo et al.".
"""

from __future__ import annotations

import re

from docutils import nodes

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


def setup(app):
    app.connect("doctree-resolved", write_et_al)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
