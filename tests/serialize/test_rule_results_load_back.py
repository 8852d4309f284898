"""Rule results and explanations are valid as the rules make them, and load back from their
documents.
"""

from typing import Any

import attrs
import pytest

import custrel
from custrel.lifecycle import ChurnSignal, Stage
from custrel.tiering import Tier
from tests._values import D
from tests.serialize._rule_results import (
    ACTIVE,
    AT_RISK,
    BIRTHDAY,
    BOUND,
    CHILD_BIRTHDAY,
    CUSTOMER_STAGE,
    GRADE_WHY,
    LAPSED,
    LOYALTY_WHY,
    ORDINARY,
    PART,
    PROSPECT,
    SERIOUS,
    TIER_WHY,
    WEDDING,
)

VALID = [
    BOUND,
    GRADE_WHY,
    SERIOUS,
    ORDINARY,
    CUSTOMER_STAGE,
    ACTIVE,
    AT_RISK,
    PROSPECT,
    LAPSED,
    PART,
    LOYALTY_WHY,
    TIER_WHY,
    BIRTHDAY,
    CHILD_BIRTHDAY,
    WEDDING,
]


def test_the_examples_are_what_the_rules_say() -> None:
    assert (CUSTOMER_STAGE.stage, CUSTOMER_STAGE.highest) == (Stage.AT_RISK, Stage.ACTIVE)
    assert (ACTIVE.stage, ACTIVE.days_silent, ACTIVE.median_interval_days) == (
        Stage.ACTIVE,
        21,
        D(31),
    )
    assert (LAPSED.stage, LAPSED.days_silent, LAPSED.horizon_days) == (Stage.LAPSED, 235, 180)
    assert AT_RISK.signals == (
        ChurnSignal.FREQUENCY_DROP,
        ChurnSignal.SPEND_DROP,
        ChurnSignal.OVERDUE_REPURCHASE,
    )
    assert (PART.points, PART.weight, PART.contribution) == (D(1), D("0.5"), D("50.00"))
    assert (TIER_WHY.tier, TIER_WHY.rank, TIER_WHY.tied, TIER_WHY.customers) == (
        Tier.ORDINARY,
        2,
        1,
        3,
    )
    assert [o.whose for o in (BIRTHDAY, CHILD_BIRTHDAY, WEDDING)] == ["self", "Li Ming", "self"]


@pytest.mark.parametrize("result", VALID, ids=lambda result: type(result).__name__)
def test_a_rule_result_is_valid_and_loads_back(result: Any) -> None:
    """What a rule returns passes the checks it skipped, and loads back equal."""
    cls = type(result)
    assert attrs.evolve(result) == result
    assert custrel.from_dict(cls, custrel.to_dict(result)) == result
    assert custrel.loads(cls, custrel.dumps(result)) == result
