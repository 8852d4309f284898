"""The value pyramid (rules T1-T3): indicators, boundaries, ties, cuts, hysteresis, empty and
one-customer portfolios.
"""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from custrel.errors import InvalidInputError, PolicyError
from custrel.models import Purchase
from custrel.serialize import from_dict, to_dict
from custrel.tiering import (
    DEFAULT_TIERS,
    Tier,
    TierCuts,
    TierMode,
    TierPolicy,
    ValueIndicators,
    ValueMeasure,
    customer_value,
    portfolio_values,
    retier,
    rfm_scores,
    tier_portfolio,
)
from tests._values import AS_OF
from tests.tiering._tiering_samples import sale

# rule T3: value indicators ----------------------------------------------------------------


def test_indicators_of_no_purchase() -> None:
    v = ValueIndicators.from_purchases([], as_of=AS_OF)
    assert (v.transactions, v.total_amount, v.refunded, v.total_profit) == (0, *[Decimal(0)] * 3)
    assert (v.average_amount, v.largest_amount, v.first_purchase, v.last_purchase) == (None,) * 4
    assert (v.tenure_days, v.average_interval_days) == (None, None)


def test_indicators_of_one_purchase() -> None:
    v = ValueIndicators.from_purchases([sale(date(2024, 2, 29), 250)], as_of=date(2025, 2, 28))
    assert v.transactions == 1
    assert v.average_amount == v.largest_amount == v.total_amount == Decimal(250)
    assert v.first_purchase == v.last_purchase == date(2024, 2, 29)
    assert v.tenure_days == 365
    assert v.average_interval_days is None
    assert v.total_profit is None  # profit unknown


def test_indicators_of_several_purchases() -> None:
    purchases = [
        sale(date(2026, 1, 31), 300, profit=90),
        sale(date(2026, 1, 1), 100, profit=10),
        sale(date(2026, 3, 2), 200, profit=-20),
        sale(date(2026, 3, 5), 50, profit=50, refund=True),  # profit given back
    ]
    v = ValueIndicators.from_purchases(purchases, as_of=date(2026, 3, 31))
    assert v.transactions == 3
    assert v.total_amount == Decimal(550)
    assert v.refunded == Decimal(50)
    assert v.total_profit == Decimal(30)
    assert v.average_amount == Decimal(200)
    assert v.largest_amount == Decimal(300)
    assert (v.first_purchase, v.last_purchase) == (date(2026, 1, 1), date(2026, 3, 2))
    assert v.tenure_days == 89
    assert v.average_interval_days == 30.0


def test_purchases_after_as_of_do_not_count() -> None:
    v = ValueIndicators.from_purchases([sale(AS_OF), sale(AS_OF + timedelta(days=1))], as_of=AS_OF)
    assert v.transactions == 1
    assert v.tenure_days == 0


def test_a_purchase_counts_on_its_own_local_day() -> None:
    late = Purchase(
        customer_id="c-1",
        at=datetime(2026, 11, 23, 0, 30, tzinfo=timezone(timedelta(hours=8))),
        product="tea",
        amount=Decimal(1),
    )
    assert ValueIndicators.from_purchases([late], as_of=AS_OF).transactions == 0


@pytest.mark.parametrize(
    ("purchases", "as_of", "field"),
    [
        ([sale(AS_OF)], "2026-11-22", "as_of"),
        ([sale(AS_OF), "x"], AS_OF, "purchases[1]"),
        ("abc", AS_OF, "purchases"),
        (5, AS_OF, "purchases"),
    ],
)
def test_indicators_refuse_bad_input(purchases: object, as_of: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        ValueIndicators.from_purchases(purchases, as_of=as_of)  # type: ignore[arg-type]
    assert info.value.field == field


def test_value_is_amount_by_default_and_profit_on_request() -> None:
    known = ValueIndicators.from_purchases([sale(AS_OF, 100, profit=30)], as_of=AS_OF)
    unknown = ValueIndicators.from_purchases(
        [sale(AS_OF, 100, profit=30), sale(AS_OF, 50)], as_of=AS_OF
    )
    assert customer_value(known) == Decimal(100)
    assert customer_value(unknown) == Decimal(150)
    assert customer_value(known, measure=ValueMeasure.PROFIT) == Decimal(30)
    with pytest.raises(InvalidInputError, match=r"indicators\.total_profit") as info:
        customer_value(unknown, measure=ValueMeasure.PROFIT)
    assert "ValueMeasure.AMOUNT" in str(info.value)
    with pytest.raises(InvalidInputError, match="indicators"):
        customer_value("c-1")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="measure"):
        customer_value(known, measure="profit")  # type: ignore[arg-type]


