"""Following customers up (客户追踪志): cadence, agenda, occasions, working days, pool.

Rules G4 and C1-C6. Each grade has a follow-up cadence (C1); a follow-up re-grades the
customer and restarts the clock (G4); the agenda lists who is due; greetings fall on
important days (C2); new customers are contacted within a week or go back to the pool
(C3); records and minutes are due within two working days (C4); ownership goes to the
first record (C5) and campaign leads are shared by ability (C6).

>>> from datetime import date
>>> from custrel.cadence import next_due
>>> from custrel.grading import Grade
>>> next_due(Grade.B, date(2026, 11, 20), as_of=date(2026, 11, 22))
datetime.date(2026, 11, 27)
"""

from __future__ import annotations

import enum
import functools
import heapq
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs
from dateutil.relativedelta import relativedelta

from custrel import _checks as c
from custrel._assignment import Claim, assign_balanced, owner_by_first_record
from custrel._occasions import UpcomingOccasion, upcoming_occasions
from custrel._periods import check_period, months_and_days
from custrel._policy import Policy
from custrel._pool import (
    DEFAULT_POOL,
    PoolPolicy,
    PoolReason,
    PoolStatus,
    first_contact_deadline,
    needs_reassignment,
    pool_status,
)
from custrel._records import (
    DEFAULT_RECORD_WORKFLOW,
    RecordStep,
    RecordWorkflowPolicy,
    StepDue,
    minutes_steps,
    record_steps,
)
from custrel._workcalendar import Beyond, Weekday, WorkCalendar
from custrel._workdays import (
    _NO_DAYS,
    RECORD_WORKING_DAYS,
    _rules,
    add_working_days,
    is_working_day,
    minutes_deadline,
    record_deadline,
)
from custrel.errors import InvalidInputError, PolicyError
from custrel.grading import (
    DEFAULT_GRADING,
    BoundGradingPolicy,
    Grade,
    GradingPolicy,
    customer_grade,
    grade,
)
from custrel.grading import _bind as grading_at
from custrel.models import Channel, ContactEvent, Direction, Opportunity

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "DEFAULT_CADENCE",
    "DEFAULT_POOL",
    "DEFAULT_RECORD_WORKFLOW",
    "RECORD_WORKING_DAYS",
    "AgendaItem",
    "Beyond",
    "Cadence",
    "CadencePolicy",
    "Claim",
    "FollowUp",
    "PoolPolicy",
    "PoolReason",
    "PoolStatus",
    "RecordStep",
    "RecordWorkflowPolicy",
    "StepDue",
    "UpcomingOccasion",
    "Weekday",
    "WorkCalendar",
    "add_working_days",
    "agenda",
    "assign_balanced",
    "cadence_for",
    "first_contact_day",
    "first_contact_deadline",
    "follow_up",
    "is_working_day",
    "last_follow_up",
    "minutes_deadline",
    "minutes_steps",
    "needs_reassignment",
    "next_due",
    "owner_by_first_record",
    "pool_status",
    "record_deadline",
    "record_steps",
    "upcoming_occasions",
]

_CHECK_DAY = c.day()
_CHECK_OPTIONAL_DAY = c.day(optional=True)
_CHECK_DUE = c.day(bounded=False)  # a cadence from a bounded day may pass MAX_DAY
_FEBRUARY, _LEAP_DAY = 2, 29


class Cadence(enum.StrEnum):
    """How often a customer is followed up (rule C1: 追踪志).

    Daily, weekly, half-monthly and monthly are 1, 7, 15 and 30 days as written (not
    calendar months); yearly is one calendar year, 29 February + 1 year being 28
    February.

    >>> from datetime import date
    >>> from custrel.cadence import Cadence
    >>> Cadence.MONTHLY.after(date(2026, 1, 31)), Cadence.YEARLY.after(date(2024, 2, 29))
    (datetime.date(2026, 3, 2), datetime.date(2025, 2, 28))
    """

    DAILY = "daily"  # rule C1: A, 日志
    WEEKLY = "weekly"  # rule C1: B, 周志
    SEMIMONTHLY = "semimonthly"  # rule C1: C, 半月志
    MONTHLY = "monthly"  # rule C1: D, 月志
    YEARLY = "yearly"  # rule C1: E, 年志

    def after(self, day: date, /) -> date:
        """The day one interval after ``day``.

        Args:
            day: The last follow-up.

        Returns:
            The next one.
        """
        if self is Cadence.YEARLY:
            return _next_year(day)
        return day + _STEPS[self]


