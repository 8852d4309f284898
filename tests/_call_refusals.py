"""A refusal of a call, and the check that the call gives it whole."""

from typing import Any, NamedTuple

import pytest

from custrel.errors import InvalidInputError


class Refusal(NamedTuple):
    """A bad call, and the whole refusal it must give."""

    call: Any
    field: str
    value: object
    message: str


def check_refusal(refusal: Refusal) -> None:
    with pytest.raises(InvalidInputError) as caught:
        refusal.call()
    assert caught.value.field == refusal.field
    assert caught.value.value == refusal.value
    assert str(caught.value) == refusal.message
