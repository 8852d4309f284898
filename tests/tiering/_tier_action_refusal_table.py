"""The refusals of tier treatments, win-back, relationships and tier explanations (rules T2,
T4-T6), word for word: (call, error class, whole message, field, hint).
"""

import pytest

from custrel.errors import InvalidInputError
from custrel.tiering import (
    CustomerCount,
    Margin,
    Tier,
    explain_tier,
    relationship_level,
    tier_action,
    winback_priority,
)

TIER_ACTION_REFUSALS = [
    pytest.param(
        lambda: tier_action("vip", upgradeable=True),  # type: ignore[arg-type]
        InvalidInputError,
        (
            "tier: expected a Tier ('vip', 'major', 'ordinary', 'small'), got str 'vip'; pass "
            "Tier('vip')"
        ),
        "tier",
        "pass Tier('vip')",
        id="tier_action-tier",
    ),
    pytest.param(
        lambda: tier_action(3, upgradeable=True),  # type: ignore[arg-type]
        InvalidInputError,
        "tier: expected a Tier ('vip', 'major', 'ordinary', 'small'), got int 3",
        "tier",
        "",
        id="tier_action-tier-other",
    ),
    pytest.param(
        lambda: tier_action(Tier.VIP, upgradeable=1),  # type: ignore[arg-type]
        InvalidInputError,
        "upgradeable: expected True or False, got int 1",
        "upgradeable",
        "",
        id="tier_action-upgradeable",
    ),
    pytest.param(
        lambda: tier_action(Tier.VIP, upgradeable=True, bad=None),  # type: ignore[arg-type]
        InvalidInputError,
        "bad: expected True or False, got NoneType None",
        "bad",
        "",
        id="tier_action-bad",
    ),
    pytest.param(
        lambda: winback_priority("major"),  # type: ignore[arg-type]
        InvalidInputError,
        (
            "tier: expected a Tier ('vip', 'major', 'ordinary', 'small'), got str 'major'; "
            "pass Tier('major')"
        ),
        "tier",
        "pass Tier('major')",
        id="winback-tier",
    ),
    pytest.param(
        lambda: winback_priority(Tier.MAJOR, bad="yes"),  # type: ignore[arg-type]
        InvalidInputError,
        "bad: expected True or False, got str 'yes'",
        "bad",
        "",
        id="winback-bad",
    ),
    pytest.param(
        lambda: relationship_level("few", Margin.HIGH),  # type: ignore[arg-type]
        InvalidInputError,
        (
            "customers: expected a CustomerCount ('many', 'medium', 'few'), got str 'few'; "
            "pass CustomerCount('few')"
        ),
        "customers",
        "pass CustomerCount('few')",
        id="relationship-customers",
    ),
    pytest.param(
        lambda: relationship_level(CustomerCount.FEW, "high"),  # type: ignore[arg-type]
        InvalidInputError,
        (
            "margin: expected a Margin ('low', 'medium', 'high'), got str 'high'; pass "
            "Margin('high')"
        ),
        "margin",
        "pass Margin('high')",
        id="relationship-margin",
    ),
    pytest.param(
        lambda: explain_tier("c-9", values={"c-1": 1}),
        InvalidInputError,
        "customer_id: expected a customer id present in values, got str 'c-9'",
        "customer_id",
        "",
        id="explain-id-absent",
    ),
    pytest.param(
        lambda: explain_tier(" ", values={"c-1": 1}),
        InvalidInputError,
        "customer_id: expected a non-blank string, got str ' '",
        "customer_id",
        "",
        id="explain-id-blank",
    ),
    pytest.param(
        lambda: explain_tier("c-1", values={}),
        InvalidInputError,
        "customer_id: expected a customer id present in values, got str 'c-1'",
        "customer_id",
        "",
        id="explain-empty",
    ),
]
