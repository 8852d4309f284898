"""The customer archive (rules P2, P3, P6): contact points, people, organisations, profiles."""

from __future__ import annotations

from datetime import date  # noqa: TC003 - attrs and cattrs read the annotations
from decimal import Decimal  # noqa: TC003 - attrs and cattrs read the annotations
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.models._vocabularies import Calendar, Channel, Gender, OccasionKind, Relation

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ContactPoints",
    "CustomerProfile",
    "FamilyMember",
    "Household",
    "Occasion",
    "Organization",
    "Person",
    "Preferences",
]


# Typed converters (attrs reads their parameter types for __init__) --------------------


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return c.to_tuple(value)  # type: ignore[no-any-return]


def _family(value: Iterable[FamilyMember]) -> tuple[FamilyMember, ...]:
    return c.to_tuple(value)  # type: ignore[no-any-return]


def _occasions(value: Iterable[Occasion]) -> tuple[Occasion, ...]:
    return c.to_tuple(value)  # type: ignore[no-any-return]


def _people(value: Iterable[Person]) -> tuple[Person, ...]:
    return c.to_tuple(value)  # type: ignore[no-any-return]


_HIDDEN = c.repr_hidden


# Profile parts --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ContactPoints:
    """Ways to reach a person or an organisation (rules P2, P3, P8).

    Every field is optional and personal: none shows in ``repr()`` (rule P7). Phone
    numbers and e-mail addresses are checked loosely for shape.

    Args:
        phone: Landline (home phone for a person, switchboard for an organisation).
        mobile: Mobile phone.
        fax: Fax number.
        email: E-mail address.
        address: Postal address.
        postcode: Postal code.
        website: Web address.

    >>> from custrel.models import ContactPoints
    >>> ContactPoints(mobile="+86 138 0013 8000", email="li@example.com")
    ContactPoints(phone=None, mobile=<hidden>, fax=None, email=<hidden>, address=None, postcode=None, website=None)
    """  # noqa: E501 - a doctest output line

    phone: str | None = attrs.field(default=None, validator=c.checked(c.phone), repr=_HIDDEN)
    mobile: str | None = attrs.field(default=None, validator=c.checked(c.phone), repr=_HIDDEN)
    fax: str | None = attrs.field(default=None, validator=c.checked(c.phone), repr=_HIDDEN)
    email: str | None = attrs.field(default=None, validator=c.checked(c.email), repr=_HIDDEN)
    address: str | None = attrs.field(
        default=None, validator=c.checked(c.personal_text), repr=_HIDDEN
    )
    postcode: str | None = attrs.field(
        default=None, validator=c.checked(c.personal_text), repr=_HIDDEN
    )
    website: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))


@attrs.frozen(kw_only=True)
class Occasion:
    """An important day of a customer (rules P3, C2: 重要纪念日).

    Args:
        kind: What the day is.
        on: The (Gregorian) date it happened. A 29 February date is accepted; in
            common years it is observed on 28 February.
        label: An optional note, such as ``"daughter's wedding"``.
        calendar: The calendar it recurs by: Gregorian, or lunar (农历).

    >>> from datetime import date
    >>> from custrel.models import Occasion, OccasionKind
    >>> Occasion(kind=OccasionKind.WEDDING_ANNIVERSARY, on=date(2004, 2, 29))
    Occasion(kind=<OccasionKind.WEDDING_ANNIVERSARY: 'wedding_anniversary'>, on=<hidden>, label=None, calendar=<Calendar.GREGORIAN: 'gregorian'>)
    """  # noqa: E501 - a doctest output line

    kind: OccasionKind = attrs.field(validator=c.checked(c.member(OccasionKind)))
    on: date = attrs.field(validator=c.checked(c.day(personal=True)), repr=_HIDDEN)
    label: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))
    calendar: Calendar = attrs.field(
        default=Calendar.GREGORIAN, validator=c.checked(c.member(Calendar))
    )


