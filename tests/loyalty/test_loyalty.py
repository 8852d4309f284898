"""Loyalty and satisfaction (rules Y1-Y6): boundary tables and refusals."""

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
    SatisfactionBand,
    SatisfactionMeasures,
    SatisfactionPolicy,
    TotalCustomerCost,
    TotalCustomerValue,
    _scoring,
    delivered_value,
    explain_loyalty,
    loyalty_kind,
    loyalty_quadrant,
    loyalty_score,
    nps,
    nps_interval,
    satisfaction,
    satisfaction_bands,
    satisfaction_index,
)
from custrel.models import Purchase
from custrel.serialize import from_dict, to_dict

D = Decimal
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
        ("price_sensitivity", D("1.01"), "a Decimal or int in 0..1 or None"),
        ("competitor_interest", -1, "a Decimal or int in 0..1 or None"),
        ("quality_tolerance", D("NaN"), "a Decimal or int in 0..1 or None"),
        ("quality_tolerance", True, "a Decimal or int in 0..1 or None"),
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
        repeat_purchases=2, spend=D(420)
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
        ({"price_weight": 0.5}, "LoyaltyPolicy.price_weight"),
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
        (D(0), D(0), 0.5, "threshold"),
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


# rule Y4 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("experience", "expectation", "result"),
    [
        (8, 7, D(1)),
        (7, 8, D(-1)),
        (D("7.5"), D("7.5"), D(0)),
        (10, 0, D(10)),
        (0, 10, D(-10)),
    ],
)
def test_satisfaction_is_experience_minus_expectation(
    experience: Decimal, expectation: Decimal, result: Decimal
) -> None:
    assert satisfaction(experience, expectation) == result


def test_satisfaction_on_another_scale() -> None:
    assert satisfaction(5, 1, low=1, high=5) == D(4)
    assert satisfaction(D("-2"), D(2), low=-3, high=3) == D(-4)


@pytest.mark.parametrize(
    ("experience", "expectation", "low", "high", "field"),
    [
        (11, 5, 0, 10, "experience"),
        (5, -1, 0, 10, "expectation"),
        (7.5, 5, 0, 10, "experience"),
        (True, 5, 0, 10, "experience"),
        ("7", 5, 0, 10, "experience"),
        (D("NaN"), 5, 0, 10, "experience"),
        (5, 5, 5, 5, "high"),
        (5, 5, 0, 2.5, "high"),
        (5, 5, None, 10, "low"),
    ],
)
def test_satisfaction_refuses_bad_ratings(
    experience: object, expectation: object, low: object, high: object, field: str
) -> None:
    with pytest.raises(InvalidInputError) as info:
        satisfaction(experience, expectation, low=low, high=high)  # type: ignore[arg-type]
    assert info.value.field == field


def test_satisfaction_float_hint_names_the_decimal() -> None:
    with pytest.raises(InvalidInputError, match=r"pass Decimal\('7.5'\)"):
        satisfaction(7.5, 5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("measures", "index"),
    [
        (SatisfactionMeasures(reputation=D("0.8")), D("80.00")),
        (SatisfactionMeasures(awareness=D("0.3")), D("30.00")),
        (SatisfactionMeasures(return_rate=1), D("100.00")),
        (SatisfactionMeasures(complaint_rate=D("0.05")), D("95.00")),
        (SatisfactionMeasures(price_sensitivity=D("0.9")), D("10.00")),
        (SatisfactionMeasures(purchase_amount=5_000), D("50.00")),
        (SatisfactionMeasures(purchase_amount=20_000), D("100.00")),
        (SatisfactionMeasures(return_rate=D("0.6"), complaint_rate=D("0.1")), D("75.00")),
    ],
)
def test_satisfaction_index_points(measures: SatisfactionMeasures, index: Decimal) -> None:
    assert satisfaction_index(measures) == index


