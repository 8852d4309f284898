"""Working days and the two-working-day deadlines of rule C4.

Every function takes the working days as a :class:`~custrel.cadence.WorkCalendar`
(``calendar=``) or, as before, as loose ``holidays`` and ``workdays`` lists over a
Saturday-Sunday weekend in every year. Public through :mod:`custrel.cadence`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from custrel import _checks as c
from custrel.cadence._daycount import Days
from custrel.cadence._workcalendar import WorkCalendar
from custrel.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "RECORD_WORKING_DAYS",
    "add_working_days",
    "is_working_day",
    "minutes_deadline",
    "record_deadline",
]

RECORD_WORKING_DAYS = 2
"""Working days to enter a record or write meeting minutes (rule C4)."""

_SATURDAY = 5
_WEEKEND = frozenset({5, 6})
_CHECK_DAY = c.day()
_NO_DAYS: tuple[date, ...] = ()
_LOOSE = "the holidays= and workdays= lists"
_PLAIN = Days(
    name=_LOOSE, weekend=_WEEKEND, off=frozenset(), on=frozenset(), covers=None, refuse=False
)


def _days(name: str, days: Iterable[date]) -> frozenset[date]:
    c.iterable(name, days, "dates")
    found = frozenset(days)
    if not all(day.__class__ is date for day in found):  # else name the first bad one
        for day in sorted(found, key=repr):
            _CHECK_DAY(f"{name}[{day!r}]", day)
    return found


def _calendar(
    holidays: Iterable[date], workdays: Iterable[date]
) -> tuple[frozenset[date], frozenset[date]]:
    """The loose lists, checked: (days off, working days)."""
    off = _days("holidays", holidays)
    on = _days("workdays", workdays)
    both = off & on
    if both:
        raise InvalidInputError("workdays", min(both), "a day that is not also in holidays")
    return off, on


def _working(day: date, off: frozenset[date], on: frozenset[date]) -> bool:
    """Whether ``day`` works under the loose lists (kept for callers of the lists)."""
    return day in on or (day.weekday() < _SATURDAY and day not in off)


def _rules(
    calendar: WorkCalendar | None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> Days:
    """The compiled working days of ``calendar`` or of the loose lists (rule C4).

    Refuses a calendar together with non-empty lists: which would win is not obvious.
    """
    if calendar is None:
        if holidays is _NO_DAYS and workdays is _NO_DAYS:
            return _PLAIN
        off, on = _calendar(holidays, workdays)
        return Days(name=_LOOSE, weekend=_WEEKEND, off=off, on=on, covers=None, refuse=False)
    if not isinstance(calendar, WorkCalendar):
        raise InvalidInputError("calendar", calendar, "a WorkCalendar or None")
    for name, days in (("holidays", holidays), ("workdays", workdays)):
        if days is not _NO_DAYS and _days(name, days):
            raise InvalidInputError(
                name,
                days,
                "no loose list beside calendar=",
                hint=(
                    "add the days to the calendar with calendar.with_days_off(...) or "
                    "calendar.with_working_days(...)"
                ),
            )
    return calendar._days  # noqa: SLF001 - the calendar's compiled form


def _check_n(n: object) -> None:
    if not isinstance(n, int) or isinstance(n, bool):
        raise InvalidInputError("n", n, "an int")


def is_working_day(
    day: date,
    /,
    *,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> bool:
    """Whether ``day`` is a working day (rule C4).

    Under ``calendar``: a listed working day (调休), or a day off neither the weekend
    nor listed as a holiday. Without one, Monday to Friday are working days unless
    listed in ``holidays``, and a Saturday or Sunday listed in ``workdays`` is one too.

    Args:
        day: The day.
        calendar: The working calendar; for a day outside the years it covers, see
            :class:`WorkCalendar`.
        holidays: Without a calendar: public holidays that fall on weekdays.
        workdays: Without a calendar: make-up working days that fall on weekends.

    Returns:
        Whether it is a working day.

    Raises:
        InvalidInputError: If a day is not a ``date``, appears in both lists, or lists
            are given beside a calendar.
        OutsideCalendarError: If ``day`` is outside the years the calendar covers.

    >>> from datetime import date
    >>> is_working_day(date(2026, 10, 1), holidays=[date(2026, 10, 1)])   # National Day
    False
    >>> is_working_day(date(2026, 9, 20), workdays=[date(2026, 9, 20)])   # a make-up Sunday
    True
    >>> from custrel.cadence import WorkCalendar
    >>> is_working_day(date(2026, 9, 20), calendar=WorkCalendar.china())
    True
    """
    _CHECK_DAY("day", day)
    return _rules(calendar, holidays, workdays).is_working_day(day)


def add_working_days(
    start: date,
    n: int,
    /,
    *,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> date:
    """The ``n``-th working day after ``start`` (rule C4).

    ``start`` itself is not counted, so the result is the day on which exactly ``n``
    working days after ``start`` have passed: Friday + 1 is Monday. ``n = 0`` returns
    ``start`` as it is, working day or not; a negative ``n`` counts back, to the
    ``|n|``-th working day before ``start``. A long count jumps whole weeks instead of
    walking day by day.

    Args:
        start: The day to count from.
        n: How many working days.
        calendar: The working calendar. Every day the count passes over must be in the
            years it covers, unless it was built with ``beyond=Beyond.WEEKENDS`` or
            ``Beyond.PROVISIONAL`` (then see :meth:`WorkCalendar.is_provisional`).
        holidays: Without a calendar: public holidays that fall on weekdays.
        workdays: Without a calendar: make-up working days that fall on weekends (调休).

    Returns:
        The day reached.

    Raises:
        InvalidInputError: If an argument has the wrong type, a day is in both lists,
            lists are given beside a calendar, or the count leaves the years 1-9999.
        OutsideCalendarError: If the count passes over a day outside the years the
            calendar covers.

    >>> from datetime import date
    >>> add_working_days(date(2026, 11, 20), 1)      # Friday -> Monday
    datetime.date(2026, 11, 23)
    >>> add_working_days(date(2026, 9, 30), 2, holidays=[date(2026, 10, d) for d in range(1, 8)])
    datetime.date(2026, 10, 9)
    >>> from custrel.cadence import WorkCalendar
    >>> add_working_days(date(2026, 2, 12), 2, calendar=WorkCalendar.china())   # 调休 Saturday
    datetime.date(2026, 2, 14)
    """
    _CHECK_DAY("start", start)
    _check_n(n)
    return _rules(calendar, holidays, workdays).add(start, n)


def record_deadline(
    collected_on: date,
    /,
    *,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> date:
    """The last day to enter a collected customer record in the CRM (rule C4).

    Two working days after the day it was collected.

    Args:
        collected_on: The day the record was collected.
        calendar: The working calendar.
        holidays: Without a calendar: public holidays that fall on weekdays.
        workdays: Without a calendar: make-up working days that fall on weekends.

    Returns:
        The deadline (inclusive).

    Raises:
        InvalidInputError: As :func:`add_working_days`.
        OutsideCalendarError: As :func:`add_working_days`.

    >>> from datetime import date
    >>> record_deadline(date(2026, 11, 19))          # Thursday -> Monday
    datetime.date(2026, 11, 23)
    """
    return add_working_days(
        collected_on, RECORD_WORKING_DAYS, calendar=calendar, holidays=holidays, workdays=workdays
    )


def minutes_deadline(
    met_on: date,
    /,
    *,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> date:
    """The last day to write the minutes (会谈纪要) of a face-to-face meeting (rule C4).

    Two working days after the meeting.

    Args:
        met_on: The day of the meeting.
        calendar: The working calendar.
        holidays: Without a calendar: public holidays that fall on weekdays.
        workdays: Without a calendar: make-up working days that fall on weekends.

    Returns:
        The deadline (inclusive).

    Raises:
        InvalidInputError: As :func:`add_working_days`.
        OutsideCalendarError: As :func:`add_working_days`.

    >>> from datetime import date
    >>> minutes_deadline(date(2026, 11, 20))         # Friday -> Tuesday
    datetime.date(2026, 11, 24)
    """
    return add_working_days(
        met_on, RECORD_WORKING_DAYS, calendar=calendar, holidays=holidays, workdays=workdays
    )
