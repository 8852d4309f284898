"""Satisfaction (rules Y4, Y6) and customer delivered value (rule Y5).

Public through :mod:`custrel.loyalty`.
"""

from __future__ import annotations

import bisect
import enum
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel._policy import Policy
from custrel.errors import InvalidInputError
from custrel.loyalty import _scoring as s

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "DEFAULT_SATISFACTION",
    "SATISFIED_SHARE",
    "SatisfactionBand",
    "SatisfactionMeasures",
    "SatisfactionPolicy",
    "TotalCustomerCost",
    "TotalCustomerValue",
    "delivered_value",
    "satisfaction",
    "satisfaction_bands",
    "satisfaction_index",
]


# rule Y4: satisfaction = experience - expectation ------------------------------------------


def _scale_point(name: str, value: object) -> Decimal:
    """A rating or satisfaction figure as an exact ``Decimal`` (a float as written)."""
    return c.exact(name, value, "a finite number")


def satisfaction(
    experience: Decimal | float,
    expectation: Decimal | float,
    /,
    *,
    low: Decimal | float = 0,
    high: Decimal | float = 10,
) -> Decimal:
    """How satisfied a customer is: experience minus expectation (rule Y4: 客户满意度).

    Both are rated on one scale, ``low``..``high`` inclusive (0..10 by default, the
    scale of the NPS question, so one survey serves both). The result lies in
    ``-(high - low)``..``high - low``: positive is satisfied, and the larger the more
    satisfied; 0 is exactly as expected; negative is disappointed. It is exact, so
    ``satisfaction(a, b) == -satisfaction(b, a)``. Ratings are ordinary numbers: a
    ``float`` is taken as the decimal it is written as (``8.5`` is ``Decimal('8.5')``).

    Args:
        experience: What the customer perceived (客户体验).
        expectation: What the customer expected (客户期望).
        low: The bottom of the scale.
        high: The top of the scale, above ``low``.

    Returns:
        ``experience - expectation``.

    Raises:
        InvalidInputError: If a value is not a finite number (``nan``, infinities and
            bools are refused), the scale is empty, or a rating is off the scale.

    >>> from decimal import Decimal
    >>> from custrel.loyalty import satisfaction
    >>> satisfaction(Decimal("8.5"), 7)
    Decimal('1.5')
    >>> satisfaction(8.2, 7.1)
    Decimal('1.1')
    >>> satisfaction(4, 5, low=1, high=5)
    Decimal('-1')
    >>> satisfaction(11, 7)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: experience: expected a rating in 0..10, got int 11
    """
    bottom = _scale_point("low", low)
    top = _scale_point("high", high)
    if top <= bottom:
        raise InvalidInputError("high", high, f"a value above low ({low})")
    scale = f"a rating in {low}..{high}"
    points = []
    for name, value in (("experience", experience), ("expectation", expectation)):
        point = _scale_point(name, value)
        if not bottom <= point <= top:
            raise InvalidInputError(name, value, scale)
        points.append(point)
    return s.CONTEXT.subtract(points[0], points[1])


# rule Y4: the satisfaction index -----------------------------------------------------------


