"""What the chapter modules' tests share: the page's glued values, and no figure left open."""

import matplotlib.pyplot as plt
import pytest


@pytest.fixture(scope="module")
def numbers(request):
    """Every value the test module's chapter (its ``page``) glues."""
    return request.module.page.numbers()


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")
