"""Fixtures for tests of the built site in a real browser.

The site in ``_build/html`` (built by ``make book``) is served on 127.0.0.1 and opened
in Debian's Chromium, driven headless by Playwright. Every request to any other host
is blocked and recorded, so a page that needs the network fails its test even on a
machine that has one.
"""

import functools
import http.server
import os
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tools.chromium import CHROMIUM, NOT_FOUND, headless_chromium

ROOT = Path(__file__).resolve().parents[2]
# The Makefile exports BOOK_BUILD_DIR (default: _build in the repository).
BUILD = Path(os.environ.get("BOOK_BUILD_DIR", ROOT / "_build"))
# BOOK_SITE_DIR runs the same tests on another copy of the site: `make test-offline` points
# it at the offline copy (the zip of `make dist`, unzipped).
SITE = Path(os.environ.get("BOOK_SITE_DIR", BUILD / "html"))
SCREENSHOTS = BUILD / "screenshots"
# A phone-width viewport and a desktop one; pages are checked at both.
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def site_pages() -> list[str]:
    """Every HTML page of the built site, relative to its root."""
    return sorted(
        path.relative_to(SITE).as_posix()
        for path in SITE.rglob("*.html")
        if not path.relative_to(SITE).parts[0].startswith("_")
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url():
    if not (SITE / "index.html").is_file():
        pytest.fail(f"{SITE / 'index.html'} does not exist: build the site first (`make book`).")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(SITE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(NOT_FOUND)
    with headless_chromium() as chromium:
        yield chromium


class PageWatch:
    """Opens pages and records every error, failed or off-site request on them."""

    def __init__(self, browser, site_url, viewport, **context_options):
        """`context_options` go to Playwright's `new_context` (e.g. has_touch=True)."""
        self.site_url = site_url
        self.context = browser.new_context(viewport=viewport, service_workers="block", **context_options)
        self.context.route("**/*", self._only_this_site)
        self.problems: list[str] = []
        self.page = self.context.new_page()
        self.page.on("console", lambda message: self._console(message))
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("requestfailed", lambda request: self._failed(request))
        self.page.on("response", lambda response: self._response(response))

    def _only_this_site(self, route):
        url = route.request.url
        if url.startswith(self.site_url + "/") or url.startswith("data:"):
            route.continue_()
        else:
            self.problems.append(f"request to another host (blocked): {url}")
            route.abort("blockedbyclient")

    def _console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _failed(self, request):
        if request.failure == "net::ERR_BLOCKED_BY_CLIENT":
            return
        if request.failure == "net::ERR_ABORTED" and self.serves(request.url):
            return
        self.problems.append(f"failed request: {request.url} ({request.failure})")

    def serves(self, url: str) -> bool:
        """Whether the site answers `url` itself. Chromium aborts (net::ERR_ABORTED) a
        request still in flight when the page navigates or reloads, such as a late favicon;
        that is the browser leaving, not the site failing, if the file is there."""
        if not url.startswith(self.site_url + "/"):
            return False
        try:
            with urllib.request.urlopen(url, timeout=10):
                return True
        except (urllib.error.URLError, TimeoutError):
            return False

    def _response(self, response):
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def open(self, page_path: str):
        self.page.goto(f"{self.site_url}/{page_path}", wait_until="load")
        wait_for_widgets(self.page)
        return self.page

    def visit(self, page_path: str):
        """Open `page_path` with a clean record: `problems` then holds this page's alone
        (for a watcher shared by many tests, such as `reader`). The page before is left
        for a blank one first, so that its requests cut short by leaving it (a late
        favicon) are not recorded as this page's."""
        self.page.goto("about:blank")
        self.problems.clear()
        return self.open(page_path)

    def close(self):
        self.context.close()


class DiskWatch:
    """Opens pages of the site from disk (file://, no server), as a reader who downloaded it
    would, and records every page error; every request off the disk is blocked and recorded."""

    def __init__(self, browser, viewport):
        self.context = browser.new_context(viewport=viewport)
        self.context.route("**/*", self._only_local)
        self.problems: list[str] = []
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))

    def _only_local(self, route):
        if route.request.url.startswith(("file://", "data:")):
            route.continue_()
        else:
            self.problems.append(f"request off the disk (blocked): {route.request.url}")
            route.abort("blockedbyclient")

    def open(self, page_path: str):
        self.page.goto((SITE / page_path).as_uri(), wait_until="load")
        return self.page

    def close(self):
        self.context.close()


WIDGET_VIEWS = 'script[type="application/vnd.jupyter.widget-view+json"]'


def wait_for_widgets(page, timeout_ms: int = 30_000) -> None:
    """Wait until the widget renderer has drawn a widget beside every widget placeholder."""
    page.wait_for_function(
        f"""() => [...document.querySelectorAll('{WIDGET_VIEWS}')].every(
                script => script.parentElement.querySelector('.jupyter-widgets'))""",
        timeout=timeout_ms,
    )


# A phone as the phone tests hold it: a touch screen, at twice the pixel density.
PHONE = {"has_touch": True, "is_mobile": True, "device_scale_factor": 2}
# Contexts of the `reader` fixture: a viewport and a colour mode, with the context's options.
READERS = {
    "desktop": (VIEWPORTS["desktop"], {}),
    "phone": (VIEWPORTS["phone"], PHONE),
    "dark phone": (VIEWPORTS["phone"], {"color_scheme": "dark", **PHONE}),
}


@pytest.fixture(scope="session")
def readers(browser, site_url):
    """One watcher per entry of READERS for the whole session, opened when first asked for.
    Pages opened in one context share its HTTP cache, so the renderer and the theme load
    once, not once per test. For tests that only read pages: a test that stores something
    (an answer, a setting) uses `watch`, which starts from an empty context."""
    opened: dict[str, PageWatch] = {}

    def reader(name: str) -> PageWatch:
        if name not in opened:
            viewport, options = READERS[name]
            opened[name] = PageWatch(browser, site_url, viewport, **options)
            if options.get("color_scheme") == "dark":
                # The theme keeps the reader's choice of mode in localStorage; this is choosing dark.
                opened[name].context.add_init_script(
                    "localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');"
                )
        return opened[name]

    yield reader
    for watcher in opened.values():
        watcher.close()


@pytest.fixture
def reader(readers, request):
    """The session's watcher for `request.param` (a key of READERS; default "desktop")."""
    return readers(getattr(request, "param", "desktop"))


@pytest.fixture
def watch(browser, site_url, request):
    viewport = getattr(request, "param", "desktop")
    watcher = PageWatch(browser, site_url, VIEWPORTS[viewport])
    yield watcher
    watcher.close()
