"""The measures of loyalty of rule Y1, each on its own scale."""

from __future__ import annotations

import enum
from datetime import date  # noqa: TC003 - documented in the signature
from decimal import Decimal  # noqa: TC003 - attrs and cattrs read the annotations
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.loyalty import _scoring as s
from custrel.models import Purchase
from custrel.tiering._value import ValueIndicators

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["LoyaltyMeasure", "LoyaltyMeasures"]


class LoyaltyMeasure(enum.StrEnum):
    """One of the six measures of loyalty (rule Y1: 客户忠诚度的衡量).

    The values name the fields of :class:`LoyaltyMeasures` and of the weights in
    :class:`LoyaltyPolicy`.

    >>> from custrel.loyalty import LoyaltyMeasure
    >>> [m.value for m in LoyaltyMeasure][:3]
    ['repeat_purchases', 'choosing_days', 'price_sensitivity']
    """

    REPEAT_PURCHASES = "repeat_purchases"  # rule Y1: 重复购买的次数, more is more loyal
    CHOOSING_DAYS = "choosing_days"  # rule Y1: 挑选时间, less is more loyal
    PRICE_SENSITIVITY = "price_sensitivity"  # rule Y1: 对价格的敏感程度, less is more loyal
    COMPETITOR_INTEREST = "competitor_interest"  # rule Y1: 对竞争品牌的态度, less is more loyal
    QUALITY_TOLERANCE = "quality_tolerance"  # rule Y1: 对质量问题的承受能力, more is more loyal
    SPEND = "spend"  # rule Y1: 购买费用的多少, more is more loyal


_CHECK_AS_OF = c.day()


