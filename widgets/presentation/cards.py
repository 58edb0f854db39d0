"""Cards: one-column HTML tables that read the same on a phone and a desktop, and a list.

- ``studies_table_html``: the review's Table 1 studies with their citations, facts and
  the places where its Table 1 and its text disagree; ``ongoing_trials_html``: the
  ongoing trials, each linked to its ClinicalTrials.gov record. Every figure is the
  review's (``hanbali2025``) and belongs to its study's own source, so both are cited.
- ``disagreements_markdown``: the Table 1-versus-text disagreements as a MyST list.
- ``card_html``: an ALL subtype's facts (``data/all_subtypes.csv``), each statement cited.

Text from the data is escaped (``escape_html``) and citations are links to the
bibliography page (``cite_html``).
"""

from __future__ import annotations

import pandas as pd

from widgets.data import trials
from widgets.presentation.text import cite_html, escape_html, plural
from widgets.presentation.trial_labels import (
    AGE_LABELS,
    DESIGN_LABELS,
    LINEAGE_LABELS,
    PHASE_LABELS,
    SETTING_LABELS,
    TRIAL_PARTNER_LABELS,
)

# --- the clinical studies and trials ---------------------------------------------------


def study_facts(study) -> str:
    """Design, size, lineage, setting and age of a study, in words."""
    size = f"n = {int(study.n)}" if pd.notna(study.n) else "n not reported"
    return (
        f"{DESIGN_LABELS[study.design]} · {size} · {LINEAGE_LABELS[study.lineage]} · "
        f"{SETTING_LABELS[study.setting]} · {AGE_LABELS[study.age_group]}"
    )


def studies_table_html(
    selected: pd.DataFrame, outcomes: pd.DataFrame, disagreements: pd.DataFrame, *, setting=None
) -> str:
    """The ``selected`` studies: citation, facts, Table 1's words, every Table 1-versus-text
    disagreement with both figures, and, under "Notes", the study's note and why some of
    its percentages have no counts.

    ``outcomes``: all figures (``trials.load_outcomes()``); ``disagreements``:
    ``trial_selection.table_text_disagreements()``; ``setting``: the setting filter, named
    for the studies that have cohorts in both settings.
    """
    by_study = disagreements.groupby("study_id")
    cells = []
    for study in selected.sort_values("review_ref").itertuples(index=False):
        details = [
            f"<b>Population:</b> {escape_html(study.population)}",
            f"<b>Regimen:</b> {escape_html(study.intervention)}",
            f"<b>Table 1's outcome:</b> {escape_html(study.table1_primary_outcome)}",
        ]
        if setting is not None and study.setting == "mixed":
            details.append(f"<i>Only its {SETTING_LABELS[setting]} cohort's figures are plotted.</i>")
        if study.study_id in by_study.groups:
            for item in by_study.get_group(study.study_id).itertuples(index=False):
                details.append(
                    f"<b>≠ Table 1 and text disagree.</b> Table 1: {escape_html(item.table1)}. "
                    f"Text: {escape_html(item.text)}. {escape_html(item.explanation)}"
                )
        notes = [study.note] if isinstance(study.note, str) else []
        uncounted = outcomes[
            (outcomes["study_id"] == study.study_id)
            & outcomes["numerator"].isna()
            & (outcomes["unit"] == trials.PERCENT)
            & outcomes["disagreement"].isna()
        ]
        notes += list(dict.fromkeys(uncounted["note"].dropna()))
        if notes:
            details.append(
                "<details><summary>Notes</summary>" + " ".join(escape_html(note) for note in notes) + "</details>"
            )
        body = "<br>".join(details[:-1] if notes else details) + (details[-1] if notes else "")
        cells.append(
            _card_rows(f"{cite_html([study.bibkey])} · review ref {study.review_ref}", study_facts(study), body)
        )
    caption = (
        f"{plural(len(cells), 'study', 'studies')} selected; figures as the review prints them in "
        f"Table 1 and its text {cite_html([trials.REVIEW_BIBKEY])}, with each study's own source"
    )
    return _card_table(caption, cells)


