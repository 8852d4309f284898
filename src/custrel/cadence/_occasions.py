"""Greetings on important days (rule C2: 礼貌问候): the occasions falling in a window.

Public through :mod:`custrel.cadence`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel.cadence._lunar import lunar_occurrences
from custrel.errors import InvalidInputError
from custrel.models import Calendar, CustomerProfile, OccasionKind, Relation

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["UpcomingOccasion", "upcoming_occasions"]

_ONCE = frozenset({OccasionKind.WEDDING, OccasionKind.CHILD_WEDDING, OccasionKind.FUNERAL})
_CHECK_AS_OF = c.day()
_FEBRUARY, _LEAP_DAY = 2, 29


@attrs.frozen(kw_only=True)
class UpcomingOccasion:
    """An occasion falling in the window, with the day it falls on.

    Args:
        on: The day it falls on this time (29 February falls on 28 February in common
            years).
        kind: What it is.
        calendar: The calendar it recurs by.
        whose: ``"self"`` for the customer, else the family member's name.
        relation: The family member's relation, ``None`` for the customer.
        number: The age on a birthday or the number of an anniversary (the years since
            the original date, lunar years for a lunar occasion); ``None`` for a one-time
            event.
        label: The occasion's own label, if it has one.
        original: The original date (personal: hidden in ``repr()`` and in errors).

    ``on`` may lie after 8999-12-31: a window may reach past it.

    Raises:
        InvalidInputError: If a field has the wrong type, or the fields disagree: ``on``
            is before ``original`` (or not on it, for a one-time event), ``number`` is
            not ``None`` exactly for a one-time event, or an occasion without a
            ``relation`` is not the customer's own (``whose`` is ``"self"``).

    >>> from datetime import date
    >>> from custrel.cadence import UpcomingOccasion
    >>> from custrel.models import OccasionKind
    >>> from custrel.models import Calendar
    >>> UpcomingOccasion(on=date(2027, 2, 28), kind=OccasionKind.BIRTHDAY,
    ...                  calendar=Calendar.GREGORIAN, whose="self", relation=None, number=39,
    ...                  label=None, original=date(1988, 2, 29)).original
    datetime.date(1988, 2, 29)
    >>> UpcomingOccasion(on=date(2027, 2, 28), kind=OccasionKind.BIRTHDAY,
    ...                  calendar=Calendar.GREGORIAN, whose="self", relation=None, number=None,
    ...                  label=None, original=date(1988, 2, 29))
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: UpcomingOccasion.number: expected an int >= 0 for a yearly occasion, got NoneType None
    """  # noqa: E501 - a doctest output line

    on: date = attrs.field(validator=c.checked(c.day(bounded=False)))
    kind: OccasionKind = attrs.field(validator=c.checked(c.member(OccasionKind)))
    calendar: Calendar = attrs.field(validator=c.checked(c.member(Calendar)))
    whose: str = attrs.field(validator=c.checked(c.identifier))
    relation: Relation | None = attrs.field(validator=c.checked(c.member(Relation, optional=True)))
    number: int | None = attrs.field(validator=c.checked(c.count(0, optional=True)))
    label: str | None = attrs.field(validator=c.checked(c.optional_identifier))
    original: date = attrs.field(validator=c.checked(c.day(personal=True)), repr=c.repr_hidden)

    def __attrs_post_init__(self) -> None:
        """Check that the day, the number and whose it is agree with the occasion."""
        once = self.kind in _ONCE
        if self.on < self.original or (once and self.on != self.original):
            raise InvalidInputError(
                "UpcomingOccasion.on",
                self.on,
                "original, for a one-time event" if once else "a date on or after original",
            )
        if (self.number is None) is not once:
            raise InvalidInputError(
                "UpcomingOccasion.number",
                self.number,
                "None for a one-time event" if once else "an int >= 0 for a yearly occasion",
            )
        if self.relation is None and self.whose != "self":
            raise InvalidInputError(
                "UpcomingOccasion.whose",
                self.whose,
                "'self' for an occasion without a relation: the customer's own",
            )


def _in_year(original: date, year: int) -> date:
    """The original's month and day in ``year``; 29 February falls on 28 February."""
    if (original.month, original.day) == (_FEBRUARY, _LEAP_DAY):
        try:
            return date(year, _FEBRUARY, _LEAP_DAY)
        except ValueError:
            return date(year, _FEBRUARY, _LEAP_DAY - 1)
    return original.replace(year=year)


