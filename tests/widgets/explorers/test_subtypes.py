"""widgets.explorers.subtypes: one card per subtype, with cited statements."""

from widgets.explorers.subtypes import card_html, subtype_explorer
from widgets.data.subtypes import load_subtypes


def test_one_card_per_subtype_in_data_order():
    subtypes = load_subtypes()
    block = subtype_explorer(subtypes)
    controls, views = block.children[0], block.children[1]
    chooser = controls.children[0]
    assert list(chooser.options) == list(subtypes["name"])
    cards = views.children[0].children
    assert [card.value for card in cards] == [card_html(record) for record in subtypes.itertuples(index=False)]


def test_card_cites_each_statement():
    record = load_subtypes().set_index("subtype_id").loc["etp_all"]
    record = record.to_frame().T.assign(subtype_id="etp_all").itertuples(index=False).__next__()
    card = card_html(record)
    assert "ETP-ALL" in card
    assert card.count("bibliography.html#cite-") == len(record.hallmark_bibkeys) + len(record.outcome_bibkeys) + len(record.apoptosis_bibkeys)
    assert "#cite-peirs2014" in card and "#cite-neumann2012" in card
