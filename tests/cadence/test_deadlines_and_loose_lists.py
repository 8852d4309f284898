"""Rule C4: record and minutes deadlines honour loose lists of holidays and make-up days, read
once as given.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from custrel.cadence import add_working_days, is_working_day, minutes_deadline, record_deadline
from custrel.errors import InvalidInputError
from tests.cadence._calendar_samples import CAL, MAKE_UP, NATIONAL_DAY, D


@pytest.mark.parametrize("deadline", [record_deadline, minutes_deadline])
def test_c4_deadlines_skip_the_listed_holidays(deadline: Callable[..., date]) -> None:
    assert deadline(date(2026, 9, 30)) == date(2026, 10, 2)
    assert deadline(date(2026, 9, 30), holidays=NATIONAL_DAY) == date(2026, 10, 9)


@pytest.mark.parametrize("deadline", [record_deadline, minutes_deadline])
def test_c4_deadlines_count_the_listed_make_up_days(deadline: Callable[..., date]) -> None:
    assert deadline(date(2026, 10, 9)) == date(2026, 10, 13)
    assert deadline(date(2026, 10, 9), workdays=MAKE_UP) == date(2026, 10, 12)


# Rule C4: loose lists -------------------------------------------------------------------------


def test_c4_a_date_time_in_a_loose_list_is_refused_with_a_hint() -> None:
    moment = datetime(2026, 11, 24, tzinfo=UTC)
    with pytest.raises(InvalidInputError) as caught:
        add_working_days(D, 1, holidays=[date(2026, 11, 23), moment])
    assert caught.value.field == f"holidays[{moment!r}]"
    assert caught.value.expected == "a date"
    assert caught.value.hint == "pass value.date() for the calendar day"


def test_c4_empty_loose_lists_beside_a_calendar_are_accepted() -> None:
    assert add_working_days(D, 1, calendar=CAL, holidays=[], workdays=()) == date(2026, 11, 23)
    assert is_working_day(D, calendar=CAL, holidays=set(), workdays=[]) is True


def test_c4_loose_lists_are_read_once_as_given() -> None:
    holidays_ = iter([date(2026, 11, 23)])
    assert add_working_days(D, 1, holidays=holidays_) == date(2026, 11, 24)
