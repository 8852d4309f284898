"""Hypothesis strategies for every custrel model, for property-testing your own rules.

Install the ``hypothesis`` extra (``pip install "custrel[hypothesis]"``). Once custrel
is installed, Hypothesis also knows its models: ``st.from_type(CustomerProfile)`` uses
:func:`profiles`. ``import custrel`` itself never imports Hypothesis.

Every value drawn is valid: it constructs without error and survives
:func:`custrel.serialize.to_dict` and back. Timestamps are timezone-aware with a mix of
offsets; dates include 29 February; money is ``Decimal`` with two places.

>>> from hypothesis import given
>>> from custrel.strategies import purchases
>>> @given(purchases(customer_id="c-1"))
... def test_amount_is_never_negative(purchase):
...     assert purchase.amount >= 0
>>> test_amount_is_never_negative()
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import TypeVar

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from custrel.cadence import Beyond, Cadence, CadencePolicy, PoolPolicy, Weekday, WorkCalendar
from custrel.grading import Grade, GradingPolicy
from custrel.lifecycle import LifecyclePolicy
from custrel.loyalty import (
    LoyaltyMeasures,
    LoyaltyPolicy,
    LoyaltySignals,
    SatisfactionMeasures,
    SatisfactionPolicy,
    TotalCustomerCost,
    TotalCustomerValue,
)
from custrel.models import (
    Calendar,
    Channel,
    Complaint,
    ContactEvent,
    ContactPoints,
    CustomerProfile,
    DealStatus,
    Direction,
    FamilyMember,
    Gender,
    Household,
    Need,
    Occasion,
    OccasionKind,
    Opportunity,
    Organization,
    Person,
    Preferences,
    Purchase,
    Relation,
    Severity,
)
from custrel.service import ServicePolicy
from custrel.tiering import TierMode, TierPolicy

__all__ = [
    "History",
    "aware_datetimes",
    "cadence_policies",
    "complaints",
    "contact_events",
    "contact_points",
    "customer_ids",
    "dates",
    "family_members",
    "grading_policies",
    "histories",
    "households",
    "lifecycle_policies",
    "loyalty_measures",
    "loyalty_policies",
    "loyalty_signals",
    "money",
    "nps_answers",
    "occasions",
    "opportunities",
    "organizations",
    "persons",
    "pool_policies",
    "preferences",
    "profiles",
    "purchases",
    "satisfaction_measures",
    "satisfaction_policies",
    "service_policies",
    "shares",
    "tier_policies",
    "total_customer_costs",
    "total_customer_values",
    "work_calendars",
]

_E = TypeVar("_E", Purchase, ContactEvent, Complaint)
_MIN_DATE = date(1940, 1, 1)
_MAX_DATE = date(2040, 12, 31)
_OFFSETS = (
    UTC,
    timezone(timedelta(hours=8), "CST"),
    timezone(timedelta(hours=-5)),
    timezone(timedelta(hours=5, minutes=30)),
    timezone(timedelta(hours=14)),
    timezone(timedelta(hours=-12)),
)
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_NAMES = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=("L", "N", "Zs", "P"), exclude_characters="\x85\xa0"
    ),
    min_size=1,
    max_size=16,
).filter(str.strip)


def customer_ids() -> st.SearchStrategy[str]:
    """Customer ids such as ``"c-00042"``.

    Returns:
        A strategy of non-blank ids.

    >>> from hypothesis import find
    >>> from custrel.strategies import customer_ids
    >>> find(customer_ids(), lambda v: True).startswith("c-")
    True
    """
    return st.integers(min_value=0, max_value=99_999).map(lambda n: f"c-{n:05d}")


def dates(*, min_value: date = _MIN_DATE, max_value: date = _MAX_DATE) -> st.SearchStrategy[date]:
    """Calendar dates, leaning towards month ends and 29 February.

    Args:
        min_value: The earliest date.
        max_value: The latest date.

    Returns:
        A strategy of dates within the bounds.

    >>> from datetime import date
    >>> from hypothesis import find
    >>> from custrel.strategies import dates
    >>> find(dates(min_value=date(2024, 1, 1), max_value=date(2024, 12, 31)), lambda v: True).year
    2024
    """
    tricky = [
        d
        for d in (date(2024, 2, 29), date(2028, 2, 29), date(2026, 1, 31), date(2026, 12, 31))
        if min_value <= d <= max_value
    ]
    plain = st.dates(min_value=min_value, max_value=max_value)
    return st.one_of(st.sampled_from(tricky), plain) if tricky else plain


def aware_datetimes(
    *, min_value: date = _MIN_DATE, max_value: date = _MAX_DATE
) -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes whose local date lies within the bounds.

    Args:
        min_value: The earliest local date.
        max_value: The latest local date.

    Returns:
        A strategy of aware datetimes in a mix of UTC offsets.

    >>> from hypothesis import find
    >>> from custrel.strategies import aware_datetimes
    >>> find(aware_datetimes(), lambda v: True).tzinfo is not None
    True
    """
    return st.builds(
        datetime.combine,
        dates(min_value=min_value, max_value=max_value),
        st.times(),
        st.sampled_from(_OFFSETS),
    )


