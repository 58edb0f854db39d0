"""Text helpers for every page: doses, citations and Markdown tables (parsed as MyST, so citations work)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from IPython.display import Markdown


def cite(keys) -> str:
    """A MyST parenthetical citation of ``keys`` (bibkeys), or "" for none."""
    keys = [keys] if isinstance(keys, str) else list(keys)
    return f"{{cite:p}}`{','.join(keys)}`" if keys else ""


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> Markdown:
    """A Markdown table; cells are text (escape pipes yourself if a cell needs one)."""
    if any(len(row) != len(headers) for row in rows):
        raise ValueError("rows: every row needs one cell per header")
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell).replace("\n", " ") for cell in row) + " |" for row in rows]
    return Markdown("\n".join(lines))


def dose_label(dose_nM: float) -> str:
    """A dose as a reader says it: "1 pM", "100 pM", "10 nM", "1 µM", "100 µM"."""
    if dose_nM == 0:
        return "0"
    if math.isinf(dose_nM):
        return "not reached"
    for unit, scale in (("µM", 1e3), ("nM", 1.0), ("pM", 1e-3)):
        if dose_nM >= scale:
            value = dose_nM / scale
            return f"{value:.3g} {unit}"
    return f"{dose_nM * 1e3:.2g} pM"
