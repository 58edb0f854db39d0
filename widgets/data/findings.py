"""Published findings the teaching model must reproduce: ``data/model_findings.csv``.

One row per finding: its source (bibkeys, with the figure, table or part of the paper),
what could be read of it (``read_in``), the experimental system, the finding in words and,
where the paper gives one, its magnitude; then the model quantity that mirrors it
(``model_quantity``, optionally divided by ``relative_to``), the comparison (``check``:
``below`` or ``above`` ``threshold``) and what the threshold rests on. ``status`` says
whether the model reproduces the finding (``holds``) or is known not to (``known_gap``,
said on the appendix page). ``widgets.model.calibration`` evaluates the quantities;
``tests/widgets/model/test_calibration.py`` checks every row. Schema in ``data/README.md``.
"""

from widgets.data import data_file
from widgets.data.schema import Column, DataError, check_unique, read_table

FINDINGS_CSV = data_file("model_findings.csv")

READ_IN = ("abstract", "full_text", "figure_legend", "review_summary")
SYSTEMS = (
    "cell_lines",
    "xenografts",
    "patient_blasts",
    "cell_lines_and_xenografts",
    "blasts_and_xenografts",
    "patients",
)
CHECKS = ("below", "above")
STATUSES = ("holds", "known_gap")
# A model quantity: ic50 or bh3, then the regimen or peptide, the profile, and optional level
# changes such as mcl1x2; or pk, a measure of the exposure model and a co-medication (see
# ``widgets.model.calibration``).
QUANTITY_PATTERN = r"(ic50|bh3):[A-Za-z0-9_]+:[a-z0-9_]+(:[a-z0-9_]+x[0-9.]+)*|pk:[a-z0-9_]+:[a-z0-9_]+"
# A threshold: a plain number, or a named line of the reading guide.
THRESHOLD_PATTERN = r"[0-9.]+|guide\.(sensitive_below|resistant_above)"

FINDING_COLUMNS = [
    Column("finding_id", pattern=r"[a-z0-9_]+"),
    Column("source", kind="bibkeys"),
    Column("location"),
    Column("read_in", kind="category", categories=READ_IN),
    Column("system", kind="category", categories=SYSTEMS),
    Column("finding"),
    Column("magnitude", required=False),
    Column("model_quantity", pattern=QUANTITY_PATTERN),
    Column("relative_to", required=False, pattern=QUANTITY_PATTERN),
    Column("check", kind="category", categories=CHECKS),
    Column("threshold", pattern=THRESHOLD_PATTERN),
    Column("threshold_basis"),
    Column("status", kind="category", categories=STATUSES),
]


def load_findings(path=FINDINGS_CSV):
    """The findings table, validated; raises ``widgets.data.schema.DataError`` on a bad file."""
    frame = read_table(path, FINDING_COLUMNS)
    check_unique(path, frame, ["finding_id"])
    for row, record in enumerate(frame.itertuples(index=False), start=1):
        if isinstance(record.relative_to, str) and record.threshold.startswith("guide."):
            raise DataError(
                path,
                row,
                "threshold",
                "a ratio (relative_to given) is compared with a number, not with a line of the reading guide",
            )
    return frame
