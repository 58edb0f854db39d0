"""Evidence markers: one small badge saying how a claim was checked.

The book uses one vocabulary for the provenance of its facts, defined once on the
sources page (``chapters/sources.md``). In a page, a marker is the ``evidence`` role
placed after the claim (and its citation):

```md
A phase 1 study reported ... {cite:p}`jain2019` {evidence}`abstract`
```

It renders as a small labeled badge (``<a class="evidence-badge evidence-abstract">``)
whose ``title`` gives the marker's meaning on hover or focus and whose link leads to
that marker's entry on the sources page, so a reader on a phone, where there is no
hover, can tap it. The page carries no provenance prose of its own.

Markers (``MARKERS``): ``primary`` (read in the primary source), ``review`` (reported by
the review, the primary source not read for this point), ``abstract`` (a meeting
abstract), ``secondary`` (read only in a summary of the source) and ``assumption`` (a
teaching assumption of the book's model). An unknown marker is a build error naming the
allowed ones.
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: The sources page, as a Sphinx document name; each marker links to ``#evidence-<key>`` on it.
SOURCES_DOC = "chapters/sources"

#: key -> (the badge's label, what the marker means: the badge's tooltip).
MARKERS = {
    "primary": (
        "primary source",
        "Read in the primary source itself: the paper's abstract or full text, or the prescribing information.",
    ),
    "review": (
        "reported by the review",
        "Known from the review the book follows (Hanbali, Kotb and Saleh 2025); the primary "
        "source it cites was not read for this point.",
    ),
    "abstract": (
        "meeting abstract",
        "From a conference abstract: briefly peer reviewed, and its figures may change in the full paper.",
    ),
    "secondary": (
        "secondary source",
        "Read only in a summary of the source (a manufacturer's page, a drug reference or a "
        "news report), not in the source itself.",
    ),
    "assumption": ("teaching assumption", "A value chosen for the book's teaching model, not a measurement."),
}

# Small and quiet, readable on a phone: inline so the badge needs no stylesheet of its own.
BADGE_STYLE = (
    "display:inline-block;font-size:0.72em;line-height:1.3;padding:0 0.4em;"
    "border:1px solid currentColor;border-radius:0.6em;white-space:nowrap;"
    "text-decoration:none;vertical-align:0.1em"
)


class evidence_badge(nodes.Inline, nodes.TextElement):
    """A marker badge; ``marker`` is a key of ``MARKERS``."""


def evidence_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """The ``evidence`` role: ``{evidence}`key```, with ``key`` one of ``MARKERS``."""
    key = text.strip()
    if key not in MARKERS:
        message = inliner.reporter.error(
            f"evidence marker {key!r} is unknown; use one of {', '.join(MARKERS)}", line=lineno
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    label, meaning = MARKERS[key]
    badge = evidence_badge(rawtext, label, marker=key, meaning=meaning)
    return [badge], []


def badge_html(key: str, href: str) -> str:
    """The badge's HTML for marker ``key``, linking to ``href``."""
    label, meaning = MARKERS[key]
    return (
        f'<a class="evidence-badge evidence-{key}" href="{html.escape(href)}" '
        f'title="{html.escape(meaning)}" style="{BADGE_STYLE}">{html.escape(label)}</a>'
    )


def visit_badge_html(self, node):
    builder = self.builder
    if SOURCES_DOC not in builder.env.all_docs:
        logger.warning(
            f"evidence marker links to '{SOURCES_DOC}', which is not in the build", location=node, type="evidence"
        )
    href = builder.get_relative_uri(builder.current_docname, SOURCES_DOC) + f"#evidence-{node['marker']}"
    self.body.append(badge_html(node["marker"], href))
    raise nodes.SkipNode


def _keep_label(self, node):
    """Builders other than HTML (text, LaTeX, man, Texinfo) print the label as plain text."""


def setup(app):
    plain = (_keep_label, _keep_label)
    app.add_node(evidence_badge, html=(visit_badge_html, None), text=plain, latex=plain, man=plain, texinfo=plain)
    app.add_role("evidence", evidence_role)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
