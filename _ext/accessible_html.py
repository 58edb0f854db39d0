"""Accessibility fixes to the HTML that docutils writes for the book.

Citation lists (the bibliography): docutils 0.21 writes each entry as
``<div class="citation" role="doc-biblioentry">`` inside ``<div role="list">``. ARIA 1.3
deprecates ``doc-biblioentry``, and a ``role="list"`` may only own list items, so axe-core
reports ``aria-required-children`` (critical) on every bibliography. Here the entries are
written with ``role="listitem"``: the list is a list of items for assistive technology,
with the same markup and classes otherwise.

The fix is a mixin on whatever HTML translator is in use (pydata-sphinx-theme adds its own
on ``builder-inited``; this handler runs after it).
"""

from __future__ import annotations

import types


class AccessibleHTMLMixin:
    def visit_citation(self, node):
        if not isinstance(node.previous_sibling(), type(node)):
            self.body.append('<div role="list" class="citation-list">\n')
        self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def use_accessible_translator(app):
    if app.builder.format != "html":
        return
    base = app.registry.get_translator_class(app.builder)
    if base is None or issubclass(base, AccessibleHTMLMixin):
        return
    translator = types.new_class(f"Accessible{base.__name__}", (AccessibleHTMLMixin, base), {})
    app.set_translator(app.builder.name, translator, override=True)


def setup(app):
    # After pydata-sphinx-theme's own translator setup (default priority 500).
    app.connect("builder-inited", use_accessible_translator, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
