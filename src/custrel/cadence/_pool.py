"""First contact within a week (rule C3) and the customer pool (公海).

Chinese CRMs run these rules as nightly jobs on the server clock; here they are pure
functions of ``as_of``. Public through :mod:`custrel.cadence`.
"""

from __future__ import annotations

import enum
from datetime import date, timedelta
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel._policy import Policy
from custrel.cadence._workdays import _NO_DAYS, _rules
from custrel.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from custrel.cadence._workcalendar import WorkCalendar

__all__ = [
    "DEFAULT_POOL",
    "PoolPolicy",
    "PoolReason",
    "PoolStatus",
    "first_contact_deadline",
    "needs_reassignment",
    "pool_status",
]

_CHECK_DAY = c.day()
_CHECK_OPTIONAL_DAY = c.day(optional=True)
_CHECK_COUNTED_DAY = c.day(optional=True, bounded=False)  # a span past a bounded day


@attrs.frozen(kw_only=True, cache_hash=True)
class PoolPolicy(Policy):
    """When a customer an owner holds goes back to the customer pool (rule C3, 公海).

    Args:
        first_contact_days: The owner must first follow up within this many days of
            taking the customer (rule C3: one week).
        follow_up_days: Each qualifying follow-up extends the hold to this many days
            after it.
        hard_cap_days: The most days an owner may hold a customer who has not closed,
            however often they follow up; ``None`` for no cap.
        warning_days: Warn the owner this many days before the customer returns.
        working_days: Count all of the above in working days instead of calendar days.

    Raises:
        PolicyError: If a number is out of range.

    >>> from custrel.cadence import PoolPolicy
    >>> PoolPolicy().first_contact_days, PoolPolicy().follow_up_days
    (7, 30)
    >>> PoolPolicy(warning_days=-1)
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: PoolPolicy.warning_days: expected an int in 0..36600, got int -1
    """

    first_contact_days: int = attrs.field(default=7, validator=c.policy(c.days(1)))  # rule C3
    follow_up_days: int = attrs.field(default=30, validator=c.policy(c.days(1)))
    hard_cap_days: int | None = attrs.field(
        default=None, validator=c.policy(c.count(1, c.MAX_DAYS, optional=True))
    )
    warning_days: int = attrs.field(default=3, validator=c.policy(c.days(0)))
    working_days: bool = attrs.field(default=False, validator=c.policy(c.flag))


DEFAULT_POOL = PoolPolicy()
"""First contact within 7 days, each follow-up holds 30 more, no cap, warn 3 days ahead."""


class _Days:
    """Adds the policy's days, calendar or working, with the caller's working calendar."""

    def __init__(
        self,
        policy: PoolPolicy,
        calendar: WorkCalendar | None,
        holidays: Iterable[date],
        workdays: Iterable[date],
    ) -> None:
        self.working = policy.working_days
        self.days = _rules(calendar, holidays, workdays)

    def add(self, start: date, n: int) -> date:
        if self.working:
            return self.days.add(start, n)
        return start + timedelta(days=n)


def _check_policy(policy: object) -> PoolPolicy:
    if not isinstance(policy, PoolPolicy):
        raise InvalidInputError("policy", policy, "a PoolPolicy")
    return policy


