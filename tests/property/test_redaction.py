"""Properties of ``redact`` (rule P7, PIPL 第二十八条): safe to export, whatever the profile."""

import attrs
from hypothesis import given

from custrel import strategies as cs
from custrel.models import ContactPoints, CustomerProfile, Household, Person
from custrel.profile import redact
from custrel.serialize import dumps, from_dict, loads, to_dict

# What an exported person must never hold: the field and its empty value (docs/models.md).
DROPPED: dict[str, object] = {
    "birthday": None,
    "contact": ContactPoints(),
    "household": Household(),
    "key_connections": (),
    "current_concerns": (),
    "occasions": (),
    "education": None,
    "personality": None,
    "ability": None,
    "started_business_on": None,
}
DROPPED_PREFERENCES: dict[str, object] = {
    "shopping_places": frozenset(),
    "average_spending": None,
    "blood_type": None,
    "dietary_habits": None,
}
KEPT = ("name", "gender", "age", "job_title", "years_in_post", "is_key_decision_maker")
KEPT_PREFERENCES = ("preferred_channel", "preferred_brands", "hobbies", "favourite_colour")


def people(profile: CustomerProfile) -> list[Person]:
    """The customer and the organisation's owners and managers, in a fixed order."""
    found = [] if profile.person is None else [profile.person]
    if profile.organization is not None:
        found += [*profile.organization.owners, *profile.organization.managers]
    return found


@given(cs.profiles())
def test_p7_redact_is_idempotent(profile: CustomerProfile) -> None:
    once = redact(profile)
    assert redact(once) == once


@given(cs.profiles())
def test_p7_no_person_in_the_redacted_profile_holds_a_dropped_field(
    profile: CustomerProfile,
) -> None:
    for person in people(redact(profile)):
        assert {name: getattr(person, name) for name in DROPPED} == DROPPED
        preferences = person.preferences
        assert {name: getattr(preferences, name) for name in DROPPED_PREFERENCES} == (
            DROPPED_PREFERENCES
        )


@given(cs.profiles())
def test_p7_redact_keeps_every_persons_kept_fields(profile: CustomerProfile) -> None:
    before, after = people(profile), people(redact(profile))
    assert len(before) == len(after)
    for original, safe in zip(before, after, strict=True):
        assert [getattr(safe, name) for name in KEPT] == [getattr(original, name) for name in KEPT]
        assert [getattr(safe.preferences, name) for name in KEPT_PREFERENCES] == [
            getattr(original.preferences, name) for name in KEPT_PREFERENCES
        ]


@given(cs.profiles())
def test_p7_the_organisations_public_data_survives_unchanged(profile: CustomerProfile) -> None:
    safe = redact(profile)
    if profile.organization is None:
        assert safe.organization is None
        return
    assert safe.organization is not None
    assert safe.organization.contact == profile.organization.contact
    unchanged_people = attrs.evolve(
        safe.organization,
        owners=profile.organization.owners,
        managers=profile.organization.managers,
    )
    assert unchanged_people == profile.organization
    assert (safe.customer_id, safe.owner, safe.tags, safe.created_on, safe.verified_on) == (
        profile.customer_id,
        profile.owner,
        profile.tags,
        profile.created_on,
        profile.verified_on,
    )


@given(cs.profiles())
def test_p7_the_redacted_profile_validates_and_round_trips(profile: CustomerProfile) -> None:
    safe = redact(profile)
    assert from_dict(CustomerProfile, to_dict(safe)) == safe  # built anew: every validator runs
    assert loads(CustomerProfile, dumps(safe)) == safe
