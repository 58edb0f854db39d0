"""widgets.model.lookup: an entry by its key, or an error naming the argument and every allowed key."""

import pytest

from widgets import model
from widgets.model.drugs import drug
from widgets.model.lookup import lookup
from widgets.model.partners import partner


def test_a_known_key_gives_its_entry():
    assert lookup({"a": 1, "b": 2}, "b", argument="letter", kind="letter") == 2
    assert drug("venetoclax") is model.DRUGS["venetoclax"]
    assert partner("asparaginase") is model.PARTNERS["asparaginase"]
    assert model.regimen("azd4320") is model.REGIMENS["azd4320"]


def test_an_unknown_key_names_the_argument_and_the_allowed_keys():
    with pytest.raises(ValueError, match=r"^letter: 'c' is not a known letter; choose one of a, b$"):
        lookup({"a": 1, "b": 2}, "c", argument="letter", kind="letter")


@pytest.mark.parametrize(
    "find, table, start",
    [
        (drug, model.DRUGS, "drug: 'aspirin' is not a known drug"),
        (partner, model.PARTNERS, "partners: 'aspirin' is not a known partner"),
        (model.regimen, model.REGIMENS, "regimen: 'aspirin' is not a known regimen"),
    ],
)
def test_the_model_tables_share_the_message(find, table, start):
    with pytest.raises(ValueError) as error:
        find("aspirin")
    assert str(error.value) == f"{start}; choose one of {', '.join(table)}"
