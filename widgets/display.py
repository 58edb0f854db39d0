"""Tables for the chapters, as Markdown that the book parses as MyST (so citations work)."""

from __future__ import annotations

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
