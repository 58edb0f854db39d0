"""The package as someone outside the checkout gets it: a wheel, installed into a fresh
virtual environment, imported and used from another folder.

``make`` installs the package in editable mode, which hides what a wheel lacks: a
subpackage left out, a data file not shipped, a dependency not declared. Here the wheel
is built once (offline: no build isolation, no index), installed with ``--no-deps`` into
a new environment, and the third-party packages already installed in the project's
environment are made visible to it by a ``.pth`` line naming the project's
site-packages. Python adds a directory named in a ``.pth`` file to ``sys.path`` without
reading the ``.pth`` files inside it, so the project's editable-install hook stays off
(checked below) and ``widgets`` can only come from the wheel.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from importlib.metadata import packages_distributions, version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

# One wheel per test run: with pytest-xdist (`--dist loadgroup`) these tests share a worker.
pytestmark = pytest.mark.xdist_group("wheel")

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "widgets"
DATA = ROOT / "data"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT_SITE_PACKAGES = Path(sysconfig.get_paths()["purelib"])
# What the build reads: pyproject.toml, its readme and license files, the package and the
# data folder that widgets/data/files links to. The build runs on a copy, so that it
# writes nothing into the checkout (build/, *.egg-info) and no stale build/lib of an
# earlier build can leak into the wheel.
BUILD_INPUTS = (
    "pyproject.toml",
    PYPROJECT["project"]["readme"],
    *PYPROJECT["project"]["license-files"],
    "widgets",
    "data",
)
# pip without network: no index, no user configuration, no version check.
OFFLINE_PIP = {"PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
PIP = [sys.executable, "-m", "pip", "--quiet"]

# Run by the fresh environment's Python, from a folder outside the checkout: import every
# module of the installed package, call every loader of widgets.data, read every data file
# through data_file, and report what was found where as JSON.
PROBE = """
import hashlib, importlib, inspect, json, pkgutil, sys
import widgets
from widgets.data import data_file

modules = sorted(info.name for info in pkgutil.walk_packages(widgets.__path__, "widgets."))
files = {name: importlib.import_module(name).__file__ for name in ["widgets", *modules]}
loaded = {}
for name in modules:
    if name.startswith("widgets.data."):
        for function_name, function in inspect.getmembers(sys.modules[name], inspect.isfunction):
            if function_name.startswith("load_") and function.__module__ == name:
                loaded[f"{name}.{function_name}"] = len(function())
