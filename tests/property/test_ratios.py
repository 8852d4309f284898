"""Properties of the decision "Numbers" (issue 23 item 15): a dimensionless input given a
finite float x answers exactly as given ``Decimal(repr(x))``; nan, infinities and bools
are refused by name; money keeps refusing floats."""

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel import from_dict
from custrel.cadence import assign_balanced
from custrel.errors import InvalidInputError
from custrel.grading import is_important
from custrel.lifecycle import LifecyclePolicy
from custrel.loyalty import (
    LoyaltyMeasures,
    LoyaltyPolicy,
    SatisfactionMeasures,
    SatisfactionPolicy,
    TotalCustomerValue,
    loyalty_quadrant,
    loyalty_score,
    nps_interval,
    satisfaction,
    satisfaction_bands,
    satisfaction_index,
)
from custrel.models import Purchase
from custrel.service import ServicePolicy
from custrel.tiering import TierPolicy, tier_portfolio

FLOATS = st.floats(allow_nan=False, allow_infinity=False)
SHARES = st.floats(min_value=0, max_value=1)
WEIGHTS = st.floats(min_value=0, max_value=1e6)
NOT_FINITE: tuple[object, ...] = (float("nan"), float("inf"), float("-inf"), True, False)


def exact(x: float) -> Decimal:
    """What a float stands for: the decimal it is written as."""
    return Decimal(repr(x))


def outcome(call: Callable[[], object]) -> object:
    """The result, or the field of the refusal (its value differs: float, then Decimal)."""
    try:
        return call()
    except InvalidInputError as exc:
        return ("refused", exc.field)


# rule Y3 ------------------------------------------------------------------------------------


@given(FLOATS, FLOATS, st.floats(min_value=0, max_value=2))
def test_quadrant_of_floats_is_the_quadrant_of_their_decimals(
    attachment: float, repeat: float, threshold: float
) -> None:
    assert outcome(lambda: loyalty_quadrant(attachment, repeat, threshold=threshold)) == outcome(
        lambda: loyalty_quadrant(exact(attachment), exact(repeat), threshold=exact(threshold))
    )


# rule Y4 ------------------------------------------------------------------------------------


@given(FLOATS, FLOATS, st.floats(-100, 100), st.floats(-100, 100))
def test_satisfaction_of_float_ratings_is_that_of_their_decimals(
    experience: float, expectation: float, low: float, high: float
) -> None:
    assert outcome(lambda: satisfaction(experience, expectation, low=low, high=high)) == outcome(
        lambda: satisfaction(
            exact(experience), exact(expectation), low=exact(low), high=exact(high)
        )
    )


@given(st.floats(0, 10), st.floats(0, 10))
def test_satisfaction_of_float_ratings_on_the_scale_is_exact(
    experience: float, expectation: float
) -> None:
    assert satisfaction(experience, expectation) == exact(experience) - exact(expectation)


@given(st.dictionaries(st.sampled_from("abcdefghij"), FLOATS, max_size=10), SHARES)
def test_bands_of_float_values_are_the_bands_of_their_decimals(
    values: dict[str, float], share: float
) -> None:
    decimals = {key: exact(value) for key, value in values.items()}
    assert outcome(lambda: satisfaction_bands(values, share=share)) == outcome(
        lambda: satisfaction_bands(decimals, share=exact(share))
    )


_LOYALTY_SHARES = ("price_sensitivity", "competitor_interest", "quality_tolerance")


@given(st.tuples(FLOATS, FLOATS, FLOATS), st.integers(0, 20))
def test_loyalty_measures_of_float_shares_are_those_of_their_decimals(
    shares: tuple[float, float, float], repeats: int
) -> None:
    floats: dict[str, Any] = dict(zip(_LOYALTY_SHARES, shares, strict=True))
    decimals: dict[str, Any] = {key: exact(value) for key, value in floats.items()}
    made = outcome(lambda: LoyaltyMeasures(repeat_purchases=repeats, **floats))
    assert made == outcome(lambda: LoyaltyMeasures(repeat_purchases=repeats, **decimals))
    if isinstance(made, LoyaltyMeasures):
        assert loyalty_score(made) == loyalty_score(
            LoyaltyMeasures(repeat_purchases=repeats, **decimals)
        )


_SATISFACTION_SHARES = ("reputation", "awareness", "return_rate", "complaint_rate")


@given(st.tuples(FLOATS, FLOATS, FLOATS, FLOATS))
def test_satisfaction_measures_of_float_shares_are_those_of_their_decimals(
    shares: tuple[float, float, float, float],
) -> None:
    floats: dict[str, Any] = dict(zip(_SATISFACTION_SHARES, shares, strict=True))
    decimals: dict[str, Any] = {key: exact(value) for key, value in floats.items()}
    made = outcome(lambda: SatisfactionMeasures(**floats))
    assert made == outcome(lambda: SatisfactionMeasures(**decimals))
    if isinstance(made, SatisfactionMeasures):
        assert satisfaction_index(made) == satisfaction_index(SatisfactionMeasures(**decimals))


