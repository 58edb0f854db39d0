"""widgets.presentation.forest: the layered forest chart places every row on its axes, reads
it out, stays legible on a phone, and draws the same rows as a chapter figure."""

import base64
import io
import re

import matplotlib.pyplot as plt
import pytest
from PIL import Image

from widgets.data import trial_selection as selection
from widgets.presentation import forest
from widgets.presentation.forest_rows import figure_rows

SVG_TEXT = re.compile(r"<text [^>]*>([^<]*)</text>")


@pytest.fixture
def chart_and_rows(response_rows):
    rows = [row for row in response_rows() if row.study_id in ("gibson2021", "short2024")]
    chart = forest.RowChart(len(rows))
    yield chart, rows
    plt.close(chart.fig)


def test_layer_places_values_and_intervals_on_the_axes(chart_and_rows):
    chart, rows = chart_and_rows
    svg = chart.data_layer(rows, "Test")
    gibson = rows[0]
    y = chart.row_top(0) + 46
    x = chart.x_px(gibson.value)
    assert f"<circle cx='{round(x)}' cy='{round(y)}' r='{forest.marker_radius_px(18)}'" in svg
    low, high = round(chart.x_px(gibson.ci_low)), round(chart.x_px(gibson.ci_high))
    assert f"<line x1='{low}' y1='{round(y)}' x2='{high}' y2='{round(y)}'" in svg
    # x pixels follow the axis: 0% at the left edge of the axes, 100% at the right
    assert chart.x_px(0) == chart.LEFT_PX and chart.x_px(100) == chart.WIDTH_PX - chart.RIGHT_PX
    assert svg.count("<polygon") == 3  # short2024's three figures without counts: diamonds


def test_layer_reads_out_every_figure(chart_and_rows):
    chart, rows = chart_and_rows
    svg = chart.data_layer(rows, "Test title")
    label = re.search(r"aria-label='([^']*)'", svg).group(1)
    assert label.startswith("Test title.")
    assert "CR 61%, 11 of 18 patients, exact 95% confidence interval 35.7 to 82.7 percent" in label
    assert "Table 1 and the text disagree here" in label
    texts = SVG_TEXT.findall(svg)
    assert "Gibson et al., 2021 · all patients" in texts


def test_background_is_a_small_palette_png_with_alt_text(chart_and_rows):
    chart, _ = chart_and_rows
    assert "counts not given" in chart.alt_text() and "0 to 100 percent" in chart.alt_text()
    with pytest.raises(ValueError, match="alt: every figure needs alt text"):
        chart.background_html(" ")
    html = chart.background_html(chart.alt_text())
    assert html.startswith('<img src="data:image/png;base64,') and 'alt="Empty chart axes' in html
    image = Image.open(io.BytesIO(base64.b64decode(re.search(r"base64,([^\"]+)", html).group(1))))
    assert image.mode == "P" and image.size == (chart.WIDTH_PX, round(chart.height))
    colours = {colour for _, colour in image.convert("RGB").getcolors(maxcolors=256)}
    # the legend's marker colours survive the palette exactly
    for colour in (forest.COUNTS_COLOUR, forest.UNKNOWN_N_COLOUR):
        assert tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5)) in colours
    assert len(html) < 15_000


def test_marker_area_grows_with_n():
    radii = [forest.marker_radius_px(n) for n in (3, 5, 18, 47)]
    assert radii == sorted(radii) and radii[0] > 3


@pytest.mark.parametrize("choice", list(selection.ENDPOINT_CHOICES))
def test_every_row_is_legible_on_a_phone(outcomes, studies, choice):
    """No chart text is shrunk below 11 px to fit (the chart is about 0.8x on a 390 px phone)."""
    selected = selection.select_outcomes(outcomes, studies, endpoints=selection.ENDPOINT_CHOICES[choice].endpoints)
    usable = forest.RowChart.WIDTH_PX - 2 * forest.RowChart.LEFT_PX
    for row in figure_rows(selected, studies):
        assert forest.fitted_size(row.heading, forest.RowChart.HEADING_PX, usable, True) >= 11, row.heading
        assert forest.fitted_size(row.detail, forest.RowChart.TEXT_PX, usable) >= 11, row.detail


def test_chart_arguments_are_checked(response_rows):
    with pytest.raises(ValueError, match="row_count: must be 1 or more"):
        forest.RowChart(0)
    rows = response_rows()[:2]
    chart = forest.RowChart(3)
    with pytest.raises(ValueError, match="rows: this chart has 3 rows; got 2"):
        chart.data_layer(rows, "x")
    plt.close(chart.fig)
    with pytest.raises(ValueError, match="outside the axis"):
        months = forest.RowChart(1, forest.MONTHS_SCALE)
        months.data_layer([rows[0]], "x")  # 100% on a 0-30 month axis
    with pytest.raises(ValueError, match="a figure needs at least one row"):
        forest.row_figure([], "x")
    plt.close("all")


def test_chapter_figure_draws_the_same_rows(response_rows):
    rows = response_rows(lineage="B")
    fig = forest.row_figure(rows, "Aldoss")
    texts = [text.get_text() for text in fig.texts]
    assert "Aldoss" in texts and rows[0].heading in texts and rows[0].detail in texts
    assert len(fig.artists) >= len(rows)  # a marker per plotted row, and the legend's
    plt.close(fig)
