"""widgets.presentation.figures.mechanism: the layers carry the scan's numbers and describe them in words."""

import itertools
import math
import re

import numpy as np
import pytest

from widgets import model
from widgets.presentation import layers
from widgets.presentation.figures.mechanism import (
    BAND_NAMES,
    BANDS,
    LABEL_ASCENT,
    LABEL_DESCENT,
    SCAN_DOSES_NM,
    UNTREATED_DEATH_NOTE,
    MechanismFigure,
)
from widgets.presentation.text import dose_label


def test_dose_labels_read_like_a_clinician_says_them():
    assert [dose_label(d) for d in (1e-3, 0.1, 10.0, 1e3, 1e5)] == ["1 pM", "100 pM", "10 nM", "1 µM", "100 µM"]
    assert dose_label(1.37) == "1.37 nM" and dose_label(math.inf) == "not reached" and dose_label(0) == "0"


def test_data_layer_marks_the_ic50_and_says_it():
    profile = model.PROFILES["b_all"]
    figure = MechanismFigure(profile.bax_bak, model.MOMP_THRESHOLD_NM.value)
    scan = model.dose_scan(profile, "venetoclax", SCAN_DOSES_NM, cells=300)
    svg = figure.data_layer(scan, "Venetoclax")
    assert f"IC50 {dose_label(scan.ic50_nM)}" in svg
    label = re.search(r"aria-label='([^']*)'", svg).group(1)
    assert label.startswith(f"Venetoclax. IC50 {dose_label(scan.ic50_nM)}.")
    assert f"{100 * scan.fraction_apoptotic[-1]:.0f}% of cells are apoptotic" in label
    assert svg.count("<path") == 4 + 2  # four BIM bands, the BAX/BAK line, the death curve
    assert len(svg) < 3000


def test_unreached_ic50_is_said_not_drawn():
    profile = model.PROFILES["b_all"].scaled(bax_bak=0.0)
    figure = MechanismFigure(60.0, model.MOMP_THRESHOLD_NM.value)
    scan = model.dose_scan(profile, "venetoclax", SCAN_DOSES_NM, cells=100)
    svg = figure.data_layer(scan, "No BAX")
    assert "IC50: not reached" in svg and "<circle" not in svg
    assert figure.momp_dose(scan) == math.inf


def test_dose_layer_moves_with_the_dose():
    figure = MechanismFigure(60.0, model.MOMP_THRESHOLD_NM.value)
    low, high = figure.dose_layer(1.0), figure.dose_layer(1000.0)
    x = [float(re.search(r"x1='([\d.]+)'", svg).group(1)) for svg in (low, high)]
    assert x[1] > x[0] and "Chosen dose (black line): 1 µM" in high


def line_spans(svg: str) -> list[tuple[float, float]]:
    """The (top, bottom) of each vertical line of a layer, in pixels."""
    return [
        (float(top), float(bottom)) for top, bottom in re.findall(r"<line [^>]*y1='([\d.]+)' [^>]*y2='([\d.]+)'", svg)
    ]


def test_the_dose_line_lies_beneath_the_data_in_the_lower_panels_and_over_the_bands():
    """The IC50 and MOMP threshold labels are in the data layer, so the dose line across
    their panels is in a layer beneath it; across the bands (which would hide it) it is over."""
    figure = MechanismFigure(60.0, model.MOMP_THRESHOLD_NM.value)
    panel = {
        ax: (figure.axes_top(ax), figure.axes_bottom(ax)) for ax in (figure.bim_ax, figure.bax_ax, figure.death_ax)
    }
    assert line_spans(figure.dose_layer(10.0)) == [panel[figure.bim_ax]]
    beneath = figure.dose_line_layer(10.0)
    assert line_spans(beneath) == [panel[figure.bax_ax], panel[figure.death_ax]]
    assert "aria-hidden='true'" in beneath and "<text" not in beneath


def test_name_layer_titles_the_view_and_the_levels_and_dose_lines_fit_unnarrowed():
    figure = MechanismFigure(60.0, model.MOMP_THRESHOLD_NM.value)
    svg = figure.name_layer("Venetoclax + homoharringtonine")
    assert ">Venetoclax + homoharringtonine</text>" in svg
    assert "aria-label='Treatment: Venetoclax + homoharringtonine'" in svg
    # The widest levels and dose labels each have a line of their own, under the title, and
    # are drawn at their full size (never narrowed with textLength).
    scan = model.dose_scan(model.PROFILES["b_all"], "venetoclax", SCAN_DOSES_NM, cells=100)
    levels = figure.data_layer(scan, "BCL-2 ×0.25, MCL-1 ×0.25, BCL-XL ×0.25")
    dose = figure.dose_layer(10_000.0)
    assert "textLength" not in levels and "textLength" not in dose
    levels_y = float(re.search(r"<text x='[\d.]+' y='([\d.]+)'[^>]*>BCL-2", levels).group(1))
    dose_y = float(re.search(r"<text x='[\d.]+' y='([\d.]+)'[^>]*>Chosen dose", dose).group(1))
    assert figure.TITLE_Y < levels_y < dose_y < figure.axes_top(figure.bim_ax)


def test_band_shares_are_stacked_to_the_full_axis():
    figure = MechanismFigure(60.0, model.MOMP_THRESHOLD_NM.value)
    scan = model.dose_scan(model.PROFILES["b_all"], "venetoclax", SCAN_DOSES_NM, cells=100)
    assert np.allclose(scan.bim_share.sum(axis=1), 1.0)
    top = figure.point(figure.bim_ax, SCAN_DOSES_NM[0], 100.0)
    assert f"M{top[0]},{top[1]}l" in figure.data_layer(scan, "x")  # the topmost band starts at 100%


