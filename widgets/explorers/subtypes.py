"""The introduction's subtype explorer: choose an ALL subtype, read its card."""

import html

from widgets.explorers import static_views
from widgets.data.bibliography import cite_html

OUTCOME_TEXT = {
    "favorable": "Better outcomes than other subtypes",
    "unfavorable": "Worse outcomes: more relapse, shorter survival",
    "not_stated": "Not separated from other T-ALL in the sources used here",
}
LINEAGE_TEXT = {"B": "B-cell precursor", "T": "T-cell precursor"}


def card_html(record) -> str:
    """One subtype's facts as an HTML card, each statement with its citations."""
    rows = [
        ("Lineage", html.escape(LINEAGE_TEXT[record.lineage]), ""),
        ("Genetic hallmark", html.escape(record.hallmark), cite_html(record.hallmark_bibkeys)),
        ("Outcome", OUTCOME_TEXT[record.outcome], cite_html(record.outcome_bibkeys)),
        ("BCL-2 family", html.escape(record.apoptosis_note), cite_html(record.apoptosis_bibkeys)),
    ]
    body = "".join(f"<tr><th scope='row'>{label}</th><td>{text} {citation}</td></tr>" for label, text, citation in rows)
    return (f'<div class="subtype-card"><p class="subtype-card-title">{html.escape(record.name)}</p>'
            f'<table class="subtype-card-table">{body}</table></div>')


def subtype_explorer(subtypes):
    """A dropdown of subtypes above the chosen subtype's card (works without a kernel)."""
    records = list(subtypes.itertuples(index=False))
    chooser = static_views.dropdown("ALL subtype:", [record.name for record in records])
    cards = static_views.linked_views([chooser], lambda index: static_views.html_view(card_html(records[index])))
    return static_views.explorer([chooser], cards)
