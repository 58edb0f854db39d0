"""Formulas written into the page as MathML, with no script (_ext/mathml.py)."""

import re

import pytest
from mathml import tex_to_mathml

PAGE = "# Binding\n\nThe fraction $c/(c + K_i)$ is one half at $c = K_i$.\n\n$$\nf = \\frac{x}{x + K_d}\n$$\n"


def test_a_formula_becomes_mathml_carrying_its_tex():
    mathml = tex_to_mathml(r"c/(c + K_i)", display=False)
    assert mathml.startswith('<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><semantics>')
    assert "<msub><mi>K</mi><mi>i</mi></msub>" in mathml
    assert mathml.endswith('<annotation encoding="application/x-tex">c/(c + K_i)</annotation></semantics></math>')


def test_a_display_formula_is_a_block():
    mathml = tex_to_mathml(r"\frac{D\,k_a}{V}", display=True)
    assert 'display="block"' in mathml and "<mfrac>" in mathml


def test_the_tex_in_the_annotation_is_escaped():
    assert '<annotation encoding="application/x-tex">a &lt; b</annotation>' in tex_to_mathml("a < b", display=False)


def test_pages_get_mathml_and_no_mathjax(build):
    built = build({"index.md": PAGE}, extensions=("myst_parser", "mathml"), html_math_renderer="mathml")
    page = built.html("index")
    assert len(re.findall(r'<span class="math notranslate nohighlight"><math ', page)) == 2
    assert re.search(r'<div class="math notranslate nohighlight">\s*<math [^>]*display="block"', page)
    assert not re.search(r"<script[^>]*(mathjax|tex-)", page, re.IGNORECASE) and "\\(" not in page


@pytest.mark.parametrize("tex", [r"\left( x", r"\unknowncommand{x}"])
def test_a_formula_that_cannot_be_drawn_is_refused(tex):
    with pytest.raises(ValueError):
        tex_to_mathml(tex, display=False)


def test_the_build_stops_at_such_a_formula_naming_it(build):
    with pytest.raises(Exception, match=r"the formula '\\\\unknowncommand\{x\}' could not be converted to MathML"):
        build(
            {"index.md": "# Bad\n\nA formula $\\unknowncommand{x}$.\n"},
            extensions=("myst_parser", "mathml"),
            html_math_renderer="mathml",
        )
