"""Explorer views served as files that pages share (_ext/view_files.py)."""

import base64
import json
import re

import pytest
from first_view import STATE_SCRIPT
from ipywidgets.embed import dependency_state
from page_weight import lighten_page
from view_files import MIN_SVG_CHARS, VIEWS_DIR, ViewFiles, file_name, svg_file, svg_image

from tests.ext.test_page_weight import page_with
from widgets.explorers import static_views

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def layer(text: str) -> str:
    """An SVG data layer as ``widgets.presentation.layers`` writes one, long enough to be a file."""
    padding = "<path d='M0 0'/>" * (MIN_SVG_CHARS // 16)
    return (
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 365 417' class='book-layer' role='img' "
        f"aria-label='{text}, described' style='display:block;width:100%;max-width:365px;height:auto;"
        f"margin:auto;font-family:DejaVu Sans,sans-serif'><text>{text}</text>{padding}</svg>"
    )


def explorer_page(views_markup: list[str]) -> tuple[str, dict]:
    """A page with one explorer switching between ``views_markup``, and its state."""
    treatment = static_views.dropdown("Treatment:", [f"Drug {index}" for index in range(len(views_markup))])
    views = static_views.linked_views([treatment], lambda index: static_views.html_view(views_markup[index]))
    root = static_views.explorer([treatment], views)
    state = dependency_state([root], drop_defaults=False)
    return page_with(state, root.model_id), state


def svg_name(svg: str) -> str:
    return file_name(svg_file(svg).encode(), ".svg")


def saved_values(page: str) -> list[str]:
    state = json.loads(STATE_SCRIPT.search(page).group(1))["state"]
    return [model["state"]["value"] for model in state.values() if model["model_name"] == "HTMLModel"]


def test_an_svg_layer_becomes_an_image_in_the_layers_box(tmp_path):
    svg = layer("BCL-2 ×1, MCL-1 ×4")
    page, _ = explorer_page([svg, layer("BCL-2 ×2, MCL-1 ×1")])
    rewritten = ViewFiles(tmp_path).page("chapters/03_venetoclax", page)
    images = [value for value in saved_values(rewritten) if value.startswith("<img")]
    assert len(images) == 2 and "<svg" not in rewritten
    first = images[0]
    assert f"src='../{VIEWS_DIR}/{svg_name(svg)}'" in first
    assert "alt='BCL-2 ×1, MCL-1 ×4, described'" in first
    assert "width='365' height='417'" in first
    assert "max-width:365px" in first and "font-family" not in first
    written = (tmp_path / VIEWS_DIR / svg_name(svg)).read_text(encoding="utf-8")
    assert written == svg_file(svg) and written.replace(" width='365' height='417'", "", 1) == svg
    assert "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 365 417' " in written


def test_the_view_an_explorer_starts_on_loads_with_the_page_and_the_others_once_shown(tmp_path):
    page, _ = explorer_page([layer("chosen at start"), layer("another option")])
    values = saved_values(ViewFiles(tmp_path).page("chapters/03_venetoclax", page))
    (start,) = [value for value in values if "chosen at start" in value]
    (other,) = [value for value in values if "another option" in value]
    assert "loading='lazy'" not in start
    assert "loading='lazy'" in other


def test_pages_showing_the_same_view_share_one_file(tmp_path):
    views = ViewFiles(tmp_path)
    page, _ = explorer_page([layer("shared")])
    chapter = views.page("chapters/03_venetoclax", page)
    case = views.page("chapters/cases/01_case", page)
    assert len(list((tmp_path / VIEWS_DIR).iterdir())) == 1
    name = svg_name(layer("shared"))
    assert f"'../{VIEWS_DIR}/{name}'" in chapter
    assert f"'../../{VIEWS_DIR}/{name}'" in case


def test_a_png_view_is_served_from_a_file_with_its_alt_text(tmp_path):
    data = base64.b64encode(PNG).decode()
    markup = f'<p>Title</p><img src="data:image/png;base64,{data}" alt="A figure" width="3" height="2">'
    page, _ = explorer_page([markup])
    rewritten = ViewFiles(tmp_path).page("chapters/02_role_of_bcl2", page)
    (value,) = [value for value in saved_values(rewritten) if "A figure" in value]
    name = file_name(PNG, ".png")
    image = f'<img src="../{VIEWS_DIR}/{name}" decoding="async" alt="A figure"'
    assert value.startswith("<p>Title</p>" + image)
    assert (tmp_path / VIEWS_DIR / name).read_bytes() == PNG


def test_small_layers_other_svgs_and_text_stay_in_the_page(tmp_path):
    small = "<svg viewBox='0 0 10 10' class='book-layer' aria-label='dose'><line/></svg>"
    # A forest chart: an SVG a reader can search and select text in, not a figure's layer.
    chart = layer("a forest chart").replace(" class='book-layer'", "")
    page, _ = explorer_page([small, chart, "<p>No figure.</p>"])
    values = saved_values(ViewFiles(tmp_path).page("chapters/05_clinical_studies", page))
    assert small in values and chart in values and "<p>No figure.</p>" in values
    assert not (tmp_path / VIEWS_DIR).exists()


def test_a_layer_without_a_description_is_refused():
    with pytest.raises(ValueError, match=r"aria-label \(or aria-hidden\) and a viewBox"):
        svg_image("<svg viewBox='0 0 10 10'>", "x.svg")


def test_a_layer_hidden_from_screen_readers_becomes_an_image_with_empty_alt_text():
    image = svg_image("<svg viewBox='0 0 10 10' aria-hidden='true'>", "x.svg")
    assert "alt=''" in image


def test_the_first_view_uses_the_same_file_as_the_live_explorer(tmp_path):
    """So the live explorer, drawn later, finds its default view already loaded."""
    page, _ = explorer_page([layer("default view"), layer("other view")])
    lighter = lighten_page(page, "chapters/03_venetoclax", ViewFiles(tmp_path))
    name = svg_name(layer("default view"))
    first_view = lighter[lighter.index("book-first-view") :]
    assert re.search(rf"src='../{VIEWS_DIR}/{name}'", first_view)
    assert "<svg" not in lighter
