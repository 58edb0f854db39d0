"""Chapter 01, introduction: ALL's subtypes and the lineage shares."""

from __future__ import annotations

from widgets.chapters.common import prepare_page
from widgets.data import subtypes
from widgets.explorers.subtypes import subtype_explorer
from widgets.presentation.figures.introduction import lineage_share


def numbers() -> dict[str, str]:
    """The page glues no numbers: its figures and cards carry their own."""
    return {}


def setup() -> None:
    prepare_page(numbers)


def lineage_share_figure():
    """B- and T-lineage shares of ALL, by source (``data/lineage_share.csv``)."""
    return lineage_share(subtypes.load_lineage_share())


def explorer():
    """Subtype cards (``data/all_subtypes.csv``)."""
    return subtype_explorer(subtypes.load_subtypes())
