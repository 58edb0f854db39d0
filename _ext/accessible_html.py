"""Accessibility fixes to the HTML that docutils and the theme write for the book.

Citation lists (the bibliography): docutils 0.21 writes each entry as
``<div class="citation" role="doc-biblioentry">`` inside ``<div role="list">``. ARIA 1.3
deprecates ``doc-biblioentry``, and a ``role="list"`` may only own list items, so axe-core
reports ``aria-required-children`` (critical) on every bibliography. Here the entries are
written with ``role="listitem"``: the list is a list of items for assistive technology,
with the same markup and classes otherwise. The fix is a mixin on whatever HTML translator
is in use (pydata-sphinx-theme adds its own on ``builder-inited``; this handler runs after
it).

Every rendered page then goes through ``fix_page_html``, for markup that the theme's
templates and myst-nb write as fixed text (``PAGE_FIXES``):

- axe-core 4.14 reports ``label-content-name-mismatch`` (serious) when a control's
  accessible name does not contain its visible text (WCAG 2.5.3, label in name): the search
  buttons are named "Search" but show "Search Ctrl+K"; the colour-mode button's icons carry
  titles ("Light", "Dark") that Font Awesome turns into visible text of the button named
  "Color mode"; myst-nb's code toggles show "Show code cell source" but are named "Toggle
  hidden content". Each is named by what it shows instead.
- Three ``<meta name="viewport">`` tags (Sphinx's layout, docutils and the theme each write
  one): only the first is kept.
"""

from __future__ import annotations

import re
import types

# The search boxes are named by their visible text ("Search Ctrl+K").
SEARCH_BUTTON = re.compile(r'(<button class="btn search-button-field[^"]*" title="Search") aria-label="Search"')
# The colour-mode icons are decoration of the button named "Color mode".
THEME_ICON_TITLE = re.compile(r'(<i class="theme-switch [^"]*" data-mode="\w+")\s+title="[^"]*"')
# A code toggle is named by its visible text ("Show code cell source").
CODE_TOGGLE = re.compile(r'<summary aria-label="Toggle hidden content">')
PAGE_FIXES = ((SEARCH_BUTTON, r"\1"), (THEME_ICON_TITLE, r"\1"), (CODE_TOGGLE, "<summary>"))
VIEWPORT_META = re.compile(r'\s*<meta name="viewport"[^>]*>')


def fix_page_html(page: str) -> str:
    """The page with every ``PAGE_FIXES`` fix applied and one viewport tag in its head."""
    for pattern, replacement in PAGE_FIXES:
        page = pattern.sub(replacement, page)
    head_end = page.find("</head>")
    if head_end == -1:
        return page
    head, rest = page[:head_end], page[head_end:]
    first = VIEWPORT_META.search(head)
    if first:
        head = head[: first.end()] + VIEWPORT_META.sub("", head[first.end() :])
    return head + rest


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


def fix_rendered_pages(app):
    """Pass every page the builder renders from its templates through ``fix_page_html``."""
    if app.builder.format != "html":
        return
    render = app.builder.templates.render

    def render_fixed(template_name, context):
        return fix_page_html(render(template_name, context))

    app.builder.templates.render = render_fixed


def setup(app):
    # After pydata-sphinx-theme's own translator setup (default priority 500).
    app.connect("builder-inited", use_accessible_translator, priority=900)
    app.connect("builder-inited", fix_rendered_pages, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
