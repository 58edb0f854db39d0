"""The ``self-check`` directive: questions with feedback that work on the static site.

The directive's body is YAML, a list of questions (``self_check_questions`` parses and
checks it: single choice, multiple choice and numeric answers with a tolerance)::

    ```{self-check}
    - question: Which protein does venetoclax bind?
      options:
        - text: BCL-2
          correct: true
          feedback: Right. Venetoclax was designed to fit BCL-2's BH3 groove {cite:p}`souers2013`.
        - text: MCL-1
          feedback: No. MCL-1 is one of the proteins that let cells escape venetoclax.
    - question: What is 60% of 47 patients, to the nearest patient?
      answer: 28
      unit: patients
      feedback: 0.60 × 47 = 28.2, so 28.
    ```

A malformed question stops the build with a message naming the document and the question
(:class:`SelfCheckError`). A numeric ``answer: {glue: key}`` is read from the values the
page's notebook glues (myst-nb).

The HTML is a form per question, carrying its stable identity (``data-question-id``, from
the page and the question: ``self_check_questions.question_id``): a fieldset whose legend
is the question, one radio button or checkbox per option with its label (or a text box for
a number), a Check button and a live region for the feedback, then a ``<details>`` with the
answer and the feedback on every option. ``assets/js/self-check.js`` shows the Check button
and writes the feedback for the reader's answer into the live region; with no JavaScript the
details still give every answer. Questions are numbered through the page, which ends
with an answer key that only print shows (``assets/css/review.css``). Links in an option's
text are rendered as plain text in its label, so that a tap on the label chooses the
option; the answers keep them.
``self_check_bank`` gathers every question of the book for the review page.
"""

from __future__ import annotations

import html

from docutils import nodes
from self_check_questions import Question, number_text, parse_questions, question_id, resolve_answer
from sphinx.errors import SphinxError
from sphinx.util.docutils import SphinxDirective

__all__ = ["SelfCheckError", "parse_questions", "question_id"]


class SelfCheckError(SphinxError):
    category = "Self-check error"


class self_check(nodes.General, nodes.Element):
    """All the questions of one directive."""


class self_check_question(nodes.General, nodes.Element):
    """One question: a form with a fieldset."""


class self_check_legend(nodes.Inline, nodes.TextElement):
    """The question text (inline markup)."""


class self_check_option(nodes.General, nodes.TextElement):
    """One option: an input and its label (inline markup)."""


class self_check_number_input(nodes.General, nodes.Element):
    """The text box of a numeric question."""


class self_check_answers(nodes.General, nodes.Element):
    """Every option with its verdict and feedback (or the numeric answer), in a <details>."""


class self_check_answer(nodes.General, nodes.Element):
    """One option's verdict and feedback, or a numeric question's answer and explanation."""


class self_check_answer_text(nodes.General, nodes.TextElement):
    """The option text (or the numeric answer) repeated in the answers, after its verdict."""


class self_check_key(nodes.General, nodes.Element):
    """The page's answer key: every question with its answers, shown only in print."""


class self_check_key_entry(nodes.General, nodes.Element):
    """One question of the answer key."""


def _glue_lookup(document):
    def lookup(key: str) -> str:
        from myst_nb.ext.glue.utils import RetrievalError, retrieve_glue_data

        try:
            return retrieve_glue_data(document, key).data["text/plain"]
        except RetrievalError:
            raise KeyError(key) from None

    return lookup


