"""widgets.presentation.trials: selection, chart rows, the layered chart, tables and prose numbers."""

import base64
import io
import re

import matplotlib.pyplot as plt
import pytest
from PIL import Image

from widgets.data import trials
from widgets.stats import clopper_pearson_interval, wilson_interval
from widgets.presentation import trials as plots


@pytest.fixture(scope="module")
def studies():
    return trials.load_studies()


@pytest.fixture(scope="module")
def outcomes():
    return trials.load_outcomes()


def ids(frame):
    return set(frame["study_id"])


def response_rows(outcomes, studies, **filters):
    selected = plots.select_outcomes(outcomes, studies, endpoints=plots.ENDPOINT_CHOICES["response"].endpoints, **filters)
    return plots.figure_rows(selected, studies)


# --- selection -------------------------------------------------------------------------

@pytest.mark.parametrize("column, keyword", [("lineage", "lineage"), ("age_group", "age_group"),
                                             ("partner_class", "partner_class")])
def test_study_filters_keep_exactly_the_matching_studies(studies, column, keyword):
    for value in studies[column].unique():
        selected = plots.select_studies(studies, **{keyword: value})
        assert ids(selected) == set(studies.loc[studies[column] == value, "study_id"])


def test_known_selections(studies):
    assert ids(plots.select_studies(studies, lineage="B")) == {"aldoss2025"}
    assert ids(plots.select_studies(studies, partner_class="hma")) == {"cao2023", "agrawal2025"}
    assert ids(plots.select_studies(studies, lineage="T", setting="frontline")) == {"ravandi2024"}
    assert plots.select_studies(studies, lineage="B", partner_class="hma").empty


def test_a_setting_keeps_studies_with_cohorts_in_both_settings(studies):
    frontline = ids(plots.select_studies(studies, setting="frontline"))
    mixed = set(studies.loc[studies["setting"] == "mixed", "study_id"])
    assert mixed and mixed <= frontline
    assert frontline == set(studies.loc[studies["setting"].isin(["frontline", "mixed"]), "study_id"])


def test_a_setting_keeps_only_that_cohort_of_a_mixed_study(outcomes, studies):
    frontline = plots.select_outcomes(outcomes, studies, setting="frontline")
    relapsed = plots.select_outcomes(outcomes, studies, setting="relapsed_refractory")
    jain_front = frontline[frontline["study_id"] == "jain2019"]
    jain_relapsed = relapsed[relapsed["study_id"] == "jain2019"]
    assert set(jain_front["cohort"]) == {"untreated"}
    assert set(jain_relapsed["cohort"]) == {"relapsed_refractory"}
    # venugopal2021's whole-study cohort size belongs to neither setting alone
    assert not ((frontline["study_id"] == "venugopal2021") & (frontline["cohort"] == "all")).any()
    assert len(plots.select_outcomes(outcomes, studies)) == len(outcomes)


def test_outcome_selection_is_the_intersection_of_single_filters(outcomes, studies):
    """The explorer intersects single-filter selections; that must equal the combined filter."""
    combos = [dict(lineage="mixed", setting="relapsed_refractory", partner_class="low_intensity_chemo"),
              dict(setting="frontline", endpoints=("CR",)), dict(age_group="adult", lineage="T")]
    for combo in combos:
        together = set(plots.select_outcomes(outcomes, studies, **combo).index)
        apart = set.intersection(*(set(plots.select_outcomes(outcomes, studies, **{key: value}).index)
                                   for key, value in combo.items()))
        assert together == apart


def test_ongoing_selection():
    unique = trials.unique_ongoing_trials()
    tki = plots.select_ongoing(unique, partner="tki")
    assert len(tki) and all("tki" in partners for partners in tki["partners"])
    assert len(tki) == sum("tki" in partners for partners in unique["partners"])
    both = plots.select_ongoing(unique, subtype="t_all", partner="hma")
    assert list(both["nct_id"]) == [nct for nct, subtypes, partners in
                                    zip(unique["nct_id"], unique["subtypes"], unique["partners"])
                                    if "t_all" in subtypes and "hma" in partners]
    assert len(plots.select_ongoing(unique)) == len(unique)


# --- rows ------------------------------------------------------------------------------

def find(rows, study_id, cohort, endpoint=None):
    found = [row for row in rows if row.study_id == study_id and row.cohort == cohort
             and (endpoint is None or endpoint in row.endpoints)]
    assert found, (study_id, cohort, endpoint)
    return found


