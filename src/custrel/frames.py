"""The portfolio rules on your own dataframes: the columnar twin of the object path.

Install the extra: ``pip install "custrel[frames]"`` (it adds `narwhals`_ only). Each
function takes the dataframe you already have — pandas (with pyarrow dtypes), polars
or pyarrow eagerly, a polars LazyFrame, Dask or DuckDB lazily — and returns the same
kind, computed by the same rules and policies as the object functions, row for row:

- :func:`grade_frame`: need, expected close and status → grade and urgency (G1, G2);
- :func:`follow_up_frame`: grade and last follow-up → cadence, due day, days overdue
  (C1), and :func:`agenda_frame`, the k most overdue;
- :func:`value_frame`: purchases → the value indicators of rule T3 per customer, and
  :func:`rfm_frame`: the R, F, M scores and, with a segment policy, the segment;
- :func:`tier_cuts_frame`: the :class:`~custrel.tiering.TierCuts` of a frame of
  values (one global step), and :func:`tier_frame`: each value's tier (T1, T2);
- :func:`stage_frame`: each customer's lifecycle stage (L1-L4).

Column names are keyword arguments whose defaults are the models' field names. Money
is a decimal or integer column (``scale=2`` reads integers as cents); a float money
column is refused with the cast that fixes it. A missing column, a wrong dtype, a null
where a value is required or a naive timestamp raises
:class:`~custrel.errors.InvalidInputError` naming the column (and, for an eager frame,
the first offending row). Nothing reads the clock: ``as_of`` is always an argument.

.. _narwhals: https://narwhals-dev.github.io/narwhals/

>>> from datetime import date
>>> import polars as pl
>>> from custrel.frames import grade_frame
>>> opps = pl.DataFrame({"customer_id": ["c-1", "c-2"], "need": ["explicit", "potential"],
...                      "expected_close": [date(2026, 12, 10), None],
...                      "status": ["negotiating", "potential"]})
>>> grade_frame(opps, as_of=date(2026, 11, 22))["grade"].to_list()
['A', 'D']
"""

from __future__ import annotations

import calendar
import functools
import math
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from dateutil.relativedelta import relativedelta

from custrel import _checks as c
from custrel._periods import describe, months_and_days
from custrel._pyramid import DEFAULT_TIERS, TierCuts, TierMode, TierPolicy
from custrel._rfm import RfmSegmentPolicy
from custrel._workdays import _calendar
from custrel.cadence import DEFAULT_CADENCE, Cadence, CadencePolicy
from custrel.errors import CustrelError, InvalidInputError
from custrel.grading import DEFAULT_GRADING, Grade, GradingPolicy
from custrel.lifecycle import DEFAULT_LIFECYCLE, LifecyclePolicy, highest_stage, lifecycle_stage
from custrel.models import Complaint, DealStatus, Need, Purchase, Severity

try:
    import narwhals.stable.v2 as nw
except ImportError:

    class MissingExtraError(CustrelError, ImportError):
        """custrel.frames needs its optional extra."""

    raise MissingExtraError(
        "custrel.frames needs narwhals, which the 'frames' extra installs: "
        "pip install 'custrel[frames]'"
    ) from None

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "agenda_frame",
    "follow_up_frame",
    "grade_frame",
    "rfm_frame",
    "stage_frame",
    "tier_cuts_frame",
    "tier_frame",
    "value_frame",
]

FrameT = TypeVar("FrameT")
"""Any dataframe narwhals knows; each function returns the kind it was given."""

_Expr = Any  # a narwhals expression (its class is private to narwhals)
_CHECK_DAY = c.day()
_SATURDAY = 6  # narwhals numbers weekdays 1 (Monday) to 7 (Sunday)
_MAX_SCALE = 18
_FLOAT_HINT = (
    "floats cannot hold money exactly; cast the column to a decimal type such as "
    "Decimal(18, 2) (polars: pl.col({name!r}).cast(pl.Decimal(18, 2)); pyarrow: "
    "pa.decimal128(18, 2); pandas: pd.ArrowDtype(pa.decimal128(18, 2))), or to integer "
    "minor units with scale=2"
)
_PANDAS_HINT = "use pyarrow dtypes: df.convert_dtypes(dtype_backend='pyarrow')"


