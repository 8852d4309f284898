"""Rule L4 (decision): a lapse is left out of the median that sets today's horizon.

Issue 23 item 4: purchases 500 and 100 days ago gave ACTIVE with no signal (median
400 days, horizon 365), so a customer already lost once was never warned again.
"""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from custrel.lifecycle import ChurnSignal, Stage, churn_signals, explain_stage, lifecycle_stage
from custrel.models import Purchase
from tests._values import AS_OF


def sale(days_ago: int) -> Purchase:
    """A sale ``days_ago`` days before AS_OF, at noon UTC."""
    day = AS_OF - timedelta(days=days_ago)
    return Purchase(
        customer_id="c-1",
        product="tea",
        amount=Decimal(100),
        at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
    )


def test_won_back_then_silent_is_warned() -> None:
    """500 and 100 days ago: the 400-day lapse is no rhythm; overdue after 90 days."""
    history = [sale(500), sale(100)]
    assert lifecycle_stage(history, as_of=AS_OF) is Stage.AT_RISK
    assert churn_signals(history, as_of=AS_OF) == (ChurnSignal.OVERDUE_REPURCHASE,)


def test_a_lapse_leaves_no_median_and_the_floor_horizon() -> None:
    """With only a lapse between two occasions, the horizon is the floor (180 days)."""
    why = explain_stage([sale(500), sale(100)], as_of=AS_OF)
    assert (why.median_interval_days, why.horizon_days) == (None, 180)


@pytest.mark.parametrize(
    ("silent", "expected"),
    [(180, Stage.AT_RISK), (181, Stage.LAPSED)],  # the floor, not 365 days
)
def test_second_lapse_is_counted_from_the_floor(silent: int, expected: Stage) -> None:
    """After a 400-day lapse, silence past 180 days is a second lapse."""
    history = [sale(silent + 400), sale(silent)]
    assert lifecycle_stage(history, as_of=AS_OF) is expected


def test_the_rhythm_after_a_lapse_sets_the_horizon() -> None:
    """Gaps of 400 (a lapse) then 70: the horizon is 3 x 70 = 210, not the ceiling."""
    why = explain_stage([sale(480), sale(80), sale(10)], as_of=AS_OF)
    assert (why.median_interval_days, why.horizon_days) == (Decimal(70), 210)


@pytest.mark.parametrize(
    ("silent", "expected"),
    [(210, Stage.AT_RISK), (211, Stage.LAPSED)],  # overdue past 70 days, lapsed past 210
)
def test_the_horizon_after_a_lapse_boundary(silent: int, expected: Stage) -> None:
    """Just at and just past the 210-day horizon set by the rhythm after the lapse."""
    history = [sale(silent + 470), sale(silent + 70), sale(silent)]
    assert lifecycle_stage(history, as_of=AS_OF) is expected


def test_a_steady_buyer_past_the_floor_keeps_their_rhythm() -> None:
    """Every 200 days: only the first gap (past the one-occasion floor) is a lapse."""
    history = [sale(10 + 200 * k) for k in range(4)]
    why = explain_stage(history, as_of=AS_OF)
    assert (why.median_interval_days, why.horizon_days) == (Decimal(200), 365)