@attrs.frozen(kw_only=True)
class FamilyMember:
    """A member of a customer's family (rule P3: 家庭成员).

    Args:
        name: The member's name.
        relation: How they are related to the customer.
        gender: Their gender, if known.
        birthday: Their birthday, if known (personal: hidden in ``repr()``).
        note: Free-text note.

    >>> from datetime import date
    >>> from custrel.models import FamilyMember, Relation
    >>> FamilyMember(name="Li Xiaoming", relation=Relation.CHILD, birthday=date(2016, 2, 29))
    FamilyMember(name='Li Xiaoming', relation=<Relation.CHILD: 'child'>, gender=None, birthday=<hidden>, note=None)
    """  # noqa: E501 - a doctest output line

    name: str = attrs.field(validator=c.checked(c.identifier))
    relation: Relation = attrs.field(validator=c.checked(c.member(Relation)))
    gender: Gender | None = attrs.field(
        default=None, validator=c.checked(c.member(Gender, optional=True))
    )
    birthday: date | None = attrs.field(
        default=None, validator=c.checked(c.day(optional=True, personal=True)), repr=_HIDDEN
    )
    note: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))


@attrs.frozen(kw_only=True)
class Household:
    """A person's household and family (rule P3).

    ``None`` means unknown for every yes/no field.

    Args:
        married: Whether the person is married.
        has_children: Whether they have children.
        income_band: Income band as the caller's scheme names it (personal: hidden).
        owns_car: Whether they own a car.
        owns_house: Whether they own a house.
        family: Family members.

    >>> from custrel.models import Household
    >>> Household(married=True, income_band="200k-300k")
    Household(married=True, has_children=None, income_band=<hidden>, owns_car=None, owns_house=None, family=())
    """  # noqa: E501 - a doctest output line

    married: bool | None = attrs.field(default=None, validator=c.checked(c.optional_flag))
    has_children: bool | None = attrs.field(default=None, validator=c.checked(c.optional_flag))
    income_band: str | None = attrs.field(
        default=None, validator=c.checked(c.personal_text), repr=_HIDDEN
    )
    owns_car: bool | None = attrs.field(default=None, validator=c.checked(c.optional_flag))
    owns_house: bool | None = attrs.field(default=None, validator=c.checked(c.optional_flag))
    family: tuple[FamilyMember, ...] = attrs.field(
        default=(),
        converter=_family,
        validator=c.checked(c.items(c.instance_of(FamilyMember), "FamilyMember")),
    )


@attrs.frozen(kw_only=True)
class Preferences:
    """A person's tastes and habits (rule P3).

    Args:
        preferred_channel: How they like to be contacted (沟通偏好).
        shopping_places: Where they shop.
        preferred_brands: Brands they prefer.
        average_spending: Their usual spend (personal: hidden).
        hobbies: Their hobbies.
        blood_type: Blood type as recorded.
        favourite_colour: Favourite colour.
        dietary_habits: Dietary habits, such as ``"vegetarian"``.

    >>> from custrel.models import Channel, Preferences
    >>> Preferences(preferred_channel=Channel.PHONE, hobbies={"golf", "tea"}).hobbies
    frozenset({...})
    """

    preferred_channel: Channel | None = attrs.field(
        default=None, validator=c.checked(c.member(Channel, optional=True))
    )
    shopping_places: frozenset[str] = attrs.field(
        default=frozenset(), converter=c.to_frozenset, validator=c.checked(c.members("place"))
    )
    preferred_brands: frozenset[str] = attrs.field(
        default=frozenset(), converter=c.to_frozenset, validator=c.checked(c.members("brand"))
    )
    average_spending: Decimal | None = attrs.field(
        default=None,
        converter=c.to_optional_money,
        validator=c.checked(c.money(optional=True, personal=True)),
        repr=_HIDDEN,
    )
    hobbies: frozenset[str] = attrs.field(
        default=frozenset(), converter=c.to_frozenset, validator=c.checked(c.members("hobby"))
    )
    blood_type: str | None = attrs.field(
        default=None, validator=c.checked(c.personal_text), repr=_HIDDEN
    )
    favourite_colour: str | None = attrs.field(
        default=None, validator=c.checked(c.optional_identifier)
    )
    dietary_habits: str | None = attrs.field(
        default=None, validator=c.checked(c.optional_identifier)
    )


_MAX_AGE = 150


