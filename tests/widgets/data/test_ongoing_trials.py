"""widgets.data.ongoing_trials: the review's Tables 2 and 3 load as transcribed, and every
corruption of the file is caught with its row and column."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.widgets.data.corruption import (
    assert_corruption_located,
    data_rows,
    deleted_column,
    duplicated_column,
    located_error,
    read_rows,
    repeated_row,
    with_cell,
    write_rows,
)
from widgets.data.ongoing_trials import ONGOING_TRIALS_CSV, TRIAL_PARTNERS, TRIAL_SUBTYPES, load_ongoing_trials


def test_ongoing_trials_hold_both_tables():
    trials = load_ongoing_trials()
    assert len(trials) == 18 and trials["nct_id"].nunique() == 15
    assert (trials["review_table"] == 2).sum() == 6 and (trials["review_table"] == 3).sum() == 12
    repeated = set(trials.loc[trials["nct_id"].duplicated(), "nct_id"])
    assert repeated == {"NCT06082934", "NCT03319901", "NCT05182385"}
    table3 = trials[trials["review_table"] == 3]
    assert table3["primary_outcome"].isna().all()
    assert (table3["intervention_source"] == "primary_outcome_column").all()


def test_a_missing_column_is_an_error(tmp_path):
    rows = [row[:-1] for row in read_rows(ONGOING_TRIALS_CSV)]
    with located_error(ONGOING_TRIALS_CSV.name, None, "note", match="is missing from the header"):
        load_ongoing_trials(write_rows(tmp_path / ONGOING_TRIALS_CSV.name, rows))


# --- property tests: corrupt a valid file in many ways ---------------------------------


@st.composite
def malformed_nct(draw, rows):
    row = draw(st.sampled_from(data_rows(rows, "nct_id")))
    digits = rows[row][0][3:]
    text = draw(
        st.sampled_from(
            [
                "NCT" + digits[:-1],
                "NCT" + digits + "0",
                "nct" + digits,
                "NCT-" + digits,
                digits,
                "NCT" + digits[:-1] + "X",
                "NCT " + digits,
                "NCT" + "٠" * 8,  # noqa: RUF001 (Arabic-Indic zeros: digits to isdigit, not to the rule)
                "NCTO" + digits[1:],
            ]
        )
    )
    return with_cell(rows, row, "nct_id", text), row, "nct_id"


@st.composite
def unknown_list_item(draw, rows):
    column = draw(st.sampled_from(["subtypes", "partners"]))
    row = draw(st.sampled_from(data_rows(rows, "nct_id")))
    cell = rows[row][rows[0].index(column)]
    item = draw(st.sampled_from(["bogus", "TKI", "venetoclax", "", "ph-positive"]))
    return with_cell(rows, row, column, draw(st.sampled_from([f"{cell};{item}", f"{item};{cell}"]))), row, column


@st.composite
def wrong_table_number(draw, rows):
    row = draw(st.sampled_from(data_rows(rows, "nct_id")))
    return (
        with_cell(rows, row, "review_table", draw(st.sampled_from(["1", "4", "two", "2.0", ""]))),
        row,
        "review_table",
    )


@st.composite
def swapped_phase(draw, rows):
    row = draw(st.sampled_from(data_rows(rows, "nct_id")))
    phase = rows[row][rows[0].index("phase")]
    return with_cell(rows, row, "phase", "phase_2" if phase == "phase_1" else "phase_1"), row, "phase"


@st.composite
def blank_trial_cell(draw, rows):
    column = draw(st.sampled_from(["nct_id", "population", "intervention", "subtypes", "partners"]))
    row = draw(st.sampled_from(data_rows(rows, "nct_id")))
    return with_cell(rows, row, column, ""), row, column


@st.composite
def disagreeing_trial_rows(draw, rows):
    column = draw(st.sampled_from(["subtypes", "partners"]))
    repeated = [row for row in data_rows(rows, "nct_id") if [r[0] for r in rows].count(rows[row][0]) > 1]
    row = draw(st.sampled_from(repeated))
    later = max(number for number in repeated if rows[number][0] == rows[row][0])
    allowed = TRIAL_SUBTYPES if column == "subtypes" else TRIAL_PARTNERS
    cell = rows[row][rows[0].index(column)]
    replacement = draw(st.sampled_from([item for item in allowed if item != cell]))
    return with_cell(rows, row, column, replacement), later, column


TRIAL_CORRUPTIONS = [
    malformed_nct,
    unknown_list_item,
    wrong_table_number,
    swapped_phase,
    blank_trial_cell,
    repeated_row,
    disagreeing_trial_rows,
    deleted_column,
    duplicated_column,
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_every_corruption_of_the_ongoing_trials_is_located(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("trials")
    assert_corruption_located(data, TRIAL_CORRUPTIONS, ONGOING_TRIALS_CSV, folder, load_ongoing_trials)
