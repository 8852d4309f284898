"""Rule Y1: the shares of a loyalty score, its points, its contributions and the bounds of its
score.
"""

from decimal import Decimal

import attrs
import pytest

from custrel.loyalty import DEFAULT_LOYALTY, LoyaltyMeasure, LoyaltyMeasures, explain_loyalty
from tests._call_refusals import Refusal, check_refusal
from tests._values import D

# custrel.loyalty._scoring: the shares of rule Y1 --------------------------------------------------

_SHARE = "expected a finite number in 0..1 or None"

SHARE_REFUSALS = [
    Refusal(
        lambda: LoyaltyMeasures(price_sensitivity=D(2)),
        "LoyaltyMeasures.price_sensitivity",
        D(2),
        f"LoyaltyMeasures.price_sensitivity: {_SHARE}, got Decimal Decimal('2')",
    ),
    Refusal(
        lambda: LoyaltyMeasures(competitor_interest=D("-0.5")),
        "LoyaltyMeasures.competitor_interest",
        D("-0.5"),
        f"LoyaltyMeasures.competitor_interest: {_SHARE}, got Decimal Decimal('-0.5')",
    ),
    Refusal(
        lambda: LoyaltyMeasures(quality_tolerance=D("1.01")),
        "LoyaltyMeasures.quality_tolerance",
        D("1.01"),
        f"LoyaltyMeasures.quality_tolerance: {_SHARE}, got Decimal Decimal('1.01')",
    ),
]


@pytest.mark.parametrize("refusal", SHARE_REFUSALS)
def test_rule_y1_a_share_out_of_0_to_1_is_refused_whole(refusal: Refusal) -> None:
    """Rule Y1: the optional shares say "or None" in their refusal."""
    check_refusal(refusal)


def test_rule_y1_unknown_shares_are_none_and_known_ones_are_kept() -> None:
    measures = LoyaltyMeasures(
        price_sensitivity=None, competitor_interest=D(0), quality_tolerance=D(1)
    )
    assert measures.price_sensitivity is None
    assert measures.competitor_interest == 0
    assert measures.quality_tolerance == 1


class _TaggedDecimal(Decimal):
    """A caller's own ``Decimal`` subclass."""


def test_rule_y1_a_decimal_tolerance_is_its_own_points_unconverted() -> None:
    """Rule Y1: tolerance earns itself as points; only an int is converted on the way.

    ``Decimal(d)`` of a plain ``Decimal`` gives ``d`` back, so only a subclass shows
    whether a ``Decimal`` is rebuilt.
    """
    tolerance = _TaggedDecimal("0.35")
    assert DEFAULT_LOYALTY.points(LoyaltyMeasure.QUALITY_TOLERANCE, tolerance) is tolerance
    assert DEFAULT_LOYALTY.points(LoyaltyMeasure.QUALITY_TOLERANCE, 1) == D(1)


# custrel._loyalty_score: explain_loyalty (rule Y1) ------------------------------------------------


def test_rule_y1_each_contribution_carries_the_measures_value() -> None:
    why = explain_loyalty(LoyaltyMeasures(repeat_purchases=6, choosing_days=3, spend=D("2500")))
    assert [(p.measure, p.value) for p in why.contributions] == [
        (LoyaltyMeasure.REPEAT_PURCHASES, D(6)),
        (LoyaltyMeasure.CHOOSING_DAYS, D(3)),
        (LoyaltyMeasure.SPEND, D(2500)),
    ]
    assert all(type(p.value) is Decimal for p in why.contributions)


# custrel._loyalty_score._check_score: a score in 0..100, both ends included (rule Y1) -------------


@pytest.mark.parametrize("score", [D(0), D("0.00"), D(100), D("100.00")])
def test_y1_loyalty_explanation_score_bounds_are_inside(score: Decimal) -> None:
    """Rule Y1: a loyalty score of exactly 0 or exactly 100 is a valid score."""
    why = explain_loyalty(LoyaltyMeasures(repeat_purchases=12, spend=0))
    assert attrs.evolve(why, score=score).score == score
