"""Every case page (``chapters/cases/NN_slug.ipynb``) has the case frame.

In the notebook's cells, in this order:

- a level-1 title with a label ``(case-slug)=`` on the line above it (the only h1);
- the education-only note: an admonition saying "For education only" and that the case is
  not a recommendation to treat anyone;
- ``## Presentation``, the first level-2 heading;
- steps with ``{self-check}`` questions, at least three in all, each valid
  (``_ext/self_check_questions.py``: every option carries feedback);
- an explorer step: a code cell calling one of the page module's explorers
  (``page.<...>explorer(...)``), under a heading that names the explorer, followed by at
  least one question;
- ``## What the evidence does not tell us``, after the last question, with at least three
  points;
- at least one citation (``{cite:p}``) and one link to a chapter of the book
  (``{doc}`/chapters/NN_...```);
- no wording that recommends a treatment.

A failure lists everything the page lacks.
"""

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))

from self_check_questions import parse_questions  # noqa: E402  (the book's Sphinx extension folder)

CASES = sorted((ROOT / "chapters" / "cases").glob("[0-9][0-9]_*.ipynb"))
MIN_CASES = 5
MIN_QUESTIONS = 3
MIN_UNKNOWNS = 3
LIMITS_HEADING = "What the evidence does not tell us"
FENCE = re.compile(r"^(`{3,})\{self-check\}\s*\n(.*?)^\1\s*$", re.M | re.S)
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$", re.M)
LABEL = re.compile(r"^\(case-[a-z0-9-]+\)=\s*$")
CITATION = re.compile(r"\{cite:p\}`[^`]+`")
CHAPTER_LINK = re.compile(r"\{doc\}`(?:[^`<]*<)?/chapters/(\d\d_[a-z0-9_]+)>?`")
EXPLORER_CALL = re.compile(r"^page\.\w*explorer\w*\(", re.M)
EDUCATION_NOTE = re.compile(
    r"^```\{(important|warning|admonition)\}.*?For education only.*?not a recommendation.*?^```", re.M | re.S
)
RECOMMENDING = re.compile(
    r"\b(we recommend|you should (give|start|prescribe|treat)|recommended dose|"
    r"the right choice for (him|her|this patient))\b",
    re.I,
)


def cells(path: Path) -> list[tuple[str, str]]:
    return [
        (cell["cell_type"], "".join(cell["source"])) for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
    ]


def outside_fences(markdown: str) -> str:
    """The markdown with fenced blocks blanked (same length, so positions keep), so that a
    heading inside one is not counted."""
    return re.sub(
        r"^(`{3,}|:{3,}).*?^\1\s*$", lambda match: re.sub(r"[^\n]", " ", match.group(0)), markdown, flags=re.M | re.S
    )


def frame_problems(path: Path) -> list[str]:
    problems = []
    events = []  # (kind, detail) in page order
    markdown_all = ""
    for kind, text in cells(path):
        if kind == "code":
            if EXPLORER_CALL.search(text):
                events.append(("explorer", text))
            continue
        markdown_all += text + "\n\n"
        plain = outside_fences(text)
        positions = [
            (match.start(), "heading", (len(match.group(1)), match.group(2))) for match in HEADING.finditer(plain)
        ]
        positions += [(match.start(), "questions", match.group(2)) for match in FENCE.finditer(text)]
        events += [(name, detail) for _, name, detail in sorted(positions, key=lambda item: item[0])]

    headings = [detail for name, detail in events if name == "heading"]
    titles = [text for level, text in headings if level == 1]
    if len(titles) != 1:
        problems.append(f"exactly one level-1 title (found {len(titles)})")
    first_lines = [line for line in markdown_all.splitlines() if line.strip()]
    if not first_lines or not LABEL.match(first_lines[0]):
        problems.append("a label `(case-slug)=` on the line above the title")
    if not EDUCATION_NOTE.search(markdown_all):
        problems.append('the education-only note: an admonition with "For education only" and "not a recommendation"')
    second = [text for level, text in headings if level == 2]
    if not second or second[0] != "Presentation":
        problems.append("`## Presentation` as the first section")

    questions, bad = 0, []
    for name, detail in events:
        if name == "questions":
            try:
                questions += len(parse_questions(detail))
            except ValueError as error:
                bad.append(str(error))
    problems += [f"valid self-check questions: {error}" for error in bad]
    if questions < MIN_QUESTIONS:
        problems.append(f"at least {MIN_QUESTIONS} self-check questions (found {questions})")

    names = [name for name, _ in events]
    if "explorer" not in names:
        problems.append("an explorer step: a code cell calling `page.<...>explorer(...)`")
    else:
        at = names.index("explorer")
        before = [detail for name, detail in events[:at] if name == "heading"]
        if not before or "explorer" not in before[-1][1].lower():
            problems.append("a heading naming the explorer above the explorer's cell")
        if "questions" not in names[at:]:
            problems.append("a self-check question after the explorer's cell")

    limits = next(
        (index for index, (name, detail) in enumerate(events) if name == "heading" and detail == (2, LIMITS_HEADING)),
        None,
    )
    if limits is None:
        problems.append(f"`## {LIMITS_HEADING}`")
    else:
        if "questions" in names[limits:]:
            problems.append(f"`## {LIMITS_HEADING}` after the last question")
        section = markdown_all.split(f"## {LIMITS_HEADING}", 1)[1]
        points = [line for line in section.splitlines() if line.startswith("- ")]
        if len(points) < MIN_UNKNOWNS:
            problems.append(f"at least {MIN_UNKNOWNS} points under `## {LIMITS_HEADING}` (found {len(points)})")

    if not CITATION.search(markdown_all):
        problems.append("at least one citation {cite:p}`key`")
    links = CHAPTER_LINK.findall(markdown_all)
    if not links:
        problems.append("a link to the chapter that teaches the case ({doc}`/chapters/NN_slug`)")
    missing = sorted({link for link in links if not (ROOT / "chapters" / f"{link}.ipynb").is_file()})
    if missing:
        problems.append(f"links to chapters that exist (missing: {missing})")
    wording = sorted({match.group(0) for match in RECOMMENDING.finditer(markdown_all)})
    if wording:
        problems.append(f"no wording that recommends a treatment (found {wording})")
    return problems