def test_one_measure_ranks_the_whole_portfolio() -> None:
    """Rule T1: amount 1,000 with profit 100 never ranks below 510 with no profit."""
    purchases = [sale(AS_OF, 1000, "a", profit=100), sale(AS_OF, 510, "b")]
    values = portfolio_values(purchases, as_of=AS_OF)
    assert values == {"a": Decimal(1000), "b": Decimal(510)}
    with pytest.raises(InvalidInputError) as info:
        portfolio_values(purchases, as_of=AS_OF, measure=ValueMeasure.PROFIT)
    assert info.value.field == "purchases[1].profit"
    with pytest.raises(InvalidInputError, match="measure"):
        portfolio_values(purchases, as_of=AS_OF, measure="profit")  # type: ignore[arg-type]


def test_profit_measure_subtracts_the_profit_a_refund_gives_back() -> None:
    purchases = [sale(AS_OF, 1000, "a", profit=300), sale(AS_OF, 400, "a", profit=200, refund=True)]
    assert portfolio_values(purchases, as_of=AS_OF, measure=ValueMeasure.PROFIT) == {
        "a": Decimal(100)
    }


def test_a_refund_with_negative_profit_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"Purchase.profit: expected a profit >= 0"):
        sale(AS_OF, 50, profit=-50, refund=True)


def test_lines_of_one_order_are_one_transaction() -> None:
    """Rule T3: orders, not lines; an order is on the day of its earliest line."""
    lines = [
        Purchase(
            customer_id="c-1",
            at=datetime(2026, 1, day, 12, tzinfo=UTC),
            product=product,
            amount=Decimal(amount),
            order_id=order,
        )
        for day, product, amount, order in (
            (1, "tea", 100, "o-1"),
            (1, "cups", 50, "o-1"),
            (2, "pot", 30, "o-1"),
            (11, "tea", 40, None),
            (11, "cups", 60, None),
        )
    ]
    v = ValueIndicators.from_purchases(lines, as_of=date(2026, 1, 31))
    assert v.transactions == 3
    assert v.largest_amount == Decimal(180)
    assert v.average_amount == Decimal(280) / 3
    assert v.average_interval_days == 5.0  # 1 Jan -> 11 Jan -> 11 Jan
    scores = rfm_scores(lines, as_of=date(2026, 1, 31))
    assert scores["c-1"].frequency == 3


def test_rfm_recency_counts_from_an_orders_earliest_line() -> None:
    """Rule T3: an order spanning days is on its earliest line's day, in RFM as in value."""
    lines = [
        Purchase(
            customer_id="c-1",
            at=datetime(2026, 11, day, 12, tzinfo=UTC),
            product="tea",
            amount=Decimal(10),
            order_id="o-1",
        )
        for day in (2, 12)
    ]
    score = rfm_scores(lines, as_of=AS_OF)["c-1"]
    value = ValueIndicators.from_purchases(lines, as_of=AS_OF)
    assert value.last_purchase == date(2026, 11, 2)
    assert score.recency_days == (AS_OF - value.last_purchase).days == 20
    assert score.frequency == value.transactions == 1


def test_known_customers_without_purchases_get_the_bottom() -> None:
    """Non-buyers get value 0, the bottom tier and the lowest scores: same set in both views."""
    purchases = [sale(AS_OF, 100, "a"), sale(AS_OF, 30, "b", refund=True)]
    known = ["a", "b", "c"]
    values = portfolio_values(purchases, as_of=AS_OF, customers=known)
    scores = rfm_scores(purchases, as_of=AS_OF, customers=known)
    assert list(values) == list(scores) == known
    assert values == {"a": Decimal(100), "b": Decimal(-30), "c": Decimal(0)}
    tiers = tier_portfolio(values)
    assert (tiers["b"], tiers["c"]) == (Tier.SMALL, Tier.SMALL)
    assert scores["c"].cell == scores["b"].cell == (1, 1, 1)
    assert (scores["c"].recency_days, scores["c"].frequency) == (None, 0)


