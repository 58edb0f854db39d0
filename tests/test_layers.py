"""The package's layers import one way: stats -> data -> pharmacokinetics -> model ->
presentation -> explorers -> chapters.

A module may import from its own layer and from earlier layers, never from a later one.
``stats`` (intervals of proportions) is plain arithmetic that the data layer uses for the
trials' derived columns; ``widgets.model`` imports ``widgets.pharmacokinetics`` for the IC50
reading guide, which is derived from the label's free-drug peak. Every import counts,
including one inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.files import write_files

PACKAGE = Path(__file__).resolve().parent.parent / "widgets"
# Layer -> rank, in the order data flows.
RANKS = {"stats": 0, "data": 1, "pharmacokinetics": 2, "model": 3, "presentation": 4, "explorers": 5, "chapters": 6}


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(tree: ast.AST, name: str, is_package: bool):
    """(line, absolute module name) of every import in ``tree``; ``from a import b`` gives ``a.b``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")[: len(name.split(".")) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def layer_of(module: str) -> str | None:
    """The layer of ``widgets.<layer>...``; None for ``widgets`` itself and other packages."""
    parts = module.split(".")
    return parts[1] if parts[0] == "widgets" and len(parts) > 1 else None


def violations(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        name = module_name(path, package)
        own = layer_of(name)
        where = path.relative_to(package.parent)
        if own is None:
            continue
        if own not in RANKS:
            found.append(f"{where}: {own} is in no layer (add it to RANKS in tests/test_layers.py)")
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, target in imported_modules(tree, name, path.name == "__init__.py"):
            other = layer_of(target)
            if other is None or other == own:
                continue
            if other not in RANKS:
                found.append(f"{where}:{line} ({own}) imports {target}, which is in no layer")
            elif RANKS[other] > RANKS[own]:
                found.append(f"{where}:{line} ({own}) imports {target} ({other}), a layer that comes later")
    return found


def test_every_layer_imports_only_from_itself_and_earlier_layers():
    problems = violations(PACKAGE)
    assert not problems, "imports against the layer order:\n" + "\n".join(problems)


def test_the_check_finds_upward_sideways_and_relative_imports(tmp_path):
    package = tmp_path / "widgets"
    sources = {
        "__init__.py": "",
        "data/__init__.py": "",
        "data/loader.py": "from widgets.stats import proportion_interval\nfrom widgets.model import cells\n",
        "stats.py": "import widgets.pharmacokinetics.one_compartment\n",
        "model/__init__.py": "from widgets import pharmacokinetics, data\nfrom . import cells\n",
        "model/cells.py": "def later():\n    from ..presentation import text\n",
        "presentation/text.py": "from widgets.model import cells\nimport numpy\n",
        "extras.py": "",
    }
    write_files(package, sources)
    assert violations(package) == [
        "widgets/data/loader.py:2 (data) imports widgets.model.cells (model), a layer that comes later",
        "widgets/extras.py: extras is in no layer (add it to RANKS in tests/test_layers.py)",
        "widgets/model/cells.py:2 (model) imports widgets.presentation.text (presentation), a layer that comes later",
        "widgets/stats.py:1 (stats) imports widgets.pharmacokinetics.one_compartment (pharmacokinetics), "
        "a layer that comes later",
    ]
