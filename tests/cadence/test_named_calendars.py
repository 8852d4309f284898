"""Rule C4: a working calendar named in words (china, weekends, none, a country code)."""

import sys
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel.cadence import Beyond, WorkCalendar, add_working_days, is_working_day
from custrel.cadence._named import (
    CALENDAR_NAMES,
    calendar_named,
    checked_calendar_name,
    default_years,
)
from custrel.errors import CustrelError, InvalidInputError

YEARS = range(2020, 2029)


@pytest.mark.parametrize("text", ["china", "China", " CHINA ", "cn", "CN"])
def test_c4_china_is_chinesecalendar_provisional_past_its_data(text: str) -> None:
    calendar = calendar_named(text, years=YEARS)
    assert calendar == WorkCalendar.china()
    assert calendar is not None
    assert calendar.beyond is Beyond.PROVISIONAL


@pytest.mark.parametrize("text", ["weekends", "Weekends"])
def test_c4_weekends_is_the_plain_week(text: str) -> None:
    assert calendar_named(text, years=YEARS) == WorkCalendar(name="weekends")


@pytest.mark.parametrize("text", ["none", "NONE", " None"])
def test_c4_none_is_no_calendar(text: str) -> None:
    assert calendar_named(text, years=YEARS) is None
    assert checked_calendar_name(text) is None


@pytest.mark.parametrize(
    ("code", "holiday"),
    [
        ("DE", date(2025, 10, 3)),  # Tag der Deutschen Einheit, a Friday
        ("us", date(2026, 7, 3)),  # Independence Day observed on Friday
        ("HK", date(2026, 7, 1)),  # HKSAR Establishment Day
    ],
)
def test_c4_a_country_code_is_python_holidays_provisional_past_the_years(
    code: str, holiday: date
) -> None:
    calendar = calendar_named(code, years=YEARS)
    assert calendar is not None
    assert calendar.covers == frozenset(YEARS)
    assert calendar.beyond is Beyond.PROVISIONAL
    assert not is_working_day(holiday, calendar=calendar)
    assert calendar.is_provisional(date(2029, 1, 1))
    assert not calendar.is_provisional(date(2028, 12, 31))
    assert code.upper() in calendar.name


def test_c4_a_countrys_years_are_cut_to_python_holidays_data() -> None:
    """Germany's data start in 1991: earlier years are not covered, so provisional."""
    calendar = calendar_named("DE", years=range(1980, 1995))
    assert calendar is not None
    assert calendar.covers == frozenset(range(1991, 1995))


def test_c4_a_country_without_data_in_the_years_is_refused() -> None:
    with pytest.raises(InvalidInputError) as info:
        calendar_named("DE", years=range(1980, 1985))
    assert info.value.field == "years"
    assert "1991" in str(info.value)


@pytest.mark.parametrize("years", [[2026], range(2020, 2029, 2)])
def test_c4_years_must_be_a_plain_range(years: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        calendar_named("DE", years=years)  # type: ignore[arg-type]
    assert info.value.field == "years"


@pytest.mark.parametrize("text", ["mars", "XX", "DEU", "", "d3", "ÄÖ", 12])
def test_c4_an_unknown_name_is_refused_with_the_choices(text: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        calendar_named(text, years=YEARS)  # type: ignore[arg-type]
    assert info.value.field == "calendar"
    assert CALENDAR_NAMES in str(info.value)


@pytest.mark.parametrize(
    ("text", "module", "extra"),
    [
        ("china", "chinese_calendar", "cn"),
        ("china", "lunardate", "cn"),
        ("DE", "holidays", "holidays"),
    ],
)
def test_c4_a_missing_package_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, text: str, module: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(CustrelError, match=rf"custrel\[{extra}\]"):
        calendar_named(text, years=YEARS)


def test_c4_weekends_and_none_need_no_package(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("chinese_calendar", "lunardate", "holidays"):
        monkeypatch.setitem(sys.modules, module, None)
    assert checked_calendar_name("weekends") == "weekends"
    assert checked_calendar_name("none") is None


@given(st.dates(date(2020, 1, 1), date(2030, 12, 31)), st.integers(-20, 20))
def test_c4_the_weekends_calendar_counts_as_no_calendar(start: date, n: int) -> None:
    weekends = calendar_named("weekends", years=YEARS)
    assert add_working_days(start, n, calendar=weekends) == add_working_days(start, n)


@pytest.mark.parametrize(
    ("today", "years"),
    [(date(2026, 12, 3), range(2000, 2029)), (date(2027, 1, 1), range(2000, 2030))],
)
def test_c4_default_years_run_from_2000_to_two_years_after_today(today: date, years: range) -> None:
    assert default_years(today) == years


def test_c4_default_years_need_a_date() -> None:
    with pytest.raises(InvalidInputError):
        default_years("2026-12-03")  # type: ignore[arg-type]
