"""The ``data-files`` directive: a download list of every file in ``data/``.

The "Data files" page (``chapters/data_files.md``) must link every data file, including
files added after the page was written. The directive lists the folder at build time:
for each file, a download link, its size and, for a CSV file, its number of rows and its
columns; and, when ``data/README.md`` has a heading naming the file, the first paragraph
under that heading as its description. The page is read again whenever the folder's
listing or a file in it changes.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

ENV_KEY = "data_files_pages"


def data_folder(app) -> Path:
    return Path(app.srcdir) / app.config.data_files_folder


def listing(folder: Path) -> list[Path]:
    """Every file under the folder (not hidden), in sorted order."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in listing(folder) if folder.is_dir() else []:
        digest.update(
            f"{path.relative_to(folder).as_posix()}\0{path.stat().st_size}\0{path.stat().st_mtime_ns}\n".encode()
        )
    return digest.hexdigest()


def readme_descriptions(readme: Path) -> dict[str, str]:
    """File name -> the first paragraph under the first Markdown heading that names it."""
    if not readme.is_file():
        return {}
    lines = readme.read_text(encoding="utf-8").splitlines()
    found = {}
    for index, line in enumerate(lines):
        if not line.startswith("#"):
            continue
        names = re.findall(r"[\w.-]+\.[A-Za-z0-9]+", line.replace("`", " "))
        paragraph = []
        for following in lines[index + 1 :]:
            if following.startswith("#"):
                break
            stripped = following.strip()
            if not stripped:
                if paragraph:
                    break
                continue
            if stripped.startswith(("|", "```", "- ", "* ", ">")) or re.match(r"\d+\. ", stripped):
                if paragraph:
                    break
                continue
            paragraph.append(stripped)
        for name in names:
            found.setdefault(Path(name).name, plain(" ".join(paragraph)))
    return found


def plain(markdown: str) -> str:
    """README text made safe to parse on the page: links become their text."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"<[^>]+>", "", text)


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    return f"{size / 1024:.1f} kB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def csv_shape(path: Path) -> tuple[int, list[str]] | None:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return (len(rows) - 1, rows[0]) if rows else None


class DataFilesDirective(SphinxDirective):
    """Lists every file of the data folder with a download link (MyST ``{download}``)."""

    has_content = False

    def run(self):
        folder = data_folder(self.env.app)
        if not folder.is_dir():
            raise self.error(f"data-files: the folder {folder} does not exist")
        self.env.__dict__.setdefault(ENV_KEY, {})[self.env.docname] = fingerprint(folder)
        descriptions = readme_descriptions(folder / "README.md")
        lines = []
        for path in listing(folder):
            self.env.note_dependency(str(path))
            relative = path.relative_to(folder).as_posix()
            target = f"/{self.env.app.config.data_files_folder}/{relative}"
            facts = [human_size(path.stat().st_size)]
            shape = csv_shape(path) if path.suffix == ".csv" else None
            if shape:
                rows, columns = shape
                facts.insert(0, f"CSV, {rows} rows, {len(columns)} columns")
            lines += [f"- **{{download}}`{relative} <{target}>`** ({', '.join(facts)})", ""]
            if descriptions.get(path.name):
                lines += [f"  {descriptions[path.name]}", ""]
            if shape:
                lines += ["  Columns: " + ", ".join(f"`{column}`" for column in shape[1]) + ".", ""]
        container = nodes.container(classes=["data-files"])
        container += self.parse_text_to_nodes("\n".join(lines))
        return [container]


def outdated_pages(app, env, added, changed, removed):
    """Pages with the directive are read again when the data folder's listing changes."""
    pages = env.__dict__.get(ENV_KEY, {})
    current = fingerprint(data_folder(app))
    return [docname for docname, seen in pages.items() if seen != current and docname in env.found_docs]


def purge(app, env, docname):
    env.__dict__.setdefault(ENV_KEY, {}).pop(docname, None)


def merge(app, env, docnames, other):
    store = env.__dict__.setdefault(ENV_KEY, {})
    store.update({name: seen for name, seen in other.__dict__.get(ENV_KEY, {}).items() if name in docnames})


def setup(app):
    app.add_config_value("data_files_folder", "data", "env")
    app.add_directive("data-files", DataFilesDirective)
    app.connect("env-get-outdated", outdated_pages)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
