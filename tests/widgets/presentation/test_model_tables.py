"""widgets.presentation.model_tables: the chapters' model tables say what the model holds, with citations."""

from widgets import model
from widgets.presentation import model_tables
from widgets.presentation.text import dose_label


def test_selectivity_table_shows_bounds_as_bounds():
    rows = model_tables.selectivity_table().data.splitlines()
    venetoclax = next(row for row in rows if row.startswith("| Venetoclax"))
    assert "< 0.01 nM" in venetoclax and "> 444 nM" in venetoclax and "> 4,800×" in venetoclax
    assert "{cite:p}`souers2013`" in venetoclax
    navitoclax = next(row for row in rows if row.startswith("| Navitoclax"))
    assert "not known (both bounds)" in navitoclax


def test_profiles_and_partners_tables_cover_the_model():
    profiles = model_tables.profiles_table().data
    assert all(named.name in profiles for named in model.NAMED_PROFILES.values())
    partners = model_tables.partners_table().data
    assert "MCL-1 ×0.3" in partners and "NOXA +20 nM, PUMA +20 nM" in partners


def test_constants_table_flags_numbers_not_read_in_their_source():
    table = model_tables.constants_table().data
    assert "bound (quoted, not read)" in table and "teaching assumption" in table
    assert table.count("\n") + 1 == 2 + len(model.summaries.constants_catalogue())


def test_ic50_table_matches_the_model():
    table = model_tables.ic50_table(["b_all"], ["venetoclax"], cells=200).data
    expected = model_tables.dose_label(model.ic50(model.PROFILES["b_all"], "venetoclax", cells=200))
    assert table.splitlines()[2] == f"| BCL-2-dependent B-ALL | {expected} |"


def test_reading_guide_numbers_are_the_model_thresholds_in_words():
    numbers = model_tables.reading_guide_numbers()
    assert numbers["sensitive_below"] == dose_label(model.SENSITIVE_BELOW_NM) == "24.2 nM"
    assert numbers["resistant_above"] == dose_label(model.RESISTANT_ABOVE_NM) == "242 nM"
    assert numbers["resistant_factor"] == "10"
    assert numbers["range_top"] == dose_label(model.IC50_RANGE_NM[1])
