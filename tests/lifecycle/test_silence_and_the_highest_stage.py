"""Rules L1-L4 over time: silence never improves standing, the highest stage only rises,
and a one-time buyer is not active (docs/rules.md, the L1 and L4 decisions)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from custrel.lifecycle import (
    ChurnSignal,
    LifecyclePolicy,
    Stage,
    explain_stage,
    highest_stage,
    lifecycle_stage,
)
from custrel.models import Purchase

T0 = date(2026, 1, 1)


def on(offset: int, amount: str = "100.00") -> Purchase:
    return Purchase(
        customer_id="c-1",
        product="tea",
        amount=Decimal(amount),
        at=datetime.combine(T0 + timedelta(days=offset), datetime.min.time(), UTC),
    )


def day(offset: int) -> date:
    return T0 + timedelta(days=offset)


# An old purchase leaving the comparison window used to turn AT_RISK into GROWING on
# day 204 with nothing bought (and back to AT_RISK on day 223).
SILENT = [on(24, "50.00"), on(108, "50.00"), on(156, "300.00")]


def test_an_old_purchase_leaving_the_window_does_not_make_a_silent_customer_grow() -> None:
    stages = {lifecycle_stage(SILENT, as_of=day(d)) for d in range(198, 355)}
    assert stages == {Stage.AT_RISK}
    assert lifecycle_stage(SILENT, as_of=day(355)) is Stage.LAPSED


def test_a_held_stage_says_since_when_and_why() -> None:
    why = explain_stage(SILENT, as_of=day(210))
    assert (why.stage, why.underlying) == (Stage.AT_RISK, Stage.ACTIVE)
    assert why.held_since == day(198)
    assert why.signals == (ChurnSignal.FREQUENCY_DROP,)
    assert why.reason_en == (
        "active but showing warning signals (fewer purchases): at risk;"
        " held since 2026-07-18: nothing bought since, so no rise"
    )
    assert why.reason_zh.endswith("（自 2026-07-18 起保持：此后未再购买，阶段不上升）")
    assert explain_stage(SILENT, as_of=day(198)).held_since is None


def test_a_stage_reached_by_a_purchase_is_not_held() -> None:
    assert explain_stage(SILENT, as_of=day(156)).held_since is None


def test_a_won_back_customer_settles_into_active_not_growing() -> None:
    # lapsed after day 0, back on day 400 and 480: growing by the windows on day 491,
    # but nothing was bought after day 480
    history = [on(0), on(400), on(480, "400.00")]
    assert lifecycle_stage(history, as_of=day(490)) is Stage.WON_BACK
    after = explain_stage(history, as_of=day(491))
    assert (after.stage, after.held_since) == (Stage.ACTIVE, None)
    assert lifecycle_stage(history, as_of=day(520)) is Stage.ACTIVE


@pytest.mark.parametrize(
    ("days_after", "stage"),
    [(0, Stage.NEW), (90, Stage.NEW), (91, Stage.LAPSED), (181, Stage.LAPSED)],
)
def test_one_purchase_is_new_then_lapsed_and_its_highest_stage_stays_new(
    days_after: int, stage: Stage
) -> None:
    """One purchase used to give NEW, ACTIVE at +91 days and NEW again at +181."""
    assert lifecycle_stage([on(0)], as_of=day(days_after)) is stage
    assert highest_stage([on(0)], as_of=day(days_after)) is Stage.NEW


def test_29_february_one_time_buyer_lapses_on_the_91st_day() -> None:
    bought = [
        Purchase(
            customer_id="c-1", product="tea", amount=1, at=datetime(2024, 2, 29, 12, tzinfo=UTC)
        )
    ]
    assert lifecycle_stage(bought, as_of=date(2024, 5, 29)) is Stage.NEW
    assert lifecycle_stage(bought, as_of=date(2024, 5, 30)) is Stage.LAPSED


def test_a_return_after_the_one_time_horizon_is_won_back() -> None:
    assert lifecycle_stage([on(0), on(100)], as_of=day(100)) is Stage.WON_BACK
    assert lifecycle_stage([on(0), on(90)], as_of=day(90)) is Stage.ACTIVE


def test_a_longer_one_time_horizon_leaves_a_single_purchase_at_risk_not_active() -> None:
    policy = LifecyclePolicy(one_time_horizon_days=120)
    why = explain_stage([on(0)], as_of=day(100), policy=policy)
    assert (why.stage, why.underlying) == (Stage.AT_RISK, Stage.NEW)
    assert why.signals == (ChurnSignal.OVERDUE_REPURCHASE,)
    assert why.reason_zh.startswith("新客户出现流失预警")
    assert lifecycle_stage([on(0)], as_of=day(121), policy=policy) is Stage.LAPSED
    assert highest_stage([on(0)], as_of=day(121), policy=policy) is Stage.NEW


def test_a_shorter_one_time_horizon_cuts_new_short() -> None:
    policy = LifecyclePolicy(one_time_horizon_days=30)
    assert lifecycle_stage([on(0)], as_of=day(30), policy=policy) is Stage.NEW
    assert lifecycle_stage([on(0)], as_of=day(31), policy=policy) is Stage.LAPSED


def test_the_highest_stage_counts_growth_shown_between_purchases() -> None:
    """GROWING on a purchase day and held for days after stays the highest reached."""
    history = [on(d) for d in (0, 30, 60, 90, 120, 150)] + [on(180, "900.00")]
    assert lifecycle_stage(history, as_of=day(181)) is Stage.GROWING
    assert highest_stage(history, as_of=day(700)) is Stage.GROWING
    assert lifecycle_stage(history, as_of=day(700)) is Stage.LAPSED


def test_a_customer_shown_lapsed_who_buys_again_is_won_back() -> None:
    """Rule L4: the horizon that lapses a customer also decides the win-back.

    Intervals of 400 (a lapse, left out) and 100 days give a 300-day horizon: silent 340
    days, the customer was LAPSED, so buying again makes them WON_BACK (it used to be
    ACTIVE, judged by a horizon from both intervals).
    """
    history = [on(0), on(400), on(500)]
    assert explain_stage(history, as_of=day(801)).horizon_days == 300
    assert lifecycle_stage(history, as_of=day(801)) is Stage.LAPSED
    assert lifecycle_stage([*history, on(840)], as_of=day(840)) is Stage.WON_BACK