def money(
    *, min_value: Decimal = Decimal(0), max_value: Decimal = Decimal(10_000_000)
) -> st.SearchStrategy[Decimal]:
    """Amounts of money: ``Decimal`` with two places, within the bounds.

    Args:
        min_value: The smallest amount.
        max_value: The largest amount.

    Returns:
        A strategy of finite ``Decimal`` values.

    >>> from hypothesis import find
    >>> from custrel.strategies import money
    >>> find(money(), lambda v: True).as_tuple().exponent
    -2
    """
    return st.integers(min_value=int(min_value * 100), max_value=int(max_value * 100)).map(
        lambda cents: Decimal(cents).scaleb(-2)
    )


def _phones() -> st.SearchStrategy[str]:
    return st.builds(
        lambda prefix, digits: prefix + digits,
        st.sampled_from(["", "+86 ", "0571-", "+1 "]),
        st.text(alphabet="0123456789", min_size=7, max_size=11),
    )


def _emails() -> st.SearchStrategy[str]:
    return st.builds(
        lambda user, host, tld: f"{user}@{host}.{tld}",
        _WORD,
        _WORD,
        st.sampled_from(["com", "cn", "com.cn", "org"]),
    )


def _words() -> st.SearchStrategy[frozenset[str]]:
    return st.frozensets(_WORD, max_size=3)


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


def _ids(customer_id: str | None) -> st.SearchStrategy[str]:
    return customer_ids() if customer_id is None else st.just(customer_id)


def contact_events(
    *,
    customer_id: str | None = None,
    min_value: date = date(2000, 1, 1),
    max_value: date = date(2035, 12, 31),
) -> st.SearchStrategy[ContactEvent]:
    """Contact events on any channel, in either direction.

    Args:
        customer_id: Fix the customer; drawn when ``None``.
        min_value: The earliest local date of the event.
        max_value: The latest local date of the event.

    Returns:
        A strategy of :class:`~custrel.models.ContactEvent`.

    >>> from hypothesis import find
    >>> from custrel.strategies import contact_events
    >>> find(contact_events(customer_id="c-1"), lambda v: True).customer_id
    'c-1'
    """
    return st.builds(
        ContactEvent,
        customer_id=_ids(customer_id),
        at=aware_datetimes(min_value=min_value, max_value=max_value),
        channel=st.sampled_from(Channel),
        direction=st.sampled_from(Direction),
        summary=st.text(max_size=20),
        outcome=st.text(max_size=20),
        by=st.none() | st.sampled_from(["rep-1", "rep-2", "rep-3"]),
        reached=st.none() | st.booleans(),
    )


@st.composite
def _purchase(
    draw: st.DrawFn, customer_id: str | None, min_value: date, max_value: date
) -> Purchase:
    amount = draw(money(max_value=Decimal(100_000)))
    refund = draw(st.booleans().map(lambda b: b and amount > 0))
    low = Decimal(0) if refund else -amount
    profit = draw(st.none() | money(min_value=low, max_value=amount))
    return Purchase(
        customer_id=draw(_ids(customer_id)),
        at=draw(aware_datetimes(min_value=min_value, max_value=max_value)),
        product=draw(_WORD),
        quantity=draw(st.integers(min_value=0, max_value=1_000)),
        amount=amount,
        profit=profit,
        refund=refund,
        order_id=draw(st.none() | st.sampled_from(["o-1", "o-2", "o-3"])),
    )


