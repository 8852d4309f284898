"""Loyalty and satisfaction (rules Y1-Y6: 客户忠诚, 客户满意).

How loyal a customer is (Y1: a 0..100 score over six measures), what kind of loyalty
holds them (Y2: monopoly, inertia, price, incentive, premium), whether it is true
loyalty or only repeat buying (Y3), how satisfied they are (Y4: experience minus
expectation, and an index over six measures), what the customer gets for what they
give up (Y5: delivered value), which customers are at either end of a portfolio's
satisfaction (Y6), and the Net Promoter Score.

>>> from decimal import Decimal
>>> from custrel.loyalty import LoyaltyMeasures, loyalty_quadrant, loyalty_score
>>> loyalty_score(LoyaltyMeasures(repeat_purchases=12, competitor_interest=Decimal("0.5")))
Decimal('75.00')
>>> loyalty_quadrant(Decimal("0.3"), Decimal("0.9"))
<LoyaltyQuadrant.SPURIOUS: 'spurious'>
"""

from custrel.loyalty._kinds import (
    LOYALTY_THRESHOLD,
    LoyaltyConflict,
    LoyaltyKind,
    LoyaltyQuadrant,
    LoyaltySignals,
    loyalty_consistency,
    loyalty_kind,
    loyalty_quadrant,
)
from custrel.loyalty._measures import LoyaltyMeasure, LoyaltyMeasures
from custrel.loyalty._nps import NPS_SMALL_SAMPLE, NpsInterval, nps, nps_interval
from custrel.loyalty._satisfaction import (
    DEFAULT_SATISFACTION,
    SATISFIED_SHARE,
    SatisfactionBand,
    SatisfactionMeasures,
    SatisfactionPolicy,
    TotalCustomerCost,
    TotalCustomerValue,
    delivered_value,
    satisfaction,
    satisfaction_bands,
    satisfaction_index,
)
from custrel.loyalty._score import (
    DEFAULT_LOYALTY,
    LoyaltyContribution,
    LoyaltyExplanation,
    LoyaltyPolicy,
    explain_loyalty,
    loyalty_score,
)

__all__ = [
    "DEFAULT_LOYALTY",
    "DEFAULT_SATISFACTION",
    "LOYALTY_THRESHOLD",
    "NPS_SMALL_SAMPLE",
    "SATISFIED_SHARE",
    "LoyaltyConflict",
    "LoyaltyContribution",
    "LoyaltyExplanation",
    "LoyaltyKind",
    "LoyaltyMeasure",
    "LoyaltyMeasures",
    "LoyaltyPolicy",
    "LoyaltyQuadrant",
    "LoyaltySignals",
    "NpsInterval",
    "SatisfactionBand",
    "SatisfactionMeasures",
    "SatisfactionPolicy",
    "TotalCustomerCost",
    "TotalCustomerValue",
    "delivered_value",
    "explain_loyalty",
    "loyalty_consistency",
    "loyalty_kind",
    "loyalty_quadrant",
    "loyalty_score",
    "nps",
    "nps_interval",
    "satisfaction",
    "satisfaction_bands",
    "satisfaction_index",
]
