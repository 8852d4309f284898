"""Satisfaction (rules Y4-Y6) and NPS: boundary tables and refusals."""

from decimal import Decimal

import pytest

from custrel.errors import InvalidInputError, PolicyError
from custrel.loyalty import (
    DEFAULT_LOYALTY,
    LoyaltyMeasures,
    SatisfactionBand,
    SatisfactionMeasures,
    SatisfactionPolicy,
    TotalCustomerCost,
    TotalCustomerValue,
    delivered_value,
    nps,
    nps_interval,
    satisfaction,
    satisfaction_bands,
    satisfaction_index,
)
from custrel.serialize import from_dict, to_dict
from tests._values import D

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
        (10.5, 5, 0, 10, "experience"),
        (float("nan"), 5, 0, 10, "experience"),
        (True, 5, 0, 10, "experience"),
        ("7", 5, 0, 10, "experience"),
        (D("NaN"), 5, 0, 10, "experience"),
        (5, 5, 5, 5, "high"),
        (5, 5, 0, float("inf"), "high"),
        (5, 5, 2.5, 2.5, "high"),
        (5, 5, None, 10, "low"),
    ],
)
def test_satisfaction_refuses_bad_ratings(
    experience: object, expectation: object, low: object, high: object, field: str
) -> None:
    with pytest.raises(InvalidInputError) as info:
        satisfaction(experience, expectation, low=low, high=high)  # type: ignore[arg-type]
    assert info.value.field == field


def test_satisfaction_float_ratings_are_the_decimals_they_are_written_as() -> None:
    """Rule Y4 (decision "Numbers"): 8.2 - 7.1 is exactly 1.1, not 1.0999999999999996."""
    assert satisfaction(8.2, 7.1) == D("1.1")
    assert satisfaction(7.5, 5) == satisfaction(D("7.5"), 5)
    assert satisfaction(4.5, 5, low=1.0, high=5.0) == D("-0.5")


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
        (2, 1),  # 0.15 * 2 = 0.3: only the extreme blocks, one customer each
        (6, 1),  # 0.9: only the extreme blocks
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


def test_y6_the_lowest_block_straddling_the_cut_is_least_whole() -> None:
    """20 customers, cut at 3: the four lowest tie at the extreme, so all four are least."""
    values = {f"c-{i:02}": i for i in range(20)} | dict.fromkeys(("c-00", "c-01", "c-02"), 3)
    bands = satisfaction_bands(values)
    assert _marked(bands, SatisfactionBand.LEAST) == {"c-00", "c-01", "c-02", "c-03"}
    assert _marked(bands, SatisfactionBand.MOST) == {"c-17", "c-18", "c-19"}


def test_y6_the_highest_block_straddling_the_cut_is_most_whole() -> None:
    """20 customers, cut at 3: the four highest tie at the extreme, so all four are most."""
    values = {f"c-{i:02}": i for i in range(20)} | dict.fromkeys(("c-16", "c-17", "c-18"), 19)
    bands = satisfaction_bands(values)
    assert _marked(bands, SatisfactionBand.MOST) == {"c-16", "c-17", "c-18", "c-19"}
    assert bands["c-15"] is SatisfactionBand.MIDDLE
    assert _marked(bands, SatisfactionBand.LEAST) == {"c-00", "c-01", "c-02"}


def test_y6_a_survey_scale_puts_the_answers_at_0_and_10_at_the_ends() -> None:
    """20 answers of 0, 60 of 5 and 20 of 10: the 0s are least, the 10s most (issue 23)."""
    values = {f"c-{i:03}": 0 if i < 20 else 10 if i >= 80 else 5 for i in range(100)}
    bands = satisfaction_bands(values)
    assert _marked(bands, SatisfactionBand.LEAST) == {f"c-{i:03}" for i in range(20)}
    assert _marked(bands, SatisfactionBand.MOST) == {f"c-{i:03}" for i in range(80, 100)}
    assert {bands[f"c-{i:03}"] for i in range(20, 80)} == {SatisfactionBand.MIDDLE}


def test_y6_a_block_between_the_extremes_straddling_the_cut_stays_in_the_middle() -> None:
    """20 customers, cut at 3: one at 0, then three tie at 1 (ranks 2-4 straddle the cut)."""
    values = {f"c-{i:02}": i for i in range(20)} | dict.fromkeys(("c-01", "c-02", "c-03"), 1)
    bands = satisfaction_bands(values)
    assert _marked(bands, SatisfactionBand.LEAST) == {"c-00"}
    assert {bands[c] for c in ("c-01", "c-02", "c-03")} == {SatisfactionBand.MIDDLE}


@pytest.mark.parametrize(
    ("low_block", "least"),
    [
        (2, {"c-00", "c-01", "c-02"}),  # ranks 2-3, inside the cut of 3: marked
        (3, {"c-00"}),  # ranks 2-4, straddling the cut: middle, only the extreme is marked
    ],
)
def test_y6_a_block_next_to_the_extreme_is_marked_only_inside_the_cut(
    low_block: int, least: set[str]
) -> None:
    """20 customers, one at 0, then ``low_block`` tie at 1, the rest from 12 up."""
    values = {f"c-{i:02}": 10 + i for i in range(20)} | {"c-00": 0}
    values |= {f"c-{i:02}": 1 for i in range(1, 1 + low_block)}
    assert _marked(satisfaction_bands(values), SatisfactionBand.LEAST) == least


def test_y6_two_different_answers_mark_both_ends() -> None:
    assert satisfaction_bands({"c-1": 4, "c-2": 9}) == {
        "c-1": SatisfactionBand.LEAST,
        "c-2": SatisfactionBand.MOST,
    }


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
        ({"c-1": 1}, 0.51, "share"),
        ({"c-1": float("nan")}, D("0.15"), "values['c-1']"),
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
        (1.0, 30, "confidence"),
        (float("nan"), 30, "confidence"),
        (D("Infinity"), 30, "confidence"),
        (D("0.95"), 0, "small"),
        (D("0.95"), True, "small"),
    ],
)
def test_interval_refuses_bad_tuning(confidence: object, small: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        nps_interval([9], confidence=confidence, small=small)  # type: ignore[arg-type]
    assert info.value.field == field
