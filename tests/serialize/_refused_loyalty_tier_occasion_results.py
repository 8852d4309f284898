"""Loyalty contributions and explanations, tier explanations and upcoming occasions with one
field changed to a wrong value, and the whole refusal each must give.
"""

from datetime import date
from typing import Any

from custrel.loyalty import LoyaltyMeasure
from tests._values import D
from tests.serialize._rule_results import (
    _FINGERPRINT,
    _HIDDEN,
    BIRTHDAY,
    CHILD_BIRTHDAY,
    LOYALTY_WHY,
    PART,
    TIER_WHY,
    WEDDING,
)

LOYALTY_TIER_OCCASION_REFUSED: list[tuple[object, dict[str, Any], str]] = [
    # LoyaltyContribution
    (
        PART,
        {"measure": "spend"},
        (
            "LoyaltyContribution.measure: expected a LoyaltyMeasure ('repeat_purchases',"
            " 'choosing_days', 'price_sensitivity', 'competitor_interest', 'quality_tolerance',"
            " 'spend'), got str 'spend'; pass LoyaltyMeasure('spend')"
        ),
    ),
    (
        PART,
        {"value": D("Infinity")},
        (
            "LoyaltyContribution.value: expected a finite Decimal or int,"
            " got Decimal Decimal('Infinity')"
        ),
    ),
    (
        PART,
        {"points": 1.0},
        "LoyaltyContribution.points: expected a Decimal in 0..1, got float 1.0",
    ),
    (
        PART,
        {"points": D("sNaN")},
        "LoyaltyContribution.points: expected a Decimal in 0..1, got Decimal Decimal('sNaN')",
    ),
    (
        PART,
        {"weight": D("1.01")},
        "LoyaltyContribution.weight: expected a Decimal in 0..1, got Decimal Decimal('1.01')",
    ),
    (
        PART,
        {"weight": D(-0.5)},
        "LoyaltyContribution.weight: expected a Decimal in 0..1, got Decimal Decimal('-0.5')",
    ),
    (
        PART,
        {"contribution": D(-50)},
        (
            "LoyaltyContribution.contribution: expected a finite Decimal or int >= 0,"
            " got Decimal Decimal('-50')"
        ),
    ),
    (
        PART,
        {"reason_en": None},
        "LoyaltyContribution.reason_en: expected a string, got NoneType None",
    ),
    (
        PART,
        {"reason_zh": ["得分"]},
        "LoyaltyContribution.reason_zh: expected a string, got list ['得分']",
    ),
    (
        PART,
        {"contribution": D("50.01")},
        (
            "LoyaltyContribution.contribution: expected 100 · points · weight, rounded to two"
            " decimals (50.00), got Decimal Decimal('50.01')"
        ),
    ),
    (
        PART,
        {"weight": D("0.25")},
        (
            "LoyaltyContribution.contribution: expected 100 · points · weight, rounded to two"
            " decimals (25.00), got Decimal Decimal('50.00')"
        ),
    ),
    # LoyaltyExplanation
    (
        LOYALTY_WHY,
        {"score": 50},
        "LoyaltyExplanation.score: expected a Decimal in 0..100, got int 50",
    ),
    (
        LOYALTY_WHY,
        {"score": D("-Infinity")},
        (
            "LoyaltyExplanation.score: expected a Decimal in 0..100,"
            " got Decimal Decimal('-Infinity')"
        ),
    ),
    (
        LOYALTY_WHY,
        {"score": D("100.01")},
        "LoyaltyExplanation.score: expected a Decimal in 0..100, got Decimal Decimal('100.01')",
    ),
    (
        LOYALTY_WHY,
        {"contributions": (PART, "spend")},
        ("LoyaltyExplanation.contributions[1]: expected a LoyaltyContribution, got str 'spend'"),
    ),
    (
        LOYALTY_WHY,
        {"missing": ("spend",)},
        (
            "LoyaltyExplanation.missing[0]: expected a LoyaltyMeasure ('repeat_purchases',"
            " 'choosing_days', 'price_sensitivity', 'competitor_interest', 'quality_tolerance',"
            " 'spend'), got str 'spend'; pass LoyaltyMeasure('spend')"
        ),
    ),
    (
        LOYALTY_WHY,
        {"rules": "Y1"},
        "LoyaltyExplanation.rules: expected a list or tuple of rule IDs, got str 'Y1'",
    ),
    (
        LOYALTY_WHY,
        {"reason_en": 1},
        "LoyaltyExplanation.reason_en: expected a string, got int 1",
    ),
    (
        LOYALTY_WHY,
        {"reason_zh": None},
        "LoyaltyExplanation.reason_zh: expected a string, got NoneType None",
    ),
    (
        LOYALTY_WHY,
        {"policy_fingerprint": ""},
        f"LoyaltyExplanation.policy_fingerprint: expected {_FINGERPRINT}, got str ''",
    ),
    (
        LOYALTY_WHY,
        {"contributions": ()},
        (
            "LoyaltyExplanation.contributions: expected at least one contribution, one per"
            " known measure, in LoyaltyMeasure order, got tuple ()"
        ),
    ),
    (
        LOYALTY_WHY,
        {"contributions": (PART, PART)},
        (
            "LoyaltyExplanation.contributions: expected at least one contribution, one per"
            " known measure, in LoyaltyMeasure order, got tuple (LoyaltyContribution("
            "measure=<LoyaltyMeasure.REPEAT_PURCH..."
        ),
    ),
    (
        LOYALTY_WHY,
        {"contributions": LOYALTY_WHY.contributions[::-1]},
        (
            "LoyaltyExplanation.contributions: expected at least one contribution, one per"
            " known measure, in LoyaltyMeasure order, got tuple (LoyaltyContribution("
            "measure=<LoyaltyMeasure.SPEND: 'spen..."
        ),
    ),
    (
        LOYALTY_WHY,
        {"missing": (LoyaltyMeasure.CHOOSING_DAYS,)},
        (
            "LoyaltyExplanation.missing: expected the measures without a contribution, in order"
            " (choosing_days, price_sensitivity, competitor_interest, quality_tolerance),"
            " got tuple (<LoyaltyMeasure.CHOOSING_DAYS: 'choosing_days'>,)"
        ),
    ),
    # TierExplanation
    (
        TIER_WHY,
        {"tier": "vip"},
        (
            "TierExplanation.tier: expected a Tier ('vip', 'major', 'ordinary', 'small'),"
            " got str 'vip'; pass Tier('vip')"
        ),
    ),
    (TIER_WHY, {"rank": 0}, "TierExplanation.rank: expected an int >= 1, got int 0"),
    (TIER_WHY, {"tied": True}, "TierExplanation.tied: expected an int >= 1, got bool True"),
    (
        TIER_WHY,
        {"customers": 10**9 + 1},
        ("TierExplanation.customers: expected an int in 1..1,000,000,000, got int 1000000001"),
    ),
    (
        TIER_WHY,
        {"share_above": D("Infinity")},
        (
            "TierExplanation.share_above: expected a Decimal in 0..1,"
            " got Decimal Decimal('Infinity')"
        ),
    ),
    (
        TIER_WHY,
        {"cut": D("1E+15")},
        (
            "TierExplanation.cut: expected a finite Decimal or int with at most 15 digits"
            " before the point, got Decimal Decimal('1E+15')"
        ),
    ),
    (
        TIER_WHY,
        {"reason_en": None},
        "TierExplanation.reason_en: expected a string, got NoneType None",
    ),
    (
        TIER_WHY,
        {"reason_zh": 2},
        "TierExplanation.reason_zh: expected a string, got int 2",
    ),
    (
        TIER_WHY,
        {"rank": 4},
        "TierExplanation.rank: expected an int in 1..customers (3), got int 4",
    ),
    (
        TIER_WHY,
        {"tied": 3},
        "TierExplanation.tied: expected an int in 1..customers - rank + 1 (2), got int 3",
    ),
    (
        TIER_WHY,
        {"rank": 1},
        (
            "TierExplanation.share_above: expected 0 for rank 1: nobody is above,"
            " got Decimal Decimal('0.3333333333333333333333333333')"
        ),
    ),
    (
        TIER_WHY,
        {"share_above": D(0)},
        (
            "TierExplanation.share_above: expected a share above 0 for rank 2: someone is"
            " above, got Decimal Decimal('0')"
        ),
    ),
    # UpcomingOccasion: types; the original date is personal and masked
    (
        BIRTHDAY,
        {"on": "2027-02-28"},
        "UpcomingOccasion.on: expected a date, got str '2027-02-28'",
    ),
    (
        BIRTHDAY,
        {"kind": "birthday"},
        (
            "UpcomingOccasion.kind: expected an OccasionKind ('birthday', 'wedding_anniversary',"
            " 'wedding', 'child_wedding', 'funeral', 'company_anniversary', 'other'),"
            " got str 'birthday'; pass OccasionKind('birthday')"
        ),
    ),
    (
        BIRTHDAY,
        {"calendar": None},
        (
            "UpcomingOccasion.calendar: expected a Calendar ('gregorian', 'lunar'),"
            " got NoneType None"
        ),
    ),
    (
        BIRTHDAY,
        {"whose": "\t"},
        "UpcomingOccasion.whose: expected a non-blank string, got str '\\t'",
    ),
    (
        CHILD_BIRTHDAY,
        {"relation": "child"},
        (
            "UpcomingOccasion.relation: expected a Relation ('spouse', 'child', 'parent',"
            " 'sibling', 'other') or None, got str 'child'; pass Relation('child')"
        ),
    ),
    (
        BIRTHDAY,
        {"number": -1},
        "UpcomingOccasion.number: expected an int >= 0 or None, got int -1",
    ),
    (
        WEDDING,
        {"label": " "},
        (
            "UpcomingOccasion.label: expected a non-blank string or None, got str ' ';"
            " use None for an unknown value"
        ),
    ),
    (
        BIRTHDAY,
        {"original": "1988-02-29"},
        "UpcomingOccasion.original: expected a date, got str '1********9'",
    ),
    (
        BIRTHDAY,
        {"original": date(999, 2, 28)},
        (
            "UpcomingOccasion.original: expected a date from 1000-01-01 to 8999-12-31,"
            f" got date {_HIDDEN}"
        ),
    ),
    # UpcomingOccasion: the day, the number and whose it is
    (
        BIRTHDAY,
        {"on": date(1988, 2, 28)},
        (
            "UpcomingOccasion.on: expected a date on or after original,"
            " got date datetime.date(1988, 2, 28)"
        ),
    ),
    (
        WEDDING,
        {"on": date(2027, 3, 4)},
        (
            "UpcomingOccasion.on: expected original, for a one-time event,"
            " got date datetime.date(2027, 3, 4)"
        ),
    ),
    (
        BIRTHDAY,
        {"number": None},
        ("UpcomingOccasion.number: expected an int >= 0 for a yearly occasion, got NoneType None"),
    ),
    (
        WEDDING,
        {"number": 0},
        "UpcomingOccasion.number: expected None for a one-time event, got int 0",
    ),
    (
        CHILD_BIRTHDAY,
        {"relation": None},
        (
            "UpcomingOccasion.whose: expected 'self' for an occasion without a relation:"
            " the customer's own, got str 'Li Ming'"
        ),
    ),
]