_STEPS = {
    Cadence.DAILY: timedelta(days=1),
    Cadence.WEEKLY: timedelta(days=7),
    Cadence.SEMIMONTHLY: timedelta(days=15),
    Cadence.MONTHLY: timedelta(days=30),
}


def _next_year(day: date) -> date:
    if (day.month, day.day) == (_FEBRUARY, _LEAP_DAY):
        return date(day.year + 1, _FEBRUARY, _LEAP_DAY - 1)
    return day.replace(year=day.year + 1)


_DEFAULT_CADENCES = MappingProxyType(
    {
        Grade.A: Cadence.DAILY,  # rule C1
        Grade.B: Cadence.WEEKLY,  # rule C1
        Grade.C: Cadence.SEMIMONTHLY,  # rule C1
        Grade.D: Cadence.MONTHLY,  # rule C1
        Grade.E: Cadence.YEARLY,  # rule C1 (the text's second "D")
    }
)
_LIVE = frozenset({Channel.PHONE, Channel.VISIT, Channel.MEETING})
_OUTBOUND = frozenset(Channel) - {Channel.POST, Channel.FAX, Channel.WEBSITE}
# rule C3 (seed 001 第五条): first contact by fax, e-mail, post or a website introduction,
# then the phone to confirm and make an appointment, and of course a visit or a meeting.
_FIRST_CONTACT = frozenset(
    {
        Channel.FAX,
        Channel.EMAIL,
        Channel.POST,
        Channel.WEBSITE,
        Channel.PHONE,
        Channel.VISIT,
        Channel.MEETING,
    }
)

_Interval = Cadence | relativedelta
"""A grade's follow-up interval: a named cadence or any calendar period (rule C1)."""


def _freeze(value: Mapping[Grade, _Interval]) -> Mapping[Grade, _Interval]:
    if isinstance(value, Mapping):
        return MappingProxyType(dict(value))
    return value


def _check_cadence(name: str, cadence: object) -> None:
    """One grade's interval: a :class:`Cadence` or a period longer than 0 days (C1)."""
    if isinstance(cadence, relativedelta):
        check_period(name, cadence)
        if months_and_days(cadence) == (0, 0):
            raise PolicyError(name, cadence, "a period longer than 0 days")
    elif not isinstance(cadence, Cadence):
        raise PolicyError(name, cadence, "a Cadence or a calendar period (relativedelta)")


def _check_cadences(_: object, __: attrs.Attribute[Any], value: object) -> None:
    name = "CadencePolicy.cadences"
    if not isinstance(value, Mapping):
        raise PolicyError(name, value, "a mapping of every grade to a cadence")
    for key, cadence in value.items():
        if not isinstance(key, Grade):
            raise PolicyError(f"{name}[{key!r}]", key, "a Grade")
        _check_cadence(f"{name}[{key!r}]", cadence)
    missing = [g.value for g in Grade if g not in value]
    if missing:
        raise PolicyError(name, missing, "a cadence for every grade; these have none")


