"""Rule S3: a complaint estimate records the reach share it used, as the Decimal a rule
computed; a float, another type or a share outside 0.01..1 is refused by name."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

from custrel.errors import InvalidInputError
from custrel.service import estimate_complaints

ESTIMATE = estimate_complaints(12)


@pytest.mark.parametrize("share", [Decimal("0.01"), Decimal("0.3"), Decimal(1)])
def test_a_share_from_a_hundredth_to_one_is_kept(share: Decimal) -> None:
    assert attrs.evolve(ESTIMATE, reach_share=share).reach_share == share


@pytest.mark.parametrize(
    ("share", "message"),
    [
        (
            0.3,
            (
                "ComplaintEstimate.reach_share: expected a Decimal from 0.01 to 1, got float 0.3;"
                " pass Decimal('0.3')"
            ),
        ),
        (
            "0.3",
            "ComplaintEstimate.reach_share: expected a Decimal from 0.01 to 1, got str '0.3'",
        ),
        (
            Decimal("NaN"),
            (
                "ComplaintEstimate.reach_share: expected a Decimal from 0.01 to 1,"
                " got Decimal Decimal('NaN')"
            ),
        ),
        (
            Decimal("0.0099"),
            (
                "ComplaintEstimate.reach_share: expected a Decimal from 0.01 to 1,"
                " got Decimal Decimal('0.0099')"
            ),
        ),
        (
            Decimal("1.0001"),
            (
                "ComplaintEstimate.reach_share: expected a Decimal from 0.01 to 1,"
                " got Decimal Decimal('1.0001')"
            ),
        ),
    ],
)
def test_anything_else_is_refused_with_the_field_the_value_and_the_range(
    share: Any, message: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(ESTIMATE, reach_share=share)
    assert str(caught.value) == message
    assert (caught.value.field, caught.value.value) == ("ComplaintEstimate.reach_share", share)
    assert caught.value.expected == "a Decimal from 0.01 to 1"
