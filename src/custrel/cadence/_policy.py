"""The follow-up cadences of rule C1 and the policy that maps each grade to one."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs
from dateutil.relativedelta import relativedelta

from custrel import _checks as c
from custrel._periods import check_period, months_and_days
from custrel._policy import Policy
from custrel.errors import InvalidInputError, PolicyError
from custrel.grading import (
    Grade,
)
from custrel.models import Channel, ContactEvent, Direction

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["DEFAULT_CADENCE", "Cadence", "CadencePolicy", "Touch", "cadence_for"]


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


class Touch(enum.StrEnum):
    """A kind of touch with a customer that may count as a follow-up (rule C1 decision).

    A follow-up is any touch the policy names (:attr:`CadencePolicy.touches`): a
    contact we started, a contact the customer started, or a purchase. When two
    touches fall on one day, the agenda names the first in this order.

    >>> from custrel.cadence import Touch
    >>> [touch.value for touch in Touch]
    ['outbound', 'inbound', 'purchase']
    """

    OUTBOUND = "outbound"  # a contact we started (a call, a visit, an e-mail...)
    INBOUND = "inbound"  # a contact the customer started
    PURCHASE = "purchase"  # a purchase: the customer was served, the clock restarts


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


def _touches(_: object, __: attrs.Attribute[Any], value: object) -> None:
    name = "CadencePolicy.touches"
    if not isinstance(value, frozenset) or not all(isinstance(v, Touch) for v in value):
        raise PolicyError(
            name, value, "a set of Touch", hint="pass {Touch.OUTBOUND, Touch('purchase')}"
        )
    if not value:
        raise PolicyError(
            name,
            value,
            "at least one kind of touch",
            hint="with none, no customer is ever followed up and all are due at once",
        )


def _to_touches(value: Iterable[Touch]) -> frozenset[Touch]:
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
    do. ``touches`` names the kinds of touch that restart the clock: contacts we
    started, contacts the customer started and purchases, all three by default (a
    customer who bought two weeks ago is not "overdue"). Among contacts, by default
    every outbound one counts except post, fax and website (one-way mailings), and an
    inbound one counts only when it is live — a call, a visit or a meeting; an inbound
    e-mail, message or web form may be unanswered, so it does not reset the clock. The *first* contact with a newly assigned customer (rule C3) has
    its own channels: seed 001 tells the salesperson to open with a fax, an e-mail, a
    mailing or a website introduction and then to phone, so those count as a first
    contact even though they are not regular follow-ups.

    Args:
        cadences: Every grade's cadence (A daily, B weekly, C half-monthly, D monthly,
            E yearly by default), a :class:`Cadence` or a calendar period.
        touches: The kinds of touch that count as a follow-up: outbound contacts,
            inbound contacts and purchases by default.
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
    touches: frozenset[Touch] = attrs.field(
        default=frozenset(Touch), converter=_to_touches, validator=_touches
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
        if event.direction is Direction.OUTBOUND:
            return Touch.OUTBOUND in self.touches and event.channel in self.outbound
        return Touch.INBOUND in self.touches and event.channel in self.inbound

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
