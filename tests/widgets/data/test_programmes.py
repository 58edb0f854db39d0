"""widgets.data.programmes: the strategies' clinical programmes load; troponin counts are checked."""

import pytest

from widgets.data.programmes import EVIDENCE, PROGRAMMES_CSV, load_programmes
from widgets.data.schema import DataError


def rewrite(tmp_path, old, new):
    text = PROGRAMMES_CSV.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / PROGRAMMES_CSV.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_each_programme_is_dated_and_graded():
    programmes = load_programmes().set_index("drug")
    assert {"AZD0466", "AZD5991", "AMG 397"} <= set(programmes.index)
    assert set(programmes["evidence"]) <= set(EVIDENCE)
    azd5991 = programmes.loc["AZD5991"]
    assert 0 < azd5991["troponin_rises"] < azd5991["patients"]


def test_more_troponin_rises_than_patients_is_refused(tmp_path):
    path = rewrite(tmp_path, ",2024,8,78,", ",2024,80,78,")
    with pytest.raises(DataError, match=r"row 2 \(file line 3\), column 'troponin_rises': 80 is more than the 78"):
        load_programmes(path)


def test_a_count_without_its_patients_is_refused(tmp_path):
    path = rewrite(tmp_path, ",2024,8,78,", ",2024,8,,")
    with pytest.raises(DataError, match=r"row 2 .*column 'patients': troponin_rises and patients go together"):
        load_programmes(path)
