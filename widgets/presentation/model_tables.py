"""The model's tables as the chapters show them: profiles, drugs, partners and every constant,
and the model's numbers written as a reader reads them (bounds as bounds).

Each table is built from the model's own objects (``widgets.model``), so a change to a
constant changes the page, and each row cites its source.
"""

from __future__ import annotations

import math

import pandas as pd
from IPython.display import Markdown

from widgets import model
from widgets.model import ANTI_APOPTOTICS, scans, summaries
from widgets.model.constants import TEACHING_ASSUMPTION
from widgets.presentation.text import cite, dose_label, markdown_table


def constant_text(value: float, unit: str, relation: str = "=") -> str:
    """A constant of the model as a reader should see it: "< 0.01 nM", "48 nM", and "no
    binding" for an infinite dissociation constant."""
    if math.isinf(value):
        return "no binding"
    prefix = "" if relation == "=" else f"{relation} "
    return f"{prefix}{value:g} {unit}"


def ki_text(drug_key: str, protein: str) -> str:
    """The drug's Ki for ``protein`` (a key of ``model.ANTI_APOPTOTICS``), bounds as bounds."""
    constant = model.DRUGS[drug_key].kd_nM[protein]
    return constant_text(constant.value, constant.unit, constant.relation)


def selectivity_ratio_text(drug_key: str) -> str:
    """The drug's BCL-XL/BCL-2 Ki ratio as text, honest about bounds: the ratio of an
    upper-bounded BCL-2 Ki and a measured BCL-XL Ki is a lower bound ("> 4,800×"); two
    bounds give no ratio; a drug that binds neither protein has none ("")."""
    ratio = summaries.selectivity([drug_key])["bclxl_over_bcl2"].iat[0]
    if math.isnan(ratio) or math.isinf(ratio):
        return ""
    bcl2, bclxl = (model.DRUGS[drug_key].kd_nM[protein].relation for protein in ("bcl2", "bclxl"))
    if bcl2 != "=" and bclxl != "=":
        return "not known (both bounds)"
    # A bound on the denominator turns around; a bound on the numerator carries over.
    relation = {"<": ">", ">": "<"}.get(bcl2, bclxl if bclxl != "=" else "")
    return f"{relation + ' ' if relation else ''}{ratio:,.0f}×"


def selectivity_texts() -> pd.DataFrame:
    """Per drug key (the index): each Ki as text (``ki_bcl2``, ``ki_bclxl``, ``ki_mcl1``)
    and the BCL-XL/BCL-2 ratio (``bclxl_over_bcl2``), as the selectivity table prints them."""
    return pd.DataFrame(
        {
            key: {
                **{f"ki_{protein}": ki_text(key, protein) for protein in ANTI_APOPTOTICS},
                "bclxl_over_bcl2": selectivity_ratio_text(key),
            }
            for key in model.DRUGS
        }
    ).T


def profiles_table():
    """Each named profile's levels (nM, teaching assumptions) in a table, then the evidence
    for each profile's shape as a list (prose in a table column is unreadable on a phone)."""
    rows = []
    for named in model.NAMED_PROFILES.values():
        levels = named.profile
        rows.append(
            [
                named.name,
                f"{levels.bcl2:g}",
                f"{levels.bclxl:g}",
                f"{levels.mcl1:g}",
                f"{levels.bim:g}",
                f"{levels.bax_bak:g}",
            ]
        )
    table = markdown_table(["Profile (levels in nM)", "BCL-2", "BCL-XL", "MCL-1", "BIM", "BAX/BAK"], rows).data
    evidence = "\n".join(
        f"- **{named.name}**: {named.evidence} {cite(named.sources)}" for named in model.NAMED_PROFILES.values()
    )
    return Markdown(f"{table}\n\nWhy each profile has this shape:\n\n{evidence}")


def _marked(text: str, assumed: bool) -> str:
    """A table value, with "(assumed)" after it when the book chose it rather than read it."""
    return f"{text} (assumed)" if assumed else text


def selectivity_table():
    """Each drug's affinity per target (Ki, nM) and its BCL-XL/BCL-2 selectivity ratio."""
    texts = selectivity_texts()
    rows = []
    for record in summaries.selectivity().itertuples(index=False):
        text = texts.loc[record.key]
        kd = model.DRUGS[record.key].kd_nM
        assumed = {protein: kd[protein].basis == TEACHING_ASSUMPTION for protein in ANTI_APOPTOTICS}
        ratio_assumed = text.bclxl_over_bcl2 and (assumed["bcl2"] or assumed["bclxl"])
        rows.append(
            [
                record.drug,
                record.targets,
                *(_marked(text[f"ki_{protein}"], assumed[protein]) for protein in ANTI_APOPTOTICS),
                _marked(text.bclxl_over_bcl2, ratio_assumed),
                cite(record.sources),
            ]
        )
    return markdown_table(["Drug", "Targets", "BCL-2", "BCL-XL", "MCL-1", "BCL-XL / BCL-2", "Source"], rows)


def partners_table():
    """Each regimen partner: what it does in the cell, and what the model changes."""
    rows = []
    for partner in model.PARTNERS.values():
        changes = [f"{model.LEVEL_NAMES[name]} ×{factor:g}" for name, factor in partner.scale.items()]
        changes += [f"{model.LEVEL_NAMES[name]} +{amount:g} nM" for name, amount in partner.add.items()]
        rows.append([partner.name, f"{partner.mechanism} {cite(partner.sources)}", ", ".join(changes)])
    return markdown_table(["Partner", "Mechanism", "In the model (teaching assumption)"], rows)


def ic50_matrix_table(matrix: pd.DataFrame):
    """A matrix of ``widgets.model.scans.ic50_matrix`` (IC50s in nM, profiles by regimens) as
    text, for readers who prefer numbers to a heat map."""
    rows = [[model.NAMED_PROFILES[key].name] + [dose_label(value) for value in matrix.loc[key]] for key in matrix.index]
    return markdown_table(["Profile"] + [model.REGIMENS[key].name for key in matrix.columns], rows)


def ic50_table(profile_keys, regimen_keys, *, cells: int = model.DEFAULT_CELLS):
    """Model IC50s as text, profiles by regimens (``ic50_matrix_table`` of a new scan)."""
    return ic50_matrix_table(scans.ic50_matrix(profile_keys, regimen_keys, cells=cells))


def constants_table():
    """Every number of the model with its value, basis, source and note."""
    rows = []
    for record in summaries.constants_catalogue().itertuples(index=False):
        basis = record.basis if record.read_in_source else f"{record.basis} (quoted, not read)"
        rows.append(
            [
                record.quantity,
                constant_text(record.value, record.unit, record.relation),
                basis,
                cite(record.source),
                record.note,
            ]
        )
    return markdown_table(["Quantity", "Value", "Basis", "Source", "Note"], rows)
