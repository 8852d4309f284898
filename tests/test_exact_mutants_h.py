"""Whole refusals and boundaries left open by the mutation run's group h.

Written against the survivors of a mutation run over ``custrel.grading``,
``custrel._loyalty_score``, ``custrel.tiering._rfm`` and ``custrel.tiering``: each table pins
the whole message of a refusal, and each boundary test a value just inside a range
that a changed comparison would refuse.
"""

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest

from custrel.errors import InvalidInputError
from custrel.grading import DEFAULT_GRADING, Grade, grade
from custrel.loyalty import LoyaltyMeasures, explain_loyalty
from custrel.models import DealStatus, Need, Opportunity, Purchase
from custrel.tiering import Tier, TierExplanation, rfm_scores

D = Decimal
AS_OF = date(2026, 11, 22)
BOUND = DEFAULT_GRADING.at(AS_OF)


def untyped(value: object) -> Any:
    """``value``, hidden from the type checker: these calls pass the wrong type on purpose."""
    return value


# custrel.grading._cutoffs: how each cut-off of a BoundGradingPolicy is computed (rule G1, G2)

CUTOFF_REFUSALS = [
    (
        "a_until",
        date(2026, 12, 23),
        (
            "BoundGradingPolicy.a_until: expected as_of + horizons[0] (2026-12-22),"
            " got date datetime.date(2026, 12, 23)"
        ),
    ),
    (
        "b_until",
        date(2027, 2, 21),
        (
            "BoundGradingPolicy.b_until: expected as_of + horizons[1] (2027-02-22),"
            " got date datetime.date(2027, 2, 21)"
        ),
    ),
    (
        "urgent_until",
        date(2026, 11, 30),
        (
            "BoundGradingPolicy.urgent_until: expected as_of + urgency_horizons[0] (2026-11-29),"
            " got date datetime.date(2026, 11, 30)"
        ),
    ),
    (
        "fairly_urgent_until",
        date(2026, 12, 21),
        (
            "BoundGradingPolicy.fairly_urgent_until: expected as_of + urgency_horizons[1]"
            " (2026-12-22), got date datetime.date(2026, 12, 21)"
        ),
    ),
]


@pytest.mark.parametrize(("field", "day", "message"), CUTOFF_REFUSALS)
def test_g1_g2_bound_policy_cutoff_refusals(field: str, day: date, message: str) -> None:
    """Rules G1, G2: a cut-off that is not the policy's is refused, saying how it is computed."""
    changes: dict[str, Any] = {field: day}
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(BOUND, **changes)
    assert caught.value.field == f"BoundGradingPolicy.{field}"
    assert caught.value.value == day
    assert str(caught.value) == message


# custrel.grading._bind: the one-entry cache only serves a real date -------------------------------


class _EqualToAll:
    """Not a date, but equal to everything: the cached binding must not be served to it."""

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "<equal to all>"


def test_g1_grade_refuses_a_non_date_equal_to_the_last_as_of() -> None:
    """Rule G1: ``as_of`` must be a date, even one the last binding compares equal to."""
    opportunity = Opportunity(
        customer_id="c-1",
        need=Need.EXPLICIT,
        expected_close=date(2026, 12, 1),
        status=DealStatus.NEGOTIATING,
    )
    assert grade(opportunity, as_of=AS_OF) is Grade.A  # the last binding is on AS_OF
    with pytest.raises(InvalidInputError) as caught:
        grade(opportunity, as_of=untyped(_EqualToAll()))
    assert caught.value.field == "as_of"
    assert str(caught.value) == "as_of: expected a date, got _EqualToAll <equal to all>"


# custrel._loyalty_score._check_score: a score in 0..100, both ends included (rule Y1) -------------


@pytest.mark.parametrize("score", [D(0), D("0.00"), D(100), D("100.00")])
def test_y1_loyalty_explanation_score_bounds_are_inside(score: Decimal) -> None:
    """Rule Y1: a loyalty score of exactly 0 or exactly 100 is a valid score."""
    why = explain_loyalty(LoyaltyMeasures(repeat_purchases=12, spend=0))
    assert attrs.evolve(why, score=score).score == score


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


# custrel.tiering.TierExplanation: the last rank is inside 1..customers (rule T2) ------------------


def test_t2_tier_explanation_rank_may_be_the_last() -> None:
    """Rule T2: the last customer of the portfolio has rank ``customers``."""
    why = TierExplanation(
        tier=Tier.ORDINARY,
        rank=3,
        tied=1,
        customers=3,
        share_above=D(2) / D(3),
        cut=D(100),
        reason_en="last",
        reason_zh="last",
    )
    assert why.rank == why.customers == 3
