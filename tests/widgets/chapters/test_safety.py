"""widgets.chapters.safety: chapter 08's numbers, tables and figure come from the data and the model,
and the page prints each quantity the same way everywhere."""

import re

import matplotlib.pyplot as plt
import pytest

from tests.widgets.chapters.notebook_parts import stored_alt
from widgets.chapters import safety as page
from widgets.data import label_pharmacology, prescribing, study_dosing, trials
from widgets.pharmacokinetics import dosing
from widgets.pharmacokinetics import one_compartment as pk


def _body(table) -> list[str]:
    return table.data.splitlines()[2:]


def _column(table, header: str) -> list[str]:
    lines = table.data.splitlines()
    index = [cell.strip() for cell in lines[0].strip("|").split("|")].index(header)
    return [line.strip("|").split("|")[index].strip() for line in lines[2:]]


def test_numbers_come_from_the_data_and_the_model(numbers):
    assert numbers["pk.half_life_h"] == 26 and numbers["interaction.ketoconazole_50mg.auc_ratio"] == "6.4"
    assert numbers["tls.viale_a_percent"] == 1.1 and numbers["place2025.all.febrile_neutropenia.text.value"] == 55
    assert float(numbers["adjusted.other_strong_cyp3a.exposure_ratio"]) == pytest.approx(1.6)
    folds = [float(numbers[f"inhibitor.posaconazole.{name}"]) for name in ("fold_low", "fold", "fold_high")]
    assert folds == sorted(folds) and len(set(folds)) == 3
    assert numbers["pk.cmax_ss_model"] == pytest.approx(pk.simulate([400] * 30).daily_peak_ug_per_ml[-1])
    # the split: posaconazole slows the approach to steady state by its clearance ratio only,
    # less than its whole rise in exposure would (the time itself was never measured)
    posaconazole = dosing.inhibitor_effects()["posaconazole"]
    slower = numbers["pk.days_to_90_posaconazole"] / numbers["pk.days_to_90_alone"]
    assert slower == pytest.approx(1 / posaconazole.clearance_ratio) and 1 < slower < posaconazole.fold
    assert float(numbers["inhibitor.ketoconazole.cmax_all_on_clearance"]) < float(
        numbers["interaction.ketoconazole_50mg.cmax_ratio"]
    )


def test_every_value_can_be_glued(numbers):
    # glue stores a value's repr: numpy's ("np.float64(26.0)") would not take a format spec
    assert all(type(value) in (float, str) for value in numbers.values())


def test_the_prose_folds_are_the_table_s_folds(numbers):
    rises = [cell.removesuffix("×") for cell in _column(page.interaction_studies_table(), "Rise at the same dose")]
    posaconazole = rises[1:]
    assert numbers["interaction.ketoconazole_50mg.auc_ratio"] == rises[0]
    assert numbers["inhibitor.posaconazole.fold_low"] == min(posaconazole, key=float)
    assert numbers["inhibitor.posaconazole.fold_high"] == max(posaconazole, key=float)


def test_markdown_tables_cite_every_row():
    for table, rows in (
        (page.ramp_up_table(), 3),
        (page.adjustments_table("CLL"), 4),
        (page.interaction_studies_table(), 5),
        (page.tls_rates_table(), 4),
        (page.tls_criteria_table(), 4),
    ):
        body = _body(table)
        assert len(body) == rows
        if "Analyte" not in table.data:
            assert all("{cite:p}`" in line for line in body)
    aml = page.adjustments_table("AML").data
    assert "{evidence}`secondary`" in aml and "not confirmed" not in aml  # every AML row was read somewhere
    assert "{evidence}`secondary`" not in page.ramp_up_table().data.splitlines()[2]  # the CLL ramp-up: label text
    assert page.tls_prophylaxis_list().data.count("{cite:p}`venclexta_label`") == 4
    with pytest.raises(ValueError, match="indication: must be one of CLL, AML"):
        page.adjustments_table("ALL")
    safety = page.trial_safety_table().data
    assert "{cite:p}`place2025`" in safety and "17/31" in safety


