"""Properties of the loyalty rules (Y1-Y6): ranges, monotonicity, order independence,
antisymmetry, and agreement with the textbook formulas."""

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel import strategies as cs
from custrel.errors import InvalidInputError
from custrel.labels import label
from custrel.loyalty import (
    DEFAULT_LOYALTY,
    LoyaltyConflict,
    LoyaltyKind,
    LoyaltyMeasure,
    LoyaltyMeasures,
    LoyaltyPolicy,
    LoyaltyQuadrant,
    LoyaltySignals,
    SatisfactionBand,
    SatisfactionMeasures,
    SatisfactionPolicy,
    TotalCustomerCost,
    TotalCustomerValue,
    delivered_value,
    explain_loyalty,
    loyalty_consistency,
    loyalty_kind,
    loyalty_quadrant,
    loyalty_score,
    nps,
    nps_interval,
    satisfaction,
    satisfaction_bands,
    satisfaction_index,
)
from custrel.tiering import ValueIndicators

POLICIES = st.one_of(st.just(DEFAULT_LOYALTY), cs.loyalty_policies())
AS_OF = date(2026, 11, 22)


def _scorable(measures: LoyaltyMeasures, policy: LoyaltyPolicy) -> bool:
    return any(measures.get(m) is not None and policy.weight(m) > 0 for m in LoyaltyMeasure)


@given(cs.loyalty_measures(), POLICIES)
def test_score_is_in_0_to_100_or_refused_when_nothing_weighs(
    measures: LoyaltyMeasures, policy: LoyaltyPolicy
) -> None:
    if not _scorable(measures, policy):
        with pytest.raises(InvalidInputError):
            loyalty_score(measures, policy=policy)
        return
    score = loyalty_score(measures, policy=policy)
    assert 0 <= score <= 100
    assert score == score.quantize(Decimal("0.01"))


# Each measure's values, and whether more of it means more loyalty (rule Y1).
VALUES: dict[LoyaltyMeasure, tuple[st.SearchStrategy[Any], bool]] = {
    LoyaltyMeasure.REPEAT_PURCHASES: (st.integers(0, 200), True),
    LoyaltyMeasure.CHOOSING_DAYS: (cs.money(max_value=Decimal(120)), False),
    LoyaltyMeasure.PRICE_SENSITIVITY: (cs.shares(), False),
    LoyaltyMeasure.COMPETITOR_INTEREST: (cs.shares(), False),
    LoyaltyMeasure.QUALITY_TOLERANCE: (cs.shares(), True),
    LoyaltyMeasure.SPEND: (cs.money(min_value=Decimal(-50_000), max_value=Decimal(50_000)), True),
}


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[LoyaltyMeasure, Any, Any, bool]:
    measure = draw(st.sampled_from(LoyaltyMeasure))
    values, more_is_loyal = VALUES[measure]
    low, high = sorted([draw(values), draw(values)])
    return measure, low, high, more_is_loyal


@given(cs.loyalty_measures(), POLICIES, _pairs())
def test_score_is_monotone_in_every_measure_in_rule_y1s_direction(
    measures: LoyaltyMeasures,
    policy: LoyaltyPolicy,
    pair: tuple[LoyaltyMeasure, Any, Any, bool],
) -> None:
    measure, low, high, more_is_loyal = pair
    at_low = attrs.evolve(measures, **{measure.value: low})
    at_high = attrs.evolve(measures, **{measure.value: high})
    if not _scorable(at_low, policy):
        return
    lower, higher = loyalty_score(at_low, policy=policy), loyalty_score(at_high, policy=policy)
    assert (lower <= higher) if more_is_loyal else (lower >= higher)


@given(cs.loyalty_measures(), POLICIES)
def test_explanation_agrees_with_the_score(
    measures: LoyaltyMeasures, policy: LoyaltyPolicy
) -> None:
    if not _scorable(measures, policy):
        return
    why = explain_loyalty(measures, policy=policy)
    assert why.score == loyalty_score(measures, policy=policy)
    assert {c.measure for c in why.contributions} | set(why.missing) == set(LoyaltyMeasure)
    assert all(0 <= c.points <= 1 for c in why.contributions)
    assert sum(c.weight for c in why.contributions) == pytest.approx(1)


