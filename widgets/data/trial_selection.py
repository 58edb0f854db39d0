"""Views of the review's clinical data (``widgets.data.trials`` frames), pure pandas.

- Selection: which studies and which reported figures match a reader's filters
  (``select_studies``, ``select_outcomes``, ``select_ongoing``), and the endpoint groups a
  forest chart can show (``ENDPOINT_CHOICES``, ``SURVIVAL_MONTHS_ENDPOINTS``).
- Derived frames: the places where the review's Table 1 and its text disagree
  (``table_text_disagreements``), each ongoing trial once (``unique_ongoing_trials``) and
  how many of them give each partner drug (``ongoing_partner_counts``).
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from widgets.data import ongoing_trials, trials
from widgets.data.bibliography import short_citation

CLINICALTRIALS_URL = "https://clinicaltrials.gov/study/{nct_id}"


class EndpointChoice(NamedTuple):
    """A set of endpoints a reader can plot together."""

    label: str
    endpoints: tuple[str, ...]


# The figures a forest plot can show, grouped as a reader asks for them (percent figures;
# counts of patients without a denominator are listed in the rows but not plotted).
ENDPOINT_CHOICES = {
    "response": EndpointChoice(
        "All response rates", tuple(key for key, endpoint in trials.ENDPOINTS.items() if endpoint.group == "response")
    ),
    "complete_remission": EndpointChoice("Remission: CR, CR/CRi or CR/CRp", ("CR", "CR_CRi", "CR_CRp")),
    "overall_response": EndpointChoice(
        "Overall or marrow response", ("ORR", "response", "BM_remission", "BM_remission_full_recovery")
    ),
    "mrd": EndpointChoice("MRD negativity", ("MRD_negative", "MRD_negative_CR_CRi")),
    "bridging": EndpointChoice(
        "Went on to transplant or CAR-T", ("bridged_to_transplant", "bridged_to_transplant_or_car_t")
    ),
    "survival_rate": EndpointChoice(
        "Survival at a time point (%)", ("OS_1yr", "OS_2yr", "PFS_2yr", "DOR_2yr", "OS_rate", "PFS_rate")
    ),
    "febrile_neutropenia": EndpointChoice("Febrile neutropenia", ("febrile_neutropenia",)),
}
# Median (or unnamed) survival in months: the survival panel.
SURVIVAL_MONTHS_ENDPOINTS = ("OS_median_months", "OS_months", "OS_average_months", "RFS_median_months")

# Table 1 sometimes leaves unnamed what the text names: the statistic of a survival time,
# the time point of a rate, the kind of a response (ref 18). A Table 1 figure of such an
# endpoint and a text figure of the named one, with the same study, cohort and value, are
# the same figure described twice: one row, with both descriptions.
SAME_FIGURE_AS = {
    "OS_months": "OS_median_months",
    "OS_average_months": "OS_median_months",
    "OS_rate": "OS_2yr",
    "PFS_rate": "PFS_2yr",
    "response": "CR",
}


# --- selection -------------------------------------------------------------------------


def cohort_setting(cohort: str, study_setting: str) -> str:
    """The setting a cohort's figure belongs to: its own for the untreated, frontline and
    R/R cohorts of a study that has both, otherwise the study's."""
    if cohort in ("untreated", "frontline"):
        return "frontline"
    if cohort == "relapsed_refractory":
        return "relapsed_refractory"
    return study_setting


def select_studies(
    studies: pd.DataFrame, *, lineage=None, setting=None, age_group=None, partner_class=None
) -> pd.DataFrame:
    """Studies matching every given filter (``None``: any). A study with frontline and
    R/R cohorts (setting ``mixed``) matches either setting."""
    keep = pd.Series(True, index=studies.index)
    for column, wanted in (("lineage", lineage), ("age_group", age_group), ("partner_class", partner_class)):
        if wanted is not None:
            keep &= studies[column] == wanted
    if setting is not None:
        keep &= studies["setting"].isin([setting, "mixed"])
    return studies[keep]


def select_outcomes(
    outcomes: pd.DataFrame,
    studies: pd.DataFrame,
    *,
    endpoints=None,
    lineage=None,
    setting=None,
    age_group=None,
    partner_class=None,
) -> pd.DataFrame:
    """Figures of the matching studies, of the given endpoints, belonging to the setting.

    With a setting, a study with both frontline and R/R cohorts contributes only the
    figures of the cohort in that setting (``cohort_setting``).
    """
    chosen = select_studies(studies, lineage=lineage, setting=setting, age_group=age_group, partner_class=partner_class)
    keep = outcomes["study_id"].isin(chosen["study_id"])
    if endpoints is not None:
        keep &= outcomes["endpoint"].isin(endpoints)
    if setting is not None:
        study_settings = studies.set_index("study_id")["setting"]
        settings = [
            cohort_setting(cohort, study_settings[study])
            for cohort, study in zip(outcomes["cohort"], outcomes["study_id"])
        ]
        keep &= pd.Series(settings, index=outcomes.index) == setting
    return outcomes[keep]


