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
        float("nan"),
        "LifecyclePolicy.growth: expected a finite number > 0, got float nan;"
        " a ratio must be finite",
        "a ratio must be finite",
    ),
    Refusal(
        "frequency_drop",
        float("-inf"),
        "LifecyclePolicy.frequency_drop: expected a finite number above 0 and"
        " below 1, got float -inf; a ratio must be finite",
        "a ratio must be finite",
    ),
    Refusal(
        "spend_drop",
        False,
        "LifecyclePolicy.spend_drop: expected a finite number above 0 and"
        " below 1, got bool False; True and False are not numbers",
        "True and False are not numbers",
    ),
    Refusal(
        "growth",
        -0.5,
        "LifecyclePolicy.growth: expected a finite number > 0, got Decimal Decimal('-0.5')",
        "",
    ),
    Refusal(
        "growth",
        Decimal(0),
        "LifecyclePolicy.growth: expected a finite number > 0, got Decimal Decimal('0')",
        "",
    ),
    Refusal(
        "growth",
        Decimal("-0.5"),
        "LifecyclePolicy.growth: expected a finite number > 0, got Decimal Decimal('-0.5')",
        "",
    ),
    Refusal(
        "growth",
        Decimal("NaN"),
        "LifecyclePolicy.growth: expected a finite number > 0, got Decimal Decimal('NaN');"
        " a ratio must be finite",
        "a ratio must be finite",
    ),
    Refusal(
        "growth",
        "0.5",
        "LifecyclePolicy.growth: expected a finite number > 0, got str '0.5'",
        "",
    ),
    Refusal(
        "frequency_drop",
        Decimal(1),
        "LifecyclePolicy.frequency_drop: expected a finite number above 0 and below 1, got"
        " Decimal Decimal('1')",
        "",
    ),
    Refusal(
        "spend_drop",
        Decimal("1.5"),
        "LifecyclePolicy.spend_drop: expected a finite number above 0 and below 1, got"
        " Decimal Decimal('1.5')",
        "",
    ),
    Refusal(
        "frequency_drop",
        Decimal(0),
        "LifecyclePolicy.frequency_drop: expected a finite number above 0 and below 1, got"
        " Decimal Decimal('0')",
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
    # a finite float is converted before the range is checked, so the error holds the Decimal
    assert caught.value.value is refusal.value or caught.value.value == Decimal(repr(refusal.value))
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


LIFECYCLE_RATIOS = (
    "growth",
    "horizon_multiple",
    "overdue_multiple",
    "frequency_drop",
    "spend_drop",
)


@pytest.mark.parametrize("field", LIFECYCLE_RATIOS)
@pytest.mark.parametrize("written", [0.25, 0.3, 0.1])
def test_lifecycle_policy_takes_a_float_ratio_as_the_decimal_it_was_written_as(
    field: str, written: float
) -> None:
    """Rules L1, L3, L4 (decision "Numbers"): 0.3 is Decimal('0.3'), the same policy."""
    fields: dict[str, Any] = {field: written}
    exact: dict[str, Any] = {field: Decimal(repr(written))}
    assert LifecyclePolicy(**fields) == LifecyclePolicy(**exact)
    assert getattr(LifecyclePolicy(**fields), field) == Decimal(repr(written))
    assert LifecyclePolicy(**fields).fingerprint() == LifecyclePolicy(**exact).fingerprint()


def test_lifecycle_policy_from_dict_takes_a_json_float() -> None:
    """A policy file parsed with plain ``json.loads`` gives 0.5 as a float: taken as 0.5."""
    loaded = LifecyclePolicy.from_dict({"growth": 0.5, "spend_drop": 0.30})
    assert loaded == LifecyclePolicy(growth=Decimal("0.5"), spend_drop=Decimal("0.30"))
    assert loaded.fingerprint() == LifecyclePolicy(spend_drop=Decimal("0.3")).fingerprint()
