"""Working days and the two-working-day deadlines of rule C4.

Public through :mod:`custrel.cadence`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from custrel import _checks as c
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

_DAY = timedelta(days=1)
_SATURDAY = 5
_CHECK_DAY = c.day()


def _days(name: str, days: Iterable[date]) -> frozenset[date]:
    c.iterable(name, days, "dates")
    found = frozenset(days)
    for day in sorted(found, key=repr):
        _CHECK_DAY(f"{name}[{day!r}]", day)
    return found


def _calendar(
    holidays: Iterable[date], workdays: Iterable[date]
) -> tuple[frozenset[date], frozenset[date]]:
    off = _days("holidays", holidays)
    on = _days("workdays", workdays)
    both = off & on
    if both:
        raise InvalidInputError("workdays", min(both), "a day that is not also in holidays")
    return off, on


def _working(day: date, off: frozenset[date], on: frozenset[date]) -> bool:
    return day in on or (day.weekday() < _SATURDAY and day not in off)


def is_working_day(
    day: date, /, *, holidays: Iterable[date] = (), workdays: Iterable[date] = ()
) -> bool:
    """Whether ``day`` is a working day (rule C4).

    Monday to Friday are working days unless listed in ``holidays``; a Saturday or
    Sunday listed in ``workdays`` (a make-up working day, 调休) is one too.

    Args:
        day: The day.
        holidays: Public holidays that fall on weekdays.
        workdays: Make-up working days that fall on weekends.

    Returns:
        Whether it is a working day.

    Raises:
        InvalidInputError: If a day is not a ``date`` or appears in both lists.

    >>> from datetime import date
    >>> is_working_day(date(2026, 10, 1), holidays=[date(2026, 10, 1)])   # National Day
    False
    >>> is_working_day(date(2026, 9, 20), workdays=[date(2026, 9, 20)])   # a make-up Sunday
    True
    """
    _CHECK_DAY("day", day)
    off, on = _calendar(holidays, workdays)
    return _working(day, off, on)


def add_working_days(
    start: date, n: int, /, *, holidays: Iterable[date] = (), workdays: Iterable[date] = ()
) -> date:
    """The ``n``-th working day after ``start`` (rule C4).

    ``start`` itself is not counted, so the result is the day on which exactly ``n``
    working days after ``start`` have passed: Friday + 1 is Monday. ``n = 0`` returns
    ``start`` as it is, working day or not; a negative ``n`` counts back, to the
    ``|n|``-th working day before ``start``.

    Args:
        start: The day to count from.
        n: How many working days.
        holidays: Public holidays that fall on weekdays.
        workdays: Make-up working days that fall on weekends (调休).

    Returns:
        The day reached.

    Raises:
        InvalidInputError: If an argument has the wrong type, or a day is in both
            lists.

    >>> from datetime import date
    >>> add_working_days(date(2026, 11, 20), 1)      # Friday -> Monday
    datetime.date(2026, 11, 23)
    >>> add_working_days(date(2026, 9, 30), 2, holidays=[date(2026, 10, d) for d in range(1, 8)])
    datetime.date(2026, 10, 9)
    """
    _CHECK_DAY("start", start)
    given: object = n
    if not isinstance(given, int) or isinstance(given, bool):
        raise InvalidInputError("n", n, "an int")
    off, on = _calendar(holidays, workdays)
    step = _DAY if n > 0 else -_DAY
    day = start
    for _ in range(abs(n)):
        day += step
        while not _working(day, off, on):
            day += step
    return day


def record_deadline(
    collected_on: date, /, *, holidays: Iterable[date] = (), workdays: Iterable[date] = ()
) -> date:
    """The last day to enter a collected customer record in the CRM (rule C4).

    Two working days after the day it was collected.

    Args:
        collected_on: The day the record was collected.
        holidays: Public holidays that fall on weekdays.
        workdays: Make-up working days that fall on weekends.

    Returns:
        The deadline (inclusive).

    Raises:
        InvalidInputError: As :func:`add_working_days`.

    >>> from datetime import date
    >>> record_deadline(date(2026, 11, 19))          # Thursday -> Monday
    datetime.date(2026, 11, 23)
    """
    return add_working_days(collected_on, RECORD_WORKING_DAYS, holidays=holidays, workdays=workdays)


def minutes_deadline(
    met_on: date, /, *, holidays: Iterable[date] = (), workdays: Iterable[date] = ()
) -> date:
    """The last day to write the minutes (会谈纪要) of a face-to-face meeting (rule C4).

    Two working days after the meeting.

    Args:
        met_on: The day of the meeting.
        holidays: Public holidays that fall on weekdays.
        workdays: Make-up working days that fall on weekends.

    Returns:
        The deadline (inclusive).

    Raises:
        InvalidInputError: As :func:`add_working_days`.

    >>> from datetime import date
    >>> minutes_deadline(date(2026, 11, 20))         # Friday -> Tuesday
    datetime.date(2026, 11, 24)
    """
    return add_working_days(met_on, RECORD_WORKING_DAYS, holidays=holidays, workdays=workdays)
