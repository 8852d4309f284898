"""When a customer is next due: last follow-up, next due day, first contact (rules C1, C3)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from custrel import _checks as c
from custrel.cadence._policy import (
    _CHECK_DAY,
    _CHECK_OPTIONAL_DAY,
    _STEPS,
    DEFAULT_CADENCE,
    Cadence,
    CadencePolicy,
    _check_policy,
    _next_year,
)
from custrel.cadence._workdays import (
    _NO_DAYS,
    _rules,
)
from custrel.errors import InvalidInputError
from custrel.grading import (
    Grade,
)
from custrel.models import ContactEvent

if TYPE_CHECKING:
    from collections.abc import Iterable

    from custrel.cadence._workcalendar import WorkCalendar

__all__ = ["first_contact_day", "last_follow_up", "next_due"]


Step = timedelta | Callable[[date], date]


def _steps(
    policy: CadencePolicy,
    calendar: WorkCalendar | None,
    holidays: Iterable[date],
    workdays: Iterable[date],
) -> dict[Grade, Step]:
    """Each grade's step from a last follow-up to its due day: a timedelta where it can."""
    days = _rules(calendar, holidays, workdays)

    def next_working(day: date) -> date:
        return days.add(day, 1)

    steps: dict[Grade, Step] = {}
    for grade_, cadence in policy.cadences.items():
        if isinstance(cadence, relativedelta):
            steps[grade_] = functools.partial(_plus, cadence)
        elif cadence is Cadence.DAILY and policy.daily_on_working_days:
            steps[grade_] = next_working
        elif cadence is Cadence.YEARLY:
            steps[grade_] = _next_year
        else:
            steps[grade_] = _STEPS[cadence]
    return steps


_CHECK_GRADE = c.member(Grade)
_last_steps: tuple[CadencePolicy, dict[Grade, Step]] = (DEFAULT_CADENCE, {})  # see _plain_steps


def _plain_steps(policy: CadencePolicy) -> dict[Grade, Step]:
    """Build the steps of ``policy`` without a working calendar and keep them.

    ``next_due`` runs in loops over one policy and reads ``_last_steps`` first, so the
    steps are built once, not on every call. The cache is one entry, bounded by
    construction; replacing the single reference ``_last_steps`` is atomic, so threads
    that race here at worst build twice.
    """
    global _last_steps  # noqa: PLW0603 - a private one-entry cache
    steps = _steps(policy, None, _NO_DAYS, _NO_DAYS)
    _last_steps = (policy, steps)
    return steps


def _plus(period: relativedelta, day: date) -> date:
    return day + period


def _after(step: Step, day: date) -> date:
    return day + step if isinstance(step, timedelta) else step(day)


