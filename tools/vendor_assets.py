"""Bundle the book's widget renderer into assets/npm, from node_modules.

The book must work with no network, so nothing is loaded from a CDN. The widget renderer
(``widget-renderer/renderer.js`` and ``.css``) is bundled here with esbuild from
tools/widget-renderer/ and ipywidgets' own packages (see renderer.js), all from the npm
registry, pinned in package.json / package-lock.json. Formulas need no script: they are
MathML (_ext/mathml.py). axe-core is used only by the browser tests and stays in node_modules.

Usage: python tools/vendor_assets.py   (run by `make setup`, and so by `make book` and `make test`)
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "assets" / "npm"
RENDERER_SOURCE = ROOT / "tools" / "widget-renderer"
RENDERER = VENDOR / "widget-renderer"


def esbuild() -> Path:
    """esbuild, as npm installs it (package.json pins its version)."""
    return NODE_MODULES / ".bin" / "esbuild"


def bundle_command(out_dir: Path) -> list[str]:
    """esbuild's command line for the renderer: one minified script (a classic script, so
    that it knows its own address) and its stylesheet beside it. ipywidgets' manager
    imports sanitize-html (with an HTML parser and a CSS parser) only for descriptions that
    may hold HTML, which no widget of the book has; escape-html.js stands in for it."""
    return [
        str(esbuild()),
        str(RENDERER_SOURCE / "renderer.js"),
        str(RENDERER_SOURCE / "renderer.css"),
        "--bundle",
        "--minify",
        "--format=iife",
        "--target=es2020",
        f"--alias:sanitize-html={RENDERER_SOURCE / 'escape-html.js'}",
        f"--outdir={out_dir}",
        "--log-level=warning",
    ]


def main():
    if not esbuild().exists():
        sys.exit(f"vendor_assets: {esbuild()} is missing: run `npm ci` first (`make setup` does both).")
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    built = subprocess.run(bundle_command(RENDERER), capture_output=True, text=True, cwd=ROOT)
    if built.returncode != 0:
        sys.exit(f"vendor_assets: esbuild could not bundle {RENDERER_SOURCE / 'renderer.js'}:\n{built.stderr}")
    print(f"vendor_assets: the widget renderer is bundled into {RENDERER.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
