"""Strategies for events: contacts, purchases, complaints, opportunities, whole histories."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from custrel.models import (
    Channel,
    Complaint,
    ContactEvent,
    CustomerProfile,
    DealStatus,
    Direction,
    Need,
    Opportunity,
    Purchase,
    Severity,
)
from custrel.strategies._archive import profiles
from custrel.strategies._scalars import _WORD, aware_datetimes, customer_ids, dates, money

_E = TypeVar("_E", Purchase, ContactEvent, Complaint)

__all__ = ["History", "complaints", "contact_events", "histories", "opportunities", "purchases"]


def _ids(customer_id: str | None) -> st.SearchStrategy[str]:
    return customer_ids() if customer_id is None else st.just(customer_id)


def contact_events(
    *,
    customer_id: str | None = None,
    min_value: date = date(2000, 1, 1),
    max_value: date = date(2035, 12, 31),
) -> st.SearchStrategy[ContactEvent]:
    """Contact events on any channel, in either direction.

    Args:
        customer_id: Fix the customer; drawn when ``None``.
        min_value: The earliest local date of the event.
        max_value: The latest local date of the event.

    Returns:
        A strategy of :class:`~custrel.models.ContactEvent`.

    >>> from hypothesis import find
    >>> from custrel.strategies import contact_events
    >>> find(contact_events(customer_id="c-1"), lambda v: True).customer_id
    'c-1'
    """
    return st.builds(
        ContactEvent,
        customer_id=_ids(customer_id),
        at=aware_datetimes(min_value=min_value, max_value=max_value),
        channel=st.sampled_from(Channel),
        direction=st.sampled_from(Direction),
        summary=st.text(max_size=20),
        outcome=st.text(max_size=20),
        by=st.none() | st.sampled_from(["rep-1", "rep-2", "rep-3"]),
        reached=st.none() | st.booleans(),
    )


@st.composite
def _purchase(
    draw: st.DrawFn, customer_id: str | None, min_value: date, max_value: date
) -> Purchase:
    amount = draw(money(max_value=Decimal(100_000)))
    refund = draw(st.booleans().map(lambda b: b and amount > 0))
    low = Decimal(0) if refund else -amount
    profit = draw(st.none() | money(min_value=low, max_value=amount))
    return Purchase(
        customer_id=draw(_ids(customer_id)),
        at=draw(aware_datetimes(min_value=min_value, max_value=max_value)),
        product=draw(_WORD),
        quantity=draw(st.integers(min_value=0, max_value=1_000)),
        amount=amount,
        profit=profit,
        refund=refund,
        order_id=draw(st.none() | st.sampled_from(["o-1", "o-2", "o-3"])),
    )


def purchases(
    *,
    customer_id: str | None = None,
    min_value: date = date(2000, 1, 1),
    max_value: date = date(2035, 12, 31),
) -> st.SearchStrategy[Purchase]:
    """Purchases (and the odd refund) with amounts up to 100,000 and optional profit.

    Args:
        customer_id: Fix the customer; drawn when ``None``.
        min_value: The earliest local date of the purchase.
        max_value: The latest local date of the purchase.

    Returns:
        A strategy of :class:`~custrel.models.Purchase`.

    >>> from hypothesis import find
    >>> from custrel.strategies import purchases
    >>> find(purchases(customer_id="c-1"), lambda v: True).customer_id
    'c-1'
    """
    return _purchase(customer_id, min_value, max_value)


@st.composite
def _complaint(
    draw: st.DrawFn, customer_id: str | None, min_value: date, max_value: date
) -> Complaint:
    at = draw(aware_datetimes(min_value=min_value, max_value=max_value))
    resolved_after = draw(
        st.none() | st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=90))
    )
    return Complaint(
        customer_id=draw(_ids(customer_id)),
        at=at,
        severity=draw(st.sampled_from(Severity)),
        summary=draw(st.text(max_size=20)),
        stands=draw(st.none() | st.booleans()),
        resolved_at=None if resolved_after is None else at + resolved_after,
    )


def complaints(
    *,
    customer_id: str | None = None,
    min_value: date = date(2000, 1, 1),
    max_value: date = date(2035, 12, 31),
) -> st.SearchStrategy[Complaint]:
    """Complaints, serious or ordinary, some judged and some resolved.

    Args:
        customer_id: Fix the customer; drawn when ``None``.
        min_value: The earliest local date of the complaint.
        max_value: The latest local date of the complaint.

    Returns:
        A strategy of :class:`~custrel.models.Complaint`.

    >>> from hypothesis import find
    >>> from custrel.strategies import complaints
    >>> c = find(complaints(), lambda v: True)
    >>> c.resolved_at is None or c.resolved_at >= c.at
    True
    """
    return _complaint(customer_id, min_value, max_value)


def opportunities(
    *,
    customer_id: str | None = None,
    min_value: date = date(2000, 1, 1),
    max_value: date = date(2040, 12, 31),
) -> st.SearchStrategy[Opportunity]:
    """Opportunities with any need, status, expected close date (or none) and amount.

    Args:
        customer_id: Fix the customer; drawn when ``None``.
        min_value: The earliest expected close date.
        max_value: The latest expected close date.

    Returns:
        A strategy of :class:`~custrel.models.Opportunity`.

    >>> from hypothesis import find
    >>> from custrel.strategies import opportunities
    >>> find(opportunities(customer_id="c-1"), lambda v: True).customer_id
    'c-1'
    """
    return st.builds(
        Opportunity,
        customer_id=_ids(customer_id),
        need=st.sampled_from(Need),
        expected_close=st.none() | dates(min_value=min_value, max_value=max_value),
        amount=st.none() | money(),
        status=st.sampled_from(DealStatus),
    )


@attrs.frozen(kw_only=True)
class History:
    """A customer's profile with the events recorded for them, as drawn by :func:`histories`.

    Every event carries the profile's ``customer_id`` and happens on or after the day
    the profile was created; each tuple is in time order.

    Args:
        profile: The customer's profile.
        purchases: Their purchases.
        contacts: Their contact events.
        complaints: Their complaints.
    """

    profile: CustomerProfile
    purchases: tuple[Purchase, ...]
    contacts: tuple[ContactEvent, ...]
    complaints: tuple[Complaint, ...]


@st.composite
def _history(draw: st.DrawFn, max_events: int) -> History:
    profile = draw(profiles())
    start = profile.created_on
    end = start + timedelta(days=3 * 366)
    cid = profile.customer_id

    def events(strategy: st.SearchStrategy[_E]) -> tuple[_E, ...]:
        found = draw(st.lists(strategy, max_size=max_events))
        return tuple(sorted(found, key=lambda e: e.at))

    return History(
        profile=profile,
        purchases=events(purchases(customer_id=cid, min_value=start, max_value=end)),
        contacts=events(contact_events(customer_id=cid, min_value=start, max_value=end)),
        complaints=events(complaints(customer_id=cid, min_value=start, max_value=end)),
    )


def histories(*, max_events: int = 10) -> st.SearchStrategy[History]:
    """A profile with a consistent event history (purchases, contacts, complaints).

    Args:
        max_events: The most events of each kind.

    Returns:
        A strategy of :class:`History`.

    >>> from hypothesis import find
    >>> from custrel.strategies import histories
    >>> h = find(histories(), lambda v: True)
    >>> all(p.customer_id == h.profile.customer_id for p in h.purchases)
    True
    """
    return _history(max_events)
