"""RFM scores and segments (rule T3) on a dataframe of purchases."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import narwhals.stable.v2 as nw

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.frames._days import _chain, _day_number, _number
from custrel.frames._input import FrameT, _Expr, _minor
from custrel.frames._value import _by_id, _columns, _Purchases, _zero_if_null
from custrel.tiering._rfm import RfmSegmentPolicy

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

__all__ = ["rfm_frame"]


def _worse(table: Any, column: str, *, dask: bool) -> Any:  # noqa: ANN401 - frames
    """Add how many rows have a value strictly less than each row's own (nulls: null).

    A rank where the engine has one; on Dask, which has none, a group-by of the
    distinct values and a running sum of their counts, joined back.
    """
    name = f"__w_{column}"
    if not dask:
        return table.with_columns((nw.col(column).rank("min") - 1).cast(nw.Int64).alias(name))
    counts = table.filter(~nw.col(column).is_null()).group_by(column).agg(nw.len().alias("__k"))
    running = nw.col("__k").cum_sum().over(order_by=column)
    counts = counts.with_columns((running - nw.col("__k")).alias(name)).drop("__k")
    return table.join(counts, on=column, how="left")


def _score(worse: _Expr, bins: int) -> _Expr:
    return 1 + (bins * worse) // nw.col("__n")


def rfm_frame(
    purchases: FrameT,
    /,
    *,
    as_of: date,
    bins: int = 5,
    customers: Iterable[str] | None = None,
    segments: RfmSegmentPolicy | None = None,
    customer_id: str = "customer_id",
    at: str = "at",
    amount: str = "amount",
    refund: str | None = "refund",
    order_id: str | None = "order_id",
) -> FrameT:
    """Score every customer 1..bins on recency, frequency and money (rule T1, by quantile).

    The twin of :func:`~custrel.tiering.rfm_scores` and, with ``segments``, of
    :func:`~custrel.tiering.rfm_segment`: the same customers (everyone with a record on
    or before ``as_of``, plus ``customers``), the same raw values and the same scores,
    ``1 + bins * w // n`` with w the customers strictly worse on the axis. A customer
    with no sale has a null recency and scores 1 on R and F; M is 1 when the money is
    0 or less.

    Args:
        purchases: One row per purchase or refund (see :func:`value_frame`).
        as_of: The reference day.
        bins: The number of score levels, 1 to 100.
        customers: Every known customer id, to score those with no record too.
        segments: A segment policy to name each customer's segment (column
            ``segment``); ``None`` for no segment.
        customer_id: The customer id column.
        at: The timestamp column (timezone-aware) or a date column.
        amount: The amount column (decimal or integer).
        refund: The boolean refund column, or ``None``.
        order_id: The order id column, or ``None``.

    Returns:
        ``customer_id``, ``recency_days``, ``frequency``, ``monetary``, ``r``, ``f``,
        ``m`` (and ``segment``), one row per customer sorted by id.

    Raises:
        InvalidInputError: If an argument or a column is wrong.

    >>> from datetime import date, datetime, timezone
    >>> import polars as pl
    >>> at = [datetime(2026, 11, d, tzinfo=timezone.utc) for d in (20, 21, 1)]
    >>> sales = pl.DataFrame({"customer_id": ["a", "a", "b"], "at": at, "amount": [100, 50, 500]})
    >>> out = rfm_frame(sales, as_of=date(2026, 11, 22), bins=2, customers=["a", "b", "c"],
    ...                 refund=None, order_id=None)
    >>> out.select("customer_id", "r", "f", "m").rows()
    [('a', 2, 2, 1), ('b', 1, 1, 2), ('c', 1, 1, 1)]
    """
    c.count(1, 100)("bins", bins)
    if segments is not None and not isinstance(segments, RfmSegmentPolicy):
        raise InvalidInputError("segments", segments, "an RfmSegmentPolicy or None")
    if segments is not None and segments.bins != bins:
        raise InvalidInputError("segments", segments.bins, f"a policy for {bins} bins")
    source = _Purchases(
        purchases,
        as_of=as_of,
        customers=customers,
        columns=_columns(
            customer_id=customer_id,
            at=at,
            amount=amount,
            profit=None,
            refund=refund,
            order_id=order_id,
        ),
    )
    table = source.per_customer().with_columns(
        # recency from the last order, on its earliest line's day (rule T3), as
        # rfm_scores and value_frame place it
        (_number(as_of) - _day_number(nw.col("last_purchase"))).alias("recency_days"),
        nw.col("transactions").fill_null(0).alias("frequency"),
        _zero_if_null("total_amount", source.money, dask=source.input.dask).alias("monetary"),
    )
    table = table.with_columns(
        (-nw.col("recency_days")).alias("__recency"),
        _minor("monetary", source.scale, dask=source.input.dask).alias("__money"),
        nw.len().alias("__n"),
        nw.col("recency_days").count().alias("__sold"),
    )
    for axis in ("__recency", "frequency", "__money"):
        table = _worse(table, axis, dask=source.input.dask)
    table = table.with_columns(
        nw.when(nw.col("recency_days").is_null())
        .then(1)
        .otherwise(_score(nw.col("__n") - nw.col("__sold") + nw.col("__w___recency"), bins))
        .alias("r"),
        _score(nw.col("__w_frequency"), bins).alias("f"),
        nw.when(nw.col("__money") <= 0)
        .then(1)
        .otherwise(_score(nw.col("__w___money"), bins))
        .alias("m"),
    )
    keep = [customer_id, "recency_days", "frequency", "monetary", "r", "f", "m"]
    if segments is not None:
        table = table.with_columns(_segment(segments).alias("segment"))
        keep.append("segment")
    return source.input.give_back(_by_id(table.select(keep), customer_id, source.input))  # type: ignore[no-any-return]


def _segment(policy: RfmSegmentPolicy) -> _Expr:
    """The name of the segment whose box holds the (r, f, m) cell."""
    cases = []
    for segment in policy.segments:
        for box in segment.boxes:
            inside = (
                nw.col("r").is_between(*box.r)
                & nw.col("f").is_between(*box.f)
                & nw.col("m").is_between(*box.m)
            )
            cases.append((inside, nw.lit(segment.name)))
    return _chain(cases, nw.lit(None, nw.String))
