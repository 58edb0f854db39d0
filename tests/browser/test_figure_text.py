"""Figures on a 390 px phone are shown at the scale the figure-text unit test assumes,
and the mechanism explorer's dose line is drawn beneath the labels of the panels it crosses.

tests/widgets/presentation/test_figure_text.py checks, from each matplotlib figure, that
its text renders at 11 CSS px or more on a phone, assuming that an image is shown at its
own size or, if wider, at ``style.PHONE_FIGURE_PX``. Here, on the built pages of those
figures, in dark mode (which pads images, so they are narrowest), each figure image's drawn
width (its content box) is compared with its natural width (its pixels over
``style.IMAGE_DENSITY``), and each SVG layer's with its view box: no figure may be shown
smaller than that assumption.
"""

import matplotlib.pyplot as plt
import pytest

from tests.browser.conftest import VIEWPORTS, PageWatch, site_pages
from widgets import model
from widgets.explorers.static_views import EXPLORER_CLASS
from widgets.presentation import style
from widgets.presentation.figures.mechanism import MechanismFigure

PAGES = [
    page
    for page in site_pages()
    if page[: len("chapters/01_")] in {f"chapters/{n}_" for n in ("01", "02", "03", "04", "07", "08")}
    or page.startswith("chapters/cases/05_")
]
PHONE = {"has_touch": True, "is_mobile": True, "device_scale_factor": 2}
# Rounding of the layout, in CSS px.
TOLERANCE_PX = 1

pytestmark = pytest.mark.browser

# Each figure image and SVG layer in the article: its drawn content width and its natural width.
FIGURE_WIDTHS_JS = """density => {
    const shown = element => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const content = element => {
        const style = getComputedStyle(element), box = element.getBoundingClientRect();
        return box.width - ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth']
            .reduce((sum, side) => sum + parseFloat(style[side]), 0);
    };
    const article = document.querySelector('.bd-article');
    // A PNG has IMAGE_DENSITY pixels per CSS px; an SVG layer's file (_ext/view_files.py) is
    // the figure's own size.
    const natural = image => image.currentSrc.endsWith('.svg') ? image.naturalWidth : image.naturalWidth / density;
    const images = [...article.querySelectorAll('.cell_output img')].filter(shown).map(image => ({
        what: `image "${image.alt.slice(0, 60)}"`, drawn: content(image), natural: natural(image)}));
    const layers = [...article.querySelectorAll('.cell_output svg[viewBox]')].filter(shown).map(svg => ({
        what: `SVG layer "${(svg.getAttribute('aria-label') || '').slice(0, 60)}"`, drawn: content(svg),
        natural: svg.viewBox.baseVal.width}));
    return [...images, ...layers];
}"""


@pytest.fixture
def dark_phone(browser, site_url):
    """A phone in dark mode, where figure images are narrowest (the theme pads them)."""
    watch = PageWatch(browser, site_url, VIEWPORTS["phone"], color_scheme="dark", **PHONE)
    # The theme keeps the reader's choice of mode in localStorage; this is choosing dark.
    watch.context.add_init_script("localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');")
    yield watch
    watch.close()


def test_the_pages_of_the_phone_first_figures_are_checked():
    assert len(PAGES) == 7, PAGES


@pytest.mark.parametrize("page_path", PAGES)
def test_figures_are_shown_no_smaller_than_the_text_rule_assumes(dark_phone, page_path):
    page = dark_phone.open(page_path)
    # Figures off screen load as the reader scrolls to them (loading="lazy"): load them all now.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.bd-article .cell_output img')]"
        ".filter(image => image.checkVisibility())"
        ".every(image => { image.loading = 'eager'; return image.complete; })"
    )
    figures = page.evaluate(FIGURE_WIDTHS_JS, style.IMAGE_DENSITY)
    assert any(figure["what"].startswith("image") for figure in figures), f"{page_path}: no figure image found"
    too_small = [
        f"{figure['what']}: drawn {figure['drawn']:.0f} px of {figure['natural']:.0f} px "
        f"(scale {figure['drawn'] / figure['natural']:.2f}, the rule assumes "
        f"{min(1.0, style.PHONE_FIGURE_PX / figure['natural']):.2f})"
        for figure in figures
        if figure["drawn"] < min(figure["natural"], style.PHONE_FIGURE_PX) - TOLERANCE_PX
    ]
    assert too_small == [], f"{page_path}: " + "; ".join(too_small)


# The mechanism explorer's layers, bottom first: for each, whether it holds the data (its
# description names the IC50) and the vertical extent (view box units) of each line drawn.
MECHANISM_LAYERS_JS = """explorer => {
    const shown = element => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const grid = explorer.querySelector('.widget-gridbox');
    return [...grid.children].map(cell => {
        const described = [...cell.querySelectorAll('svg[aria-label], img[alt]')].filter(shown)
            .map(element => element.getAttribute('aria-label') || element.alt);
        const lines = [...cell.querySelectorAll('svg line')].filter(shown)
            .map(line => [line.y1.baseVal.value, line.y2.baseVal.value]);
        return {data: described.some(text => text.includes('IC50')), lines};
    });
}"""


@pytest.mark.parametrize("reader", ["phone"], indirect=True)
@pytest.mark.parametrize("page_path", ["chapters/03_venetoclax.html", "chapters/07_resistance.html"])
def test_the_dose_line_never_strikes_through_the_labels_of_the_lower_panels(reader, page_path):
    """The IC50 and MOMP threshold labels belong to the data layer: the chosen dose's line
    across their panels lies beneath it, and only its stretch across the bands (which would
    hide it) lies above."""
    figure = MechanismFigure(60.0, model.MOMP_THRESHOLD_NM.value)
    bands_bottom, deaths_bottom = figure.axes_bottom(figure.bim_ax), figure.axes_bottom(figure.death_ax)
    plt.close(figure.fig)
    page = reader.visit(page_path)
    explorer = page.locator(f".{EXPLORER_CLASS}").filter(has=page.locator(".widget-gridbox")).first
    explorer.scroll_into_view_if_needed()
    layers = explorer.evaluate(MECHANISM_LAYERS_JS)
    data_index = next(index for index, layer in enumerate(layers) if layer["data"])
    beneath = [y for layer in layers[:data_index] for line in layer["lines"] for y in line]
    above = [y for layer in layers[data_index + 1 :] for line in layer["lines"] for y in line]
    assert beneath and max(beneath) == pytest.approx(deaths_bottom, abs=0.5), f"{page_path}: {layers}"
    assert above and max(above) <= bands_bottom + 0.5, f"{page_path}: a line over the data crosses the lower panels"
