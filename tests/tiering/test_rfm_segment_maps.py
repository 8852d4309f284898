"""Rule T4: RFM segment maps: the default grid, their boxes and cells, overlaps and uncovered
cells.
"""

import pytest

from custrel.errors import PolicyError
from custrel.tiering import DEFAULT_RFM_SEGMENTS, RfmSegment, RfmSegmentPolicy
from tests._tier_samples import SQUARE, box, segment


def test_default_rfm_segments_are_the_documented_grid() -> None:
    rows = [
        (
            segment.name,
            segment.label_en,
            segment.label_zh,
            [(box.r, box.f, box.m) for box in segment.boxes],
        )
        for segment in DEFAULT_RFM_SEGMENTS.segments
    ]
    assert rows == [
        ("champions", "Champions", "重要价值客户", [((4, 5), (4, 5), (1, 5))]),
        ("potential_loyalists", "Potential loyalists", "潜力客户", [((4, 5), (2, 3), (1, 5))]),
        ("new_customers", "Recent one-time buyers", "近期单次购买客户", [((4, 5), (1, 1), (1, 5))]),
        ("loyal", "Loyal", "忠诚客户", [((3, 3), (3, 5), (1, 5))]),
        ("need_attention", "Need attention", "需要关注客户", [((3, 3), (1, 2), (1, 5))]),
        ("at_risk", "Fading regulars", "渐疏常客", [((2, 2), (3, 5), (1, 5))]),
        ("hibernating", "Hibernating", "休眠客户", [((2, 2), (1, 2), (1, 5))]),
        ("cannot_lose", "Cannot lose them", "不能失去的客户", [((1, 1), (4, 5), (1, 5))]),
        ("lost", "Long silent", "久未购买客户", [((1, 1), (1, 3), (1, 5))]),
    ]


def test_an_overlap_is_shown_by_the_first_three_shared_cells() -> None:
    a = segment("a", box((1, 3), (1, 1), (1, 3)), box((2, 3), (1, 3), (2, 2)))
    b = segment("b", box((1, 3), (1, 3), (2, 3)))
    c = segment("c", box((3, 3), (3, 3), (3, 3)))
    with pytest.raises(PolicyError) as caught:
        RfmSegmentPolicy(bins=3, segments=(a, b, c))
    assert caught.value.value == [
        "(2, 1, 2) in 'a' and 'a'",
        "(1, 1, 2) in 'a' and 'b'",
        "(2, 1, 2) in 'a' and 'b'",
    ]


@pytest.mark.parametrize(
    ("segments", "missing"),
    [
        pytest.param((SQUARE,), [(1, 1, 3), (1, 2, 3), (1, 3, 1)], id="beyond a square"),
        pytest.param(
            (segment("a", box((1, 3), (1, 3), (2, 3))),),
            [(1, 1, 1), (1, 2, 1), (1, 3, 1)],
            id="the bottom layer",
        ),
        pytest.param(
            (segment("a", box((1, 1), (1, 3), (1, 3)), box((2, 3), (1, 3), (1, 1))),),
            [(2, 1, 2), (2, 1, 3), (2, 2, 2)],
            id="two layers of a corner",
        ),
        pytest.param(
            (segment("a", box((1, 3), (1, 3), (1, 2))),),
            [(1, 1, 3), (1, 2, 3), (1, 3, 3)],
            id="the top layer",
        ),
    ],
)
def test_an_uncovered_map_is_shown_by_its_first_three_missing_cells(
    segments: tuple[RfmSegment, ...], missing: list[tuple[int, int, int]]
) -> None:
    with pytest.raises(PolicyError) as caught:
        RfmSegmentPolicy(bins=3, segments=segments)
    assert caught.value.value == missing


@pytest.mark.parametrize(
    ("r", "f", "m", "cells"),
    [
        ((2, 3), (1, 1), (4, 5), [(2, 1, 4), (2, 1, 5), (3, 1, 4), (3, 1, 5)]),
        ((1, 1), (2, 3), (1, 1), [(1, 2, 1), (1, 3, 1)]),
        ((5, 5), (5, 5), (5, 5), [(5, 5, 5)]),
    ],
)
def test_the_cells_of_a_box_in_r_f_m_order(
    r: tuple[int, int], f: tuple[int, int], m: tuple[int, int], cells: list[tuple[int, int, int]]
) -> None:
    assert list(box(r, f, m).cells()) == cells


def test_the_default_segment_boxes_hold_125_cells() -> None:
    from custrel.tiering import DEFAULT_RFM_SEGMENTS  # noqa: PLC0415 - beside its only use

    cells = [cell for s in DEFAULT_RFM_SEGMENTS.segments for b in s.boxes for cell in b.cells()]
    assert sorted(cells) == [
        (r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)
    ]


def test_a_segment_map_may_hold_200_boxes() -> None:
    halves = [(1, 50), (51, 100)]
    rows = [box((r, r), f, (1, 100)) for r in range(1, 101) for f in halves]
    policy = RfmSegmentPolicy(
        bins=100, segments=(segment("low", *rows[:150]), segment("high", *rows[150:]))
    )
    assert sum(len(s.boxes) for s in policy.segments) == 200


def test_boxes_touching_at_the_edge_of_a_range_overlap() -> None:
    side = segment("side", box((3, 3), (1, 3), (1, 3)))
    row = segment("row", box((1, 3), (1, 1), (1, 1)))
    with pytest.raises(PolicyError) as caught:
        RfmSegmentPolicy(bins=3, segments=(side, row))
    assert caught.value.value == ["(3, 1, 1) in 'side' and 'row'"]
