"""Valid rule results and explanations, as the rules make them, shared by the result validation
tests.
"""

from datetime import UTC, date, datetime, timedelta

import custrel
from custrel.grading import DEFAULT_GRADING, explain_grade
from custrel.lifecycle import explain_stage
from custrel.loyalty import LoyaltyMeasures, explain_loyalty
from custrel.models import (
    Complaint,
    CustomerProfile,
    DealStatus,
    FamilyMember,
    Household,
    Need,
    Occasion,
    OccasionKind,
    Opportunity,
    Person,
    Purchase,
    Relation,
    Severity,
)
from custrel.service import route_complaint
from custrel.tiering import explain_tier
from tests._values import AS_OF

AT = datetime(2026, 11, 20, 9, tzinfo=UTC)


def _sale(day: date) -> Purchase:
    return Purchase(
        customer_id="c-1",
        product="tea",
        amount=100,
        at=datetime.combine(day, datetime.min.time(), UTC),
    )


_MONTHLY = [_sale(date(2026, month, 1)) for month in range(1, 12)]

BOUND = DEFAULT_GRADING.at(AS_OF)
GRADE_WHY = explain_grade(
    Opportunity(customer_id="c-1", need=Need.POTENTIAL, status=DealStatus.POTENTIAL), as_of=AS_OF
)
SERIOUS = route_complaint(Complaint(customer_id="c-1", at=AT, severity=Severity.SERIOUS))
ORDINARY = route_complaint(Complaint(customer_id="c-1", at=AT, severity=Severity.ORDINARY))
CUSTOMER_STAGE = next(custrel.portfolio_stages([("c-1", _MONTHLY[:8], [])], as_of=AS_OF))
ACTIVE = explain_stage(_MONTHLY, as_of=AS_OF)  # 21 days silent, median 31 days
AT_RISK = explain_stage(_MONTHLY[:8], as_of=AS_OF)  # 113 days silent: three signals
PROSPECT = explain_stage([], as_of=AS_OF)
LAPSED = explain_stage(_MONTHLY[:4], as_of=AS_OF)  # 235 days silent, past 180
LOYALTY_WHY = explain_loyalty(LoyaltyMeasures(repeat_purchases=12, spend=0))
PART = LOYALTY_WHY.contributions[0]  # repeat purchases 12: points 1, weight 0.5, 50.00
TIER_WHY = explain_tier("c-2", values={"c-1": 300, "c-2": 200, "c-3": 100})
_PROFILE = CustomerProfile(
    customer_id="c-1",
    created_on=date(2026, 1, 1),
    person=Person(
        name="Wang Fang",
        birthday=date(1988, 2, 29),
        occasions=[Occasion(kind=OccasionKind.WEDDING, on=date(2027, 3, 3), label="own wedding")],
        household=Household(
            family=[
                FamilyMember(name="Li Ming", relation=Relation.CHILD, birthday=date(2016, 3, 1))
            ]
        ),
    ),
)
BIRTHDAY, CHILD_BIRTHDAY, WEDDING = custrel.upcoming_occasions(
    _PROFILE, as_of=date(2027, 2, 20), within=timedelta(days=20)
)

_HIDDEN = "(hidden)"
_FINGERPRINT = "a policy fingerprint: 16 hexadecimal digits 0-9, a-f"
