"""Construction-time validation of the archive models (rules P1-P5, P7)."""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import pytest

from custrel.errors import InvalidInputError
from custrel.models import (
    Channel,
    Complaint,
    ContactEvent,
    ContactPoints,
    CustomerProfile,
    FamilyMember,
    Household,
    Need,
    Occasion,
    Opportunity,
    Organization,
    Person,
    Preferences,
    Purchase,
    Relation,
)
from tests._samples import AT, VALID, build


@pytest.mark.parametrize("cls", list(VALID), ids=lambda c: c.__name__)
def test_every_sample_is_valid_and_frozen(cls: type[Any]) -> None:
    record = build(cls)
    field = attrs.fields(cls)[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field, None)


# A table that reads like the field rules: model, field, bad value, what the message says.
BAD: list[tuple[type[Any], str, object, str]] = [
    (Purchase, "customer_id", "", "a non-blank string"),
    (Purchase, "customer_id", "   ", "a non-blank string"),
    (Purchase, "customer_id", 7, "a non-blank string"),
    (Purchase, "amount", 12.5, "pass Decimal('12.5')"),
    (Purchase, "amount", Decimal("-0.01"), ">= 0"),
    (Purchase, "amount", Decimal("NaN"), "finite"),
    (Purchase, "amount", Decimal("Infinity"), "finite"),
    (Purchase, "amount", "12.50", "a finite Decimal or int"),
    (Purchase, "amount", True, "a finite Decimal or int"),
    (Purchase, "quantity", -1, "an int >= 0"),
    (Purchase, "quantity", True, "an int >= 0"),
    (Purchase, "quantity", 1.0, "an int >= 0"),
    (Purchase, "profit", 1.5, "floats cannot hold money"),
    (Purchase, "refund", 1, "True or False"),
    (Purchase, "at", datetime(2026, 11, 22, 9, 30), "timezone-aware"),  # noqa: DTZ001
    (Purchase, "at", date(2026, 11, 22), "a timezone-aware datetime"),
    (Purchase, "at", "2026-11-22T09:30:00+08:00", "a timezone-aware datetime"),
    (Purchase, "product", None, "a non-blank string"),
    (ContactEvent, "channel", "visit", "pass Channel('visit')"),
    (ContactEvent, "channel", "pigeon", "a Channel ("),
    (ContactEvent, "summary", None, "a string"),
    (ContactEvent, "by", "", "use None for an unknown value"),
    (Complaint, "severity", None, "a Severity"),
    (Complaint, "stands", "yes", "True, False or None"),
    (Complaint, "resolved_at", AT - timedelta(seconds=1), "on or after at"),
    (Complaint, "resolved_at", datetime(2026, 12, 1), "timezone-aware"),  # noqa: DTZ001
    (Opportunity, "expected_close", AT, "pass value.date()"),
    (Opportunity, "expected_close", "2026-12-01", "a date or None"),
    (Opportunity, "amount", -5, ">= 0 or None"),
    (Opportunity, "need", None, "a Need"),
    (CustomerProfile, "created_on", None, "a date"),
    (CustomerProfile, "verified_on", date(2026, 1, 4), "on or after created_on"),
    (CustomerProfile, "tags", "vip", "a set, list or tuple of tag"),
    (CustomerProfile, "tags", {"vip", ""}, "tags['']"),
    (CustomerProfile, "person", "Wang Fang", "a Person or None"),
    (CustomerProfile, "owner", " ", "a non-blank string or None"),
    (Person, "age", 151, "an int in 0..150 or None"),
    (Person, "age", -1, "an int in 0..150 or None"),
    (Person, "birthday", "1990-01-01", "a date or None"),
    (Person, "is_key_decision_maker", None, "True or False"),
    (Person, "contact", None, "a ContactPoints"),
    (Person, "key_connections", "Zhang San", "a list or tuple of names"),
    (Person, "key_connections", ["Zhang San", ""], "key_connections[1]"),
    (Person, "occasions", [None], "occasions[0]: expected an Occasion"),
    (Organization, "headcount", -3, "an int >= 0 or None"),
    (Organization, "main_products", ("tea", 5), "main_products[1]"),
    (Household, "family", [FamilyMember(name="x", relation=Relation.SPOUSE), "y"], "family[1]"),
    (Household, "married", "no", "True, False or None"),
    (Household, "income_band", "", "a non-blank string or None"),
    (Preferences, "average_spending", 99.5, "floats cannot hold money"),
    (Preferences, "preferred_channel", "sms", "pass Channel('sms')"),
    (Preferences, "hobbies", "golf", "a set, list or tuple of hobby"),
    (ContactPoints, "email", "not-an-address", "an e-mail address"),
    (ContactPoints, "email", "a@b", "an e-mail address"),
    (ContactPoints, "email", 5, "an e-mail address"),
    (ContactPoints, "mobile", "call me", "a phone number"),
    (ContactPoints, "mobile", "1234", "5 to 20 digits"),
    (ContactPoints, "mobile", "1" * 21, "5 to 20 digits"),
    (ContactPoints, "phone", 13800138000, "a phone number"),
    (ContactPoints, "address", "", "a non-blank string or None"),
    (Occasion, "on", datetime(2020, 2, 29, tzinfo=UTC), "pass value.date()"),
    (Occasion, "kind", "birthday", "pass OccasionKind('birthday')"),
    (Occasion, "calendar", "lunar", "a Calendar"),
    (FamilyMember, "gender", "f", "a Gender"),
]


