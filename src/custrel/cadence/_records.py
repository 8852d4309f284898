"""The record and minutes workflows of rule C4, step by step, in working days.

Seed 001 (第三条) has a collected customer record reviewed by the manager and entered in
the CRM within two working days, then sent to marketing by a designated person the
next day; (第五条) meeting minutes are written within two working days of a meeting,
reviewed by the department manager, sent to the customer, who confirms receipt.
Public through :mod:`custrel.cadence`.
"""

from __future__ import annotations

import enum
from datetime import date  # noqa: TC003 - attrs and cattrs read the annotations
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel._policy import Policy
from custrel.cadence._workdays import _NO_DAYS, RECORD_WORKING_DAYS, _rules
from custrel.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from custrel.cadence._workcalendar import WorkCalendar

__all__ = [
    "DEFAULT_RECORD_WORKFLOW",
    "RecordStep",
    "RecordWorkflowPolicy",
    "StepDue",
    "minutes_steps",
    "record_steps",
]


class RecordStep(enum.StrEnum):
    """A step of the record or the minutes workflow (rule C4).

    >>> from custrel.cadence import RecordStep
    >>> [s.value for s in RecordStep][:2]
    ['record_entered', 'record_forwarded']
    """

    RECORD_ENTERED = "record_entered"  # 第三条: reviewed by the manager, entered in the CRM
    RECORD_FORWARDED = "record_forwarded"  # 第三条: sent to marketing by a designated person
    MINUTES_WRITTEN = "minutes_written"  # 第五条: the salesperson writes the minutes
    MINUTES_REVIEWED = "minutes_reviewed"  # 第五条: the department manager reviews them
    MINUTES_SENT = "minutes_sent"  # 第五条: they go to the customer
    RECEIPT_CONFIRMED = "receipt_confirmed"  # 第五条: the customer confirms receipt


_RECORD = (RecordStep.RECORD_ENTERED, RecordStep.RECORD_FORWARDED)
_MINUTES = (
    RecordStep.MINUTES_WRITTEN,
    RecordStep.MINUTES_REVIEWED,
    RecordStep.MINUTES_SENT,
    RecordStep.RECEIPT_CONFIRMED,
)


@attrs.frozen(kw_only=True, cache_hash=True)
class RecordWorkflowPolicy(Policy):
    """Working days allowed for each step, counted from the step before (rule C4).

    The seed gives the first step of each workflow (two working days) and the
    forwarding of a record (the next day); the rest are decisions: the manager reviews
    minutes by the next working day, they go to the customer the day they are
    approved, and the customer's receipt is confirmed by the next working day.

    Args:
        entry_days: Collection to entry in the CRM, after the manager's review (2).
        forward_days: Entry to forwarding to marketing (1: the next working day).
        minutes_days: Meeting to written minutes (2).
        review_days: Written to reviewed by the department manager (1).
        send_days: Reviewed to sent to the customer (0: the same day).
        confirm_days: Sent to receipt confirmed by the customer (1).

    Raises:
        PolicyError: If a number of days is negative or not an int.

    >>> from custrel.cadence import RecordWorkflowPolicy
    >>> RecordWorkflowPolicy(review_days=-1)
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: RecordWorkflowPolicy.review_days: expected an int in 0..366, got int -1
    """  # noqa: E501 - a doctest output line

    entry_days: int = attrs.field(
        default=RECORD_WORKING_DAYS, validator=c.policy(c.count(0, 366))
    )  # rule C4, 第三条
    forward_days: int = attrs.field(default=1, validator=c.policy(c.count(0, 366)))  # 第三条: 次日
    minutes_days: int = attrs.field(
        default=RECORD_WORKING_DAYS, validator=c.policy(c.count(0, 366))
    )  # rule C4, 第五条
    review_days: int = attrs.field(default=1, validator=c.policy(c.count(0, 366)))
    send_days: int = attrs.field(default=0, validator=c.policy(c.count(0, 366)))
    confirm_days: int = attrs.field(default=1, validator=c.policy(c.count(0, 366)))


