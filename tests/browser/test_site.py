"""The built site in headless Chromium: every page, offline, at phone and desktop width.

Run by `make test` after the book is built. Each page must load with no page error,
no console error, no failed or 4xx/5xx request and no request to any other host; every
widget must render; math must typeset; every explorer control must change what its
explorer shows. A full-page screenshot of each page is saved in _build/screenshots/.
"""

import contextlib
import functools
import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.conftest import (
    SCREENSHOTS,
    SITE,
    VIEWPORTS,
    WIDGET_VIEWS,
    DiskWatch,
    site_pages,
    wait_for_widgets,
)
from widgets.explorers.static_views import CONTROLS_CLASS, EXPLORER_CLASS, VIEWS_CLASS

PAGES = site_pages()
PAGES_WITH_WIDGETS = [page for page in PAGES if "widget-view+json" in (SITE / page).read_text(encoding="utf-8")]
PAGES_WITH_MATH = [page for page in PAGES if 'class="math' in (SITE / page).read_text(encoding="utf-8")]

pytestmark = pytest.mark.browser


def test_site_is_built_with_chapters():
    assert "index.html" in PAGES, "the site has no index.html: run `make book`"
    assert any(page.startswith("chapters/") for page in PAGES), "the site has no chapter pages"
    assert PAGES_WITH_WIDGETS, "no page of the site has a widget: the explorers were not embedded"
    assert PAGES_WITH_MATH, "no page of the site has math"


EMPTY_WIDGETS_JS = f"""() => [...document.querySelectorAll('{WIDGET_VIEWS}')].flatMap(script => {{
    const view = script.parentElement.querySelector('.jupyter-widgets');
    const box = view ? view.getBoundingClientRect() : null;
    const hasContent = view && (view.innerText.trim().length > 0 || view.querySelector('img, svg, canvas'));
    return (box && box.height > 0 && hasContent) ? [] : [script.textContent.trim()];
}})"""


# Resolves once the page's fonts and every image that has started loading have finished
# (loaded or failed), so that late requests are seen.
LATE_REQUESTS_JS = """() => Promise.all([document.fonts.ready, ...[...document.images]
    .filter(image => !image.complete && image.loading !== 'lazy')
    .map(image => new Promise(done => {
        image.addEventListener('load', done);
        image.addEventListener('error', done);
    }))])
    .then(() => true)"""


