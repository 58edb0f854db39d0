"""Truncated author lists ("and others") read "et al." (_ext/citation_names.py)."""

import re

import pytest

BIB = r"""
@article{suo2024,
  author = {Suo, S. and others},
  title = {Homoharringtonine with venetoclax},
  journal = {Med},
  year = {2024}
}
@article{neumann2012,
  author = {Neumann, M. and Heesch, S. and G{\"o}kbuget, N. and others},
  title = {Clinical and molecular characterization of ETP-ALL},
  journal = {Blood Cancer J},
  year = {2012}
}
@article{agarwal2017,
  author = {Agarwal, S. K. and Salem, A. H. and Wong, S. L.},
  title = {Ketoconazole and venetoclax},
  journal = {J},
  year = {2017}
}
@article{agarwal2017posaconazole,
  author = {Agarwal, S. K. and DiNardo, C. D. and Salem, A. H.},
  title = {Posaconazole and venetoclax},
  journal = {J},
  year = {2017}
}
@article{xu2022,
  author = {Xu, J. and Ye, L.},
  title = {Two authors, listed in full},
  journal = {J},
  year = {2022}
}
"""

RST = """Sources
=======

First :cite:p:`suo2024`, then :cite:p:`neumann2012`, then :cite:p:`xu2022`,
:cite:p:`agarwal2017` and :cite:p:`agarwal2017posaconazole`.

.. bibliography::
"""

CONFIG = {
    "bibtex_bibfiles": ["refs.bib"],
    "bibtex_reference_style": "author_year",
    "bibtex_cite_id": "cite-{key}",
    "bibtex_default_style": "plain",
}


def build_page(build, extensions):
    return build({"index.rst": RST, "refs.bib": BIB}, extensions=extensions, **CONFIG).html("index")


@pytest.fixture
def html(build):
    return build_page(build, ("sphinxcontrib.bibtex", "citation_names"))


def test_in_text_labels_read_et_al_in_italics(html):
    labels = re.findall(r'href="#cite-(\w+)"[^>]*>(.*?)</a>', html)
    assert dict(labels) == {
        "suo2024": "Suo <em>et al.</em>, 2024",
        "neumann2012": "Neumann <em>et al.</em>, 2012",
        "xu2022": "Xu and Ye, 2022",
        "agarwal2017": "Agarwal <em>et al.</em>, 2017a",
        "agarwal2017posaconazole": "Agarwal <em>et al.</em>, 2017b",
    }


def test_bibliography_and_tooltips_read_et_al(html):
    assert "S.\xa0Suo et al. Homoharringtonine" in html or "S.&#160;Suo et al. Homoharringtonine" in html
    assert re.search(r"N\.(\xa0|&#160;)G.*?kbuget et al\. Clinical", html)
    assert 'title="S.' in html and "Suo et al. Homoharringtonine" in html
    assert "and others" not in html
    assert "J.\xa0Xu and L.\xa0Ye" in html or "J.&#160;Xu and L.&#160;Ye" in html


def test_without_the_handler_the_marker_reads_as_a_name(build):
    """The handler is needed: sphinxcontrib-bibtex alone writes "Suo and others"."""
    html = build_page(build, ("sphinxcontrib.bibtex",))
    assert "Suo and others, 2024" in html


def test_two_entries_with_one_label_are_told_apart_in_the_bibliography(html):
    """The letters of the in-text labels appear after the year of each bibliography entry."""
    entries = dict(re.findall(r'id="cite-(agarwal[\w-]+)".*?</span>(.*?)</div>', html, flags=re.S))
    assert "2017a." in re.sub("<[^>]+>", "", entries["agarwal2017"])
    assert "2017b." in re.sub("<[^>]+>", "", entries["agarwal2017posaconazole"])


def test_the_letters_follow_the_keys_and_only_label_collisions_get_one():
    from pybtex.database import parse_string

    from widgets.data.bibliography import year_suffixes

    assert year_suffixes(parse_string(BIB, "bibtex").entries) == {"agarwal2017": "a", "agarwal2017posaconazole": "b"}
