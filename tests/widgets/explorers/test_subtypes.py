"""widgets.explorers.subtypes: one card per subtype, in data order, each stating its own subtype."""

import html
import re

from tests.widgets.explorers.parts import controls, views
from widgets.data.bibliography import anchor
from widgets.data.subtypes import load_subtypes
from widgets.explorers.subtypes import subtype_explorer


def test_one_card_per_subtype_in_data_order():
    subtypes = load_subtypes()
    block = subtype_explorer(subtypes)
    (chooser,) = controls(block)
    assert list(chooser.options) == list(subtypes["name"])
    cards = views(block)
    assert len(cards.children) == len(subtypes)
    for card, record in zip(cards.children, subtypes.itertuples(index=False)):
        title = re.search(r'<p class="subtype-card-title">([^<]*)</p>', card.value).group(1)
        assert html.unescape(title) == record.name
        text = html.unescape(card.value)
        assert record.hallmark in text and record.apoptosis_note in text
        note_keys = record.outcome_note_bibkeys if isinstance(record.outcome_note, str) else ()
        keys = record.hallmark_bibkeys + record.outcome_bibkeys + note_keys + record.apoptosis_bibkeys
        assert re.findall(r"#(cite-[\w-]+)", card.value) == [anchor(key) for key in keys]
