"""Hypothesis strategies for every custrel model, for property-testing your own rules.

Install the ``hypothesis`` extra (``pip install "custrel[hypothesis]"``). Once custrel
is installed, Hypothesis also knows its models: ``st.from_type(CustomerProfile)`` uses
:func:`profiles`. ``import custrel`` itself never imports Hypothesis.

Every value drawn is valid: it constructs without error and survives
:func:`custrel.serialize.to_dict` and back. Timestamps are timezone-aware with a mix of
offsets; dates include 29 February; money is ``Decimal`` with two places.

>>> from hypothesis import given
>>> from custrel.strategies import purchases
>>> @given(purchases(customer_id="c-1"))
... def test_amount_is_never_negative(purchase):
...     assert purchase.amount >= 0
>>> test_amount_is_never_negative()
"""

from custrel.strategies._archive import (
    contact_points,
    family_members,
    households,
    occasions,
    organizations,
    persons,
    preferences,
    profiles,
)
from custrel.strategies._events import (
    History,
    complaints,
    contact_events,
    histories,
    opportunities,
    purchases,
)
from custrel.strategies._loyalty import (
    loyalty_measures,
    loyalty_policies,
    loyalty_signals,
    nps_answers,
    satisfaction_measures,
    satisfaction_policies,
    shares,
    total_customer_costs,
    total_customer_values,
)
from custrel.strategies._policies import (
    cadence_policies,
    grading_policies,
    lifecycle_policies,
    pool_policies,
    service_policies,
    tier_policies,
    work_calendars,
)
from custrel.strategies._scalars import (
    aware_datetimes,
    customer_ids,
    dates,
    money,
)

__all__ = [
    "History",
    "aware_datetimes",
    "cadence_policies",
    "complaints",
    "contact_events",
    "contact_points",
    "customer_ids",
    "dates",
    "family_members",
    "grading_policies",
    "histories",
    "households",
    "lifecycle_policies",
    "loyalty_measures",
    "loyalty_policies",
    "loyalty_signals",
    "money",
    "nps_answers",
    "occasions",
    "opportunities",
    "organizations",
    "persons",
    "pool_policies",
    "preferences",
    "profiles",
    "purchases",
    "satisfaction_measures",
    "satisfaction_policies",
    "service_policies",
    "shares",
    "tier_policies",
    "total_customer_costs",
    "total_customer_values",
    "work_calendars",
]
