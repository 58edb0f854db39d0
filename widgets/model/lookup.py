"""Finding an entry of one of the model's tables (drugs, partners, regimens) by its key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

Entry = TypeVar("Entry")


def lookup(table: Mapping[str, Entry], key: str, *, argument: str, kind: str) -> Entry:
    """``table[key]``; otherwise a ValueError naming ``argument``, the ``kind`` of entry and the
    allowed keys, e.g. "drug: 'aspirin' is not a known drug; choose one of venetoclax, ..."."""
    if key not in table:
        raise ValueError(f"{argument}: {key!r} is not a known {kind}; choose one of {', '.join(table)}")
    return table[key]
