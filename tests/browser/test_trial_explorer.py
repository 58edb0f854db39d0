"""The trial explorer of chapter 05 as a trainee uses it on a phone (390 px, touch).

- every menu option shows how many studies (the endpoint: figures) it would leave with the
  other filters as they are, and those counts are what the explorer then shows; where a menu
  is too narrow for "(3 studies)" after every option, all the menus show "(3)";
- a combination that leaves no study says which filter to widen and offers a reset that works;
- the chart's count of studies agrees with the table's;
- the filters survive following a citation out of the explorer and coming Back;
- on the forest plot, a scale is within one phone screen of every row;
- the menus form a tidy column on a phone (one left edge, one width) and a grid on a desktop,
  and on both no option is cut off.

One page, one browser (the shared fixtures); assets/js/trial-filters.js does the menus' part.
"""

import itertools
import re

import pytest

from tests.browser.conftest import VIEWPORTS, PageWatch
from tests.browser.test_phone import CUT_OPTIONS_JS, FILTERS_READY_JS
from widgets.explorers.filter_counts import RESET_CLASS
from widgets.explorers.static_views import CONTROLS_CLASS, EXPLORER_CLASS
from widgets.explorers.trials import CHIPS_CLASS, FOREST_CLASS, TABLE_CLASS

PAGE = "chapters/05_clinical_studies.html"
PHONE = {"has_touch": True, "is_mobile": True, "device_scale_factor": 2}
MENUS_JS = f".{EXPLORER_CLASS} .{CONTROLS_CLASS} select"
# An option's count: "(3 studies)", or "(3)" in a menu too narrow for the words (a phone).
COUNT = re.compile(r"\((\d+)(?: (?:study|studies|figure|figures))?\)$")
# A window (CSS px) whose trial-explorer menus hold every option with its worded count.
WIDE_MENUS_VIEWPORT = {"width": 900, "height": 900}
WORDED_COUNT = re.compile(r"\(\d+ (?:study|studies|figure|figures)\)$")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def phone(browser, site_url):
    watch = PageWatch(browser, site_url, VIEWPORTS["phone"], **PHONE)
    watch.open(PAGE)
    yield watch
    watch.close()


def explorer(page):
    return page.locator(f".{EXPLORER_CLASS}").first


def menus(page):
    return explorer(page).locator(f".{CONTROLS_CLASS} select")


def option_labels(page) -> list[list[str]]:
    """What each menu's options read, as shown (their label)."""
    return menus(page).evaluate_all("menus => menus.map(menu => [...menu.options].map(option => option.label))")


# The views have followed the menus once the chips (views linked like the others) name each
# menu's choice.
SETTLED_JS = f"""() => {{
    const explorer = document.querySelector('.{EXPLORER_CLASS}');
    const chips = explorer.querySelector('.{CHIPS_CLASS}').innerText.replace(/\\s+/g, ' ');
    return [...explorer.querySelectorAll('.{CONTROLS_CLASS} select')].every(menu =>
        chips.includes(menu.options[menu.selectedIndex].text.replace(/\\s+/g, ' ')));
}}"""


def settle(page) -> None:
    page.wait_for_function(SETTLED_JS, timeout=10_000)
    page.wait_for_timeout(50)


def choose(page, indices) -> None:
    for position, index in enumerate(indices):
        menu = menus(page).nth(position)
        if menu.evaluate("menu => menu.selectedIndex") != index:
            menu.select_option(index=index)
    settle(page)


def shown_counts(page) -> tuple[int, int | None]:
    """(studies in the table, figures in the forest chart's title; None: no chart)."""
    box = explorer(page)
    table = box.locator(f".{TABLE_CLASS}").inner_text()
    studies = int(re.search(r"(\d+) stud(?:y|ies) selected", table).group(1)) if "selected" in table else 0
    chart = box.locator(f".{FOREST_CLASS} svg:visible")
    if not chart.count():
        return studies, None
    label = chart.first.get_attribute("aria-label")
    figures = int(re.search(r"\. (\d+) figures? from", label).group(1))
    selected = re.search(r"from (?:\d+ of the |all |the )(\d+)? ?selected stud", label)
    chart_studies = int(selected.group(1)) if selected.group(1) else 1
    assert chart_studies == studies, f"the chart counts {chart_studies} studies, the table {studies}: {label[:160]}"
    return studies, figures


