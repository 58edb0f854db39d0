"""The chapter notebooks as committed: clean, complete, accessible, in the table of contents."""

import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(path for path in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in path.parts)
PAGES = NOTEBOOKS + sorted((ROOT / "chapters").rglob("*.md"))
CHECKED = "# NBVAL_CHECK_OUTPUT"


def code_cells(path):
    return [cell for cell in json.loads(path.read_text(encoding="utf-8"))["cells"] if cell["cell_type"] == "code"]


def toc_files():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc["parts"]:
        files += [chapter["file"] for chapter in part["chapters"]]
    return files


def test_there_are_chapters():
    assert NOTEBOOKS, "no chapter notebooks found"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_is_committed_without_outputs(path):
    """Outputs are made by the build; only cells checked by nbval keep theirs."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    assert "widgets" not in notebook["metadata"], "saved widget state: clear outputs before committing"
    for index, cell in enumerate(code_cells(path)):
        source = "".join(cell["source"])
        assert cell["execution_count"] is None, f"code cell {index} has an execution count"
        if CHECKED not in source:
            assert cell["outputs"] == [], f"code cell {index} has stored outputs"
        else:
            assert cell["outputs"], f"code cell {index} is checked by nbval but has no stored output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_every_figure_has_caption_name_and_alt_text(path):
    for cell in code_cells(path):
        options = cell["metadata"].get("mystnb", {})
        if "figure" in options:
            assert options["figure"].get("caption", "").strip(), "figure without a caption"
            assert re.fullmatch(r"fig-[a-z0-9-]+", options["figure"].get("name", "")), "figure without a fig-* name"
            assert len(options.get("image", {}).get("alt", "")) >= 20, "figure without real alt text"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_cells_stay_short(path):
    """Logic belongs in widgets/: a chapter's code cell is a few lines of calls."""
    for index, cell in enumerate(code_cells(path)):
        lines = [line for line in "".join(cell["source"]).splitlines() if line.strip() and not line.startswith("#")]
        assert len(lines) <= 8, f"code cell {index} has {len(lines)} lines: move the logic into widgets/"


def test_every_page_is_in_the_table_of_contents_and_back():
    listed = set(toc_files())
    on_disk = {path.relative_to(ROOT).with_suffix("").as_posix() for path in PAGES} | {"index"}
    assert listed == on_disk
