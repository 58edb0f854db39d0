"""The question bank (_ext/self_check_bank.py): the index and the bank scripts written into the
site, links rebased for the review page, element ids made unique, and the page directives."""

import json
import re

from self_check_bank import rebase_url

QUESTION = """```{{self-check}}
- question: "{text} See {{term}}`MOMP`."
  options:
    - text: "Yes"
      correct: true
      feedback: "Right [back](#top) and {{doc}}`/chapters/b`."
    - text: "No"
      feedback: No.
```
"""
FILES = {
    "index.md": "# Home\n\n```{review-progress}\n```\n\n```{toctree}\nchapters/b\nchapters/a\nchapters/review\n```\n",
    "chapters/a.md": "(top)=\n# Page A\n\n```{glossary}\nMOMP\n  Pores.\n```\n\n"
    + QUESTION.format(text="First?")
    + "\n"
    + QUESTION.format(text="Second?"),
    "chapters/b.md": "# Page B\n\n" + QUESTION.format(text="Third?").replace("{term}`MOMP`", "that"),
    "chapters/review.md": "# Review\n\n```{review-queue}\n```\n",
}


def read_script(path, variable):
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(rf"window\.{variable} = (.*);\n$", text, re.S).group(1))


def test_rebase_url():
    assert rebase_url("glossary.html#term-MRD", "chapters/a.html", "chapters/review.html") == "glossary.html#term-MRD"
    assert (
        rebase_url("../bibliography.html#cite-x", "chapters/cases/01_x.html", "chapters/review.html")
        == "bibliography.html#cite-x"
    )
    assert rebase_url("#term-MOMP", "chapters/cases/01_x.html", "chapters/review.html") == "cases/01_x.html#term-MOMP"
    assert rebase_url("chapters/a.html", "index.html", "chapters/review.html") == "a.html"
    for kept in ("https://doi.org/10.1/x", "data:image/png;base64,AA", "/absolute.html", "mailto:a@b.c"):
        assert rebase_url(kept, "chapters/a.html", "chapters/review.html") == kept


def test_the_index_lists_every_question_in_table_of_contents_order(build):
    built = build(FILES, extensions=("myst_parser", "self_check"))
    index = read_script(built.outdir / "_static" / "self-check-index.js", "SELF_CHECK_INDEX")
    assert [page["doc"] for page in index["pages"]] == ["chapters/b", "chapters/a"]
    assert [page["url"] for page in index["pages"]] == ["chapters/b.html", "chapters/a.html"]
    assert [page["title"] for page in index["pages"]] == ["Page B", "Page A"]
    assert [len(page["ids"]) for page in index["pages"]] == [1, 2]
    assert all(identity.startswith(page["doc"] + "#q-") for page in index["pages"] for identity in page["ids"])
    assert index["review"] == "chapters/review.html"
    # Every page loads the index; only the review page loads the bank.
    assert 'src="../_static/self-check-index.js"' in built.html("chapters/a")
    assert 'src="../_static/self-check-bank.js"' in built.html("chapters/review")
    assert "self-check-bank.js" not in built.html("chapters/a")
    assert 'data-review="progress"' in built.html("index") and 'data-review="queue"' in built.html("chapters/review")


def test_the_bank_holds_portable_forms(build):
    built = build(FILES, extensions=("myst_parser", "self_check"))
    bank = read_script(built.outdir / "_static" / "self-check-bank.js", "SELF_CHECK_BANK")
    questions = [question for page in bank["pages"] for question in page["questions"]]
    assert len(questions) == 3 and bank["pages"][1]["url"] == "a.html"
    forms = [question["html"] for question in questions]
    assert all(form.startswith('<form class="self-check-question"') and form.endswith("</form>") for form in forms)
    ids = [element_id for form in forms for element_id in re.findall(r'\sid="([^"]+)"', form)]
    assert len(ids) == len(set(ids)) and not any(element_id.startswith("self-check-") for element_id in ids)
    assert 'for="review-2-o1"' in forms[1] and 'name="review-2"' in forms[1]
    # Page A's own anchors now point back into page A, from the review page's folder.
    assert 'href="a.html#term-MOMP"' in forms[1] and 'href="a.html#top"' in forms[1]
    assert 'href="b.html"' in forms[1]
    assert [question["id"] for question in questions] == [
        re.search(r'data-question-id="([^"]+)"', form).group(1) for form in forms
    ]


def test_without_a_review_page_no_bank_is_written(build):
    files = {name: text for name, text in FILES.items() if name != "chapters/review.md"}
    files["index.md"] = files["index.md"].replace("chapters/review\n", "")
    built = build(files, extensions=("myst_parser", "self_check"))
    assert not (built.outdir / "_static" / "self-check-bank.js").exists()
    assert read_script(built.outdir / "_static" / "self-check-index.js", "SELF_CHECK_INDEX")["review"] == ""