class SelfCheckDirective(SphinxDirective):
    has_content = True
    required_arguments = 0
    optional_arguments = 0

    def run(self):
        try:
            questions = parse_questions("\n".join(self.content))
            answers = [
                resolve_answer(question.numeric, _glue_lookup(self.state.document)) if question.numeric else None
                for question in questions
            ]
        except ValueError as error:
            raise self._error(error) from None
        prefix = f"self-check-{self.env.new_serialno('self-check') + 1}"
        container = self_check(ids=[prefix], classes=["self-check"])
        self.set_source_info(container)
        seen = self.env.temp_data.setdefault("self_check_ids", set())
        for number, (question, answer) in enumerate(zip(questions, answers), start=1):
            identity = question_id(self.env.docname, question)
            if identity in seen:
                raise self._error(
                    f"question {number}: another question on this page has the same text or `id`; "
                    "give one of them its own `id`"
                )
            seen.add(identity)
            container += self._question(question, answer, number, len(questions), f"{prefix}-q{number}", identity)
        return [container]

    def _error(self, error) -> SelfCheckError:
        return SelfCheckError(f"{self.env.docname} ({self.get_location()}): self-check {error}")

    def _inline(self, text: str) -> list[nodes.Node]:
        parsed, messages = self.parse_inline(text, lineno=self.lineno)
        return parsed + messages

    def _question(
        self, question: Question, answer: float | None, number: int, total: int, name: str, identity: str
    ) -> nodes.Element:
        node = self_check_question(
            ids=[name], name=name, number=number, total=total, kind=question.kind, question_id=identity
        )
        legend = self_check_legend()
        legend += self._inline(question.text)
        node += legend
        answers = self_check_answers()
        if question.numeric is not None:
            numeric = question.numeric
            node["answer"], node["tolerance"] = answer, numeric.tolerance
            node += self_check_number_input(input_id=f"{name}-answer", name=name, unit=numeric.unit)
            entry = self_check_answer(option="answer", correct=True)
            text = self_check_answer_text(correct=True, numeric=True, tolerance=numeric.tolerance, answer=answer)
            text += nodes.Text(number_text(answer) + (f" {numeric.unit}" if numeric.unit else ""))
            entry += text
            entry += self.parse_text_to_nodes(question.feedback)
            answers += entry
        else:
            for index, option in enumerate(question.options, start=1):
                choice = self_check_option(
                    input_id=f"{name}-o{index}", name=name, value=str(index), multiple=question.multiple
                )
                choice += self._inline(option.text)
                node += choice
            for index, option in enumerate(question.options, start=1):
                entry = self_check_answer(option=str(index), correct=option.correct)
                text = self_check_answer_text(correct=option.correct)
                text += self._inline(option.text)
                entry += text
                entry += self.parse_text_to_nodes(option.feedback)
                answers += entry
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


def number_and_add_answer_key(app, doctree, docname):
    """Number the page's questions through the page (a case spreads them over several
    blocks: "Question 3 of 5"), and end the page with its answer key (a copy of every
    answer list), which only print shows."""
    questions = list(doctree.findall(self_check_question))
    if not questions:
        return
    for position, question in enumerate(questions, start=1):
        question["number"], question["total"] = position, len(questions)
    key = self_check_key()
    for position, question in enumerate(questions, start=1):
        entry = self_check_key_entry(number=position)
        legend = next(iter(question.findall(self_check_legend)))
        entry += nodes.paragraph("", "", *[child.deepcopy() for child in legend.children])
        for answers in question.findall(self_check_answers):
            entry += answers.deepcopy()
        key += entry
    doctree += key


# HTML. Every string that is not node content is escaped; node content is written by
# the translator's own visitors.


def _attr(value) -> str:
    return html.escape(str(value), quote=True)


def _in_key(node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, self_check_key):
            return True
        parent = parent.parent
    return False


def visit_self_check(self, node):
    self.body.append(self.starttag(node, "div", CLASS="self-check-set"))


def depart_self_check(self, node):
    self.body.append("</div>\n")


def visit_self_check_question(self, node):
    numeric = ""
    if node["kind"] == "numeric":
        answer, tolerance = _attr(number_text(node["answer"])), _attr(number_text(node["tolerance"]))
        numeric = f' data-answer="{answer}" data-tolerance="{tolerance}"'
    self.body.append(
        f'<form class="self-check-question" id="{_attr(node["ids"][0])}" data-kind="{node["kind"]}" '
        f'data-question-id="{_attr(node["question_id"])}"{numeric} novalidate>\n<fieldset>\n'
    )


def depart_self_check_question(self, node):
    self.body.append("</form>\n")


SUMMARIES = {
    False: "Show the answer and why each option is right or wrong",
    True: "Show the answer and how it is worked out",
}
HINTS = {"multiple": "Tick all that apply.", "single": "Choose one answer.", "numeric": "Type a number."}


def visit_self_check_legend(self, node):
    question = node.parent
    self.body.append(
        f'<legend class="self-check-legend"><span class="self-check-number">'
        f"Question {question['number']} of {question['total']}</span> "
        f'<span class="self-check-prompt">'
    )


def depart_self_check_legend(self, node):
    self.body.append(
        f'</span></legend>\n<p class="self-check-hint">{HINTS[node.parent["kind"]]}</p>\n'
        '<div class="self-check-options">\n'
    )


def visit_self_check_option(self, node):
    kind = "checkbox" if node["multiple"] else "radio"
    self.body.append(
        f'<div class="self-check-option"><input type="{kind}" id="{_attr(node["input_id"])}" '
        f'name="{_attr(node["name"])}" value="{_attr(node["value"])}">'
        f'<label for="{_attr(node["input_id"])}">'
    )


