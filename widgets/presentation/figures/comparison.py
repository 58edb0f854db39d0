"""Subtype x drug comparison: a heat map of model IC50s with the value written in each cell.

The heat map is laid out in text widths (em) so that it stays legible on a phone: an image
``E`` em wide, scaled down to the ``style.PHONE_FIGURE_PX`` a phone gives a figure, shows its
text at ``style.PHONE_FIGURE_PX / E`` CSS px whatever the font size. Splitting the columns into
panels stacked one above the other (``panels``) keeps ``E`` small.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm, ListedColormap

from widgets.model.reading_guide import CLASSES, NO_BAND, ic50_class
from widgets.presentation import style
from widgets.presentation.text import dose_label

# Sensitivity classes of the model's reading guide, light to dark: the class is also
# written in words in each cell, so colour is never the only carrier.
CLASS_COLOURS = ("#FFFFFF", "#BFBFBF", "#595959")
# A drug without a clinical exposure band: its IC50 is written, not classified.
NO_BAND_COLOUR = "#EAF1F8"
NO_BAND_WORDS = "no band"
# Font size of every label and cell (points): the book's smallest figure text.
FONT_PT = style.TEXT_PT
# Space around texts, in em: the room beside the widest line of a column, the height of a
# line, and the room above and below the lines of a row.
CELL_PAD_EM, LINE_EM, ROW_PAD_EM = 0.35, 1.25, 0.6


def ic50_heatmap(matrix, *, row_labels, column_labels, drug_keys, panels=None):
    """``matrix``: a DataFrame of IC50s (nM; inf when not reached), rows profiles, columns regimens;
    ``drug_keys``: the drug whose dose varies in each column, whose own exposure band classifies it;
    ``panels``: groups of column positions, one panel each, stacked top to bottom (default: one
    panel of every column). Labels may hold line breaks."""
    style.apply()
    rows, columns = matrix.shape
    drug_keys = list(drug_keys)
    if len(drug_keys) != columns:
        raise ValueError(f"drug_keys: give one drug per column ({columns}), not {len(drug_keys)}")
    panels = [list(range(columns))] if panels is None else [list(group) for group in panels]
    if sorted(position for group in panels for position in group) != list(range(columns)):
        raise ValueError(f"panels: give every column position 0-{columns - 1} once")
    cells = [[_cell(matrix.iat[row, column], drug_keys[column]) for column in range(columns)] for row in range(rows)]
    fig = plt.figure(dpi=style.DPI)
    widths = _em_widths(fig, row_labels, column_labels, cells)
    label_em = max(widths["row"]) + CELL_PAD_EM
    cell_em = [
        max(widths["column"][c], *(widths["cell"][r][c] for r in range(rows))) + CELL_PAD_EM for c in range(columns)
    ]
    header_em = [
        max(label.count("\n") + 1 for label in (column_labels[c] for c in group)) * LINE_EM for group in panels
    ]
    row_em = max(2, *(label.count("\n") + 1 for label in row_labels)) * LINE_EM + ROW_PAD_EM
    title_em = 2 * LINE_EM
    panel_em = [header + ROW_PAD_EM + rows * row_em + ROW_PAD_EM for header in header_em]
    width_em = label_em + max(sum(cell_em[c] for c in group) for group in panels)
    height_em = title_em + sum(panel_em)
    em_in = FONT_PT / 72
    fig.set_size_inches(width_em * em_in, height_em * em_in)
    top = height_em - title_em
    for group, header, height in zip(panels, header_em, panel_em):
        axes_top = top - header - ROW_PAD_EM
        ax = fig.add_axes(
            (
                label_em / width_em,
                (axes_top - rows * row_em) / height_em,
                sum(cell_em[c] for c in group) / width_em,
                rows * row_em / height_em,
            )
        )
        _draw_panel(ax, [[cells[r][c] for c in group] for r in range(rows)], [cell_em[c] for c in group])
        ax.set_xticks(_centres([cell_em[c] for c in group]), [column_labels[c] for c in group], fontsize=FONT_PT)
        ax.set_yticks(range(rows), row_labels, fontsize=FONT_PT)
        top -= height
    fig.suptitle("Model IC50 by ALL profile and treatment", fontsize=FONT_PT, y=1 - 0.4 * LINE_EM / height_em)
    return fig


def _cell(ic50_nM, drug_key):
    """(text, class index) of one cell: the IC50 above its class, or "no band" for a drug without one."""
    word = ic50_class(ic50_nM, drug_key)
    label = "not reached" if not math.isfinite(ic50_nM) else dose_label(ic50_nM)
    if word == NO_BAND:
        return f"{label}\n{NO_BAND_WORDS}", len(CLASSES)
    return f"{label}\n{word}", CLASSES.index(word)


def _em_widths(fig, row_labels, column_labels, cells):
    """The widest line of every label and cell text, in em of ``FONT_PT``."""
    renderer = fig.canvas.get_renderer()
    em_px = FONT_PT * fig.dpi / 72

    def width(text):
        probe = fig.text(0, 0, text, fontsize=FONT_PT)
        value = probe.get_window_extent(renderer).width / em_px
        probe.remove()
        return value

    return {
        "row": [width(label) for label in row_labels],
        "column": [width(label) for label in column_labels],
        "cell": [[width(text) for text, _ in line] for line in cells],
    }


def _centres(widths_em):
    edges = np.concatenate([[0.0], np.cumsum(widths_em)])
    return (edges[:-1] + edges[1:]) / 2


def _draw_panel(ax, cells, widths_em):
    """One panel: coloured cells of the given widths (em), each with its text."""
    rows = len(cells)
    x_edges = np.concatenate([[0.0], np.cumsum(widths_em)])
    classes = np.array([[index for _, index in line] for line in cells])
    ax.pcolormesh(
        x_edges,
        np.arange(rows + 1) - 0.5,
        classes,
        cmap=ListedColormap((*CLASS_COLOURS, NO_BAND_COLOUR)),
        norm=BoundaryNorm([-0.5, 0.5, 1.5, 2.5, 3.5], 4),
        edgecolors="black",
        linewidth=0.8,
    )
    centres = _centres(widths_em)
    for row, line in enumerate(cells):
        for column, (text, index) in enumerate(line):
            colour = "white" if index == CLASSES.index("resistant") else "black"
            ax.text(centres[column], row, text, ha="center", va="center", fontsize=FONT_PT, color=colour)
    ax.set_xlim(x_edges[0], x_edges[-1])
    ax.set_ylim(rows - 0.5, -0.5)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(True)
