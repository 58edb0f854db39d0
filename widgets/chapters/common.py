"""What every chapter module shares: the glue helper, the key scheme and the reading guide."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from widgets import model
from widgets.presentation import style
from widgets.presentation.text import dose_label

# One key scheme for every glued value of the book: a lowercase topic, then parts that are
# words or data keys, separated by dots ("guide.sensitive_below", "ic50.b_all.venetoclax",
# "aldoss2025.all.CR_CRi.text.value").
KEY_PATTERN = re.compile(r"[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)*")


def check_keys(numbers: Mapping[str, object]) -> None:
    """ValueError naming the first key that breaks ``KEY_PATTERN``."""
    for key in numbers:
        if not KEY_PATTERN.fullmatch(key):
            raise ValueError(
                f"glue key {key!r} does not follow the book's key scheme "
                "(a lowercase topic, then dot-separated words or data keys)"
            )


def glue_numbers(numbers: Mapping[str, object]) -> None:
    """Glue every value for the page's ``{glue:text}`` references (myst-nb). Outside a book
    build (a plain Jupyter, Colab) without myst-nb there is nothing to glue into, so nothing
    is done."""
    check_keys(numbers)
    try:
        from myst_nb import glue
    except ImportError:
        return
    for key, value in numbers.items():
        glue(key, value, display=False)


def prepare_page(numbers: Callable[[], Mapping[str, object]]) -> None:
    """A page's setup: the book's plotting style, then its numbers glued."""
    style.apply()
    glue_numbers(numbers())


def reading_guide_numbers() -> dict[str, str]:
    """The reading guide's thresholds as the chapters print them: ``guide.sensitive_below``
    and ``guide.resistant_above`` (``widgets.model.reading_guide``), ``guide.resistant_factor``
    (their ratio, a teaching convention) and ``guide.range_top`` (the highest dose the IC50
    search tries; above it an IC50 is "not reached")."""
    return {
        "guide.sensitive_below": dose_label(model.SENSITIVE_BELOW_NM),
        "guide.resistant_above": dose_label(model.RESISTANT_ABOVE_NM),
        "guide.resistant_factor": f"{model.RESISTANT_ABOVE_NM / model.SENSITIVE_BELOW_NM:g}",
        "guide.range_top": dose_label(model.IC50_RANGE_NM[1]),
    }
