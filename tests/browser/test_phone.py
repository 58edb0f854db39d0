"""The site as a trainee reads it on a phone: a 390px touch screen, in light and dark mode.

- the site-navigation and page-contents drawers open from their header buttons on every
  page (sphinx-book-theme 1.3 and pydata-sphinx-theme 0.17 each bind the first, hidden
  button: assets/js/theme-fixes.js);
- no table hides columns without a cue (assets/js/table-cues.js);
- every control of an explorer and of the page header is a touch target of at least 24 by
  24 CSS px (WCAG 2.2, 2.5.8);
- slider readouts are text, not editable fields that desynchronise from the slider;
- no dropdown option is wider than its menu, which would cut it off;
- in dark mode the layers of every layered figure (a background image of the axes and SVG
  data layers over it) share one box, within 2px, so data sit where the axes say;
- the education-only banner is on every page and readable on a phone.

The checks of one page at phone width are made in one visit, each problem named; pages are
opened in the session's shared phone contexts (conftest.py's `reader`).
"""

import pytest

from tests.browser.conftest import SITE, site_pages
from widgets.explorers.filter_counts import COUNTS_CLASS
from widgets.explorers.static_views import EXPLORER_CLASS, READOUT_CLASS

PAGES = site_pages()
PAGES_WITH_EXPLORERS = [page for page in PAGES if EXPLORER_CLASS in (SITE / page).read_text(encoding="utf-8")]
PAGES_WITH_SLIDERS = [
    page for page in PAGES_WITH_EXPLORERS if "SelectionSliderModel" in (SITE / page).read_text(encoding="utf-8")
]
MIN_TARGET_PX = 24
MAX_LAYER_OFFSET_PX = 2

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(readers):
    return readers("phone")


@pytest.fixture
def dark_phone(readers):
    return readers("dark phone")


# Display formulas (MathML) wider than their box, which would make the reader scroll sideways.
WIDE_FORMULAS_JS = r"""() => [...document.querySelectorAll('.bd-article div.math')]
    .filter(box => box.scrollWidth > box.clientWidth + 1)
    .map(box => `${box.querySelector('annotation')?.textContent.slice(0, 60)}`
        + ` (${box.scrollWidth} of ${box.clientWidth} px)`)"""

# Tables whose scrolling box is narrower than the table, and whether a cue is shown above it.
HIDDEN_COLUMNS_JS = r"""() => [...document.querySelectorAll('.bd-article table')]
    .filter(table => table.checkVisibility()).flatMap(table => {
        let box = table.parentElement;
        while (box && box !== document.body && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) {
            box = box.parentElement;
        }
        if (!box || box === document.body || box.scrollWidth <= box.clientWidth + 1) return [];
        const cue = box.previousElementSibling;
        const cued = !!cue && cue.classList.contains('table-scroll-cue') && cue.checkVisibility()
            && cue.textContent.trim().length > 0;
        const hidden = Math.round(100 * (1 - box.clientWidth / box.scrollWidth));
        const heading = (table.rows[0]?.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 50);
        return cued ? [] : [`${heading} (${hidden}% hidden)`];
    })"""

# Controls a finger must hit: explorer controls and the header's buttons, as laid out.
SMALL_TARGETS_JS = f"""() => [...document.querySelectorAll(
        '.{EXPLORER_CLASS} select, .{EXPLORER_CLASS} .noUi-handle, .{EXPLORER_CLASS} button, '
        + '.bd-header-article button, .bd-header-article .btn')]
    .filter(element => element.checkVisibility())
    .map(element => [element, element.getBoundingClientRect()])
    .filter(([, box]) => box.width < {MIN_TARGET_PX} || box.height < {MIN_TARGET_PX})
    .map(([element, box]) =>
        `${{element.outerHTML.slice(0, 80)}}: ${{Math.round(box.width)}}x${{Math.round(box.height)}}`)"""

# Dropdown options wider than their menu's text box, which a phone shows cut off mid-word
# (book.css gives a menu the whole width on a phone, its name above it).
CUT_OPTIONS_JS = f"""() => [...document.querySelectorAll('.{EXPLORER_CLASS} select')]
    .filter(select => select.checkVisibility()).flatMap(select => {{
        const style = getComputedStyle(select), probe = document.createElement('span');
        probe.style.font = style.font;
        probe.style.whiteSpace = 'pre';
        probe.style.position = 'absolute';
        document.body.appendChild(probe);
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const cut = [...select.options].flatMap(option => {{
            probe.textContent = option.label;
            const width = probe.getBoundingClientRect().width;
            return width > room ? [`"${{option.label}}" (${{Math.round(width)}} of ${{Math.round(room)}} px)`] : [];
        }});
        probe.remove();
        return cut;
    }})"""

FILTERS_READY_JS = f"""() => [...document.querySelectorAll('.{EXPLORER_CLASS}')]
    .filter(explorer => explorer.querySelector('.{COUNTS_CLASS}'))
    .every(explorer => explorer.dataset.filtersReady)"""

