"""Finding the parts of an explorer in tests by what ``widgets.explorers.static_views`` documents
(the CSS classes it gives an explorer's parts, the order of ``overlay``'s layers, one stack level
per control in ``linked_views``) rather than by positions in the widget tree."""

from __future__ import annotations

import ipywidgets

from widgets.explorers import static_views


def descendants(widget):
    """The widget and every widget inside it, depth first."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from descendants(child)


def part(block: ipywidgets.Widget, css_class: str) -> ipywidgets.Widget:
    """The one widget in ``block`` that carries ``css_class``."""
    found = [widget for widget in descendants(block) if css_class in getattr(widget, "_dom_classes", ())]
    assert len(found) == 1, f"{len(found)} widgets carry {css_class!r}"
    return found[0]


def controls(block: ipywidgets.Widget) -> tuple:
    """The explorer's controls, in order (a slider without the plain-text readout beside it)."""
    return tuple(
        control.children[0] if static_views.SLIDER_CLASS in control._dom_classes else control
        for control in part(block, static_views.CONTROLS_CLASS).children
    )


def views(block: ipywidgets.Widget) -> ipywidgets.Widget:
    """What the explorer shows under its controls: a view, a stack of views or an overlay."""
    (shown,) = part(block, static_views.VIEWS_CLASS).children
    return shown


def overlay_layers(grid: ipywidgets.GridBox) -> list[ipywidgets.Widget]:
    """The layers of ``static_views.overlay``, the bottom one first."""
    return [cell.children[0] for cell in grid.children]


def view_at(stacks: ipywidgets.Widget, *indices: int) -> ipywidgets.Widget:
    """The view ``linked_views`` built for these option indices, one per control in order."""
    for index in indices:
        stacks = stacks.children[index]
    return stacks


def leaves(widget: ipywidgets.Widget) -> list[ipywidgets.Widget]:
    """Every view held by nested stacks, in the order of the option combinations."""
    if isinstance(widget, ipywidgets.Stack):
        return [leaf for child in widget.children for leaf in leaves(child)]
    return [widget]
