"""widgets.data.trials: every corruption of the studies and outcomes files, drawn by Hypothesis,
is refused at its row and column, and any text in any cell of the three clinical files loads or
fails with a located DataError."""

from functools import partial

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.widgets.data.corruption import (
    assert_corruption_located,
    copies,
    data_rows,
    deleted_column,
    duplicated_column,
    load_all,
    read_rows,
    repeated_row,
    with_cell,
)
from widgets.data.ongoing_trials import ONGOING_TRIALS_CSV
from widgets.data.schema import DataError
from widgets.data.trials import ENDPOINTS, OUTCOMES_CSV, STUDIES_CSV, load_outcomes


@st.composite
def wrong_type(draw, rows):
    column = draw(st.sampled_from(["value", "numerator", "denominator"]))
    text = draw(
        st.sampled_from(
            ["abc", "12%", "nan", "inf", "1_0", "--3", "2.5.1", "1e999"]
            + (["1.5", "3e1", "9" * 25] if column != "value" else [])
        )
    )
    row = draw(st.sampled_from(data_rows(rows, "study_id")))
    return with_cell(rows, row, column, text), row, column


@st.composite
def unknown_category(draw, rows):
    column = draw(st.sampled_from(["cohort", "endpoint", "unit", "source", "counts_basis"]))
    text = draw(st.sampled_from(["bogus", "Percent", "TABLE1", "overall", "CR/CRi"]))
    row = draw(st.sampled_from(data_rows(rows, "study_id")))
    return with_cell(rows, row, column, text), row, column


@st.composite
def blank_required(draw, rows):
    column = draw(st.sampled_from(["study_id", "cohort", "endpoint", "value", "unit", "source"]))
    row = draw(st.sampled_from(data_rows(rows, "study_id")))
    return with_cell(rows, row, column, draw(st.sampled_from(["", " ", "\t"]))), row, column


@st.composite
def percent_out_of_range(draw, rows):
    row = draw(st.sampled_from(data_rows(rows, "unit", lambda unit: unit == "percent")))
    value = draw(st.floats(min_value=100.01, max_value=1e6, allow_nan=False))
    return with_cell(rows, row, "value", f"{value:.2f}"), row, "value"


@st.composite
def numerator_above_denominator(draw, rows):
    row = draw(st.sampled_from(data_rows(rows, "numerator", bool)))
    denominator = int(rows[row][rows[0].index("denominator")])
    return with_cell(rows, row, "numerator", str(denominator + draw(st.integers(1, 500)))), row, "numerator"


@st.composite
def mismatched_value(draw, rows):
    row = draw(st.sampled_from(data_rows(rows, "numerator", bool)))
    header = rows[0]
    share = 100 * int(rows[row][header.index("numerator")]) / int(rows[row][header.index("denominator")])
    value = draw(st.integers(0, 100).filter(lambda v: abs(v - share) > 0.6))
    return with_cell(rows, row, "value", str(value)), row, "value"


@st.composite
def unknown_study(draw, rows):
    known = {row[0] for row in read_rows(STUDIES_CSV)[1:]}
    slug = draw(st.from_regex(r"[a-z]{3,10}[0-9]{4}", fullmatch=True).filter(lambda s: s not in known))
    row = draw(st.sampled_from(data_rows(rows, "study_id")))
    return with_cell(rows, row, "study_id", slug), row, "study_id"


@st.composite
def unit_not_fitting(draw, rows):
    header = rows[0]
    row = draw(st.sampled_from(data_rows(rows, "study_id")))
    allowed = ENDPOINTS[rows[row][header.index("endpoint")]].units
    unit = draw(st.sampled_from([u for u in ("percent", "months", "years", "patients") if u not in allowed]))
    return with_cell(rows, row, "unit", unit), row, "unit"


@st.composite
def half_counts(draw, rows):
    row = draw(st.sampled_from(data_rows(rows, "numerator", bool)))
    column = draw(st.sampled_from(["numerator", "denominator"]))
    return with_cell(rows, row, column, ""), row, column


OUTCOME_CORRUPTIONS = [
    wrong_type,
    unknown_category,
    blank_required,
    percent_out_of_range,
    numerator_above_denominator,
    mismatched_value,
    unknown_study,
    unit_not_fitting,
    half_counts,
    deleted_column,
    duplicated_column,
    repeated_row,
]


@st.composite
def study_corruption(draw, rows):
    row = draw(st.sampled_from(data_rows(rows, "study_id")))
    column, text = draw(
        st.sampled_from(
            [
                ("bibkey", "nobody1999"),
                ("bibkey", ""),
                ("review_ref", "16"),
                ("review_ref", "seventeen"),
                ("lineage", "b"),
                ("setting", "salvage"),
                ("age_group", "child"),
                ("design", "phase_3"),
                ("partner_class", "tki"),
                ("n", "0"),
                ("n", "12.5"),
                ("venetoclax_dose_mg", "400 mg"),
                ("population", ""),
                ("backbone", ""),
            ]
        )
    )
    return with_cell(rows, row, column, text), row, column


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_every_corruption_of_the_outcomes_is_located(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("outcomes")
    assert_corruption_located(data, OUTCOME_CORRUPTIONS, OUTCOMES_CSV, folder, load_outcomes)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_every_corruption_of_the_studies_is_located(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("studies")
    assert_corruption_located(data, [study_corruption], STUDIES_CSV, folder, partial(load_outcomes, OUTCOMES_CSV))


FILES = [STUDIES_CSV, OUTCOMES_CSV, ONGOING_TRIALS_CSV]
cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"), max_size=14)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_cell_text_loads_or_fails_with_a_located_data_error(tmp_path_factory, data):
    """Whatever one cell of one file holds, the loaders either accept it or raise a DataError
    naming one of the files, a header column, and a row that exists; nothing else escapes."""
    source = data.draw(st.sampled_from(FILES))
    rows = read_rows(source)
    row = data.draw(st.integers(1, len(rows) - 1))
    column = data.draw(st.sampled_from(rows[0]))
    changed = with_cell(rows, row, column, data.draw(cell_text))
    paths = copies(
        tmp_path_factory.mktemp("fuzz"),
        **{{STUDIES_CSV: "studies", OUTCOMES_CSV: "outcomes", ONGOING_TRIALS_CSV: "trials"}[source]: changed},
    )
    try:
        load_all(*paths)
    except DataError as error:
        header = read_rows(next(path for path in paths if path.name == error.path.name))[0]
        assert error.column in header
        assert error.row is None or 1 <= error.row < len(read_rows(next(p for p in paths if p.name == error.path.name)))
        assert str(error).startswith(error.path.name)
