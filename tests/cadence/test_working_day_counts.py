"""Rule C4: counts of working days land where a day-by-day walk lands, and name the first day
outside the calendar.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel.cadence import Weekday, WorkCalendar, add_working_days, is_working_day
from custrel.errors import InvalidInputError, OutsideCalendarError
from tests.cadence._calendar_samples import CAL, MAKE_UP, NATIONAL_DAY


def _walked(start: date, n: int, calendar: WorkCalendar) -> date:
    """The n-th working day after start, found one day at a time."""
    step = timedelta(days=1 if n > 0 else -1)
    day = start
    for _ in range(abs(n)):
        day += step
        while not is_working_day(day, calendar=calendar):
            day += step
    return day


@given(
    weekend=st.frozensets(st.sampled_from(list(Weekday)), max_size=6),
    listed=st.lists(st.integers(0, 400), max_size=12, unique=True),
    start=st.integers(0, 300),
    n=st.integers(-120, 120),
)
def test_c4_a_long_count_lands_where_a_day_by_day_walk_lands(
    weekend: frozenset[Weekday], listed: list[int], start: int, n: int
) -> None:
    first = date(2026, 1, 1)
    days = [first + timedelta(days=i) for i in listed]
    off, on = days[::2], days[1::2]
    calendar = WorkCalendar(
        name="ACME", weekend=weekend, covers=range(2020, 2033), holidays=off, workdays=on
    )
    day = first + timedelta(days=start)
    assert add_working_days(day, n, calendar=calendar) == _walked(day, n, calendar)


@pytest.mark.parametrize("n", [31, 32, 33, 34, 100, -31, -32, -33, -34, -100])
def test_c4_counts_either_side_of_the_walking_limit_agree_with_a_walk(n: int) -> None:
    calendar = WorkCalendar(
        name="October", covers=range(2025, 2028), holidays=NATIONAL_DAY, workdays=MAKE_UP
    )
    start = date(2026, 10, 20) if n > 0 else date(2026, 12, 20)
    assert add_working_days(start, n, calendar=calendar) == _walked(start, n, calendar)


# Rule C4: the years a count looks at ----------------------------------------------------------


@pytest.mark.parametrize(
    ("covers", "start", "n", "named"),
    [
        ([2024, 2026], date(2024, 12, 20), 40, date(2025, 1, 1)),  # a gap, forward
        ([2024, 2026], date(2026, 1, 10), -40, date(2025, 12, 31)),  # a gap, backward
        ([2024, 2026], date(2024, 12, 27), 3, date(2025, 1, 1)),  # a short count
        ([2026], date(2025, 12, 28), 5, date(2025, 12, 29)),  # from before the years
        ([2026], date(2027, 1, 5), -5, date(2027, 1, 4)),  # back from after them
        ([2026], date(2025, 12, 31), 1, date(2026, 1, 1)),  # the start itself is not looked at
    ],
)
def test_c4_a_count_names_the_first_day_it_reaches_outside_the_calendar(
    covers: list[int], start: date, n: int, named: date
) -> None:
    calendar = WorkCalendar(name="ACME", covers=covers)
    if named.year in covers:
        assert add_working_days(start, n, calendar=calendar) == named
        return
    with pytest.raises(OutsideCalendarError) as caught:
        add_working_days(start, n, calendar=calendar)
    assert caught.value.value == named
    assert caught.value.hint.startswith(
        f"{named.isoformat()} is reached counting {n} working days from {start}; "
        f"add {named.year} with calendar.with_year({named.year},"
    )


@pytest.mark.parametrize("n", [1, 5, 100, 1000])
def test_c4_a_count_over_a_six_day_weekend_jumps_whole_weeks(n: int) -> None:
    sundays_only = WorkCalendar(weekend=set(Weekday) - {Weekday.SUNDAY})
    assert add_working_days(date(2026, 11, 20), n) != add_working_days(
        date(2026, 11, 20), n, calendar=sundays_only
    )
    assert add_working_days(date(2026, 11, 20), n, calendar=sundays_only) == date(
        2026, 11, 22
    ) + timedelta(weeks=n - 1)


def test_c4_zero_working_days_after_a_day_off_is_that_day() -> None:
    saturday = date(2026, 11, 21)
    assert add_working_days(saturday, 0) == saturday
    assert add_working_days(saturday, 0, calendar=CAL) == saturday
    assert add_working_days(date(2027, 1, 2), 0, calendar=CAL) == date(2027, 1, 2)


# Rule C4: counts across several years the calendar does not cover -----------------------------


def test_c4_a_forward_count_names_the_first_uncovered_day_it_reaches() -> None:
    calendar = WorkCalendar(
        name="ACME", covers=[2024], holidays=[date(2025, 12, 30), date(2025, 12, 31)]
    )
    with pytest.raises(OutsideCalendarError) as caught:
        add_working_days(date(2025, 12, 29), 1, calendar=calendar)
    assert caught.value.value == date(2025, 12, 30)


def test_c4_a_backward_count_names_the_first_uncovered_day_it_reaches() -> None:
    calendar = WorkCalendar(
        name="ACME", covers=[2027], holidays=[date(2026, 1, 1), date(2026, 1, 2)]
    )
    with pytest.raises(OutsideCalendarError) as caught:
        add_working_days(date(2026, 1, 5), -1, calendar=calendar)
    assert caught.value.value == date(2026, 1, 4)


def _working_days_between(first: int, last: int, weekend: set[int]) -> int:
    """Working days among the ordinals first..last under a weekly weekend only."""
    return sum(1 for o in range(first, last + 1) if (o + 6) % 7 not in weekend)


def test_c4_a_count_may_end_on_the_last_day_python_knows() -> None:
    start = date(8999, 12, 31)
    n = _working_days_between(start.toordinal() + 1, date.max.toordinal(), {5, 6})
    assert add_working_days(start, n) == date.max  # a Friday


def test_c4_a_count_back_past_the_first_day_python_knows_is_refused() -> None:
    sundays = WorkCalendar(weekend={Weekday.MONDAY})  # 1 January of year 1 was a Monday
    start = date(1000, 1, 1)
    n = _working_days_between(1, start.toordinal() - 1, {0})
    assert add_working_days(start, -n, calendar=sundays) == date(1, 1, 2)
    with pytest.raises(InvalidInputError) as caught:
        add_working_days(start, -n - 1, calendar=sundays)
    assert caught.value.field == "n"