def next_due(
    grade: Grade,
    last_contact: date | None,
    /,
    *,
    as_of: date,
    policy: CadencePolicy = DEFAULT_CADENCE,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> date:
    """When a customer must next be followed up (rule C1).

    One interval of the grade's cadence after the last follow-up; a customer never
    followed up is due at once, on ``as_of``. With the policy's
    ``daily_on_working_days``, a daily cadence is due on the next working day.

    Args:
        grade: The customer's grade.
        last_contact: The day of the last follow-up (see :func:`last_follow_up`), or
            ``None``.
        as_of: The reference day.
        policy: The cadences; the rule book's by default.
        calendar: The working calendar, for ``daily_on_working_days``.
        holidays: Without a calendar: public holidays, for ``daily_on_working_days``.
        workdays: Without a calendar: make-up working days (调休), for
            ``daily_on_working_days``.

    Returns:
        The due day (it may be before ``as_of``: overdue).

    Raises:
        InvalidInputError: If an argument has the wrong type (a ``datetime`` is
            refused; pass its ``.date()``).
        OutsideCalendarError: If a daily cadence on working days is counted past the
            calendar's years.

    >>> from datetime import date
    >>> from custrel.grading import Grade
    >>> next_due(Grade.E, date(2024, 2, 29), as_of=date(2026, 11, 22))
    datetime.date(2025, 2, 28)
    >>> next_due(Grade.A, None, as_of=date(2026, 11, 22))
    datetime.date(2026, 11, 22)
    >>> weekdays = CadencePolicy(daily_on_working_days=True)
    >>> next_due(Grade.A, date(2026, 11, 20), as_of=date(2026, 11, 22), policy=weekdays)
    datetime.date(2026, 11, 23)
    """
    # Exact-type tests first: next_due runs in loops, and the full checks are slower.
    if grade.__class__ is not Grade:
        _CHECK_GRADE("grade", grade)
    if policy.__class__ is not CadencePolicy:
        policy = _check_policy(policy)
    if last_contact.__class__ is not date:
        _CHECK_OPTIONAL_DAY("last_contact", last_contact)
    if as_of.__class__ is not date:
        _CHECK_DAY("as_of", as_of)
    if calendar is None and holidays is _NO_DAYS and workdays is _NO_DAYS:
        cached_policy, steps = _last_steps  # the fast path of _plain_steps, inlined
        if cached_policy is not policy or not steps:
            steps = _plain_steps(policy)
    else:
        steps = _steps(policy, calendar, holidays, workdays)
    if last_contact is None:
        return as_of
    step = steps[grade]
    return last_contact + step if isinstance(step, timedelta) else step(last_contact)


def first_contact_day(
    events: Iterable[ContactEvent],
    /,
    *,
    assigned_on: date,
    as_of: date,
    policy: CadencePolicy = DEFAULT_CADENCE,
) -> date | None:
    """The day of the first contact with a newly assigned customer (rule C3).

    The earliest event on or after ``assigned_on`` and on or before ``as_of`` that
    counts as a first contact (:meth:`CadencePolicy.counts_as_first_contact`): a fax,
    e-mail, mailing or website introduction counts, as seed 001 prescribes, even
    though they are not regular follow-ups. Feed the result to
    :func:`needs_reassignment` and, as ``first_contact``, to :func:`pool_status`.

    Args:
        events: The customer's contact events, in any order.
        assigned_on: The day the customer was assigned.
        as_of: The reference day.
        policy: Which contacts count.

    Returns:
        The day, or ``None`` if there has been no first contact.

    Raises:
        InvalidInputError: If an argument has the wrong type.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Channel, ContactEvent, Direction
    >>> fax = ContactEvent(customer_id="c-1", at=datetime(2026, 11, 3, tzinfo=timezone.utc),
    ...                    channel=Channel.FAX, direction=Direction.OUTBOUND)
    >>> first_contact_day([fax], assigned_on=date(2026, 11, 1), as_of=date(2026, 11, 22))
    datetime.date(2026, 11, 3)
    """
    policy = _check_policy(policy)
    _CHECK_DAY("assigned_on", assigned_on)
    _CHECK_DAY("as_of", as_of)
    c.iterable("events", events, "ContactEvent")
    first: date | None = None
    for index, event in enumerate(events):
        if not isinstance(event, ContactEvent):
            raise InvalidInputError(f"events[{index}]", event, "a ContactEvent")
        day = event.at.date()
        if (
            assigned_on <= day <= as_of
            and (first is None or day < first)
            and policy.counts_as_first_contact(event)
        ):
            first = day
    return first


def last_follow_up(
    events: Iterable[ContactEvent], /, *, as_of: date, policy: CadencePolicy = DEFAULT_CADENCE
) -> date | None:
    """The day of a customer's last follow-up, from their contact events (rule C1).

    Only events that count under the policy (:meth:`CadencePolicy.counts`) and fall on
    or before ``as_of`` (on the calendar day of their own timestamp) are considered.

    Args:
        events: One customer's contact events, in any order.
        as_of: The reference day.
        policy: Which contacts count.

    Returns:
        The day, or ``None`` if none counts.

    Raises:
        InvalidInputError: If an argument has the wrong type.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Channel, ContactEvent, Direction
    >>> def contact(day, channel, direction):
    ...     return ContactEvent(customer_id="c-1", at=datetime(2026, 11, day, tzinfo=timezone.utc),
    ...                         channel=channel, direction=direction)
    >>> last_follow_up([contact(3, Channel.VISIT, Direction.OUTBOUND),
    ...                 contact(9, Channel.EMAIL, Direction.INBOUND)], as_of=date(2026, 11, 22))
    datetime.date(2026, 11, 3)
    """
    policy = _check_policy(policy)
    _CHECK_DAY("as_of", as_of)
    c.iterable("events", events, "ContactEvent")
    latest: date | None = None
    for index, event in enumerate(events):
        if not isinstance(event, ContactEvent):
            raise InvalidInputError(f"events[{index}]", event, "a ContactEvent")
        day = event.at.date()
        if day <= as_of and policy.counts(event) and (latest is None or day > latest):
            latest = day
    return latest
