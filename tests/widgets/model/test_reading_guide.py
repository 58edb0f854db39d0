"""widgets.model.reading_guide: every drug is read against its own exposure band or shown
without one, and each band and each missing band names sources of the bibliography."""

import math
import re

import pytest

from widgets import model
from widgets.data.bibliography import bibkeys
from widgets.model import reading_guide


def test_every_drug_of_the_model_has_a_band_or_a_reason_for_none_and_never_both():
    banded, unbanded = set(reading_guide.EXPOSURE_BANDS_NM), set(reading_guide.WITHOUT_BAND)
    assert banded | unbanded == set(model.DRUGS) and not banded & unbanded
    assert all(reading_guide.WITHOUT_BAND[key] for key in unbanded)


@pytest.mark.parametrize("drug_key", sorted(reading_guide.EXPOSURE_BANDS_NM))
def test_each_band_is_ordered_and_sourced(drug_key):
    sensitive_below, resistant_above = reading_guide.EXPOSURE_BANDS_NM[drug_key]
    assert 0 < sensitive_below < resistant_above < math.inf
    assert reading_guide.BAND_SOURCES[drug_key] in bibkeys()
    assert reading_guide.ic50_class(sensitive_below / 2, drug_key) == "sensitive"
    assert reading_guide.ic50_class(resistant_above * 2, drug_key) == "resistant"


@pytest.mark.parametrize("drug_key", sorted(reading_guide.WITHOUT_BAND))
def test_a_drug_without_a_band_is_never_classified_by_another_drugs_band(drug_key):
    below_venetoclax_line = reading_guide.SENSITIVE_BELOW_NM / 10
    assert reading_guide.ic50_class(below_venetoclax_line, drug_key) == reading_guide.NO_BAND
    assert reading_guide.ic50_class(below_venetoclax_line, "venetoclax") == "sensitive"


def test_the_sources_the_module_names_are_in_the_bibliography():
    cited = set(re.findall(r"\{([a-z0-9_]+)\}", reading_guide.__doc__))
    assert {"wilson2010", "gandhi2011"} <= cited <= bibkeys()
