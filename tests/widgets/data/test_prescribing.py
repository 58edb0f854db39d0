"""widgets.data.prescribing: the safety chapter's data files load, and their checks bite,
naming file, row and column."""

import pytest

from tests.widgets.data.corruption import rewrite
from widgets.data import prescribing
from widgets.data.schema import DataError


def test_every_file_loads_and_every_row_is_cited_and_graded():
    for loader in (
        prescribing.load_ramp_up,
        prescribing.load_adjustments,
        prescribing.load_interaction_studies,
        prescribing.load_tls_prophylaxis,
        prescribing.load_tls_rates,
        prescribing.load_tls_criteria,
    ):
        frame = loader()
        assert len(frame) > 0
        assert all(len(keys) > 0 for keys in frame["bibkeys"])
        assert set(frame["verification"]) <= set(prescribing.VERIFICATION)


@pytest.mark.parametrize(
    "source, old, new, loader, where",
    [
        (
            prescribing.RAMP_UP_CSV,
            "cll_5_week,CLL,alone or with an anti-CD20 antibody,8,14",
            "cll_5_week,CLL,alone or with an anti-CD20 antibody,9,14",
            prescribing.load_ramp_up,
            r"venetoclax_ramp_up.csv, row 2 \(file line 3\), column 'first_day': is 9, expected day 8",
        ),
        (
            prescribing.RAMP_UP_CSV,
            "36,,target",
            "36,,ramp_up",
            prescribing.load_ramp_up,
            r"row 6 \(file line 7\), column 'phase': an open-ended row must be the target dose",
        ),
        (
            prescribing.RAMP_UP_CSV,
            "400,venclexta_label",
            "1500,venclexta_label",
            prescribing.load_ramp_up,
            r"row 5 \(file line 6\), column 'daily_dose_mg': 1500 is outside",
        ),
        (
            prescribing.ADJUSTMENTS_CSV,
            "CLL,posaconazole,steady_state,daily_dose,70",
            "CLL,posaconazole,steady_state,daily_dose,",
            prescribing.load_adjustments,
            r"row 2 \(file line 3\), column 'doses_mg': action 'daily_dose' needs the dose",
        ),
        (
            prescribing.ADJUSTMENTS_CSV,
            "CLL,pgp,steady_state,reduce_by_at_least,,50",
            "CLL,pgp,steady_state,contraindicated,,",
            prescribing.load_adjustments,
            r"row 8 \(file line 9\), column 'action': the label contraindicates",
        ),
        (
            prescribing.ADJUSTMENTS_CSV,
            "AML,pgp,steady_state",
            "AML,pgp,ramp_up",
            prescribing.load_adjustments,
            r"row 16 \(file line 17\), column 'indication': repeats an earlier row",
        ),
        (
            prescribing.STUDIES_CSV,
            "posaconazole_100mg_paper",
            "posaconazole_50mg_paper",
            prescribing.load_interaction_studies,
            r"row 5 \(file line 6\), column 'study_id': repeats",
        ),
        (
            prescribing.TLS_RATES_CSV,
            "3,283,1.1",
            "3,283,2.1",
            prescribing.load_tls_rates,
            r"row 3 \(file line 4\), column 'percent': 2.1 does not match 3/283",
        ),
        (
            prescribing.TLS_PROPHYLAXIS_CSV,
            "CLL,low,",
            "CLL,all,",
            prescribing.load_tls_prophylaxis,
            r"row 1 \(file line 2\), column 'risk_category'",
        ),
        (
            prescribing.TLS_CRITERIA_CSV,
            "howard_2011,potassium,all,>",
            "howard_2011,potassium,all,<",
            prescribing.load_tls_criteria,
            r"row 4 \(file line 5\), column 'comparison': '<' is the wrong side for potassium",
        ),
        (
            prescribing.TLS_CRITERIA_CSV,
            "howard2011,source_text\nhoward_2011,phosphate",
            "nobody1999,source_text\nhoward_2011,phosphate",
            prescribing.load_tls_criteria,
            r"row 1 \(file line 2\), column 'bibkeys': bibkey 'nobody1999'",
        ),
    ],
)
def test_each_data_error_names_file_row_and_column(tmp_path, source, old, new, loader, where):
    with pytest.raises(DataError, match=where):
        loader(rewrite(tmp_path, source, old, new))


def test_a_missing_adjustment_is_reported(tmp_path):
    lines = prescribing.ADJUSTMENTS_CSV.read_text(encoding="utf-8").splitlines()
    path = tmp_path / prescribing.ADJUSTMENTS_CSV.name
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="column 'phase': no row for AML, pgp, steady_state"):
        prescribing.load_adjustments(path)
