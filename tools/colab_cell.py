"""The first code cell of every chapter notebook: in Google Colab only, install the book.

Colab opens a single notebook from the repository, without the book's Python package, so
the chapter's `from widgets.chapters import ...` would fail there. The cell this tool
writes installs the package (its code and data files) with pip from the book's repository
when, and only when, the notebook runs in Colab (``"google.colab" in sys.modules``).
Anywhere else (the book build, nbval, a plain Jupyter or Binder with the package
installed) it does nothing. It is tagged ``remove-cell``, so the site does not show it.

The repository is the one the book's buttons use (``BOOK_REPOSITORY``, an ``owner/name``
or a URL; see _ext/book_extension.py), written into the cell as a constant.

Usage:
    python tools/colab_cell.py --repository owner/name   insert the cell, or update it
    python tools/colab_cell.py --check                   report notebooks whose cell is
                                                         missing, misplaced or different
(`make colab-cells` runs the first with the make variable BOOK_REPOSITORY.)
"""

import argparse
import json
import os
import re
import sys
from pathlib import Path

# The repository is read as the book's build reads it (_ext/book_extension.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))
from book_extension import REPOSITORY_ENV, repository_url

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"
CELL_ID = "colab-install"
TAG = "remove-cell"
PACKAGE = "venetoclax-all-book"
_INSTALL = re.compile(rf'%pip install --quiet "{PACKAGE} @ git\+(?P<url>[^"]+)"')


# What the cell says in Colab when the book was published without a repository
# (BOOK_REPOSITORY unset): where to get the package, instead of a made-up address. Written
# as ruff formats it, so that `make lint` and this tool agree on the cell.
NO_REPOSITORY_PRINT = (
    "    print(\n"
    '        "This copy of the book names no repository to install its package from: install it with"\n'
    f"        ' %pip install \"{PACKAGE} @ git+https://github.com/OWNER/NAME\", naming the'\n"
    '        " repository you opened this notebook from."\n'
    "    )"
)


def cell_source(repository: str | None) -> str:
    """The cell's code for ``repository`` (a URL, as ``repository_url`` gives it); with None
    (no repository configured) the cell tells a Colab reader how to install the package."""
    action = f'    %pip install --quiet "{PACKAGE} @ git+{repository}"' if repository else NO_REPOSITORY_PRINT
    return (
        "# In Google Colab only: Colab opens this notebook without the book's Python package,\n"
        "# so install it from the book's repository. Anywhere else this cell does nothing.\n"
        "import sys\n"
        "\n"
        'if "google.colab" in sys.modules:\n'
        f"{action}"
    )


def install_cell(repository: str | None) -> dict:
    """The cell as nbformat 4 JSON, without outputs."""
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": CELL_ID,
        "metadata": {"tags": [TAG]},
        "outputs": [],
        "source": cell_source(repository).splitlines(keepends=True),
    }


def is_install_cell(cell: dict) -> bool:
    return cell.get("id") == CELL_ID


def named_repository(cell: dict) -> str | None:
    """The repository URL an install cell installs from."""
    match = _INSTALL.search("".join(cell["source"]))
    return match.group("url") if match else None


def with_install_cell(notebook: dict, repository: str | None) -> dict:
    """``notebook`` with one install cell for ``repository`` as its first code cell (any
    earlier install cell replaced); the notebook's other cells are kept as they are."""
    cells = [cell for cell in notebook["cells"] if not is_install_cell(cell)]
    first_code = next((index for index, cell in enumerate(cells) if cell["cell_type"] == "code"), len(cells))
    return {**notebook, "cells": cells[:first_code] + [install_cell(repository)] + cells[first_code:]}


def problems(notebook: dict, repository: str | None = None) -> list[str]:
    """What is wrong with ``notebook``'s install cell; with ``repository``, it must name it."""
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    if not code:
        return []
    installs = [cell for cell in code if is_install_cell(cell)]
    if not installs:
        return [f"no install cell (id {CELL_ID!r}): run `make colab-cells`"]
    found = []
    if len(installs) > 1:
        found.append(f"{len(installs)} install cells; there must be one")
    if not is_install_cell(code[0]):
        found.append("the install cell is not the first code cell")
    cell, named = installs[0], named_repository(installs[0])
    if "".join(cell["source"]) != cell_source(named) or TAG not in cell["metadata"].get("tags", []):
        found.append(f"the install cell differs from the one this tool writes (tagged {TAG!r})")
    elif repository is not None and named != repository:
        found.append(f"the install cell installs from {named}, not {repository}")
    return found


def check(paths: list[Path], repository: str | None = None) -> list[str]:
    """Every problem of the notebooks at ``paths``, and a line if they name different repositories."""
    report, named = [], set()
    for path in paths:
        notebook = read(path)
        report += [f"{path.name}: {problem}" for problem in problems(notebook, repository)]
        named |= {named_repository(cell) for cell in notebook["cells"] if is_install_cell(cell)}
    if len(named - {None}) > 1:
        report.append(f"the notebooks install from different repositories: {sorted(named - {None})}")
    return report


def chapter_notebooks() -> list[Path]:
    """Every notebook under chapters/ (the cases in chapters/cases/ too)."""
    return sorted(path for path in CHAPTERS.rglob("*.ipynb") if ".ipynb_checkpoints" not in path.parts)


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def write(path: Path, notebook: dict) -> None:
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repository",
        default=os.environ.get(REPOSITORY_ENV),
        help=f"owner/name or URL of the book's repository (default: ${REPOSITORY_ENV})",
    )
    parser.add_argument("--check", action="store_true", help="only report, change nothing")
    arguments = parser.parse_args(argv)
    repository = repository_url(arguments.repository)
    if arguments.check:
        report = check(chapter_notebooks(), repository)
        print("\n".join(report) or "every chapter notebook has the Colab install cell")
        return 1 if report else 0
    for path in chapter_notebooks():
        notebook = read(path)
        if any(cell["cell_type"] == "code" for cell in notebook["cells"]):
            write(path, with_install_cell(notebook, repository))
    return 0


if __name__ == "__main__":
    sys.exit(main())
