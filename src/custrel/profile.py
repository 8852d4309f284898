"""Rules about the profile itself: staleness (P6), privacy (P7), completeness and reachability (P8).

>>> from datetime import date
>>> from custrel.models import ContactPoints, CustomerProfile, Person
>>> from custrel.profile import completeness, is_stale, redact
>>> profile = CustomerProfile(
...     customer_id="c-1", created_on=date(2026, 1, 5), verified_on=date(2026, 5, 26),
...     person=Person(name="Wang Fang", contact=ContactPoints(mobile="13800138000")))
>>> is_stale(profile, as_of=date(2026, 11, 22))
False
>>> redact(profile).person.contact.mobile is None
True
>>> completeness(profile)
0.125
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from custrel import _checks as c
from custrel._checks import repr_hidden
from custrel.errors import InvalidInputError
from custrel.models import (
    ContactEvent,
    ContactPoints,
    CustomerProfile,
    Direction,
    Household,
    Organization,
    Person,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "DEFAULT_MAX_AGE",
    "ORGANIZATION_COMPLETENESS_FIELDS",
    "PERSON_COMPLETENESS_FIELDS",
    "completeness",
    "is_stale",
    "reachability",
    "redact",
]

DEFAULT_MAX_AGE = timedelta(days=180)
"""How long a profile stays fresh after it was last verified (rule P6)."""

PERSON_COMPLETENESS_FIELDS: tuple[str, ...] = (
    "contact.mobile",
    "contact.phone",
    "contact.email",
    "contact.address",
    "contact.postcode",
    "job_title",
    "birthday",
    "preferences.preferred_channel",
)
"""The fields of a :class:`~custrel.models.Person` that :func:`completeness` counts."""

ORGANIZATION_COMPLETENESS_FIELDS: tuple[str, ...] = (
    "contact.phone",
    "contact.fax",
    "contact.email",
    "contact.address",
    "contact.postcode",
    "contact.website",
    "industry",
    "headcount",
)
"""The fields of an :class:`~custrel.models.Organization` that :func:`completeness` counts."""


def _check_profile(profile: object) -> CustomerProfile:
    if not isinstance(profile, CustomerProfile):
        raise InvalidInputError("profile", profile, "a CustomerProfile")
    return profile


def _check_day(name: str, value: object) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidInputError(name, value, "a date")
    return value


def _lookup(obj: object, dotted: str) -> object:
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def completeness(profile: CustomerProfile, /) -> float:
    """How complete a customer's contact data is, from 0.0 to 1.0 (rule P8: 联络类指标).

    The score is the share of the documented fields that are filled in:
    :data:`PERSON_COMPLETENESS_FIELDS` for the person and
    :data:`ORGANIZATION_COMPLETENESS_FIELDS` for the organisation, both counted when
    the profile has both. A profile with neither scores 0.0.

    Args:
        profile: The profile to score.

    Returns:
        The share of filled fields.

    Raises:
        InvalidInputError: If ``profile`` is not a :class:`~custrel.models.CustomerProfile`.

    >>> from datetime import date
    >>> from custrel.models import CustomerProfile, Organization
    >>> completeness(CustomerProfile(customer_id="c-1", created_on=date(2026, 1, 1),
    ...                              organization=Organization(name="Acme", industry="tea")))
    0.125
    """
    profile = _check_profile(profile)
    counted: list[bool] = []
    for part, names in (
        (profile.person, PERSON_COMPLETENESS_FIELDS),
        (profile.organization, ORGANIZATION_COMPLETENESS_FIELDS),
    ):
        if part is not None:
            counted.extend(_lookup(part, name) is not None for name in names)
    if not counted:
        return 0.0
    return float(Fraction(sum(counted), len(counted)))


def reachability(
    events: Iterable[ContactEvent], /, *, as_of: date, since: date | None = None
) -> float | None:
    """How easy a customer is to reach: the share of our attempts that got through (P8).

    Seed 000 judges a customer by how easy they are to find (与否容易找到). The attempts
    are our outbound contacts on or before ``as_of`` (and on or after ``since``) whose
    ``reached`` is recorded; the score is the share of them that reached the customer.
    A contact the customer started shows they can be reached but is not an attempt of
    ours, so it does not count; nor does a contact whose result was not recorded.

    Args:
        events: One customer's contact events, in any order.
        as_of: The reference day (events on later days are ignored).
        since: The first day to count, or ``None`` for all history.

    Returns:
        A share from 0.0 to 1.0, or ``None`` when there is no recorded attempt.

    Raises:
        InvalidInputError: If an argument has the wrong type.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Channel, ContactEvent, Direction
    >>> def call(day, reached):
    ...     at = datetime(2026, 11, day, tzinfo=timezone.utc)
    ...     return ContactEvent(customer_id="c-1", at=at, channel=Channel.PHONE,
    ...                         direction=Direction.OUTBOUND, reached=reached)
    >>> reachability([call(2, False), call(3, False), call(4, True), call(5, None)],
    ...              as_of=date(2026, 11, 22))
    0.3333333333333333
    >>> reachability([], as_of=date(2026, 11, 22)) is None
    True
    """
    c.day()("as_of", as_of)
    c.day(optional=True)("since", since)
    c.iterable("events", events, "ContactEvent")
    attempts = reached = 0
    for index, event in enumerate(events):
        if not isinstance(event, ContactEvent):
            raise InvalidInputError(f"events[{index}]", event, "a ContactEvent")
        day = event.at.date()
        if (
            event.reached is None
            or event.direction is not Direction.OUTBOUND
            or day > as_of
            or (since is not None and day < since)
        ):
            continue
        attempts += 1
        reached += event.reached
    return None if not attempts else float(Fraction(reached, attempts))


def is_stale(
    profile: CustomerProfile, /, *, as_of: date, max_age: timedelta = DEFAULT_MAX_AGE
) -> bool:
    """Whether a profile is due for re-verification (rule P6: 动态管理).

    A profile's age is counted from ``verified_on``, or from ``created_on`` when it
    was never verified. It is stale when its age on ``as_of`` exceeds ``max_age``: a
    profile verified exactly 180 days ago is still fresh, one day later it is stale.

    Args:
        profile: The profile to check.
        as_of: The day to judge on.
        max_age: How long a profile stays fresh (180 days by default).

    Returns:
        ``True`` if the profile must be re-verified.

    Raises:
        InvalidInputError: If ``profile`` is not a profile, ``as_of`` not a date or
            ``max_age`` not a non-negative ``timedelta``.

    >>> from datetime import date, timedelta
    >>> from custrel.models import CustomerProfile
    >>> p = CustomerProfile(customer_id="c-1", created_on=date(2026, 5, 26))
    >>> is_stale(p, as_of=date(2026, 11, 22)), is_stale(p, as_of=date(2026, 11, 23))
    (False, True)
    >>> is_stale(p, as_of=date(2026, 11, 22), max_age=-1)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: max_age: expected a timedelta >= 0, got int -1; pass timedelta(days=...)
    """  # noqa: E501 - a doctest output line
    profile = _check_profile(profile)
    as_of = _check_day("as_of", as_of)
    given: object = max_age
    if not isinstance(given, timedelta) or given < timedelta(0):
        raise InvalidInputError(
            "max_age", max_age, "a timedelta >= 0", hint="pass timedelta(days=...)"
        )
    reference = profile.verified_on or profile.created_on
    return as_of - reference > max_age


class _Dropped:
    """Marks a nested value that cannot be made safe and is left out of its tuple."""


_DROPPED = _Dropped()


def _default(field: attrs.Attribute[Any]) -> object:
    factory = getattr(field.default, "factory", None)  # an attrs.Factory
    return field.default if factory is None else factory()


def _scrub(value: object) -> object:
    """``value`` with every field that ``repr()`` hides reset to its empty default."""
    if isinstance(value, tuple):
        kept = [_scrub(item) for item in value]
        return tuple(item for item in kept if item is not _DROPPED)
    cls = type(value)
    if not attrs.has(cls):
        return value
    changes: dict[str, object] = {}
    for field in attrs.fields(cls):
        current = getattr(value, field.name)
        if field.repr is repr_hidden:
            if field.default is attrs.NOTHING:
                return _DROPPED
            changes[field.name] = _default(field)
            continue
        scrubbed = _scrub(current)
        if scrubbed is not current:
            changes[field.name] = scrubbed
    return attrs.evolve(value, **changes)  # type: ignore[misc]  # attrs.has(cls) said so


def _redact_person(person: Person, /) -> Person:
    """``person`` without its personal and sensitive fields (rule P7, PIPL 第二十八条).

    The fields that ``repr()`` hides are cleared by :func:`_scrub`; on top of them go
    the person's own contact points (the website too), the whole household (family
    members, marriage, children, income, car and house) and the sensitive personal
    information (敏感个人信息) that ``repr()`` shows: current concerns (health), dietary
    habits (religion, health) and shopping places (whereabouts, 行踪).
    """
    scrubbed = _scrub(person)
    assert isinstance(scrubbed, Person)  # noqa: S101 - a person has no hidden required field
    preferences = attrs.evolve(
        scrubbed.preferences, dietary_habits=None, shopping_places=frozenset()
    )
    return attrs.evolve(
        scrubbed,
        contact=ContactPoints(),
        household=Household(),
        preferences=preferences,
        current_concerns=(),
    )


def _redact_organization(organization: Organization, /) -> Organization:
    """``organization`` with its public data kept and its people redacted (rule P7)."""
    return attrs.evolve(
        organization,
        owners=tuple(map(_redact_person, organization.owners)),
        managers=tuple(map(_redact_person, organization.managers)),
    )


def redact(profile: CustomerProfile, /) -> CustomerProfile:
    """A copy of a profile that is safe to log or export (rule P7: 隐私保护).

    Every personal field of a person (the customer, and an organisation's owners and
    managers) is dropped: contact points, birthday, the whole household (family
    members with their names, notes and birthdays; marriage, children, income band,
    car, house), average spending, blood type, dietary habits, shopping places, key
    connections, current concerns, important occasions, education, personality,
    ability and when they started their business. What China's PIPL (个人信息保护法
    第二十八条) calls sensitive personal information (敏感个人信息: health, religion,
    minors, finances, whereabouts) is among it. The person's name, gender, age, job
    and what they told us about brands, hobbies and channel stay; so do the
    organisation's public data, its contact points included, tags and dates of
    record. docs/models.md lists the decision for every field. Redacting twice gives
    the same profile as redacting once.

    Args:
        profile: The profile to redact.

    Returns:
        The redacted copy.

    Raises:
        InvalidInputError: If ``profile`` is not a :class:`~custrel.models.CustomerProfile`.

    >>> from datetime import date
    >>> from custrel.models import ContactPoints, CustomerProfile, Organization, Person
    >>> p = CustomerProfile(customer_id="c-1", created_on=date(2026, 1, 1),
    ...                     person=Person(name="Wang Fang", birthday=date(1990, 2, 28),
    ...                                   current_concerns=["daughter's asthma"],
    ...                                   contact=ContactPoints(email="w@example.com")),
    ...                     organization=Organization(name="Acme",
    ...                                               contact=ContactPoints(fax="0571-8888 1235")))
    >>> safe = redact(p)
    >>> safe.person.birthday, safe.person.contact.email, safe.person.current_concerns
    (None, None, ())
    >>> safe.person.name, safe.organization.contact == p.organization.contact
    ('Wang Fang', True)
    >>> redact(safe) == safe
    True
    """
    profile = _check_profile(profile)
    person, organization = profile.person, profile.organization
    return attrs.evolve(
        profile,
        person=None if person is None else _redact_person(person),
        organization=None if organization is None else _redact_organization(organization),
    )
