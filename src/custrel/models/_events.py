"""What happens with a customer (P4, P5): contacts, purchases, complaints, opportunities."""

from __future__ import annotations

from datetime import date, datetime  # noqa: TC003 - attrs and cattrs read the annotations
from decimal import Decimal  # noqa: TC003 - attrs and cattrs read the annotations

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.models._vocabularies import Channel, DealStatus, Direction, Need, Severity

__all__ = ["Complaint", "ContactEvent", "Opportunity", "Purchase"]


# Events ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ContactEvent:
    """One contact with a customer (rule P5: 沟通记录).

    Args:
        customer_id: Whose contact it was.
        at: When it happened (timezone-aware).
        channel: How.
        direction: Who started it.
        summary: What was said.
        outcome: What came of it.
        by: Who on our side took part, if recorded.
        reached: Whether the contact got through — the customer answered, replied or
            met us — if recorded; ``None`` when unknown (rule P8: reachability).

    >>> from datetime import datetime, timedelta, timezone
    >>> from custrel.models import Channel, ContactEvent, Direction
    >>> cst = timezone(timedelta(hours=8))
    >>> ContactEvent(customer_id="c-1", at=datetime(2026, 11, 20, 15, 0, tzinfo=cst),
    ...              channel=Channel.VISIT, direction=Direction.OUTBOUND).channel
    <Channel.VISIT: 'visit'>
    >>> ContactEvent(customer_id="c-1", at=datetime(2026, 11, 20, 15, 0),
    ...              channel=Channel.VISIT, direction=Direction.OUTBOUND)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: ContactEvent.at: expected a timezone-aware datetime, got datetime datetime.datetime(2026, 11, 20, 15, 0); attach a zone, e.g. value.replace(tzinfo=ZoneInfo('Asia/Shanghai'))
    """  # noqa: E501 - a doctest output line

    customer_id: str = attrs.field(validator=c.checked(c.identifier))
    at: datetime = attrs.field(validator=c.checked(c.instant()))
    channel: Channel = attrs.field(validator=c.checked(c.member(Channel)))
    direction: Direction = attrs.field(validator=c.checked(c.member(Direction)))
    summary: str = attrs.field(default="", validator=c.checked(c.text))
    outcome: str = attrs.field(default="", validator=c.checked(c.text))
    by: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))
    reached: bool | None = attrs.field(default=None, validator=c.checked(c.optional_flag))


@attrs.frozen(kw_only=True)
class Purchase:
    """One purchase (rule P4: 购买历史).

    One record is one product line. Lines that share an ``order_id`` are one order,
    and the value rules (rule T3) count orders, not lines. A refund is recorded as its
    own purchase with ``refund=True``, a non-negative ``amount`` (the money returned)
    and, if known, a non-negative ``profit`` (the profit given back), never as a
    negative sale: both are subtracted from the customer's totals.

    Args:
        customer_id: Who bought.
        at: When (timezone-aware).
        product: The product or service.
        quantity: How many (0 or more).
        amount: What was paid, a ``Decimal`` or ``int`` of 0 or more.
        profit: The profit on it, if known; on a sale it may be negative (a loss), on
            a refund it is the profit given back, 0 or more.
        refund: Whether this record is money paid back rather than a sale.
        order_id: The order the line belongs to, if known.

    Raises:
        InvalidInputError: If a field is wrong, or a refund's profit is negative.

    >>> from datetime import datetime, timezone
    >>> from custrel.models import Purchase
    >>> Purchase(customer_id="c-1", at=datetime(2026, 2, 28, tzinfo=timezone.utc),
    ...          product="tea", quantity=-1, amount=10)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: Purchase.quantity: expected an int >= 0, got int -1
    """

    customer_id: str = attrs.field(validator=c.checked(c.identifier))
    at: datetime = attrs.field(validator=c.checked(c.instant()))
    product: str = attrs.field(validator=c.checked(c.identifier))
    quantity: int = attrs.field(default=1, validator=c.checked(c.count(0)))
    amount: Decimal = attrs.field(converter=c.to_money, validator=c.checked(c.money()))
    profit: Decimal | None = attrs.field(
        default=None,
        converter=c.to_optional_money,
        validator=c.checked(c.money(signed=True, optional=True)),
    )
    refund: bool = attrs.field(default=False, validator=c.checked(c.flag))
    order_id: str | None = attrs.field(default=None, validator=c.checked(c.optional_identifier))

    def __attrs_post_init__(self) -> None:
        """Check that a refund gives profit back rather than making more (rule T3)."""
        if self.refund and self.profit is not None and self.profit < 0:
            raise InvalidInputError(
                "Purchase.profit",
                self.profit,
                "a profit >= 0 on a refund: the profit given back, which is subtracted",
            )


@attrs.frozen(kw_only=True)
class Complaint:
    """A customer complaint (rules S1-S3: 客户投诉).

    Args:
        customer_id: Who complained.
        at: When the complaint was received (timezone-aware).
        severity: Serious or ordinary (rule S2).
        summary: What it is about.
        stands: Whether it was judged to stand (rule S1); ``None`` until judged.
        resolved_at: When it was resolved, if it is (not before ``at``).

    Raises:
        InvalidInputError: If a field is wrong, or ``resolved_at`` is before ``at``.

    >>> from datetime import datetime, timezone
    >>> from custrel.models import Complaint, Severity
    >>> Complaint(customer_id="c-1", at=datetime(2026, 3, 1, tzinfo=timezone.utc),
    ...           severity=Severity.SERIOUS).stands is None
    True
    """

    customer_id: str = attrs.field(validator=c.checked(c.identifier))
    at: datetime = attrs.field(validator=c.checked(c.instant()))
    severity: Severity = attrs.field(validator=c.checked(c.member(Severity)))
    summary: str = attrs.field(default="", validator=c.checked(c.text))
    stands: bool | None = attrs.field(default=None, validator=c.checked(c.optional_flag))
    resolved_at: datetime | None = attrs.field(
        default=None, validator=c.checked(c.instant(optional=True))
    )

    def __attrs_post_init__(self) -> None:
        """Check that the complaint was not resolved before it was received."""
        if self.resolved_at is not None and self.resolved_at < self.at:
            raise InvalidInputError(
                "Complaint.resolved_at",
                self.resolved_at,
                f"a time on or after at ({self.at.isoformat()})",
            )


@attrs.frozen(kw_only=True)
class Opportunity:
    """A sales opportunity: what grading reads (rules G1, G2).

    Args:
        customer_id: Whose opportunity it is.
        need: The need status (explicit, potential or none).
        expected_close: When the deal is expected to close, if anyone knows.
        amount: The attainable deal amount (可成交额度), if estimated.
        status: Where the deal stands.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from custrel.models import DealStatus, Need, Opportunity
    >>> opp = Opportunity(customer_id="c-1", need=Need.EXPLICIT,
    ...                   expected_close=date(2026, 12, 10), amount=Decimal("50000"),
    ...                   status=DealStatus.NEGOTIATING)
    >>> opp.need
    <Need.EXPLICIT: 'explicit'>
    """

    customer_id: str = attrs.field(validator=c.checked(c.identifier))
    need: Need = attrs.field(validator=c.checked(c.member(Need)))
    expected_close: date | None = attrs.field(
        default=None, validator=c.checked(c.day(optional=True))
    )
    amount: Decimal | None = attrs.field(
        default=None, converter=c.to_optional_money, validator=c.checked(c.money(optional=True))
    )
    status: DealStatus = attrs.field(validator=c.checked(c.member(DealStatus)))