data = {name: hashlib.sha256(data_file(name).read_bytes()).hexdigest() for name in json.loads(sys.argv[1])}
print(json.dumps({
    "files": files,
    "loaded": loaded,
    "data": data,
    "sys_path": sys.path,
    "editable_hooks": sorted(name for name in sys.modules if name.startswith("__editable__")),
}))
"""


def data_files() -> list[str]:
    """Every file of the checkout's data/, as paths relative to it."""
    return sorted(
        path.relative_to(DATA).as_posix()
        for path in DATA.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{' '.join(map(str, command))[:200]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built once from a copy of the checkout's build inputs."""
    for requirement in map(Requirement, PYPROJECT["build-system"]["requires"]):
        assert requirement.specifier.contains(version(requirement.name)), (
            f"{requirement} is needed to build the wheel offline; `make setup` installs it from the lock"
        )
    source = tmp_path_factory.mktemp("source")
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    build = ["wheel", "--no-deps", "--no-build-isolation", str(source), "-w", str(out)]
    run([*PIP, *build], env={**os.environ, **OFFLINE_PIP}, cwd=source)
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_python(wheel, tmp_path_factory) -> Path:
    """A new virtual environment outside the checkout with only the wheel installed,
    seeing the project's third-party packages through a .pth line."""
    home = tmp_path_factory.mktemp("fresh-venv")
    assert not home.is_relative_to(ROOT)
    venv.create(home, with_pip=False)
    python = home / "bin" / "python"
    run([*PIP, "--python", str(python), "install", "--no-deps", str(wheel)], env={**os.environ, **OFFLINE_PIP})
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site_packages = Path(run([str(python), "-c", purelib]).strip())
    (site_packages / "project_dependencies.pth").write_text(f"{PROJECT_SITE_PACKAGES}\n", encoding="utf-8")
    return python


@pytest.fixture(scope="module")
def installed(fresh_python, tmp_path_factory) -> dict:
    """What the probe found in the fresh environment, run from a folder outside the checkout."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    output = run(
        [str(fresh_python), "-I", "-c", PROBE, json.dumps(data_files())],
        cwd=elsewhere,
        env={**environment, "MPLBACKEND": "Agg"},
    )
    return {**json.loads(output), "home": fresh_python.parent.parent}


def test_the_wheel_holds_every_file_of_data(wheel):
    prefix = "widgets/data/files/"
    with zipfile.ZipFile(wheel) as archive:
        shipped = {
            name.removeprefix(prefix): archive.read(name)
            for name in archive.namelist()
            if name.startswith(prefix) and not name.endswith("/")
        }
    missing = sorted(set(data_files()) - set(shipped))
    assert not missing, "files of data/ missing from the wheel: " + ", ".join(missing)
    assert sorted(shipped) == data_files(), "the wheel ships files that are not in data/"
    differ = sorted(
        name for name, content in shipped.items() if hashlib.sha256(content).hexdigest() != digest(DATA / name)
    )
    assert not differ, "files of data/ that differ in the wheel: " + ", ".join(differ)


def test_the_wheel_holds_every_module_of_the_package(wheel):
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name for name in archive.namelist() if name.endswith(".py")}
    in_checkout = {path.relative_to(ROOT).as_posix() for path in PACKAGE.rglob("*.py")}
    missing = sorted(in_checkout - shipped)
    assert not missing, "modules missing from the wheel: " + ", ".join(missing)


def test_the_package_is_imported_from_the_fresh_environment_not_the_checkout(installed):
    home = installed["home"]
    assert Path(installed["files"]["widgets"]).is_relative_to(home)
    outside = {name: file for name, file in installed["files"].items() if not Path(file).is_relative_to(home)}
    assert not outside, f"modules imported from outside the fresh environment: {outside}"
    assert installed["editable_hooks"] == [], "the project's editable-install hook ran in the fresh environment"
    assert str(ROOT) not in installed["sys_path"] and str(PROJECT_SITE_PACKAGES) in installed["sys_path"]


def test_every_module_of_the_checkout_imports_from_the_wheel(installed):
    in_checkout = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in PACKAGE.rglob("*.py")
    }
    missing = sorted(in_checkout - set(installed["files"]))
    assert not missing, "modules of the checkout not importable from the wheel: " + ", ".join(missing)


def test_every_loader_reads_its_file_from_the_installed_package(installed):
    assert installed["loaded"], "no loader (load_* function) found in widgets.data"
    empty = [name for name, rows in installed["loaded"].items() if rows == 0]
    assert not empty, "loaders that read no rows from the installed package: " + ", ".join(empty)


def test_every_data_file_reads_through_data_file_as_in_the_checkout(installed):
    expected = {name: digest(DATA / name) for name in data_files()}
    differ = sorted(name for name in expected if installed["data"].get(name) != expected[name])
    assert not differ, "data files that data_file() reads differently from the checkout: " + ", ".join(differ)


def third_party_imports():
    """(file, top-level module, optional) for every import of a module outside the standard
    library and the package; optional: inside a ``try`` that handles ImportError."""

    def handles_import_error(node: ast.Try) -> bool:
        names = {ast.unparse(handler.type) for handler in node.handlers if handler.type is not None}
        return bool({"ImportError", "ModuleNotFoundError", "(ImportError, ModuleNotFoundError)"} & names)

    def visit(node, path, optional):
        if isinstance(node, ast.Try) and handles_import_error(node):
            for child in node.body:
                yield from visit(child, path, True)
            for child in [*node.handlers, *node.orelse, *node.finalbody]:
                yield from visit(child, path, optional)
            return
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            names = []
        for name in names:
            top = name.split(".")[0]
            if top not in sys.stdlib_module_names and top != "widgets":
                yield path.relative_to(ROOT).as_posix(), top, optional
        for child in ast.iter_child_nodes(node):
            yield from visit(child, path, optional)

    for path in sorted(PACKAGE.rglob("*.py")):
        yield from visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)), path, False)


def declared(requirements) -> set[str]:
    return {canonicalize_name(Requirement(requirement).name) for requirement in requirements}


def test_every_third_party_import_is_a_declared_dependency():
    """A module the package always imports must come from ``[project] dependencies``; one it
    imports only if present (``try: ... except ImportError``) from one of the extras."""
    required = declared(PYPROJECT["project"]["dependencies"])
    extras = declared(
        requirement for group in PYPROJECT["project"]["optional-dependencies"].values() for requirement in group
    )
    providers = packages_distributions()
    problems = []
    for file, module, optional in third_party_imports():
        distributions = {canonicalize_name(name) for name in providers.get(module, [])}
        allowed = required | extras if optional else required
        if not distributions & allowed:
            where = "an extra or [project] dependencies" if optional else "[project] dependencies"
            found = ", ".join(sorted(distributions)) or "no installed distribution"
            problems.append(f"{file} imports {module} ({found}), which is not in {where} of pyproject.toml")
    assert not problems, "\n".join(sorted(set(problems)))
