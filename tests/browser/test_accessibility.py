"""Accessibility of the built site in Chromium, at phone and desktop width.

- axe-core (installed from the npm registry into node_modules by the Makefile, never from
  a CDN) is injected into every page and must find no serious or critical violation, once
  per page in each colour mode (light on a desktop, dark on a phone), with the learner's
  tools opened (answers checked, details opened, a glossary tooltip shown): what the page
  shows as it loads is shown then too, with what the tools open;
- headings are in order on every page: one h1 first, and no level skipped going down;
- every control can be reached with the Tab key, and the self-check questions can be
  answered and checked with the keyboard alone;
- glossary tooltips open on keyboard focus, hover and tap, close with Escape, and stay on
  the screen; a verdict is always given in words as well as colour;
- the education-only banner is on every page and readable on a phone (checked with the
  other phone checks of each page, in test_phone.py).

Tests that only read pages use the session's shared contexts (`reader`); a test that
stores answers uses a fresh one (`watch`).
"""

import itertools
from pathlib import Path

import pytest

from tests.browser.conftest import ROOT, SITE, VIEWPORTS, PageWatch, site_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
PAGES = site_pages()
PAGES_WITH_SELF_CHECKS = [page for page in PAGES if "self-check-question" in (SITE / page).read_text(encoding="utf-8")]
PAGES_WITH_TERMS = [page for page in PAGES if 'class="glossary-term"' in (SITE / page).read_text(encoding="utf-8")]

pytestmark = pytest.mark.browser

RUN_AXE = """async () => {
    const results = await axe.run(document, {resultTypes: ['violations']});
    return results.violations.map(violation => ({
        id: violation.id, impact: violation.impact, help: violation.help,
        targets: violation.nodes.map(node => node.target.join(' '))}));
}"""