@given(cs.loyalty_policies())
def test_policies_round_trip_with_their_fingerprint(policy: LoyaltyPolicy) -> None:
    again = LoyaltyPolicy.from_dict(policy.to_dict())
    assert again == policy
    assert again.fingerprint() == policy.fingerprint()


@given(st.lists(cs.purchases(customer_id="c-1", max_value=date(2027, 12, 31)), max_size=20))
def test_behavioural_measures_agree_with_the_value_indicators(purchases: list) -> None:  # type: ignore[type-arg]
    """Rule Y1 reads repeats and spend off the same history rule T3 reads."""
    measures = LoyaltyMeasures.from_purchases(purchases, as_of=AS_OF)
    indicators = ValueIndicators.from_purchases(purchases, as_of=AS_OF)
    assert measures.spend == indicators.total_amount
    assert measures.repeat_purchases == max(indicators.transactions - 1, 0)


# rule Y3 --------------------------------------------------------------------------------------


@given(cs.shares(), cs.shares(), cs.shares().filter(bool))
def test_quadrant_is_true_only_with_high_attachment_and_high_repeat(
    attachment: Decimal, repeat: Decimal, threshold: Decimal
) -> None:
    quadrant = loyalty_quadrant(attachment, repeat, threshold=threshold)
    high = (attachment >= threshold, repeat >= threshold)
    expected = {
        (True, True): LoyaltyQuadrant.TRUE,
        (True, False): LoyaltyQuadrant.LATENT,
        (False, True): LoyaltyQuadrant.SPURIOUS,
        (False, False): LoyaltyQuadrant.NONE,
    }
    assert quadrant is expected[high]


# rule Y2 --------------------------------------------------------------------------------------


@given(cs.loyalty_signals())
def test_kind_reflects_its_signals(signals: LoyaltySignals) -> None:
    kind = loyalty_kind(signals)
    assert (kind is LoyaltyKind.MONOPOLY) == (not signals.has_alternatives)
    if kind is LoyaltyKind.PREMIUM:
        assert signals.recommends
        assert signals.pays_full_price
    if kind is None:
        assert not signals.avoids_switching
        assert not signals.price_driven
        assert not signals.promotion_driven


# rule Y4 --------------------------------------------------------------------------------------

RATINGS = st.integers(0, 100).map(lambda n: Decimal(n) / 10)


@given(RATINGS, RATINGS)
def test_satisfaction_is_antisymmetric(experience: Decimal, expectation: Decimal) -> None:
    assert satisfaction(experience, expectation) == -satisfaction(expectation, experience)
    assert -10 <= satisfaction(experience, expectation) <= 10


@given(RATINGS)
def test_satisfaction_is_zero_when_experience_meets_expectation(rating: Decimal) -> None:
    assert satisfaction(rating, rating) == 0


@given(
    cs.satisfaction_measures(), st.one_of(st.just(SatisfactionPolicy()), cs.satisfaction_policies())
)
def test_satisfaction_index_is_in_0_to_100(
    measures: SatisfactionMeasures, policy: SatisfactionPolicy
) -> None:
    try:
        index = satisfaction_index(measures, policy=policy)
    except InvalidInputError:
        return
    assert 0 <= index <= 100


# rule Y6 --------------------------------------------------------------------------------------

PORTFOLIOS = st.dictionaries(cs.customer_ids(), st.integers(-20, 20), max_size=60)


@given(PORTFOLIOS, st.randoms(use_true_random=False))
def test_bands_do_not_depend_on_input_order(values: dict[str, int], rnd: object) -> None:
    items = list(values.items())
    rnd.shuffle(items)  # type: ignore[attr-defined]
    assert satisfaction_bands(dict(items)) == satisfaction_bands(values)