@attrs.frozen(kw_only=True)
class SatisfactionMeasures:
    """The six measures of satisfaction (rule Y4: 衡量客户满意度的指标), each optional.

    Of one customer, a segment or the whole business (reputation and awareness are
    usually measured over a market). ``None`` means unknown and is left out of the
    index, never read as zero.

    Args:
        reputation: Share of those who know the business who speak well of it
            (美誉度), 0..1; more is more satisfied.
        awareness: Share of the target market who know the business (知名度), 0..1;
            more is more satisfied.
        return_rate: Share of customers (or of a customer's occasions) that come back
            to buy again (回头率), 0..1; more is more satisfied.
        complaint_rate: Share of customers (or orders) that complain (投诉率), 0..1;
            less is more satisfied.
        purchase_amount: Money spent (购买额), a ``Decimal`` or ``int`` >= 0; more is
            more satisfied.
        price_sensitivity: How strongly a price change moves the customer
            (对价格的敏感度), 0..1; less is more satisfied.

    The five shares take a ``float`` as the decimal it is written as; the purchase
    amount is money and refuses floats.

    Raises:
        InvalidInputError: If a measure is of the wrong type or out of range.

    >>> from decimal import Decimal
    >>> from custrel.loyalty import SatisfactionMeasures
    >>> SatisfactionMeasures(return_rate=Decimal("0.6")).complaint_rate is None
    True
    >>> SatisfactionMeasures(return_rate=0.6) == SatisfactionMeasures(return_rate=Decimal("0.6"))
    True
    """

    reputation: Decimal | None = attrs.field(
        default=None, converter=c.to_optional_ratio, validator=c.checked(s.OPTIONAL_SHARE)
    )
    awareness: Decimal | None = attrs.field(
        default=None, converter=c.to_optional_ratio, validator=c.checked(s.OPTIONAL_SHARE)
    )
    return_rate: Decimal | None = attrs.field(
        default=None, converter=c.to_optional_ratio, validator=c.checked(s.OPTIONAL_SHARE)
    )
    complaint_rate: Decimal | None = attrs.field(
        default=None, converter=c.to_optional_ratio, validator=c.checked(s.OPTIONAL_SHARE)
    )
    purchase_amount: Decimal | None = attrs.field(
        default=None,
        converter=c.to_optional_money,
        validator=c.checked(c.money(optional=True)),
    )
    price_sensitivity: Decimal | None = attrs.field(
        default=None, converter=c.to_optional_ratio, validator=c.checked(s.OPTIONAL_SHARE)
    )


_SATISFACTION_FIELDS = (
    "reputation",
    "awareness",
    "return_rate",
    "complaint_rate",
    "purchase_amount",
    "price_sensitivity",
)


@attrs.frozen(kw_only=True, cache_hash=True)
class SatisfactionPolicy(Policy):
    """The weights and reference point of the satisfaction index (rule Y4).

    Each known measure earns points in 0..1: reputation, awareness and return rate
    as they are; ``1 - complaint_rate``; ``1 - price_sensitivity``;
    ``purchase_amount / amount_full``, at most 1. The index is 100 · their weighted
    mean over the known measures. Defaults: every weight 1 (rule Y4 lists the six
    without ranking them); ``amount_full`` 10,000, the same reference as the loyalty
    score's spend. Calibrate both to your business.

    Args:
        reputation_weight: Weight of reputation (>= 0; every weight takes a ``float``
            as the decimal it is written as).
        awareness_weight: Weight of awareness (>= 0).
        return_weight: Weight of the return rate (>= 0).
        complaint_weight: Weight of the complaint rate (>= 0).
        amount_weight: Weight of the purchase amount (>= 0).
        price_weight: Weight of price sensitivity (>= 0).
        amount_full: The purchase amount that earns full points (> 0).

    Raises:
        PolicyError: If a weight is negative, every weight is 0, or ``amount_full``
            is not above 0.

    >>> from custrel.loyalty import SatisfactionPolicy
    >>> SatisfactionPolicy(reputation_weight=0, awareness_weight=0, return_weight=0,
    ...                    complaint_weight=0, amount_weight=0, price_weight=0)
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: SatisfactionPolicy.reputation_weight: expected at least one weight above 0, got Decimal Decimal('0'); every weight of the policy is 0
    """  # noqa: E501 - a doctest output line

    reputation_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_ratio, validator=s.WEIGHT
    )  # rule Y4
    awareness_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_ratio, validator=s.WEIGHT
    )  # rule Y4
    return_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_ratio, validator=s.WEIGHT
    )  # rule Y4
    complaint_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_ratio, validator=s.WEIGHT
    )  # rule Y4
    amount_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_ratio, validator=s.WEIGHT
    )  # rule Y4
    price_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_ratio, validator=s.WEIGHT
    )  # rule Y4
    amount_full: Decimal = attrs.field(
        default=Decimal(10_000), converter=c.to_money, validator=c.policy(s.positive)
    )

    def __attrs_post_init__(self) -> None:
        """Refuse a policy with every weight 0."""
        s.check_weights(
            self,
            [
                ("reputation_weight", self.reputation_weight),
                ("awareness_weight", self.awareness_weight),
                ("return_weight", self.return_weight),
                ("complaint_weight", self.complaint_weight),
                ("amount_weight", self.amount_weight),
                ("price_weight", self.price_weight),
            ],
        )


