"""The value indicators of rule T3 on a dataframe of purchases."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import narwhals.stable.v2 as nw

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.frames._days import _day_number, _number
from custrel.frames._input import _CHECK_DAY, FrameT, _Expr, _Input

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import date

__all__ = ["value_frame"]


# Value (rule T3) and RFM --------------------------------------------------------------------


class _Purchases:
    """A purchases frame read once: the records up to ``as_of`` and their orders."""

    def __init__(
        self,
        purchases: object,
        *,
        as_of: date,
        customers: Iterable[str] | None,
        columns: Mapping[str, str | None],
    ) -> None:
        _CHECK_DAY("as_of", as_of)
        frame = self.input = _Input(purchases, "purchases")
        cid = self.cid = str(columns["customer_id"])
        frame.text(cid)
        day = frame.instant(str(columns["at"]))
        amount = str(columns["amount"])
        self.scale = frame.money(amount)
        refund, order, profit = columns["refund"], columns["order_id"], columns["profit"]
        if refund is not None:
            frame.flag(refund)
        if order is not None and frame.dtype(order) != nw.String:
            raise InvalidInputError(frame._field(order), frame.dtype(order), "a string column")  # noqa: SLF001
        profit_money = money = self._money_type(amount)
        if profit is not None:
            frame.money(profit, optional=True)
            profit_money = self._money_type(profit)
        self.money, self.profit_money = money, profit_money
        is_refund = nw.lit(value=False) if refund is None else nw.col(refund)
        records = frame.lazy.with_columns(day.alias("__day")).filter(
            nw.col("__day") <= nw.lit(as_of)
        )
        sign = nw.when(is_refund).then(-1).otherwise(1)
        records = records.with_columns(
            self._cast(nw.col(amount), money).alias("__amount"),
            self._cast(nw.col(amount) * sign, money).alias("__signed"),
            self._cast(nw.col(amount) * is_refund.cast(nw.Int64), money).alias("__refunded"),
            is_refund.alias("__refund"),
            nw.when(~is_refund).then(nw.col("__day")).alias("__sale_day"),
            nw.when(~is_refund).then(self._cast(nw.col(amount), money)).alias("__sale"),
            (~is_refund).cast(nw.Int64).alias("__is_sale"),
            (nw.lit(None, nw.String) if order is None else nw.col(order)).alias("__order"),
            self._cast(nw.lit(0) if profit is None else nw.col(profit) * sign, profit_money).alias(
                "__profit"
            ),
            (nw.lit(0) if profit is None else nw.col(profit).is_null().cast(nw.Int64)).alias(
                "__unknown"
            ),
        )
        self.records = records
        self.orders_given = order is not None
        self.known = self._known(customers)

    def _cast(self, expr: _Expr, dtype: Any) -> _Expr:  # noqa: ANN401 - a narwhals dtype
        """Cast to the money type; Dask casts to no decimal type, and needs none."""
        return expr if self.input.dask and dtype.is_decimal() else expr.cast(dtype)

    def _money_type(self, column: str) -> Any:  # noqa: ANN401 - a narwhals dtype
        """One money type for every branch: the widest decimal of the scale, or Int64."""
        dtype = self.input.dtype(column)
        if not dtype.is_decimal():
            return nw.Int64
        return dtype if self.input.dask else nw.Decimal(38, dtype.scale)

    def _known(self, customers: Iterable[str] | None) -> Any:  # noqa: ANN401 - a narwhals frame
        """Every customer of the portfolio: the caller's list, or those with a record."""
        cid = self.cid
        if customers is None:
            return None
        present = self.records.select(cid).unique()
        c.iterable("customers", customers, "customer ids")
        ids = list(dict.fromkeys(customers))
        for index, customer in enumerate(ids):
            c.identifier(f"customers[{index}]", customer)
        known = nw.from_native(_built({cid: ids}, self.input)).lazy()
        stranger = present.join(known, on=cid, how="anti").head(1).collect()
        if len(stranger):
            raise InvalidInputError(
                f"purchases[{cid!r}]", stranger.item(0, 0), "one of the customers given"
            )
        return known

    def orders(self) -> Any:  # noqa: ANN401 - a narwhals frame
        """One row per transaction: the lines of an order are one, on its earliest day."""
        cid = self.cid
        sales = self.records.filter(~nw.col("__refund"))
        grouped = (
            sales.filter(~nw.col("__order").is_null())
            .group_by(cid, "__order")
            .agg(nw.col("__day").min(), nw.col("__amount").sum())
            .select(cid, "__day", "__amount")
        )
        single = sales.filter(nw.col("__order").is_null()).select(cid, "__day", "__amount")
        return nw.concat([grouped, single])

    def per_customer(self) -> Any:  # noqa: ANN401 - a narwhals frame
        """Orders and money per customer, every known customer included."""
        cid = self.cid
        money = self.records.group_by(cid).agg(
            nw.col("__signed").sum().alias("total_amount"),
            nw.col("__refunded").sum().alias("refunded"),
            nw.col("__profit").sum().alias("__profit"),
            nw.col("__unknown").sum().alias("__unknown"),
            nw.col("__sale_day").max().alias("__last_line"),
            *self._lines_as_orders(),
        )
        table = money if self.known is None else self.known.join(money, on=cid, how="left")
        if not self.orders_given:  # the last sale line is the last order (one agg: Dask)
            return table.with_columns(nw.col("__last_line").alias("last_purchase"))
        orders = (
            self.orders()
            .group_by(cid)
            .agg(
                nw.len().alias("transactions"),
                nw.col("__amount").sum().alias("__gross"),
                nw.col("__amount").max().alias("largest_amount"),
                nw.col("__day").min().alias("first_purchase"),
                nw.col("__day").max().alias("last_purchase"),
            )
        )
        return table.join(orders, on=cid, how="left")

    def _lines_as_orders(self) -> list[_Expr]:
        """With no order column every sale line is a transaction: one pass suffices."""
        if self.orders_given:
            return []
        return [
            nw.col("__is_sale").sum().alias("transactions"),
            nw.col("__sale").sum().alias("__gross"),
            nw.col("__sale").max().alias("largest_amount"),
            nw.col("__sale_day").min().alias("first_purchase"),
        ]


