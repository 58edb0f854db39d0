"""The reader's review in the built site: answers kept in the browser, progress shown,
forgotten on request, the spaced-repetition order, numeric answers, the site opened from
disk, and the explorer step of every case page.

Uses the shared fixtures of conftest.py (`watch` serves the site and records every error
and off-site request). Each test that stores answers gets a fresh browser context (`watch`),
so localStorage starts empty; the case pages' explorers are read in the session's shared
desktop context (`reader`).
"""

import re

import pytest

from tests.browser.conftest import SITE, VIEWPORTS, DiskWatch, site_pages, wait_for_widgets
from tests.browser.test_site import CONTROLS_JS, EMPTY_WIDGETS_JS, change_control
from widgets.explorers.static_views import CONTROLS_CLASS, EXPLORER_CLASS, VIEWS_CLASS

pytestmark = pytest.mark.browser

PAGES = site_pages()
STORAGE_KEY = "venetoclax-all-book.review.v1"
REVIEW_PAGE = "chapters/review.html"
CASE_PAGES = [page for page in PAGES if page.startswith("chapters/cases/")]


def pages_with(marker: str) -> list[str]:
    return [page for page in PAGES if marker in (SITE / page).read_text(encoding="utf-8")]


QUESTION_PAGES = [page for page in pages_with('data-question-id="') if page != REVIEW_PAGE]
CHOICE_PAGES = [page for page in pages_with('data-kind="single"') if page != REVIEW_PAGE]


def single_choice_page() -> str:
    """A page with at least two single-choice questions, the first chapter if it has them."""
    for page in ["chapters/01_introduction.html", *CHOICE_PAGES]:
        if (SITE / page).is_file() and (SITE / page).read_text(encoding="utf-8").count('data-kind="single"') >= 2:
            return page
    pytest.fail("no page has two single-choice self-checks")


def answer(page, form, right: bool) -> str:
    """Choose the correct option (or a wrong one) of a single-choice form and check it;
    returns the question's identity."""
    options = form.locator(".self-check-answer")
    verdicts = [options.nth(index).get_attribute("data-correct") == "true" for index in range(options.count())]
    value = options.nth(verdicts.index(right)).get_attribute("data-option")
    form.locator(f'input[value="{value}"]').check()
    form.locator(".self-check-button").click()
    expected = "Correct." if right else "Not correct."
    form.locator(".self-check-feedback").get_by_text(expected).wait_for()
    return form.get_attribute("data-question-id")


def single_forms(page):
    return page.locator('form.self-check-question[data-kind="single"]')


def nav_progress(page, page_path: str) -> str:
    """The progress line under the navigation link of `page_path`."""
    return page.evaluate(
        """(target) => {
        const line = [...document.querySelectorAll('.review-nav-progress')]
            .find(item => item.parentElement.href.split('#')[0].endsWith(target));
        return line ? line.textContent : null; }""",
        page_path,
    )


def test_the_site_has_the_review_page_and_question_pages():
    assert REVIEW_PAGE in PAGES, "chapters/review.html is missing: is chapters/review.md in _toc.yml?"
    assert (SITE / "_static" / "self-check-index.js").is_file()
    assert (SITE / "_static" / "self-check-bank.js").is_file()
    assert QUESTION_PAGES, "no page carries self-check questions with an identity"


def test_an_answer_is_still_shown_after_a_reload(watch):
    page_path = single_choice_page()
    page = watch.open(page_path)
    total = single_forms(page).count() + page.locator('form.self-check-question:not([data-kind="single"])').count()
    answer(page, single_forms(page).first, right=True)
    page.reload(wait_until="load")
    wait_for_widgets(page)
    page.wait_for_function("() => document.querySelector('.review-nav-progress')")
    assert nav_progress(page, page_path) == f"1 of {total} answered, 1 right"
    page = watch.open("index.html")
    row = page.locator(f'.review-progress-table tr[data-doc="{page_path[:-5]}"]')
    assert row.locator("td").nth(1).text_content() == f"1 of {total}"
    assert row.locator("td").nth(2).text_content() == "1"
    assert watch.problems == [], "; ".join(watch.problems)


def test_forget_my_progress_clears_everything(watch):
    page_path = single_choice_page()
    page = watch.open(page_path)
    answer(page, single_forms(page).first, right=False)
    page = watch.open("index.html")
    assert "1 of" in page.locator(".review-progress-summary").text_content()
    page.get_by_role("button", name="Forget my progress").click()
    page.locator(".review-status").get_by_text("Your progress is forgotten").wait_for()
    assert page.evaluate(f"() => window.localStorage.getItem('{STORAGE_KEY}')") is None
    assert page.locator(".review-progress-summary").text_content().startswith("All pages: 0 of")
    page.reload(wait_until="load")
    page.wait_for_function("() => document.querySelector('.review-nav-progress')")
    assert nav_progress(page, page_path).startswith("0 of")
    assert watch.problems == [], "; ".join(watch.problems)


