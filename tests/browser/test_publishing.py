"""What publishing adds to the built site: repository and launch buttons that point at the
configured repository (or no such buttons), the downloads the front page offers, and pages
that work opened from disk, as a reader of the offline copy opens them.

Run on the site and, by `make test-offline`, on the unzipped offline copy.
"""

import io
import os
import sys
import zipfile
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import yaml

from tests.browser.conftest import ROOT, SITE, VIEWPORTS, PageWatch, site_pages
from tests.tools.test_entry_points import load_tool

# The repository is read as the book's build reads it (_ext is not a package).
sys.path.insert(0, str(ROOT / "_ext"))
from book_extension import REPOSITORY_ENV, repository_url

pytestmark = pytest.mark.browser

PAGES = site_pages()
# The repository the Makefile passed to the build (tests run from the same make call).
REPOSITORY = repository_url(os.environ.get(REPOSITORY_ENV))
# The repository that _config.yml used to name, which does not exist.
PLACEHOLDER = "github.com/venetoclax-all-book/venetoclax-all-book"
# sphinx-book-theme's buttons, by their titles, and whether every page or only notebook pages have them.
REPOSITORY_BUTTONS = {
    "Source repository": "every page",
    "Open an issue": "every page",
    "Launch on Binder": "notebooks",
    "Launch on Colab": "notebooks",
}
NOTEBOOK_PAGES = [page for page in PAGES if (SITE / "_sources" / page).with_suffix(".ipynb").is_file()]


class _Buttons(HTMLParser):
    def __init__(self):
        super().__init__()
        self.buttons = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("title") in REPOSITORY_BUTTONS:
            self.buttons[attributes["title"]] = attributes.get("href", "")


def buttons(page_path: str) -> dict[str, str]:
    parser = _Buttons()
    parser.feed((SITE / page_path).read_text(encoding="utf-8"))
    return parser.buttons


def test_no_file_of_the_site_names_the_placeholder_repository():
    if REPOSITORY and PLACEHOLDER in REPOSITORY:
        pytest.skip("the configured repository is the one that used to be a placeholder")
    text_files = [path for path in SITE.rglob("*") if path.suffix in {".html", ".js", ".ipynb", ".txt", ".md"}]
    named = [
        path.relative_to(SITE).as_posix() for path in text_files if PLACEHOLDER in path.read_text("utf-8", "replace")
    ]
    assert named == [], f"pages that link to {PLACEHOLDER}: {named}"


@pytest.mark.parametrize("page_path", PAGES)
def test_repository_and_launch_buttons_point_at_the_configured_repository(page_path):
    found = buttons(page_path)
    if REPOSITORY is None:
        assert found == {}, f"{page_path}: {REPOSITORY_ENV} is not set, but the page has buttons {found}"
        return
    expected = {
        title for title, where in REPOSITORY_BUTTONS.items() if where == "every page" or page_path in NOTEBOOK_PAGES
    }
    if not REPOSITORY.startswith("https://github.com/"):
        expected.discard("Launch on Colab")  # Colab opens notebooks from GitHub only
    assert set(found) == expected, f"{page_path}: buttons {sorted(found)}, expected {sorted(expected)}"
    owner_name = urlsplit(REPOSITORY).path.strip("/")
    wrong = {title: href for title, href in found.items() if f"/{owner_name}/" not in f"{urlsplit(href).path}/"}
    assert wrong == {}, f"{page_path}: buttons that do not name {owner_name}: {wrong}"


def test_the_pdf_the_front_page_offers_has_every_page_of_the_toc_on_its_contents_page():
    from pypdf import PdfReader

    pdf = PdfReader(SITE / "downloads" / "venetoclax-all-book.pdf")
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    order = load_tool("book_pdf").page_order(toc)
    pages = [
        item
        for entry in pdf.outline
        for item in (entry if isinstance(entry, list) else [entry])
        if item.title not in {page.part for page in order}
    ]
    assert pages[0].title == "Contents" and len(pages) == len(order) + 1
    contents = " ".join(pdf.pages[0].extract_text().split())
    for item in pages[1:]:
        number = pdf.get_destination_page_number(item) + 1
        assert f"{' '.join(item.title.split())} {number}" in contents, f"{item.title!r}, page {number}, not listed"


def test_the_offline_copy_the_front_page_offers_unzips_to_the_site():
    archive = SITE / "downloads" / "venetoclax-all-book-site.zip"
    if not archive.is_file():
        assert 'href="downloads/venetoclax-all-book-site.zip"' not in (SITE / "index.html").read_text(encoding="utf-8")
        return  # the offline copy itself, which cannot hold its own zip
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as copy:
        names = set(copy.namelist())
    expected = {f"venetoclax-all-book/{page}" for page in PAGES}
    assert expected <= names, f"pages missing from the zip: {sorted(expected - names)[:5]}"


@pytest.mark.parametrize("page_path", ["index.html", NOTEBOOK_PAGES[0] if NOTEBOOK_PAGES else "index.html"])
def test_a_page_opened_from_disk_works(browser, page_path):
    """As a reader opens the offline copy: file://, no server."""
    watch = PageWatch(browser, SITE.as_uri(), VIEWPORTS["phone"])
    try:
        page = watch.open(page_path)  # waits until every widget has rendered
        assert page.locator("main h1:visible").count() == 1, "one title shows: the page's styles loaded"
        assert watch.problems == [], f"{page_path} from disk: " + "; ".join(watch.problems)
    finally:
        watch.close()
