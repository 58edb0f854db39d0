"""The book's own Sphinx extension: build-time facts the notebooks need.

Jupyter Book executes every notebook in a kernel started by this build process, and
kernels inherit its environment. Setting ``STATIC_SITE_ENV`` here tells the explorers
in ``widgets`` that they are rendered for a static page with no kernel behind it, so
they precompute their views and link controls in the browser. A notebook run anywhere
else (Jupyter, Colab, Binder, nbval) gets the live explorers instead.
"""

import os

from widgets.runtime import STATIC_SITE_ENV


def setup(app):
    os.environ[STATIC_SITE_ENV] = "1"
    return {"parallel_read_safe": True, "parallel_write_safe": True}