# Reading the caller's frame --------------------------------------------------------------


class _Input:
    """The caller's frame, its schema and how to give the result back in its kind."""

    def __init__(self, native: object, name: str) -> None:
        try:
            frame = nw.from_native(native)  # type: ignore[call-overload]
        except TypeError:
            raise InvalidInputError(
                name, native, "a dataframe (pandas, polars, pyarrow, Dask, DuckDB, ...)"
            ) from None
        self.name = name
        self.native = native
        self.eager: Any = frame if isinstance(frame, nw.DataFrame) else None
        self.lazy: Any = frame.lazy() if self.eager is not None else frame
        self.schema = dict(self.lazy.collect_schema())
        self.pandas = frame.implementation is nw.Implementation.PANDAS
        self.dask = frame.implementation is nw.Implementation.DASK

    def give_back(self, result: Any) -> Any:  # noqa: ANN401 - the caller's own frame type
        """The result in the kind of frame the caller gave."""
        if self.eager is not None:
            return result.collect().to_native()
        return result.to_native()

    def _field(self, column: str) -> str:
        return f"{self.name}[{column!r}]"

    def dtype(self, column: str) -> Any:  # noqa: ANN401 - a narwhals dtype
        """The column's dtype, or an error naming the column if it is missing."""
        if column not in self.schema:
            raise InvalidInputError(
                self._field(column),
                sorted(self.schema),
                f"a column {column!r}",
                hint="name the column with the matching keyword argument",
            )
        return self.schema[column]

    def _native_arrow(self, column: str) -> bool:
        return not self.pandas or str(getattr(self.native, "dtypes", {})[column]).endswith(
            "[pyarrow]"
        )

    def first_bad_row(self, column: str, bad: _Expr) -> tuple[int, object]:
        """The first row where ``bad`` holds and its value, on an eager frame that has one."""
        found = (
            self.eager.with_row_index("__row").filter(bad).select("__row", column).head(1).rows()
        )
        return found[0][0], found[0][1]

    def required(self, column: str) -> None:
        """Refuse nulls in a required column (on an eager frame, naming the first row)."""
        if self.eager is None or not self.eager[column].null_count():
            return  # a null count is metadata in Arrow and polars: no pass when none
        row, _ = self.first_bad_row(column, nw.col(column).is_null())
        raise InvalidInputError(f"{self._field(column)}[{row}]", None, "a value")

    def text(self, column: str, *, allowed: Iterable[str] | None = None) -> None:
        """A string column with no null (and only ``allowed`` values, if given)."""
        dtype = self.dtype(column)
        if dtype != nw.String:
            raise InvalidInputError(self._field(column), dtype, "a string column")
        self.required(column)
        if allowed is None or self.eager is None:
            return
        values = sorted(allowed)
        seen = self.eager[column].unique()  # a handful of values: cheaper than a row scan
        if seen.is_in(values).all():
            return
        row, value = self.first_bad_row(column, ~nw.col(column).is_in(values))
        raise InvalidInputError(f"{self._field(column)}[{row}]", value, f"one of {values}")

    def day(self, column: str, *, optional: bool = False) -> None:
        """A date column (nulls allowed when ``optional``)."""
        dtype = self.dtype(column)
        if dtype != nw.Date or not self._native_arrow(column):
            raise InvalidInputError(
                self._field(column), dtype, "a date column", hint=_PANDAS_HINT * self.pandas
            )
        if not optional:
            self.required(column)

    def instant(self, column: str) -> _Expr:
        """An aware timestamp or a date column; the expression of its calendar day."""
        dtype = self.dtype(column)
        if dtype == nw.Date:
            self.day(column)
            return nw.col(column)
        if dtype != nw.Datetime:
            raise InvalidInputError(
                self._field(column), dtype, "a timezone-aware timestamp or a date column"
            )
        if dtype.time_zone is None:
            raise InvalidInputError(
                self._field(column),
                dtype,
                "a timezone-aware timestamp column",
                hint="naive timestamps are ambiguous; give the column its time zone",
            )
        if not self._native_arrow(column):
            raise InvalidInputError(
                self._field(column), dtype, "a pyarrow-backed timestamp", hint=_PANDAS_HINT
            )
        self.required(column)
        return nw.col(column).dt.date()  # the calendar day in the column's time zone

    def money(self, column: str, *, optional: bool = False) -> int:
        """A decimal or integer money column; its decimal scale (0 for integers)."""
        dtype = self.dtype(column)
        if dtype.is_float():
            raise InvalidInputError(
                self._field(column),
                dtype,
                "a decimal or integer column",
                hint=_FLOAT_HINT.format(name=column),
            )
        if not (dtype.is_integer() or dtype.is_decimal()):
            raise InvalidInputError(
                self._field(column),
                dtype,
                "a decimal or integer column",
                hint=_PANDAS_HINT * (self.pandas and dtype == nw.Object),
            )
        if not optional:
            self.required(column)
        return int(dtype.scale) if dtype.is_decimal() else 0

    def flag(self, column: str) -> None:
        """A boolean column with no null."""
        dtype = self.dtype(column)
        if dtype != nw.Boolean:
            raise InvalidInputError(self._field(column), dtype, "a boolean column")
        self.required(column)


