"""A working calendar named in words, for the command line and policy files (rule C4); private.

``china``, ``weekends``, ``none`` or a country code such as ``DE``: the names a person
types after ``--calendar`` or writes as ``calendar = "china"`` in a policy file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from custrel import _checks as c
from custrel.cadence._sources import import_extra
from custrel.cadence._workcalendar import Beyond, WorkCalendar
from custrel.errors import InvalidInputError

if TYPE_CHECKING:
    from datetime import date

__all__ = ["CALENDAR_NAMES", "calendar_named", "checked_calendar_name", "default_years"]

CALENDAR_NAMES = "china, weekends, none or a country code such as DE (python-holidays)"
_CHINA = frozenset({"china", "cn"})
_COUNTRY_CODE = 2
_FIRST_YEAR = 2000  # the first year a country's calendar covers by default
_YEARS_AHEAD = 2  # and the years after today's


def default_years(today: date, /) -> range:
    """The years a country's calendar covers by default: 2000 to two years after today.

    For the caller of :func:`calendar_named` that reads the clock (the command line):
    python-holidays computes any year by its rules, but a year that far ahead may still
    change (a new holiday, a moved one), so later years are provisional.

    Args:
        today: Today's date.

    Returns:
        ``range(2000, today.year + 3)``.

    Raises:
        InvalidInputError: If ``today`` is not a date.

    >>> from datetime import date
    >>> from custrel.cadence._named import default_years
    >>> default_years(date(2026, 12, 3))
    range(2000, 2029)
    """
    c.day()("today", today)
    return range(_FIRST_YEAR, today.year + _YEARS_AHEAD + 1)


def checked_calendar_name(text: str, /) -> str | None:
    """The calendar name ``text``, normalised, without building the calendar.

    ``"china"`` (or ``"CN"``), ``"weekends"`` and ``"none"`` in any case, a country
    code in capitals; ``None`` for ``"none"``. Checks that the package the calendar
    needs is installed.

    Args:
        text: The name.

    Returns:
        ``"china"``, ``"weekends"``, a country code such as ``"DE"``, or ``None``.

    Raises:
        InvalidInputError: If ``text`` names no calendar.
        CustrelError: If the calendar's optional package is not installed.

    >>> from custrel.cadence._named import checked_calendar_name
    >>> checked_calendar_name(" de "), checked_calendar_name("None")
    ('DE', None)
    """
    word = _word(text)
    if word == "none":
        return None
    if word == "weekends":
        return word
    if word in _CHINA:
        import_extra("chinese_calendar", "cn")
        import_extra("lunardate", "cn")
        return "china"
    if word is not None and len(word) == _COUNTRY_CODE and word.isascii() and word.isalpha():
        code = word.upper()
        if code in import_extra("holidays", "holidays").list_supported_countries():
            return code
    raise InvalidInputError("calendar", text, CALENDAR_NAMES)


def _word(text: object) -> str | None:
    """``text`` stripped and in lower case, or None if it is not a string."""
    return text.strip().lower() if isinstance(text, str) else None


def calendar_named(text: str, /, *, years: range) -> WorkCalendar | None:
    """The working calendar named ``text`` (rule C4).

    - ``"china"`` (or ``"CN"``): :meth:`WorkCalendar.china`, its years from
      chinesecalendar and, past them, provisional years by the statutory rule;
    - ``"weekends"``: the plain Saturday-Sunday week of every year, no holiday;
    - ``"none"``: ``None``, no calendar;
    - a two-letter country code such as ``"DE"``, ``"US"`` or ``"HK"``: python-holidays'
      calendar of that country for ``years`` (within the years python-holidays has for
      it), and past them the weekend, provisional (``beyond=Beyond.PROVISIONAL``).

    Case and surrounding spaces do not matter. ``years`` is the caller's choice, since
    a rule never reads the clock: the command line passes
    ``default_years(date.today())``, 2000 to two years after today. China ignores it
    (chinesecalendar's years are the published schedules).

    Args:
        text: The name.
        years: The years a country's calendar covers, such as ``range(2000, 2029)``.

    Returns:
        The calendar, or ``None`` for ``"none"``.

    Raises:
        InvalidInputError: If ``text`` names no calendar, or the country has no data in
            ``years``.
        CustrelError: If the calendar's optional package is not installed.

    >>> from datetime import date
    >>> from custrel.cadence import add_working_days
    >>> from custrel.cadence._named import calendar_named
    >>> germany = calendar_named("DE", years=range(2020, 2029))
    >>> add_working_days(date(2026, 12, 24), 1, calendar=germany)   # Christmas, a Friday
    datetime.date(2026, 12, 28)
    >>> germany.is_provisional(date(2029, 1, 1)), calendar_named("none", years=range(2026, 2027))
    (True, None)
    >>> calendar_named("mars", years=range(2026, 2027))
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: calendar: expected china, weekends, none or a country code such as DE (python-holidays), got str 'mars'
    """  # noqa: E501 - a doctest output line
    name = checked_calendar_name(text)
    if name is None:
        return None
    if name == "china":
        return WorkCalendar.china()
    if name == "weekends":
        return WorkCalendar(name="weekends")
    _check_years(years)
    source = import_extra("holidays", "holidays")
    known = source.country_holidays(name)  # no year: its span, without computing a year
    span = range(max(years.start, known.start_year), min(years.stop, known.end_year + 1))
    if not span:
        raise InvalidInputError(
            "years",
            years,
            f"years python-holidays has {name} for ({known.start_year}-{known.end_year})",
        )
    return WorkCalendar.from_holidays(
        source.country_holidays(name, years=span), beyond=Beyond.PROVISIONAL
    )


def _check_years(years: object) -> None:
    if not isinstance(years, range) or years.step != 1:
        raise InvalidInputError("years", years, "a range of years, such as range(2000, 2029)")
