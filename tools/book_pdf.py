"""The whole book as one PDF, printed by Chromium: `make pdf` (after `make book`).

Every page of `_toc.yml`, in its order, is opened from the built site (served on
127.0.0.1) in Debian's Chromium, driven by Playwright for Python (no browser is
downloaded), and printed with the site's print stylesheet. Explorers print in their
default view, without their controls, followed by a line saying that the other views are
in the online and offline copies. Links within the site become plain text: in a PDF they
would point at the local server. pypdf then puts a contents page in front (every page's
title and page number, under its part), a page number in every footer, and bookmarks.

Writes `$BOOK_BUILD_DIR/dist/venetoclax-all-book.pdf` and a copy in the site at
`downloads/venetoclax-all-book.pdf`, which the front page links to.

Usage: python tools/book_pdf.py
"""

import contextlib
import functools
import html
import http.server
import io
import os
import shutil
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import yaml

# The repository's root, for tools.chromium: run as a script, sys.path starts at tools/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.chromium import CHROMIUM, NOT_FOUND, headless_chromium
from widgets.explorers.static_views import CONTROLS_CLASS, EXPLORER_CLASS

ROOT = Path(__file__).resolve().parent.parent
# The Makefile exports BOOK_BUILD_DIR (default: _build in the repository).
BUILD = Path(os.environ.get("BOOK_BUILD_DIR", ROOT / "_build"))
SITE = BUILD / "html"
PDF_NAME = "venetoclax-all-book.pdf"
TARGET = BUILD / "dist" / PDF_NAME
SITE_COPY = SITE / "downloads" / PDF_NAME

PAPER = {"format": "A4", "margin": {"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"}}
EXPLORER_NOTE = (
    "Explorer shown in its default view. Open this page in the online or offline copy "
    "of the book to move its controls and see the other views."
)


@dataclass(frozen=True)
class TocPage:
    """One page of the table of contents: its Sphinx document name and its part's caption."""

    docname: str
    part: str | None


def page_order(toc: dict) -> list[TocPage]:
    """The pages of a Jupyter Book `_toc.yml` (format jb-book) in reading order: the root,
    then each part's chapters, each followed by its sections. External `url` entries are
    not pages of the book and are left out."""
    if "glob" in yaml.safe_dump(toc):
        raise ValueError("_toc.yml: a `glob` entry has no order of its own; list its pages")
    pages = [TocPage(toc["root"], None)]

    def add(entries, part):
        for entry in entries or []:
            if "file" in entry:
                pages.append(TocPage(entry["file"], part))
            add(entry.get("sections"), part)

    if "parts" in toc:
        for part in toc["parts"]:
            add(part.get("chapters"), part.get("caption"))
    else:
        add(toc.get("chapters"), None)
    return pages


def start_pages(page_counts: list[int], contents_pages: int) -> list[int]:
    """The book page (counting from 1, the contents first) on which each printed page starts."""
    if contents_pages < 1 or any(count < 1 for count in page_counts):
        raise ValueError(f"every page prints on at least one sheet: contents {contents_pages}, pages {page_counts}")
    starts, next_page = [], contents_pages + 1
    for count in page_counts:
        starts.append(next_page)
        next_page += count
    return starts


PRINT_CSS = """
body { font-family: sans-serif; color: #222; }
h1 { font-size: 22pt; margin: 0 0 4pt; }
.author { color: #555; margin: 0 0 18pt; }
h2 { font-size: 15pt; margin: 0 0 8pt; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; color: #444; }
ol { list-style: none; margin: 0; padding: 0; }
li { display: flex; align-items: baseline; font-size: 10.5pt; margin: 3pt 0; }
.leader { flex: 1; border-bottom: 1px dotted #999; margin: 0 4pt; }
"""


def contents_html(title: str, author: str, entries: list[tuple[str | None, str, int]]) -> str:
    """The contents page: the book's title and author, then each (part, page title, page
    number) in order, under a heading for each part."""
    lines, part = [], object()
    for entry_part, page_title, page in entries:
        if entry_part != part:
            if lines:
                lines.append("</ol>")
            if entry_part:
                lines.append(f"<h3>{html.escape(entry_part)}</h3>")
            lines.append("<ol>")
            part = entry_part
        lines.append(
            f'<li><span>{html.escape(page_title)}</span><span class="leader"></span>'
            f'<span class="page">{page}</span></li>'
        )
    lines.append("</ol>")
    body = "\n".join(lines)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{PRINT_CSS}</style></head><body><h1>{html.escape(title)}</h1>"
        f'<p class="author">{html.escape(author)}</p><h2>Contents</h2>\n{body}\n</body></html>'
    )


def numbering_html(total: int) -> str:
    """A document of `total` empty sheets: printed with a footer, it gives the page numbers
    that are laid over the book's pages."""
    sheets = '<div style="break-after: page; height: 1px"></div>' * (total - 1) + '<div style="height: 1px"></div>'
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin: 0">{sheets}</body></html>'


def footer_template(title: str) -> str:
    """Chromium's footer: the book's title, then the page number and the page count."""
    return (
        '<div style="width: 100%; margin: 0 14mm; font: 8pt sans-serif; color: #555; display: flex;">'
        f'<span style="flex: 1">{html.escape(title)}</span>'
        '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
    )


