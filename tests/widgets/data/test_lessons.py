"""widgets.data.lessons: the lesson registry is read against its schema, and a bad row is
refused with a DataError naming the file, the row and the column."""

import pytest

from tests.widgets.data.corruption import located_error
from widgets.data.lessons import LESSON_COLUMNS, MODEL_ONLY, load_lessons

GOOD = {
    "lesson_id": "ch02_etp_sensitive",
    "chapter": "02_role_of_bcl2.ipynb",
    "where": "exercise",
    "sentence": "both still below the {glue:text}`guide.sensitive_below`",
    "model_quantity": "ic50:venetoclax:etp_all",
    "relative_to": "",
    "check": "below",
    "threshold": "guide.sensitive_below",
    "mirrors": "etp_all_venetoclax_sensitive",
    "note": "",
}


def write(tmp_path, *rows):
    path = tmp_path / "lessons.csv"
    header = ",".join(column.name for column in LESSON_COLUMNS)
    lines = [",".join(f'"{row[column.name]}"' for column in LESSON_COLUMNS) for row in rows]
    path.write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_shipped_registry_loads_and_its_ids_are_unique():
    frame = load_lessons()
    assert frame["lesson_id"].is_unique and len(frame) >= 20
    assert set(frame["mirrors"]) >= {MODEL_ONLY, "etp_all_venetoclax_sensitive"}


def test_a_good_row_loads_with_its_quantities(tmp_path):
    rows = [GOOD, GOOD | {"lesson_id": "second", "model_quantity": "bim_free:venetoclax@10:b_all:mcl1x4:+asparaginase"}]
    frame = load_lessons(write(tmp_path, *rows))
    assert frame["model_quantity"].tolist() == ["ic50:venetoclax:etp_all", rows[1]["model_quantity"]]
    assert frame["relative_to"].isna().all()


@pytest.mark.parametrize(
    "change, column",
    [
        ({"where": "footnote"}, "where"),
        ({"chapter": "chapters/02_role_of_bcl2.ipynb"}, "chapter"),
        ({"model_quantity": "the IC50 of venetoclax"}, "model_quantity"),
        ({"model_quantity": "ic50:venetoclax:b_all:mcl1*2"}, "model_quantity"),
        ({"relative_to": "ic50 of B-ALL"}, "relative_to"),
        ({"check": "equals"}, "check"),
        ({"threshold": "guide.somewhere"}, "threshold"),
        ({"mirrors": "no_such_finding"}, "mirrors"),
        ({"mirrors": ""}, "mirrors"),
        ({"sentence": ""}, "sentence"),
        ({"relative_to": "ic50:venetoclax:b_all"}, "threshold"),
        ({"check": "within", "threshold": "10"}, "check"),
        ({"check": "within", "threshold": "0.5", "relative_to": "ic50:venetoclax:b_all"}, "check"),
    ],
)
def test_a_bad_row_names_the_file_its_row_and_its_column(tmp_path, change, column):
    path = write(tmp_path, GOOD | {"lesson_id": "first"}, GOOD | change)
    with located_error("lessons.csv", 2, column):
        load_lessons(path)


def test_a_repeated_lesson_id_is_refused(tmp_path):
    with located_error("lessons.csv", 2, "lesson_id", match="repeats"):
        load_lessons(write(tmp_path, GOOD, GOOD))


def test_mirrors_are_checked_against_the_findings_file_given(tmp_path):
    findings = tmp_path / "model_findings.csv"
    findings.write_text(
        "finding_id,source,location,read_in,system,finding,magnitude,model_quantity,relative_to,check,threshold,"
        "threshold_basis,status\nonly_this,nichonghaile2014,abstract,abstract,cell_lines,ETP-ALL is sensitive,,"
        "ic50:venetoclax:etp_all,,below,guide.sensitive_below,the label,holds\n",
        encoding="utf-8",
    )
    path = write(tmp_path, GOOD | {"mirrors": "only_this"}, GOOD | {"lesson_id": "other"})
    with located_error("lessons.csv", 2, "mirrors", match="etp_all_venetoclax_sensitive"):
        load_lessons(path, findings_path=findings)