def _channels(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    name = f"CadencePolicy.{attribute.name}"
    if not isinstance(value, frozenset) or not all(isinstance(v, Channel) for v in value):
        raise PolicyError(name, value, "a set of Channel")


def _to_channels(value: Iterable[Channel]) -> frozenset[Channel]:
    if isinstance(value, set | list | tuple):
        return frozenset(value)
    return value  # type: ignore[return-value]  # the validator refuses it


@attrs.frozen(kw_only=True)
class CadencePolicy(Policy):
    """Follow-up cadence by grade (rule C1), and which contacts count as a follow-up.

    Each grade follows one of the five named cadences (the defaults) or any calendar
    period a sales team chooses, such as ``relativedelta(days=10)`` for "B every 10
    days" (``{"days": 10}`` in a policy file). With ``daily_on_working_days``, a
    daily cadence falls on the next working day instead of a weekend or holiday.

    Most CRMs silently take any activity as a follow-up; here the policy says which
    do. By default every outbound contact counts except post, fax and website (one-way
    mailings), and an inbound contact counts only when it is live — a call, a visit or
    a meeting; an inbound e-mail, message or web form may be unanswered, so it does not
    reset the clock. The *first* contact with a newly assigned customer (rule C3) has
    its own channels: seed 001 tells the salesperson to open with a fax, an e-mail, a
    mailing or a website introduction and then to phone, so those count as a first
    contact even though they are not regular follow-ups.

    Args:
        cadences: Every grade's cadence (A daily, B weekly, C half-monthly, D monthly,
            E yearly by default), a :class:`Cadence` or a calendar period.
        outbound: Channels on which a contact we started counts.
        inbound: Channels on which a contact the customer started counts.
        first_contact: Channels on which an outbound contact counts as the first
            contact (rule C3): fax, e-mail, post, website, phone, visit and meeting.
        daily_on_working_days: Whether a daily cadence skips non-working days (given
            as ``calendar``, or as ``holidays`` and ``workdays``, to the functions that
            compute due days).

    Raises:
        PolicyError: If a grade has no cadence or a value has the wrong type.

    >>> from dateutil.relativedelta import relativedelta
    >>> from custrel.cadence import Cadence, CadencePolicy
    >>> from custrel.grading import Grade
    >>> CadencePolicy(cadences={Grade.A: Cadence.DAILY})
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: CadencePolicy.cadences: expected a cadence for every grade; these have none, got list ['B', 'C', 'D', 'E']
    >>> tuned = CadencePolicy.from_dict({"cadences": {"A": "daily", "B": {"days": 10},
    ...                                               "C": {"weeks": 3}, "D": {"months": 1},
    ...                                               "E": "yearly"}})
    >>> tuned.cadences[Grade.B], tuned.cadences[Grade.D]
    (relativedelta(days=+10), relativedelta(months=+1))
    """  # noqa: E501 - a doctest output line

    cadences: Mapping[Grade, _Interval] = attrs.field(
        default=_DEFAULT_CADENCES, converter=_freeze, validator=_check_cadences, hash=False
    )
    outbound: frozenset[Channel] = attrs.field(
        default=_OUTBOUND, converter=_to_channels, validator=_channels
    )
    inbound: frozenset[Channel] = attrs.field(
        default=_LIVE, converter=_to_channels, validator=_channels
    )
    first_contact: frozenset[Channel] = attrs.field(
        default=_FIRST_CONTACT, converter=_to_channels, validator=_channels
    )
    daily_on_working_days: bool = attrs.field(default=False, validator=c.policy(c.flag))

    def counts(self, event: ContactEvent, /) -> bool:
        """Whether a contact event counts as a follow-up under this policy.

        Args:
            event: The contact.

        Returns:
            Whether it resets the follow-up clock.

        Raises:
            InvalidInputError: If ``event`` is not a ContactEvent.

        >>> from datetime import datetime, timezone
        >>> from custrel.cadence import DEFAULT_CADENCE
        >>> from custrel.models import Channel, ContactEvent, Direction
        >>> at = datetime(2026, 11, 20, tzinfo=timezone.utc)
        >>> DEFAULT_CADENCE.counts(ContactEvent(customer_id="c-1", at=at, channel=Channel.EMAIL,
        ...                                     direction=Direction.INBOUND))
        False
        """
        if not isinstance(event, ContactEvent):
            raise InvalidInputError("event", event, "a ContactEvent")
        allowed = self.outbound if event.direction is Direction.OUTBOUND else self.inbound
        return event.channel in allowed

    def counts_as_first_contact(self, event: ContactEvent, /) -> bool:
        """Whether a contact event counts as the first contact with a customer (rule C3).

        An outbound contact on one of the ``first_contact`` channels, or any contact
        that counts as a follow-up.

        Args:
            event: The contact.

        Returns:
            Whether it meets the one-week first-contact rule.

        Raises:
            InvalidInputError: If ``event`` is not a ContactEvent.

        >>> from datetime import datetime, timezone
        >>> from custrel.cadence import DEFAULT_CADENCE
        >>> from custrel.models import Channel, ContactEvent, Direction
        >>> fax = ContactEvent(customer_id="c-1", at=datetime(2026, 11, 20, tzinfo=timezone.utc),
        ...                    channel=Channel.FAX, direction=Direction.OUTBOUND)
        >>> DEFAULT_CADENCE.counts(fax), DEFAULT_CADENCE.counts_as_first_contact(fax)
        (False, True)
        """
        if self.counts(event):
            return True
        return event.direction is Direction.OUTBOUND and event.channel in self.first_contact


DEFAULT_CADENCE = CadencePolicy()
"""The rule book's cadences (rule C1) and the default follow-up channels."""


def _check_policy(policy: object) -> CadencePolicy:
    if not isinstance(policy, CadencePolicy):
        raise InvalidInputError("policy", policy, "a CadencePolicy")
    return policy


def cadence_for(grade: Grade, /, *, policy: CadencePolicy = DEFAULT_CADENCE) -> _Interval:
    """The follow-up cadence of a grade (rule C1).

    Args:
        grade: The customer's grade.
        policy: The cadences; the rule book's by default.

    Returns:
        The cadence: a named :class:`Cadence`, or the calendar period the policy gives.

    Raises:
        InvalidInputError: If an argument has the wrong type.

    >>> from custrel.cadence import cadence_for
    >>> from custrel.grading import Grade
    >>> cadence_for(Grade.C)
    <Cadence.SEMIMONTHLY: 'semimonthly'>
    """
    c.member(Grade)("grade", grade)
    return _check_policy(policy).cadences[grade]


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
    :func:`needs_reassignment` or, with the later follow-ups, to :func:`pool_status`.

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


_INTERVAL = (
    "a Cadence or a calendar period (relativedelta) of whole years, months, weeks or days,"
    " longer than 0 days and at most 100 years and 36,600 days"
)


def _check_interval(name: str, value: object) -> None:
    """A follow-up interval as a :class:`CadencePolicy` holds one (rule C1)."""
    try:
        _check_cadence(name, value)
    except PolicyError:
        raise InvalidInputError(name, value, _INTERVAL) from None


@attrs.frozen(kw_only=True)
class FollowUp:
    """The outcome of a follow-up: the new grade and when the next one is due (G4).

    Args:
        on: The day of the follow-up.
        grade: The grade decided again on that day.
        cadence: The new grade's cadence (a named cadence or a calendar period).
        next_due: When the next follow-up is due (counted from a day up to 8999-12-31,
            it may be later).

    Raises:
        InvalidInputError: If a field has the wrong type or is out of range.

    >>> from datetime import date
    >>> from custrel.cadence import Cadence, FollowUp
    >>> from custrel.grading import Grade
    >>> FollowUp(on=date(2026, 11, 22), grade=Grade.A, cadence=Cadence.DAILY,
    ...          next_due=date(2026, 11, 23)).next_due
    datetime.date(2026, 11, 23)
    >>> FollowUp(on=date(2026, 11, 22), grade="A", cadence=Cadence.DAILY,
    ...          next_due=date(2026, 11, 23))
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: FollowUp.grade: expected a Grade ('A', 'B', 'C', 'D', 'E'), got str 'A'; pass Grade('A')
    """  # noqa: E501 - a doctest output line

    on: date = attrs.field(validator=c.checked(_CHECK_DAY))
    grade: Grade = attrs.field(validator=c.checked(c.member(Grade)))
    cadence: _Interval = attrs.field(validator=c.checked(_check_interval))
    next_due: date = attrs.field(validator=c.checked(_CHECK_DUE))


def follow_up(
    opportunity: Opportunity,
    contact: ContactEvent | date,
    /,
    *,
    grading: GradingPolicy = DEFAULT_GRADING,
    policy: CadencePolicy = DEFAULT_CADENCE,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> FollowUp:
    """Re-grade a customer after a follow-up and restart their cadence (rule G4).

    The grade is decided again from the opportunity as assessed at the follow-up, on
    the day of the follow-up (rule G1), and the cadence of the new grade applies from
    that day (rule C1).

    Args:
        opportunity: The opportunity as assessed at the follow-up.
        contact: The follow-up, as a contact event (which must count under ``policy``
            and be about the same customer) or as its day.
        grading: The grading horizons.
        policy: The cadences and which contacts count.
        calendar: The working calendar, for the policy's ``daily_on_working_days``.
        holidays: Without a calendar: public holidays, for the policy's
            ``daily_on_working_days``.
        workdays: Without a calendar: make-up working days, for the policy's
            ``daily_on_working_days``.

    Returns:
        The day, the new grade, its cadence and the next due day.

    Raises:
        InvalidInputError: If an argument has the wrong type, the contact does not
            count as a follow-up, or it is about another customer.
        OutsideCalendarError: As :func:`next_due`.

    >>> from datetime import date
    >>> from custrel.models import DealStatus, Need, Opportunity
    >>> opp = Opportunity(customer_id="c-1", need=Need.EXPLICIT, expected_close=date(2027, 1, 15),
    ...                   status=DealStatus.NEGOTIATING)
    >>> result = follow_up(opp, date(2026, 11, 22))
    >>> result.grade, result.cadence, result.next_due
    (<Grade.B: 'B'>, <Cadence.WEEKLY: 'weekly'>, datetime.date(2026, 11, 29))
    """
    policy = _check_policy(policy)
    if isinstance(contact, ContactEvent):
        if not policy.counts(contact):
            raise InvalidInputError(
                "contact",
                contact,
                "a contact that counts as a follow-up under the policy",
                hint=f"{contact.direction.value} {contact.channel.value} does not",
            )
        if contact.customer_id != getattr(opportunity, "customer_id", contact.customer_id):
            raise InvalidInputError(
                "contact", contact, f"a contact with customer {opportunity.customer_id!r}"
            )
        day = contact.at.date()
    else:
        _CHECK_DAY("contact", contact)
        day = contact
    new_grade = grade(opportunity, as_of=day, policy=grading)
    step = _steps(policy, calendar, holidays, workdays)[new_grade]
    return c.unchecked(
        FollowUp,
        on=day,
        grade=new_grade,
        cadence=policy.cadences[new_grade],
        next_due=_after(step, day),
    )


@attrs.frozen(kw_only=True)
class AgendaItem:
    """One follow-up due on the agenda.

    Args:
        customer_id: The customer.
        grade: Their grade.
        due: The day the follow-up was due.
        days_overdue: Days from ``due`` to ``as_of`` (0 when due today).

    Raises:
        InvalidInputError: If a field has the wrong type or is out of range.

    >>> from datetime import date
    >>> from custrel.cadence import AgendaItem
    >>> from custrel.grading import Grade
    >>> AgendaItem(customer_id="c-1", grade=Grade.B, due=date(2026, 11, 17),
    ...            days_overdue=5).days_overdue
    5
    >>> AgendaItem(customer_id="c-1", grade=Grade.B, due=date(2026, 11, 17), days_overdue=-1)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: AgendaItem.days_overdue: expected an int >= 0, got int -1
    """

    customer_id: str = attrs.field(validator=c.checked(c.identifier))
    grade: Grade = attrs.field(validator=c.checked(c.member(Grade)))
    due: date = attrs.field(validator=c.checked(_CHECK_DAY))
    days_overdue: int = attrs.field(validator=c.checked(c.count(0)))


_new = object.__new__
_set = object.__setattr__  # how attrs itself sets the fields of a frozen class


def _agenda_item(customer_id: str, grade: Grade, due: date, days_overdue: int) -> AgendaItem:
    """An :class:`AgendaItem` of values :func:`agenda` has checked, without checking again.

    ``agenda`` may build a million items; their values come from checked entries (a
    due day between the entry's last day and ``as_of``), so only data from outside
    runs the validators. As :func:`custrel._checks.unchecked`, written out for speed.
    """
    item = _new(AgendaItem)
    _set(item, "customer_id", customer_id)
    _set(item, "grade", grade)
    _set(item, "due", due)
    _set(item, "days_overdue", days_overdue)
    return item


def agenda(
    customers: Iterable[tuple[str, Grade | Sequence[Opportunity], date | None]],
    /,
    *,
    as_of: date,
    limit: int | None = None,
    policy: CadencePolicy = DEFAULT_CADENCE,
    grading: GradingPolicy = DEFAULT_GRADING,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> list[AgendaItem]:
    """The follow-ups due by ``as_of``, most urgent first (rule C1).

    Most days overdue first, then the best grade, then the customer id. The input is
    streamed once; with ``limit=k`` only the k most urgent are kept, in a heap, so the
    cost is O(n log k) and a million customers are fine. A customer's grade may be
    given as a :class:`~custrel.grading.Grade` or as their opportunities (a list or
    tuple), graded on ``as_of`` with :func:`~custrel.grading.customer_grade`.

    Args:
        customers: ``(customer_id, grade or opportunities, last follow-up day or
            None)`` for each customer, in any order.
        as_of: The reference day.
        limit: Keep only this many (``None``: all that are due).
        policy: The cadences.
        grading: The grading horizons, for customers given by their opportunities.
        calendar: The working calendar, for the policy's ``daily_on_working_days``.
        holidays: Without a calendar: public holidays, for the policy's
            ``daily_on_working_days``.
        workdays: Without a calendar: make-up working days, for the policy's
            ``daily_on_working_days``.

    Returns:
        The due follow-ups, most urgent first.

    Raises:
        InvalidInputError: If an entry or argument is malformed.
        OutsideCalendarError: As :func:`next_due`.

    >>> from datetime import date
    >>> from custrel.grading import Grade
    >>> from custrel.models import DealStatus, Need, Opportunity
    >>> deals = [Opportunity(customer_id="c-4", need=Need.EXPLICIT,
    ...                      expected_close=date(2026, 12, 1), status=DealStatus.NEGOTIATING),
    ...          Opportunity(customer_id="c-4", need=Need.POTENTIAL, status=DealStatus.POTENTIAL)]
    >>> book = [("c-1", Grade.B, date(2026, 11, 10)), ("c-2", Grade.A, None),
    ...         ("c-3", Grade.D, date(2026, 11, 1)), ("c-4", deals, date(2026, 11, 20))]
    >>> for item in agenda(book, as_of=date(2026, 11, 22)):
    ...     print(item.customer_id, item.grade.value, item.due, item.days_overdue)
    c-1 B 2026-11-17 5
    c-4 A 2026-11-21 1
    c-2 A 2026-11-22 0
    """
    policy = _check_policy(policy)
    _CHECK_DAY("as_of", as_of)
    c.count(1, optional=True)("limit", limit)
    c.iterable("customers", customers, "(id, grade, last)")
    steps = _steps(policy, calendar, holidays, workdays)
    bound = grading_at(grading, as_of)
    keyed = _keys(customers, as_of, steps, bound)
    chosen = sorted(keyed) if limit is None else heapq.nsmallest(limit, keyed)
    return [
        _agenda_item(cid, g, as_of + timedelta(days=overdue), -overdue)
        for overdue, g, cid in chosen
    ]


def _keys(
    customers: Iterable[object],
    as_of: date,
    steps: Mapping[Grade, Step],
    bound: BoundGradingPolicy,
) -> Iterator[tuple[int, Grade, str]]:
    """``(-days overdue, grade, id)`` of each customer due by ``as_of``, checked as it goes."""
    for index, entry in enumerate(customers):
        if entry.__class__ is not tuple or len(entry) != 3:  # noqa: PLR2004 - (id, grade, last)
            raise InvalidInputError(f"customers[{index}]", entry, "a tuple (id, grade, last)")
        cid, g, last = entry
        if cid.__class__ is not str or not cid.strip() or not cid.isascii():
            c.identifier(f"customers[{index}].id", cid)
        if g.__class__ is not Grade:
            g = _grade_of(index, cid, g, bound)
        if last is None:
            yield 0, g, cid
            continue
        if last.__class__ is not date:
            _CHECK_DAY(f"customers[{index}].last", last)
        step = steps[g]
        due = last + step if step.__class__ is timedelta else _after(step, last)
        if due <= as_of:
            yield (due - as_of).days, g, cid


def _grade_of(index: int, cid: str, given: object, bound: BoundGradingPolicy) -> Grade:
    """The grade of an agenda entry given as the customer's opportunities."""
    if not isinstance(given, list | tuple):
        raise InvalidInputError(
            f"customers[{index}].grade", given, "a Grade or a list of the customer's Opportunity"
        )
    try:
        return customer_grade(given, as_of=bound.as_of, policy=bound.policy, customer_id=cid)
    except InvalidInputError as exc:
        raise InvalidInputError(
            f"customers[{index}].{exc.field}", exc.value, exc.expected, hint=exc.hint
        ) from None
