"""widgets.data.subtypes: the introduction's data files load and their extra checks bite."""

import pytest

from widgets.data.schema import DataError
from widgets.data.subtypes import LINEAGE_SHARE_CSV, SUBTYPES_CSV, load_lineage_share, load_subtypes


def test_subtypes_cover_the_review_subtypes():
    subtypes = load_subtypes()
    assert {"ph_like_b_all", "kmt2a_r_b_all", "etp_all", "mature_t_all"} <= set(subtypes["subtype_id"])
    assert set(subtypes["lineage"]) == {"B", "T"}
    stated = subtypes[subtypes["outcome"] != "not_stated"]
    assert all(len(keys) > 0 for keys in stated["outcome_bibkeys"])


def test_outcome_without_citation_is_an_error(tmp_path):
    lines = SUBTYPES_CSV.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("favorable,iacobucci2017;roberts2014", "favorable,")
    path = tmp_path / "all_subtypes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"all_subtypes.csv, row 1 \(file line 2\), column 'outcome_bibkeys'"):
        load_subtypes(path)


def test_lineage_share_keeps_the_review_and_the_cited_source_apart():
    share = load_lineage_share()
    assert (share["low_percent"] <= share["high_percent"]).all()
    adults = share[share["age_group"] == "adults"].set_index("reported_by")
    assert (adults.loc["review", "low_percent"], adults.loc["review", "high_percent"]) == (60, 70)
    assert adults.loc["cited source", "low_percent"] == 75 and adults.loc["cited source", "bibkey"] == (
        "terwilliger2017",
    )


def test_inverted_range_is_an_error(tmp_path):
    path = tmp_path / "lineage_share.csv"
    path.write_text(LINEAGE_SHARE_CSV.read_text().replace("75,85", "85,75"), encoding="utf-8")  # children: row 1
    with pytest.raises(DataError, match="column 'low_percent': 85 is above high_percent 75"):
        load_lineage_share(path)


def test_the_etp_outcome_says_which_age_group_it_rests_on():
    etp = load_subtypes().set_index("subtype_id").loc["etp_all"]
    assert "adult" in etp["outcome_note"] and "children" in etp["outcome_note"]
    assert {"neumann2012", "patrick2014"} <= set(etp["outcome_note_bibkeys"])


def test_an_outcome_note_without_citation_is_an_error(tmp_path):
    lines = SUBTYPES_CSV.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("mature_t_all,"))
    lines[row] = lines[row].replace("not_stated,,,,", "not_stated,,A note without a source.,,")
    path = tmp_path / "all_subtypes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(
        DataError, match=rf"row {row} \(file line {row + 1}\), column 'outcome_note_bibkeys': an outcome"
    ):
        load_subtypes(path)
