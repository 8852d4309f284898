"""A refusal of a class's fields, and the check that the class gives it whole."""

from typing import NamedTuple

import pytest

from custrel.errors import InvalidInputError


class Refusal(NamedTuple):
    """A bad set of fields, and the whole refusal it must give."""

    fields: dict[str, object]
    field: str
    value: object
    expected: str
    message: str


def check_refusal(cls: type[object], refusal: Refusal) -> None:
    with pytest.raises(InvalidInputError) as caught:
        cls(**refusal.fields)
    exc = caught.value
    assert type(exc) is InvalidInputError
    assert str(exc) == refusal.message
    assert exc.field == refusal.field
    assert exc.value == refusal.value
    assert type(exc.value) is type(refusal.value)
    assert exc.expected == refusal.expected
    assert exc.hint == ""
    assert exc.errors == (exc,)
