"""The introduction's subtype explorer: choose an ALL subtype, read its card."""

from widgets.explorers import static_views
from widgets.presentation.cards import card_html


def subtype_explorer(subtypes):
    """A dropdown of subtypes above the chosen subtype's card (works without a kernel)."""
    records = list(subtypes.itertuples(index=False))
    chooser = static_views.dropdown("ALL subtype:", [record.name for record in records])
    cards = static_views.linked_views([chooser], lambda index: static_views.html_view(card_html(records[index])))
    return static_views.explorer([chooser], cards)