def test_a_figure_printed_alike_twice_is_one_row_with_its_exact_interval(outcomes, studies):
    rows = response_rows(outcomes, studies)
    (gibson,) = find(rows, "gibson2021", "all", "CR")
    assert gibson.sources == ("table1", "text") and gibson.value == 61
    assert (gibson.numerator, gibson.denominator) == (11, 18)
    low, high = clopper_pearson_interval(11, 18)
    assert gibson.ci_low == pytest.approx(100 * low) and gibson.ci_high == pytest.approx(100 * high)
    assert "CR 61% (11/18; CI 35.7–82.7) [T1 + text]" == gibson.detail


def test_disagreeing_figures_stay_apart_and_are_marked(outcomes, studies):
    rows = response_rows(outcomes, studies)
    jain = find(rows, "jain2019", "untreated")
    orr = next(row for row in jain if row.endpoints == ("ORR",))
    cr = next(row for row in jain if row.endpoints == ("CR",))
    assert orr.disagreement == cr.disagreement == "jain2019_untreated_response"
    assert orr.detail.startswith("≠ ORR 100% (10/10") and cr.detail.startswith("≠ CR 90% (9/10")
    short = [row for row in rows if row.study_id == "short2024" and "MRD_negative" in row.endpoints]
    assert {row.cohort for row in short} == {"responders", "not_stated"}
    assert all(row.disagreement and not row.has_counts for row in short)


def test_differently_worded_same_figures_merge_with_both_wordings(outcomes, studies):
    months = plots.figure_rows(plots.select_outcomes(outcomes, studies, endpoints=plots.SURVIVAL_MONTHS_ENDPOINTS),
                               studies)
    (cao,) = find(months, "cao2023", "all")
    assert cao.endpoints == ("OS_months", "OS_average_months") and cao.disagreement == "cao2023_os_statistic"
    assert cao.detail == "≠ OS 'on average' 24.1 months [text] · T1: no statistic named"
    richard = find(months, "richardcarpentier2020", "all")
    assert [row.main_endpoint for row in richard] == ["OS_median_months", "RFS_median_months"]


def test_rows_without_counts_or_denominator_say_so(outcomes, studies):
    rows = response_rows(outcomes, studies)
    (marrow,) = find(rows, "richardcarpentier2020", "all", "BM_remission")
    assert not marrow.has_counts and marrow.plotted and "(no counts: no CI)" in marrow.detail
    (patients,) = find(rows, "palmisiano2021", "all", "MRD_negative")
    assert not patients.plotted and "(no denominator: not plotted)" in patients.detail
    assert "counts behind it not given" in marrow.description()


def test_rows_follow_the_review_order(outcomes, studies):
    refs = studies.set_index("study_id")["review_ref"]
    order = [refs[row.study_id] for row in response_rows(outcomes, studies)]
    assert order == sorted(order)
    assert plots.figure_rows(outcomes.iloc[0:0], studies) == []


# --- the chart -------------------------------------------------------------------------

SVG_TEXT = re.compile(r"<text [^>]*>([^<]*)</text>")


@pytest.fixture
def chart_and_rows(outcomes, studies):
    rows = [row for row in response_rows(outcomes, studies) if row.study_id in ("gibson2021", "short2024")]
    chart = plots.RowChart(len(rows))
    yield chart, rows
    plt.close(chart.fig)


def test_layer_places_values_and_intervals_on_the_axes(chart_and_rows):
    chart, rows = chart_and_rows
    svg = chart.data_layer(rows, "Test")
    gibson = rows[0]
    y = chart.row_top(0) + 46
    x = chart.x_px(gibson.value)
    assert f"<circle cx='{round(x)}' cy='{round(y)}' r='{plots.marker_radius_px(18)}'" in svg
    low, high = round(chart.x_px(gibson.ci_low)), round(chart.x_px(gibson.ci_high))
    assert f"<line x1='{low}' y1='{round(y)}' x2='{high}' y2='{round(y)}'" in svg
    # x pixels follow the axis: 0% at the left edge of the axes, 100% at the right
    assert chart.x_px(0) == chart.LEFT_PX and chart.x_px(100) == chart.WIDTH_PX - chart.RIGHT_PX
    assert svg.count("<polygon") == 3     # short2024's three figures without counts: diamonds