_LOYALTY_WEIGHTS = ("repeat_weight", "price_weight", "spend_weight")


@given(st.tuples(WEIGHTS, WEIGHTS, st.floats(-1e6, 1e6)))
def test_loyalty_policy_of_float_weights_is_that_of_their_decimals(
    weights: tuple[float, float, float],
) -> None:
    floats: dict[str, Any] = dict(zip(_LOYALTY_WEIGHTS, weights, strict=True))
    decimals: dict[str, Any] = {key: exact(value) for key, value in floats.items()}
    made = outcome(lambda: LoyaltyPolicy(**floats))
    assert made == outcome(lambda: LoyaltyPolicy(**decimals))
    if isinstance(made, LoyaltyPolicy):
        assert made.fingerprint() == LoyaltyPolicy(**decimals).fingerprint()
        assert LoyaltyPolicy.from_dict(floats) == made


@given(WEIGHTS, WEIGHTS)
def test_satisfaction_policy_of_float_weights_is_that_of_their_decimals(
    reputation: float, price: float
) -> None:
    floats: dict[str, Any] = {"reputation_weight": reputation, "price_weight": price}
    decimals: dict[str, Any] = {key: exact(value) for key, value in floats.items()}
    assert SatisfactionPolicy(**floats) == SatisfactionPolicy(**decimals)
    assert (
        SatisfactionPolicy(**floats).fingerprint() == SatisfactionPolicy(**decimals).fingerprint()
    )


@given(st.floats(min_value=0, max_value=1.5))
def test_nps_interval_of_a_float_confidence_is_that_of_its_decimal(confidence: float) -> None:
    answers = [10, 9, 8, 3, 10, 6]
    assert outcome(lambda: nps_interval(answers, confidence=confidence)) == outcome(
        lambda: nps_interval(answers, confidence=exact(confidence))
    )


# rules L1, L3, L4 ---------------------------------------------------------------------------

_LIFECYCLE_RATIOS = (
    "growth",
    "horizon_multiple",
    "overdue_multiple",
    "frequency_drop",
    "spend_drop",
)


@given(st.sampled_from(_LIFECYCLE_RATIOS), st.floats(min_value=-1, max_value=10))
def test_lifecycle_policy_of_a_float_ratio_is_that_of_its_decimal(field: str, x: float) -> None:
    floats: dict[str, Any] = {field: x}
    decimals: dict[str, Any] = {field: exact(x)}
    made = outcome(lambda: LifecyclePolicy(**floats))
    assert made == outcome(lambda: LifecyclePolicy(**decimals))
    if isinstance(made, LifecyclePolicy):
        assert made.fingerprint() == LifecyclePolicy(**decimals).fingerprint()
        assert LifecyclePolicy.from_dict(floats) == made


# rules T2, S3, C6 ---------------------------------------------------------------------------


@st.composite
def cent_shares(draw: st.DrawFn) -> tuple[int, int, int, int]:
    """Four whole percentages above zero summing to 100."""
    cuts = sorted(draw(st.lists(st.integers(1, 99), min_size=3, max_size=3, unique=True)))
    return (cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], 100 - cuts[2])


@given(cent_shares(), st.lists(st.integers(-5, 50), min_size=1, max_size=30))
def test_tier_policy_of_float_shares_is_that_of_their_decimals(
    percents: tuple[int, int, int, int], values: list[int]
) -> None:
    floats = tuple(p / 100 for p in percents)
    policy = TierPolicy(shares=floats)
    decimals = TierPolicy(shares=tuple(exact(x) for x in floats))
    assert policy == decimals
    assert policy.fingerprint() == decimals.fingerprint()
    portfolio = {f"c-{i}": v for i, v in enumerate(values)}
    assert tier_portfolio(portfolio, policy=policy) == tier_portfolio(portfolio, policy=decimals)


@given(st.floats(min_value=0, max_value=2))
def test_service_policy_of_a_float_share_is_that_of_its_decimal(share: float) -> None:
    made = outcome(lambda: ServicePolicy(reach_share=share))
    assert made == outcome(lambda: ServicePolicy(reach_share=exact(share)))


@given(st.dictionaries(st.sampled_from(["a", "b", "c"]), st.floats(-1, 100), min_size=1))
def test_assignment_by_float_weights_is_that_by_their_decimals(weights: dict[str, float]) -> None:
    leads = [f"l-{i}" for i in range(10)]
    decimals = {rep: exact(w) for rep, w in weights.items()}
    assert outcome(lambda: assign_balanced(leads, weights)) == outcome(
        lambda: assign_balanced(leads, decimals)
    )


