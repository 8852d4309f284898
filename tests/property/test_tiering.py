"""Properties of the pyramid and RFM (rules T1-T3): order independence, monotonicity,
shares, cuts agreeing with the portfolio, indicators adding up."""

import math
from datetime import date
from decimal import ROUND_DOWN, Context, Decimal, localcontext

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from custrel import strategies as cs
from custrel.labels import LANGUAGES, label
from custrel.lifecycle import lifecycle_stage
from custrel.models import Purchase
from custrel.tiering import (
    DEFAULT_TIERS,
    RfmScore,
    Tier,
    TierCuts,
    TierMode,
    TierPolicy,
    ValueIndicators,
    portfolio_values,
    retier,
    rfm_scores,
    rfm_segment,
    tier_portfolio,
)

AS_OF = date(2026, 11, 22)
VALUES = st.integers(min_value=-1000, max_value=1000).map(Decimal)
PORTFOLIOS = st.dictionaries(cs.customer_ids(), VALUES, max_size=60)
POLICIES = st.one_of(st.just(DEFAULT_TIERS), cs.tier_policies())
# Few distinct values, so that blocks of equal values (at the top too) are the rule
TIED = st.dictionaries(cs.customer_ids(), st.integers(-1, 3).map(Decimal), max_size=60)


def _fit(values: dict[str, Decimal], policy: TierPolicy) -> dict[str, Decimal]:
    """Value-share mode takes no negative values."""
    if policy.mode is TierMode.VALUE_SHARE:
        return {k: abs(v) for k, v in values.items()}
    return values


@given(PORTFOLIOS, POLICIES, st.randoms(use_true_random=False))
def test_tiers_do_not_depend_on_input_order(
    values: dict[str, Decimal], policy: TierPolicy, rnd: object
) -> None:
    values = _fit(values, policy)
    items = list(values.items())
    rnd.shuffle(items)  # type: ignore[attr-defined]
    assert tier_portfolio(dict(items), policy=policy) == tier_portfolio(values, policy=policy)


@given(PORTFOLIOS, POLICIES)
def test_equal_values_share_a_tier_and_more_value_is_never_worse(
    values: dict[str, Decimal], policy: TierPolicy
) -> None:
    values = _fit(values, policy)
    tiers = tier_portfolio(values, policy=policy)
    for a in values:
        for b in values:
            if values[a] >= values[b]:
                assert tiers[a] <= tiers[b]


@given(PORTFOLIOS, POLICIES, st.data())
def test_raising_a_value_never_lowers_the_tier(
    values: dict[str, Decimal], policy: TierPolicy, data: st.DataObject
) -> None:
    values = _fit(values, policy)
    assume(values)
    key = data.draw(st.sampled_from(sorted(values)))
    raise_by = data.draw(st.integers(min_value=0, max_value=500))
    before = tier_portfolio(values, policy=policy)[key]
    after = tier_portfolio({**values, key: values[key] + raise_by}, policy=policy)[key]
    assert after <= before
    lowered = _fit({**values, key: values[key] - raise_by}, policy)
    assume(lowered[key] <= values[key])
    assert tier_portfolio(lowered, policy=policy)[key] >= before


POSITIVE = st.integers(min_value=1, max_value=1000).map(Decimal)


@given(st.sets(POSITIVE, min_size=1, max_size=300), cs.tier_policies())
def test_with_distinct_values_tier_sizes_follow_the_shares(
    distinct: set[Decimal], policy: TierPolicy
) -> None:
    """Exactly ceil(c·n) customers are above each cumulative share c (head count)."""
    policy = TierPolicy(shares=policy.shares)  # head-count mode
    values = {f"c-{i}": v for i, v in enumerate(sorted(distinct))}
    tiers = list(tier_portfolio(values, policy=policy).values())
    n = len(values)
    for c, tier in zip(policy.cumulative, (Tier.VIP, Tier.MAJOR, Tier.ORDINARY), strict=True):
        assert sum(t <= tier for t in tiers) == math.ceil(c * n)


@given(st.one_of(PORTFOLIOS, TIED), cs.tier_policies())
def test_a_tier_never_holds_more_than_its_places(
    values: dict[str, Decimal], policy: TierPolicy
) -> None:
    """Rule T2 (decision): ties never push a tier past ceil(c·n) customers ...

    ... but for the block of the highest positive value, which is VIP whatever its size
    (rule T1).
    """
    policy = TierPolicy(shares=policy.shares)  # head-count mode
    tiers = list(tier_portfolio(values, policy=policy).values())
    n = len(values)
    top = max(values.values(), default=Decimal(0))
    at_top = sum(v == top for v in values.values()) if top > 0 else 0
    for c, tier in zip(policy.cumulative, (Tier.VIP, Tier.MAJOR, Tier.ORDINARY), strict=True):
        assert sum(t <= tier for t in tiers) <= max(math.ceil(c * n), at_top)


