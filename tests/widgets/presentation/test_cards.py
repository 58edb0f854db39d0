"""widgets.presentation.cards: the study and trial cards cite and link what they show, the
disagreements list has one cited item each, and a subtype card states its data with citations."""

import html
import re

import pytest

from widgets.data import trial_selection as selection
from widgets.data.bibliography import short_citation
from widgets.data.subtypes import load_subtypes
from widgets.presentation import cards
from widgets.presentation.text import escape_html


@pytest.fixture(scope="module")
def disagreements(outcomes, studies):
    return selection.table_text_disagreements(outcomes, studies)


# --- the studies and the ongoing trials ------------------------------------------------


def test_studies_table_cites_every_study_and_shows_both_figures(outcomes, studies, disagreements):
    page = cards.studies_table_html(studies, outcomes, disagreements)
    assert page.count("<tbody>") == len(studies)
    for key in studies["bibkey"]:
        assert f'href="bibliography.html#cite-{key}"' in page
    assert "#cite-hanbali2025" in page
    for item in disagreements.itertuples():
        assert escape_html(item.table1) in page and escape_html(item.text) in page
    assert "6 of 10 patients evaluable" in page  # ref 19's denominator, from its note
    assert "not a randomized arm" in page  # ref 27's comparator, from its note
    assert "<i>Only its" not in page
    assert f"{len(studies)} studies selected" in page


def test_studies_table_names_the_cohort_shown_for_a_mixed_study(outcomes, studies, disagreements):
    jain = studies[studies["study_id"] == "jain2019"]
    page = cards.studies_table_html(jain, outcomes, disagreements, setting="frontline")
    assert "Only its frontline cohort&#x27;s figures are plotted" in page or "Only its frontline cohort's" in page
    assert "1 study selected" in page


def test_study_text_is_escaped(outcomes, studies, disagreements):
    study = studies[studies["study_id"] == "cao2023"].assign(population="<b>T-ALL</b> & T-LBL")
    page = cards.studies_table_html(study, outcomes, disagreements)
    assert "&lt;b&gt;T-ALL&lt;/b&gt; &amp; T-LBL" in page and "<b>T-ALL</b>" not in page


def test_ongoing_table_links_every_trial_to_its_record():
    unique = selection.unique_ongoing_trials()
    page = cards.ongoing_trials_html(unique)
    for nct in unique["nct_id"]:
        assert f"<a href='https://clinicaltrials.gov/study/{nct}'>{nct}</a>" in page
    assert f"{len(unique)} ongoing trials" in page
    assert "phase I (Table 2) and phase II (Table 3)" in page  # a trial listed in both tables
    assert "1 ongoing trial," in cards.ongoing_trials_html(unique.iloc[:1])


def test_disagreements_markdown_has_an_item_per_disagreement(disagreements):
    markdown = cards.disagreements_markdown(disagreements)
    lines = markdown.splitlines()
    assert len(lines) == len(disagreements) and all(line.startswith("- {cite:t}`") for line in lines)
    for line, item in zip(lines, disagreements.itertuples()):
        assert f"`{item.bibkey}` (ref {item.review_ref})" in line
        assert f"*Table 1:* {item.table1}." in line and f"*Text:* {item.text}." in line


# --- the subtype cards -----------------------------------------------------------------


@pytest.fixture(scope="module")
def subtypes():
    return load_subtypes()


def record_of(subtypes, subtype_id):
    return next(record for record in subtypes.itertuples(index=False) if record.subtype_id == subtype_id)


def test_card_cites_each_statement(subtypes):
    record = record_of(subtypes, "etp_all")
    card = cards.card_html(record)
    assert "ETP-ALL" in card
    assert card.count("bibliography.html#cite-") == (
        len(record.hallmark_bibkeys)
        + len(record.outcome_bibkeys)
        + len(record.outcome_note_bibkeys)
        + len(record.apoptosis_bibkeys)
    )
    assert "#cite-peirs2014" in card and "#cite-neumann2012" in card


@pytest.mark.parametrize("subtype_id", list(load_subtypes()["subtype_id"]))
def test_card_states_the_data_of_its_subtype(subtypes, subtype_id):
    """Each row of the card holds its statement from ``data/all_subtypes.csv``, followed by the
    author-year citations of exactly that statement's bibkeys."""
    record = record_of(subtypes, subtype_id)
    card = cards.card_html(record)
    title = re.search(r'<p class="subtype-card-title">([^<]*)</p>', card).group(1)
    assert html.unescape(title) == record.name
    rows = dict(re.findall(r"<tr><th scope='row'>([^<]*)</th><td>(.*?)</td></tr>", card))
    assert list(rows) == ["Lineage", "Genetic hallmark", "Outcome", "BCL-2 family"]
    for label, statement, keys in (
        ("Genetic hallmark", record.hallmark, record.hallmark_bibkeys),
        ("BCL-2 family", record.apoptosis_note, record.apoptosis_bibkeys),
        (
            "Outcome",
            None,
            record.outcome_bibkeys + (record.outcome_note_bibkeys if isinstance(record.outcome_note, str) else ()),
        ),
    ):
        text = html.unescape(re.sub(r"<[^>]+>", "", rows[label]))
        if statement is not None:
            assert text.startswith(statement + " ")
        cited = re.findall(r"#cite-[^\"]*\">([^<]*)</a>", rows[label])
        assert [html.unescape(name) for name in cited] == [short_citation(key) for key in keys]
    assert ("B-cell" if record.lineage == "B" else "T-cell") in rows["Lineage"]
    if isinstance(record.outcome_note, str):  # the note on where the outcome was seen is shown
        assert record.outcome_note in html.unescape(re.sub(r"<[^>]+>", "", rows["Outcome"]))
