"""custrel.plot: the report's charts as matplotlib figures."""

from collections.abc import Callable
from decimal import Decimal

import pytest
from matplotlib.figure import Figure

from custrel import plot
from custrel.errors import InvalidInputError
from custrel.grading import Grade
from custrel.lifecycle import Stage
from custrel.tiering import RfmBox, RfmScore, RfmSegment, RfmSegmentPolicy, Tier


def score(r: int, f: int, m: int = 1) -> RfmScore:
    return RfmScore(recency_days=1, frequency=1, monetary=Decimal(1), r=r, f=f, m=m)


def test_the_pyramid_counts_tiers_from_any_form() -> None:
    by_customer = {"a": Tier.VIP, "b": Tier.SMALL, "c": Tier.SMALL}
    texts = [t.get_text() for t in plot.plot_pyramid(by_customer).axes[0].texts]
    assert texts == [
        "VIP customer: 1",
        "major customer: 0",
        "ordinary customer: 0",
        "small customer: 2",
    ]
    assert [
        t.get_text() for t in plot.plot_pyramid(list(by_customer.values())).axes[0].texts
    ] == texts


def test_charts_draw_into_given_axes() -> None:
    fig = Figure()
    ax = fig.add_subplot()
    assert plot.plot_stages([Stage.NEW, Stage.NEW], ax=ax) is fig
    assert [int(bar.get_width()) for bar in ax.patches][:2] == [0, 2]  # type: ignore[attr-defined]


def test_chinese_labels() -> None:
    fig = plot.plot_grades({Grade.A: 2}, lang="zh")
    assert fig.axes[0].get_yticklabels()[0].get_text() == "A级：一个月内可成交"


def test_rfm_cells_split_by_m_show_no_single_segment() -> None:
    low = RfmSegment(
        name="low", label_en="Low", label_zh="低", boxes=(RfmBox(r=(1, 2), f=(1, 2), m=(1, 1)),)
    )
    high = RfmSegment(
        name="high", label_en="High", label_zh="高", boxes=(RfmBox(r=(1, 2), f=(1, 2), m=(2, 2)),)
    )
    policy = RfmSegmentPolicy(bins=2, segments=(low, high))
    fig = plot.plot_rfm({"a": score(1, 1, 1), "b": score(1, 1, 2)}, policy=policy, lang="zh")
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["0", "0", "0", "2"]
    legend = fig.axes[0].get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == ["低: 1", "高: 1"]


def bad_grades() -> object:
    return plot.plot_grades(["A"])  # type: ignore[list-item]


def bad_scores() -> object:
    return plot.plot_rfm(["x"])  # type: ignore[list-item]


def bad_lang() -> object:
    return plot.plot_pyramid([], lang="fr")  # type: ignore[arg-type]


def bad_count() -> object:
    return plot.plot_stages({Stage.NEW: -1})


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (bad_grades, r"grades\[0\]: expected a Grade or None"),
        (bad_count, r"stages\[<Stage.NEW: 'new'>\]: expected a count >= 0"),
        (bad_scores, r"scores\[0\]: expected an RfmScore"),
        (bad_lang, "lang: expected one of 'en', 'zh'"),
    ],
)
def test_bad_input_is_refused(call: Callable[[], object], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        call()
