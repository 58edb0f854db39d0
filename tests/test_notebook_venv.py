"""A downloaded chapter runs in a plain Jupyter that has only the book's package, and the
Binder environment installs the lock and the package.

The wheel is built and installed as tests/test_wheel.py does (offline, ``--no-deps``, into
a new environment outside the checkout). Unlike there, the new environment sees only the
third-party packages the notebook needs: the package's declared dependencies and ipykernel
to run it, with everything they require, linked one by one from the project's
environment. Jupyter Book, myst-nb and the checkout are out of its reach. The chapter then
runs in a kernel of that environment, from a folder outside the checkout, as a reader's
Jupyter runs it (not the static-site build).

By default one short chapter runs (chapters/01_introduction.ipynb), to keep `make test`
quick; ``BOOK_VENV_NOTEBOOKS=all`` runs every chapter notebook.
"""

from __future__ import annotations

import json
import os
import venv
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from tests.test_wheel import OFFLINE_PIP, PIP, PROJECT_SITE_PACKAGES, PYPROJECT, ROOT, run, wheel  # noqa: F401
from widgets.explorers.runtime import STATIC_SITE_ENV

pytestmark = pytest.mark.xdist_group("wheel")

CHAPTERS = ROOT / "chapters"
ALL_NOTEBOOKS = sorted(path for path in CHAPTERS.rglob("*.ipynb") if ".ipynb_checkpoints" not in path.parts)
NOTEBOOKS = ALL_NOTEBOOKS if os.environ.get("BOOK_VENV_NOTEBOOKS") == "all" else [CHAPTERS / "01_introduction.ipynb"]
# To run a notebook, Jupyter needs a kernel in the environment; the notebook itself
# imports only the book's package (tests/widgets/chapters/test_pages.py).
KERNEL = "ipykernel"
# Printed by a cell added at the end of the notebook: where the package was imported from.
WHERE = "import widgets, sys; print(widgets.__file__); print('myst_nb' in sys.modules)"


def needed_distributions(requirements: list[str]) -> set[str]:
    """The installed distributions that ``requirements`` need, with everything they require
    (markers evaluated for this machine, extras followed)."""
    needed, followed, pending = set(), set(), [(Requirement(text), "") for text in requirements]
    while pending:
        requirement, extra = pending.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        needed.add(name)
        for wanted in {"", *requirement.extras} - {followed_extra for dist, followed_extra in followed if dist == name}:
            followed.add((name, wanted))
            try:
                requires = distribution(name).requires or []
            except PackageNotFoundError:
                pytest.fail(f"{requirement.name}, needed to run a notebook, is not installed: run `make setup`")
            pending += [(Requirement(text), wanted) for text in requires]
    return needed


def link_distributions(names: set[str], target: Path) -> None:
    """Link each distribution's top-level files and folders (and its metadata) into ``target``."""
    target.mkdir()
    for name in sorted(names):
        files = distribution(name).files
        assert files is not None, f"{name} has no RECORD: cannot tell its files"
        for top in {Path(str(file)).parts[0] for file in files}:
            source = PROJECT_SITE_PACKAGES / top
            if top not in {"..", "__pycache__"} and source.exists() and not (target / top).exists():
                (target / top).symlink_to(source)


@pytest.fixture(scope="module")
def kernel_python(wheel, tmp_path_factory) -> Path:  # noqa: F811 (the wheel fixture of tests/test_wheel.py)
    """A new environment with the wheel and only the distributions a notebook needs."""
    home = tmp_path_factory.mktemp("notebook-venv")
    venv.create(home, with_pip=False)
    python = home / "bin" / "python"
    run([*PIP, "--python", str(python), "install", "--no-deps", str(wheel)], env={**os.environ, **OFFLINE_PIP})
    site_packages = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).strip())
    needs = tmp_path_factory.mktemp("needs") / "site-packages"
    link_distributions(needed_distributions([*PYPROJECT["project"]["dependencies"], KERNEL]), needs)
    (site_packages / "notebook_needs.pth").write_text(f"{needs}\n", encoding="utf-8")
    return python


@pytest.fixture(scope="module")
def kernel_name(kernel_python, tmp_path_factory) -> str:
    """A Jupyter kernel spec that starts the new environment's Python."""
    jupyter_path = tmp_path_factory.mktemp("jupyter")
    spec = jupyter_path / "kernels" / "book-wheel"
    spec.mkdir(parents=True)
    argv = [str(kernel_python), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "wheel", "language": "python"}))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(jupyter_path))
        for variable in (STATIC_SITE_ENV, "PYTHONPATH", "PYTHONHOME"):
            patch.delenv(variable, raising=False)
        yield "book-wheel"


def test_only_the_notebooks_needs_are_linked():
    needed = needed_distributions([*PYPROJECT["project"]["dependencies"], KERNEL])
    assert {"numpy", "ipywidgets", "ipykernel", "jupyter-client"} <= needed
    assert not {"jupyter-book", "myst-nb", "sphinx", "pytest", "nbval"} & needed


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_a_chapter_runs_with_only_the_package_installed(path, kernel_name, kernel_python, tmp_path):
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(WHERE))
    # A cell that raises stops the run with its traceback (CellExecutionError).
    NotebookClient(
        notebook, kernel_name=kernel_name, timeout=600, resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    printed = "".join(output.get("text", "") for output in notebook.cells[-1].outputs).split()
    assert Path(printed[0]).is_relative_to(kernel_python.parent.parent), f"widgets came from {printed[0]}"
    assert printed[1] == "False", "the chapter imported myst_nb, which a plain Jupyter does not have"


BINDER = ROOT / "binder"


def test_binder_installs_the_lock_and_the_book():
    lines = [
        line.strip()
        for line in (BINDER / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines == ["-r ../requirements/lock.txt", "."]
    assert (BINDER / lines[0].split()[1]).resolve() == ROOT / "requirements" / "lock.txt"


def test_binder_python_is_one_the_package_supports():
    runtime = (BINDER / "runtime.txt").read_text().strip()
    assert runtime.startswith("python-")
    assert SpecifierSet(PYPROJECT["project"]["requires-python"]).contains(runtime.removeprefix("python-") + ".0")
