"""Rules L1-L4: stage counts, growth, spend drops and explanations do not depend on the caller's
decimal context.
"""

import decimal
from datetime import UTC, date, datetime
from decimal import Decimal

from custrel.lifecycle import (
    ChurnSignal,
    CustomerStage,
    LifecyclePolicy,
    Stage,
    churn_signals,
    explain_stage,
    highest_stage,
    lifecycle_stage,
    portfolio_stages,
    stage_counts,
)
from custrel.models import Purchase
from tests._refusal_samples import gripe, sale
from tests._scant_context import SCANT
from tests._values import AS_OF, D

# Behaviour the refusals do not reach ----------------------------------------------------------


def test_l1_stage_counts_count_every_customer_of_a_stage() -> None:
    customers = [
        ("c-1", [], []),
        ("c-2", [], []),
        ("c-3", [], []),
        ("c-4", [sale("c-4")], []),
        ("c-5", [sale("c-5")], [gripe("c-5")]),
    ]
    counts = stage_counts(customers, as_of=AS_OF)
    assert counts == {
        Stage.PROSPECT: 3,
        Stage.NEW: 2,
        Stage.ACTIVE: 0,
        Stage.GROWING: 0,
        Stage.AT_RISK: 0,
        Stage.LAPSED: 0,
        Stage.WON_BACK: 0,
    }


def bought(days_ago: int, amount: Decimal | int) -> Purchase:
    when = AS_OF.toordinal() - days_ago
    return Purchase(
        customer_id="c-1",
        at=datetime.combine(date.fromordinal(when), datetime.min.time(), UTC),
        product="tea",
        amount=amount,
    )


# Window before: 2,000.02; recent window: 3,000.00, just short of 1.5 times as much.
ALMOST_GROWING = [
    bought(179, D("1000.01")),
    bought(120, D("1000.01")),
    bought(60, D(1500)),
    bought(10, D(1500)),
]
# Window before: 2,000.00 on two occasions; recent window: 1,000.01, just above half.
ALMOST_SPEND_DROP = [bought(150, 1000), bought(120, 1000), bought(10, D("1000.01"))]


def test_l1_growth_does_not_depend_on_the_callers_decimal_context() -> None:
    assert lifecycle_stage(ALMOST_GROWING, as_of=AS_OF) is Stage.ACTIVE
    assert highest_stage(ALMOST_GROWING, as_of=AS_OF) is Stage.ACTIVE
    with decimal.localcontext(SCANT):
        assert lifecycle_stage(ALMOST_GROWING, as_of=AS_OF) is Stage.ACTIVE
        assert highest_stage(ALMOST_GROWING, as_of=AS_OF) is Stage.ACTIVE
        assert stage_counts([("c-1", ALMOST_GROWING, [])], as_of=AS_OF)[Stage.ACTIVE] == 1


def test_l3_spend_drop_does_not_depend_on_the_callers_decimal_context() -> None:
    expected = (ChurnSignal.FREQUENCY_DROP,)
    assert churn_signals(ALMOST_SPEND_DROP, as_of=AS_OF) == expected
    with decimal.localcontext(SCANT):
        assert churn_signals(ALMOST_SPEND_DROP, as_of=AS_OF) == expected


def test_l1_l4_explanation_does_not_depend_on_the_callers_decimal_context() -> None:
    expected = explain_stage(ALMOST_GROWING, as_of=AS_OF)
    assert (expected.prior.spend, expected.recent.spend) == (D("2000.02"), D(3000))
    with decimal.localcontext(SCANT):
        assert explain_stage(ALMOST_GROWING, as_of=AS_OF) == expected


def test_l1_a_policy_first_used_in_a_scant_context_keeps_its_exact_thresholds() -> None:
    """The bound policy is cached: a rounded threshold must not outlive the caller's context."""
    policy = LifecyclePolicy(growth=D("0.4999950001"))  # 2,000.02 x 1.4999950001 > 3,000.00
    with decimal.localcontext(SCANT):
        lifecycle_stage(ALMOST_GROWING, as_of=AS_OF, policy=policy)
    assert lifecycle_stage(ALMOST_GROWING, as_of=AS_OF, policy=policy) is Stage.ACTIVE


def test_l1_portfolio_stages_show_the_highest_stage_reached_before_a_lapse() -> None:
    """Spend tripled in 2025 (GROWING then); silent since, so LAPSED on AS_OF."""
    history = [
        bought(AS_OF.toordinal() - date(2024, 11, 1).toordinal(), 100),
        bought(AS_OF.toordinal() - date(2025, 1, 10).toordinal(), 100),
        bought(AS_OF.toordinal() - date(2025, 3, 10).toordinal(), 100),
        bought(AS_OF.toordinal() - date(2025, 5, 10).toordinal(), 900),
    ]
    assert list(portfolio_stages([("c-1", history, [])], as_of=AS_OF)) == [
        CustomerStage(customer_id="c-1", stage=Stage.LAPSED, highest=Stage.GROWING)
    ]
