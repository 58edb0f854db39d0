"""The lesson registry (data/lessons.csv): every sentence that says what the model does is on
its page, holds in the model, and is tied to the finding it mirrors or marked as the model's.

For each row (test id = ``lesson_id``):

- the sentence is on the page, in the part ``where`` names: ``prose`` (markdown outside the
  exercises and self-checks), ``caption`` and ``alt_text`` (a figure cell's ``mystnb``
  metadata), ``exercise`` (an exercise or its solution), ``self_check_question`` (a
  self-check's question or an option's text) or ``self_check_feedback``; runs of whitespace
  count as one space, so a sentence folded across YAML lines still matches;
- the claim holds in the model (``widgets.model.calibration.compare``); a failure names the
  chapter file, quotes the sentence and gives the model's values;
- a ``model_only`` lesson is said to be the model's near its claim: the passage around the
  sentence (its paragraph and the paragraphs either side of it; a figure's caption and alt
  text; an exercise with its solution; a self-check question with its options and feedback)
  holds one of the phrases of ``MODEL_ONLY_MARKERS``, the wording the chapters already use.
  (A ``mirrors`` value that is not ``model_only`` must be a finding of data/model_findings.csv:
  the loader refuses anything else.)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

import pytest
import yaml

from tests.widgets.chapters.test_pages import CHAPTERS
from widgets.data.lessons import MODEL_ONLY, load_lessons
from widgets.model import calibration
from widgets.model.partners import PARTNERS

LESSONS = list(load_lessons().itertuples(index=False))
MODEL_ONLY_MARKERS = re.compile(
    r"model-only|\bin the model\b|\bthe model's|\bteaching model\b|\bmodel output\b|\bthe book's model\b", re.IGNORECASE
)
# An exercise, its solution or a self-check: a directive fenced with three backticks.
FENCED = re.compile(r"^```\{(exercise|solution|self-check)\}([^\n]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def flat(text: str) -> str:
    """``text`` with every run of whitespace as one space."""
    return " ".join(str(text).split())


@dataclass(frozen=True)
class Passage:
    """A piece of reader-visible text: where it stands, its text, and the text around it."""

    where: str
    text: str
    near: str


def _self_check_passages(body: str) -> list[Passage]:
    found = []
    for question in yaml.safe_load(body):
        parts = [("self_check_question", question.get("question", ""))]
        for option in question.get("options", []):
            parts += [
                ("self_check_question", option.get("text", "")),
                ("self_check_feedback", option.get("feedback", "")),
            ]
        parts.append(("self_check_feedback", question.get("feedback", "")))
        near = flat(" ".join(str(text) for _, text in parts))
        found += [Passage(where, flat(text), near) for where, text in parts if text]
    return found


def _prose_passages(text: str) -> list[Passage]:
    paragraphs = [flat(paragraph) for paragraph in re.split(r"\n[ \t]*\n", text) if paragraph.strip()]
    return [
        Passage("prose", paragraph, " ".join(paragraphs[max(0, index - 1) : index + 2]))
        for index, paragraph in enumerate(paragraphs)
    ]


def _markdown_passages(source: str) -> list[Passage]:
    found, exercises, position = [], {}, 0
    for match in FENCED.finditer(source):
        found += _prose_passages(source[position : match.start()])
        position = match.end()
        kind, argument, body = match.groups()
        if kind == "self-check":
            found += _self_check_passages(body)
        else:
            label = re.search(r"ex-[a-z0-9-]+", argument + body)
            exercises.setdefault(label[0] if label else match.start(), []).append(flat(body))
    found += _prose_passages(source[position:])
    for bodies in exercises.values():
        found += [Passage("exercise", body, " ".join(bodies)) for body in bodies]
    return found


@cache
def passages(chapter: str) -> tuple[Passage, ...]:
    """Every reader-visible passage of ``chapters/<chapter>``: markdown, captions and alt texts."""
    notebook = json.loads((CHAPTERS / chapter).read_text(encoding="utf-8"))
    found = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            found += _markdown_passages("".join(cell["source"]))
            continue
        meta = cell["metadata"].get("mystnb", {})
        caption, alt = meta.get("figure", {}).get("caption", ""), meta.get("image", {}).get("alt", "")
        near = flat(f"{caption} {alt}")
        found += [Passage(where, flat(text), near) for where, text in (("caption", caption), ("alt_text", alt)) if text]
    return tuple(found)


def where_found(lesson) -> list[Passage]:
    """The passages of the lesson's page, in the part it names, that hold its sentence."""
    sentence = flat(lesson.sentence)
    return [p for p in passages(lesson.chapter) if p.where == lesson.where and sentence in p.text]


