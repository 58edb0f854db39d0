"""Every chapter notebook has the standard frame of CONTRIBUTING.md ("Chapters").

In the notebook's markdown cells, in this order:

- a level-1 title `# ...` with a label `(chapter-slug)=` on the line above it (the only h1);
- `## Overview` with a numbered list of learning objectives (at least two);
- `## Prerequisites`;
- "Time to learn" (e.g. `**Time to learn:** about 25 minutes.`);
- the content, with at least one citation (`{cite:p}`, `{cite:t}`, ... in the text or a
  figure caption);
- `## Self-check` followed by `{self-check}` questions, at least four in all, each valid
  (see `_ext/self_check.py`);
- `## Summary`;
- `## What's next?`.

A failure lists everything missing in that chapter.
"""

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))

from self_check import parse_questions  # noqa: E402  (the book's Sphinx extension folder)

CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
MIN_QUESTIONS = 4
MIN_OBJECTIVES = 2
FENCE = re.compile(r"^\s*(`{3,}|:{3,})(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
LABEL = re.compile(r"^\(([A-Za-z0-9_.:-]+)\)=\s*$")
CITATION = re.compile(r"\{cite(:[a-z]+)?\}`[^`]+`")
NUMBERED_ITEM = re.compile(r"^\s*\d+[.)]\s+\S")


class Chapter:
    """A chapter's markdown, split into lines outside fences, headings and fenced blocks."""

    def __init__(self, path: Path):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        cells = notebook["cells"]
        self.markdown = "\n\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
        self.captions = [
            cell["metadata"].get("mystnb", {}).get("figure", {}).get("caption", "")
            for cell in cells
            if cell["cell_type"] == "code"
        ]
        self.lines = []  # (line number, text) outside fences
        self.blocks = []  # (line number, info string, body) of fenced blocks at the top level
        fence, info, body, start = None, "", [], 0
        for number, line in enumerate(self.markdown.splitlines()):
            match = FENCE.match(line)
            if fence is None:
                if match:
                    fence, info, body, start = match.group(1), match.group(2).strip(), [], number
                else:
                    self.lines.append((number, line))
            elif (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
                and not match.group(2).strip()
            ):
                self.blocks.append((start, info, "\n".join(body)))
                fence = None
            else:
                body.append(line)
        self.headings = [
            (number, len(match.group(1)), match.group(2))
            for number, line in self.lines
            if (match := HEADING.match(line))
        ]

    def heading(self, level: int, pattern: str):
        """Line number of the first heading of this level matching the pattern, or None."""
        return next(
            (
                number
                for number, depth, text in self.headings
                if depth == level and re.fullmatch(pattern, text.strip(), re.IGNORECASE)
            ),
            None,
        )

    def section_lines(self, start: int) -> list[str]:
        end = next((number for number, _, _ in self.headings if number > start), float("inf"))
        return [line for number, line in self.lines if start < number < end]


def frame_problems(path: Path) -> list[str]:
    chapter = Chapter(path)
    problems = []
    positions = {}

    titles = [number for number, level, _ in chapter.headings if level == 1]
    text_lines = dict(chapter.lines)
    if len(titles) != 1:
        problems.append(f"exactly one level-1 title `# ...` (found {len(titles)})")
    else:
        label_line = next(
            (text_lines.get(number) for number in range(titles[0] - 1, -1, -1) if text_lines.get(number, "").strip()),
            "",
        )
        if not LABEL.match(label_line or ""):
            problems.append("a label `(chapter-slug)=` on the line above the `# ...` title")

    overview = chapter.heading(2, r"overview")
    if overview is None:
        problems.append("`## Overview`")
    else:
        positions["Overview"] = overview
        objectives = [line for line in chapter.section_lines(overview) if NUMBERED_ITEM.match(line)]
        if len(objectives) < MIN_OBJECTIVES:
            problems.append(
                f"a numbered list of learning objectives under `## Overview` "
                f"(at least {MIN_OBJECTIVES} items `1. ...`; found {len(objectives)})"
            )

    for name, pattern in (
        ("Prerequisites", r"prerequisites"),
        ("Summary", r"summary"),
        ("What's next?", r"what[’']s next\??"),
    ):
        number = chapter.heading(2, pattern)
        if number is None:
            problems.append(f"`## {name}`")
        else:
            positions[name] = number

    time_to_learn = next((number for number, line in chapter.lines if re.search(r"time to learn", line, re.I)), None)
    if time_to_learn is None:
        problems.append('"Time to learn" (e.g. `**Time to learn:** about 20 minutes.` under Prerequisites)')
    else:
        positions["Time to learn"] = time_to_learn

    if not any(CITATION.search(text) for text in [chapter.markdown, *chapter.captions]):
        problems.append("at least one citation ({cite:p}`key` or {cite:t}`key`)")

    self_check = chapter.heading(2, r"self-check")
    if self_check is None:
        problems.append(f"`## Self-check` with a {{self-check}} block of at least {MIN_QUESTIONS} questions")
    else:
        positions["Self-check"] = self_check
        end = min(
            [
                number
                for name, number in positions.items()
                if name in ("Summary", "What's next?") and number > self_check
            ]
            or [float("inf")]
        )
        blocks = [
            body for start, info, body in chapter.blocks if info.startswith("{self-check}") and self_check < start < end
        ]
        questions = 0
        for body in blocks:
            try:
                questions += len(parse_questions(body))
            except ValueError as error:
                problems.append(f"valid self-check questions: {error}")
        if questions < MIN_QUESTIONS and not any(problem.startswith("valid self-check") for problem in problems):
            problems.append(
                f"at least {MIN_QUESTIONS} questions in {{self-check}} blocks under `## Self-check` (found {questions})"
            )

    order = ["Overview", "Prerequisites", "Time to learn", "Self-check", "Summary", "What's next?"]
    present = [name for name in order if name in positions]
    actual = sorted(present, key=positions.get)
    if actual != present:
        problems.append(f"the sections in the order {' < '.join(present)} (found {' < '.join(actual)})")
    return problems


def test_there_are_chapter_notebooks():
    assert CHAPTERS, "no chapters/NN_*.ipynb found"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.name)
