"""Rule C2: the occasions, solar and lunar, that fall in the window, in which order, and what an
upcoming occasion shows.
"""

import sys
from datetime import date, timedelta

import pytest

from custrel.cadence import upcoming_occasions
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
from tests.cadence._calendar_samples import D

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


# Rule C2: occasions ---------------------------------------------------------------------------


def _profile(
    birthday: date | None = None,
    occasions: tuple[Occasion, ...] = (),
    family: tuple[FamilyMember, ...] = (),
) -> CustomerProfile:
    person = Person(
        name="Wang Fang",
        birthday=birthday,
        occasions=list(occasions),
        household=Household(family=list(family)),
    )
    return CustomerProfile(customer_id="c-1", person=person, created_on=date(2026, 1, 1))


def _days_and_numbers(
    profile: CustomerProfile, as_of: date, days: int
) -> list[tuple[date, int | None]]:
    found = upcoming_occasions(profile, as_of=as_of, within=timedelta(days=days))
    return [(o.on, o.number) for o in found]


@pytest.mark.parametrize(
    ("as_of", "days", "expected"),
    [
        (date(2026, 5, 10), 0, [(date(2026, 5, 10), 36)]),  # the first day is in
        (date(2026, 5, 1), 9, [(date(2026, 5, 10), 36)]),  # the last day is in
        (date(2026, 5, 1), 8, []),  # a day short
        (date(2026, 5, 11), 30, []),  # a day late
        (date(2026, 12, 30), 400, [(date(2027, 5, 10), 37)]),  # the next year
        (date(2026, 1, 1), 800, [(date(2026, 5, 10), 36), (date(2027, 5, 10), 37)]),
    ],
)
def test_c2_both_ends_of_the_window_are_included(
    as_of: date, days: int, expected: list[tuple[date, int | None]]
) -> None:
    assert _days_and_numbers(_profile(birthday=date(1990, 5, 10)), as_of, days) == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2027, 2, 27), [(date(2027, 2, 28), 39)]),  # a common year: 28 February
        (date(2028, 2, 27), [(date(2028, 2, 29), 40)]),  # a leap year: 29 February
    ],
)
def test_c2_a_29_february_birthday_falls_on_28_february_in_common_years(
    as_of: date, expected: list[tuple[date, int | None]]
) -> None:
    profile = _profile(birthday=date(1988, 2, 29))
    assert _days_and_numbers(profile, as_of, 2) == expected


def test_c2_no_birthday_is_greeted_before_the_day_of_birth() -> None:
    profile = _profile(birthday=date(2026, 11, 25))
    assert _days_and_numbers(profile, date(2026, 11, 1), 23) == []
    assert _days_and_numbers(profile, date(2026, 11, 1), 24) == [(date(2026, 11, 25), 0)]


@pytest.mark.parametrize(
    "kind", [OccasionKind.WEDDING, OccasionKind.CHILD_WEDDING, OccasionKind.FUNERAL]
)
def test_c2_one_time_events_are_listed_only_in_their_window(kind: OccasionKind) -> None:
    profile = _profile(occasions=(Occasion(kind=kind, on=date(2026, 6, 6)),))
    assert _days_and_numbers(profile, date(2026, 6, 6), 0) == [(date(2026, 6, 6), None)]
    assert _days_and_numbers(profile, date(2026, 6, 1), 5) == [(date(2026, 6, 6), None)]
    assert _days_and_numbers(profile, date(2026, 6, 1), 4) == []
    assert _days_and_numbers(profile, date(2026, 6, 7), 30) == []
    assert _days_and_numbers(profile, date(2027, 6, 1), 10) == []


def test_c2_a_yearly_occasion_recurs_with_its_number() -> None:
    anniversary = Occasion(kind=OccasionKind.WEDDING_ANNIVERSARY, on=date(2016, 6, 6))
    profile = _profile(occasions=(anniversary,))
    assert _days_and_numbers(profile, date(2026, 6, 1), 10) == [(date(2026, 6, 6), 10)]


