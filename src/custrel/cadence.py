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
import heapq
from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from custrel import _checks as c
from custrel._assignment import Claim, assign_balanced, owner_by_first_record
from custrel._occasions import UpcomingOccasion, upcoming_occasions
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
from custrel._workdays import (
    RECORD_WORKING_DAYS,
    add_working_days,
    is_working_day,
    minutes_deadline,
    record_deadline,
)
from custrel.errors import InvalidInputError, PolicyError
from custrel.grading import DEFAULT_GRADING, Grade, GradingPolicy, grade
from custrel.models import Channel, ContactEvent, Direction, Opportunity

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "DEFAULT_CADENCE",
    "DEFAULT_POOL",
    "RECORD_WORKING_DAYS",
    "AgendaItem",
    "Cadence",
    "CadencePolicy",
    "Claim",
    "FollowUp",
    "PoolPolicy",
    "PoolReason",
    "PoolStatus",
    "UpcomingOccasion",
    "add_working_days",
    "agenda",
    "assign_balanced",
    "cadence_for",
    "first_contact_deadline",
    "follow_up",
    "is_working_day",
    "last_follow_up",
    "minutes_deadline",
    "needs_reassignment",
    "next_due",
    "owner_by_first_record",
    "pool_status",
    "record_deadline",
    "upcoming_occasions",
]

_CHECK_DAY = c.day()
_CHECK_OPTIONAL_DAY = c.day(optional=True)
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


def _freeze(value: Mapping[Grade, Cadence]) -> Mapping[Grade, Cadence]:
    if isinstance(value, Mapping):
        return MappingProxyType(dict(value))
    return value


def _check_cadences(_: object, __: attrs.Attribute[Any], value: object) -> None:
    name = "CadencePolicy.cadences"
    if not isinstance(value, Mapping):
        raise PolicyError(name, value, "a mapping of every grade to a cadence")
    for key, cadence in value.items():
        if not isinstance(key, Grade):
            raise PolicyError(f"{name}[{key!r}]", key, "a Grade")
        if not isinstance(cadence, Cadence):
            raise PolicyError(f"{name}[{key!r}]", cadence, "a Cadence")
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

    Most CRMs silently take any activity as a follow-up; here the policy says which
    do. By default every outbound contact counts except post, fax and website (one-way
    mailings), and an inbound contact counts only when it is live — a call, a visit or
    a meeting; an inbound e-mail, message or web form may be unanswered, so it does not
    reset the clock.

    Args:
        cadences: Every grade's cadence (A daily, B weekly, C half-monthly, D monthly,
            E yearly by default).
        outbound: Channels on which a contact we started counts.
        inbound: Channels on which a contact the customer started counts.

    Raises:
        PolicyError: If a grade has no cadence or a value has the wrong type.

    >>> from custrel.cadence import Cadence, CadencePolicy
    >>> from custrel.grading import Grade
    >>> CadencePolicy(cadences={Grade.A: Cadence.DAILY})
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: CadencePolicy.cadences: expected a cadence for every grade; these have none, got list ['B', 'C', 'D', 'E']
    """  # noqa: E501 - a doctest output line

    cadences: Mapping[Grade, Cadence] = attrs.field(
        default=_DEFAULT_CADENCES, converter=_freeze, validator=_check_cadences, hash=False
    )
    outbound: frozenset[Channel] = attrs.field(
        default=_OUTBOUND, converter=_to_channels, validator=_channels
    )
    inbound: frozenset[Channel] = attrs.field(
        default=_LIVE, converter=_to_channels, validator=_channels
    )

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


DEFAULT_CADENCE = CadencePolicy()
"""The rule book's cadences (rule C1) and the default follow-up channels."""


def _check_policy(policy: object) -> CadencePolicy:
    if not isinstance(policy, CadencePolicy):
        raise InvalidInputError("policy", policy, "a CadencePolicy")
    return policy


def cadence_for(grade: Grade, /, *, policy: CadencePolicy = DEFAULT_CADENCE) -> Cadence:
    """The follow-up cadence of a grade (rule C1).

    Args:
        grade: The customer's grade.
        policy: The cadences; the rule book's by default.

    Returns:
        The cadence.

    Raises:
        InvalidInputError: If an argument has the wrong type.

    >>> from custrel.cadence import cadence_for
    >>> from custrel.grading import Grade
    >>> cadence_for(Grade.C)
    <Cadence.SEMIMONTHLY: 'semimonthly'>
    """
    c.member(Grade)("grade", grade)
    return _check_policy(policy).cadences[grade]


def next_due(
    grade: Grade,
    last_contact: date | None,
    /,
    *,
    as_of: date,
    policy: CadencePolicy = DEFAULT_CADENCE,
) -> date:
    """When a customer must next be followed up (rule C1).

    One interval of the grade's cadence after the last follow-up; a customer never
    followed up is due at once, on ``as_of``.

    Args:
        grade: The customer's grade.
        last_contact: The day of the last follow-up (see :func:`last_follow_up`), or
            ``None``.
        as_of: The reference day.
        policy: The cadences; the rule book's by default.

    Returns:
        The due day (it may be before ``as_of``: overdue).

    Raises:
        InvalidInputError: If an argument has the wrong type (a ``datetime`` is
            refused; pass its ``.date()``).

    >>> from datetime import date
    >>> from custrel.grading import Grade
    >>> next_due(Grade.E, date(2024, 2, 29), as_of=date(2026, 11, 22))
    datetime.date(2025, 2, 28)
    >>> next_due(Grade.A, None, as_of=date(2026, 11, 22))
    datetime.date(2026, 11, 22)
    """
    cadence = cadence_for(grade, policy=policy)
    _CHECK_OPTIONAL_DAY("last_contact", last_contact)
    _CHECK_DAY("as_of", as_of)
    return as_of if last_contact is None else cadence.after(last_contact)


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