@given(st.one_of(PORTFOLIOS, TIED).filter(bool), POLICIES, st.lists(cs.customer_ids()))
def test_rule_t1_the_customers_of_the_highest_positive_value_are_all_vip(
    values: dict[str, Decimal], policy: TierPolicy, twins: list[str]
) -> None:
    """Rule T1: however many share the highest value, all are VIP if it is positive."""
    values = _fit(values, policy)
    top = max(values.values())
    values |= dict.fromkeys(twins, top)
    tiers = tier_portfolio(values, policy=policy)
    cuts = TierCuts.from_values(values, policy=policy)
    expected = Tier.VIP if top > 0 else Tier.SMALL
    at_top = [k for k, v in values.items() if v == top]
    assert {tiers[k] for k in at_top} == {expected}
    assert cuts.tier_of(top) is expected


@given(TIED, POLICIES, st.randoms(use_true_random=False))
def test_with_many_ties_equal_values_share_a_tier_in_any_order(
    values: dict[str, Decimal], policy: TierPolicy, rnd: object
) -> None:
    """Rules T1, T2: equal values, equal tiers; the input order never matters."""
    values = _fit(values, policy)
    tiers = tier_portfolio(values, policy=policy)
    items = list(values.items())
    rnd.shuffle(items)  # type: ignore[attr-defined]
    assert tier_portfolio(dict(items), policy=policy) == tiers
    by_value: dict[Decimal, set[Tier]] = {}
    for key, value in values.items():
        by_value.setdefault(value, set()).add(tiers[key])
    assert all(len(found) == 1 for found in by_value.values())


@given(PORTFOLIOS, POLICIES)
def test_no_value_is_always_small(values: dict[str, Decimal], policy: TierPolicy) -> None:
    values = _fit(values, policy)
    tiers = tier_portfolio(values, policy=policy)
    assert all(tiers[k] is Tier.SMALL for k, v in values.items() if v <= 0)


@given(PORTFOLIOS.filter(bool), POLICIES)
def test_a_unique_top_customer_with_value_is_vip(
    values: dict[str, Decimal], policy: TierPolicy
) -> None:
    values = _fit(values, policy)
    top = max(values.values())
    assume(top > 0 and list(values.values()).count(top) == 1)
    tiers = tier_portfolio(values, policy=policy)
    assert tiers[max(values, key=values.__getitem__)] is Tier.VIP


@given(PORTFOLIOS.filter(bool), POLICIES)
def test_cuts_agree_with_the_portfolio(values: dict[str, Decimal], policy: TierPolicy) -> None:
    values = _fit(values, policy)
    tiers = tier_portfolio(values, policy=policy)
    cuts = TierCuts.from_values(values, policy=policy)
    assert {k: cuts.tier_of(v) for k, v in values.items()} == tiers


@given(PORTFOLIOS.filter(bool), VALUES, st.sampled_from(Tier))
def test_zero_band_is_the_plain_tier(
    values: dict[str, Decimal], value: Decimal, previous: Tier
) -> None:
    cuts = TierCuts.from_values(values)
    assert retier(value, previous=previous, cuts=cuts, band=0) is cuts.tier_of(value)


@given(PORTFOLIOS.filter(bool), VALUES, st.sampled_from(Tier), st.integers(0, 300))
def test_hysteresis_stays_between_the_previous_and_the_plain_tier(
    values: dict[str, Decimal], value: Decimal, previous: Tier, band: int
) -> None:
    cuts = TierCuts.from_values(values)
    plain = cuts.tier_of(value)
    result = retier(value, previous=previous, cuts=cuts, band=band)
    assert min(plain, previous) <= result <= max(plain, previous)


PURCHASES = st.lists(
    cs.purchases(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31)).map(
        lambda p: Purchase(
            customer_id=f"c-{len(p.product) % 7}",
            at=p.at,
            product=p.product,
            amount=p.amount,
            refund=p.refund,
        )
    ),
    max_size=40,
)


@given(PURCHASES, st.randoms(use_true_random=False), st.integers(1, 10))
def test_rfm_does_not_depend_on_input_order(
    purchases: list[Purchase], rnd: object, bins: int
) -> None:
    shuffled = list(purchases)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert rfm_scores(shuffled, as_of=AS_OF, bins=bins) == rfm_scores(
        purchases, as_of=AS_OF, bins=bins
    )


def _days(score: RfmScore) -> float:
    return math.inf if score.recency_days is None else score.recency_days


@given(PURCHASES, st.integers(1, 10))
def test_rfm_scores_are_in_range_and_monotone(purchases: list[Purchase], bins: int) -> None:
    scores = list(rfm_scores(purchases, as_of=AS_OF, bins=bins).values())
    for a in scores:
        assert 1 <= a.r <= bins
        assert 1 <= a.f <= bins
        assert 1 <= a.m <= bins
        assert a.m == 1 or a.monetary > 0
        assert (a.recency_days is None) <= (a.r == a.f == 1)
        for b in scores:
            assert (_days(a) <= _days(b)) <= (a.r >= b.r)
            assert (a.frequency >= b.frequency) <= (a.f >= b.f)
            assert (a.monetary >= b.monetary) <= (a.m >= b.m)


