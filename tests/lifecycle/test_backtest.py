"""backtest_lifecycle: stages on ``at`` against who bought again by ``until`` (L1-L4)."""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import pytest

import custrel
from custrel.errors import InvalidInputError
from custrel.lifecycle import (
    DEFAULT_LIFECYCLE,
    BacktestFigures,
    LifecycleBacktest,
    LifecyclePolicy,
    Stage,
    StageOutcome,
    backtest_lifecycle,
)
from custrel.models import Purchase

AT = date(1997, 9, 30)
UNTIL = date(1998, 6, 30)
CST = timezone(timedelta(hours=8))


def sale(cid: str, day: date, *, refund: bool = False, tz: timezone = UTC) -> Purchase:
    return Purchase(
        customer_id=cid,
        product="cd",
        amount=Decimal(10),
        refund=refund,
        at=datetime(day.year, day.month, day.day, 12, tzinfo=tz),
    )


def ago(days: int, at: date = AT) -> date:
    return at - timedelta(days=days)


def later(days: int, at: date = AT) -> date:
    return at + timedelta(days=days)


# Who is counted and what counts as buying again -----------------------------------------------


def test_an_empty_portfolio_has_no_customers_and_every_figure_undefined() -> None:
    result = backtest_lifecycle([], at=AT, until=UNTIL)
    assert (result.customers, result.bought_again) == (0, 0)
    assert [row.customers for row in result.stages] == [0] * 6
    assert all(row.share is None for row in result.stages)
    for figures in (result.lapsed, result.at_risk_or_lapsed, result.silent_over_180_days):
        assert (figures.balanced_accuracy, figures.precision, figures.recall) == (None,) * 3
    assert result.reason_en == "nobody had a sale on or before 1997-09-30: nothing to compare"
    assert result.reason_zh == "1997-09-30 及之前无人购买：无可比较"


def test_the_stage_table_lists_every_stage_but_prospect_in_stage_order() -> None:
    result = backtest_lifecycle([], at=AT, until=UNTIL)
    assert [row.stage for row in result.stages] == [s for s in Stage if s is not Stage.PROSPECT]


def test_one_customer_who_came_back_is_one_buyer_in_their_stage() -> None:
    result = backtest_lifecycle([sale("a", ago(10)), sale("a", later(5))], at=AT, until=UNTIL)
    assert (result.customers, result.bought_again) == (1, 1)
    new = next(row for row in result.stages if row.stage is Stage.NEW)
    assert (new.customers, new.bought_again, new.share) == (1, 1, Decimal("1.0000"))


def test_customers_whose_first_sale_is_after_at_are_not_in_the_population() -> None:
    result = backtest_lifecycle([sale("a", later(1)), sale("b", AT)], at=AT, until=UNTIL)
    assert result.customers == 1


def test_a_customer_with_only_refunds_by_at_is_not_in_the_population() -> None:
    result = backtest_lifecycle([sale("a", ago(5), refund=True)], at=AT, until=UNTIL)
    assert result.customers == 0


def test_a_refund_after_at_is_not_buying_again() -> None:
    result = backtest_lifecycle(
        [sale("a", ago(5)), sale("a", later(5), refund=True)], at=AT, until=UNTIL
    )
    assert result.bought_again == 0


@pytest.mark.parametrize(
    ("day", "bought"),
    [
        (AT, False),  # on at: before the window, so the stage already knew it
        (later(1), True),  # the first day of (at, until]
        (UNTIL, True),  # the last day, inclusive
        (UNTIL + timedelta(days=1), False),  # just after
    ],
)
def test_bought_again_means_a_sale_in_at_exclusive_to_until_inclusive(
    day: date, bought: bool
) -> None:
    result = backtest_lifecycle([sale("a", ago(3)), sale("a", day)], at=AT, until=UNTIL)
    assert result.bought_again == int(bought)


def test_days_are_the_local_calendar_day_of_each_sale() -> None:
    """23:30 on 1 October in Shanghai is still 1 October there: inside the window."""
    late = Purchase(
        customer_id="a",
        product="cd",
        amount=Decimal(1),
        at=datetime(1997, 10, 1, 0, 30, tzinfo=CST),  # 30 Sep 16:30 UTC
    )
    result = backtest_lifecycle([sale("a", ago(3)), late], at=AT, until=UNTIL)
    assert result.bought_again == 1


def test_everybody_bought_again_leaves_recall_and_balanced_accuracy_undefined() -> None:
    result = backtest_lifecycle(
        [sale("a", ago(300)), sale("a", later(3)), sale("b", ago(3)), sale("b", later(3))],
        at=AT,
        until=UNTIL,
    )
    figures = result.lapsed
    assert (figures.balanced_accuracy, figures.recall, figures.precision) == (
        None,
        None,
        Decimal("0.0000"),
    )
    assert (
        "LAPSED: balanced accuracy undefined (everybody bought again), precision 0.0000, "
        "recall undefined (everybody bought again)"
    ) in result.reason_en
    assert "流失客户：平衡准确率无法计算（全部再次购买），精确率 0.0000" in result.reason_zh


