"""Science and interactive pieces of the venetoclax-in-ALL teaching book.

Data flows one way: ``data/`` and cited constants -> pure functions here -> matplotlib
plots -> ipywidgets controls -> notebooks. Modules:

- ``tables``: reading tidy CSV files against a declared schema, with errors that name
  the file, row and column.
- ``subtypes``: the ALL subtype facts of the introduction (``data/all_subtypes.csv``).
- ``style``: one plotting style for every figure (fonts, sizes, colour-blind-safe palette).
- ``static_views``: controls that switch between precomputed views in the browser, so
  explorers work on the static site without a kernel.
- ``runtime``: whether a notebook is being executed for the static site.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
