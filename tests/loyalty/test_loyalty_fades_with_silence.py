"""Rule Y1: repeat purchases and spend fade when a customer stops buying (recency)."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from custrel.errors import InvalidInputError, PolicyError
from custrel.loyalty import (
    DEFAULT_LOYALTY,
    LoyaltyMeasures,
    LoyaltyPolicy,
    explain_loyalty,
    loyalty_score,
)
from custrel.models import Purchase
from tests._values import D

AS_OF = date(2026, 12, 3)


def _monthly(last: date, count: int, *, amount: str = "899.00") -> list[Purchase]:
    """``count`` sales 30 days apart, the last on ``last``."""
    return [
        Purchase(
            customer_id="c-1",
            at=datetime(last.year, last.month, last.day, 10, tzinfo=UTC) - timedelta(days=30 * i),
            product="tea",
            amount=Decimal(amount),
        )
        for i in range(count)
    ]


def test_y1_thirteen_purchases_the_last_460_days_ago_are_not_loyalty_100() -> None:
    """Issue 23: a lapsed customer used to score 100; a year of silence leaves nothing."""
    history = _monthly(AS_OF - timedelta(days=460), 13)
    measures = LoyaltyMeasures.from_purchases(history, as_of=AS_OF)
    assert measures == LoyaltyMeasures(repeat_purchases=12, spend=D("11687.00"), silent_days=460)
    why = explain_loyalty(measures)
    assert why.score == D("0.00")
    assert why.reason_en == (
        "loyalty 0.00 of 100 from 2 of 6 measures; unknown, their weight shared by the"
        " others: time spent choosing, price sensitivity, interest in competitors, tolerance"
        " of quality problems; last purchase 460 days ago: repeat purchases and spend keep"
        " 0% of their points (they fade after 180 days without a purchase and count nothing"
        " from 365)"
    )
    assert why.reason_zh == (
        "忠诚度 0.00/100，依据6项指标中的2项；未知指标（其权重由其余指标分摊）：挑选时间、"
        "价格敏感度、对竞争品牌的兴趣、对质量问题的承受能力；距上次购买已460天：重复购买次数和"
        "购买费用只保留0%的得分（未购买超过180天开始递减，满365天不再计分）"
    )
    assert [(c.reason_en, c.reason_zh) for c in why.contributions] == [
        (
            "repeat purchases 12: points 1 × recency 0 = 0 · weight 50% = 0.00",
            "重复购买次数 12：得分 1 × 时效 0 = 0 · 权重 50% = 0.00",
        ),
        (
            "spend 11687: points 1 × recency 0 = 0 · weight 50% = 0.00",
            "购买费用 11687：得分 1 × 时效 0 = 0 · 权重 50% = 0.00",
        ),
    ]


@pytest.mark.parametrize(
    ("silent_days", "recency", "score"),
    [
        (None, D(1), D("100.00")),
        (0, D(1), D("100.00")),
        (179, D(1), D("100.00")),
        (180, D(1), D("100.00")),  # the grace, inclusive
        (181, D(184) / D(185), D("99.46")),
        (272, D(93) / D(185), D("50.27")),
        (364, D(1) / D(185), D("0.54")),
        (365, D(0), D("0.00")),  # the limit, inclusive
        (366, D(0), D("0.00")),
    ],
)
def test_y1_recency_is_full_to_180_days_and_nothing_from_365(
    silent_days: int | None, recency: Decimal, score: Decimal
) -> None:
    assert DEFAULT_LOYALTY.recency(silent_days) == recency
    measures = LoyaltyMeasures(repeat_purchases=12, spend=10_000, silent_days=silent_days)
    assert loyalty_score(measures) == score


def test_y1_a_fading_contribution_shows_the_points_before_and_after() -> None:
    why = explain_loyalty(LoyaltyMeasures(repeat_purchases=12, spend=10_000, silent_days=272))
    assert [(c.reason_en, c.reason_zh) for c in why.contributions] == [
        (
            "repeat purchases 12: points 1 × recency 0.5027 = 0.5027 · weight 50% = 25.14",
            "重复购买次数 12：得分 1 × 时效 0.5027 = 0.5027 · 权重 50% = 25.14",
        ),
        (
            "spend 10000: points 1 × recency 0.5027 = 0.5027 · weight 50% = 25.14",
            "购买费用 10000：得分 1 × 时效 0.5027 = 0.5027 · 权重 50% = 25.14",
        ),
    ]
    assert why.reason_en.endswith(
        "; last purchase 272 days ago: repeat purchases and spend keep 50.27% of their points"
        " (they fade after 180 days without a purchase and count nothing from 365)"
    )


def test_y1_within_the_grace_the_explanation_says_nothing_of_recency() -> None:
    why = explain_loyalty(LoyaltyMeasures(repeat_purchases=6, spend=0, silent_days=180))
    assert why.reason_en == (
        "loyalty 25.00 of 100 from 2 of 6 measures; unknown, their weight shared by the"
        " others: time spent choosing, price sensitivity, interest in competitors, tolerance"
        " of quality problems"
    )
    assert why.contributions[0].reason_en == ("repeat purchases 6: points 0.5 · weight 50% = 25.00")


def test_y1_silence_fades_only_the_buying_measures() -> None:
    """The attitudinal measures are the caller's figures: silence does not touch them."""
    measures = LoyaltyMeasures(
        repeat_purchases=12, price_sensitivity=D("0.2"), quality_tolerance=1, silent_days=400
    )
    why = explain_loyalty(measures)
    assert [c.contribution for c in why.contributions] == [D("0.00"), D("26.67"), D("33.33")]
    assert why.score == D("60.00")
    assert [c.reason_en for c in why.contributions] == [
        "repeat purchases 12: points 1 × recency 0 = 0 · weight 33.33% = 0.00",
        "price sensitivity 0.2: points 0.8 · weight 33.33% = 26.67",
        "tolerance of quality problems 1: points 1 · weight 33.33% = 33.33",
    ]
    assert [c.reason_zh for c in why.contributions][1:] == [
        "价格敏感度 0.2：得分 0.8 · 权重 33.33% = 26.67",
        "对质量问题的承受能力 1：得分 1 · 权重 33.33% = 33.33",
    ]