def axe_violations(page) -> list[dict]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make setup` (npm ci installs axe-core from the registry)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"  - {violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(f"      at {target}" for target in violation["targets"][:10])
        + (f"\n      ... and {len(violation['targets']) - 10} more" if len(violation["targets"]) > 10 else "")
        for violation in violations
    )


def assert_no_blocking_violations(page, where: str) -> None:
    blocking = [violation for violation in axe_violations(page) if violation["impact"] in BLOCKING_IMPACTS]
    assert blocking == [], f"{where}: {len(blocking)} serious or critical axe-core violation(s):\n{describe(blocking)}"


def viewport_name(page) -> str:
    return next(name for name, size in VIEWPORTS.items() if size["width"] == page.viewport_size["width"])


OPEN_TOOLS_JS = """() => {
    document.querySelectorAll('form.self-check-question').forEach(form => {
        const input = form.querySelector('input');
        input.checked = true;
        form.requestSubmit();
    });
    document.querySelectorAll('details').forEach(details => { details.open = true; });
}"""


# One audit per page in each colour mode: light at desktop width, dark on a phone.
AXE_READERS = ["desktop", "dark phone"]


@pytest.mark.parametrize("reader", AXE_READERS, indirect=True)
@pytest.mark.parametrize("page_path", PAGES)
def test_axe_finds_no_serious_or_critical_violation(reader, page_path, request):
    """The page as it loads, and the feedback, the answers and a tooltip as the reader sees
    them once opened: opening the tools hides nothing the loaded page showed."""
    page = reader.visit(page_path)
    mode = "dark" if "dark" in request.node.callspec.params["reader"] else "light"
    assert page.evaluate("() => document.documentElement.dataset.theme") == mode, f"{page_path}: not in {mode} mode"
    page.evaluate(OPEN_TOOLS_JS)
    # Opened content fades in (CSS transitions); audit it once it is fully shown, not while
    # its colours are still half transparent.
    page.evaluate("() => Promise.all(document.getAnimations().map(animation => animation.finished))")
    if page_path in PAGES_WITH_TERMS:
        page.locator(".glossary-term a").first.focus()
        page.wait_for_selector("#glossary-tooltip:not([hidden])")
    # The page's own errors are taken before axe runs: axe fetches stylesheets again to
    # read their @import rules and resolves the theme's `@import "../basic.css"` against
    # the page instead of the stylesheet, a 404 of the audit, not of the site.
    problems = list(reader.problems)
    try:
        assert_no_blocking_violations(page, f"{page_path} ({viewport_name(page)}, {mode} mode, tools open)")
    finally:
        # The checked answers are stored: forget them, so that the shared context's other
        # pages show no progress of this test's making.
        page.evaluate("() => localStorage.removeItem('venetoclax-all-book.review.v1')")
    assert problems == [], "; ".join(problems)


# Headings a reader can meet: the theme's print-only block (display: none on screen) is
# left out, as assistive technology leaves it out.
HEADINGS_JS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(heading => heading.checkVisibility())
    .map(heading => ({level: Number(heading.tagName[1]), text: heading.textContent.trim().slice(0, 60)}))"""


@pytest.mark.parametrize("page_path", PAGES)
def test_headings_are_in_order(reader, page_path):
    headings = reader.visit(page_path).evaluate(HEADINGS_JS)
    assert headings, f"{page_path}: no headings"
    assert [heading["level"] for heading in headings].count(1) == 1, f"{page_path}: not exactly one h1: {headings}"
    assert headings[0]["level"] == 1, f"{page_path}: the first heading is not the h1: {headings[0]}"
    for before, after in itertools.pairwise(headings):
        assert after["level"] <= before["level"] + 1, (
            f"{page_path}: heading level skipped from h{before['level']} {before['text']!r} "
            f"to h{after['level']} {after['text']!r}"
        )


# Every control in the article that a reader can see (not inside a closed <details> or a
# hidden widget view), numbered. A group of radio buttons is one Tab stop (arrow keys move
# inside it), so its buttons share a number.
FOCUSABLE_JS = """() => {
    const selector = ['a[href]', 'button', 'input', 'select', 'textarea', 'summary', '[tabindex]']
        .map(tag => '.bd-article ' + tag).join(', ');
    const groups = new Map();
    let count = 0;
    return [...document.querySelectorAll(selector)]
        .filter(element => !element.disabled && element.getAttribute('tabindex') !== '-1'
            && element.checkVisibility({visibilityProperty: true}))
        .map(element => {
            let index;
            if (element.type === 'radio' && element.name) {
                if (!groups.has(element.name)) groups.set(element.name, count++);
                index = groups.get(element.name);
            } else {
                index = count++;
            }
            element.dataset.a11yIndex = index;
            return index;
        });
}"""


# Records the number of every control that takes the focus, as the Tab key moves it.
RECORD_FOCUS_JS = """() => {
    window.__reachedWithTab = new Set();
    document.addEventListener('focusin', event => {
        const index = event.target.dataset && event.target.dataset.a11yIndex;
        if (index !== undefined) window.__reachedWithTab.add(Number(index));
    }, true);
}"""
TAB_PRESSES_PER_CHECK = 20


@pytest.mark.parametrize("reader", list(VIEWPORTS), indirect=True)
@pytest.mark.parametrize("page_path", PAGES)
def test_every_control_in_the_page_is_reached_with_the_tab_key(reader, page_path):
    page = reader.visit(page_path)
    expected = set(page.evaluate(FOCUSABLE_JS))
    page.evaluate(RECORD_FOCUS_JS)
    page.locator("body").focus()
    reached = set()
    for _ in range(0, len(expected) + 200, TAB_PRESSES_PER_CHECK):
        for _ in range(TAB_PRESSES_PER_CHECK):
            page.keyboard.press("Tab")
        reached = set(page.evaluate("() => [...window.__reachedWithTab]"))
        if reached >= expected:
            break
    missing = page.evaluate(
        """indices => indices.map(index => {
        const element = document.querySelector(`[data-a11y-index="${index}"]`);
        return element.outerHTML.slice(0, 160);
    })""",
        sorted(expected - reached),
    )
    assert missing == [], f"{page_path} ({viewport_name(page)}): not reachable with Tab: {missing}"
    assert reader.problems == [], "; ".join(reader.problems)


def answer_with_keyboard(page, form, choose: list[int]) -> str:
    """Select the options numbered in `choose` (1-based) with the keyboard, check, return the feedback.
    A numeric question has one "option", its answer: choosing it types the answer, choosing any
    other types a number far outside the tolerance."""
    inputs = form.locator("input")
    kind = form.get_attribute("data-kind")
    inputs.first.focus()
    if kind == "numeric":
        answer, tolerance = float(form.get_attribute("data-answer")), float(form.get_attribute("data-tolerance"))
        page.keyboard.press("Control+A")  # replace an earlier answer
        page.keyboard.type(f"{answer:g}" if choose == [1] else f"{answer + 10 * tolerance + 10:g}")
        page.keyboard.press("Tab")
    elif kind == "single":
        page.keyboard.press("Space")
        for _ in range(choose[0] - 1):
            page.keyboard.press("ArrowDown")
        assert inputs.nth(choose[0] - 1).is_checked()
        page.keyboard.press("Tab")
    else:
        for number in range(1, inputs.count() + 1):
            if (number in choose) != inputs.nth(number - 1).is_checked():
                page.keyboard.press("Space")
            page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert focused == "self-check-button", f"Tab after the options went to {focused!r}, not the Check button"
    page.keyboard.press("Enter")
    return form.locator(".self-check-feedback").inner_text()


@pytest.mark.parametrize("page_path", PAGES_WITH_SELF_CHECKS)
def test_self_checks_are_answered_with_the_keyboard_alone(watch, page_path):
    page = watch.open(page_path)
    forms = page.locator("form.self-check-question")
    assert forms.count() > 0
    for index in range(forms.count()):
        form = forms.nth(index)
        form.scroll_into_view_if_needed()
        answers = form.locator(".self-check-answer")
        correct = [
            number + 1
            for number in range(answers.count())
            if answers.nth(number).get_attribute("data-correct") == "true"
        ]
        wrong = [number + 1 for number in range(answers.count()) if number + 1 not in correct] or [len(correct) + 1]
        where = f"{page_path}, question {index + 1}"
        feedback = answer_with_keyboard(page, form, correct)
        assert feedback.startswith("\u2713 Correct."), f"{where}: the right answer got {feedback!r}"
        explanation = " ".join(answers.nth(correct[0] - 1).locator("p").nth(1).text_content().split())
        assert explanation[:30] in " ".join(feedback.split()), f"{where}: the chosen option's feedback is not shown"
        feedback = answer_with_keyboard(page, form, [wrong[0]])
        # In words, not only in colour.
        assert "Not correct" in feedback or "Not yet" in feedback, f"{where}: a wrong answer got {feedback!r}"
    assert watch.problems == [], "; ".join(watch.problems)


def test_self_check_answers_are_there_without_javascript(browser, site_url):
    """With scripts off, the Check button stays hidden and every answer is in a <details>."""
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    try:
        page = context.new_page()
        for page_path in PAGES_WITH_SELF_CHECKS:
            page.goto(f"{site_url}/{page_path}")
            forms = page.locator("form.self-check-question")
            for index in range(forms.count()):
                form = forms.nth(index)
                assert not form.locator(".self-check-button").is_visible()
                summary = form.locator("details summary")
                summary.focus()
                page.keyboard.press("Enter")
                verdicts = form.locator(".self-check-answer .self-check-verdict")
                assert verdicts.count() == form.locator("input").count()
                assert all(verdicts.nth(number).is_visible() for number in range(verdicts.count()))
    finally:
        context.close()


TOOLTIP = "#glossary-tooltip"


@pytest.mark.parametrize("reader", list(VIEWPORTS), indirect=True)
@pytest.mark.parametrize("page_path", PAGES_WITH_TERMS)
def test_glossary_tooltip_opens_on_focus_and_closes_with_escape(reader, page_path):
    page = reader.visit(page_path)
    terms = page.locator(".glossary-term")
    visible = page.evaluate(
        "() => [...document.querySelectorAll('.glossary-term')].flatMap("
        "(term, index) => term.checkVisibility() ? [index] : [])"
    )
    for index in sorted({visible[0], visible[-1]}):
        term = terms.nth(index)
        link = term.locator("a")
        link.focus()
        tooltip = page.locator(TOOLTIP)
        tooltip.wait_for(state="visible")
        assert term.get_attribute("data-definition") in tooltip.inner_text()
        assert link.get_attribute("aria-describedby") == "glossary-tooltip"
        box = tooltip.bounding_box()
        width, height = page.viewport_size["width"], page.viewport_size["height"]
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{page_path}: tooltip runs off the screen: {box}"
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"{page_path}: tooltip runs off the screen: {box}"
        page.keyboard.press("Escape")
        tooltip.wait_for(state="hidden")
        assert link.get_attribute("aria-describedby") is None
    assert reader.problems == [], "; ".join(reader.problems)


def test_glossary_tooltip_opens_on_hover(reader):
    page = reader.visit(PAGES_WITH_TERMS[0])
    link = page.locator(".glossary-term a").first
    link.hover()
    page.locator(TOOLTIP).wait_for(state="visible")
    page.mouse.move(0, 0)
    page.locator(TOOLTIP).wait_for(state="hidden")


def test_glossary_tooltip_on_a_phone_first_tap_shows_second_tap_follows(browser, site_url):
    watch = PageWatch(browser, site_url, VIEWPORTS["phone"], has_touch=True, is_mobile=True)
    try:
        page_path = next(path for path in PAGES_WITH_TERMS if path.startswith("chapters/") and "glossary" not in path)
        page = watch.open(page_path)
        link = page.locator(".glossary-term a").first
        link.scroll_into_view_if_needed()
        href = link.get_attribute("href")
        link.tap()
        page.locator(TOOLTIP).wait_for(state="visible")
        assert page.url.endswith(page_path), "the first tap followed the link instead of showing the definition"
        assert "Tap the term again" in page.locator(TOOLTIP).inner_text()
        link.tap()
        page.wait_for_url(f"**/{Path(href.split('#')[0]).name}#{href.split('#')[1]}")
        assert watch.problems == [], "; ".join(watch.problems)
    finally:
        watch.close()
