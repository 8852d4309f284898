"""Opportunities, contact events and days shared by the grading and cadence tests and refusal
tables.
"""

from datetime import UTC, date, datetime
from typing import Any

from custrel.models import Channel, ContactEvent, DealStatus, Direction, Need, Opportunity


def bad(value: object) -> Any:
    """The value unchanged, typed ``Any``: input of the wrong type, given on purpose."""
    return value


AS_OF = date(2026, 11, 22)  # a Sunday
OPP = Opportunity(
    customer_id="c-1",
    need=Need.EXPLICIT,
    expected_close=date(2026, 12, 1),
    status=DealStatus.NEGOTIATING,
)
OTHER = Opportunity(customer_id="c-2", need=Need.POTENTIAL, status=DealStatus.POTENTIAL)


def event(
    channel: Channel = Channel.PHONE,
    direction: Direction = Direction.OUTBOUND,
    customer_id: str = "c-1",
    at: datetime = datetime(2026, 11, 20, 9, tzinfo=UTC),
) -> ContactEvent:
    return ContactEvent(customer_id=customer_id, at=at, channel=channel, direction=direction)


# A working Friday, the weekend's Saturday and the Monday after (rules C3, C4)
FRIDAY, SATURDAY, MONDAY = date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 23)


def explicit(close: date | None, status: DealStatus = DealStatus.NEGOTIATING) -> Opportunity:
    return Opportunity(customer_id="c-1", need=Need.EXPLICIT, expected_close=close, status=status)
