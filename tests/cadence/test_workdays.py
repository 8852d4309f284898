"""Working days and the two-working-day deadlines (rule C4)."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel import strategies as cs
from custrel.cadence import (
    DEFAULT_RECORD_WORKFLOW,
    RecordStep,
    RecordWorkflowPolicy,
    add_working_days,
    is_working_day,
    minutes_deadline,
    minutes_steps,
    record_deadline,
    record_steps,
)
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


# rule C4: the record and minutes workflows, step by step ------------------------------------


def test_c4_record_steps_from_a_thursday() -> None:
    steps = record_steps(date(2026, 11, 19))
    assert [(s.step, s.due, s.done_on, s.late) for s in steps] == [
        (RecordStep.RECORD_ENTERED, date(2026, 11, 23), None, False),
        (RecordStep.RECORD_FORWARDED, date(2026, 11, 24), None, False),
    ]
    assert steps[0].due == record_deadline(date(2026, 11, 19))


def test_c4_a_late_step_moves_the_next_one() -> None:
    done = {RecordStep.RECORD_ENTERED: date(2026, 11, 27)}  # Friday, late
    entered, forwarded = record_steps(date(2026, 11, 19), done=done)
    assert (entered.late, entered.done_on) == (True, date(2026, 11, 27))
    assert forwarded.due == date(2026, 11, 30)  # the next working day: Monday


def test_c4_a_step_done_on_its_due_day_is_in_time() -> None:
    done = {RecordStep.RECORD_ENTERED: date(2026, 11, 23)}
    assert not record_steps(date(2026, 11, 19), done=done)[0].late


def test_c4_minutes_steps_over_a_holiday_and_a_make_up_day() -> None:
    national_day = [date(2026, 10, d) for d in range(1, 8)]
    steps = minutes_steps(date(2026, 9, 30), holidays=national_day, workdays=[date(2026, 10, 10)])
    assert [(s.step, s.due) for s in steps] == [
        (RecordStep.MINUTES_WRITTEN, date(2026, 10, 9)),
        (RecordStep.MINUTES_REVIEWED, date(2026, 10, 10)),  # a make-up Saturday (调休)
        (RecordStep.MINUTES_SENT, date(2026, 10, 10)),
        (RecordStep.RECEIPT_CONFIRMED, date(2026, 10, 12)),
    ]
    assert steps[0].due == minutes_deadline(
        date(2026, 9, 30), holidays=national_day, workdays=[date(2026, 10, 10)]
    )


def test_c4_workflow_days_are_a_policy() -> None:
    slow = RecordWorkflowPolicy(forward_days=3)
    assert record_steps(date(2026, 11, 19), policy=slow)[1].due == date(2026, 11, 26)
    assert RecordWorkflowPolicy.from_dict(slow.to_dict()) == slow


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: record_steps("2026-11-19"), "collected_on"),  # type: ignore[arg-type]
        (lambda: record_steps(date(2026, 11, 19), policy="x"), "policy"),  # type: ignore[arg-type]
        (lambda: record_steps(date(2026, 11, 19), done=["x"]), "done"),  # type: ignore[arg-type]
        (
            lambda: record_steps(
                date(2026, 11, 19), done={RecordStep.MINUTES_SENT: date(2026, 11, 20)}
            ),
            "done",
        ),
        (
            lambda: record_steps(date(2026, 11, 19), done={RecordStep.RECORD_ENTERED: "x"}),  # type: ignore[dict-item]
            "done[record_entered]",
        ),
        (
            lambda: minutes_steps(
                date(2026, 11, 19), done={RecordStep.MINUTES_WRITTEN: date(2026, 11, 18)}
            ),
            "done[minutes_written]",
        ),
    ],
)
def test_c4_workflows_refuse_bad_input(call: Callable[[], object], field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.field == field


@given(
    cs.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
    st.none() | st.integers(0, 20),
    st.frozensets(cs.dates(min_value=date(2026, 1, 1), max_value=date(2027, 3, 31)), max_size=15),
)
def test_c4_each_step_is_its_working_days_after_the_one_before(
    start: date, entered_after: int | None, holidays: frozenset[date]
) -> None:
    done = (
        {}
        if entered_after is None
        else {RecordStep.RECORD_ENTERED: start + timedelta(entered_after)}
    )
    policy = DEFAULT_RECORD_WORKFLOW
    for steps, days in (
        (
            record_steps(start, done=done, holidays=holidays),
            (policy.entry_days, policy.forward_days),
        ),
        (
            minutes_steps(start, holidays=holidays),
            (policy.minutes_days, policy.review_days, policy.send_days, policy.confirm_days),
        ),
    ):
        anchor = start
        for step, n in zip(steps, days, strict=True):
            between = [anchor + timedelta(i) for i in range(1, (step.due - anchor).days + 1)]
            assert sum(is_working_day(d, holidays=holidays) for d in between) == n
            assert n == 0 or is_working_day(step.due, holidays=holidays)
            anchor = step.done_on or step.due
