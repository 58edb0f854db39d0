"""A small Sphinx build in a temporary folder, to test the book's extensions (_ext/)."""

import io
import sys
from pathlib import Path

import pytest
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace

ROOT = Path(__file__).resolve().parents[2]
EXT = ROOT / "_ext"
if str(EXT) not in sys.path:
    sys.path.insert(0, str(EXT))


class Built:
    def __init__(self, outdir: Path, warnings: str):
        self.outdir = outdir
        self.warnings = warnings

    def html(self, docname: str) -> str:
        return (self.outdir / f"{docname}.html").read_text(encoding="utf-8")


@pytest.fixture
def build(tmp_path):
    """build(files, extensions=..., **config) writes the files and builds them to HTML.

    Warnings are errors, as in the book's own build.
    """

    def run(files: dict[str, str], extensions=("myst_parser",), **config) -> Built:
        source = tmp_path / "source"
        for name, text in files.items():
            path = source / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        # A fresh source_suffix for every build: myst-nb adds its suffixes to the dict it is
        # given, and Sphinx's default dict is shared by every build of the process.
        overrides = {
            "extensions": list(extensions),
            "html_theme": "basic",
            "source_suffix": {".rst": "restructuredtext"},
            **config,
        }
        if "myst_parser" in extensions:
            overrides.setdefault("myst_enable_extensions", ["colon_fence", "dollarmath"])
        warnings = io.StringIO()
        with docutils_namespace():
            app = Sphinx(
                str(source),
                None,
                str(tmp_path / "html"),
                str(tmp_path / "doctrees"),
                "html",
                confoverrides=overrides,
                status=None,
                warning=warnings,
                warningiserror=True,
                freshenv=True,
            )
            app.build()
        return Built(tmp_path / "html", warnings.getvalue())

    return run