def test_the_ramp_up_table_follows_the_schedules():
    table = page.ramp_up_table()
    cll = dict(zip(_column(table, "Schedule"), _column(table, "Daily dose")))[prescribing.SCHEDULE_TEXT["cll_5_week"]]
    assert cll.startswith("days 1–7: 20 mg")
    assert cll.endswith(f"from day {dosing.first_target_day('cll_5_week')}: 400 mg")


def test_the_parameter_table_shows_every_model_number_with_its_grade():
    table = page.model_parameters_table()
    parameters = pk.model_parameters()
    assert _column(table, "Parameter") == [parameter.name for parameter in parameters.values()]
    values = dict(zip(_column(table, "Parameter"), _column(table, "Value")))
    assert values["Terminal half-life"] == f"{pk.TERMINAL_HALF_LIFE_H:g} h"
    assert values["Apparent volume V/F"] == f"{round(pk.APPARENT_VOLUME_L)} L"
    assert f"(SD {pk.REFERENCE_AUC_SS_SD_UG_H_PER_ML:g})" in values[parameters["auc_ss"].name]
    how = dict(zip(_column(table, "Parameter"), _column(table, "How it was set")))
    low, high = pk.LABEL_APPARENT_VOLUME_RANGE_L
    assert f"{low:g}–{high:g} L" in how["Apparent volume V/F"]
    assert "{cite:p}" not in how["Absorption rate constant ka"]
    assert _column(table, "Grade").count("**teaching assumption**") == 1


def test_trial_safety_counts_agree_with_their_unit():
    values = _column(page.trial_safety_table(), "Value")
    assert "1 patient" in values and "0 patients" in values and "1 patients" not in values


def test_the_stored_alt_text_states_the_figure_s_labels(numbers):
    fig = page.azole_estimates_figure()
    labels = [text.get_text().removeprefix("×") for text in fig.axes[0].texts]
    plt.close(fig)
    alt = stored_alt("08_safety.ipynb", "fig-azole-estimates")
    stated = re.findall(r"(?:paper: |mg: |reports it, |\(label\) and )(\d+(?:\.\d+)?)", alt)
    assert sorted(stated, key=float) == sorted(labels, key=float)
    assert f"about {numbers['inhibitor.posaconazole.fold']} marks" in alt
    assert f"dashed one at {numbers['interaction.ketoconazole_50mg.auc_ratio']} " in alt


def test_the_dosing_table_has_one_row_per_study_and_reports_only_what_was_read():
    table = page.study_dosing_table()
    dosing = study_dosing.load_study_dosing()
    assert len(_body(table)) == len(trials.load_studies()) == len(dosing)
    doses = _column(table, "Venetoclax")
    reported = dosing["venetoclax_dose_mg"].notna()
    assert doses.count("not reported") == (~reported).sum()
    aldoss = doses[list(dosing["study_id"]).index("aldoss2025")]
    assert aldoss.startswith("400 mg") and "14 days per cycle" in aldoss
    checked = _column(table, "Dose basis; how checked")
    assert all("{evidence}`" in cell for cell, has_dose in zip(checked, reported) if has_dose)


def test_the_dosing_numbers_are_counted_from_the_data(numbers):
    dosing = study_dosing.load_study_dosing()
    assert numbers["dosing.with_dose"] == dosing["venetoclax_dose_mg"].notna().sum() < numbers["dosing.studies"]
    assert numbers["dosing.days_low"] < numbers["dosing.days_high"] <= study_dosing.MAX_DAYS_PER_CYCLE
    assert (
        numbers["pediatric.karol2020.dose_low"]
        < numbers["pediatric.karol2020.recommended"]
        == numbers["pediatric.karol2020.dose_high"]
    )


def test_label_statements_cite_and_grade_every_bullet():
    text = page.label_statements("food", "cytopenias").data
    lines = text.splitlines()
    expected = len(label_pharmacology.by_topic("food")) + len(label_pharmacology.by_topic("cytopenias"))
    assert len(lines) == expected and all(line.startswith("- ") for line in lines)
    assert all(re.search(r"\{cite:p\}`[^`]+` \{evidence\}`(primary|secondary)`\.$", line) for line in lines)
    assert "3.4 times" in text
