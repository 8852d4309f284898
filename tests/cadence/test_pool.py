"""First contact within a week (rule C3) and the customer pool (公海)."""

from datetime import date

import pytest

from custrel.cadence import (
    DEFAULT_POOL,
    PoolPolicy,
    PoolReason,
    first_contact_deadline,
    needs_reassignment,
    pool_status,
)
from custrel.errors import InvalidInputError, PolicyError

TAKEN = date(2026, 11, 2)  # a Monday


@pytest.mark.parametrize(
    ("first_contact", "as_of", "expected"),
    [
        (None, date(2026, 11, 9), False),  # the deadline day itself: still in time
        (None, date(2026, 11, 10), True),
        (date(2026, 11, 9), date(2026, 11, 20), False),  # contacted on the last day
        (date(2026, 11, 10), date(2026, 11, 20), True),  # contacted a day late
        (date(2026, 11, 12), date(2026, 11, 10), True),  # "first contact" after as_of: not yet
    ],
)
def test_c3_first_contact_within_a_week(
    first_contact: date | None, as_of: date, expected: bool
) -> None:
    assert first_contact_deadline(TAKEN) == date(2026, 11, 9)
    assert needs_reassignment(TAKEN, first_contact, as_of=as_of) is expected


def test_c3_in_working_days() -> None:
    policy = PoolPolicy(working_days=True, first_contact_days=5)
    assert first_contact_deadline(date(2026, 11, 20), policy=policy) == date(2026, 11, 27)
    holidays = [date(2026, 11, 23)]
    assert first_contact_deadline(date(2026, 11, 20), policy=policy, holidays=holidays) == date(
        2026, 11, 30
    )


POOL_TABLE = [
    # follow-ups                         as_of               returns on          reason
    ([], date(2026, 11, 5), date(2026, 11, 10), PoolReason.NO_FIRST_CONTACT),
    ([date(2026, 11, 9)], date(2026, 11, 20), date(2026, 12, 10), PoolReason.NO_FOLLOW_UP),
    (
        [date(2026, 11, 10)],
        date(2026, 11, 20),
        date(2026, 11, 10),
        PoolReason.NO_FIRST_CONTACT,
    ),  # too late
    (
        [date(2026, 11, 3), date(2026, 11, 30)],
        date(2026, 12, 1),
        date(2026, 12, 31),
        PoolReason.NO_FOLLOW_UP,
    ),
    (
        [date(2026, 11, 30), date(2026, 11, 3)],
        date(2026, 12, 1),
        date(2026, 12, 31),
        PoolReason.NO_FOLLOW_UP,
    ),
    (
        [date(2026, 11, 3), date(2026, 11, 30)],
        date(2026, 11, 20),
        date(2026, 12, 4),
        PoolReason.NO_FOLLOW_UP,
    ),
    (
        [date(2026, 11, 1)],
        date(2026, 11, 20),
        date(2026, 11, 10),
        PoolReason.NO_FIRST_CONTACT,
    ),  # before taken
]


@pytest.mark.parametrize(("follow_ups", "as_of", "returns_on", "reason"), POOL_TABLE)
def test_pool_return(
    follow_ups: list[date], as_of: date, returns_on: date, reason: PoolReason
) -> None:
    status = pool_status(TAKEN, follow_ups, as_of=as_of)
    assert (status.returns_on, status.reason) == (returns_on, reason)
    assert status.returned is (as_of >= returns_on)


def test_a_short_follow_up_limit_never_shortens_the_first_hold() -> None:
    """Rule C3: the first contact was made in time, so the reason is the missing follow-up."""
    policy = PoolPolicy(first_contact_days=7, follow_up_days=2)
    status = pool_status(TAKEN, [date(2026, 11, 3)], as_of=date(2026, 11, 4), policy=policy)
    assert (status.returns_on, status.reason) == (date(2026, 11, 10), PoolReason.NO_FOLLOW_UP)


@pytest.mark.parametrize(
    ("as_of", "warning", "returned"),
    [
        (date(2026, 11, 6), False, False),
        (date(2026, 11, 7), True, False),  # three days before returning on the 10th
        (date(2026, 11, 9), True, False),
        (date(2026, 11, 10), False, True),
    ],
)
def test_warning_period(as_of: date, warning: bool, returned: bool) -> None:
    status = pool_status(TAKEN, [], as_of=as_of)
    assert status.warn_from == date(2026, 11, 7)
    assert (status.warning, status.returned) == (warning, returned)


def test_hard_cap() -> None:
    policy = PoolPolicy(hard_cap_days=45)
    follow_ups = [date(2026, 11, 5), date(2026, 12, 1)]
    status = pool_status(TAKEN, follow_ups, as_of=date(2026, 12, 10), policy=policy)
    assert (status.returns_on, status.reason) == (date(2026, 12, 18), PoolReason.HARD_CAP)


def test_closed_customers_are_exempt() -> None:
    status = pool_status(TAKEN, [], as_of=date(2027, 1, 1), closed=True)
    assert (status.returns_on, status.reason, status.warning, status.returned) == (
        None,
        PoolReason.CLOSED,
        False,
        False,
    )


def test_working_day_pool() -> None:
    policy = PoolPolicy(working_days=True, first_contact_days=5, warning_days=1)
    status = pool_status(date(2026, 11, 20), [], as_of=date(2026, 11, 27), policy=policy)
    assert status.returns_on == date(2026, 11, 30)  # the working day after Friday 27th
    assert status.warn_from == date(2026, 11, 27)
    assert status.warning


def test_policy_as_data() -> None:
    assert DEFAULT_POOL.to_dict() == {
        "first_contact_days": 7,
        "follow_up_days": 30,
        "hard_cap_days": None,
        "warning_days": 3,
        "working_days": False,
    }
    assert PoolPolicy.from_dict(DEFAULT_POOL.to_dict()) == DEFAULT_POOL
    assert DEFAULT_POOL.fingerprint() == "d4c0dc32d51cdfd4"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"first_contact_days": 0}, "first_contact_days"),
        ({"follow_up_days": "30"}, "follow_up_days"),
        ({"hard_cap_days": 0}, "hard_cap_days"),
        ({"working_days": "yes"}, "working_days"),
    ],
)
def test_bad_policies(data: dict[str, object], field: str) -> None:
    with pytest.raises(PolicyError) as info:
        PoolPolicy.from_dict(data)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: pool_status("2026-11-02", [], as_of=TAKEN), "taken_on"),  # type: ignore[arg-type]
        (lambda: pool_status(TAKEN, "2026-11-03", as_of=TAKEN), "follow_ups"),  # type: ignore[arg-type]
        (lambda: pool_status(TAKEN, ["2026-11-03"], as_of=TAKEN), "follow_ups[0]"),  # type: ignore[list-item]
        (lambda: pool_status(TAKEN, [], as_of=TAKEN, closed=1), "closed"),  # type: ignore[arg-type]
        (lambda: pool_status(TAKEN, [], as_of=TAKEN, policy=None), "policy"),  # type: ignore[arg-type]
        (lambda: needs_reassignment(TAKEN, "x", as_of=TAKEN), "first_contact"),  # type: ignore[arg-type]
    ],
)
def test_bad_input(call: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()  # type: ignore[operator]
    assert info.value.field == field
