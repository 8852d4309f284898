"""Whole refusals, reasons and boundaries left open by the mutation run's group g.

Written against the survivors of a mutation run over ``custrel._loyalty_score``,
``custrel.cadence._occasions``, ``custrel.tiering._rfm``, ``custrel.loyalty._scoring``,
``custrel.cadence``
and ``custrel.lifecycle``: each table pins the whole message, the field and the value
of a refusal or the whole reason of a stage, and each boundary test a value just
inside a range that a changed comparison would refuse.
"""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

import pytest

from custrel.cadence import CadencePolicy, FollowUp, agenda, next_due, upcoming_occasions
from custrel.errors import InvalidInputError
from custrel.grading import Grade
from custrel.lifecycle import ChurnWindow, Stage, explain_stage
from custrel.loyalty import (
    DEFAULT_LOYALTY,
    LoyaltyMeasure,
    LoyaltyMeasures,
    explain_loyalty,
)
from custrel.models import Complaint, CustomerProfile, Person, Purchase, Severity
from custrel.tiering import RfmScore, rfm_segment

D = Decimal


def untyped(value: object) -> Any:
    """``value``, hidden from the type checker: these calls pass the wrong type on purpose."""
    return value


class Refusal(NamedTuple):
    """A bad call, and the whole refusal it must give."""

    call: Any
    field: str
    value: object
    message: str


def check_refusal(refusal: Refusal) -> None:
    with pytest.raises(InvalidInputError) as caught:
        refusal.call()
    assert caught.value.field == refusal.field
    assert caught.value.value == refusal.value
    assert str(caught.value) == refusal.message


# custrel.loyalty._scoring: the shares of rule Y1 --------------------------------------------------

_SHARE = "expected a Decimal or int in 0..1 or None"

SHARE_REFUSALS = [
    Refusal(
        lambda: LoyaltyMeasures(price_sensitivity=D(2)),
        "LoyaltyMeasures.price_sensitivity",
        D(2),
        f"LoyaltyMeasures.price_sensitivity: {_SHARE}, got Decimal Decimal('2')",
    ),
    Refusal(
        lambda: LoyaltyMeasures(competitor_interest=D("-0.5")),
        "LoyaltyMeasures.competitor_interest",
        D("-0.5"),
        f"LoyaltyMeasures.competitor_interest: {_SHARE}, got Decimal Decimal('-0.5')",
    ),
    Refusal(
        lambda: LoyaltyMeasures(quality_tolerance=D("1.01")),
        "LoyaltyMeasures.quality_tolerance",
        D("1.01"),
        f"LoyaltyMeasures.quality_tolerance: {_SHARE}, got Decimal Decimal('1.01')",
    ),
]


@pytest.mark.parametrize("refusal", SHARE_REFUSALS)
def test_rule_y1_a_share_out_of_0_to_1_is_refused_whole(refusal: Refusal) -> None:
    """Rule Y1: the optional shares say "or None" in their refusal."""
    check_refusal(refusal)


def test_rule_y1_unknown_shares_are_none_and_known_ones_are_kept() -> None:
    measures = LoyaltyMeasures(
        price_sensitivity=None, competitor_interest=D(0), quality_tolerance=D(1)
    )
    assert measures.price_sensitivity is None
    assert measures.competitor_interest == 0
    assert measures.quality_tolerance == 1


class _TaggedDecimal(Decimal):
    """A caller's own ``Decimal`` subclass."""


def test_rule_y1_a_decimal_tolerance_is_its_own_points_unconverted() -> None:
    """Rule Y1: tolerance earns itself as points; only an int is converted on the way.

    ``Decimal(d)`` of a plain ``Decimal`` gives ``d`` back, so only a subclass shows
    whether a ``Decimal`` is rebuilt.
    """
    tolerance = _TaggedDecimal("0.35")
    assert DEFAULT_LOYALTY.points(LoyaltyMeasure.QUALITY_TOLERANCE, tolerance) is tolerance
    assert DEFAULT_LOYALTY.points(LoyaltyMeasure.QUALITY_TOLERANCE, 1) == D(1)


# custrel._loyalty_score: explain_loyalty (rule Y1) ------------------------------------------------


def test_rule_y1_each_contribution_carries_the_measures_value() -> None:
    why = explain_loyalty(LoyaltyMeasures(repeat_purchases=6, choosing_days=3, spend=D("2500")))
    assert [(p.measure, p.value) for p in why.contributions] == [
        (LoyaltyMeasure.REPEAT_PURCHASES, D(6)),
        (LoyaltyMeasure.CHOOSING_DAYS, D(3)),
        (LoyaltyMeasure.SPEND, D(2500)),
    ]
    assert all(type(p.value) is Decimal for p in why.contributions)


# custrel.tiering._rfm: rfm_segment (rule T4) ------------------------------------------------------


