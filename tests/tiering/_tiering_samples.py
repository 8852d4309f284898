"""The sales, scores, boxes and segments shared by the pyramid, RFM and tier-action tests."""

from datetime import UTC, date, datetime
from decimal import Decimal

from custrel.models import Purchase
from custrel.tiering import RfmBox, RfmScore, RfmSegment


def sale(
    day: date,
    amount: int | str = 100,
    customer: str = "c-1",
    *,
    profit: int | None = None,
    refund: bool = False,
) -> Purchase:
    return Purchase(
        customer_id=customer,
        at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        product="tea",
        amount=Decimal(amount),
        profit=None if profit is None else Decimal(profit),
        refund=refund,
    )


def score(r: int, f: int, m: int = 3) -> RfmScore:
    return RfmScore(recency_days=0, frequency=1, monetary=Decimal(1), r=r, f=f, m=m)


def box(r: tuple[int, int], f: tuple[int, int], m: tuple[int, int] = (1, 2)) -> RfmBox:
    return RfmBox(r=r, f=f, m=m)


def segment(name: str, *boxes: RfmBox) -> RfmSegment:
    return RfmSegment(name=name, label_en=name, label_zh=name, boxes=boxes)
