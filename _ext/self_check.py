"""The ``self-check`` directive: questions with feedback that work on the static site.

A chapter ends with a few multiple-choice questions. The directive's body is YAML, a
list of questions::

    ```{self-check}
    - question: Which protein does venetoclax bind?
      options:
        - text: BCL-2
          correct: true
          feedback: Right. Venetoclax was designed to fit BCL-2's BH3 groove {cite:p}`souers2013`.
        - text: MCL-1
          feedback: No. MCL-1 is one of the proteins that let cells escape venetoclax.
    ```

Each question has ``question`` (MyST inline markup), ``options`` (at least two, each with
``text``, ``feedback`` and optionally ``correct: true``) and optionally ``multiple: true``
(several options may be correct; the reader ticks all that apply). The YAML is checked
when the page is read, and a malformed question stops the build with a message naming
the document and the question (:class:`SelfCheckError`).

The HTML is a form per question: a fieldset whose legend is the question, one radio
button (or checkbox) per option with its label, a Check button and a live region for the
feedback, then a ``<details>`` listing every option with its verdict and feedback.
``assets/js/self-check.js`` shows the Check button and writes the feedback for the chosen
option into the live region; with no JavaScript the details still give every answer.
No kernel, request or other page is involved. Links in an option's text (a glossary term,
a citation) are rendered as plain text in its label, so that a tap on the label chooses
the option; the answers keep them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import yaml
from docutils import nodes
from sphinx.errors import SphinxError
from sphinx.util.docutils import SphinxDirective

QUESTION_KEYS = {"question", "options", "multiple"}
OPTION_KEYS = {"text", "correct", "feedback"}
YAML_HINT = ("a value that starts with {, [, ` or contains ': ' must be quoted, or written as a "
             "block scalar (`question: >-` and the text indented on the next lines)")


class SelfCheckError(SphinxError):
    category = "Self-check error"


@dataclass(frozen=True)
class Option:
    text: str
    feedback: str
    correct: bool


@dataclass(frozen=True)
class Question:
    text: str
    options: tuple[Option, ...]
    multiple: bool


def _preview(text: str, width: int = 60) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= width else flat[:width - 3] + "..."


def _text(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be non-empty text (got {value!r})")
    return value.strip()


def parse_option(raw, number: int) -> Option:
    if not isinstance(raw, dict):
        raise ValueError(f"option {number} must be a mapping with `text` and `feedback` (got {raw!r})")
    unknown = sorted(set(raw) - OPTION_KEYS)
    if unknown:
        raise ValueError(f"option {number} has unknown key(s) {unknown}; allowed: {sorted(OPTION_KEYS)}")
    if "text" not in raw:
        raise ValueError(f"option {number} has no `text`")
    if "feedback" not in raw:
        raise ValueError(f"option {number} ({_preview(raw['text'], 40)!r}) has no `feedback`: say why it is right or wrong")
    correct = raw.get("correct", False)
    if not isinstance(correct, bool):
        raise ValueError(f"option {number}: `correct` must be true or false (got {correct!r})")
    return Option(_text(raw["text"], f"option {number} `text`"),
                  _text(raw["feedback"], f"option {number} `feedback`"), correct)


def parse_question(raw) -> Question:
    if not isinstance(raw, dict):
        raise ValueError(f"must be a mapping with `question` and `options` (got {raw!r})")
    unknown = sorted(set(raw) - QUESTION_KEYS)
    if unknown:
        raise ValueError(f"unknown key(s) {unknown}; allowed: {sorted(QUESTION_KEYS)}")
    if "question" not in raw:
        raise ValueError("has no `question` text")
    text = _text(raw["question"], "`question`")
    multiple = raw.get("multiple", False)
    if not isinstance(multiple, bool):
        raise ValueError(f"`multiple` must be true or false (got {multiple!r})")
    raw_options = raw.get("options")
    if not isinstance(raw_options, list) or len(raw_options) < 2:
        raise ValueError("needs `options`: a list of at least two options")
    options = tuple(parse_option(option, number) for number, option in enumerate(raw_options, start=1))
    texts = [option.text for option in options]
    duplicates = sorted({text for text in texts if texts.count(text) > 1})
    if duplicates:
        raise ValueError(f"has the same option twice: {duplicates}")
    correct = sum(option.correct for option in options)
    if correct == 0:
        raise ValueError("no option is marked `correct: true`")
    if correct > 1 and not multiple:
        raise ValueError(f"{correct} options are marked `correct: true` but the question is single choice: "
                         "keep one, or add `multiple: true` if the reader should tick all that apply")
    return Question(text, options, multiple)


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


class self_check(nodes.General, nodes.Element):
    """All the questions of one directive."""


class self_check_question(nodes.General, nodes.Element):
    """One question: a form with a fieldset."""


class self_check_legend(nodes.Inline, nodes.TextElement):
    """The question text (inline markup)."""


class self_check_option(nodes.General, nodes.TextElement):
    """One option: an input and its label (inline markup)."""


class self_check_answers(nodes.General, nodes.Element):
    """Every option with its verdict and feedback, in a <details>."""


class self_check_answer(nodes.General, nodes.Element):
    """One option's verdict and feedback."""


class self_check_answer_text(nodes.General, nodes.TextElement):
    """The option text repeated in the answers, after its verdict."""


