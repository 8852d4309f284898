"""Rules G1, G2: how each cut-off of a BoundGradingPolicy is computed, and the one-entry cache
that only serves a real date.
"""

from datetime import date
from typing import Any

import attrs
import pytest

from custrel.errors import InvalidInputError
from custrel.grading import DEFAULT_GRADING, Grade, grade
from custrel.models import DealStatus, Need, Opportunity
from tests._values import AS_OF, untyped

BOUND = DEFAULT_GRADING.at(AS_OF)


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