@pytest.mark.parametrize("reader", list(VIEWPORTS), indirect=True)
@pytest.mark.parametrize("page_path", PAGES)
def test_page_loads_offline_without_errors(reader, page_path):
    page = reader.visit(page_path)
    empty = page.evaluate(EMPTY_WIDGETS_JS)
    page.evaluate(LATE_REQUESTS_JS)
    viewport = next(name for name, size in VIEWPORTS.items() if size["width"] == page.viewport_size["width"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{page_path.replace('/', '__')[:-5]}-{viewport}.png"
    page.screenshot(path=path, full_page=True, scale="css")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert reader.problems == [], f"{page_path} ({viewport}): " + "; ".join(reader.problems)
    assert empty == [], f"{page_path}: widgets rendered empty: {empty}"
    assert overflow <= 1, f"{page_path} ({viewport}): the page is {overflow}px wider than the screen"


# Formulas not drawn as mathematics: with no MathML inside, or a <math> the browser does not
# lay out as MathML (it would draw its TeX annotation as text), or one of no size.
UNDRAWN_MATH_JS = """() => [...document.querySelectorAll('.math')].filter(element => {
    const formula = element.querySelector('math');
    if (!formula) return true;
    const box = formula.getBoundingClientRect();
    return !(formula instanceof MathMLElement) || box.width === 0 || box.height === 0
        || getComputedStyle(formula.querySelector('annotation')).display !== 'none';
}).map(element => element.textContent.slice(0, 60))"""


@pytest.mark.parametrize("page_path", PAGES_WITH_MATH)
def test_math_is_drawn_as_mathml_with_no_script(reader, page_path):
    page = reader.visit(page_path)
    assert page.evaluate(UNDRAWN_MATH_JS) == [], f"{page_path}: math not drawn"
    assert page.evaluate("() => document.querySelectorAll('script[src*=mathjax], script[src*=MathJax]').length") == 0
    assert reader.problems == [], "; ".join(reader.problems)


CONTROLS_JS = f"""() => [...document.querySelectorAll('.{EXPLORER_CLASS}')].map(explorer =>
    explorer.querySelectorAll(
        '.{CONTROLS_CLASS} select, .{CONTROLS_CLASS} .noUi-handle, .{CONTROLS_CLASS} .widget-toggle-button'
    ).length)"""
ALL_CONTROLS_JS = """() => document.querySelectorAll(
    '.jupyter-widgets select, .jupyter-widgets .noUi-handle, .jupyter-widgets .widget-toggle-button,'
    + ' .jupyter-widgets input').length"""


def change_control(page, control, views=None) -> None:
    """Move one control to another option, as a reader would. With `views` (the locator of
    the explorer's views), return once they show something else, or after 3 s if they do not."""
    shown = views.evaluate("element => element.innerHTML") if views is not None else None
    tag = control.evaluate("element => element.tagName.toLowerCase()")
    if tag == "select":
        options = control.evaluate("element => [...element.options].map(option => option.value)")
        current = control.evaluate("element => element.value")
        control.select_option(options[-1] if current != options[-1] else options[0])
    elif tag == "button":
        control.click()
    else:  # a slider handle: keyboard, as a reader without a mouse would use it
        control.focus()
        at_end = control.evaluate(
            "element => element.getAttribute('aria-valuenow') === element.getAttribute('aria-valuemax')"
        )
        page.keyboard.press("Home" if at_end else "End")
    if views is None:
        return
    # On a time-out the caller's comparison of what is shown names the control.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            "([element, shown]) => element.innerHTML !== shown", arg=[views.element_handle(), shown], timeout=3000
        )
        # A view shown for the first time loads its files now (_ext/view_files.py).
        page.wait_for_function(VIEW_IMAGES_LOADED_JS, arg=views.element_handle(), timeout=3000)


VIEW_IMAGES_LOADED_JS = """element => [...element.querySelectorAll('img')]
    .filter(image => image.checkVisibility()).every(image => image.complete && image.naturalWidth > 0)"""


@pytest.mark.parametrize("page_path", PAGES_WITH_WIDGETS)
def test_every_control_changes_what_its_explorer_shows(reader, page_path):
    page = reader.visit(page_path)
    counts = page.evaluate(CONTROLS_JS)
    assert sum(counts) == page.evaluate(ALL_CONTROLS_JS), (
        f"{page_path}: a control sits outside an explorer's controls, so nothing shows it works on the static page"
    )
    for explorer_index, count in enumerate(counts):
        explorer = page.locator(f".{EXPLORER_CLASS}").nth(explorer_index)
        views = explorer.locator(f".{VIEWS_CLASS}")
        controls = explorer.locator(
            f".{CONTROLS_CLASS} select, .{CONTROLS_CLASS} .noUi-handle, .{CONTROLS_CLASS} .widget-toggle-button"
        )
        for control_index in range(count):
            control = controls.nth(control_index)
            control.scroll_into_view_if_needed()
            before = views.screenshot()
            change_control(page, control, views)
            assert views.screenshot() != before, (
                f"{page_path}: explorer {explorer_index + 1}, control {control_index + 1} did not change the view"
            )
    assert reader.problems == [], "; ".join(reader.problems)


def test_reload_keeps_widgets(watch):
    """A second visit (from the browser cache) renders the widgets again."""
    page = watch.open(PAGES_WITH_WIDGETS[0])
    page.reload(wait_until="load")
    wait_for_widgets(page)
    assert page.evaluate(EMPTY_WIDGETS_JS) == []


def test_the_watch_tells_a_request_cut_short_from_a_missing_file(watch):
    """A request Chromium aborts on leaving a page is forgiven only if the site serves the
    file; a missing file is still recorded."""
    page = watch.open("index.html")
    assert watch.serves(f"{watch.site_url}/_static/favicon.svg")
    assert not watch.serves(f"{watch.site_url}/_static/no-such-file.svg")
    assert not watch.serves("http://example.org/_static/favicon.svg")
    page.evaluate("() => fetch('_static/no-such-file.svg')")
    assert any(problem.startswith("HTTP 404") for problem in watch.problems), watch.problems


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])


