"""The `data-files` list (_ext/data_files.py) and the book's "Data files" page."""

import re
import shutil
from pathlib import Path

from data_files import csv_shape, human_size, listing, readme_descriptions

from tests.ext.conftest import ROOT

DATA = ROOT / "data"
PAGE = ROOT / "chapters" / "data_files.md"

README = """# About the data files (`README.md`)

Every figure comes from a file here. See [the book](https://example.org) for more.

## `a.csv`

| column | meaning |
|---|---|
Rows of A, one per subtype. Loader: `widgets.a.load()`.

More text that is not the first paragraph.

### `b.csv` and `c.csv`

Shared description of **b** and c.
"""


def test_readme_descriptions_take_the_first_paragraph_under_the_heading(tmp_path):
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    found = readme_descriptions(tmp_path / "README.md")
    assert found["README.md"] == "Every figure comes from a file here. See the book for more."
    assert found["a.csv"] == "Rows of A, one per subtype. Loader: `widgets.a.load()`."
    assert found["b.csv"] == found["c.csv"] == "Shared description of **b** and c."
    assert readme_descriptions(tmp_path / "missing.md") == {}


def test_csv_shape_and_size(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text('a,b\n1,"two, with a comma"\n3,4\n', encoding="utf-8")
    assert csv_shape(path) == (2, ["a", "b"])
    assert human_size(900) == "900 bytes" and human_size(2048) == "2.0 kB"


def test_listing_skips_hidden_files(tmp_path):
    (tmp_path / "a.csv").write_text("x\n")
    (tmp_path / ".hidden").write_text("x\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.csv").write_text("x\n")
    assert [path.relative_to(tmp_path).as_posix() for path in listing(tmp_path)] == ["a.csv", "sub/b.csv"]


PAGE_SOURCE = "# Data\n\n```{data-files}\n```\n"


def test_every_file_of_a_folder_gets_a_download_link(build):
    files = {
        "index.md": PAGE_SOURCE,
        "data/README.md": README,
        "data/a.csv": "x,y\n1,2\n3,4\n",
        "data/b.csv": "only\n",
        "data/notes.txt": "free text\n",
    }
    built = build(files, extensions=("myst_parser", "data_files"), exclude_patterns=["data"])
    page = built.html("index")
    links = re.findall(r'<a class="reference download internal" download="" href="([^"]+)">', page)
    assert sorted(Path(link).name for link in links) == ["README.md", "a.csv", "b.csv", "notes.txt"]
    assert all((built.outdir / link).is_file() for link in links)
    assert "(CSV, 2 rows, 2 columns, 12 bytes)" in page
    assert "Rows of A, one per subtype." in page
    assert '<code class="docutils literal notranslate"><span class="pre">x</span></code>' in page


def test_the_book_page_lists_every_file_in_data(build, tmp_path):
    """The real data folder, as it is now: every file is linked from the page."""
    assert "```{data-files}" in PAGE.read_text(encoding="utf-8"), "chapters/data_files.md lost its data-files list"
    source = tmp_path / "source"
    shutil.copytree(DATA, source / "data")
    built = build({"index.md": PAGE_SOURCE}, extensions=("myst_parser", "data_files"), exclude_patterns=["data"])
    links = re.findall(r'download="" href="([^"]+)"', built.html("index"))
    expected = sorted(path.name for path in listing(DATA))
    assert "README.md" in expected
    assert sorted(Path(link).name for link in links) == expected
