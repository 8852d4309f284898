"""Sales, boxes, segments, cuts and messages shared by the tiering and loyalty refusal tests."""

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from custrel.errors import InvalidInputError
from custrel.models import Purchase
from custrel.tiering import RfmBox, RfmSegment, TierCuts
from tests._values import D


def sale(customer: str = "c-1", amount: int = 5) -> Purchase:
    return Purchase(
        customer_id=customer,
        at=datetime(2026, 11, 1, 12, tzinfo=UTC),
        product="tea",
        amount=Decimal(amount),
    )


def box(r: tuple[int, int], f: tuple[int, int], m: tuple[int, int]) -> RfmBox:
    return RfmBox(r=r, f=f, m=m)


def segment(name: str, *boxes: RfmBox) -> RfmSegment:
    return RfmSegment(name=name, label_en=name.title(), label_zh=name, boxes=boxes)


def cuts() -> TierCuts:
    return TierCuts.from_values({"a": 3, "b": 2, "c": 1})


SQUARE = segment("all", box((1, 2), (1, 2), (1, 2)))
FLOAT_HINT = "floats cannot hold money exactly"


def cuts_with(**fields: object) -> TierCuts:
    given: dict[str, Any] = {
        "vip": None,
        "major": None,
        "ordinary": None,
        "customers": 1,
        "policy_fingerprint": "f",
    }
    return TierCuts(**{**given, **fields})


# (call, error class, field, whole message, hint)
Case = tuple[Callable[[], object], type[InvalidInputError], str, str, str]


QUARTERS = (D("0.25"), D("0.25"), D("0.25"), D("0.25"))