@given(PORTFOLIOS)
def test_bands_keep_ties_together_and_mark_15_percent_or_the_extreme_block(
    values: dict[str, int],
) -> None:
    bands = satisfaction_bands(values)
    by_value: dict[int, set[SatisfactionBand]] = {}
    for cid, value in values.items():
        by_value.setdefault(value, set()).add(bands[cid])
    assert all(len(b) == 1 for b in by_value.values())
    counts = Counter(bands.values())
    tally = Counter(values.values())
    cut = Decimal("0.15") * len(values)
    if values:
        assert counts[SatisfactionBand.LEAST] <= max(cut, Decimal(tally[min(tally)]))
        assert counts[SatisfactionBand.MOST] <= max(cut, Decimal(tally[max(tally)]))
    ends = {
        band: [values[cid] for cid, b in bands.items() if b is band] for band in SatisfactionBand
    }
    for lower, upper in (
        (SatisfactionBand.LEAST, SatisfactionBand.MIDDLE),
        (SatisfactionBand.MIDDLE, SatisfactionBand.MOST),
    ):
        if ends[lower] and ends[upper]:
            assert max(ends[lower]) < min(ends[upper])


SURVEYS = st.dictionaries(cs.customer_ids(), st.integers(0, 10), max_size=60)
"""Answers on a 0..10 survey scale: few distinct values, so large tie blocks."""


@given(SURVEYS)
def test_y6_the_extreme_answers_are_at_the_ends_unless_all_are_equal(
    values: dict[str, int],
) -> None:
    bands = satisfaction_bands(values)
    if len(set(values.values())) < 2:
        assert set(bands.values()) <= {SatisfactionBand.MIDDLE}
        return
    lowest, highest = min(values.values()), max(values.values())
    assert {bands[c] for c, v in values.items() if v == lowest} == {SatisfactionBand.LEAST}
    assert {bands[c] for c, v in values.items() if v == highest} == {SatisfactionBand.MOST}


@given(SURVEYS, st.randoms(use_true_random=False))
def test_y6_survey_bands_follow_the_answers_in_any_order(
    values: dict[str, int], rnd: object
) -> None:
    """Equal answers share a band, a lower answer never has a higher band, order is moot."""
    rank = list(SatisfactionBand)  # least, middle, most
    bands = satisfaction_bands(values)
    items = list(values.items())
    rnd.shuffle(items)  # type: ignore[attr-defined]
    assert satisfaction_bands(dict(items)) == bands
    for a, va in values.items():
        for b, vb in values.items():
            if va == vb:
                assert bands[a] is bands[b]
            elif va < vb:
                assert rank.index(bands[a]) <= rank.index(bands[b])


@given(PORTFOLIOS)
def test_negating_satisfaction_swaps_the_ends(values: dict[str, int]) -> None:
    swap = {
        SatisfactionBand.LEAST: SatisfactionBand.MOST,
        SatisfactionBand.MOST: SatisfactionBand.LEAST,
        SatisfactionBand.MIDDLE: SatisfactionBand.MIDDLE,
    }
    negated = satisfaction_bands({cid: -v for cid, v in values.items()})
    assert negated == {cid: swap[b] for cid, b in satisfaction_bands(values).items()}


# rule Y1: a customer who stops buying ----------------------------------------------------------


@given(
    st.lists(cs.purchases(customer_id="c-1", max_value=date(2026, 12, 31)), max_size=15),
    st.integers(0, 400),
    st.integers(0, 800),
    POLICIES,
)
def test_y1_more_silence_never_raises_the_score(
    purchases: list[Any], after_last: int, more: int, policy: LoyaltyPolicy
) -> None:
    """With the same purchases, a later as_of (more days without a purchase) scores no more."""
    earlier = date(2027, 1, 1) + timedelta(days=after_last)
    later = earlier + timedelta(days=more)
    before = LoyaltyMeasures.from_purchases(purchases, as_of=earlier)
    after = LoyaltyMeasures.from_purchases(purchases, as_of=later)
    if not _scorable(before, policy):
        return
    assert loyalty_score(after, policy=policy) <= loyalty_score(before, policy=policy)
    assert (
        explain_loyalty(after, policy=policy).score <= explain_loyalty(before, policy=policy).score
    )


@given(cs.loyalty_measures(), st.integers(0, 800), st.integers(0, 800), POLICIES)
def test_y1_recency_is_in_0_to_1_and_never_rises_with_silence(
    measures: LoyaltyMeasures, shorter: int, longer: int, policy: LoyaltyPolicy
) -> None:
    shorter, longer = sorted([shorter, longer])
    assert 0 <= policy.recency(longer) <= policy.recency(shorter) <= 1
    if not _scorable(measures, policy):
        return
    quiet = attrs.evolve(measures, silent_days=shorter)
    silent = attrs.evolve(measures, silent_days=longer)
    assert loyalty_score(silent, policy=policy) <= loyalty_score(quiet, policy=policy)
    assert loyalty_score(
        attrs.evolve(measures, silent_days=policy.recency_limit_days), policy=policy
    ) == loyalty_score(
        attrs.evolve(
            measures,
            repeat_purchases=0 if measures.repeat_purchases is not None else None,
            spend=0 if measures.spend is not None else None,
            silent_days=None,
        ),
        policy=policy,
    )


