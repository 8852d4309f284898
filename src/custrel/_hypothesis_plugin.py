"""Registers custrel's models with Hypothesis through its ``hypothesis`` entry point.

Hypothesis calls the hook while it is itself being imported, which may happen in the
middle of importing :mod:`custrel.strategies`; so the hook imports nothing of custrel's
strategies up front and registers deferred strategies that look them up when first
drawn.
"""

from __future__ import annotations

import importlib
from typing import Any

from custrel import loyalty, models
from custrel.cadence import _workcalendar

_STRATEGIES = (
    (models.ContactPoints, "contact_points"),
    (models.Occasion, "occasions"),
    (models.FamilyMember, "family_members"),
    (models.Household, "households"),
    (models.Preferences, "preferences"),
    (models.Person, "persons"),
    (models.Organization, "organizations"),
    (models.CustomerProfile, "profiles"),
    (models.ContactEvent, "contact_events"),
    (models.Purchase, "purchases"),
    (models.Complaint, "complaints"),
    (models.Opportunity, "opportunities"),
    (loyalty.LoyaltyMeasures, "loyalty_measures"),
    (loyalty.LoyaltySignals, "loyalty_signals"),
    (loyalty.SatisfactionMeasures, "satisfaction_measures"),
    (loyalty.TotalCustomerValue, "total_customer_values"),
    (loyalty.TotalCustomerCost, "total_customer_costs"),
    (_workcalendar.WorkCalendar, "work_calendars"),
)


def _lazy(name: str) -> Any:  # noqa: ANN401 - a Hypothesis strategy of any model
    from hypothesis import strategies as st  # noqa: PLC0415 - only once Hypothesis is loading

    def draw_from_custrel() -> Any:  # noqa: ANN401 - a Hypothesis strategy of any model
        return getattr(importlib.import_module("custrel.strategies"), name)()

    return st.deferred(draw_from_custrel)


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every model, so ``st.from_type(Model)`` works."""
    from hypothesis import strategies as st  # noqa: PLC0415 - only once Hypothesis is loading

    for cls, name in _STRATEGIES:
        st.register_type_strategy(cls, _lazy(name))
