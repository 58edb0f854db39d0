"""widgets.chapters: each notebook imports its own chapter module and nothing deeper, and
every value its prose inserts is one the module glues, under the book's one key scheme."""

from __future__ import annotations

import importlib
import json
import re
from functools import cache
from pathlib import Path

import pytest

from widgets.chapters.common import KEY_PATTERN, check_keys

CHAPTERS = Path(__file__).resolve().parents[3] / "chapters"
NOTEBOOKS = sorted(path for path in CHAPTERS.rglob("*.ipynb") if ".ipynb_checkpoints" not in path.parts)
# A glue role ({glue:text}`key:.0f`) or a glue directive (```{glue:md} key).
GLUE_REFERENCE = re.compile(r"\{glue:[a-z]*\}(?:`([^`:]+)(?::[^`]*)?`|[ \t]+([^\s`]+))")
# A self-check's numeric answer taken from a glued value: `answer: {glue: key}`.
GLUE_ANSWER = re.compile(r"\{glue:\s+([^\s}`]+)\s*\}")
COLAB_CELL_ID = "colab-install"
IMPORT = re.compile(r"^\s*(?:from\s+(\S+)\s+import\s+(.+)|import\s+(\S+))", re.MULTILINE)


def module_name(notebook: Path) -> str:
    """``07_resistance.ipynb`` -> ``widgets.chapters.resistance``; a case page
    ``cases/02_etp_all_after_transplant.ipynb`` -> ``widgets.chapters.cases.etp_all_after_transplant``."""
    folders = notebook.relative_to(CHAPTERS).parent.parts
    return ".".join(["widgets", "chapters", *folders, re.sub(r"^\d\d_", "", notebook.stem)])


def cells(notebook: Path, kind: str) -> list[dict]:
    return [cell for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"] if cell["cell_type"] == kind]


def glue_references(notebook: Path) -> set[str]:
    """Keys referenced by ``{glue:...}`` in the markdown cells and in figure captions and alt texts."""
    texts = ["".join(cell["source"]) for cell in cells(notebook, "markdown")]
    for cell in cells(notebook, "code"):
        meta = cell["metadata"].get("mystnb", {})
        texts += [str(meta.get("figure", {}).get("caption", "")), str(meta.get("image", {}).get("alt", ""))]
    return {match.group(1) or match.group(2) for text in texts for match in GLUE_REFERENCE.finditer(text)} | {
        match.group(1) for text in texts for match in GLUE_ANSWER.finditer(text)
    }


@cache
def numbers_of(notebook: Path) -> dict:
    """The chapter module's glued values; a page without code has no module and glues nothing."""
    if not cells(notebook, "code"):
        return {}
    return dict(importlib.import_module(module_name(notebook)).numbers())


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.relative_to(CHAPTERS).as_posix())
def test_a_notebook_imports_only_its_chapter_module(notebook):
    expected = module_name(notebook)
    for cell in cells(notebook, "code"):
        if cell.get("id") == COLAB_CELL_ID:  # tools/colab_cell.py: installs the package in Colab only
            continue
        for match in IMPORT.finditer("".join(cell["source"])):
            imported, names, plain = match.groups()
            if plain:
                pytest.fail(f"{notebook.name}: 'import {plain}': a notebook imports only {expected}")
            parent = expected.rpartition(".")
            ok = (imported == expected) or (
                imported == parent[0] and parent[2] in [n.strip().split(" as ")[0] for n in names.split(",")]
            )
            assert ok, f"{notebook.name}: 'from {imported} import {names.strip()}': import only {expected}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.relative_to(CHAPTERS).as_posix())
def test_every_glued_reference_is_glued_by_the_chapter_module(notebook):
    glued = numbers_of(notebook)
    missing = sorted(glue_references(notebook) - set(glued))
    assert not missing, f"{notebook.name} refers to keys its chapter module does not glue: {missing}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.relative_to(CHAPTERS).as_posix())
def test_glue_keys_follow_the_one_scheme(notebook):
    bad = sorted(key for key in numbers_of(notebook) if not KEY_PATTERN.fullmatch(key))
    assert not bad, f"{notebook.name}: keys outside the scheme: {bad}"


def test_the_key_check_names_the_bad_key():
    with pytest.raises(ValueError, match="'x-mcl1-4'"):
        check_keys({"guide.sensitive_below": "24 nM", "x-mcl1-4": "1 nM"})
