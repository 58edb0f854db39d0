"""The questions of a ``self-check`` block: YAML parsing and validation, no Sphinx.

A block's body is a YAML list. Each item is one of three kinds of question:

- **single choice**: ``question`` and ``options`` (at least two, exactly one with
  ``correct: true``);
- **multiple choice**: the same with ``multiple: true`` (at least one correct option; the
  reader ticks all that apply and gets feedback on every option);
- **numeric**: ``question``, ``answer`` (a number, or ``{glue: key}`` for a value the
  page's notebook glues), optional ``tolerance`` (how far from the answer still counts as
  right, default 0) and ``unit`` (text shown beside the box), and ``feedback`` (why the
  answer is what it is).

Each option has ``text`` and ``feedback`` (both required) and optionally ``correct``. Any
question may carry an ``id`` (lowercase letters, digits and hyphens) that keeps its stored
progress when its wording changes; without one, the question's identity is a digest of its
text (:func:`question_id`). Other keys are refused. Every error is a ``ValueError`` naming
the question by number and its first words.
"""

from __future__ import annotations

import hashlib
import math
import numbers
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

CHOICE_KEYS = {"question", "options", "multiple", "id"}
NUMERIC_KEYS = {"question", "answer", "tolerance", "unit", "feedback", "id"}
OPTION_KEYS = {"text", "correct", "feedback"}
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
YAML_HINT = (
    "a value that starts with {, [, ` or contains ': ' must be quoted, or written as a "
    "block scalar (`question: >-` and the text indented on the next lines)"
)


@dataclass(frozen=True)
class Option:
    text: str
    feedback: str
    correct: bool


@dataclass(frozen=True)
class NumericAnswer:
    """A numeric answer: a literal ``value`` or the name of a glued one (``glue_key``)."""

    value: float | None
    glue_key: str | None
    tolerance: float
    unit: str


@dataclass(frozen=True)
class Question:
    text: str
    options: tuple[Option, ...]
    multiple: bool
    numeric: NumericAnswer | None = None
    feedback: str | None = None
    key: str | None = None

    @property
    def kind(self) -> str:
        """``numeric``, ``multiple`` or ``single``."""
        if self.numeric is not None:
            return "numeric"
        return "multiple" if self.multiple else "single"


