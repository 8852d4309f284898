"""Rule C1: the agenda up to a later day, past 9999, and past a working calendar (rule C4)."""

import random
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from custrel.cadence import (
    AgendaItem,
    Beyond,
    Cadence,
    CadencePolicy,
    WorkCalendar,
    agenda,
    next_due,
)
from custrel.errors import InvalidInputError, OutsideCalendarError
from custrel.grading import Grade

AS_OF = date(2026, 12, 3)
WORKING = CadencePolicy(daily_on_working_days=True)
STRICT = WorkCalendar.china(beyond=Beyond.REFUSE)
CHINA = WorkCalendar.china()
BOOK = [
    ("c-1", Grade.B, date(2026, 11, 20)),  # due 27 Nov: 6 days overdue
    ("c-2", Grade.A, None),  # never followed up: due today
    ("c-3", Grade.D, date(2026, 11, 20)),  # due 20 Dec
    ("c-4", Grade.E, date(2026, 3, 1)),  # due 1 Mar 2027
]


def _rows(items: list[AgendaItem]) -> list[tuple[str, date, int, bool]]:
    return [(i.customer_id, i.due, i.days_overdue, i.provisional) for i in items]


# until ----------------------------------------------------------------------------------------


def test_c1_until_defaults_to_as_of() -> None:
    assert agenda(BOOK, as_of=AS_OF) == agenda(BOOK, as_of=AS_OF, until=AS_OF)
    assert _rows(agenda(BOOK, as_of=AS_OF)) == [
        ("c-1", date(2026, 11, 27), 6, False),
        ("c-2", AS_OF, 0, False),
    ]


@pytest.mark.parametrize(
    ("until", "listed"),
    [
        (date(2026, 12, 19), ["c-1", "c-2"]),  # the day before c-3 is due
        (date(2026, 12, 20), ["c-1", "c-2", "c-3"]),  # the day it is due
        (date(2027, 2, 28), ["c-1", "c-2", "c-3"]),
        (date(2027, 3, 1), ["c-1", "c-2", "c-3", "c-4"]),
        (date.max, ["c-1", "c-2", "c-3", "c-4"]),
    ],
)
def test_c1_until_lists_the_follow_ups_due_on_or_before_it(until: date, listed: list[str]) -> None:
    assert [item.customer_id for item in agenda(BOOK, as_of=AS_OF, until=until)] == listed


def test_c1_a_follow_up_due_later_is_zero_days_overdue() -> None:
    assert _rows(agenda(BOOK, as_of=AS_OF, until=date.max))[2:] == [
        ("c-3", date(2026, 12, 20), 0, False),
        ("c-4", date(2027, 3, 1), 0, False),
    ]


def test_c1_until_with_limit_keeps_the_earliest() -> None:
    items = agenda(BOOK, as_of=AS_OF, until=date.max, limit=3)
    assert [item.customer_id for item in items] == ["c-1", "c-2", "c-3"]


@pytest.mark.parametrize(
    ("until", "expected"),
    [
        (date(2026, 12, 2), "a day on or after as_of (2026-12-03)"),
        ("2027-01-01", "a date"),
    ],
)
def test_c1_until_before_as_of_or_not_a_day_is_refused(until: object, expected: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        agenda(BOOK, as_of=AS_OF, until=until)  # type: ignore[arg-type]
    assert info.value.field == "until"
    assert expected in str(info.value)


# past 9999-12-31 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "last", "policy"),
    [
        pytest.param(Grade.E, date(9999, 6, 1), CadencePolicy(), id="yearly"),
        pytest.param(Grade.D, date(9999, 12, 15), CadencePolicy(), id="30 days"),
        pytest.param(
            Grade.D,
            date(9999, 12, 15),
            CadencePolicy(cadences={**CadencePolicy().cadences, Grade.D: relativedelta(months=1)}),
            id="a calendar month",
        ),
        pytest.param(Grade.A, date(9999, 12, 31), WORKING, id="the next working day"),
    ],
)
def test_c1_a_due_day_past_9999_is_not_listed(
    grade: Grade, last: date, policy: CadencePolicy
) -> None:
    book = [("late", grade, last), ("now", Grade.A, None)]
    assert [i.customer_id for i in agenda(book, as_of=AS_OF, until=date.max, policy=policy)] == [
        "now"
    ]


def test_c1_a_due_day_just_at_9999_12_31_is_listed() -> None:
    book = [("last", Grade.A, date(9999, 12, 30))]
    assert _rows(agenda(book, as_of=AS_OF, until=date.max)) == [
        ("last", date(9999, 12, 31), 0, False)
    ]


def test_c1_an_agenda_item_may_be_due_after_8999() -> None:
    """A late ``until`` lists a due day past the days custrel takes as input."""
    item = AgendaItem(customer_id="c-1", grade=Grade.E, due=date(9000, 1, 1), days_overdue=0)
    assert item.due.year == 9000


# past a working calendar ------------------------------------------------------------------------


