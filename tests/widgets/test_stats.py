"""widgets.stats: exact (Clopper-Pearson) and Wilson intervals for a proportion.

The math is SciPy's; these tests pin the wrapper to published worked examples, check its
argument errors and the properties the book's prose relies on."""

import functools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import binom

from widgets.stats import METHODS, clopper_pearson_interval, proportion_interval, wilson_interval

# Newcombe RG (1998) Two-sided confidence intervals for the single proportion: comparison
# of seven methods. Stat Med 17:857-872, worked examples: (x, n, exact interval, score interval),
# 95%, to 4 decimals.
NEWCOMBE_1998 = [
    (81, 263, (0.2527, 0.3676), (0.2553, 0.3662)),
    (15, 148, (0.0578, 0.1617), (0.0624, 0.1605)),
    (0, 20, (0.0, 0.1684), (0.0, 0.1611)),
    (1, 29, (0.0009, 0.1776), (0.0061, 0.1718)),
    (29, 29, (0.8806, 1.0), (0.8830, 1.0)),
]


@pytest.mark.parametrize("successes, trials, exact, score", NEWCOMBE_1998)
def test_published_worked_examples(successes, trials, exact, score):
    assert clopper_pearson_interval(successes, trials) == pytest.approx(exact, abs=5e-5)
    assert wilson_interval(successes, trials) == pytest.approx(score, abs=5e-5)


def test_exact_interval_textbook_example():
    """5 of 25: 0.068 to 0.407 from Conover's tables (Practical Nonparametric Statistics, 1999)."""
    lower, upper = clopper_pearson_interval(5, 25)
    assert (round(lower, 3), round(upper, 3)) == (0.068, 0.407)


def test_proportion_interval_defaults_to_the_exact_method_and_returns_plain_floats():
    """Counts from a data frame arrive as numpy integers; bounds go back as Python floats."""
    successes, trials, exact, score = NEWCOMBE_1998[0]
    assert proportion_interval(successes, trials) == pytest.approx(exact, abs=5e-5)
    assert proportion_interval(successes, trials, "wilson") == pytest.approx(score, abs=5e-5)
    from_numpy = proportion_interval(np.int64(successes), np.int64(trials), "wilson", np.float64(0.95))
    assert from_numpy == wilson_interval(successes, trials)
    assert all(type(bound) is float for bound in from_numpy)
    assert METHODS == ("clopper_pearson", "wilson")


@pytest.mark.parametrize(
    "call, argument",
    [
        (lambda: clopper_pearson_interval(11, 10), "successes"),
        (lambda: clopper_pearson_interval(-1, 10), "successes"),
        (lambda: clopper_pearson_interval(2.5, 10), "successes"),
        (lambda: clopper_pearson_interval(True, 10), "successes"),
        (lambda: wilson_interval(0, 0), "trials"),
        (lambda: wilson_interval(1, 10.0), "trials"),
        (lambda: wilson_interval(1, "10"), "trials"),
        (lambda: clopper_pearson_interval(1, 10, confidence=95), "confidence"),
        (lambda: clopper_pearson_interval(1, 10, confidence=0), "confidence"),
        (lambda: wilson_interval(1, 10, confidence=float("nan")), "confidence"),
        (lambda: proportion_interval(1, 10, method="wald"), "method"),
    ],
)
def test_bad_arguments_name_the_argument_and_its_range(call, argument):
    with pytest.raises(ValueError, match=rf"^{argument}: must be ") as error:
        call()
    assert "got" in str(error.value)


counts = st.integers(min_value=1, max_value=400).flatmap(
    lambda trials: st.tuples(st.integers(min_value=0, max_value=trials), st.just(trials))
)
confidences = st.sampled_from([0.5, 0.8, 0.9, 0.95, 0.99, 0.999])


@given(counts, confidences, st.sampled_from(METHODS))
def test_bounds_are_ordered_fractions_around_the_observed_share(count, confidence, method):
    successes, trials = count
    lower, upper = proportion_interval(successes, trials, method, confidence)
    assert 0.0 <= lower <= successes / trials <= upper <= 1.0
    assert lower < upper


@functools.cache
def exact_intervals(trials):
    """The exact interval of every possible count out of ``trials``."""
    return [clopper_pearson_interval(x, trials) for x in range(trials + 1)]


@settings(max_examples=60)
@given(st.integers(min_value=1, max_value=60), st.floats(min_value=0.001, max_value=0.999))
def test_exact_interval_covers_at_least_95_percent_for_any_true_rate(trials, true_rate):
    """The defining property of the exact interval: coverage >= nominal for every p."""
    intervals = exact_intervals(trials)
    coverage = sum(
        binom.pmf(x, trials, true_rate) for x, (lower, upper) in enumerate(intervals) if lower <= true_rate <= upper
    )
    assert coverage >= 0.95 - 1e-9


@given(st.integers(min_value=1, max_value=45), st.booleans())
def test_exact_interval_is_wider_than_wilson_at_the_extremes_up_to_45_patients(trials, all_responded):
    successes = trials if all_responded else 0
    exact, score = clopper_pearson_interval(successes, trials), wilson_interval(successes, trials)
    assert exact[1] - exact[0] >= score[1] - score[0]


def test_at_zero_of_46_or_more_wilson_is_the_wider_interval():
    """Not a general rule: at x = 0 the exact upper bound 1 - 0.025^(1/n) falls below
    Wilson's z^2/(n + z^2) from n = 46 on (47 patients in Pullarkat 2021, for example)."""
    assert clopper_pearson_interval(0, 45)[1] > wilson_interval(0, 45)[1]
    for trials in (46, 47, 100, 1000):
        assert clopper_pearson_interval(0, trials)[1] < wilson_interval(0, trials)[1]


@given(counts, st.sampled_from(METHODS))
def test_higher_confidence_gives_a_wider_interval_containing_the_narrower(count, method):
    successes, trials = count
    narrow = proportion_interval(successes, trials, method, 0.9)
    wide = proportion_interval(successes, trials, method, 0.99)
    assert wide[0] <= narrow[0] and narrow[1] <= wide[1]


@given(st.integers(min_value=1, max_value=200), st.data())
def test_exact_bounds_rise_with_the_number_of_responders(trials, data):
    successes = data.draw(st.integers(min_value=0, max_value=trials - 1))
    fewer, more = clopper_pearson_interval(successes, trials), clopper_pearson_interval(successes + 1, trials)
    assert fewer[0] < more[0] and fewer[1] < more[1]
    assert not any(math.isnan(bound) for bound in fewer + more)
