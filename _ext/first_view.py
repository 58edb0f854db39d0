"""Every explorer's default view written into the page as plain HTML: its first view.

An explorer on the static site is a tree of widgets in the page's saved widget state
(``widgets/explorers/static_views.py``), drawn by the widget renderer only once the page
and the renderer's script have loaded. On a throttled phone that took 7 to 11 s, with
nothing in the explorer's place until then. Here the view the controls start on (each
stack at its selected child, each slider's readout at its label) is rendered from the
saved state at build time and written after the explorer's placeholder, with the
controls' settings as text above it. The reader sees the real default view as soon as
the page's HTML arrives; once the renderer has drawn the live explorer beside the
placeholder, the first view is hidden (``css/book.css``, "First views"). With scripts
off, the first view is what the reader gets.

Only explorers (widgets with the ``book-explorer`` class) get a first view. Nothing in it
carries the classes of the live explorer, so the browser tests and the renderer never
take one for the other.
"""

from __future__ import annotations

import html
import json
import re

from widgets.explorers.static_views import EXPLORER_CLASS, READOUT_CLASS

FIRST_VIEW_CLASS = "book-first-view"
STATE_SCRIPT = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>', re.S)
VIEW_SCRIPT = re.compile(r'<script type="application/vnd\.jupyter\.widget-view\+json">(.*?)</script>', re.S)
# Containers laid out as ipywidgets lays them out (its .widget-box, -hbox, -vbox, -gridbox).
BOX_DISPLAY = {
    "BoxModel": "display:flex",
    "HBoxModel": "display:flex;flex-direction:row",
    "VBoxModel": "display:flex;flex-direction:column",
    "GridBoxModel": "display:grid",
}
CONTROLS = {"DropdownModel", "SelectionSliderModel", "SelectionRangeSliderModel", "ToggleButtonsModel"}
STATUS = "The explorer's controls appear here once the page's scripts have loaded."


def _model_id(reference: str) -> str:
    return reference.removeprefix("IPY_MODEL_")


def _layout_style(state: dict, layout_reference: str | None) -> str:
    """The CSS of a widget's Layout model (ipywidgets' names with hyphens)."""
    if not layout_reference:
        return ""
    layout = state[_model_id(layout_reference)]["state"]
    return ";".join(
        f"{name.replace('_', '-')}:{value}"
        for name, value in layout.items()
        if not name.startswith("_") and value not in (None, "")
    )


def _render(state: dict, model_id: str) -> str:
    """The HTML of one widget as the renderer first draws it."""
    model = state[model_id]
    name, widget = model["model_name"], model["state"]
    if name == "HTMLModel":
        style = _layout_style(state, widget.get("layout"))
        return f'<div class="{FIRST_VIEW_CLASS}-html" style="{style}">{widget["value"]}</div>'
    if name in CONTROLS:
        label = widget["_options_labels"][widget["index"]]
        readout = f" <strong>{html.escape(label)}</strong>" if widget.get("readout", True) else ""
        return f'<span class="{FIRST_VIEW_CLASS}-control">{html.escape(widget["description"])}{readout}</span>'
    children = [_model_id(child) for child in widget.get("children", [])]
    if name == "StackModel":
        index = widget.get("selected_index")
        if READOUT_CLASS in widget.get("_dom_classes", []) and index is not None:
            # A slider's readout (HTML widgets of plain text), shown after the slider's description.
            return f"<strong>{state[children[index]]['state']['value']}</strong>"
        return _render(state, children[index]) if index is not None else ""
    if name in BOX_DISPLAY:
        style = ";".join(part for part in (BOX_DISPLAY[name], _layout_style(state, widget.get("layout"))) if part)
        inner = "".join(_render(state, child) for child in children)
        box_class = "" if name == "GridBoxModel" else f' class="{FIRST_VIEW_CLASS}-box"'
        return f'<div{box_class} style="{style}">{inner}</div>'
    return ""


def first_view(state: dict, model_id: str) -> str | None:
    """The first view of the explorer whose root widget is ``model_id``; None for any other widget."""
    root = state.get(model_id)
    if root is None or EXPLORER_CLASS not in root["state"].get("_dom_classes", []):
        return None
    return (
        f'<div class="{FIRST_VIEW_CLASS}">{_render(state, model_id)}'
        f'<p class="{FIRST_VIEW_CLASS}-status">{STATUS}</p></div>'
    )


def add_first_views(page: str) -> str:
    """The page with a first view after the placeholder of each of its explorers."""
    saved = STATE_SCRIPT.search(page)
    if saved is None:
        return page
    state = json.loads(saved.group(1))["state"]

    def with_first_view(placeholder: re.Match) -> str:
        view = first_view(state, json.loads(placeholder.group(1))["model_id"])
        return placeholder.group(0) + (view or "")

    return VIEW_SCRIPT.sub(with_first_view, page)
