"""Serialisation: the stable format, strict reading and error paths."""

import json
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import pytest
from dateutil.relativedelta import relativedelta

from custrel.errors import MISSING_VALUE, InvalidInputError
from custrel.models import (
    ContactPoints,
    CustomerProfile,
    FamilyMember,
    Household,
    Person,
    Purchase,
    Relation,
)
from custrel.serialize import dumps, from_dict, loads, to_dict
from tests._samples import AT, build

CST = timezone(timedelta(hours=8))


def test_format_of_a_purchase() -> None:
    purchase = build(
        Purchase, at=datetime(2026, 2, 28, 23, 59, tzinfo=CST), profit=Decimal("-1.50")
    )
    assert to_dict(purchase) == {
        "customer_id": "c-1",
        "at": "2026-02-28T23:59:00+08:00",
        "product": "tea",
        "quantity": 1,
        "amount": "9.90",
        "profit": "-1.50",
        "refund": False,
        "order_id": None,
    }


def test_sets_are_sorted_lists_and_tuples_lists() -> None:
    data = to_dict(
        build(
            CustomerProfile,
            tags={"b", "c", "a"},
            person=Person(name="W", key_connections=("x", "y")),
        )
    )
    assert data["tags"] == ["a", "b", "c"]
    assert data["person"]["key_connections"] == ["x", "y"]
    assert data["created_on"] == "2026-01-05"


def test_round_trip_keeps_instants_across_zones() -> None:
    purchase = build(Purchase, at=datetime(2024, 2, 29, 12, tzinfo=CST))
    back = from_dict(Purchase, to_dict(purchase))
    assert back == purchase
    assert back.at.utcoffset() == timedelta(hours=8)


def test_loads_reads_json_numbers_as_exact_decimals() -> None:
    text = json.dumps({**to_dict(build(Purchase)), "amount": 0})[:-1] + ', "profit": 0.1}'
    text = text.replace('"profit": null, ', "")
    assert loads(Purchase, text).profit == Decimal("0.1")


def test_loads_accepts_bytes() -> None:
    assert loads(Person, b'{"name": "\xe7\x8e\x8b"}') == Person(name="王")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('{"name": ', "Expecting value at line 1 column 10"),
        (b'{"name": "\xff"}', "invalid start byte"),
    ],
)
def test_loads_refuses_bad_json(text: str | bytes, says: str) -> None:
    with pytest.raises(InvalidInputError, match=says) as info:
        loads(Person, text)
    assert info.value.field == "text"


def purchase_data(**changes: object) -> dict[str, object]:
    return {**to_dict(build(Purchase)), **changes}


@pytest.mark.parametrize(
    ("changes", "line"),
    [
        ({"quantity": "3"}, "quantity: expected an int >= 0, got str '3'"),
        ({"refund": "yes"}, "refund: expected True or False, got str 'yes'"),
        ({"product": 5}, "product: expected a non-blank string, got int 5"),
        (
            {"amount": "twelve"},
            "amount: expected a decimal number such as '12.50', got str 'twelve'",
        ),
        ({"amount": 12.5}, "amount: expected a finite Decimal or int >= 0, got float 12.5"),
        ({"amount": 12}, None),
        ({"at": "2026-11-22T09:30:00"}, "at: expected a timezone-aware datetime"),
        ({"at": "yesterday"}, "at: expected an ISO 8601 datetime with offset"),
        ({"customer_id": None}, "customer_id: expected a non-blank string, got NoneType None"),
        ({"colour": "red"}, "colour: expected one of the fields of Purchase"),
    ],
)
def test_reading_is_strict(changes: dict[str, object], line: str | None) -> None:
    data = purchase_data(**changes)
    if line is None:
        assert from_dict(Purchase, data).amount == Decimal(12)
        return
    with pytest.raises(InvalidInputError) as info:
        from_dict(Purchase, data)
    assert line in str(info.value)


def test_missing_required_field_is_named() -> None:
    data = purchase_data()
    del data["product"]
    with pytest.raises(InvalidInputError) as info:
        from_dict(Purchase, data)
    assert info.value.field == "product"
    assert info.value.value is MISSING_VALUE
    assert str(info.value) == "product: expected a value: the field is required, got nothing"


def test_every_problem_is_reported_with_its_path() -> None:
    data = {
        "customer_id": "c-1",
        "created_on": "2026-02-30",
        "tags": "vip",
        "person": {
            "name": "Wang",
            "household": {
                "family": [
                    {"name": "Li", "relation": "child"},
                    {"name": "Xiao", "relation": "kid", "birthday": "2016-02-30"},
                ]
            },
        },
        "nickname": "W",
    }
    with pytest.raises(InvalidInputError) as info:
        from_dict(CustomerProfile, data)
    assert sorted(e.field for e in info.value.errors) == [
        "created_on",
        "nickname",
        "person.household.family[1].birthday",
        "person.household.family[1].relation",
        "tags",
    ]
    message = str(info.value)
    assert message.startswith("5 invalid fields:")
    assert "2016-02-30" not in message  # rule P7: a birthday is masked even when malformed
    assert "'kid'" in message


