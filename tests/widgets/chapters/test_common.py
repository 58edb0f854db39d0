"""widgets.chapters.common: the reading guide's numbers are the model's thresholds in words."""

from widgets import model
from widgets.chapters.common import reading_guide_numbers
from widgets.presentation.text import dose_label


def test_reading_guide_numbers_are_the_model_thresholds_in_words():
    numbers = reading_guide_numbers()
    assert numbers["guide.sensitive_below"] == dose_label(model.SENSITIVE_BELOW_NM) == "24.2 nM"
    assert numbers["guide.resistant_above"] == dose_label(model.RESISTANT_ABOVE_NM) == "242 nM"
    assert numbers["guide.resistant_factor"] == "10"
    assert numbers["guide.range_top"] == dose_label(model.IC50_RANGE_NM[1])