def purchases(
    *,
    customer_id: str | None = None,
    min_value: date = date(2000, 1, 1),
    max_value: date = date(2035, 12, 31),
) -> st.SearchStrategy[Purchase]:
    """Purchases (and the odd refund) with amounts up to 100,000 and optional profit.

    Args:
        customer_id: Fix the customer; drawn when ``None``.
        min_value: The earliest local date of the purchase.
        max_value: The latest local date of the purchase.

    Returns:
        A strategy of :class:`~custrel.models.Purchase`.

    >>> from hypothesis import find
    >>> from custrel.strategies import purchases
    >>> find(purchases(customer_id="c-1"), lambda v: True).customer_id
    'c-1'
    """
    return _purchase(customer_id, min_value, max_value)


@st.composite
def _complaint(
    draw: st.DrawFn, customer_id: str | None, min_value: date, max_value: date
) -> Complaint:
    at = draw(aware_datetimes(min_value=min_value, max_value=max_value))
    resolved_after = draw(
        st.none() | st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=90))
    )
    return Complaint(
        customer_id=draw(_ids(customer_id)),
        at=at,
        severity=draw(st.sampled_from(Severity)),
        summary=draw(st.text(max_size=20)),
        stands=draw(st.none() | st.booleans()),
        resolved_at=None if resolved_after is None else at + resolved_after,
    )


def complaints(
    *,
    customer_id: str | None = None,
    min_value: date = date(2000, 1, 1),
    max_value: date = date(2035, 12, 31),
) -> st.SearchStrategy[Complaint]:
    """Complaints, serious or ordinary, some judged and some resolved.

    Args:
        customer_id: Fix the customer; drawn when ``None``.
        min_value: The earliest local date of the complaint.
        max_value: The latest local date of the complaint.

    Returns:
        A strategy of :class:`~custrel.models.Complaint`.

    >>> from hypothesis import find
    >>> from custrel.strategies import complaints
    >>> c = find(complaints(), lambda v: True)
    >>> c.resolved_at is None or c.resolved_at >= c.at
    True
    """
    return _complaint(customer_id, min_value, max_value)


def opportunities(
    *,
    customer_id: str | None = None,
    min_value: date = date(2000, 1, 1),
    max_value: date = date(2040, 12, 31),
) -> st.SearchStrategy[Opportunity]:
    """Opportunities with any need, status, expected close date (or none) and amount.

    Args:
        customer_id: Fix the customer; drawn when ``None``.
        min_value: The earliest expected close date.
        max_value: The latest expected close date.

    Returns:
        A strategy of :class:`~custrel.models.Opportunity`.

    >>> from hypothesis import find
    >>> from custrel.strategies import opportunities
    >>> find(opportunities(customer_id="c-1"), lambda v: True).customer_id
    'c-1'
    """
    return st.builds(
        Opportunity,
        customer_id=_ids(customer_id),
        need=st.sampled_from(Need),
        expected_close=st.none() | dates(min_value=min_value, max_value=max_value),
        amount=st.none() | money(),
        status=st.sampled_from(DealStatus),
    )


@attrs.frozen(kw_only=True)
class History:
    """A customer's profile with the events recorded for them, as drawn by :func:`histories`.

    Every event carries the profile's ``customer_id`` and happens on or after the day
    the profile was created; each tuple is in time order.

    Args:
        profile: The customer's profile.
        purchases: Their purchases.
        contacts: Their contact events.
        complaints: Their complaints.
    """

    profile: CustomerProfile
    purchases: tuple[Purchase, ...]
    contacts: tuple[ContactEvent, ...]
    complaints: tuple[Complaint, ...]


