"""Mathematics written into the page as MathML at build time, not typeset by MathJax.

Browsers draw MathML themselves (Chrome and Edge since 2023, Firefox and Safari for longer),
so a page needs no script for its formulas: the book's few formulas (a binding fraction, the
one-compartment model, the appendix's sums) used to bring MathJax, 1.1 MB of script that
took a throttled phone 1.2 to 1.5 s to start on the chapters that have them
(`make site-benchmark`). The TeX of each formula is converted with latex2mathml; the TeX
itself goes into the MathML's annotation, so a reader who copies the formula gets it, and
a formula latex2mathml cannot read stops the build with its page and text.
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from latex2mathml.converter import convert

RENDERER = "mathml"


# A TeX command latex2mathml does not know: it writes it out as text (<mi>\foo</mi>).
UNKNOWN_COMMAND = re.compile(r">(\\[A-Za-z]+)<")


def tex_to_mathml(tex: str, *, display: bool) -> str:
    """The MathML of one formula, with its TeX as an annotation."""
    try:
        mathml = convert(tex.strip(), display="block" if display else "inline")
    except Exception as error:  # latex2mathml's own errors name what is missing
        raise ValueError(f"latex2mathml: {type(error).__name__} {error}".strip()) from error
    unknown = UNKNOWN_COMMAND.search(mathml)
    if unknown:
        raise ValueError(f"latex2mathml does not know the command {unknown.group(1)}")
    annotation = f'<annotation encoding="application/x-tex">{html.escape(tex.strip())}</annotation>'
    # Wrap the formula in <semantics> so the TeX travels with it without being drawn.
    opening_end = mathml.index(">") + 1
    return f"{mathml[:opening_end]}<semantics>{mathml[opening_end : -len('</math>')]}{annotation}</semantics></math>"


def _converted(translator, node, *, display: bool) -> str:
    try:
        return tex_to_mathml(node.astext(), display=display)
    except ValueError as error:
        source = f"{node.source}:{node.line}" if node.source else translator.builder.current_docname
        message = f"{source}: the formula {node.astext()!r} could not be converted to MathML: {error}"
        raise ValueError(message) from error


def visit_math(translator, node: nodes.math) -> None:
    translator.body.append(translator.starttag(node, "span", "", CLASS="math notranslate nohighlight"))
    translator.body.append(_converted(translator, node, display=False) + "</span>")
    raise nodes.SkipNode


def visit_displaymath(translator, node: nodes.math_block) -> None:
    translator.body.append(translator.starttag(node, "div", CLASS="math notranslate nohighlight"))
    translator.body.append(_converted(translator, node, display=True) + "</div>\n")
    raise nodes.SkipNode


def setup(app):
    app.add_html_math_renderer(RENDERER, (visit_math, None), (visit_displaymath, None))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
