"""Debian's Chromium, headless, driven by Playwright for Python: the one launch of `make pdf`
(tools/book_pdf.py), `make site-benchmark` (tools/site_benchmark.py) and the browser tests
(tests/browser/conftest.py).

Playwright's own browser is never downloaded (`playwright install` needs a host this machine
does not reach): Playwright drives the Chromium that `apt-get install -y chromium` installs.
"""

import contextlib

CHROMIUM = "/usr/bin/chromium"
NOT_FOUND = "chromium not found: install it with 'apt-get install -y chromium'"
# Headless Chromium as root in a closed network; without the networking flags it keeps trying
# to reach Google's services.
FLAGS = [
    "--no-sandbox",  # Chromium will not start as root with its sandbox on
    "--disable-gpu",  # no GPU to use: render in software
    "--disable-background-networking",  # no background requests (field trials, safe-browsing lists)
    "--disable-component-update",  # no downloads of updated browser components
    "--no-first-run",  # no first-run tasks for the new profile
    "--disable-sync",  # no sync with a Google account
    "--disable-quic",  # HTTP over TCP only, not QUIC (over UDP)
]


@contextlib.contextmanager
def headless_chromium():
    """Headless Chromium while the block runs; yields Playwright's browser."""
    # Imported here: Playwright is needed only where a page is opened.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()