def claim_failure(lesson) -> str | None:
    """None if the lesson's claim holds in the model; otherwise a message naming the chapter,
    quoting the sentence and giving the model's values."""
    result = calibration.compare(
        lesson.lesson_id, lesson.model_quantity, lesson.relative_to, lesson.check, lesson.threshold
    )
    if result.holds:
        return None
    compared = lesson.model_quantity + (f" / {lesson.relative_to}" if isinstance(lesson.relative_to, str) else "")
    return (
        f"chapters/{lesson.chapter} ({lesson.where}) says “{lesson.sentence}”, but the model no longer shows it: "
        f"{compared}: {result.describe()}. Reword the page or change the model (data/lessons.csv, {lesson.lesson_id})"
    )


def lesson_id(lesson) -> str:
    return lesson.lesson_id


@pytest.mark.parametrize("lesson", LESSONS, ids=lesson_id)
def test_the_sentence_is_on_its_page(lesson):
    assert (CHAPTERS / lesson.chapter).is_file(), f"data/lessons.csv, {lesson.lesson_id}: no chapters/{lesson.chapter}"
    if not where_found(lesson):
        elsewhere = sorted({p.where for p in passages(lesson.chapter) if flat(lesson.sentence) in p.text})
        pytest.fail(
            f"chapters/{lesson.chapter} has no {lesson.where} passage saying “{lesson.sentence}”"
            + (f" (it is in: {', '.join(elsewhere)})" if elsewhere else "")
            + f"; update data/lessons.csv, {lesson.lesson_id}"
        )


@pytest.mark.parametrize("lesson", LESSONS, ids=lesson_id)
def test_the_claim_holds_in_the_model(lesson):
    failure = claim_failure(lesson)
    assert failure is None, failure


MODEL_ONLY_LESSONS = [lesson for lesson in LESSONS if lesson.mirrors == MODEL_ONLY]


@pytest.mark.parametrize("lesson", MODEL_ONLY_LESSONS, ids=lesson_id)
def test_a_model_only_lesson_is_said_to_be_the_models_near_its_claim(lesson):
    unmarked = [p for p in where_found(lesson) if not MODEL_ONLY_MARKERS.search(p.near)]
    assert not unmarked, (
        f"chapters/{lesson.chapter}: “{lesson.sentence}” is a model-only lesson ({lesson.lesson_id}), but nothing "
        f"near it says it is the model's (one of: {MODEL_ONLY_MARKERS.pattern})"
    )


def test_the_registry_covers_the_first_chapters_and_mirrors_findings():
    chapters = {lesson.chapter for lesson in LESSONS}
    assert {"02_role_of_bcl2.ipynb", "03_venetoclax.ipynb", "04_preclinical.ipynb", "appendix_model.ipynb"} <= chapters
    assert any(lesson.mirrors != MODEL_ONLY for lesson in LESSONS)
    assert MODEL_ONLY_LESSONS


@pytest.fixture
def fresh_model():
    """Model values recomputed from the parameters as they are now, before and after the test."""
    calibration.clear_caches()
    yield
    calibration.clear_caches()


def test_a_parameter_change_that_flips_a_lesson_names_the_chapter_and_the_sentence(monkeypatch, fresh_model):
    """Cutting MCL-1 three times deeper for asparaginase (x0.2 instead of the modest cut) makes the
    MCL-1-driven state more sensitive than a BCL-2-dependent blast: the appendix's lesson flips."""
    lesson = next(lesson for lesson in LESSONS if lesson.lesson_id == "appendix_mcl1_cut_does_not_over_restore")
    assert claim_failure(lesson) is None
    monkeypatch.setitem(PARTNERS["asparaginase"].scale, "mcl1", 0.2)
    calibration.clear_caches()
    failure = claim_failure(lesson)
    assert failure is not None, "a deeper MCL-1 cut should flip the lesson"
    assert "chapters/appendix_model.ipynb" in failure and f"“{lesson.sentence}”" in failure
    assert lesson.model_quantity in failure and "does not hold" in failure


def test_the_passages_read_prose_exercises_self_checks_and_captions():
    found = passages("02_role_of_bcl2.ipynb")
    kinds = {p.where for p in found}
    assert {"prose", "caption", "alt_text", "exercise", "self_check_question", "self_check_feedback"} <= kinds
    feedback = next(p for p in found if p.where == "self_check_feedback" and "destroy it" in p.text)
    assert "In the model the total BIM stays the same" in feedback.text and "\n" not in feedback.text
    solution = next(p for p in found if p.where == "exercise" and "The B-ALL cell first dies" in p.text)
    assert "Why does the ETP-ALL cell need a higher concentration" in solution.near
    assert not any("```{self-check}" in p.text for p in found)
