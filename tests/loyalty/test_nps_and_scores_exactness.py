"""Rules Y1, Y2: NPS and weighted scores are exact, round as documented and do not depend on the
caller's decimal context.
"""

from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, localcontext

import pytest

from custrel.errors import PolicyError
from custrel.loyalty import (
    LoyaltyMeasures,
    LoyaltyPolicy,
    LoyaltyQuadrant,
    SatisfactionMeasures,
    loyalty_quadrant,
    loyalty_score,
    nps,
    nps_interval,
    satisfaction_bands,
    satisfaction_index,
)
from tests._values import D


@pytest.mark.parametrize(
    ("small", "answers", "flagged"),
    [
        pytest.param(1, 1, False, id="the least bound, one answer"),
        pytest.param(2, 1, True, id="one answer below 2"),
        pytest.param(30, 29, True, id="29 answers below the default 30"),
        pytest.param(30, 30, False, id="30 answers at the default 30"),
    ],
)
def test_the_small_sample_flag_is_fewer_answers_than_the_bound(
    small: int, answers: int, flagged: bool
) -> None:
    assert nps_interval([9] * answers, small=small).small_sample is flagged


SURVEYS = [
    [10] * 40 + [8] * 40 + [3] * 20,
    [0] * 7 + [9] * 3,
    [10, 10, 10],
    [10, 9, 0, 8, 8, 8, 8],
]


@pytest.mark.parametrize(
    ("prec", "rounding"), [pytest.param(3, ROUND_DOWN, id="3 digits"), (28, ROUND_UP)]
)
@pytest.mark.parametrize("survey", SURVEYS)
def test_an_nps_does_not_depend_on_the_callers_decimal_context(
    survey: list[int], prec: int, rounding: str
) -> None:
    for confidence in (D("0.8"), D("0.95"), D("0.99")):
        expected = nps_interval(survey, confidence=confidence)
        with localcontext(prec=prec, rounding=rounding):
            assert nps_interval(survey, confidence=confidence) == expected
            assert nps(survey) == expected.score


def test_an_nps_interval_reads_as_in_the_docs() -> None:
    r = nps_interval([0] * 7 + [9] * 3, confidence=D("0.8"))
    assert (r.score, r.low, r.high) == (D(-40), D("-68.68"), D("-0.04"))
    assert (r.answers, r.promoters, r.passives, r.detractors) == (10, 3, 0, 7)


@pytest.mark.parametrize(
    ("attachment", "repeat", "threshold", "quadrant"),
    [
        pytest.param(D(1), D(1), D(1), LoyaltyQuadrant.TRUE, id="both at a threshold of 1"),
        pytest.param(D("0.99"), D(1), D(1), LoyaltyQuadrant.SPURIOUS, id="attachment below 1"),
        pytest.param(D(0), D(0), D("0.01"), LoyaltyQuadrant.NONE, id="both 0"),
        pytest.param(1, 0, D("0.5"), LoyaltyQuadrant.LATENT, id="the ends of the scale, as int"),
    ],
)
def test_shares_take_the_ends_of_0_to_1_and_a_threshold_of_1(
    attachment: Decimal | int, repeat: Decimal | int, threshold: Decimal, quadrant: LoyaltyQuadrant
) -> None:
    assert loyalty_quadrant(attachment, repeat, threshold=threshold) is quadrant


def test_a_band_share_may_be_a_half() -> None:
    bands = satisfaction_bands({"a": 1, "b": 2}, share=D("0.5"))
    assert [band.value for band in bands.values()] == ["least", "most"]


@pytest.mark.parametrize(
    ("tolerance", "expected"),
    [
        pytest.param("0.12345", "12.34", id="a half cent rounds to the even 4"),
        pytest.param("0.12355", "12.36", id="a half cent rounds to the even 6"),
        pytest.param("0.123451", "12.35", id="just above a half cent rounds up"),
    ],
)
def test_a_loyalty_score_rounds_half_cents_to_even_in_any_decimal_context(
    tolerance: str, expected: str
) -> None:
    measures = LoyaltyMeasures(quality_tolerance=D(tolerance))
    assert loyalty_score(measures) == D(expected)
    for prec, rounding in ((3, ROUND_DOWN), (28, ROUND_UP), (40, ROUND_HALF_UP)):
        with localcontext(prec=prec, rounding=rounding):
            assert str(loyalty_score(measures)) == expected


@pytest.mark.parametrize(
    ("loyal", "satisfied"),
    [
        pytest.param(
            LoyaltyMeasures(repeat_purchases=1, choosing_days=7, spend=D(3333)),
            SatisfactionMeasures(reputation=D("0.7"), purchase_amount=D(3333)),
            id="ratios",
        ),
        pytest.param(
            LoyaltyMeasures(price_sensitivity=D("0.123456"), competitor_interest=D("0.3")),
            SatisfactionMeasures(complaint_rate=D("0.123456"), price_sensitivity=D("0.3")),
            id="shares counted against",
        ),
    ],
)
def test_weighted_scores_do_not_depend_on_the_callers_decimal_context(
    loyal: LoyaltyMeasures, satisfied: SatisfactionMeasures
) -> None:
    """The loyalty rules compute in one fixed decimal context (rules Y1, Y4)."""
    expected = (loyalty_score(loyal), satisfaction_index(satisfied))
    for prec, rounding in ((3, ROUND_UP), (3, ROUND_DOWN), (50, ROUND_HALF_UP)):
        with localcontext(prec=prec, rounding=rounding):
            assert (loyalty_score(loyal), satisfaction_index(satisfied)) == expected


def test_an_nps_is_exact_to_28_significant_digits() -> None:
    assert str(nps([10, 9, 0])) == "33.33333333333333333333333333"
    assert str(nps([10, 0, 0, 8, 8, 8])) == "-16.66666666666666666666666667"
    with localcontext(prec=50, rounding=ROUND_DOWN):
        assert str(nps([10, 0, 0, 8, 8, 8])) == "-16.66666666666666666666666667"


def test_a_policy_weighing_nothing_shows_the_first_weight_as_given() -> None:
    with pytest.raises(PolicyError) as caught:
        LoyaltyPolicy(
            repeat_weight=D("0.0"),
            choosing_weight=0,
            price_weight=0,
            competitor_weight=0,
            tolerance_weight=0,
            spend_weight=D("0.00"),
        )
    assert str(caught.value) == (
        "LoyaltyPolicy.repeat_weight: expected at least one weight above 0,"
        " got Decimal Decimal('0.0'); every weight of the policy is 0"
    )
