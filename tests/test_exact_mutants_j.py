"""Boundaries left open by the mutation run's group j.

Written against the survivors of a mutation run over ``custrel.tiering._rfm`` and
``custrel.cadence``: a money score for a customer whose sales come to one unit or
less (but more than nothing), and the yearly cadence's next day. The other survivors
of the group are equivalent (nothing a caller can observe changes).
"""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from custrel.cadence import Cadence
from custrel.models import Purchase
from custrel.tiering import RfmScore, rfm_scores

D = Decimal
AS_OF = date(2026, 11, 22)


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


# custrel.cadence.Cadence.after (rule C1): yearly is one calendar year ---------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 1), date(2027, 3, 1)),
        (date(2024, 2, 29), date(2025, 2, 28)),  # rule C1: 29 Feb -> 28 Feb
        (date(2026, 12, 31), date(2027, 12, 31)),
    ],
)
def test_cadence_after_rule_c1_yearly_is_one_calendar_year(day: date, expected: date) -> None:
    assert Cadence.YEARLY.after(day) == expected
