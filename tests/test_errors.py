"""The error types and how their messages read (rule P7 for masking)."""

import pytest

from custrel.errors import MISSING_VALUE, CustrelError, InvalidInputError, PolicyError


def test_message_names_field_expectation_and_value() -> None:
    err = InvalidInputError("Purchase.quantity", -1, "an int >= 0")
    assert str(err) == "Purchase.quantity: expected an int >= 0, got int -1"
    assert (err.field, err.value, err.expected) == ("Purchase.quantity", -1, "an int >= 0")


def test_hint_is_appended() -> None:
    err = InvalidInputError("x", 1.5, "a Decimal", hint="pass Decimal('1.5')")
    assert str(err).endswith("; pass Decimal('1.5')")
    assert err.hint == "pass Decimal('1.5')"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("13800138000", "str '1*********0'"),
        ("ab", "str '**'"),
        ("a", "str '*'"),
        ("", "str ''"),
        (12345, "int (hidden)"),
    ],
)
def test_personal_values_are_masked(value: object, shown: str) -> None:
    err = InvalidInputError("Person.contact.mobile", value, "a phone number", personal=True)
    assert str(err) == f"Person.contact.mobile: expected a phone number, got {shown}"
    assert err.personal
    assert repr(err.value) == shown  # never kept: error reporters serialise attributes


def test_no_attribute_of_a_personal_error_holds_the_value() -> None:
    err = InvalidInputError("Person.contact.mobile", "13800138000", "a phone", personal=True)
    assert "13800138000" not in repr(vars(err))
    assert "13800138000" not in repr(err.args)


def test_a_hint_that_repeats_a_personal_value_is_dropped() -> None:
    err = InvalidInputError(
        "Preferences.average_spending",
        12345.67,
        "a Decimal",
        hint="pass Decimal('12345.67')",
        personal=True,
    )
    assert "12345" not in str(err)
    assert err.hint == ""


def test_a_hint_that_does_not_repeat_a_personal_value_is_kept() -> None:
    err = InvalidInputError("Person.birthday", "x", "a date", hint="use ISO 8601", personal=True)
    assert err.hint == "use ISO 8601"


def test_a_personal_int_too_long_to_print_keeps_its_hint() -> None:
    err = InvalidInputError("Person.age", 10**5000, "an int", hint="use years", personal=True)
    assert str(err) == "Person.age: expected an int, got int (hidden); use years"


def test_an_int_too_long_to_print_is_described() -> None:
    assert str(InvalidInputError("n", 10**5000, "an int")) == (
        "n: expected an int, got int of about 5,000 digits"
    )


def test_a_value_nested_too_deep_to_print_is_described() -> None:
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    assert str(InvalidInputError("x", deep, "a list")) == (
        "x: expected a list, got list nested too deep to show"
    )


def test_long_values_are_shortened() -> None:
    message = str(InvalidInputError("note", "x" * 500, "a short string"))
    assert message.endswith("...")
    assert len(message) < 120


def test_missing_value_reads_as_nothing() -> None:
    err = InvalidInputError("name", MISSING_VALUE, "a value: the field is required")
    assert str(err) == "name: expected a value: the field is required, got nothing"
    assert repr(MISSING_VALUE) == "<missing>"


def test_several_lists_every_problem() -> None:
    first = InvalidInputError("a", 1, "a string")
    second = InvalidInputError("b", 2, "a date", hint="h", personal=True)
    combined = InvalidInputError.several([first, second])
    assert str(combined).splitlines() == [
        "2 invalid fields:",
        "  a: expected a string, got int 1",
        "  b: expected a date, got int (hidden); h",
    ]
    assert combined.errors == (first, second)
    assert (combined.field, combined.value, combined.expected) == ("a", 1, "a string")


def test_several_of_one_is_that_one() -> None:
    only = InvalidInputError("a", 1, "a string")
    assert InvalidInputError.several([only]) is only


def test_several_of_none_is_a_bug() -> None:
    with pytest.raises(ValueError, match="at least one"):
        InvalidInputError.several([])


def test_policy_error_combines_as_policy_error() -> None:
    combined = PolicyError.several([PolicyError("a", 1, "x"), PolicyError("b", 2, "y")])
    assert isinstance(combined, PolicyError)


def test_hierarchy() -> None:
    assert issubclass(InvalidInputError, CustrelError)
    assert issubclass(InvalidInputError, ValueError)
    assert issubclass(PolicyError, InvalidInputError)
