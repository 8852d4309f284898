"""Small valid records that tests change one field at a time."""

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from custrel.loyalty import (
    LoyaltyMeasures,
    LoyaltySignals,
    SatisfactionMeasures,
    TotalCustomerCost,
    TotalCustomerValue,
)
from custrel.models import (
    Channel,
    Complaint,
    ContactEvent,
    ContactPoints,
    CustomerProfile,
    DealStatus,
    Direction,
    FamilyMember,
    Household,
    Need,
    Occasion,
    OccasionKind,
    Opportunity,
    Organization,
    Person,
    Preferences,
    Purchase,
    Relation,
    Severity,
)

AT = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)

VALID: dict[type[Any], dict[str, Any]] = {
    ContactPoints: {},
    Occasion: {"kind": OccasionKind.BIRTHDAY, "on": date(1990, 2, 28)},
    FamilyMember: {"name": "Li Ming", "relation": Relation.CHILD},
    Household: {},
    Preferences: {},
    Person: {"name": "Wang Fang"},
    Organization: {"name": "Hangzhou Tea Co."},
    CustomerProfile: {"customer_id": "c-1", "created_on": date(2026, 1, 5)},
    ContactEvent: {
        "customer_id": "c-1",
        "at": AT,
        "channel": Channel.PHONE,
        "direction": Direction.OUTBOUND,
    },
    Purchase: {"customer_id": "c-1", "at": AT, "product": "tea", "amount": Decimal("9.90")},
    Complaint: {"customer_id": "c-1", "at": AT, "severity": Severity.ORDINARY},
    Opportunity: {"customer_id": "c-1", "need": Need.EXPLICIT, "status": DealStatus.POTENTIAL},
    # loyalty (rules Y1-Y5)
    LoyaltyMeasures: {},
    LoyaltySignals: dict.fromkeys(
        (
            "has_alternatives",
            "avoids_switching",
            "price_driven",
            "promotion_driven",
            "recommends",
            "pays_full_price",
        ),
        False,
    ),
    SatisfactionMeasures: {},
    TotalCustomerValue: {},
    TotalCustomerCost: {},
}


def build(cls: type[Any], **changes: Any) -> Any:
    """A valid ``cls`` with ``changes`` applied."""
    return cls(**{**VALID[cls], **changes})