def test_layer_reads_out_every_figure(chart_and_rows):
    chart, rows = chart_and_rows
    svg = chart.data_layer(rows, "Test title")
    label = re.search(r"aria-label='([^']*)'", svg).group(1)
    assert label.startswith("Test title.")
    assert "CR 61%, 11 of 18 patients, exact 95% confidence interval 35.7 to 82.7 percent" in label
    assert "Table 1 and the text disagree here" in label
    texts = SVG_TEXT.findall(svg)
    assert "Gibson et al., 2021 · all patients" in texts


def test_background_is_a_small_palette_png_with_alt_text(chart_and_rows):
    chart, _ = chart_and_rows
    assert "counts not given" in chart.alt_text() and "0 to 100 percent" in chart.alt_text()
    with pytest.raises(ValueError, match="alt: every figure needs alt text"):
        chart.background_html(" ")
    html = chart.background_html(chart.alt_text())
    assert html.startswith('<img src="data:image/png;base64,') and 'alt="Empty chart axes' in html
    image = Image.open(io.BytesIO(base64.b64decode(re.search(r"base64,([^\"]+)", html).group(1))))
    assert image.mode == "P" and image.size == (chart.WIDTH_PX, round(chart.height))
    colours = {colour for _, colour in image.convert("RGB").getcolors(maxcolors=256)}
    # the legend's marker colours survive the palette exactly
    for colour in (plots.COUNTS_COLOUR, plots.UNKNOWN_N_COLOUR):
        assert tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5)) in colours
    assert len(html) < 15_000


def test_marker_area_grows_with_n():
    radii = [plots.marker_radius_px(n) for n in (3, 5, 18, 47)]
    assert radii == sorted(radii) and radii[0] > 3


@pytest.mark.parametrize("choice", list(plots.ENDPOINT_CHOICES))
def test_every_row_is_legible_on_a_phone(outcomes, studies, choice):
    """No chart text is shrunk below 11 px to fit (the chart is about 0.8x on a 390 px phone)."""
    selected = plots.select_outcomes(outcomes, studies, endpoints=plots.ENDPOINT_CHOICES[choice].endpoints)
    usable = plots.RowChart.WIDTH_PX - 2 * plots.RowChart.LEFT_PX
    for row in plots.figure_rows(selected, studies):
        assert plots.fitted_size(row.heading, plots.RowChart.HEADING_PX, usable, True) >= 11, row.heading
        assert plots.fitted_size(row.detail, plots.RowChart.TEXT_PX, usable) >= 11, row.detail


def test_chart_arguments_are_checked(outcomes, studies):
    with pytest.raises(ValueError, match="row_count: must be 1 or more"):
        plots.RowChart(0)
    rows = response_rows(outcomes, studies)[:2]
    chart = plots.RowChart(3)
    with pytest.raises(ValueError, match="rows: this chart has 3 rows; got 2"):
        chart.data_layer(rows, "x")
    plt.close(chart.fig)
    with pytest.raises(ValueError, match="outside the axis"):
        months = plots.RowChart(1, plots.MONTHS_SCALE)
        months.data_layer([rows[0]], "x")   # 100% on a 0-30 month axis
    with pytest.raises(ValueError, match="a figure needs at least one row"):
        plots.row_figure([], "x")
    plt.close("all")


def test_chapter_figure_draws_the_same_rows(outcomes, studies):
    rows = response_rows(outcomes, studies, lineage="B")
    fig = plots.row_figure(rows, "Aldoss")
    texts = [text.get_text() for text in fig.texts]
    assert "Aldoss" in texts and rows[0].heading in texts and rows[0].detail in texts
    assert len(fig.artists) >= len(rows)   # a marker per plotted row, and the legend's
    plt.close(fig)


# --- tables ----------------------------------------------------------------------------

def test_studies_table_cites_every_study_and_shows_both_figures(outcomes, studies):
    disagreements = trials.table_text_disagreements(outcomes, studies)
    html = plots.studies_table_html(studies, outcomes, disagreements)
    assert html.count("<tbody>") == len(studies)
    for key in studies["bibkey"]:
        assert f'href="bibliography.html#cite-{key}"' in html
    assert "#cite-hanbali2025" in html
    for item in disagreements.itertuples():
        assert item.table1.replace("'", "&#x27;") in html or item.table1 in html
        assert item.text in html
    assert "6 of 10 patients evaluable" in html              # ref 19's denominator, from its note
    assert "not a randomized arm" in html                     # ref 27's comparator, from its note
    assert "<i>Only its" not in html


