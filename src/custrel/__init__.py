"""custrel: customer-relationship domain logic from the Chinese customer-management canon.

Values in, values out: immutable models (:mod:`custrel.models`) and pure rule
functions that never read the clock, the environment or a file. Every rule cites its
ID from the rule book (docs/rules.md).

>>> import custrel
>>> from datetime import date
>>> profile = custrel.CustomerProfile(customer_id="c-1", created_on=date(2026, 5, 1))
>>> custrel.is_stale(profile, as_of=date(2026, 11, 22))
True
"""

from importlib.metadata import PackageNotFoundError, version

from custrel.errors import MISSING_VALUE, CustrelError, InvalidInputError, PolicyError
from custrel.grading import (
    DEFAULT_GRADING,
    BoundGradingPolicy,
    DemandGrade,
    Grade,
    GradeExplanation,
    GradingPolicy,
    Urgency,
    demand_grade,
    explain_grade,
    grade,
    is_important,
    urgency,
)
from custrel.labels import label
from custrel.models import (
    Calendar,
    Channel,
    Complaint,
    ContactEvent,
    ContactPoints,
    CustomerProfile,
    DealStatus,
    Direction,
    FamilyMember,
    Gender,
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
from custrel.profile import completeness, is_stale, redact
from custrel.serialize import dumps, from_dict, loads, to_dict
from custrel.tiering import (
    DEFAULT_RFM_SEGMENTS,
    DEFAULT_TIERS,
    CustomerCount,
    Margin,
    Relationship,
    RfmBox,
    RfmScore,
    RfmSegment,
    RfmSegmentPolicy,
    Tier,
    TierAction,
    TierCuts,
    TierExplanation,
    TierMode,
    TierPolicy,
    ValueIndicators,
    WinBack,
    customer_value,
    explain_tier,
    portfolio_values,
    relationship_level,
    retier,
    rfm_scores,
    rfm_segment,
    tier_action,
    tier_portfolio,
    winback_priority,
)

try:
    __version__ = version("custrel")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    from custrel._version import __version__

__all__ = [
    "DEFAULT_GRADING",
    "DEFAULT_RFM_SEGMENTS",
    "DEFAULT_TIERS",
    "MISSING_VALUE",
    "BoundGradingPolicy",
    "Calendar",
    "Channel",
    "Complaint",
    "ContactEvent",
    "ContactPoints",
    "CustomerCount",
    "CustomerProfile",
    "CustrelError",
    "DealStatus",
    "DemandGrade",
    "Direction",
    "FamilyMember",
    "Gender",
    "Grade",
    "GradeExplanation",
    "GradingPolicy",
    "Household",
    "InvalidInputError",
    "Margin",
    "Need",
    "Occasion",
    "OccasionKind",
    "Opportunity",
    "Organization",
    "Person",
    "PolicyError",
    "Preferences",
    "Purchase",
    "Relation",
    "Relationship",
    "RfmBox",
    "RfmScore",
    "RfmSegment",
    "RfmSegmentPolicy",
    "Severity",
    "Tier",
    "TierAction",
    "TierCuts",
    "TierExplanation",
    "TierMode",
    "TierPolicy",
    "Urgency",
    "ValueIndicators",
    "WinBack",
    "__version__",
    "completeness",
    "customer_value",
    "demand_grade",
    "dumps",
    "explain_grade",
    "explain_tier",
    "from_dict",
    "grade",
    "is_important",
    "is_stale",
    "label",
    "loads",
    "portfolio_values",
    "redact",
    "relationship_level",
    "retier",
    "rfm_scores",
    "rfm_segment",
    "tier_action",
    "tier_portfolio",
    "to_dict",
    "urgency",
    "winback_priority",
]
