"""Treating each tier (rule T4), winning customers back (T5), the relationship to run (T6)."""

from __future__ import annotations

import enum

from custrel import _checks as c
from custrel.tiering._pyramid import (
    Tier,
)

__all__ = [
    "CustomerCount",
    "Margin",
    "Relationship",
    "TierAction",
    "WinBack",
    "relationship_level",
    "tier_action",
    "winback_priority",
]


# rule T4 --------------------------------------------------------------------------------------


class TierAction(enum.StrEnum):
    """How to manage a customer of a tier (rule T4: 分级管理).

    >>> from custrel.tiering import TierAction
    >>> TierAction.DEDICATED_TEAM.value
    'dedicated_team'
    """

    DEDICATED_TEAM = "dedicated_team"  # key: dedicated team, best resources, close contact
    RAISE_TIER = "raise_tier"  # ordinary with potential: raise them a tier
    CUT_SERVICE_COST = "cut_service_cost"  # ordinary without potential: serve at lower cost
    NURTURE = "nurture"  # small with potential: nurture them
    PRICE_OUT = "price_out"  # small without: raise the service price or cut cost, let them choose
    LET_GO = "let_go"  # bad (loss-making) customers (劣质客户): let them go


def tier_action(tier: Tier, /, *, upgradeable: bool, bad: bool = False) -> TierAction:
    """The documented treatment of a customer of ``tier`` (rule T4).

    Key customers (VIP, major) get a dedicated team whatever their potential;
    ordinary customers are raised a tier where there is potential, otherwise served at
    lower cost; small customers are nurtured where there is potential, otherwise priced
    out (raise the service price or cut the cost, and let them choose); bad customers
    (劣质客户, e.g. loss-making) are let go, whatever their tier.

    Args:
        tier: The customer's tier.
        upgradeable: Whether the customer has the potential to move up.
        bad: Whether the customer is bad (loss-making).

    Returns:
        The treatment.

    Raises:
        InvalidInputError: If an argument has the wrong type.

    >>> from custrel.tiering import Tier, tier_action
    >>> tier_action(Tier.SMALL, upgradeable=True), tier_action(Tier.VIP, upgradeable=False, bad=True)
    (<TierAction.NURTURE: 'nurture'>, <TierAction.LET_GO: 'let_go'>)
    """  # noqa: E501 - a doctest line
    c.member(Tier)("tier", tier)
    c.flag("upgradeable", upgradeable)
    c.flag("bad", bad)
    if bad:
        return TierAction.LET_GO
    if tier.is_key:
        return TierAction.DEDICATED_TEAM
    if tier is Tier.ORDINARY:
        return TierAction.RAISE_TIER if upgradeable else TierAction.CUT_SERVICE_COST
    return TierAction.NURTURE if upgradeable else TierAction.PRICE_OUT


# rule T5 --------------------------------------------------------------------------------------


class WinBack(enum.StrEnum):
    """How hard to win back a lost customer (rule T5: 挽回流失客户).

    >>> from custrel.tiering import WinBack
    >>> [w.value for w in WinBack]
    ['at_all_costs', 'as_hard_as_reasonable', 'as_opportunity_allows', 'give_up']
    """

    AT_ALL_COSTS = "at_all_costs"  # key customers: 极力挽回
    AS_HARD_AS_REASONABLE = "as_hard_as_reasonable"  # ordinary: 尽力挽回
    AS_OPPORTUNITY_ALLOWS = "as_opportunity_allows"  # small: 见机行事
    GIVE_UP = "give_up"  # bad customers: 彻底放弃


def winback_priority(tier: Tier, /, *, bad: bool = False) -> WinBack:
    """How hard to win back a lost customer of ``tier`` (rule T5).

    Args:
        tier: The tier the customer had.
        bad: Whether the customer was bad (loss-making): given up whatever the tier.

    Returns:
        The win-back priority.

    Raises:
        InvalidInputError: If an argument has the wrong type.

    >>> from custrel.tiering import Tier, winback_priority
    >>> winback_priority(Tier.ORDINARY), winback_priority(Tier.MAJOR, bad=True)
    (<WinBack.AS_HARD_AS_REASONABLE: 'as_hard_as_reasonable'>, <WinBack.GIVE_UP: 'give_up'>)
    """
    c.member(Tier)("tier", tier)
    c.flag("bad", bad)
    if bad:
        return WinBack.GIVE_UP
    if tier.is_key:
        return WinBack.AT_ALL_COSTS
    return WinBack.AS_HARD_AS_REASONABLE if tier is Tier.ORDINARY else WinBack.AS_OPPORTUNITY_ALLOWS


# rule T6 --------------------------------------------------------------------------------------


class CustomerCount(enum.StrEnum):
    """How many customers a business has, for rule T6.

    >>> from custrel.tiering import CustomerCount
    >>> CustomerCount.MANY.value
    'many'
    """

    MANY = "many"
    MEDIUM = "medium"
    FEW = "few"


class Margin(enum.StrEnum):
    """The profit margin level, for rule T6.

    >>> from custrel.tiering import Margin
    >>> Margin.HIGH.value
    'high'
    """

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Relationship(enum.StrEnum):
    """The level of relationship to run with customers (rule T6, after Kotler).

    >>> from custrel.tiering import Relationship
    >>> [r.value for r in Relationship]
    ['basic', 'reactive', 'accountable', 'proactive', 'partnership']
    """

    BASIC = "basic"  # 基本型: sell, no follow-up
    REACTIVE = "reactive"  # 被动型: invite the customer to call with problems
    ACCOUNTABLE = "accountable"  # 负责型: call after the sale to check satisfaction
    PROACTIVE = "proactive"  # 能动型: keep contacting with improvements
    PARTNERSHIP = "partnership"  # 伙伴型: work together for the customer's success


_MATRIX = {
    # rule T6: rows many / medium / few customers, columns low / medium / high margin
    CustomerCount.MANY: (Relationship.BASIC, Relationship.REACTIVE, Relationship.ACCOUNTABLE),
    CustomerCount.MEDIUM: (Relationship.REACTIVE, Relationship.ACCOUNTABLE, Relationship.PROACTIVE),
    CustomerCount.FEW: (Relationship.ACCOUNTABLE, Relationship.PROACTIVE, Relationship.PARTNERSHIP),
}


def relationship_level(customers: CustomerCount, margin: Margin, /) -> Relationship:
    """The kind of relationship to run, by number of customers and margin (rule T6).

    ====================  ===========  ===========  ===========
    customers / margin    low           medium       high
    ====================  ===========  ===========  ===========
    many                  basic        reactive     accountable
    medium                reactive     accountable  proactive
    few                   accountable  proactive    partnership
    ====================  ===========  ===========  ===========

    Args:
        customers: How many customers there are.
        margin: The profit margin level.

    Returns:
        The relationship level.

    Raises:
        InvalidInputError: If an argument is not a member of its enum.

    >>> from custrel.tiering import CustomerCount, Margin, relationship_level
    >>> relationship_level(CustomerCount.FEW, Margin.HIGH)
    <Relationship.PARTNERSHIP: 'partnership'>
    """
    c.member(CustomerCount)("customers", customers)
    c.member(Margin)("margin", margin)
    return _MATRIX[customers][list(Margin).index(margin)]
