"""The one conversion of dimensionless numbers (decision "Numbers" in docs/rules.md):
a finite float is the Decimal it was written as; nan, infinities and bools are refused
by name; money keeps refusing floats."""

from decimal import Decimal

import pytest

from custrel import _checks as c
from custrel.errors import InvalidInputError


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (0.1, Decimal("0.1")),
        (0.9, Decimal("0.9")),
        (1e-7, Decimal("1e-7")),
        (2.0, Decimal("2.0")),
        (-0.0, Decimal("-0.0")),
        (3, Decimal(3)),
        (Decimal("0.30"), Decimal("0.30")),
    ],
)
def test_exact_takes_a_float_as_its_shortest_repr(given: object, expected: Decimal) -> None:
    assert c.exact("share", given, "a number") == expected
    assert str(c.exact("share", given, "a number")) == str(expected)


def test_exact_reads_a_float_subclass_by_its_float_repr() -> None:
    """numpy.float64 is a float whose own repr is ``np.float64(0.5)``: 0.5 is meant."""

    class Wide(float):
        def __repr__(self) -> str:
            return f"Wide({float(self)})"

    assert c.exact("share", Wide(0.5), "a number") == Decimal("0.5")
    assert c.to_ratio(Wide(0.25)) == Decimal("0.25")


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        (float("nan"), "a ratio must be finite"),
        (float("inf"), "a ratio must be finite"),
        (float("-inf"), "a ratio must be finite"),
        (Decimal("NaN"), "a ratio must be finite"),
        (Decimal("-Infinity"), "a ratio must be finite"),
        (True, "True and False are not numbers"),
        (False, "True and False are not numbers"),
        ("0.5", ""),
        (None, ""),
    ],
)
def test_exact_refuses_what_is_no_finite_number_naming_the_field(given: object, hint: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        c.exact("LifecyclePolicy.growth", given, "a number > 0")
    assert caught.value.field == "LifecyclePolicy.growth"
    assert caught.value.value is given
    assert caught.value.expected == "a number > 0"
    assert caught.value.hint == hint


@pytest.mark.parametrize("given", [float("nan"), True, "0.5", None])
def test_to_ratio_leaves_what_it_cannot_convert_for_the_validator(given: object) -> None:
    assert c.to_ratio(given) is given  # type: ignore[arg-type]


def test_to_optional_ratio_keeps_none_and_converts_a_float() -> None:
    assert c.to_optional_ratio(None) is None
    assert c.to_optional_ratio(0.2) == Decimal("0.2")


@pytest.mark.parametrize(
    ("check", "expected"),
    [
        (c.fraction(), "a finite number >= 0"),
        (c.fraction(above=True), "a finite number > 0"),
        (c.fraction(0, 1), "a finite number in 0..1"),
        (
            c.fraction(0, 1, above=True, below=True),
            "a finite number above 0 and below 1",
        ),
        (c.fraction(0, 1, above=True), "a finite number above 0 and at most 1"),
        (c.fraction(0, 1, below=True), "a finite number from 0 and below 1"),
        (c.fraction(0, 1, optional=True), "a finite number in 0..1 or None"),
    ],
)
def test_fraction_says_what_it_takes(check: c.Check, expected: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        check("x", "1")
    assert caught.value.expected == expected


@pytest.mark.parametrize(
    ("check", "below", "low", "high", "above"),
    [
        (c.fraction(0, 1), -0.01, 0.0, 1.0, 1.01),
        (c.fraction(0, 1, above=True, below=True), 0.0, 0.001, 0.999, 1.0),
        (c.fraction(Decimal("0.01"), 1), 0.009, 0.01, 1.0, 1.001),
    ],
)
def test_fraction_bounds_read_like_the_rule_book(
    check: c.Check, below: float, low: float, high: float, above: float
) -> None:
    assert check("x", low) == Decimal(repr(low))
    assert check("x", high) == Decimal(repr(high))
    for outside in (below, above):
        with pytest.raises(InvalidInputError):
            check("x", outside)


def test_fraction_without_a_top_takes_up_to_fifteen_digits_before_the_point() -> None:
    assert c.fraction(above=True)("x", 999_999_999_999_999.0) == Decimal("999999999999999.0")
    for huge in (1e15, Decimal("1E+999999")):
        with pytest.raises(InvalidInputError) as caught:
            c.fraction(above=True)("LoyaltyPolicy.price_weight", huge)
        assert caught.value.hint == "at most 15 digits before the point"


def test_fraction_gives_its_hint_for_a_number_out_of_range() -> None:
    with pytest.raises(InvalidInputError) as caught:
        c.fraction(0, 1, hint="a share")("x", 2)
    assert caught.value.hint == "a share"


def test_fraction_passes_none_when_optional() -> None:
    assert c.fraction(optional=True)("x", None) is None


def test_money_still_refuses_a_float_with_its_hint() -> None:
    with pytest.raises(InvalidInputError) as caught:
        c.money()("Purchase.amount", 0.1)
    assert caught.value.hint == "pass Decimal('0.1'); floats cannot hold money exactly"