def test_same_customers_in_both_views_without_a_list() -> None:
    purchases = [sale(AS_OF, 100, "a"), sale(AS_OF, 30, "b", refund=True)]
    assert list(portfolio_values(purchases, as_of=AS_OF)) == list(
        rfm_scores(purchases, as_of=AS_OF)
    )


@pytest.mark.parametrize("function", [portfolio_values, rfm_scores])
def test_a_purchase_of_an_unlisted_customer_is_refused(function: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        function([sale(AS_OF, 1, "a"), sale(AS_OF, 1, "x")], as_of=AS_OF, customers=["a"])  # type: ignore[operator]
    assert info.value.field == "purchases[1].customer_id"


@pytest.mark.parametrize(
    ("customers", "field"), [("abc", "customers"), (["a", " "], "customers[1]")]
)
def test_bad_customer_lists_are_refused(customers: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        portfolio_values([], as_of=AS_OF, customers=customers)  # type: ignore[arg-type]
    assert info.value.field == field


def test_portfolio_values_with_own_measure() -> None:
    purchases = [sale(AS_OF, 10, "a"), sale(AS_OF, 20, "b"), sale(AS_OF, 5, "a")]
    assert portfolio_values(purchases, as_of=AS_OF, measure=lambda v: Decimal(v.transactions)) == {
        "a": Decimal(2),
        "b": Decimal(1),
    }


def test_portfolio_values_refuse_a_float_measure() -> None:
    with pytest.raises(InvalidInputError, match=r"measure\('a'\)"):
        portfolio_values([sale(AS_OF, 10, "a")], as_of=AS_OF, measure=lambda _: 1.5)  # type: ignore[arg-type, return-value]


# rules T1, T2: the pyramid ----------------------------------------------------------------


def test_empty_portfolio() -> None:
    assert tier_portfolio({}) == {}


def test_one_customer_with_value_is_vip() -> None:
    assert tier_portfolio({"c-1": Decimal("0.01")}) == {"c-1": Tier.VIP}


@pytest.mark.parametrize("value", [Decimal(0), Decimal("-0.01"), -5])
def test_no_value_is_small_whatever_the_rank(value: Decimal | int) -> None:
    """Rule T2 (decision): a customer worth 0 or less is never above small."""
    assert tier_portfolio({"c-1": value}) == {"c-1": Tier.SMALL}
    assert tier_portfolio({"c-1": value, "c-2": -10})["c-1"] is Tier.SMALL


def test_forty_buyers_and_sixty_without_value() -> None:
    """Rule T2: the sixty zero-value customers are small, and small is not empty."""
    values = {f"b-{i:02d}": 100 + i for i in range(40)} | {f"z-{i:02d}": 0 for i in range(60)}
    tiers = tier_portfolio(values)
    sizes = {tier: list(tiers.values()).count(tier) for tier in Tier}
    assert sizes == {Tier.VIP: 1, Tier.MAJOR: 19, Tier.ORDINARY: 20, Tier.SMALL: 60}


def tiers_of_100() -> dict[str, Tier]:
    return tier_portfolio({f"c-{i:03d}": 100 - i for i in range(100)})


@pytest.mark.parametrize(
    ("rank", "expected"),
    [
        (1, Tier.VIP),  # g = 0 < 1
        (2, Tier.MAJOR),  # g = 1, not < 1
        (20, Tier.MAJOR),  # g = 19 < 20
        (21, Tier.ORDINARY),  # g = 20
        (50, Tier.ORDINARY),  # g = 49 < 50
        (51, Tier.SMALL),  # g = 50
        (100, Tier.SMALL),
    ],
)
def test_hundred_distinct_values(rank: int, expected: Tier) -> None:
    assert tiers_of_100()[f"c-{rank - 1:03d}"] is expected


def test_a_tie_across_a_cut_takes_the_tier_of_its_last_member() -> None:
    """Ranks 20 and 21 tie: the block does not fit the 20 key places, so both are ordinary."""
    values = {f"c-{i:03d}": 100 - i for i in range(100)}
    values["c-020"] = values["c-019"]
    tiers = tier_portfolio(values)
    assert tiers["c-018"] is Tier.MAJOR
    assert tiers["c-019"] is tiers["c-020"] is tiers["c-021"] is Tier.ORDINARY


def test_a_tie_that_ends_at_a_cut_keeps_the_tier() -> None:
    values = {f"c-{i:03d}": 100 - i for i in range(100)}
    values["c-018"] = values["c-019"]  # ranks 19 and 20: the block ends on the last key place
    tiers = tier_portfolio(values)
    assert tiers["c-018"] is tiers["c-019"] is Tier.MAJOR


def test_rule_t1_a_top_tie_larger_than_the_vip_places_is_all_vip() -> None:
    """Rule T1: two customers tied at the top of 100 are both VIP; major keeps its places."""
    values = {f"c-{i:03d}": 100 - i for i in range(100)} | {"c-000": 99}
    tiers = tier_portfolio(values)
    assert tiers["c-000"] is tiers["c-001"] is Tier.VIP
    assert [k for k, t in tiers.items() if t is Tier.VIP] == ["c-000", "c-001"]
    assert [k for k, t in tiers.items() if t is Tier.MAJOR] == [f"c-{i:03d}" for i in range(2, 20)]
    assert tiers["c-020"] is Tier.ORDINARY
    cuts = TierCuts.from_values(values)
    assert (cuts.vip, cuts.major, cuts.ordinary) == (Decimal(99), Decimal(81), Decimal(51))
    assert cuts.tier_of(10_000) is Tier.VIP
    assert (cuts.tier_of(100), cuts.tier_of(99), cuts.tier_of(98)) == (
        Tier.VIP,
        Tier.VIP,
        Tier.MAJOR,
    )
    assert cuts.least_value(Tier.VIP) == Decimal(99)


def test_rule_t1_all_equal_positive_values_are_all_vip() -> None:
    """Rule T1 (decision): nobody is above anybody, so everyone is at the top."""
    assert set(tier_portfolio({f"c-{i}": 7 for i in range(10)}).values()) == {Tier.VIP}
    cuts = TierCuts.from_values({f"c-{i}": 7 for i in range(10)})
    assert (cuts.vip, cuts.major, cuts.ordinary) == (Decimal(7), Decimal(7), Decimal(7))
    assert (cuts.tier_of(6), cuts.tier_of(7), cuts.tier_of(8)) == (Tier.SMALL, Tier.VIP, Tier.VIP)


def test_all_equal_values_of_no_value_fit_no_tier_but_the_bottom() -> None:
    """Rule T2 (decision): a top block worth 0 or less is small, not VIP."""
    for worth in (0, -3):
        values = {f"c-{i}": worth for i in range(10)}
        assert set(tier_portfolio(values).values()) == {Tier.SMALL}
        cuts = TierCuts.from_values(values)
        assert (cuts.vip, cuts.major, cuts.ordinary) == (None, None, None)


def test_small_portfolios_by_the_exact_rule() -> None:
    # n = 3: c·n = 0.03, 0.6, 1.5 -> g=0 VIP, g=1 ordinary, g=2 small
    assert list(tier_portfolio({"a": 3, "b": 2, "c": 1}).values()) == [
        Tier.VIP,
        Tier.ORDINARY,
        Tier.SMALL,
    ]


def test_value_share_mode() -> None:
    policy = TierPolicy(mode=TierMode.VALUE_SHARE)
    # total 100: G(a)=0 VIP; G(b)=70 >= 50 -> small; etc.
    values = {"a": 70, "b": 20, "c": 10}
    assert tier_portfolio(values, policy=policy) == {
        "a": Tier.VIP,
        "b": Tier.SMALL,
        "c": Tier.SMALL,
    }
    spread = {f"c-{i}": 1 for i in range(100)} | {"none": 0}
    spread_tiers = tier_portfolio(spread, policy=policy)  # the top block is VIP (rule T1)
    assert spread_tiers == dict.fromkeys(spread, Tier.VIP) | {"none": Tier.SMALL}
    tied_top = {"a": 30, "b": 30, "c": 20, "d": 20}  # total 100: a, b the top (rule T1)
    assert tier_portfolio(tied_top, policy=policy) == {
        "a": Tier.VIP,
        "b": Tier.VIP,
        "c": Tier.SMALL,
        "d": Tier.SMALL,
    }


def test_value_share_mode_with_zero_total() -> None:
    policy = TierPolicy(mode=TierMode.VALUE_SHARE)
    assert set(tier_portfolio({"a": 0, "b": 0}, policy=policy).values()) == {Tier.SMALL}


def test_value_share_mode_refuses_negative_values() -> None:
    with pytest.raises(InvalidInputError, match="value-share mode"):
        tier_portfolio({"a": 5, "b": -1}, policy=TierPolicy(mode=TierMode.VALUE_SHARE))


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"a": 1.5}, "values['a']"),
        ({"a": Decimal("NaN")}, "values['a']"),
        ({"": 1}, "values key"),
        ([("a", 1)], "values"),
        # all Decimal, as the fast check reads them: each fault still named
        ({"a": Decimal(1), "b": Decimal("Infinity")}, "values['b']"),
        ({"a": Decimal(1), "": Decimal(2)}, "values key"),
        ({"a": Decimal(1), " ": Decimal(2)}, "values key"),
        ({"a": Decimal(1), 7: Decimal(2)}, "values key"),
    ],
)
def test_tier_portfolio_refuses_bad_values(values: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        tier_portfolio(values)  # type: ignore[arg-type]
    assert info.value.field == field


def test_tier_portfolio_refuses_a_bad_policy() -> None:
    with pytest.raises(InvalidInputError, match="policy"):
        tier_portfolio({"a": 1}, policy={"shares": []})  # type: ignore[arg-type]


def test_tiers_sort_best_first() -> None:
    assert sorted([Tier.SMALL, Tier.VIP, Tier.ORDINARY, Tier.MAJOR]) == list(Tier)
    assert Tier.VIP < Tier.MAJOR <= Tier.MAJOR
    assert Tier.SMALL > Tier.ORDINARY >= Tier.ORDINARY
    assert Tier.VIP.__lt__("vip") is NotImplemented
    assert Tier.VIP.__le__("vip") is NotImplemented
    assert Tier.VIP.__gt__("vip") is NotImplemented
    assert Tier.VIP.__ge__("vip") is NotImplemented


@pytest.mark.parametrize(
    ("shares", "says"),
    [
        ((Decimal("0.5"), Decimal("0.5"), Decimal("0.5")), "four shares"),
        (
            (Decimal("0.01"), Decimal("0.19"), Decimal("0.30"), Decimal("0.51")),
            "summing to exactly 1",
        ),
        ((Decimal(0), Decimal("0.2"), Decimal("0.3"), Decimal("0.5")), "a finite number > 0"),
        ((0.01, 0.19, 0.3, 0.51), "summing to exactly 1"),
        ((0.01, 0.19, float("inf"), 0.5), "a ratio must be finite"),
    ],
)
def test_bad_shares(shares: object, says: str) -> None:
    with pytest.raises(PolicyError, match=says):
        TierPolicy(shares=shares)  # type: ignore[arg-type]


def test_float_shares_are_the_decimals_they_are_written_as() -> None:
    """Rule T2 (decision "Numbers"): (0.01, 0.19, 0.3, 0.5) sums to exactly 1, the default."""
    floats = TierPolicy(shares=(0.01, 0.19, 0.3, 0.5))
    assert floats == DEFAULT_TIERS
    assert floats.shares == (Decimal("0.01"), Decimal("0.19"), Decimal("0.3"), Decimal("0.5"))
    assert floats.fingerprint() == DEFAULT_TIERS.fingerprint()
    assert TierPolicy.from_dict({"shares": [0.01, 0.19, 0.3, 0.5]}) == DEFAULT_TIERS
    values = {f"c-{i}": i for i in range(1, 101)}
    assert tier_portfolio(values, policy=floats) == tier_portfolio(values)


def test_tier_policy_as_data() -> None:
    assert DEFAULT_TIERS.to_dict() == {
        "shares": ["0.01", "0.19", "0.30", "0.50"],
        "mode": "head_count",
    }
    assert TierPolicy.from_dict(DEFAULT_TIERS.to_dict()) == DEFAULT_TIERS
    assert DEFAULT_TIERS.fingerprint() == "2dab9a1c7688d6ec"
    same = TierPolicy(shares=(Decimal("0.010"), Decimal("0.19"), Decimal("0.3"), Decimal("0.5")))
    assert same == DEFAULT_TIERS
    assert same.fingerprint() == DEFAULT_TIERS.fingerprint()
    with pytest.raises(PolicyError, match="mode"):
        TierPolicy.from_dict({"mode": "pareto"})


# Cuts ---------------------------------------------------------------------------------------


def test_cuts_of_one_customer() -> None:
    cuts = TierCuts.from_values({"a": 5})
    assert (cuts.vip, cuts.major, cuts.ordinary) == (Decimal(5),) * 3
    assert cuts.customers == 1
    assert cuts.tier_of(5) is Tier.VIP
    assert cuts.tier_of(4) is Tier.SMALL


def test_cuts_of_an_empty_portfolio_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="at least one customer"):
        TierCuts.from_values({})


