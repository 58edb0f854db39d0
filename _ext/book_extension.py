"""The book's own Sphinx extension: build-time facts the notebooks need.

Jupyter Book executes every notebook in a kernel started by this build process, and
kernels inherit its environment. Setting ``STATIC_SITE_ENV`` here tells the explorers
in ``widgets`` that they are rendered for a static page with no kernel behind it, so
they precompute their views and link controls in the browser. A notebook run anywhere
else (Jupyter, Colab, Binder, nbval) gets the live explorers instead.

It also sets the book's repository from one place: the environment variable
``BOOK_REPOSITORY`` (the Makefile's variable of the same name; the GitHub workflow sets
it to the repository it runs in), an ``owner/name`` on GitHub or a repository URL. The
repository and issue buttons and the Binder and Colab launch buttons point at it. With
no repository set they are turned off, so no page links to a repository that may not
exist.

It also loads the book's other extensions, one module each in this folder: the
``self-check`` directive (``self_check``), glossary definitions on term links
(``glossary_tooltips``), the ``data-files`` list (``data_files``), accessibility fixes
to the HTML (``accessible_html``), "et al." for truncated author lists
(``citation_names``), the evidence markers (``evidence``), formulas written as MathML
(``mathml``) and a lighter first load (``page_weight``: no Font Awesome script, explorer
views in shared files, and each explorer's default view written into the page).
"""

import os
import re

from widgets.explorers.runtime import STATIC_SITE_ENV

REPOSITORY_ENV = "BOOK_REPOSITORY"
# An ``owner/name`` is a GitHub repository (GitHub's rules for both parts).
_OWNER_NAME = re.compile(r"[A-Za-z0-9-]+/[A-Za-z0-9._-]+")
# A repository URL: https, a host, then at least ``owner/name`` (GitLab allows groups).
_URL = re.compile(r"https://[A-Za-z0-9.-]+(/[A-Za-z0-9._-]+){2,}")
# Launch services that need a repository to open a notebook from (sphinx-book-theme keys).
_LAUNCH_SERVICES = ("binderhub_url", "jupyterhub_url", "colab_url", "deepnote_url")


def repository_url(value: str | None) -> str | None:
    """The repository URL for ``value`` (``owner/name`` or an https URL; a trailing ``/``
    or ``.git`` is dropped), or None when ``value`` is empty or unset."""
    value = (value or "").strip()
    if not value:
        return None
    value = re.sub(r"(\.git)?/*$", "", value)
    if _OWNER_NAME.fullmatch(value):
        return f"https://github.com/{value}"
    if _URL.fullmatch(value):
        return value
    raise ValueError(
        f"{REPOSITORY_ENV}={value!r}: give a GitHub 'owner/name' (such as "
        "'my-school/venetoclax-all-book') or an https URL of the repository"
    )


def configure_repository(theme_options: dict, repository: str | None) -> None:
    """Point the repository, issue and launch buttons at ``repository`` (a URL), or turn
    them off when it is None. ``theme_options`` is sphinx-book-theme's ``html_theme_options``."""
    theme_options["repository_url"] = repository or ""
    theme_options["use_repository_button"] = theme_options["use_issues_button"] = repository is not None
    launch = dict(theme_options.get("launch_buttons") or {})
    if repository is None:
        theme_options["use_edit_page_button"] = False
        launch.update({service: "" for service in _LAUNCH_SERVICES})
    elif not repository.startswith("https://github.com/"):
        launch["colab_url"] = ""  # Colab opens notebooks from GitHub only
    theme_options["launch_buttons"] = launch


def _set_repository(app, config):
    configure_repository(config.html_theme_options, repository_url(os.environ.get(REPOSITORY_ENV)))


def setup(app):
    os.environ[STATIC_SITE_ENV] = "1"
    app.connect("config-inited", _set_repository)
    for extension in (
        "self_check",
        "glossary_tooltips",
        "data_files",
        "accessible_html",
        "citation_names",
        "evidence",
        "mathml",
        "page_weight",
    ):
        app.setup_extension(extension)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
