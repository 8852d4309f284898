"""Following a customer up (rule G4) and the agenda of who is due (rule C1)."""

from __future__ import annotations

import heapq
from datetime import date, timedelta
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel.cadence._due import Step, _after, _steps
from custrel.cadence._policy import (
    _CHECK_DAY,
    _CHECK_DUE,
    DEFAULT_CADENCE,
    CadencePolicy,
    _check_cadence,
    _check_policy,
    _Interval,
)
from custrel.cadence._workdays import (
    _NO_DAYS,
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
from custrel.grading._rules import _bind as grading_at
from custrel.models import ContactEvent, Opportunity

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    from custrel.cadence._workcalendar import WorkCalendar

__all__ = ["AgendaItem", "FollowUp", "agenda", "follow_up"]


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
