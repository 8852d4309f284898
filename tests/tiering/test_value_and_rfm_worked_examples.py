"""Rule T3 and RFM: value indicators and RFM scores of worked portfolios."""

from datetime import UTC, date, datetime

import pytest

from custrel.models import Purchase
from custrel.tiering import (
    ValueIndicators,
    ValueMeasure,
    customer_value,
    portfolio_values,
    rfm_scores,
    rfm_segment,
)
from tests._values import AS_OF, D

# rules T3 and RFM: worked examples -----------------------------------------------------------


def line(
    day: int,
    amount: int,
    customer: str = "c-1",
    *,
    order: str | None = None,
    profit: int | None = None,
    refund: bool = False,
) -> Purchase:
    return Purchase(
        customer_id=customer,
        at=datetime(2026, 11, day, 12, tzinfo=UTC),
        product="tea",
        amount=D(amount),
        profit=None if profit is None else D(profit),
        order_id=order,
        refund=refund,
    )


HISTORY = [
    line(10, 100, order="o-1", profit=20),
    line(5, 50, order="o-1", profit=10),  # the same order, an earlier line
    line(15, 30, profit=6),
    line(16, 40, profit=8, refund=True),
    line(23, 1000, profit=200),  # the day after as_of
    line(22, 10, profit=2),  # on as_of
    line(20, 5, "c-2", order="o-1", profit=1),  # another customer's order o-1
]


def test_value_indicators_of_orders_refunds_and_the_reference_day() -> None:
    v = ValueIndicators.from_purchases(HISTORY, as_of=AS_OF)
    assert (v.transactions, v.total_amount, v.refunded, v.total_profit) == (4, D(155), D(40), D(31))
    assert (v.average_amount, v.largest_amount) == (D("48.75"), D(150))
    assert (v.first_purchase, v.last_purchase) == (date(2026, 11, 5), date(2026, 11, 22))
    assert v.tenure_days == 17
    assert v.average_interval_days == pytest.approx(17 / 3)


def test_portfolio_values_by_profit_and_by_amount() -> None:
    assert portfolio_values(HISTORY, as_of=AS_OF, measure=ValueMeasure.PROFIT) == {
        "c-1": D(30),
        "c-2": D(1),
    }
    assert portfolio_values(HISTORY, as_of=AS_OF) == {"c-1": D(150), "c-2": D(5)}
    assert portfolio_values(
        HISTORY, as_of=AS_OF, measure=lambda v: D(v.transactions), customers=["c-3", "c-1", "c-2"]
    ) == {"c-3": D(0), "c-1": D(3), "c-2": D(1)}


def test_a_profit_unknown_after_the_reference_day_does_not_count() -> None:
    late = [line(1, 10, profit=1), line(23, 10)]
    assert portfolio_values(late, as_of=AS_OF, measure=ValueMeasure.PROFIT) == {"c-1": D(1)}
    known = ValueIndicators.from_purchases(late, as_of=AS_OF)
    assert customer_value(known, measure=ValueMeasure.PROFIT) == D(1)


def test_rfm_scores_of_a_worked_portfolio() -> None:
    purchases = [
        line(21, 100, "a", order="x"),
        line(18, 50, "a", order="x"),  # order x is on the 18th, its earliest line
        line(23, 999, "a"),  # after as_of
        line(20, 20, "b"),
        line(10, 20, "b"),
        line(22, 10, "c"),
        line(22, 30, "c", refund=True),
        line(1, 5, "d", refund=True),
    ]
    scores = rfm_scores(purchases, as_of=AS_OF, customers=["a", "b", "c", "d", "e"])
    assert {cid: (s.recency_days, s.frequency, s.monetary) for cid, s in scores.items()} == {
        "a": (4, 1, D(150)),
        "b": (2, 2, D(40)),
        "c": (0, 1, D(-20)),
        "d": (None, 0, D(-5)),
        "e": (None, 0, D(0)),
    }
    assert {cid: s.cell for cid, s in scores.items()} == {
        "a": (3, 3, 5),
        "b": (4, 5, 4),
        "c": (5, 3, 1),
        "d": (1, 1, 1),
        "e": (1, 1, 1),
    }
    assert rfm_segment(scores["b"]).name == "champions"
    assert rfm_segment(scores["a"]).name == "loyal"


@pytest.mark.parametrize(
    ("bins", "cells"),
    [
        (1, [(1, 1, 1)] * 4),
        (2, [(1, 1, 1), (1, 1, 1), (2, 2, 2), (2, 2, 2)]),
        (4, [(1, 1, 1), (2, 1, 2), (3, 3, 3), (4, 4, 4)]),
        (100, [(1, 1, 1), (26, 1, 26), (51, 51, 51), (76, 76, 76)]),
    ],
)
def test_rfm_scores_are_one_plus_bins_times_the_worse_share(
    bins: int, cells: list[tuple[int, int, int]]
) -> None:
    purchases = [
        line(1, 10, "w"),
        line(2, 20, "x"),
        line(3, 30, "y"),
        line(3, 30, "y"),
        line(4, 40, "z"),
        line(4, 40, "z"),
        line(4, 40, "z"),
    ]
    scores = rfm_scores(purchases, as_of=AS_OF, bins=bins)
    assert [s.cell for s in scores.values()] == cells


def test_refunds_add_up() -> None:
    refunds = [line(2, 40, refund=True), line(3, 15, refund=True), line(1, 100)]
    v = ValueIndicators.from_purchases(refunds, as_of=AS_OF)
    assert (v.refunded, v.total_amount, v.transactions) == (D(55), D(45), 1)


@pytest.mark.parametrize(
    ("days", "interval"),
    [([1], None), ([1, 11], 10.0), ([1, 11, 4], 5.0), ([3, 3], 0.0)],
)
def test_the_average_interval_needs_two_orders(days: list[int], interval: float | None) -> None:
    v = ValueIndicators.from_purchases([line(day, 10) for day in days], as_of=AS_OF)
    assert v.average_interval_days == interval
