"""Properties of the archive models: round trips (serialisation), privacy (rule P7)
and strict construction."""

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custrel import strategies as cs
from custrel._checks import repr_hidden
from custrel.errors import InvalidInputError
from custrel.models import CustomerProfile
from custrel.profile import completeness, redact
from custrel.serialize import dumps, from_dict, loads, to_dict
from tests._samples import VALID, build

EVERY_MODEL = st.one_of(
    cs.contact_points(),
    cs.occasions(),
    cs.family_members(),
    cs.households(),
    cs.preferences(),
    cs.persons(),
    cs.organizations(),
    cs.profiles(),
    cs.contact_events(),
    cs.purchases(),
    cs.complaints(),
    cs.opportunities(),
    # loyalty (rules Y1-Y5)
    cs.loyalty_measures(),
    cs.loyalty_signals(),
    cs.satisfaction_measures(),
    cs.total_customer_values(),
    cs.total_customer_costs(),
)


@given(EVERY_MODEL)
def test_dict_round_trip(record: Any) -> None:
    assert from_dict(type(record), to_dict(record)) == record


@given(EVERY_MODEL)
def test_json_round_trip(record: Any) -> None:
    assert loads(type(record), dumps(record)) == record


_STAND_INS: dict[str, object] = {
    "phone": "+00 00000",
    "mobile": "+00 00000",
    "fax": "+00 00000",
    "email": "stand-in@example.com",
    "address": "stand-in",
    "postcode": "stand-in",
    "income_band": "stand-in",
    "blood_type": "stand-in",
    "average_spending": Decimal(1),
    "birthday": date(2000, 1, 1),
    "on": date(2000, 1, 1),
    "key_connections": ("stand-in",),
    "education": "stand-in",
    "personality": "stand-in",
    "ability": "stand-in",
    "started_business_on": date(2000, 1, 1),
}


def _swap_personal(value: Any) -> Any:
    """``value`` with every personal field set to a fixed stand-in of the same kind."""
    if isinstance(value, tuple):
        return tuple(_swap_personal(v) for v in value)
    if not attrs.has(type(value)):
        return value
    changes = {}
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        if field.repr is repr_hidden:
            if current not in (None, ()):
                changes[field.name] = _STAND_INS[field.name]
        else:
            changes[field.name] = _swap_personal(current)
    return attrs.evolve(value, **changes)


@given(cs.profiles())
def test_repr_does_not_depend_on_personal_data(profile: CustomerProfile) -> None:
    """Rule P7: repr() shows whether a personal field is set, never what it holds."""
    assert repr(profile) == repr(_swap_personal(profile))


def test_every_personal_field_has_a_stand_in() -> None:
    hidden = {
        field.name for cls in VALID for field in attrs.fields(cls) if field.repr is repr_hidden
    }
    assert hidden == set(_STAND_INS)


@given(cs.profiles())
def test_redact_is_idempotent(profile: CustomerProfile) -> None:
    once = redact(profile)
    assert redact(once) == once


@given(cs.profiles())
def test_redacted_profile_has_no_personal_data_left(profile: CustomerProfile) -> None:
    """Rule P7: only the organisation's public contact points keep hidden fields."""
    safe = redact(profile)
    swapped = _swap_personal(safe)
    if safe.organization is not None:
        kept = attrs.evolve(swapped.organization, contact=safe.organization.contact)
        swapped = attrs.evolve(swapped, organization=kept)
    assert swapped == safe


@given(cs.profiles())
def test_completeness_is_a_share(profile: CustomerProfile) -> None:
    assert 0.0 <= completeness(profile) <= 1.0
    assert completeness(redact(profile)) <= completeness(profile)


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=5),
    st.binary(max_size=3),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.just(object()),
)


def _refusal(cls: type[Any], field: str, value: object) -> InvalidInputError | None:
    """The error that building ``cls`` with ``field=value`` raises, if any."""
    try:
        build(cls, **{field: value})
    except InvalidInputError as exc:
        return exc
    return None


FIELDS = [(cls, field.name) for cls in VALID for field in attrs.fields(cls)]


@pytest.mark.parametrize(("cls", "field"), FIELDS, ids=[f"{c.__name__}.{f}" for c, f in FIELDS])
@settings(max_examples=30)  # x 90 fields: enough junk per field, a bounded suite
@given(value=JUNK)
def test_wrong_values_raise_invalid_input_and_nothing_else(
    cls: type[Any], field: str, value: object
) -> None:
    refusal = _refusal(cls, field, value)
    assert refusal is None or refusal.field.startswith(f"{cls.__name__}.{field}")


@pytest.mark.parametrize(("cls", "field"), FIELDS, ids=[f"{c.__name__}.{f}" for c, f in FIELDS])
def test_an_arbitrary_object_is_refused_by_every_field(cls: type[Any], field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        build(cls, **{field: object()})
    assert info.value.field.startswith(f"{cls.__name__}.{field}")
