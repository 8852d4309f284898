"""Loyalty (rules Y1-Y3): the measures, the policy, the score, the quadrant and the types;
boundary tables and refusals.
"""

from datetime import UTC, date, datetime
from decimal import Decimal, localcontext
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel.errors import InvalidInputError, PolicyError
from custrel.labels import label
from custrel.loyalty import (
    DEFAULT_LOYALTY,
    DEFAULT_SATISFACTION,
    LoyaltyKind,
    LoyaltyMeasure,
    LoyaltyMeasures,
    LoyaltyPolicy,
    LoyaltyQuadrant,
    LoyaltySignals,
    _scoring,
    explain_loyalty,
    loyalty_kind,
    loyalty_quadrant,
    loyalty_score,
)
from custrel.models import Purchase
from tests._values import D

AS_OF = date(2026, 3, 31)


def bought(
    day: int, amount: int, *, refund: bool = False, customer_id: str = "c-1", month: int = 3
) -> Purchase:
    return Purchase(
        customer_id=customer_id,
        at=datetime(2026, month, day, 10, tzinfo=UTC),
        product="tea",
        amount=amount,
        refund=refund,
    )


# rule Y1: the measures ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("repeat_purchases", -1, "an int >= 0 or None"),
        ("repeat_purchases", True, "an int >= 0 or None"),
        ("choosing_days", D(-1), "a finite Decimal or int >= 0 or None"),
        ("choosing_days", 1.5, "a finite Decimal or int >= 0 or None"),
        ("price_sensitivity", D("1.01"), "a finite number in 0..1 or None"),
        ("competitor_interest", -1, "a finite number in 0..1 or None"),
        ("quality_tolerance", D("NaN"), "a finite number in 0..1 or None"),
        ("quality_tolerance", True, "a finite number in 0..1 or None"),
        ("spend", 10.0, "a finite Decimal or int or None"),
        ("spend", "10", "a finite Decimal or int or None"),
    ],
)
def test_measures_refuse_values_off_their_range(field: str, value: Any, expected: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        LoyaltyMeasures(**{field: value})
    assert info.value.field == f"LoyaltyMeasures.{field}"
    assert info.value.expected == expected


def test_measures_take_ints_as_exact_decimals_and_allow_negative_spend() -> None:
    m = LoyaltyMeasures(price_sensitivity=1, spend=-20, choosing_days=0)
    assert (m.price_sensitivity, m.spend, m.choosing_days) == (D(1), D(-20), D(0))


def test_from_purchases_counts_repeats_and_nets_refunds() -> None:
    """Rule Y1: a refund lowers spend and is not a purchase; the first sale is no repeat."""
    history = [bought(1, 100), bought(9, 300), bought(10, 50, refund=True), bought(20, 70)]
    assert LoyaltyMeasures.from_purchases(history, as_of=AS_OF) == LoyaltyMeasures(
        repeat_purchases=2, spend=D(420), silent_days=11
    )


def test_from_purchases_leaves_out_purchases_after_as_of() -> None:
    history = [bought(31, 100), bought(1, 5, month=4)]
    measures = LoyaltyMeasures.from_purchases(history, as_of=AS_OF)
    assert (measures.repeat_purchases, measures.spend) == (0, D(100))


def test_from_purchases_of_nothing_is_a_known_zero() -> None:
    assert LoyaltyMeasures.from_purchases([], as_of=AS_OF) == LoyaltyMeasures(
        repeat_purchases=0, spend=D(0)
    )


def test_refunds_alone_give_negative_spend_and_no_repeat() -> None:
    measures = LoyaltyMeasures.from_purchases([bought(3, 40, refund=True)], as_of=AS_OF)
    assert (measures.repeat_purchases, measures.spend) == (0, D(-40))


@attrs.frozen(kw_only=True)
class _OrderLine(Purchase):
    """A purchase record with an order id, as ``Purchase`` may carry one."""

    order_id: str | None = None


def test_lines_of_one_order_are_one_purchase() -> None:
    at = datetime(2026, 3, 2, tzinfo=UTC)
    lines = [
        _OrderLine(customer_id="c-1", at=at, product=p, amount=1, order_id=o)
        for p, o in (("tea", "o-1"), ("cup", "o-1"), ("pot", "o-2"), ("tray", None))
    ]
    assert LoyaltyMeasures.from_purchases(lines, as_of=AS_OF).repeat_purchases == 2


@pytest.mark.parametrize(
    ("purchases", "as_of", "field"),
    [
        ([], "2026-03-31", "as_of"),
        ("purchases", AS_OF, "purchases"),
        ([bought(1, 1), "sale"], AS_OF, "purchases[1]"),
        ([bought(1, 1), bought(2, 1, customer_id="c-2")], AS_OF, "purchases[1].customer_id"),
    ],
)
def test_from_purchases_refuses_bad_input(purchases: object, as_of: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        LoyaltyMeasures.from_purchases(purchases, as_of=as_of)  # type: ignore[arg-type]
    assert info.value.field == field


def test_get_refuses_a_string() -> None:
    with pytest.raises(InvalidInputError, match="measure: expected a LoyaltyMeasure"):
        LoyaltyMeasures().get("spend")  # type: ignore[arg-type]


# rule Y1: the policy ----------------------------------------------------------------------------


def test_policy_round_trips_and_fingerprints() -> None:
    policy = LoyaltyPolicy(spend_weight=2, spend_full=D("500.00"))
    assert LoyaltyPolicy.from_dict(policy.to_dict()) == policy
    assert policy.fingerprint() == LoyaltyPolicy(spend_weight=2, spend_full=500).fingerprint()
    assert policy.fingerprint() != DEFAULT_LOYALTY.fingerprint()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"price_weight": -1}, "LoyaltyPolicy.price_weight"),
        ({"price_weight": float("nan")}, "LoyaltyPolicy.price_weight"),
        ({"price_weight": -0.5}, "LoyaltyPolicy.price_weight"),
        ({"repeat_full": 0}, "LoyaltyPolicy.repeat_full"),
        ({"choosing_days_limit": 0}, "LoyaltyPolicy.choosing_days_limit"),
        ({"spend_full": -5}, "LoyaltyPolicy.spend_full"),
        (
            dict.fromkeys((f"{m}_weight" for m in ("repeat", "choosing", "price")), 0)
            | dict.fromkeys((f"{m}_weight" for m in ("competitor", "tolerance", "spend")), 0),
            "LoyaltyPolicy.repeat_weight",
        ),
    ],
)
def test_policy_refuses_bad_values(changes: dict[str, object], field: str) -> None:
    with pytest.raises(PolicyError) as info:
        LoyaltyPolicy(**changes)  # type: ignore[arg-type]
    assert info.value.field == field