def test_chapter_has_the_standard_frame(path):
    problems = frame_problems(path)
    assert problems == [], (
        f'chapters/{path.name} does not have the standard frame (CONTRIBUTING.md, "Chapters"). Missing:\n'
        + "\n".join(f"  - {problem}" for problem in problems)
    )


def test_the_frame_check_reports_what_is_missing(tmp_path):
    """The check itself: a notebook with no frame gets every item named."""
    notebook = {
        "cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "\n", "Text only.\n"]}],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "99_empty.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    problems = frame_problems(path)
    assert problems == [
        "a label `(chapter-slug)=` on the line above the `# ...` title",
        "`## Overview`",
        "`## Prerequisites`",
        "`## Summary`",
        "`## What's next?`",
        '"Time to learn" (e.g. `**Time to learn:** about 20 minutes.` under Prerequisites)',
        "at least one citation ({cite:p}`key` or {cite:t}`key`)",
        "`## Self-check` with a {self-check} block of at least 4 questions",
    ]


def test_the_frame_check_counts_questions_and_finds_bad_ones(tmp_path):
    question = (
        "- question: Q{n}?\n  options:\n    - text: A\n      correct: true\n      feedback: a\n"
        "    - text: B\n      feedback: b\n"
    )
    source = (
        "(x)=\n# T\n\n## Overview\n\n1. one;\n2. two.\n\n## Prerequisites\n\n**Time to learn:** 5 min.\n\n"
        "Fact {cite:p}`k`.\n\n## Self-check\n\n```{self-check}\n"
        + "".join(question.format(n=n) for n in range(3))
        + "```\n\n## Summary\n\n- s\n\n## What's next?\n\nNext.\n"
    )
    path = tmp_path / "98_three.ipynb"

    def write(text):
        cell = {"cell_type": "markdown", "metadata": {}, "source": text.splitlines(keepends=True)}
        path.write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))

    write(source)
    assert frame_problems(path) == ["at least 4 questions in {self-check} blocks under `## Self-check` (found 3)"]
    write(source.replace("```\n\n## Summary", question.format(n=3) + "```\n\n## Summary"))
    assert frame_problems(path) == []
    write(source.replace("      correct: true\n", "", 1))
    assert frame_problems(path) == [
        "valid self-check questions: question 1 ('Q0?'): no option is marked `correct: true`"
    ]
