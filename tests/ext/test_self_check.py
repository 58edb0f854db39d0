"""The `self-check` directive (_ext/self_check.py): YAML checks and the HTML it writes."""

import re

import pytest
from self_check import SelfCheckError, parse_questions
from sphinx.errors import SphinxError

VALID = """
- question: Which protein does venetoclax bind?
  options:
    - text: BCL-2
      correct: true
      feedback: Right, its BH3 groove.
    - text: MCL-1
      feedback: No, MCL-1 is a route of escape.
- question: Tick every effector.
  multiple: true
  options:
    - text: BAX
      correct: true
      feedback: Yes.
    - text: BAK
      correct: true
      feedback: Yes.
    - text: BIM
      feedback: No, BIM is a BH3-only protein.
"""


def test_valid_questions_parse():
    questions = parse_questions(VALID)
    assert [question.multiple for question in questions] == [False, True]
    assert [option.correct for option in questions[0].options] == [True, False]
    assert questions[1].options[2].feedback == "No, BIM is a BH3-only protein."


def one_question(options: str, extra: str = "") -> str:
    return f"- question: Which one?\n{extra}  options:\n{options}"


@pytest.mark.parametrize(
    "body, message",
    [
        (
            one_question("    - text: A\n      feedback: a\n    - text: B\n      feedback: b\n"),
            "question 1 ('Which one?'): no option is marked `correct: true`",
        ),
        (
            one_question(
                "    - text: A\n      correct: true\n      feedback: a\n"
                "    - text: B\n      correct: true\n      feedback: b\n"
            ),
            "2 options are marked `correct: true` but the question is single choice",
        ),
        (
            one_question("    - text: A\n      correct: true\n    - text: B\n      feedback: b\n"),
            "option 1 ('A') has no `feedback`",
        ),
        (
            one_question("    - text: A\n      correct: true\n      feedback: ''\n    - text: B\n      feedback: b\n"),
            "option 1 `feedback` must be non-empty text",
        ),
        (
            one_question("    - text: A\n      corect: true\n      feedback: a\n    - text: B\n      feedback: b\n"),
            "option 1 has unknown key(s) ['corect']",
        ),
        (
            one_question(
                "    - text: A\n      correct: yes please\n      feedback: a\n    - text: B\n      feedback: b\n"
            ),
            "`correct` must be true or false",
        ),
        (one_question("    - text: A\n      correct: true\n      feedback: a\n"), "at least two options"),
        (
            one_question("    - text: A\n      correct: true\n      feedback: a\n    - text: A\n      feedback: b\n"),
            "has the same option twice",
        ),
        (
            one_question(
                "    - text: A\n      correct: true\n      feedback: a\n    - text: B\n      feedback: b\n",
                "  multiple: maybe\n",
            ),
            "`multiple` must be true or false",
        ),
        ("- options:\n    - text: A\n      correct: true\n      feedback: a\n", "question 1: has no `question` text"),
        ("question: not a list", "the body must be a YAML list of questions"),
        ("", "the body must be a YAML list of questions"),
        ("- question: {term}`MRD` is what?\n  options: []\n", "the YAML does not parse at line 1"),
    ],
)
def test_malformed_questions_are_refused_with_a_clear_message(body, message):
    with pytest.raises(ValueError) as error:
        parse_questions(body)
    assert message in str(error.value)


def test_the_error_names_the_question_by_number():
    body = VALID + one_question("    - text: A\n      feedback: a\n    - text: B\n      feedback: b\n")
    with pytest.raises(ValueError, match=r"^question 3 \('Which one\?'\): no option"):
        parse_questions(body)


def test_multiple_choice_needs_at_least_one_correct_option():
    with pytest.raises(ValueError, match="no option is marked"):
        parse_questions(
            one_question("    - text: A\n      feedback: a\n    - text: B\n      feedback: b\n", "  multiple: true\n")
        )


PAGE = """# Page

(glossary-here)=
```{glossary}
MOMP
  Pores in the mitochondrial outer membrane.
```

```{self-check}
- question: "What is the point of no return? See {term}`MOMP`."
  options:
    - text: "{term}`MOMP`"
      correct: true
      feedback: "Right: see {term}`MOMP` and $x^2$."
    - text: BIM binding to BCL-2
      feedback: No, that is reversible.
- question: Tick both effectors.
  multiple: true
  options:
    - text: BAX
      correct: true
      feedback: Yes.
    - text: BAK
      correct: true
      feedback: Yes.
    - text: BIM
      feedback: No.
```

```{self-check}
- question: A second set on the same page?
  options:
    - text: "Yes"
      correct: true
      feedback: Names stay unique.
    - text: "No"
      feedback: They do not clash.
```
"""