@attrs.frozen(kw_only=True)
class FollowUp:
    """The outcome of a follow-up: the new grade and when the next one is due (G4).

    Args:
        on: The day of the follow-up.
        grade: The grade decided again on that day.
        cadence: The new grade's cadence.
        next_due: When the next follow-up is due.

    >>> from datetime import date
    >>> from custrel.cadence import Cadence, FollowUp
    >>> from custrel.grading import Grade
    >>> FollowUp(on=date(2026, 11, 22), grade=Grade.A, cadence=Cadence.DAILY,
    ...          next_due=date(2026, 11, 23)).next_due
    datetime.date(2026, 11, 23)
    """

    on: date
    grade: Grade
    cadence: Cadence
    next_due: date


def follow_up(
    opportunity: Opportunity,
    contact: ContactEvent | date,
    /,
    *,
    grading: GradingPolicy = DEFAULT_GRADING,
    policy: CadencePolicy = DEFAULT_CADENCE,
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

    Returns:
        The day, the new grade, its cadence and the next due day.

    Raises:
        InvalidInputError: If an argument has the wrong type, the contact does not
            count as a follow-up, or it is about another customer.

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
    cadence = policy.cadences[new_grade]
    return FollowUp(on=day, grade=new_grade, cadence=cadence, next_due=cadence.after(day))


@attrs.frozen(kw_only=True)
class AgendaItem:
    """One follow-up due on the agenda.

    Args:
        customer_id: The customer.
        grade: Their grade.
        due: The day the follow-up was due.
        days_overdue: Days from ``due`` to ``as_of`` (0 when due today).

    >>> from datetime import date
    >>> from custrel.cadence import AgendaItem
    >>> from custrel.grading import Grade
    >>> AgendaItem(customer_id="c-1", grade=Grade.B, due=date(2026, 11, 17),
    ...            days_overdue=5).days_overdue
    5
    """

    customer_id: str
    grade: Grade
    due: date
    days_overdue: int


def agenda(
    customers: Iterable[tuple[str, Grade, date | None]],
    /,
    *,
    as_of: date,
    limit: int | None = None,
    policy: CadencePolicy = DEFAULT_CADENCE,
) -> list[AgendaItem]:
    """The follow-ups due by ``as_of``, most urgent first (rule C1).

    Most days overdue first, then the best grade, then the customer id. The input is
    streamed once; with ``limit=k`` only the k most urgent are kept, in a heap, so the
    cost is O(n log k) and a million customers are fine.

    Args:
        customers: ``(customer_id, grade, last follow-up day or None)`` for each
            customer, in any order.
        as_of: The reference day.
        limit: Keep only this many (``None``: all that are due).
        policy: The cadences.

    Returns:
        The due follow-ups, most urgent first.

    Raises:
        InvalidInputError: If an entry or argument is malformed.

    >>> from datetime import date
    >>> from custrel.grading import Grade
    >>> for item in agenda([("c-1", Grade.B, date(2026, 11, 10)), ("c-2", Grade.A, None),
    ...                     ("c-3", Grade.D, date(2026, 11, 1))], as_of=date(2026, 11, 22)):
    ...     print(item.customer_id, item.grade.value, item.due, item.days_overdue)
    c-1 B 2026-11-17 5
    c-2 A 2026-11-22 0
    """
    policy = _check_policy(policy)
    _CHECK_DAY("as_of", as_of)
    c.count(1, optional=True)("limit", limit)
    c.iterable("customers", customers, "(id, grade, last)")
    steps = {g: _STEPS.get(cadence) for g, cadence in policy.cadences.items()}
    keyed = _keys(customers, as_of, steps)
    chosen = sorted(keyed) if limit is None else heapq.nsmallest(limit, keyed)
    return [
        AgendaItem(
            customer_id=cid, grade=g, due=as_of + timedelta(days=overdue), days_overdue=-overdue
        )
        for overdue, g, cid in chosen
    ]


def _keys(
    customers: Iterable[object], as_of: date, steps: Mapping[Grade, timedelta | None]
) -> Iterator[tuple[int, Grade, str]]:
    """``(-days overdue, grade, id)`` of each customer due by ``as_of``, checked as it goes."""
    for index, entry in enumerate(customers):
        if entry.__class__ is not tuple or len(entry) != 3:  # noqa: PLR2004 - (id, grade, last)
            raise InvalidInputError(f"customers[{index}]", entry, "a tuple (id, grade, last)")
        cid, g, last = entry
        if g.__class__ is not Grade:
            raise InvalidInputError(f"customers[{index}].grade", g, "a Grade")
        if cid.__class__ is not str or not cid.strip():
            c.identifier(f"customers[{index}].id", cid)
        if last is None:
            yield 0, g, cid
            continue
        if last.__class__ is not date:
            _CHECK_DAY(f"customers[{index}].last", last)
        step = steps[g]
        due = _next_year(last) if step is None else last + step
        if due <= as_of:
            yield (due - as_of).days, g, cid
