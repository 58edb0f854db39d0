"""Explorer views as files that pages share, not text repeated in every page's widget state.

An explorer on the static site embeds one view per combination of its controls in the
page's saved widget state (``widgets/explorers/static_views.py``): data layers as inline
SVG, figures as PNG data URIs. They were most of each explorer page (chapter 03's state
was 2.7 MB, 1.7 MB of it SVG layers), the widget renderer parsed all of it before any
control worked, and chapters 03 and 07, which show the same explorer, each carried a copy.

Here, as each page is rendered, every such view is written once to
``_static/views/<hash>.svg`` (a data layer) or ``.png``, named by its content, so pages
showing the same view share one file, which the browser fetches once; the state refers to it
with an ``<img>``. The views an explorer starts on (each stack at its selected child) load with the
page, as its first view does; every other view is ``loading="lazy"``, so a view in a hidden
stack is not fetched until a control shows it. An SVG layer's image keeps the layer's
description as its alt text and the layer's width and height, so its box is the same
before the file arrives (the layers of a figure keep one box). Views too small to be worth
a request stay in the page.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
import re
from pathlib import Path

from first_view import STATE_SCRIPT, VIEW_SCRIPT

from widgets.presentation.layers import LAYER_CLASS

#: Where the view files go, relative to the site's root.
VIEWS_DIR = "_static/views"
#: An SVG view shorter than this (characters) stays in the page: a request costs more.
MIN_SVG_CHARS = 1024
#: A view that is one data layer of a layered figure and nothing else
#: (``widgets.presentation.layers``). Other SVG views, such as the forest charts, whose text
#: a reader can select and search, stay in the page.
WHOLE_SVG = re.compile(r"\A\s*(<svg\b[^>]*\bclass='" + LAYER_CLASS + r"'[^>]*>).*</svg>\s*\Z", re.S)
#: A PNG written into the page (``widgets.presentation.style.img_html``).
DATA_PNG = re.compile(r"""<img src=(["'])data:image/png;base64,([A-Za-z0-9+/=]+)\1""")
_ATTRIBUTE = r"""\b{name}=(["'])(.*?)\1"""


def _attribute(tag: str, name: str) -> str | None:
    found = re.search(_ATTRIBUTE.format(name=re.escape(name)), tag, re.S)
    return found.group(2) if found else None


def file_name(content: bytes, suffix: str) -> str:
    """The view's file name: a hash of its content (so one view is one file)."""
    return hashlib.sha256(content).hexdigest()[:20] + suffix


def _size(svg_tag: str) -> tuple[int, int]:
    view_box = _attribute(svg_tag, "viewBox")
    described = _attribute(svg_tag, "aria-label") is not None or _attribute(svg_tag, "aria-hidden") == "true"
    if view_box is None or not described:
        raise ValueError(f"an explorer's SVG layer needs an aria-label (or aria-hidden) and a viewBox: {svg_tag[:200]}")
    width, height = (round(float(number)) for number in view_box.split()[2:])
    return width, height


def svg_file(svg: str) -> str:
    """The layer as a file: with its view box's size as its own, so that as an image its
    natural size is the figure's."""
    opening = WHOLE_SVG.match(svg).group(1)
    width, height = _size(opening)
    return svg.strip().replace(opening, opening[:-1] + f" width='{width}' height='{height}'>", 1)


def svg_image(svg_tag: str, src: str, *, lazy: bool = True) -> str:
    """An ``<img>`` showing an SVG layer from ``src``, in the box the inline layer had.

    ``svg_tag`` is the layer's opening tag: its ``aria-label`` becomes the alt text (empty
    for a layer hidden from screen readers), its
    view box the image's width and height, and its style (without the font, which the
    file carries) the image's.
    """
    width, height = _size(svg_tag)
    label, style = _attribute(svg_tag, "aria-label") or "", _attribute(svg_tag, "style")
    box = ";".join(part for part in (style or "").split(";") if part and not part.startswith("font-family"))
    loading = " loading='lazy'" if lazy else ""
    return f"<img src='{src}' alt='{label}' width='{width}' height='{height}'{loading} decoding='async' style='{box}'>"


def shown_at_start(state: dict, roots: list[str]) -> set[str]:
    """The models drawn when the widgets ``roots`` first show: every child of a box, and
    the selected child of a stack."""
    shown, waiting = set(), list(roots)
    while waiting:
        model_id = waiting.pop()
        if model_id in shown or model_id not in state:
            continue
        shown.add(model_id)
        model = state[model_id]
        children = [child.removeprefix("IPY_MODEL_") for child in model["state"].get("children", [])]
        if model["model_name"] == "StackModel":
            index = model["state"].get("selected_index")
            children = [children[index]] if index is not None else []
        waiting.extend(children)
    return shown


class ViewFiles:
    """Writes views into ``<site>/_static/views`` and rewrites a page's state to use them."""

    def __init__(self, site: Path):
        self.folder = Path(site) / VIEWS_DIR

    def _write(self, content: bytes, suffix: str) -> str:
        name = file_name(content, suffix)
        target = self.folder / name
        if not target.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            # Written whole under a temporary name, then renamed: two pages written at once
            # may write the same view.
            partial = target.with_suffix(target.suffix + f".{id(content)}.part")
            partial.write_bytes(content)
            partial.replace(target)
        return name

    def view(self, markup: str, prefix: str, *, lazy: bool = True) -> str:
        """One HTML view with its large SVG layer or PNGs served from files under ``prefix``
        (loaded only once shown if ``lazy``)."""
        whole = WHOLE_SVG.match(markup)
        if whole and len(markup) >= MIN_SVG_CHARS:
            name = self._write(svg_file(markup).encode("utf-8"), ".svg")
            return svg_image(whole.group(1), prefix + name, lazy=lazy)

        def png_file(match: re.Match) -> str:
            quote = match.group(1)
            name = self._write(base64.b64decode(match.group(2)), ".png")
            loading = f" loading={quote}lazy{quote}" if lazy else ""
            return f"<img src={quote}{prefix}{name}{quote}{loading} decoding={quote}async{quote}"

        return DATA_PNG.sub(png_file, markup)

    def page(self, pagename: str, page: str) -> str:
        """The rendered page with its explorer views served from files."""
        saved = STATE_SCRIPT.search(page)
        if saved is None:
            return page
        prefix = posixpath.relpath(VIEWS_DIR, posixpath.dirname(pagename) or ".") + "/"
        state = json.loads(saved.group(1))
        roots = [json.loads(view.group(1))["model_id"] for view in VIEW_SCRIPT.finditer(page)]
        shown = shown_at_start(state["state"], roots)
        for model_id, model in state["state"].items():
            if model["model_name"] in ("HTMLModel", "HTMLMathModel"):
                value = model["state"].get("value")
                if isinstance(value, str) and ("<svg" in value or "data:image/png" in value):
                    model["state"]["value"] = self.view(value, prefix, lazy=model_id not in shown)
        rewritten = json.dumps(state, ensure_ascii=False)
        if "</script" in rewritten:
            raise ValueError(f"{pagename}: a widget view contains '</script', which would end the page's state early")
        return page[: saved.start(1)] + rewritten + page[saved.end(1) :]
