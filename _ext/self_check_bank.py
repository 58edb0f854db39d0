"""Every self-check of the book in one place: the question bank, the index and the review page.

When the HTML build has written every page (``build-finished``), this module reads the
self-check forms back out of the written pages, so that each question carries its
rendered text, citations and glossary links, and writes two scripts into ``_static``:

- ``self-check-index.js`` (loaded on every page) sets ``window.SELF_CHECK_INDEX``: for each
  page with questions, in the order of the table of contents, its document name, title,
  address (from the site root) and the identities of its questions. The navigation and
  the front page count the reader's progress from it (``assets/js/review-progress.js``).
- ``self-check-bank.js`` (loaded by the review page only) sets ``window.SELF_CHECK_BANK``:
  the same pages with every question's form, element ids made unique and links rewritten
  to work from the review page (``assets/js/review-page.js`` schedules them).

They are scripts, not JSON files, because a page opened from disk (``file://``) may run a
script beside it but may not fetch a file. Nothing is sent anywhere: the reader's answers
stay in their browser's ``localStorage``.

Two directives place the reader's side on a page: ``review-queue`` (the review page:
the spaced-repetition queue, the rule and the "Forget my progress" button) and
``review-progress`` (the front page: progress per chapter and the same button).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from docutils import nodes
from html_nodes import add_html_node
from sphinx.util.docutils import SphinxDirective

INDEX_FILE = "self-check-index.js"
BANK_FILE = "self-check-bank.js"
ENV_KEY = "self_check_review_pages"
FORM = re.compile(r'<form class="self-check-question" id="(?P<name>[^"]+)".*?</form>', re.S)
QUESTION_ID = re.compile(r'data-question-id="([^"]+)"')
URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
NO_SCRIPT_TEXT = "Your progress and the review queue appear here when JavaScript is on."


class review_widget(nodes.General, nodes.Element):
    """A container the review scripts fill in: ``role`` is ``queue`` or ``progress``."""


def toc_order(env, root: str) -> list[str]:
    """Every document in the order of the table of contents, then any others, sorted."""
    order, stack, seen = [], [root], set()
    while stack:
        docname = stack.pop(0)
        if docname in seen or docname not in env.all_docs:
            continue
        seen.add(docname)
        order.append(docname)
        stack[0:0] = env.toctree_includes.get(docname, [])
    return order + sorted(set(env.all_docs) - seen)


def rebase_url(url: str, from_uri: str, to_uri: str) -> str:
    """A link written on the page ``from_uri`` rewritten to work on the page ``to_uri``.

    Addresses with a scheme (``https:``, ``data:``, ``mailto:``) and absolute paths are kept;
    ``#anchor`` alone points back into the page it came from.
    """
    if re.match(r"[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith("/"):
        return url
    path, hash_mark, fragment = url.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), path)) if path else from_uri
    relative = posixpath.relpath(target, posixpath.dirname(to_uri) or ".")
    return relative + (hash_mark + fragment if hash_mark else "")


def forms_of(page_html: str) -> list[tuple[str, str, str]]:
    """(element id, question identity, form HTML) of every self-check form in a page."""
    found = []
    for match in FORM.finditer(page_html):
        identity = QUESTION_ID.search(match.group(0))
        if identity:
            found.append((match.group("name"), identity.group(1), match.group(0)))
    return found


def portable_form(form_html: str, name: str, new_name: str, from_uri: str, to_uri: str) -> str:
    """The form with its element ids renamed (``name`` -> ``new_name``) and its links rebased."""
    renamed = re.sub(rf'(?<=")({re.escape(name)})(?=["-])', new_name, form_html)
    return URL_ATTRIBUTE.sub(lambda m: f'{m.group(1)}="{rebase_url(m.group(2), from_uri, to_uri)}"', renamed)


def script(variable: str, data) -> str:
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":")).replace("</", "<\\/")
    return f"/* Written by _ext/self_check_bank.py when the book is built. */\nwindow.{variable} = {text};\n"


def collect(pages: list[tuple[str, str, str, str]], review_uri: str | None):
    """The index and the bank from (docname, title, uri, page HTML) in reading order."""
    index, bank, serial = [], [], 0
    for docname, title, uri, page_html in pages:
        forms = forms_of(page_html)
        if not forms:
            continue
        index.append({"doc": docname, "title": title, "url": uri, "ids": [identity for _, identity, _ in forms]})
        if review_uri is None:
            continue
        questions = []
        for name, identity, form in forms:
            serial += 1
            questions.append({"id": identity, "html": portable_form(form, name, f"review-{serial}", uri, review_uri)})
        bank.append(
            {"doc": docname, "title": title, "url": rebase_url(uri, "index.html", review_uri), "questions": questions}
        )
    return index, bank


def write_scripts(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    env, outdir = app.env, Path(app.outdir)
    pages = []
    for docname in toc_order(env, app.config.root_doc):
        uri = app.builder.get_target_uri(docname)
        path = outdir / uri
        if path.is_file():
            title = env.titles[docname].astext() if docname in env.titles else docname
            pages.append((docname, title, uri, path.read_text(encoding="utf-8")))
    review_pages = sorted(getattr(env, ENV_KEY, set()) & set(env.all_docs))
    review_uri = app.builder.get_target_uri(review_pages[0]) if review_pages else None
    index, bank = collect(pages, review_uri)
    static = outdir / "_static"
    static.mkdir(parents=True, exist_ok=True)
    review_url = review_uri or ""
    (static / INDEX_FILE).write_text(
        script("SELF_CHECK_INDEX", {"pages": index, "review": review_url}), encoding="utf-8"
    )
    if review_uri is not None:
        (static / BANK_FILE).write_text(script("SELF_CHECK_BANK", {"pages": bank}), encoding="utf-8")


class ReviewQueueDirective(SphinxDirective):
    """The review page's queue (filled in by ``assets/js/review-page.js``)."""

    def run(self):
        if not hasattr(self.env, ENV_KEY):
            setattr(self.env, ENV_KEY, set())
        getattr(self.env, ENV_KEY).add(self.env.docname)
        return [review_widget(role="queue")]


class ReviewProgressDirective(SphinxDirective):
    """Progress per chapter, for the front page (filled in by ``assets/js/review-progress.js``)."""

    def run(self):
        return [review_widget(role="progress")]


def purge(app, env, docname):
    getattr(env, ENV_KEY, set()).discard(docname)


def merge(app, env, docnames, other):
    if not hasattr(env, ENV_KEY):
        setattr(env, ENV_KEY, set())
    getattr(env, ENV_KEY).update(getattr(other, ENV_KEY, set()) & set(docnames))


def visit_review_widget(self, node):
    role = node["role"]
    self.body.append(
        f'<div class="review-widget review-{role}" data-review="{role}">'
        f'<p class="review-no-script">{NO_SCRIPT_TEXT}</p></div>\n'
    )
    if role == "queue":
        base = posixpath.dirname(self.builder.current_docname)
        source = posixpath.relpath(f"_static/{BANK_FILE}", base or ".")
        self.body.append(f'<script src="{source}" defer></script>\n')
    raise nodes.SkipNode


def setup(app):
    add_html_node(app, review_widget, visit_review_widget)
    app.add_directive("review-queue", ReviewQueueDirective)
    app.add_directive("review-progress", ReviewProgressDirective)
    app.add_js_file(INDEX_FILE, defer="defer")
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("build-finished", write_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