def test_html_is_an_accessible_form_per_question(build):
    html = build({"index.md": PAGE}, extensions=("myst_parser", "self_check")).html("index")
    forms = re.findall(r'<form class="self-check-question" id="([^"]+)" data-kind="(\w+)"', html)
    assert forms == [("self-check-1-q1", "single"), ("self-check-1-q2", "multiple"), ("self-check-2-q1", "single")]
    assert html.count("<fieldset>") == 3 and html.count("</fieldset>") == 3
    assert html.count('<legend class="self-check-legend">') == 3
    # Numbered through the page, across both sets.
    assert "Question 1 of 3" in html and "Question 3 of 3" in html and "of 2<" not in html
    # Every input has a label pointing at it, and radio names are unique per question.
    inputs = re.findall(r'<input type="(radio|checkbox)" id="([^"]+)" name="([^"]+)"', html)
    assert len(inputs) == 7
    assert all(f'<label for="{input_id}">' in html for _, input_id, _ in inputs)
    assert {name for _, _, name in inputs} == {"self-check-1-q1", "self-check-1-q2", "self-check-2-q1"}
    assert [kind for kind, _, name in inputs if name == "self-check-1-q2"] == ["checkbox"] * 3
    # The Check button waits for the script; the feedback region is live; the answers are in <details>.
    assert html.count('<button type="submit" class="self-check-button" hidden>Check answer</button>') == 3
    assert html.count('<div class="self-check-feedback" role="status" aria-live="polite"></div>') == 3
    assert html.count('<details class="self-check-answers">') == 3
    # Each answer twice: under its question and in the printed answer key.
    assert html.count('data-correct="true"') == 8 and html.count('data-correct="false"') == 6
    assert "Correct:</span>" in html and "Not correct:</span>" in html


def test_markup_in_questions_and_feedback_is_rendered(build):
    html = build({"index.md": PAGE}, extensions=("myst_parser", "self_check")).html("index")
    legend = re.search(r'<legend class="self-check-legend">(.*?)</legend>', html, re.S).group(1)
    assert 'href="#term-MOMP"' in legend
    answers = html[html.index('<details class="self-check-answers">') :]
    assert 'href="#term-MOMP"' in answers.split("</details>")[0]
    assert 'class="math' in answers.split("</details>")[0]


def test_links_are_removed_from_option_labels(build):
    """A click on a label must choose the option, not follow a link."""
    html = build({"index.md": PAGE}, extensions=("myst_parser", "self_check")).html("index")
    labels = re.findall(r'<label for="[^"]+">(.*?)</label>', html, re.S)
    assert "MOMP" in labels[0]
    assert not any("<a " in label for label in labels)


def test_a_malformed_question_stops_the_build_naming_document_and_question(build):
    page = PAGE.replace('      correct: true\n      feedback: "Right', '      feedback: "Right')
    with pytest.raises(SelfCheckError) as error:
        build({"index.md": page}, extensions=("myst_parser", "self_check"))
    message = str(error.value)
    assert message.startswith("index (")
    assert "self-check question 1 ('What is the point of no return? See {term}`MOMP`.'): no option is marked" in message
    assert isinstance(error.value, SphinxError)


# ---- numeric questions, identities and glued answers ------------------------------------

from self_check_questions import number_text, question_id, resolve_answer  # noqa: E402

NUMERIC = """
- question: What is 60% of 47, to the nearest patient?
  answer: 28
  tolerance: 1
  unit: patients
  feedback: 0.6 x 47 = 28.2.
- question: How many responded?
  answer: {glue: place2025.all.ORR.text.num}
  feedback: From the counts.
  id: responders
"""


def test_numeric_questions_parse():
    first, second = parse_questions(NUMERIC)
    assert first.kind == "numeric" and first.numeric.value == 28.0 and first.numeric.tolerance == 1.0
    assert first.numeric.unit == "patients" and first.feedback == "0.6 x 47 = 28.2."
    assert second.numeric.value is None and second.numeric.glue_key == "place2025.all.ORR.text.num"
    assert second.numeric.tolerance == 0.0 and second.key == "responders"


@pytest.mark.parametrize(
    "body, message",
    [
        ("- question: Q?\n  answer: 3\n", "question 1 ('Q?'): a numeric question needs `feedback`"),
        (
            "- question: Q?\n  answer: 3\n  feedback: f\n  options: []\n",
            "unknown key(s) ['options'] for a numeric question",
        ),
        ("- question: Q?\n  answer: three\n  feedback: f\n", "`answer` must be a number or `{glue: key}`"),
        ("- question: Q?\n  answer: true\n  feedback: f\n", "`answer` must be a number or `{glue: key}`"),
        ("- question: Q?\n  answer: {glue: ''}\n  feedback: f\n", "`answer` must be a number or `{glue: key}`"),
        ("- question: Q?\n  answer: 3\n  tolerance: -1\n  feedback: f\n", "`tolerance` must be a number of 0 or more"),
        ("- question: Q?\n  answer: 3\n  unit: 5\n  feedback: f\n", "`unit` must be text"),
        ("- question: Q?\n  answer: 3\n  feedback: f\n  id: Not An Id\n", "`id` must be lowercase letters"),
        (
            one_question(
                "    - text: A\n      correct: true\n      feedback: a\n    - text: B\n      feedback: b\n",
                "  tolerance: 1\n",
            ),
            "unknown key(s) ['tolerance'] for a choice question",
        ),
    ],
)
def test_malformed_numeric_questions_are_refused_naming_the_question(body, message):
    with pytest.raises(ValueError) as error:
        parse_questions(body)
    assert message in str(error.value)


