"""tools/dist.py: the offline copy holds every file of the site under one folder, the
same site gives the same zip, and the copy's front page does not link to a file it lacks."""

import re
import zipfile

import pytest

from tests.files import write_files
from tests.tools.test_entry_points import ROOT, load_tool

dist = load_tool("dist")
FRONT_PAGE = (
    '<p>Download <a class="x" href="downloads/venetoclax-all-book-site.zip">the whole site</a> '
    'or <a href="downloads/venetoclax-all-book.pdf">the PDF</a>.</p>'
)


def make_site(folder):
    files = {
        "index.html": FRONT_PAGE,
        "chapters/one.html": "<p>One</p>",
        "_static/a.css": "p {}",
        "downloads/venetoclax-all-book.pdf": "%PDF-1.7",
        "downloads/venetoclax-all-book-site.zip": "an old zip",
    }
    return write_files(folder, files)


def test_the_front_link_to_the_zip_becomes_its_text_and_the_pdf_link_stays():
    assert dist.offline_front_page(FRONT_PAGE) == (
        '<p>Download the whole site or <a href="downloads/venetoclax-all-book.pdf">the PDF</a>.</p>'
    )


@pytest.mark.parametrize("front_page, found", [("<p>No links.</p>", 0), (FRONT_PAGE * 2, 2)])
def test_a_front_page_without_exactly_one_zip_link_is_an_error_naming_index_md(front_page, found):
    with pytest.raises(
        ValueError, match=rf"index.html: {found} links to downloads/venetoclax-all-book-site.zip.*index.md"
    ):
        dist.offline_front_page(front_page)


def test_the_zip_holds_every_file_but_itself_under_one_folder(tmp_path):
    site = make_site(tmp_path / "html")
    target = tmp_path / "dist" / "site.zip"
    dist.write_zip(site, target)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        front = archive.read("venetoclax-all-book/index.html").decode()
        assert archive.read("venetoclax-all-book/chapters/one.html") == (site / "chapters/one.html").read_bytes()
    assert sorted(names) == sorted(
        f"venetoclax-all-book/{name}"
        for name in ["index.html", "chapters/one.html", "_static/a.css", "downloads/venetoclax-all-book.pdf"]
    )
    assert front == dist.offline_front_page(FRONT_PAGE)


def test_the_same_site_gives_the_same_zip(tmp_path):
    site = make_site(tmp_path / "html")
    dist.write_zip(site, tmp_path / "first.zip")
    (site / "chapters/one.html").touch()  # a newer modification time only
    dist.write_zip(site, tmp_path / "second.zip")
    assert (tmp_path / "first.zip").read_bytes() == (tmp_path / "second.zip").read_bytes()


def test_without_the_pdf_the_tool_says_to_make_it(tmp_path, monkeypatch):
    site = make_site(tmp_path / "html")
    (site / "downloads/venetoclax-all-book.pdf").unlink()
    monkeypatch.setattr(dist, "SITE", site)
    with pytest.raises(SystemExit, match="run `make pdf` first"):
        dist.main()


def test_the_front_page_links_to_both_downloads():
    hrefs = re.findall(r'href="([^"]+)"', (ROOT / "index.md").read_text(encoding="utf-8"))
    assert dist.ZIP_IN_SITE in hrefs and dist.PDF_IN_SITE in hrefs
    assert dist.PDF_IN_SITE == f"{dist.DOWNLOADS}/{load_tool('book_pdf').PDF_NAME}"
