"""widgets.data.programmes: the strategies' clinical programmes load; troponin counts are checked."""

from tests.widgets.data.corruption import refusal_test
from widgets.data.programmes import EVIDENCE, PROGRAMMES_CSV, load_programmes


def test_each_programme_is_dated_and_graded():
    programmes = load_programmes().set_index("drug")
    assert {"AZD0466", "AZD5991", "AMG 397"} <= set(programmes.index)
    assert set(programmes["evidence"]) <= set(EVIDENCE)
    azd5991 = programmes.loc["AZD5991"]
    assert 0 < azd5991["troponin_rises"] < azd5991["patients"]


# more troponin rises than patients; a count without its patients
test_troponin_counts_that_do_not_fit_are_refused = refusal_test(
    load_programmes,
    PROGRAMMES_CSV,
    [
        (",2024,8,78,", ",2024,80,78,", r"row 2 \(file line 3\), column 'troponin_rises': 80 is more than the 78"),
        (",2024,8,78,", ",2024,8,,", r"row 2 .*column 'patients': troponin_rises and patients go together"),
    ],
)
