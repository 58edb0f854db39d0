"""Compare the text of two builds of the site: are two clean builds the same?

Usage: python tools/compare_builds.py BUILD_A/html BUILD_B/html

For every page of either build it compares the text a reader sees (scripts and styles
removed, white space folded) and the text inside the pages' widget views (the HTML
strings embedded in the saved widget state, without their model ids, which are random
by design). Prints each differing page and exits 1 if any differs, 0 otherwise.
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

WIDGET_STATE = re.compile(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', re.DOTALL)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    return " ".join(" ".join(parser.parts).split())


def widget_texts(markup: str) -> list[str]:
    """The HTML values of the page's widgets, in a stable order, as visible text."""
    texts = []
    for block in WIDGET_STATE.findall(markup):
        state = json.loads(block)["state"]
        texts += sorted(
            visible_text(model["state"]["value"])
            for model in state.values()
            if isinstance(model.get("state", {}).get("value"), str)
        )
    return texts


def page_texts(site: Path) -> dict[str, tuple[str, list[str]]]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("_"):
            continue
        markup = path.read_text(encoding="utf-8")
        pages[relative] = (visible_text(markup), widget_texts(markup))
    return pages


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    first, second = (page_texts(Path(site)) for site in argv)
    differing = sorted(page for page in first.keys() | second.keys() if first.get(page) != second.get(page))
    for page in differing:
        print(f"differs: {page}")
    print(f"{len(first.keys() | second.keys())} pages compared, {len(differing)} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