def test_policy_from_dict_names_every_wrong_field() -> None:
    with pytest.raises(PolicyError) as info:
        LoyaltyPolicy.from_dict({"spend_weight": "x", "spend_full": "y", "weights": 1})
    assert {e.field for e in info.value.errors} == {"spend_weight", "spend_full", "weights"}


@pytest.mark.parametrize(
    ("measure", "value", "points"),
    [
        # repeat purchases: full points at 12 (the default), more stays at 1
        (LoyaltyMeasure.REPEAT_PURCHASES, 0, D(0)),
        (LoyaltyMeasure.REPEAT_PURCHASES, 11, D(11) / 12),
        (LoyaltyMeasure.REPEAT_PURCHASES, 12, D(1)),
        (LoyaltyMeasure.REPEAT_PURCHASES, 13, D(1)),
        # choosing: no points from 30 days on
        (LoyaltyMeasure.CHOOSING_DAYS, D(0), D(1)),
        (LoyaltyMeasure.CHOOSING_DAYS, D("29.97"), D("0.001")),
        (LoyaltyMeasure.CHOOSING_DAYS, D(30), D(0)),
        (LoyaltyMeasure.CHOOSING_DAYS, D(31), D(0)),
        (LoyaltyMeasure.PRICE_SENSITIVITY, D("0.25"), D("0.75")),
        (LoyaltyMeasure.COMPETITOR_INTEREST, D(1), D(0)),
        (LoyaltyMeasure.QUALITY_TOLERANCE, D("0.4"), D("0.4")),
        # spend: full points at 10,000; a negative net spend earns nothing
        (LoyaltyMeasure.SPEND, D(-1), D(0)),
        (LoyaltyMeasure.SPEND, D("9999.99"), D("0.999999")),
        (LoyaltyMeasure.SPEND, D(10_000), D(1)),
        (LoyaltyMeasure.SPEND, D(10_001), D(1)),
    ],
)
def test_points_follow_rule_y1(measure: LoyaltyMeasure, value: Decimal, points: Decimal) -> None:
    assert DEFAULT_LOYALTY.points(measure, value) == points


def test_points_and_weight_refuse_a_string() -> None:
    with pytest.raises(InvalidInputError):
        DEFAULT_LOYALTY.points("spend", 1)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        DEFAULT_LOYALTY.weight("spend")  # type: ignore[arg-type]


# rule Y1: the score -----------------------------------------------------------------------------


def test_full_marks_on_every_measure_score_100() -> None:
    best = LoyaltyMeasures(
        repeat_purchases=12,
        choosing_days=0,
        price_sensitivity=0,
        competitor_interest=0,
        quality_tolerance=1,
        spend=10_000,
    )
    assert loyalty_score(best) == D("100.00")


