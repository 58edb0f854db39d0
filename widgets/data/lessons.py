"""The lessons the chapters draw from the model: ``data/lessons.csv``, the book's lesson registry.

One row per claim: a sentence a reader sees (in prose, a caption, an alt text, an exercise or
its solution, or a self-check) that says what the model does, where it stands (``chapter``,
the notebook's path under ``chapters/``, and ``where``), the model quantity that carries the
claim (``model_quantity``, optionally divided by ``relative_to``; the grammar of
``widgets.model.calibration``), the comparison (``check`` ``below``, ``above`` or ``within``
``threshold``) and the published finding it mirrors (a ``finding_id`` of
``data/model_findings.csv``) or ``model_only``. ``tests/widgets/chapters/test_lessons.py``
finds each sentence on its page and checks each claim against the model. Schema in
``data/README.md``.
"""

from widgets.data import data_file
from widgets.data.findings import load_findings
from widgets.data.schema import Column, DataError, check_unique, read_table

LESSONS_CSV = data_file("lessons.csv")

# Where on the page the sentence stands.
WHERE = (
    "prose",
    "caption",
    "alt_text",
    "exercise",
    "self_check_question",
    "self_check_feedback",
)
CHECKS = ("below", "above", "within")
MODEL_ONLY = "model_only"
# A model quantity's form (its meaning is checked by ``widgets.model.calibration.parse``): a kind,
# a subject (with a dose in nM for the dosed kinds), a target, then changes: <level>x<factor>,
# +<partner>, <drug>=<nM> or cells=<n>.
_NUMBER = r"[0-9]+(\.[0-9]*)?(e-?[0-9]+)?"
_KINDS = "|".join(
    ("ic50", "bh3", "apoptotic", "momp_dose", "bim_bcl2", "bim_bclxl", "bim_mcl1", "bim_free", "active_bax")
    + ("level", "ki", "pk", "exposure", "adjusted_exposure")
)
_CHANGE = rf"[a-z0-9_]+x{_NUMBER}|\+[a-z0-9_]+|[a-z0-9_]+={_NUMBER}"
QUANTITY_PATTERN = rf"({_KINDS}):[A-Za-z0-9_]+(@{_NUMBER})?:[a-z0-9_]+(:({_CHANGE}))*"
# A threshold: a plain number, or a named line (``widgets.model.calibration.NAMED_THRESHOLDS``).
NAMED_LINES = ("guide.sensitive_below", "guide.resistant_above", "guide.range_top", "model.momp_threshold")
THRESHOLD_PATTERN = rf"{_NUMBER}|" + "|".join(line.replace(".", r"\.") for line in NAMED_LINES)

LESSON_COLUMNS = [
    Column("lesson_id", pattern=r"[a-z0-9_]+"),
    Column("chapter", pattern=r"(cases/)?[0-9]{2}_[a-z0-9_]+\.ipynb|appendix_[a-z0-9_]+\.ipynb"),
    Column("where", kind="category", categories=WHERE),
    Column("sentence"),
    Column("model_quantity", pattern=QUANTITY_PATTERN),
    Column("relative_to", required=False, pattern=QUANTITY_PATTERN),
    Column("check", kind="category", categories=CHECKS),
    Column("threshold", pattern=THRESHOLD_PATTERN),
    Column("mirrors", pattern=r"[a-z0-9_]+"),
    Column("note", required=False),
]


def load_lessons(path=LESSONS_CSV, findings_path=None):
    """The lesson registry, validated; raises ``widgets.data.schema.DataError`` on a bad file.

    Besides the schema: ``lesson_id`` is unique; a ratio (``relative_to`` given) is compared
    with a number, not a named line; ``within`` needs a ratio and a threshold above 1; and
    ``mirrors`` is ``model_only`` or a ``finding_id`` of ``model_findings.csv``
    (``findings_path``, the shipped file by default).
    """
    frame = read_table(path, LESSON_COLUMNS)
    check_unique(path, frame, ["lesson_id"])
    findings = load_findings() if findings_path is None else load_findings(findings_path)
    known = set(findings["finding_id"])
    for row, record in enumerate(frame.itertuples(index=False), start=1):
        ratio = isinstance(record.relative_to, str)
        if ratio and record.threshold in NAMED_LINES:
            raise DataError(path, row, "threshold", "a ratio (relative_to given) is compared with a number")
        if record.check == "within" and not (ratio and float(record.threshold) > 1):
            raise DataError(path, row, "check", "'within' compares a ratio (relative_to given) with a factor above 1")
        if record.mirrors != MODEL_ONLY and record.mirrors not in known:
            raise DataError(
                path,
                row,
                "mirrors",
                f"{record.mirrors!r} is neither {MODEL_ONLY!r} nor a finding_id of model_findings.csv",
            )
    return frame