DEFAULT_RECORD_WORKFLOW = RecordWorkflowPolicy()
"""Seed 001's record and minutes workflows, with custrel's decisions for the gaps."""


@attrs.frozen(kw_only=True)
class StepDue:
    """When a workflow step is due, and when it was done (rule C4).

    Args:
        step: The step.
        due: The last day to do it (inclusive), counted from the day the step before
            was done, or from its due day while it is not done.
        done_on: The day it was done, or ``None``.
        late: Whether it was done after ``due``.

    Raises:
        InvalidInputError: If a field has the wrong type, or ``late`` does not say
            whether ``done_on`` is after ``due``.

    >>> from datetime import date
    >>> from custrel.cadence import RecordStep, StepDue
    >>> StepDue(step=RecordStep.MINUTES_SENT, due=date(2026, 11, 24), done_on=None,
    ...         late=False).due
    datetime.date(2026, 11, 24)
    >>> StepDue(step=RecordStep.MINUTES_SENT, due=date(2026, 11, 24), done_on=None, late=True)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: StepDue.late: expected False: done_on is None, got bool True
    """

    step: RecordStep = attrs.field(validator=c.checked(c.member(RecordStep)))
    due: date = attrs.field(validator=c.checked(c.day(bounded=False)))  # working days on
    done_on: date | None = attrs.field(validator=c.checked(c.day(optional=True)))
    late: bool = attrs.field(validator=c.checked(c.flag))

    def __attrs_post_init__(self) -> None:
        """Check that ``late`` says whether the step was done after its due day."""
        late = self.done_on is not None and self.done_on > self.due
        if self.late is not late:
            why = (
                "done_on is None"
                if self.done_on is None
                else f"done_on {self.done_on.isoformat()} is"
                f" {'after' if late else 'not after'} due {self.due.isoformat()}"
            )
            raise InvalidInputError("StepDue.late", self.late, f"{late}: {why}")


def _walk(
    start: tuple[str, date],
    steps: tuple[tuple[RecordStep, int], ...],
    done: Mapping[RecordStep, date] | None,
    *,
    calendar: WorkCalendar | None,
    holidays: Iterable[date],
    workdays: Iterable[date],
) -> tuple[StepDue, ...]:
    name, first = start  # the caller's own name for the first day, for the error
    c.day()(name, first)
    days = _rules(calendar, holidays, workdays)
    if done is not None and not hasattr(done, "items"):
        raise InvalidInputError("done", done, "a mapping of RecordStep to the day it was done")
    finished = dict(done or {})
    names = [step for step, _ in steps]
    for step, day in finished.items():
        if step not in names:
            raise InvalidInputError("done", step, f"one of the steps {[s.value for s in names]}")
        c.day()(f"done[{step.value}]", day)
        if day < first:
            raise InvalidInputError(
                f"done[{step.value}]", day, f"a day on or after {name} ({first.isoformat()})"
            )
    result = []
    anchor = first
    for step, n in steps:
        due = days.add(anchor, n)
        done_on = finished.get(step)
        late = done_on is not None and done_on > due
        # counted from checked days: the validators are for data from outside
        result.append(c.unchecked(StepDue, step=step, due=due, done_on=done_on, late=late))
        anchor = due if done_on is None else done_on
    return tuple(result)


def _check_policy(policy: object) -> RecordWorkflowPolicy:
    if not isinstance(policy, RecordWorkflowPolicy):
        raise InvalidInputError("policy", policy, "a RecordWorkflowPolicy")
    return policy


