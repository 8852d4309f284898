"""Properties of working calendars (rule C4): counting back, monotonicity, round trips, years."""

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel import strategies as cs
from custrel.cadence import Beyond, WorkCalendar, add_working_days, is_working_day
from custrel.errors import OutsideCalendarError

FALLBACK = cs.work_calendars(beyond=Beyond.WEEKENDS)
DAYS = cs.dates(min_value=date(2018, 1, 1), max_value=date(2032, 12, 31))
COUNTS = st.integers(-60, 60)
DATED = FALLBACK.filter(lambda c: c.covers is not None)  # own days need the years they cover
OWN_DAYS = st.frozensets(cs.dates(min_value=date(2018, 1, 1), max_value=date(2032, 12, 31)))


def last_working_on_or_before(day: date, calendar: WorkCalendar) -> date:
    while not is_working_day(day, calendar=calendar):
        day -= timedelta(days=1)
    return day


@given(FALLBACK, DAYS, st.integers(1, 400))
def test_adding_then_subtracting_comes_back_to_the_last_working_day(
    calendar: WorkCalendar, start: date, n: int
) -> None:
    there = add_working_days(start, n, calendar=calendar)
    assert add_working_days(there, -n, calendar=calendar) == last_working_on_or_before(
        start, calendar
    )


@given(FALLBACK, DAYS, COUNTS.filter(bool))
def test_the_day_reached_is_a_working_day(calendar: WorkCalendar, start: date, n: int) -> None:
    reached = add_working_days(start, n, calendar=calendar)
    assert is_working_day(reached, calendar=calendar)
    assert (reached > start) == (n > 0)


@given(DATED, DAYS, st.integers(0, 60), OWN_DAYS)
def test_days_off_never_make_a_deadline_earlier(
    calendar: WorkCalendar, start: date, n: int, off: frozenset[date]
) -> None:
    later = add_working_days(start, n, calendar=calendar.with_days_off(off))
    assert later >= add_working_days(start, n, calendar=calendar)


@given(DATED, DAYS, st.integers(0, 60), OWN_DAYS)
def test_working_days_never_make_a_deadline_later(
    calendar: WorkCalendar, start: date, n: int, on: frozenset[date]
) -> None:
    sooner = add_working_days(start, n, calendar=calendar.with_working_days(on))
    assert sooner <= add_working_days(start, n, calendar=calendar)


@given(cs.work_calendars())
def test_a_calendar_round_trips_with_the_same_fingerprint(calendar: WorkCalendar) -> None:
    copy = WorkCalendar.from_dict(calendar.to_dict())
    assert copy == calendar
    assert copy.fingerprint() == calendar.fingerprint()


@given(cs.work_calendars(beyond=Beyond.REFUSE), DAYS)
def test_a_day_outside_the_years_is_refused_or_counted_by_weekends_with_the_fallback(
    calendar: WorkCalendar, day: date
) -> None:
    fallback = attrs.evolve(calendar, beyond=Beyond.WEEKENDS)
    if calendar.covers is None or day.year in calendar.covers:
        assert is_working_day(day, calendar=calendar) == is_working_day(day, calendar=fallback)
        return
    with pytest.raises(OutsideCalendarError) as info:
        is_working_day(day, calendar=calendar)
    assert info.value.value == day
    assert info.value.calendar == calendar.name
    listed = day in calendar.workdays or day in calendar.holidays
    weekend = day.strftime("%A").lower() in calendar.weekend
    assert listed or is_working_day(day, calendar=fallback) == (not weekend)


@given(cs.work_calendars(beyond=Beyond.REFUSE), DAYS, COUNTS)
def test_a_count_is_refused_exactly_when_it_passes_an_uncovered_day(
    calendar: WorkCalendar, start: date, n: int
) -> None:
    fallback = attrs.evolve(calendar, beyond=Beyond.WEEKENDS)
    reached = add_working_days(start, n, calendar=fallback)
    low, high = sorted((start, reached))
    passed = [low + timedelta(days=i) for i in range((high - low).days + 1)]
    passed = [d for d in passed if d != start]
    outside = calendar.covers is not None and any(d.year not in calendar.covers for d in passed)
    try:
        assert add_working_days(start, n, calendar=calendar) == reached
    except OutsideCalendarError:
        assert outside
    else:
        assert not outside


@given(FALLBACK, DAYS, st.integers(1, 800), st.booleans())
def test_jumping_whole_weeks_agrees_with_walking_day_by_day(
    calendar: WorkCalendar, start: date, n: int, back: bool
) -> None:
    days = calendar._days
    signed = -n if back else n
    assert days._jump(start, signed) == days._walk(start, signed)
