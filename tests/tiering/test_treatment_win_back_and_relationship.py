"""Rules T4-T6: each tier's treatment and win-back priority, and the relationship the customers
and margin call for.
"""

import pytest

from custrel.tiering import (
    CustomerCount,
    Margin,
    Tier,
    TierAction,
    WinBack,
    relationship_level,
    tier_action,
    winback_priority,
)

# Rules T4-T6: treatment, win-back and relationship --------------------------------------------


@pytest.mark.parametrize(
    ("tier", "upgradeable", "bad", "action"),
    [
        (Tier.VIP, True, False, TierAction.DEDICATED_TEAM),
        (Tier.VIP, False, False, TierAction.DEDICATED_TEAM),
        (Tier.MAJOR, False, False, TierAction.DEDICATED_TEAM),
        (Tier.ORDINARY, True, False, TierAction.RAISE_TIER),
        (Tier.ORDINARY, False, False, TierAction.CUT_SERVICE_COST),
        (Tier.SMALL, True, False, TierAction.NURTURE),
        (Tier.SMALL, False, False, TierAction.PRICE_OUT),
        (Tier.VIP, True, True, TierAction.LET_GO),
        (Tier.ORDINARY, True, True, TierAction.LET_GO),
        (Tier.SMALL, False, True, TierAction.LET_GO),
    ],
)
def test_t4_each_tier_has_its_treatment(
    tier: Tier, upgradeable: bool, bad: bool, action: TierAction
) -> None:
    assert tier_action(tier, upgradeable=upgradeable, bad=bad) is action


@pytest.mark.parametrize(
    ("tier", "bad", "priority"),
    [
        (Tier.VIP, False, WinBack.AT_ALL_COSTS),
        (Tier.MAJOR, False, WinBack.AT_ALL_COSTS),
        (Tier.ORDINARY, False, WinBack.AS_HARD_AS_REASONABLE),
        (Tier.SMALL, False, WinBack.AS_OPPORTUNITY_ALLOWS),
        (Tier.VIP, True, WinBack.GIVE_UP),
        (Tier.SMALL, True, WinBack.GIVE_UP),
    ],
)
def test_t5_each_tier_has_its_win_back_priority(tier: Tier, bad: bool, priority: WinBack) -> None:
    assert winback_priority(tier, bad=bad) is priority


def test_t5_a_lost_customer_is_not_given_up_by_default() -> None:
    assert winback_priority(Tier.SMALL) is WinBack.AS_OPPORTUNITY_ALLOWS
    assert tier_action(Tier.SMALL, upgradeable=True) is TierAction.NURTURE


@pytest.mark.parametrize(
    ("customers", "row"),
    [
        (CustomerCount.MANY, ("basic", "reactive", "accountable")),
        (CustomerCount.MEDIUM, ("reactive", "accountable", "proactive")),
        (CustomerCount.FEW, ("accountable", "proactive", "partnership")),
    ],
)
def test_t6_the_relationship_follows_the_customers_and_the_margin(
    customers: CustomerCount, row: tuple[str, str, str]
) -> None:
    margins = (Margin.LOW, Margin.MEDIUM, Margin.HIGH)
    assert tuple(relationship_level(customers, m).value for m in margins) == row


def test_t4_t5_stored_values_of_treatments_and_win_back_priorities_never_change() -> None:
    assert [a.value for a in TierAction] == [
        "dedicated_team",
        "raise_tier",
        "cut_service_cost",
        "nurture",
        "price_out",
        "let_go",
    ]
    assert [w.value for w in WinBack] == [
        "at_all_costs",
        "as_hard_as_reasonable",
        "as_opportunity_allows",
        "give_up",
    ]
