"""How fast the built site's chapters load on a phone (the Makefile's site-benchmark target).
A benchmark, not a test: it prints figures and asserts nothing.

The site is served on 127.0.0.1 with gzip (as any web host serves it) and every chapter is
opened in a fresh Chromium context, so nothing is cached, under a throttled phone profile:
a 390 x 844 touch screen, the CPU slowed 4 times (CDP `Emulation.setCPUThrottlingRate`)
and a 9 Mbit/s network with a 150 ms round trip (`Network.emulateNetworkConditions`). For
each page it prints the bytes transferred (compressed, headers included), the number of
requests, the time of the load event and two times from the start of navigation: when every
explorer shows its view (the first view written into the page by _ext/first_view.py, or the
live explorer), with the visible images of the view decoded and the explorer more than
50 px tall; and when every explorer is live (the widget renderer has drawn every widget
placeholder, so the controls work). Goal: every chapter's explorers shown in under 4 s.

Usage: python tools/site_benchmark.py [SITE] [--runs N] [--pages TEXT ...]   (SITE: a built
_build/html, default $BOOK_BUILD_DIR/html; --pages: only the pages whose path holds one of
the texts, such as 03_ or cases/)
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import statistics
import sys
import threading
from pathlib import Path
from typing import ClassVar

# The repository's root, for tools.chromium: run as a script, sys.path starts at tools/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.chromium import CHROMIUM, NOT_FOUND, headless_chromium

ROOT = Path(__file__).resolve().parent.parent
# The Makefile exports BOOK_BUILD_DIR (default: _build in the repository).
SITE = Path(os.environ.get("BOOK_BUILD_DIR", ROOT / "_build")) / "html"
# The throttled phone profile.
VIEWPORT = {"width": 390, "height": 844}
CPU_SLOWDOWN = 4
BITS_PER_SECOND = 9_000_000
ROUND_TRIP_MS = 150
READY_TIMEOUT_MS = 120_000
# Files a web host compresses; images and fonts are compressed already.
COMPRESSED_SUFFIXES = {".html", ".js", ".css", ".json", ".svg", ".txt", ".map", ".xml", ".ipynb", ".csv"}

# Set by an init script in every page: the times (performance.now(), from the start of
# navigation) at which every explorer of the page was first seen showing its view (its first
# view, written into the page by _ext/first_view.py, or the live explorer) and at which every
# explorer was first seen live (drawn by the widget renderer, its controls working).
READY_WATCH_JS = """(() => {
    const drawn = (box, minHeight) => box && box.checkVisibility() && box.getBoundingClientRect().height > minHeight
        && [...box.querySelectorAll('img')].filter(image => image.getClientRects().length > 0)
            .every(image => image.complete);
    const live = () => {
        const views = [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')];
        if (!views.every(script => script.parentElement.querySelector('.jupyter-widgets'))) return false;
        return [...document.querySelectorAll('.book-explorer')].every(explorer => drawn(explorer, 50));
    };
    const shown = () => [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')]
        .every(script => {
            const explorer = script.parentElement.querySelector('.book-explorer');
            if (explorer) return drawn(explorer, 50);
            const first = script.parentElement.querySelector('.book-first-view');
            return first ? drawn(first, 50) : !!script.parentElement.querySelector('.jupyter-widgets');
        });
    const poll = () => {
        // The page's footer is parsed after its last explorer: every placeholder is in the page.
        if (document.readyState !== 'loading' || document.querySelector('footer.bd-footer')) {
            if (window.__firstViewsAt === undefined && shown()) window.__firstViewsAt = performance.now();
            if (document.readyState !== 'loading' && live()) {
                window.__explorersReadyAt = performance.now();
                return;
            }
        }
        setTimeout(poll, 50);
    };
    poll();
})();"""


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site's files, gzip-compressed when the browser accepts it (compressed once
    per file and kept in memory)."""

    cache: ClassVar[dict[Path, bytes]] = {}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSED_SUFFIXES and path.is_file()):
            return super().send_head()
        if path not in self.cache:
            self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """The compressed bytes as the file object `SimpleHTTPRequestHandler` copies out."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def chapters(site: Path) -> list[str]:
    """Every chapter page and the front page, relative to the site's root."""
    return ["index.html"] + sorted(path.relative_to(site).as_posix() for path in (site / "chapters").rglob("*.html"))


def measure(browser, url: str) -> dict:
    """One cold load of `url` under the phone profile: bytes, requests, load and ready times."""
    context = browser.new_context(
        viewport=VIEWPORT, is_mobile=True, has_touch=True, device_scale_factor=2, service_workers="block"
    )
    try:
        page = context.new_page()
        page.add_init_script(READY_WATCH_JS)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": ROUND_TRIP_MS,
                "downloadThroughput": BITS_PER_SECOND / 8,
                "uploadThroughput": BITS_PER_SECOND / 8,
            },
        )
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        transferred = []
        cdp.on("Network.loadingFinished", lambda event: transferred.append(event["encodedDataLength"]))
        page.goto(url, wait_until="load", timeout=READY_TIMEOUT_MS)
        load_ms = page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventStart")
        page.wait_for_function("() => window.__explorersReadyAt !== undefined", timeout=READY_TIMEOUT_MS)
        ready_ms = page.evaluate("() => window.__explorersReadyAt")
        shown_ms = page.evaluate("() => window.__firstViewsAt ?? window.__explorersReadyAt")
        explorers = page.evaluate("() => document.querySelectorAll('.book-explorer').length")
        page.wait_for_load_state("networkidle")
        return {
            "bytes": sum(transferred),
            "requests": len(transferred),
            "load_ms": load_ms,
            "ready_ms": ready_ms if explorers else None,
            "shown_ms": shown_ms if explorers else None,
            "explorers": explorers,
        }
    finally:
        context.close()


