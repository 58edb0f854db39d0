"""A lighter first load for every page (issue 11, "Speed of the first load").

On a throttled phone (``make site-benchmark``) an explorer page took 7 to 11 s before its
explorers showed. What the themes and extensions add is cut here:

- pydata-sphinx-theme loads Font Awesome's JavaScript (``fontawesome.js``, 1.4 MB, 0.5 s of
  a slowed phone's processor), which swaps every icon for an SVG. The theme's stylesheet
  already carries Font Awesome's CSS and web fonts (``_static/vendor/fontawesome``), which
  draw the same icons from the same ``<i class="fa-...">`` markup, so the script is dropped.
- Each explorer's default view is written into the page (``first_view``), so it shows
  before the widget renderer has loaded.
- Explorer views (SVG layers, PNG figures) are served as files the pages share
  (``view_files``) instead of being written into each page's widget state.
- The notebooks' figures (``_images/``) load as the reader scrolls to them
  (``loading="lazy"``), so the figures further down do not hold up the first screen and
  the widget renderer.
- myst-nb writes the page's saved widget state (up to 2.7 MB; most of the page) into its
  ``<head>``, so no text could show before all of it had arrived. It is moved to the end of
  the ``<body>``: the renderer reads it from anywhere in the page, once the page has loaded.
"""

from __future__ import annotations

import re
from pathlib import Path

from first_view import STATE_SCRIPT, add_first_views
from view_files import ViewFiles
from widget_links import relative_widget_links

# A notebook figure written by myst-nb (an <img> from _images/) that does not say how it loads.
NOTEBOOK_FIGURE = re.compile(r'<img (?![^>]*\bloading=)(?=[^>]*\bsrc="(?:\.\./)*_images/)')
FONTAWESOME_SCRIPT = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')


def lighten_page(page: str, pagename: str = "", views: ViewFiles | None = None) -> str:
    """The rendered page without Font Awesome's script, with its explorer views served from
    files by ``views`` (when given), its explorers' first views (drawn from those files too,
    so the live explorer finds them loaded) and its saved widget state at the end."""
    page = NOTEBOOK_FIGURE.sub('<img loading="lazy" decoding="async" ', FONTAWESOME_SCRIPT.sub("", page))
    if views is not None:
        page = views.page(pagename, page)
    return widget_state_last(add_first_views(page))


def widget_state_last(page: str) -> str:
    """The page with its saved widget state moved to the end of its body."""
    saved = STATE_SCRIPT.search(page)
    body_end = page.rfind("</body>")
    if saved is None or body_end < saved.end():
        return page
    return page[: saved.start()] + page[saved.end() : body_end] + saved.group(0) + "\n" + page[body_end:]


def lighten_rendered_pages(app):
    """Pass every page the builder renders from its templates through ``lighten_page``, and
    make its widget links relative to it (``widget_links``)."""
    if app.builder.format != "html":
        return
    render = app.builder.templates.render
    views = ViewFiles(Path(app.outdir))

    def render_lighter(template_name, context):
        pagename = context.get("pagename", "")
        return relative_widget_links(pagename, lighten_page(render(template_name, context), pagename, views))

    app.builder.templates.render = render_lighter


def setup(app):
    app.connect("builder-inited", lighten_rendered_pages, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
