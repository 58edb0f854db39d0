"""widgets.plots.introduction: the lineage figure draws what the data say."""

import matplotlib.pyplot as plt

from widgets.plots.introduction import lineage_share
from widgets.subtypes import load_lineage_share


def test_one_range_bar_per_age_group_spanning_the_data():
    share = load_lineage_share()
    fig = lineage_share(share)
    ax = fig.axes[0]
    spans = sorted((bar.get_x(), bar.get_x() + bar.get_width()) for bar in ax.patches)
    assert spans == sorted(zip(share["low_percent"], share["high_percent"]))
    labels = [text.get_text() for text in ax.texts]
    assert "75–85%" in labels and "60–70%" in labels
    assert ax.get_xlim() == (0, 100)
    plt.close(fig)