def test_the_review_page_puts_a_wrong_answer_before_a_right_one(watch):
    page_path = single_choice_page()
    page = watch.open(page_path)
    right = answer(page, single_forms(page).nth(0), right=True)
    wrong = answer(page, single_forms(page).nth(1), right=False)
    page = watch.open(REVIEW_PAGE)
    page.wait_for_function("() => document.querySelector('.review-item')")
    order = page.evaluate("() => [...document.querySelectorAll('.review-item')].map(item => item.dataset.questionId)")
    assert order.index(wrong) < order.index(right)
    assert page.locator(f'.review-due .review-item[data-question-id="{wrong}"]').count() == 1
    assert page.locator(f'.review-later .review-item[data-question-id="{right}"]').count() == 1
    # Answering on the review page is recorded too, under the same identity.
    form = page.locator(f'.review-item[data-question-id="{wrong}"] form')
    answer(page, form, right=True)
    stored = page.evaluate(f"() => JSON.parse(window.localStorage.getItem('{STORAGE_KEY}')).answers")
    assert stored[wrong]["lastCorrect"] is True and stored[wrong]["intervalDays"] == 1
    assert watch.problems == [], "; ".join(watch.problems)


def test_a_numeric_answer_counts_within_its_tolerance(watch):
    numeric_pages = [page for page in pages_with('data-kind="numeric"') if page != REVIEW_PAGE]
    assert numeric_pages, "no page has a numeric self-check"
    page = watch.open(numeric_pages[0])
    form = page.locator('form.self-check-question[data-kind="numeric"]').first
    expected = float(form.get_attribute("data-answer"))
    tolerance = float(form.get_attribute("data-tolerance"))
    box = form.locator(".self-check-numeric input")
    feedback = form.locator(".self-check-feedback")
    box.fill("not a number")
    form.locator(".self-check-button").click()
    feedback.get_by_text("Type a number first").wait_for()
    box.fill(f"{expected + tolerance + 1:g}")
    box.press("Enter")
    feedback.get_by_text("Not correct.").wait_for()
    box.fill(f"{expected:g}".replace(".", ","))
    form.locator(".self-check-button").click()
    feedback.get_by_text("Correct.", exact=True).wait_for()
    assert watch.problems == [], "; ".join(watch.problems)


def test_the_review_page_works_opened_from_disk(browser):
    """file://, no server, no network: the bank loads, an answer is kept across a reload."""
    disk = DiskWatch(browser, VIEWPORTS["phone"])
    page = disk.open(REVIEW_PAGE)
    page.wait_for_function("() => document.querySelector('.review-item form')")
    counts = page.locator(".review-counts").text_content()
    assert re.fullmatch(r"0 due now, \d+ never answered, 0 not yet due\.", counts), counts
    form = page.locator('.review-item form[data-kind="single"]').first
    identity = answer(page, form, right=False)
    page.reload(wait_until="load")
    page.wait_for_function("() => document.querySelector('.review-item')")
    assert page.locator(f'.review-due .review-item[data-question-id="{identity}"]').count() == 1
    disk.close()
    assert disk.problems == [], "; ".join(disk.problems)


def test_there_are_at_least_five_case_pages():
    assert len(CASE_PAGES) >= 5, f"case pages in the site: {CASE_PAGES}"


@pytest.mark.parametrize("page_path", CASE_PAGES)
def test_every_case_page_explorer_step_works(reader, page_path):
    page = reader.visit(page_path)
    counts = page.evaluate(CONTROLS_JS)
    assert counts and all(counts), f"{page_path}: no explorer with controls"
    assert page.evaluate(EMPTY_WIDGETS_JS) == [], f"{page_path}: an explorer rendered empty"
    for explorer_index in range(len(counts)):
        explorer = page.locator(f".{EXPLORER_CLASS}").nth(explorer_index)
        views = explorer.locator(f".{VIEWS_CLASS}")
        control = explorer.locator(f".{CONTROLS_CLASS} select, .{CONTROLS_CLASS} .noUi-handle").first
        control.scroll_into_view_if_needed()
        before = views.screenshot()
        change_control(page, control, views)
        assert views.screenshot() != before, f"{page_path}: explorer {explorer_index + 1} did not respond"
    assert page.locator(".self-check-question").count() >= 3
    assert reader.problems == [], "; ".join(reader.problems)
