"""widgets.chapters.future_directions: chapter 09's numbers and figure count the ongoing trials."""

import matplotlib.pyplot as plt

from widgets.chapters import future_directions as page
from widgets.data import programmes
from widgets.data import trial_selection as selection


def test_numbers_are_the_ongoing_trial_counts():
    numbers = page.numbers()
    assert all(key.startswith(("ongoing.", "programmes.")) for key in numbers)
    assert numbers["ongoing.unique"] == len(selection.unique_ongoing_trials())


def test_partner_figure_labels_each_bar_with_its_count():
    numbers = page.numbers()
    fig = page.ongoing_partners_figure()
    ax = fig.axes[0]
    partner_counts = {str(value) for key, value in numbers.items() if key.startswith("ongoing.partner.")}
    assert {text.get_text() for text in ax.texts} == partner_counts
    assert f"of {numbers['ongoing.unique']}" in ax.get_xlabel()
    plt.close(fig)


def test_the_programme_numbers_come_from_the_programmes_file():
    numbers = page.numbers()
    frame = programmes.load_programmes().set_index("drug")
    azd5991 = frame.loc["AZD5991"]
    assert numbers["programmes.azd5991.troponin_rises"] == str(azd5991["troponin_rises"])
    assert numbers["programmes.azd5991.patients"] == str(azd5991["patients"])
    share = 100 * azd5991["troponin_rises"] / azd5991["patients"]
    assert abs(float(numbers["programmes.azd5991.troponin_percent"]) - share) < 0.5
    assert numbers["programmes.amg397.as_of"] == frame.loc["AMG 397", "as_of"][:4]


def test_the_programmes_table_links_each_trial_and_grades_each_status():
    lines = page.programmes_table().data.splitlines()[2:]
    assert len(lines) == len(programmes.load_programmes())
    for line, record in zip(lines, programmes.load_programmes().itertuples(index=False)):
        assert f"(https://clinicaltrials.gov/study/{record.nct_id})" in line
        assert f"{{evidence}}`{record.evidence}`" in line and "{cite:p}`" in line
