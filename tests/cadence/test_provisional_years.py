"""Provisional years (rule C4): China's statutory holidays by rule past the published schedules."""

import sys
from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lunardate import LunarDate

from custrel.cadence import Beyond, WorkCalendar, add_working_days, is_working_day
from custrel.cadence._china import FIRST_RULE_YEAR, LAST_RULE_YEAR, statutory_days
from custrel.cadence._daycount import Days
from custrel.errors import CustrelError, InvalidInputError, OutsideCalendarError

CHINA = WorkCalendar.china()
STRICT = WorkCalendar.china(beyond=Beyond.REFUSE)
PUBLISHED = frozenset(range(2004, 2027))  # chinesecalendar 1.11's schedules


def _statutory(year: int) -> frozenset[date]:
    return statutory_days(year, lunar=LunarDate, terms=chinese_calendar.get_solar_terms)


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_statutory_day_by_rule_is_a_holiday_in_the_published_schedule(year: int) -> None:
    """The rule reproduces the State Council's statutory days of the years it published."""
    assert {d for d in _statutory(year) if not chinese_calendar.is_holiday(d)} == set()
    assert len(_statutory(year)) == 13  # 2025: 中秋 is 6 October, apart from National Day


@given(st.dates(date(2025, 1, 1), date(2026, 12, 31)))
def test_a_published_weekday_off_of_a_statutory_festival_is_found_by_rule(day: date) -> None:
    """Every statutory day of 2025-2026 is a holiday in chinesecalendar's data."""
    if day in _statutory(day.year):
        assert chinese_calendar.is_holiday(day)


@pytest.mark.parametrize(
    ("festival", "days"),
    [
        ("元旦", [date(2027, 1, 1)]),
        ("除夕 and 正月初一 to 初三", [date(2027, 2, d) for d in (5, 6, 7, 8)]),
        ("清明", [date(2027, 4, 5)]),
        ("劳动节", [date(2027, 5, 1), date(2027, 5, 2)]),
        ("端午", [date(2027, 6, 9)]),
        ("中秋", [date(2027, 9, 15)]),
        ("国庆节", [date(2027, 10, d) for d in (1, 2, 3)]),
    ],
)
def test_2027_statutory_days_are_days_off_and_provisional(festival: str, days: list[date]) -> None:
    for day in days:
        assert not is_working_day(day, calendar=CHINA), festival
        assert CHINA.is_provisional(day)


def test_2027_lunar_new_year_is_6_february() -> None:
    assert LunarDate(2027, 1, 1).to_solar_date() == date(2027, 2, 6)


def test_mid_autumn_on_national_day_makes_twelve_days() -> None:
    """2028: 中秋 falls on 3 October, a statutory day already."""
    assert len(_statutory(2028)) == 12


@pytest.mark.parametrize(
    ("start", "n", "reached"),
    [
        (date(2026, 12, 30), 1, date(2026, 12, 31)),  # the last published day
        (date(2026, 12, 31), 1, date(2027, 1, 4)),  # 元旦 on a Friday, then the weekend
        (date(2027, 1, 4), -1, date(2026, 12, 31)),
        (date(2027, 2, 4), 1, date(2027, 2, 9)),  # 除夕 5 Feb, 初一-初三 6-8 Feb
        (date(2027, 9, 30), 1, date(2027, 10, 4)),  # National Day, no make-up day
        (date(2028, 2, 28), 1, date(2028, 2, 29)),  # a leap day is a plain Tuesday
        (date(2028, 2, 29), 1, date(2028, 3, 1)),
    ],
)
def test_counting_into_a_provisional_year(start: date, n: int, reached: date) -> None:
    assert add_working_days(start, n, calendar=CHINA) == reached


def test_the_last_published_day_is_not_provisional_and_the_next_is() -> None:
    assert not CHINA.is_provisional(date(2026, 12, 31))
    assert CHINA.is_provisional(date(2027, 1, 1))
    assert CHINA.is_provisional(date(2003, 12, 31))


def test_a_strict_china_still_refuses_2027() -> None:
    with pytest.raises(OutsideCalendarError):
        add_working_days(date(2026, 12, 31), 1, calendar=STRICT)
    assert not STRICT.is_provisional(date(2027, 1, 1))


