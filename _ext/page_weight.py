"""A lighter first load for every page (issue 11, "Speed of the first load").

On a throttled phone (``make site-benchmark``) an explorer page took 7 to 11 s before its
explorers showed. Three things the themes and extensions add are cut here:

- pydata-sphinx-theme loads Font Awesome's JavaScript (``fontawesome.js``, 1.4 MB, 0.5 s of
  a slowed phone's processor), which swaps every icon for an SVG. The theme's stylesheet
  already carries Font Awesome's CSS and web fonts (``_static/vendor/fontawesome``), which
  draw the same icons from the same ``<i class="fa-...">`` markup, so the script is dropped.
- MathJax (1.1 MB) is loaded on a page whose own text has no mathematics when a page it
  lists in a toctree has some: Sphinx counts the toctree's pages too, so the front page
  loaded it. Here it is kept only on pages that have mathematics of their own.
- Each explorer's default view is written into the page (``first_view``), so it shows
  before the widget renderer has loaded.
- myst-nb writes the page's saved widget state (up to 2.7 MB; most of the page) into its
  ``<head>``, so no text could show before all of it had arrived. It is moved to the end of
  the ``<body>``: the renderer reads it from anywhere in the page, once the page has loaded.
"""

from __future__ import annotations

import re

from first_view import STATE_SCRIPT, add_first_views
from widget_links import relative_widget_links

FONTAWESOME_SCRIPT = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')


def lighten_page(page: str) -> str:
    """The rendered page without Font Awesome's script, with its explorers' first views and
    its saved widget state at the end."""
    return widget_state_last(add_first_views(FONTAWESOME_SCRIPT.sub("", page)))


def widget_state_last(page: str) -> str:
    """The page with its saved widget state moved to the end of its body."""
    saved = STATE_SCRIPT.search(page)
    body_end = page.rfind("</body>")
    if saved is None or body_end < saved.end():
        return page
    return page[: saved.start()] + page[saved.end() : body_end] + saved.group(0) + "\n" + page[body_end:]


def mathjax_only_with_math(app, pagename, templatename, context, doctree):
    """Drop MathJax from a page whose own document has no mathematics."""
    if app.builder.format != "html" or not context.get("script_files"):
        return
    if app.env.get_domain("math").data["has_equations"].get(pagename, False):
        return
    context["script_files"][:] = [script for script in context["script_files"] if not _is_mathjax(app, script)]


def _is_mathjax(app, script) -> bool:
    """MathJax itself, or the configuration that sphinx.ext.mathjax writes before it."""
    body = script.attributes.get("body", "")
    # Sphinx files a local mathjax_path (the book's copy) under _static/.
    filename = (script.filename or "").removeprefix("_static/")
    return filename == app.config.mathjax_path or body.startswith("window.MathJax = ")


def lighten_rendered_pages(app):
    """Pass every page the builder renders from its templates through ``lighten_page``, and
    make its widget links relative to it (``widget_links``)."""
    if app.builder.format != "html":
        return
    render = app.builder.templates.render

    def render_lighter(template_name, context):
        return relative_widget_links(context.get("pagename", ""), lighten_page(render(template_name, context)))

    app.builder.templates.render = render_lighter


def setup(app):
    # After sphinx.ext.mathjax adds its script (default priority 500).
    app.connect("html-page-context", mathjax_only_with_math, priority=900)
    app.connect("builder-inited", lighten_rendered_pages, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
