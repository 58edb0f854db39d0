"""_ext/book_extension.py: the repository comes from BOOK_REPOSITORY alone, and with none
set the repository, issue and launch buttons are off rather than pointing anywhere."""

import json
import re

import book_extension  # _ext is put on the path by conftest.py
import pytest

from widgets.explorers.runtime import STATIC_SITE_ENV

NOTEBOOK = json.dumps(
    {
        "cells": [{"cell_type": "markdown", "id": "title", "metadata": {}, "source": ["# A chapter\n", "\n", "Text."]}],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
)
PAGES = {"index.md": "# A book\n\n```{toctree}\nchapter\n```\n", "chapter.ipynb": NOTEBOOK}
# As _config.yml asks for them: Binder and Colab.
LAUNCH = {
    "notebook_interface": "jupyterlab",
    "binderhub_url": "https://mybinder.org",
    "colab_url": "https://colab.research.google.com",
    "thebe": False,
}
LINK = re.compile(r'href="(https://[^"]+)"')


@pytest.mark.parametrize(
    "value, url",
    [
        ("my-school/venetoclax-all-book", "https://github.com/my-school/venetoclax-all-book"),
        ("https://github.com/my-school/book.git", "https://github.com/my-school/book"),
        ("https://gitlab.com/group/sub/book/", "https://gitlab.com/group/sub/book"),
        ("  owner/name\n", "https://github.com/owner/name"),
    ],
)
def test_repository_is_an_owner_name_or_a_url(value, url):
    assert book_extension.repository_url(value) == url


@pytest.mark.parametrize("value", ["", None, "   "])
def test_no_repository_is_none(value):
    assert book_extension.repository_url(value) is None


@pytest.mark.parametrize(
    "value", ["owner", "http://github.com/owner/name", "owner/name/extra", "git@github.com:o/n.git"]
)
def test_a_malformed_repository_names_the_variable_and_the_forms(value):
    with pytest.raises(ValueError, match=r"BOOK_REPOSITORY=.*'owner/name'.*https URL"):
        book_extension.repository_url(value)


def build_book(build, monkeypatch, repository):
    monkeypatch.delenv(STATIC_SITE_ENV, raising=False)  # the extension sets it; restored after the test
    if repository is None:
        monkeypatch.delenv("BOOK_REPOSITORY", raising=False)
    else:
        monkeypatch.setenv("BOOK_REPOSITORY", repository)
    built = build(
        PAGES,
        extensions=("myst_nb", "sphinx_book_theme", "book_extension"),
        html_theme="sphinx_book_theme",
        nb_execution_mode="off",
        html_theme_options={"repository_branch": "main", "launch_buttons": dict(LAUNCH)},
    )
    return set(LINK.findall(built.html("chapter")))


def test_every_button_points_at_the_configured_repository(build, monkeypatch):
    links = build_book(build, monkeypatch, "my-school/venetoclax-all-book")
    assert "https://github.com/my-school/venetoclax-all-book" in links  # the repository button
    assert any(link.startswith("https://github.com/my-school/venetoclax-all-book/issues/new") for link in links)
    assert "https://mybinder.org/v2/gh/my-school/venetoclax-all-book/main?urlpath=lab/tree/chapter.ipynb" in links
    assert "https://colab.research.google.com/github/my-school/venetoclax-all-book/blob/main/chapter.ipynb" in links
    others = {link for link in links if "github" in link and "my-school/venetoclax-all-book" not in link}
    assert others == set(), f"links to another repository: {others}"


def test_without_a_repository_no_button_points_anywhere(build, monkeypatch):
    links = build_book(build, monkeypatch, None)
    assert not [link for link in links if any(host in link for host in ("github", "mybinder", "colab"))], links


def test_a_repository_outside_github_keeps_binder_and_drops_colab(build, monkeypatch):
    links = build_book(build, monkeypatch, "https://gitlab.com/my-school/book")
    assert "https://gitlab.com/my-school/book" in links
    assert any(link.startswith("https://mybinder.org/v2/gl/my-school%2Fbook/main") for link in links), links
    assert not [link for link in links if "colab" in link]