EDITABLE_JS = f"""() => [...document.querySelectorAll('.{EXPLORER_CLASS} *')]
    .filter(element => element.isContentEditable && element.checkVisibility())
    .map(element => element.outerHTML.slice(0, 80))"""


def open_drawer(page, toggle_selector: str, drawer_selector: str) -> str | None:
    """Tap the visible toggle; None if the drawer opened with links in it, else what went wrong."""
    toggles = page.locator(f"{toggle_selector}:visible")
    if toggles.count() != 1:
        return f"{toggles.count()} visible {toggle_selector} buttons"
    toggles.first.tap()
    drawer = page.locator(f"{drawer_selector}[open]")
    try:
        drawer.wait_for(state="visible", timeout=3_000)
    except Exception:
        return f"tapping {toggle_selector} did not open {drawer_selector}"
    links = drawer.locator("a[href]:visible").count()
    page.keyboard.press("Escape")
    page.locator(f"{drawer_selector}[open]").wait_for(state="detached", timeout=3_000)
    return None if links else f"{drawer_selector} opened with no visible link in it"


# The education-only banner: its text, where it is, and its text size.
BANNER_JS = """() => {
    const banner = document.querySelector('.bd-header-announcement');
    const content = document.querySelector('.bd-header-announcement__content');
    const footer = document.querySelector('.bd-footer-content');
    if (!banner || !banner.checkVisibility()) return ['no education-only banner'];
    const box = banner.getBoundingClientRect();
    const problems = [];
    const text = banner.innerText;
    if (!text.includes('For education only') || !text.includes('not a guide to treating patients')) {
        problems.push(`banner reads ${text}`);
    }
    if (box.y >= 5 || box.width > window.innerWidth) problems.push(`banner at y ${box.y}, ${box.width}px wide`);
    const size = content ? parseFloat(getComputedStyle(content).fontSize) : 0;
    if (size < 14) problems.push(`banner text is ${size}px, too small to read on a phone`);
    if (!footer || !footer.innerText.includes('not clinical guidance')) {
        problems.push('no education-only notice in the footer');
    }
    return problems;
}"""


@pytest.mark.parametrize("page_path", PAGES)
def test_a_phone_reader_can_navigate_read_tables_and_touch_controls(phone, page_path):
    page = phone.visit(page_path)
    problems = [f"education notice: {problem}" for problem in page.evaluate(BANNER_JS)]
    problems += [f"table hides columns without a cue: {table}" for table in page.evaluate(HIDDEN_COLUMNS_JS)]
    problems += [f"touch target under {MIN_TARGET_PX}px: {target}" for target in page.evaluate(SMALL_TARGETS_JS)]
    problems += [f"editable readout: {element}" for element in page.evaluate(EDITABLE_JS)]
    # Filter menus show a count after each option (assets/js/trial-filters.js): once it is there.
    page.wait_for_function(FILTERS_READY_JS)
    problems += [f"menu option cut off: {option}" for option in page.evaluate(CUT_OPTIONS_JS)]
    problems += [f"formula wider than the screen: {formula}" for formula in page.evaluate(WIDE_FORMULAS_JS)]
    problem = open_drawer(page, ".primary-toggle", "#pst-primary-sidebar-modal")
    if problem:
        problems.append(f"site navigation: {problem}")
    if page.locator("#pst-secondary-sidebar .page-toc").count():
        problem = open_drawer(page, ".secondary-toggle", "#pst-secondary-sidebar-modal")
        if problem:
            problems.append(f"page contents: {problem}")
    assert problems == [], f"{page_path} on a phone:\n  " + "\n  ".join(problems)
    assert phone.problems == [], "; ".join(phone.problems)


@pytest.mark.parametrize("page_path", PAGES_WITH_SLIDERS)
def test_slider_readouts_follow_the_slider_as_text(phone, page_path):
    """Moving a slider changes its readout, and no readout is an editable field."""
    page = phone.visit(page_path)
    handles = page.locator(f".{EXPLORER_CLASS} .noUi-handle")
    assert handles.count() > 0, f"{page_path}: no slider"
    for index in range(handles.count()):
        handle = handles.nth(index)
        readout = handle.locator(
            f"xpath=ancestor::*[contains(@class, 'book-slider')][1]//*[contains(@class, '{READOUT_CLASS}')]"
        )
        assert readout.count() == 1, f"{page_path}: slider {index + 1} has no readout of the book's beside it"
        before = readout.inner_text()
        handle.focus()
        page.keyboard.press(
            "End" if handle.get_attribute("aria-valuenow") != handle.get_attribute("aria-valuemax") else "Home"
        )
        page.wait_for_function(
            "([handle, text]) => handle.getAttribute('aria-valuetext') !== text", arg=[handle.element_handle(), before]
        )
        # The readout follows through a link in the widget manager: give it the frame it takes.
        followed = page.wait_for_function(
            "([readout, handle]) => readout.innerText.trim() === handle.getAttribute('aria-valuetext')",
            arg=[readout.element_handle(), handle.element_handle()],
            timeout=5000,
        )
        assert followed, f"{page_path}: slider {index + 1}'s readout did not follow it"
        assert readout.inner_text() != before, f"{page_path}: slider {index + 1}'s readout did not change"
        for key, gap in (("End", HANDLE_TO_READOUT_JS), ("Home", LABEL_TO_HANDLE_JS)):
            page.keyboard.press(key)
            page.wait_for_timeout(100)
            clearance = page.evaluate(gap, handle.element_handle())
            assert clearance >= MIN_HANDLE_CLEARANCE_PX, (
                f"{page_path}: slider {index + 1}'s handle at the {key.lower()} of its track is {clearance:.0f}px from "
                f"its {'readout' if key == 'End' else 'name'}; its focus ring needs {MIN_HANDLE_CLEARANCE_PX}px"
            )
    assert page.evaluate(EDITABLE_JS) == []


