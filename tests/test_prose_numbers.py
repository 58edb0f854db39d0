"""Every number in a chapter's prose is a number of ``data/`` (or is inserted by glue).

CONTRIBUTING.md: "Prose quotes a number only if the same number is in data/ (or is
computed from it and inserted with myst-nb's glue)". This test reads the markdown cells
of every chapter notebook (``chapters/NN_*.ipynb``), including the text of self-check
questions and admonitions, and checks each number written in digits against every number
that appears anywhere in a CSV file under ``data/`` (any cell, notes included; compared as
values, so "4.0" matches "4"). A number inserted with ``{glue:...}`` is not in the
markdown, so it passes by construction.

What is not a quoted figure, and is skipped (the narrow rule):

1. code, math and markup: fenced code blocks, inline code, ``$...$`` math, HTML tags and
   comments, link targets ``](...)``, DOIs and URLs written out (``doi:10.1038/...``,
   ``https://...``), label lines ``(name)=``, directive option lines
   ``:name: value``, and every MyST role except ``{term}`` (citations, glue, cross-
   references), whose display text is kept;
2. numbers that are part of a name: attached to letters (BH3, CD19, TP53, EA9152, 17p) or
   following a letter and a hyphen (BCL-2, MCL-1);
3. list markers (``1.`` at the start of a line) and the section number at the start of
   a heading;
4. the "Time to learn" line;
5. references to parts of a document: a number or list of numbers after Chapter,
   Figure, Fig., Table, Section, Part, question, objective, exercise, step, item, ref or
   reference (singular or plural, any case), and reference numbers in brackets ``[17]``;
6. years in citations: a year from 1900 to 2099 right after the surname of an author in
   ``references.bib``, optionally with "et al." and a comma or parenthesis ("Aldoss 2025",
   "Jin et al. (2025)", "Clopper and Pearson 1934"; not "In 2025").

NCT numbers in the prose must also be trial numbers of ``data/ongoing_trials.csv``.
A failure names the chapter, the number and the sentence it is in.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb")) + sorted(
    (ROOT / "chapters" / "cases").glob("[0-9][0-9]_*.ipynb")
)
DATA_FILES = sorted((ROOT / "data").glob("*.csv"))

NUMBER = re.compile(r"(?<![\w.,])(?<![A-Za-z]-)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\w)(?!\.\d)(?!,\d{3})")
NCT = re.compile(r"\bNCT\d{8}\b")

FENCED_CODE = re.compile(r"^(`{3,}|~{3,})(?!\{)[^\n]*\n.*?^\1\s*$", re.M | re.S)
DIRECTIVE_FENCE = re.compile(r"^\s*(?:`{3,}|:{3,})\s*\{[\w:-]+\}", re.M)
FENCE_LINE = re.compile(r"^\s*(?:`{3,}|:{3,})\s*$", re.M)
OPTION_LINE = re.compile(r"^\s*:[\w-]+:.*$", re.M)
LABEL_LINE = re.compile(r"^\s*\([\w.:-]+\)=\s*$", re.M)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
DISPLAY_MATH = re.compile(r"\$\$.*?\$\$", re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)[^$\n]+?(?<!\s)\$")
TERM_ROLE = re.compile(r"\{term\}`([^`<]*?)\s*(?:<[^`]*>)?`")
OTHER_ROLE = re.compile(r"\{[\w:.-]+\}`[^`]*`")
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
IDENTIFIER = re.compile(r"\b(?:doi:\s*|https?://)\S+", re.I)
TIME_TO_LEARN = re.compile(r"^.*time to learn.*$", re.M | re.I)
LIST_MARKER = re.compile(r"^(\s*)\d+[.)](?=\s)", re.M)
HEADING_NUMBER = re.compile(r"^(#{1,6}\s+)\d+(?:\.\d+)*\.?(?=\s)", re.M)
NUMBER_LIST = r"\d+(?:\s*(?:,|and|or|to|–|-)\s*\d+)*"
PART_REFERENCE = re.compile(
    r"\b(?:chapters?|figures?|fig\.|tables?|sections?|parts?|questions?|objectives?|exercises?|steps?|items?"
    r"|refs?\.?|references?)\s+" + NUMBER_LIST,
    re.I,
)
BRACKET_REFERENCE = re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")
CITATION_YEAR = re.compile(r"([A-Z][\w'’-]*)((?:\s+et\s+al\.?)?,?\s+\(?)((?:19|20)\d{2})(?!\d)")


def bibliography_surnames() -> frozenset[str]:
    from pybtex.database import parse_file

    entries = parse_file(str(ROOT / "data" / "references.bib"), bib_format="bibtex").entries.values()
    return frozenset(
        re.sub(r"[{}\\\"]", "", " ".join(person.last_names))
        for entry in entries
        for person in entry.persons.get("author", [])
    )


SURNAMES = bibliography_surnames()


def value_of(text: str) -> float:
    return float(text.replace(",", ""))


def data_numbers() -> set[float]:
    """Every number written in any cell of any CSV file in data/."""
    numbers = set()
    for path in DATA_FILES:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    numbers.update(value_of(match.group(0)) for match in NUMBER.finditer(cell))
    return numbers


def data_nct_numbers() -> set[str]:
    return set(NCT.findall((ROOT / "data" / "ongoing_trials.csv").read_text(encoding="utf-8")))


def _blank(match: re.Match) -> str:
    """Replace a match by spaces and its newlines, so that sentences keep their shape."""
    return re.sub(r"[^\n]", " ", match.group(0))


def prose(markdown: str) -> str:
    """The reader-facing text of a markdown cell, with the structural numbers removed."""
    text = FENCED_CODE.sub(_blank, markdown)
    text = HTML_COMMENT.sub(_blank, text)
    text = DISPLAY_MATH.sub(_blank, text)
    text = INLINE_MATH.sub(_blank, text)
    text = DIRECTIVE_FENCE.sub(_blank, text)
    text = FENCE_LINE.sub(_blank, text)
    text = OPTION_LINE.sub(_blank, text)
    text = LABEL_LINE.sub(_blank, text)
    text = TERM_ROLE.sub(lambda match: match.group(1), text)
    text = OTHER_ROLE.sub(_blank, text)
    text = INLINE_CODE.sub(_blank, text)
    text = LINK_TARGET.sub("]", text)
    text = IDENTIFIER.sub(_blank, text)
    text = HTML_TAG.sub(_blank, text)
    text = TIME_TO_LEARN.sub(_blank, text)
    text = LIST_MARKER.sub(lambda match: match.group(1) + " ", text)
    text = HEADING_NUMBER.sub(lambda match: match.group(1), text)
    text = PART_REFERENCE.sub(_blank, text)
    text = BRACKET_REFERENCE.sub(_blank, text)
    return CITATION_YEAR.sub(
        lambda match: (
            match.group(0)
            if match.group(1) not in SURNAMES
            else match.group(1) + match.group(2) + " " * len(match.group(3))
        ),
        text,
    )


def sentence_at(text: str, position: int) -> str:
    starts = [match.end() for match in re.finditer(r"[.!?](?=\s)|\n\s*\n", text[:position])]
    start = starts[-1] if starts else 0
    end_match = re.search(r"[.!?](?=\s|$)|\n\s*\n", text[position:])
    end = position + end_match.end() if end_match else len(text)
    return " ".join(text[start:end].split())


def chapter_markdown(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]


def unsupported_numbers(markdown_cells, known: set[float], trials: set[str]) -> list[tuple[str, str]]:
    """(number, sentence) for every number of the prose that is not in the data."""
    problems = []
    for markdown in markdown_cells:
        text = prose(markdown)
        for match in NCT.finditer(text):
            if match.group(0) not in trials:
                problems.append((match.group(0), sentence_at(text, match.start())))
        for match in NUMBER.finditer(text):
            if value_of(match.group(0)) not in known:
                problems.append((match.group(0), sentence_at(text, match.start())))
    return problems


@pytest.fixture(scope="module")
def known():
    return data_numbers()


def test_there_are_chapters_and_data():
    assert CHAPTERS and DATA_FILES


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.name)
def test_every_number_in_the_prose_is_in_the_data(path, known):
    problems = unsupported_numbers(chapter_markdown(path), known, data_nct_numbers())
    assert problems == [], (
        f"chapters/{path.name}: {len(problems)} number(s) in the prose are in no file of data/; put the figure in "
        "data/ and insert it with glue, or refer to the figure or table:\n"
        + "\n".join(f"  - {number!r} in: {sentence}" for number, sentence in problems)
    )


# --- the rule itself -------------------------------------------------------------------

SAMPLE = """(chapter-x)=
# 3. A title

