"""The `self-check` directive (_ext/self_check.py): YAML checks and the HTML it writes."""

import re

import pytest
from sphinx.errors import SphinxError

from self_check import SelfCheckError, parse_questions

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


@pytest.mark.parametrize("body, message", [
    (one_question("    - text: A\n      feedback: a\n    - text: B\n      feedback: b\n"),
     "question 1 ('Which one?'): no option is marked `correct: true`"),
    (one_question("    - text: A\n      correct: true\n      feedback: a\n    - text: B\n      correct: true\n      feedback: b\n"),
     "2 options are marked `correct: true` but the question is single choice"),
    (one_question("    - text: A\n      correct: true\n    - text: B\n      feedback: b\n"),
     "option 1 ('A') has no `feedback`"),
    (one_question("    - text: A\n      correct: true\n      feedback: ''\n    - text: B\n      feedback: b\n"),
     "option 1 `feedback` must be non-empty text"),
    (one_question("    - text: A\n      corect: true\n      feedback: a\n    - text: B\n      feedback: b\n"),
     "option 1 has unknown key(s) ['corect']"),
    (one_question("    - text: A\n      correct: yes please\n      feedback: a\n    - text: B\n      feedback: b\n"),
     "`correct` must be true or false"),
    (one_question("    - text: A\n      correct: true\n      feedback: a\n"), "at least two options"),
    (one_question("    - text: A\n      correct: true\n      feedback: a\n    - text: A\n      feedback: b\n"),
     "has the same option twice"),
    (one_question("    - text: A\n      correct: true\n      feedback: a\n    - text: B\n      feedback: b\n",
                  "  multiple: maybe\n"), "`multiple` must be true or false"),
    ("- options:\n    - text: A\n      correct: true\n      feedback: a\n", "question 1: has no `question` text"),
    ("question: not a list", "the body must be a YAML list of questions"),
    ("", "the body must be a YAML list of questions"),
    ("- question: {term}`MRD` is what?\n  options: []\n", "the YAML does not parse at line 1"),
])
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
        parse_questions(one_question("    - text: A\n      feedback: a\n    - text: B\n      feedback: b\n",
                                     "  multiple: true\n"))


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
    assert "Question 1 of 2" in html and "Question 1 of 1" in html
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
    assert html.count('data-correct="true"') == 4 and html.count('data-correct="false"') == 3
    assert "Correct:</span>" in html and "Not correct:</span>" in html


def test_markup_in_questions_and_feedback_is_rendered(build):
    html = build({"index.md": PAGE}, extensions=("myst_parser", "self_check")).html("index")
    legend = re.search(r'<legend class="self-check-legend">(.*?)</legend>', html, re.S).group(1)
    assert 'href="#term-MOMP"' in legend
    answers = html[html.index('<details class="self-check-answers">'):]
    assert 'href="#term-MOMP"' in answers.split("</details>")[0]
    assert 'class="math' in answers.split("</details>")[0]


def test_links_are_removed_from_option_labels(build):
    """A click on a label must choose the option, not follow a link."""
    html = build({"index.md": PAGE}, extensions=("myst_parser", "self_check")).html("index")
    labels = re.findall(r'<label for="[^"]+">(.*?)</label>', html, re.S)
    assert "MOMP" in labels[0]
    assert not any("<a " in label for label in labels)


def test_a_malformed_question_stops_the_build_naming_document_and_question(build):
    page = PAGE.replace("      correct: true\n      feedback: \"Right", "      feedback: \"Right")
    with pytest.raises(SelfCheckError) as error:
        build({"index.md": page}, extensions=("myst_parser", "self_check"))
    message = str(error.value)
    assert message.startswith("index (")
    assert "self-check question 1 ('What is the point of no return? See {term}`MOMP`.'): no option is marked" in message
    assert isinstance(error.value, SphinxError)