def test_provisional_is_chinas_default_and_lists_no_make_up_day_past_the_data() -> None:
    assert CHINA.beyond is Beyond.PROVISIONAL
    assert max(CHINA.workdays).year == 2026
    assert max(CHINA.holidays).year == LAST_RULE_YEAR
    assert min(d for d in CHINA.holidays if d.year > 2026).year == 2027


def test_years_before_the_rule_count_the_weekend_only() -> None:
    """2003 is before the data and before the 2024 rule: only the weekend is off."""
    assert is_working_day(date(2003, 10, 1), calendar=CHINA)
    assert is_working_day(date(2100, 10, 1), calendar=CHINA)  # past lunardate's tables


def test_years_asked_for_leave_the_published_years_after_them_to_the_rule() -> None:
    """china(years=[2025]): 2026 is counted by rule, so 2026's make-up days are unknown."""
    only = WorkCalendar.china(years=[2025])
    assert is_working_day(date(2026, 1, 4), calendar=CHINA)  # a published make-up Sunday
    assert not is_working_day(date(2026, 1, 4), calendar=only)
    assert only.is_provisional(date(2026, 1, 4))
    assert not is_working_day(date(2026, 2, 16), calendar=only)  # 除夕 2026


def test_weekends_beyond_is_not_flagged_provisional() -> None:
    guessed = WorkCalendar.china(beyond=Beyond.WEEKENDS)
    assert is_working_day(date(2027, 10, 1), calendar=guessed)
    assert not guessed.is_provisional(date(2027, 10, 1))


def test_provisional_needs_lunardate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lunardate", None)
    with pytest.raises(CustrelError, match=r"custrel\[cn\]"):
        WorkCalendar.china()
    assert WorkCalendar.china(beyond=Beyond.REFUSE).covers == PUBLISHED


def test_is_provisional_refuses_a_datetime_or_text() -> None:
    with pytest.raises(InvalidInputError):
        CHINA.is_provisional("2027-01-01")  # type: ignore[arg-type]


years = st.frozensets(st.integers(2020, 2030), max_size=5)
beyonds = st.sampled_from(Beyond)


@given(years, beyonds, st.dates(date(2015, 1, 1), date(2035, 12, 31)))
def test_is_provisional_is_exactly_a_year_not_covered_under_provisional(
    covers: frozenset[int], beyond: Beyond, day: date
) -> None:
    calendar = WorkCalendar(name="ACME", covers=covers, beyond=beyond)
    expected = beyond is Beyond.PROVISIONAL and day.year not in covers
    assert calendar.is_provisional(day) == expected


@given(st.sampled_from(Beyond), st.dates(date(2015, 1, 1), date(2035, 12, 31)))
def test_a_calendar_of_every_year_is_never_provisional(beyond: Beyond, day: date) -> None:
    assert not WorkCalendar(name="week", beyond=beyond).is_provisional(day)


@given(
    years,
    st.dates(date(2015, 1, 1), date(2035, 12, 31)),
    st.integers(-80, 80),
    st.booleans(),
)
def test_a_flagged_count_looked_outside_the_years_and_counts_as_weekends(
    covers: frozenset[int], start: date, n: int, refuse: bool
) -> None:
    """add_flagged never refuses, counts as the weekend rule, and flags a look past covers."""
    flagged = Days(
        name="x",
        weekend={5, 6},
        off=frozenset(),
        on=frozenset(),
        covers=covers,
        refuse=refuse,
        provisional=not refuse,
    )
    day, provisional = flagged.add_flagged(start, n)
    assert day == add_working_days(start, n)
    span = range(min(start, day).toordinal(), max(start, day).toordinal() + 1)
    looked = {date.fromordinal(o) for o in span} - {start}
    assert provisional == any(d.year not in covers for d in looked)


def test_a_flagged_count_of_nothing_is_not_provisional() -> None:
    assert CHINA._days.add_flagged(date(2030, 1, 1), 0) == (date(2030, 1, 1), False)


@pytest.mark.parametrize("year", [FIRST_RULE_YEAR, LAST_RULE_YEAR])
def test_the_rule_years_have_every_festival(year: int) -> None:
    days = _statutory(year)
    assert {date(year, 1, 1), date(year, 5, 2), date(year, 10, 3)} <= days
    assert all(d.year == year for d in days)
    assert len(days) >= 12
    assert timedelta(0) < max(days) - min(days)