def test_c2_occasions_come_in_date_then_kind_then_whose_order() -> None:
    profile = _profile(
        birthday=date(1990, 6, 6),
        occasions=(
            Occasion(kind=OccasionKind.COMPANY_ANNIVERSARY, on=date(2010, 6, 5)),
            Occasion(kind=OccasionKind.WEDDING_ANNIVERSARY, on=date(2016, 6, 6)),
        ),
        family=(
            FamilyMember(name="Li Ming", relation=Relation.CHILD, birthday=date(2016, 6, 6)),
            FamilyMember(name="Li Hua", relation=Relation.SPOUSE, birthday=date(1989, 6, 6)),
        ),
    )
    found = upcoming_occasions(profile, as_of=date(2026, 6, 1), within=timedelta(days=10))
    assert [(o.on, o.kind, o.whose, o.relation) for o in found] == [
        (date(2026, 6, 5), OccasionKind.COMPANY_ANNIVERSARY, "self", None),
        (date(2026, 6, 6), OccasionKind.BIRTHDAY, "Li Hua", Relation.SPOUSE),
        (date(2026, 6, 6), OccasionKind.BIRTHDAY, "Li Ming", Relation.CHILD),
        (date(2026, 6, 6), OccasionKind.BIRTHDAY, "self", None),
        (date(2026, 6, 6), OccasionKind.WEDDING_ANNIVERSARY, "self", None),
    ]
    assert [o.calendar for o in found] == [Calendar.GREGORIAN] * 5
    assert [o.original for o in found] == [
        date(2010, 6, 5),
        date(1989, 6, 6),
        date(2016, 6, 6),
        date(1990, 6, 6),
        date(2016, 6, 6),
    ]


def test_c2_a_labelled_occasion_keeps_its_label() -> None:
    profile = _profile(
        occasions=(Occasion(kind=OccasionKind.FUNERAL, on=date(2026, 6, 6), label="father"),)
    )
    found = upcoming_occasions(profile, as_of=date(2026, 6, 6), within=timedelta(0))
    assert [(o.label, o.whose, o.relation) for o in found] == [("father", "self", None)]


def test_c2_an_organisation_only_profile_has_no_occasions() -> None:
    from custrel.models import Organization  # noqa: PLC0415 - only this test needs it

    profile = CustomerProfile(
        customer_id="c-1", organization=Organization(name="ACME"), created_on=date(2026, 1, 1)
    )
    assert upcoming_occasions(profile, as_of=D, within=timedelta(days=365)) == []


def test_c2_a_family_member_without_a_birthday_has_no_birthday_greeting() -> None:
    profile = _profile(
        family=(FamilyMember(name="Li Ming", relation=Relation.CHILD),),
        occasions=(Occasion(kind=OccasionKind.WEDDING, on=date(2026, 6, 6)),),
    )
    found = upcoming_occasions(profile, as_of=date(2026, 1, 1), within=timedelta(days=364))
    assert [(o.on, o.kind) for o in found] == [(date(2026, 6, 6), OccasionKind.WEDDING)]


def test_c2_a_lunar_birthday_recurs_on_its_lunar_day() -> None:
    """Lunar 1/1 of 2000 fell on 5 February; in 2026 it falls on 17 February."""
    lunar = Occasion(kind=OccasionKind.BIRTHDAY, on=date(2000, 2, 5), calendar=Calendar.LUNAR)
    profile = _profile(occasions=(lunar,))
    found = upcoming_occasions(profile, as_of=date(2026, 2, 1), within=timedelta(days=30))
    assert [(o.on, o.number, o.calendar) for o in found] == [
        (date(2026, 2, 17), 26, Calendar.LUNAR)
    ]


# Rule C2: an upcoming occasion keeps its original date private --------------------------------


def test_c2_an_upcoming_occasion_hides_its_original_date_in_its_repr() -> None:
    profile = _profile(birthday=date(1990, 5, 10))
    (found,) = upcoming_occasions(profile, as_of=date(2026, 5, 10), within=timedelta(0))
    assert "1990" not in repr(found)
    assert repr(found).endswith("label=None, original=<hidden>)")


# custrel.cadence._occasions: upcoming_occasions (rule C2) -----------------------------------------


def test_rule_c2_a_window_ending_on_the_last_representable_day() -> None:
    """Rule C2: a window up to 9999-12-31 looks at no year past it."""
    person = Person(name="Wang Fang", birthday=date(1990, 5, 1))
    profile = CustomerProfile(customer_id="c-1", person=person, created_on=date(2020, 1, 1))
    as_of = date(8999, 12, 1)
    found = upcoming_occasions(profile, as_of=as_of, within=date(9999, 12, 31) - as_of)
    assert len(found) == 1000
    assert (found[0].on, found[0].number) == (date(9000, 5, 1), 7010)
    assert (found[-1].on, found[-1].number) == (date(9999, 5, 1), 8009)
