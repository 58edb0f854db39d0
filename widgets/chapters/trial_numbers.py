"""The numbers the clinical chapters (05, 06, 09) quote from ``data/``, by glue key.

Keys (``widgets.chapters.common.KEY_PATTERN``):

- per outcome row, ``<study>.<cohort>.<endpoint>.<source>`` (``outcome_key``) then
  ``.value`` and, where counts are known, ``.num``, ``.den``, ``.low`` and ``.high``
  (exact interval, percent), ``.width`` (its width, percentage points), ``.wlow`` and
  ``.whigh`` (Wilson interval, percent);
- per study, ``<study>.n``, ``.dose_mg``, ``.days`` where reported;
- ``ci.percent`` (the confidence level of every interval), ``studies.count``,
  ``disagreements.count``;
- the ongoing trials: ``ongoing.rows``, ``.unique``, ``.both_tables``, ``.table2``,
  ``.table3``, ``ongoing.partner.<partner>``, ``ongoing.subtype.<subtype>``.

Values are plain Python ``int`` and ``float``, which the prose formats
(``{glue:text}`key:.1f```); glue shows a value's repr, and numpy's is "np.float64(...)".
"""

from __future__ import annotations

import pandas as pd

from widgets.data import ongoing_trials, trials
from widgets.data import trial_selection as selection
from widgets.stats import DEFAULT_CONFIDENCE

# Study columns quoted in the prose, with their key part.
STUDY_COLUMNS = {"n": "n", "venetoclax_dose_mg": "dose_mg", "venetoclax_days": "days"}


def outcome_key(record) -> str:
    """The glue key of an outcome row: ``study.cohort.endpoint.source``."""
    return f"{record.study_id}.{record.cohort}.{record.endpoint}.{record.source}"


def confidence_numbers() -> dict[str, float]:
    """``ci.percent``: the confidence level of every interval the chapters print, in percent."""
    return {"ci.percent": float(100 * DEFAULT_CONFIDENCE)}


def study_numbers(studies: pd.DataFrame, outcomes: pd.DataFrame) -> dict[str, int | float]:
    """Every figure of ``outcomes`` with its counts and intervals, and the size, dose and days
    of each of ``studies`` (``trials.load_studies()`` / ``load_outcomes()`` rows)."""
    numbers: dict[str, int | float] = {}
    exact = trials.with_confidence_intervals(outcomes)
    wilson = trials.with_confidence_intervals(outcomes, method="wilson")
    for record, score in zip(exact.itertuples(index=False), wilson.itertuples(index=False)):
        key = outcome_key(record)
        numbers[f"{key}.value"] = float(record.value)
        if pd.notna(record.numerator):
            low, high = float(record.ci_low_percent), float(record.ci_high_percent)
            numbers.update(
                {
                    f"{key}.num": int(record.numerator),
                    f"{key}.den": int(record.denominator),
                    f"{key}.low": low,
                    f"{key}.high": high,
                    f"{key}.width": high - low,
                    f"{key}.wlow": float(score.ci_low_percent),
                    f"{key}.whigh": float(score.ci_high_percent),
                }
            )
    for study in studies.itertuples(index=False):
        for column, name in STUDY_COLUMNS.items():
            if pd.notna(getattr(study, column)):
                numbers[f"{study.study_id}.{name}"] = int(getattr(study, column))
    return numbers


def evidence_counts(studies: pd.DataFrame, outcomes: pd.DataFrame) -> dict[str, int]:
    """``studies.count`` (Table 1's studies) and ``disagreements.count`` (places where its
    Table 1 and its text differ)."""
    return {
        "studies.count": len(studies),
        "disagreements.count": len(selection.table_text_disagreements(outcomes, studies)),
    }


def ongoing_numbers(ongoing: pd.DataFrame) -> dict[str, int]:
    """Counts of the ongoing trials (``ongoing_trials.load_ongoing_trials()`` rows): rows of the
    review's Tables 2 and 3, distinct trials, trials in both tables, and distinct trials per
    partner class and per subtype."""
    unique = selection.unique_ongoing_trials(ongoing)
    numbers = {
        "ongoing.rows": len(ongoing),
        "ongoing.unique": len(unique),
        "ongoing.both_tables": int(sum(len(tables) > 1 for tables in unique["review_tables"])),
        "ongoing.table2": int((ongoing["review_table"] == 2).sum()),
        "ongoing.table3": int((ongoing["review_table"] == 3).sum()),
    }
    for partner, count in selection.ongoing_partner_counts(unique).items():
        numbers[f"ongoing.partner.{partner}"] = int(count)
    for subtype in ongoing_trials.TRIAL_SUBTYPES:
        numbers[f"ongoing.subtype.{subtype}"] = int(sum(subtype in items for items in unique["subtypes"]))
    return numbers
