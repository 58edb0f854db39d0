"""Every `make <target>` that the docs, tools and messages tell a reader to run exists."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Where a command to run is written: the docs, the configuration, the tools and the
# package (error messages), the CI script. A command is written in backticks: `make book`.
TEXTS = [
    "README.md",
    "CONTRIBUTING.md",
    "Makefile",
    "_config.yml",
    "package.json",
    ".ci/run",
    "chapters/*.md",
    "tools/*.py",
    "_ext/*.py",
    "widgets/**/*.py",
]
COMMAND = re.compile(r"`make ([^`]*)`")


def makefile_targets(text: str) -> set[str]:
    """The targets a Makefile defines (rules, not variable assignments)."""
    targets = set()
    for match in re.finditer(r"^([A-Za-z0-9_.%/ -]+?)\s*::?(?!=)", text, flags=re.MULTILINE):
        targets.update(match.group(1).split())
    return targets


def named_targets(text: str) -> set[str]:
    """The targets of every `make ...` command in ``text`` (variables such as A=1 left out)."""
    return {word for command in COMMAND.findall(text) for word in command.split() if "=" not in word}


def test_every_make_command_in_the_docs_names_a_target():
    targets = makefile_targets((ROOT / "Makefile").read_text(encoding="utf-8"))
    unknown = sorted(
        f"{path.relative_to(ROOT)}: `make {name}`"
        for pattern in TEXTS
        for path in ROOT.glob(pattern)
        for name in named_targets(path.read_text(encoding="utf-8")) - targets
    )
    assert not unknown, "no such Makefile target:\n" + "\n".join(unknown)


def test_the_readers_of_the_check_agree_with_make():
    makefile = "X := 1\nbook: setup\n\tcmd\n$(VENV)/.installed: lock.txt\nclean test-unit:\n"
    assert makefile_targets(makefile) == {"book", "clean", "test-unit"}
    assert named_targets("Run `make clean book BUILD_ROOT=A`, not make assets, then `make test`.") == {
        "clean",
        "book",
        "test",
    }
