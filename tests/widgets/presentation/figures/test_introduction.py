"""widgets.presentation.figures.introduction: the lineage figure draws what the data say."""

import matplotlib.pyplot as plt

from widgets.data.subtypes import load_lineage_share
from widgets.presentation.figures.introduction import lineage_share


def test_review_ranges_are_bars_and_the_cited_source_is_a_labelled_marker():
    share = load_lineage_share()
    fig = lineage_share(share)
    ax = fig.axes[0]
    review = share[share["reported_by"] == "review"]
    spans = sorted((bar.get_x(), bar.get_x() + bar.get_width()) for bar in ax.patches if bar.get_height() < 1)
    assert spans == sorted(zip(review["low_percent"], review["high_percent"]))
    labels = [text.get_text() for text in ax.texts]
    assert "75–85%" in labels and "60–70%" in labels and "75% (cited source)" in labels
    markers = [line for line in ax.lines if line.get_marker() == "D"]
    assert len(markers) == 1 and markers[0].get_xdata()[0] == 75
    assert [label.get_text() for label in ax.get_legend().get_texts()] == ["Review (range)", "Cited source"]
    plt.close(fig)
