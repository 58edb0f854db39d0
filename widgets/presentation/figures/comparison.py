"""Subtype x drug comparison: a heat map of model IC50s with the value written in each cell."""

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


def ic50_heatmap(matrix, *, row_labels, column_labels, drug_keys):
    """``matrix``: a DataFrame of IC50s (nM; inf when not reached), rows profiles, columns regimens;
    ``drug_keys``: the drug whose dose varies in each column, whose own exposure band classifies it."""
    style.apply()
    rows, columns = matrix.shape
    drug_keys = list(drug_keys)
    if len(drug_keys) != columns:
        raise ValueError(f"drug_keys: give one drug per column ({columns}), not {len(drug_keys)}")
    fig, ax = plt.subplots(figsize=(style.FULL_WIDTH_IN, 0.62 * rows + 1.9))
    words = [
        [ic50_class(matrix.iat[row, column], drug_keys[column]) for column in range(columns)] for row in range(rows)
    ]
    classes = np.array([[len(CLASSES) if word == NO_BAND else CLASSES.index(word) for word in line] for line in words])
    ax.imshow(
        classes,
        cmap=ListedColormap((*CLASS_COLOURS, NO_BAND_COLOUR)),
        norm=BoundaryNorm([-0.5, 0.5, 1.5, 2.5, 3.5], 4),
        aspect="auto",
    )
    for row in range(rows):
        for column in range(columns):
            value = matrix.iat[row, column]
            word = NO_BAND_WORDS if words[row][column] == NO_BAND else words[row][column]
            label = "not reached" if not math.isfinite(value) else dose_label(value)
            ax.text(
                column,
                row,
                f"{label}\n{word}",
                ha="center",
                va="center",
                fontsize=8.5,
                color="white" if word == "resistant" else "black",
            )
    ax.set_xticks(range(columns), column_labels, rotation=25, ha="right", fontsize=9)
    ax.set_yticks(range(rows), row_labels, fontsize=9)
    ax.set_xticks(np.arange(columns + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(rows + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="black", linewidth=0.8)
    ax.tick_params(which="minor", length=0)
    for spine in ax.spines.values():
        spine.set_visible(True)
    ax.set_title("Model IC50 by ALL profile and treatment", fontsize=11)
    fig.tight_layout()
    return fig
