"""The closed vocabularies of the archive: channels, needs, deal states, occasions, severities."""

from __future__ import annotations

import enum

__all__ = [
    "Calendar",
    "Channel",
    "DealStatus",
    "Direction",
    "Gender",
    "Need",
    "OccasionKind",
    "Relation",
    "Severity",
]


# Vocabularies -------------------------------------------------------------------------


class Channel(enum.StrEnum):
    """How a contact happened (rule P5: 沟通渠道).

    >>> from custrel.models import Channel
    >>> Channel("visit") is Channel.VISIT
    True
    """

    PHONE = "phone"
    EMAIL = "email"
    FAX = "fax"
    POST = "post"
    WEBSITE = "website"
    VISIT = "visit"
    MEETING = "meeting"
    SOCIAL = "social"
    CHAT = "chat"
    SMS = "sms"


class Direction(enum.StrEnum):
    """Who started a contact: we (outbound) or the customer (inbound) (rule P5).

    >>> from custrel.models import Direction
    >>> Direction.OUTBOUND.value
    'outbound'
    """

    INBOUND = "inbound"
    OUTBOUND = "outbound"


class Need(enum.StrEnum):
    """The customer's need status (rule G2: 需求状况).

    ``EXPLICIT`` is a target customer (目标客户, 明显的业务需求), ``POTENTIAL`` a future
    need (潜在需求), ``NONE`` a dead customer (死亡客户) with no need.

    >>> from custrel.models import Need
    >>> Need("explicit") is Need.EXPLICIT
    True
    """

    EXPLICIT = "explicit"
    POTENTIAL = "potential"
    NONE = "none"


class DealStatus(enum.StrEnum):
    """Where the deal stands (rule G2: 成交状况).

    >>> from custrel.models import DealStatus
    >>> [s.value for s in DealStatus]
    ['closed', 'negotiating', 'potential']
    """

    CLOSED = "closed"
    NEGOTIATING = "negotiating"
    POTENTIAL = "potential"


class OccasionKind(enum.StrEnum):
    """An important day worth a greeting (rule C2: 礼貌问候).

    >>> from custrel.models import OccasionKind
    >>> OccasionKind.WEDDING_ANNIVERSARY.value
    'wedding_anniversary'
    """

    BIRTHDAY = "birthday"
    WEDDING_ANNIVERSARY = "wedding_anniversary"
    WEDDING = "wedding"
    CHILD_WEDDING = "child_wedding"
    FUNERAL = "funeral"
    COMPANY_ANNIVERSARY = "company_anniversary"
    OTHER = "other"


class Calendar(enum.StrEnum):
    """The calendar an occasion recurs by (rule C2).

    An occasion's ``on`` is always the real (Gregorian) day it happened. With
    ``GREGORIAN`` it recurs on that month and day; with ``LUNAR`` (农历, the
    ``custrel[lunar]`` extra) on the same lunar month and day, as many Chinese
    customers keep their birthdays.

    >>> from custrel.models import Calendar
    >>> [c.value for c in Calendar]
    ['gregorian', 'lunar']
    """

    GREGORIAN = "gregorian"
    LUNAR = "lunar"


class Severity(enum.StrEnum):
    """How serious a complaint is (rule S2: 重大投诉 / 一般投诉).

    >>> from custrel.models import Severity
    >>> Severity("serious") is Severity.SERIOUS
    True
    """

    SERIOUS = "serious"
    ORDINARY = "ordinary"


class Gender(enum.StrEnum):
    """A person's gender as recorded in the archive (rule P3).

    >>> from custrel.models import Gender
    >>> Gender.FEMALE.value
    'female'
    """

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class Relation(enum.StrEnum):
    """How a family member is related to the customer (rule P3: 家庭成员).

    >>> from custrel.models import Relation
    >>> Relation.CHILD.value
    'child'
    """

    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    OTHER = "other"
