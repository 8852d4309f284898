"""A customer's last touch: the contact or purchase that restarts the follow-up clock (C1)."""

from __future__ import annotations

from datetime import date  # noqa: TC003 - cattrs reads the annotations
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel.cadence._policy import _CHECK_DAY, DEFAULT_CADENCE, CadencePolicy, Touch, _check_policy
from custrel.errors import InvalidInputError
from custrel.models import ContactEvent, Direction, Purchase

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["LastTouch", "last_touch"]

# On one day, the kind first in Touch order wins: it ranks highest.
_RANK = {touch: -index for index, touch in enumerate(Touch)}
_TOUCH_OF = {Direction.OUTBOUND: Touch.OUTBOUND, Direction.INBOUND: Touch.INBOUND}
_PURCHASE = _RANK[Touch.PURCHASE]


@attrs.frozen(kw_only=True)
class LastTouch:
    """The last touch with a customer that counts as a follow-up (rule C1).

    Args:
        on: Its day (the calendar day of its own timestamp).
        kind: Whether it was a contact we started, one the customer started, or a
            purchase.

    Raises:
        InvalidInputError: If a field has the wrong type or is out of range.

    >>> from datetime import date
    >>> from custrel.cadence import LastTouch, Touch
    >>> LastTouch(on=date(2026, 11, 20), kind=Touch.PURCHASE).kind.value
    'purchase'
    """

    on: date = attrs.field(validator=c.checked(_CHECK_DAY))
    kind: Touch = attrs.field(validator=c.checked(c.member(Touch)))


def last_touch(
    contacts: Iterable[ContactEvent],
    purchases: Iterable[Purchase] = (),
    /,
    *,
    as_of: date,
    policy: CadencePolicy = DEFAULT_CADENCE,
) -> LastTouch | None:
    """The last follow-up with a customer and what it was (rule C1 decision).

    A follow-up is any touch ``policy.touches`` names: by default a contact we started
    (on the policy's outbound channels), a live contact the customer started, or a
    purchase (a refund too: the customer was dealt with). Touches after ``as_of``
    are ignored. When touches of several kinds fall on the last day, the kind named
    is the first in :class:`Touch` order (outbound, inbound, purchase): what the
    salesperson did comes before what the customer did.

    Args:
        contacts: One customer's contact events, in any order.
        purchases: The same customer's purchases, in any order.
        as_of: The reference day.
        policy: Which touches count.

    Returns:
        The day and kind of the last touch, or ``None`` if none counts.

    Raises:
        InvalidInputError: If an argument has the wrong type, or the records are not
            all about one customer.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Channel, ContactEvent, Direction, Purchase
    >>> call = ContactEvent(customer_id="c-1", at=datetime(2026, 9, 3, tzinfo=timezone.utc),
    ...                     channel=Channel.PHONE, direction=Direction.OUTBOUND)
    >>> order = Purchase(customer_id="c-1", at=datetime(2026, 11, 9, tzinfo=timezone.utc),
    ...                  product="tea", amount=88)
    >>> last_touch([call], [order], as_of=date(2026, 11, 22))
    LastTouch(on=datetime.date(2026, 11, 9), kind=<Touch.PURCHASE: 'purchase'>)
    """
    policy = _check_policy(policy)
    _CHECK_DAY("as_of", as_of)
    c.iterable("contacts", contacts, "ContactEvent")
    c.iterable("purchases", purchases, "Purchase")
    best: tuple[date, int, Touch] | None = None  # day, rank of the kind, kind
    customer: list[str] = []  # the first record's customer: every other must be theirs
    for index, event in enumerate(contacts):
        if not isinstance(event, ContactEvent):
            raise InvalidInputError(f"contacts[{index}]", event, "a ContactEvent")
        _same(customer, f"contacts[{index}]", event.customer_id)
        day = event.at.date()
        if day <= as_of and policy.counts(event):
            kind = _TOUCH_OF[event.direction]
            candidate = (day, _RANK[kind], kind)
            if best is None or candidate > best:
                best = candidate
    count_purchases = Touch.PURCHASE in policy.touches
    for index, purchase in enumerate(purchases):
        if not isinstance(purchase, Purchase):
            raise InvalidInputError(f"purchases[{index}]", purchase, "a Purchase")
        _same(customer, f"purchases[{index}]", purchase.customer_id)
        day = purchase.at.date()
        if count_purchases and day <= as_of:
            candidate = (day, _PURCHASE, Touch.PURCHASE)
            if best is None or candidate > best:
                best = candidate
    if best is None:
        return None
    return c.unchecked(LastTouch, on=best[0], kind=best[2])


def _same(customer: list[str], name: str, customer_id: str) -> None:
    """Refuse a record of another customer than the first record's."""
    if not customer:
        customer.append(customer_id)
    elif customer_id != customer[0]:
        raise InvalidInputError(
            f"{name}.customer_id",
            customer_id,
            f"the customer of the first record, {customer[0]!r}",
            hint="give one customer's contacts and purchases at a time",
        )
