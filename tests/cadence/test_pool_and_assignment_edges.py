"""Rules C3, C6: the pool and the first contact counted in working days and at their edges, and
balanced assignment.
"""

from datetime import UTC, date, datetime

import pytest

from custrel.cadence import (
    PoolPolicy,
    PoolReason,
    assign_balanced,
    first_contact_day,
    first_contact_deadline,
    needs_reassignment,
    pool_status,
)
from custrel.models import Channel
from tests._grading_cadence_samples import AS_OF, FRIDAY, MONDAY, SATURDAY, event

NEXT_DAY = PoolPolicy(working_days=True, first_contact_days=1)


@pytest.mark.parametrize(
    ("holidays", "workdays", "deadline"),
    [
        ([], [], MONDAY),  # Friday + 1 working day
        ([], [SATURDAY], SATURDAY),  # a make-up working day (调休) on the Saturday
        ([MONDAY], [], date(2026, 11, 24)),  # a holiday on the Monday
    ],
)
def test_c3_deadline_in_working_days_counts_the_callers_days(
    holidays: list[date], workdays: list[date], deadline: date
) -> None:
    assert (
        first_contact_deadline(FRIDAY, policy=NEXT_DAY, holidays=holidays, workdays=workdays)
        == deadline
    )


@pytest.mark.parametrize(
    ("holidays", "workdays", "as_of", "expected"),
    [
        ([], [SATURDAY], SATURDAY, False),  # due on the make-up Saturday: in time
        ([], [SATURDAY], date(2026, 11, 22), False),  # Sunday: the pool takes them back Monday
        ([], [SATURDAY], MONDAY, True),
        ([], [], date(2026, 11, 22), False),  # due on Monday: not yet
        ([MONDAY], [], MONDAY, False),  # Monday off: due on Tuesday
        ([MONDAY], [], date(2026, 11, 24), False),
        ([], [], MONDAY, False),
        ([], [], date(2026, 11, 24), True),
    ],
)
def test_c3_reassignment_counts_the_callers_holidays_and_workdays(
    holidays: list[date], workdays: list[date], as_of: date, expected: bool
) -> None:
    assert (
        needs_reassignment(
            FRIDAY, None, as_of=as_of, policy=NEXT_DAY, holidays=holidays, workdays=workdays
        )
        is expected
    )


def test_c3_pool_in_working_days_counts_make_up_days() -> None:
    status = pool_status(FRIDAY, [], as_of=FRIDAY, policy=NEXT_DAY, workdays=[SATURDAY])
    assert (status.returns_on, status.reason) == (MONDAY, PoolReason.NO_FIRST_CONTACT)


def test_c3_pool_a_follow_up_on_the_day_taken_extends_the_hold() -> None:
    status = pool_status(date(2026, 11, 2), [date(2026, 11, 2)], as_of=date(2026, 11, 3))
    assert (status.returns_on, status.reason) == (date(2026, 12, 3), PoolReason.NO_FOLLOW_UP)


def test_c3_pool_a_follow_up_on_as_of_extends_the_hold() -> None:
    status = pool_status(date(2026, 11, 2), [date(2026, 11, 9)], as_of=date(2026, 11, 9))
    assert (status.returns_on, status.reason) == (date(2026, 12, 10), PoolReason.NO_FOLLOW_UP)


def test_c3_pool_a_follow_up_reaching_only_the_end_of_the_hold_does_not_extend_it() -> None:
    """The hold ends on the first-contact limit, but the first contact came in time (C3)."""
    policy = PoolPolicy(first_contact_days=7, follow_up_days=6)
    status = pool_status(date(2026, 11, 2), [date(2026, 11, 3)], as_of=AS_OF, policy=policy)
    assert (status.returns_on, status.reason) == (date(2026, 11, 10), PoolReason.NO_FOLLOW_UP)
    assert not needs_reassignment(date(2026, 11, 2), date(2026, 11, 3), as_of=AS_OF)


def test_c3_pool_a_cap_on_the_last_day_held_does_not_cut_the_hold_short() -> None:
    """The cap is the reason only when it ends the hold earlier than the follow-ups do."""
    policy = PoolPolicy(hard_cap_days=7)
    status = pool_status(date(2026, 11, 2), [], as_of=AS_OF, policy=policy)
    assert (status.returns_on, status.reason) == (date(2026, 11, 10), PoolReason.NO_FIRST_CONTACT)
    capped = pool_status(date(2026, 11, 2), [], as_of=AS_OF, policy=PoolPolicy(hard_cap_days=6))
    assert (capped.returns_on, capped.reason) == (date(2026, 11, 9), PoolReason.HARD_CAP)


@pytest.mark.parametrize(
    ("contacted", "expected"),
    [
        (datetime(2026, 11, 1, 23, tzinfo=UTC), None),  # the day before assignment
        (datetime(2026, 11, 2, 0, tzinfo=UTC), date(2026, 11, 2)),  # the day of assignment
        (datetime(2026, 11, 22, 23, tzinfo=UTC), AS_OF),  # on as_of
        (datetime(2026, 11, 23, 0, tzinfo=UTC), None),  # after as_of
    ],
)
def test_c3_first_contact_window_is_inclusive(contacted: datetime, expected: date | None) -> None:
    fax = event(Channel.FAX, at=contacted)
    assert first_contact_day([fax], assigned_on=date(2026, 11, 2), as_of=AS_OF) == expected


# rule C6: balanced assignment ----------------------------------------------------------------


def test_c6_a_salesperson_holding_no_leads_may_be_listed_with_zero() -> None:
    result = assign_balanced(["l-1", "l-2"], {"rep-1": 1, "rep-2": 1}, current={"rep-1": 0})
    assert result == {"l-1": "rep-1", "l-2": "rep-2"}