def _label_boxes(figure, scan):
    """Each band name drawn in the layer, as (band index, box in pixels) read from the SVG."""
    names = {label: index for index, label in enumerate(BAND_NAMES[band] for band in BANDS)}
    boxes = []
    for x, y, content in re.findall(
        r"<text x='([\d.]+)' y='([\d.]+)'[^>]*>([^<]*)</text>", figure.data_layer(scan, "x")
    ):
        if content in names:
            half = layers.text_width(content, layers.TEXT_PX) / 2
            top = float(y) - LABEL_ASCENT * layers.TEXT_PX
            boxes.append(
                (names[content], (float(x) - half, top, float(x) + half, float(y) + LABEL_DESCENT * layers.TEXT_PX))
            )
    return boxes


def _scans(profile_key, drug):
    profile = model.PROFILES[profile_key]
    for steps in itertools.product((0.25, 1.0, 4.0), repeat=3):
        levels = dict(zip(("bcl2", "mcl1", "bclxl"), steps))
        yield levels, model.dose_scan(profile.scaled(**levels), drug, SCAN_DOSES_NM, cells=20)


@pytest.mark.parametrize("profile_key", ["b_all", "mature_t_all"])
def test_band_names_sit_inside_their_own_band_and_never_on_each_other(profile_key):
    figure = MechanismFigure(model.PROFILES[profile_key].bax_bak, model.MOMP_THRESHOLD_NM.value)
    named = 0
    for levels, scan in _scans(profile_key, "venetoclax"):
        boxes = _label_boxes(figure, scan)
        named += len(boxes)
        for (_, a), (_, b) in itertools.combinations(boxes, 2):
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), levels
        cumulative = 100 * np.cumsum(scan.bim_share, axis=1)
        for index, (left, top, right, bottom) in boxes:
            # Every pixel column under the name: the band's edges, read from the data, enclose it.
            columns = np.arange(math.ceil(left), math.floor(right) + 1)
            doses = 10 ** np.interp(
                columns, [figure.x_pixel(figure.bim_ax, d) for d in SCAN_DOSES_NM], np.log10(SCAN_DOSES_NM)
            )
            upper = np.interp(np.log10(doses), np.log10(SCAN_DOSES_NM), cumulative[:, index])
            lower = np.interp(
                np.log10(doses),
                np.log10(SCAN_DOSES_NM),
                cumulative[:, index - 1] if index else np.zeros(len(SCAN_DOSES_NM)),
            )
            assert all(figure.point(figure.bim_ax, 1, u)[1] <= top + 1 for u in upper), (levels, index)
            assert all(figure.point(figure.bim_ax, 1, v)[1] >= bottom - 1 for v in lower), (levels, index)
    assert named >= 2 * 27  # most views name at least two bands


def test_the_default_view_names_every_band_that_holds_most_of_bim_somewhere():
    profile = model.PROFILES["b_all"]
    figure = MechanismFigure(profile.bax_bak, model.MOMP_THRESHOLD_NM.value)
    scan = model.dose_scan(profile, "venetoclax", SCAN_DOSES_NM, cells=20)
    named = {index for index, _ in _label_boxes(figure, scan)}
    assert {index for index in range(len(BANDS)) if scan.bim_share[:, index].max() > 0.5} <= named


def test_a_population_that_dies_untreated_is_said_to_have_no_ic50():
    profile = model.PROFILES["b_all"].scaled(bcl2=0.25)
    figure = MechanismFigure(profile.bax_bak, model.MOMP_THRESHOLD_NM.value)
    scan = model.dose_scan(profile, "venetoclax", SCAN_DOSES_NM, cells=1000)
    assert scan.ic50_nM == 0 and scan.fraction_apoptotic[0] >= 0.5
    svg = figure.data_layer(scan, "BCL-2 ×0.25")
    assert f">{UNTREATED_DEATH_NOTE}</text>" in svg and "IC50 0" not in svg and "below 1 pM" not in svg
    assert re.search(r"aria-label='BCL-2 ×0.25\. No IC50: half the cells die untreated\.", svg)


@pytest.mark.parametrize("profile_key", ["b_all", "mature_t_all"])
def test_the_threshold_and_ic50_labels_stay_clear_of_their_curves(profile_key):
    figure = MechanismFigure(model.PROFILES[profile_key].bax_bak, model.MOMP_THRESHOLD_NM.value)
    x_pixels = np.array([figure.x_pixel(figure.bim_ax, dose) for dose in SCAN_DOSES_NM], dtype=float)
    height = layers.TEXT_PX * (LABEL_ASCENT + LABEL_DESCENT)
    for levels, scan in _scans(profile_key, "venetoclax"):
        svg = figure.data_layer(scan, "x")
        curves = {
            "MOMP threshold": figure._pixels(
                figure.bax_ax, SCAN_DOSES_NM, np.minimum(scan.active_bax_nM, figure.bax_ax.get_ylim()[1])
            )[:, 1],
            "IC50": figure._pixels(figure.death_ax, SCAN_DOSES_NM, 100 * scan.fraction_apoptotic)[:, 1],
        }
        for name, curve_y in curves.items():
            match = re.search(rf"<text x='([\d.]+)' y='([\d.]+)'([^>]*)>({name}[^<]*)</text>", svg)
            if match is None:
                continue  # no IC50 label where none is reached
            x, baseline, content = float(match[1]), float(match[2]), match[4]
            anchor = "end" if "text-anchor='end'" in match[3] else "start"
            width = layers.text_width(content, layers.TEXT_PX, name == "IC50")
            x0, x1 = (x, x + width) if anchor == "start" else (x - width, x)
            top = baseline - LABEL_ASCENT * layers.TEXT_PX
            assert not layers.line_crosses_box(x_pixels, curve_y, x0, x1, top, top + height), (name, levels)
