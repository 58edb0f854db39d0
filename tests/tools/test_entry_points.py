"""The Makefile and tools: missing tools stop with one line; failures name their cause."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_tool(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_make(target, tmp_path, **variables):
    # A PATH with nothing on it but an empty folder: npm, chromium, python3 all "missing".
    command = ["make", "-s", "--no-print-directory", "-C", str(ROOT), target] + [
        f"{k}={v}" for k, v in variables.items()
    ]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        env={"PATH": str(tmp_path)},
        executable=subprocess.run(["which", "make"], capture_output=True, text=True).stdout.strip(),
    )


@pytest.mark.parametrize(
    "target, line",
    [
        (
            "check-chromium",
            "chromium not found: install it with 'apt-get install -y chromium' (the browser tests drive it)",
        ),
        ("check-npm", "npm not found: install Node.js 20 and npm (apt-get install -y nodejs npm)"),
        (
            "check-python",
            "python3 not found: install Python 3.11 or newer with venv (apt-get install -y python3 python3-venv)",
        ),
    ],
)
def test_a_missing_tool_stops_with_one_line(tmp_path, target, line):
    result = run_make(target, tmp_path)
    assert result.returncode != 0
    assert result.stdout.strip() == line
    assert "Traceback" not in result.stderr


def test_vendor_assets_without_node_modules_says_what_to_run(tmp_path, monkeypatch):
    tool = load_tool("vendor_assets")
    monkeypatch.setattr(tool, "NODE_MODULES", tmp_path / "node_modules")
    with pytest.raises(SystemExit) as stop:
        tool.main()
    assert "is missing: run `npm ci` first" in str(stop.value)


def test_execution_cache_is_dropped_when_widgets_or_data_change(tmp_path, monkeypatch):
    tool = load_tool("execution_inputs")
    (tmp_path / "widgets").mkdir()
    source = tmp_path / "widgets" / "model.py"
    source.write_text("A = 1\n")
    build = tmp_path / "_build"
    stale = [build / ".jupyter_cache", build / ".doctrees"]
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "BUILD", build)
    monkeypatch.setattr(tool, "RECORD", build / "execution-inputs.sha256")
    monkeypatch.setattr(tool, "STALE_WITH_INPUTS", stale)

    tool.main()  # first build: records the inputs
    for path in stale:
        path.mkdir(parents=True)
    tool.main()  # nothing changed: the cache stays
    assert all(path.exists() for path in stale)
    source.write_text("A = 2\n")
    tool.main()  # widgets changed: the cache goes
    assert not any(path.exists() for path in stale)


def test_a_failing_notebook_fails_nbval_naming_notebook_and_cell(tmp_path):
    notebook = {
        "cells": [
            {"cell_type": "code", "metadata": {}, "source": "x = 1", "outputs": [], "execution_count": None},
            {
                "cell_type": "code",
                "metadata": {},
                "source": "raise ValueError('the model refused')",
                "outputs": [],
                "execution_count": None,
            },
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "broken_chapter.ipynb"
    path.write_text(json.dumps(notebook))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", str(path), "-q", "-p", "no:cacheprovider"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "broken_chapter.ipynb::Cell 1" in result.stdout
    assert "the model refused" in result.stdout
