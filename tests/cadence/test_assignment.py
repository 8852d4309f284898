"""Ownership by first record (rule C5) and balanced assignment (rule C6)."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from custrel.cadence import Claim, assign_balanced, owner_by_first_record
from custrel.errors import InvalidInputError


def claim(customer: str, rep: str, hour: int) -> Claim:
    return Claim(
        customer_id=customer, salesperson=rep, recorded_at=datetime(2026, 11, 2, hour, tzinfo=UTC)
    )


def test_c5_earliest_record_wins() -> None:
    claims = [claim("c-1", "rep-2", 10), claim("c-1", "rep-1", 9), claim("c-2", "rep-2", 8)]
    assert owner_by_first_record(claims) == {"c-1": "rep-1", "c-2": "rep-2"}


def test_c5_ties_go_to_the_id_that_sorts_first() -> None:
    assert owner_by_first_record([claim("c-1", "rep-b", 9), claim("c-1", "rep-a", 9)]) == {
        "c-1": "rep-a"
    }


def test_c5_no_claims() -> None:
    assert owner_by_first_record([]) == {}


@pytest.mark.parametrize(
    ("claims", "field"), [("c-1", "claims"), ([("c-1", "rep", 9)], "claims[0]")]
)
def test_c5_refuses(claims: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        owner_by_first_record(claims)  # type: ignore[arg-type]
    assert info.value.field == field


def test_c5_claims_need_aware_times() -> None:
    with pytest.raises(InvalidInputError, match=r"Claim\.recorded_at"):
        Claim(customer_id="c-1", salesperson="rep", recorded_at=datetime(2026, 11, 2))  # noqa: DTZ001


def test_c6_equal_reps_share_equally_round_robin() -> None:
    result = assign_balanced([f"l-{i}" for i in range(6)], {"a": 1, "b": 1, "c": 1})
    assert list(result.values()) == ["a", "b", "c", "a", "b", "c"]


def test_c6_weighted_by_ability() -> None:
    result = assign_balanced([f"l-{i}" for i in range(12)], {"senior": Decimal(3), "junior": 1})
    assert list(result.values()).count("senior") == 9


def test_c6_current_loads_count() -> None:
    result = assign_balanced(["l-1", "l-2"], {"a": 1, "b": 1}, current={"a": 2})
    assert result == {"l-1": "b", "l-2": "b"}


def test_c6_a_float_ability_weight_is_the_decimal_it_is_written_as() -> None:
    """Rule C6 (decision "Numbers"): weights 1.5 and 0.5 balance as 3 to 1."""
    leads = [f"l-{i}" for i in range(12)]
    floats = assign_balanced(leads, {"a": 1.5, "b": 0.5})
    assert floats == assign_balanced(leads, {"a": Decimal("1.5"), "b": Decimal("0.5")})
    assert sorted(floats.values()).count("a") == 9


def test_c6_no_leads() -> None:
    assert assign_balanced([], {"a": 1}) == {}


@pytest.mark.parametrize(
    ("leads", "reps", "current", "field"),
    [
        (["l-1"], {}, None, "reps"),
        (["l-1"], [("a", 1)], None, "reps"),
        (["l-1"], {"a": 0}, None, "reps['a']"),
        (["l-1"], {"a": float("inf")}, None, "reps['a']"),
        (["l-1"], {"a": True}, None, "reps['a']"),
        (["l-1"], {"a": -0.5}, None, "reps['a']"),
        (["l-1"], {"": 1}, None, "reps key"),
        (["l-1"], {"a": 1}, {"b": 1}, "current['b']"),
        (["l-1"], {"a": 1}, {"a": -1}, "current['a']"),
        (["l-1", "l-1"], {"a": 1}, None, "leads[1]"),
        ([""], {"a": 1}, None, "leads[0]"),
        ("l-1", {"a": 1}, None, "leads"),
    ],
)
def test_c6_refuses(leads: object, reps: object, current: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        assign_balanced(leads, reps, current=current)  # type: ignore[arg-type]
    assert info.value.field == field
