"""The follow-up rules C1 and G4 on dataframes: next due days and the agenda."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import narwhals.stable.v2 as nw
from dateutil.relativedelta import relativedelta

from custrel import _checks as c
from custrel._periods import describe
from custrel.cadence import DEFAULT_CADENCE, Cadence, CadencePolicy
from custrel.errors import InvalidInputError
from custrel.frames._days import _chain, _day_number, _next_working, _number, _plus_period
from custrel.frames._input import _CHECK_DAY, FrameT, _Expr, _Input
from custrel.grading import Grade

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["agenda_frame", "follow_up_frame"]


# Cadence (rule C1) ------------------------------------------------------------------------------


def _cadence_name(interval: Cadence | relativedelta) -> str:
    return interval.value if isinstance(interval, Cadence) else describe(interval)


def _due(
    last: _Expr,
    grade: str,
    policy: CadencePolicy,
    holidays: Iterable[date],
    workdays: Iterable[date],
    *,
    native: bool,
) -> _Expr:
    """Each row's due day from its grade and last follow-up (rule C1)."""
    cases = []
    for grade_, interval in policy.cadences.items():
        if isinstance(interval, relativedelta):
            after = _plus_period(last, interval, native=native)
        elif interval is Cadence.DAILY and policy.daily_on_working_days:
            after = _next_working(last, holidays, workdays)
        elif interval is Cadence.YEARLY:
            after = _plus_period(last, relativedelta(years=1), native=native)  # 29 Feb: 28 Feb
        else:
            after = last + nw.lit(Cadence(interval).after(date(2001, 1, 1)) - date(2001, 1, 1))
        cases.append((nw.col(grade) == grade_.value, after))
    return _chain(cases, nw.lit(None, nw.Date))