def _seconds(runs: list[dict], key: str) -> str:
    """The median of one time over the runs, in seconds, or "no explorer"."""
    times = [run[key] for run in runs if run[key] is not None]
    return f"{statistics.median(times) / 1000:.2f}" if times else "no explorer"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=SITE, help="a built site (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=1, help="loads of each page; the median is printed")
    parser.add_argument("--pages", nargs="+", default=[], help="only pages whose path holds one of these texts")
    arguments = parser.parse_args()
    site = arguments.site.resolve()
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site / 'index.html'} does not exist: build the site first (`make book`)")
    if not Path(CHROMIUM).exists():
        raise SystemExit(NOT_FOUND)
    if arguments.runs < 1:
        raise SystemExit(f"--runs: {arguments.runs}; give 1 or more")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    print(
        f"{site}: {CPU_SLOWDOWN}x CPU slowdown, {BITS_PER_SECOND / 1e6:g} Mbit/s, {ROUND_TRIP_MS} ms round trip, "
        f"{VIEWPORT['width']} px, gzip; median of {arguments.runs} run(s)"
    )
    print(f"{'page':44s} {'sent KB':>8s} {'requests':>9s} {'load s':>7s} {'view shown s':>13s} {'controls s':>11s}")
    try:
        with headless_chromium() as browser:
            pages = [path for path in chapters(site) if not arguments.pages or any(t in path for t in arguments.pages)]
            if not pages:
                raise SystemExit(f"--pages: no page of {site} matches {' or '.join(arguments.pages)}")
            for page_path in pages:
                runs = [measure(browser, f"{url}/{page_path}") for _ in range(arguments.runs)]
                median = {key: statistics.median(run[key] for run in runs) for key in ("bytes", "requests", "load_ms")}
                print(
                    f"{page_path:44s} {median['bytes'] / 1000:8.0f} {median['requests']:9.0f} "
                    f"{median['load_ms'] / 1000:7.2f} {_seconds(runs, 'shown_ms'):>13s} "
                    f"{_seconds(runs, 'ready_ms'):>11s}"
                )
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