@attrs.frozen(kw_only=True)
class Person:
    """A customer who is a person, or the person who speaks for an organisation (P3).

    Args:
        name: The person's name.
        gender: Gender, if known.
        birthday: Birthday (personal: hidden in ``repr()``).
        age: Age in years when the birthday is not known (0 to 150).
        job_title: Job title.
        years_in_post: Years in the current post.
        is_key_decision_maker: Whether they decide the purchase (是否关键).
        contact: Home phone, mobile, e-mail, home address and postcode.
        household: Marriage, children, income band, car, house and family members.
        preferences: Channel preference, shopping places, brands, hobbies and habits.
        how_we_met: How we came to know them.
        key_connections: Important people they know (重要人脉; hidden in ``repr()``).
        current_concerns: What occupies them lately (近来关注的问题).
        occasions: Important anniversaries and life events (重要纪念日).
        education: Education (学历; hidden in ``repr()``).
        personality: Personality, as our people judge it (性格; hidden in ``repr()``).
        ability: Ability, as our people judge it (能力; hidden in ``repr()``).
        started_business_on: When they started their business (创业时间, rule P2, for
            an organisation's owners and managers; hidden in ``repr()``).

    >>> from datetime import date
    >>> from custrel.models import ContactPoints, Person
    >>> p = Person(name="Wang Fang", birthday=date(1988, 5, 4),
    ...            contact=ContactPoints(email="wang@example.com"))
    >>> "wang@example.com" in repr(p) or "1988" in repr(p)
    False
    >>> Person(name="  ")
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: Person.name: expected a non-blank string, got str '  '
    """

    name: str = attrs.field(validator=c.checked(c.identifier))
    gender: Gender | None = attrs.field(
        default=None, validator=c.checked(c.member(Gender, optional=True))
    )
    birthday: date | None = attrs.field(
        default=None, validator=c.checked(c.day(optional=True, personal=True)), repr=_HIDDEN
    )
    age: int | None = attrs.field(
        default=None, validator=c.checked(c.count(0, _MAX_AGE, optional=True))
    )
    job_title: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))
    years_in_post: int | None = attrs.field(
        default=None, validator=c.checked(c.count(0, _MAX_AGE, optional=True))
    )
    is_key_decision_maker: bool = attrs.field(default=False, validator=c.checked(c.flag))
    contact: ContactPoints = attrs.field(
        factory=ContactPoints, validator=c.checked(c.instance_of(ContactPoints))
    )
    household: Household = attrs.field(
        factory=Household, validator=c.checked(c.instance_of(Household))
    )
    preferences: Preferences = attrs.field(
        factory=Preferences, validator=c.checked(c.instance_of(Preferences))
    )
    how_we_met: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))
    key_connections: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=c.checked(c.items(c.identifier, "names")),
        repr=_HIDDEN,
    )
    current_concerns: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=c.checked(c.items(c.identifier, "concerns"))
    )
    occasions: tuple[Occasion, ...] = attrs.field(
        default=(),
        converter=_occasions,
        validator=c.checked(c.items(c.instance_of(Occasion), "Occasion")),
    )
    education: str | None = attrs.field(
        default=None, validator=c.checked(c.personal_text), repr=_HIDDEN
    )
    personality: str | None = attrs.field(
        default=None, validator=c.checked(c.personal_text), repr=_HIDDEN
    )
    ability: str | None = attrs.field(
        default=None, validator=c.checked(c.personal_text), repr=_HIDDEN
    )
    started_business_on: date | None = attrs.field(
        default=None, validator=c.checked(c.day(optional=True, personal=True)), repr=_HIDDEN
    )