# rules Y2 and Y3 together ---------------------------------------------------------------------

_WEAKER = {LoyaltyKind.INERTIA, LoyaltyKind.PRICE, LoyaltyKind.INCENTIVE, LoyaltyKind.MONOPOLY}


@given(cs.loyalty_signals(), cs.shares(), cs.shares())
def test_y2_y3_every_kind_and_quadrant_is_judged_and_only_the_listed_pairs_disagree(
    signals: LoyaltySignals, attachment: Decimal, repeat: Decimal
) -> None:
    kind = loyalty_kind(signals)
    quadrant = loyalty_quadrant(attachment, repeat)
    conflict = loyalty_consistency(kind, quadrant)
    disagree = (kind in _WEAKER and quadrant is LoyaltyQuadrant.TRUE) or (
        kind is LoyaltyKind.PREMIUM and quadrant is LoyaltyQuadrant.SPURIOUS
    )
    assert (conflict is not None) is disagree
    if conflict is not None:
        assert isinstance(conflict, LoyaltyConflict)
        assert (conflict.kind, conflict.quadrant) == (kind, quadrant)
        assert kind is not None
        assert label(kind, "en") in conflict.reason_en
        assert label(quadrant, "en") in conflict.reason_en
        assert label(kind, "zh") in conflict.reason_zh
        assert label(quadrant, "zh") in conflict.reason_zh


@given(st.sampled_from([None, *LoyaltyKind]), st.sampled_from(LoyaltyQuadrant))
def test_y2_y3_consistency_is_total_over_all_pairs(
    kind: LoyaltyKind | None, quadrant: LoyaltyQuadrant
) -> None:
    conflict = loyalty_consistency(kind, quadrant)
    assert conflict is None or (conflict.kind, conflict.quadrant) == (kind, quadrant)


# rule Y5 --------------------------------------------------------------------------------------


@given(cs.total_customer_values(), cs.total_customer_costs())
def test_delivered_value_is_the_sum_of_parts_less_the_sum_of_costs(
    value: TotalCustomerValue, cost: TotalCustomerCost
) -> None:
    gained = value.product + value.service + value.personnel + value.image
    given_up = cost.money + cost.time + cost.energy + cost.physical
    assert delivered_value(value, cost) == gained - given_up


# NPS --------------------------------------------------------------------------------------------


@given(cs.nps_answers())
def test_nps_equals_the_textbook_formula(answers: list[int]) -> None:
    promoters = sum(a >= 9 for a in answers)
    detractors = sum(a <= 6 for a in answers)
    textbook = Fraction(100 * promoters, len(answers)) - Fraction(100 * detractors, len(answers))
    result = nps(answers)
    assert -100 <= result <= 100
    assert abs(Fraction(result) - textbook) < Fraction(1, 10**20)


@given(cs.nps_answers(), st.randoms(use_true_random=False))
def test_nps_does_not_depend_on_the_order_of_answers(answers: list[int], rnd: object) -> None:
    shuffled = list(answers)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert nps(shuffled) == nps(answers)
    assert nps_interval(shuffled) == nps_interval(answers)


@given(cs.nps_answers())
def test_interval_is_ordered_within_range_and_counts_every_answer(answers: list[int]) -> None:
    r = nps_interval(answers)
    assert -100 <= r.low < r.high <= 100
    assert r.promoters + r.passives + r.detractors == r.answers == len(answers)
    assert r.score == nps(answers)
    assert r.small_sample is (len(answers) < 30)
    assert attrs.evolve(r) == r  # built without the validators, it passes them


@given(cs.nps_answers(min_size=2))
def test_interval_contains_the_score_from_two_answers_on(answers: list[int]) -> None:
    r = nps_interval(answers)
    assert r.low <= r.score <= r.high
