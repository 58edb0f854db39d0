"""A lighter first load: Font Awesome's script dropped, and each explorer's default view in
the page (_ext/page_weight.py, _ext/first_view.py)."""

import json
import re

import ipywidgets
import pytest
from first_view import FIRST_VIEW_CLASS, add_first_views, first_view
from ipywidgets.embed import dependency_state, embed_data
from page_weight import lighten_page, widget_state_last

from widgets.explorers import static_views


def explorer_state() -> tuple[dict, str]:
    """The saved state of a small explorer (a dropdown and a slider over two layers), as a
    page embeds it, and its root model's id."""
    treatment = static_views.dropdown("Treatment:", ["Drug A", "Drug B"], value_index=1)
    level = static_views.slider("Level:", ["low", "high"], value_index=0)
    data = static_views.linked_views(
        [treatment, level], lambda drug, step: static_views.html_view(f"<svg><text>view {drug}-{step}</text></svg>")
    )
    axes = static_views.html_view('<img src="data:image/png;base64,AAAA" alt="axes">')
    root = static_views.explorer([treatment, level], static_views.overlay([axes, data]), caption="A caption.")
    return dependency_state([root], drop_defaults=False), root.model_id


def page_with(state: dict, model_id: str) -> str:
    view = json.dumps({"version_major": 2, "version_minor": 0, "model_id": model_id})
    saved = json.dumps({"version_major": 2, "version_minor": 0, "state": state})
    return (
        f'<html><head><script type="application/vnd.jupyter.widget-state+json">{saved}</script></head><body>'
        f'<div class="cell_output"><script type="application/vnd.jupyter.widget-view+json">{view}</script></div>'
        "</body></html>"
    )


def test_the_first_view_shows_the_view_the_controls_start_on():
    state, root = explorer_state()
    view = first_view(state, root)
    assert "view 1-0" in view, "the view of the chosen option (Drug B) and slider step (low)"
    assert "view 0-0" not in view and "view 1-1" not in view, "only the selected view of each stack"
    assert 'alt="axes"' in view and "A caption." in view
    controls = re.sub(r"<[^>]+>", "", view)
    assert "Treatment: Drug B" in controls and "Level:low" in controls.replace(" ", "")


def test_the_layers_share_one_grid_cell_as_in_the_live_explorer():
    state, root = explorer_state()
    view = first_view(state, root)
    assert view.count("grid-area:figure") == 2
    assert 'grid-template-areas:"figure"' in view


def test_the_first_view_carries_no_class_of_the_live_explorer():
    """The renderer and the tests tell the live explorer by these classes."""
    state, root = explorer_state()
    view = first_view(state, root)
    for live_class in ("jupyter-widgets", static_views.EXPLORER_CLASS, static_views.VIEWS_CLASS, "widget-gridbox"):
        assert live_class not in view


def test_a_widget_that_is_not_an_explorer_gets_no_first_view():
    button = ipywidgets.Button(description="Go")
    state = embed_data([button])["manager_state"]["state"]
    assert first_view(state, button.model_id) is None
    assert first_view(state, "no-such-model") is None


def test_the_first_view_follows_the_placeholder_of_its_explorer():
    state, root = explorer_state()
    page = add_first_views(page_with(state, root))
    placeholder = page.index("application/vnd.jupyter.widget-view+json")
    assert page.count(f'class="{FIRST_VIEW_CLASS}"') == 1
    assert page.index(f'class="{FIRST_VIEW_CLASS}"') > placeholder


def test_the_saved_state_moves_from_the_head_to_the_end_of_the_body():
    state, root = explorer_state()
    page = lighten_page(page_with(state, root))
    head, body = page.split("</head>")
    assert "widget-state+json" not in head
    saved = body.index("widget-state+json")
    assert body.index(f'class="{FIRST_VIEW_CLASS}"') < saved < body.index("</body>")
    assert body.count("widget-state+json") == 1


def test_a_page_without_widgets_is_unchanged():
    page = "<html><head></head><body><p>Text.</p></body></html>"
    assert add_first_views(page) == page
    assert widget_state_last(page) == page


@pytest.mark.parametrize("attributes", ['defer src="../_static/scripts/fontawesome.js?digest=55c2"'])
def test_font_awesome_script_is_dropped_and_other_scripts_kept(attributes):
    page = (
        f"<head><script {attributes}></script>\n"
        '<script defer src="../_static/scripts/bootstrap.js?digest=55c2"></script></head>'
    )
    lighter = lighten_page(page)
    assert "fontawesome.js" not in lighter
    assert "bootstrap.js" in lighter


def test_notebook_figures_load_as_the_reader_scrolls_to_them():
    page = (
        '<img alt="A figure" src="../_images/abc.png" />'
        '<img src="../_static/logo.svg" alt="logo" />'
        '<img loading="eager" src="_images/first.png" />'
    )
    lighter = lighten_page(page)
    assert '<img loading="lazy" decoding="async" alt="A figure" src="../_images/abc.png" />' in lighter
    assert '<img src="../_static/logo.svg" alt="logo" />' in lighter, "the theme's images are left as they are"
    assert '<img loading="eager" src="_images/first.png" />' in lighter, "an image that says how it loads keeps it"