def test_studies_table_names_the_cohort_shown_for_a_mixed_study(outcomes, studies):
    disagreements = trials.table_text_disagreements(outcomes, studies)
    jain = studies[studies["study_id"] == "jain2019"]
    html = plots.studies_table_html(jain, outcomes, disagreements, setting="frontline")
    assert "Only its frontline cohort&#x27;s figures are plotted" in html or "Only its frontline cohort's" in html
    assert "1 study selected" in html


def test_ongoing_table_links_every_trial_to_its_record():
    unique = trials.unique_ongoing_trials()
    html = plots.ongoing_trials_html(unique)
    for nct in unique["nct_id"]:
        assert f"<a href='https://clinicaltrials.gov/study/{nct}'>{nct}</a>" in html
    assert f"{len(unique)} ongoing trials" in html
    assert "phase I (Table 2) and phase II (Table 3)" in html   # a trial listed in both tables


def test_disagreements_markdown_has_an_item_per_disagreement(outcomes, studies):
    markdown = plots.disagreements_markdown(outcomes, studies)
    frame = trials.table_text_disagreements(outcomes, studies)
    lines = markdown.splitlines()
    assert len(lines) == len(frame) and all(line.startswith("- {cite:t}`") for line in lines)
    for line, item in zip(lines, frame.itertuples()):
        assert f"`{item.bibkey}` (ref {item.review_ref})" in line
        assert f"*Table 1:* {item.table1}." in line and f"*Text:* {item.text}." in line


def test_partner_counts_and_figure():
    unique = trials.unique_ongoing_trials()
    counts = plots.ongoing_partner_counts(unique)
    assert counts.sum() == sum(len(partners) for partners in unique["partners"])
    fig = plots.ongoing_partner_figure(unique)
    labels = {text.get_text() for text in fig.axes[0].texts}
    assert labels == {str(value) for value in counts.values}
    plt.close(fig)


# --- prose numbers ---------------------------------------------------------------------

def test_prose_numbers_come_from_the_data(outcomes, studies):
    numbers = plots.prose_numbers(studies, outcomes)
    assert numbers["aldoss2025.ph_like.MRD_negative_CR_CRi.text.num"] == 11
    assert numbers["aldoss2025.ph_like.MRD_negative_CR_CRi.text.den"] == 12
    low, high = clopper_pearson_interval(11, 12)
    assert numbers["aldoss2025.ph_like.MRD_negative_CR_CRi.text.low"] == pytest.approx(100 * low)
    assert numbers["aldoss2025.ph_like.MRD_negative_CR_CRi.text.high"] == pytest.approx(100 * high)
    wlow, _ = wilson_interval(11, 12)
    assert numbers["aldoss2025.ph_like.MRD_negative_CR_CRi.text.wlow"] == pytest.approx(100 * wlow)
    assert numbers["studies.count"] == len(studies)
    assert numbers["ongoing.unique"] == len(trials.unique_ongoing_trials())
    assert numbers["ongoing.rows"] == len(trials.load_ongoing_trials())
    assert numbers["richardcarpentier2020.dose_mg"] == 200 and numbers["ci.percent"] == 95
    for record in outcomes.itertuples(index=False):
        assert numbers[f"{plots.outcome_key(record)}.value"] == record.value
    assert all(type(value) in (int, float) for value in numbers.values())


def test_every_category_has_a_label():
    assert set(plots.LINEAGE_LABELS) == set(trials.LINEAGES)
    assert set(plots.SETTING_LABELS) == set(trials.SETTINGS)
    assert set(plots.AGE_LABELS) == set(trials.AGE_GROUPS)
    assert set(plots.DESIGN_LABELS) == set(trials.DESIGNS)
    assert set(plots.PARTNER_LABELS) == set(trials.PARTNER_CLASSES)
    assert set(plots.SUBTYPE_LABELS) == set(trials.TRIAL_SUBTYPES)
    assert set(plots.TRIAL_PARTNER_LABELS) == set(trials.TRIAL_PARTNERS)
    plotted = {endpoint for choice in plots.ENDPOINT_CHOICES.values() for endpoint in choice.endpoints}
    assert plotted <= set(trials.ENDPOINTS) and set(plots.SURVIVAL_MONTHS_ENDPOINTS) <= set(trials.ENDPOINTS)
