"""tools/book_pdf.py: pages in _toc.yml order, contents page numbers, and a small site
printed by Chromium into one numbered PDF."""

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.tools.test_entry_points import ROOT, load_tool

book_pdf = load_tool("book_pdf")


def test_pages_follow_the_toc_root_parts_chapters_then_sections():
    toc = {
        "format": "jb-book",
        "root": "index",
        "parts": [
            {
                "caption": "One",
                "chapters": [{"file": "a"}, {"file": "b", "sections": [{"file": "b1"}, {"url": "https://x.org"}]}],
            },
            {
                "caption": "Two",
                "chapters": [{"file": "c", "sections": [{"file": "c1", "sections": [{"file": "c11"}]}]}],
            },
        ],
    }
    assert [(page.docname, page.part) for page in book_pdf.page_order(toc)] == [
        ("index", None),
        ("a", "One"),
        ("b", "One"),
        ("b1", "One"),
        ("c", "Two"),
        ("c1", "Two"),
        ("c11", "Two"),
    ]


def test_a_toc_without_parts_lists_its_chapters():
    toc = {"root": "intro", "chapters": [{"file": "x"}, {"file": "y"}]}
    assert [page.docname for page in book_pdf.page_order(toc)] == ["intro", "x", "y"]


def test_the_books_toc_gives_every_listed_page_once_root_first():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = re.findall(r"^\s*- file: (\S+)", (ROOT / "_toc.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert [page.docname for page in book_pdf.page_order(toc)] == [toc["root"]] + files
    assert {page.part for page in book_pdf.page_order(toc)[1:]} == {part["caption"] for part in toc["parts"]}


def test_a_glob_entry_is_refused():
    with pytest.raises(ValueError, match="glob"):
        book_pdf.page_order({"root": "index", "chapters": [{"glob": "chapters/*"}]})


@pytest.mark.parametrize(
    "counts, contents, starts",
    [
        ([3, 1, 2], 1, [2, 5, 6]),
        ([3, 1, 2], 2, [3, 6, 7]),
        ([1], 1, [2]),
    ],
)
def test_each_page_starts_after_the_contents_and_the_pages_before_it(counts, contents, starts):
    assert book_pdf.start_pages(counts, contents) == starts


@pytest.mark.parametrize("counts, contents", [([2, 0], 1), ([1], 0)])
def test_an_empty_print_is_refused(counts, contents):
    with pytest.raises(ValueError, match="at least one sheet"):
        book_pdf.start_pages(counts, contents)


class _Contents(HTMLParser):
    """The contents page as (kind, text) in reading order: part headings and lines."""

    def __init__(self):
        super().__init__()
        self.items, self._tag, self._line = [], None, []

    def handle_starttag(self, tag, attrs):
        self._tag = tag
        if tag == "li":
            self._line = []

    def handle_endtag(self, tag):
        if tag == "li":
            self.items.append(("line", tuple(self._line)))
        self._tag = None

    def handle_data(self, data):
        if self._tag == "h3":
            self.items.append(("part", data))
        elif self._tag == "span" and data.strip():
            self._line.append(data)


def test_the_contents_page_lists_titles_and_numbers_under_their_parts():
    entries = [
        (None, "Front page", 2),
        ("Biology & models", "BCL-2 <and> BIM", 3),
        ("Biology & models", "MCL-1", 9),
        ("Clinic", "Trials", 14),
    ]
    parser = _Contents()
    parser.feed(book_pdf.contents_html("A <book>", "Its authors", entries))
    assert parser.items == [
        ("line", ("Front page", "2")),
        ("part", "Biology & models"),
        ("line", ("BCL-2 <and> BIM", "3")),
        ("line", ("MCL-1", "9")),
        ("part", "Clinic"),
        ("line", ("Trials", "14")),
    ]


LONG_TEXT = "<p>" + "The sentence that fills the page. " * 400 + "</p>"
PAGES = {
    "index.html": "<html><head><title>Home</title></head><body><main><h1>The front<a class='headerlink'>#</a></h1>"
    "<p><a href='chapters/one.html'>Chapter one</a> and <a href='https://doi.org/10.1/x'>a DOI</a></p>"
    "</main></body></html>",
    "chapters/one.html": "<html><body><main><h1>Chapter one</h1>"
    + LONG_TEXT
    + "<div class='book-explorer'><div class='book-explorer-controls'>SLIDER-CONTROLS</div>"
    "<div class='book-explorer-views'>DEFAULT-VIEW</div></div></main></body></html>",
    "chapters/two.html": "<html><body><main><h1>Chapter two</h1><p>Short.</p></main></body></html>",
}
TOC = {
    "root": "index",
    "parts": [
        {"caption": "Part A", "chapters": [{"file": "chapters/one"}]},
        {"caption": "Part B", "chapters": [{"file": "chapters/two"}]},
    ],
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    if not Path(book_pdf.CHROMIUM).exists():
        pytest.fail("chromium not found: install it with `apt-get install -y chromium`.")
    from pypdf import PdfReader

    site = tmp_path_factory.mktemp("site")
    for name, text in PAGES.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return PdfReader(io.BytesIO(book_pdf.build_pdf(site, TOC, "A small book", "Its authors")))


def text_of(page) -> str:
    return " ".join(page.extract_text().split())


def test_the_pdf_is_contents_then_every_page_in_order_with_its_number(printed):
    texts = [text_of(page) for page in printed.pages]
    total = len(texts)
    one = [index for index, text in enumerate(texts) if "The sentence" in text]
    assert len(one) >= 2, "chapter one's long text takes several sheets"
    assert "The front" in texts[1] and "Chapter two" in texts[-1]
    assert one == list(range(2, 2 + len(one)))
    contents = texts[0]
    assert re.search(r"The front\s*2\b", contents) and re.search(r"Chapter one\s*3\b", contents)
    assert re.search(rf"Chapter two\s*{total}\b", contents)
    assert contents.index("Part A") < contents.index("Chapter one") < contents.index("Part B")
    for number, text in enumerate(texts, start=1):
        assert re.search(rf"A small book\s*{number} / {total}$", text), f"sheet {number}'s footer: {text[-60:]!r}"


def test_explorers_print_their_default_view_and_the_note(printed):
    text = " ".join(text_of(page) for page in printed.pages)
    assert "DEFAULT-VIEW" in text and "SLIDER-CONTROLS" not in text
    assert " ".join(book_pdf.EXPLORER_NOTE.split()) in text


def test_links_within_the_site_are_dropped_and_others_kept(printed):
    targets = [
        annotation.get_object().get("/A", {}).get("/URI")
        for page in printed.pages
        for annotation in page.get("/Annots", [])
    ]
    assert "https://doi.org/10.1/x" in targets
    assert not [target for target in targets if target and "127.0.0.1" in target], targets


def test_bookmarks_follow_the_parts(printed):
    outline = [
        (item.title if not isinstance(item, list) else [child.title for child in item]) for item in printed.outline
    ]
    assert outline == ["Contents", "The front", "Part A", ["Chapter one"], "Part B", ["Chapter two"]]
    assert printed.metadata.title == "A small book"
