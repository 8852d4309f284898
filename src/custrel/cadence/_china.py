"""China's days off by rule, for a year past the published schedules (rule C4); private.

The State Council publishes each year's schedule (放假安排) in the autumn before, with
its make-up working days (调休); until then a year's days off are known only by the
statutory rule, 全国年节及纪念日放假办法 as revised in 2024 and in force from 2025:

- New Year's Day (元旦): 1 January;
- Spring Festival (春节): lunar New Year's Eve (除夕) and lunar 1 to 3 January (正月初一至初三);
- Qingming (清明节): the day of the solar term 清明;
- Labour Day (劳动节): 1 and 2 May;
- Dragon Boat Festival (端午节): lunar 5 May (五月初五);
- Mid-Autumn Festival (中秋节): lunar 15 August (八月十五);
- National Day (国庆节): 1 to 3 October.

No make-up working day is known in advance, so none is counted. Lunar days come from
the ``lunardate`` package and 清明 from chinesecalendar's solar terms, both installed
with the ``cn`` extra; both know the years to 2099.

Also here: the check that refuses python-holidays' estimates of such years.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from custrel.errors import InvalidInputError

__all__ = ["FIRST_RULE_YEAR", "LAST_RULE_YEAR", "statutory_days"]

FIRST_RULE_YEAR = 2025  # the 2024 revision is in force from 1 January 2025
LAST_RULE_YEAR = 2099  # the last year lunardate (and chinesecalendar's solar terms) know
_DAY = timedelta(days=1)
_QINGMING = "清明"


def statutory_days(year: int, /, *, lunar: Any, terms: Any) -> frozenset[date]:  # noqa: ANN401
    """The statutory days off of ``year``, ``FIRST_RULE_YEAR <= year <= LAST_RULE_YEAR``.

    Args:
        year: The year.
        lunar: ``lunardate.LunarDate``.
        terms: ``chinese_calendar.get_solar_terms``.

    Returns:
        Thirteen days, or fewer when two festivals share a day (中秋 on 3 October 2028).
    """
    new_year: date = lunar(year, 1, 1).to_solar_date()
    qingming = next(
        day for day, name in terms(date(year, 4, 1), date(year, 4, 30)) if name == _QINGMING
    )
    return frozenset(
        {
            date(year, 1, 1),  # 元旦
            new_year - _DAY,  # 除夕
            new_year,  # 正月初一
            new_year + _DAY,  # 初二
            new_year + 2 * _DAY,  # 初三
            qingming,  # 清明节
            date(year, 5, 1),  # 劳动节
            date(year, 5, 2),
            lunar(year, 5, 5).to_solar_date(),  # 端午节
            lunar(year, 8, 15).to_solar_date(),  # 中秋节
            date(year, 10, 1),  # 国庆节
            date(year, 10, 2),
            date(year, 10, 3),
        }
    )


def _refuse_estimated_china(holidays: Any, years: set[int]) -> None:  # noqa: ANN401
    """Refuse Chinese years without a make-up working day: python-holidays' estimates."""
    estimated = []
    for year in sorted(years):
        day, end = date(year, 1, 1), date(year, 12, 31)
        while day <= end and not (holidays.is_weekend(day) and holidays.is_working_day(day)):
            day += _DAY
        if day > end:
            estimated.append(year)
    if estimated:
        raise InvalidInputError(
            "holidays.years",
            estimated,
            "years python-holidays has the State Council's schedule for",
            hint=(
                "these Chinese years have no make-up working day (调休): python-holidays "
                "estimates a year it has no schedule for, and a sum of holiday objects "
                "drops the make-up days; build China's holidays alone for the other years "
                "and add a year with WorkCalendar.with_year() once its schedule is published"
            ),
        )
