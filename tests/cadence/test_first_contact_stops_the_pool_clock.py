"""Rule C3 (seed 001 第四条, 第五条): the first contact on any channel stops the pool clock.

``needs_reassignment`` and ``pool_status`` decide "first contact made in time" with one
helper, so the manager may reassign a customer exactly when the pool takes them back
for ``NO_FIRST_CONTACT``.
"""

from datetime import UTC, date, datetime

import pytest

from custrel.cadence import (
    PoolPolicy,
    PoolReason,
    first_contact_day,
    needs_reassignment,
    pool_status,
)
from custrel.errors import InvalidInputError
from custrel.models import Channel, ContactEvent, Direction

TAKEN = date(2026, 11, 2)  # a Monday; the deadline is Monday 9 November
LATER = date(2026, 11, 30)


def outbound(day: date, channel: Channel) -> ContactEvent:
    return ContactEvent(
        customer_id="c-1",
        at=datetime(day.year, day.month, day.day, 10, tzinfo=UTC),
        channel=channel,
        direction=Direction.OUTBOUND,
    )


@pytest.mark.parametrize(
    ("first_contact", "returns_on", "reason", "reassign"),
    [
        (date(2026, 11, 1), date(2026, 11, 10), PoolReason.NO_FIRST_CONTACT, True),  # before
        (TAKEN, date(2026, 12, 3), PoolReason.NO_FOLLOW_UP, False),  # the day taken
        (date(2026, 11, 8), date(2026, 12, 9), PoolReason.NO_FOLLOW_UP, False),
        (date(2026, 11, 9), date(2026, 12, 10), PoolReason.NO_FOLLOW_UP, False),  # deadline
        (date(2026, 11, 10), date(2026, 11, 10), PoolReason.NO_FIRST_CONTACT, True),  # late
    ],
)
def test_c3_a_first_contact_in_time_holds_the_customer_like_a_follow_up(
    first_contact: date, returns_on: date, reason: PoolReason, reassign: bool
) -> None:
    status = pool_status(TAKEN, [], first_contact=first_contact, as_of=LATER)
    assert (status.returns_on, status.reason) == (returns_on, reason)
    assert needs_reassignment(TAKEN, first_contact, as_of=LATER) is reassign


@pytest.mark.parametrize("channel", [Channel.FAX, Channel.POST, Channel.WEBSITE, Channel.EMAIL])
def test_c3_seed_001_first_contact_channels_stop_the_pool_clock(channel: Channel) -> None:
    """第五条: fax, e-mail, post or a website introduction open the relationship."""
    events = [outbound(date(2026, 11, 4), channel)]
    first = first_contact_day(events, assigned_on=TAKEN, as_of=LATER)
    status = pool_status(TAKEN, [], first_contact=first, as_of=LATER)
    assert first == date(2026, 11, 4)
    assert (status.returns_on, status.reason, status.returned) == (
        date(2026, 12, 5),
        PoolReason.NO_FOLLOW_UP,
        False,
    )
    assert needs_reassignment(TAKEN, first, as_of=LATER) is False


def test_c3_a_first_contact_after_as_of_does_not_count_yet() -> None:
    status = pool_status(TAKEN, [], first_contact=date(2026, 11, 5), as_of=date(2026, 11, 4))
    assert (status.returns_on, status.reason) == (date(2026, 11, 10), PoolReason.NO_FIRST_CONTACT)


def test_c3_the_first_contact_and_the_follow_ups_extend_the_hold_together() -> None:
    follow_ups = [date(2026, 12, 1)]
    status = pool_status(TAKEN, follow_ups, first_contact=date(2026, 11, 4), as_of=LATER)
    assert (status.returns_on, status.reason) == (date(2026, 12, 5), PoolReason.NO_FOLLOW_UP)
    later = pool_status(TAKEN, follow_ups, first_contact=date(2026, 11, 4), as_of=date(2026, 12, 1))
    assert (later.returns_on, later.reason) == (date(2027, 1, 1), PoolReason.NO_FOLLOW_UP)


def test_c3_a_contact_in_time_that_holds_less_than_the_first_week_is_still_in_time() -> None:
    """The hold never shrinks, but the reason is no longer the first contact."""
    policy = PoolPolicy(first_contact_days=7, follow_up_days=1)
    status = pool_status(TAKEN, [TAKEN], as_of=LATER, policy=policy)
    assert (status.returns_on, status.reason, status.returned) == (
        date(2026, 11, 10),
        PoolReason.NO_FOLLOW_UP,
        True,
    )
    assert needs_reassignment(TAKEN, TAKEN, as_of=LATER, policy=policy) is False


THURSDAY = date(2026, 11, 19)
NEXT_WORKING_DAY = PoolPolicy(first_contact_days=1, working_days=True)  # deadline Friday 20th
SATURDAY, MONDAY, TUESDAY = date(2026, 11, 21), date(2026, 11, 23), date(2026, 11, 24)


@pytest.mark.parametrize(
    ("first_contact", "as_of", "holidays", "returned"),
    [
        (None, date(2026, 11, 20), [], False),  # the deadline day
        (None, SATURDAY, [], False),  # past the deadline, but not a working day
        (None, date(2026, 11, 22), [], False),
        (None, MONDAY, [], True),  # the working day after the deadline
        (None, MONDAY, [MONDAY], False),  # a holiday: the pool takes them back on Tuesday
        (None, TUESDAY, [MONDAY], True),
        (SATURDAY, SATURDAY, [], False),  # contacted late, on the Saturday
        (SATURDAY, date(2026, 11, 22), [], False),
        (SATURDAY, MONDAY, [], True),
    ],
)
def test_c3_in_working_days_the_manager_may_reassign_when_the_pool_takes_them_back(
    first_contact: date | None, as_of: date, holidays: list[date], returned: bool
) -> None:
    status = pool_status(
        THURSDAY,
        [],
        first_contact=first_contact,
        as_of=as_of,
        policy=NEXT_WORKING_DAY,
        holidays=holidays,
    )
    assert status.reason is PoolReason.NO_FIRST_CONTACT
    assert status.returned is returned
    reassign = needs_reassignment(
        THURSDAY, first_contact, as_of=as_of, policy=NEXT_WORKING_DAY, holidays=holidays
    )
    assert reassign is returned


def test_c3_a_cap_shorter_than_the_first_week_returns_the_customer_first() -> None:
    """The cap returns the customer before C3 is decided; needs_reassignment answers C3 alone."""
    status = pool_status(TAKEN, [], as_of=LATER, policy=PoolPolicy(hard_cap_days=6))
    assert (status.returns_on, status.reason) == (date(2026, 11, 9), PoolReason.HARD_CAP)
    assert needs_reassignment(TAKEN, None, as_of=LATER, policy=PoolPolicy(hard_cap_days=6))


def test_c3_pool_status_refuses_a_first_contact_that_is_not_a_day() -> None:
    with pytest.raises(InvalidInputError) as info:
        pool_status(TAKEN, [], first_contact="2026-11-04", as_of=LATER)  # type: ignore[arg-type]
    assert str(info.value) == "first_contact: expected a date or None, got str '2026-11-04'"


def test_c3_needs_reassignment_refuses_an_assignment_day_that_is_not_a_day() -> None:
    with pytest.raises(InvalidInputError) as info:
        needs_reassignment("2026-11-02", None, as_of=LATER)  # type: ignore[arg-type]
    assert str(info.value) == "assigned_on: expected a date, got str '2026-11-02'"