# nan, infinities and bools are refused by name -----------------------------------------------

RATIO_CALLS: list[tuple[str, Callable[[object], object]]] = [
    ("attachment", lambda x: loyalty_quadrant(x, 1)),  # type: ignore[arg-type]
    ("threshold", lambda x: loyalty_quadrant(1, 1, threshold=x)),  # type: ignore[arg-type]
    ("experience", lambda x: satisfaction(x, 5)),  # type: ignore[arg-type]
    ("high", lambda x: satisfaction(5, 5, high=x)),  # type: ignore[arg-type]
    ("share", lambda x: satisfaction_bands({}, share=x)),  # type: ignore[arg-type]
    ("values['a']", lambda x: satisfaction_bands({"a": x})),  # type: ignore[dict-item]
    ("confidence", lambda x: nps_interval([9], confidence=x)),  # type: ignore[arg-type]
    ("LoyaltyMeasures.price_sensitivity", lambda x: LoyaltyMeasures(price_sensitivity=x)),  # type: ignore[arg-type]
    ("SatisfactionMeasures.awareness", lambda x: SatisfactionMeasures(awareness=x)),  # type: ignore[arg-type]
    ("LoyaltyPolicy.price_weight", lambda x: LoyaltyPolicy(price_weight=x)),  # type: ignore[arg-type]
    ("SatisfactionPolicy.amount_weight", lambda x: SatisfactionPolicy(amount_weight=x)),  # type: ignore[arg-type]
    ("LifecyclePolicy.growth", lambda x: LifecyclePolicy(growth=x)),  # type: ignore[arg-type]
    ("LifecyclePolicy.spend_drop", lambda x: LifecyclePolicy(spend_drop=x)),  # type: ignore[arg-type]
    ("ServicePolicy.reach_share", lambda x: ServicePolicy(reach_share=x)),  # type: ignore[arg-type]
    ("TierPolicy.shares[0]", lambda x: TierPolicy(shares=(x, 0.2, 0.3, 0.5))),  # type: ignore[arg-type]
    ("reps['a']", lambda x: assign_balanced(["l-1"], {"a": x})),  # type: ignore[dict-item]
]


@pytest.mark.parametrize("value", NOT_FINITE, ids=repr)
@pytest.mark.parametrize(("field", "call"), RATIO_CALLS, ids=[f for f, _ in RATIO_CALLS])
def test_nan_infinities_and_bools_are_refused_naming_the_field(
    field: str, call: Callable[[object], object], value: object
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call(value)
    assert caught.value.field == field
    assert caught.value.value is value
    assert "finite number" in caught.value.expected


# money keeps refusing floats ----------------------------------------------------------------

AT = datetime(2026, 11, 2, tzinfo=UTC)
MONEY_CALLS: list[tuple[str, Callable[[float], object]]] = [
    (
        "Purchase.amount",
        lambda x: Purchase(customer_id="c-1", at=AT, product="tea", amount=x),  # type: ignore[arg-type]
    ),
    ("LoyaltyMeasures.spend", lambda x: LoyaltyMeasures(spend=x)),  # type: ignore[arg-type]
    ("LoyaltyMeasures.choosing_days", lambda x: LoyaltyMeasures(choosing_days=x)),  # type: ignore[arg-type]
    ("SatisfactionMeasures.purchase_amount", lambda x: SatisfactionMeasures(purchase_amount=x)),  # type: ignore[arg-type]
    ("LoyaltyPolicy.spend_full", lambda x: LoyaltyPolicy(spend_full=x)),  # type: ignore[arg-type]
    ("TotalCustomerValue.product", lambda x: TotalCustomerValue(product=x)),  # type: ignore[arg-type]
    ("amount", lambda x: is_important(x, threshold=1)),  # type: ignore[arg-type]
    ("values['a']", lambda x: tier_portfolio({"a": x})),  # type: ignore[dict-item]
]


@given(st.floats(min_value=0, max_value=1e9), st.sampled_from(MONEY_CALLS))
def test_money_still_refuses_any_float(
    x: float, named: tuple[str, Callable[[float], object]]
) -> None:
    field, call = named
    with pytest.raises(InvalidInputError) as caught:
        call(x)
    assert caught.value.field == field
    assert "floats cannot hold money exactly" in caught.value.hint


@given(st.floats(min_value=0, max_value=1e9))
def test_from_dict_refuses_a_float_for_money_and_takes_one_for_a_share(x: float) -> None:
    with pytest.raises(InvalidInputError) as caught:
        from_dict(Purchase, {"customer_id": "c", "at": AT.isoformat(), "product": "p", "amount": x})
    assert caught.value.field == "amount"
    share = x / 1e9
    assert from_dict(SatisfactionMeasures, {"awareness": share}).awareness == exact(share)
