"""Rule P7: ``redact`` is safe to export (PIPL 第二十八条, 敏感个人信息), field by field.

docs/models.md has a table with the decision for every field of the archive's models;
these tests hold the table complete and ``redact`` to it.
"""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

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
from custrel.profile import redact
from custrel.serialize import dumps, loads

MODELS = (
    CustomerProfile,
    Person,
    Household,
    Preferences,
    FamilyMember,
    Occasion,
    ContactPoints,
    Organization,
)
DOCS = Path(__file__).parents[2] / "docs" / "models.md"
ROW = re.compile(r"^\| `(\w+)\.(\w+)` \| ([^|]+) \| [^|]+ \|$")
DECISIONS = {"kept", "dropped", "per field", "dropped for a person, kept for an organisation"}


def documented() -> dict[tuple[str, str], str]:
    rows = {}
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if match := ROW.match(line):
            model, field, decision = match.groups()
            assert (model, field) not in rows, f"{model}.{field} is listed twice"
            rows[model, field] = decision.strip()
    return rows


def full_contact(prefix: str) -> ContactPoints:
    return ContactPoints(
        phone=f"{prefix}-8888 1234",
        mobile="13800138000",
        fax=f"{prefix}-8888 1235",
        email="office@example.com",
        address="1 West Lake Road",
        postcode="310000",
        website="https://example.com",
    )


def full_person(name: str = "Wang Fang") -> Person:
    """A person with every field set to something other than its default."""
    return Person(
        name=name,
        gender=Gender.FEMALE,
        birthday=date(1988, 2, 29),
        age=38,
        job_title="purchasing manager",
        years_in_post=5,
        is_key_decision_maker=True,
        contact=full_contact("0571"),
        household=Household(
            married=True,
            has_children=True,
            income_band="300k+",
            owns_car=True,
            owns_house=False,
            family=[
                FamilyMember(
                    name="Li Xiaoming",
                    relation=Relation.CHILD,
                    gender=Gender.MALE,
                    birthday=date(2016, 6, 1),
                    note="asthma",
                )
            ],
        ),
        preferences=Preferences(
            preferred_channel=Channel.PHONE,
            shopping_places={"Intime mall"},
            preferred_brands={"Longjing"},
            average_spending=Decimal("500.00"),
            hobbies={"tea"},
            blood_type="O",
            favourite_colour="green",
            dietary_habits="halal",
        ),
        how_we_met="tea fair 2024",
        key_connections=["Zhang Wei"],
        current_concerns=["daughter's asthma"],
        occasions=[
            Occasion(
                kind=OccasionKind.WEDDING_ANNIVERSARY,
                on=date(2012, 10, 1),
                label="tenth",
                calendar=Calendar.LUNAR,
            )
        ],
        education="MBA",
        personality="cautious",
        ability="strong in sales",
        started_business_on=date(2009, 3, 1),
    )


def full_organization() -> Organization:
    return Organization(
        name="Hangzhou West Lake Tea Co.",
        contact=full_contact("0571"),
        ownership="private",
        industry="tea",
        main_products=["Longjing"],
        headcount=120,
        last_year_output=Decimal(35000000),
        service_area="Zhejiang",
        sales_capacity="high",
        development_potential="good",
        scale="medium",
        credit_standing="good",
        legal_representative="Li Ming",
        owners=[full_person("Li Ming")],
        managers=[full_person("Zhao Lei")],
        assets=Decimal("12000000.00"),
        cooperation_attitude="positive",
        trade_terms="30 days net",
        credit_problems=["late payment 2025"],
    )


def full_profile() -> CustomerProfile:
    return CustomerProfile(
        customer_id="c-1",
        person=full_person(),
        organization=full_organization(),
        owner="rep-7",
        tags={"tea"},
        created_on=date(2025, 3, 1),
        verified_on=date(2026, 6, 1),
    )


def redacted_person(name: str) -> Person:
    """What ``redact`` leaves of :func:`full_person`: exactly the kept fields."""
    return Person(
        name=name,
        gender=Gender.FEMALE,
        age=38,
        job_title="purchasing manager",
        years_in_post=5,
        is_key_decision_maker=True,
        preferences=Preferences(
            preferred_channel=Channel.PHONE,
            preferred_brands={"Longjing"},
            hobbies={"tea"},
            favourite_colour="green",
        ),
        how_we_met="tea fair 2024",
    )


def test_p7_redact_keeps_exactly_the_documented_fields_of_a_full_profile() -> None:
    expected = attrs.evolve(
        full_profile(),
        person=redacted_person("Wang Fang"),
        organization=attrs.evolve(
            full_organization(),
            owners=[redacted_person("Li Ming")],
            managers=[redacted_person("Zhao Lei")],
        ),
    )
    assert redact(full_profile()) == expected


def test_p7_the_redacted_copy_validates_and_round_trips() -> None:
    safe = redact(full_profile())
    assert loads(CustomerProfile, dumps(safe)) == safe


def test_p7_the_docs_give_a_decision_for_every_field_of_every_archive_model() -> None:
    rows = documented()
    fields = {(cls.__name__, field.name) for cls in MODELS for field in attrs.fields(cls)}
    assert set(rows) == fields
    assert set(rows.values()) <= DECISIONS


def _empty(field: attrs.Attribute) -> object:  # type: ignore[type-arg]
    factory = getattr(field.default, "factory", None)
    return field.default if factory is None else factory()


SUBJECTS = {
    "CustomerProfile": lambda p: p,
    "Person": lambda p: p.person,
    "Preferences": lambda p: p.person.preferences,
    "Household": lambda p: p.person.household,
    "Organization": lambda p: p.organization,
}


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (model, field)
        for (model, field), decision in documented().items()
        if model in SUBJECTS and decision in {"kept", "dropped"}
    ],
)
def test_p7_redact_does_what_the_docs_table_says(model: str, field: str) -> None:
    original = SUBJECTS[model](full_profile())
    safe = SUBJECTS[model](redact(full_profile()))
    attribute = attrs.fields_dict(type(original))[field]
    assert getattr(original, field) != _empty(attribute)  # the fixture fills every field
    if documented()[model, field] == "kept":
        assert getattr(safe, field) == getattr(original, field)
    else:
        assert getattr(safe, field) == _empty(attribute)


@pytest.mark.parametrize(
    "person",
    [
        Person(name="Wang", current_concerns=["daughter's asthma"]),
        Person(name="Wang", preferences=Preferences(dietary_habits="halal")),
        Person(name="Wang", preferences=Preferences(shopping_places={"Intime mall"})),
        Person(
            name="Wang",
            household=Household(
                family=[FamilyMember(name="Li", relation=Relation.CHILD, note="asthma")]
            ),
        ),
        Person(name="Wang", household=Household(married=False, has_children=True)),
        Person(name="Wang", contact=ContactPoints(website="https://wang.example")),
    ],
)
def test_p7_each_sensitive_field_alone_is_dropped(person: Person) -> None:
    profile = CustomerProfile(customer_id="c-1", created_on=date(2026, 1, 1), person=person)
    assert redact(profile).person == Person(name="Wang")


def test_p7_the_organisations_public_contact_points_are_kept() -> None:
    company = Organization(name="Acme", contact=full_contact("010"))
    profile = CustomerProfile(customer_id="c-1", created_on=date(2026, 1, 1), organization=company)
    assert redact(profile).organization == company