def test_no_points_on_every_measure_score_0() -> None:
    worst = LoyaltyMeasures(
        repeat_purchases=0,
        choosing_days=30,
        price_sensitivity=1,
        competitor_interest=1,
        quality_tolerance=0,
        spend=-5,
    )
    assert loyalty_score(worst) == D("0.00")


def test_unknown_measures_are_renormalised_not_zero() -> None:
    """An unknown measure's weight is shared; it does not count as no points."""
    assert loyalty_score(LoyaltyMeasures(quality_tolerance=1)) == D("100.00")
    assert loyalty_score(LoyaltyMeasures(quality_tolerance=1, spend=0)) == D("50.00")


def test_weights_weigh() -> None:
    policy = LoyaltyPolicy(tolerance_weight=3)
    assert loyalty_score(LoyaltyMeasures(quality_tolerance=1, spend=0), policy=policy) == D("75.00")


def test_the_score_rounds_to_two_decimals() -> None:
    measures = LoyaltyMeasures(repeat_purchases=1, spend=0, quality_tolerance=0)
    assert loyalty_score(measures) == D("2.78")  # 100 * (1/12) / 3 = 2.777...


def test_the_score_ignores_the_callers_decimal_context() -> None:
    measures = LoyaltyMeasures(repeat_purchases=1, spend=0, quality_tolerance=0)
    with localcontext(prec=3):
        assert loyalty_score(measures) == D("2.78")


@pytest.mark.parametrize(
    ("measures", "policy"),
    [
        (LoyaltyMeasures(), DEFAULT_LOYALTY),
        (LoyaltyMeasures(spend=5), LoyaltyPolicy(spend_weight=0)),
    ],
)
def test_nothing_known_with_weight_is_refused(
    measures: LoyaltyMeasures, policy: LoyaltyPolicy
) -> None:
    with pytest.raises(InvalidInputError, match="at least one known measure"):
        loyalty_score(measures, policy=policy)


def test_score_refuses_wrong_types() -> None:
    with pytest.raises(InvalidInputError, match="measures: expected a LoyaltyMeasures"):
        loyalty_score({"spend": 1})  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="policy: expected a LoyaltyPolicy"):
        loyalty_score(LoyaltyMeasures(spend=1), policy=DEFAULT_SATISFACTION)  # type: ignore[arg-type]


def test_explanation_lists_contributions_missing_and_fingerprint() -> None:
    why = explain_loyalty(LoyaltyMeasures(repeat_purchases=6, price_sensitivity=D("0.2")))
    assert why.score == D("65.00")
    assert [c.measure for c in why.contributions] == [
        LoyaltyMeasure.REPEAT_PURCHASES,
        LoyaltyMeasure.PRICE_SENSITIVITY,
    ]
    assert [c.contribution for c in why.contributions] == [D("25.00"), D("40.00")]
    assert [c.weight for c in why.contributions] == [D("0.5"), D("0.5")]
    assert len(why.missing) == 4
    assert why.rules == ("Y1",)
    assert why.policy_fingerprint == DEFAULT_LOYALTY.fingerprint()
    assert why.contributions[0].reason_en == "repeat purchases 6: points 0.5 · weight 50% = 25.00"
    assert "未知指标" in why.reason_zh


def test_explanation_with_every_measure_known_names_none_missing() -> None:
    everything = LoyaltyMeasures(
        repeat_purchases=3,
        choosing_days=D("1.5"),
        price_sensitivity=D("0.5"),
        competitor_interest=D("0.5"),
        quality_tolerance=D("0.5"),
        spend=D("2500.00"),
    )
    why = explain_loyalty(everything)
    assert why.missing == ()
    assert why.reason_en == f"loyalty {why.score} of 100 from 6 of 6 measures"
    assert why.reason_zh == f"忠诚度 {why.score}/100，依据6项指标中的6项"
    assert sum(c.weight for c in why.contributions) == 1
    assert abs(sum(c.contribution for c in why.contributions) - why.score) <= D("0.06")
    assert why.contributions[-1].reason_zh.startswith(label(LoyaltyMeasure.SPEND, "zh") + " 2500")


# rule Y3 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attachment", "repeat", "quadrant"),
    [
        (D("0.5"), D("0.5"), LoyaltyQuadrant.TRUE),  # the threshold itself is high
        (D(1), D(1), LoyaltyQuadrant.TRUE),
        (D("0.5"), D("0.499"), LoyaltyQuadrant.LATENT),
        (D("0.499"), D("0.5"), LoyaltyQuadrant.SPURIOUS),
        (D("0.499"), D("0.499"), LoyaltyQuadrant.NONE),
        (0, 0, LoyaltyQuadrant.NONE),
    ],
)
def test_quadrant_table(attachment: Decimal, repeat: Decimal, quadrant: LoyaltyQuadrant) -> None:
    assert loyalty_quadrant(attachment, repeat) is quadrant


