"""Rule Y3: optional loyalty shares and the loyalty quadrant's refusal of a missing share."""

from decimal import Decimal

import pytest

from custrel.errors import InvalidInputError
from custrel.loyalty import LoyaltyMeasures, loyalty_quadrant


def test_optional_loyalty_share_refuses_a_value_above_one_with_the_whole_message() -> None:
    with pytest.raises(InvalidInputError) as caught:
        LoyaltyMeasures(price_sensitivity=Decimal("1.5"))
    assert str(caught.value) == (
        "LoyaltyMeasures.price_sensitivity: expected a finite number in 0..1 or None,"
        " got Decimal Decimal('1.5')"
    )
    assert caught.value.field == "LoyaltyMeasures.price_sensitivity"
    assert caught.value.value == Decimal("1.5")
    assert caught.value.hint == ""


def test_optional_loyalty_share_accepts_none() -> None:
    assert LoyaltyMeasures(price_sensitivity=None).price_sensitivity is None


def test_loyalty_quadrant_refuses_a_missing_share() -> None:
    with pytest.raises(InvalidInputError) as caught:
        loyalty_quadrant(None, Decimal(1))  # type: ignore[arg-type]
    assert str(caught.value) == "attachment: expected a finite number in 0..1, got NoneType None"
    assert caught.value.field == "attachment"
    assert caught.value.hint == ""
