"""The value pyramid (客户金字塔): value, tiers, RFM, treatment, win-back, relationship.

Rules T1-T6. Customers are ranked by the value they create (T1) into four tiers
(T2) from the value indicators of their purchases (T3); each tier has its treatment
(T4) and win-back priority (T5); the kind of relationship to run follows the number
of customers and the margin (T6).

>>> from custrel.tiering import Tier, tier_portfolio, winback_priority
>>> tiers = tier_portfolio({"c-1": 90_000, "c-2": 1_200, "c-3": 800})
>>> tiers["c-1"], winback_priority(tiers["c-1"])
(<Tier.VIP: 'vip'>, <WinBack.AT_ALL_COSTS: 'at_all_costs'>)
"""

from __future__ import annotations

import enum
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel._pyramid import (
    DEFAULT_TIERS,
    Tier,
    TierCuts,
    TierMode,
    TierPolicy,
    _portfolio,
    _tier,
    retier,
    tier_portfolio,
)
from custrel._rfm import (
    DEFAULT_RFM_SEGMENTS,
    RfmBox,
    RfmScore,
    RfmSegment,
    RfmSegmentPolicy,
    rfm_scores,
    rfm_segment,
)
from custrel._value import ValueIndicators, ValueMeasure, customer_value, portfolio_values
from custrel.errors import InvalidInputError
from custrel.labels import label

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "DEFAULT_RFM_SEGMENTS",
    "DEFAULT_TIERS",
    "CustomerCount",
    "Margin",
    "Relationship",
    "RfmBox",
    "RfmScore",
    "RfmSegment",
    "RfmSegmentPolicy",
    "Tier",
    "TierAction",
    "TierCuts",
    "TierExplanation",
    "TierMode",
    "TierPolicy",
    "ValueIndicators",
    "ValueMeasure",
    "WinBack",
    "customer_value",
    "explain_tier",
    "portfolio_values",
    "relationship_level",
    "retier",
    "rfm_scores",
    "rfm_segment",
    "tier_action",
    "tier_portfolio",
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


# Why ------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class TierExplanation:
    """Why a customer is in their tier.

    Args:
        tier: The tier.
        rank: 1 + the number of customers with a strictly greater value.
        tied: How many customers share the customer's value, the customer included;
            the block is placed where its last member, at rank ``rank + tied - 1``,
            falls (rule T2).
        customers: The number of customers in the portfolio.
        share_above: The share of the portfolio strictly above the customer: of the
            head count, or of the total value in value-share mode.
        cut: The least value of the customer's tier in this portfolio.
        reason_en: The reason in English.
        reason_zh: The reason in Chinese.

    Raises:
        InvalidInputError: If a field has the wrong type or is out of range, the tied
            block runs past the last customer (``rank + tied - 1 > customers``), or
            ``share_above`` is not 0 exactly when ``rank`` is 1.

    >>> from custrel.tiering import explain_tier
    >>> why = explain_tier("c-2", values={"c-1": 300, "c-2": 200, "c-3": 100})
    >>> why.tier, why.rank, why.tied, why.share_above
    (<Tier.ORDINARY: 'ordinary'>, 2, 1, Decimal('0.3333333333333333333333333333'))
    >>> import attrs
    >>> attrs.evolve(why, tied=3)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: TierExplanation.tied: expected an int in 1..customers - rank + 1 (2), got int 3
    """  # noqa: E501 - a doctest output line

    tier: Tier = attrs.field(validator=c.checked(c.member(Tier)))
    rank: int = attrs.field(validator=c.checked(c.count(1)))
    tied: int = attrs.field(validator=c.checked(c.count(1)))
    customers: int = attrs.field(validator=c.checked(c.count(1)))
    share_above: Decimal = attrs.field(validator=c.checked(c.share))
    cut: Decimal = attrs.field(validator=c.checked(c.money(signed=True)))
    reason_en: str = attrs.field(validator=c.checked(c.text))
    reason_zh: str = attrs.field(validator=c.checked(c.text))

    def __attrs_post_init__(self) -> None:
        """Check that the rank and its tied block fit the portfolio, and the share the rank."""
        if self.rank > self.customers:
            raise InvalidInputError(
                "TierExplanation.rank", self.rank, f"an int in 1..customers ({self.customers})"
            )
        room = self.customers - self.rank + 1
        if self.tied > room:
            raise InvalidInputError(
                "TierExplanation.tied", self.tied, f"an int in 1..customers - rank + 1 ({room})"
            )
        if (self.share_above == 0) is not (self.rank == 1):
            raise InvalidInputError(
                "TierExplanation.share_above",
                self.share_above,
                "0 for rank 1: nobody is above"
                if self.rank == 1
                else f"a share above 0 for rank {self.rank}: someone is above",
            )


