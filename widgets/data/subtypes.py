"""ALL subtypes as the introduction presents them: ``data/all_subtypes.csv``.

One row per subtype: its lineage, genetic hallmark, the outcome the cited sources
report (``favorable``, ``unfavorable`` or ``not_stated``, with an optional note that
qualifies it, such as the age group it rests on), what is known of its BCL-2-family
dependence. Every statement carries its bibkeys. Schema in ``data/README.md``.
"""

from widgets.data import data_file
from widgets.data.schema import Column, DataError, check_unique, read_table

SUBTYPES_CSV = data_file("all_subtypes.csv")
LINEAGE_SHARE_CSV = data_file("lineage_share.csv")

OUTCOMES = ("favorable", "unfavorable", "not_stated")

SUBTYPE_COLUMNS = [
    Column("subtype_id", pattern=r"[a-z0-9_]+"),
    Column("name"),
    Column("lineage", kind="category", categories=("B", "T")),
    Column("hallmark"),
    Column("hallmark_bibkeys", kind="bibkeys"),
    Column("outcome", kind="category", categories=OUTCOMES),
    Column("outcome_bibkeys", kind="bibkeys", required=False),
    Column("outcome_note", required=False),
    Column("outcome_note_bibkeys", kind="bibkeys", required=False),
    Column("apoptosis_note"),
    Column("apoptosis_bibkeys", kind="bibkeys"),
]

# Who reports a share: the review itself, or the source the review cites for it. When
# the two disagree, both rows are kept and the book shows the difference.
REPORTERS = ("review", "cited source")

LINEAGE_SHARE_COLUMNS = [
    Column("age_group", kind="category", categories=("children", "adults")),
    Column("lineage", kind="category", categories=("B", "T")),
    Column("low_percent", kind="float", minimum=0, maximum=100),
    Column("high_percent", kind="float", minimum=0, maximum=100),
    Column("reported_by", kind="category", categories=REPORTERS),
    Column("bibkey", kind="bibkeys"),
    Column("note"),
]


def load_subtypes(path=SUBTYPES_CSV):
    """The subtype table, validated; raises ``widgets.data.schema.DataError`` on a bad file."""
    frame = read_table(path, SUBTYPE_COLUMNS)
    check_unique(path, frame, ["subtype_id"])
    for row, record in enumerate(frame.itertuples(index=False), start=1):
        if record.outcome != "not_stated" and not record.outcome_bibkeys:
            raise DataError(path, row, "outcome_bibkeys", f"outcome {record.outcome!r} needs a citation")
        if isinstance(record.outcome_note, str) != bool(record.outcome_note_bibkeys):
            raise DataError(path, row, "outcome_note_bibkeys", "an outcome note and its citations go together")
    return frame


def load_lineage_share(path=LINEAGE_SHARE_CSV):
    """Share of ALL cases by lineage and age group (percent ranges), validated."""
    frame = read_table(path, LINEAGE_SHARE_COLUMNS)
    check_unique(path, frame, ["age_group", "lineage", "reported_by"])
    for row, record in enumerate(frame.itertuples(index=False), start=1):
        if record.low_percent > record.high_percent:
            raise DataError(
                path, row, "low_percent", f"{record.low_percent:g} is above high_percent {record.high_percent:g}"
            )
    return frame
