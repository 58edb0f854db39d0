"""widgets.explorers balance and bh3: one precomputed view per combination, each with alt text
that states the model's numbers for that combination."""

import html
import json
import re

import pytest
from ipywidgets.embed import dependency_state

from tests.widgets.explorers.parts import controls, leaves, view_at, views
from widgets import model
from widgets.explorers import balance, bh3
from widgets.presentation.text import dose_label

# The page budget is 3 MB for a chapter (CONTRIBUTING.md); the balance explorer's saved state
# (36 images) must leave room for chapter 02's text, figures and the theme.
BALANCE_STATE_BUDGET_BYTES = 1_500_000


def alt_text(view):
    return html.unescape(re.search(r'alt="([^"]*)"', view.value).group(1))


@pytest.fixture(scope="module")
def balance_block():
    return balance.balance_explorer()


def test_balance_explorer_covers_every_profile_and_dose(balance_block):
    profile, dose = controls(balance_block)
    assert list(profile.options) == [named.name for named in model.NAMED_PROFILES.values()]
    assert list(dose.options) == [dose_label(value) for value in balance.DOSES_NM]
    all_views = leaves(views(balance_block))
    assert len(all_views) == len(model.PROFILES) * len(balance.DOSES_NM)
    assert len({view.value for view in all_views}) == len(all_views)


def test_balance_state_stays_within_the_page_budget(balance_block):
    state = json.dumps(dependency_state([balance_block], drop_defaults=False))
    assert len(state) < BALANCE_STATE_BUDGET_BYTES, f"{len(state):,} bytes"


@pytest.mark.parametrize("dose_index", [0, len(balance.DOSES_NM) - 1])
def test_each_balance_view_states_the_model_numbers_for_its_profile_and_dose(balance_block, dose_index):
    dose_nM = balance.DOSES_NM[dose_index]
    etp = list(model.PROFILES).index("etp_all")
    text = alt_text(view_at(views(balance_block), etp, dose_index))
    untreated_text, treated_text = text.split(f" + venetoclax {dose_label(dose_nM)}: ")
    assert untreated_text.startswith("ETP-ALL, no drug: ")
    untreated = model.bim_partition(model.PROFILES["etp_all"])
    treated = model.bim_partition(model.PROFILES["etp_all"], {"venetoclax": dose_nM})
    for column, partition in ((untreated_text, untreated), (treated_text, treated)):
        total = sum(partition.on_protein_nM.values()) + partition.free_nM
        for protein, name in model.ANTI_APOPTOTIC_NAMES.items():
            assert f"{100 * partition.on_protein_nM[protein] / total:.0f}% on {name}" in column
        assert f"{100 * partition.free_nM / total:.0f}% free" in column
        assert f"active BAX/BAK {partition.active_bax_nM:.0f} nM" in column
        assert ("dies" in column) == partition.momp
    assert "survives" in untreated_text
    if dose_nM >= 1000:
        assert "reaches MOMP and dies" in treated_text, "micromolar venetoclax kills the BCL-2-dependent ETP-ALL cell"


def test_bh3_explorer_reads_out_the_model():
    block = bh3.bh3_explorer()
    profile, change = controls(block)
    all_views = leaves(views(block))
    assert len(all_views) == len(model.PROFILES) * len(bh3.CHANGES) == len(profile.options) * len(change.options)
    mature_t = list(model.PROFILES).index("mature_t_all")
    as_profiled = model.bh3_profile(model.PROFILES["mature_t_all"])
    text = alt_text(view_at(views(block), mature_t, 0))
    assert text.startswith("Simulated BH3 profile, Mature T-ALL (BCL-XL high), as profiled:")
    assert f"HRK (BCL-XL) {as_profiled['HRK']:.0f}%" in text
    mcl1_x4 = [label for label, _ in bh3.CHANGES].index("MCL-1 ×4")
    raised = model.bh3_profile(model.PROFILES["mature_t_all"].scaled(mcl1=4.0))
    assert f"NOXA (MCL-1) {raised['NOXA']:.0f}%" in alt_text(view_at(views(block), mature_t, mcl1_x4))
