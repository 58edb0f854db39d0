"""widgets.data.label_pharmacology: the statements load, state their own numbers, and bad rows
are refused with the file, row and column."""

import pytest

from tests.widgets.data.corruption import refusal_test
from widgets.data.label_pharmacology import LABEL_PHARMACOLOGY_CSV, TOPICS, by_topic, load_label_pharmacology


def test_every_topic_has_a_statement_and_every_value_is_stated():
    frame = load_label_pharmacology()
    assert set(frame["topic"]) == set(TOPICS)
    valued = frame[frame["value_low"].notna()]
    for record in valued.itertuples():
        assert f"{record.value_low:g}" in record.statement and record.value_low <= record.value_high


def test_the_food_effect_is_larger_with_a_high_fat_meal():
    food = by_topic("food").set_index("item_id")
    assert food.loc["high_fat_meal", "value_low"] > food.loc["low_fat_meal", "value_high"] > 1


# a value missing from its statement; a value without its unit
test_a_value_not_stated_as_written_is_refused = refusal_test(
    load_label_pharmacology,
    LABEL_PHARMACOLOGY_CSV,
    [
        ("about 3.4 times", "about 3 times", r"row 2 \(file line 3\), column 'value_low': 3.4 is not stated"),
        ("3.4,3.4,fold,", "3.4,3.4,,", r"row 2 .*column 'unit': a value needs its unit"),
    ],
)


def test_an_unknown_topic_is_refused():
    with pytest.raises(ValueError, match=r"topic: must be one of food, .* not 'diet'"):
        by_topic("diet")