def test_satisfaction_index_weights_and_refusals() -> None:
    policy = SatisfactionPolicy(reputation_weight=3, awareness_weight=0)
    measures = SatisfactionMeasures(reputation=1, complaint_rate=1, awareness=0)
    assert satisfaction_index(measures, policy=policy) == D("75.00")
    with pytest.raises(InvalidInputError, match="at least one known measure"):
        satisfaction_index(SatisfactionMeasures(awareness=1), policy=policy)
    with pytest.raises(InvalidInputError, match="measures: expected a SatisfactionMeasures"):
        satisfaction_index(LoyaltyMeasures(spend=1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="policy: expected a SatisfactionPolicy"):
        satisfaction_index(SatisfactionMeasures(awareness=1), policy=DEFAULT_LOYALTY)  # type: ignore[arg-type]


def test_satisfaction_policy_refuses_a_zero_reference_and_round_trips() -> None:
    with pytest.raises(PolicyError, match=r"SatisfactionPolicy\.amount_full"):
        SatisfactionPolicy(amount_full=0)
    policy = SatisfactionPolicy(price_weight=D("0.5"))
    assert SatisfactionPolicy.from_dict(policy.to_dict()) == policy


# rule Y6 --------------------------------------------------------------------------------------


def _marked(bands: dict[str, SatisfactionBand], band: SatisfactionBand) -> set[str]:
    return {cid for cid, b in bands.items() if b is band}


def test_empty_portfolio_marks_nobody() -> None:
    assert satisfaction_bands({}) == {}


def test_one_customer_is_in_the_middle() -> None:
    assert satisfaction_bands({"c-1": 5}) == {"c-1": SatisfactionBand.MIDDLE}


@pytest.mark.parametrize(
    ("n", "marked"),
    [
        (6, 0),  # 0.15 * 6 = 0.9: nobody
        (7, 1),  # 1.05
        (20, 3),  # exactly 3
        (21, 3),  # 3.15
        (100, 15),
    ],
)
def test_distinct_values_mark_floor_of_15_percent(n: int, marked: int) -> None:
    bands = satisfaction_bands({f"c-{i:03}": i for i in range(n)})
    assert len(_marked(bands, SatisfactionBand.LEAST)) == marked
    assert len(_marked(bands, SatisfactionBand.MOST)) == marked
    assert _marked(bands, SatisfactionBand.MOST) == {f"c-{i:03}" for i in range(n - marked, n)}


def test_a_tie_block_inside_the_cut_is_marked_whole() -> None:
    values = {f"c-{i:02}": i for i in range(20)} | {"c-00": 1, "c-01": 1, "c-02": 1}
    assert _marked(satisfaction_bands(values), SatisfactionBand.LEAST) == {"c-00", "c-01", "c-02"}


def test_a_tie_block_straddling_the_cut_stays_in_the_middle() -> None:
    """20 customers, cut at 3: the four lowest tie, so none of them is marked."""
    values = {f"c-{i:02}": i for i in range(20)} | dict.fromkeys(("c-00", "c-01", "c-02"), 3)
    bands = satisfaction_bands(values)
    assert _marked(bands, SatisfactionBand.LEAST) == set()
    assert {bands[c] for c in ("c-00", "c-01", "c-02", "c-03")} == {SatisfactionBand.MIDDLE}
    assert len(_marked(bands, SatisfactionBand.MOST)) == 3


def test_all_equal_marks_nobody() -> None:
    bands = satisfaction_bands(dict.fromkeys((f"c-{i}" for i in range(50)), D("7.5")))
    assert set(bands.values()) == {SatisfactionBand.MIDDLE}


def test_share_is_a_keyword() -> None:
    bands = satisfaction_bands({f"c-{i}": i for i in range(10)}, share=D("0.5"))
    assert len(_marked(bands, SatisfactionBand.LEAST)) == 5
    assert len(_marked(bands, SatisfactionBand.MOST)) == 5


@pytest.mark.parametrize(
    ("values", "share", "field"),
    [
        ({"c-1": 1}, D(0), "share"),
        ({"c-1": 1}, D("0.51"), "share"),
        ({"c-1": 1}, 0.15, "share"),
        ([("c-1", 1)], D("0.15"), "values"),
        ({" ": 1}, D("0.15"), "values key"),
        ({"c-1": None}, D("0.15"), "values['c-1']"),
    ],
)
def test_bands_refuse_bad_input(values: object, share: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        satisfaction_bands(values, share=share)  # type: ignore[arg-type]
    assert info.value.field == field


# rule Y5 --------------------------------------------------------------------------------------


def test_delivered_value_is_value_minus_cost_to_the_cent() -> None:
    value = TotalCustomerValue(
        product=D("800.10"), service=D("0.20"), personnel=D(30), image=D("0.01")
    )
    cost = TotalCustomerCost(money=D("699.99"), time=D(50), energy=D("0.31"), physical=1)
    assert value.total == D("830.31")
    assert cost.total == D("751.30")
    assert delivered_value(value, cost) == D("79.01")
    assert delivered_value(TotalCustomerValue(), cost) == D("-751.30")


def test_delivered_value_refuses_swapped_or_float_parts() -> None:
    with pytest.raises(InvalidInputError, match="cost: expected a TotalCustomerCost"):
        delivered_value(TotalCustomerValue(), TotalCustomerValue())  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"TotalCustomerCost\.time"):
        TotalCustomerCost(time=1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"TotalCustomerValue\.image"):
        TotalCustomerValue(image=-1)


def test_parts_round_trip() -> None:
    value = TotalCustomerValue(product=D("1.50"))
    assert from_dict(TotalCustomerValue, to_dict(value)) == value


# NPS --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scores", "result"),
    [
        ([10] * 7, D(100)),  # all promoters
        ([0, 6, 3], D(-100)),  # all detractors
        ([7, 8], D(0)),  # all passives
        ([9], D(100)),  # one answer
        ([6], D(-100)),
        ([8], D(0)),
        ([9, 8, 7, 6], D(0)),  # the boundaries: 9 promotes, 7-8 pass, 6 detracts
        ([10, 9, 8, 7, 6, 0, 10, 9, 9, 3], D(20)),
        ((x for x in (10, 10, 0)), D(100) / 3),
    ],
)
def test_nps_textbook(scores: list[int], result: Decimal) -> None:
    assert nps(scores) == result


