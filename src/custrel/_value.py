"""What a customer is worth: the transactional value indicators of rule T3.

Public through :mod:`custrel.tiering`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date  # noqa: TC003 - cattrs reads the annotations
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.models import Purchase

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = ["ValueIndicators", "customer_value", "portfolio_values"]

_CHECK_AS_OF = c.day()
_CHECK_VALUE = c.money(signed=True)


def _purchases_until(purchases: Iterable[Purchase], as_of: date) -> list[Purchase]:
    """The purchases made on or before ``as_of`` (their local calendar day), checked."""
    _CHECK_AS_OF("as_of", as_of)
    c.iterable("purchases", purchases, "Purchase")
    kept = []
    for index, purchase in enumerate(purchases):
        if not isinstance(purchase, Purchase):
            raise InvalidInputError(f"purchases[{index}]", purchase, "a Purchase")
        if purchase.at.date() <= as_of:
            kept.append(purchase)
    return kept


@attrs.frozen(kw_only=True)
class ValueIndicators:
    """The transactional value indicators of a set of purchases (rule T3: 交易类指标).

    Build it with :meth:`from_purchases`. Purchases count on the calendar day of their
    own timestamp (its UTC offset as recorded). Refunds (``refund=True``) are not
    transactions: they reduce ``total_amount`` and count in ``refunded``.

    Args:
        transactions: Number of sales (refunds excluded).
        total_amount: Sales minus refunds.
        refunded: Total of the refunds.
        total_profit: Sum of the profit of every record (sales and refunds), or
            ``None`` when any record's profit is unknown.
        average_amount: Mean sale amount, ``None`` with no sale.
        largest_amount: Largest single sale, ``None`` with no sale.
        first_purchase: Day of the first sale, ``None`` with no sale.
        last_purchase: Day of the last sale, ``None`` with no sale.
        tenure_days: Days from the first sale to ``as_of`` (0 if on ``as_of``),
            ``None`` with no sale: how long we have traded.
        average_interval_days: Mean days between consecutive sales, ``None`` with
            fewer than two.

    >>> from datetime import date, datetime, timezone
    >>> from decimal import Decimal
    >>> from custrel.models import Purchase
    >>> from custrel.tiering import ValueIndicators
    >>> def sale(day, amount):
    ...     return Purchase(customer_id="c-1", at=datetime(2026, 1, day, tzinfo=timezone.utc),
    ...                     product="tea", amount=Decimal(amount), profit=Decimal(amount) / 4)
    >>> v = ValueIndicators.from_purchases([sale(1, 100), sale(11, 300)], as_of=date(2026, 1, 31))
    >>> v.transactions, v.total_amount, v.total_profit, v.tenure_days, v.average_interval_days
    (2, Decimal('400'), Decimal('100'), 30, 10.0)
    """

    transactions: int
    total_amount: Decimal
    refunded: Decimal
    total_profit: Decimal | None
    average_amount: Decimal | None
    largest_amount: Decimal | None
    first_purchase: date | None
    last_purchase: date | None
    tenure_days: int | None
    average_interval_days: float | None

    @classmethod
    def from_purchases(cls, purchases: Iterable[Purchase], /, *, as_of: date) -> ValueIndicators:
        """Compute the indicators of the purchases made on or before ``as_of`` (rule T3).

        Usually one customer's purchases; any set (a household, a segment) works, and
        purchases after ``as_of`` are left out, so a past day gives the figures as
        they stood then.

        Args:
            purchases: The purchases.
            as_of: The reference day.

        Returns:
            The indicators; well defined for no purchase and for one.

        Raises:
            InvalidInputError: If ``as_of`` is not a date or an item is not a Purchase.

        >>> from datetime import date  # noqa: TC003 - cattrs reads the annotations
        >>> from custrel.tiering import ValueIndicators
        >>> empty = ValueIndicators.from_purchases([], as_of=date(2026, 11, 22))
        >>> empty.transactions, empty.total_amount, empty.total_profit, empty.tenure_days
        (0, Decimal('0'), Decimal('0'), None)
        """
        kept = _purchases_until(purchases, as_of)
        sales = [p for p in kept if not p.refund]
        refunded = sum((p.amount for p in kept if p.refund), Decimal(0))
        gross = sum((p.amount for p in sales), Decimal(0))
        profits = [p.profit for p in kept]
        total_profit = (
            sum((p for p in profits if p is not None), Decimal(0))
            if all(p is not None for p in profits)
            else None
        )
        days = sorted(p.at.date() for p in sales)
        count = len(sales)
        return cls(
            transactions=count,
            total_amount=gross - refunded,
            refunded=refunded,
            total_profit=total_profit,
            average_amount=gross / count if count else None,
            largest_amount=max((p.amount for p in sales), default=None),
            first_purchase=days[0] if days else None,
            last_purchase=days[-1] if days else None,
            tenure_days=(as_of - days[0]).days if days else None,
            average_interval_days=((days[-1] - days[0]).days / (count - 1) if count > 1 else None),
        )


def customer_value(indicators: ValueIndicators, /) -> Decimal:
    """The default value measure for tiering (rules T1, T3): profit, else amount.

    A customer's value is their total profit when the profit of every one of their
    purchases is known, otherwise their total amount (sales minus refunds). Pass your
    own measure to :func:`portfolio_values` to rank by something else.

    Args:
        indicators: The customer's indicators.

    Returns:
        The value.

    Raises:
        InvalidInputError: If ``indicators`` is not a :class:`ValueIndicators`.

    >>> from datetime import date  # noqa: TC003 - cattrs reads the annotations
    >>> from custrel.tiering import ValueIndicators, customer_value
    >>> customer_value(ValueIndicators.from_purchases([], as_of=date(2026, 11, 22)))
    Decimal('0')
    """
    if not isinstance(indicators, ValueIndicators):
        raise InvalidInputError("indicators", indicators, "a ValueIndicators")
    if indicators.total_profit is not None:
        return indicators.total_profit
    return indicators.total_amount


def portfolio_values(
    purchases: Iterable[Purchase],
    /,
    *,
    as_of: date,
    measure: Callable[[ValueIndicators], Decimal] = customer_value,
) -> dict[str, Decimal]:
    """Each customer's value from a whole portfolio's purchases (rules T1, T3).

    The result feeds :func:`~custrel.tiering.tier_portfolio`. Customers whose only
    purchases fall after ``as_of`` are not in it.

    Args:
        purchases: Every customer's purchases, in any order.
        as_of: The reference day.
        measure: The value of one customer's indicators; :func:`customer_value` by
            default.

    Returns:
        Customer id to value.

    Raises:
        InvalidInputError: If an argument is wrong, or ``measure`` returns something
            other than a ``Decimal`` or ``int``.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Purchase
    >>> from custrel.tiering import portfolio_values
    >>> at = datetime(2026, 11, 1, tzinfo=timezone.utc)
    >>> portfolio_values([Purchase(customer_id=cid, at=at, product="tea", amount=n)
    ...                   for cid, n in (("c-1", 5), ("c-2", 7), ("c-1", 1))],
    ...                  as_of=date(2026, 11, 22))
    {'c-1': Decimal('6'), 'c-2': Decimal('7')}
    """
    by_customer: dict[str, list[Purchase]] = defaultdict(list)
    for purchase in _purchases_until(purchases, as_of):
        by_customer[purchase.customer_id].append(purchase)
    values = {}
    for customer_id, own in by_customer.items():
        value = measure(ValueIndicators.from_purchases(own, as_of=as_of))
        _CHECK_VALUE(f"measure({customer_id!r})", c.to_money(value))
        values[customer_id] = c.to_money(value)
    return values
