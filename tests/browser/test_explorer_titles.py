"""Every explorer's visible title names what its controls are set to, on the built site.

For each explorer, each option of each dropdown is chosen in turn (the other controls at
their defaults) and, with it, each step of each slider. The title the reader sees is read
from the views on screen: the first line of text of each visible SVG layer and the alt
text of each visible image (a figure drawn as an image carries its title in its alt text).
It must hold the label of the chosen option and the readout of each slider. Two menu
entries that share a view would show the first entry's title for the second: this test
reads the page as a reader would and names the explorer, the option and what was shown.
"""

import pytest

from tests.browser.conftest import SITE, site_pages
from widgets.explorers.static_views import CONTROLS_CLASS, EXPLORER_CLASS, READOUT_CLASS, VIEWS_CLASS

PAGES_WITH_EXPLORERS = [page for page in site_pages() if EXPLORER_CLASS in (SITE / page).read_text(encoding="utf-8")]

pytestmark = pytest.mark.browser

# The titles on screen: the first text of each visible SVG layer, the alt text of each
# visible image, and the text of visible headings (HTML views).
TITLES_JS = """views => {
    const visible = element => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const titles = [];
    for (const svg of views.querySelectorAll('svg')) {
        const first = svg.querySelector('text');
        if (visible(svg) && first) titles.push(first.textContent);
    }
    for (const image of views.querySelectorAll('img')) if (visible(image)) titles.push(image.alt);
    for (const heading of views.querySelectorAll('h1, h2, h3, h4, caption, strong, b'))
        if (visible(heading)) titles.push(heading.textContent);
    return titles;
}"""


def plain(text: str) -> str:
    """Text as a reader compares it: no-break spaces as spaces, runs of space as one."""
    return " ".join(text.replace("\u00a0", " ").split())


def titles(explorer) -> str:
    return " | ".join(plain(title) for title in explorer.locator(f".{VIEWS_CLASS}").evaluate(TITLES_JS))


def slider_readouts(explorer) -> list[str]:
    """The readout beside each slider, as shown."""
    return [
        plain(text)
        for text in explorer.locator(f".{CONTROLS_CLASS} .{READOUT_CLASS}").evaluate_all(
            """stacks => stacks.map(stack => [...stack.children].find(child =>
            child.getClientRects().length > 0 && !child.classList.contains('lm-mod-hidden')).textContent)"""
        )
    ]


def chosen(dropdowns) -> list[str]:
    """The label of each dropdown's chosen option, as shown."""
    return [
        plain(dropdowns.nth(index).evaluate("element => element.options[element.selectedIndex].text"))
        for index in range(dropdowns.count())
    ]


def check(explorer, where: str, chosen: list[str]) -> None:
    shown = titles(explorer)
    for label in chosen + slider_readouts(explorer):
        assert label in shown, f"{where}: the title shown does not name {label!r}; it reads {shown!r}"


def step_through_sliders(page, explorer, where: str, chosen: list[str]) -> None:
    """Each step of each slider in turn, back to its default after."""
    handles = explorer.locator(f".{CONTROLS_CLASS} .noUi-handle")
    for index in range(handles.count()):
        handle = handles.nth(index)
        handle.scroll_into_view_if_needed()
        handle.focus()
        start, low, high = (
            int(float(handle.get_attribute(name))) for name in ("aria-valuenow", "aria-valuemin", "aria-valuemax")
        )
        page.keyboard.press("Home")
        for step in range(low, high + 1):
            if step > low:
                page.keyboard.press("ArrowRight")
            check(explorer, f"{where}, slider {index + 1} at step {step}", chosen)
        page.keyboard.press("Home")
        for _ in range(start - low):
            page.keyboard.press("ArrowRight")


@pytest.mark.parametrize("page_path", PAGES_WITH_EXPLORERS)
def test_each_explorer_title_names_its_controls(reader, page_path):
    page = reader.visit(page_path)
    explorers = page.locator(f".{EXPLORER_CLASS}")
    for explorer_index in range(explorers.count()):
        explorer = explorers.nth(explorer_index)
        dropdowns = explorer.locator(f".{CONTROLS_CLASS} select")
        defaults = [
            dropdowns.nth(index).evaluate("element => element.selectedIndex") for index in range(dropdowns.count())
        ]
        where = f"{page_path}, explorer {explorer_index + 1}"

        step_through_sliders(page, explorer, where, chosen(dropdowns))
        for index in range(dropdowns.count()):
            dropdown = dropdowns.nth(index)
            labels = dropdown.evaluate("element => [...element.options].map(option => option.text)")
            for option, label in enumerate(labels):
                dropdown.select_option(index=option)
                step_through_sliders(page, explorer, f"{where}, {plain(label)!r} chosen", chosen(dropdowns))
            dropdown.select_option(index=defaults[index])
    assert reader.problems == [], "; ".join(reader.problems)