def test_a_question_identity_is_its_page_and_its_text():
    first = parse_questions("- question: What   is\n    it?\n  answer: 1\n  feedback: f\n")[0]
    same = parse_questions("- question: What is it?\n  answer: 2\n  feedback: g\n")[0]
    other = parse_questions("- question: What is that?\n  answer: 1\n  feedback: f\n")[0]
    assert question_id("chapters/a", first) == question_id("chapters/a", same)
    assert question_id("chapters/a", first) != question_id("chapters/a", other)
    assert question_id("chapters/a", first) != question_id("chapters/b", first)
    assert question_id("chapters/a", first).startswith("chapters/a#q-")
    keyed = parse_questions(NUMERIC)[1]
    assert question_id("chapters/a", keyed) == "chapters/a#responders"


def test_a_glued_answer_is_read_from_the_glued_text():
    glued = parse_questions(NUMERIC)[1].numeric
    assert resolve_answer(glued, {"place2025.all.ORR.text.num": "'13'"}.__getitem__) == 13.0
    assert resolve_answer(glued, {"place2025.all.ORR.text.num": "13.5"}.__getitem__) == 13.5
    with pytest.raises(ValueError, match=re.escape("no glued value named 'place2025.all.ORR.text.num'")):
        resolve_answer(glued, {}.__getitem__)
    with pytest.raises(ValueError, match=re.escape("is \"'11.6 nM'\", not a number")):
        resolve_answer(glued, {"place2025.all.ORR.text.num": "'11.6 nM'"}.__getitem__)
    assert number_text(28.0) == "28" and number_text(0.01) == "0.01" and number_text(66.7) == "66.7"


NUMERIC_PAGE = """# Numbers

```{self-check}
- question: What is 60% of 47, to the nearest patient?
  answer: 28
  tolerance: 1
  unit: patients
  feedback: "0.6 × 47 = 28.2, so **28**."
```
"""


def test_numeric_html_has_a_labeled_box_the_answer_and_the_accepted_range(build):
    html = build({"index.md": NUMERIC_PAGE}, extensions=("myst_parser", "self_check")).html("index")
    form = re.search(r'<form class="self-check-question"[^>]*>', html).group(0)
    assert 'data-kind="numeric"' in form and 'data-answer="28"' in form and 'data-tolerance="1"' in form
    assert re.search(r'data-question-id="index#q-[0-9a-f]{10}"', form)
    assert (
        '<label for="self-check-1-q1-answer">Your answer (patients)</label> <input type="text" '
        'inputmode="decimal" autocomplete="off" id="self-check-1-q1-answer"'
    ) in html
    assert '<p class="self-check-hint">Type a number.</p>' in html
    assert "<summary>Show the answer and how it is worked out</summary>" in html
    assert '<span class="self-check-answer-text">28 patients</span>' in html
    assert "(any answer from 27 to 29 counts)" in html and "<strong>28</strong>" in html


def test_the_page_ends_with_a_print_answer_key(build):
    html = build({"index.md": PAGE}, extensions=("myst_parser", "self_check")).html("index")
    start = html.index('<section class="self-check-key"')
    key = html[start : html.index("</section>", start)]
    assert key.count('<li class="self-check-key-entry">') == 3
    assert "What is the point of no return?" in key and "A second set on the same page?" in key
    assert key.index("What is the point") < key.index("Tick both effectors") < key.index("A second set")
    assert "<form" not in key


def test_the_same_question_twice_on_a_page_is_refused(build):
    page = PAGE + PAGE.split("```{self-check}")[-1].join(["```{self-check}", ""])
    with pytest.raises(SelfCheckError, match="question 1: another question on this page has the same text"):
        build({"index.md": page}, extensions=("myst_parser", "self_check"))


def test_a_glued_answer_outside_a_notebook_is_refused_naming_the_key(build):
    page = "# P\n\n```{self-check}\n- question: How many?\n  answer: {glue: no.such.key}\n  feedback: f\n```\n"
    with pytest.raises(SelfCheckError, match=re.escape("no glued value named 'no.such.key'")):
        build({"index.md": page}, extensions=("myst_parser", "self_check"))