def _preview(text: str, width: int = 60) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def _text(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be non-empty text (got {value!r})")
    return value.strip()


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def parse_option(raw, number: int) -> Option:
    if not isinstance(raw, dict):
        raise ValueError(f"option {number} must be a mapping with `text` and `feedback` (got {raw!r})")
    unknown = sorted(set(raw) - OPTION_KEYS)
    if unknown:
        raise ValueError(f"option {number} has unknown key(s) {unknown}; allowed: {sorted(OPTION_KEYS)}")
    if "text" not in raw:
        raise ValueError(f"option {number} has no `text`")
    if "feedback" not in raw:
        raise ValueError(
            f"option {number} ({_preview(raw['text'], 40)!r}) has no `feedback`: say why it is right or wrong"
        )
    correct = raw.get("correct", False)
    if not isinstance(correct, bool):
        raise ValueError(f"option {number}: `correct` must be true or false (got {correct!r})")
    return Option(
        _text(raw["text"], f"option {number} `text`"), _text(raw["feedback"], f"option {number} `feedback`"), correct
    )


def _key(raw) -> str | None:
    if "id" not in raw:
        return None
    key = raw["id"]
    if not isinstance(key, str) or not ID_PATTERN.fullmatch(key):
        raise ValueError(
            f"`id` must be lowercase letters, digits and hyphens, starting with a letter or digit (got {key!r})"
        )
    return key


def parse_numeric(raw) -> NumericAnswer:
    answer = raw["answer"]
    value = glue_key = None
    if isinstance(answer, dict):
        if set(answer) != {"glue"} or not isinstance(answer["glue"], str) or not answer["glue"].strip():
            raise ValueError(f"`answer` must be a number or `{{glue: key}}` naming a glued value (got {answer!r})")
        glue_key = answer["glue"].strip()
    elif _is_number(answer):
        value = float(answer)
    else:
        raise ValueError(f"`answer` must be a number or `{{glue: key}}` naming a glued value (got {answer!r})")
    tolerance = raw.get("tolerance", 0)
    if not _is_number(tolerance) or tolerance < 0:
        raise ValueError(f"`tolerance` must be a number of 0 or more (got {tolerance!r})")
    unit = raw.get("unit", "")
    if not isinstance(unit, str):
        raise ValueError(f"`unit` must be text (got {unit!r})")
    return NumericAnswer(value, glue_key, float(tolerance), unit.strip())


def parse_question(raw) -> Question:
    if not isinstance(raw, dict):
        raise ValueError(f"must be a mapping with `question` and `options` or `answer` (got {raw!r})")
    numeric = "answer" in raw
    allowed = NUMERIC_KEYS if numeric else CHOICE_KEYS
    unknown = sorted(set(raw) - allowed)
    if unknown:
        kind = "a numeric question (one with `answer`)" if numeric else "a choice question"
        raise ValueError(f"unknown key(s) {unknown} for {kind}; allowed: {sorted(allowed)}")
    if "question" not in raw:
        raise ValueError("has no `question` text")
    text = _text(raw["question"], "`question`")
    key = _key(raw)
    if numeric:
        if "feedback" not in raw:
            raise ValueError("a numeric question needs `feedback`: say how the answer is worked out")
        return Question(text, (), False, parse_numeric(raw), _text(raw["feedback"], "`feedback`"), key)
    multiple = raw.get("multiple", False)
    if not isinstance(multiple, bool):
        raise ValueError(f"`multiple` must be true or false (got {multiple!r})")
    raw_options = raw.get("options")
    if not isinstance(raw_options, list) or len(raw_options) < 2:
        raise ValueError("needs `options`: a list of at least two options (or `answer` for a numeric question)")
    options = tuple(parse_option(option, number) for number, option in enumerate(raw_options, start=1))
    texts = [option.text for option in options]
    duplicates = sorted({text for text in texts if texts.count(text) > 1})
    if duplicates:
        raise ValueError(f"has the same option twice: {duplicates}")
    correct = sum(option.correct for option in options)
    if correct == 0:
        raise ValueError("no option is marked `correct: true`")
    if correct > 1 and not multiple:
        raise ValueError(
            f"{correct} options are marked `correct: true` but the question is single choice: "
            "keep one, or add `multiple: true` if the reader should tick all that apply"
        )
    return Question(text, options, multiple, key=key)


def parse_questions(source: str) -> list[Question]:
    """Parse and check a self-check body. Raises ValueError naming the question at fault."""
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1} of the block" if mark else ""
        raise ValueError(f"the YAML does not parse{where} ({getattr(error, 'problem', error)}); {YAML_HINT}") from None
    if not isinstance(data, list) or not data:
        raise ValueError("the body must be a YAML list of questions (`- question: ...`)")
    questions = []
    for number, raw in enumerate(data, start=1):
        try:
            questions.append(parse_question(raw))
        except ValueError as error:
            preview = f" ({_preview(raw['question'])!r})" if isinstance(raw, dict) and "question" in raw else ""
            raise ValueError(f"question {number}{preview}: {error}") from None
    return questions


def question_id(docname: str, question: Question) -> str:
    """The question's stable identity: its page, then its ``id`` or a digest of its text.

    The same page and the same question text (whitespace aside) always give the same
    identity, so progress stored under it survives a rebuild and edits to other questions.
    """
    if question.key:
        return f"{docname}#{question.key}"
    digest = hashlib.sha1(" ".join(question.text.split()).encode("utf-8")).hexdigest()[:10]
    return f"{docname}#q-{digest}"


def resolve_answer(answer: NumericAnswer, lookup: Callable[[str], str]) -> float:
    """The numeric answer's value; a glued one is read with ``lookup(key)`` (the glued text).

    ValueError names the key when ``lookup`` has no such value or its text is not a number.
    """
    if answer.glue_key is None:
        return answer.value
    try:
        text = lookup(answer.glue_key)
    except KeyError:
        raise ValueError(f"`answer`: no glued value named {answer.glue_key!r} on this page") from None
    try:
        value = float(str(text).strip().strip("'\""))
    except ValueError:
        raise ValueError(f"`answer`: the glued value {answer.glue_key!r} is {text!r}, not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"`answer`: the glued value {answer.glue_key!r} is {text!r}, not a finite number")
    return value


def number_text(value: float) -> str:
    """A number as the answers print it: no trailing zeros (``28``, ``4.5``, ``0.01``)."""
    return f"{value:.10g}"
