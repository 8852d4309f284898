"""Why a customer is in their tier: the explanation of rules T1 and T2, in English and Chinese."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from decimal import MAX_PREC, Context, Decimal, localcontext
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.labels import label
from custrel.tiering._pyramid import (
    DEFAULT_TIERS,
    Floors,
    Tier,
    TierMode,
    TierPolicy,
    _portfolio,
    _tier,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["TierExplanation", "explain_tier"]


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
    return _Ranking(checked, floors, policy).explain(customer_id)


_EXACT = Context(prec=MAX_PREC)  # sums of values: exact, whatever their digits


class _Ranking:
    """A portfolio ranked once, to explain any of its customers in O(log n).

    The values sorted, the exact sums of the values from each place up (value-share
    mode), the total and the floors: :meth:`explain` then finds a customer's rank,
    tied block and share above with a binary search instead of a pass over everyone.
    """

    def __init__(
        self, checked: dict[str, Decimal | int], floors: Floors, policy: TierPolicy
    ) -> None:
        self.values = checked
        self.floors = floors
        self.policy = policy
        self.ascending = sorted(checked.values())  # stable: equal values keep their order
        # each tier's floor (None: the small tier, closed downwards) and cumulative share
        self.cuts = dict(zip((Tier.VIP, Tier.MAJOR, Tier.ORDINARY), floors, strict=True))
        self.upto = dict(zip(Tier, (*policy.cumulative, Decimal(1)), strict=True))
        self.above: list[Decimal] = []  # above[i]: the sum of ascending[i:], exact
        if policy.mode is TierMode.VALUE_SHARE:
            running = Decimal(0)
            sums = [running]
            for value in reversed(self.ascending):
                running = _EXACT.add(running, value)
                sums.append(running)
            self.above = sums[::-1]

    def explain(self, customer_id: str) -> TierExplanation:
        """Why one customer of the ranked portfolio is in their tier (rules T1, T2)."""
        policy, floors, ascending = self.policy, self.floors, self.ascending
        value = self.values[customer_id]
        tier = _tier(value, *floors)
        n = len(ascending)
        first, past = bisect_left(ascending, value), bisect_right(ascending, value)
        above, tied = n - past, past - first
        with localcontext(c.CONTEXT):  # the share does not depend on the caller's context
            if policy.mode is TierMode.HEAD_COUNT:
                share = Decimal(above) / n
                basis_en, basis_zh = "of customers", "的客户"
            else:
                total = self.above[0]
                share = self.above[past] / total if total else Decimal(0)
                basis_en, basis_zh = "of the value", "的价值"
        cut = self.cuts.get(tier)
        # A small customer's floor is the least value: being small is closed downwards.
        floor = Decimal(ascending[0] if cut is None else cut)
        rank = above + 1
        name_zh = label(tier, "zh")
        if value <= 0:
            reason_en = f"no value ({value}): small, whatever the rank"
            reason_zh = f"无价值（{value}）：{name_zh}，不论排名"
        else:
            upto = self.upto[tier]
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


def tier_explainer(
    values: Mapping[str, Decimal | int], /, *, policy: TierPolicy = DEFAULT_TIERS
) -> Callable[[str], TierExplanation]:
    """:func:`explain_tier` for many customers of one portfolio: it ranks the portfolio once.

    The values are checked and ranked here, once; each call then explains one
    customer in O(log n), the same explanation :func:`explain_tier` gives. Private to
    custrel (the command line's page explains every due customer).

    Raises:
        InvalidInputError: Here, if an argument is wrong; from a call, if the
            customer id is not in ``values``.
    """
    checked, floors = _portfolio(values, policy)
    if floors is None:
        raise InvalidInputError("values", values, "a mapping with at least one customer")
    ranking = _Ranking(checked, floors, policy)

    def explain(customer_id: str) -> TierExplanation:
        c.identifier("customer_id", customer_id)
        if customer_id not in checked:
            raise InvalidInputError("customer_id", customer_id, "a customer id present in values")
        return ranking.explain(customer_id)

    return explain
