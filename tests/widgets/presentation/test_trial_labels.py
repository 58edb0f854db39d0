"""widgets.presentation.trial_labels: every category of the clinical data has reader words."""

from widgets.data import ongoing_trials, trials
from widgets.presentation import trial_labels as labels


def test_every_category_has_a_label():
    assert set(labels.LINEAGE_LABELS) == set(trials.LINEAGES)
    assert set(labels.SETTING_LABELS) == set(trials.SETTINGS)
    assert set(labels.AGE_LABELS) == set(trials.AGE_GROUPS)
    assert set(labels.DESIGN_LABELS) == set(trials.DESIGNS)
    assert set(labels.PARTNER_LABELS) == set(trials.PARTNER_CLASSES)
    assert set(labels.SUBTYPE_LABELS) == set(ongoing_trials.TRIAL_SUBTYPES)
    assert set(labels.TRIAL_PARTNER_LABELS) == set(ongoing_trials.TRIAL_PARTNERS)
    assert set(labels.TRIAL_PARTNER_SHORT_LABELS) == set(ongoing_trials.TRIAL_PARTNERS)
    assert set(labels.PHASE_LABELS) == set(ongoing_trials.TRIAL_PHASES.values())
    assert set(labels.SOURCE_LABELS) == set(trials.SOURCES)
    assert set(labels.CHART_COHORTS) == set(trials.COHORTS)
    assert set(labels.CHART_UNNAMED) | set(labels.CHART_ENDPOINTS) <= set(trials.ENDPOINTS)


def test_short_labels_are_shorter_and_chart_endpoints_fall_back_to_the_data_label():
    for key, short in labels.TRIAL_PARTNER_SHORT_LABELS.items():
        assert len(short) <= len(labels.TRIAL_PARTNER_LABELS[key])
    assert labels.TRIAL_PARTNER_SHORT_LABELS["tki"] == "TKI"
    assert labels.chart_endpoint("CR_CRi") == trials.ENDPOINTS["CR_CRi"].label
    long = trials.ENDPOINTS["BM_remission_full_recovery"].label
    assert len(labels.chart_endpoint("BM_remission_full_recovery")) < len(long)
