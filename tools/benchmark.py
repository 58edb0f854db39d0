"""Benchmarks of the model and the explorers. Prints figures; asserts nothing.

Usage: make benchmark   (or .venv/bin/python tools/benchmark.py [--quick])

- dose-response: 40 doses for a population of 10,000 cells, on the fast path (BIM the only
  BH3-only protein) and on the general path (a partner adds NOXA and PUMA; goal: median
  under 50 ms on the 2-core machine), and one IC50 with that partner at the default
  population size (goal: well under 30 ms). These are CPU times (``time.process_time``):
  the machine is shared, and wall time counts the waits for the other processes. The load
  average is printed beside them; compare figures taken at similar loads;
- one explorer view: a dose scan plus its SVG layer;
- the build time and embedded size of each explorer, as the static site builds them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The book's Sphinx extensions, for the explorer's state as a page carries it (view_files).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))

from ipywidgets.embed import embed_data
from ipywidgets.widgets.widget import _instances

from widgets import model
from widgets.explorers import runtime


def timed(function, repeats: int, clock=time.perf_counter) -> list[float]:
    """Times of ``repeats`` calls by ``clock`` (wall time unless told), in milliseconds, after
    one call that is not counted (it fills the caches, such as the population's draws)."""
    function()
    times = []
    for _ in range(repeats):
        start = clock()
        function()
        times.append(1000 * (clock() - start))
    return times


def report(label: str, times: list[float], kind: str = "wall") -> None:
    print(
        f"{label:62s} median {statistics.median(times):8.1f} ms   "
        f"min {min(times):8.1f} ms   max {max(times):8.1f} ms   ({len(times)} runs, {kind} time)"
    )


def dose_response_benchmarks(repeats: int) -> None:
    doses = np.logspace(-3, 5, 40)
    b_all = model.PROFILES["b_all"]
    partner = ("mdm2_inhibitor",)
    print("load average (1, 5, 15 min): " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))
    for label, call in (
        (
            "dose-response, 40 doses x 10,000 cells (fast path)",
            lambda: model.dose_response(b_all, "venetoclax", doses, cells=10_000),
        ),
        (
            "dose-response, 40 doses x 10,000 cells, + MDM2 inhibitor (general)",
            lambda: model.dose_response(b_all, "venetoclax", doses, cells=10_000, partners=partner),
        ),
        (
            f"one IC50, {model.DEFAULT_CELLS:,} cells, + MDM2 inhibitor (general)",
            lambda: model.ic50(b_all, "venetoclax", partners=partner),
        ),
    ):
        report(label, timed(call, repeats, time.process_time), "CPU")


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
    """Each explorer as the static site builds it: time, widget state, and that state as a page
    carries it once its views are files (_ext/view_files.py)."""
    from view_files import ViewFiles

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
        page = f'<script type="application/vnd.jupyter.widget-state+json">{state}</script>'
        with tempfile.TemporaryDirectory() as site:
            in_page = ViewFiles(Path(site)).page("chapters/page", page)
        print(
            f"build {label:44s} {seconds:6.1f} s  widget state {len(state) / 1e6:5.2f} MB, "
            f"in the page {len(in_page) / 1e6:5.2f} MB"
        )


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