def test_nobody_bought_again_leaves_balanced_accuracy_undefined() -> None:
    result = backtest_lifecycle([sale("a", ago(300)), sale("b", ago(3))], at=AT, until=UNTIL)
    figures = result.lapsed
    assert (figures.balanced_accuracy, figures.precision, figures.recall) == (
        None,
        Decimal("1.0000"),
        Decimal("0.5000"),
    )
    assert "LAPSED: balanced accuracy undefined (nobody bought again)" in result.reason_en
    assert "平衡准确率无法计算（无人再次购买）" in result.reason_zh


def test_precision_is_undefined_when_nobody_is_called() -> None:
    result = backtest_lifecycle([sale("a", ago(3)), sale("b", ago(4))], at=AT, until=UNTIL)
    assert result.lapsed.precision is None
    assert "precision undefined (none called)" in result.reason_en
    assert "精确率无法计算（无人被判定）" in result.reason_zh


# The figures, worked by hand -------------------------------------------------------------------

# Customers with one purchase only where the one-time horizon cannot matter (NEW d).
# a: silent 300 days, LAPSED, gone.       b: silent 200 days, LAPSED, came back.
# c: every 30 days, silent 100: AT_RISK (overdue), gone.
# d: one sale 10 days ago: NEW, came back.
# e: as c, and came back.
HAND = [
    sale("a", ago(330)),
    sale("a", ago(300)),
    sale("b", ago(230)),
    sale("b", ago(200)),
    sale("b", later(30)),
    *(sale("c", ago(days)) for days in (160, 130, 100)),
    sale("d", ago(10)),
    sale("d", later(100)),
    *(sale("e", ago(days)) for days in (160, 130, 100)),
    sale("e", later(200)),
]


def test_the_per_stage_table_counts_customers_and_buyers() -> None:
    result = backtest_lifecycle(HAND, at=AT, until=UNTIL)
    table = {row.stage: (row.customers, row.bought_again, row.share) for row in result.stages}
    assert table[Stage.LAPSED] == (2, 1, Decimal("0.5000"))
    assert table[Stage.AT_RISK] == (2, 1, Decimal("0.5000"))
    assert table[Stage.NEW] == (1, 1, Decimal("1.0000"))
    assert table[Stage.ACTIVE] == (0, 0, None)


def test_lapsed_figures() -> None:
    """TP a, FP b, FN c, TN d e: recall 1/2, specificity 2/3, balanced 7/12."""
    figures = backtest_lifecycle(HAND, at=AT, until=UNTIL).lapsed
    assert figures == BacktestFigures(
        rule="lapsed",
        true_positives=1,
        false_positives=1,
        false_negatives=1,
        true_negatives=2,
        balanced_accuracy=Decimal("0.5833"),
        precision=Decimal("0.5000"),
        recall=Decimal("0.5000"),
    )


def test_at_risk_or_lapsed_figures() -> None:
    """TP a c, FP b e, TN d: recall 1, specificity 1/3, balanced 2/3."""
    figures = backtest_lifecycle(HAND, at=AT, until=UNTIL).at_risk_or_lapsed
    assert (figures.true_positives, figures.false_positives, figures.true_negatives) == (2, 2, 1)
    assert figures.balanced_accuracy == Decimal("0.6667")


@pytest.mark.parametrize(
    ("silent", "called"),
    [(90, False), (91, True)],  # more than 90 days
)
def test_the_90_day_silence_rule_calls_more_than_90_days(silent: int, called: bool) -> None:
    result = backtest_lifecycle([sale("a", ago(silent))], at=AT, until=UNTIL)
    assert result.silent_over_90_days.false_negatives == int(not called)
    assert result.silent_over_90_days.true_positives == int(called)


@pytest.mark.parametrize(("silent", "called"), [(180, False), (181, True)])
def test_the_180_day_silence_rule_calls_more_than_180_days(silent: int, called: bool) -> None:
    result = backtest_lifecycle([sale("a", ago(silent))], at=AT, until=UNTIL)
    assert result.silent_over_180_days.true_positives == int(called)


def test_silence_counts_from_the_last_sale_not_a_later_refund() -> None:
    result = backtest_lifecycle(
        [sale("a", ago(100)), sale("a", ago(1), refund=True)], at=AT, until=UNTIL
    )
    assert result.silent_over_90_days.true_positives == 1


def test_the_reason_gives_the_population_and_every_call() -> None:
    result = backtest_lifecycle(HAND, at=AT, until=UNTIL)
    assert result.reason_en.startswith(
        "staged on 1997-09-30: 5 customers with a sale by then, 3 (60.00 %) bought again "
        "by 1998-06-30; LAPSED: balanced accuracy 0.5833, precision 0.5000, recall 0.5000; "
        "AT_RISK or LAPSED: "
    )
    assert "; silent over 180 days: " in result.reason_en
    assert result.reason_zh.startswith(
        "于 1997-09-30 分阶段：此前有购买的客户 5 位，"
        "其中 3 位（60.00 %）在 1998-06-30 前再次购买；"
        "流失客户：平衡准确率 0.5833，精确率 0.5000，召回率 0.5000；流失风险或流失客户："
    )