def select_ongoing(trials_frame: pd.DataFrame, *, subtype=None, partner=None) -> pd.DataFrame:
    """Ongoing trials (``unique_ongoing_trials()``) enrolling ``subtype`` and giving ``partner``."""
    keep = pd.Series(True, index=trials_frame.index)
    if subtype is not None:
        keep &= trials_frame["subtypes"].map(lambda items: subtype in items)
    if partner is not None:
        keep &= trials_frame["partners"].map(lambda items: partner in items)
    return trials_frame[keep]


# --- derived frames --------------------------------------------------------------------


def table_text_disagreements(outcomes=None, studies=None) -> pd.DataFrame:
    """One row per place where Table 1 and the text give a figure differently.

    Columns: ``disagreement`` (slug), ``study_id``, ``review_ref``, ``bibkey``,
    ``citation`` (author-year), ``table1`` and ``text`` (the figures as readers see
    them, e.g. "ORR 100% (untreated patients)"), ``explanation`` (the Table 1 rows' notes).
    """
    outcomes = trials.load_outcomes() if outcomes is None else outcomes
    studies = (trials.load_studies() if studies is None else studies).set_index("study_id")
    rows = []
    for slug, group in outcomes[outcomes["disagreement"].notna()].groupby("disagreement", sort=False):
        study = studies.loc[group["study_id"].iloc[0]]
        table_rows, text_rows = group[group["source"] == "table1"], group[group["source"] == "text"]
        rows.append(
            {
                "disagreement": slug,
                "study_id": study.name,
                "review_ref": int(study["review_ref"]),
                "bibkey": study["bibkey"],
                "citation": short_citation(study["bibkey"]),
                "table1": "; ".join(figure_text(record) for record in table_rows.itertuples(index=False)),
                "text": "; ".join(figure_text(record) for record in text_rows.itertuples(index=False)),
                "explanation": " ".join(table_rows["note"].dropna()),
            }
        )
    return pd.DataFrame(
        rows, columns=["disagreement", "study_id", "review_ref", "bibkey", "citation", "table1", "text", "explanation"]
    )


def figure_text(record) -> str:
    """A figure as a reader sees it: "CR 90% (untreated patients)", "median OS 7.7 months (all patients)"."""
    value = f"{record.value:g}"
    amount = f"{value}%" if record.unit == trials.PERCENT else f"{value} {record.unit}"
    return f"{trials.ENDPOINTS[record.endpoint].label} {amount} ({trials.COHORTS[record.cohort]})"


def unique_ongoing_trials(ongoing=None) -> pd.DataFrame:
    """Each NCT number once, in the order of first appearance (Table 2, then Table 3).

    ``ongoing``: ``ongoing_trials.load_ongoing_trials()`` rows. Columns: ``nct_id``,
    ``review_tables`` and ``phases`` (tuples), ``population`` (the tables' wordings joined
    by " / " when they differ), ``intervention`` and ``intervention_source`` (Table 2's
    intervention column when the trial is in Table 2, otherwise Table 3's regimen text),
    ``primary_outcome`` (Table 2 only, else missing), ``subtypes``, ``partners``, ``note``
    and ``url`` (its ClinicalTrials.gov record).
    """
    ongoing = ongoing_trials.load_ongoing_trials() if ongoing is None else ongoing
    merged = [_merge_trial_rows(nct_id, group) for nct_id, group in ongoing.groupby("nct_id", sort=False)]
    return pd.DataFrame(merged)


def _merge_trial_rows(nct_id, group) -> dict:
    group = group.sort_values("review_table")
    first = group.iloc[0]
    return {
        "nct_id": nct_id,
        "review_tables": tuple(int(table) for table in group["review_table"]),
        "phases": tuple(group["phase"]),
        "population": " / ".join(dict.fromkeys(group["population"])),
        "intervention": first["intervention"],
        "intervention_source": first["intervention_source"],
        "primary_outcome": first["primary_outcome"],
        "subtypes": first["subtypes"],
        "partners": first["partners"],
        "note": " ".join(dict.fromkeys(group["note"].dropna())),
        "url": CLINICALTRIALS_URL.format(nct_id=nct_id),
    }


def ongoing_partner_counts(trials_frame: pd.DataFrame) -> pd.Series:
    """How many of the trials (``unique_ongoing_trials()`` rows) give venetoclax with each
    partner class, in the order of ``ongoing_trials.TRIAL_PARTNERS`` (a trial may count twice)."""
    partners = trials_frame["partners"]
    counts = {key: int(sum(key in items for items in partners)) for key in ongoing_trials.TRIAL_PARTNERS}
    return pd.Series(counts, name="trials")
