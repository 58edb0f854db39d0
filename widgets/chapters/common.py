"""What every chapter module shares: the glue helper, the key scheme, the reading guide and
the lookup of a page's figures by name."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

from widgets import model
from widgets.presentation import style
from widgets.presentation.text import dose_label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

T = TypeVar("T")

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


def named(choices: Mapping[str, T], name: str, what: str) -> T:
    """``choices[name]``; any other name is refused with a ValueError that says what the choices
    are (``what``) and lists them."""
    if name not in choices:
        raise ValueError(f"name: {name!r} is not {what}; choose one of {', '.join(choices)}")
    return choices[name]


class PageFigures:
    """A page's figures by name (its ``FIGURES``, each a function that draws one) and the alt
    texts its figure cells store as ``mystnb.image.alt`` (its ``ALT_TEXTS``, each a text or a
    function that has the model write it). A page exposes ``figure`` and ``alt_text``."""

    def __init__(
        self,
        figures: Mapping[str, Callable[[], Figure]],
        alt_texts: Mapping[str, str | Callable[[], str]] | None = None,
        alt_texts_are: str = "a figure whose alt text the model writes",
    ):
        self.figures, self.alt_texts, self.alt_texts_are = figures, alt_texts or {}, alt_texts_are

    def figure(self, name: str) -> Figure:
        """The page's figure called ``name`` (a key of ``FIGURES``)."""
        return named(self.figures, name, "a figure of this page")()

    def alt_text(self, name: str) -> str:
        """The alt text of the figure called ``name`` (a key of ``ALT_TEXTS``), as its figure
        cell stores it."""
        text = named(self.alt_texts, name, self.alt_texts_are)
        return text if isinstance(text, str) else text()
