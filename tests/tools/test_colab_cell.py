"""tools/colab_cell.py: the Colab install cell is inserted once, first, hidden on the site,
installs from the configured repository, and does nothing outside Colab."""

import json
import sys
import tomllib
import types

from IPython.core.inputtransformer2 import TransformerManager

from tests.tools.test_entry_points import ROOT, load_tool

colab_cell = load_tool("colab_cell")
REPOSITORY = "https://github.com/my-school/venetoclax-all-book"
CHAPTER = ROOT / "chapters" / "01_introduction.ipynb"


def chapter() -> dict:
    """A real chapter notebook, without any install cell."""
    notebook = json.loads(CHAPTER.read_text(encoding="utf-8"))
    return {**notebook, "cells": [cell for cell in notebook["cells"] if not colab_cell.is_install_cell(cell)]}


def run_cell(source: str, in_colab: bool, monkeypatch) -> list[tuple]:
    """Run the cell's code as IPython would; return the line magics it called."""
    calls = []
    shell = types.SimpleNamespace(run_line_magic=lambda name, line: calls.append((name, line)))
    if in_colab:
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    else:
        monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    exec(TransformerManager().transform_cell(source), {"get_ipython": lambda: shell})
    return calls


def test_inserting_twice_gives_one_cell_first_among_the_code_cells():
    original = chapter()
    once = colab_cell.with_install_cell(original, REPOSITORY)
    twice = colab_cell.with_install_cell(once, REPOSITORY)
    assert twice == once
    code = [cell for cell in twice["cells"] if cell["cell_type"] == "code"]
    assert colab_cell.is_install_cell(code[0])
    assert sum(colab_cell.is_install_cell(cell) for cell in twice["cells"]) == 1
    assert [cell for cell in twice["cells"] if not colab_cell.is_install_cell(cell)] == original["cells"]
    assert twice["cells"][0] == original["cells"][0], "the title stays the notebook's first cell"


def test_the_cell_is_hidden_on_the_site_and_has_no_outputs():
    cell = colab_cell.install_cell(REPOSITORY)
    assert cell["metadata"]["tags"] == ["remove-cell"]
    assert cell["outputs"] == [] and cell["execution_count"] is None


def test_a_new_repository_replaces_the_old_one():
    first = colab_cell.with_install_cell(chapter(), "https://github.com/a/book")
    second = colab_cell.with_install_cell(first, REPOSITORY)
    named = [colab_cell.named_repository(cell) for cell in second["cells"] if colab_cell.is_install_cell(cell)]
    assert named == [REPOSITORY]


def test_outside_colab_the_cell_does_nothing(monkeypatch):
    assert run_cell(colab_cell.cell_source(REPOSITORY), in_colab=False, monkeypatch=monkeypatch) == []


def test_in_colab_the_cell_installs_this_package_from_the_repository(monkeypatch):
    calls = run_cell(colab_cell.cell_source(REPOSITORY), in_colab=True, monkeypatch=monkeypatch)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"]
    assert calls == [("pip", f'install --quiet "{project} @ git+{REPOSITORY}"')]


def test_without_a_repository_the_cell_tells_a_colab_reader_how_to_install(monkeypatch, capsys):
    """A book published without BOOK_REPOSITORY names no made-up address: in Colab the cell
    says how to install the package; outside Colab it stays silent."""
    source = colab_cell.cell_source(None)
    assert "github.com/venetoclax-all-book" not in source
    assert run_cell(source, in_colab=False, monkeypatch=monkeypatch) == []
    assert capsys.readouterr().out == ""
    assert run_cell(source, in_colab=True, monkeypatch=monkeypatch) == []
    assert "names no repository" in capsys.readouterr().out
    notebook = colab_cell.with_install_cell(chapter(), None)
    assert colab_cell.problems(notebook) == []
    assert colab_cell.problems(notebook, REPOSITORY) == [f"the install cell installs from None, not {REPOSITORY}"]


