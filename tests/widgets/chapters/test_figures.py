"""The figures of chapters 02, 03 and 04: each one a page's ``FIGURES`` names draws, each figure
cell of the notebook draws its own figure, and each alt text the model writes (``ALT_TEXTS``)
is the one the cell stores. Chapter 07 checks its figures, in page order, in test_resistance.py."""

import pytest

from tests.widgets.chapters.notebook_parts import figure_cells, figure_name, stored_alt
from widgets.chapters import preclinical, role_of_bcl2, venetoclax

PAGES = {"02_role_of_bcl2.ipynb": role_of_bcl2, "03_venetoclax.ipynb": venetoclax, "04_preclinical.ipynb": preclinical}
FIGURES = [(notebook, name) for notebook, page in PAGES.items() for name in page.FIGURES]
ALT_TEXTS = [(notebook, name) for notebook, page in PAGES.items() for name in getattr(page, "ALT_TEXTS", {})]


@pytest.mark.parametrize("notebook, name", FIGURES)
def test_every_figure_draws(notebook, name):
    assert PAGES[notebook].figure(name).axes


@pytest.mark.parametrize("notebook", PAGES)
def test_each_figure_cell_draws_its_own_figure(notebook):
    figures = PAGES[notebook].FIGURES
    cells = figure_cells(notebook)
    assert sorted(name for _, name in cells) == sorted(figure_name(name) for name in figures)
    for source, name in cells:
        spec = next(key for key in figures if figure_name(key) == name)
        assert source == f'page.figure("{spec}");'


@pytest.mark.parametrize("notebook, name", ALT_TEXTS)
def test_the_stored_alt_text_is_the_one_the_model_gives(notebook, name):
    """A change to the model that changes the figure must change its stored description:
    paste the new ``page.alt_text(name)`` into the figure cell's ``mystnb.image.alt``."""
    assert stored_alt(notebook, figure_name(name)) == PAGES[notebook].alt_text(name)
