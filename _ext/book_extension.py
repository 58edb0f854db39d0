"""The book's own Sphinx extension: build-time facts the notebooks need.

Jupyter Book executes every notebook in a kernel started by this build process, and
kernels inherit its environment. Setting ``STATIC_SITE_ENV`` here tells the explorers
in ``widgets`` that they are rendered for a static page with no kernel behind it, so
they precompute their views and link controls in the browser. A notebook run anywhere
else (Jupyter, Colab, Binder, nbval) gets the live explorers instead.

It also loads the book's other extensions, one module each in this folder: the
``self-check`` directive (``self_check``), glossary definitions on term links
(``glossary_tooltips``), the ``data-files`` list (``data_files``), accessibility fixes
to the HTML (``accessible_html``) and "et al." for truncated author lists
(``citation_names``).
"""

import os

from widgets.explorers.runtime import STATIC_SITE_ENV


def setup(app):
    os.environ[STATIC_SITE_ENV] = "1"
    for extension in ("self_check", "glossary_tooltips", "data_files", "accessible_html", "citation_names"):
        app.setup_extension(extension)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
