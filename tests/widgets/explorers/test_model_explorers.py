"""widgets.explorers balance and bh3: one precomputed view per combination, each with alt text."""

import re

import ipywidgets

from widgets import model
from widgets.explorers import balance, bh3


def leaves(widget):
    if isinstance(widget, ipywidgets.Stack):
        return [leaf for child in widget.children for leaf in leaves(child)]
    return [widget]


def alt_text(view):
    return re.search(r'alt="([^"]*)"', view.value).group(1)


def test_balance_explorer_covers_every_profile_and_dose():
    block = balance.balance_explorer()
    views = leaves(block.children[1].children[0])
    assert len(views) == len(model.PROFILES) * len(balance.DOSES_NM)
    etp_high_dose = alt_text(views[list(model.PROFILES).index("etp_all") * len(balance.DOSES_NM) + 5])
    assert etp_high_dose == balance.balance_alt_text(balance.conditions("etp_all", balance.DOSES_NM[5]))
    assert len({view.value for view in views}) == len(views)


def test_bh3_explorer_reads_out_the_model():
    block = bh3.bh3_explorer()
    views = leaves(block.children[1].children[0])
    assert len(views) == len(model.PROFILES) * len(bh3.CHANGES)
    mature_t = list(model.PROFILES).index("mature_t_all") * len(bh3.CHANGES)
    response = model.bh3_profile(model.PROFILES["mature_t_all"])
    assert f"HRK (BCL-XL) {response['HRK']:.0f}%" in alt_text(views[mature_t])
