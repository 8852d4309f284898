"""Working days and the two-working-day deadlines (rule C4)."""

from datetime import UTC, date, datetime

import pytest

from custrel.cadence import add_working_days, is_working_day, minutes_deadline, record_deadline
from custrel.errors import InvalidInputError

# 2026: National Day holidays 1-7 October (Thursday to Wednesday); 10 October, a
# Saturday, is a make-up working day (调休) in this example calendar.
NATIONAL_DAY = [date(2026, 10, d) for d in range(1, 8)]
MAKE_UP = [date(2026, 10, 10)]

C4_TABLE = [
    # start               n   expected             why
    (date(2026, 11, 16), 1, date(2026, 11, 17), "Monday + 1"),
    (date(2026, 11, 20), 1, date(2026, 11, 23), "Friday + 1 skips the weekend"),
    (date(2026, 11, 21), 1, date(2026, 11, 23), "from a Saturday"),
    (date(2026, 11, 19), 2, date(2026, 11, 23), "Thursday + 2"),
    (date(2026, 12, 31), 2, date(2027, 1, 4), "across the year end"),
    (date(2024, 2, 28), 1, date(2024, 2, 29), "29 February is a Thursday"),
    (date(2026, 9, 30), 1, date(2026, 10, 8), "the holiday week is skipped"),
    (date(2026, 10, 8), 2, date(2026, 10, 10), "the make-up Saturday counts"),
    (date(2026, 11, 22), 0, date(2026, 11, 22), "0 is the start itself, even a Sunday"),
    (date(2026, 11, 23), -1, date(2026, 11, 20), "Monday - 1 is Friday"),
    (date(2026, 10, 8), -1, date(2026, 9, 30), "back over the holidays"),
]


@pytest.mark.parametrize(("start", "n", "expected", "why"), C4_TABLE)
def test_add_working_days(start: date, n: int, expected: date, why: str) -> None:
    assert add_working_days(start, n, holidays=NATIONAL_DAY, workdays=MAKE_UP) == expected, why


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 10, 1), False),  # holiday on a Thursday
        (date(2026, 10, 10), True),  # make-up Saturday
        (date(2026, 10, 11), False),  # ordinary Sunday
        (date(2026, 10, 9), True),  # ordinary Friday
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert is_working_day(day, holidays=NATIONAL_DAY, workdays=MAKE_UP) is working


def test_c4_record_and_minutes_deadlines() -> None:
    assert record_deadline(date(2026, 11, 19)) == date(2026, 11, 23)
    assert minutes_deadline(date(2026, 9, 30), holidays=NATIONAL_DAY, workdays=MAKE_UP) == date(
        2026, 10, 9
    )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"start": "2026-11-20", "n": 1}, "start"),
        ({"start": datetime(2026, 11, 20, tzinfo=UTC), "n": 1}, "start"),
        ({"start": date(2026, 11, 20), "n": 1.0}, "n"),
        ({"start": date(2026, 11, 20), "n": True}, "n"),
        ({"start": date(2026, 11, 20), "n": 1, "holidays": "2026-10-01"}, "holidays"),
        (
            {"start": date(2026, 11, 20), "n": 1, "holidays": ["2026-10-01"]},
            "holidays['2026-10-01']",
        ),
        (
            {"start": date(2026, 11, 20), "n": 1, "holidays": MAKE_UP, "workdays": MAKE_UP},
            "workdays",
        ),
    ],
)
def test_bad_input_is_refused(kwargs: dict[str, object], field: str) -> None:
    start, n = kwargs.pop("start"), kwargs.pop("n")
    with pytest.raises(InvalidInputError) as info:
        add_working_days(start, n, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_is_working_day_checks_the_day() -> None:
    with pytest.raises(InvalidInputError, match="day"):
        is_working_day("2026-10-01")  # type: ignore[arg-type]
