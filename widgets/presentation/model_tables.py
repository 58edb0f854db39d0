"""The model's tables as the chapters show them: profiles, drugs, partners and every constant.

Each table is built from the model's own objects (``widgets.model``), so a change to a
constant changes the page, and each row cites its source.
"""

from __future__ import annotations

from IPython.display import Markdown

from widgets import model
from widgets.presentation.text import cite, markdown_table
from widgets.model import scans, summaries
from widgets.presentation.text import dose_label


def reading_guide_numbers() -> dict[str, str]:
    """The reading guide's thresholds as the chapters print them, by glue name:
    ``sensitive_below`` and ``resistant_above`` (``model.SENSITIVE_BELOW_NM`` and
    ``RESISTANT_ABOVE_NM``, derived from the label's free-drug bound), ``resistant_factor``
    (their ratio, a teaching convention) and ``range_top`` (the highest dose the IC50
    search tries; above it an IC50 is "not reached")."""
    return {"sensitive_below": dose_label(model.SENSITIVE_BELOW_NM),
            "resistant_above": dose_label(model.RESISTANT_ABOVE_NM),
            "resistant_factor": f"{model.RESISTANT_ABOVE_NM / model.SENSITIVE_BELOW_NM:g}",
            "range_top": dose_label(model.IC50_RANGE_NM[1])}


def profiles_table():
    """Each named profile's levels (nM, teaching assumptions) in a table, then the evidence
    for each profile's shape as a list (prose in a table column is unreadable on a phone)."""
    rows = []
    for named in model.NAMED_PROFILES.values():
        levels = named.profile
        rows.append([named.name, f"{levels.bcl2:g}", f"{levels.bclxl:g}", f"{levels.mcl1:g}", f"{levels.bim:g}",
                     f"{levels.bax_bak:g}"])
    table = markdown_table(["Profile (levels in nM)", "BCL-2", "BCL-XL", "MCL-1", "BIM", "BAX/BAK"], rows).data
    evidence = "\n".join(f"- **{named.name}**: {named.evidence} {cite(named.sources)}"
                         for named in model.NAMED_PROFILES.values())
    return Markdown(f"{table}\n\nWhy each profile has this shape:\n\n{evidence}")


def selectivity_table():
    """Each drug's affinity per target (Ki, nM) and its BCL-XL/BCL-2 selectivity ratio."""
    rows = []
    for record in summaries.selectivity().itertuples(index=False):
        rows.append([record.drug, record.targets, record.ki_bcl2_text, record.ki_bclxl_text, record.ki_mcl1_text,
                     record.bclxl_over_bcl2_text, cite(record.sources)])
    return markdown_table(["Drug", "Targets", "BCL-2", "BCL-XL", "MCL-1", "BCL-XL / BCL-2", "Source"], rows)


def partners_table():
    """Each regimen partner: what it does in the cell, and what the model changes."""
    rows = []
    for partner in model.PARTNERS.values():
        changes = [f"{model.LEVEL_NAMES[name]} ×{factor:g}" for name, factor in partner.scale.items()]
        changes += [f"{model.LEVEL_NAMES[name]} +{amount:g} nM" for name, amount in partner.add.items()]
        rows.append([partner.name, f"{partner.mechanism} {cite(partner.sources)}", ", ".join(changes)])
    return markdown_table(["Partner", "Mechanism", "In the model (teaching assumption)"], rows)


def ic50_table(profile_keys, regimen_keys, *, cells: int = model.DEFAULT_CELLS):
    """Model IC50s as text, profiles by regimens (for readers who prefer numbers to a heat map)."""
    matrix = scans.ic50_matrix(profile_keys, regimen_keys, cells=cells)
    rows = [[model.NAMED_PROFILES[key].name] + [dose_label(value) for value in matrix.loc[key]] for key in matrix.index]
    return markdown_table(["Profile"] + [model.REGIMENS[key].name for key in matrix.columns], rows)


def constants_table():
    """Every number of the model with its value, basis, source and note."""
    rows = []
    for record in summaries.constants_catalogue().itertuples(index=False):
        basis = record.basis if record.read_in_source else f"{record.basis} (quoted, not read)"
        rows.append([record.quantity, record.text, basis, cite(record.source), record.note])
    return markdown_table(["Quantity", "Value", "Basis", "Source", "Note"], rows)