def explain_tier(
    customer_id: str,
    /,
    *,
    values: Mapping[str, Decimal | int],
    policy: TierPolicy = DEFAULT_TIERS,
) -> TierExplanation:
    """Place one customer in the pyramid and say why (rules T1, T2).

    Args:
        customer_id: The customer to explain.
        values: The whole portfolio, customer id to value.
        policy: The shares; the rule book's by default.

    Returns:
        The tier, the customer's rank and share, the cut of their tier and the reason
        in English and Chinese.

    Raises:
        InvalidInputError: If ``customer_id`` is not in ``values`` or an argument is
            wrong.

    >>> from custrel.tiering import explain_tier
    >>> values = {f"c-{i}": i for i in range(1, 101)}
    >>> print(explain_tier("c-81", values=values).reason_en)
    rank 20 of 100 by value, 19% of customers above: major (the top 20% by head count; major from 81)
    >>> print(explain_tier("c-81", values=values).reason_zh)
    按价值排名第20/100，高于该客户的客户占19%：重要客户（按客户数前20%；重要客户下限 81）
    >>> print(explain_tier("c-3", values={"c-1": 5, "c-2": 0, "c-3": 0}).reason_en)
    no value (0): small, whatever the rank
    """  # noqa: E501 - doctest output lines
    checked, floors = _portfolio(values, policy)
    c.identifier("customer_id", customer_id)
    if floors is None or customer_id not in checked:
        raise InvalidInputError("customer_id", customer_id, "a customer id present in values")
    value = checked[customer_id]
    tier = _tier(value, *floors)
    n = len(checked)
    above = [v for v in checked.values() if v > value]
    tied = sum(1 for v in checked.values() if v == value)
    with localcontext(c.CONTEXT):  # the share does not depend on the caller's context
        if policy.mode is TierMode.HEAD_COUNT:
            share = Decimal(len(above)) / n
            basis_en, basis_zh = "of customers", "的客户"
        else:
            total = Decimal(sum(checked.values(), Decimal(0)))
            share = Decimal(sum(above, Decimal(0))) / total if total else Decimal(0)
            basis_en, basis_zh = "of the value", "的价值"
    cut = dict(zip((Tier.VIP, Tier.MAJOR, Tier.ORDINARY), floors, strict=True)).get(tier)
    floor = Decimal(
        min(v for v in checked.values() if _tier(v, *floors) is tier) if cut is None else cut
    )
    rank = len(above) + 1
    name_zh = label(tier, "zh")
    if value <= 0:
        reason_en = f"no value ({value}): small, whatever the rank"
        reason_zh = f"无价值（{value}）：{name_zh}，不论排名"
    else:
        upto = dict(zip(Tier, (*policy.cumulative, Decimal(1)), strict=True))[tier]
        mode_en = "head count" if policy.mode is TierMode.HEAD_COUNT else "value"
        mode_zh = "按客户数" if policy.mode is TierMode.HEAD_COUNT else "按价值"
        with localcontext(c.CONTEXT):
            percent, top = f"{share * 100:.0f}%", f"{upto * 100:.0f}%"
        last = rank + tied - 1
        tie_en = f", tied with {tied - 1} more down to rank {last}" if tied > 1 else ""
        tie_zh = f"，与另外{tied - 1}位并列至第{last}名" if tied > 1 else ""
        reason_en = (
            f"rank {rank} of {n} by value{tie_en}, {percent} {basis_en} above: {tier.value}"
            f" (the top {top} by {mode_en}; {tier.value} from {floor})"
        )
        reason_zh = (
            f"按价值排名第{rank}/{n}{tie_zh}，高于该客户{basis_zh}占{percent}：{name_zh}"
            f"（{mode_zh}前{top}；{name_zh}下限 {floor}）"
        )
    return TierExplanation(
        tier=tier,
        rank=rank,
        tied=tied,
        customers=n,
        share_above=share,
        cut=floor,
        reason_en=reason_en,
        reason_zh=reason_zh,
    )