class SelfCheckDirective(SphinxDirective):
    has_content = True
    required_arguments = 0
    optional_arguments = 0

    def run(self):
        try:
            questions = parse_questions("\n".join(self.content))
        except ValueError as error:
            raise SelfCheckError(f"{self.env.docname} ({self.get_location()}): self-check {error}") from None
        prefix = f"self-check-{self.env.new_serialno('self-check') + 1}"
        container = self_check(ids=[prefix], classes=["self-check"])
        self.set_source_info(container)
        for number, question in enumerate(questions, start=1):
            container += self._question(question, number, len(questions), f"{prefix}-q{number}")
        return [container]

    def _inline(self, text: str) -> list[nodes.Node]:
        parsed, messages = self.parse_inline(text, lineno=self.lineno)
        return parsed + messages

    def _question(self, question: Question, number: int, total: int, name: str) -> nodes.Element:
        node = self_check_question(ids=[name], name=name, number=number, total=total, multiple=question.multiple)
        legend = self_check_legend()
        legend += self._inline(question.text)
        node += legend
        for index, option in enumerate(question.options, start=1):
            choice = self_check_option(input_id=f"{name}-o{index}", name=name, value=str(index),
                                       multiple=question.multiple)
            choice += self._inline(option.text)
            node += choice
        answers = self_check_answers()
        for index, option in enumerate(question.options, start=1):
            answer = self_check_answer(option=str(index), correct=option.correct)
            text = self_check_answer_text(correct=option.correct)
            text += self._inline(option.text)
            answer += text
            answer += self.parse_text_to_nodes(option.feedback)
            answers += answer
        node += answers
        return node


def unlink_option_labels(app, doctree, docname):
    """Links inside an option's label become plain text.

    A click on a label must select its option; a link inside it (a glossary term, a
    citation) would take the reader away instead. The same text in the answers keeps
    its links.
    """
    for option in doctree.findall(self_check_option):
        for reference in list(option.findall(nodes.reference)):
            reference.replace_self(nodes.inline("", "", *reference.children))


# HTML. Every string that is not node content is escaped; node content is written by
# the translator's own visitors.

def _attr(value) -> str:
    return html.escape(str(value), quote=True)


def visit_self_check(self, node):
    self.body.append(self.starttag(node, "div", CLASS="self-check-set"))


def depart_self_check(self, node):
    self.body.append("</div>\n")


def visit_self_check_question(self, node):
    kind = "multiple" if node["multiple"] else "single"
    self.body.append(f'<form class="self-check-question" id="{_attr(node["ids"][0])}" data-kind="{kind}" '
                     f'novalidate>\n<fieldset>\n')


def depart_self_check_question(self, node):
    self.body.append("</form>\n")


def visit_self_check_legend(self, node):
    question = node.parent
    self.body.append(f'<legend class="self-check-legend"><span class="self-check-number">'
                     f'Question {question["number"]} of {question["total"]}</span> '
                     f'<span class="self-check-prompt">')


def depart_self_check_legend(self, node):
    hint = "Tick all that apply." if node.parent["multiple"] else "Choose one answer."
    self.body.append(f'</span></legend>\n<p class="self-check-hint">{hint}</p>\n<div class="self-check-options">\n')


def visit_self_check_option(self, node):
    kind = "checkbox" if node["multiple"] else "radio"
    self.body.append(f'<div class="self-check-option"><input type="{kind}" id="{_attr(node["input_id"])}" '
                     f'name="{_attr(node["name"])}" value="{_attr(node["value"])}">'
                     f'<label for="{_attr(node["input_id"])}">')


def depart_self_check_option(self, node):
    self.body.append("</label></div>\n")


def visit_self_check_answers(self, node):
    # The Check button is shown by the script; without it, the details hold the answers.
    self.body.append('</div>\n<div class="self-check-actions">'
                     '<button type="submit" class="self-check-button" hidden>Check answer</button></div>\n'
                     '<div class="self-check-feedback" role="status" aria-live="polite"></div>\n'
                     '</fieldset>\n<details class="self-check-answers">'
                     '<summary>Show the answer and why each option is right or wrong</summary>\n'
                     '<ul class="self-check-answer-list">\n')


def depart_self_check_answers(self, node):
    self.body.append("</ul>\n</details>\n")


def visit_self_check_answer(self, node):
    verdict = "correct" if node["correct"] else "incorrect"
    self.body.append(f'<li class="self-check-answer is-{verdict}" data-option="{_attr(node["option"])}" '
                     f'data-correct="{str(node["correct"]).lower()}">\n')


def depart_self_check_answer(self, node):
    self.body.append("</li>\n")


def visit_self_check_answer_text(self, node):
    verdict = ('<span class="self-check-verdict"><span aria-hidden="true">&#10003; </span>Correct:</span> '
               if node["correct"] else
               '<span class="self-check-verdict"><span aria-hidden="true">&#10007; </span>Not correct:</span> ')
    self.body.append(f'<p class="self-check-answer-option">{verdict}<span class="self-check-answer-text">')


def depart_self_check_answer_text(self, node):
    self.body.append("</span></p>\n")


def _pass(self, node):
    pass


def setup(app):
    passthrough = {builder: (_pass, _pass) for builder in ("latex", "text", "man", "texinfo")}
    app.add_node(self_check, html=(visit_self_check, depart_self_check), **passthrough)
    app.add_node(self_check_question, html=(visit_self_check_question, depart_self_check_question), **passthrough)
    app.add_node(self_check_legend, html=(visit_self_check_legend, depart_self_check_legend), **passthrough)
    app.add_node(self_check_option, html=(visit_self_check_option, depart_self_check_option), **passthrough)
    app.add_node(self_check_answers, html=(visit_self_check_answers, depart_self_check_answers), **passthrough)
    app.add_node(self_check_answer, html=(visit_self_check_answer, depart_self_check_answer), **passthrough)
    app.add_node(self_check_answer_text, html=(visit_self_check_answer_text, depart_self_check_answer_text),
                 **passthrough)
    app.add_directive("self-check", SelfCheckDirective)
    # Before glossary_tooltips (priority 500) wraps term links.
    app.connect("doctree-resolved", unlink_option_labels, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