@st.composite
def _history(draw: st.DrawFn, max_events: int) -> History:
    profile = draw(profiles())
    start = profile.created_on
    end = start + timedelta(days=3 * 366)
    cid = profile.customer_id

    def events(strategy: st.SearchStrategy[_E]) -> tuple[_E, ...]:
        found = draw(st.lists(strategy, max_size=max_events))
        return tuple(sorted(found, key=lambda e: e.at))

    return History(
        profile=profile,
        purchases=events(purchases(customer_id=cid, min_value=start, max_value=end)),
        contacts=events(contact_events(customer_id=cid, min_value=start, max_value=end)),
        complaints=events(complaints(customer_id=cid, min_value=start, max_value=end)),
    )


def histories(*, max_events: int = 10) -> st.SearchStrategy[History]:
    """A profile with a consistent event history (purchases, contacts, complaints).

    Args:
        max_events: The most events of each kind.

    Returns:
        A strategy of :class:`History`.

    >>> from hypothesis import find
    >>> from custrel.strategies import histories
    >>> h = find(histories(), lambda v: True)
    >>> all(p.customer_id == h.profile.customer_id for p in h.purchases)
    True
    """
    return _history(max_events)


# Grading (rules G1, G2) --------------------------------------------------------------------


@st.composite
def _grading_policy(draw: st.DrawFn) -> GradingPolicy:
    def increasing(high: int) -> tuple[int, int, int]:
        first, second, third = sorted(
            draw(st.lists(st.integers(1, high), min_size=3, max_size=3, unique=True))
        )
        return first, second, third

    months = increasing(24)
    days = increasing(120)
    return GradingPolicy(
        horizons=(
            relativedelta(months=months[0]),
            relativedelta(months=months[1]),
            relativedelta(months=months[2]),
        ),
        overdue_grace=relativedelta(
            months=draw(st.integers(0, 6)), days=draw(st.sampled_from([0, 1, 15]))
        ),
        urgency_horizons=(
            relativedelta(days=days[0]),
            relativedelta(days=days[1]),
            relativedelta(days=days[2]),
        ),
    )


def grading_policies() -> st.SearchStrategy[GradingPolicy]:
    """Valid grading policies: increasing month horizons and day urgency horizons.

    Returns:
        A strategy of :class:`~custrel.grading.GradingPolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import grading_policies
    >>> p = find(grading_policies(), lambda p: True)
    >>> months = [h.years * 12 + h.months for h in p.horizons]  # a year holds 12 of them
    >>> months[0] < months[1] < months[2]
    True
    """
    return _grading_policy()


# Tiering (rule T2) --------------------------------------------------------------------------


@st.composite
def _tier_policy(draw: st.DrawFn) -> TierPolicy:
    cuts = sorted(draw(st.lists(st.integers(1, 99), min_size=3, max_size=3, unique=True)))
    bounds = [0, *cuts, 100]
    shares = [Decimal(high - low) / 100 for low, high in itertools.pairwise(bounds)]
    return TierPolicy(
        shares=(shares[0], shares[1], shares[2], shares[3]),
        mode=draw(st.sampled_from(TierMode)),
    )


def tier_policies() -> st.SearchStrategy[TierPolicy]:
    """Valid pyramid policies: four whole-percent shares summing to 1, either mode.

    Returns:
        A strategy of :class:`~custrel.tiering.TierPolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import tier_policies
    >>> sum(find(tier_policies(), lambda p: True).shares) == 1
    True
    """
    return _tier_policy()


# Cadence (rules C1, C3) ---------------------------------------------------------------------


def cadence_policies() -> st.SearchStrategy[CadencePolicy]:
    """Valid cadence policies: a named cadence or a period per grade, any channels.

    Returns:
        A strategy of :class:`~custrel.cadence.CadencePolicy`.

    >>> from hypothesis import find
    >>> from custrel.grading import Grade
    >>> from custrel.strategies import cadence_policies
    >>> set(find(cadence_policies(), lambda p: True).cadences) == set(Grade)
    True
    """
    periods = st.builds(
        relativedelta,
        months=st.integers(0, 13),
        days=st.integers(0, 40),
    ).filter(lambda p: p.months or p.days)
    return st.builds(
        CadencePolicy,
        cadences=st.fixed_dictionaries({g: st.sampled_from(Cadence) | periods for g in Grade}),
        outbound=st.frozensets(st.sampled_from(Channel)),
        inbound=st.frozensets(st.sampled_from(Channel)),
        first_contact=st.frozensets(st.sampled_from(Channel)),
        daily_on_working_days=st.booleans(),
    )


