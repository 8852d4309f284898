"""Properties of follow-up cadence (rules C1-C6): order, monotonicity, streaming top-k."""

from datetime import date, timedelta
from decimal import Decimal

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from custrel import strategies as cs
from custrel.cadence import (
    CadencePolicy,
    PoolPolicy,
    PoolReason,
    RecordStep,
    add_working_days,
    agenda,
    assign_balanced,
    first_contact_day,
    follow_up,
    is_working_day,
    minutes_steps,
    needs_reassignment,
    next_due,
    pool_status,
    record_steps,
    upcoming_occasions,
)
from custrel.grading import Grade, customer_grade, grade
from custrel.models import Calendar, ContactEvent, CustomerProfile, DealStatus, Opportunity

DAYS = cs.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31))
GRADES = st.sampled_from(Grade)


@given(GRADES, GRADES, DAYS)
def test_next_due_is_after_the_last_contact_and_better_grades_come_sooner(
    first: Grade, second: Grade, last: date
) -> None:
    better, worse = min(first, second), max(first, second)
    due_better = next_due(better, last, as_of=last)
    assert due_better > last
    assert due_better <= next_due(worse, last, as_of=last)


ENTRIES = st.lists(
    st.tuples(
        cs.customer_ids(),
        GRADES,
        st.none() | cs.dates(min_value=date(2024, 1, 1), max_value=date(2027, 1, 1)),
    ),
    max_size=60,
    unique_by=lambda e: e[0],
)


@given(ENTRIES, st.none() | st.integers(1, 20), st.randoms(use_true_random=False))
def test_agenda_is_the_sorted_full_list_cut(
    entries: list[tuple[str, Grade, date | None]], limit: int | None, rnd: object
) -> None:
    as_of = date(2026, 11, 22)
    due = [(cid, g, next_due(g, last, as_of=as_of)) for cid, g, last in entries]
    expected = sorted(((as_of - d).days * -1, g, cid) for cid, g, d in due if d <= as_of)
    if limit is not None:
        expected = expected[:limit]
    shuffled = list(entries)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    result = agenda(shuffled, as_of=as_of, limit=limit)
    assert [(-i.days_overdue, i.grade, i.customer_id) for i in result] == expected
    assert all(i.due == as_of - timedelta(days=i.days_overdue) for i in result)


HOLIDAYS = st.frozensets(
    cs.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)), max_size=20
)


@given(
    cs.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
    st.integers(-40, 40),
    HOLIDAYS,
    HOLIDAYS,
)
def test_add_working_days_lands_on_the_nth_working_day(
    start: date, n: int, holidays: frozenset[date], extra: frozenset[date]
) -> None:
    workdays = {d for d in extra if d.weekday() >= 5} - holidays
    result = add_working_days(start, n, holidays=holidays, workdays=workdays)

    def working(d: date) -> bool:
        return is_working_day(d, holidays=holidays, workdays=workdays)

    if n == 0:
        assert result == start
        return
    assert working(result)
    low, high = (start, result) if n > 0 else (result, start)
    between = [low + timedelta(days=i) for i in range(1, (high - low).days + 1)]
    if n < 0:
        between = [low + timedelta(days=i) for i in range((high - low).days)]
    assert sum(working(d) for d in between) == abs(n)


FOLLOW_UPS = st.lists(
    cs.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)), max_size=8
)
POOL_POLICIES = cs.pool_policies()


@given(
    cs.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
    st.lists(
        cs.contact_events(
            customer_id="c-1", min_value=date(2025, 12, 1), max_value=date(2027, 1, 31)
        ),
        max_size=6,
    ),
    cs.dates(min_value=date(2025, 12, 1), max_value=date(2027, 1, 31)),
    cs.cadence_policies(),
    POOL_POLICIES,
)
def test_c3_needs_reassignment_exactly_when_the_pool_takes_the_customer_back_uncontacted(
    assigned_on: date,
    events: list[ContactEvent],
    as_of: date,
    cadence: CadencePolicy,
    pool: PoolPolicy,
) -> None:
    """Rule C3: one decision of "first contact made in time" behind both functions.

    For an open customer (``closed=False``) under a pool policy whose cap, if any, does
    not end the hold before the first-contact deadline.
    """
    assume(pool.hard_cap_days is None or pool.hard_cap_days >= pool.first_contact_days)
    first = first_contact_day(events, assigned_on=assigned_on, as_of=as_of, policy=cadence)
    follow_ups = [event.at.date() for event in events if cadence.counts(event)]
    status = pool_status(assigned_on, follow_ups, first_contact=first, as_of=as_of, policy=pool)
    back_uncontacted = status.reason is PoolReason.NO_FIRST_CONTACT and status.returned
    assert needs_reassignment(assigned_on, first, as_of=as_of, policy=pool) is back_uncontacted


@given(
    FOLLOW_UPS,
    cs.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
    POOL_POLICIES,
    DAYS,
)
def test_a_follow_up_never_brings_the_pool_date_earlier(
    follow_ups: list[date], extra: date, policy: PoolPolicy, as_of: date
) -> None:
    taken = date(2026, 1, 1)
    before = pool_status(taken, follow_ups, as_of=as_of, policy=policy)
    after = pool_status(taken, [*follow_ups, extra], as_of=as_of, policy=policy)
    assert attrs.evolve(before) == before  # built without the validators, it passes them
    assert before.returns_on is not None
    assert after.returns_on is not None
    assert after.returns_on >= before.returns_on
    if policy.hard_cap_days is not None and not policy.working_days:
        assert after.returns_on <= taken + timedelta(days=policy.hard_cap_days + 1)


