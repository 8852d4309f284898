"""Grading A-E (rule G1), the classification axes (G2) and demand grades (G3)."""

import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta

from custrel.errors import InvalidInputError, PolicyError
from custrel.grading import (
    DEFAULT_GRADING,
    DemandGrade,
    Grade,
    GradingPolicy,
    Urgency,
    customer_grade,
    demand_grade,
    explain_grade,
    grade,
    is_important,
    urgency,
)
from custrel.models import DealStatus, Need, Opportunity


def opp(
    close: date | None,
    need: Need = Need.EXPLICIT,
    status: DealStatus = DealStatus.NEGOTIATING,
) -> Opportunity:
    return Opportunity(customer_id="c-1", need=need, expected_close=close, status=status)


# rule G1: the bands, just below, at and just above each cut-off -----------------------------

AS_OF = date(2026, 11, 22)

G1_TABLE = [
    # expected close       grade  why
    (date(2026, 10, 1), Grade.D, "overdue more than a month: a stale date"),
    (date(2026, 10, 21), Grade.D, "overdue a month and a day"),
    (date(2026, 10, 22), Grade.A, "overdue exactly the one-month grace: inclusive"),
    (date(2026, 11, 1), Grade.A, "overdue: most urgent"),
    (date(2026, 11, 21), Grade.A, "yesterday"),
    (date(2026, 11, 22), Grade.A, "today"),
    (date(2026, 12, 22), Grade.A, "exactly one month: inclusive"),
    (date(2026, 12, 23), Grade.B, "one month and a day"),
    (date(2027, 2, 22), Grade.B, "exactly three months"),
    (date(2027, 2, 23), Grade.C, "three months and a day"),
    (date(2027, 5, 22), Grade.C, "exactly six months"),
    (date(2027, 5, 23), Grade.D, "six months and a day"),
    (date(2030, 1, 1), Grade.D, "years away"),
    (None, Grade.D, "explicit need, no date"),
]


@pytest.mark.parametrize(("close", "expected", "why"), G1_TABLE)
def test_g1_bands(close: date | None, expected: Grade, why: str) -> None:
    assert grade(opp(close), as_of=AS_OF) is expected, why


MONTH_END_TABLE = [
    # as_of               last A day          last B day          last C day
    (date(2026, 1, 31), date(2026, 2, 28), date(2026, 4, 30), date(2026, 7, 31)),
    (date(2024, 1, 31), date(2024, 2, 29), date(2024, 4, 30), date(2024, 7, 31)),
    (date(2024, 2, 29), date(2024, 3, 29), date(2024, 5, 29), date(2024, 8, 29)),
    (date(2026, 8, 31), date(2026, 9, 30), date(2026, 11, 30), date(2027, 2, 28)),
    (date(2027, 8, 31), date(2027, 9, 30), date(2027, 11, 30), date(2028, 2, 29)),
    (date(2026, 12, 31), date(2027, 1, 31), date(2027, 3, 31), date(2027, 6, 30)),
]


@pytest.mark.parametrize(("as_of", "last_a", "last_b", "last_c"), MONTH_END_TABLE)
def test_g1_calendar_months_at_month_ends(
    as_of: date, last_a: date, last_b: date, last_c: date
) -> None:
    """31 Jan + 1 month is the end of February; each bound is inclusive."""
    day = relativedelta(days=1)
    assert grade(opp(last_a), as_of=as_of) is Grade.A
    assert grade(opp(last_a + day), as_of=as_of) is Grade.B
    assert grade(opp(last_b), as_of=as_of) is Grade.B
    assert grade(opp(last_b + day), as_of=as_of) is Grade.C
    assert grade(opp(last_c), as_of=as_of) is Grade.C
    assert grade(opp(last_c + day), as_of=as_of) is Grade.D


@pytest.mark.parametrize(
    ("need", "close", "expected"),
    [
        (Need.POTENTIAL, date(2026, 11, 30), Grade.D),
        (Need.POTENTIAL, None, Grade.D),
        (Need.NONE, date(2026, 11, 30), Grade.E),
        (Need.NONE, None, Grade.E),
    ],
)
def test_g1_need_without_explicit_demand(need: Need, close: date | None, expected: Grade) -> None:
    assert grade(opp(close, need), as_of=AS_OF) is expected


@pytest.mark.parametrize("close", [date(2026, 11, 1), date(2026, 12, 1), None])
def test_g1_closed_deal_has_nothing_left_to_close(close: date | None) -> None:
    assert grade(opp(close, status=DealStatus.CLOSED), as_of=AS_OF) is Grade.D
    assert grade(opp(close, Need.NONE, DealStatus.CLOSED), as_of=AS_OF) is Grade.E


