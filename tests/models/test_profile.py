"""Profile rules: staleness (P6), redaction (P7) and completeness (P8)."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from custrel.errors import InvalidInputError
from custrel.models import (
    Channel,
    ContactEvent,
    ContactPoints,
    CustomerProfile,
    Direction,
    FamilyMember,
    Household,
    Occasion,
    OccasionKind,
    Organization,
    Person,
    Preferences,
    Relation,
)
from custrel.profile import (
    ORGANIZATION_COMPLETENESS_FIELDS,
    PERSON_COMPLETENESS_FIELDS,
    completeness,
    is_stale,
    reachability,
    redact,
)

CREATED = date(2026, 1, 5)


def profile(**changes: object) -> CustomerProfile:
    return CustomerProfile(customer_id="c-1", created_on=CREATED, **changes)  # type: ignore[arg-type]


# rule P6 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verified_on", "as_of", "stale"),
    [
        (date(2026, 5, 26), date(2026, 11, 21), False),  # 179 days
        (date(2026, 5, 26), date(2026, 11, 22), False),  # exactly 180 days: still fresh
        (date(2026, 5, 26), date(2026, 11, 23), True),  # 181 days
        (date(2024, 2, 29), date(2024, 8, 27), False),  # leap year: 180 days after 29 Feb
        (date(2024, 2, 29), date(2024, 8, 28), True),
        (date(2026, 11, 22), date(2026, 1, 5), False),  # as_of before verification
    ],
)
def test_stale_after_180_days(verified_on: date, as_of: date, stale: bool) -> None:
    subject = CustomerProfile(
        customer_id="c-1", created_on=date(2024, 1, 1), verified_on=verified_on
    )
    assert is_stale(subject, as_of=as_of) is stale


def test_never_verified_counts_from_creation() -> None:
    assert not is_stale(profile(), as_of=CREATED + timedelta(days=180))
    assert is_stale(profile(), as_of=CREATED + timedelta(days=181))


def test_max_age_is_tunable() -> None:
    assert is_stale(profile(), as_of=CREATED + timedelta(days=31), max_age=timedelta(days=30))
    assert not is_stale(profile(), as_of=CREATED, max_age=timedelta(0))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"as_of": datetime(2026, 1, 1, tzinfo=UTC)}, "as_of"),
        ({"as_of": "2026-01-01"}, "as_of"),
        ({"as_of": date(2026, 1, 1), "max_age": 180}, "max_age"),
        ({"as_of": date(2026, 1, 1), "max_age": timedelta(days=-1)}, "max_age"),
    ],
)
def test_is_stale_refuses_bad_arguments(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        is_stale(profile(), **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


@pytest.mark.parametrize("rule", [completeness, redact])
def test_profile_rules_refuse_a_non_profile(rule: Callable[[object], object]) -> None:
    with pytest.raises(InvalidInputError, match="profile: expected a CustomerProfile"):
        rule("c-1")


def test_is_stale_refuses_a_non_profile() -> None:
    with pytest.raises(InvalidInputError, match="profile: expected a CustomerProfile"):
        is_stale("c-1", as_of=CREATED)  # type: ignore[arg-type]


# rule P7 -----------------------------------------------------------------------------------


def full_person() -> Person:
    return Person(
        name="Wang Fang",
        birthday=date(1988, 5, 4),
        job_title="buyer",
        contact=ContactPoints(mobile="13800138000", email="w@example.com", address="1 Road"),
        household=Household(
            married=True,
            income_band="300k+",
            family=(FamilyMember(name="Li", relation=Relation.CHILD, birthday=date(2016, 2, 29)),),
        ),
        preferences=Preferences(average_spending=Decimal(500), blood_type="O", hobbies={"tea"}),
        key_connections=("Zhang Wei",),
        occasions=(Occasion(kind=OccasionKind.WEDDING_ANNIVERSARY, on=date(2012, 10, 1)),),
    )


def test_redact_clears_every_personal_field_and_keeps_the_rest() -> None:
    original = profile(
        person=full_person(),
        organization=Organization(
            name="Acme",
            industry="tea",
            contact=ContactPoints(phone="0571-88881234", website="https://acme.example"),
        ),
        tags={"vip"},
    )
    safe = redact(original)
    assert safe.person is not None
    assert safe.organization is not None
    assert safe.person.contact == ContactPoints()
    assert safe.person.birthday is None
    assert safe.person.household == Household()  # family, marriage and income: P7, PIPL
    assert safe.person.preferences.average_spending is None
    assert safe.person.preferences.blood_type is None
    assert safe.person.preferences.hobbies == frozenset({"tea"})
    assert safe.person.key_connections == ()
    assert safe.person.occasions == ()  # their dates are personal
    assert safe.person.name == "Wang Fang"
    assert safe.person.job_title == "buyer"
    assert safe.organization.contact == ContactPoints(
        phone="0571-88881234", website="https://acme.example"
    )  # the organisation's public data
    assert safe.organization.industry == "tea"
    assert (safe.customer_id, safe.tags, safe.created_on) == ("c-1", frozenset({"vip"}), CREATED)


def test_redact_of_an_empty_profile_is_the_same_profile() -> None:
    assert redact(profile()) == profile()


# rule P8 -----------------------------------------------------------------------------------


def test_completeness_of_nothing_is_zero() -> None:
    assert completeness(profile()) == 0.0


def test_completeness_counts_person_fields() -> None:
    assert completeness(profile(person=Person(name="Wang"))) == 0.0
    assert completeness(profile(person=full_person())) == 5 / 8


def test_completeness_of_a_full_person_is_one() -> None:
    person = Person(
        name="Wang",
        birthday=date(1990, 1, 1),
        job_title="buyer",
        contact=ContactPoints(
            mobile="13800138000",
            phone="057188881234",
            email="w@example.com",
            address="Road",
            postcode="310000",
        ),
        preferences=Preferences(preferred_channel=Channel.PHONE),
    )
    assert completeness(profile(person=person)) == 1.0


def test_completeness_counts_both_parts_together() -> None:
    organization = Organization(name="Acme", industry="tea", headcount=5)
    assert completeness(profile(organization=organization)) == 2 / 8
    assert completeness(profile(organization=organization, person=full_person())) == 7 / 16


def test_documented_field_lists() -> None:
    assert len(PERSON_COMPLETENESS_FIELDS) == len(ORGANIZATION_COMPLETENESS_FIELDS) == 8


# rule P2: the owners' and managers' archive ------------------------------------------------


def test_owners_and_managers_are_persons_whose_personal_fields_are_hidden_and_redacted() -> None:
    owner = Person(
        name="Li Ming",
        education="MBA",
        personality="cautious",
        ability="strong in sales",
        started_business_on=date(2009, 3, 1),
    )
    company = Organization(
        name="Hangzhou Tea Co.",
        owners=[owner],
        managers=(Person(name="Zhao Lei"),),
        assets=Decimal("12000000.00"),
        cooperation_attitude="positive",
        trade_terms="30 days net",
        credit_problems=["late payment 2025"],
    )
    shown = repr(company)
    assert "MBA" not in shown
    assert "cautious" not in shown
    assert "2009" not in shown
    assert "Li Ming" in shown
    profile = CustomerProfile(customer_id="c-1", created_on=date(2026, 1, 1), organization=company)
    kept = redact(profile).organization
    assert kept is not None
    assert kept.owners[0] == Person(name="Li Ming")
    assert (kept.assets, kept.trade_terms) == (Decimal("12000000.00"), "30 days net")


def test_a_personal_assessment_is_masked_in_errors() -> None:
    with pytest.raises(InvalidInputError) as info:
        Person(name="Li Ming", personality=12345)  # type: ignore[arg-type]
    assert info.value.field == "Person.personality"
    assert "12345" not in str(info.value)


# rule P8: reachability ------------------------------------------------------------------------


def attempt(
    day: int, reached: bool | None, direction: Direction = Direction.OUTBOUND
) -> ContactEvent:
    return ContactEvent(
        customer_id="c-1",
        at=datetime(2026, 11, day, 9, tzinfo=UTC),
        channel=Channel.PHONE,
        direction=direction,
        reached=reached,
    )


def test_reachability_is_the_share_of_recorded_attempts_that_got_through() -> None:
    events = [
        attempt(1, True),
        attempt(2, False),
        attempt(3, False),
        attempt(4, True),
        attempt(5, None),  # not recorded: not counted
        attempt(6, True, Direction.INBOUND),  # the customer called: not our attempt
        attempt(25, False),  # after as_of
    ]
    assert reachability(events, as_of=date(2026, 11, 22)) == 0.5
    assert reachability(events, as_of=date(2026, 11, 22), since=date(2026, 11, 2)) == 1 / 3
    assert reachability(events, as_of=date(2026, 11, 1)) == 1.0


def test_reachability_without_a_recorded_attempt_is_unknown() -> None:
    assert reachability([], as_of=date(2026, 11, 22)) is None
    assert reachability([attempt(2, None)], as_of=date(2026, 11, 22)) is None


@pytest.mark.parametrize(
    ("events", "kwargs", "field"),
    [
        ("abc", {}, "events"),
        ([attempt(2, True), "x"], {}, "events[1]"),
        ([], {"as_of": "2026-11-22"}, "as_of"),
        ([], {"since": datetime(2026, 11, 1, tzinfo=UTC)}, "since"),
    ],
)
def test_reachability_refuses_bad_input(
    events: object, kwargs: dict[str, object], field: str
) -> None:
    arguments: dict[str, object] = {"as_of": date(2026, 11, 22)} | kwargs
    with pytest.raises(InvalidInputError) as info:
        reachability(events, **arguments)  # type: ignore[arg-type]
    assert info.value.field == field