def test_validator_errors_inside_nested_records_carry_the_path() -> None:
    data = {
        "customer_id": "c-1",
        "created_on": "2026-01-05",
        "person": {"name": "W", "contact": {"email": "nope"}},
    }
    with pytest.raises(InvalidInputError) as info:
        from_dict(CustomerProfile, data)
    assert info.value.field == "person.contact.email"
    assert "nope" not in str(info.value)


def test_post_init_errors_keep_their_path() -> None:
    data = {"customer_id": "c-1", "created_on": "2026-01-05", "verified_on": "2026-01-04"}
    with pytest.raises(InvalidInputError) as info:
        from_dict(CustomerProfile, data)
    assert info.value.field == "verified_on"


@pytest.mark.parametrize(
    ("data", "field", "says"),
    [
        ([], "CustomerProfile", "an object with the fields of CustomerProfile"),
        (
            {"customer_id": "c-1", "created_on": "2026-01-05", "person": 5},
            "person",
            "fields of Person",
        ),
        (
            {"customer_id": "c-1", "created_on": "2026-01-05", "tags": [1]},
            "tags",
            "expected a non-blank string, got int 1",
        ),
    ],
)
def test_shapes_are_checked(data: object, field: str, says: str) -> None:
    with pytest.raises(InvalidInputError, match=says) as info:
        from_dict(CustomerProfile, data)
    assert info.value.field.startswith(field)


def test_tuples_are_not_read_from_strings() -> None:
    data = {"name": "W", "key_connections": "Zhang"}
    with pytest.raises(InvalidInputError, match="key_connections: expected a list"):
        from_dict(Person, data)


def test_items_of_lists_are_structured() -> None:
    data = {"family": [{"name": "Li", "relation": "spouse", "birthday": "1990-02-28"}]}
    assert from_dict(Household, data).family == (
        FamilyMember(name="Li", relation=Relation.SPOUSE, birthday=date(1990, 2, 28)),
    )


def test_already_typed_values_pass() -> None:
    assert from_dict(Purchase, purchase_data(at=AT, amount=Decimal(1))).at == AT
    assert (
        from_dict(
            FamilyMember, {"name": "Li", "relation": Relation.CHILD, "birthday": date(2020, 1, 1)}
        ).relation
        is Relation.CHILD
    )


def test_to_dict_refuses_what_is_not_a_model() -> None:
    with pytest.raises(InvalidInputError, match="obj: expected an instance"):
        to_dict({"name": "W"})


@pytest.mark.parametrize("cls", [dict, "Person", 5])
def test_from_dict_refuses_what_is_not_a_model_class(cls: Any) -> None:
    with pytest.raises(InvalidInputError, match="cls: expected a custrel model"):
        from_dict(cls, {})


def test_dumps_keeps_chinese() -> None:
    assert '"王芳"' in dumps(Person(name="王芳"))
    assert loads(ContactPoints, dumps(ContactPoints(email="a@b.cn"))).email == "a@b.cn"


# Calendar periods, as policies hold them ----------------------------------------------------


@attrs.frozen(kw_only=True)
class _Horizons:
    horizons: tuple[relativedelta, ...]


@pytest.mark.parametrize(
    ("period", "data"),
    [
        (relativedelta(months=1), {"months": 1}),
        (relativedelta(years=1, months=2, days=3), {"years": 1, "months": 2, "days": 3}),
        (relativedelta(weeks=2), {"days": 14}),
        (relativedelta(), {"days": 0}),
    ],
)
def test_periods_round_trip(period: relativedelta, data: dict[str, int]) -> None:
    written = to_dict(_Horizons(horizons=(period,)))
    assert written == {"horizons": [data]}
    assert from_dict(_Horizons, written).horizons == (period,)


def test_periods_may_be_given_as_relativedelta() -> None:
    assert from_dict(_Horizons, {"horizons": [relativedelta(months=3)]}).horizons == (
        relativedelta(months=3),
    )


@pytest.mark.parametrize(
    "bad",
    [{}, {"hours": 1}, {"months": "1"}, {"months": True}, "1 month", 30],
)
def test_periods_are_calendar_units_only(bad: object) -> None:
    with pytest.raises(InvalidInputError, match=r"horizons\[0\]: expected a period"):
        from_dict(_Horizons, {"horizons": [bad]})


def test_datetime_offsets_survive_json() -> None:
    purchase = build(Purchase, at=datetime(2026, 1, 31, 23, 0, tzinfo=UTC))
    assert loads(Purchase, dumps(purchase)) == purchase


def test_loads_shares_repeated_ids_products_and_zones() -> None:
    """Records loaded apart share equal short strings and equal UTC offsets (memory)."""

    def line(order: str) -> str:  # a new text each time, so json builds new strings
        return (
            f'{{"customer_id": "c-1", "at": "2026-11-02T09:30:00+08:00", "product": "tea",'
            f' "amount": "9.90", "order_id": "{order}"}}'
        )

    long_order = "o-" + "7" * 100
    first, second = loads(Purchase, line(long_order)), loads(Purchase, line(long_order))
    assert first == second
    assert first.customer_id is second.customer_id
    assert first.product is second.product
    assert first.at.tzinfo is second.at.tzinfo
    assert first.at.utcoffset() == timedelta(hours=8)
