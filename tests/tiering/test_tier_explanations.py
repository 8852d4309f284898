"""Rules T1, T2: why a customer is in their tier: rank, share, cut and ties, in English and
Chinese.
"""

import decimal
from decimal import Decimal

import pytest

from custrel.tiering import Tier, TierCuts, TierExplanation, TierMode, TierPolicy, explain_tier
from tests._values import D

# Rules T1, T2: why a customer is in their tier ------------------------------------------------

HUNDRED = {f"c-{i}": i for i in range(1, 101)}


@pytest.mark.parametrize(
    ("customer", "values", "mode", "expected"),
    [
        (
            "c-81",
            HUNDRED,
            TierMode.HEAD_COUNT,
            (
                Tier.MAJOR,
                20,
                1,
                100,
                Decimal("0.19"),
                Decimal(81),
                (
                    "rank 20 of 100 by value, 19% of customers above: major"
                    " (the top 20% by head count; major from 81)"
                ),
                (
                    "按价值排名第20/100，高于该客户的客户占19%：重要客户"
                    "（按客户数前20%；重要客户下限 81）"
                ),
            ),
        ),
        (
            "c-50",
            {**HUNDRED, "d-1": 50, "d-2": 50},
            TierMode.HEAD_COUNT,
            (
                Tier.SMALL,
                51,
                3,
                102,
                Decimal(50) / 102,
                Decimal(1),
                (
                    "rank 51 of 102 by value, tied with 2 more down to rank 53, 49% of customers"
                    " above: small (the top 100% by head count; small from 1)"
                ),
                (
                    "按价值排名第51/102，与另外2位并列至第53名，高于该客户的客户占49%：小客户"
                    "（按客户数前100%；小客户下限 1）"
                ),
            ),
        ),
        (
            "c",
            {"a": 70, "b": 20, "c": 10},
            TierMode.VALUE_SHARE,
            (
                Tier.SMALL,
                3,
                1,
                3,
                Decimal("0.9"),
                Decimal(10),
                (
                    "rank 3 of 3 by value, 90% of the value above: small"
                    " (the top 100% by value; small from 10)"
                ),
                "按价值排名第3/3，高于该客户的价值占90%：小客户（按价值前100%；小客户下限 10）",
            ),
        ),
        (
            "c-3",
            {"c-1": 5, "c-2": 0, "c-3": 0},
            TierMode.HEAD_COUNT,
            (
                Tier.SMALL,
                2,
                2,
                3,
                Decimal(1) / 3,
                Decimal(0),
                "no value (0): small, whatever the rank",
                "无价值（0）：小客户，不论排名",
            ),
        ),
        (
            "x",
            {"x": -5, "y": 3},
            TierMode.HEAD_COUNT,
            (
                Tier.SMALL,
                2,
                1,
                2,
                Decimal("0.5"),
                Decimal(-5),
                "no value (-5): small, whatever the rank",
                "无价值（-5）：小客户，不论排名",
            ),
        ),
        (
            "a",
            {"a": 0, "b": 0},
            TierMode.VALUE_SHARE,
            (
                Tier.SMALL,
                1,
                2,
                2,
                Decimal(0),
                Decimal(0),
                "no value (0): small, whatever the rank",
                "无价值（0）：小客户，不论排名",
            ),
        ),
    ],
)
def test_t2_a_tier_is_explained_by_rank_share_and_cut(
    customer: str, values: dict[str, int], mode: TierMode, expected: tuple[object, ...]
) -> None:
    why = explain_tier(customer, values=values, policy=TierPolicy(mode=mode))
    assert (
        why.tier,
        why.rank,
        why.tied,
        why.customers,
        why.share_above,
        why.cut,
        why.reason_en,
        why.reason_zh,
    ) == expected


def test_t2_a_tie_of_two_is_explained() -> None:
    why = explain_tier("b", values={"a": 30, "b": 20, "c": 20, "d": 10})
    assert why.reason_en == (
        "rank 2 of 4 by value, tied with 1 more down to rank 3, 25% of customers above:"
        " small (the top 100% by head count; small from 10)"
    )