@attrs.frozen(kw_only=True)
class LoyaltyMeasures:
    """The six measures of a customer's loyalty (rule Y1), each optional.

    ``None`` means unknown; an unknown measure is left out of the score, never read as
    zero. More repeats, less choosing time, less price sensitivity, less interest in
    competitors, more tolerance of quality problems and more spend all mean more
    loyalty.

    Args:
        repeat_purchases: Purchases after the first (重复购买次数): an ``int`` >= 0.
        choosing_days: Time the customer spends choosing before buying (挑选时间), in
            days: a ``Decimal`` or ``int`` >= 0 (``Decimal('0.5')`` is half a day).
        price_sensitivity: How strongly a price change moves the customer (价格敏感度),
            a share in 0..1: 0 not at all, 1 buys on price alone.
        competitor_interest: Interest in competing brands (对竞争品牌的态度), a share
            in 0..1: 0 ignores them, 1 actively compares and tries them.
        quality_tolerance: Tolerance of quality problems (对质量问题的承受能力), a share
            in 0..1: 0 leaves at the first problem, 1 forgives and stays.
        spend: Money spent, net of refunds (购买费用), a ``Decimal`` or ``int``; may be
            negative when refunds of earlier purchases outweigh the sales.
        silent_days: Days since the last purchase (距上次购买天数), an ``int`` >= 0;
            not a seventh measure but how recent the buying measures are: repeat
            purchases and spend fade when the customer has stopped buying (rule Y1,
            see :meth:`LoyaltyPolicy.recency`). ``None`` (unknown) fades nothing.

    The three shares are dimensionless and take a ``float`` as the decimal it is
    written as (``0.2`` is ``Decimal('0.2')``); choosing time and spend have a unit
    (days, money) and refuse floats, as money does.

    Raises:
        InvalidInputError: If a measure is of the wrong type or out of its range
            (a float for choosing time or spend: pass ``Decimal('0.5')``).

    >>> from decimal import Decimal
    >>> from custrel.loyalty import LoyaltyMeasures
    >>> LoyaltyMeasures(repeat_purchases=4, price_sensitivity=Decimal("0.2")).spend is None
    True
    >>> LoyaltyMeasures(price_sensitivity=0.2).price_sensitivity
    Decimal('0.2')
    >>> LoyaltyMeasures(price_sensitivity=1.2)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: LoyaltyMeasures.price_sensitivity: expected a finite number in 0..1 or None, got Decimal Decimal('1.2')
    >>> LoyaltyMeasures(spend=99.9)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: LoyaltyMeasures.spend: expected a finite Decimal or int or None, got float 99.9; pass Decimal('99.9'); floats cannot hold money exactly
    """  # noqa: E501 - a doctest output line

    repeat_purchases: int | None = attrs.field(
        default=None, validator=c.checked(c.count(0, optional=True))
    )
    choosing_days: Decimal | None = attrs.field(
        default=None,
        converter=c.to_optional_money,
        validator=c.checked(c.money(optional=True)),
    )
    price_sensitivity: Decimal | None = attrs.field(
        default=None, converter=c.to_optional_ratio, validator=c.checked(s.OPTIONAL_SHARE)
    )
    competitor_interest: Decimal | None = attrs.field(
        default=None, converter=c.to_optional_ratio, validator=c.checked(s.OPTIONAL_SHARE)
    )
    quality_tolerance: Decimal | None = attrs.field(
        default=None, converter=c.to_optional_ratio, validator=c.checked(s.OPTIONAL_SHARE)
    )
    spend: Decimal | None = attrs.field(
        default=None,
        converter=c.to_optional_money,
        validator=c.checked(c.money(signed=True, optional=True)),
    )
    silent_days: int | None = attrs.field(
        default=None, validator=c.checked(c.count(0, optional=True))
    )  # rule Y1: how recent repeat purchases and spend are

    @classmethod
    def from_purchases(cls, purchases: Iterable[Purchase], /, *, as_of: date) -> LoyaltyMeasures:
        """The behavioural measures of one customer's purchase history (rule Y1).

        Only ``repeat_purchases`` and ``spend`` can be read off a history; the other
        four stay unknown (``None``) for the caller to fill in with
        :func:`attrs.evolve`. Purchases after ``as_of`` (their local calendar day) are
        left out.

        - A refund (``refund=True``, its ``amount`` the money returned) is not a
          purchase: it does not count as a repeat and it lowers ``spend``.
        - ``repeat_purchases`` is the number of sales less one (the first is not a
          repeat), 0 with no sale. Sales that carry the same ``order_id`` (where the
          records have one) are one purchase.
        - ``spend`` is sales minus refunds; 0 for an empty history, which is a known
          zero, not an unknown.
        - ``silent_days`` is the number of days from the last sale (its local day) to
          ``as_of``, so that the score can see that a customer stopped buying;
          ``None`` with no sale.

        Args:
            purchases: The customer's purchases, in any order.
            as_of: The reference day.

        Returns:
            The measures, with the four attitudinal ones unknown.

        Raises:
            InvalidInputError: If ``as_of`` is not a date, an item is not a Purchase,
                or the purchases belong to more than one customer.

        >>> from datetime import date, datetime, timezone
        >>> from custrel.loyalty import LoyaltyMeasures
        >>> from custrel.models import Purchase
        >>> def bought(day, amount, refund=False):
        ...     return Purchase(customer_id="c-1", at=datetime(2026, 3, day, tzinfo=timezone.utc),
        ...                     product="tea", amount=amount, refund=refund)
        >>> m = LoyaltyMeasures.from_purchases(
        ...     [bought(1, 100), bought(9, 300), bought(10, 50, refund=True), bought(30, 70)],
        ...     as_of=date(2026, 3, 20))
        >>> m.repeat_purchases, m.spend, m.silent_days, m.price_sensitivity
        (1, Decimal('350'), 11, None)
        """
        _CHECK_AS_OF("as_of", as_of)
        c.iterable("purchases", purchases, "Purchase")
        history = list(purchases)
        owner: str | None = None
        for index, purchase in enumerate(history):
            if not isinstance(purchase, Purchase):
                raise InvalidInputError(f"purchases[{index}]", purchase, "a Purchase")
            owner = purchase.customer_id if owner is None else owner
            if purchase.customer_id != owner:
                raise InvalidInputError(
                    f"purchases[{index}].customer_id",
                    purchase.customer_id,
                    f"the customer of the earlier purchases, {owner!r}",
                    hint="measure one customer at a time",
                )
        value = ValueIndicators.from_purchases(history, as_of=as_of)  # rule T3: orders
        last = value.last_purchase
        return cls(
            repeat_purchases=max(value.transactions - 1, 0),
            spend=value.total_amount,
            silent_days=None if last is None else (as_of - last).days,  # rule Y1: recency
        )

    def get(self, measure: LoyaltyMeasure, /) -> Decimal | int | None:
        """The value of one measure, or ``None`` if it is unknown.

        Args:
            measure: Which measure.

        Returns:
            Its value.

        Raises:
            InvalidInputError: If ``measure`` is not a :class:`LoyaltyMeasure`.

        >>> from custrel.loyalty import LoyaltyMeasure, LoyaltyMeasures
        >>> LoyaltyMeasures(repeat_purchases=3).get(LoyaltyMeasure.REPEAT_PURCHASES)
        3
        """
        c.member(LoyaltyMeasure)("measure", measure)
        value: Decimal | int | None = getattr(self, measure.value)
        return value
