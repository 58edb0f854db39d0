"""widgets.presentation.figures.mechanism: the layers carry the scan's numbers and describe them in words."""

import math
import re

import numpy as np

from widgets import model
from widgets.presentation.figures.mechanism import SCAN_DOSES_NM, MechanismFigure
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