DEFAULT_SATISFACTION = SatisfactionPolicy()
"""Equal weights; full points for a purchase amount of 10,000 (rule Y4)."""


def satisfaction_index(
    measures: SatisfactionMeasures, /, *, policy: SatisfactionPolicy = DEFAULT_SATISFACTION
) -> Decimal:
    """A satisfaction index in 0..100 over the six measures of rule Y4.

    100 · the weighted mean of the points of the known measures (see
    :class:`SatisfactionPolicy`), rounded to two decimals; unknown measures are left
    out and their weight shared by the others.

    Args:
        measures: The measures.
        policy: The weights and the amount reference; the defaults by default.

    Returns:
        The index, a ``Decimal`` with two decimals in 0..100.

    Raises:
        InvalidInputError: If an argument is of the wrong type, or no measure with a
            weight above 0 is known.

    >>> from decimal import Decimal
    >>> from custrel.loyalty import SatisfactionMeasures, satisfaction_index
    >>> satisfaction_index(SatisfactionMeasures(return_rate=Decimal("0.6"),
    ...                                         complaint_rate=Decimal("0.1")))
    Decimal('75.00')
    >>> satisfaction_index(SatisfactionMeasures())
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: measures: expected at least one known measure whose weight is above 0, got SatisfactionMeasures SatisfactionMeasures(reputation=None, awarene...
    """  # noqa: E501 - a doctest output line
    if not isinstance(measures, SatisfactionMeasures):
        raise InvalidInputError("measures", measures, "a SatisfactionMeasures")
    given: object = policy
    if not isinstance(given, SatisfactionPolicy):
        raise InvalidInputError("policy", policy, "a SatisfactionPolicy")
    weights = (
        policy.reputation_weight,
        policy.awareness_weight,
        policy.return_weight,
        policy.complaint_weight,
        policy.amount_weight,
        policy.price_weight,
    )
    terms = []
    for name, weight in zip(_SATISFACTION_FIELDS, weights, strict=True):
        value: Decimal | None = getattr(measures, name)
        if value is None:
            continue
        if name == "purchase_amount":
            points = s.ratio(value, policy.amount_full)
        elif name in {"complaint_rate", "price_sensitivity"}:
            points = s.CONTEXT.subtract(s.ONE, value)
        else:
            points = value
        terms.append((points, weight))
    if not any(weight for _, weight in terms):
        raise InvalidInputError(
            "measures", measures, "at least one known measure whose weight is above 0"
        )
    mean = s.weighted(terms)
    return s.score(mean)


# rule Y6: the least and most satisfied 15 % ------------------------------------------------


class SatisfactionBand(enum.StrEnum):
    """Where a customer stands in a portfolio's satisfaction (rule Y6).

    >>> from custrel.loyalty import SatisfactionBand
    >>> [b.value for b in SatisfactionBand]
    ['least', 'middle', 'most']
    """

    LEAST = "least"  # rule Y6: the least satisfied 15 %, who actively look elsewhere
    MIDDLE = "middle"  # neither
    MOST = "most"  # rule Y6: the most satisfied 15 %, who are quite loyal


SATISFIED_SHARE = Decimal("0.15")
"""The share at each end of rule Y6: the least and the most satisfied 15 %."""


