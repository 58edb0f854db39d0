"""Benchmarks of the model and the explorers. Prints figures; asserts nothing.

Usage: make benchmark   (or .venv/bin/python tools/benchmark.py [--quick])

- dose-response: 40 doses for a population of 10,000 cells (goal: median under 50 ms
  on a 2-core machine), on the fast path (BIM the only BH3-only protein) and on the
  general path (a partner adds NOXA and PUMA);
- one explorer view: a dose scan plus its SVG layer;
- the build time and embedded size of each explorer, as the static site builds them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ipywidgets.embed import embed_data
from ipywidgets.widgets.widget import _instances

from widgets import model
from widgets.explorers import runtime


def timed(function, repeats: int) -> list[float]:
    """Wall times of ``repeats`` calls, in milliseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(1000 * (time.perf_counter() - start))
    return times


def report(label: str, times: list[float]) -> None:
    print(
        f"{label:62s} median {statistics.median(times):8.1f} ms   "
        f"min {min(times):8.1f} ms   max {max(times):8.1f} ms   ({len(times)} runs)"
    )


def dose_response_benchmarks(repeats: int) -> None:
    doses = np.logspace(-3, 5, 40)
    b_all = model.PROFILES["b_all"]
    report(
        "dose-response, 40 doses x 10,000 cells (fast path)",
        timed(lambda: model.dose_response(b_all, "venetoclax", doses, cells=10_000), repeats),
    )
    report(
        "dose-response, 40 doses x 10,000 cells, + MDM2 inhibitor (general)",
        timed(
            lambda: model.dose_response(b_all, "venetoclax", doses, cells=10_000, partners=("mdm2_inhibitor",)),
            max(1, repeats // 5),
        ),
    )


def view_benchmark(repeats: int) -> None:
    from widgets.explorers.mechanism import EXPLORER_CELLS
    from widgets.presentation.figures.mechanism import SCAN_DOSES_NM, MechanismFigure

    profile = model.PROFILES["b_all"]
    figure = MechanismFigure(profile.bax_bak, model.MOMP_THRESHOLD_NM.value)

    def one_view():
        scan = model.dose_scan(profile.scaled(mcl1=4.0), "venetoclax", SCAN_DOSES_NM, cells=EXPLORER_CELLS)
        figure.data_layer(scan, "Venetoclax")

    report("one mechanism-explorer view (dose scan + SVG layer)", timed(one_view, repeats))


def explorer_builds() -> None:
    """Each explorer as the static site builds it: time and embedded widget state."""
    from widgets.explorers import exposure, trials
    from widgets.explorers.balance import balance_explorer
    from widgets.explorers.bh3 import bh3_explorer
    from widgets.explorers.mechanism import mechanism_explorer

    builders = {
        "mechanism explorer (b_all)": lambda: mechanism_explorer("b_all"),
        "balance explorer": balance_explorer,
        "BH3-profiling explorer": bh3_explorer,
    }
    for module in (trials, exposure):
        for name in dir(module):
            if name.endswith("_explorer") and callable(getattr(module, name)):
                builders[name.replace("_", " ")] = getattr(module, name)
    os.environ[runtime.STATIC_SITE_ENV] = "1"
    for label, build in builders.items():
        _instances.clear()
        start = time.perf_counter()
        widget = build()
        seconds = time.perf_counter() - start
        state = json.dumps(embed_data(views=[widget])["manager_state"])
        print(f"build {label:56s} {seconds:8.1f} s    embedded state {len(state) / 1e6:5.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no explorer builds")
    options = parser.parse_args()
    repeats = 5 if options.quick else 21
    dose_response_benchmarks(repeats)
    view_benchmark(repeats)
    if not options.quick:
        explorer_builds()


if __name__ == "__main__":
    main()
