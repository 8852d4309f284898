"""Rules L1-L4: the lifecycle refuses bad input, message by message, naming the field and the
value.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from custrel.errors import InvalidInputError, PolicyError
from custrel.lifecycle import (
    LifecyclePolicy,
    churn_signals,
    explain_stage,
    highest_stage,
    lifecycle_stage,
    portfolio_stages,
    stage_counts,
)
from custrel.service import ServicePolicy
from tests._refusal_samples import AT, Refusal, _, assert_refused, gripe, sale
from tests._values import AS_OF, D

LIFECYCLE: list[Any] = [
    pytest.param(
        lambda: LifecyclePolicy(new_days=0),
        Refusal(
            PolicyError,
            "LifecyclePolicy.new_days",
            "LifecyclePolicy.new_days: expected an int in 1..36600, got int 0",
        ),
        id="new_days_zero",
    ),
    pytest.param(
        lambda: LifecyclePolicy(window_days=36_601),
        Refusal(
            PolicyError,
            "LifecyclePolicy.window_days",
            "LifecyclePolicy.window_days: expected an int in 1..36600, got int 36601",
        ),
        id="window_days_too_long",
    ),
    pytest.param(
        lambda: LifecyclePolicy(horizon_multiple=_(float("inf"))),
        Refusal(
            PolicyError,
            "LifecyclePolicy.horizon_multiple",
            (
                "LifecyclePolicy.horizon_multiple: expected a finite number > 0, "
                "got float inf; a ratio must be finite"
            ),
            "a ratio must be finite",
        ),
        id="horizon_multiple_infinite_float",
    ),
    pytest.param(
        lambda: LifecyclePolicy(horizon_multiple=0),
        Refusal(
            PolicyError,
            "LifecyclePolicy.horizon_multiple",
            (
                "LifecyclePolicy.horizon_multiple: expected a finite number > 0, got Decimal"
                " Decimal('0')"
            ),
        ),
        id="horizon_multiple_zero",
    ),
    pytest.param(
        lambda: LifecyclePolicy(horizon_floor_days=_("180")),
        Refusal(
            PolicyError,
            "LifecyclePolicy.horizon_floor_days",
            ("LifecyclePolicy.horizon_floor_days: expected an int in 1..36600, got str '180'"),
        ),
        id="horizon_floor_a_string",
    ),
    pytest.param(
        lambda: LifecyclePolicy(horizon_floor_days=200, horizon_ceiling_days=199),
        Refusal(
            PolicyError,
            "LifecyclePolicy.horizon_ceiling_days",
            (
                "LifecyclePolicy.horizon_ceiling_days: expected an int >= "
                "horizon_floor_days (200), got int 199"
            ),
        ),
        id="horizon_ceiling_below_floor",
    ),
    pytest.param(
        lambda: LifecyclePolicy(settle_days=-5),
        Refusal(
            PolicyError,
            "LifecyclePolicy.settle_days",
            "LifecyclePolicy.settle_days: expected an int in 1..36600, got int -5",
        ),
        id="settle_days_negative",
    ),
    pytest.param(
        lambda: LifecyclePolicy(growth=D("-0.1")),
        Refusal(
            PolicyError,
            "LifecyclePolicy.growth",
            ("LifecyclePolicy.growth: expected a finite number > 0, got Decimal Decimal('-0.1')"),
        ),
        id="growth_negative",
    ),
    pytest.param(
        lambda: LifecyclePolicy(growth=D("Infinity")),
        Refusal(
            PolicyError,
            "LifecyclePolicy.growth",
            (
                "LifecyclePolicy.growth: expected a finite number > 0, got Decimal "
                "Decimal('Infinity'); a ratio must be finite"
            ),
            "a ratio must be finite",
        ),
        id="growth_infinite",
    ),
    pytest.param(
        lambda: LifecyclePolicy(frequency_drop=1),
        Refusal(
            PolicyError,
            "LifecyclePolicy.frequency_drop",
            (
                "LifecyclePolicy.frequency_drop: expected a finite number above 0 and below"
                " 1, got Decimal "
                "Decimal('1')"
            ),
        ),
        id="frequency_drop_one",
    ),
    pytest.param(
        lambda: LifecyclePolicy(frequency_drop=_(True)),
        Refusal(
            PolicyError,
            "LifecyclePolicy.frequency_drop",
            (
                "LifecyclePolicy.frequency_drop: expected a finite number above 0 "
                "and below 1, got bool True; True and False are not numbers"
            ),
            "True and False are not numbers",
        ),
        id="frequency_drop_bool",
    ),
    pytest.param(
        lambda: LifecyclePolicy(spend_drop=_("0.5")),
        Refusal(
            PolicyError,
            "LifecyclePolicy.spend_drop",
            "LifecyclePolicy.spend_drop: expected a finite number above 0 and below 1, got"
            " str '0.5'",
        ),
        id="spend_drop_a_string",
    ),
    pytest.param(
        lambda: LifecyclePolicy(min_baseline=0),
        Refusal(
            PolicyError,
            "LifecyclePolicy.min_baseline",
            "LifecyclePolicy.min_baseline: expected an int in 1..36600, got int 0",
        ),
        id="min_baseline_zero",
    ),
    pytest.param(
        lambda: LifecyclePolicy(overdue_multiple=D(0)),
        Refusal(
            PolicyError,
            "LifecyclePolicy.overdue_multiple",
            (
                "LifecyclePolicy.overdue_multiple: expected a finite number > 0, got Decimal"
                " Decimal('0')"
            ),
        ),
        id="overdue_multiple_zero",
    ),
    pytest.param(
        lambda: LifecyclePolicy(overdue_min_days=-1),
        Refusal(
            PolicyError,
            "LifecyclePolicy.overdue_min_days",
            "LifecyclePolicy.overdue_min_days: expected an int in 0..36600, got int -1",
        ),
        id="overdue_min_days_negative",
    ),
    pytest.param(
        lambda: LifecyclePolicy(complaint_rise=0),
        Refusal(
            PolicyError,
            "LifecyclePolicy.complaint_rise",
            "LifecyclePolicy.complaint_rise: expected an int in 1..36600, got int 0",
        ),
        id="complaint_rise_zero",
    ),
    pytest.param(
        lambda: lifecycle_stage([], as_of=_("2026-11-22")),
        Refusal(
            InvalidInputError,
            "as_of",
            "as_of: expected a date, got str '2026-11-22'",
        ),
        id="stage_as_of_a_string",
    ),
    pytest.param(
        lambda: lifecycle_stage([], as_of=_(AT)),
        Refusal(
            InvalidInputError,
            "as_of",
            (
                "as_of: expected a date, got datetime datetime.datetime(2026, 11, 20, 9, 0, "
                "tzinfo=datetime.tim...; pass value.date() for the calendar day"
            ),
            "pass value.date() for the calendar day",
        ),
        id="stage_as_of_a_datetime",
    ),
    pytest.param(
        lambda: lifecycle_stage([], as_of=date(999, 12, 31)),
        Refusal(
            InvalidInputError,
            "as_of",
            (
                "as_of: expected a date from 1000-01-01 to 8999-12-31, got date "
                "datetime.date(999, 12, 31)"
            ),
        ),
        id="stage_as_of_too_early",
    ),
    pytest.param(
        lambda: lifecycle_stage([], as_of=AS_OF, policy=_(ServicePolicy())),
        Refusal(
            InvalidInputError,
            "policy",
            (
                "policy: expected a LifecyclePolicy, got ServicePolicy "
                "ServicePolicy(escalate_days=0, serious_visit_days=3, visi..."
            ),
        ),
        id="stage_policy_wrong",
    ),
    pytest.param(
        lambda: lifecycle_stage(_("tea"), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "purchases",
            "purchases: expected an iterable of Purchase, got str 'tea'",
        ),
        id="stage_purchases_a_string",
    ),
    pytest.param(
        lambda: lifecycle_stage([], as_of=AS_OF, complaints=_(None)),
        Refusal(
            InvalidInputError,
            "complaints",
            "complaints: expected an iterable of Complaint, got NoneType None",
        ),
        id="stage_complaints_not_iterable",
    ),
    pytest.param(
        lambda: lifecycle_stage(_([sale(), gripe()]), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "purchases[1]",
            (
                "purchases[1]: expected a Purchase, got Complaint "
                "Complaint(customer_id='c-1', at=datetime.datetime(2026, 1..."
            ),
        ),
        id="stage_purchase_not_a_purchase",
    ),
    pytest.param(
        lambda: lifecycle_stage([], as_of=AS_OF, complaints=_([sale()])),
        Refusal(
            InvalidInputError,
            "complaints[0]",
            (
                "complaints[0]: expected a Complaint, got Purchase "
                "Purchase(customer_id='c-1', at=datetime.datetime(2026, 11..."
            ),
        ),
        id="stage_complaint_not_a_complaint",
    ),
    pytest.param(
        lambda: lifecycle_stage([sale("c-1"), sale("c-2")], as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "purchases[1].customer_id",
            (
                "purchases[1].customer_id: expected the same customer as the rest of the "
                "history ('c-1'), got str 'c-2'; pass one customer's records; "
                "portfolio_stages takes many customers"
            ),
            "pass one customer's records; portfolio_stages takes many customers",
        ),
        id="stage_purchases_of_two_customers",
    ),
    pytest.param(
        lambda: lifecycle_stage([sale("c-1")], as_of=AS_OF, complaints=[gripe("c-2")]),
        Refusal(
            InvalidInputError,
            "complaints[0].customer_id",
            (
                "complaints[0].customer_id: expected the same customer as the rest of the "
                "history ('c-1'), got str 'c-2'; pass one customer's records; "
                "portfolio_stages takes many customers"
            ),
            "pass one customer's records; portfolio_stages takes many customers",
        ),
        id="stage_complaint_of_another_customer",
    ),
    pytest.param(
        lambda: churn_signals([], as_of=_(None)),
        Refusal(
            InvalidInputError,
            "as_of",
            "as_of: expected a date, got NoneType None",
        ),
        id="signals_as_of_missing",
    ),
    pytest.param(
        lambda: churn_signals([], as_of=AS_OF, policy=_(None)),
        Refusal(
            InvalidInputError,
            "policy",
            "policy: expected a LifecyclePolicy, got NoneType None",
        ),
        id="signals_policy_wrong",
    ),
    pytest.param(
        lambda: churn_signals([], as_of=AS_OF, complaints=[gripe("c-1"), gripe("c-2")]),
        Refusal(
            InvalidInputError,
            "complaints[1].customer_id",
            (
                "complaints[1].customer_id: expected the same customer as the rest of the "
                "history ('c-1'), got str 'c-2'; pass one customer's records; "
                "portfolio_stages takes many customers"
            ),
            "pass one customer's records; portfolio_stages takes many customers",
        ),
        id="signals_complaints_of_two_customers",
    ),
    pytest.param(
        lambda: highest_stage([], as_of=_(20261122)),
        Refusal(
            InvalidInputError,
            "as_of",
            "as_of: expected a date, got int 20261122",
        ),
        id="highest_as_of_wrong",
    ),
    pytest.param(
        lambda: highest_stage([], as_of=AS_OF, policy=_("default")),
        Refusal(
            InvalidInputError,
            "policy",
            "policy: expected a LifecyclePolicy, got str 'default'",
        ),
        id="highest_policy_wrong",
    ),
    pytest.param(
        lambda: highest_stage(_(sale()), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "purchases",
            (
                "purchases: expected an iterable of Purchase, got Purchase "
                "Purchase(customer_id='c-1', at=datetime.datetime(2026, 11..."
            ),
        ),
        id="highest_purchases_not_iterable",
    ),
    pytest.param(
        lambda: explain_stage([], as_of=_(date(9000, 1, 1))),
        Refusal(
            InvalidInputError,
            "as_of",
            (
                "as_of: expected a date from 1000-01-01 to 8999-12-31, got date "
                "datetime.date(9000, 1, 1)"
            ),
        ),
        id="explain_as_of_wrong",
    ),
    pytest.param(
        lambda: explain_stage([], as_of=AS_OF, policy=_(LifecyclePolicy)),
        Refusal(
            InvalidInputError,
            "policy",
            (
                "policy: expected a LifecyclePolicy, got type <class "
                "'custrel.lifecycle._policy.LifecyclePolicy'>"
            ),
        ),
        id="explain_policy_wrong",
    ),
    pytest.param(
        lambda: explain_stage(_([None]), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "purchases[0]",
            "purchases[0]: expected a Purchase, got NoneType None",
        ),
        id="explain_purchase_wrong",
    ),
    pytest.param(
        lambda: portfolio_stages([], as_of=_("today")),
        Refusal(
            InvalidInputError,
            "as_of",
            "as_of: expected a date, got str 'today'",
        ),
        id="portfolio_as_of_wrong",
    ),
    pytest.param(
        lambda: portfolio_stages([], as_of=AS_OF, policy=_(1)),
        Refusal(
            InvalidInputError,
            "policy",
            "policy: expected a LifecyclePolicy, got int 1",
        ),
        id="portfolio_policy_wrong",
    ),
    pytest.param(
        lambda: portfolio_stages(_(None), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "customers",
            (
                "customers: expected an iterable of (customer_id, purchases, complaints), "
                "got NoneType None"
            ),
        ),
        id="portfolio_customers_not_iterable",
    ),
    pytest.param(
        lambda: portfolio_stages(_("c-1"), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "customers",
            (
                "customers: expected an iterable of (customer_id, purchases, complaints), "
                "got str 'c-1'"
            ),
        ),
        id="portfolio_customers_a_string",
    ),
    pytest.param(
        lambda: list(portfolio_stages(_([("c-1", [])]), as_of=AS_OF)),
        Refusal(
            InvalidInputError,
            "customers[0]",
            (
                "customers[0]: expected a (customer_id, purchases, complaints) tuple, got "
                "tuple ('c-1', [])"
            ),
        ),
        id="portfolio_item_not_a_triple",
    ),
    pytest.param(
        lambda: list(portfolio_stages(_([["c-1", [], []]]), as_of=AS_OF)),
        Refusal(
            InvalidInputError,
            "customers[0]",
            (
                "customers[0]: expected a (customer_id, purchases, complaints) tuple, got "
                "list ['c-1', [], []]"
            ),
        ),
        id="portfolio_item_a_list",
    ),
    pytest.param(
        lambda: list(portfolio_stages([("c-1", [], []), (" ", [], [])], as_of=AS_OF)),
        Refusal(
            InvalidInputError,
            "customers[1][0]",
            "customers[1][0]: expected a non-blank string, got str ' '",
        ),
        id="portfolio_customer_id_blank",
    ),
    pytest.param(
        lambda: list(portfolio_stages([("c-1", [sale("c-2")], [])], as_of=AS_OF)),
        Refusal(
            InvalidInputError,
            "customers[0].purchases[0].customer_id",
            (
                "customers[0].purchases[0].customer_id: expected the same customer as the "
                "rest of the history ('c-1'), got str 'c-2'; pass one customer's records; "
                "portfolio_stages takes many customers"
            ),
            "pass one customer's records; portfolio_stages takes many customers",
        ),
        id="portfolio_purchase_of_another_customer",
    ),
    pytest.param(
        lambda: list(portfolio_stages([("c-1", [sale()], [gripe("c-9")])], as_of=AS_OF)),
        Refusal(
            InvalidInputError,
            "customers[0].complaints[0].customer_id",
            (
                "customers[0].complaints[0].customer_id: expected the same customer as the "
                "rest of the history ('c-1'), got str 'c-9'; pass one customer's records; "
                "portfolio_stages takes many customers"
            ),
            "pass one customer's records; portfolio_stages takes many customers",
        ),
        id="portfolio_complaint_of_another_customer",
    ),
    pytest.param(
        lambda: list(portfolio_stages([("c-1", _(5), [])], as_of=AS_OF)),
        Refusal(
            InvalidInputError,
            "customers[0].purchases",
            "customers[0].purchases: expected an iterable of Purchase, got int 5",
        ),
        id="portfolio_purchases_not_iterable",
    ),
    pytest.param(
        lambda: list(portfolio_stages([("c-1", _(["tea"]), [])], as_of=AS_OF)),
        Refusal(
            InvalidInputError,
            "customers[0].purchases[0]",
            "customers[0].purchases[0]: expected a Purchase, got str 'tea'",
        ),
        id="portfolio_purchase_wrong",
    ),
    pytest.param(
        lambda: stage_counts([], as_of=_(None)),
        Refusal(
            InvalidInputError,
            "as_of",
            "as_of: expected a date, got NoneType None",
        ),
        id="counts_as_of_wrong",
    ),
    pytest.param(
        lambda: stage_counts([], as_of=AS_OF, policy=_(None)),
        Refusal(
            InvalidInputError,
            "policy",
            "policy: expected a LifecyclePolicy, got NoneType None",
        ),
        id="counts_policy_wrong",
    ),
    pytest.param(
        lambda: stage_counts(_(3), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "customers",
            ("customers: expected an iterable of (customer_id, purchases, complaints), got int 3"),
        ),
        id="counts_customers_not_iterable",
    ),
    pytest.param(
        lambda: stage_counts(_(["c-1"]), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "customers[0]",
            ("customers[0]: expected a (customer_id, purchases, complaints) tuple, got str 'c-1'"),
        ),
        id="counts_item_not_a_triple",
    ),
    pytest.param(
        lambda: stage_counts(_([(1, [], [])]), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "customers[0][0]",
            "customers[0][0]: expected a non-blank string, got int 1",
        ),
        id="counts_customer_id_wrong",
    ),
    pytest.param(
        lambda: stage_counts([("c-1", [], [gripe("c-2")])], as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "customers[0].complaints[0].customer_id",
            (
                "customers[0].complaints[0].customer_id: expected the same customer as the "
                "rest of the history ('c-1'), got str 'c-2'; pass one customer's records; "
                "portfolio_stages takes many customers"
            ),
            "pass one customer's records; portfolio_stages takes many customers",
        ),
        id="counts_complaint_of_another_customer",
    ),
    pytest.param(
        lambda: stage_counts([("c-1", [], _(None))], as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "customers[0].complaints",
            ("customers[0].complaints: expected an iterable of Complaint, got NoneType None"),
        ),
        id="counts_complaints_not_iterable",
    ),
]


@pytest.mark.parametrize(("call", "refusal"), LIFECYCLE)
def test_l1_l4_lifecycle_refuses_bad_input_naming_field_and_value(
    call: Callable[[], object], refusal: Refusal
) -> None:
    assert_refused(call, refusal)
