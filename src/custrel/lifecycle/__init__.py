"""Lifecycle stages and churn warning signals (rules L1-L4: 客户生命周期).

A customer's stage is read off their own purchase history on a reference day
``as_of``: a prospect (潜在客户) has not bought yet; a new customer (新客户) bought
once, recently; an active one (活跃客户) keeps buying, a growing one (成长客户) spends
clearly more than before; an active customer showing warning signals (rule L3) is at
risk (流失风险客户); one silent past their churn horizon has lapsed (流失客户); and a
lapsed customer who buys again is won back (挽回客户) for a settling period.

Only records dated on or before ``as_of`` (their own local calendar day) count, so a
past ``as_of`` gives the stage as it was then. Several sales on one day are one
purchase occasion; refunds lower the spend of their day and are never an occasion.

>>> from datetime import date, datetime, timezone
>>> from custrel.lifecycle import lifecycle_stage
>>> from custrel.models import Purchase
>>> def sale(day, amount=100):
...     return Purchase(customer_id="c-1", at=datetime.combine(day, datetime.min.time(),
...                     timezone.utc), product="tea", amount=amount)
>>> lifecycle_stage([], as_of=date(2026, 11, 22))
<Stage.PROSPECT: 'prospect'>
>>> lifecycle_stage([sale(date(2026, 10, 1))], as_of=date(2026, 11, 22))
<Stage.NEW: 'new'>
>>> lifecycle_stage([sale(date(2025, 10, 1))], as_of=date(2026, 11, 22))
<Stage.LAPSED: 'lapsed'>
"""

from custrel.lifecycle._backtest import backtest_lifecycle
from custrel.lifecycle._calibrate import LifecycleCalibration, calibrate_lifecycle
from custrel.lifecycle._explain import (
    ChurnWindow,
    StageExplanation,
    explain_stage,
)
from custrel.lifecycle._outcomes import BacktestFigures, LifecycleBacktest, StageOutcome
from custrel.lifecycle._policy import (
    DEFAULT_LIFECYCLE,
    ChurnSignal,
    LifecyclePolicy,
    Stage,
)
from custrel.lifecycle._portfolio import (
    CustomerStage,
    portfolio_stages,
    stage_counts,
)
from custrel.lifecycle._stages import (
    churn_signals,
    highest_stage,
    lifecycle_stage,
)

__all__ = [
    "DEFAULT_LIFECYCLE",
    "BacktestFigures",
    "ChurnSignal",
    "ChurnWindow",
    "CustomerStage",
    "LifecycleBacktest",
    "LifecycleCalibration",
    "LifecyclePolicy",
    "Stage",
    "StageExplanation",
    "StageOutcome",
    "backtest_lifecycle",
    "calibrate_lifecycle",
    "churn_signals",
    "explain_stage",
    "highest_stage",
    "lifecycle_stage",
    "portfolio_stages",
    "stage_counts",
]