def pool_policies() -> st.SearchStrategy[PoolPolicy]:
    """Valid customer-pool policies, in calendar or working days.

    Returns:
        A strategy of :class:`~custrel.cadence.PoolPolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import pool_policies
    >>> find(pool_policies(), lambda p: True).first_contact_days >= 1
    True
    """
    return st.builds(
        PoolPolicy,
        first_contact_days=st.integers(1, 30),
        follow_up_days=st.integers(1, 90),
        hard_cap_days=st.none() | st.integers(1, 365),
        warning_days=st.integers(0, 10),
        working_days=st.booleans(),
    )


_WEEKENDS = st.one_of(
    st.just(frozenset({Weekday.SATURDAY, Weekday.SUNDAY})),
    st.just(frozenset({Weekday.FRIDAY, Weekday.SATURDAY})),
    st.frozensets(st.sampled_from(Weekday), max_size=3),
)


@st.composite
def _work_calendar(
    draw: st.DrawFn, first_year: int, last_year: int, beyond: Beyond | None
) -> WorkCalendar:
    weekend = draw(_WEEKENDS)
    fallback = draw(st.sampled_from(Beyond)) if beyond is None else beyond
    if draw(st.integers(0, 9)) == 0:  # the plain week of every year
        return WorkCalendar(name="plain", weekend=weekend, beyond=fallback)
    first = draw(st.integers(first_year, last_year))
    last = draw(st.integers(first, min(last_year, first + 3)))
    days = dates(min_value=date(first, 1, 1), max_value=date(last, 12, 31))
    off = set(draw(st.frozensets(days, max_size=30)))
    if draw(st.booleans()):  # a golden week: a run of days off
        start = draw(days)
        off.update(start + timedelta(days=i) for i in range(draw(st.integers(3, 9))))
    on = draw(st.frozensets(days, max_size=10)) - off
    return WorkCalendar(
        name="generated",
        weekend=weekend,
        covers=range(first, last + 1),
        holidays=frozenset(off),
        workdays=on,
        beyond=fallback,
    )


def work_calendars(
    *, first_year: int = 2020, last_year: int = 2030, beyond: Beyond | None = None
) -> st.SearchStrategy[WorkCalendar]:
    """Working calendars (rule C4): any weekend, holidays, make-up days, a span of years.

    Weekends are Saturday-Sunday, Friday-Saturday or any up to three days; a calendar
    covers up to four consecutive years within the bounds and lists days off (with a
    golden week now and then) and working days in them. About one in ten is the plain
    week of every year.

    Args:
        first_year: The earliest year covered.
        last_year: The latest year covered.
        beyond: The fallback past the covered years; either by default.

    Returns:
        A strategy of :class:`~custrel.cadence.WorkCalendar`.

    >>> from hypothesis import find
    >>> from custrel.cadence import Beyond
    >>> from custrel.strategies import work_calendars
    >>> find(work_calendars(beyond=Beyond.WEEKENDS), lambda c: True).beyond.value
    'weekends'
    """
    return _work_calendar(first_year, last_year, beyond)


# Lifecycle (rules L1-L4) and service (rules S1-S3) -----------------------------------------


def _ratios(low: int, high: int) -> st.SearchStrategy[Decimal]:
    """Decimals with two places in ``low/100 .. high/100``."""
    return st.integers(low, high).map(lambda n: Decimal(n).scaleb(-2))


@st.composite
def _lifecycle_policy(draw: st.DrawFn) -> LifecyclePolicy:
    floor = draw(st.integers(1, 400))
    return LifecyclePolicy(
        new_days=draw(st.integers(1, 400)),
        window_days=draw(st.integers(1, 400)),
        horizon_multiple=draw(_ratios(50, 800)),
        horizon_floor_days=floor,
        horizon_ceiling_days=draw(st.integers(floor, 800)),
        settle_days=draw(st.integers(1, 400)),
        growth=draw(_ratios(1, 300)),
        frequency_drop=draw(_ratios(1, 99)),
        spend_drop=draw(_ratios(1, 99)),
        min_baseline=draw(st.integers(1, 5)),
        overdue_multiple=draw(_ratios(50, 400)),
        overdue_min_days=draw(st.integers(0, 120)),
        complaint_rise=draw(st.integers(1, 3)),
    )