def test_quadrant_threshold_is_a_keyword() -> None:
    assert loyalty_quadrant(D("0.7"), D("0.7"), threshold=D("0.8")) is LoyaltyQuadrant.NONE
    assert loyalty_quadrant(D("0.8"), D(1), threshold=D("0.8")) is LoyaltyQuadrant.TRUE


@pytest.mark.parametrize(
    ("attachment", "repeat", "threshold", "field"),
    [
        (D("1.1"), D(0), D("0.5"), "attachment"),
        (D(0), "0.5", D("0.5"), "repeat"),
        (D(0), D(0), D(0), "threshold"),
        (D(0), D(0), D("1.5"), "threshold"),
        (D(0), D(0), 1.5, "threshold"),
        (0.5, D(0), float("inf"), "threshold"),
        (float("nan"), D(0), D("0.5"), "attachment"),
        (D(0), D(0), D("NaN"), "threshold"),
    ],
)
def test_quadrant_refuses_bad_input(
    attachment: object, repeat: object, threshold: object, field: str
) -> None:
    with pytest.raises(InvalidInputError) as info:
        loyalty_quadrant(attachment, repeat, threshold=threshold)  # type: ignore[arg-type]
    assert info.value.field == field


# rule Y2 --------------------------------------------------------------------------------------


def signals(**given: bool) -> LoyaltySignals:
    plain = dict.fromkeys(
        (
            "avoids_switching",
            "price_driven",
            "promotion_driven",
            "recommends",
            "pays_full_price",
        ),
        False,
    )
    return LoyaltySignals(**{"has_alternatives": True, **plain, **given})


@pytest.mark.parametrize(
    ("given", "kind"),
    [
        ({}, None),
        ({"has_alternatives": False}, LoyaltyKind.MONOPOLY),
        ({"has_alternatives": False, "recommends": True, "pays_full_price": True}, "monopoly"),
        ({"recommends": True, "pays_full_price": True}, LoyaltyKind.PREMIUM),
        ({"recommends": True, "pays_full_price": True, "promotion_driven": True}, "premium"),
        ({"recommends": True, "pays_full_price": True, "price_driven": True}, "premium"),
        ({"recommends": True}, None),  # recommends but waits for discounts: not premium
        ({"pays_full_price": True}, None),
        ({"recommends": True, "promotion_driven": True}, LoyaltyKind.INCENTIVE),
        ({"promotion_driven": True, "price_driven": True}, LoyaltyKind.INCENTIVE),
        ({"price_driven": True, "avoids_switching": True}, LoyaltyKind.PRICE),
        ({"avoids_switching": True}, LoyaltyKind.INERTIA),
    ],
)
def test_kind_precedence(given: dict[str, bool], kind: LoyaltyKind | None) -> None:
    """Rule Y2: monopoly, premium, incentive, price, inertia; first match wins."""
    assert loyalty_kind(signals(**given)) == kind


def test_kind_refuses_a_dict() -> None:
    with pytest.raises(InvalidInputError, match="signals: expected a LoyaltySignals"):
        loyalty_kind({"has_alternatives": False})  # type: ignore[arg-type]


# shared checks --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [D(0), D(-1)])
def test_positive_refuses_zero_and_below(value: Decimal) -> None:
    with pytest.raises(InvalidInputError) as info:
        _scoring.positive("x", value)
    # the message says > 0, not the >= 0 of money in general
    assert str(info.value) == f"x: expected a finite Decimal or int > 0, got Decimal {value!r}"


# Hypothesis knows the new models --------------------------------------------------------------


@given(st.from_type(LoyaltyMeasures), st.from_type(LoyaltySignals))
def test_from_type_knows_loyalty_models(measures: LoyaltyMeasures, sig: LoyaltySignals) -> None:
    assert measures.repeat_purchases is None or measures.repeat_purchases >= 0
    assert isinstance(sig.recommends, bool)


@pytest.mark.parametrize(
    ("measure", "value", "field"),
    [
        (LoyaltyMeasure.SPEND, 1.5, "LoyaltyMeasures.spend"),
        (LoyaltyMeasure.REPEAT_PURCHASES, D(2), "LoyaltyMeasures.repeat_purchases"),
        (LoyaltyMeasure.QUALITY_TOLERANCE, None, "LoyaltyMeasures.quality_tolerance"),
    ],
)
def test_points_refuse_values_the_measures_refuse(
    measure: LoyaltyMeasure, value: Any, field: str
) -> None:
    with pytest.raises(InvalidInputError) as info:
        DEFAULT_LOYALTY.points(measure, value)
    assert info.value.field == field
