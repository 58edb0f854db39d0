"""Model, data and interactive explorers of the venetoclax-in-ALL teaching book.

One folder per layer, in the order data flows (CONTRIBUTING.md has the map):

- ``data``: the files of ``data/`` and the bibliography, read against their schemas.
- ``stats``: confidence intervals of proportions (a wrapper over SciPy).
- ``pharmacokinetics``: the label's exposure numbers and a one-compartment teaching model.
- ``model``: the BCL-2-family apoptosis model (pure numpy).
- ``presentation``: results as text, tables and figures; no model calls of its own.
- ``explorers``: ipywidgets wiring, precomputed views for the static site.
- ``chapters``: one module per page, the only thing a notebook imports.
"""