@given(
    st.lists(cs.purchases(customer_id="c-1"), max_size=15),
    st.lists(cs.purchases(customer_id="c-2"), max_size=15),
    cs.dates(min_value=date(2000, 1, 1), max_value=date(2036, 12, 31)),
)
def test_indicators_of_a_union_add_up(
    first: list[Purchase], second: list[Purchase], as_of: date
) -> None:
    a = ValueIndicators.from_purchases(first, as_of=as_of)
    b = ValueIndicators.from_purchases(second, as_of=as_of)
    both = ValueIndicators.from_purchases(sorted(first + second, key=lambda p: p.at), as_of=as_of)
    assert both.transactions == a.transactions + b.transactions
    assert both.total_amount == a.total_amount + b.total_amount
    assert both.refunded == a.refunded + b.refunded
    if a.total_profit is not None and b.total_profit is not None:
        assert both.total_profit == a.total_profit + b.total_profit
    else:
        assert both.total_profit is None
    largest = [x for x in (a.largest_amount, b.largest_amount) if x is not None]
    assert both.largest_amount == (max(largest) if largest else None)


@given(PURCHASES, st.lists(cs.customer_ids(), max_size=5))
def test_tiers_and_rfm_cover_the_same_customers(
    purchases: list[Purchase], extra: list[str]
) -> None:
    known = sorted({p.customer_id for p in purchases} | set(extra))
    for customers in (None, known):
        values = portfolio_values(purchases, as_of=AS_OF, customers=customers)
        scores = rfm_scores(purchases, as_of=AS_OF, customers=customers)
        assert list(values) == list(scores)
    assert set(values) == set(known)


@given(POLICIES)
def test_tier_policy_round_trip(policy: TierPolicy) -> None:
    assert TierPolicy.from_dict(policy.to_dict()) == policy


ORDERED = st.lists(
    cs.purchases(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)).map(
        lambda p: attrs.evolve(p, customer_id=f"c-{len(p.product) % 4}")
    ),
    max_size=30,
)


@given(ORDERED)
def test_rfm_and_value_indicators_agree_on_orders(purchases: list[Purchase]) -> None:
    """Rule T3 in both views: F is the number of orders, R counts from the last order."""
    scores = rfm_scores(purchases, as_of=AS_OF)
    for cid, score in scores.items():
        own = [p for p in purchases if p.customer_id == cid]
        value = ValueIndicators.from_purchases(own, as_of=AS_OF)
        assert score.frequency == value.transactions
        last = value.last_purchase
        assert score.recency_days == (None if last is None else (AS_OF - last).days)


# rule T1 / T3: money sums never depend on the caller's decimal context ------------------------

_NARROW = Context(prec=3, rounding=ROUND_DOWN)


@given(st.lists(cs.purchases(), max_size=12), cs.dates(min_value=date(2000, 1, 1)))
def test_value_rules_do_not_depend_on_the_callers_decimal_context(
    purchases: list[Purchase], as_of: date
) -> None:
    # Under prec=3 a sum such as 1234.56 + 1 would round to 1.23E+3 if the rules added
    # in the caller's context.
    expected = (
        portfolio_values(purchases, as_of=as_of),
        rfm_scores(purchases, as_of=as_of),
        [ValueIndicators.from_purchases([p], as_of=as_of) for p in purchases],
        ValueIndicators.from_purchases(
            [attrs.evolve(p, customer_id="c-1") for p in purchases], as_of=as_of
        ),
    )
    with localcontext(_NARROW):
        got = (
            portfolio_values(purchases, as_of=as_of),
            rfm_scores(purchases, as_of=as_of),
            [ValueIndicators.from_purchases([p], as_of=as_of) for p in purchases],
            ValueIndicators.from_purchases(
                [attrs.evolve(p, customer_id="c-1") for p in purchases], as_of=as_of
            ),
        )
    assert got == expected


@given(PURCHASES)
def test_a_customers_rfm_segment_and_stage_never_share_a_label(
    purchases: list[Purchase],
) -> None:
    """RFM (decision): a report row never shows one word for two views, in either language."""
    for customer, score in rfm_scores(purchases, as_of=AS_OF).items():
        segment = rfm_segment(score)
        own = [p for p in purchases if p.customer_id == customer]
        stage = lifecycle_stage(own, as_of=AS_OF)
        for lang, shown in zip(LANGUAGES, (segment.label_en, segment.label_zh), strict=True):
            words = shown.casefold(), label(stage, lang).casefold()
            assert words[0] not in words[1]
            assert words[1] not in words[0]