@pytest.mark.parametrize("status", [DealStatus.NEGOTIATING, DealStatus.POTENTIAL])
def test_g1_open_deal_statuses_grade_alike(status: DealStatus) -> None:
    assert grade(opp(date(2026, 12, 1), status=status), as_of=AS_OF) is Grade.A


def test_grades_sort_best_first() -> None:
    assert sorted([Grade.E, Grade.C, Grade.A, Grade.D, Grade.B]) == list(Grade)
    assert min(Grade) is Grade.A


def test_a_custom_policy_moves_the_bands() -> None:
    policy = GradingPolicy(
        horizons=(relativedelta(weeks=2), relativedelta(months=2), relativedelta(years=1))
    )
    assert grade(opp(date(2026, 12, 6)), as_of=AS_OF, policy=policy) is Grade.A
    assert grade(opp(date(2026, 12, 7)), as_of=AS_OF, policy=policy) is Grade.B
    assert grade(opp(date(2027, 11, 22)), as_of=AS_OF, policy=policy) is Grade.C


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: grade("c-1", as_of=AS_OF), "opportunity"),  # type: ignore[arg-type]
        (lambda: grade(opp(None), as_of=datetime(2026, 11, 22, tzinfo=UTC)), "as_of"),
        (lambda: grade(opp(None), as_of=AS_OF, policy={"horizons": []}), "policy"),  # type: ignore[arg-type]
        (lambda: DEFAULT_GRADING.at("2026-11-22"), "as_of"),  # type: ignore[arg-type]
        (lambda: urgency("2026-12-01", as_of=AS_OF), "due"),  # type: ignore[arg-type]
        (lambda: urgency(datetime(2026, 12, 1, tzinfo=UTC), as_of=AS_OF), "due"),
    ],
)
def test_bad_arguments_are_refused(call: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()  # type: ignore[operator]
    assert info.value.field == field


# rule G2: urgency ------------------------------------------------------------------------------

G2_URGENCY_TABLE = [
    (date(2026, 11, 1), Urgency.URGENT, "overdue"),
    (date(2026, 11, 29), Urgency.URGENT, "exactly a week"),
    (date(2026, 11, 30), Urgency.FAIRLY_URGENT, "a week and a day"),
    (date(2026, 12, 22), Urgency.FAIRLY_URGENT, "exactly a month"),
    (date(2026, 12, 23), Urgency.NOT_URGENT, "a month and a day"),
    (date(2027, 2, 22), Urgency.NOT_URGENT, "exactly three months"),
    (date(2027, 2, 23), Urgency.POTENTIAL, "beyond three months"),
    (None, Urgency.POTENTIAL, "no due date"),
]


@pytest.mark.parametrize(("due", "expected", "why"), G2_URGENCY_TABLE)
def test_g2_urgency(due: date | None, expected: Urgency, why: str) -> None:
    assert urgency(due, as_of=AS_OF) is expected, why


# rule G2: importance ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("49999.99"), False),
        (Decimal(50000), True),
        (Decimal("50000.01"), True),
        (50000, True),
        (None, False),
    ],
)
def test_g2_importance_reaching_the_threshold_counts(
    amount: Decimal | int | None, expected: bool
) -> None:
    assert is_important(amount, threshold=Decimal(50000)) is expected


@pytest.mark.parametrize(
    ("amount", "threshold", "field"),
    [
        (1.5, 1, "amount"),
        (Decimal(-1), 1, "amount"),
        ("100", 1, "amount"),
        (Decimal(1), 1.0, "threshold"),
        (Decimal(1), -1, "threshold"),
        (None, None, "threshold"),
    ],
)
def test_g2_importance_refuses_bad_money(amount: object, threshold: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        is_important(amount, threshold=threshold)  # type: ignore[arg-type]
    assert info.value.field == field


# rule G3 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("need", "large", "urgent", "expected"),
    [
        (Need.EXPLICIT, True, True, DemandGrade.A),
        (Need.EXPLICIT, True, False, DemandGrade.B),
        (Need.EXPLICIT, False, True, DemandGrade.B),
        (Need.EXPLICIT, False, False, DemandGrade.B),
        (Need.POTENTIAL, True, True, DemandGrade.C),
        (Need.POTENTIAL, False, False, DemandGrade.C),
    ],
)
def test_g3_demand_grades(need: Need, large: bool, urgent: bool, expected: DemandGrade) -> None:
    assert demand_grade(need, large=large, urgent=urgent) is expected


