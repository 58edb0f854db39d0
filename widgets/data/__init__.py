"""The data layer: reading the book's ``data/`` files (and its bibliography) against their
schemas, with errors that name the file, row and column. No science, no text formatting.

The files are the repository's top-level ``data/`` folder, shipped inside the package as
``widgets/data/files`` (a link to ``data/`` in the checkout, real files in the wheel) and
read through ``importlib.resources``, so an installed package finds them too.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_file(name: str) -> Path:
    """The path of ``data/<name>``, in a checkout or an installed package."""
    return Path(str(files(__name__) / "files" / name))
