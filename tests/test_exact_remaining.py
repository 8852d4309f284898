"""Exact refusals and boundaries left open by the other tests.

Covers the Decimal ratios of :class:`LifecyclePolicy` (rules L1-L4), the 0..1 shares of
the loyalty measures, the default RFM segments and the per-customer report behind the
command line. Every refusal is checked whole: message, field, value and hint.
"""

from decimal import Decimal
from typing import Any, NamedTuple

import pytest

from custrel.errors import InvalidInputError, PolicyError
from custrel.lifecycle import LifecyclePolicy
from custrel.loyalty import LoyaltyMeasures, loyalty_quadrant
from custrel.tiering import DEFAULT_RFM_SEGMENTS


class Refusal(NamedTuple):
    """A bad policy field, and the whole refusal it must give."""

    field: str
    value: object
    message: str
    hint: str


LIFECYCLE_RATIO_REFUSALS = [
    Refusal(
        "growth",
        0.25,
        "LifecyclePolicy.growth: expected a Decimal > 0, got float 0.25; pass Decimal('0.25')",
        "pass Decimal('0.25')",
    ),
    Refusal(
        "frequency_drop",
        0.25,
        "LifecyclePolicy.frequency_drop: expected a Decimal in (0, 1), got float 0.25;"
        " pass Decimal('0.25')",
        "pass Decimal('0.25')",
    ),
    Refusal(
        "growth",
        Decimal(0),
        "LifecyclePolicy.growth: expected a Decimal > 0, got Decimal Decimal('0')",
        "",
    ),
    Refusal(
        "growth",
        Decimal("-0.5"),
        "LifecyclePolicy.growth: expected a Decimal > 0, got Decimal Decimal('-0.5')",
        "",
    ),
    Refusal(
        "growth",
        Decimal("NaN"),
        "LifecyclePolicy.growth: expected a Decimal > 0, got Decimal Decimal('NaN')",
        "",
    ),
    Refusal(
        "growth",
        "0.5",
        "LifecyclePolicy.growth: expected a Decimal > 0, got str '0.5'",
        "",
    ),
    Refusal(
        "frequency_drop",
        Decimal(1),
        "LifecyclePolicy.frequency_drop: expected a Decimal in (0, 1), got Decimal Decimal('1')",
        "",
    ),
    Refusal(
        "spend_drop",
        Decimal("1.5"),
        "LifecyclePolicy.spend_drop: expected a Decimal in (0, 1), got Decimal Decimal('1.5')",
        "",
    ),
    Refusal(
        "frequency_drop",
        Decimal(0),
        "LifecyclePolicy.frequency_drop: expected a Decimal in (0, 1), got Decimal Decimal('0')",
        "",
    ),
]


@pytest.mark.parametrize("refusal", LIFECYCLE_RATIO_REFUSALS)
def test_lifecycle_policy_refuses_a_ratio_out_of_range_with_the_whole_message(
    refusal: Refusal,
) -> None:
    fields: dict[str, Any] = {refusal.field: refusal.value}
    with pytest.raises(PolicyError) as caught:
        LifecyclePolicy(**fields)
    assert str(caught.value) == refusal.message
    assert caught.value.field == f"LifecyclePolicy.{refusal.field}"
    assert caught.value.value == refusal.value or refusal.value != refusal.value
    assert type(caught.value.value) is type(refusal.value)
    assert caught.value.hint == refusal.hint


def test_lifecycle_policy_keeps_ratios_just_inside_their_ranges() -> None:
    policy = LifecyclePolicy(
        growth=Decimal("1.5"),
        horizon_multiple=Decimal("0.001"),
        overdue_multiple=Decimal(1),
        frequency_drop=Decimal("0.999"),
        spend_drop=Decimal("0.001"),
    )
    assert policy.growth == Decimal("1.5")
    assert policy.horizon_multiple == Decimal("0.001")
    assert policy.overdue_multiple == Decimal(1)
    assert policy.frequency_drop == Decimal("0.999")
    assert policy.spend_drop == Decimal("0.001")


def test_optional_loyalty_share_refuses_a_value_above_one_with_the_whole_message() -> None:
    with pytest.raises(InvalidInputError) as caught:
        LoyaltyMeasures(price_sensitivity=Decimal("1.5"))
    assert str(caught.value) == (
        "LoyaltyMeasures.price_sensitivity: expected a Decimal or int in 0..1 or None,"
        " got Decimal Decimal('1.5')"
    )
    assert caught.value.field == "LoyaltyMeasures.price_sensitivity"
    assert caught.value.value == Decimal("1.5")
    assert caught.value.hint == ""


def test_optional_loyalty_share_accepts_none() -> None:
    assert LoyaltyMeasures(price_sensitivity=None).price_sensitivity is None


def test_loyalty_quadrant_refuses_a_missing_share() -> None:
    with pytest.raises(InvalidInputError) as caught:
        loyalty_quadrant(None, Decimal(1))  # type: ignore[arg-type]
    assert str(caught.value) == "attachment: expected a Decimal or int in 0..1, got NoneType None"
    assert caught.value.field == "attachment"
    assert caught.value.hint == ""


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
        ("new_customers", "New customers", "新客户", [((4, 5), (1, 1), (1, 5))]),
        ("loyal", "Loyal", "忠诚客户", [((3, 3), (3, 5), (1, 5))]),
        ("need_attention", "Need attention", "需要关注客户", [((3, 3), (1, 2), (1, 5))]),
        ("at_risk", "At risk", "流失风险客户", [((2, 2), (3, 5), (1, 5))]),
        ("hibernating", "Hibernating", "休眠客户", [((2, 2), (1, 2), (1, 5))]),
        ("cannot_lose", "Cannot lose them", "不能失去的客户", [((1, 1), (4, 5), (1, 5))]),
        ("lost", "Lost", "流失客户", [((1, 1), (1, 3), (1, 5))]),
    ]
