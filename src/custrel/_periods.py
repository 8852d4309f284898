"""Calendar periods (``relativedelta``) as policies use them; private.

A policy period is a whole number of years, months, weeks and days, nothing else, so
it can be compared soundly and written as ``{"months": 1}``.
"""

from __future__ import annotations

from dateutil.relativedelta import relativedelta

from custrel._checks import MAX_DAYS
from custrel.errors import PolicyError

_MAX_MONTHS = 1200
"""A policy period spans at most 100 years (and :data:`MAX_DAYS` days)."""

_OTHER_UNITS = (
    "hours",
    "minutes",
    "seconds",
    "microseconds",
    "leapdays",
    "year",
    "month",
    "day",
    "weekday",
    "hour",
    "minute",
    "second",
    "microsecond",
)


_SHORTEST_MONTH = 28  # days from a start to one calendar month later, at the least
_LONGEST_MONTH = 31  # and at the most


def months_and_days(period: relativedelta) -> tuple[int, int]:
    """A calendar period as (whole months, days)."""
    return period.years * 12 + period.months, period.days


def _always_longer(longer: tuple[int, int], shorter: tuple[int, int]) -> bool:
    """Whether (months, days) ``longer`` reaches a later date than ``shorter`` from any start.

    Sound, not complete: it holds when ``longer`` has at least as many months and days
    (and is not equal), or when even its shortest reach (28 days a month) is beyond the
    longest reach of ``shorter`` (31 days a month).
    """
    dominates = longer[0] >= shorter[0] and longer[1] >= shorter[1] and longer != shorter
    shortest = _SHORTEST_MONTH * longer[0] + longer[1]
    longest = _LONGEST_MONTH * shorter[0] + shorter[1]
    return dominates or shortest > longest


def check_periods(field: str, periods: object, count: int) -> tuple[relativedelta, ...]:
    """``count`` calendar periods, each reaching a later date than the one before.

    The order must hold from every start date: periods whose order depends on the
    month (1 month against 30 days) are refused.

    Raises:
        PolicyError: Naming the field, the value and what was expected.
    """
    expected = f"a tuple of {count} calendar periods, each longer than the one before"
    if not isinstance(periods, tuple) or len(periods) != count:
        raise PolicyError(field, periods, expected)
    previous = (0, 0)
    for index, period in enumerate(periods):
        name = f"{field}[{index}]"
        if not isinstance(period, relativedelta) or any(
            getattr(period, unit) for unit in _OTHER_UNITS
        ):
            raise PolicyError(name, period, "a relativedelta of whole years, months, weeks or days")
        current = months_and_days(period)
        if current[0] > _MAX_MONTHS or current[1] > MAX_DAYS:
            raise PolicyError(
                name, period, f"a period of at most {_MAX_MONTHS // 12} years and {MAX_DAYS:,} days"
            )
        if min(current) < 0 or not _always_longer(current, previous):
            raise PolicyError(
                name,
                period,
                f"a period longer than {describe(periods[index - 1]) if index else 'zero'}"
                " from every start date",
            )
        previous = current
    return periods


def check_period(field: str, period: object) -> relativedelta:
    """One calendar period of whole years, months, weeks or days, zero or longer.

    Raises:
        PolicyError: Naming the field, the value and what was expected.
    """
    if (
        not isinstance(period, relativedelta)
        or any(getattr(period, unit) for unit in _OTHER_UNITS)
        or min(months_and_days(period)) < 0
        or months_and_days(period)[0] > _MAX_MONTHS
        or months_and_days(period)[1] > MAX_DAYS
    ):
        raise PolicyError(
            field,
            period,
            "a relativedelta of zero or more whole years, months, weeks or days,"
            f" at most {_MAX_MONTHS // 12} years and {MAX_DAYS:,} days",
        )
    return period


def describe(period: relativedelta, lang: str = "en") -> str:
    """``relativedelta(months=1)`` as "1 month" (English) or "1个月" (Chinese)."""
    parts = [
        (period.years, "year", "年"),
        (period.months, "month", "个月"),
        (period.days, "day", "天"),
    ]
    if lang == "zh":
        return "".join(f"{n}{zh}" for n, _, zh in parts if n) or "0天"
    words = [f"{n} {en}{'' if n == 1 else 's'}" for n, en, _ in parts if n]
    return " ".join(words) or "0 days"