@pytest.mark.parametrize(
    ("scores", "field"),
    [
        ([], "scores"),
        ("9 10", "scores"),
        (9, "scores"),
        ([9, -1], "scores[1]"),
        ([11], "scores[0]"),
        ([True], "scores[0]"),
        ([9.0], "scores[0]"),
        ([D(9)], "scores[0]"),
        ([None], "scores[0]"),
    ],
)
def test_nps_refuses_bad_answers(scores: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        nps(scores)  # type: ignore[arg-type]
    assert info.value.field == field


def test_nps_hints_at_rounding_a_float_answer() -> None:
    with pytest.raises(InvalidInputError, match="round the answer"):
        nps([8.5])  # type: ignore[list-item]


def test_interval_counts_and_contains_the_score() -> None:
    r = nps_interval([10] * 40 + [8] * 40 + [3] * 20)
    assert (r.answers, r.promoters, r.passives, r.detractors) == (100, 40, 40, 20)
    assert r.low < r.score < r.high
    assert (r.low, r.high) == (D("4.80"), D("33.72"))
    assert r.confidence == D("0.95")


def test_interval_matches_the_adjusted_wald_formula() -> None:
    """n = 10: 5 promoters, 2 detractors; z² pseudo-answers, a third per category."""
    r = nps_interval([9] * 5 + [7] * 3 + [0] * 2, confidence=D("0.90"))
    z = 1.6448536269514722  # the 95th percentile of the standard normal
    m = 10 + z * z
    p, d = (5 + z * z / 3) / m, (2 + z * z / 3) / m
    half = z * ((p + d - (p - d) ** 2) / m) ** 0.5
    assert r.low == D(f"{(p - d - half) * 100:.2f}")
    assert r.high == D(f"{(p - d + half) * 100:.2f}")
    assert (r.low, r.high) == (D("-13.22"), D("60.45"))


@pytest.mark.parametrize(
    ("scores", "low", "high"),
    [
        ([10] * 1000, None, D("100.00")),  # clipped above
        ([0] * 1000, D("-100.00"), None),  # clipped below
        ([10, 10, 10], D("-15.18"), D("100.00")),  # three answers: wide, never zero width
    ],
)
def test_interval_is_clipped_and_never_collapses(
    scores: list[int], low: Decimal | None, high: Decimal | None
) -> None:
    r = nps_interval(scores)
    assert r.low < r.high
    assert low is None or r.low == low
    assert high is None or r.high == high
    assert r.low <= r.score <= r.high


@pytest.mark.parametrize("answer", [0, 10])
def test_a_single_unanimous_answer_is_the_documented_exception(answer: int) -> None:
    """The pseudo-answers pull one answer's interval so far in that it misses the score."""
    r = nps_interval([answer])
    assert not r.low <= r.score <= r.high
    assert r.small_sample


@pytest.mark.parametrize(("n", "small"), [(1, True), (29, True), (30, False), (31, False)])
def test_small_sample_flag_at_30(n: int, small: bool) -> None:
    assert nps_interval([9] * n).small_sample is small


def test_small_sample_bound_is_a_keyword() -> None:
    assert nps_interval([9] * 30, small=100).small_sample


@pytest.mark.parametrize(
    ("confidence", "small", "field"),
    [
        (D(0), 30, "confidence"),
        (D(1), 30, "confidence"),
        (0.95, 30, "confidence"),
        (D("Infinity"), 30, "confidence"),
        (D("0.95"), 0, "small"),
        (D("0.95"), True, "small"),
    ],
)
def test_interval_refuses_bad_tuning(confidence: object, small: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        nps_interval([9], confidence=confidence, small=small)  # type: ignore[arg-type]
    assert info.value.field == field


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
