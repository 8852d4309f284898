"""Rule C2: the occasions, solar and lunar, that fall in the window."""

import sys
from datetime import date, timedelta

import pytest

from custrel.cadence import (
    upcoming_occasions,
)
from custrel.errors import CustrelError, InvalidInputError
from custrel.models import (
    Calendar,
    CustomerProfile,
    FamilyMember,
    Household,
    Occasion,
    OccasionKind,
    Organization,
    Person,
    Relation,
)
from tests._values import AS_OF

# rule C2: occasions -------------------------------------------------------------------------


def profile(person: Person | None) -> CustomerProfile:
    return CustomerProfile(customer_id="c-1", person=person, created_on=date(2020, 1, 1))


WANG = Person(
    name="Wang Fang",
    birthday=date(1988, 2, 29),
    household=Household(
        family=(
            FamilyMember(name="Li Ming", relation=Relation.CHILD, birthday=date(2016, 12, 31)),
            FamilyMember(name="Li Wei", relation=Relation.SPOUSE),
        )
    ),
    occasions=(
        Occasion(kind=OccasionKind.WEDDING_ANNIVERSARY, on=date(2012, 1, 1), label="wedding day"),
        Occasion(kind=OccasionKind.CHILD_WEDDING, on=date(2027, 1, 2)),
        Occasion(kind=OccasionKind.FUNERAL, on=date(2020, 12, 30)),
    ),
)


def test_c2_year_end_window() -> None:
    found = upcoming_occasions(profile(WANG), as_of=date(2026, 12, 25), within=timedelta(days=10))
    assert [(o.on, o.kind, o.whose, o.number) for o in found] == [
        (date(2026, 12, 31), OccasionKind.BIRTHDAY, "Li Ming", 10),
        (date(2027, 1, 1), OccasionKind.WEDDING_ANNIVERSARY, "self", 15),
        (date(2027, 1, 2), OccasionKind.CHILD_WEDDING, "self", None),
    ]
    assert found[0].relation is Relation.CHILD
    assert found[1].label == "wedding day"


@pytest.mark.parametrize(
    ("as_of", "falls_on", "age"),
    [
        (date(2027, 2, 28), date(2027, 2, 28), 39),  # common year: 28 February
        (date(2028, 2, 28), date(2028, 2, 29), 40),  # leap year: 29 February
        (date(2028, 2, 29), date(2028, 2, 29), 40),  # the window starts on the day
    ],
)
def test_c2_29_february(as_of: date, falls_on: date, age: int) -> None:
    found = upcoming_occasions(profile(WANG), as_of=as_of, within=timedelta(days=1))
    assert (found[0].on, found[0].number) == (falls_on, age)


def test_c2_window_of_zero_days_is_as_of_itself() -> None:
    found = upcoming_occasions(profile(WANG), as_of=date(2026, 12, 31), within=timedelta(0))
    assert [o.whose for o in found] == ["Li Ming"]


def test_c2_a_long_window_repeats_yearly_occasions_only() -> None:
    found = upcoming_occasions(
        profile(WANG), as_of=date(2026, 1, 1), within=timedelta(days=3 * 365)
    )
    anniversaries = [o.on.year for o in found if o.kind is OccasionKind.WEDDING_ANNIVERSARY]
    assert anniversaries == [2026, 2027, 2028]
    assert sum(o.kind is OccasionKind.CHILD_WEDDING for o in found) == 1


def test_c2_nothing_before_the_original_date() -> None:
    baby = Person(name="New", birthday=date(2026, 12, 1))
    assert (
        upcoming_occasions(profile(baby), as_of=date(2026, 1, 1), within=timedelta(days=400))[
            0
        ].number
        == 0
    )
    assert (
        upcoming_occasions(profile(baby), as_of=date(2025, 1, 1), within=timedelta(days=30)) == []
    )


def test_c2_profiles_without_a_person_have_no_occasions() -> None:
    org = CustomerProfile(
        customer_id="c-1", organization=Organization(name="Acme"), created_on=date(2020, 1, 1)
    )
    assert upcoming_occasions(org, as_of=AS_OF, within=timedelta(days=30)) == []


def test_c2_hides_the_original_date() -> None:
    found = upcoming_occasions(profile(WANG), as_of=date(2027, 2, 27), within=timedelta(days=3))
    assert "1988" not in repr(found)


@pytest.mark.parametrize(
    ("subject", "as_of", "within", "field"),
    [
        ("c-1", AS_OF, timedelta(days=1), "profile"),
        (profile(WANG), "2026-11-22", timedelta(days=1), "as_of"),
        (profile(WANG), AS_OF, 30, "within"),
        (profile(WANG), AS_OF, timedelta(days=-1), "within"),
        (profile(WANG), AS_OF, timedelta(hours=12), "within"),
    ],
)
def test_c2_refuses_bad_input(subject: object, as_of: object, within: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        upcoming_occasions(subject, as_of=as_of, within=within)  # type: ignore[arg-type]
    assert info.value.field == field


# rule C2: lunar-calendar occasions (the lunar extra) ------------------------------------------


def lunar(on: date, kind: OccasionKind = OccasionKind.BIRTHDAY) -> CustomerProfile:
    occasion = Occasion(kind=kind, on=on, calendar=Calendar.LUNAR)
    return profile(Person(name="Wang Fang", occasions=(occasion,)))


@pytest.mark.parametrize(
    ("original", "as_of", "falls_on", "number", "why"),
    [
        (date(1988, 2, 29), date(2027, 2, 1), date(2027, 2, 18), 39, "lunar 1-13 in 2027"),
        (
            date(1990, 3, 26),
            date(2026, 4, 1),
            date(2026, 4, 16),
            36,
            "day 30 of a short month: day 29",
        ),
        (
            date(2023, 3, 22),
            date(2024, 3, 1),
            date(2024, 3, 10),
            1,
            "leap month: the regular month",
        ),
        (
            date(2001, 1, 14),
            date(2026, 2, 1),
            date(2026, 2, 7),
            25,
            "12th month: falls in the next year",
        ),
    ],
)
def test_c2_lunar_birthdays(
    original: date, as_of: date, falls_on: date, number: int, why: str
) -> None:
    found = upcoming_occasions(lunar(original), as_of=as_of, within=timedelta(days=20))
    assert [(o.on, o.number, o.calendar) for o in found] == [(falls_on, number, Calendar.LUNAR)], (
        why
    )


def test_c2_lunar_once_only_events_are_not_recurring() -> None:
    found = upcoming_occasions(
        lunar(date(2026, 12, 1), OccasionKind.WEDDING),
        as_of=date(2026, 11, 22),
        within=timedelta(days=400),
    )
    assert [(o.on, o.number) for o in found] == [(date(2026, 12, 1), None)]


def test_c2_lunar_dates_outside_the_tables_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="from 1900 to 2099"):
        upcoming_occasions(lunar(date(1899, 12, 31)), as_of=AS_OF, within=timedelta(days=30))


def test_c2_lunar_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lunardate", None)
    with pytest.raises(CustrelError, match=r"custrel\[lunar\]"):
        upcoming_occasions(lunar(date(1988, 2, 29)), as_of=AS_OF, within=timedelta(days=30))
