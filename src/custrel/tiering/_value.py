"""What a customer is worth: the transactional value indicators of rule T3.

Public through :mod:`custrel.tiering`.
"""

from __future__ import annotations

import enum
from datetime import date  # noqa: TC003 - cattrs reads the annotations
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any, cast

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.models import Purchase

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["ValueIndicators", "ValueMeasure", "customer_value", "portfolio_values"]

_CHECK_AS_OF = c.day()
_CHECK_VALUE = c.money(signed=True)


def _purchases_until(purchases: Iterable[Purchase], as_of: date) -> Iterator[tuple[int, Purchase]]:
    """The purchases made on or before ``as_of`` (their local calendar day), checked."""
    _CHECK_AS_OF("as_of", as_of)
    c.iterable("purchases", purchases, "Purchase")
    for index, purchase in enumerate(purchases):
        if not isinstance(purchase, Purchase):
            raise InvalidInputError(f"purchases[{index}]", purchase, "a Purchase")
        if purchase.at.date() <= as_of:
            yield index, purchase


def known_customers(customers: Iterable[str] | None) -> dict[str, None] | None:
    """The caller's known customer ids, checked, in their order and without repeats."""
    if customers is None:
        return None
    c.iterable("customers", customers, "customer ids")
    known: dict[str, None] = {}
    for index, customer_id in enumerate(customers):
        c.identifier(f"customers[{index}]", customer_id)
        known[customer_id] = None
    return known


def check_known(known: dict[str, None] | None, index: int, purchase: Purchase) -> None:
    """Refuse a purchase of a customer the caller did not list (no silent loss)."""
    if known is not None and purchase.customer_id not in known:
        raise InvalidInputError(
            f"purchases[{index}].customer_id", purchase.customer_id, "one of the customers given"
        )


class ValueMeasure(enum.StrEnum):
    """What a customer's value is, for the whole portfolio at once (rules T1, T3).

    >>> from custrel.tiering import ValueMeasure
    >>> [m.value for m in ValueMeasure]
    ['amount', 'profit']
    """

    AMOUNT = "amount"  # rule T3: sales minus refunds (the default: always known)
    PROFIT = "profit"  # rule T1: profit of sales minus profit given back by refunds