@pytest.mark.parametrize(
    ("need", "large", "urgent", "field"),
    [
        (Need.NONE, True, True, "need"),
        ("explicit", True, True, "need"),
        (Need.EXPLICIT, 1, True, "large"),
        (Need.EXPLICIT, True, None, "urgent"),
    ],
)
def test_g3_refuses(need: object, large: object, urgent: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        demand_grade(need, large=large, urgent=urgent)  # type: ignore[arg-type]
    assert info.value.field == field


# Explanations ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "grade_", "english", "chinese"),
    [
        (
            opp(date(2026, 12, 10)),
            Grade.A,
            "is within 1 month of 2026-11-22: grade A",
            "1个月 内：A级",
        ),
        (
            opp(date(2027, 1, 10)),
            Grade.B,
            "is within 3 months of 2026-11-22: grade B",
            "3个月 内：B级",
        ),
        (
            opp(date(2027, 4, 10)),
            Grade.C,
            "is within 6 months of 2026-11-22: grade C",
            "6个月 内：C级",
        ),
        (
            opp(date(2027, 9, 10)),
            Grade.D,
            "is more than 6 months after 2026-11-22: grade D",
            "之后：D级",
        ),
        (opp(date(2026, 11, 2)), Grade.A, "2026-11-02 has passed (2026-11-22): overdue", "逾期"),
        (
            opp(date(2024, 11, 2)),
            Grade.D,
            (
                "2024-11-02 is more than 1 month past (2026-11-22): expected close date long"
                " past: update it"
            ),
            "预计成交日早已过期，请更新",
        ),
        (opp(None), Grade.D, "no expected close date", "未定预计成交日期"),
        (opp(date(2026, 11, 2), status=DealStatus.CLOSED), Grade.D, "already closed", "已成交"),
        (opp(None, Need.POTENTIAL), Grade.D, "potential need", "潜在需求"),
        (opp(None, Need.NONE), Grade.E, "dead customer", "死亡客户"),
    ],
)
def test_explanations_in_both_languages(
    subject: Opportunity, grade_: Grade, english: str, chinese: str
) -> None:
    why = explain_grade(subject, as_of=AS_OF)
    assert why.grade is grade_ is grade(subject, as_of=AS_OF)
    assert english in why.reason_en
    assert chinese in why.reason_zh
    assert why.rules == ("G1", "G2")
    assert why.policy_fingerprint == DEFAULT_GRADING.fingerprint()


def test_explanation_describes_custom_horizons() -> None:
    policy = GradingPolicy(
        horizons=(relativedelta(days=10), relativedelta(years=1, months=2), relativedelta(years=2))
    )
    assert (
        "within 10 days"
        in explain_grade(opp(date(2026, 11, 30)), as_of=AS_OF, policy=policy).reason_en
    )
    why = explain_grade(opp(date(2027, 12, 1)), as_of=AS_OF, policy=policy)
    assert "within 1 year 2 months" in why.reason_en
    assert "1年2个月" in why.reason_zh


@pytest.mark.parametrize(
    ("as_of", "last_a", "first_d"),
    [
        (date(2026, 3, 31), date(2026, 2, 28), date(2026, 2, 27)),  # 31 Mar - 1 month
        (date(2024, 3, 31), date(2024, 2, 29), date(2024, 2, 28)),  # leap year
        (date(2025, 3, 29), date(2025, 2, 28), date(2025, 2, 27)),  # no 29 Feb
    ],
)
def test_g1_overdue_grace_at_month_ends(as_of: date, last_a: date, first_d: date) -> None:
    assert grade(opp(last_a), as_of=as_of) is Grade.A
    assert grade(opp(first_d), as_of=as_of) is Grade.D


def test_g1_zero_grace_grades_every_passed_date_d() -> None:
    policy = GradingPolicy(overdue_grace=relativedelta())
    assert grade(opp(AS_OF), as_of=AS_OF, policy=policy) is Grade.A
    assert grade(opp(date(2026, 11, 21)), as_of=AS_OF, policy=policy) is Grade.D


# rule G1 at customer level --------------------------------------------------------------------


def test_customer_grade_is_the_best_open_grade() -> None:
    deals = [opp(date(2027, 4, 1)), opp(date(2027, 1, 10)), opp(AS_OF, status=DealStatus.CLOSED)]
    assert customer_grade(deals, as_of=AS_OF) is Grade.B


