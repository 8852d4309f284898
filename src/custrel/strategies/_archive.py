"""Strategies for the customer archive: contact points, occasions, people, profiles."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from custrel.models import (
    Calendar,
    Channel,
    ContactPoints,
    CustomerProfile,
    FamilyMember,
    Gender,
    Household,
    Occasion,
    OccasionKind,
    Organization,
    Person,
    Preferences,
    Relation,
)
from custrel.strategies._scalars import (
    _MAX_DATE,
    _NAMES,
    _WORD,
    _emails,
    _phones,
    _words,
    customer_ids,
    dates,
    money,
)

__all__ = [
    "contact_points",
    "family_members",
    "households",
    "occasions",
    "organizations",
    "persons",
    "preferences",
    "profiles",
]


def contact_points() -> st.SearchStrategy[ContactPoints]:
    """Contact points with any mix of phone, mobile, fax, e-mail, address and website.

    Returns:
        A strategy of :class:`~custrel.models.ContactPoints`.

    >>> from hypothesis import find
    >>> from custrel.strategies import contact_points
    >>> "@" in repr(find(contact_points(), lambda v: True))
    False
    """
    return st.builds(
        ContactPoints,
        phone=st.none() | _phones(),
        mobile=st.none() | _phones(),
        fax=st.none() | _phones(),
        email=st.none() | _emails(),
        address=st.none() | _NAMES,
        postcode=st.none() | st.text(alphabet="0123456789", min_size=6, max_size=6),
        website=st.none() | _WORD.map(lambda w: f"https://{w}.example.com"),
    )


def occasions() -> st.SearchStrategy[Occasion]:
    """Important days of every kind and calendar, 29 February included.

    Returns:
        A strategy of :class:`~custrel.models.Occasion`.

    >>> from hypothesis import find
    >>> from custrel.strategies import occasions
    >>> from custrel.models import OccasionKind
    >>> find(occasions(), lambda v: True).kind in set(OccasionKind)
    True
    """
    return st.builds(
        Occasion,
        kind=st.sampled_from(OccasionKind),
        on=dates(),
        label=st.none() | _NAMES,
        calendar=st.sampled_from(Calendar),
    )


def family_members() -> st.SearchStrategy[FamilyMember]:
    """Family members with any relation, some with birthdays.

    Returns:
        A strategy of :class:`~custrel.models.FamilyMember`.

    >>> from hypothesis import find
    >>> from custrel.strategies import family_members
    >>> bool(find(family_members(), lambda v: True).name.strip())
    True
    """
    return st.builds(
        FamilyMember,
        name=_NAMES,
        relation=st.sampled_from(Relation),
        gender=st.none() | st.sampled_from(Gender),
        birthday=st.none() | dates(),
        note=st.none() | _NAMES,
    )


def households() -> st.SearchStrategy[Household]:
    """Households with up to four family members.

    Returns:
        A strategy of :class:`~custrel.models.Household`.

    >>> from hypothesis import find
    >>> from custrel.strategies import households
    >>> len(find(households(), lambda v: True).family) <= 4
    True
    """
    unknown_or_bool = st.none() | st.booleans()
    return st.builds(
        Household,
        married=unknown_or_bool,
        has_children=unknown_or_bool,
        income_band=st.none() | st.sampled_from(["<100k", "100k-300k", ">300k"]),
        owns_car=unknown_or_bool,
        owns_house=unknown_or_bool,
        family=st.lists(family_members(), max_size=4).map(tuple),
    )


def preferences() -> st.SearchStrategy[Preferences]:
    """Preferences: channel, shopping places, brands, spending, hobbies and habits.

    Returns:
        A strategy of :class:`~custrel.models.Preferences`.

    >>> from custrel.strategies import preferences
    >>> from hypothesis import find
    >>> shown = repr(find(preferences(), lambda p: p.average_spending is not None))
    >>> "average_spending=<hidden>" in shown
    True
    """
    return st.builds(
        Preferences,
        preferred_channel=st.none() | st.sampled_from(Channel),
        shopping_places=_words(),
        preferred_brands=_words(),
        average_spending=st.none() | money(max_value=Decimal(100_000)),
        hobbies=_words(),
        blood_type=st.none() | st.sampled_from(["A", "B", "AB", "O"]),
        favourite_colour=st.none() | _WORD,
        dietary_habits=st.none() | _WORD,
    )


def persons() -> st.SearchStrategy[Person]:
    """People with every field of rule P3 sometimes filled in.

    Returns:
        A strategy of :class:`~custrel.models.Person`.

    >>> from hypothesis import find
    >>> from custrel.strategies import persons
    >>> bool(find(persons(), lambda v: True).name.strip())
    True
    """
    return st.builds(
        Person,
        name=_NAMES,
        gender=st.none() | st.sampled_from(Gender),
        birthday=st.none() | dates(max_value=date(2010, 12, 31)),
        age=st.none() | st.integers(min_value=0, max_value=150),
        job_title=st.none() | _WORD,
        years_in_post=st.none() | st.integers(min_value=0, max_value=50),
        is_key_decision_maker=st.booleans(),
        contact=contact_points(),
        household=households(),
        preferences=preferences(),
        how_we_met=st.none() | _WORD,
        key_connections=st.lists(_NAMES, max_size=3).map(tuple),
        current_concerns=st.lists(_WORD, max_size=3).map(tuple),
        occasions=st.lists(occasions(), max_size=3).map(tuple),
        education=st.none() | _WORD,
        personality=st.none() | _WORD,
        ability=st.none() | _WORD,
        started_business_on=st.none() | dates(max_value=date(2030, 12, 31)),
    )


def _leaders() -> st.SearchStrategy[Person]:
    """Owners and managers: the fields seed 001 keeps for them, not a whole household."""
    return st.builds(
        Person,
        name=_NAMES,
        job_title=st.none() | _WORD,
        education=st.none() | _WORD,
        personality=st.none() | _WORD,
        ability=st.none() | _WORD,
        started_business_on=st.none() | dates(max_value=date(2030, 12, 31)),
    )


def organizations() -> st.SearchStrategy[Organization]:
    """Organisations with the fields of rule P2 sometimes filled in.

    Returns:
        A strategy of :class:`~custrel.models.Organization`.

    >>> from hypothesis import find
    >>> from custrel.strategies import organizations
    >>> bool(find(organizations(), lambda v: True).name.strip())
    True
    """
    optional_word = st.none() | _WORD
    return st.builds(
        Organization,
        name=_NAMES,
        contact=contact_points(),
        ownership=optional_word,
        industry=optional_word,
        main_products=st.lists(_WORD, max_size=3).map(tuple),
        headcount=st.none() | st.integers(min_value=0, max_value=500_000),
        last_year_output=st.none() | money(max_value=Decimal(10**12)),
        service_area=optional_word,
        sales_capacity=optional_word,
        development_potential=optional_word,
        scale=optional_word,
        credit_standing=optional_word,
        legal_representative=st.none() | _NAMES,
        owners=st.lists(_leaders(), max_size=2).map(tuple),
        managers=st.lists(_leaders(), max_size=2).map(tuple),
        assets=st.none() | money(max_value=Decimal(10**12)),
        cooperation_attitude=optional_word,
        trade_terms=optional_word,
        credit_problems=st.lists(_WORD, max_size=2).map(tuple),
    )


@st.composite
def _profile(draw: st.DrawFn, customer_id: str | None) -> CustomerProfile:
    created_on = draw(dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)))
    verified_on = draw(st.none() | dates(min_value=created_on, max_value=_MAX_DATE))
    person = draw(st.none() | persons())
    organization = draw(organizations() if person is None else st.none() | organizations())
    return CustomerProfile(
        customer_id=draw(customer_ids()) if customer_id is None else customer_id,
        person=person,
        organization=organization,
        owner=draw(st.none() | st.sampled_from(["rep-1", "rep-2", "rep-3"])),
        tags=draw(_words()),
        created_on=created_on,
        verified_on=verified_on,
    )


def profiles(*, customer_id: str | None = None) -> st.SearchStrategy[CustomerProfile]:
    """Customer profiles with a person, an organisation or both.

    Args:
        customer_id: Fix the id; drawn when ``None``.

    Returns:
        A strategy of :class:`~custrel.models.CustomerProfile`.

    >>> from hypothesis import find
    >>> from custrel.strategies import profiles
    >>> find(profiles(customer_id="c-7"), lambda v: True).customer_id
    'c-7'
    """
    return _profile(customer_id)