def _built(data: dict[str, list[Any]], like: _Input) -> Any:  # noqa: ANN401 - a native frame
    """A frame of string columns built here, in the kind of the caller's frame."""
    schema = {name: nw.String() for name in data}
    if like.eager is not None:
        return nw.from_dict(data, schema=schema, backend=like.eager.implementation).to_native()
    built = nw.from_dict(data, schema=schema, backend=nw.Implementation.PYARROW)
    return built.lazy(backend=like.lazy.implementation).to_native()


def _by_id(table: Any, customer_id: str, like: _Input) -> Any:  # noqa: ANN401 - frames
    """Sorted by customer id, except on Dask, whose sort is a costly shuffle."""
    return table if like.dask else table.sort(customer_id)


def _zero_if_null(name: str, dtype: Any, *, dask: bool) -> _Expr:  # noqa: ANN401 - a dtype
    if dask and dtype.is_decimal():
        return nw.col(name).fill_null(Decimal(0))
    return nw.col(name).fill_null(nw.lit(0).cast(dtype))


def _columns(**names: str | None) -> dict[str, str | None]:
    return names


def value_frame(
    purchases: FrameT,
    /,
    *,
    as_of: date,
    customers: Iterable[str] | None = None,
    customer_id: str = "customer_id",
    at: str = "at",
    amount: str = "amount",
    profit: str | None = "profit",
    refund: str | None = "refund",
    order_id: str | None = "order_id",
) -> FrameT:
    """The value indicators of rule T3 for every customer of a purchases frame.

    The twin of :meth:`~custrel.tiering.ValueIndicators.from_purchases` per customer
    (and of :func:`~custrel.tiering.portfolio_values`, whose ``AMOUNT`` is
    ``total_amount`` and ``PROFIT`` is ``total_profit``): records dated after ``as_of``
    are left out; an order (lines sharing ``order_id``) is one transaction on its
    earliest day; refunds subtract their amount and their profit. A purchase counts on
    its calendar day in the timestamp column's time zone.

    The result has one row per customer: ``customer_id``, ``transactions``,
    ``total_amount``, ``refunded``, ``total_profit`` (null when a profit is unknown),
    ``average_amount`` (a float: engines differ in decimal division), ``largest_amount``,
    ``first_purchase``, ``last_purchase``, ``tenure_days`` and
    ``average_interval_days``, with nulls where the object path has ``None``. Money
    columns keep the input's type and units.

    Args:
        purchases: One row per purchase or refund.
        as_of: The reference day.
        customers: Every known customer id, to include those with no record (all
            zeros); a purchase of a customer not listed is refused.
        customer_id: The customer id column.
        at: The timestamp column (timezone-aware) or a date column.
        amount: The amount column (decimal or integer, 0 or more).
        profit: The profit column (may be null), or ``None`` if there is none.
        refund: The boolean refund column, or ``None`` if there are no refunds.
        order_id: The order id column (may be null), or ``None`` if there is none.

    Returns:
        One row per customer, sorted by customer id, in the kind of frame given.

    Raises:
        InvalidInputError: If an argument or a column is wrong, or a purchase belongs
            to a customer not in ``customers``.

    >>> from datetime import date, datetime, timezone
    >>> from decimal import Decimal
    >>> import polars as pl
    >>> at = [datetime(2026, 11, d, tzinfo=timezone.utc) for d in (1, 1, 11)]
    >>> sales = pl.DataFrame({"customer_id": ["a", "a", "a"], "at": at,
    ...                       "amount": [Decimal("80.00"), Decimal("20.00"), Decimal("50.00")],
    ...                       "order_id": ["o-1", "o-1", None]})
    >>> out = value_frame(sales, as_of=date(2026, 11, 22), profit=None, refund=None,
    ...                   customers=["a", "b"])
    >>> out.select("customer_id", "transactions", "total_amount").rows()
    [('a', 2, Decimal('150.00')), ('b', 0, Decimal('0.00'))]
    >>> sales.with_columns(pl.col("amount").cast(pl.Float64)).pipe(
    ...     value_frame, as_of=date(2026, 11, 22), profit=None, refund=None)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: purchases['amount']: expected a decimal or integer column, got Float64 Float64; floats cannot hold money exactly; cast the column to a decimal type such as Decimal(18, 2) (polars: pl.col('amount').cast(pl.Decimal(18, 2)); pyarrow: pa.decimal128(18, 2); pandas: pd.ArrowDtype(pa.decimal128(18, 2))), or to integer minor units with scale=2
    """  # noqa: E501 - doctest output lines
    source = _Purchases(
        purchases,
        as_of=as_of,
        customers=customers,
        columns=_columns(
            customer_id=customer_id,
            at=at,
            amount=amount,
            profit=profit,
            refund=refund,
            order_id=order_id,
        ),
    )
    table = source.per_customer()
    count = nw.col("transactions").fill_null(0)
    first, last = _day_number(nw.col("first_purchase")), _day_number(nw.col("last_purchase"))
    sold = count > 0
    table = table.with_columns(
        count.alias("transactions"),
        _zero_if_null("total_amount", source.money, dask=source.input.dask),
        _zero_if_null("refunded", source.money, dask=source.input.dask),
        nw.when(nw.col("__unknown").fill_null(0) == 0)
        .then(_zero_if_null("__profit", source.profit_money, dask=source.input.dask))
        .otherwise(nw.lit(None))
        .alias("total_profit"),
        nw.when(sold)
        .then(nw.col("__gross").cast(nw.Float64) / nw.when(sold).then(count).otherwise(1))
        .alias("average_amount"),
        (_number(as_of) - first).alias("tenure_days"),
        nw.when(count > 1)
        .then((last - first) / nw.when(count > 1).then(count - 1).otherwise(1))
        .alias("average_interval_days"),
    )
    table = table.select(
        customer_id,
        "transactions",
        "total_amount",
        "refunded",
        "total_profit",
        "average_amount",
        "largest_amount",
        "first_purchase",
        "last_purchase",
        "tenure_days",
        "average_interval_days",
    )
    return source.input.give_back(_by_id(table, customer_id, source.input))  # type: ignore[no-any-return]
