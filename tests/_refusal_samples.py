"""Sales, complaints, signals, weights and the Refusal check shared by the lifecycle, loyalty and
service refusal tests.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, NamedTuple

import pytest

from custrel.errors import InvalidInputError
from custrel.models import Complaint, Purchase, Severity

AT = datetime(2026, 11, 20, 9, tzinfo=UTC)


def _(value: object) -> Any:
    """A wrong value, passed on purpose."""
    return value


def sale(cid: str = "c-1") -> Purchase:
    return Purchase(customer_id=cid, at=AT, product="tea", amount=100)


def gripe(cid: str = "c-1") -> Complaint:
    return Complaint(customer_id=cid, at=AT, severity=Severity.ORDINARY)


class Refusal(NamedTuple):
    """What a refusal must be: its class, the field it names, its message and hint."""

    kind: type[InvalidInputError]
    field: str
    message: str
    hint: str = ""


def assert_refused(call: Callable[[], object], refusal: Refusal) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call()
    error = caught.value
    assert type(error) is refusal.kind
    assert str(error) == refusal.message
    assert error.field == refusal.field
    assert error.hint == refusal.hint
