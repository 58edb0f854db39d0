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
    assert sorted(labels) == ["60–70%", "75%", "75–85%"]
    markers = [line for line in ax.lines if line.get_marker() == "D"]
    assert len(markers) == 1 and markers[0].get_xdata()[0] == 75
    # The cited source's value is written beside its diamond, on the adults' row; the legend names the diamond.
    (cited,) = [text for text in ax.texts if text.get_text() == "75%"]
    assert cited.get_position()[0] > 75 and cited.get_position()[1] == markers[0].get_ydata()[0]
    assert [label.get_text() for label in ax.get_legend().get_texts()] == ["Review (range)", "Cited source"]
    plt.close(fig)
