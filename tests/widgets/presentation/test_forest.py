"""widgets.presentation.forest: the forest chart places every row on its axis, reads it out,
keeps a scale in sight and its gridlines off the labels, lists only the markers it draws,
stays legible on a phone, and draws the same layout as a chapter figure."""

import html
import re

import matplotlib.pyplot as plt
import pytest

from widgets.data import trial_selection as selection
from widgets.presentation import forest, style
from widgets.presentation.forest_rows import figure_rows

SVG_TEXT = re.compile(r"<text ([^>]*)>([^<]*)</text>")
# The narrowest a chart is shown on a 390 px phone: a chapter figure's image (the chart and
# the notebook's margins) in a figure box 326 CSS px wide (style.PHONE_FIGURE_PX).
PHONE_SCALE = style.PHONE_FIGURE_PX / (forest.RowChart.WIDTH_PX + 2 * style.INLINE_PAD_IN * style.DPI)


def texts(svg):
    """(y, size, content) of every text of an SVG chart."""
    found = []
    for attributes, content in SVG_TEXT.findall(svg):
        values = dict(re.findall(r"(\S+)='([^']*)'", attributes))
        found.append((float(values["y"]), float(values["font-size"]), html.unescape(content)))
    return found


def path_segments(svg, colour):
    """The straight lines of the paths drawn in ``colour``, as (x1, y1, x2, y2)."""
    segments = []
    for data in re.findall(rf"<path d='([^']*)' stroke='{colour}'", svg):
        for x, y, kind, end in re.findall(r"M(-?\d+),(-?\d+)([VHL])(-?\d+(?:,-?\d+)?)", data):
            x, y = int(x), int(y)
            if kind == "V":
                segments.append((x, y, x, int(end)))
            elif kind == "H":
                segments.append((x, y, int(end), y))
            else:
                segments.append((x, y, *map(int, end.split(","))))
    return segments


@pytest.fixture
def rows(response_rows):
    return [row for row in response_rows() if row.study_id in ("gibson2021", "short2024")]


def test_values_and_intervals_sit_on_the_axis(rows):
    chart = forest.RowChart(rows, "Test")
    svg = chart.svg()
    gibson = rows[0]
    assert chart.x_px(0) == chart.LEFT_PX and chart.x_px(100) == chart.WIDTH_PX - chart.RIGHT_PX
    circle = re.search(rf"<circle cx='(\d+)' cy='(\d+)' r='{forest.marker_radius_px(18)}'", svg)
    assert int(circle.group(1)) == round(chart.x_px(gibson.value))
    y = int(circle.group(2))
    # the interval: one line across at the circle's height, from the CI's low end to its high end
    assert (round(chart.x_px(gibson.ci_low)), y, round(chart.x_px(gibson.ci_high)), y) in path_segments(svg, "#000")
    # short2024's three figures without counts: diamonds, below the legend's one
    diamonds = [float(y) for y in re.findall(r"<polygon points='[\d.]+,([\d.]+)", svg)]
    assert len([y for y in diamonds if y > chart.row_tops[0]]) == 3 and len(diamonds) == 4


def test_the_chart_reads_out_every_figure(rows):
    svg = forest.RowChart(rows, "Test title", note="3 figures").svg()
    label = re.search(r"aria-label='([^']*)'", svg).group(1)
    assert label.startswith("Test title. 3 figures.")
    assert "CR 61%, 11 of 18 patients, exact 95% confidence interval 35.7 to 82.7 percent" in label
    assert "Table 1 and the text disagree here" in label
    assert "Gibson et al., 2021 · all patients" in [content for _, _, content in texts(svg)]


def test_gridlines_stay_off_the_labels(response_rows):
    """Every gridline runs within a row's value band, below its heading and detail lines."""
    rows = response_rows()
    chart = forest.RowChart(rows, "All")
    svg = chart.svg()
    grid = path_segments(svg, forest.GRID_COLOUR)
    assert grid and all(x1 == x2 for x1, _, x2, _ in grid)
    assert {x for x, *_ in grid} == {round(chart.x_px(tick)) for tick in chart.scale.ticks}
    for y, size, content in texts(svg):
        top = y - size  # the text's box, from its baseline up
        crossing = [line for line in grid if line[1] < y + 3 and line[3] > top]
        assert crossing == [], f"a gridline crosses {content!r}"


def test_a_scale_is_never_far_from_a_row(response_rows):
    """A scale (the tick labels) above the first row, wherever the rows run on, and below."""
    chart = forest.RowChart(response_rows(), "All")
    svg = chart.svg()
    scales = sorted(y for y, _, content in texts(svg) if content == "50%")
    assert len(scales) == len(chart.scale_tops) >= 3
    assert scales[0] < chart.row_tops[0] and scales[-1] > chart.row_tops[-1]
    for top in chart.row_tops:
        assert min(abs(top - scale) for scale in scales) <= chart.SCALE_GAP_PX


