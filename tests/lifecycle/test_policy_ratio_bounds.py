"""Rule L1: a lifecycle policy refuses ratios out of range with the whole message and keeps those
just inside.
"""

from decimal import Decimal
from typing import Any, NamedTuple

import pytest

from custrel.errors import PolicyError
from custrel.lifecycle import LifecyclePolicy


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
    assert caught.value.value is refusal.value
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
