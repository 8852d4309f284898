"""Properties of lifecycle stages and churn signals (rules L1-L4)."""

from datetime import date, timedelta
from random import Random

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from custrel import strategies as cs
from custrel.lifecycle import (
    DEFAULT_LIFECYCLE,
    ChurnSignal,
    LifecyclePolicy,
    Stage,
    churn_signals,
    explain_stage,
    highest_stage,
    lifecycle_stage,
    portfolio_stages,
)
from custrel.models import Complaint, Purchase

AS_OF = cs.dates(min_value=date(2001, 1, 1), max_value=date(2030, 12, 31))
POLICIES = st.one_of(st.just(DEFAULT_LIFECYCLE), cs.lifecycle_policies())
DEVELOPMENT = (Stage.PROSPECT, Stage.NEW, Stage.ACTIVE, Stage.GROWING)


@st.composite
def cases(
    draw: st.DrawFn, *, max_purchases: int = 12, max_complaints: int = 3
) -> tuple[date, list[Purchase], list[Complaint]]:
    """An ``as_of`` with one customer's records around it (some after it)."""
    as_of = draw(AS_OF)
    low, high = as_of - timedelta(days=900), as_of + timedelta(days=60)
    purchases = draw(
        st.lists(
            cs.purchases(customer_id="c-1", min_value=low, max_value=high), max_size=max_purchases
        )
    )
    complaints = draw(
        st.lists(
            cs.complaints(customer_id="c-1", min_value=low, max_value=high),
            max_size=max_complaints,
        )
    )
    return as_of, purchases, complaints


@given(cases(), POLICIES)
def test_every_history_gets_one_stage_and_always_the_same(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy
) -> None:
    as_of, purchases, complaints = case
    stage = lifecycle_stage(purchases, as_of=as_of, complaints=complaints, policy=policy)
    assert stage in set(Stage)
    assert stage is lifecycle_stage(purchases, as_of=as_of, complaints=complaints, policy=policy)
    why = explain_stage(purchases, as_of=as_of, complaints=complaints, policy=policy)
    assert why.stage is stage
    assert why.highest in DEVELOPMENT
    assert why.highest is highest_stage(purchases, as_of=as_of, policy=policy)
    if why.held_since is None:
        assert why.signals == churn_signals(
            purchases, as_of=as_of, complaints=complaints, policy=policy
        )
    if why.median_interval_days is None and why.highest in {Stage.NEW, Stage.PROSPECT}:
        assert why.horizon_days in {policy.one_time_horizon_days, policy.horizon_floor_days}
    else:
        assert policy.horizon_floor_days <= why.horizon_days <= policy.horizon_ceiling_days
    for window in (why.recent, why.prior):  # built without the validators, they pass them
        assert attrs.evolve(window) == window


@given(cases(), POLICIES, st.randoms(use_true_random=False))
def test_the_order_of_the_records_does_not_matter(
    case: tuple[date, list[Purchase], list[Complaint]],
    policy: LifecyclePolicy,
    random: Random,
) -> None:
    as_of, purchases, complaints = case
    shuffled_purchases, shuffled_complaints = list(purchases), list(complaints)
    random.shuffle(shuffled_purchases)
    random.shuffle(shuffled_complaints)
    assert explain_stage(
        purchases, as_of=as_of, complaints=complaints, policy=policy
    ) == explain_stage(
        shuffled_purchases, as_of=as_of, complaints=shuffled_complaints, policy=policy
    )


@given(cases(max_purchases=0), POLICIES)
def test_no_purchase_is_a_prospect(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy
) -> None:
    as_of, _, complaints = case
    assert lifecycle_stage([], as_of=as_of, complaints=complaints, policy=policy) is Stage.PROSPECT


@given(cases(), POLICIES)
def test_any_sale_up_to_as_of_is_never_a_prospect(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy
) -> None:
    as_of, purchases, complaints = case
    sold = any(not p.refund and p.at.date() <= as_of for p in purchases)
    stage = lifecycle_stage(purchases, as_of=as_of, complaints=complaints, policy=policy)
    assert (stage is not Stage.PROSPECT) is sold
    assert (highest_stage(purchases, as_of=as_of, policy=policy) is not Stage.PROSPECT) is sold


@given(cases(), POLICIES, st.data())
def test_records_after_as_of_change_nothing(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy, data: st.DataObject
) -> None:
    as_of, purchases, complaints = case
    later = as_of + timedelta(days=1)
    extra = data.draw(st.lists(cs.purchases(customer_id="c-1", min_value=later), max_size=4))
    extra_complaints = data.draw(
        st.lists(cs.complaints(customer_id="c-1", min_value=later), max_size=2)
    )
    assert explain_stage(
        [*purchases, *extra],
        as_of=as_of,
        complaints=[*complaints, *extra_complaints],
        policy=policy,
    ) == explain_stage(purchases, as_of=as_of, complaints=complaints, policy=policy)


