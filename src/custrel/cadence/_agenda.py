"""Following a customer up (rule G4) and the agenda of who is due (rule C1)."""

from __future__ import annotations

import functools
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
    Cadence,
    CadencePolicy,
    _check_cadence,
    _check_policy,
    _Interval,
)
from custrel.cadence._workdays import (
    _NO_DAYS,
    _rules,
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
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    from custrel.cadence._daycount import Days
    from custrel.cadence._workcalendar import WorkCalendar

    # An agenda step: the due day and whether it is provisional, or None past 9999.
    _Due = Callable[[date], tuple[date, bool] | None]

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
        due: The day the follow-up is due (after 8999-12-31 only with a late ``until``).
        days_overdue: Days from ``due`` to ``as_of`` (0 when due today or later).
        provisional: Whether ``due`` was counted over a day a working calendar answers
            provisionally (:meth:`WorkCalendar.is_provisional`), or over a day a strict
            calendar refuses, by the weekend rule instead.

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
    due: date = attrs.field(validator=c.checked(_CHECK_DUE))
    days_overdue: int = attrs.field(validator=c.checked(c.count(0)))
    provisional: bool = attrs.field(default=False, validator=c.checked(c.flag))


_new = object.__new__
_set = object.__setattr__  # how attrs itself sets the fields of a frozen class


def _agenda_item(
    customer_id: str,
    grade: Grade,
    due: date,
    days_overdue: int,
    provisional: bool,  # noqa: FBT001 - positional, as the other fields, for speed
) -> AgendaItem:
    """An :class:`AgendaItem` of values :func:`agenda` has checked, without checking again.

    ``agenda`` may build a million items; their values come from checked entries (a
    due day between the entry's last day and ``until``), so only data from outside
    runs the validators. As :func:`custrel._checks.unchecked`, written out for speed.
    """
    item = _new(AgendaItem)
    _set(item, "customer_id", customer_id)
    _set(item, "grade", grade)
    _set(item, "due", due)
    _set(item, "days_overdue", days_overdue)
    _set(item, "provisional", provisional)
    return item


def agenda(
    customers: Iterable[tuple[str, Grade | Sequence[Opportunity], date | None]],
    /,
    *,
    as_of: date,
    until: date | None = None,
    limit: int | None = None,
    policy: CadencePolicy = DEFAULT_CADENCE,
    grading: GradingPolicy = DEFAULT_GRADING,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> list[AgendaItem]:
    """The follow-ups due by ``as_of`` (or by ``until``), most urgent first (rule C1).

    Earliest due day first (most days overdue), then the best grade, then the customer
    id. The input is streamed once; with ``limit=k`` only the k most urgent are kept,
    in a heap, so the cost is O(n log k) and a million customers are fine. A
    customer's grade may be given as a :class:`~custrel.grading.Grade` or as their
    opportunities (a list or tuple), graded on ``as_of`` with
    :func:`~custrel.grading.customer_grade`.

    With ``until``, the follow-ups due up to that day are listed too, ``days_overdue``
    0: ``until=date.max`` lists every customer with their next due day. A customer
    whose due day would fall after 9999-12-31 is not listed.

    One customer never stops the agenda of the others: a strict calendar
    (``beyond=Beyond.REFUSE``) refuses in :func:`next_due`; in the agenda, one
    customer's day past it is listed provisional instead of aborting the others, its
    due day counted by the weekend rule. An item counted over a day a calendar answers
    provisionally (:meth:`WorkCalendar.is_provisional`) is marked ``provisional`` too.

    Args:
        customers: ``(customer_id, grade or opportunities, last follow-up day or
            None)`` for each customer, in any order.
        as_of: The reference day.
        until: List the follow-ups due on or before this day (``as_of`` by default; not
            before ``as_of``).
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
        InvalidInputError: If an entry or argument is malformed, or ``until`` is before
            ``as_of``.

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
    >>> [(item.customer_id, item.due) for item in agenda(book, as_of=date(2026, 11, 22),
    ...                                                  until=date(2026, 12, 1))]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('c-1', datetime.date(2026, 11, 17)), ('c-4', datetime.date(2026, 11, 21)),
     ('c-2', datetime.date(2026, 11, 22)), ('c-3', datetime.date(2026, 12, 1))]
    """
    policy = _check_policy(policy)
    _CHECK_DAY("as_of", as_of)
    c.count(1, optional=True)("limit", limit)
    if until is None:
        until = as_of
    else:
        _CHECK_DUE("until", until)
        if until < as_of:
            raise InvalidInputError("until", until, f"a day on or after as_of ({as_of})")
    c.iterable("customers", customers, "(id, grade, last)")
    steps = _agenda_steps(policy, _rules(calendar, holidays, workdays), until)
    bound = grading_at(grading, as_of)
    flagged: set[tuple[int, Grade, str]] = set()
    keyed = _keys(customers, as_of=as_of, until=until, steps=steps, bound=bound, flagged=flagged)
    chosen = sorted(keyed) if limit is None else heapq.nsmallest(limit, keyed)
    return [
        _agenda_item(
            cid,
            g,
            as_of + timedelta(days=ahead),
            -ahead if ahead < 0 else 0,
            bool(flagged) and (ahead, g, cid) in flagged,
        )
        for ahead, g, cid in chosen
    ]


def _agenda_steps(
    policy: CadencePolicy, days: Days, until: date
) -> dict[Grade, tuple[timedelta, date] | _Due]:
    """Each grade's step from a last follow-up to the due day, for :func:`agenda`.

    A timedelta comes with the last day a follow-up may be on to be due by ``until``
    (so that no addition passes 9999-12-31); a calendar step is a function giving the
    due day and whether it is provisional, or None past 9999-12-31.
    """
    steps: dict[Grade, tuple[timedelta, date] | _Due] = {}
    for grade_, step in _steps(policy, None, _NO_DAYS, _NO_DAYS).items():
        if isinstance(step, timedelta):  # at most 30 days, and until is after 1000-01-01
            steps[grade_] = (step, until - step)
        elif policy.cadences[grade_] is Cadence.DAILY:  # daily on working days
            steps[grade_] = functools.partial(_next_working, days)
        else:
            steps[grade_] = functools.partial(_bounded, step)
    return steps


def _next_working(days: Days, last: date) -> tuple[date, bool] | None:
    """The working day after ``last``: flagged past the calendar, None past 9999-12-31."""
    try:
        return days.add_flagged(last, 1)
    except InvalidInputError:  # no working day left in the year 9999
        return None


def _bounded(step: Step, last: date) -> tuple[date, bool] | None:
    """A calendar-period step, None past 9999-12-31."""
    try:
        return _after(step, last), False
    except (OverflowError, ValueError):  # a year past 9999
        return None


def _keys(
    customers: Iterable[object],
    /,
    *,
    as_of: date,
    until: date,
    steps: Mapping[Grade, tuple[timedelta, date] | _Due],
    bound: BoundGradingPolicy,
    flagged: set[tuple[int, Grade, str]],
) -> Iterator[tuple[int, Grade, str]]:
    """``(due - as_of in days, grade, id)`` of each customer due by ``until``.

    Each entry is checked as it goes; the keys of provisional due days are added to
    ``flagged``.
    """
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
        if step.__class__ is tuple:  # a timedelta, and the last day it is listed from
            interval, latest = step
            if last <= latest:
                yield (last + interval - as_of).days, g, cid
            continue
        key = _called(step, last, as_of, until, g, cid, flagged)  # type: ignore[arg-type]
        if key is not None:
            yield key


def _called(  # noqa: PLR0917 - the loop's locals, positional for speed
    step: _Due,
    last: date,
    as_of: date,
    until: date,
    g: Grade,
    cid: str,
    flagged: set[tuple[int, Grade, str]],
) -> tuple[int, Grade, str] | None:
    """The agenda key of a customer on a calendar step, if due by ``until``."""
    found = step(last)
    if found is None or found[0] > until:
        return None
    key = ((found[0] - as_of).days, g, cid)
    if found[1]:
        flagged.add(key)
    return key


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