@pytest.mark.parametrize(
    ("cls", "field", "value", "says"),
    BAD,
    ids=[f"{c.__name__}.{f}={v!r}"[:60] for c, f, v, _ in BAD],
)
def test_bad_value_is_refused_naming_the_field(
    cls: type[Any], field: str, value: object, says: str
) -> None:
    with pytest.raises(InvalidInputError) as info:
        build(cls, **{field: value})
    assert info.value.field.startswith(f"{cls.__name__}.{field}")
    assert says in str(info.value)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "li.ming+crm@example.com.cn"),
        ("mobile", "+86 138-0013-8000"),
        ("phone", "(0571) 8888 1234"),
        ("fax", "12345"),
    ],
)
def test_reasonable_contact_points_are_accepted(field: str, value: str) -> None:
    assert getattr(ContactPoints(**{field: value}), field) == value


def test_money_accepts_int_as_decimal() -> None:
    purchase = build(Purchase, amount=10, profit=-3)
    assert purchase.amount == Decimal(10)
    assert isinstance(purchase.amount, Decimal)
    assert isinstance(purchase.profit, Decimal)


def test_collections_are_stored_immutable() -> None:
    person = build(Person, key_connections=["Zhang San"], current_concerns=("school",))
    assert person.key_connections == ("Zhang San",)
    profile = build(CustomerProfile, tags=["b", "a", "a"])
    assert profile.tags == frozenset({"a", "b"})


def test_29_february_is_a_date_like_any_other() -> None:
    occasion = build(Occasion, on=date(2024, 2, 29))
    assert occasion.on == date(2024, 2, 29)


def test_verified_on_the_day_of_creation_is_fine() -> None:
    profile = build(CustomerProfile, verified_on=date(2026, 1, 5))
    assert profile.verified_on == profile.created_on


def test_resolved_at_the_same_instant_in_another_zone_is_fine() -> None:
    same_instant = AT.astimezone(timezone(timedelta(hours=8)))
    assert build(Complaint, resolved_at=same_instant).resolved_at == AT


def test_need_values_are_stable() -> None:
    assert [n.value for n in Need] == ["explicit", "potential", "none"]
    assert str.__eq__(Channel.VISIT, "visit")


def test_personal_fields_never_show_in_repr() -> None:
    """Rule P7: phone, e-mail, address, income and birthdays stay out of repr()."""
    person = Person(
        name="Wang Fang",
        birthday=date(1988, 5, 4),
        contact=ContactPoints(
            mobile="13800138000", email="wang@example.com", address="1 West Lake Road"
        ),
        household=Household(
            income_band="300k+",
            family=(FamilyMember(name="Li", relation=Relation.CHILD, birthday=date(2016, 2, 29)),),
        ),
        preferences=Preferences(average_spending=Decimal(777)),
        key_connections=("Zhang Wei",),
    )
    shown = repr(CustomerProfile(customer_id="c-1", person=person, created_on=date(2026, 1, 1)))
    for secret in (
        "13800138000",
        "wang@example",
        "West Lake",
        "300k",
        "1988",
        "2016",
        "777",
        "Zhang Wei",
    ):
        assert secret not in shown
    assert "Wang Fang" in shown
    assert str(person) == repr(person)


def test_missing_required_argument_is_python_s_own_type_error() -> None:
    """Calling convention errors are Python's; wrong values are ours."""
    with pytest.raises(TypeError):
        Person()  # type: ignore[call-arg]