def follow_up_frame(
    customers: FrameT,
    /,
    *,
    as_of: date,
    policy: CadencePolicy = DEFAULT_CADENCE,
    holidays: Iterable[date] = (),
    workdays: Iterable[date] = (),
    grade: str = "grade",
    last_follow_up: str = "last_follow_up",
    cadence: str = "cadence",
    due: str = "due",
    days_overdue: str = "days_overdue",
) -> FrameT:
    """Each customer's cadence, next due day and days overdue (rule C1).

    The twin of :func:`~custrel.cadence.next_due`: one interval of the grade's cadence
    after the last follow-up; a customer never followed up (a null last follow-up) is
    due on ``as_of``. ``days_overdue`` is ``as_of`` minus the due day, negative when
    the follow-up is not due yet. ``cadence`` is the cadence's value (``"weekly"``) or,
    for a calendar period, its description (``"10 days"``).

    Args:
        customers: One row per customer: ``grade`` (``"A"``-``"E"``) and
            ``last_follow_up`` (a date, may be null).
        as_of: The reference day.
        policy: The cadences; the rule book's by default.
        holidays: Public holidays, for the policy's ``daily_on_working_days``.
        workdays: Make-up working days, for the policy's ``daily_on_working_days``.
        grade: The grade column.
        last_follow_up: The last follow-up column.
        cadence: The name of the cadence column added.
        due: The name of the due day column added.
        days_overdue: The name of the days overdue column added.

    Returns:
        The frame with the three columns, in the kind it was given.

    Raises:
        InvalidInputError: If an argument or a column is wrong.

    >>> from datetime import date
    >>> import polars as pl
    >>> book = pl.DataFrame({"customer_id": ["c-1", "c-2"], "grade": ["B", "E"],
    ...                      "last_follow_up": [date(2026, 11, 10), date(2024, 2, 29)]})
    >>> out = follow_up_frame(book, as_of=date(2026, 11, 22))
    >>> out["due"].to_list(), out["days_overdue"].to_list()
    ([datetime.date(2026, 11, 17), datetime.date(2025, 2, 28)], [5, 632])
    """
    if not isinstance(policy, CadencePolicy):
        raise InvalidInputError("policy", policy, "a CadencePolicy")
    _CHECK_DAY("as_of", as_of)
    frame = _Input(customers, "customers")
    frame.text(grade, allowed=[g.value for g in Grade])
    frame.day(last_follow_up, optional=True)
    last = nw.col(last_follow_up)
    implementation = frame.lazy.implementation
    polars = implementation is nw.Implementation.POLARS
    due_day = (
        nw.when(last.is_null())
        .then(nw.lit(as_of))
        .otherwise(_due(last, grade, policy, holidays, workdays, native=polars))
    )
    names = _chain(
        [
            (nw.col(grade) == g.value, nw.lit(_cadence_name(interval)))
            for g, interval in policy.cadences.items()
        ],
        nw.lit(None, nw.String),
    )
    out = frame.lazy.with_columns(names.alias(cadence), due_day.cast(nw.Date).alias(due))
    if implementation is nw.Implementation.DUCKDB:  # no date difference in days there
        overdue = _number(as_of) - _day_number(nw.col(due))
    else:
        overdue = ((nw.lit(as_of) - nw.col(due)).dt.total_seconds() // 86_400).cast(nw.Int64)
    out = out.with_columns(overdue.alias(days_overdue))
    return frame.give_back(out)  # type: ignore[no-any-return]


def agenda_frame(
    customers: FrameT,
    /,
    *,
    as_of: date,
    limit: int | None = None,
    policy: CadencePolicy = DEFAULT_CADENCE,
    holidays: Iterable[date] = (),
    workdays: Iterable[date] = (),
    customer_id: str = "customer_id",
    grade: str = "grade",
    last_follow_up: str = "last_follow_up",
) -> FrameT:
    """The follow-ups due by ``as_of``, most urgent first (rule C1).

    The twin of :func:`~custrel.cadence.agenda` for customers given by grade: most
    days overdue first, then the best grade, then the customer id; ``limit=k`` keeps
    the k most urgent.

    Args:
        customers: One row per customer: ``customer_id``, ``grade`` and
            ``last_follow_up`` (a date, may be null).
        as_of: The reference day.
        limit: Keep only this many (``None``: all that are due).
        policy: The cadences.
        holidays: Public holidays, for the policy's ``daily_on_working_days``.
        workdays: Make-up working days, for the policy's ``daily_on_working_days``.
        customer_id: The customer id column.
        grade: The grade column.
        last_follow_up: The last follow-up column.

    Returns:
        ``customer_id``, ``grade``, ``due`` and ``days_overdue`` of each customer due.

    Raises:
        InvalidInputError: If an argument or a column is wrong.

    >>> from datetime import date
    >>> import pandas as pd
    >>> book = pd.DataFrame({"customer_id": ["c-1", "c-2", "c-3"], "grade": ["B", "A", "D"],
    ...                      "last_follow_up": [date(2026, 11, 10), None, date(2026, 11, 1)]}
    ...                     ).convert_dtypes(dtype_backend="pyarrow")
    >>> book["last_follow_up"] = book["last_follow_up"].astype("date32[pyarrow]")
    >>> agenda_frame(book, as_of=date(2026, 11, 22))["customer_id"].tolist()
    ['c-1', 'c-2']
    """
    c.count(1, optional=True)("limit", limit)
    frame = _Input(customers, "customers")
    frame.text(customer_id)
    out = follow_up_frame(
        customers,
        as_of=as_of,
        policy=policy,
        holidays=holidays,
        workdays=workdays,
        grade=grade,
        last_follow_up=last_follow_up,
        cadence="__cadence",
        due="due",
        days_overdue="days_overdue",
    )
    result = nw.from_native(out).lazy()  # type: ignore[call-overload]
    result = (
        result.filter(nw.col("days_overdue") >= 0)
        .select(customer_id, grade, "due", "days_overdue")
        .sort(["days_overdue", grade, customer_id], descending=[True, False, False])
    )
    if limit is not None:
        result = result.head(limit)
    return frame.give_back(result)  # type: ignore[no-any-return]