# A focused handle's ring reaches 5px outside it (book.css: 3px outline, 2px offset).
MIN_HANDLE_CLEARANCE_PX = 6
# The gap (px) between a handle and its slider's readout, and between the slider's name and the handle.
HANDLE_TO_READOUT_JS = f"""handle => handle.closest('.book-slider').querySelector('.{READOUT_CLASS}')
    .getBoundingClientRect().left - handle.getBoundingClientRect().right"""
LABEL_TO_HANDLE_JS = """handle => handle.getBoundingClientRect().left
    - handle.closest('.widget-slider').querySelector(':scope > .widget-label').getBoundingClientRect().right"""


# Every layered figure on show: the content box of each visible layer (for an <img>, its box
# less padding and border: what the image is drawn in).
LAYER_BOXES_JS = f"""() => [...document.querySelectorAll('.{EXPLORER_CLASS} .widget-gridbox')]
    .filter(grid => grid.checkVisibility()).map(grid =>
        [...grid.querySelectorAll('img, svg')].filter(layer => layer.checkVisibility()
            && !layer.parentElement.closest('svg')).map(layer => {{
            const box = layer.getBoundingClientRect();
            const style = getComputedStyle(layer);
            const inset = side => parseFloat(style[`padding${{side}}`]) + parseFloat(style[`border${{side}}Width`]);
            return {{tag: layer.tagName.toLowerCase(), left: box.left + inset('Left'), top: box.top + inset('Top'),
                     right: box.right - inset('Right'), bottom: box.bottom - inset('Bottom')}};
        }}))"""


@pytest.mark.parametrize("page_path", PAGES_WITH_EXPLORERS)
def test_layered_figures_keep_one_box_in_dark_mode(dark_phone, page_path):
    page = dark_phone.visit(page_path)
    assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
    figures = page.evaluate(LAYER_BOXES_JS)
    for number, layers in enumerate(figures, start=1):
        if len(layers) < 2:
            continue
        base = layers[0]
        for layer in layers[1:]:
            offsets = {side: abs(layer[side] - base[side]) for side in ("left", "top", "right", "bottom")}
            assert max(offsets.values()) <= MAX_LAYER_OFFSET_PX, (
                f"{page_path}, layered figure {number}: the {layer['tag']} layer is off the {base['tag']} "
                f"by {offsets} px in dark mode"
            )
    assert dark_phone.problems == [], "; ".join(dark_phone.problems)


PAGES_WITH_SOLUTIONS = [
    page for page in PAGES if 'class="solution dropdown' in (SITE / page).read_text(encoding="utf-8")
]


@pytest.mark.parametrize("page_path", PAGES_WITH_SOLUTIONS[:1])
def test_tapping_a_solution_title_opens_the_solution_and_stays_on_the_page(phone, page_path):
    """The title bar's words "Exercise N" were a link away from the solution it opens."""
    page = phone.visit(page_path)
    solution = page.locator(".solution.dropdown").first
    title = solution.locator(".admonition-title")
    assert title.locator("a").count() == 0, f"{page_path}: the solution's title bar holds a link"
    title.scroll_into_view_if_needed()
    url = page.url
    # Where the words "Exercise N" are, as a finger would.
    words = title.get_by_text("Exercise").bounding_box()
    page.touchscreen.tap(words["x"] + words["width"] / 2, words["y"] + words["height"] / 2)
    solution.locator("section").first.wait_for(state="visible")
    assert page.url == url


@pytest.mark.parametrize("page_path", PAGES_WITH_EXPLORERS[:1])
def test_explorer_dropdowns_show_a_focus_ring(reader, page_path):
    page = reader.visit(page_path)
    page.keyboard.press("Tab")  # the reader is using the keyboard
    select = page.locator(f".{EXPLORER_CLASS} select").first
    select.focus()
    outline = select.evaluate(
        "element => [getComputedStyle(element).outlineStyle, getComputedStyle(element).outlineWidth]"
    )
    assert outline[0] != "none" and float(outline[1].removesuffix("px")) >= 2, f"{page_path}: focus outline {outline}"
