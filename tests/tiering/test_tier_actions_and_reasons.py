"""Rules T4-T6: what each tier is given, and why a customer is in their tier."""

from decimal import Decimal

import pytest

from custrel.errors import InvalidInputError
from custrel.tiering import (
    CustomerCount,
    Margin,
    Relationship,
    Tier,
    TierAction,
    TierMode,
    TierPolicy,
    WinBack,
    explain_tier,
    relationship_level,
    tier_action,
    winback_priority,
)

# rules T4, T5, T6 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tier", "upgradeable", "bad", "expected"),
    [
        (Tier.VIP, False, False, TierAction.DEDICATED_TEAM),
        (Tier.MAJOR, True, False, TierAction.DEDICATED_TEAM),
        (Tier.ORDINARY, True, False, TierAction.RAISE_TIER),
        (Tier.ORDINARY, False, False, TierAction.CUT_SERVICE_COST),
        (Tier.SMALL, True, False, TierAction.NURTURE),
        (Tier.SMALL, False, False, TierAction.PRICE_OUT),
        (Tier.VIP, True, True, TierAction.LET_GO),
        (Tier.SMALL, False, True, TierAction.LET_GO),
    ],
)
def test_t4_tier_actions(tier: Tier, upgradeable: bool, bad: bool, expected: TierAction) -> None:
    assert tier_action(tier, upgradeable=upgradeable, bad=bad) is expected


@pytest.mark.parametrize(
    ("tier", "bad", "expected"),
    [
        (Tier.VIP, False, WinBack.AT_ALL_COSTS),
        (Tier.MAJOR, False, WinBack.AT_ALL_COSTS),
        (Tier.ORDINARY, False, WinBack.AS_HARD_AS_REASONABLE),
        (Tier.SMALL, False, WinBack.AS_OPPORTUNITY_ALLOWS),
        (Tier.VIP, True, WinBack.GIVE_UP),
    ],
)
def test_t5_winback(tier: Tier, bad: bool, expected: WinBack) -> None:
    assert winback_priority(tier, bad=bad) is expected


@pytest.mark.parametrize(
    ("customers", "margin", "expected"),
    [
        (CustomerCount.MANY, Margin.LOW, Relationship.BASIC),
        (CustomerCount.MANY, Margin.MEDIUM, Relationship.REACTIVE),
        (CustomerCount.MANY, Margin.HIGH, Relationship.ACCOUNTABLE),
        (CustomerCount.MEDIUM, Margin.LOW, Relationship.REACTIVE),
        (CustomerCount.MEDIUM, Margin.MEDIUM, Relationship.ACCOUNTABLE),
        (CustomerCount.MEDIUM, Margin.HIGH, Relationship.PROACTIVE),
        (CustomerCount.FEW, Margin.LOW, Relationship.ACCOUNTABLE),
        (CustomerCount.FEW, Margin.MEDIUM, Relationship.PROACTIVE),
        (CustomerCount.FEW, Margin.HIGH, Relationship.PARTNERSHIP),
    ],
)
def test_t6_relationship_matrix(
    customers: CustomerCount, margin: Margin, expected: Relationship
) -> None:
    assert relationship_level(customers, margin) is expected


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: tier_action("vip", upgradeable=True), "tier"),  # type: ignore[arg-type]
        (lambda: tier_action(Tier.VIP, upgradeable=1), "upgradeable"),  # type: ignore[arg-type]
        (lambda: winback_priority(Tier.VIP, bad=None), "bad"),  # type: ignore[arg-type]
        (lambda: relationship_level("many", Margin.LOW), "customers"),  # type: ignore[arg-type]
        (lambda: relationship_level(CustomerCount.MANY, "low"), "margin"),  # type: ignore[arg-type]
    ],
)
def test_t4_t6_refuse_bad_input(call: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()  # type: ignore[operator]
    assert info.value.field == field


# Why --------------------------------------------------------------------------------------------


def test_explain_tier_in_both_languages() -> None:
    values = {f"c-{i}": i for i in range(1, 101)}
    why = explain_tier("c-100", values=values)
    assert (why.tier, why.rank, why.customers) == (Tier.VIP, 1, 100)
    assert (why.share_above, why.cut) == (Decimal(0), Decimal(100))
    assert "rank 1 of 100" in why.reason_en
    assert "VIP客户" in why.reason_zh
    small = explain_tier("c-1", values=values)
    assert small.tier is Tier.SMALL
    assert small.cut == 1  # the least value of the small tier
    assert "small from 1" in small.reason_en


def test_explain_tier_in_value_share_mode() -> None:
    policy = TierPolicy(mode=TierMode.VALUE_SHARE)
    why = explain_tier("b", values={"a": 70, "b": 20, "c": 10}, policy=policy)
    assert why.share_above == Decimal("0.7")
    assert "of the value above" in why.reason_en
    assert "按价值" in why.reason_zh
    zero = explain_tier("a", values={"a": 0}, policy=policy)
    assert zero.share_above == 0


def test_explain_tier_of_an_unknown_customer() -> None:
    with pytest.raises(InvalidInputError, match="customer_id"):
        explain_tier("c-9", values={"c-1": 1})