def test_there_are_at_least_five_cases():
    assert len(CASES) >= MIN_CASES, f"chapters/cases/ holds {len(CASES)} case notebooks"


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.name)
def test_case_has_the_case_frame(path):
    problems = frame_problems(path)
    assert problems == [], f"chapters/cases/{path.name} does not have the case frame. Missing:\n" + "\n".join(
        f"  - {problem}" for problem in problems
    )


def _write(tmp_path, cell_list) -> Path:
    notebook = {
        "cells": [
            {
                "cell_type": kind,
                "metadata": {},
                "source": text.splitlines(keepends=True),
                **({"outputs": [], "execution_count": None} if kind == "code" else {}),
            }
            for kind, text in cell_list
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "99_case.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


QUESTION = (
    "- question: Q{n}?\n  options:\n    - text: A\n      correct: true\n      feedback: a\n"
    "    - text: B\n      feedback: b\n"
)


def test_the_frame_check_names_everything_missing(tmp_path):
    path = _write(tmp_path, [("markdown", "# A case\n\nText only. We recommend drug X.\n")])
    assert frame_problems(path) == [
        "a label `(case-slug)=` on the line above the title",
        'the education-only note: an admonition with "For education only" and "not a recommendation"',
        "`## Presentation` as the first section",
        "at least 3 self-check questions (found 0)",
        "an explorer step: a code cell calling `page.<...>explorer(...)`",
        f"`## {LIMITS_HEADING}`",
        "at least one citation {cite:p}`key`",
        "a link to the chapter that teaches the case ({doc}`/chapters/NN_slug`)",
        "no wording that recommends a treatment (found ['We recommend'])",
    ]


def test_a_complete_case_passes_and_order_matters(tmp_path):
    head = (
        "(case-x)=\n# Case\n\n```{important}\n**For education only.** It is not a recommendation to treat.\n```\n\n"
        "## Presentation\n\nA patient {cite:p}`hanbali2025`; see {doc}`/chapters/05_clinical_studies`.\n\n"
        "## Step 1\n\n```{self-check}\n" + QUESTION.format(n=1) + QUESTION.format(n=2) + "```\n\n"
        "## Step 2: the explorer\n"
    )
    tail = "```{self-check}\n" + QUESTION.format(n=3) + f"```\n\n## {LIMITS_HEADING}\n\n- one\n- two\n- three\n"
    good = [("markdown", head), ("code", "page.explorer()"), ("markdown", tail)]
    assert frame_problems(_write(tmp_path, good)) == []
    no_question_after = [("markdown", head + tail.split("```\n\n", 1)[1]), ("code", "page.explorer()")]
    problems = frame_problems(_write(tmp_path, no_question_after))
    assert "a self-check question after the explorer's cell" in problems
    assert "at least 3 self-check questions (found 2)" in problems
