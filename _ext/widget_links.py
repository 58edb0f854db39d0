"""Links in explorer HTML that lead to other pages of the book, correct on every page.

Widget HTML is written by ``widgets`` without knowing the page it will be shown on, and
links to the bibliography as ``bibliography.html#cite-<key>`` (``widgets.presentation.text
.cite_html``): right for a page in ``chapters/``, broken for a case page in
``chapters/cases/``. After a page is rendered, such links (in its first views and in its
saved widget state, where the quotes are escaped) are rewritten relative to the page.
"""

from __future__ import annotations

import posixpath
import re

from widgets.presentation.text import BIBLIOGRAPHY_PAGE

#: The folder of the book that widget links are written relative to.
WIDGET_LINK_BASE = "chapters"
WIDGET_LINK = re.compile(r'href=(\\?")' + re.escape(BIBLIOGRAPHY_PAGE) + "#")


def link_prefix(pagename: str) -> str:
    """What a page must put before a link written relative to ``chapters/``: "" for
    ``chapters/03_venetoclax``, "../" for ``chapters/cases/01_x``, "chapters/" for ``index``."""
    relative = posixpath.relpath(WIDGET_LINK_BASE, posixpath.dirname(pagename) or ".")
    return "" if relative == "." else relative + "/"


def relative_widget_links(pagename: str, page: str) -> str:
    """The rendered ``page`` with its widget links to the bibliography made relative to it."""
    prefix = link_prefix(pagename)
    if not prefix:
        return page
    return WIDGET_LINK.sub(lambda match: f"href={match.group(1)}{prefix}{BIBLIOGRAPHY_PAGE}#", page)
