"""What a chapter notebook stores, read for the chapter modules' tests."""

from __future__ import annotations

from tests.widgets.chapters.test_pages import CHAPTERS, cells


def stored_alt(notebook: str, figure_name: str) -> str:
    """The ``mystnb.image.alt`` of the figure cell named ``figure_name`` (``fig-...``) in ``notebook``."""
    found = [
        cell["metadata"]["mystnb"].get("image", {}).get("alt", "")
        for cell in cells(CHAPTERS / notebook, "code")
        if cell["metadata"].get("mystnb", {}).get("figure", {}).get("name") == figure_name
    ]
    assert len(found) == 1, f"{notebook} should hold exactly one figure cell named {figure_name}, found {len(found)}"
    return found[0]


def figure_cells(notebook: str) -> list[tuple[str, str]]:
    """(the source of the cell, its ``mystnb.figure.name``) of each figure cell, in page order."""
    return [
        ("".join(cell["source"]).strip(), cell["metadata"]["mystnb"]["figure"].get("name", ""))
        for cell in cells(CHAPTERS / notebook, "code")
        if "figure" in cell["metadata"].get("mystnb", {})
    ]


def figure_name(name: str) -> str:
    """A figure spec's name as its cell names the figure: ``bcl2_balance`` -> ``fig-bcl2-balance``."""
    return "fig-" + name.replace("_", "-")


def markdown_text(notebook: str) -> str:
    """Every markdown cell of ``notebook``, joined."""
    return "\n".join("".join(cell["source"]) for cell in cells(CHAPTERS / notebook, "markdown"))