@attrs.frozen(kw_only=True)
class Organization:
    """A customer that is a company or institution (rule P2: 客户工作信息).

    Args:
        name: Company name.
        contact: Address, phone, fax, postcode and website.
        ownership: Ownership type (企业性质), such as ``"private"`` or ``"state-owned"``.
        industry: Industry.
        main_products: Main products.
        headcount: Number of employees.
        last_year_output: Last year's output value (上年产值).
        service_area: Where it does business.
        sales_capacity: Its sales capacity, as the caller describes it.
        development_potential: Its development potential.
        scale: Its scale, such as ``"large"``.
        credit_standing: Credit standing (信用状况).
        legal_representative: Legal representative.
        owners: Its owners (所有者), as persons: seed 001 keeps their personality,
            interests, family, education, age, ability and when they started out.
        managers: Its managers (经营管理者), as persons.
        assets: Its assets (资产), in money.
        cooperation_attitude: Its attitude to working with us (合作态度).
        trade_terms: The terms we trade on (交易条件).
        credit_problems: Credit problems that have come up (出现的信用问题).

    >>> from decimal import Decimal
    >>> from custrel.models import Organization
    >>> Organization(name="Hangzhou Tea Co.", headcount=120).headcount
    120
    >>> Organization(name="Hangzhou Tea Co.", last_year_output=1.5e6)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: Organization.last_year_output: expected a finite Decimal or int >= 0 or None, got float 1500000.0; pass Decimal('1500000.0'); floats cannot hold money exactly
    """  # noqa: E501 - a doctest output line

    name: str = attrs.field(validator=c.checked(c.identifier))
    contact: ContactPoints = attrs.field(
        factory=ContactPoints, validator=c.checked(c.instance_of(ContactPoints))
    )
    ownership: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))
    industry: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))
    main_products: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=c.checked(c.items(c.identifier, "products"))
    )
    headcount: int | None = attrs.field(
        default=None, validator=c.checked(c.count(0, optional=True))
    )
    last_year_output: Decimal | None = attrs.field(
        default=None,
        converter=c.to_optional_money,
        validator=c.checked(c.money(optional=True)),
    )
    service_area: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))
    sales_capacity: str | None = attrs.field(
        default=None, validator=c.checked(c.optional_identifier)
    )
    development_potential: str | None = attrs.field(
        default=None, validator=c.checked(c.optional_identifier)
    )
    scale: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))
    credit_standing: str | None = attrs.field(
        default=None, validator=c.checked(c.optional_identifier)
    )
    legal_representative: str | None = attrs.field(
        default=None, validator=c.checked(c.optional_identifier)
    )
    owners: tuple[Person, ...] = attrs.field(
        default=(), converter=_people, validator=c.checked(c.items(c.instance_of(Person), "Person"))
    )
    managers: tuple[Person, ...] = attrs.field(
        default=(), converter=_people, validator=c.checked(c.items(c.instance_of(Person), "Person"))
    )
    assets: Decimal | None = attrs.field(
        default=None,
        converter=c.to_optional_money,
        validator=c.checked(c.money(optional=True)),
    )
    cooperation_attitude: str | None = attrs.field(
        default=None, validator=c.checked(c.optional_identifier)
    )
    trade_terms: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))
    credit_problems: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=c.checked(c.items(c.identifier, "problems"))
    )


@attrs.frozen(kw_only=True)
class CustomerProfile:
    """A customer's archive entry (rule P1: 客户档案).

    A profile holds a :class:`Person`, an :class:`Organization` or both (a company and
    its contact person). Purchases, contacts and complaints are separate records that
    carry the same ``customer_id``.

    Args:
        customer_id: The caller's stable id for the customer.
        person: The person, if any.
        organization: The organisation, if any.
        owner: The salesperson who owns the customer (rule C5), if any.
        tags: Free labels.
        created_on: When the profile entered the archive.
        verified_on: When its data was last checked with the customer (rule P6).

    Raises:
        InvalidInputError: If a field is wrong, or ``verified_on`` is before
            ``created_on``.

    >>> from datetime import date
    >>> from custrel.models import CustomerProfile, Person
    >>> profile = CustomerProfile(customer_id="c-1", person=Person(name="Wang Fang"),
    ...                           tags={"tea", "vip-event"}, created_on=date(2026, 1, 5))
    >>> sorted(profile.tags)
    ['tea', 'vip-event']
    """

    customer_id: str = attrs.field(validator=c.checked(c.identifier))
    person: Person | None = attrs.field(
        default=None, validator=c.checked(c.instance_of(Person, optional=True))
    )
    organization: Organization | None = attrs.field(
        default=None, validator=c.checked(c.instance_of(Organization, optional=True))
    )
    owner: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))
    tags: frozenset[str] = attrs.field(
        default=frozenset(), converter=c.to_frozenset, validator=c.checked(c.members("tag"))
    )
    created_on: date = attrs.field(validator=c.checked(c.day()))
    verified_on: date | None = attrs.field(default=None, validator=c.checked(c.day(optional=True)))

    def __attrs_post_init__(self) -> None:
        """Check that the profile was not verified before it existed."""
        if self.verified_on is not None and self.verified_on < self.created_on:
            raise InvalidInputError(
                "CustomerProfile.verified_on",
                self.verified_on,
                f"a date on or after created_on ({self.created_on.isoformat()})",
            )
