"""The case notebooks as committed: each imports only its case module
(``chapters/cases/NN_slug.ipynb`` -> ``widgets.chapters.cases.slug``), every glued value it
refers to (in prose, questions and numeric answers) is glued by that module under the book's
key scheme, cells stay short and no outputs are stored."""

from __future__ import annotations

import importlib
import json
import re
from functools import cache
from pathlib import Path

import pytest

from widgets.chapters.common import KEY_PATTERN

CASES = sorted((Path(__file__).resolve().parents[4] / "chapters" / "cases").glob("[0-9][0-9]_*.ipynb"))
GLUE_REFERENCE = re.compile(r"\{glue:[a-z]*\}`([^`:]+)(?::[^`]*)?`")
GLUE_ANSWER = re.compile(r"\{glue:\s+([^\s}`]+)\s*\}")
IMPORT = re.compile(r"^\s*(?:from\s+(\S+)\s+import\s+(.+)|import\s+(\S+))", re.MULTILINE)
MAX_CELL_LINES = 8


def module_name(notebook: Path) -> str:
    return "widgets.chapters.cases." + re.sub(r"^\d\d_", "", notebook.stem)


def cells(notebook: Path, kind: str) -> list[dict]:
    return [cell for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"] if cell["cell_type"] == kind]


def references(notebook: Path) -> set[str]:
    texts = ["".join(cell["source"]) for cell in cells(notebook, "markdown")]
    return ({match.group(1) for text in texts for match in GLUE_REFERENCE.finditer(text)}
            | {match.group(1) for text in texts for match in GLUE_ANSWER.finditer(text)})


@cache
def glued(notebook: Path) -> dict:
    return dict(importlib.import_module(module_name(notebook)).numbers())


def test_there_are_case_notebooks():
    assert len(CASES) >= 5


@pytest.mark.parametrize("notebook", CASES, ids=lambda path: path.name)
def test_a_case_imports_only_its_module(notebook):
    package, _, name = module_name(notebook).rpartition(".")
    imports = [match.groups() for cell in cells(notebook, "code") for match in IMPORT.finditer("".join(cell["source"]))]
    assert imports, f"{notebook.name}: no setup cell importing {module_name(notebook)}"
    for imported, names, plain in imports:
        assert not plain, f"{notebook.name}: 'import {plain}'"
        assert imported == package and names.strip() == f"{name} as page", (
            f"{notebook.name}: 'from {imported} import {names.strip()}': import only `from {package} import {name} as page`")


@pytest.mark.parametrize("notebook", CASES, ids=lambda path: path.name)
def test_every_glued_reference_is_glued_by_the_case_module(notebook):
    missing = sorted(references(notebook) - set(glued(notebook)))
    assert not missing, f"{notebook.name} refers to keys its module does not glue: {missing}"


@pytest.mark.parametrize("notebook", CASES, ids=lambda path: path.name)
def test_glued_values_are_text_under_the_key_scheme(notebook):
    values = glued(notebook)
    assert not sorted(key for key in values if not KEY_PATTERN.fullmatch(key))
    assert all(isinstance(value, str) and value for value in values.values())


@pytest.mark.parametrize("notebook", CASES, ids=lambda path: path.name)
def test_case_cells_are_short_calls_without_outputs(notebook):
    for index, cell in enumerate(cells(notebook, "code")):
        lines = [line for line in "".join(cell["source"]).splitlines() if line.strip() and not line.startswith("#")]
        assert len(lines) <= MAX_CELL_LINES, f"{notebook.name}: code cell {index} has {len(lines)} lines"
        assert cell["outputs"] == [] and cell["execution_count"] is None, f"{notebook.name}: code cell {index} has outputs"
        assert all(line.startswith(("from widgets.chapters.cases import", "page.")) for line in lines)


@pytest.mark.parametrize("notebook", CASES, ids=lambda path: path.name)
def test_the_notebook_is_written_in_the_house_format(notebook):
    text = notebook.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=1, ensure_ascii=False) + "\n"
    assert "widgets" not in json.loads(text)["metadata"]
