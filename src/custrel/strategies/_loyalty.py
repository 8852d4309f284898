"""Strategies for the loyalty, satisfaction and NPS inputs of rules Y1-Y6."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from custrel.loyalty import (
    LoyaltyMeasures,
    LoyaltyPolicy,
    LoyaltySignals,
    SatisfactionMeasures,
    SatisfactionPolicy,
    TotalCustomerCost,
    TotalCustomerValue,
)
from custrel.strategies._scalars import money

__all__ = [
    "loyalty_measures",
    "loyalty_policies",
    "loyalty_signals",
    "nps_answers",
    "satisfaction_measures",
    "satisfaction_policies",
    "shares",
    "total_customer_costs",
    "total_customer_values",
]


# Loyalty and satisfaction (rules Y1-Y6) -----------------------------------------------------


def shares(*, places: int = 3) -> st.SearchStrategy[Decimal]:
    """Shares in 0..1 as ``Decimal`` with up to ``places`` decimals, 0 and 1 included.

    Args:
        places: The most decimal places drawn.

    Returns:
        A strategy of ``Decimal`` in 0..1.

    >>> from hypothesis import find
    >>> from custrel.strategies import shares
    >>> find(shares(), lambda v: v > Decimal("0.5"))
    Decimal('0.501')
    """
    scale = 10**places
    return st.integers(min_value=0, max_value=scale).map(lambda n: Decimal(n) / scale)


def _optional_share() -> st.SearchStrategy[Decimal | None]:
    return st.none() | shares()


def loyalty_measures() -> st.SearchStrategy[LoyaltyMeasures]:
    """Loyalty measures (rule Y1), each one sometimes unknown, all of them sometimes.

    Returns:
        A strategy of :class:`~custrel.loyalty.LoyaltyMeasures`.

    >>> from hypothesis import find
    >>> from custrel.strategies import loyalty_measures
    >>> find(loyalty_measures(), lambda m: m.spend is not None).spend
    Decimal('0.00')
    """
    return st.builds(
        LoyaltyMeasures,
        repeat_purchases=st.none() | st.integers(min_value=0, max_value=200),
        choosing_days=st.none() | money(max_value=Decimal(120)),
        price_sensitivity=_optional_share(),
        competitor_interest=_optional_share(),
        quality_tolerance=_optional_share(),
        spend=st.none() | money(min_value=Decimal(-100_000), max_value=Decimal(100_000)),
        silent_days=st.none() | st.integers(min_value=0, max_value=800),
    )


def _weight() -> st.SearchStrategy[Decimal]:
    return st.integers(min_value=0, max_value=10).map(Decimal)


@st.composite
def _loyalty_policy(draw: st.DrawFn) -> LoyaltyPolicy:
    weights = draw(st.lists(_weight(), min_size=6, max_size=6).filter(any))
    return LoyaltyPolicy(
        repeat_weight=weights[0],
        choosing_weight=weights[1],
        price_weight=weights[2],
        competitor_weight=weights[3],
        tolerance_weight=weights[4],
        spend_weight=weights[5],
        repeat_full=draw(st.integers(min_value=1, max_value=50)),
        choosing_days_limit=draw(money(min_value=Decimal("0.01"), max_value=Decimal(90))),
        spend_full=draw(money(min_value=Decimal("0.01"), max_value=Decimal(100_000))),
    )


def loyalty_policies() -> st.SearchStrategy[LoyaltyPolicy]:
    """Valid loyalty policies: whole weights 0..10 (not all 0), any reference points.

    Returns:
        A strategy of :class:`~custrel.loyalty.LoyaltyPolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import loyalty_policies
    >>> find(loyalty_policies(), lambda p: True).repeat_full >= 1
    True
    """
    return _loyalty_policy()


def loyalty_signals() -> st.SearchStrategy[LoyaltySignals]:
    """Every combination of the loyalty-type signals of rule Y2.

    Returns:
        A strategy of :class:`~custrel.loyalty.LoyaltySignals`.

    >>> from hypothesis import find
    >>> from custrel.strategies import loyalty_signals
    >>> find(loyalty_signals(), lambda s: s.recommends).recommends
    True
    """
    return st.builds(
        LoyaltySignals,
        has_alternatives=st.booleans(),
        avoids_switching=st.booleans(),
        price_driven=st.booleans(),
        promotion_driven=st.booleans(),
        recommends=st.booleans(),
        pays_full_price=st.booleans(),
    )


def satisfaction_measures() -> st.SearchStrategy[SatisfactionMeasures]:
    """Satisfaction measures (rule Y4), each one sometimes unknown.

    Returns:
        A strategy of :class:`~custrel.loyalty.SatisfactionMeasures`.

    >>> from hypothesis import find
    >>> from custrel.strategies import satisfaction_measures
    >>> find(satisfaction_measures(), lambda m: m.awareness is not None).awareness
    Decimal('0')
    """
    return st.builds(
        SatisfactionMeasures,
        reputation=_optional_share(),
        awareness=_optional_share(),
        return_rate=_optional_share(),
        complaint_rate=_optional_share(),
        purchase_amount=st.none() | money(max_value=Decimal(100_000)),
        price_sensitivity=_optional_share(),
    )


@st.composite
def _satisfaction_policy(draw: st.DrawFn) -> SatisfactionPolicy:
    weights = draw(st.lists(_weight(), min_size=6, max_size=6).filter(any))
    return SatisfactionPolicy(
        reputation_weight=weights[0],
        awareness_weight=weights[1],
        return_weight=weights[2],
        complaint_weight=weights[3],
        amount_weight=weights[4],
        price_weight=weights[5],
        amount_full=draw(money(min_value=Decimal("0.01"), max_value=Decimal(100_000))),
    )


def satisfaction_policies() -> st.SearchStrategy[SatisfactionPolicy]:
    """Valid satisfaction-index policies: whole weights 0..10 (not all 0).

    Returns:
        A strategy of :class:`~custrel.loyalty.SatisfactionPolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import satisfaction_policies
    >>> find(satisfaction_policies(), lambda p: True).amount_full > 0
    True
    """
    return _satisfaction_policy()


def total_customer_values() -> st.SearchStrategy[TotalCustomerValue]:
    """The four value parts of rule Y5, each 0 to 100,000.

    Returns:
        A strategy of :class:`~custrel.loyalty.TotalCustomerValue`.

    >>> from hypothesis import find
    >>> from custrel.strategies import total_customer_values
    >>> find(total_customer_values(), lambda v: True).total
    Decimal('0.00')
    """
    part = money(max_value=Decimal(100_000))
    return st.builds(TotalCustomerValue, product=part, service=part, personnel=part, image=part)


def total_customer_costs() -> st.SearchStrategy[TotalCustomerCost]:
    """The four cost parts of rule Y5, each 0 to 100,000.

    Returns:
        A strategy of :class:`~custrel.loyalty.TotalCustomerCost`.

    >>> from hypothesis import find
    >>> from custrel.strategies import total_customer_costs
    >>> find(total_customer_costs(), lambda v: v.time > 0).time
    Decimal('0.01')
    """
    part = money(max_value=Decimal(100_000))
    return st.builds(TotalCustomerCost, money=part, time=part, energy=part, physical=part)


def nps_answers(*, min_size: int = 1, max_size: int = 200) -> st.SearchStrategy[list[int]]:
    """Answers to the NPS question: lists of ``int`` 0..10.

    Args:
        min_size: The fewest answers.
        max_size: The most answers.

    Returns:
        A strategy of lists of answers.

    >>> from hypothesis import find
    >>> from custrel.strategies import nps_answers
    >>> find(nps_answers(), lambda a: True)
    [0]
    """
    return st.lists(st.integers(min_value=0, max_value=10), min_size=min_size, max_size=max_size)