@attrs.frozen(kw_only=True)
class ValueIndicators:
    """The transactional value indicators of a set of purchases (rule T3: 交易类指标).

    Build it with :meth:`from_purchases`. Purchases count on the calendar day of their
    own timestamp (its UTC offset as recorded). A transaction is an order: the sale
    lines that share an ``order_id`` are one transaction, on the day of its earliest
    line; a line without an ``order_id`` is a transaction of its own. Refunds
    (``refund=True``) are not transactions: they reduce ``total_amount`` (and
    ``total_profit`` by the profit they give back) and count in ``refunded``.

    Args:
        transactions: Number of orders (refunds excluded).
        total_amount: Sales minus refunds.
        refunded: Total of the refunds.
        total_profit: Profit of the sales minus the profit given back by refunds, or
            ``None`` when any record's profit is unknown.
        average_amount: Mean order amount, ``None`` with no sale.
        largest_amount: Largest single order, ``None`` with no sale.
        first_purchase: Day of the first order, ``None`` with no sale.
        last_purchase: Day of the last order, ``None`` with no sale.
        tenure_days: Days from the first order to ``as_of`` (0 if on ``as_of``),
            ``None`` with no sale: how long we have traded.
        average_interval_days: Mean days between consecutive orders, ``None`` with
            fewer than two.

    >>> from datetime import date, datetime, timezone
    >>> from decimal import Decimal
    >>> from custrel.models import Purchase
    >>> from custrel.tiering import ValueIndicators
    >>> def sale(day, amount, order=None):
    ...     return Purchase(customer_id="c-1", at=datetime(2026, 1, day, tzinfo=timezone.utc),
    ...                     product="tea", amount=Decimal(amount), profit=Decimal(amount) / 4,
    ...                     order_id=order)
    >>> v = ValueIndicators.from_purchases([sale(1, 100), sale(11, 300)], as_of=date(2026, 1, 31))
    >>> v.transactions, v.total_amount, v.total_profit, v.tenure_days, v.average_interval_days
    (2, Decimal('400'), Decimal('100'), 30, 10.0)
    >>> one_order = [sale(1, 100, "o-1"), sale(1, 300, "o-1")]
    >>> ValueIndicators.from_purchases(one_order, as_of=date(2026, 1, 31)).transactions
    1
    """

    transactions: int = attrs.field(validator=c.checked(c.count(0)))
    total_amount: Decimal = attrs.field(validator=c.checked(c.money(signed=True)))
    refunded: Decimal = attrs.field(validator=c.checked(c.money()))
    total_profit: Decimal | None = attrs.field(
        validator=c.checked(c.money(signed=True, optional=True))
    )
    average_amount: Decimal | None = attrs.field(validator=c.checked(c.money(optional=True)))
    largest_amount: Decimal | None = attrs.field(validator=c.checked(c.money(optional=True)))
    first_purchase: date | None = attrs.field(validator=c.checked(c.day(optional=True)))
    last_purchase: date | None = attrs.field(validator=c.checked(c.day(optional=True)))
    tenure_days: int | None = attrs.field(validator=c.checked(c.count(0, optional=True)))
    average_interval_days: float | None = attrs.field(validator=c.checked(c.ratio(optional=True)))

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

        >>> from datetime import date
        >>> from custrel.tiering import ValueIndicators
        >>> empty = ValueIndicators.from_purchases([], as_of=date(2026, 11, 22))
        >>> empty.transactions, empty.total_amount, empty.total_profit, empty.tenure_days
        (0, Decimal('0'), Decimal('0'), None)
        """
        with localcontext(c.CONTEXT):  # sums never depend on the caller's context
            orders: dict[object, list[Any]] = {}  # order key -> [day, amount]
            refunded = Decimal(0)
            profit: Decimal | None = Decimal(0)
            for index, purchase in _purchases_until(purchases, as_of):
                if profit is not None:
                    given = purchase.profit
                    profit = (
                        None if given is None else profit + (-given if purchase.refund else given)
                    )
                if purchase.refund:
                    refunded += purchase.amount
                    continue
                day = purchase.at.date()
                order_id = purchase.order_id
                key = index if order_id is None else (purchase.customer_id, order_id)
                order = orders.get(key)
                if order is None:
                    orders[key] = [day, purchase.amount]
                else:
                    order[0] = min(order[0], day)
                    order[1] += purchase.amount
            gross = sum((order[1] for order in orders.values()), Decimal(0))
            days = sorted(order[0] for order in orders.values())
            count = len(orders)
            return cls(
                transactions=count,
                total_amount=gross - refunded,
                refunded=refunded,
                total_profit=profit,
                average_amount=gross / count if count else None,
                largest_amount=max((order[1] for order in orders.values()), default=None),
                first_purchase=days[0] if days else None,
                last_purchase=days[-1] if days else None,
                tenure_days=(as_of - days[0]).days if days else None,
                average_interval_days=(
                    (days[-1] - days[0]).days / (count - 1) if count > 1 else None
                ),
            )


def customer_value(
    indicators: ValueIndicators, /, *, measure: ValueMeasure = ValueMeasure.AMOUNT
) -> Decimal:
    """A customer's value by one measure (rules T1, T3).

    ``AMOUNT`` (the default, always known): sales minus refunds. ``PROFIT``: the
    profit of the sales minus the profit given back by refunds; it needs the profit of
    every purchase. Rank a whole portfolio by one measure (see
    :func:`portfolio_values`), never some customers by profit and others by sales.

    Args:
        indicators: The customer's indicators.
        measure: Which value.

    Returns:
        The value.

    Raises:
        InvalidInputError: If ``indicators`` is not a :class:`ValueIndicators`, or
            ``measure`` is ``PROFIT`` and a profit is unknown.

    >>> from datetime import date
    >>> from custrel.tiering import ValueIndicators, ValueMeasure, customer_value
    >>> customer_value(ValueIndicators.from_purchases([], as_of=date(2026, 11, 22)),
    ...                measure=ValueMeasure.PROFIT)
    Decimal('0')
    """
    if not isinstance(indicators, ValueIndicators):
        raise InvalidInputError("indicators", indicators, "a ValueIndicators")
    c.member(ValueMeasure)("measure", measure)
    if measure is ValueMeasure.AMOUNT:
        return indicators.total_amount
    if indicators.total_profit is None:
        raise InvalidInputError(
            "indicators.total_profit",
            None,
            "a known profit on every purchase, to measure value by profit",
            hint="pass measure=ValueMeasure.AMOUNT to rank by sales",
        )
    return indicators.total_profit


def portfolio_values(
    purchases: Iterable[Purchase],
    /,
    *,
    as_of: date,
    measure: ValueMeasure | Callable[[ValueIndicators], Decimal] = ValueMeasure.AMOUNT,
    customers: Iterable[str] | None = None,
) -> dict[str, Decimal]:
    """Each customer's value from a whole portfolio's purchases (rules T1, T3).

    One measure for the whole portfolio: by default ``AMOUNT`` (sales minus refunds,
    the same money as the M of :func:`~custrel.tiering.rfm_scores`); with ``PROFIT``
    every purchase up to ``as_of`` must carry its profit, and the first that does not
    is refused by position rather than quietly ranked by sales. A callable measure
    gets each customer's :class:`ValueIndicators`.

    The portfolio is every customer with a purchase or refund on or before
    ``as_of``; pass ``customers`` (every known customer id) to include customers who
    have bought nothing yet (their value is that of no purchase, 0 for the built-in
    measures), so that tiers and RFM scores cover the same customers. The result
    feeds :func:`~custrel.tiering.tier_portfolio`.

    Args:
        purchases: Every customer's purchases, in any order.
        as_of: The reference day.
        measure: ``ValueMeasure.AMOUNT`` (default), ``ValueMeasure.PROFIT``, or a
            callable of one customer's indicators.
        customers: Every known customer id, or ``None`` for the buyers only.

    Returns:
        Customer id to value, in the order of ``customers``, else of first purchase.

    Raises:
        InvalidInputError: If an argument is wrong, a purchase belongs to a customer
            not in ``customers``, ``PROFIT`` meets an unknown profit, or a callable
            ``measure`` returns something other than a ``Decimal`` or ``int``.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Purchase
    >>> from custrel.tiering import portfolio_values
    >>> at = datetime(2026, 11, 1, tzinfo=timezone.utc)
    >>> portfolio_values([Purchase(customer_id=cid, at=at, product="tea", amount=n)
    ...                   for cid, n in (("c-1", 5), ("c-2", 7), ("c-1", 1))],
    ...                  as_of=date(2026, 11, 22), customers=["c-1", "c-2", "c-3"])
    {'c-1': Decimal('6'), 'c-2': Decimal('7'), 'c-3': Decimal('0')}
    """
    known = known_customers(customers)
    if not callable(measure):
        c.member(ValueMeasure)("measure", measure)
    by_customer: dict[str, list[Purchase]] = {customer_id: [] for customer_id in known or ()}
    for index, purchase in _purchases_until(purchases, as_of):
        check_known(known, index, purchase)
        if measure is ValueMeasure.PROFIT and purchase.profit is None:
            raise InvalidInputError(
                f"purchases[{index}].profit",
                None,
                "a known profit on every purchase, to measure value by profit",
                hint="pass measure=ValueMeasure.AMOUNT to rank by sales",
            )
        by_customer.setdefault(purchase.customer_id, []).append(purchase)
    values = {}
    for customer_id, own in by_customer.items():
        indicators = ValueIndicators.from_purchases(own, as_of=as_of)
        if isinstance(measure, ValueMeasure):
            # measure checked once above, and with PROFIT every purchase has its profit
            values[customer_id] = (
                indicators.total_amount
                if measure is ValueMeasure.AMOUNT
                else cast("Decimal", indicators.total_profit)
            )
            continue
        value = c.to_money(measure(indicators))
        _CHECK_VALUE(f"measure({customer_id!r})", value)
        values[customer_id] = value
    return values
