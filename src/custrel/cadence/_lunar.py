"""Lunar-calendar (农历) anniversaries, on the optional ``lunardate`` package; private.

Install with ``pip install "custrel[lunar]"``. An occasion kept with
``calendar=Calendar.LUNAR`` recurs on the lunar month and day of its original
(Gregorian) date. A lunar day 30 falls on day 29 in a year whose month is short, as
29 February falls on 28 February; an original in a leap month (闰月) recurs in the
regular month of the same number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from custrel.errors import CustrelError, InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date

__all__ = ["lunar_occurrences"]

FIRST_YEAR, LAST_YEAR = 1900, 2099  # the years lunardate's tables cover


def _lunardate() -> Any:  # noqa: ANN401 - lunardate.LunarDate, untyped
    try:
        from lunardate import LunarDate  # noqa: PLC0415 - an optional extra
    except ImportError:
        msg = 'lunar-calendar occasions need the lunar extra: pip install "custrel[lunar]"'
        raise CustrelError(msg) from None
    return LunarDate


def lunar_occurrences(original: date, start: date, end: date) -> Iterator[tuple[date, int]]:
    """The Gregorian days from ``start`` to ``end`` of the lunar anniversaries of ``original``.

    Yields ``(day, lunar years since original)``, in order, never before ``original``.
    """
    lunar = _lunardate()
    if not FIRST_YEAR <= original.year <= LAST_YEAR:
        raise InvalidInputError(
            "Occasion.on", original, f"a date from {FIRST_YEAR} to {LAST_YEAR} for a lunar occasion"
        )
    first = lunar.from_solar_date(original.year, original.month, original.day)
    for year in range(max(first.year, start.year - 1), min(end.year, LAST_YEAR) + 1):
        day = _on(lunar, year, first.month, first.day)
        if start <= day <= end and day >= original:
            yield day, year - first.year


def _on(lunar: Any, year: int, month: int, day: int) -> date:  # noqa: ANN401 - see above
    try:
        solar: date = lunar(year, month, day).to_solar_date()
    except ValueError:  # a short month: day 30 falls on day 29
        solar = lunar(year, month, day - 1).to_solar_date()
    return solar
