"""The book's bibliography, ``data/references.bib``: its keys, short citations and anchors.

Data files cite their sources by these keys; a key that is not in the bibliography is
a data error (and would be a broken citation on the page). On the bibliography page,
``bibtex_cite_id`` in ``_config.yml`` gives each entry the anchor ``cite-<key>``
(``anchor``); widget HTML links to it with ``widgets.presentation.text.cite_html``.
"""

from functools import cache, lru_cache

from docutils.nodes import make_id
from pybtex.database import parse_file
from pybtex.richtext import Text

from widgets.data import data_file

BIBLIOGRAPHY = data_file("references.bib")


@lru_cache(maxsize=1)
def _entries():
    return parse_file(str(BIBLIOGRAPHY), bib_format="bibtex").entries


def bibkeys() -> frozenset[str]:
    """Every entry key in ``references.bib``."""
    return frozenset(_entries().keys())


def _authors_and_year(entry) -> tuple[str, str]:
    # "and others" in an author list parses as a person named "others"; names may hold
    # LaTeX accents (D{\"o}hner), rendered here as plain text (Döhner).
    surnames = [
        Text.from_latex(" ".join(person.last_names)).render_as("text") for person in entry.persons.get("author", [])
    ]
    if len(surnames) == 1:
        authors = surnames[0]
    elif len(surnames) == 2 and "others" not in surnames:
        authors = f"{surnames[0]} and {surnames[1]}"
    else:
        authors = f"{surnames[0]} et al."
    return authors, entry.fields["year"]


def year_suffixes(entries) -> dict[str, str]:
    """The letter that tells apart entries whose author-year labels would read the same
    ("Agarwal et al., 2017a" and "2017b"), by key in alphabetical order; ``entries`` maps
    keys to pybtex entries. Keys with a label of their own are left out."""
    by_label: dict[tuple[str, str], list[str]] = {}
    for key, entry in entries.items():
        by_label.setdefault(_authors_and_year(entry), []).append(key)
    return {
        key: "abcdefghijklmnopqrstuvwxyz"[index]
        for keys in by_label.values()
        if len(keys) > 1
        for index, key in enumerate(sorted(keys))
    }


@lru_cache(maxsize=1)
def _suffixes() -> dict[str, str]:
    return year_suffixes(_entries())


@cache
def short_citation(key: str) -> str:
    """Author-year text for ``key``: "Peirs et al., 2014", "Xu and Ye, 2022", and
    "Agarwal et al., 2017a" where two entries would share a label."""
    if key not in _entries():
        raise ValueError(f"key: {key!r} is not in references.bib")
    authors, year = _authors_and_year(_entries()[key])
    return f"{authors}, {year}{_suffixes().get(key, '')}"


def anchor(key: str) -> str:
    """The id of ``key``'s entry on the bibliography page, as Sphinx writes it
    (docutils' ``make_id``: "cite-venclexta_label" becomes "cite-venclexta-label")."""
    return make_id(f"cite-{key}")
