"""95% confidence intervals for a proportion: x patients out of n.

Two methods, both as fractions from 0 to 1, computed by SciPy's
``scipy.stats.binomtest(x, n).proportion_ci``:

- ``clopper_pearson_interval``: the "exact" interval of Clopper and Pearson (1934,
  Biometrika 26:404; ``clopper1934`` in references.bib), which inverts two one-sided
  binomial tests. Its coverage is at least the nominal level for every true proportion,
  so it is conservative (wide), most of all in small studies.
- ``wilson_interval``: the score interval of Wilson (1927, JASA 22:209; ``wilson1927``),
  without continuity correction. Its coverage is close to the nominal level on average
  and it is usually narrower.

This module adds the book's argument checks: bad arguments raise ``ValueError`` naming
the argument and its allowed range.
"""

from __future__ import annotations

import functools
import numbers

from scipy.stats import binomtest

METHODS = ("clopper_pearson", "wilson")
DEFAULT_CONFIDENCE = 0.95
# The book's method names -> SciPy's.
_SCIPY_METHOD = {"clopper_pearson": "exact", "wilson": "wilson"}


def clopper_pearson_interval(successes, trials, confidence=DEFAULT_CONFIDENCE) -> tuple[float, float]:
    """Exact (Clopper-Pearson) interval for ``successes`` out of ``trials``, as fractions."""
    return proportion_interval(successes, trials, "clopper_pearson", confidence)


def wilson_interval(successes, trials, confidence=DEFAULT_CONFIDENCE) -> tuple[float, float]:
    """Wilson score interval for ``successes`` out of ``trials``, as fractions."""
    return proportion_interval(successes, trials, "wilson", confidence)


def proportion_interval(successes, trials, method="clopper_pearson", confidence=DEFAULT_CONFIDENCE):
    """The interval of ``method`` (one of ``METHODS``), as fractions from 0 to 1."""
    if method not in METHODS:
        raise ValueError(f"method: must be one of {', '.join(METHODS)}; got {method!r}")
    if not _is_whole(trials) or trials < 1:
        raise ValueError(f"trials: must be a whole number of patients, 1 or more; got {trials!r}")
    if not _is_whole(successes) or not 0 <= successes <= trials:
        raise ValueError(f"successes: must be a whole number from 0 to trials ({int(trials)}); got {successes!r}")
    if isinstance(confidence, bool) or not isinstance(confidence, numbers.Real) or not 0 < confidence < 1:
        raise ValueError(f"confidence: must be a number between 0 and 1 (exclusive), e.g. 0.95; got {confidence!r}")
    return _interval(int(successes), int(trials), method, float(confidence))


# SciPy's exact interval solves for its bounds numerically (a few milliseconds); pages and
# explorers ask for the same few counts again and again.
@functools.lru_cache(maxsize=4096)
def _interval(successes: int, trials: int, method: str, confidence: float) -> tuple[float, float]:
    interval = binomtest(successes, trials).proportion_ci(confidence, method=_SCIPY_METHOD[method])
    return float(interval.low), float(interval.high)


def _is_whole(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)