def depart_self_check_option(self, node):
    self.body.append("</label></div>\n")


def visit_self_check_number_input(self, node):
    unit = f" ({_attr(node['unit'])})" if node["unit"] else ""
    self.body.append(
        f'<div class="self-check-numeric"><label for="{_attr(node["input_id"])}">Your answer{unit}</label> '
        f'<input type="text" inputmode="decimal" autocomplete="off" id="{_attr(node["input_id"])}" '
        f'name="{_attr(node["name"])}"></div>\n'
    )
    raise nodes.SkipNode


def visit_self_check_answers(self, node):
    if _in_key(node):
        self.body.append('<ul class="self-check-answer-list">\n')
        return
    # The Check button is shown by the script; without it, the details hold the answers.
    self.body.append(
        '</div>\n<div class="self-check-actions">'
        '<button type="submit" class="self-check-button" hidden>Check answer</button></div>\n'
        '<div class="self-check-feedback" role="status" aria-live="polite"></div>\n'
        '</fieldset>\n<details class="self-check-answers">'
        f"<summary>{SUMMARIES[node.parent['kind'] == 'numeric']}</summary>\n"
        '<ul class="self-check-answer-list">\n'
    )


def depart_self_check_answers(self, node):
    self.body.append("</ul>\n" if _in_key(node) else "</ul>\n</details>\n")


def visit_self_check_answer(self, node):
    verdict = "correct" if node["correct"] else "incorrect"
    self.body.append(
        f'<li class="self-check-answer is-{verdict}" data-option="{_attr(node["option"])}" '
        f'data-correct="{str(node["correct"]).lower()}">\n'
    )


def depart_self_check_answer(self, node):
    self.body.append("</li>\n")


def visit_self_check_answer_text(self, node):
    if node.get("numeric"):
        verdict = '<span class="self-check-verdict">Answer:</span> '
    elif node["correct"]:
        verdict = '<span class="self-check-verdict"><span aria-hidden="true">&#10003; </span>Correct:</span> '
    else:
        verdict = '<span class="self-check-verdict"><span aria-hidden="true">&#10007; </span>Not correct:</span> '
    self.body.append(f'<p class="self-check-answer-option">{verdict}<span class="self-check-answer-text">')


def depart_self_check_answer_text(self, node):
    accepted = ""
    if node.get("numeric") and node["tolerance"] > 0:
        low, high = node["answer"] - node["tolerance"], node["answer"] + node["tolerance"]
        counted = f"any answer from {number_text(low)} to {number_text(high)} counts"
        accepted = f' <span class="self-check-accepted">({counted})</span>'
    self.body.append(f"</span>{accepted}</p>\n")


def visit_self_check_key(self, node):
    self.body.append('<section class="self-check-key" aria-label="Answer key">\n<h2>Answer key</h2>\n<ol>\n')


def depart_self_check_key(self, node):
    self.body.append("</ol>\n</section>\n")


def visit_self_check_key_entry(self, node):
    self.body.append('<li class="self-check-key-entry">\n')


def depart_self_check_key_entry(self, node):
    self.body.append("</li>\n")


def _pass(self, node):
    pass


NODES = {
    self_check: (visit_self_check, depart_self_check),
    self_check_question: (visit_self_check_question, depart_self_check_question),
    self_check_legend: (visit_self_check_legend, depart_self_check_legend),
    self_check_option: (visit_self_check_option, depart_self_check_option),
    self_check_number_input: (visit_self_check_number_input, _pass),
    self_check_answers: (visit_self_check_answers, depart_self_check_answers),
    self_check_answer: (visit_self_check_answer, depart_self_check_answer),
    self_check_answer_text: (visit_self_check_answer_text, depart_self_check_answer_text),
    self_check_key: (visit_self_check_key, depart_self_check_key),
    self_check_key_entry: (visit_self_check_key_entry, depart_self_check_key_entry),
}


def setup(app):
    passthrough = {builder: (_pass, _pass) for builder in ("latex", "text", "man", "texinfo")}
    for node, visitors in NODES.items():
        app.add_node(node, html=visitors, **passthrough)
    app.add_directive("self-check", SelfCheckDirective)
    # Before glossary_tooltips (priority 500) wraps term links.
    app.connect("doctree-resolved", unlink_option_labels, priority=400)
    app.connect("doctree-resolved", number_and_add_answer_key, priority=450)
    app.setup_extension("self_check_bank")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