@pytest.mark.parametrize("choice", list(selection.ENDPOINT_CHOICES))
def test_the_legend_lists_only_the_markers_drawn(outcomes, studies, choice):
    selected = selection.select_outcomes(outcomes, studies, endpoints=selection.ENDPOINT_CHOICES[choice].endpoints)
    rows = figure_rows(selected, studies)
    chart = forest.RowChart(rows, choice)
    svg = chart.svg()
    first_row = chart.row_tops[0]

    def kinds(part):
        shapes = set()
        for y in (float(y) for y in re.findall(r"<circle cx='\d+' cy='(\d+)'", part)):
            shapes.add(("circle", y < first_row))
        for points, stroke in re.findall(r"<polygon points='([^']*)' fill='#fff' stroke='([^']*)'", part):
            y = float(points.split()[0].split(",")[1])
            shapes.add(("diamond" if stroke == forest.UNKNOWN_N_COLOUR else "square", y < first_row))
        return shapes

    shapes = kinds(svg)
    in_legend = {kind for kind, legend in shapes if legend}
    in_rows = {kind for kind, legend in shapes if not legend}
    assert in_legend == in_rows
    words = [content for _, _, content in texts(svg)]
    legend = " ".join(words)
    assert ("comparator" in legend) == ("square" in in_rows)
    assert ("disagree" in legend) == any(row.disagreement for row in rows)
    assert ("no denominator" in legend.split("Table 1, [text]")[0]) == any(not row.plotted for row in rows)


def test_months_legend_names_its_markers(outcomes, studies):
    months = figure_rows(
        selection.select_outcomes(outcomes, studies, endpoints=selection.SURVIVAL_MONTHS_ENDPOINTS), studies
    )
    entries = forest.legend_entries(months, forest.MONTHS_SCALE)
    assert [kind for kind, _ in entries if kind] == ["circle", "diamond"]
    assert "comparator" not in " ".join(words for _, words in entries)


def test_every_text_reads_at_11_css_px_on_a_phone(outcomes, studies):
    """Text is never shrunk: long headings and details wrap onto more lines instead, within the chart."""
    rows = figure_rows(outcomes, studies)
    chart = forest.RowChart([row for row in rows if row.unit == "percent" or not row.plotted], "All figures")
    svg = chart.svg()
    for _, size, content in texts(svg):
        assert size * PHONE_SCALE >= style.MIN_TEXT_PX - 0.05, content
        assert forest.layers.text_width(content, size) <= chart.WIDTH_PX - 2 * chart.MARGIN_PX + 1, content
    assert "textLength" not in svg


def test_wrap_breaks_at_parts_before_words():
    assert forest.wrap("a · b", 14, 1000) == ["a · b"]
    width = forest.layers.text_width("Richard-Carpentier et al., 2020", 14, True) + 2
    assert forest.wrap("Richard-Carpentier et al., 2020 · all patients", 14, width, True) == [
        "Richard-Carpentier et al., 2020",
        "all patients",
    ]
    width = forest.layers.text_width("marrow remission 30%", 14) + 2
    assert forest.wrap("marrow remission 30% (no counts: no CI) [text]", 14, width) == [
        "marrow remission 30%",
        "(no counts: no CI)",
        "[text]",
    ]


def test_marker_area_grows_with_n():
    radii = [forest.marker_radius_px(n) for n in (3, 5, 18, 47)]
    assert radii == sorted(radii) and radii[0] > 3


def test_chart_arguments_are_checked(response_rows):
    with pytest.raises(ValueError, match="rows: a chart needs at least one row"):
        forest.RowChart([], "x")
    with pytest.raises(ValueError, match="outside the axis"):
        forest.RowChart(response_rows()[:1], "x", forest.MONTHS_SCALE)  # 100% on a 0-30 month axis
    with pytest.raises(ValueError, match="a figure needs at least one row"):
        forest.row_figure([], "x")


def test_chapter_figure_draws_the_same_layout(response_rows):
    rows = response_rows(lineage="B")
    chart = forest.RowChart(rows, "Aldoss")
    fig = forest.row_figure(rows, "Aldoss")
    drawn = [text.get_text() for text in fig.texts]
    assert drawn == [content for _, _, content in texts(chart.svg())]
    assert fig.get_size_inches()[1] * style.DPI == pytest.approx(chart.height)
    plt.close(fig)