def _check_scale(scale: object) -> int:
    c.count(0, _MAX_SCALE)("scale", scale)
    return cast("int", scale)


def _minor(column: str, scale: int, *, dask: bool = False) -> _Expr:
    """Money as integer minor units (exact): a decimal of scale s times 10^s."""
    if scale == 0:
        return nw.col(column).cast(nw.Int64)
    if dask:  # Dask casts to no decimal type: exact below 2**53 minor units
        return (nw.col(column).cast(nw.Float64) * 10**scale).round(0).cast(nw.Int64)
    narrow = nw.col(column).cast(nw.Decimal(18, scale))  # room for the product in 38 digits
    return (narrow * nw.lit(10**scale)).cast(nw.Int64)


# Calendar arithmetic in the engine ---------------------------------------------------------


def _civil(year: _Expr, month: _Expr, day: _Expr) -> _Expr:
    """Days since a fixed epoch of a (year, month, day), in integer arithmetic.

    Howard Hinnant's ``days_from_civil``; every engine has + - * and //, not all have
    date differences.
    """
    early = month <= 2  # noqa: PLR2004 - January and February count with the year before
    y = nw.when(early).then(year - 1).otherwise(year).cast(nw.Int64)
    m = nw.when(early).then(month + 9).otherwise(month - 3).cast(nw.Int64)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * m + 2) // 5 + day.cast(nw.Int64) - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy


def _day_number(expr: _Expr) -> _Expr:
    return _civil(expr.dt.year(), expr.dt.month(), expr.dt.day())


def _number(day: date) -> int:
    """The same day number, for a Python date (ordinals are offset by a constant)."""
    early = day.month <= 2  # noqa: PLR2004 - as in _civil
    y = day.year - early
    m = day.month + 9 if early else day.month - 3
    era, yoe = divmod(y, 400)
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + (153 * m + 2) // 5 + day.day - 1


