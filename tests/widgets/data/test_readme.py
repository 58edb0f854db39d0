"""data/README.md, the book's one data dictionary, agrees with the schemas the loaders read with.

The schemas (``widgets.data.schema.Column`` lists) are the truth. Every loader of
``widgets.data`` is called with ``read_table`` watched, so the test knows which columns each
file is actually read with; then each file's column table in data/README.md must list the
same columns, in the same order, with the same type and the same "optional".
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import widgets.data
from widgets.data import schema

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"
README = DATA / "README.md"
TABLE_HEADER = "| column | type | allowed values, meaning |"
# The README's type words -> the schema's kind. A "list" is a `;`-separated list of
# categories, read as text and checked by the file's loader.
KINDS = {
    "text": "text",
    "list": "text",
    "whole number": "int",
    "decimal": "float",
    "category": "category",
    "bibkeys": "bibkeys",
}
TYPE_WORDS = {"text": "text", "int": "whole number", "float": "decimal", "category": "category", "bibkeys": "bibkeys"}


def readme_sections(text: str) -> dict[str, str]:
    """File name -> the text of its ``## `name` `` section."""
    parts = re.split(r"^## `([^`]+)`[ \t]*$", text, flags=re.MULTILINE)
    return {name: body.split("\n## ", 1)[0] for name, body in zip(parts[1::2], parts[2::2])}


def column_table(section: str) -> list[tuple[str, str, bool]]:
    """(name, kind, required) for each column of a section's column table, in order."""
    lines = section.splitlines()
    if TABLE_HEADER not in lines:
        return []
    rows = []
    for line in lines[lines.index(TABLE_HEADER) + 2 :]:
        if not line.startswith("|"):
            break
        names_cell, type_cell = (cell.strip() for cell in line.strip("|").split("|")[:2])
        words = [word.strip() for word in type_cell.split(",")]
        optional = words[-1] == "optional"
        kind_word = ", ".join(words[:-1] if optional else words)
        kind = KINDS.get(kind_word) or KINDS.get(kind_word.removesuffix("s"), f"unknown type {kind_word!r}")
        rows.extend((name, kind, not optional) for name in re.findall(r"`([^`]+)`", names_cell))
    return rows


def describe(name: str, kind: str, required: bool) -> str:
    return f"`{name}` ({TYPE_WORDS.get(kind, kind)}{'' if required else ', optional'})"


def loaders():
    """Every public ``load_*`` function defined in a module of ``widgets.data``."""
    for info in pkgutil.iter_modules(widgets.data.__path__, "widgets.data."):
        module = importlib.import_module(info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("load_") and function.__module__ == module.__name__:
                yield f"{module.__name__}.{name}", module, function


@pytest.fixture(scope="module")
def schemas():
    """File name -> (the columns it is read with, the loaders that read it)."""
    read = {}
    original = schema.read_table

    def watched(path, columns):
        read.setdefault(Path(path).name, (columns, set()))[1].add(current)
        return original(path, columns)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(schema, "read_table", watched)
        for name, module, function in loaders():
            for attribute, value in list(vars(module).items()):
                if value is original:
                    patch.setattr(module, attribute, watched)
            current = name
            function()
    return read


README_TEXT = README.read_text(encoding="utf-8")
SECTIONS = readme_sections(README_TEXT)
CSV_FILES = sorted(path.name for path in DATA.glob("*.csv"))


def test_every_csv_file_has_a_readme_section_and_every_section_a_file():
    assert sorted(name for name in SECTIONS if name.endswith(".csv")) == CSV_FILES


def test_every_csv_file_is_read_by_a_loader(schemas):
    assert sorted(schemas) == CSV_FILES, "a data file no loader reads, or a loader reading a file not in data/"


@pytest.mark.parametrize("file_name", CSV_FILES)
def test_readme_column_table_matches_the_schema(schemas, file_name):
    columns, _ = schemas[file_name]
    truth = [(column.name, column.kind, column.required) for column in columns]
    documented = column_table(SECTIONS.get(file_name, ""))
    assert documented, f"data/README.md, `{file_name}`: no column table (a table headed {TABLE_HEADER!r})"
    problems = []
    for position, (expected, found) in enumerate(zip(truth, documented), start=1):
        if expected != found:
            problems.append(f"column {position}: the schema has {describe(*expected)}, the README {describe(*found)}")
    for name, kind, required in truth[len(documented) :]:
        problems.append(f"column {describe(name, kind, required)} is missing from the README")
    for name, kind, required in documented[len(truth) :]:
        problems.append(f"column {describe(name, kind, required)} is in the README but not in the schema")
    assert not problems, f"data/README.md, `{file_name}`:\n" + "\n".join(problems)


@pytest.mark.parametrize("file_name", CSV_FILES)
def test_every_allowed_category_is_documented_in_the_file_section(schemas, file_name):
    columns, _ = schemas[file_name]
    section = SECTIONS.get(file_name, "")
    # "as in `other.csv`" documents the values once, in the other file's section.
    section += "".join(SECTIONS.get(other, "") for other in re.findall(r"as in `([^`]+)`", section))
    missing = [
        f"column `{column.name}`: `{value}`"
        for column in columns
        if column.kind == "category"
        for value in column.categories
        if f"`{value}`" not in section
    ]
    assert not missing, f"data/README.md, `{file_name}`: allowed values not documented:\n" + "\n".join(missing)


@pytest.mark.parametrize("file_name", CSV_FILES)
def test_the_named_loader_reads_the_file(schemas, file_name):
    match = re.search(r"Loader:\s+`([\w.]+)\(\)`", SECTIONS.get(file_name, ""))
    assert match, f"data/README.md, `{file_name}`: no 'Loader: `widgets.data.<module>.<function>()`'"
    _, readers = schemas[file_name]
    assert match.group(1) in readers, (
        f"data/README.md, `{file_name}`: names the loader {match.group(1)}, "
        f"but the file is read by {', '.join(sorted(readers))}"
    )


@pytest.mark.parametrize("reference", sorted(set(re.findall(r"`(widgets(?:\.\w+)+)(?:\(\))?`", README_TEXT))))
def test_every_python_name_in_the_readme_exists(reference):
    """A module (``widgets.model.calibration``) or a name in one (``widgets.data.trials.load_studies``)."""
    if _is_module(reference):
        return
    module_name, _, attribute = reference.rpartition(".")
    module = importlib.import_module(module_name)
    assert hasattr(module, attribute), f"data/README.md names {reference}, which does not exist"


def _is_module(reference: str) -> bool:
    try:
        return importlib.util.find_spec(reference) is not None
    except ModuleNotFoundError:
        return False


def test_the_table_reader_reports_a_difference():
    """The parser reads what a maintainer writes: several names per row, plural types, "optional"."""
    section = (
        f"Loader: `x()`.\n\n{TABLE_HEADER}\n|---|---|---|\n| `a`, `b` | whole numbers, optional | counts |\n"
        "| `c` | list | kinds |\n| `d` | date | when |\n\nAfter the table.\n"
    )
    assert column_table(section) == [
        ("a", "int", False),
        ("b", "int", False),
        ("c", "text", True),
        ("d", "unknown type 'date'", True),
    ]
    assert readme_sections("# Title\n\n## `a.csv`\n\nrows\n\n## Other\n\ntext\n") == {"a.csv": "\n\nrows\n"}