@functools.cache
def _parse(path):
    """The links and anchors of one page, read once however many links point at it."""
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("page_path", PAGES)
def test_internal_links_resolve(page_path):
    """Every link within the site points at an existing page, and at an existing anchor in it."""
    source = SITE / page_path
    broken = []
    for href in _parse(source).hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("mailto:"):
            continue
        target = (source.parent / unquote(parts.path)).resolve() if parts.path else source
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or (
            parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _parse(target).ids
        ):
            broken.append(href)
    assert broken == [], f"{page_path}: broken links {broken}"


# A view file an explorer refers to (_ext/view_files.py), in its saved state or first view.
VIEW_FILE = re.compile(r"[./]*_static/views/[0-9a-f]{20}\.(?:svg|png)")


@pytest.mark.parametrize("page_path", PAGES_WITH_WIDGETS)
def test_every_view_file_an_explorer_refers_to_exists(page_path):
    """A view shown only after a control moves is fetched only then: each must be on the site."""
    source = SITE / page_path
    referred = set(VIEW_FILE.findall(source.read_text(encoding="utf-8")))
    missing = sorted(name for name in referred if not (source.parent / name).resolve().is_file())
    assert missing == [], f"{page_path}: view files missing from the site: {missing[:5]}"


@pytest.mark.parametrize("page_path", PAGES_WITH_WIDGETS)
def test_no_widget_description_holds_html(page_path):
    """The widget renderer shows descriptions as text (tools/widget-renderer/escape-html.js
    stands in for sanitize-html): a description allowed to hold HTML would show its tags."""
    saved = re.search(r'widget-state\+json">(.*?)</script>', (SITE / page_path).read_text(encoding="utf-8"), re.S)
    state = json.loads(saved.group(1))["state"]
    allowing = [model_id for model_id, model in state.items() if model["state"].get("description_allow_html")]
    assert allowing == [], f"{page_path}: widgets whose description may hold HTML: {allowing[:5]}"


def test_the_explorer_of_chapters_03_and_07_is_one_set_of_shared_files():
    """Chapters 03 and 07 show the same mechanism explorer: its views are on the site once,
    and neither page carries them."""
    pages = [SITE / f"chapters/{name}.html" for name in ("03_venetoclax", "07_resistance")]
    referred = [set(VIEW_FILE.findall(page.read_text(encoding="utf-8"))) for page in pages]
    svg_views = {name for name in referred[0] if name.endswith(".svg")}
    assert len(svg_views) > 500, "the mechanism explorer's data layers are files"
    assert svg_views <= referred[1]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        # Only the small layers stay (each treatment's title, each dose's marker): not the data.
        assert text.count("class='book-layer'") < 50, f"{page.name}: the data layers are written into the page"
        assert page.stat().st_size < 3_000_000, f"{page.name}: {page.stat().st_size:,} bytes, over the 3 MB budget"


def test_site_works_opened_from_disk_without_a_server(browser):
    """Opening _build/html/<page> directly (file://), as a reader who downloaded the site would:
    widgets render, math is drawn, and nothing is requested from anywhere else."""
    page_path = next(page for page in PAGES_WITH_WIDGETS if page in PAGES_WITH_MATH)
    disk = DiskWatch(browser, VIEWPORTS["desktop"])
    disk.page.on(
        "console",
        lambda message: disk.problems.append(f"console error: {message.text}") if message.type == "error" else None,
    )
    page = disk.open(page_path)
    wait_for_widgets(page)
    assert page.evaluate(EMPTY_WIDGETS_JS) == []
    assert page.evaluate("() => document.querySelectorAll('.math math').length") > 0
    assert page.evaluate(UNDRAWN_MATH_JS) == []
    disk.close()
    assert disk.problems == [], "; ".join(disk.problems)
