"""The lifecycle stages of rules L1-L4 on a dataframe of purchases."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import narwhals.stable.v2 as nw

from custrel.errors import InvalidInputError
from custrel.frames._input import FrameT, _Input
from custrel.frames._value import _built, _columns, _Purchases
from custrel.lifecycle import DEFAULT_LIFECYCLE, LifecyclePolicy, highest_stage, lifecycle_stage
from custrel.models import Complaint, Purchase, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["stage_frame"]


# Lifecycle (rules L1-L4) ------------------------------------------------------------------------


def stage_frame(
    purchases: FrameT,
    /,
    *,
    as_of: date,
    complaints: object | None = None,
    customers: Iterable[str] | None = None,
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
    customer_id: str = "customer_id",
    at: str = "at",
    amount: str = "amount",
    refund: str | None = "refund",
    complained_at: str = "at",
) -> FrameT:
    """Each customer's lifecycle stage and highest stage reached (rules L1-L4).

    The twin of :func:`~custrel.lifecycle.lifecycle_stage` and
    :func:`~custrel.lifecycle.highest_stage`. The engine reduces the purchases to one
    row per customer and day (the day's sales and refunds) and the complaints to their
    days; those reduced rows come to this process, where each customer's stage is
    decided by the object path itself, since the churn horizon of rule L4 follows each
    customer's own median interval, a running statistic no engine shares. So this
    twin is exact by construction, and its cost is per customer-day, not per purchase.

    Args:
        purchases: One row per purchase or refund (see :func:`value_frame`).
        as_of: The reference day.
        complaints: A frame of complaints with ``customer_id`` and ``complained_at``
            columns, or ``None``.
        customers: Every known customer id, to include prospects with no record.
        policy: The thresholds; the calibrated defaults unless given.
        customer_id: The customer id column (of both frames).
        at: The purchases' timestamp (timezone-aware) or date column.
        amount: The amount column (decimal or integer).
        refund: The boolean refund column, or ``None``.
        complained_at: The complaints' timestamp or date column.

    Returns:
        ``customer_id``, ``stage`` and ``highest`` (stage values), one row per customer
        sorted by id, in the kind of frame given.

    Raises:
        InvalidInputError: If an argument or a column is wrong.

    >>> from datetime import date
    >>> import polars as pl
    >>> sales = pl.DataFrame({"customer_id": ["a"], "at": [date(2026, 10, 1)], "amount": [80]})
    >>> stage_frame(sales, as_of=date(2026, 11, 22), customers=["a", "b"], refund=None).rows()
    [('a', 'new', 'new'), ('b', 'prospect', 'prospect')]
    """
    if not isinstance(policy, LifecyclePolicy):
        raise InvalidInputError("policy", policy, "a LifecyclePolicy")
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
            order_id=None,
        ),
    )
    days = (
        source.records.group_by(customer_id, "__day", "__refund")
        .agg(nw.col("__amount").sum())
        .collect()
        .rows()
    )
    known = [] if source.known is None else source.known.collect()[customer_id].to_list()
    history: dict[str, list[Any]] = {cid: [] for cid in known}
    for cid, day, is_refund, total in days:
        history.setdefault(cid, []).append(
            Purchase(
                customer_id=cid,
                at=_utc(day),
                product="-",
                amount=Decimal(total),
                refund=bool(is_refund),
            )
        )
    grievances: dict[str, list[Complaint]] = {}
    if complaints is not None:
        other = _Input(complaints, "complaints")
        other.text(customer_id)
        when = other.instant(complained_at)
        for cid, day in other.lazy.select(customer_id, when.alias("__day")).collect().rows():
            grievances.setdefault(cid, []).append(
                Complaint(customer_id=cid, at=_utc(day), severity=Severity.ORDINARY)
            )
    rows = sorted(history)
    stages = [
        lifecycle_stage(
            history[cid], as_of=as_of, complaints=grievances.get(cid, ()), policy=policy
        ).value
        for cid in rows
    ]
    highest = [highest_stage(history[cid], as_of=as_of, policy=policy).value for cid in rows]
    return _built(  # type: ignore[no-any-return]
        {customer_id: rows, "stage": stages, "highest": highest}, source.input
    )


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)
