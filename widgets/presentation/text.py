"""Text helpers for every page: doses, citations and Markdown tables (parsed as MyST, so
citations work), and for widget HTML, which Sphinx does not parse: escaping (``escape_html``)
and citation links to the bibliography page (``cite_html``)."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

from IPython.display import Markdown

from widgets.data.bibliography import anchor, short_citation


def cite(keys) -> str:
    """A MyST parenthetical citation of ``keys`` (bibkeys), or "" for none."""
    keys = [keys] if isinstance(keys, str) else list(keys)
    return f"{{cite:p}}`{','.join(keys)}`" if keys else ""


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> Markdown:
    """A Markdown table; cells are text (escape pipes yourself if a cell needs one)."""
    if any(len(row) != len(headers) for row in rows):
        raise ValueError("rows: every row needs one cell per header")
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell).replace("\n", " ") for cell in row) + " |" for row in rows]
    return Markdown("\n".join(lines))


def dose_label(dose_nM: float) -> str:
    """A dose as a reader says it: "1 pM", "100 pM", "10 nM", "1 µM", "100 µM"."""
    if dose_nM == 0:
        return "0"
    if math.isinf(dose_nM):
        return "not reached"
    for unit, scale in (("µM", 1e3), ("nM", 1.0), ("pM", 1e-3)):
        if dose_nM >= scale:
            value = dose_nM / scale
            return f"{value:.3g} {unit}"
    return f"{dose_nM * 1e3:.2g} pM"


def level_label(factor: float) -> str:
    """A protein level relative to its profile, as the explorers print it: "×0.25", "×4"."""
    return f"×{factor:g}"


def fold_change(fold: float) -> str:
    """A fold change as the book prints it (the number only): one decimal below 10
    ("2.3"), two significant figures from 10 up ("290"), one from 1,000 up ("3,000"), where
    a teaching model's second digit means nothing; "not reached" for an infinite fold (an
    IC50 that is not reached)."""
    if math.isinf(fold):
        return "not reached"
    if fold < 10:
        return f"{fold:.1f}"
    return f"{float(f'{fold:.{2 if fold < 1000 else 1}g}'):,.0f}"


def mid_sentence(label: str) -> str:
    """A menu label as it reads inside a sentence: its first letter lowercased, and nothing
    else, so abbreviations keep their capitals ("Went on to CAR-T" -> "went on to CAR-T")."""
    return label[:1].lower() + label[1:] if label[:2] != label[:2].upper() else label


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 study", "3 studies": the count and the word that agrees with it."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"


def escape_html(text) -> str:
    """``text`` (any value, as ``str``) made safe inside widget HTML: in an element or in a
    quoted attribute (``&``, ``<``, ``>`` and both quotes escaped)."""
    return html.escape(str(text), quote=True)


# The bibliography page, relative to the chapter pages (all chapters sit in chapters/).
BIBLIOGRAPHY_PAGE = "bibliography.html"


def cite_html(keys) -> str:
    """Parenthetical author-year citation links for ``keys`` (bibkeys), for widget HTML, or ""
    for none. Each links to its entry on the bibliography page, whose anchors
    ``bibtex_cite_id`` in ``_config.yml`` sets (``widgets.data.bibliography.anchor``)."""
    links = [f'<a href="{BIBLIOGRAPHY_PAGE}#{anchor(key)}">{escape_html(short_citation(key))}</a>' for key in keys]
    return f"({'; '.join(links)})" if links else ""
