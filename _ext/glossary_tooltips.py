"""Glossary definitions where a term is used: written into each page at build time.

A ``{term}`` reference links to the term's entry in the glossary (Sphinx's ``glossary``
directive, ``chapters/glossary.md``). This extension also puts the definition itself on
the link, so that ``assets/js/glossary-tooltips.js`` can show it on hover, keyboard focus
or tap without loading the glossary page: the site must work from ``file://`` with no
server, where a script cannot fetch another page.

- When a document is read, the text of every glossary definition in it is stored in the
  environment under the term's anchor (``term-MRD``). Citations are left out of this
  plain-text copy; the link still leads to the full entry with its sources.
- When a definition changes, every page is written again (``env-get-updated``).
- When a document is resolved, every reference to a glossary term is wrapped in
  ``<span class="glossary-term" data-term="..." data-definition="...">``.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, urlsplit

from docutils import nodes
from html_nodes import add_html_node
from sphinx import addnodes

ENV_KEY = "glossary_definitions"


class glossary_term_ref(nodes.Inline, nodes.TextElement):
    """A reference to a glossary term, carrying the term and its definition."""


def definition_text(definition: nodes.Element) -> str:
    """The plain text of a definition, without citation references."""
    copy = definition.deepcopy()
    for xref in list(copy.findall(addnodes.pending_xref)):
        if xref.get("refdomain") in ("cite", "footcite") or xref.get("reftype", "").startswith("cite"):
            xref.parent.remove(xref)
    for citation in list(copy.findall(nodes.citation_reference)):
        citation.parent.remove(citation)
    text = " ".join(copy.astext().split())
    text = re.sub(r"\s*\(\s*\)", "", text)  # brackets left empty by a removed citation
    return re.sub(r"\s+([.,;:])", r"\1", text)  # space left before punctuation


def collect_definitions(app, doctree):
    store = app.env.__dict__.setdefault(ENV_KEY, {})
    found = {}
    for glossary in doctree.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            terms = [child for child in item.children if isinstance(child, nodes.term)]
            definitions = [child for child in item.children if isinstance(child, nodes.definition)]
            if not terms or not definitions:
                continue
            text = definition_text(definitions[0])
            for term in terms:
                for term_id in term["ids"]:
                    found[term_id] = (term.astext().strip(), text)
    if found:
        store[app.env.docname] = found
    else:
        store.pop(app.env.docname, None)


def purge_definitions(app, env, docname):
    previous = env.__dict__.setdefault(ENV_KEY, {}).pop(docname, None)
    if previous is not None:
        app._glossary_previous = {**getattr(app, "_glossary_previous", {}), docname: previous}


def pages_to_rewrite(app, env):
    """Every page, when a glossary definition changed: their tooltips carry its text."""
    previous = getattr(app, "_glossary_previous", {})
    store = env.__dict__.get(ENV_KEY, {})
    changed = any(store.get(docname) != found for docname, found in previous.items())
    return sorted(env.found_docs) if changed else []


def merge_definitions(app, env, docnames, other):
    store = env.__dict__.setdefault(ENV_KEY, {})
    for docname, found in other.__dict__.get(ENV_KEY, {}).items():
        if docname in docnames:
            store[docname] = found


def _anchor(reference: nodes.reference) -> str | None:
    if reference.get("refid"):
        return reference["refid"]
    fragment = urlsplit(reference.get("refuri", "")).fragment
    return unquote(fragment) or None


def _is_term_reference(reference: nodes.reference) -> bool:
    return any(
        "std-term" in child.get("classes", []) for child in reference.children if isinstance(child, nodes.Element)
    )


def add_definitions_to_terms(app, doctree, docname):
    definitions = {}
    for found in app.env.__dict__.get(ENV_KEY, {}).values():
        definitions.update(found)
    for reference in list(doctree.findall(nodes.reference)):
        if not _is_term_reference(reference) or isinstance(reference.parent, glossary_term_ref):
            continue
        entry = definitions.get(_anchor(reference))
        if entry is None:
            continue
        term, definition = entry
        wrapper = glossary_term_ref(term=term, definition=definition)
        reference.replace_self(wrapper)
        wrapper += reference


def visit_glossary_term_ref(self, node):
    self.body.append(
        f'<span class="glossary-term" data-term="{html.escape(node["term"], quote=True)}" '
        f'data-definition="{html.escape(node["definition"], quote=True)}">'
    )


def depart_glossary_term_ref(self, node):
    self.body.append("</span>")


def setup(app):
    add_html_node(app, glossary_term_ref, visit_glossary_term_ref, depart_glossary_term_ref)
    app.connect("doctree-read", collect_definitions)
    app.connect("env-purge-doc", purge_definitions)
    app.connect("env-merge-info", merge_definitions)
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("doctree-resolved", add_definitions_to_terms)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