def lifecycle_policies() -> st.SearchStrategy[LifecyclePolicy]:
    """Valid lifecycle policies: any day counts and ratios, the floor below the ceiling.

    Returns:
        A strategy of :class:`~custrel.lifecycle.LifecyclePolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import lifecycle_policies
    >>> p = find(lifecycle_policies(), lambda p: True)
    >>> p.horizon_floor_days <= p.horizon_ceiling_days
    True
    """
    return _lifecycle_policy()


def service_policies() -> st.SearchStrategy[ServicePolicy]:
    """Valid complaint-handling policies: any day counts, a reach share from 0.01 to 1.

    Returns:
        A strategy of :class:`~custrel.service.ServicePolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import service_policies
    >>> 0 < find(service_policies(), lambda p: True).reach_share <= 1
    True
    """
    return st.builds(
        ServicePolicy,
        escalate_days=st.integers(0, 7),
        serious_visit_days=st.integers(0, 30),
        visit_days=st.integers(0, 60),
        follow_up_days=st.integers(0, 60),
        reach_share=_ratios(1, 100),
    )


# Loyalty and satisfaction (rules Y1-Y6) -----------------------------------------------------


def shares(*, places: int = 3) -> st.SearchStrategy[Decimal]:
    """Shares in 0..1 as ``Decimal`` with up to ``places`` decimals, 0 and 1 included.

    Args:
        places: The most decimal places drawn.

    Returns:
        A strategy of ``Decimal`` in 0..1.

    >>> from hypothesis import find
    >>> from custrel.strategies import shares
    >>> find(shares(), lambda v: v > Decimal("0.5"))
    Decimal('0.501')
    """
    scale = 10**places
    return st.integers(min_value=0, max_value=scale).map(lambda n: Decimal(n) / scale)


def _optional_share() -> st.SearchStrategy[Decimal | None]:
    return st.none() | shares()


def loyalty_measures() -> st.SearchStrategy[LoyaltyMeasures]:
    """Loyalty measures (rule Y1), each one sometimes unknown, all of them sometimes.

    Returns:
        A strategy of :class:`~custrel.loyalty.LoyaltyMeasures`.

    >>> from hypothesis import find
    >>> from custrel.strategies import loyalty_measures
    >>> find(loyalty_measures(), lambda m: m.spend is not None).spend
    Decimal('0.00')
    """
    return st.builds(
        LoyaltyMeasures,
        repeat_purchases=st.none() | st.integers(min_value=0, max_value=200),
        choosing_days=st.none() | money(max_value=Decimal(120)),
        price_sensitivity=_optional_share(),
        competitor_interest=_optional_share(),
        quality_tolerance=_optional_share(),
        spend=st.none() | money(min_value=Decimal(-100_000), max_value=Decimal(100_000)),
    )


def _weight() -> st.SearchStrategy[Decimal]:
    return st.integers(min_value=0, max_value=10).map(Decimal)


@st.composite
def _loyalty_policy(draw: st.DrawFn) -> LoyaltyPolicy:
    weights = draw(st.lists(_weight(), min_size=6, max_size=6).filter(any))
    return LoyaltyPolicy(
        repeat_weight=weights[0],
        choosing_weight=weights[1],
        price_weight=weights[2],
        competitor_weight=weights[3],
        tolerance_weight=weights[4],
        spend_weight=weights[5],
        repeat_full=draw(st.integers(min_value=1, max_value=50)),
        choosing_days_limit=draw(money(min_value=Decimal("0.01"), max_value=Decimal(90))),
        spend_full=draw(money(min_value=Decimal("0.01"), max_value=Decimal(100_000))),
    )


def loyalty_policies() -> st.SearchStrategy[LoyaltyPolicy]:
    """Valid loyalty policies: whole weights 0..10 (not all 0), any reference points.

    Returns:
        A strategy of :class:`~custrel.loyalty.LoyaltyPolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import loyalty_policies
    >>> find(loyalty_policies(), lambda p: True).repeat_full >= 1
    True
    """
    return _loyalty_policy()