## Overview

1. read Table 1 and Tables 2 and 3 of the review [17, 18];
2. see chapter 5, Figure 2 and refs 36-38.

**Time to learn:** about 45 minutes.

BCL-2, MCL-1, BH3, TP53 and CD19 are names; so is 17p. Aldoss et al. (2025) and Clopper and Pearson 1934
are citations. {cite:p}`hanbali2025` {glue:text}`x.value:.0f` `code 77` $x^{2}$ {term}`venetoclax <BCL-2>`
[a link](https://example.org/page99), doi:10.1038/s41375-020-01080-6.
In 2025 the review reported 96% of 24 patients (23/24), 1,234 cells,
4.0 months and 0.01% MRD, and 97% of something else. NCT06578546 is listed; NCT00000001 is not.
```python
print(55)
```
```{self-check}
- question: Is 31 the age?
  options:
    - text: "Yes, 88 years"
```
"""


def test_the_rule_keeps_figures_and_drops_structural_numbers():
    found = [
        number for number, _ in unsupported_numbers([SAMPLE], {96.0, 24.0, 23.0, 4.0, 0.01, 31.0}, {"NCT06578546"})
    ]
    assert found == ["NCT00000001", "2025", "1,234", "97", "88"]


def test_a_failure_names_the_sentence():
    problems = unsupported_numbers(["First sentence. The rate was 42% overall. Next one."], set(), set())
    assert problems == [("42", "The rate was 42% overall.")]


def test_data_numbers_read_every_cell():
    numbers = data_numbers()
    # Table 1's 37.5% (ref 17), the CALGB 10403 regimen (ref 28), a note's "6 of 10" (ref 19)
    assert {37.5, 10403.0, 6.0, 10.0} <= numbers