@given(cases(), POLICIES, st.integers(min_value=1, max_value=1000))
def test_a_lapsed_customer_stays_lapsed_until_they_buy(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy, later: int
) -> None:
    as_of, purchases, _ = case
    past = [p for p in purchases if p.at.date() <= as_of]
    if lifecycle_stage(past, as_of=as_of, policy=policy) is Stage.LAPSED:
        assert (
            lifecycle_stage(past, as_of=as_of + timedelta(days=later), policy=policy)
            is Stage.LAPSED
        )


@given(cases(), POLICIES)
def test_at_risk_exactly_when_an_active_customer_shows_a_signal(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy
) -> None:
    as_of, purchases, complaints = case
    why = explain_stage(purchases, as_of=as_of, complaints=complaints, policy=policy)
    signals = churn_signals(purchases, as_of=as_of, complaints=complaints, policy=policy)
    active = why.underlying in {Stage.ACTIVE, Stage.GROWING}
    if why.held_since is None:  # the stage is the one as_of itself gives
        assert why.signals == signals
        overdue_new = why.underlying is Stage.NEW and ChurnSignal.OVERDUE_REPURCHASE in signals
        assert (why.stage is Stage.AT_RISK) == ((active and bool(signals)) or overdue_new)
    else:  # held from an earlier day of the silence: only ever a fall kept
        assert why.held_since < as_of
        assert why.stage in {Stage.AT_RISK, Stage.ACTIVE}
    assert why.underlying is not Stage.AT_RISK
    if why.stage is not Stage.AT_RISK:
        assert why.stage is why.underlying


@given(cases(), POLICIES)
def test_the_highest_stage_is_at_least_the_current_development(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy
) -> None:
    as_of, purchases, complaints = case
    why = explain_stage(purchases, as_of=as_of, complaints=complaints, policy=policy)
    if why.underlying in DEVELOPMENT:
        assert DEVELOPMENT.index(why.highest) >= DEVELOPMENT.index(why.underlying)


@given(st.lists(cases(max_purchases=5, max_complaints=1), max_size=4), POLICIES)
def test_the_portfolio_view_agrees_with_one_customer_at_a_time(
    cases_: list[tuple[date, list[Purchase], list[Complaint]]], policy: LifecyclePolicy
) -> None:
    as_of = date(2020, 6, 30)
    customers = [("c-1", purchases, complaints) for _, purchases, complaints in cases_]
    for (_, purchases, complaints), staged in zip(
        customers, portfolio_stages(customers, as_of=as_of, policy=policy), strict=True
    ):
        assert staged.stage is lifecycle_stage(
            purchases, as_of=as_of, complaints=complaints, policy=policy
        )
        assert staged.highest is highest_stage(purchases, as_of=as_of, policy=policy)


@given(POLICIES)
def test_policies_round_trip(policy: LifecyclePolicy) -> None:
    again = LifecyclePolicy.from_dict(policy.to_dict())
    assert again == policy
    assert again.fingerprint() == policy.fingerprint()


STANDING = (
    Stage.PROSPECT,
    Stage.LAPSED,
    Stage.AT_RISK,
    Stage.NEW,
    Stage.WON_BACK,
    Stage.ACTIVE,
    Stage.GROWING,
)


@given(st.sampled_from(Stage), st.sampled_from(Stage))
def test_stages_compare_by_standing_not_by_their_text(a: Stage, b: Stage) -> None:
    """Rules L1, L4 (decision): the order of standing, whatever the values spell."""
    ranks = STANDING.index(a), STANDING.index(b)
    assert (a < b, a <= b, a > b, a >= b) == (
        ranks[0] < ranks[1],
        ranks[0] <= ranks[1],
        ranks[0] > ranks[1],
        ranks[0] >= ranks[1],
    )
    assert max(a, b) is STANDING[max(ranks)]
    assert min(a, b) is STANDING[min(ranks)]


@given(cases(), POLICIES)
def test_the_highest_stage_is_never_below_the_stage_it_underlies(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy
) -> None:
    """Rules L1, L4: a customer has reached at least the development stage under theirs.

    AT_RISK is an ACTIVE customer at least; LAPSED and WON_BACK customers bought, so were
    NEW at least; a development stage is its own floor.
    """
    as_of, purchases, complaints = case
    stage = lifecycle_stage(purchases, as_of=as_of, complaints=complaints, policy=policy)
    highest = highest_stage(purchases, as_of=as_of, policy=policy)
    floor = {Stage.AT_RISK: Stage.NEW, Stage.LAPSED: Stage.NEW, Stage.WON_BACK: Stage.NEW}
    assert highest >= floor.get(stage, stage)
    assert max(highest, floor.get(stage, stage)) is highest