def test_every_option_says_what_it_leaves_and_no_dead_end_is_unexplained(phone):
    page = phone.page
    labels = option_labels(page)
    assert all(COUNT.search(label) for options in labels for label in options), labels
    # For every option of every menu (the others at their start), and for every partner with
    # T-lineage relapsed/refractory studies chosen, the count an option promised is what the
    # explorer shows once it is chosen.
    for base, positions in (([0, 0, 0, 0, 0], range(5)), ([2, 2, 0, 0, 0], [3])):
        for position in positions:
            for index in range(len(labels[position])):
                indices = list(base)
                indices[position] = index
                choose(page, base)
                promised = int(COUNT.search(option_labels(page)[position][index]).group(1))
                choose(page, indices)
                studies, figures = shown_counts(page)
                if position < 4:
                    assert studies == promised, (indices, option_labels(page)[position][index])
                elif studies:
                    assert (figures or 0) == promised, (indices, option_labels(page)[position][index])
                if not studies:
                    dead_end = explorer(page).locator(f".{FOREST_CLASS}")
                    assert "No study matches these filters" in dead_end.inner_text()
                    reset = explorer(page).locator(f".{RESET_CLASS}:visible")
                    assert reset.count() == 1 and reset.bounding_box()["height"] >= 24
                    reset.tap()
                    # the script sets the menus back one at a time
                    page.wait_for_function(
                        f"() => [...document.querySelectorAll({MENUS_JS!r})].every(m => !m.selectedIndex)"
                    )
    assert phone.problems == [], "; ".join(phone.problems)


def test_filters_survive_a_citation_round_trip(phone):
    page = phone.page
    choose(page, [2, 2, 0, 0, 0])
    before = shown_counts(page)
    citation = explorer(page).locator(f".{TABLE_CLASS} a[href*='bibliography']").first
    citation.scroll_into_view_if_needed()
    citation.tap()
    page.wait_for_url(re.compile(r"bibliography"))
    page.go_back(wait_until="load")
    page.wait_for_function(
        f"() => [...document.querySelectorAll('.{EXPLORER_CLASS} .{CONTROLS_CLASS} select')].length === 5"
        f" && document.querySelector('.{EXPLORER_CLASS} .{CONTROLS_CLASS} select').selectedIndex === 2",
        timeout=30_000,
    )
    assert [menus(page).nth(i).evaluate("m => m.selectedIndex") for i in range(5)] == [2, 2, 0, 0, 0]
    settle(page)
    assert shown_counts(page) == before
    choose(page, [0, 0, 0, 0, 0])


def test_a_scale_is_within_one_phone_screen_of_every_row(phone):
    page = phone.page
    choose(page, [0, 0, 0, 0, 0])
    chart = explorer(page).locator(f".{FOREST_CLASS} svg:visible").first
    chart.scroll_into_view_if_needed()
    found = chart.evaluate(
        """svg => {
            const top = text => text.getBoundingClientRect().top + scrollY;
            const texts = [...svg.querySelectorAll('text')];
            return {scales: texts.filter(text => text.textContent === '50%').map(top),
                    rows: texts.filter(text => text.getAttribute('font-weight') === 'bold').slice(1).map(top)};
        }"""
    )
    screen = VIEWPORTS["phone"]["height"]
    assert len(found["rows"]) > 10 and len(found["scales"]) >= 3
    far = [row for row in found["rows"] if min(abs(row - scale) for scale in found["scales"]) > screen / 2]
    assert far == [], f"rows more than half a screen from any scale, at y = {far}"


def counts_fit(page) -> None:
    """The menus name what their counts count ("(3 studies)") unless that would cut an option
    off: then they give the number alone ("(3)"), after every option of every menu alike; no
    option is cut off."""
    labels = option_labels(page)
    assert len({bool(WORDED_COUNT.search(label)) for options in labels for label in options}) == 1, labels
    assert page.evaluate(CUT_OPTIONS_JS) == []


def test_menus_are_a_column_on_a_phone_and_a_grid_on_a_desktop(phone, browser, site_url):
    boxes = menus(phone.page).evaluate_all("menus => menus.map(menu => menu.getBoundingClientRect().toJSON())")
    assert len({round(box["left"]) for box in boxes}) == 1 and len({round(box["width"]) for box in boxes}) == 1
    assert all(box["top"] > before["top"] for before, box in itertools.pairwise(boxes))
    counts_fit(phone.page)
    desktop = PageWatch(browser, site_url, VIEWPORTS["desktop"])
    try:
        page = desktop.open(PAGE)
        boxes = menus(page).evaluate_all("menus => menus.map(menu => menu.getBoundingClientRect().toJSON())")
        columns = sorted({round(box["left"]) for box in boxes})
        assert len(columns) >= 2 and {round(box["left"]) for box in boxes[: len(columns)]} == set(columns)
        assert len({round(box["width"]) for box in boxes}) == 1
        page.wait_for_function(FILTERS_READY_JS)
        counts_fit(page)
        # A narrower window has one column of wider menus, where "(3 studies)" fits: the
        # labels are fitted again as the window changes, and name what they count.
        page.set_viewport_size(WIDE_MENUS_VIEWPORT)
        page.wait_for_function(
            f"() => [...document.querySelectorAll({MENUS_JS!r})]"
            ".every(menu => / (stud|figure)/.test(menu.options[0].label))"
        )
        counts_fit(page)
    finally:
        desktop.close()