def test_c4_next_due_still_refuses_past_a_strict_calendar() -> None:
    with pytest.raises(OutsideCalendarError):
        next_due(Grade.A, date(2026, 12, 31), as_of=AS_OF, policy=WORKING, calendar=STRICT)


def test_c4_the_agenda_lists_a_customer_past_a_strict_calendar_provisional() -> None:
    """2027 is refused by the strict calendar: counted by the weekend rule, flagged."""
    book = [("past", Grade.A, date(2026, 12, 31)), ("inside", Grade.A, date(2026, 12, 3))]
    items = agenda(book, as_of=AS_OF, until=date.max, policy=WORKING, calendar=STRICT)
    assert _rows(items) == [
        ("inside", date(2026, 12, 4), 0, False),
        ("past", date(2027, 1, 1), 0, True),  # a Friday, and 元旦: unknown to the weekend rule
    ]


def test_c4_the_agenda_marks_a_due_day_counted_over_a_provisional_year() -> None:
    book = [("past", Grade.A, date(2026, 12, 31)), ("inside", Grade.A, date(2026, 12, 3))]
    items = agenda(book, as_of=AS_OF, until=date.max, policy=WORKING, calendar=CHINA)
    assert _rows(items) == [
        ("inside", date(2026, 12, 4), 0, False),
        ("past", date(2027, 1, 4), 0, True),  # 元旦 by rule, then the weekend
    ]


def test_c4_a_provisional_item_keeps_its_flag_under_a_limit() -> None:
    book = [("past", Grade.A, date(2026, 12, 31))]
    items = agenda(book, as_of=AS_OF, until=date.max, policy=WORKING, calendar=CHINA, limit=1)
    assert [item.provisional for item in items] == [True]


def test_c4_an_agenda_item_is_not_provisional_by_default_and_checks_the_flag() -> None:
    item = AgendaItem(customer_id="c-1", grade=Grade.B, due=AS_OF, days_overdue=0)
    assert not item.provisional
    with pytest.raises(InvalidInputError, match=r"AgendaItem\.provisional"):
        AgendaItem(
            customer_id="c-1",
            grade=Grade.B,
            due=AS_OF,
            days_overdue=0,
            provisional="yes",  # type: ignore[arg-type]
        )


# properties ---------------------------------------------------------------------------------------

_ids = st.sampled_from([f"c-{i}" for i in range(12)])
_lasts = st.none() | st.dates(date(2025, 10, 1), date(2027, 3, 1))
_books = st.lists(st.tuples(_ids, st.sampled_from(Grade), _lasts), max_size=25)
_days = st.dates(date(2026, 1, 1), date(2027, 12, 31))


@given(_books, st.integers(0, 400), st.integers(0, 400))
def test_c1_a_later_until_lists_a_superset_in_the_same_order(
    book: list[tuple[str, Grade, date | None]], later: int, further: int
) -> None:
    near = agenda(book, as_of=AS_OF, until=AS_OF + timedelta(days=later), policy=WORKING)
    far = agenda(book, as_of=AS_OF, until=AS_OF + timedelta(days=later + further), policy=WORKING)
    assert far[: len(near)] == near
    assert all(item.due > AS_OF + timedelta(days=later) for item in far[len(near) :])


@given(_books, st.randoms(use_true_random=False), st.integers(0, 800))
def test_c1_the_agenda_with_until_does_not_depend_on_the_input_order(
    book: list[tuple[str, Grade, date | None]], shuffler: random.Random, later: int
) -> None:
    until = AS_OF + timedelta(days=later)
    shuffled = list(book)
    shuffler.shuffle(shuffled)
    expected = agenda(book, as_of=AS_OF, until=until, calendar=CHINA, policy=WORKING)
    assert agenda(shuffled, as_of=AS_OF, until=until, calendar=CHINA, policy=WORKING) == expected


@given(st.lists(st.tuples(st.sampled_from(Grade), _lasts), max_size=25))
def test_c4_a_strict_agenda_never_refuses_and_flags_exactly_the_steps_past_its_years(
    entries: list[tuple[Grade, date | None]],
) -> None:
    book = [(f"c-{i}", grade, last) for i, (grade, last) in enumerate(entries)]
    items = agenda(book, as_of=AS_OF, until=date.max, policy=WORKING, calendar=STRICT)
    assert len(items) == len(book)
    lasts = {cid: last for cid, _, last in book}
    for item in items:
        last = lasts[item.customer_id]
        crosses = item.grade is Grade.A and last is not None and item.due.year > 2026
        assert item.provisional == crosses


@given(_books)
def test_c4_without_a_calendar_nothing_is_provisional(
    book: list[tuple[str, Grade, date | None]],
) -> None:
    assert not any(item.provisional for item in agenda(book, as_of=AS_OF, until=date.max))


def test_c1_a_named_cadence_of_every_grade_is_listed_up_to_date_max() -> None:
    book = [(f"c-{g.value}", g, date(2026, 1, 1)) for g in Grade]
    items = agenda(book, as_of=AS_OF, until=date.max)
    assert {item.grade for item in items} == set(Grade)
    assert {item.due for item in items} >= {Cadence.YEARLY.after(date(2026, 1, 1))}