def test_customer_grade_with_every_deal_closed() -> None:
    closed = [opp(AS_OF, status=DealStatus.CLOSED), opp(None, Need.NONE, DealStatus.CLOSED)]
    assert customer_grade(closed, as_of=AS_OF) is Grade.D


@pytest.mark.parametrize(
    ("opportunities", "kwargs", "field"),
    [
        ([], {}, "opportunities"),
        ("abc", {}, "opportunities"),
        ([opp(None), "x"], {}, "opportunities[1]"),
        (
            [
                opp(None),
                Opportunity(customer_id="c-2", need=Need.NONE, status=DealStatus.POTENTIAL),
            ],
            {},
            "opportunities[1].customer_id",
        ),
        ([opp(None)], {"customer_id": "c-9"}, "opportunities[0].customer_id"),
        ([opp(None)], {"as_of": "2026-11-22"}, "as_of"),
    ],
)
def test_customer_grade_refuses_bad_input(
    opportunities: object, kwargs: dict[str, object], field: str
) -> None:
    arguments: dict[str, object] = {"as_of": AS_OF} | kwargs
    with pytest.raises(InvalidInputError) as info:
        customer_grade(opportunities, **arguments)  # type: ignore[arg-type]
    assert info.value.field == field


# Policies as data -----------------------------------------------------------------------------


def test_default_policy_is_the_rule_book() -> None:
    assert DEFAULT_GRADING.to_dict() == {
        "horizons": [{"months": 1}, {"months": 3}, {"months": 6}],
        "overdue_grace": {"months": 1},
        "urgency_horizons": [{"days": 7}, {"months": 1}, {"months": 3}],
    }
    assert GradingPolicy.from_dict(DEFAULT_GRADING.to_dict()) == DEFAULT_GRADING


def test_fingerprint_is_pinned() -> None:
    """A change of this value means stored grades no longer name their rules."""
    assert DEFAULT_GRADING.fingerprint() == "92456c1814acdf0a"


def test_fingerprint_is_the_same_in_another_process() -> None:
    code = "from custrel.grading import DEFAULT_GRADING as p; print(p.fingerprint())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == DEFAULT_GRADING.fingerprint()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"horizons": [{"months": 3}, {"months": 1}, {"months": 6}]}, "horizons[1]"),
        ({"horizons": [{"months": 1}, {"months": 1}, {"months": 6}]}, "horizons[1]"),
        ({"horizons": [{"months": 0}, {"months": 1}, {"months": 6}]}, "horizons[0]"),
        ({"horizons": [{"days": -1}, {"months": 1}, {"months": 6}]}, "horizons[0]"),
        ({"horizons": [{"months": 1}, {"months": 3}]}, "horizons"),
        ({"horizons": [{"days": 30}, {"months": 1}, {"months": 6}]}, "horizons[1]"),
        ({"urgency_horizons": [{"hours": 1}, {"months": 1}, {"months": 3}]}, "urgency_horizons[0]"),
        ({"horizon": []}, "horizon"),
        ({"overdue_grace": {"days": -1}}, "overdue_grace"),
        ({"overdue_grace": {"hours": 5}}, "overdue_grace"),
        ({"overdue_grace": 30}, "overdue_grace"),
    ],
)
def test_bad_policies_are_refused(data: dict[str, object], field: str) -> None:
    with pytest.raises(PolicyError) as info:
        GradingPolicy.from_dict(data)
    assert info.value.field == field


@pytest.mark.parametrize(
    "horizons",
    [
        (relativedelta(hours=1), relativedelta(months=1), relativedelta(months=6)),
        (relativedelta(day=1), relativedelta(months=1), relativedelta(months=6)),
        (1, 3, 6),
        [relativedelta(months=1), relativedelta(months=3), relativedelta(months=6)],
    ],
)
def test_horizons_are_calendar_periods(horizons: object) -> None:
    with pytest.raises(PolicyError, match=r"GradingPolicy\.horizons"):
        GradingPolicy(horizons=horizons)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "horizons",
    [
        (relativedelta(days=7), relativedelta(months=1), relativedelta(months=1, days=1)),
        (relativedelta(days=27), relativedelta(months=1), relativedelta(days=32)),
        (relativedelta(months=1), relativedelta(months=2), relativedelta(years=1)),
    ],
)
def test_mixed_units_are_fine_when_their_order_never_depends_on_the_month(
    horizons: tuple[relativedelta, relativedelta, relativedelta],
) -> None:
    assert GradingPolicy(horizons=horizons).horizons == horizons