def test_cuts_when_a_tier_is_empty() -> None:
    cuts = TierCuts.from_values({"a": 3, "b": 2, "c": 1})  # no major customer
    assert (cuts.vip, cuts.major, cuts.ordinary) == (Decimal(3), Decimal(3), Decimal(2))
    assert cuts.least_value(Tier.SMALL) is None
    assert cuts.least_value(Tier.MAJOR) == 3


def test_cuts_round_trip_for_workers() -> None:
    cuts = TierCuts.from_values({f"c-{i}": i for i in range(1, 101)})
    assert from_dict(TierCuts, to_dict(cuts)) == cuts
    assert cuts.policy_fingerprint == DEFAULT_TIERS.fingerprint()


def test_cuts_refuse_bad_values() -> None:
    cuts = TierCuts.from_values({"a": 1})
    with pytest.raises(InvalidInputError, match="value"):
        cuts.tier_of(1.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="tier"):
        cuts.least_value("vip")  # type: ignore[arg-type]


# Hysteresis -----------------------------------------------------------------------------------


CUTS = TierCuts.from_values({f"c-{i}": i for i in range(1, 101)})  # VIP 100, major 81, ordinary 51


@pytest.mark.parametrize(
    ("value", "previous", "band", "expected"),
    [
        (99, Tier.VIP, 5, Tier.VIP),  # 1 below the VIP cut: kept
        (95, Tier.VIP, 5, Tier.VIP),  # exactly the band below: kept
        (94, Tier.VIP, 5, Tier.MAJOR),  # more than the band below: down
        (40, Tier.VIP, 5, Tier.SMALL),  # far below: down all the way
        (48, Tier.MAJOR, 5, Tier.ORDINARY),  # below ordinary's cut by 3: only as far as the band
        (104, Tier.MAJOR, 5, Tier.MAJOR),  # above the VIP cut by less than the band
        (105, Tier.MAJOR, 5, Tier.VIP),  # reaches the cut plus the band: up
        (99, Tier.MAJOR, 0, Tier.MAJOR),
        (100, Tier.MAJOR, 0, Tier.VIP),  # band 0 is the plain tier
        (94, None, 5, Tier.MAJOR),  # no previous tier: plain
    ],
)
def test_hysteresis(value: int, previous: Tier | None, band: int, expected: Tier) -> None:
    assert retier(value, previous=previous, cuts=CUTS, band=band) is expected


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"previous": Tier.VIP, "cuts": {}, "band": 1}, "cuts"),
        ({"previous": "vip", "cuts": CUTS, "band": 1}, "previous"),
        ({"previous": Tier.VIP, "cuts": CUTS, "band": -1}, "band"),
        ({"previous": Tier.VIP, "cuts": CUTS, "band": 0.5}, "band"),
    ],
)
def test_hysteresis_refuses_bad_input(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        retier(50, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
