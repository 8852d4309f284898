"""Rules T3, T4: rfm_scores and rfm_segment at their boundaries: purchase subclasses, small
money, a wrong policy.
"""

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from custrel.models import Purchase
from custrel.tiering import RfmScore, rfm_scores, rfm_segment
from tests._call_refusals import Refusal, check_refusal
from tests._values import AS_OF, D, untyped

# custrel.tiering._rfm: rfm_segment (rule T4) ------------------------------------------------------


def test_rule_t4_rfm_segment_refuses_a_policy_of_the_wrong_type_whole() -> None:
    score = RfmScore(recency_days=90, frequency=12, monetary=D(5000), r=1, f=5, m=5)
    check_refusal(
        Refusal(
            lambda: rfm_segment(score, policy=untyped("x")),
            "policy",
            "x",
            "policy: expected an RfmSegmentPolicy, got str 'x'",
        )
    )


# custrel.tiering._rfm.rfm_scores: a subclass of Purchase is a Purchase ----------------------------


class _TaggedPurchase(Purchase):
    """A caller's own Purchase subclass."""


def test_rfm_scores_accepts_a_purchase_subclass() -> None:
    """Rule T3 (RFM): a Purchase subclass is scored as a Purchase."""
    fields: dict[str, Any] = {
        "customer_id": "c-1",
        "at": datetime(2026, 11, 1, 12, tzinfo=UTC),
        "product": "tea",
        "amount": D(5),
    }
    purchase, plain = _TaggedPurchase(**fields), Purchase(**fields)
    assert type(plain) is Purchase
    assert rfm_scores([purchase], as_of=AS_OF) == rfm_scores([plain], as_of=AS_OF)


def _sale(customer_id: str, day: int, amount: Decimal) -> Purchase:
    return Purchase(
        customer_id=customer_id,
        at=datetime(2026, 11, day, tzinfo=UTC),
        product="tea",
        amount=amount,
    )


# custrel.tiering._rfm.rfm_scores (rule T3): M = 1 only for money of 0 or less -------------------


@pytest.mark.parametrize("money", [D("0.01"), D("0.5"), D(1)])
def test_rfm_scores_rule_t3_small_positive_money_outranks_none(money: Decimal) -> None:
    # rule T3: "b" has bought nothing, so "a" (money > 0, however small) is better on M:
    # w = 1 of n = 2 customers is worse, so M = 1 + 2 * 1 // 2 = 2.
    scores = rfm_scores([_sale("a", 20, money)], as_of=AS_OF, bins=2, customers=["a", "b"])
    assert scores == {
        "a": RfmScore(recency_days=2, frequency=1, monetary=money, r=2, f=2, m=2),
        "b": RfmScore(recency_days=None, frequency=0, monetary=D(0), r=1, f=1, m=1),
    }
