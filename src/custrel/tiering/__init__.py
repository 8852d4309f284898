"""The value pyramid (客户金字塔): value, tiers, RFM, treatment, win-back, relationship.

Rules T1-T6. Customers are ranked by the value they create (T1) into four tiers
(T2) from the value indicators of their purchases (T3); each tier has its treatment
(T4) and win-back priority (T5); the kind of relationship to run follows the number
of customers and the margin (T6).

>>> from custrel.tiering import Tier, tier_portfolio, winback_priority
>>> tiers = tier_portfolio({"c-1": 90_000, "c-2": 1_200, "c-3": 800})
>>> tiers["c-1"], winback_priority(tiers["c-1"])
(<Tier.VIP: 'vip'>, <WinBack.AT_ALL_COSTS: 'at_all_costs'>)
"""

from custrel.tiering._explain import (
    TierExplanation,
    explain_tier,
)
from custrel.tiering._pyramid import (
    DEFAULT_TIERS,
    Tier,
    TierCuts,
    TierMode,
    TierPolicy,
    retier,
    tier_portfolio,
)
from custrel.tiering._rfm import (
    DEFAULT_RFM_SEGMENTS,
    RfmBox,
    RfmScore,
    RfmSegment,
    RfmSegmentPolicy,
    rfm_scores,
    rfm_segment,
)
from custrel.tiering._treatment import (
    CustomerCount,
    Margin,
    Relationship,
    TierAction,
    WinBack,
    relationship_level,
    tier_action,
    winback_priority,
)
from custrel.tiering._value import ValueIndicators, ValueMeasure, customer_value, portfolio_values

__all__ = [
    "DEFAULT_RFM_SEGMENTS",
    "DEFAULT_TIERS",
    "CustomerCount",
    "Margin",
    "Relationship",
    "RfmBox",
    "RfmScore",
    "RfmSegment",
    "RfmSegmentPolicy",
    "Tier",
    "TierAction",
    "TierCuts",
    "TierExplanation",
    "TierMode",
    "TierPolicy",
    "ValueIndicators",
    "ValueMeasure",
    "WinBack",
    "customer_value",
    "explain_tier",
    "portfolio_values",
    "relationship_level",
    "retier",
    "rfm_scores",
    "rfm_segment",
    "tier_action",
    "tier_portfolio",
    "winback_priority",
]
