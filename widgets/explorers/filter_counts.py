"""Counts in a filter explorer's menus, and words for a combination that matches nothing.

On the static site a menu cannot change with the other filters by itself. A filter
explorer therefore embeds, in a hidden element (``COUNTS_CLASS``), how many items every
combination of its options leaves; ``assets/js/trial-filters.js`` shows in each option how
many it would leave with the other filters as they are ("B-lineage (1 study)"), keeps the
filters when the reader comes back to the page (from a citation, say), and shows the reset
button (``RESET_CLASS``) of a view where nothing matches. ``relax_hint`` says which filter
to set back to "All" for such a view, so the view explains itself without the script too.
"""

from __future__ import annotations

import html
import itertools
import json
from collections.abc import Callable, Sequence

import ipywidgets

from widgets.presentation.text import plural

COUNTS_CLASS, RESET_CLASS = "explorer-filter-counts", "explorer-filter-reset"
# The words for each kind of item counted: (one, many).
NOUNS = {"studies": ("study", "studies"), "figures": ("figure", "figures"), "trials": ("trial", "trials")}
_HIDDEN = ipywidgets.Layout(display="none")


def counts_view(
    option_counts: Sequence[int],
    count_for: dict[str, Callable[[tuple[int, ...]], int]],
    shows: Sequence[str],
    start: Sequence[int],
) -> ipywidgets.HTML:
    """A hidden widget holding the counts for the script.

    ``option_counts``: each filter's number of options; ``count_for``: for each kind of item
    (a key of ``NOUNS``), how many one combination of option indices leaves; ``shows``: the
    kind each filter's options are counted in; ``start``: the filters' first indices (the reset).
    """
    unknown = sorted(set(shows) - set(count_for))
    if len(shows) != len(option_counts) or len(start) != len(option_counts) or unknown:
        raise ValueError(f"shows, start: one per filter ({len(option_counts)}), kinds from count_for; got {shows}")
    combinations = list(itertools.product(*(range(count) for count in option_counts)))
    data = {
        "shape": list(option_counts),
        "shows": list(shows),
        "nouns": {kind: NOUNS[kind] for kind in count_for},
        "counts": {kind: [count(indices) for indices in combinations] for kind, count in count_for.items()},
        "start": list(start),
    }
    markup = f"<div class='{COUNTS_CLASS}' hidden data-filters='{html.escape(json.dumps(data), quote=True)}'></div>"
    return ipywidgets.HTML(markup, layout=_HIDDEN)


def relax_hint(
    indices: tuple[int, ...], count: Callable[[tuple[int, ...]], int], filters: Sequence[tuple[str, str]], kind: str
) -> str:
    """The HTML of a view where ``indices`` leave no item (``kind``, a key of ``NOUNS``): which
    filter, set back to its first option, would find some, with how many; and a reset button.

    ``filters``: (name, label of its first option, the "All" one) per filter, in order.
    """
    one, many = NOUNS[kind]
    ways = []
    for position, (name, all_label) in enumerate(filters):
        widened = indices[:position] + (0,) + indices[position + 1 :]
        found = count(widened) if indices[position] else 0
        if found:
            ways.append(f"<b>{html.escape(name)}</b> back to “{html.escape(all_label)}” ({plural(found, one, many)})")
    if ways:
        advice = "To find some, set " + " or ".join(ways) + "."
    else:
        advice = "No single filter set back to “All” finds one: set two of them back."
    return (
        f"<p role='status' style='margin:0.5em 0;line-height:1.5'><strong>No {one} matches these filters.</strong> "
        f"{advice}</p><button type='button' class='{RESET_CLASS}' hidden "
        "style='min-height:36px;padding:0 1em;margin:0 0 0.5em'>Reset the filters</button>"
    )
