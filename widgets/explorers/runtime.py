"""Is this notebook being executed to build the static site?

The book's Sphinx extension (``_ext/book_extension.py``) sets ``STATIC_SITE_ENV`` in the
build process; the kernels that execute the chapters inherit it. Explorers use it to
choose between precomputed views linked in the browser (static site: no kernel) and
controls that recompute on the fly (a live kernel: Jupyter, Colab, Binder).
"""

import os

STATIC_SITE_ENV = "VENETOCLAX_BOOK_STATIC_SITE"


def is_static_site() -> bool:
    """True when the notebook is executed by the book build for the static site."""
    return os.environ.get(STATIC_SITE_ENV) == "1"
