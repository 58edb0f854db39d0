"""Science and interactive pieces of the venetoclax-in-ALL teaching book.

Data flows one way: ``data/`` and cited constants -> pure functions here -> matplotlib
plots -> ipywidgets controls -> notebooks. Modules:

Data and its validation
- ``tables``: reading tidy CSV files against a declared schema, with errors that name
  the file, row and column.
- ``subtypes``: the ALL subtype facts of the introduction.
- ``trials``: the published studies, their reported figures and the ongoing trials.
- ``label``: the venetoclax label's schedules, interaction adjustments and TLS tables.
- ``bibliography``: the keys of ``references.bib`` and citations for widget HTML.

Science (pure numpy; no widgets, no plotting)
- ``model``: the BCL-2-family apoptosis model (binding, cells, BH3 profiling, regimens).
- ``pharmacokinetics``: a one-compartment teaching model of oral venetoclax.
- ``intervals``: confidence intervals of proportions.

Presentation
- ``style``: one plotting style for every figure (fonts, sizes, colour-blind-safe palette).
- ``plots``: matplotlib figures, one module per topic; ``plots.layers`` draws explorer
  views as light SVG layers over a matplotlib background.
- ``display``, ``model_tables``: Markdown tables, with citations, for the chapters.
- ``static_views``: controls that switch between precomputed views in the browser, so
  explorers work on the static site without a kernel.
- ``explorers``: the interactive explorers, wiring controls to the pieces above.
- ``runtime``: whether a notebook is being executed for the static site.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