def loyalty_signals() -> st.SearchStrategy[LoyaltySignals]:
    """Every combination of the loyalty-type signals of rule Y2.

    Returns:
        A strategy of :class:`~custrel.loyalty.LoyaltySignals`.

    >>> from hypothesis import find
    >>> from custrel.strategies import loyalty_signals
    >>> find(loyalty_signals(), lambda s: s.recommends).recommends
    True
    """
    return st.builds(
        LoyaltySignals,
        has_alternatives=st.booleans(),
        avoids_switching=st.booleans(),
        price_driven=st.booleans(),
        promotion_driven=st.booleans(),
        recommends=st.booleans(),
        pays_full_price=st.booleans(),
    )


def satisfaction_measures() -> st.SearchStrategy[SatisfactionMeasures]:
    """Satisfaction measures (rule Y4), each one sometimes unknown.

    Returns:
        A strategy of :class:`~custrel.loyalty.SatisfactionMeasures`.

    >>> from hypothesis import find
    >>> from custrel.strategies import satisfaction_measures
    >>> find(satisfaction_measures(), lambda m: m.awareness is not None).awareness
    Decimal('0')
    """
    return st.builds(
        SatisfactionMeasures,
        reputation=_optional_share(),
        awareness=_optional_share(),
        return_rate=_optional_share(),
        complaint_rate=_optional_share(),
        purchase_amount=st.none() | money(max_value=Decimal(100_000)),
        price_sensitivity=_optional_share(),
    )


@st.composite
def _satisfaction_policy(draw: st.DrawFn) -> SatisfactionPolicy:
    weights = draw(st.lists(_weight(), min_size=6, max_size=6).filter(any))
    return SatisfactionPolicy(
        reputation_weight=weights[0],
        awareness_weight=weights[1],
        return_weight=weights[2],
        complaint_weight=weights[3],
        amount_weight=weights[4],
        price_weight=weights[5],
        amount_full=draw(money(min_value=Decimal("0.01"), max_value=Decimal(100_000))),
    )


def satisfaction_policies() -> st.SearchStrategy[SatisfactionPolicy]:
    """Valid satisfaction-index policies: whole weights 0..10 (not all 0).

    Returns:
        A strategy of :class:`~custrel.loyalty.SatisfactionPolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import satisfaction_policies
    >>> find(satisfaction_policies(), lambda p: True).amount_full > 0
    True
    """
    return _satisfaction_policy()


def total_customer_values() -> st.SearchStrategy[TotalCustomerValue]:
    """The four value parts of rule Y5, each 0 to 100,000.

    Returns:
        A strategy of :class:`~custrel.loyalty.TotalCustomerValue`.

    >>> from hypothesis import find
    >>> from custrel.strategies import total_customer_values
    >>> find(total_customer_values(), lambda v: True).total
    Decimal('0.00')
    """
    part = money(max_value=Decimal(100_000))
    return st.builds(TotalCustomerValue, product=part, service=part, personnel=part, image=part)


def total_customer_costs() -> st.SearchStrategy[TotalCustomerCost]:
    """The four cost parts of rule Y5, each 0 to 100,000.

    Returns:
        A strategy of :class:`~custrel.loyalty.TotalCustomerCost`.

    >>> from hypothesis import find
    >>> from custrel.strategies import total_customer_costs
    >>> find(total_customer_costs(), lambda v: v.time > 0).time
    Decimal('0.01')
    """
    part = money(max_value=Decimal(100_000))
    return st.builds(TotalCustomerCost, money=part, time=part, energy=part, physical=part)


def nps_answers(*, min_size: int = 1, max_size: int = 200) -> st.SearchStrategy[list[int]]:
    """Answers to the NPS question: lists of ``int`` 0..10.

    Args:
        min_size: The fewest answers.
        max_size: The most answers.

    Returns:
        A strategy of lists of answers.

    >>> from hypothesis import find
    >>> from custrel.strategies import nps_answers
    >>> find(nps_answers(), lambda a: True)
    [0]
    """
    return st.lists(st.integers(min_value=0, max_value=10), min_size=min_size, max_size=max_size)
