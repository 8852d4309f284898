"""Rules Y1, Y4-Y6: loyalty scores, points, satisfaction and delivered value do not depend on the
caller's decimal context.
"""

import decimal

import pytest

from custrel.loyalty import (
    LoyaltyMeasure,
    LoyaltyMeasures,
    LoyaltyPolicy,
    SatisfactionBand,
    SatisfactionMeasures,
    TotalCustomerCost,
    TotalCustomerValue,
    delivered_value,
    explain_loyalty,
    loyalty_score,
    satisfaction_bands,
    satisfaction_index,
)
from tests._scant_context import SCANT
from tests._values import D


@pytest.mark.parametrize(
    "rounding", [decimal.ROUND_HALF_EVEN, decimal.ROUND_UP, decimal.ROUND_DOWN]
)
def test_y6_satisfaction_bands_do_not_depend_on_the_callers_decimal_context(
    rounding: str,
) -> None:
    """19 customers at 15 %: share · n is 2.85, so two are marked at each end."""
    values = {f"c-{i}": i for i in range(1, 20)}
    expected = satisfaction_bands(values)
    with decimal.localcontext(prec=1, rounding=rounding):
        assert satisfaction_bands(values) == expected
    assert [cid for cid, band in expected.items() if band is SatisfactionBand.MOST] == [
        "c-18",
        "c-19",
    ]
    assert [cid for cid, band in expected.items() if band is SatisfactionBand.LEAST] == [
        "c-1",
        "c-2",
    ]


FINE_MEASURES = LoyaltyMeasures(
    repeat_purchases=5,
    choosing_days=D("2.345"),
    price_sensitivity=D("0.1234"),
    competitor_interest=D("0.0101"),
    quality_tolerance=D("0.9876"),
    spend=D("1234.56"),
)


def test_y1_loyalty_score_does_not_depend_on_the_callers_decimal_context() -> None:
    expected = loyalty_score(FINE_MEASURES)
    with decimal.localcontext(SCANT):
        assert loyalty_score(FINE_MEASURES) == expected


@pytest.mark.parametrize("measure", list(LoyaltyMeasure))
def test_y1_points_do_not_depend_on_the_callers_decimal_context(
    measure: LoyaltyMeasure,
) -> None:
    value = FINE_MEASURES.get(measure)
    assert value is not None
    expected = LoyaltyPolicy().points(measure, value)
    with decimal.localcontext(SCANT):
        assert LoyaltyPolicy().points(measure, value) == expected


def test_y1_explanation_does_not_depend_on_the_callers_decimal_context() -> None:
    policy = LoyaltyPolicy(repeat_weight=D("2.5"), spend_weight=D("0.125"))
    expected = explain_loyalty(FINE_MEASURES, policy=policy)
    with decimal.localcontext(SCANT):
        assert explain_loyalty(FINE_MEASURES, policy=policy) == expected
    assert expected.contributions[0].reason_en == (
        "repeat purchases 5: points 0.4167 · weight 37.74% = 15.72"
    )


def test_y4_satisfaction_index_does_not_depend_on_the_callers_decimal_context() -> None:
    measures = SatisfactionMeasures(
        reputation=D("0.8765"),
        complaint_rate=D("0.1234"),
        price_sensitivity=D("0.4321"),
        purchase_amount=D("1234.56"),
    )
    expected = satisfaction_index(measures)
    with decimal.localcontext(SCANT):
        assert satisfaction_index(measures) == expected


def test_y5_delivered_value_is_exact_in_any_decimal_context() -> None:
    value = TotalCustomerValue(
        product=D("800.25"), service=D("150.50"), personnel=D("30.05"), image=D("19.99")
    )
    cost = TotalCustomerCost(money=D("699.99"), time=D("50.01"), energy=D("20.5"), physical=1)
    with decimal.localcontext(SCANT):
        assert (value.total, cost.total, delivered_value(value, cost)) == (
            D("1000.79"),
            D("771.50"),
            D("229.29"),
        )
