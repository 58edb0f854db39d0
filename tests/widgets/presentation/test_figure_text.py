"""Every text of the phone-first figures renders at 11 CSS px or more on a 390 px phone.

A figure image wider than the phone's figure box (``style.PHONE_FIGURE_PX``, measured on the
built site by tests/browser/test_figure_text.py) is scaled down to it. A figure shown by the
notebook's inline backend is an image of its drawn content plus a margin; an explorer's image
(``style.img_html``) is the whole figure. Each text drawn in the figure, at its font size in
points, is then ``points / 72 * dpi * scale`` CSS px on the phone. The explorer layers of the
mechanism figure are SVGs whose view box is the figure's pixels, scaled the same way.
"""

import re

import matplotlib.pyplot as plt
import pytest
from matplotlib.text import Text

from widgets import model
from widgets.chapters import introduction, preclinical, resistance, role_of_bcl2, safety, venetoclax
from widgets.explorers import balance
from widgets.pharmacokinetics import dosing
from widgets.presentation import style
from widgets.presentation.figures import exposure
from widgets.presentation.figures.balance import balance_figure
from widgets.presentation.figures.bh3 import bh3_bars
from widgets.presentation.figures.mechanism import SCAN_DOSES_NM, MechanismFigure

MIN_CSS_PX = 11
PHONE_FIGURE_PX = 322  # the narrowest figure box at 390 px, as the browser test measures it

# The figures of chapters 01-04, 07 and 08 shown by the inline backend (the heat map of chapter 04
# is drawn to another rule, by its own module).
INLINE_FIGURES = {
    "01 lineage_share": introduction.lineage_share_figure,
    **{f"02 {name}": (lambda name=name: role_of_bcl2.figure(name)) for name in role_of_bcl2.FIGURES},
    **{f"03 {name}": (lambda name=name: venetoclax.figure(name)) for name in venetoclax.FIGURES},
    "04 preclinical_partners": lambda: preclinical.figure("preclinical_partners"),
    **{f"07 {name}": (lambda name=name: resistance.figure(name)) for name in resistance.FIGURES},
    "08 azole_estimates": safety.azole_estimates_figure,
}
# Figures drawn whole into an explorer's image.
EXPLORER_FIGURES = {
    "02 balance explorer": lambda: balance_figure(balance.conditions("b_all", 10.0)),
    "03/07 mechanism explorer axes": lambda: MechanismFigure(60.0, model.MOMP_THRESHOLD_NM.value).fig,
    "04 BH3 explorer": lambda: bh3_bars(
        model.bh3_profile(model.PROFILES["mcl1_resistant"].scaled(mcl1=4.0)), "MCL-1-driven resistance, MCL-1 ×4"
    ),
    "08 and case 5 exposure explorer": lambda: exposure.exposure_course(
        dosing.exposure_scenario("aml_hma_3_day", "posaconazole", True), size_in=exposure.EXPLORER_SIZE_IN
    ),
}


def drawn_texts(fig, monkeypatch, **savefig):
    """Every non-empty text that matplotlib draws when it saves ``fig`` (tick labels of ticks
    outside the axes, or empty offset texts, are never drawn and are not counted)."""
    drawn = []
    original = Text.draw

    def record(text, renderer):
        if text.get_visible() and text.get_text().strip():
            drawn.append(text)
        return original(text, renderer)

    monkeypatch.setattr(Text, "draw", record)
    fig.savefig("/dev/null", format="png", **savefig)
    monkeypatch.undo()
    return drawn


def phone_px(points: float, dpi: float, image_width_px: float) -> float:
    return points / 72 * dpi * min(1.0, PHONE_FIGURE_PX / image_width_px)


def small_texts(texts, dpi, image_width_px) -> list[str]:
    return [
        f"{text.get_text()!r}: {phone_px(text.get_fontsize(), dpi, image_width_px):.1f} px"
        for text in texts
        if phone_px(text.get_fontsize(), dpi, image_width_px) < MIN_CSS_PX
    ]


@pytest.mark.parametrize("name", INLINE_FIGURES)
def test_inline_figure_text_is_legible_on_a_phone(name, monkeypatch):
    style.apply()
    fig = INLINE_FIGURES[name]()
    texts = drawn_texts(fig, monkeypatch, bbox_inches="tight")
    renderer = fig.canvas.get_renderer()
    # The inline backend's image: the drawn content, plus its margin at each side.
    width_px = (fig.get_tightbbox(renderer).width + 2 * plt.rcParams["savefig.pad_inches"]) * fig.dpi
    plt.close(fig)
    assert texts, f"{name}: no text drawn"
    assert small_texts(texts, fig.dpi, width_px) == [], f"{name} ({width_px:.0f} px wide)"
    # Exponents of powers of ten print at 70% of the label's size: the figures write doses instead.
    assert [text.get_text() for text in texts if "$" in text.get_text()] == []


@pytest.mark.parametrize("name", EXPLORER_FIGURES)
def test_explorer_image_text_is_legible_on_a_phone_and_inside_the_image(name, monkeypatch):
    style.apply()
    fig = EXPLORER_FIGURES[name]()
    texts = drawn_texts(fig, monkeypatch)
    width_px = fig.bbox.width
    assert small_texts(texts, fig.dpi, width_px) == [], f"{name} ({width_px:.0f} px wide)"
    renderer = fig.canvas.get_renderer()
    outside = [
        text.get_text()
        for text in texts
        if not fig.bbox.padded(1).contains(*text.get_window_extent(renderer).p0)
        or not fig.bbox.padded(1).contains(*text.get_window_extent(renderer).p1)
    ]
    plt.close(fig)
    assert outside == [], f"{name}: texts cut at the image's edge"


def test_mechanism_layers_text_is_legible_on_a_phone():
    profile = model.PROFILES["b_all"]
    figure = MechanismFigure(profile.bax_bak, model.MOMP_THRESHOLD_NM.value)
    scan = model.dose_scan(profile, "venetoclax", SCAN_DOSES_NM, cells=200)
    svgs = [
        figure.name_layer("Venetoclax + homoharringtonine"),
        figure.data_layer(scan, "BCL-2 ×0.25, MCL-1 ×4, BCL-XL ×0.25"),
        figure.dose_layer(100.0),
    ]
    plt.close(figure.fig)
    for svg in svgs:
        view_width = float(re.search(r"viewBox='0 0 ([\d.]+) ", svg).group(1))
        sizes = [float(size) for size in re.findall(r"<text [^>]*font-size='([\d.]+)'", svg)]
        assert sizes, svg[:200]
        scale = min(1.0, PHONE_FIGURE_PX / view_width)
        assert min(sizes) * scale >= MIN_CSS_PX, f"{svg[:120]}: {min(sizes) * scale:.1f} px"


def test_the_shared_rule_gives_the_width_that_keeps_the_smallest_text_legible():
    """The style's figure width, with the inline margins, shows ``TEXT_PT`` text at 11 px or more;
    a figure an inch wider would not."""
    margins = 2 * style.INLINE_PAD_IN
    assert phone_px(style.TEXT_PT, style.DPI, (style.FIGURE_WIDTH_IN + margins) * style.DPI) >= MIN_CSS_PX
    assert phone_px(style.TEXT_PT, style.DPI, (style.FIGURE_WIDTH_IN + margins + 1) * style.DPI) < MIN_CSS_PX
    assert style.PHONE_FIGURE_PX == PHONE_FIGURE_PX
