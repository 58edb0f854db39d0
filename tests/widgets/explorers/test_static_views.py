"""widgets.explorers.static_views: every combination of options gets a view, and links follow controls."""

import ipywidgets
import pytest
from ipywidgets.widgets.widget import _instances
from ipywidgets.widgets.widget_link import Link

from widgets.explorers import static_views


def test_nested_stacks_hold_one_view_per_combination_in_order():
    first = static_views.dropdown("A", ["a0", "a1", "a2"])
    second = static_views.slider("B", ["b0", "b1"], value_index=1)
    calls = []

    def view_for(i, j):
        calls.append((i, j))
        return static_views.html_view(f"{i}-{j}")

    root = static_views.linked_views([first, second], view_for)
    assert calls == [(i, j) for i in range(3) for j in range(2)]
    assert isinstance(root, ipywidgets.Stack) and len(root.children) == 3
    assert root.children[2].children[1].value == "2-1"
    assert root.selected_index == 0 and root.children[0].selected_index == 1


def test_controls_are_linked_in_the_browser_to_their_level():
    first = static_views.dropdown("A", ["a0", "a1"])
    second = static_views.dropdown("B", ["b0", "b1", "b2"])
    root = static_views.linked_views([first, second], lambda i, j: static_views.html_view(f"{i}{j}"))
    links = [widget for widget in _instances.values() if isinstance(widget, Link)]
    targets = {id(link.target[0]): link.source[0] for link in links}
    assert targets[id(root)] is first
    for child in root.children:
        assert targets[id(child)] is second


def test_no_controls_is_an_error():
    with pytest.raises(ValueError, match="controls: give at least one control"):
        static_views.linked_views([], lambda: None)


def test_explorer_marks_its_parts_for_the_browser_tests():
    chooser = static_views.dropdown("A", ["x", "y"])
    views = static_views.linked_views([chooser], lambda i: static_views.html_view(str(i)))
    block = static_views.explorer([chooser], views, caption="Read me")
    controls, view_box, caption = block.children
    assert static_views.EXPLORER_CLASS in block._dom_classes
    assert static_views.CONTROLS_CLASS in controls._dom_classes and controls.children == (chooser,)
    assert static_views.VIEWS_CLASS in view_box._dom_classes and view_box.children == (views,)
    assert "Read me" in caption.value


def _links_to(target):
    return [
        widget.source
        for widget in _instances.values()
        if isinstance(widget, Link) and widget.target[0] is target and widget.target[1] == "selected_index"
    ]


def test_a_slider_shows_its_label_as_text_that_follows_it_and_cannot_be_edited():
    """ipywidgets' own readout is an editable field; the explorer's readout is a stack of
    the labels, linked to the slider's index in the browser."""
    dose = static_views.slider("Dose:", ["1 nM", "10 nM", "<1 µM & up"], value_index=1)
    assert dose.readout is False
    block = static_views.explorer([dose], static_views.linked_views([dose], lambda i: static_views.html_view(str(i))))
    (row,) = block.children[0].children
    assert static_views.SLIDER_CLASS in row._dom_classes
    slider, readout = row.children
    assert slider is dose
    assert static_views.READOUT_CLASS in readout._dom_classes
    assert isinstance(readout, ipywidgets.Stack) and readout.selected_index == 1
    assert [label.value for label in readout.children] == ["1 nM", "10 nM", "&lt;1 µM &amp; up"]
    assert _links_to(readout) == [(dose, "index")]


def test_controls_without_a_readout_of_ours_stand_alone():
    chooser = static_views.dropdown("A", ["x", "y"])
    level = ipywidgets.SelectionSlider(options=["low", "high"], description="Level")
    block = static_views.explorer(
        [chooser, level], static_views.linked_views([chooser], lambda i: static_views.html_view(""))
    )
    assert block.children[0].children == (chooser, level)