@given(cases(), POLICIES)
def test_a_lapse_is_never_part_of_the_rhythm(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy
) -> None:
    """Rule L4: intervals longer than the horizon in force are left out of the median,
    so the median interval never exceeds the ceiling (no lapse stretches the horizon).
    """
    as_of, purchases, complaints = case
    why = explain_stage(purchases, as_of=as_of, complaints=complaints, policy=policy)
    if why.median_interval_days is not None:
        assert why.median_interval_days <= policy.horizon_ceiling_days


# Issue 23 items 1 and 2: the highest stage only rises, silence never improves standing

LEVEL = {  # the coarse order of standing that silence may keep or lower, never raise
    Stage.LAPSED: 0,
    Stage.AT_RISK: 1,
    Stage.NEW: 2,
    Stage.ACTIVE: 2,
    Stage.WON_BACK: 2,
    Stage.GROWING: 3,
}


@given(cases(), POLICIES, st.integers(min_value=1, max_value=800))
def test_the_highest_stage_never_falls_as_days_pass(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy, later: int
) -> None:
    """Rule L1: the furthest stage reached by a day is reached by every later day."""
    as_of, purchases, _ = case
    before = highest_stage(purchases, as_of=as_of, policy=policy)
    after = highest_stage(purchases, as_of=as_of + timedelta(days=later), policy=policy)
    assert after >= before
    assert DEVELOPMENT.index(after) >= DEVELOPMENT.index(before)


@given(cases(), POLICIES, st.integers(min_value=1, max_value=800))
def test_silence_never_improves_standing(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy, later: int
) -> None:
    """Rules L1-L4: with nothing bought, refunded or complained about after ``as_of``,
    a later day's stage is never higher in LAPSED < AT_RISK < NEW, ACTIVE, WON_BACK <
    GROWING.
    """
    as_of, purchases, complaints = case
    purchases = [p for p in purchases if p.at.date() <= as_of]
    complaints = [c for c in complaints if c.at.date() <= as_of]
    now = explain_stage(purchases, as_of=as_of, complaints=complaints, policy=policy)
    then = explain_stage(
        purchases, as_of=as_of + timedelta(days=later), complaints=complaints, policy=policy
    )
    if now.stage is Stage.PROSPECT:
        assert then.stage is Stage.PROSPECT
    else:
        assert LEVEL[then.stage] <= LEVEL[now.stage]
        assert LEVEL[then.underlying] <= LEVEL[now.underlying]
        # nothing is reached in silence but ACTIVE, when a won-back customer settles
        assert then.highest == now.highest or then.highest is Stage.ACTIVE


@given(cases(), POLICIES)
def test_a_held_stage_is_a_fall_kept_not_a_rise(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy
) -> None:
    """Rules L1, L4: a stage held from an earlier day was that day's own stage."""
    as_of, purchases, complaints = case
    why = explain_stage(purchases, as_of=as_of, complaints=complaints, policy=policy)
    if why.held_since is not None:
        then = explain_stage(purchases, as_of=why.held_since, complaints=complaints, policy=policy)
        assert (then.stage, then.underlying, then.signals) == (
            why.stage,
            why.underlying,
            why.signals,
        )
        assert then.held_since is None
        assert "held since" in why.reason_en
        assert "保持" in why.reason_zh


@given(cases(), POLICIES)
def test_won_back_exactly_when_the_day_before_the_purchase_was_lapsed(
    case: tuple[date, list[Purchase], list[Complaint]], policy: LifecyclePolicy
) -> None:
    """Rule L4: a purchase makes a customer WON_BACK when, without it, they were LAPSED
    that day, and only then (or while an earlier return settles): one horizon decides
    both.
    """
    _, purchases, _ = case
    sales = sorted({p.at.date() for p in purchases if not p.refund})
    assume(len(sales) >= 2)
    day = sales[-1]
    before = [p for p in purchases if p.at.date() < day]
    upto = [p for p in purchases if p.at.date() <= day]
    without = lifecycle_stage(before, as_of=day, policy=policy)
    with_it = lifecycle_stage(upto, as_of=day, policy=policy)
    if without is Stage.LAPSED:
        assert with_it is Stage.WON_BACK
    if with_it is Stage.WON_BACK:  # this return, or an earlier one still settling
        assert without in {Stage.LAPSED, Stage.WON_BACK}