def _is_leap(year: _Expr) -> _Expr:
    return ((year // 4 * 4) == year) & (
        ((year // 100 * 100) != year) | ((year // 400 * 400) == year)
    )


def _month_days(year: _Expr, month: _Expr) -> _Expr:
    leap = nw.when(_is_leap(year)).then(29).otherwise(28)
    short = month.is_in([4, 6, 9, 11])
    return nw.when(month == 2).then(leap).otherwise(nw.when(short).then(30).otherwise(31))  # noqa: PLR2004


def _plus_period(day: _Expr, period: relativedelta, *, native: bool = False) -> _Expr:
    """``day + period`` as relativedelta adds it: months first (clamped), then days.

    With ``native``, the engine's own calendar offset (polars clamps month ends as
    relativedelta does); elsewhere, integer arithmetic on the day's parts.
    """
    months, days = months_and_days(period)
    if months == 0:
        return day + nw.lit(timedelta(days=days))
    if native:
        return day.dt.offset_by(f"{months}mo") + nw.lit(timedelta(days=days))
    index = day.dt.year().cast(nw.Int64) * 12 + day.dt.month().cast(nw.Int64) - 1 + months
    year = index // 12
    month = index - year * 12 + 1
    dom = day.dt.day().cast(nw.Int64)
    limit = _month_days(year, month)
    target = _civil(year, month, nw.when(dom > limit).then(limit).otherwise(dom))
    offset = target - _day_number(day) + days
    return _by_offset(day, offset, [n + days for n in _month_spans(months)])


@functools.lru_cache(maxsize=32)
def _month_spans(months: int) -> tuple[int, ...]:
    """Every number of days that ``months`` calendar months can span (clamped ends).

    Found once over a whole 400-year Gregorian cycle, so it is exact, and short: one
    year spans 365 or 366 days, one month 28 to 31.
    """
    step = relativedelta(months=months)
    spans = {
        (start + step - start).days
        for year in range(2000, 2400)
        for month in range(1, 13)
        for dom in (1, 28, 29, 30, 31)
        if dom <= calendar.monthrange(year, month)[1]
        for start in (date(year, month, dom),)
    }
    return tuple(sorted(spans))


def _by_offset(day: _Expr, offset: _Expr, candidates: Iterable[int]) -> _Expr:
    """``day + offset`` days, for an offset known to be one of a few ``candidates``."""
    result: _Expr = nw.lit(None, nw.Date)
    for n in reversed(list(candidates)):
        result = nw.when(offset == n).then(day + nw.lit(timedelta(days=n))).otherwise(result)
    return result


def _next_working(day: _Expr, holidays: Iterable[date], workdays: Iterable[date]) -> _Expr:
    """The first working day after ``day`` (rule C4's calendar)."""
    off, on = _calendar(holidays, workdays)
    result: _Expr = nw.lit(None, nw.Date)
    for n in reversed(range(1, len(off) + 4)):  # weekend and every holiday in one run
        candidate = day + nw.lit(timedelta(days=n))
        working = candidate.dt.weekday() < _SATURDAY
        if off:
            working &= ~candidate.is_in(sorted(off))
        if on:
            working |= candidate.is_in(sorted(on))
        result = nw.when(working).then(candidate).otherwise(result)
    return result


def _chain(cases: list[tuple[_Expr, _Expr]], otherwise: _Expr) -> _Expr:
    """``when(c1).then(v1).otherwise(when(c2)...)``: the first case that holds."""
    result = otherwise
    for condition, value in reversed(cases):
        result = nw.when(condition).then(value).otherwise(result)
    return result


# Grading (rules G1, G2) -------------------------------------------------------------------------


def grade_frame(
    opportunities: FrameT,
    /,
    *,
    as_of: date,
    policy: GradingPolicy = DEFAULT_GRADING,
    need: str = "need",
    expected_close: str = "expected_close",
    status: str = "status",
    grade: str = "grade",
    urgency: str = "urgency",
) -> FrameT:
    """Grade every opportunity A-E and say how urgent it is (rules G1, G2).

    The twin of :func:`~custrel.grading.grade` and :func:`~custrel.grading.urgency`
    (of the expected close date), with the same policy: the frame comes back with two
    more columns, the grade letter and the urgency value.

    Args:
        opportunities: One row per opportunity: ``need`` (``"explicit"``,
            ``"potential"`` or ``"none"``), ``expected_close`` (a date, may be null)
            and ``status`` (``"closed"``, ``"negotiating"`` or ``"potential"``).
        as_of: The reference day.
        policy: The horizons; the rule book's by default.
        need: The need column.
        expected_close: The expected close column.
        status: The deal status column.
        grade: The name of the grade column added.
        urgency: The name of the urgency column added.

    Returns:
        The frame with ``grade`` and ``urgency``, in the kind it was given.

    Raises:
        InvalidInputError: If ``as_of`` is not a date, or a column is missing, of the
            wrong dtype, null where required, or holds an unknown value.

    >>> from datetime import date
    >>> import pyarrow as pa
    >>> opps = pa.table({"need": ["explicit", "explicit", "none"],
    ...                  "expected_close": [date(2027, 2, 1), date(2026, 9, 1), None],
    ...                  "status": ["negotiating", "negotiating", "potential"]})
    >>> out = grade_frame(opps, as_of=date(2026, 11, 22))
    >>> out["grade"].to_pylist(), out["urgency"].to_pylist()
    (['B', 'D', 'E'], ['not_urgent', 'urgent', 'potential'])
    >>> grade_frame(opps.drop_columns(["status"]), as_of=date(2026, 11, 22))
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: opportunities['status']: expected a column 'status', got list ['expected_close', 'need']; name the column with the matching keyword argument
    """  # noqa: E501 - a doctest output line
    if not isinstance(policy, GradingPolicy):
        raise InvalidInputError("policy", policy, "a GradingPolicy")
    _CHECK_DAY("as_of", as_of)
    bound = policy.at(as_of)
    frame = _Input(opportunities, "opportunities")
    frame.text(need, allowed=[n.value for n in Need])
    frame.day(expected_close, optional=True)
    frame.text(status, allowed=[s.value for s in DealStatus])
    close = nw.col(expected_close)
    stale = (
        close.is_null()
        | (nw.col(status) == DealStatus.CLOSED.value)
        | (close < nw.lit(bound.stale_before))
    )
    explicit = _chain(  # rule G1
        [
            (stale, nw.lit(Grade.D.value)),
            (close <= nw.lit(bound.a_until), nw.lit(Grade.A.value)),
            (close <= nw.lit(bound.b_until), nw.lit(Grade.B.value)),
            (close <= nw.lit(bound.c_until), nw.lit(Grade.C.value)),
        ],
        nw.lit(Grade.D.value),
    )
    graded = _chain(
        [
            (nw.col(need) == Need.NONE.value, nw.lit(Grade.E.value)),
            (nw.col(need) == Need.POTENTIAL.value, nw.lit(Grade.D.value)),
        ],
        explicit,
    )
    urgent = _chain(  # rule G2
        [
            (close.is_null(), nw.lit("potential")),
            (close <= nw.lit(bound.urgent_until), nw.lit("urgent")),
            (close <= nw.lit(bound.fairly_urgent_until), nw.lit("fairly_urgent")),
            (close <= nw.lit(bound.not_urgent_until), nw.lit("not_urgent")),
        ],
        nw.lit("potential"),
    )
    return frame.give_back(  # type: ignore[no-any-return]
        frame.lazy.with_columns(graded.alias(grade), urgent.alias(urgency))
    )


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


# Tiers (rules T1, T2) --------------------------------------------------------------------------


def _values(values: object, value: str, scale: int) -> tuple[_Input, int, _Expr]:
    """The frame, the scale of its values and their expression in integer minor units."""
    frame = _Input(values, "values")
    found = frame.money(value)
    if found and scale:
        raise InvalidInputError("scale", scale, "0 for a decimal column, whose scale it has")
    return frame, found or scale, _minor(value, found, dask=frame.dask)


def tier_cuts_frame(
    values: object,
    /,
    *,
    policy: TierPolicy = DEFAULT_TIERS,
    value: str = "value",
    scale: int = 0,
) -> TierCuts:
    """The :class:`~custrel.tiering.TierCuts` of a frame of values: the global step.

    The twin of :meth:`~custrel.tiering.TierCuts.from_values`: the same cuts, from the
    value counts of the frame (one row per customer). The engine reduces the column to
    its distinct values and their counts, which come to this process; the cuts then
    go to :func:`tier_frame` (or :meth:`~custrel.tiering.TierCuts.tier_of`) to place
    each partition's customers.

    Args:
        values: One row per customer with a decimal or integer ``value`` column.
        policy: The shares; the rule book's by default.
        value: The value column.
        scale: For an integer column, the number of decimal places it is in (2 for
            cents); the cuts are in whole units.

    Returns:
        The cuts.

    Raises:
        InvalidInputError: If an argument or the column is wrong, the frame is empty,
            or value-share mode meets a negative value.

    >>> import polars as pl
    >>> cuts = tier_cuts_frame(pl.DataFrame({"value": list(range(1, 101))}))
    >>> cuts.vip, cuts.major, cuts.ordinary, cuts.customers
    (Decimal('100'), Decimal('81'), Decimal('51'), 100)
    """
    if not isinstance(policy, TierPolicy):
        raise InvalidInputError("policy", policy, "a TierPolicy")
    scale = _check_scale(scale)
    frame, scale, minor = _values(values, value, scale)
    blocks = (
        frame.lazy.select(minor.alias("v"))
        .group_by("v")
        .agg(nw.len().alias("k"))
        .collect()  # one row per distinct value, small enough to sort here
        .sort("v", descending=True)
    )
    if len(blocks) == 0:
        raise InvalidInputError("values", "empty frame", "at least one customer")
    v, k = blocks["v"], blocks["k"]
    if policy.mode is TierMode.VALUE_SHARE and v.min() < 0:
        raise InvalidInputError(
            f"values[{value!r}]",
            Decimal(v.min()).scaleb(-scale),
            "a value >= 0 in value-share mode",
        )
    places = k.cum_sum()
    n = int(places.item(len(places) - 1))
    if policy.mode is TierMode.HEAD_COUNT:
        found = [_fitting(v, places, math.ceil(share * n)) for share in policy.cumulative]
    else:
        before = (v * k).cum_sum() - v  # the value ranked before each block's last member
        total = int((v * k).sum())
        found = []
        for share in policy.cumulative:
            within = v.filter(before < math.ceil(share * total))
            found.append(int(within.min()) if len(within) else None)
    positive = v.filter(v > 0)
    least_positive = int(positive.min()) if len(positive) else None
    vip, major, ordinary = (
        None
        if f is None or least_positive is None
        else Decimal(max(f, least_positive)).scaleb(-scale)
        for f in found
    )
    return TierCuts(
        vip=vip,
        major=major,
        ordinary=ordinary,
        customers=n,
        policy_fingerprint=policy.fingerprint(),
    )


def _fitting(v: Any, places: Any, seats: int) -> int | None:  # noqa: ANN401 - narwhals series
    """The least value whose whole block lies within the first ``seats`` places."""
    block = int((places < seats).sum())  # the block holding place ``seats``
    if int(places.item(block)) == seats:
        return int(v.item(block))
    return int(v.item(block - 1)) if block else None


def tier_frame(
    values: FrameT,
    /,
    *,
    policy: TierPolicy = DEFAULT_TIERS,
    cuts: TierCuts | None = None,
    value: str = "value",
    tier: str = "tier",
    scale: int = 0,
) -> FrameT:
    """Place every customer of a frame in the pyramid (rules T1, T2).

    The twin of :func:`~custrel.tiering.tier_portfolio`: the cuts of the whole frame
    (:func:`tier_cuts_frame`, or ``cuts`` computed before, say on last month's
    portfolio) are applied row by row, so a lazy or partitioned frame is tiered
    partition by partition. A value of 0 or less is always ``"small"``.

    Args:
        values: One row per customer with a decimal or integer ``value`` column.
        policy: The shares, when ``cuts`` is not given.
        cuts: Cuts to apply instead of computing them from ``values``.
        value: The value column.
        tier: The name of the tier column added (``"vip"``, ``"major"``,
            ``"ordinary"`` or ``"small"``).
        scale: For an integer column, the number of decimal places it is in.

    Returns:
        The frame with the tier column, in the kind it was given.

    Raises:
        InvalidInputError: If an argument or the column is wrong, or value-share mode
            meets a negative value.

    >>> import pyarrow as pa
    >>> out = tier_frame(pa.table({"customer_id": ["a", "b", "c"], "value": [3, 2, 1]}))
    >>> out["tier"].to_pylist()
    ['vip', 'ordinary', 'small']
    """
    scale = _check_scale(scale)
    given = scale
    frame, scale, minor = _values(values, value, scale)
    floors: tuple[Decimal | None, Decimal | None, Decimal | None] = (None, None, None)
    if cuts is None:
        if frame.eager is None or len(frame.eager):  # an empty portfolio has no cuts
            cuts = tier_cuts_frame(values, policy=policy, value=value, scale=given)
    elif not isinstance(cuts, TierCuts):
        raise InvalidInputError("cuts", cuts, "a TierCuts or None")
    if cuts is not None:
        floors = (cuts.vip, cuts.major, cuts.ordinary)
    cases: list[tuple[_Expr, _Expr]] = [(minor <= 0, nw.lit("small"))]
    for name, cut in zip(("vip", "major", "ordinary"), floors, strict=True):
        if cut is not None:
            cases.append((minor >= math.ceil(cut.scaleb(scale)), nw.lit(name)))
    return frame.give_back(frame.lazy.with_columns(_chain(cases, nw.lit("small")).alias(tier)))  # type: ignore[no-any-return]


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