def ongoing_trials_html(trials_frame: pd.DataFrame) -> str:
    """Ongoing trials (``trial_selection.unique_ongoing_trials()`` rows): each NCT number linked
    to its ClinicalTrials.gov record, with the review's phase, population, regimen and notes."""
    cells = []
    for trial in trials_frame.itertuples(index=False):
        phases = " and ".join(
            f"{PHASE_LABELS[phase]} (Table {table})" for phase, table in zip(trial.phases, trial.review_tables)
        )
        details = [
            f"<b>Population:</b> {escape_html(trial.population)}",
            f"<b>Regimen:</b> {escape_html(trial.intervention)}",
            "<b>Partners:</b> " + ", ".join(TRIAL_PARTNER_LABELS[item] for item in trial.partners),
        ]
        if isinstance(trial.primary_outcome, str):
            details.append(f"<b>Primary outcome (Table 2):</b> {escape_html(trial.primary_outcome)}")
        if trial.note:
            details.append(f"<b>Note:</b> {escape_html(trial.note)}")
        link = f"<a href='{escape_html(trial.url)}'>{escape_html(trial.nct_id)}</a>"
        cells.append(_card_rows(link, phases, "<br>".join(details)))
    caption = (
        f"{plural(len(cells), 'ongoing trial')}, as the review's Tables 2 and 3 describe them "
        f"{cite_html([trials.REVIEW_BIBKEY])}; each number links to the trial's record on ClinicalTrials.gov"
    )
    return _card_table(caption, cells)


def _card_rows(title: str, facts: str, body: str) -> str:
    """One item of a one-column table: a header row (title and facts) over its details,
    which reads the same on a phone and a desktop."""
    return (
        f"<tbody><tr><th scope='rowgroup' style='text-align:left;padding-top:0.6em;"
        f"border-top:1px solid #bbb'>{title}<br><span style='font-weight:normal'>{escape_html(facts)}</span>"
        f"</th></tr><tr><td style='padding-bottom:0.4em'>{body}</td></tr></tbody>"
    )


def _card_table(caption: str, items: list[str]) -> str:
    return (
        "<table class='trial-table' style='width:100%;border-collapse:collapse;font-size:0.92em;line-height:1.45'>"
        f"<caption style='text-align:left'>{caption}</caption>" + "".join(items) + "</table>"
    )


def disagreements_markdown(disagreements: pd.DataFrame) -> str:
    """Every place where Table 1 and the text differ (``trial_selection.table_text_disagreements()``
    rows), as a MyST list with citations (a list rather than a table: it reads on a phone)."""
    items = [
        f"- {{cite:t}}`{item.bibkey}` (ref {item.review_ref}). *Table 1:* {item.table1}. "
        f"*Text:* {item.text}. {item.explanation}"
        for item in disagreements.itertuples(index=False)
    ]
    return "\n".join(items)


# --- the ALL subtypes ------------------------------------------------------------------

SUBTYPE_OUTCOME_TEXT = {
    "favorable": "Better outcomes than other subtypes",
    "unfavorable": "Worse outcomes: more relapse, shorter survival",
    "not_stated": "Not separated from other T-ALL in the sources used here",
}
SUBTYPE_LINEAGE_TEXT = {"B": "B-cell precursor", "T": "T-cell precursor"}


def card_html(record) -> str:
    """One subtype's facts (a ``widgets.data.subtypes.load_subtypes()`` row) as an HTML card,
    each statement with its citations."""
    outcome = f"{escape_html(SUBTYPE_OUTCOME_TEXT[record.outcome])} {cite_html(record.outcome_bibkeys)}"
    if isinstance(record.outcome_note, str):  # where the outcome was seen, and what others found
        outcome += f" {escape_html(record.outcome_note)} {cite_html(record.outcome_note_bibkeys)}"
    rows = [
        ("Lineage", escape_html(SUBTYPE_LINEAGE_TEXT[record.lineage])),
        ("Genetic hallmark", f"{escape_html(record.hallmark)} {cite_html(record.hallmark_bibkeys)}"),
        ("Outcome", outcome),
        ("BCL-2 family", f"{escape_html(record.apoptosis_note)} {cite_html(record.apoptosis_bibkeys)}"),
    ]
    body = "".join(f"<tr><th scope='row'>{label}</th><td>{cell}</td></tr>" for label, cell in rows)
    return (
        f'<div class="subtype-card"><p class="subtype-card-title">{escape_html(record.name)}</p>'
        f'<table class="subtype-card-table">{body}</table></div>'
    )