@pytest.mark.parametrize(
    ("history", "silent_days"),
    [
        ([], None),  # no sale: no silence to measure
        (_monthly(AS_OF, 1), 0),  # a sale on as_of
        (_monthly(AS_OF - timedelta(days=1), 2), 1),
        (_monthly(AS_OF + timedelta(days=5), 3), 25),  # the sale after as_of is left out
    ],
)
def test_y1_from_purchases_counts_the_days_since_the_last_sale(
    history: list[Purchase], silent_days: int | None
) -> None:
    assert LoyaltyMeasures.from_purchases(history, as_of=AS_OF).silent_days == silent_days


def test_y1_a_refund_after_the_last_sale_does_not_break_the_silence() -> None:
    sale = _monthly(AS_OF - timedelta(days=200), 1)[0]
    refund = Purchase(
        customer_id="c-1",
        at=datetime(2026, 12, 1, tzinfo=UTC),
        product="tea",
        amount=Decimal("100.00"),
        refund=True,
    )
    assert LoyaltyMeasures.from_purchases([sale, refund], as_of=AS_OF).silent_days == 200


@pytest.mark.parametrize(
    ("given", "field", "expected"),
    [
        (
            {"recency_grace_days": 200, "recency_limit_days": 200},
            "recency_limit_days",
            "an int above recency_grace_days (200)",
        ),
        (
            {"recency_grace_days": 366},
            "recency_limit_days",
            "an int above recency_grace_days (366)",
        ),
        ({"recency_grace_days": -1}, "recency_grace_days", "an int >= 0"),
        ({"recency_limit_days": 0, "recency_grace_days": 0}, "recency_limit_days", "an int >= 1"),
    ],
)
def test_y1_recency_policy_refuses_a_limit_not_after_its_grace(
    given: dict[str, int], field: str, expected: str
) -> None:
    with pytest.raises(PolicyError) as info:
        LoyaltyPolicy(**given)
    assert info.value.field == f"LoyaltyPolicy.{field}"
    assert info.value.expected == expected


def test_y1_recency_policy_takes_a_limit_one_day_after_the_grace() -> None:
    policy = LoyaltyPolicy(recency_grace_days=0, recency_limit_days=1)
    assert (policy.recency(0), policy.recency(1)) == (D(1), D(0))
    assert LoyaltyPolicy.from_dict(policy.to_dict()) == policy


@pytest.mark.parametrize("silent_days", [-1, True, D(3), "3"])
def test_y1_silence_must_be_a_count_of_days(silent_days: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        LoyaltyMeasures(silent_days=silent_days)  # type: ignore[arg-type]
    assert info.value.field == "LoyaltyMeasures.silent_days"
    with pytest.raises(InvalidInputError) as info:
        DEFAULT_LOYALTY.recency(silent_days)  # type: ignore[arg-type]
    assert info.value.field == "LoyaltyMeasures.silent_days"
