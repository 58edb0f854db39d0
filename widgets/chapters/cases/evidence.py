"""What the case pages share: trial figures from ``data/`` and model results, as glued text.

Every value is returned already formatted, under the book's glue-key scheme
(``widgets.chapters.common.KEY_PATTERN``):

- ``trial_figures(*study_ids)`` (``trial_values`` for the numbers): every figure of those
  studies in ``data/published_outcomes.csv``
  with its counts and exact interval, each study's size, dose and days, and ``ci.percent``
  (``widgets.chapters.trial_numbers``), e.g. ``short2024.all.CR_CRi.text.value`` -> ``"57"``;
- ``ic50_text(profile, regimen, **levels)``: the model's IC50 and its reading-guide class, with
  the population size of the mechanism explorer, so that a case quotes what its explorer shows;
- ``model_numbers(topic, runs)``: the glue keys of several such runs, and
  ``model_numbers_with_guide`` for a page that also prints the reading guide behind their classes.
"""

from __future__ import annotations

from widgets import model
from widgets.chapters.common import reading_guide_numbers
from widgets.chapters.trial_numbers import confidence_numbers, study_numbers
from widgets.data import trials
from widgets.explorers.mechanism import EXPLORER_CELLS
from widgets.presentation.text import dose_label

# How each kind of trial figure is printed: counts as whole numbers, intervals to one
# decimal, reported values as the data file gives them (no trailing zeros).
INTERVAL_PARTS = ("low", "high", "wlow", "whigh", "width")


def format_figure(key: str, value: float) -> str:
    """One trial figure as the case pages print it."""
    part = key.rsplit(".", 1)[-1]
    if part in INTERVAL_PARTS:
        return f"{value:.1f}"
    return f"{value:g}"


def trial_values(*study_ids: str) -> dict[str, float]:
    """Every figure of the named studies as a number (ValueError naming an unknown study)."""
    studies, outcomes = trials.load_studies(), trials.load_outcomes()
    unknown = sorted(set(study_ids) - set(studies["study_id"]))
    if unknown:
        raise ValueError(f"study_ids: {unknown} are not studies of data/published_studies.csv")
    chosen = studies[studies["study_id"].isin(study_ids)]
    return {**confidence_numbers(), **study_numbers(chosen, outcomes[outcomes["study_id"].isin(study_ids)])}


def trial_figures(*study_ids: str) -> dict[str, str]:
    """Every figure of the named studies, formatted (see ``trial_values``)."""
    return {key: format_figure(key, value) for key, value in trial_values(*study_ids).items()}


def ic50_nM(profile_key: str, regimen_key: str, **levels: float) -> float:
    """The model's IC50 (nM) for a named profile, optionally with levels scaled, and a regimen."""
    regimen = model.regimen(regimen_key)
    profile = model.PROFILES[profile_key].scaled(**levels)
    return model.ic50(profile, regimen.drug, cells=EXPLORER_CELLS, **regimen.options())


def ic50_text(profile_key: str, regimen_key: str, **levels: float) -> dict[str, str]:
    """``{"value": "11.6 nM", "class": "sensitive"}`` for one model run (see ``ic50_nM``)."""
    regimen = model.regimen(regimen_key)
    value = ic50_nM(profile_key, regimen_key, **levels)
    return {"value": dose_label(value), "class": model.ic50_class(value, regimen.drug)}


def model_numbers(topic: str, runs: dict[str, tuple]) -> dict[str, str]:
    """Glue keys ``<topic>.<name>.ic50`` and ``<topic>.<name>.class`` for each named run
    ``name: (profile_key, regimen_key, levels)``."""
    numbers = {}
    for name, (profile_key, regimen_key, levels) in runs.items():
        result = ic50_text(profile_key, regimen_key, **levels)
        numbers[f"{topic}.{name}.ic50"] = result["value"]
        numbers[f"{topic}.{name}.class"] = result["class"]
    return numbers


def model_numbers_with_guide(topic: str, runs: dict[str, tuple]) -> dict[str, str]:
    """``model_numbers`` and the reading guide's thresholds (``guide.*``) that class those runs."""
    return model_numbers(topic, runs) | reading_guide_numbers()
