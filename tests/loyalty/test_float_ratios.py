"""Rules Y1, Y3, Y4, Y6 and NPS (decision "Numbers"): ratios, shares, weights and ratings
given as floats answer exactly as the decimals they are written as."""

from decimal import Decimal

import attrs
import pytest

from custrel import from_dict, loads
from custrel.errors import InvalidInputError
from custrel.loyalty import (
    DEFAULT_LOYALTY,
    DEFAULT_SATISFACTION,
    LoyaltyMeasures,
    LoyaltyPolicy,
    LoyaltyQuadrant,
    SatisfactionBand,
    SatisfactionMeasures,
    SatisfactionPolicy,
    loyalty_quadrant,
    loyalty_score,
    nps_interval,
    satisfaction,
    satisfaction_bands,
    satisfaction_index,
)


def test_y3_quadrant_of_floats() -> None:
    """0.9 and 0.9 are true loyalty; 0.5 sits exactly on the threshold (inclusive)."""
    assert loyalty_quadrant(0.9, 0.9) is LoyaltyQuadrant.TRUE
    assert loyalty_quadrant(0.5, 0.49) is LoyaltyQuadrant.LATENT
    assert loyalty_quadrant(0.3, 0.7, threshold=0.3) is LoyaltyQuadrant.TRUE


def test_y3_a_float_threshold_compares_as_its_decimal() -> None:
    """0.1 as a threshold is Decimal('0.1'), not the binary 0.1000000000000000055..."""
    assert loyalty_quadrant(Decimal("0.1"), Decimal("0.1"), threshold=0.1) is LoyaltyQuadrant.TRUE


def test_y1_measures_of_float_shares() -> None:
    floats = LoyaltyMeasures(price_sensitivity=0.2, competitor_interest=0.35, quality_tolerance=1.0)
    decimals = LoyaltyMeasures(
        price_sensitivity=Decimal("0.2"),
        competitor_interest=Decimal("0.35"),
        quality_tolerance=Decimal("1.0"),
    )
    assert floats == decimals
    assert loyalty_score(floats) == loyalty_score(decimals)


def test_y1_policy_of_float_weights() -> None:
    policy = LoyaltyPolicy(price_weight=0.5, spend_weight=2.5)
    same = LoyaltyPolicy(price_weight=Decimal("0.5"), spend_weight=Decimal("2.5"))
    assert policy == same
    assert policy.fingerprint() == same.fingerprint()
    assert LoyaltyPolicy.from_dict({"price_weight": 1.0}).fingerprint() == (
        DEFAULT_LOYALTY.fingerprint()
    )


def test_y4_satisfaction_of_float_ratings() -> None:
    assert satisfaction(8.2, 7.1) == Decimal("1.1")
    assert satisfaction(3.5, 4, low=1, high=5.0) == Decimal("-0.5")


def test_y4_measures_and_policy_of_floats() -> None:
    floats = SatisfactionMeasures(reputation=0.9, awareness=0.3, return_rate=0.4)
    decimals = SatisfactionMeasures(
        reputation=Decimal("0.9"), awareness=Decimal("0.3"), return_rate=Decimal("0.4")
    )
    assert floats == decimals
    assert satisfaction_index(floats) == Decimal("53.33")
    policy = SatisfactionPolicy(complaint_weight=0.0, awareness_weight=1.0)
    assert policy == SatisfactionPolicy(complaint_weight=0)
    assert SatisfactionPolicy(awareness_weight=1.0).fingerprint() == (
        DEFAULT_SATISFACTION.fingerprint()
    )


def test_y6_bands_of_float_values_and_share() -> None:
    values = {f"c-{i}": i / 10 for i in range(10)}
    bands = satisfaction_bands(values, share=0.2)
    assert bands == satisfaction_bands(
        {key: Decimal(repr(value)) for key, value in values.items()}, share=Decimal("0.2")
    )
    assert [key for key, band in bands.items() if band is SatisfactionBand.MOST] == ["c-8", "c-9"]


def test_nps_interval_of_a_float_confidence() -> None:
    answers = [10] * 120 + [8] * 50 + [2] * 30
    assert nps_interval(answers, confidence=0.9) == nps_interval(answers, confidence=Decimal("0.9"))


def test_serialised_ratio_fields_take_floats_and_json_numbers_alike() -> None:
    """from_dict takes what the constructor takes; loads reads 0.2 as Decimal('0.2')."""
    assert from_dict(LoyaltyMeasures, {"price_sensitivity": 0.2}) == loads(
        LoyaltyMeasures, '{"price_sensitivity": 0.2}'
    )


def test_an_nps_interval_records_the_decimal_confidence_only() -> None:
    """A result record holds the Decimal the rule computed: a float there is refused."""
    result = nps_interval([10, 9, 3], confidence=0.9)
    assert result.confidence == Decimal("0.9")
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(result, confidence=0.9)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "NpsInterval.confidence: expected a Decimal above 0 and below 1, got float 0.9"
    )
