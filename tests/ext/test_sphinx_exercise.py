"""Exercises with hidden worked solutions (sphinx-exercise), as CONTRIBUTING.md describes them."""

import re

PAGE = """# Chapter

```{exercise}
:label: ex-half-bound

What fraction of BIM is bound when free BCL-2 equals $K_d$?
```

```{solution} ex-half-bound
:class: dropdown

Half: $K_d / (K_d + K_d) = 1/2$.
```

See {ref}`ex-half-bound`.
"""


def test_exercise_and_dropdown_solution_build_without_warnings_or_remote_assets(build):
    # MathJax from the site, as the book configures it (Sphinx's default is a CDN).
    built = build(
        {"index.md": PAGE},
        extensions=("myst_parser", "sphinx_togglebutton", "sphinx_exercise"),
        mathjax_path="npm/mathjax/tex-chtml.js",
    )
    html = built.html("index")
    assert built.warnings == ""
    assert re.search(r'<div class="exercise admonition" id="ex-half-bound">', html)
    solution = re.search(r'<div class="solution dropdown admonition[^"]*" id="[^"]+">', html)
    assert solution, "the solution is not a dropdown"
    assert 'href="#ex-half-bound"' in html
    # Every script and stylesheet comes from the site itself.
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert assets and not [asset for asset in assets if asset.startswith(("http:", "https:", "//"))]