def record_steps(
    collected_on: date,
    /,
    *,
    done: Mapping[RecordStep, date] | None = None,
    policy: RecordWorkflowPolicy = DEFAULT_RECORD_WORKFLOW,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> tuple[StepDue, ...]:
    """The due day of each step of a collected customer record (rule C4, 第三条).

    Reviewed by the manager and entered in the CRM within two working days of
    collection (:func:`record_deadline`), then sent to marketing by a designated person
    the next working day after it was entered. Each step's due day counts from the
    day the step before was done, when ``done`` says so, else from its due day.

    Args:
        collected_on: The day the record was collected.
        done: The steps already done, with the day each was done.
        policy: The working days per step.
        calendar: The working calendar.
        holidays: Without a calendar: public holidays that fall on weekdays.
        workdays: Without a calendar: make-up working days that fall on weekends (调休).

    Returns:
        The steps in order, with their due days.

    Raises:
        InvalidInputError: If an argument has the wrong type, ``done`` names a step of
            another workflow, or a step was done before the record was collected.
        OutsideCalendarError: If a due day is counted past the calendar's years.

    >>> from datetime import date
    >>> from custrel.cadence import RecordStep, record_steps
    >>> [(s.step.value, s.due) for s in record_steps(date(2026, 11, 19))]   # a Thursday
    [('record_entered', datetime.date(2026, 11, 23)), ('record_forwarded', datetime.date(2026, 11, 24))]
    >>> late = record_steps(date(2026, 11, 19), done={RecordStep.RECORD_ENTERED: date(2026, 11, 25)})
    >>> late[0].late, late[1].due
    (True, datetime.date(2026, 11, 26))
    """  # noqa: E501 - doctest output lines
    policy = _check_policy(policy)
    steps = (
        (RecordStep.RECORD_ENTERED, policy.entry_days),
        (RecordStep.RECORD_FORWARDED, policy.forward_days),
    )
    return _walk(
        ("collected_on", collected_on),
        steps,
        done,
        calendar=calendar,
        holidays=holidays,
        workdays=workdays,
    )


def minutes_steps(
    met_on: date,
    /,
    *,
    done: Mapping[RecordStep, date] | None = None,
    policy: RecordWorkflowPolicy = DEFAULT_RECORD_WORKFLOW,
    calendar: WorkCalendar | None = None,
    holidays: Iterable[date] = _NO_DAYS,
    workdays: Iterable[date] = _NO_DAYS,
) -> tuple[StepDue, ...]:
    """The due day of each step of the minutes of a meeting (rule C4, 第五条).

    Written within two working days of the meeting (:func:`minutes_deadline`), reviewed
    by the department manager by the next working day, sent to the customer the day
    they are approved, and their receipt confirmed by the next working day. Each step's
    due day counts from the day the step before was done, when ``done`` says so.

    Args:
        met_on: The day of the face-to-face meeting.
        done: The steps already done, with the day each was done.
        policy: The working days per step.
        calendar: The working calendar.
        holidays: Without a calendar: public holidays that fall on weekdays.
        workdays: Without a calendar: make-up working days that fall on weekends (调休).

    Returns:
        The steps in order, with their due days.

    Raises:
        InvalidInputError: As :func:`record_steps`.
        OutsideCalendarError: As :func:`record_steps`.

    >>> from datetime import date
    >>> from custrel.cadence import minutes_steps
    >>> for s in minutes_steps(date(2026, 11, 20)):                          # a Friday
    ...     print(s.step.value, s.due)
    minutes_written 2026-11-24
    minutes_reviewed 2026-11-25
    minutes_sent 2026-11-25
    receipt_confirmed 2026-11-26
    """
    policy = _check_policy(policy)
    steps = (
        (RecordStep.MINUTES_WRITTEN, policy.minutes_days),
        (RecordStep.MINUTES_REVIEWED, policy.review_days),
        (RecordStep.MINUTES_SENT, policy.send_days),
        (RecordStep.RECEIPT_CONFIRMED, policy.confirm_days),
    )
    return _walk(
        ("met_on", met_on), steps, done, calendar=calendar, holidays=holidays, workdays=workdays
    )