READY_JS = """async () => {
    const views = [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')];
    while (!views.every(script => script.parentElement.querySelector('.jupyter-widgets'))) {
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    await document.fonts.ready;
    // Explorer views off screen wait to load until scrolled to (loading="lazy",
    // _ext/view_files.py): every image drawn on paper is loaded now.
    const drawn = [...document.images].filter(image => image.checkVisibility());
    drawn.forEach(image => { image.loading = 'eager'; });
    await Promise.all(drawn.filter(image => !image.complete)
        .map(image => new Promise(resolve => { image.onload = image.onerror = resolve; })));
}"""
PREPARE_JS = """([explorerClass, note]) => {
    document.querySelectorAll('a[href]').forEach(link => {
        if (link.origin === location.origin) link.removeAttribute('href');
    });
    document.querySelectorAll('.' + explorerClass).forEach(explorer => {
        const line = document.createElement('p');
        line.className = 'book-pdf-explorer-note';
        line.textContent = note;
        explorer.after(line);
    });
    const heading = document.querySelector('main h1') || document.querySelector('h1');
    if (!heading) return document.title;
    const copy = heading.cloneNode(true);
    copy.querySelectorAll('.headerlink').forEach(link => link.remove());
    return copy.textContent.trim();
}"""
PREPARE_CSS = (
    f".{CONTROLS_CLASS} {{ display: none !important; }}\n"
    ".book-pdf-explorer-note { font-style: italic; font-size: 0.9em; color: #444; }\n"
    "a:not([href]) { color: inherit !important; text-decoration: none !important; }"
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(site: Path):
    """The site served on 127.0.0.1 (a free port) while the block runs; yields its URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def print_page(page, url: str) -> tuple[str, bytes]:
    """Open one page of the site, prepare it for paper and print it: (its title, its PDF)."""
    page.goto(url, wait_until="load")
    page.evaluate(READY_JS)
    page.add_style_tag(content=PREPARE_CSS)
    title = page.evaluate(PREPARE_JS, [EXPLORER_CLASS, EXPLORER_NOTE])
    return title, page.pdf(print_background=True, **PAPER)


def print_html(page, document: str, **options) -> bytes:
    page.set_content(document, wait_until="load")
    return page.pdf(**PAPER, **options)


def merge(
    parts: list[bytes], numbers: bytes, outline: list[tuple[str | None, str, int]], title: str, author: str
) -> bytes:
    """One PDF of `parts` in order, each page stamped with its page of `numbers`, with a
    bookmark for every (part, page title, page number) of `outline`, grouped by part."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    stamps = PdfReader(io.BytesIO(numbers)).pages
    if len(stamps) != len(writer.pages):
        raise ValueError(f"{len(stamps)} page numbers for {len(writer.pages)} pages")
    for page, stamp in zip(writer.pages, stamps):
        page.merge_page(stamp)
    parents = {}
    for part, page_title, number in outline:
        if part and part not in parents:
            parents[part] = writer.add_outline_item(title=part, page_number=number - 1)
        writer.add_outline_item(title=page_title, page_number=number - 1, parent=parents.get(part))
    writer.add_metadata({"/Title": title, "/Author": author})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def build_pdf(site: Path, toc: dict, title: str, author: str) -> bytes:
    """The book's PDF from the built `site`, with the pages of `toc` in order."""
    pages = page_order(toc)
    missing = [page.docname for page in pages if not (site / f"{page.docname}.html").is_file()]
    if missing:
        raise SystemExit(f"{site} lacks {', '.join(missing)}: build the site first (`make book`)")
    with served(site) as url, headless_chromium() as browser:
        tab = browser.new_page()
        printed = [print_page(tab, f"{url}/{page.docname}.html") for page in pages]
        counts = [page_count(pdf) for _, pdf in printed]
        contents_pages, contents = 1, b""
        for _ in range(3):  # the contents' own length moves every number after it
            starts = start_pages(counts, contents_pages)
            entries = [(page.part, page_title, start) for page, (page_title, _), start in zip(pages, printed, starts)]
            contents = print_html(tab, contents_html(title, author, entries))
            if page_count(contents) == contents_pages:
                break
            contents_pages = page_count(contents)
        total = contents_pages + sum(counts)
        numbers = print_html(
            tab,
            numbering_html(total),
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=footer_template(title),
        )
    outline = [(None, "Contents", 1)] + entries
    return merge([contents] + [pdf for _, pdf in printed], numbers, outline, title, author)


def main() -> None:
    if not Path(CHROMIUM).exists():
        raise SystemExit(NOT_FOUND)
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pdf = build_pdf(SITE, toc, config["title"], config["author"])
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(pdf)
    SITE_COPY.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TARGET, SITE_COPY)
    print(
        f"{TARGET.relative_to(BUILD.parent) if TARGET.is_relative_to(BUILD.parent) else TARGET}: "
        f"{page_count(pdf)} pages, {len(pdf) / 1e6:.1f} MB (copied to {SITE_COPY.relative_to(SITE)} in the site)"
    )


if __name__ == "__main__":
    sys.exit(main())