_EXACT = 80  # digits enough that share · n is exact for any real portfolio


def satisfaction_bands(
    values: Mapping[str, Decimal | float | int], /, *, share: Decimal | float = SATISFIED_SHARE
) -> dict[str, SatisfactionBand]:
    """Mark the least and the most satisfied 15 % of a portfolio (rule Y6).

    ``values`` maps each customer to a satisfaction figure (from :func:`satisfaction`,
    :func:`satisfaction_index` or your own survey): higher is more satisfied. With n
    customers, a customer is among the most satisfied when the number of customers
    whose value is *at least* theirs (themselves included) is at most ``share · n``,
    and among the least satisfied when the number whose value is *at most* theirs is
    at most ``share · n``; everyone else is in the middle. The tie block at an
    extreme is the exception: unless every value is equal, the customers at the lowest
    value are always among the least satisfied and those at the highest always among
    the most, however many they are (on a 0..10 survey the answers at 0 are the least
    satisfied, even when there are more than the share of them). So customers with
    equal values always share a band, the input order never matters, and a tie block
    at a value between the extremes that straddles a cut stays in the middle: custrel
    cannot tell its members apart, and the customers beyond it already mark that end.
    At most ``share · n`` customers are marked at an end, or the extreme block when it
    is larger. All values equal marks nobody; an empty portfolio gives an empty
    result.

    Args:
        values: Customer id to satisfaction, a ``Decimal``, ``int`` or ``float`` (a
            float taken as the decimal it is written as).
        share: The share at each end, above 0 and at most 0.5; 0.15 by default.

    Returns:
        Customer id to band, for every customer in ``values``.

    Raises:
        InvalidInputError: If ``values`` is not a mapping of non-blank ids to finite
            numbers, or ``share`` is out of range.

    >>> from custrel.loyalty import satisfaction_bands
    >>> bands = satisfaction_bands({f"c-{i}": i for i in range(1, 21)})
    >>> [cid for cid, band in bands.items() if band.value == "least"]
    ['c-1', 'c-2', 'c-3']
    >>> [cid for cid, band in bands.items() if band.value == "most"]
    ['c-18', 'c-19', 'c-20']
    >>> survey = satisfaction_bands({f"c-{i}": 0 if i < 20 else 10 if i >= 80 else 5
    ...                              for i in range(100)})
    >>> sorted(band.value for band in survey.values()).count("least")
    20
    >>> satisfaction_bands({"c-1": 8.5, "c-2": 6.0}, share=0.5)["c-1"]
    <SatisfactionBand.MOST: 'most'>
    >>> satisfaction_bands({"c-1": float("nan")})
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: values['c-1']: expected a finite number, got float nan; a ratio must be finite
    """  # noqa: E501 - a doctest output line
    end_share = s.bounded("share", share, high=Decimal("0.5"), inclusive=True, hint="e.g. 0.15")
    if not hasattr(values, "items"):
        raise InvalidInputError("values", values, "a mapping of customer id to satisfaction")
    checked: dict[str, Decimal] = {}
    for key, value in values.items():
        c.identifier("values key", key)
        checked[key] = _scale_point(f"values[{key!r}]", value)
    ordered = sorted(checked.values())
    n = len(ordered)
    with localcontext(prec=_EXACT):
        cut = end_share * n
    varied = len(set(ordered)) > 1  # rule Y6: all equal, nobody is at an end
    bands = {}
    for key, value in checked.items():
        at_least = n - bisect.bisect_left(ordered, value)
        at_most = bisect.bisect_right(ordered, value)
        if at_least <= cut or (varied and value == ordered[-1]):  # rule Y6: the top block
            bands[key] = SatisfactionBand.MOST
        elif at_most <= cut or (varied and value == ordered[0]):  # rule Y6: the bottom block
            bands[key] = SatisfactionBand.LEAST
        else:
            bands[key] = SatisfactionBand.MIDDLE
    return bands


