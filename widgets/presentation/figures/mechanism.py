"""The mechanism figure: where BIM sits, whether BAX/BAK activate, and how many cells die.

Three panels share one axis, the dose of the BH3 mimetic (log scale):

1. where a typical cell's BIM sits: on BCL-2, BCL-XL or MCL-1, or free (stacked bands);
2. the typical cell's active BAX/BAK, with the MOMP threshold;
3. the share of a population of cells that has reached MOMP, with the IC50.

The axes are drawn once by matplotlib (``MechanismFigure``); each treatment's data is a
light SVG layer (``data_layer``), the treatment's name another (``name_layer``) and the
chosen dose two more: its line in the lower panels beneath the data (``dose_line_layer``),
so that the data's labels stay legible over it, and its words and its line over the bands
above the data (``dose_layer``). So an explorer on the static site can hold hundreds
of views in a page, and two treatments with the same data share a data layer while each
keeps its own name.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, NullLocator

from widgets.model import DoseScan
from widgets.presentation import layers, style
from widgets.presentation.text import dose_label

DOSE_RANGE_NM = (1e-3, 1e5)
# The doses at which a view is computed: three per decade over the range.
SCAN_DOSES_NM = np.logspace(-3, 5, 25)
DOSE_TICKS_NM = (1e-3, 1e-1, 1e1, 1e3, 1e5)
BANDS = ("bcl2", "bclxl", "mcl1", "free")
# A band's name keeps LABEL_PAD_PX of clear space either side; its box reaches LABEL_ASCENT
# of the text size above the baseline and LABEL_DESCENT below (DejaVu Sans, with the halo).
LABEL_PAD_PX, LABEL_ASCENT, LABEL_DESCENT = 3, 0.8, 0.25
# Pixels between the candidate places of a band's name.
LABEL_STEP_PX = 4
BAND_LABELS = {"bcl2": "on BCL-2", "bclxl": "on BCL-XL", "mcl1": "on MCL-1", "free": "free"}
# Inside a band its name is short (the legend has the long one), so that it fits twice as often.
BAND_NAMES = {"bcl2": "BCL-2", "bclxl": "BCL-XL", "mcl1": "MCL-1", "free": "free"}
BAND_COLOURS = {
    "bcl2": style.OKABE_ITO["sky_blue"],
    "bclxl": style.OKABE_ITO["orange"],
    "mcl1": style.OKABE_ITO["reddish_purple"],
    "free": style.OKABE_ITO["yellow"],
}
DEATH_COLOUR = style.OKABE_ITO["vermillion"]
# Where half the cells or more are past MOMP with no drug (the model's IC50 is then 0), there is no IC50 to read.
UNTREATED_DEATH_NOTE = "No IC50: half the cells die untreated"
THRESHOLD_LABEL = "MOMP threshold"
BAX_COLOUR = style.OKABE_ITO["blue"]


class MechanismFigure(layers.LayeredFigure):
    """The three axes of the mechanism figure, for a profile with ``bax_nM`` of BAX/BAK.

    ``threshold_nM`` is the MOMP threshold of active BAX/BAK, drawn in the background.
    """

    # The book's phone-first width; the layout below is in inches from the top of the figure.
    WIDTH_IN = style.FIGURE_WIDTH_IN
    # Heights (pixels from the top) of the title (the treatment's name), of the levels (data
    # layer) and of the chosen dose (dose layer), each on its own line.
    TITLE_Y, LEVELS_Y, DOSE_Y, MARGIN_PX = 24, 48, 70, 8
    # Inches from the top: the legend's top, then each panel's title line and axes.
    LEGEND_TOP_IN = 0.8
    PANELS_IN = ((1.75, 1.7), (4.2, 1.4), (6.35, 1.4))  # (top of the axes, height)
    HEIGHT_IN = 8.45
    LEFT, AXES_WIDTH = 0.2, 0.72
    PANEL_TITLES = (
        "1. Where the typical cell's BIM sits",
        "2. BAX/BAK activation, typical cell",
        "3. Cells past the point of no return",
    )

    def __init__(self, bax_nM: float, threshold_nM: float):
        style.apply()
        fig = plt.figure(figsize=(self.WIDTH_IN, self.HEIGHT_IN))
        self.bim_ax, self.bax_ax, self.death_ax = (
            fig.add_axes((self.LEFT, 1 - (top + height) / self.HEIGHT_IN, self.AXES_WIDTH, height / self.HEIGHT_IN))
            for top, height in self.PANELS_IN
        )
        for ax, title in zip((self.bim_ax, self.bax_ax, self.death_ax), self.PANEL_TITLES):
            ax.set_xscale("log")
            ax.set_xlim(*DOSE_RANGE_NM)
            ax.xaxis.set_major_locator(FixedLocator(DOSE_TICKS_NM))
            ax.xaxis.set_minor_locator(NullLocator())
            ax.set_xticklabels([dose_label(dose) for dose in DOSE_TICKS_NM])
            # Titles start at the figure's left margin, not the axes', so a long one fits.
            ax.text(-self.LEFT / self.AXES_WIDTH + 0.03, 1.06, title, transform=ax.transAxes, va="bottom")
        self.bim_ax.set_ylim(0, 100)
        self.bim_ax.set_ylabel("BIM (%)")
        fig.legend(
            handles=[Patch(facecolor=BAND_COLOURS[band], edgecolor="black", label=BAND_LABELS[band]) for band in BANDS],
            loc="upper center",
            bbox_to_anchor=(0.5, 1 - self.LEGEND_TOP_IN / self.HEIGHT_IN),
            ncol=2,
            frameon=False,
            handlelength=1.2,
            columnspacing=1.5,
        )
        self.threshold_nM = threshold_nM
        self.bax_ax.set_ylim(0, max(1.15 * bax_nM, 1.5 * threshold_nM))
        self.bax_ax.set_ylabel("Active (nM)")
        self.bax_ax.axhline(threshold_nM, color="black", linestyle="--", linewidth=1.2)
        self.death_ax.set_ylim(0, 100)
        self.death_ax.set_ylabel("Cells apoptotic (%)")
        self.death_ax.axhline(50, color="grey", linestyle=":", linewidth=1)
        self.death_ax.set_xlabel("Dose of the BH3 mimetic (log scale)")
        super().__init__(fig)

    def name_layer(self, name: str) -> str:
        """The title: the treatment's name, centered above the panels."""
        return self.svg([self.title(name, self.TITLE_Y)], f"Treatment: {name}")

    def data_layer(self, scan: DoseScan, title: str) -> str:
        """One input's data over the axes, ``title`` (what the data were computed for, such as
        the levels) on its own line under the title, with a text description for screen readers."""
        doses = scan.doses_nM
        elements = [
            layers.text(self.MARGIN_PX, self.LEVELS_Y, title, bold=True, max_width=self.width - 2 * self.MARGIN_PX)
        ]
        elements += self._bands(doses, 100.0 * scan.bim_share)
        top = self.bax_ax.get_ylim()[1]
        bax_curve = np.minimum(scan.active_bax_nM, top)
        elements.append(layers.curve(self.path(self.bax_ax, doses, bax_curve), BAX_COLOUR, width=3))
        elements.append(self._threshold_label(doses, bax_curve))
        percent = 100.0 * scan.fraction_apoptotic
        elements.append(layers.curve(self.path(self.death_ax, doses, percent), DEATH_COLOUR, width=3))
        elements += self._ic50(scan.ic50_nM)
        crossing = self.momp_dose(scan)
        ic50_words = UNTREATED_DEATH_NOTE if scan.ic50_nM == 0 else f"IC50 {dose_label(scan.ic50_nM)}"
        label = (
            f"{title}. {ic50_words}. The typical cell reaches MOMP "
            f"{'from ' + dose_label(crossing) if math.isfinite(crossing) else 'at no dose shown'}. "
            f"At the highest dose {percent[-1]:.0f}% of cells are apoptotic and "
            f"{100 * scan.bim_share[-1, 3]:.0f}% of the typical cell's BIM is free."
        )
        return self.svg(elements, label)

    @staticmethod
    def momp_dose(scan: DoseScan) -> float:
        """The lowest dose of the scan at which the typical cell is past the MOMP threshold (inf if none)."""
        past = np.flatnonzero(scan.active_bax_nM >= scan.momp_threshold_nM)
        return float(scan.doses_nM[past[0]]) if past.size else math.inf

    def _bands(self, doses, shares_percent) -> list[str]:
        """Stacked bands, painted from the top down: each polygon is the area under one boundary."""
        cumulative = np.cumsum(shares_percent, axis=1)
        elements = []
        for index in range(len(BANDS) - 1, -1, -1):
            upper = cumulative[:, index]
            outline = np.concatenate([upper, [0.0, 0.0]])
            x = np.concatenate([doses, [doses[-1], doses[0]]])
            elements.append(layers.area(self.path(self.bim_ax, x, outline, closed=True), BAND_COLOURS[BANDS[index]]))
        for x, y, label in self._band_labels(doses, cumulative):
            elements.append(layers.text(x, y, label, anchor="middle", halo=True))
        return elements

    def _band_labels(self, doses, cumulative) -> list[tuple[float, float, str]]:
        """Each band's name where the band is thickest and the whole label fits inside it,
        clear of the names already placed; a band with no such place (too thin everywhere)
        is named only in the legend. Returns (x, baseline y, text) in pixels."""
        x_pixels = np.array([self.x_pixel(self.bim_ax, dose) for dose in doses], dtype=float)
        lower_edges = np.column_stack([np.zeros(len(doses)), cumulative[:, :-1]])
        height = layers.TEXT_PX * (LABEL_ASCENT + LABEL_DESCENT)
        placed, boxes = [], []
        # Candidate centres every LABEL_STEP_PX across the axes, thickest part of the band first.
        centres = np.arange(x_pixels[0], x_pixels[-1], LABEL_STEP_PX)
        for index, band in enumerate(BANDS):
            label = BAND_NAMES[band]
            half_width = layers.text_width(label, layers.TEXT_PX) / 2 + LABEL_PAD_PX
            thickness = np.interp(centres, x_pixels, cumulative[:, index] - lower_edges[:, index])
            for centre in centres[np.argsort(-thickness, kind="stable")]:
                x = min(max(centre, x_pixels[0] + half_width), x_pixels[-1] - half_width)
                top, bottom = self._room(
                    x - half_width, x + half_width, x_pixels, lower_edges[:, index], cumulative[:, index]
                )
                if bottom - top < height:
                    continue
                box_top = (top + bottom - height) / 2
                box = (x - half_width, box_top, x + half_width, box_top + height)
                if not any(
                    box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]
                    for other in boxes
                ):
                    placed.append((round(float(x), 1), round(box_top + layers.TEXT_PX * LABEL_ASCENT, 1), label))
                    boxes.append(box)
                    break
        return placed

    def _room(self, left, right, x_pixels, lower_percent, upper_percent) -> tuple[float, float]:
        """The band's free height between ``left`` and ``right`` (pixels): the lowest point of
        its upper edge and the highest of its lower edge there, as (top, bottom) pixels (the
        edges are straight between the scanned doses)."""
        span = np.concatenate([[left, right], x_pixels[(x_pixels > left) & (x_pixels < right)]])
        ones = np.ones(len(span))
        top = self._pixels(self.bim_ax, ones, np.interp(span, x_pixels, upper_percent))[:, 1].max()
        bottom = self._pixels(self.bim_ax, ones, np.interp(span, x_pixels, lower_percent))[:, 1].min()
        return float(top), float(bottom)

    def _threshold_label(self, doses, bax_nM) -> str:
        """The dashed line's name, just above or below it at the left or the right end of the
        panel: the first of those places that the BAX/BAK curve does not cross."""
        width = layers.text_width(THRESHOLD_LABEL, layers.TEXT_PX)
        line_y = self.point(self.bax_ax, doses[0], self.threshold_nM)[1]
        left, right = self.x_pixel(self.bax_ax, DOSE_RANGE_NM[0]) + 6, self.x_pixel(self.bax_ax, DOSE_RANGE_NM[1]) - 6
        x_pixels = np.array([self.x_pixel(self.bax_ax, dose) for dose in doses], dtype=float)
        curve_y = self._pixels(self.bax_ax, doses, bax_nM)[:, 1]
        height = layers.TEXT_PX * (LABEL_ASCENT + LABEL_DESCENT)
        places = [
            (left, line_y - 4, "start"),
            (right, line_y + 4 + layers.TEXT_PX * LABEL_ASCENT, "end"),
            (right, line_y - 4, "end"),
            (left, line_y + 4 + layers.TEXT_PX * LABEL_ASCENT, "start"),
        ]
        for x, baseline, anchor in places:
            x0, x1 = (x, x + width) if anchor == "start" else (x - width, x)
            top = baseline - layers.TEXT_PX * LABEL_ASCENT
            if not layers.line_crosses_box(x_pixels, curve_y, x0, x1, top - 2, top + height + 2):
                break
        else:
            x, baseline, anchor = places[0]
        return layers.text(x, baseline, THRESHOLD_LABEL, anchor=anchor, halo=True)

    def _ic50(self, ic50_nM: float) -> list[str]:
        top, bottom = self.axes_top(self.death_ax), self.axes_bottom(self.death_ax)
        if not math.isfinite(ic50_nM) or ic50_nM < DOSE_RANGE_NM[0]:
            note = "IC50: not reached" if not math.isfinite(ic50_nM) else "IC50: below 1 pM"
            if ic50_nM == 0:
                note = UNTREATED_DEATH_NOTE
            # Not reached: the curve stays low, so the note sits high; at or below 1 pM the curve
            # stays high, so the note sits low.
            baseline = top + 16 if not math.isfinite(ic50_nM) else bottom - 10
            return [
                layers.text(self.x_pixel(self.death_ax, DOSE_RANGE_NM[0]) + 6, baseline, note, bold=True, halo=True)
            ]
        x, y = self.point(self.death_ax, ic50_nM, 50)
        anchor = "start" if ic50_nM < 1e2 else "end"
        offset = 6 if anchor == "start" else -6
        # The curve rises through the IC50: right of it the curve is high, so the label sits
        # low; left of it the curve is low, so the label sits high.
        baseline = bottom - 10 if anchor == "start" else top + 16
        return [
            layers.line(x, top, x, bottom, width=1.5, dash="5 4"),
            layers.circle(x, y, 5, DEATH_COLOUR),
            layers.text(x + offset, baseline, f"IC50 {dose_label(ic50_nM)}", anchor=anchor, bold=True, halo=True),
        ]

    def dose_layer(self, dose_nM: float) -> str:
        """The chosen dose, over the data: its words and its line across the BIM panel,
        whose bands would hide a line drawn beneath them."""
        x = self.x_pixel(self.death_ax, dose_nM)
        elements = [
            layers.line(x, self.axes_top(self.bim_ax), x, self.axes_bottom(self.bim_ax), width=2.5),
            layers.text(
                self.MARGIN_PX,
                self.DOSE_Y,
                f"Chosen dose (black line): {dose_label(dose_nM)}",
                max_width=self.width - 2 * self.MARGIN_PX,
            ),
        ]
        return self.svg(elements, f"Marker at the chosen dose, {dose_label(dose_nM)}")

    def dose_line_layer(self, dose_nM: float) -> str:
        """The chosen dose's line across the BAX/BAK and death panels, for beneath the data
        layer: the curves and their labels (MOMP threshold, IC50) are drawn over it, so a
        dose near the IC50 never strikes through the IC50's label. Screen readers skip it:
        ``dose_layer`` names the dose."""
        x = self.x_pixel(self.death_ax, dose_nM)
        elements = [
            layers.line(x, self.axes_top(ax), x, self.axes_bottom(ax), width=2.5) for ax in (self.bax_ax, self.death_ax)
        ]
        return self.svg(elements, None)
