"""widgets.data.findings: the findings file is read against its schema."""

import pytest

from widgets.data.findings import FINDING_COLUMNS, load_findings
from widgets.data.schema import DataError


def write(tmp_path, rows):
    path = tmp_path / "model_findings.csv"
    header = ",".join(column.name for column in FINDING_COLUMNS)
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


GOOD = (
    "etp,nichonghaile2014,abstract,abstract,cell_lines,ETP-ALL is sensitive,,ic50:venetoclax:etp_all,,below,"
    "guide.sensitive_below,the label,holds"
)


def test_the_shipped_file_loads():
    frame = load_findings()
    assert frame["finding_id"].is_unique and len(frame) >= 10


def test_a_good_row_loads(tmp_path):
    assert load_findings(write(tmp_path, [GOOD]))["model_quantity"].tolist() == ["ic50:venetoclax:etp_all"]


@pytest.mark.parametrize(
    "change, column",
    [
        (("holds", "maybe"), "status"),
        (("ic50:venetoclax:etp_all", "ic50 of venetoclax"), "model_quantity"),
        (("nichonghaile2014", "nosuchkey2099"), "source"),
    ],
)
def test_a_bad_cell_names_its_row_and_column(tmp_path, change, column):
    with pytest.raises(DataError, match=f"row 1 .*column '{column}'"):
        load_findings(write(tmp_path, [GOOD.replace(*change)]))


def test_a_ratio_compared_with_a_guide_line_is_refused(tmp_path):
    row = GOOD.replace(",,below", ",ic50:venetoclax:b_all,below")
    with pytest.raises(DataError, match="column 'threshold'"):
        load_findings(write(tmp_path, [row]))
