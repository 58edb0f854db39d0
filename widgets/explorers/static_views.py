"""Controls that switch between precomputed views in the browser, without a kernel.

On the static site there is no Python behind a page, so a control cannot recompute a
figure. Instead every view is computed at build time and placed in nested
``ipywidgets.Stack`` containers, one level per control; each control's ``index`` is
linked to the ``selected_index`` of the stacks at its level with ``ipywidgets.jslink``,
a link that runs in the browser. The same widgets work unchanged in a live kernel.

The number of views is the product of the controls' option counts, so choose the
options so that the product stays small (each view is embedded in the page).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import ipywidgets
from ipywidgets.widgets.widget_string import HTMLStyle

# One shared Layout for every view: each widget otherwise carries its own layout model
# in the page's saved widget state.
_VIEW_LAYOUT = ipywidgets.Layout(width="100%")


def dropdown(description: str, labels: Sequence[str], value_index: int = 0) -> ipywidgets.Dropdown:
    """A labeled dropdown whose ``index`` selects among ``labels``."""
    return ipywidgets.Dropdown(
        options=list(labels),
        index=value_index,
        description=description,
        style={"description_width": "initial"},
        layout=ipywidgets.Layout(width="auto", max_width="100%"),
    )


def slider(description: str, labels: Sequence[str], value_index: int = 0) -> ipywidgets.SelectionSlider:
    """A labeled slider stepping through ``labels`` (for ordered options such as levels).

    It has no readout of its own: ipywidgets' readout is an editable field, and on the
    static page typing in it changed the readout but not the slider or the views.
    ``explorer`` shows the current label beside the slider as plain text (``readout``).
    """
    # A fixed width: with "auto" the track collapses to nothing inside a wrapping row.
    return ipywidgets.SelectionSlider(
        options=list(labels),
        index=value_index,
        description=description,
        continuous_update=True,
        readout=False,
        style={"description_width": "initial"},
        layout=ipywidgets.Layout(width="20em", max_width="100%"),
    )


# One shared style model too, for the same reason.
_VIEW_STYLE = HTMLStyle()
_READOUT_LAYOUT = ipywidgets.Layout()
_SLIDER_ROW_LAYOUT = ipywidgets.Layout(align_items="center", max_width="100%")
# CSS classes of a slider beside its readout, and of the readout (assets/css/book.css).
SLIDER_CLASS, READOUT_CLASS = "book-slider", "book-slider-readout"


def readout(control: ipywidgets.SelectionSlider) -> ipywidgets.Stack:
    """The control's current label as text that cannot be edited, following the control in
    the browser (a stack of its labels linked to its ``index``)."""
    labels = ipywidgets.Stack(
        [
            ipywidgets.HTML(value=html.escape(label), layout=_READOUT_LAYOUT, style=_VIEW_STYLE)
            for label in control.options
        ],
        selected_index=control.index,
    )
    ipywidgets.jslink((control, "index"), (labels, "selected_index"))
    labels.add_class(READOUT_CLASS)
    return labels


def html_view(markup: str) -> ipywidgets.HTML:
    """A view made of HTML (text, a table, an ``<img>`` with alt text, an SVG layer)."""
    return ipywidgets.HTML(value=markup, layout=_VIEW_LAYOUT, style=_VIEW_STYLE)


def overlay(layers: Sequence[ipywidgets.Widget]) -> ipywidgets.GridBox:
    """Widgets stacked in one grid cell, the first at the bottom: a figure's background and
    the data layers drawn over it (``widgets.presentation.layers``)."""
    cells = [ipywidgets.Box([layer], layout=ipywidgets.Layout(grid_area="figure", width="100%")) for layer in layers]
    return ipywidgets.GridBox(
        cells, layout=ipywidgets.Layout(grid_template_areas='"figure"', width="100%", max_width="640px")
    )


def linked_views(
    controls: Sequence[ipywidgets.widgets.widget_selection._Selection],
    view_for: Callable[..., ipywidgets.Widget],
    *,
    share: bool = False,
) -> ipywidgets.Widget:
    """Nested stacks holding ``view_for(i, j, ...)`` for every combination of option indices.

    ``controls`` are selection widgets (dropdowns, selection sliders); ``view_for`` is
    called once per combination with one option index per control, in order. The
    returned widget shows the view for the controls' current indices and follows them
    in the browser.

    With ``share=True`` the tree is kept as small as the views allow (for filters, where
    many combinations select the same thing and ``view_for`` returns the same widget
    for them): a level whose options all lead to the same widget is replaced by that
    widget (the control does not change it there), and two levels of the same depth with
    the same children are one shared stack. A stack shows only its selected child, so a
    shared widget is never on the page twice. No stack or link is made and then dropped:
    a saved page holds the state of every widget made.
    """
    if not controls:
        raise ValueError("controls: give at least one control")
    counts = [len(control.options) for control in controls]
    shared: dict[tuple, ipywidgets.Widget] = {}

    def stack(depth: int, prefix: tuple[int, ...]) -> ipywidgets.Widget:
        if depth == len(controls):
            return view_for(*prefix)
        children = [stack(depth + 1, prefix + (index,)) for index in range(counts[depth])]
        if share:
            if all(child is children[0] for child in children):
                return children[0]
            key = (depth, tuple(id(child) for child in children))
            if key in shared:
                return shared[key]
        level = ipywidgets.Stack(children, selected_index=controls[depth].index, layout=_VIEW_LAYOUT)
        ipywidgets.jslink((controls[depth], "index"), (level, "selected_index"))
        if share:
            shared[key] = level
        return level

    return stack(0, ())


# CSS classes of an explorer's parts. The browser tests find explorers by them and
# check that every control on a static page changes the views it sits above.
EXPLORER_CLASS, CONTROLS_CLASS, VIEWS_CLASS = "book-explorer", "book-explorer-controls", "book-explorer-views"


def explorer(controls: Sequence[ipywidgets.Widget], views: ipywidgets.Widget, *, caption: str = "") -> ipywidgets.VBox:
    """Controls above their views, with an optional caption below, as one block."""
    control_box = ipywidgets.HBox(
        [_with_readout(control) for control in controls], layout=ipywidgets.Layout(flex_flow="row wrap")
    )
    control_box.add_class(CONTROLS_CLASS)
    view_box = ipywidgets.Box([views], layout=ipywidgets.Layout(width="100%"))
    view_box.add_class(VIEWS_CLASS)
    parts = [control_box, view_box]
    if caption:
        parts.append(ipywidgets.HTML(value=f'<p class="explorer-caption">{caption}</p>'))
    block = ipywidgets.VBox(parts, layout=ipywidgets.Layout(width="100%"))
    block.add_class(EXPLORER_CLASS)
    return block


def _with_readout(control: ipywidgets.Widget) -> ipywidgets.Widget:
    """A ``slider`` (a selection slider without its own readout) beside its ``readout``;
    any other control as it is."""
    if not isinstance(control, ipywidgets.SelectionSlider) or control.readout:
        return control
    row = ipywidgets.HBox([control, readout(control)], layout=_SLIDER_ROW_LAYOUT)
    row.add_class(SLIDER_CLASS)
    return row