def test_rule_t4_rfm_segment_refuses_a_policy_of_the_wrong_type_whole() -> None:
    score = RfmScore(recency_days=90, frequency=12, monetary=D(5000), r=1, f=5, m=5)
    check_refusal(
        Refusal(
            lambda: rfm_segment(score, policy=untyped("x")),
            "policy",
            "x",
            "policy: expected an RfmSegmentPolicy, got str 'x'",
        )
    )


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


# custrel.cadence: next_due, agenda and FollowUp (rule C1) -----------------------------------------

_WEEKDAYS = CadencePolicy(daily_on_working_days=True)
_FRIDAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("holidays", "workdays", "due"),
    [
        ((), (), date(2026, 11, 23)),  # Friday's next working day is Monday
        ((date(2026, 11, 23),), (), date(2026, 11, 24)),  # Monday off: Tuesday
        ((), (date(2026, 11, 21),), date(2026, 11, 21)),  # a make-up Saturday
    ],
)
def test_rule_c1_next_due_counts_the_given_holidays_and_workdays(
    holidays: tuple[date, ...], workdays: tuple[date, ...], due: date
) -> None:
    """Rule C1 (daily on working days, rule C4): the days given without a calendar count."""
    found = next_due(
        Grade.A,
        _FRIDAY,
        as_of=date(2026, 11, 22),
        policy=_WEEKDAYS,
        holidays=holidays,
        workdays=workdays,
    )
    assert found == due


def test_rule_c1_agenda_refuses_an_id_that_is_not_a_string_whole() -> None:
    check_refusal(
        Refusal(
            lambda: agenda([untyped((42, Grade.A, None))], as_of=date(2026, 11, 22)),
            "customers[0].id",
            42,
            "customers[0].id: expected a non-blank string, got int 42",
        )
    )


def test_rule_c1_follow_up_refuses_a_cadence_that_is_no_interval_whole() -> None:
    expected = (
        "a Cadence or a calendar period (relativedelta) of whole years, months, weeks or"
        " days, longer than 0 days and at most 100 years and 36,600 days"
    )
    with pytest.raises(InvalidInputError) as caught:
        FollowUp(
            on=date(2026, 11, 22),
            grade=Grade.A,
            cadence=untyped("daily"),
            next_due=date(2026, 11, 23),
        )
    assert caught.value.field == "FollowUp.cadence"
    assert caught.value.value == "daily"
    assert caught.value.expected == expected
    assert str(caught.value) == f"FollowUp.cadence: expected {expected}, got str 'daily'"


# custrel.lifecycle: ChurnWindow and the reasons of rules L3 and L4 --------------------------------


def _window(start: date, end: date) -> ChurnWindow:
    return ChurnWindow(start=start, end=end, occasions=0, spend=D(0), complaints=0)


def test_rule_l3_a_window_of_one_day_is_accepted() -> None:
    day = date(2026, 8, 25)
    assert _window(day, day).end == day


def test_rule_l3_a_window_ending_before_it_starts_is_refused_whole() -> None:
    with pytest.raises(InvalidInputError) as caught:
        _window(date(2026, 8, 25), date(2026, 8, 24))
    assert caught.value.field == "ChurnWindow.end"
    assert caught.value.value == date(2026, 8, 24)
    assert caught.value.expected == "a date on or after start (2026-08-25)"
    assert str(caught.value) == (
        "ChurnWindow.end: expected a date on or after start (2026-08-25),"
        " got date datetime.date(2026, 8, 24)"
    )


AS_OF = date(2026, 11, 22)


def _sale(days_ago: int, amount: int = 100) -> Purchase:
    when = AS_OF - timedelta(days=days_ago)
    return Purchase(
        customer_id="c-1",
        at=datetime(when.year, when.month, when.day, 12, tzinfo=UTC),
        product="tea",
        amount=amount,
    )


def _complaint(days_ago: int) -> Complaint:
    when = AS_OF - timedelta(days=days_ago)
    return Complaint(
        customer_id="c-1",
        at=datetime(when.year, when.month, when.day, 9, tzinfo=UTC),
        severity=Severity.ORDINARY,
    )


@pytest.mark.parametrize(
    ("history", "complaints", "stage", "english", "chinese"),
    [
        (
            [_sale(500), _sale(10)],
            [],
            Stage.WON_BACK,
            "bought again after lapsing, within the 90-day settling period: won back",
            "流失后再次购买，在 90 天的稳定期内：挽回客户",
        ),
        (
            [_sale(d) for d in (10, 100, 130, 160, 190)],
            [_complaint(1), _complaint(2)],
            Stage.AT_RISK,
            (
                "active but showing warning signals (fewer purchases, less spend,"
                " more complaints): at risk"
            ),
            "活跃客户出现流失预警（购买频次下降、消费金额下降、投诉增加）：流失风险客户",
        ),
    ],
)
def test_rules_l3_l4_whole_reasons(
    history: list[Purchase],
    complaints: list[Complaint],
    stage: Stage,
    english: str,
    chinese: str,
) -> None:
    why = explain_stage(history, as_of=AS_OF, complaints=complaints)
    assert why.stage is stage
    assert why.reason_en == english
    assert why.reason_zh == chinese
