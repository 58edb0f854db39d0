"""Chapter 09, future directions: the ongoing trials of the review's Tables 2 and 3, and where the
resistance strategies' drugs stand in the clinic (``data/bh3_mimetic_programmes.csv``)."""

from __future__ import annotations

from widgets.chapters import trial_numbers
from widgets.chapters.common import prepare_page
from widgets.data import ongoing_trials, programmes
from widgets.data import trial_selection as selection
from widgets.explorers.trials import ongoing_trials_explorer
from widgets.presentation.figures.ongoing import ongoing_partner_figure
from widgets.presentation.text import cite, markdown_table


def numbers() -> dict[str, int | str]:
    """Counts of the ongoing trials: rows, distinct trials, trials per partner and subtype
    (``widgets.chapters.trial_numbers.ongoing_numbers``), and the strategies' clinical status
    (``programme_numbers``)."""
    return {**trial_numbers.ongoing_numbers(ongoing_trials.load_ongoing_trials()), **programme_numbers()}


def setup() -> None:
    prepare_page(numbers)


def ongoing_partners_figure():
    """Distinct ongoing trials per partner drug class (``fig-ongoing-partners``)."""
    unique = selection.unique_ongoing_trials(ongoing_trials.load_ongoing_trials())
    return ongoing_partner_figure(selection.ongoing_partner_counts(unique), len(unique))


def explorer():
    """The ongoing-trials explorer: subtype and partner filters above the trials."""
    return ongoing_trials_explorer(ongoing_trials.load_ongoing_trials())


def programme_numbers() -> dict[str, str]:
    """The strategies' status numbers as the page prints them: each programme's date
    (``programmes.<drug>.as_of``) and AZD5991's troponin count, patients and percent."""
    frame = programmes.load_programmes().set_index("drug")
    values = {
        f"programmes.{drug.replace(' ', '').lower()}.as_of": record["as_of"][:4] for drug, record in frame.iterrows()
    }
    azd5991 = frame.loc["AZD5991"]
    values.update(
        {
            "programmes.azd5991.troponin_rises": f"{azd5991['troponin_rises']}",
            "programmes.azd5991.patients": f"{azd5991['patients']}",
            "programmes.azd5991.troponin_percent": f"{100 * azd5991['troponin_rises'] / azd5991['patients']:.0f}",
        }
    )
    return values


def programmes_table():
    """Where each strategy's drug stands: trial, what became of it, when, and how it was checked."""
    rows = [
        [
            f"**{r.drug}** ({programmes.TARGET_TEXT[r.target]})",
            f"{r.trial} ([{r.nct_id}](https://clinicaltrials.gov/study/{r.nct_id}))",
            f"{r.status} {cite(r.bibkeys)} {{evidence}}`{r.evidence}`",
            r.as_of,
        ]
        for r in programmes.load_programmes().itertuples(index=False)
    ]
    return markdown_table(["Drug (target)", "Trial", "What became of it", "As of"], rows)
