"""The customer archive (客户档案): profiles, events and the shared vocabularies.

Every model is a frozen, slotted attrs class built with keyword arguments only; change
one with :func:`attrs.evolve`. Construction validates every field and raises
:class:`~custrel.errors.InvalidInputError` naming ``Class.field``, the value and what
was expected. Personal fields (rule P7) never show in ``repr()``.

Rules P1-P5 define what is kept; P6-P8 live in :mod:`custrel.profile`.

>>> from datetime import date, datetime, timezone
>>> from decimal import Decimal
>>> from custrel.models import Purchase
>>> sale = Purchase(customer_id="c-1", at=datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc),
...                 product="tea set", quantity=2, amount=Decimal("398.00"))
>>> sale.amount
Decimal('398.00')
>>> Purchase(customer_id="c-1", at=datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc),
...          product="tea set", quantity=2, amount=398.0)
Traceback (most recent call last):
...
custrel.errors.InvalidInputError: Purchase.amount: expected a finite Decimal or int >= 0, got float 398.0; pass Decimal('398.0'); floats cannot hold money exactly
"""  # noqa: E501 - a doctest output line

from custrel.models._archive import (
    ContactPoints,
    CustomerProfile,
    FamilyMember,
    Household,
    Occasion,
    Organization,
    Person,
    Preferences,
)
from custrel.models._events import (
    Complaint,
    ContactEvent,
    Opportunity,
    Purchase,
)
from custrel.models._vocabularies import (
    Calendar,
    Channel,
    DealStatus,
    Direction,
    Gender,
    Need,
    OccasionKind,
    Relation,
    Severity,
)

__all__ = [
    "Calendar",
    "Channel",
    "Complaint",
    "ContactEvent",
    "ContactPoints",
    "CustomerProfile",
    "DealStatus",
    "Direction",
    "FamilyMember",
    "Gender",
    "Household",
    "Need",
    "Occasion",
    "OccasionKind",
    "Opportunity",
    "Organization",
    "Person",
    "Preferences",
    "Purchase",
    "Relation",
    "Severity",
]