def first_contact_deadline(
    assigned_on: date,
    /,
    *,
    policy: PoolPolicy = DEFAULT_POOL,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> date:
    """The last day to first contact a newly assigned customer (rule C3: 一周内联系).

    Args:
        assigned_on: The day the customer was assigned.
        policy: The limits; one week by default.
        calendar: The working calendar, when the policy counts working days.
        holidays: Without a calendar: public holidays, when the policy counts working
            days.
        workdays: Without a calendar: make-up working days, when the policy counts
            working days.

    Returns:
        The deadline, inclusive: a contact on that day is in time.

    Raises:
        InvalidInputError: If an argument has the wrong type.
        OutsideCalendarError: If working days are counted past the calendar's years.

    >>> from datetime import date
    >>> first_contact_deadline(date(2026, 11, 22))
    datetime.date(2026, 11, 29)
    """
    _CHECK_DAY("assigned_on", assigned_on)
    policy = _check_policy(policy)
    return _Days(policy, calendar, holidays, workdays).add(assigned_on, policy.first_contact_days)


def _first_contact(
    taken_on: date,
    contacts: Iterable[date],
    /,
    *,
    as_of: date,
    policy: PoolPolicy,
    add: Callable[[date, int], date],
) -> tuple[date, bool]:
    """Rule C3, decided once for :func:`needs_reassignment` and :func:`pool_status`.

    Returns the first-contact deadline and whether a first contact was made in time:
    a contact on or after ``taken_on``, on or before the deadline and on or before
    ``as_of``.
    """
    deadline = add(taken_on, policy.first_contact_days)  # rule C3
    last = min(deadline, as_of)
    return deadline, any(taken_on <= day <= last for day in contacts)


def needs_reassignment(
    assigned_on: date,
    first_contact: date | None,
    /,
    *,
    as_of: date,
    policy: PoolPolicy = DEFAULT_POOL,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> bool:
    """Whether the manager may reassign a customer not contacted in time (rule C3).

    True when no first contact was made in time (on or after ``assigned_on``, on or
    before the deadline and on or before ``as_of``) and the customer is due back in the
    pool: ``as_of`` is on or after the day after the deadline, counted as the policy
    counts days (in working days, the next working day). It is true exactly when
    :func:`pool_status`, given the same first contact, returns the customer for
    ``NO_FIRST_CONTACT``: both decide "first contact made in time" with one helper.

    Args:
        assigned_on: The day the customer was assigned.
        first_contact: The day of the first contact (see :func:`first_contact_day`), or
            ``None``. A day before ``assigned_on`` or after ``as_of`` does not count.
        as_of: The reference day.
        policy: The limits; one week by default.
        calendar: The working calendar, when the policy counts working days.
        holidays: Without a calendar: public holidays, when the policy counts working
            days.
        workdays: Without a calendar: make-up working days, when the policy counts
            working days.

    Returns:
        Whether the customer may be reassigned.

    Raises:
        InvalidInputError: If an argument has the wrong type.
        OutsideCalendarError: If working days are counted past the calendar's years.

    >>> from datetime import date
    >>> needs_reassignment(date(2026, 11, 1), None, as_of=date(2026, 11, 8))
    False
    >>> needs_reassignment(date(2026, 11, 1), None, as_of=date(2026, 11, 9))
    True
    >>> needs_reassignment(date(2026, 11, 1), date(2026, 11, 8), as_of=date(2026, 11, 30))
    False
    """
    _CHECK_DAY("assigned_on", assigned_on)
    _CHECK_OPTIONAL_DAY("first_contact", first_contact)
    _CHECK_DAY("as_of", as_of)
    policy = _check_policy(policy)
    add = _Days(policy, calendar, holidays, workdays).add
    contacts = () if first_contact is None else (first_contact,)
    deadline, in_time = _first_contact(assigned_on, contacts, as_of=as_of, policy=policy, add=add)
    return not in_time and as_of >= add(deadline, 1)


class PoolReason(enum.StrEnum):
    """Why a customer goes back to the pool, or why not.

    >>> from custrel.cadence import PoolReason
    >>> PoolReason.NO_FIRST_CONTACT.value
    'no_first_contact'
    """

    NO_FIRST_CONTACT = "no_first_contact"  # rule C3: not contacted within the first limit
    NO_FOLLOW_UP = "no_follow_up"  # no qualifying follow-up within the follow-up limit
    HARD_CAP = "hard_cap"  # held the longest an owner may without closing
    CLOSED = "closed"  # a closed customer stays with the owner


@attrs.frozen(kw_only=True)
class PoolStatus:
    """Where an owned customer stands against the pool rules on ``as_of``.

    Args:
        returns_on: The day the customer goes back to the pool (the day after the
            last day held); ``None`` for a closed customer.
        reason: Why it returns then (or ``CLOSED``).
        warn_from: The first day to warn the owner; ``None`` for a closed customer.
        warning: Whether ``as_of`` is in the warning period.
        returned: Whether the customer is back in the pool on ``as_of``.

    Raises:
        InvalidInputError: If a field has the wrong type, or the fields disagree: the
            days are ``None`` exactly when the reason is ``CLOSED`` (and then neither
            flag is set), ``warn_from`` is not after ``returns_on``, and a customer
            back in the pool is not in the warning period.

    >>> from datetime import date
    >>> from custrel.cadence import pool_status
    >>> pool_status(date(2026, 11, 1), [], as_of=date(2026, 11, 6)).warning
    True
    >>> from custrel.cadence import PoolReason, PoolStatus
    >>> PoolStatus(returns_on=None, reason=PoolReason.HARD_CAP, warn_from=None,
    ...            warning=False, returned=True)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: PoolStatus.returns_on: expected a date (None only when reason is 'closed'), got NoneType None
    """  # noqa: E501 - a doctest output line

    returns_on: date | None = attrs.field(validator=c.checked(_CHECK_COUNTED_DAY))
    reason: PoolReason = attrs.field(validator=c.checked(c.member(PoolReason)))
    warn_from: date | None = attrs.field(validator=c.checked(_CHECK_COUNTED_DAY))
    warning: bool = attrs.field(validator=c.checked(c.flag))
    returned: bool = attrs.field(validator=c.checked(c.flag))

    def __attrs_post_init__(self) -> None:
        """Check that the fields tell one story, as the rule's own results do."""
        closed = self.reason is PoolReason.CLOSED
        expected = (
            "None when reason is 'closed'"
            if closed
            else "a date (None only when reason is 'closed')"
        )
        for name, day in (("returns_on", self.returns_on), ("warn_from", self.warn_from)):
            if (day is None) != closed:
                raise InvalidInputError(f"PoolStatus.{name}", day, expected)
        if self.warning and (closed or self.returned):
            raise InvalidInputError(
                "PoolStatus.warning", self.warning, "False when closed or returned"
            )
        if self.returned and closed:
            raise InvalidInputError("PoolStatus.returned", self.returned, "False when closed")
        if (
            self.warn_from is not None
            and self.returns_on is not None
            and self.warn_from > self.returns_on
        ):
            raise InvalidInputError(
                "PoolStatus.warn_from",
                self.warn_from,
                f"a date on or before returns_on ({self.returns_on.isoformat()})",
            )


def pool_status(
    taken_on: date,
    follow_ups: Iterable[date],
    /,
    *,
    as_of: date,
    first_contact: date | None = None,
    closed: bool = False,
    policy: PoolPolicy = DEFAULT_POOL,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> PoolStatus:
    """When a customer goes back to the pool (公海), and why (rule C3).

    The owner holds the customer until ``first_contact_days`` after ``taken_on``. The
    first contact (rule C3) counts on the channels seed 001 prescribes for it, a fax or
    a mailing as well as a follow-up: pass its day as ``first_contact`` (see
    :func:`first_contact_day`). Once a first contact is made in time, the reason is
    never ``NO_FIRST_CONTACT``, so the customer returns for that reason exactly when
    :func:`needs_reassignment` says so. The first contact and each qualifying
    follow-up made while the customer is still held (on or before the last day held,
    and on or before ``as_of``) extend the hold to ``follow_up_days`` after it; the
    hold never shrinks. A follow-up after the customer has returned does not
    bring them back. With ``hard_cap_days``, the hold ends at the latest that many days
    after ``taken_on``. The customer returns the day after the last day held; the
    owner is warned from ``warning_days`` before that. A closed customer is exempt.
    Days are calendar days or, if the policy says so, working days.

    Args:
        taken_on: The day the owner took the customer.
        follow_ups: The days of the owner's qualifying follow-ups (see
            :meth:`CadencePolicy.counts`), in any order.
        as_of: The reference day.
        first_contact: The day of the first contact, on any first-contact channel,
            or ``None``; a follow-up in ``follow_ups`` is a first contact too.
        closed: Whether the customer has closed a deal (exempt from the pool).
        policy: The limits.
        calendar: The working calendar, when the policy counts working days.
        holidays: Without a calendar: public holidays, when the policy counts working
            days.
        workdays: Without a calendar: make-up working days, when the policy counts
            working days.

    Returns:
        The status.

    Raises:
        InvalidInputError: If an argument has the wrong type.
        OutsideCalendarError: If working days are counted past the calendar's years.

    >>> from datetime import date
    >>> s = pool_status(date(2026, 11, 1), [date(2026, 11, 5)], as_of=date(2026, 11, 22))
    >>> s.returns_on, s.reason.value, s.warn_from, s.returned
    (datetime.date(2026, 12, 6), 'no_follow_up', datetime.date(2026, 12, 3), False)
    >>> faxed = pool_status(date(2026, 11, 1), [], first_contact=date(2026, 11, 3),
    ...                     as_of=date(2026, 11, 22))
    >>> faxed.returns_on, faxed.reason.value
    (datetime.date(2026, 12, 4), 'no_follow_up')
    """
    _CHECK_DAY("taken_on", taken_on)
    _CHECK_DAY("as_of", as_of)
    _CHECK_OPTIONAL_DAY("first_contact", first_contact)
    c.flag("closed", closed)
    policy = _check_policy(policy)
    c.iterable("follow_ups", follow_ups, "dates")
    days = list(follow_ups)
    for index, day in enumerate(days):
        _CHECK_DAY(f"follow_ups[{index}]", day)
    if closed:
        return c.unchecked(
            PoolStatus,
            returns_on=None,
            reason=PoolReason.CLOSED,
            warn_from=None,
            warning=False,
            returned=False,
        )
    add = _Days(policy, calendar, holidays, workdays).add
    if first_contact is not None:
        days.append(first_contact)  # a fax or a mailing starts the follow-up clock too
    held_until, in_time = _first_contact(taken_on, days, as_of=as_of, policy=policy, add=add)
    reason = PoolReason.NO_FOLLOW_UP if in_time else PoolReason.NO_FIRST_CONTACT
    for day in sorted(d for d in days if taken_on <= d <= as_of):
        if day > held_until:
            break
        held_until = max(held_until, add(day, policy.follow_up_days))
    if policy.hard_cap_days is not None:
        cap = add(taken_on, policy.hard_cap_days)
        if cap < held_until:
            held_until, reason = cap, PoolReason.HARD_CAP
    returns_on = add(held_until, 1)
    warn_from = add(returns_on, -policy.warning_days)
    return c.unchecked(
        PoolStatus,
        returns_on=returns_on,
        reason=reason,
        warn_from=warn_from,
        warning=warn_from <= as_of < returns_on,
        returned=as_of >= returns_on,
    )
