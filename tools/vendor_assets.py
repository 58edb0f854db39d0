"""Copy the browser assets the built site needs from node_modules into assets/npm.

The book must work with no network, so nothing is loaded from a CDN: the widget
renderer and MathJax are installed from the npm registry (pinned in
package.json / package-lock.json) and copied here; `_config.yml` points the book at
the copies. axe-core is used only by the browser tests and stays in node_modules.

Usage: python tools/vendor_assets.py   (run by `make setup`, and so by `make book` and `make test`)
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "assets" / "npm"

# (source under node_modules, destination under assets/npm, file patterns left out)
COPIES = [
    # The self-contained build of the html-manager (embed.js) and the icon fonts it requests
    # beside itself; its AMD builds (embed-amd.js, libembed-amd.js, for require.js) are not used.
    ("@jupyter-widgets/html-manager/dist", "html-manager/dist", ("embed-amd.js", "libembed-amd.js", "*.map")),
    # MathJax loads fonts and TeX extensions on demand relative to its entry script,
    # so the whole es5 tree is copied.
    ("mathjax/es5", "mathjax", ("*.map",)),
]


def main():
    missing = [src for src, _, _ in COPIES if not (NODE_MODULES / src).exists()]
    if missing:
        sys.exit(f"vendor_assets: {NODE_MODULES / missing[0]} is missing: run `npm ci` first (`make setup` does both).")
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for src, dest, left_out in COPIES:
        source, target = NODE_MODULES / src, VENDOR / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns(*left_out))
        else:
            shutil.copy2(source, target)
    print(f"vendor_assets: copied {len(COPIES)} asset trees into {VENDOR.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