# rule Y5: customer delivered value ---------------------------------------------------------


_PART = c.checked(c.money())


@attrs.frozen(kw_only=True)
class TotalCustomerValue:
    """What a customer gets (rule Y5: 客户总价值), in money terms.

    Args:
        product: Product value (产品价值), >= 0.
        service: Service value (服务价值), >= 0.
        personnel: Personnel value (人员价值), >= 0.
        image: Image value (形象价值), >= 0.

    Raises:
        InvalidInputError: If a part is not a non-negative ``Decimal`` or ``int``.

    >>> from custrel.loyalty import TotalCustomerValue
    >>> TotalCustomerValue(product=800, service=150, personnel=30, image=20).total
    Decimal('1000')
    """

    product: Decimal = attrs.field(default=s.ZERO, converter=c.to_money, validator=_PART)
    service: Decimal = attrs.field(default=s.ZERO, converter=c.to_money, validator=_PART)
    personnel: Decimal = attrs.field(default=s.ZERO, converter=c.to_money, validator=_PART)
    image: Decimal = attrs.field(default=s.ZERO, converter=c.to_money, validator=_PART)

    @property
    def total(self) -> Decimal:
        """The sum of the four parts."""
        return s.total((self.product, self.service, self.personnel, self.image))


@attrs.frozen(kw_only=True)
class TotalCustomerCost:
    """What a customer gives up (rule Y5: 客户总成本), in money terms.

    Args:
        money: Money cost (货币成本), >= 0.
        time: Time cost (时间成本), >= 0.
        energy: Energy, the mental cost (精神成本), >= 0.
        physical: Physical cost (体力成本), >= 0.

    Raises:
        InvalidInputError: If a part is not a non-negative ``Decimal`` or ``int``.

    >>> from decimal import Decimal
    >>> from custrel.loyalty import TotalCustomerCost
    >>> TotalCustomerCost(money=Decimal("699.00"), time=50).total
    Decimal('749.00')
    """

    money: Decimal = attrs.field(default=s.ZERO, converter=c.to_money, validator=_PART)
    time: Decimal = attrs.field(default=s.ZERO, converter=c.to_money, validator=_PART)
    energy: Decimal = attrs.field(default=s.ZERO, converter=c.to_money, validator=_PART)
    physical: Decimal = attrs.field(default=s.ZERO, converter=c.to_money, validator=_PART)

    @property
    def total(self) -> Decimal:
        """The sum of the four parts."""
        return s.total((self.money, self.time, self.energy, self.physical))


def delivered_value(value: TotalCustomerValue, cost: TotalCustomerCost, /) -> Decimal:
    """Customer delivered value: total value minus total cost (rule Y5: 客户让渡价值).

    Positive when the customer gets more than they give up; exact ``Decimal``
    arithmetic, so the parts may be given to the cent.

    Args:
        value: The four value parts.
        cost: The four cost parts.

    Returns:
        ``value.total - cost.total``, which may be negative.

    Raises:
        InvalidInputError: If an argument is of the wrong type.

    >>> from custrel.loyalty import TotalCustomerCost, TotalCustomerValue, delivered_value
    >>> delivered_value(TotalCustomerValue(product=800, service=200),
    ...                 TotalCustomerCost(money=699, time=50, energy=20))
    Decimal('231')
    >>> delivered_value(TotalCustomerCost(money=1), TotalCustomerValue(product=1))
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: value: expected a TotalCustomerValue, got TotalCustomerCost TotalCustomerCost(money=Decimal('1'), time=Decimal('0'), ...
    """  # noqa: E501 - a doctest output line
    if not isinstance(value, TotalCustomerValue):
        raise InvalidInputError("value", value, "a TotalCustomerValue")
    if not isinstance(cost, TotalCustomerCost):
        raise InvalidInputError("cost", cost, "a TotalCustomerCost")
    return s.CONTEXT.subtract(value.total, cost.total)
