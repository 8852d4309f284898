"""RFM scores and segments: boundaries, ties and refusals."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from custrel.errors import InvalidInputError, PolicyError
from custrel.tiering import (
    DEFAULT_RFM_SEGMENTS,
    RfmBox,
    RfmScore,
    RfmSegment,
    RfmSegmentPolicy,
    rfm_scores,
    rfm_segment,
)
from tests._values import AS_OF
from tests.tiering._tiering_samples import box, sale, score, segment

# RFM ------------------------------------------------------------------------------------------


def test_rfm_of_no_purchase() -> None:
    assert rfm_scores([], as_of=AS_OF) == {}


def test_rfm_of_one_customer() -> None:
    score = rfm_scores([sale(date(2026, 11, 1), 10)], as_of=AS_OF)["c-1"]
    assert (score.recency_days, score.frequency, score.monetary) == (21, 1, Decimal(10))
    assert score.cell == (1, 1, 1)  # nobody is worse on any axis


def test_rfm_quantiles_and_ties() -> None:
    purchases = [sale(AS_OF - timedelta(days=i), 10 * (i + 1), f"c-{i}") for i in range(10)]
    purchases.append(sale(AS_OF, 10, "c-0"))  # c-0 buys twice
    scores = rfm_scores(purchases, as_of=AS_OF)
    assert scores["c-0"].r == 5  # most recent: 9 customers are less recent -> 1 + 5*9//10
    assert scores["c-9"].r == 1
    assert scores["c-0"].f == 5  # 9 customers have fewer sales
    assert {scores[f"c-{i}"].f for i in range(1, 10)} == {1}  # ties in one bin
    assert [scores[f"c-{i}"].m for i in range(10)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_rfm_recency_counts_from_as_of_across_29_february() -> None:
    scores = rfm_scores([sale(date(2024, 2, 29))], as_of=date(2024, 3, 1))
    assert scores["c-1"].recency_days == 1


def test_rfm_refunds_reduce_money_and_refund_only_customers_score_lowest() -> None:
    purchases = [
        sale(AS_OF, 100),
        sale(AS_OF, 30, refund=True),
        sale(AS_OF, 30, "c-2", refund=True),
    ]
    scores = rfm_scores(purchases, as_of=AS_OF)
    assert set(scores) == {"c-1", "c-2"}
    assert scores["c-1"].monetary == Decimal(70)
    assert scores["c-1"].frequency == 1
    assert scores["c-2"] == RfmScore(
        recency_days=None, frequency=0, monetary=Decimal(-30), r=1, f=1, m=1
    )


def test_rfm_a_large_block_of_one_order_customers_scores_f_1() -> None:
    """Rule T2's principle in RFM: a tie block takes the score of its lowest member."""
    purchases = [sale(AS_OF, 10, f"one-{i}") for i in range(60)]
    purchases += [
        sale(AS_OF - timedelta(days=d), 10, f"two-{i}") for i in range(40) for d in (0, 1)
    ]
    scores = rfm_scores(purchases, as_of=AS_OF)
    assert {scores[f"one-{i}"].f for i in range(60)} == {1}
    assert {scores[f"two-{i}"].f for i in range(40)} == {4}  # 1 + 5 * 60 // 100


def test_rfm_no_money_scores_m_1_whatever_the_rank() -> None:
    purchases = [sale(AS_OF, 100, "a"), sale(AS_OF, 0, "b"), sale(AS_OF, 0, "c")]
    purchases += [sale(AS_OF, 50, "c", refund=True)]
    scores = rfm_scores(purchases, as_of=AS_OF, bins=3)
    assert (scores["a"].m, scores["b"].m, scores["c"].m) == (3, 1, 1)


def test_rfm_ignores_purchases_after_as_of() -> None:
    assert rfm_scores([sale(AS_OF + timedelta(days=1))], as_of=AS_OF) == {}


