"""The grading refusals, as (call, error class, whole message, field, hint) rows."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta

from custrel.cadence import DEFAULT_CADENCE
from custrel.errors import InvalidInputError, PolicyError
from custrel.grading import (
    DEFAULT_GRADING,
    GradingPolicy,
    customer_grade,
    demand_grade,
    explain_grade,
    grade,
    is_important,
    urgency,
)
from custrel.models import Need
from tests._grading_cadence_samples import AS_OF, OPP, OTHER, bad

# Every error: (call, error class, whole message, field, hint) ------------------------------

GRADING_ERRORS = [
    pytest.param(
        lambda: GradingPolicy(horizons=bad([relativedelta(months=1)])),
        PolicyError,
        (
            "GradingPolicy.horizons: expected a tuple of 3 calendar periods, each longer"
            " than the one before, got list [relativedelta(months=+1)]"
        ),
        "GradingPolicy.horizons",
        "",
        id="grading-policy-horizons-type",
    ),
    pytest.param(
        lambda: GradingPolicy(horizons=bad((1, 2, 3))),
        PolicyError,
        (
            "GradingPolicy.horizons[0]: expected a relativedelta of whole years, months,"
            " weeks or days, got int 1"
        ),
        "GradingPolicy.horizons[0]",
        "",
        id="grading-policy-horizons-item",
    ),
    pytest.param(
        lambda: GradingPolicy(urgency_horizons=bad((relativedelta(weeks=1),))),
        PolicyError,
        (
            "GradingPolicy.urgency_horizons: expected a tuple of 3 calendar periods, each"
            " longer than the one before, got tuple (relativedelta(days=+7),)"
        ),
        "GradingPolicy.urgency_horizons",
        "",
        id="grading-policy-urgency-horizons",
    ),
    pytest.param(
        lambda: GradingPolicy(overdue_grace=bad(30)),
        PolicyError,
        (
            "GradingPolicy.overdue_grace: expected a relativedelta of zero or more whole"
            " years, months, weeks or days, at most 100 years and 36,600 days, got int 30"
        ),
        "GradingPolicy.overdue_grace",
        "",
        id="grading-policy-overdue-grace",
    ),
    pytest.param(
        lambda: DEFAULT_GRADING.at(bad("2026-11-22")),
        InvalidInputError,
        "as_of: expected a date, got str '2026-11-22'",
        "as_of",
        "",
        id="grading-at-as-of",
    ),
    pytest.param(
        lambda: DEFAULT_GRADING.at(AS_OF).grade(bad("c-1")),
        InvalidInputError,
        "opportunity: expected an Opportunity, got str 'c-1'",
        "opportunity",
        "",
        id="bound-grade-opportunity",
    ),
    pytest.param(
        lambda: DEFAULT_GRADING.at(AS_OF).urgency(bad("2026-11-29")),
        InvalidInputError,
        "due: expected a date or None, got str '2026-11-29'",
        "due",
        "",
        id="bound-urgency-due",
    ),
    pytest.param(
        lambda: grade(bad("c-1"), as_of=AS_OF),
        InvalidInputError,
        "opportunity: expected an Opportunity, got str 'c-1'",
        "opportunity",
        "",
        id="grade-opportunity",
    ),
    pytest.param(
        lambda: grade(OPP, as_of=bad("2026-11-22")),
        InvalidInputError,
        "as_of: expected a date, got str '2026-11-22'",
        "as_of",
        "",
        id="grade-as-of",
    ),
    pytest.param(
        lambda: grade(OPP, as_of=bad(datetime(2026, 11, 22, tzinfo=UTC))),
        InvalidInputError,
        (
            "as_of: expected a date, got datetime datetime.datetime(2026, 11, 22, 0, 0,"
            " tzinfo=datetime.tim...; pass value.date() for the calendar day"
        ),
        "as_of",
        "pass value.date() for the calendar day",
        id="grade-as-of-datetime",
    ),
    pytest.param(
        lambda: grade(OPP, as_of=AS_OF, policy=bad("default")),
        InvalidInputError,
        "policy: expected a GradingPolicy, got str 'default'",
        "policy",
        "",
        id="grade-policy",
    ),
    pytest.param(
        lambda: customer_grade(bad(5), as_of=AS_OF),
        InvalidInputError,
        "opportunities: expected an iterable of Opportunity, got int 5",
        "opportunities",
        "",
        id="customer-grade-not-iterable",
    ),
    pytest.param(
        lambda: customer_grade([], as_of=AS_OF),
        InvalidInputError,
        "opportunities: expected at least one opportunity, got list []",
        "opportunities",
        "",
        id="customer-grade-empty",
    ),
    pytest.param(
        lambda: customer_grade([OPP, bad("c-1")], as_of=AS_OF),
        InvalidInputError,
        "opportunities[1]: expected an Opportunity, got str 'c-1'",
        "opportunities[1]",
        "",
        id="customer-grade-item",
    ),
    pytest.param(
        lambda: customer_grade([OPP, OTHER], as_of=AS_OF),
        InvalidInputError,
        (
            "opportunities[1].customer_id: expected the same customer as the others"
            " ('c-1'), got str 'c-2'"
        ),
        "opportunities[1].customer_id",
        "",
        id="customer-grade-other-customer",
    ),
    pytest.param(
        lambda: customer_grade([OPP], as_of=bad("2026-11-22")),
        InvalidInputError,
        "as_of: expected a date, got str '2026-11-22'",
        "as_of",
        "",
        id="customer-grade-as-of",
    ),
    pytest.param(
        lambda: customer_grade([OPP], as_of=AS_OF, policy=bad(DEFAULT_CADENCE)),
        InvalidInputError,
        (
            "policy: expected a GradingPolicy, got CadencePolicy"
            " CadencePolicy(cadences=mappingproxy({<Grade.A: 'A'>: <Cad..."
        ),
        "policy",
        "",
        id="customer-grade-policy",
    ),
    pytest.param(
        lambda: urgency(bad("2026-11-29"), as_of=AS_OF),
        InvalidInputError,
        "due: expected a date or None, got str '2026-11-29'",
        "due",
        "",
        id="urgency-due",
    ),
    pytest.param(
        lambda: urgency(None, as_of=bad("2026-11-22")),
        InvalidInputError,
        "as_of: expected a date, got str '2026-11-22'",
        "as_of",
        "",
        id="urgency-as-of",
    ),
    pytest.param(
        lambda: urgency(None, as_of=AS_OF, policy=bad("default")),
        InvalidInputError,
        "policy: expected a GradingPolicy, got str 'default'",
        "policy",
        "",
        id="urgency-policy",
    ),
    pytest.param(
        lambda: is_important(bad(49999.99), threshold=50000),
        InvalidInputError,
        (
            "amount: expected a finite Decimal or int >= 0 or None, got float 49999.99;"
            " pass Decimal('49999.99'); floats cannot hold money exactly"
        ),
        "amount",
        "pass Decimal('49999.99'); floats cannot hold money exactly",
        id="important-amount-float",
    ),
    pytest.param(
        lambda: is_important(-1, threshold=50000),
        InvalidInputError,
        "amount: expected a finite Decimal or int >= 0 or None, got Decimal Decimal('-1')",
        "amount",
        "",
        id="important-amount-negative",
    ),
    pytest.param(
        lambda: is_important(10**15, threshold=50000),
        InvalidInputError,
        (
            "amount: expected a finite Decimal or int >= 0 with at most 15 digits before"
            " the point or None, got Decimal Decimal('1000000000000000')"
        ),
        "amount",
        "",
        id="important-amount-too-big",
    ),
    pytest.param(
        lambda: is_important(bad("50000"), threshold=50000),
        InvalidInputError,
        "amount: expected a finite Decimal or int >= 0 or None, got str '50000'",
        "amount",
        "",
        id="important-amount-text",
    ),
    pytest.param(
        lambda: is_important(Decimal(1), threshold=bad(0.5)),
        InvalidInputError,
        (
            "threshold: expected a finite Decimal or int >= 0, got float 0.5; pass"
            " Decimal('0.5'); floats cannot hold money exactly"
        ),
        "threshold",
        "pass Decimal('0.5'); floats cannot hold money exactly",
        id="important-threshold-float",
    ),
    pytest.param(
        lambda: is_important(Decimal(1), threshold=-1),
        InvalidInputError,
        "threshold: expected a finite Decimal or int >= 0, got Decimal Decimal('-1')",
        "threshold",
        "",
        id="important-threshold-negative",
    ),
    pytest.param(
        lambda: is_important(Decimal(1), threshold=bad("50000")),
        InvalidInputError,
        "threshold: expected a finite Decimal or int >= 0, got str '50000'",
        "threshold",
        "",
        id="important-threshold-text",
    ),
    pytest.param(
        lambda: demand_grade(Need.NONE, large=False, urgent=False),
        InvalidInputError,
        (
            "need: expected an explicit or potential need, got Need <Need.NONE: 'none'>; a"
            " customer with no need has grade E, not a demand grade"
        ),
        "need",
        "a customer with no need has grade E, not a demand grade",
        id="demand-need-none",
    ),
    pytest.param(
        lambda: demand_grade(bad("explicit"), large=True, urgent=True),
        InvalidInputError,
        (
            "need: expected a Need ('explicit', 'potential', 'none'), got str 'explicit';"
            " pass Need('explicit')"
        ),
        "need",
        "pass Need('explicit')",
        id="demand-need-text",
    ),
    pytest.param(
        lambda: demand_grade(Need.EXPLICIT, large=bad(1), urgent=True),
        InvalidInputError,
        "large: expected True or False, got int 1",
        "large",
        "",
        id="demand-large",
    ),
    pytest.param(
        lambda: demand_grade(Need.EXPLICIT, large=True, urgent=bad("yes")),
        InvalidInputError,
        "urgent: expected True or False, got str 'yes'",
        "urgent",
        "",
        id="demand-urgent",
    ),
    pytest.param(
        lambda: explain_grade(bad(OTHER.need), as_of=AS_OF),
        InvalidInputError,
        "opportunity: expected an Opportunity, got Need <Need.POTENTIAL: 'potential'>",
        "opportunity",
        "",
        id="explain-opportunity",
    ),
    pytest.param(
        lambda: explain_grade(OPP, as_of=bad("2026-11-22")),
        InvalidInputError,
        "as_of: expected a date, got str '2026-11-22'",
        "as_of",
        "",
        id="explain-as-of",
    ),
    pytest.param(
        lambda: explain_grade(OPP, as_of=AS_OF, policy=bad("default")),
        InvalidInputError,
        "policy: expected a GradingPolicy, got str 'default'",
        "policy",
        "",
        id="explain-policy",
    ),
]