@pytest.mark.parametrize(
    ("customer", "values", "mode"),
    [
        ("c-50", {**HUNDRED, "d-1": 50, "d-2": 50}, TierMode.HEAD_COUNT),
        ("b", {"a": Decimal("12345.67"), "b": 1, "c": Decimal("0.01")}, TierMode.VALUE_SHARE),
        ("b", {"a": 7, "b": 1, "c": 1}, TierMode.VALUE_SHARE),
    ],
)
def test_t2_an_explanation_does_not_depend_on_the_callers_decimal_context(
    customer: str, values: dict[str, Decimal | int], mode: TierMode
) -> None:
    policy = TierPolicy(mode=mode)
    expected = explain_tier(customer, values=values, policy=policy)
    with decimal.localcontext(prec=3, rounding=decimal.ROUND_DOWN):
        assert explain_tier(customer, values=values, policy=policy) == expected
    with decimal.localcontext(prec=2, rounding=decimal.ROUND_UP):
        assert explain_tier(customer, values=values, policy=policy) == expected


def test_t2_a_tie_of_two_is_explained_in_chinese() -> None:
    why = explain_tier("b", values={"a": 30, "b": 20, "c": 20, "d": 10})
    assert why.reason_zh == (
        "按价值排名第2/4，与另外1位并列至第3名，高于该客户的客户占25%："
        "小客户（按客户数前100%；小客户下限 10）"
    )


# explain_tier (rules T1, T2) -------------------------------------------------------------


def test_rule_t2_a_tiers_cut_is_the_floor_value_as_the_pyramid_placed_it() -> None:
    # Two customers worth 5, written 5.0 and 5: the ordinary floor is the block's last
    # member (5), not whichever equal value comes first in the mapping (5.0).
    values = {"x": Decimal(9), "a": Decimal("5.0"), "b": Decimal(5), "c": Decimal(1)}
    values |= {"d": Decimal(1)}
    why = explain_tier("a", values=values)
    assert (why.tier, why.rank, why.tied, why.customers) == (Tier.ORDINARY, 2, 2, 5)
    assert str(why.cut) == "5"
    assert why.reason_en == (
        "rank 2 of 5 by value, tied with 1 more down to rank 3, 20% of customers above:"
        " ordinary (the top 50% by head count; ordinary from 5)"
    )
    assert why.reason_zh == (
        "按价值排名第2/5，与另外1位并列至第3名，高于该客户的客户占20%："
        "普通客户（按客户数前50%；普通客户下限 5）"
    )


def test_rule_t1_a_tied_top_block_is_vip_and_its_cut_is_the_last_member() -> None:
    """Rule T1: the block at the top is VIP; its cut is the block's last member (5, not 5.0)."""
    values = {"a": Decimal("5.0"), "b": Decimal(5), "c": Decimal(1), "d": Decimal(1)}
    why = explain_tier("a", values=values)
    assert (why.tier, why.rank, why.tied, why.customers) == (Tier.VIP, 1, 2, 4)
    assert str(why.cut) == "5"
    assert str(TierCuts.from_values(values).vip) == "5"
    assert why.reason_en == (
        "rank 1 of 4 by value, tied with 1 more down to rank 2, 0% of customers above:"
        " vip (the top 1% by head count; vip from 5)"
    )


# custrel.tiering.TierExplanation: the last rank is inside 1..customers (rule T2) ------------------


def test_t2_tier_explanation_rank_may_be_the_last() -> None:
    """Rule T2: the last customer of the portfolio has rank ``customers``."""
    why = TierExplanation(
        tier=Tier.ORDINARY,
        rank=3,
        tied=1,
        customers=3,
        share_above=D(2) / D(3),
        cut=D(100),
        reason_en="last",
        reason_zh="last",
    )
    assert why.rank == why.customers == 3
