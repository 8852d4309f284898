"""Properties of backtest_lifecycle and calibrate_lifecycle (rules L1-L4)."""

import pathlib
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from custrel import strategies as cs
from custrel.io import load_policies
from custrel.lifecycle import (
    DEFAULT_LIFECYCLE,
    BacktestFigures,
    LifecycleBacktest,
    LifecyclePolicy,
    backtest_lifecycle,
    calibrate_lifecycle,
)
from custrel.models import Purchase

AT = cs.dates(min_value=date(2001, 1, 1), max_value=date(2030, 12, 31))
POLICIES = st.one_of(st.just(DEFAULT_LIFECYCLE), cs.lifecycle_policies())


@st.composite
def portfolios(draw: st.DrawFn, *, max_size: int = 30) -> tuple[date, date, list[Purchase]]:
    """An ``at``, an ``until`` after it, and purchases of a few customers around both."""
    at = draw(AT)
    until = at + timedelta(days=draw(st.integers(1, 400)))
    low, high = at - timedelta(days=700), until + timedelta(days=30)
    purchases = draw(
        st.lists(
            st.sampled_from(["c-1", "c-2", "c-3", "c-4"]).flatmap(
                lambda cid: cs.purchases(customer_id=cid, min_value=low, max_value=high)
            ),
            max_size=max_size,
        )
    )
    return at, until, purchases


def figures_of(result: LifecycleBacktest) -> list[BacktestFigures]:
    return [
        result.lapsed,
        result.at_risk_or_lapsed,
        result.silent_over_90_days,
        result.silent_over_180_days,
    ]


@given(portfolios(), POLICIES)
def test_every_figure_is_in_0_to_1_or_undefined(
    case: tuple[date, date, list[Purchase]], policy: LifecyclePolicy
) -> None:
    at, until, purchases = case
    result = backtest_lifecycle(purchases, at=at, until=until, policy=policy)
    for figures in figures_of(result):
        for value in (figures.balanced_accuracy, figures.precision, figures.recall):
            assert value is None or Decimal(0) <= value <= Decimal(1)
        counts = (
            figures.true_positives
            + figures.false_positives
            + figures.false_negatives
            + figures.true_negatives
        )
        assert counts == result.customers
    for row in result.stages:
        assert row.share is None or Decimal(0) <= row.share <= Decimal(1)


@given(portfolios())
def test_balanced_accuracy_is_undefined_exactly_when_a_class_is_empty(
    case: tuple[date, date, list[Purchase]],
) -> None:
    at, until, purchases = case
    result = backtest_lifecycle(purchases, at=at, until=until)
    one_class = result.bought_again in {0, result.customers}
    assert all((f.balanced_accuracy is None) is one_class for f in figures_of(result))


@given(portfolios())
def test_the_stage_table_adds_up_to_the_population(
    case: tuple[date, date, list[Purchase]],
) -> None:
    at, until, purchases = case
    result = backtest_lifecycle(purchases, at=at, until=until)
    assert sum(row.customers for row in result.stages) == result.customers
    assert sum(row.bought_again for row in result.stages) == result.bought_again
    sellers = {p.customer_id for p in purchases if not p.refund and p.at.date() <= at}
    assert result.customers == len(sellers)


@given(portfolios(), st.randoms(use_true_random=False))
def test_the_order_of_the_records_does_not_matter(
    case: tuple[date, date, list[Purchase]], rng: Random
) -> None:
    at, until, purchases = case
    shuffled = list(purchases)
    rng.shuffle(shuffled)
    assert backtest_lifecycle(shuffled, at=at, until=until) == backtest_lifecycle(
        purchases, at=at, until=until
    )


@settings(max_examples=25)
@given(portfolios(max_size=15), POLICIES)
def test_the_calibrated_policy_is_never_worse_than_the_starting_one(
    case: tuple[date, date, list[Purchase]], policy: LifecyclePolicy
) -> None:
    at, until, purchases = case
    found = calibrate_lifecycle(purchases, at=at, until=until, policy=policy)
    before, after = found.before.lapsed.balanced_accuracy, found.after.lapsed.balanced_accuracy
    if before is None:
        assert found.policy == policy or after is not None
    else:
        assert after is not None
        assert after >= before
    assert found.before == backtest_lifecycle(purchases, at=at, until=until, policy=policy)


@settings(max_examples=25)
@given(portfolios(max_size=15), POLICIES)
def test_the_calibrated_policy_reads_back_from_its_toml(
    case: tuple[date, date, list[Purchase]], policy: LifecyclePolicy
) -> None:
    at, until, purchases = case
    found = calibrate_lifecycle(purchases, at=at, until=until, policy=policy)
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "policy.toml"
        path.write_text(found.to_toml(), encoding="utf-8")
        assert load_policies(path).lifecycle == found.policy


@given(cs.lifecycle_policies())
def test_any_policy_reads_back_from_a_calibration_toml(policy: LifecyclePolicy) -> None:
    """Every field and every Decimal spelling survives the TOML (not only the grid's)."""
    found = calibrate_lifecycle([], at=date(2020, 1, 1), until=date(2020, 6, 1), policy=policy)
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "policy.toml"
        path.write_text(found.to_toml(), encoding="utf-8")
        assert load_policies(path).lifecycle == policy
