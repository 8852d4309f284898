"""Calendar arithmetic on day-number columns: civil dates, months, working days."""

from __future__ import annotations

import calendar
import functools
from datetime import date, timedelta
from typing import TYPE_CHECKING

import narwhals.stable.v2 as nw
from dateutil.relativedelta import relativedelta

from custrel._periods import months_and_days
from custrel.cadence._workdays import _calendar
from custrel.frames._input import _SATURDAY, _Expr

if TYPE_CHECKING:
    from collections.abc import Iterable

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
