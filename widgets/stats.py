"""95% confidence intervals for a proportion: x patients out of n.

Two methods, both as fractions from 0 to 1:

- ``clopper_pearson_interval``: the "exact" interval of Clopper and Pearson (1934,
  Biometrika 26:404; ``clopper1934`` in references.bib), which inverts two one-sided binomial tests. Its coverage is at
  least the nominal level for every true proportion, so it is conservative (wide),
  most of all in small studies.
- ``wilson_interval``: the score interval of Wilson (1927, JASA 22:209; ``wilson1927``). Its coverage
  is close to the nominal level on average and it is usually narrower.

Pure functions; bad arguments raise ``ValueError`` naming the argument and its range.
"""

from __future__ import annotations

import math
import numbers

from scipy.stats import beta, norm

METHODS = ("clopper_pearson", "wilson")
DEFAULT_CONFIDENCE = 0.95


def clopper_pearson_interval(successes, trials, confidence=DEFAULT_CONFIDENCE) -> tuple[float, float]:
    """Exact (Clopper-Pearson) interval for ``successes`` out of ``trials``, as fractions.

    The bounds are quantiles of beta distributions: lower = Beta(a/2; x, n - x + 1),
    upper = Beta(1 - a/2; x + 1, n - x), with a = 1 - confidence; the lower bound is 0
    when x = 0 and the upper bound is 1 when x = n (Clopper and Pearson 1934).
    """
    successes, trials, tail = _checked(successes, trials, confidence)
    lower = 0.0 if successes == 0 else float(beta.ppf(tail, successes, trials - successes + 1))
    upper = 1.0 if successes == trials else float(beta.ppf(1 - tail, successes + 1, trials - successes))
    return lower, upper


def wilson_interval(successes, trials, confidence=DEFAULT_CONFIDENCE) -> tuple[float, float]:
    """Wilson score interval for ``successes`` out of ``trials``, as fractions.

    With p = x/n and z the standard normal quantile for the confidence level, the bounds
    are (p + z²/2n ± z·sqrt(p(1 - p)/n + z²/4n²)) / (1 + z²/n) (Wilson 1927). They
    are exactly 0 when x = 0 and exactly 1 when x = n; they are set so, as rounding
    would otherwise leave 0.9999999999999999 and exclude the observed 100%.
    """
    successes, trials, tail = _checked(successes, trials, confidence)
    z = float(norm.ppf(1 - tail))
    share = successes / trials
    shrink = 1 + z * z / trials
    centre = (share + z * z / (2 * trials)) / shrink
    half_width = z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / shrink
    lower = 0.0 if successes == 0 else centre - half_width
    upper = 1.0 if successes == trials else centre + half_width
    return lower, upper


def proportion_interval(successes, trials, method="clopper_pearson", confidence=DEFAULT_CONFIDENCE):
    """The interval of ``method`` (one of ``METHODS``), as fractions from 0 to 1."""
    if method == "clopper_pearson":
        return clopper_pearson_interval(successes, trials, confidence)
    if method == "wilson":
        return wilson_interval(successes, trials, confidence)
    raise ValueError(f"method: must be one of {', '.join(METHODS)}; got {method!r}")


def _checked(successes, trials, confidence):
    """Validated (successes, trials, one-tail probability)."""
    if not _is_whole(trials) or trials < 1:
        raise ValueError(f"trials: must be a whole number of patients, 1 or more; got {trials!r}")
    if not _is_whole(successes) or not 0 <= successes <= trials:
        raise ValueError(f"successes: must be a whole number from 0 to trials ({int(trials)}); got {successes!r}")
    if isinstance(confidence, bool) or not isinstance(confidence, numbers.Real) or not 0 < confidence < 1:
        raise ValueError(f"confidence: must be a number between 0 and 1 (exclusive), e.g. 0.95; got {confidence!r}")
    return int(successes), int(trials), (1 - float(confidence)) / 2


def _is_whole(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)