def test_the_cell_keeps_the_chapters_cell_length_rule():
    lines = [
        line for line in colab_cell.cell_source(REPOSITORY).splitlines() if line.strip() and not line.startswith("#")
    ]
    assert len(lines) <= 8


def write_chapters(folder, notebooks):
    folder.mkdir()
    for name, notebook in notebooks.items():
        colab_cell.write(folder / name, notebook)


def test_the_tool_writes_the_configured_repository_into_every_notebook_with_code(tmp_path, monkeypatch):
    prose_only = {**chapter(), "cells": [cell for cell in chapter()["cells"] if cell["cell_type"] == "markdown"]}
    write_chapters(
        tmp_path / "chapters", {"01_a.ipynb": chapter(), "02_b.ipynb": chapter(), "glossary.ipynb": prose_only}
    )
    monkeypatch.setattr(colab_cell, "CHAPTERS", tmp_path / "chapters")
    before = (tmp_path / "chapters" / "glossary.ipynb").read_text(encoding="utf-8")

    assert colab_cell.main(["--repository", "my-school/venetoclax-all-book"]) == 0

    for name in ("01_a.ipynb", "02_b.ipynb"):
        text = (tmp_path / "chapters" / name).read_text(encoding="utf-8")
        notebook = json.loads(text)
        assert text == json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", "the house notebook format"
        assert colab_cell.problems(notebook, REPOSITORY) == []
    assert (tmp_path / "chapters" / "glossary.ipynb").read_text(encoding="utf-8") == before
    assert colab_cell.main(["--check", "--repository", REPOSITORY]) == 0
    assert colab_cell.main(["--check", "--repository", "other/book"]) == 1


def test_the_check_names_each_problem(tmp_path):
    good = colab_cell.with_install_cell(chapter(), REPOSITORY)
    edited = json.loads(json.dumps(good))
    next(cell for cell in edited["cells"] if colab_cell.is_install_cell(cell))["source"].append("\nprint(1)")
    moved = {
        **good,
        "cells": [cell for cell in good["cells"] if not colab_cell.is_install_cell(cell)]
        + [colab_cell.install_cell(REPOSITORY)],
    }
    other = colab_cell.with_install_cell(chapter(), "https://github.com/a/book")
    write_chapters(
        tmp_path / "chapters",
        {
            "missing.ipynb": chapter(),
            "edited.ipynb": edited,
            "moved.ipynb": moved,
            "good.ipynb": good,
            "other.ipynb": other,
        },
    )
    report = colab_cell.check(sorted((tmp_path / "chapters").glob("*.ipynb")))
    assert report == [
        "edited.ipynb: the install cell differs from the one this tool writes (tagged 'remove-cell')",
        "missing.ipynb: no install cell (id 'colab-install'): run `make colab-cells`",
        "moved.ipynb: the install cell is not the first code cell",
        f"the notebooks install from different repositories: {sorted(['https://github.com/a/book', REPOSITORY])}",
    ]


def test_without_a_repository_the_tool_writes_the_cell_that_names_none(tmp_path, monkeypatch):
    monkeypatch.delenv("BOOK_REPOSITORY", raising=False)
    write_chapters(tmp_path / "chapters", {"01_a.ipynb": chapter()})
    monkeypatch.setattr(colab_cell, "CHAPTERS", tmp_path / "chapters")
    assert colab_cell.main([]) == 0
    notebook = json.loads((tmp_path / "chapters" / "01_a.ipynb").read_text(encoding="utf-8"))
    installs = [cell for cell in notebook["cells"] if colab_cell.is_install_cell(cell)]
    assert "".join(installs[0]["source"]) == colab_cell.cell_source(None)


def test_every_chapter_notebook_has_the_install_cell():
    """The committed notebooks carry the cell (`make colab-cells`, with BOOK_REPOSITORY=owner/name
    for a published copy)."""
    report = colab_cell.check(colab_cell.chapter_notebooks())
    assert report == [], "\n".join(report)