def _occurrences(
    original: date, kind: OccasionKind, calendar: Calendar, start: date, end: date
) -> Iterator[tuple[date, int | None]]:
    """``(day it falls on, years since the original)`` in the window; ``None`` once-only."""
    if kind in _ONCE:
        if start <= original <= end:
            yield original, None
        return
    if calendar is Calendar.LUNAR:
        yield from lunar_occurrences(original, start, end)
        return
    for year in range(max(start.year, original.year), end.year + 1):
        day = _in_year(original, year)
        if start <= day <= end and day >= original:
            yield day, year - original.year


def upcoming_occasions(
    profile: CustomerProfile, /, *, as_of: date, within: timedelta
) -> list[UpcomingOccasion]:
    """The occasions to greet a customer on from ``as_of`` to ``as_of + within`` (rule C2).

    Birthdays (the person's and every family member's, children's included),
    wedding and company anniversaries and other yearly occasions recur each year; a
    wedding, a child's wedding or a funeral is a one-time event listed only when its
    date is in the window. Both ends of the window are included. An occasion of 29
    February falls on 28 February in common years. An occasion kept with
    ``calendar=Calendar.LUNAR`` recurs on its lunar month and day (the ``lunar``
    extra). An organisation-only profile has no occasions.

    Args:
        profile: The customer.
        as_of: The first day of the window.
        within: The length of the window, zero or more whole days.

    Returns:
        The occasions in date order (then kind, then whose).

    Raises:
        InvalidInputError: If an argument has the wrong type, ``within`` is negative,
            not whole days or ends after 9999-12-31, or a lunar occasion is outside
            1900-2099.
        CustrelError: If the profile has a lunar occasion and the ``lunar`` extra is
            not installed.

    >>> from datetime import date, timedelta
    >>> from custrel.models import (CustomerProfile, FamilyMember, Person, Relation,
    ...                             Household)
    >>> person = Person(name="Wang Fang", birthday=date(1988, 2, 29), household=Household(
    ...     family=[FamilyMember(name="Li Ming", relation=Relation.CHILD,
    ...                          birthday=date(2016, 3, 1))]))
    >>> profile = CustomerProfile(customer_id="c-1", person=person, created_on=date(2026, 1, 1))
    >>> for o in upcoming_occasions(profile, as_of=date(2027, 2, 20), within=timedelta(days=10)):
    ...     print(o.on, o.kind.value, o.whose, o.number)
    2027-02-28 birthday self 39
    2027-03-01 birthday Li Ming 11
    """
    if not isinstance(profile, CustomerProfile):
        raise InvalidInputError("profile", profile, "a CustomerProfile")
    _CHECK_AS_OF("as_of", as_of)
    given: object = within
    if not isinstance(given, timedelta) or within < timedelta(0) or within % timedelta(days=1):
        raise InvalidInputError("within", within, "a timedelta of zero or more whole days")
    if within > date.max - as_of:
        raise InvalidInputError(
            "within",
            within,
            f"a window ending by 9999-12-31: at most {(date.max - as_of).days:,} days",
        )
    end = as_of + within
    person = profile.person
    if person is None:
        return []
    gregorian = Calendar.GREGORIAN
    sources: list[tuple[date, OccasionKind, Calendar, str, Relation | None, str | None]] = []
    if person.birthday is not None:
        sources.append((person.birthday, OccasionKind.BIRTHDAY, gregorian, "self", None, None))
    sources.extend((o.on, o.kind, o.calendar, "self", None, o.label) for o in person.occasions)
    sources.extend(
        (m.birthday, OccasionKind.BIRTHDAY, gregorian, m.name, m.relation, None)
        for m in person.household.family
        if m.birthday is not None
    )
    # from a checked profile: the validators are for data from outside
    found = [
        c.unchecked(
            UpcomingOccasion,
            on=day,
            kind=kind,
            calendar=calendar,
            whose=whose,
            relation=relation,
            number=number,
            label=label,
            original=original,
        )
        for original, kind, calendar, whose, relation, label in sources
        for day, number in _occurrences(original, kind, calendar, as_of, end)
    ]
    return sorted(found, key=lambda o: (o.on, o.kind.value, o.whose))