def test_the_policy_is_the_one_staged_with() -> None:
    strict = LifecyclePolicy(horizon_floor_days=90, horizon_ceiling_days=90)
    result = backtest_lifecycle(HAND, at=AT, until=UNTIL, policy=strict)
    assert result.policy_fingerprint == strict.fingerprint()
    assert result.lapsed.true_positives + result.lapsed.false_positives == 4  # e and c too


@pytest.mark.parametrize(
    "at",
    [
        date(2024, 2, 29),
        date(2023, 2, 28),
        date(2024, 1, 31),
        date(2024, 4, 30),
        date(2024, 12, 31),
    ],
)
def test_month_ends_and_29_february_as_at(at: date) -> None:
    history = [
        sale("a", ago(1, at)),
        sale("a", later(1, at)),
        sale("b", ago(365, at)),
        sale("c", at),
    ]
    result = backtest_lifecycle(history, at=at, until=at + timedelta(days=1))
    assert (result.customers, result.bought_again) == (3, 1)
    assert result.lapsed.true_positives == 1  # b, a year silent


def test_the_top_level_package_exports_it() -> None:
    assert custrel.backtest_lifecycle is backtest_lifecycle


# Refusals --------------------------------------------------------------------------------------


@pytest.mark.parametrize("until", [AT, AT - timedelta(days=1)])
def test_until_must_be_after_at(until: date) -> None:
    with pytest.raises(InvalidInputError) as caught:
        backtest_lifecycle([], at=AT, until=until)
    assert (caught.value.field, caught.value.value) == ("until", until)
    assert caught.value.expected == "a date after at (1997-09-30)"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"at": "1997-09-30"}, "at"),
        ({"until": "1998-06-30"}, "until"),
        ({"until": datetime(1998, 6, 30, tzinfo=UTC)}, "until"),
        ({"policy": {"new_days": 30}}, "policy"),
    ],
)
def test_bad_arguments_are_refused_naming_the_field(kwargs: dict[str, object], field: str) -> None:
    arguments: dict[str, object] = {"at": AT, "until": UNTIL, "policy": DEFAULT_LIFECYCLE}
    arguments.update(kwargs)
    with pytest.raises(InvalidInputError) as caught:
        backtest_lifecycle([], **arguments)  # type: ignore[arg-type]
    assert caught.value.field == field


@pytest.mark.parametrize("purchases", ["abc", 3])
def test_purchases_must_be_an_iterable(purchases: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        backtest_lifecycle(purchases, at=AT, until=UNTIL)  # type: ignore[arg-type]
    assert caught.value.field == "purchases"


def test_an_item_that_is_not_a_purchase_is_refused_with_its_index() -> None:
    with pytest.raises(InvalidInputError) as caught:
        backtest_lifecycle([sale("a", AT), {"customer_id": "b"}], at=AT, until=UNTIL)  # type: ignore[list-item]
    assert (caught.value.field, caught.value.expected) == ("purchases[1]", "a Purchase")


# The result types check themselves -------------------------------------------------------------


def good() -> LifecycleBacktest:
    return backtest_lifecycle(HAND, at=AT, until=UNTIL)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"precision": Decimal("0.4")}, "BacktestFigures.precision"),
        ({"recall": None}, "BacktestFigures.recall"),
        ({"balanced_accuracy": Decimal("0.5")}, "BacktestFigures.balanced_accuracy"),
        ({"true_positives": -1}, "BacktestFigures.true_positives"),
        ({"precision": Decimal("1.5")}, "BacktestFigures.precision"),
        ({"rule": ""}, "BacktestFigures.rule"),
    ],
)
def test_backtest_figures_must_agree_with_their_counts(change: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(good().lapsed, **change)
    assert caught.value.field == field


def test_backtest_figures_built_from_their_counts_are_accepted() -> None:
    figures = good().lapsed
    assert attrs.evolve(figures) == figures


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"bought_again": 3}, "StageOutcome.bought_again"),
        ({"share": Decimal("0.4")}, "StageOutcome.share"),
        ({"share": None}, "StageOutcome.share"),
        ({"customers": True}, "StageOutcome.customers"),
    ],
)
def test_a_stage_row_must_agree_with_itself(change: dict[str, Any], field: str) -> None:
    row = StageOutcome(stage=Stage.LAPSED, customers=2, bought_again=1, share=Decimal("0.5"))
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(row, **change)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"until": AT}, "LifecycleBacktest.until"),
        ({"customers": 6}, "LifecycleBacktest.stages"),
        ({"bought_again": 2}, "LifecycleBacktest.stages"),
        ({"stages": ("row",)}, "LifecycleBacktest.stages[0]"),
        ({"lapsed": None}, "LifecycleBacktest.lapsed"),
        ({"policy_fingerprint": "abc"}, "LifecycleBacktest.policy_fingerprint"),
    ],
)
def test_a_backtest_must_add_up(change: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(good(), **change)
    assert caught.value.field == field


def test_a_backtest_rebuilt_from_its_fields_is_equal() -> None:
    result = good()
    assert LifecycleBacktest(**attrs.asdict(result, recurse=False)) == result