LEADS = st.lists(cs.customer_ids(), unique=True, max_size=80)
REPS = st.dictionaries(st.sampled_from(["a", "b", "c", "d", "e"]), st.integers(1, 5), min_size=1)


@given(LEADS, REPS)
def test_assignment_is_deterministic_and_within_one_lead_of_balance(
    leads: list[str], reps: dict[str, int]
) -> None:
    result = assign_balanced(leads, reps)
    assert result == assign_balanced(list(leads), dict(reversed(list(reps.items()))))
    loads = dict.fromkeys(reps, 0)
    for rep in result.values():
        loads[rep] += 1
    for a, weight_a in reps.items():
        for b, weight_b in reps.items():
            if loads[a]:
                assert Decimal(loads[a]) / weight_a <= Decimal(loads[b] + 1) / weight_b


@given(cs.profiles(), DAYS, st.integers(0, 800))
def test_occasions_fall_in_the_window_in_order(
    profile: CustomerProfile, as_of: date, days: int
) -> None:
    found = upcoming_occasions(profile, as_of=as_of, within=timedelta(days=days))
    assert all(as_of <= o.on <= as_of + timedelta(days=days) for o in found)
    assert [o.on for o in found] == sorted(o.on for o in found)
    for o in found:
        assert o.on >= o.original
        if o.number is not None and o.calendar is Calendar.GREGORIAN:
            assert o.number == o.on.year - o.original.year
        if o.number is not None:
            assert o.number >= 0


@given(ENTRIES, cs.cadence_policies(), HOLIDAYS, st.none() | st.integers(1, 20))
def test_agenda_agrees_with_next_due_under_any_policy(
    entries: list[tuple[str, Grade, date | None]],
    policy: CadencePolicy,
    holidays: frozenset[date],
    limit: int | None,
) -> None:
    """Rule C1: custom periods and working-day dailies give the same due days everywhere."""
    as_of = date(2026, 11, 22)
    due = [
        (cid, g, next_due(g, last, as_of=as_of, policy=policy, holidays=holidays))
        for cid, g, last in entries
    ]
    expected = sorted(((d - as_of).days, g, cid) for cid, g, d in due if d <= as_of)[:limit]
    result = agenda(entries, as_of=as_of, limit=limit, policy=policy, holidays=holidays)
    assert [((i.due - as_of).days, i.grade, i.customer_id) for i in result] == expected
    assert [attrs.evolve(i) for i in result] == result  # built unchecked, they pass the checks
    for (_, _, last), (_, _, day) in zip(entries, due, strict=True):
        assert last is None or day > last


@given(cs.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)), HOLIDAYS)
def test_a_working_day_daily_cadence_is_due_on_the_next_working_day(
    last: date, holidays: frozenset[date]
) -> None:
    policy = CadencePolicy(daily_on_working_days=True)
    due = next_due(Grade.A, last, as_of=last, policy=policy, holidays=holidays)
    assert due == add_working_days(last, 1, holidays=holidays)


@given(st.lists(cs.opportunities(), min_size=1, max_size=8), DAYS)
def test_customer_grade_is_the_best_open_grade_and_order_free(
    opportunities: list[Opportunity], as_of: date
) -> None:
    mine = [attrs.evolve(o, customer_id="c-1") for o in opportunities]
    result = customer_grade(mine, as_of=as_of)
    assert customer_grade(list(reversed(mine)), as_of=as_of) is result
    grades = [grade(o, as_of=as_of) for o in mine if o.status is not DealStatus.CLOSED]
    assert result is min(grades or [grade(o, as_of=as_of) for o in mine])


@given(cs.opportunities(), DAYS, cs.cadence_policies(), HOLIDAYS)
def test_what_follow_up_builds_unchecked_passes_the_checks(
    opportunity: Opportunity, day: date, policy: CadencePolicy, holidays: frozenset[date]
) -> None:
    result = follow_up(opportunity, day, policy=policy, holidays=holidays)
    assert attrs.evolve(result) == result
    assert result.next_due > result.on


@given(DAYS, st.dictionaries(st.sampled_from(RecordStep), DAYS, max_size=6), HOLIDAYS)
def test_what_the_record_steps_build_unchecked_passes_the_checks(
    start: date, done: dict[RecordStep, date], holidays: frozenset[date]
) -> None:
    record = {RecordStep.RECORD_ENTERED, RecordStep.RECORD_FORWARDED}
    done = {step: day for step, day in done.items() if day >= start}
    steps = [
        *record_steps(
            start, done={s: d for s, d in done.items() if s in record}, holidays=holidays
        ),
        *minutes_steps(
            start, done={s: d for s, d in done.items() if s not in record}, holidays=holidays
        ),
    ]
    assert [attrs.evolve(step) for step in steps] == steps


@given(cs.cadence_policies())
def test_cadence_policy_round_trip(policy: CadencePolicy) -> None:
    assert CadencePolicy.from_dict(policy.to_dict()) == policy
    assert CadencePolicy.from_dict(policy.to_dict()).fingerprint() == policy.fingerprint()


@given(cs.pool_policies())
def test_pool_policy_round_trip(policy: PoolPolicy) -> None:
    assert PoolPolicy.from_dict(policy.to_dict()) == policy
