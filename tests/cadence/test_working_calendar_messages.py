"""Rule C4: a working calendar refuses a week with no working day, and a count past it names the
years it covers.
"""

from datetime import date

import pytest

from custrel.cadence import Weekday, WorkCalendar, add_working_days
from custrel.errors import InvalidInputError, OutsideCalendarError, PolicyError


def test_a_calendar_refuses_a_week_without_a_working_day() -> None:
    with pytest.raises(PolicyError) as caught:
        WorkCalendar(weekend=set(Weekday))
    assert caught.value.field == "WorkCalendar.weekend"
    assert caught.value.expected == "at most 6 days, so that some day is worked"
    assert caught.value.value == frozenset(Weekday)
    assert caught.value.hint == ""


@pytest.mark.parametrize(
    ("covers", "start", "shown"),
    [
        ([2020, 2021, 2024], date(2021, 12, 30), "2020-2021, 2024"),
        ([2026], date(2026, 12, 30), "2026"),
        ([], date(2026, 12, 30), "no year"),
    ],
)
def test_c4_a_count_past_the_calendar_names_the_years_it_covers(
    covers: list[int], start: date, shown: str
) -> None:
    calendar = WorkCalendar(name="ACME", covers=covers)
    with pytest.raises(OutsideCalendarError) as caught:
        add_working_days(start, 5, calendar=calendar)
    assert caught.value.calendar == "ACME"
    assert caught.value.expected == f"a day in the years the calendar 'ACME' covers ({shown})"


def test_c4_a_count_leaving_the_years_1_to_9999_backwards_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        add_working_days(date(1000, 1, 5), -(10**7))
    assert str(caught.value) == (
        "n: expected a number of working days that stays within the years 1 to 9999,"
        " got int -10000000"
    )