@pytest.mark.parametrize(
    ("purchases", "kwargs", "field"),
    [
        ([], {"as_of": "2026-11-22"}, "as_of"),
        ([], {"as_of": AS_OF, "bins": 0}, "bins"),
        ([], {"as_of": AS_OF, "bins": 101}, "bins"),
        ([None], {"as_of": AS_OF}, "purchases[0]"),
        (b"x", {"as_of": AS_OF}, "purchases"),
    ],
)
def test_rfm_refuses_bad_input(purchases: object, kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        rfm_scores(purchases, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


@pytest.mark.parametrize(
    ("r", "f", "name"),
    [
        (5, 5, "champions"),
        (4, 4, "champions"),
        (5, 3, "potential_loyalists"),
        (4, 1, "new_customers"),
        (3, 5, "loyal"),
        (3, 2, "need_attention"),
        (2, 3, "at_risk"),
        (2, 1, "hibernating"),
        (1, 4, "cannot_lose"),
        (1, 3, "lost"),
    ],
)
def test_default_segments(r: int, f: int, name: str) -> None:
    assert rfm_segment(score(r, f)).name == name


def test_segment_lookup_refuses_bad_input() -> None:
    with pytest.raises(InvalidInputError, match="score"):
        rfm_segment((5, 5, 5))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="policy"):
        rfm_segment(score(5, 5), policy=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="scores from 1 to 5"):
        rfm_segment(score(6, 5))


def test_a_custom_segment_map() -> None:
    policy = RfmSegmentPolicy(
        bins=2, segments=(segment("top", box((2, 2), (1, 2))), segment("rest", box((1, 1), (1, 2))))
    )
    assert rfm_segment(score(2, 1, 2), policy=policy).name == "top"
    assert RfmSegmentPolicy.from_dict(policy.to_dict()) == policy


@pytest.mark.parametrize(
    ("segments", "says"),
    [
        (
            (segment("a", box((1, 2), (1, 2))), segment("b", box((2, 2), (2, 2)))),
            "covered once only",
        ),
        ((segment("a", box((1, 1), (1, 2))),), "every .R, F, M. cell covered"),
        ((segment("a", box((1, 2), (1, 3))),), "score ranges within 1..2"),
        ((segment("a", box((1, 2), (1, 2))), segment("a", box((1, 1), (1, 1)))), "names unique"),
        ((), "at least one segment"),
        (("a",), "RfmSegment"),
    ],
)
def test_segment_maps_must_cover_every_cell_once(
    segments: tuple[RfmSegment, ...], says: str
) -> None:
    with pytest.raises(PolicyError, match=says):
        RfmSegmentPolicy(bins=2, segments=segments)


def test_segment_map_bins_are_checked() -> None:
    with pytest.raises(PolicyError, match="bins"):
        RfmSegmentPolicy(bins=0)


@pytest.mark.parametrize("bad", [(2, 1), (0, 1), (1,), ("1", "2"), (True, 2), [1, 2]])
def test_score_ranges(bad: object) -> None:
    with pytest.raises(InvalidInputError, match=r"RfmBox\.r"):
        RfmBox(r=bad, f=(1, 1), m=(1, 1))  # type: ignore[arg-type]


def test_segment_policy_from_data_reports_bad_ranges_as_policy_errors() -> None:
    data = DEFAULT_RFM_SEGMENTS.to_dict()
    data["segments"][0]["boxes"][0]["r"] = ["4", "5"]
    with pytest.raises(PolicyError, match=r"segments\[0\].boxes\[0\].r"):
        RfmSegmentPolicy.from_dict(data)


def test_a_missing_cell_is_named_when_it_is_the_only_one() -> None:
    with pytest.raises(PolicyError) as info:
        RfmSegmentPolicy(
            bins=2,
            segments=(
                segment("a", box((1, 1), (1, 2))),
                segment("b", box((2, 2), (1, 1))),
                segment("c", box((2, 2), (2, 2), (1, 1))),
            ),
        )
    assert info.value.value == [(2, 2, 2)]


def test_the_first_shared_cell_of_overlapping_boxes_is_named() -> None:
    with pytest.raises(PolicyError) as info:
        RfmSegmentPolicy(
            bins=3,
            segments=(
                segment("a", box((1, 3), (1, 3), (1, 3))),
                segment("b", box((2, 2), (3, 3), (2, 3))),
            ),
        )
    assert info.value.value == ["(2, 3, 2) in 'a' and 'b'"]


def test_a_hundred_bin_map_is_checked_without_walking_its_cells(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A million cells: the check works on boxes, so a document cannot make it slow."""

    def no_walk(_: RfmBox) -> None:
        pytest.fail("the check walked the cells")

    monkeypatch.setattr(RfmBox, "cells", no_walk)
    whole = box((1, 100), (1, 100), (1, 100))
    with pytest.raises(PolicyError, match="covered once only"):
        RfmSegmentPolicy(bins=100, segments=(segment("a", whole), segment("b", whole)))
    assert RfmSegmentPolicy(bins=100, segments=(segment("a", whole),)).bins == 100


def test_the_number_of_boxes_is_bounded() -> None:
    many = tuple(box((1, 1), (1, 1), (1, 1)) for _ in range(201))
    with pytest.raises(PolicyError, match="at most 200 boxes"):
        RfmSegmentPolicy(bins=1, segments=(segment("a", *many),))
