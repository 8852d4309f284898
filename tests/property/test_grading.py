"""Properties of grading (rules G1, G2): totality, monotonicity, binding, round trips."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from hypothesis import assume, given
from hypothesis import strategies as st

from custrel import strategies as cs
from custrel._periods import check_periods, months_and_days
from custrel.errors import PolicyError
from custrel.grading import (
    DEFAULT_GRADING,
    Grade,
    GradingPolicy,
    Urgency,
    explain_grade,
    grade,
    urgency,
)
from custrel.models import DealStatus, Need, Opportunity

DAYS = cs.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
POLICIES = st.one_of(st.just(DEFAULT_GRADING), cs.grading_policies())


def explicit(close: date | None) -> Opportunity:
    return Opportunity(
        customer_id="c-1", need=Need.EXPLICIT, expected_close=close, status=DealStatus.NEGOTIATING
    )


@given(cs.opportunities(), DAYS, POLICIES)
def test_every_opportunity_gets_exactly_one_grade(
    opp: Opportunity, as_of: date, policy: GradingPolicy
) -> None:
    assert grade(opp, as_of=as_of, policy=policy) in set(Grade)


@given(DAYS, DAYS, st.integers(min_value=0, max_value=400), POLICIES)
def test_an_earlier_close_never_grades_worse_until_it_is_stale(
    as_of: date, close: date, earlier_by: int, policy: GradingPolicy
) -> None:
    earlier = close - timedelta(days=earlier_by)
    assume(earlier >= as_of - policy.overdue_grace)
    assert grade(explicit(earlier), as_of=as_of, policy=policy) <= grade(
        explicit(close), as_of=as_of, policy=policy
    )


@given(DAYS, DAYS, POLICIES)
def test_a_close_older_than_the_grace_grades_d(
    as_of: date, close: date, policy: GradingPolicy
) -> None:
    """Rule G1 (decision): a long-past expected close is stale, never A for ever."""
    expected = Grade.D if close < as_of - policy.overdue_grace else Grade.A
    if close <= as_of:
        assert grade(explicit(close), as_of=as_of, policy=policy) is expected


@given(DAYS, DAYS, st.integers(min_value=0, max_value=400), POLICIES)
def test_a_later_as_of_never_grades_a_fixed_close_worse_until_it_is_stale(
    as_of: date, close: date, later_by: int, policy: GradingPolicy
) -> None:
    later = as_of + timedelta(days=later_by)
    assume(close >= later - policy.overdue_grace)
    assert grade(explicit(close), as_of=later, policy=policy) <= grade(
        explicit(close), as_of=as_of, policy=policy
    )


@given(DAYS, DAYS, st.integers(min_value=0, max_value=400), POLICIES)
def test_a_later_due_date_is_never_more_urgent(
    as_of: date, due: date, later_by: int, policy: GradingPolicy
) -> None:
    order = list(Urgency)
    now = urgency(due, as_of=as_of, policy=policy)
    later = urgency(due + timedelta(days=later_by), as_of=as_of, policy=policy)
    assert order.index(now) <= order.index(later)


@given(st.lists(cs.opportunities(), max_size=20), DAYS, POLICIES)
def test_the_bound_policy_and_the_plain_call_agree(
    opps: list[Opportunity], as_of: date, policy: GradingPolicy
) -> None:
    bound = policy.at(as_of)
    assert [bound.grade(o) for o in opps] == [grade(o, as_of=as_of, policy=policy) for o in opps]
    dues = [o.expected_close for o in opps]
    assert [bound.urgency(d) for d in dues] == [
        urgency(d, as_of=as_of, policy=policy) for d in dues
    ]


@given(cs.opportunities(), DAYS)
def test_the_explanation_agrees_with_the_grade(opp: Opportunity, as_of: date) -> None:
    why = explain_grade(opp, as_of=as_of)
    assert why.grade is grade(opp, as_of=as_of)
    assert f"grade {why.grade.value}" in why.reason_en
    assert f"{why.grade.value}级" in why.reason_zh


@given(POLICIES)
def test_policy_round_trip(policy: GradingPolicy) -> None:
    assert GradingPolicy.from_dict(policy.to_dict()) == policy
    assert GradingPolicy.from_dict(policy.to_dict()).fingerprint() == policy.fingerprint()


PERIODS = st.builds(
    relativedelta,
    years=st.integers(0, 2),
    months=st.integers(0, 14),
    days=st.integers(0, 70),
)


@given(PERIODS, PERIODS, DAYS)
def test_accepted_horizons_are_ordered_from_every_start(
    first: relativedelta, second: relativedelta, start: date
) -> None:
    """The policy check is sound: periods it accepts in order reach later dates."""
    try:
        check_periods("h", (first, second), 2)
    except PolicyError:
        return
    assert start + first < start + second
    assert months_and_days(first) != months_and_days(second)
