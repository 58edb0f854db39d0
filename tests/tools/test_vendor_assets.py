"""The widget renderer the book carries, bundled from ipywidgets' own packages
(tools/vendor_assets.py)."""

import re
import subprocess

from tools.vendor_assets import RENDERER, RENDERER_SOURCE, bundle_command

BUNDLE = RENDERER / "renderer.js"


def test_the_renderer_bundle_is_built_from_its_sources():
    """`make setup` built it: one script and its stylesheet, named as renderer.js expects."""
    assert BUNDLE.is_file() and (RENDERER / "renderer.css").is_file()
    assert BUNDLE.stat().st_mtime >= (RENDERER_SOURCE / "renderer.js").stat().st_mtime


def test_the_renderer_carries_ipywidgets_8_controls_and_not_html_managers_extras():
    bundle = BUNDLE.read_text(encoding="utf-8")
    for view in ("SelectionSliderView", "DropdownView", "StackView", "GridBoxView", "HTMLView"):
        assert view in bundle
    # Markers of html-manager's extras, found in its embed.js: ipywidgets 7 (controls7), the
    # schema validator (ajv's strictSchema), sanitize-html's CSS parser (postcss's CssSyntaxError).
    for left_out in ("controls7", "strictSchema", "CssSyntaxError"):
        assert left_out not in bundle
    assert BUNDLE.stat().st_size < 800_000, f"{BUNDLE.stat().st_size:,} bytes"


def test_the_stylesheet_has_the_controls_and_their_colours():
    css = (RENDERER / "renderer.css").read_text(encoding="utf-8")
    assert ".widget-dropdown" in css and "--jp-layout-color0" in css and ".lm-Widget" in css
    assert "@import" not in css, "the imports are bundled in"


def test_a_failed_bundle_is_reported_with_esbuilds_message(tmp_path):
    command = [part for part in bundle_command(tmp_path) if not part.endswith("renderer.css")]
    command[1] = str(tmp_path / "missing.js")
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode != 0 and re.search(r"missing\.js", result.stderr)
