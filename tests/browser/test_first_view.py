"""Each explorer's first view (_ext/first_view.py): shown where scripts do not run, hidden
once the live explorer has drawn, so a reader never sees an explorer twice."""

import pytest

from tests.browser.conftest import SITE, VIEWPORTS, site_pages

EXPLORER_PAGES = [
    page for page in site_pages() if 'class="book-first-view' in (SITE / page).read_text(encoding="utf-8")
]
SHOWN_FIRST_VIEWS_JS = """() => [...document.querySelectorAll('.book-first-view')]
    .filter(view => view.getClientRects().length > 0).length"""

pytestmark = pytest.mark.browser


def test_the_chapters_with_explorers_have_first_views():
    assert {"chapters/03_venetoclax.html", "chapters/05_clinical_studies.html"} <= set(EXPLORER_PAGES)


@pytest.mark.parametrize("page_path", EXPLORER_PAGES)
def test_the_first_view_gives_way_to_the_live_explorer(readers, page_path):
    page = readers("phone").visit(page_path)
    assert page.locator(".book-explorer").count() >= 1, f"{page_path}: no live explorer drew"
    assert page.evaluate(SHOWN_FIRST_VIEWS_JS) == 0, f"{page_path}: a first view is still shown beside its explorer"


def test_without_scripts_the_first_views_are_what_the_reader_sees(browser, site_url):
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    try:
        page = context.new_page()
        for page_path in EXPLORER_PAGES:
            page.goto(f"{site_url}/{page_path}", wait_until="load")
            views = page.locator(".book-first-view")
            assert views.count() >= 1 and page.evaluate(SHOWN_FIRST_VIEWS_JS) == views.count(), page_path
            for index in range(views.count()):
                view = views.nth(index)
                shows = view.locator("img, svg").count() or len(view.inner_text().strip()) > 100
                assert shows, f"{page_path}: first view {index + 1} shows neither a figure nor text"
    finally:
        context.close()
