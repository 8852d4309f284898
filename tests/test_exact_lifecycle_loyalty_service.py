"""Custrel's refusals, message by message, and the boundaries the other tests leave open.

Covers lifecycle (rules L1-L4), loyalty and satisfaction (rules Y1-Y6) and complaint
handling (rules S1-S3). Every refusal is checked whole: the error class, the field it
names, the hint and the full message (field, what was expected, the value given), since
the message is what a caller reads (house style: field, constraint and value).
"""

import decimal
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

import pytest

from custrel.errors import InvalidInputError, PolicyError
from custrel.lifecycle import (
    ChurnSignal,
    CustomerStage,
    LifecyclePolicy,
    Stage,
    churn_signals,
    explain_stage,
    highest_stage,
    lifecycle_stage,
    portfolio_stages,
    stage_counts,
)
from custrel.loyalty import (
    LoyaltyMeasure,
    LoyaltyMeasures,
    LoyaltyPolicy,
    LoyaltySignals,
    SatisfactionBand,
    SatisfactionMeasures,
    SatisfactionPolicy,
    TotalCustomerCost,
    TotalCustomerValue,
    delivered_value,
    explain_loyalty,
    loyalty_kind,
    loyalty_quadrant,
    loyalty_score,
    satisfaction,
    satisfaction_bands,
    satisfaction_index,
)
from custrel.models import Complaint, Purchase, Severity
from custrel.service import (
    ComplaintStep,
    ServicePolicy,
    complaint_follow_up_due,
    estimate_complaints,
    next_complaint_step,
    route_complaint,
    take_complaint_step,
)

D = Decimal
AS_OF = date(2026, 11, 22)
AT = datetime(2026, 11, 20, 9, tzinfo=UTC)
LISTEN, RECORD, REMEDY, FOLLOW_UP = ComplaintStep
ALL_STEPS = [LISTEN, RECORD, REMEDY, FOLLOW_UP]


def _(value: object) -> Any:
    """A wrong value, passed on purpose."""
    return value


def sale(cid: str = "c-1") -> Purchase:
    return Purchase(customer_id=cid, at=AT, product="tea", amount=100)


def gripe(cid: str = "c-1") -> Complaint:
    return Complaint(customer_id=cid, at=AT, severity=Severity.ORDINARY)


SIGNALS = {
    "has_alternatives": True,
    "avoids_switching": False,
    "price_driven": False,
    "promotion_driven": False,
    "recommends": False,
    "pays_full_price": False,
}
NO_LOYALTY_WEIGHT = dict.fromkeys(
    (
        "repeat_weight",
        "choosing_weight",
        "price_weight",
        "competitor_weight",
        "tolerance_weight",
        "spend_weight",
    ),
    0,
)
NO_SATISFACTION_WEIGHT = dict.fromkeys(
    (
        "reputation_weight",
        "awareness_weight",
        "return_weight",
        "complaint_weight",
        "amount_weight",
        "price_weight",
    ),
    0,
)


class Refusal(NamedTuple):
    """What a refusal must be: its class, the field it names, its message and hint."""

    kind: type[InvalidInputError]
    field: str
    message: str
    hint: str = ""


def assert_refused(call: Callable[[], object], refusal: Refusal) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call()
    error = caught.value
    assert type(error) is refusal.kind
    assert str(error) == refusal.message
    assert error.field == refusal.field
    assert error.hint == refusal.hint


# The refusals, module by module ---------------------------------------------------------------

SERVICE: list[Any] = [
    pytest.param(
        lambda: next_complaint_step(_("listen")),
        Refusal(
            InvalidInputError,
            "done",
            "done: expected an iterable of ComplaintStep, got str 'listen'",
        ),
        id="done_not_iterable",
    ),
    pytest.param(
        lambda: take_complaint_step(_(3), LISTEN),
        Refusal(
            InvalidInputError,
            "done",
            "done: expected an iterable of ComplaintStep, got int 3",
        ),
        id="done_not_iterable_when_taking",
    ),
    pytest.param(
        lambda: next_complaint_step(_(["listen"])),
        Refusal(
            InvalidInputError,
            "done[0]",
            (
                "done[0]: expected a ComplaintStep ('listen', 'record', 'remedy', "
                "'follow_up'), got str 'listen'; pass ComplaintStep('listen')"
            ),
            "pass ComplaintStep('listen')",
        ),
        id="done_item_a_string",
    ),
    pytest.param(
        lambda: next_complaint_step(_([LISTEN, 2])),
        Refusal(
            InvalidInputError,
            "done[1]",
            (
                "done[1]: expected a ComplaintStep ('listen', 'record', 'remedy', "
                "'follow_up'), got int 2"
            ),
        ),
        id="done_item_not_a_step",
    ),
    pytest.param(
        lambda: next_complaint_step([LISTEN, REMEDY]),
        Refusal(
            InvalidInputError,
            "done[1]",
            (
                "done[1]: expected <ComplaintStep.RECORD: 'record'>: steps are taken in "
                "order, none skipped or repeated, got ComplaintStep <ComplaintStep.REMEDY: "
                "'remedy'>"
            ),
        ),
        id="done_skips_a_step",
    ),
    pytest.param(
        lambda: next_complaint_step([RECORD]),
        Refusal(
            InvalidInputError,
            "done[0]",
            (
                "done[0]: expected <ComplaintStep.LISTEN: 'listen'>: steps are taken in "
                "order, none skipped or repeated, got ComplaintStep <ComplaintStep.RECORD: "
                "'record'>"
            ),
        ),
        id="done_starts_late",
    ),
    pytest.param(
        lambda: next_complaint_step([LISTEN, LISTEN]),
        Refusal(
            InvalidInputError,
            "done[1]",
            (
                "done[1]: expected <ComplaintStep.RECORD: 'record'>: steps are taken in "
                "order, none skipped or repeated, got ComplaintStep <ComplaintStep.LISTEN: "
                "'listen'>"
            ),
        ),
        id="done_repeats_a_step",
    ),
    pytest.param(
        lambda: next_complaint_step([*ALL_STEPS, LISTEN]),
        Refusal(
            InvalidInputError,
            "done[4]",
            (
                "done[4]: expected nothing: all four steps are done, got ComplaintStep "
                "<ComplaintStep.LISTEN: 'listen'>"
            ),
        ),
        id="done_past_the_last_step",
    ),
    pytest.param(
        lambda: take_complaint_step([*ALL_STEPS, FOLLOW_UP], LISTEN),
        Refusal(
            InvalidInputError,
            "done[4]",
            (
                "done[4]: expected nothing: all four steps are done, got ComplaintStep "
                "<ComplaintStep.FOLLOW_UP: 'follow_up'>"
            ),
        ),
        id="done_past_the_last_step_when_taking",
    ),
    pytest.param(
        lambda: take_complaint_step([], _("listen")),
        Refusal(
            InvalidInputError,
            "step",
            (
                "step: expected a ComplaintStep ('listen', 'record', 'remedy', "
                "'follow_up'), got str 'listen'; pass ComplaintStep('listen')"
            ),
            "pass ComplaintStep('listen')",
        ),
        id="step_a_string",
    ),
    pytest.param(
        lambda: take_complaint_step([LISTEN], _(None)),
        Refusal(
            InvalidInputError,
            "step",
            (
                "step: expected a ComplaintStep ('listen', 'record', 'remedy', "
                "'follow_up'), got NoneType None"
            ),
        ),
        id="step_none",
    ),
    pytest.param(
        lambda: take_complaint_step(ALL_STEPS, FOLLOW_UP),
        Refusal(
            InvalidInputError,
            "step",
            (
                "step: expected no further step: the follow-up is done, got ComplaintStep "
                "<ComplaintStep.FOLLOW_UP: 'follow_up'>"
            ),
        ),
        id="step_after_the_follow_up",
    ),
    pytest.param(
        lambda: take_complaint_step([LISTEN], REMEDY),
        Refusal(
            InvalidInputError,
            "step",
            (
                "step: expected <ComplaintStep.RECORD: 'record'>, the next step; none may "
                "be skipped, got ComplaintStep <ComplaintStep.REMEDY: 'remedy'>"
            ),
        ),
        id="step_skipped",
    ),
    pytest.param(
        lambda: take_complaint_step([LISTEN], LISTEN),
        Refusal(
            InvalidInputError,
            "step",
            (
                "step: expected <ComplaintStep.RECORD: 'record'>, the next step; none may "
                "be skipped, got ComplaintStep <ComplaintStep.LISTEN: 'listen'>"
            ),
        ),
        id="step_repeated",
    ),
    pytest.param(
        lambda: take_complaint_step([], RECORD),
        Refusal(
            InvalidInputError,
            "step",
            (
                "step: expected <ComplaintStep.LISTEN: 'listen'>, the next step; none may "
                "be skipped, got ComplaintStep <ComplaintStep.RECORD: 'record'>"
            ),
        ),
        id="first_step_not_listen",
    ),
    pytest.param(
        lambda: ServicePolicy(reach_share=_(0.3)),
        Refusal(
            PolicyError,
            "ServicePolicy.reach_share",
            (
                "ServicePolicy.reach_share: expected a Decimal from 0.01 to 1, got float 0.3; "
                "pass Decimal('0.3')"
            ),
            "pass Decimal('0.3')",
        ),
        id="reach_share_float",
    ),
    pytest.param(
        lambda: ServicePolicy(reach_share=0),
        Refusal(
            PolicyError,
            "ServicePolicy.reach_share",
            (
                "ServicePolicy.reach_share: expected a Decimal from 0.01 to 1, "
                "got Decimal Decimal('0')"
            ),
        ),
        id="reach_share_zero",
    ),
    pytest.param(
        lambda: ServicePolicy(reach_share=D("1.01")),
        Refusal(
            PolicyError,
            "ServicePolicy.reach_share",
            (
                "ServicePolicy.reach_share: expected a Decimal from 0.01 to 1, got Decimal "
                "Decimal('1.01')"
            ),
        ),
        id="reach_share_above_one",
    ),
    pytest.param(
        lambda: ServicePolicy(reach_share=D("NaN")),
        Refusal(
            PolicyError,
            "ServicePolicy.reach_share",
            (
                "ServicePolicy.reach_share: expected a Decimal from 0.01 to 1, "
                "got Decimal Decimal('NaN')"
            ),
        ),
        id="reach_share_nan",
    ),
    pytest.param(
        lambda: ServicePolicy(reach_share=_("0.3")),
        Refusal(
            PolicyError,
            "ServicePolicy.reach_share",
            "ServicePolicy.reach_share: expected a Decimal from 0.01 to 1, got str '0.3'",
        ),
        id="reach_share_string",
    ),
    pytest.param(
        lambda: ServicePolicy(escalate_days=-1),
        Refusal(
            PolicyError,
            "ServicePolicy.escalate_days",
            "ServicePolicy.escalate_days: expected an int in 0..36600, got int -1",
        ),
        id="escalate_days_negative",
    ),
    pytest.param(
        lambda: ServicePolicy(serious_visit_days=36_601),
        Refusal(
            PolicyError,
            "ServicePolicy.serious_visit_days",
            ("ServicePolicy.serious_visit_days: expected an int in 0..36600, got int 36601"),
        ),
        id="serious_visit_days_too_long",
    ),
    pytest.param(
        lambda: ServicePolicy(visit_days=_("7")),
        Refusal(
            PolicyError,
            "ServicePolicy.visit_days",
            "ServicePolicy.visit_days: expected an int in 0..36600, got str '7'",
        ),
        id="visit_days_a_string",
    ),
    pytest.param(
        lambda: ServicePolicy(follow_up_days=_(True)),
        Refusal(
            PolicyError,
            "ServicePolicy.follow_up_days",
            "ServicePolicy.follow_up_days: expected an int in 0..36600, got bool True",
        ),
        id="follow_up_days_a_bool",
    ),
    pytest.param(
        lambda: route_complaint(_("c-1")),
        Refusal(
            InvalidInputError,
            "complaint",
            "complaint: expected a Complaint, got str 'c-1'",
        ),
        id="route_not_a_complaint",
    ),
    pytest.param(
        lambda: route_complaint(gripe(), policy=_(LifecyclePolicy())),
        Refusal(
            InvalidInputError,
            "policy",
            (
                "policy: expected a ServicePolicy, got LifecyclePolicy "
                "LifecyclePolicy(new_days=90, window_days=90, horizon_mult..."
            ),
        ),
        id="route_policy_wrong",
    ),
    pytest.param(
        lambda: complaint_follow_up_due(_(None)),
        Refusal(
            InvalidInputError,
            "complaint",
            "complaint: expected a Complaint, got NoneType None",
        ),
        id="follow_up_not_a_complaint",
    ),
    pytest.param(
        lambda: complaint_follow_up_due(gripe(), policy=_({"follow_up_days": 7})),
        Refusal(
            InvalidInputError,
            "policy",
            "policy: expected a ServicePolicy, got dict {'follow_up_days': 7}",
        ),
        id="follow_up_policy_wrong",
    ),
    pytest.param(
        lambda: estimate_complaints(-1),
        Refusal(
            InvalidInputError,
            "voiced",
            "voiced: expected an int >= 0, got int -1",
        ),
        id="estimate_negative",
    ),
    pytest.param(
        lambda: estimate_complaints(_(True)),
        Refusal(
            InvalidInputError,
            "voiced",
            "voiced: expected an int >= 0, got bool True",
        ),
        id="estimate_bool",
    ),
    pytest.param(
        lambda: estimate_complaints(_(12.0)),
        Refusal(
            InvalidInputError,
            "voiced",
            "voiced: expected an int >= 0, got float 12.0",
        ),
        id="estimate_float",
    ),
    pytest.param(
        lambda: estimate_complaints(10**9 + 1),
        Refusal(
            InvalidInputError,
            "voiced",
            "voiced: expected an int in 0..1,000,000,000, got int 1000000001",
        ),
        id="estimate_too_many",
    ),
    pytest.param(
        lambda: estimate_complaints(12, policy=_(D("0.3"))),
        Refusal(
            InvalidInputError,
            "policy",
            "policy: expected a ServicePolicy, got Decimal Decimal('0.3')",
        ),
        id="estimate_policy_wrong",
    ),
]

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
        lambda: LifecyclePolicy(horizon_multiple=_(2.5)),
        Refusal(
            PolicyError,
            "LifecyclePolicy.horizon_multiple",
            (
                "LifecyclePolicy.horizon_multiple: expected a Decimal > 0, got float 2.5; "
                "pass Decimal('2.5')"
            ),
            "pass Decimal('2.5')",
        ),
        id="horizon_multiple_float",
    ),
    pytest.param(
        lambda: LifecyclePolicy(horizon_multiple=0),
        Refusal(
            PolicyError,
            "LifecyclePolicy.horizon_multiple",
            ("LifecyclePolicy.horizon_multiple: expected a Decimal > 0, got Decimal Decimal('0')"),
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
            ("LifecyclePolicy.growth: expected a Decimal > 0, got Decimal Decimal('-0.1')"),
        ),
        id="growth_negative",
    ),
    pytest.param(
        lambda: LifecyclePolicy(growth=D("Infinity")),
        Refusal(
            PolicyError,
            "LifecyclePolicy.growth",
            ("LifecyclePolicy.growth: expected a Decimal > 0, got Decimal Decimal('Infinity')"),
        ),
        id="growth_infinite",
    ),
    pytest.param(
        lambda: LifecyclePolicy(frequency_drop=1),
        Refusal(
            PolicyError,
            "LifecyclePolicy.frequency_drop",
            (
                "LifecyclePolicy.frequency_drop: expected a Decimal in (0, 1), got Decimal "
                "Decimal('1')"
            ),
        ),
        id="frequency_drop_one",
    ),
    pytest.param(
        lambda: LifecyclePolicy(frequency_drop=_(0.5)),
        Refusal(
            PolicyError,
            "LifecyclePolicy.frequency_drop",
            (
                "LifecyclePolicy.frequency_drop: expected a Decimal in (0, 1), got float "
                "0.5; pass Decimal('0.5')"
            ),
            "pass Decimal('0.5')",
        ),
        id="frequency_drop_float",
    ),
    pytest.param(
        lambda: LifecyclePolicy(spend_drop=_("0.5")),
        Refusal(
            PolicyError,
            "LifecyclePolicy.spend_drop",
            "LifecyclePolicy.spend_drop: expected a Decimal in (0, 1), got str '0.5'",
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
            ("LifecyclePolicy.overdue_multiple: expected a Decimal > 0, got Decimal Decimal('0')"),
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

LOYALTY: list[Any] = [
    pytest.param(
        lambda: loyalty_quadrant(_(0.8), 1),
        Refusal(
            InvalidInputError,
            "attachment",
            (
                "attachment: expected a Decimal or int in 0..1, got float 0.8; pass "
                "Decimal('0.8'); floats are refused so scores stay exact"
            ),
            "pass Decimal('0.8'); floats are refused so scores stay exact",
        ),
        id="quadrant_attachment_float",
    ),
    pytest.param(
        lambda: loyalty_quadrant(2, 1),
        Refusal(
            InvalidInputError,
            "attachment",
            "attachment: expected a Decimal or int in 0..1, got int 2",
        ),
        id="quadrant_attachment_above_one",
    ),
    pytest.param(
        lambda: loyalty_quadrant(1, D("-0.1")),
        Refusal(
            InvalidInputError,
            "repeat",
            "repeat: expected a Decimal or int in 0..1, got Decimal Decimal('-0.1')",
        ),
        id="quadrant_repeat_negative",
    ),
    pytest.param(
        lambda: loyalty_quadrant(1, _(True)),
        Refusal(
            InvalidInputError,
            "repeat",
            "repeat: expected a Decimal or int in 0..1, got bool True",
        ),
        id="quadrant_repeat_bool",
    ),
    pytest.param(
        lambda: loyalty_quadrant(1, 1, threshold=D(0)),
        Refusal(
            InvalidInputError,
            "threshold",
            (
                "threshold: expected a Decimal above 0 and at most 1, got Decimal "
                "Decimal('0'); e.g. Decimal('0.5')"
            ),
            "e.g. Decimal('0.5')",
        ),
        id="quadrant_threshold_zero",
    ),
    pytest.param(
        lambda: loyalty_quadrant(1, 1, threshold=D("1.5")),
        Refusal(
            InvalidInputError,
            "threshold",
            (
                "threshold: expected a Decimal above 0 and at most 1, got Decimal "
                "Decimal('1.5'); e.g. Decimal('0.5')"
            ),
            "e.g. Decimal('0.5')",
        ),
        id="quadrant_threshold_above_one",
    ),
    pytest.param(
        lambda: loyalty_quadrant(1, 1, threshold=_(0.5)),
        Refusal(
            InvalidInputError,
            "threshold",
            (
                "threshold: expected a Decimal above 0 and at most 1, got float 0.5; e.g. "
                "Decimal('0.5')"
            ),
            "e.g. Decimal('0.5')",
        ),
        id="quadrant_threshold_float",
    ),
    pytest.param(
        lambda: loyalty_quadrant(1, 1, threshold=_(1)),
        Refusal(
            InvalidInputError,
            "threshold",
            ("threshold: expected a Decimal above 0 and at most 1, got int 1; e.g. Decimal('0.5')"),
            "e.g. Decimal('0.5')",
        ),
        id="quadrant_threshold_int",
    ),
    pytest.param(
        lambda: LoyaltySignals(**_({**SIGNALS, "pays_full_price": None})),
        Refusal(
            InvalidInputError,
            "LoyaltySignals.pays_full_price",
            "LoyaltySignals.pays_full_price: expected True or False, got NoneType None",
        ),
        id="signals_flag_none",
    ),
    pytest.param(
        lambda: LoyaltySignals(**_({**SIGNALS, "has_alternatives": 1})),
        Refusal(
            InvalidInputError,
            "LoyaltySignals.has_alternatives",
            "LoyaltySignals.has_alternatives: expected True or False, got int 1",
        ),
        id="signals_flag_int",
    ),
    pytest.param(
        lambda: LoyaltySignals(**_({**SIGNALS, "recommends": "yes"})),
        Refusal(
            InvalidInputError,
            "LoyaltySignals.recommends",
            "LoyaltySignals.recommends: expected True or False, got str 'yes'",
        ),
        id="signals_flag_string",
    ),
    pytest.param(
        lambda: loyalty_kind(_({"has_alternatives": False})),
        Refusal(
            InvalidInputError,
            "signals",
            "signals: expected a LoyaltySignals, got dict {'has_alternatives': False}",
        ),
        id="kind_not_signals",
    ),
    pytest.param(
        lambda: loyalty_kind(_(None)),
        Refusal(
            InvalidInputError,
            "signals",
            "signals: expected a LoyaltySignals, got NoneType None",
        ),
        id="kind_none",
    ),
]

LOYALTY_SCORE: list[Any] = [
    pytest.param(
        lambda: LoyaltyMeasures(repeat_purchases=-1),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.repeat_purchases",
            "LoyaltyMeasures.repeat_purchases: expected an int >= 0 or None, got int -1",
        ),
        id="repeat_purchases_negative",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(repeat_purchases=_(D(2))),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.repeat_purchases",
            (
                "LoyaltyMeasures.repeat_purchases: expected an int >= 0 or None, got "
                "Decimal Decimal('2')"
            ),
        ),
        id="repeat_purchases_decimal",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(choosing_days=-1),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.choosing_days",
            (
                "LoyaltyMeasures.choosing_days: expected a finite Decimal or int >= 0 or "
                "None, got Decimal Decimal('-1')"
            ),
        ),
        id="choosing_days_negative",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(choosing_days=_(1.5)),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.choosing_days",
            (
                "LoyaltyMeasures.choosing_days: expected a finite Decimal or int >= 0 or "
                "None, got float 1.5; pass Decimal('1.5'); floats cannot hold money exactly"
            ),
            "pass Decimal('1.5'); floats cannot hold money exactly",
        ),
        id="choosing_days_float",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(price_sensitivity=D("1.01")),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.price_sensitivity",
            (
                "LoyaltyMeasures.price_sensitivity: expected a Decimal or int in 0..1 or "
                "None, got Decimal Decimal('1.01')"
            ),
        ),
        id="price_sensitivity_above_one",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(competitor_interest=_(0.25)),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.competitor_interest",
            (
                "LoyaltyMeasures.competitor_interest: expected a Decimal or int in 0..1 or "
                "None, got float 0.25; pass Decimal('0.25'); floats are refused so scores "
                "stay exact"
            ),
            "pass Decimal('0.25'); floats are refused so scores stay exact",
        ),
        id="competitor_interest_float",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(quality_tolerance=D("NaN")),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.quality_tolerance",
            (
                "LoyaltyMeasures.quality_tolerance: expected a Decimal or int in 0..1 or "
                "None, got Decimal Decimal('NaN')"
            ),
        ),
        id="quality_tolerance_nan",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(spend=_(10.5)),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.spend",
            (
                "LoyaltyMeasures.spend: expected a finite Decimal or int or None, got float "
                "10.5; pass Decimal('10.5'); floats cannot hold money exactly"
            ),
            "pass Decimal('10.5'); floats cannot hold money exactly",
        ),
        id="spend_float",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(spend=10**15),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.spend",
            (
                "LoyaltyMeasures.spend: expected a finite Decimal or int with at most 15 "
                "digits before the point or None, got Decimal Decimal('1000000000000000')"
            ),
        ),
        id="spend_too_big",
    ),
    pytest.param(
        lambda: LoyaltyMeasures.from_purchases([], as_of=_("2026-03-31")),
        Refusal(
            InvalidInputError,
            "as_of",
            "as_of: expected a date, got str '2026-03-31'",
        ),
        id="from_purchases_as_of_wrong",
    ),
    pytest.param(
        lambda: LoyaltyMeasures.from_purchases([], as_of=_(AT)),
        Refusal(
            InvalidInputError,
            "as_of",
            (
                "as_of: expected a date, got datetime datetime.datetime(2026, 11, 20, 9, 0, "
                "tzinfo=datetime.tim...; pass value.date() for the calendar day"
            ),
            "pass value.date() for the calendar day",
        ),
        id="from_purchases_as_of_datetime",
    ),
    pytest.param(
        lambda: LoyaltyMeasures.from_purchases(_(None), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "purchases",
            "purchases: expected an iterable of Purchase, got NoneType None",
        ),
        id="from_purchases_not_iterable",
    ),
    pytest.param(
        lambda: LoyaltyMeasures.from_purchases(_("tea"), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "purchases",
            "purchases: expected an iterable of Purchase, got str 'tea'",
        ),
        id="from_purchases_a_string",
    ),
    pytest.param(
        lambda: LoyaltyMeasures.from_purchases(_([sale(), gripe()]), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "purchases[1]",
            (
                "purchases[1]: expected a Purchase, got Complaint "
                "Complaint(customer_id='c-1', at=datetime.datetime(2026, 1..."
            ),
        ),
        id="from_purchases_item_wrong",
    ),
    pytest.param(
        lambda: LoyaltyMeasures.from_purchases(
            [sale("c-1"), sale("c-1"), sale("c-2")], as_of=AS_OF
        ),
        Refusal(
            InvalidInputError,
            "purchases[2].customer_id",
            (
                "purchases[2].customer_id: expected the customer of the earlier purchases, "
                "'c-1', got str 'c-2'; measure one customer at a time"
            ),
            "measure one customer at a time",
        ),
        id="from_purchases_two_customers",
    ),
    pytest.param(
        lambda: LoyaltyMeasures().get(_("spend")),
        Refusal(
            InvalidInputError,
            "measure",
            (
                "measure: expected a LoyaltyMeasure ('repeat_purchases', 'choosing_days', "
                "'price_sensitivity', 'competitor_interest', 'quality_tolerance', 'spend'), "
                "got str 'spend'; pass LoyaltyMeasure('spend')"
            ),
            "pass LoyaltyMeasure('spend')",
        ),
        id="get_measure_a_string",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().weight(_("spend")),
        Refusal(
            InvalidInputError,
            "measure",
            (
                "measure: expected a LoyaltyMeasure ('repeat_purchases', 'choosing_days', "
                "'price_sensitivity', 'competitor_interest', 'quality_tolerance', 'spend'), "
                "got str 'spend'; pass LoyaltyMeasure('spend')"
            ),
            "pass LoyaltyMeasure('spend')",
        ),
        id="weight_measure_a_string",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().points(_("spend"), 1),
        Refusal(
            InvalidInputError,
            "measure",
            (
                "measure: expected a LoyaltyMeasure ('repeat_purchases', 'choosing_days', "
                "'price_sensitivity', 'competitor_interest', 'quality_tolerance', 'spend'), "
                "got str 'spend'; pass LoyaltyMeasure('spend')"
            ),
            "pass LoyaltyMeasure('spend')",
        ),
        id="points_measure_a_string",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().points(_(None), 1),
        Refusal(
            InvalidInputError,
            "measure",
            (
                "measure: expected a LoyaltyMeasure ('repeat_purchases', 'choosing_days', "
                "'price_sensitivity', 'competitor_interest', 'quality_tolerance', 'spend'), "
                "got NoneType None"
            ),
        ),
        id="points_measure_none",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().points(LoyaltyMeasure.PRICE_SENSITIVITY, 2),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.price_sensitivity",
            (
                "LoyaltyMeasures.price_sensitivity: expected a Decimal or int in 0..1 or "
                "None, got Decimal Decimal('2')"
            ),
        ),
        id="points_value_off_range",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().points(LoyaltyMeasure.SPEND, _(1.5)),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.spend",
            (
                "LoyaltyMeasures.spend: expected a finite Decimal or int or None, got float "
                "1.5; pass Decimal('1.5'); floats cannot hold money exactly"
            ),
            "pass Decimal('1.5'); floats cannot hold money exactly",
        ),
        id="points_value_float",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().points(LoyaltyMeasure.SPEND, _(None)),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.spend",
            "LoyaltyMeasures.spend: expected a known value, got NoneType None",
        ),
        id="points_value_unknown",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().points(LoyaltyMeasure.REPEAT_PURCHASES, _(None)),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.repeat_purchases",
            ("LoyaltyMeasures.repeat_purchases: expected a known value, got NoneType None"),
        ),
        id="points_repeats_unknown",
    ),
    pytest.param(
        lambda: LoyaltyPolicy(spend_weight=-1),
        Refusal(
            PolicyError,
            "LoyaltyPolicy.spend_weight",
            (
                "LoyaltyPolicy.spend_weight: expected a finite Decimal or int >= 0, got "
                "Decimal Decimal('-1')"
            ),
        ),
        id="policy_weight_negative",
    ),
    pytest.param(
        lambda: LoyaltyPolicy(price_weight=_(0.5)),
        Refusal(
            PolicyError,
            "LoyaltyPolicy.price_weight",
            (
                "LoyaltyPolicy.price_weight: expected a finite Decimal or int >= 0, got "
                "float 0.5; pass Decimal('0.5'); floats cannot hold money exactly"
            ),
            "pass Decimal('0.5'); floats cannot hold money exactly",
        ),
        id="policy_weight_float",
    ),
    pytest.param(
        lambda: LoyaltyPolicy(repeat_weight=_("1")),
        Refusal(
            PolicyError,
            "LoyaltyPolicy.repeat_weight",
            ("LoyaltyPolicy.repeat_weight: expected a finite Decimal or int >= 0, got str '1'"),
        ),
        id="policy_weight_string",
    ),
    pytest.param(
        lambda: LoyaltyPolicy(**NO_LOYALTY_WEIGHT),
        Refusal(
            PolicyError,
            "LoyaltyPolicy.repeat_weight",
            (
                "LoyaltyPolicy.repeat_weight: expected at least one weight above 0, got "
                "Decimal Decimal('0'); every weight of the policy is 0"
            ),
            "every weight of the policy is 0",
        ),
        id="policy_every_weight_zero",
    ),
    pytest.param(
        lambda: LoyaltyPolicy(repeat_full=0),
        Refusal(
            PolicyError,
            "LoyaltyPolicy.repeat_full",
            "LoyaltyPolicy.repeat_full: expected an int >= 1, got int 0",
        ),
        id="policy_repeat_full_zero",
    ),
    pytest.param(
        lambda: LoyaltyPolicy(choosing_days_limit=0),
        Refusal(
            PolicyError,
            "LoyaltyPolicy.choosing_days_limit",
            (
                "LoyaltyPolicy.choosing_days_limit: expected a finite Decimal or int > 0, "
                "got Decimal Decimal('0')"
            ),
        ),
        id="policy_choosing_days_limit_zero",
    ),
    pytest.param(
        lambda: loyalty_score(_({"spend": 1})),
        Refusal(
            InvalidInputError,
            "measures",
            "measures: expected a LoyaltyMeasures, got dict {'spend': 1}",
        ),
        id="score_not_measures",
    ),
    pytest.param(
        lambda: loyalty_score(LoyaltyMeasures(spend=1), policy=_(SatisfactionPolicy())),
        Refusal(
            InvalidInputError,
            "policy",
            (
                "policy: expected a LoyaltyPolicy, got SatisfactionPolicy "
                "SatisfactionPolicy(reputation_weight=Decimal('1'), awaren..."
            ),
        ),
        id="score_policy_wrong",
    ),
    pytest.param(
        lambda: loyalty_score(LoyaltyMeasures()),
        Refusal(
            InvalidInputError,
            "measures",
            (
                "measures: expected at least one known measure whose weight is above 0, got "
                "LoyaltyMeasures LoyaltyMeasures(repeat_purchases=None, "
                "choosing_days=None...; with nothing known there is no loyalty score; leave "
                "the customer unscored"
            ),
            "with nothing known there is no loyalty score; leave the customer unscored",
        ),
        id="score_nothing_known",
    ),
    pytest.param(
        lambda: loyalty_score(LoyaltyMeasures(spend=1), policy=LoyaltyPolicy(spend_weight=0)),
        Refusal(
            InvalidInputError,
            "measures",
            (
                "measures: expected at least one known measure whose weight is above 0, got "
                "LoyaltyMeasures LoyaltyMeasures(repeat_purchases=None, "
                "choosing_days=None...; with nothing known there is no loyalty score; leave "
                "the customer unscored"
            ),
            "with nothing known there is no loyalty score; leave the customer unscored",
        ),
        id="score_only_weightless_known",
    ),
    pytest.param(
        lambda: explain_loyalty(_(None)),
        Refusal(
            InvalidInputError,
            "measures",
            "measures: expected a LoyaltyMeasures, got NoneType None",
        ),
        id="explain_not_measures",
    ),
    pytest.param(
        lambda: explain_loyalty(LoyaltyMeasures(spend=1), policy=_(None)),
        Refusal(
            InvalidInputError,
            "policy",
            "policy: expected a LoyaltyPolicy, got NoneType None",
        ),
        id="explain_policy_wrong",
    ),
    pytest.param(
        lambda: explain_loyalty(LoyaltyMeasures()),
        Refusal(
            InvalidInputError,
            "measures",
            (
                "measures: expected at least one known measure whose weight is above 0, got "
                "LoyaltyMeasures LoyaltyMeasures(repeat_purchases=None, "
                "choosing_days=None...; with nothing known there is no loyalty score; leave "
                "the customer unscored"
            ),
            "with nothing known there is no loyalty score; leave the customer unscored",
        ),
        id="explain_nothing_known",
    ),
]

SATISFACTION: list[Any] = [
    pytest.param(
        lambda: satisfaction(_(7.5), 5),
        Refusal(
            InvalidInputError,
            "experience",
            (
                "experience: expected a finite Decimal or int, got float 7.5; pass "
                "Decimal('7.5'); floats are refused so results stay exact"
            ),
            "pass Decimal('7.5'); floats are refused so results stay exact",
        ),
        id="experience_float",
    ),
    pytest.param(
        lambda: satisfaction(5, _(True)),
        Refusal(
            InvalidInputError,
            "expectation",
            "expectation: expected a finite Decimal or int, got bool True",
        ),
        id="expectation_bool",
    ),
    pytest.param(
        lambda: satisfaction(5, _("5")),
        Refusal(
            InvalidInputError,
            "expectation",
            "expectation: expected a finite Decimal or int, got str '5'",
        ),
        id="expectation_string",
    ),
    pytest.param(
        lambda: satisfaction(D("NaN"), 5),
        Refusal(
            InvalidInputError,
            "experience",
            "experience: expected a finite Decimal or int, got Decimal Decimal('NaN')",
        ),
        id="experience_nan",
    ),
    pytest.param(
        lambda: satisfaction(11, 7),
        Refusal(
            InvalidInputError,
            "experience",
            "experience: expected a rating in 0..10, got int 11",
        ),
        id="experience_above_scale",
    ),
    pytest.param(
        lambda: satisfaction(5, 0, low=1, high=5),
        Refusal(
            InvalidInputError,
            "expectation",
            "expectation: expected a rating in 1..5, got int 0",
        ),
        id="expectation_below_scale",
    ),
    pytest.param(
        lambda: satisfaction(5, 5, low=_(0.0)),
        Refusal(
            InvalidInputError,
            "low",
            (
                "low: expected a finite Decimal or int, got float 0.0; pass Decimal('0.0'); "
                "floats are refused so results stay exact"
            ),
            "pass Decimal('0.0'); floats are refused so results stay exact",
        ),
        id="low_float",
    ),
    pytest.param(
        lambda: satisfaction(5, 5, high=D("Infinity")),
        Refusal(
            InvalidInputError,
            "high",
            "high: expected a finite Decimal or int, got Decimal Decimal('Infinity')",
        ),
        id="high_infinite",
    ),
    pytest.param(
        lambda: satisfaction(5, 5, low=5, high=5),
        Refusal(
            InvalidInputError,
            "high",
            "high: expected a value above low (5), got int 5",
        ),
        id="high_equal_to_low",
    ),
    pytest.param(
        lambda: satisfaction(5, 5, low=D("7.5"), high=D("2.5")),
        Refusal(
            InvalidInputError,
            "high",
            "high: expected a value above low (7.5), got Decimal Decimal('2.5')",
        ),
        id="high_below_low",
    ),
    pytest.param(
        lambda: SatisfactionMeasures(reputation=2),
        Refusal(
            InvalidInputError,
            "SatisfactionMeasures.reputation",
            (
                "SatisfactionMeasures.reputation: expected a Decimal or int in 0..1 or "
                "None, got Decimal Decimal('2')"
            ),
        ),
        id="measures_reputation_above_one",
    ),
    pytest.param(
        lambda: SatisfactionMeasures(awareness=_(0.5)),
        Refusal(
            InvalidInputError,
            "SatisfactionMeasures.awareness",
            (
                "SatisfactionMeasures.awareness: expected a Decimal or int in 0..1 or None, "
                "got float 0.5; pass Decimal('0.5'); floats are refused so scores stay "
                "exact"
            ),
            "pass Decimal('0.5'); floats are refused so scores stay exact",
        ),
        id="measures_awareness_float",
    ),
    pytest.param(
        lambda: SatisfactionMeasures(return_rate=-1),
        Refusal(
            InvalidInputError,
            "SatisfactionMeasures.return_rate",
            (
                "SatisfactionMeasures.return_rate: expected a Decimal or int in 0..1 or "
                "None, got Decimal Decimal('-1')"
            ),
        ),
        id="measures_return_rate_negative",
    ),
    pytest.param(
        lambda: SatisfactionMeasures(complaint_rate=_("0.1")),
        Refusal(
            InvalidInputError,
            "SatisfactionMeasures.complaint_rate",
            (
                "SatisfactionMeasures.complaint_rate: expected a Decimal or int in 0..1 or "
                "None, got str '0.1'"
            ),
        ),
        id="measures_complaint_rate_string",
    ),
    pytest.param(
        lambda: SatisfactionMeasures(purchase_amount=-1),
        Refusal(
            InvalidInputError,
            "SatisfactionMeasures.purchase_amount",
            (
                "SatisfactionMeasures.purchase_amount: expected a finite Decimal or int >= "
                "0 or None, got Decimal Decimal('-1')"
            ),
        ),
        id="measures_purchase_amount_negative",
    ),
    pytest.param(
        lambda: SatisfactionMeasures(price_sensitivity=_(False)),
        Refusal(
            InvalidInputError,
            "SatisfactionMeasures.price_sensitivity",
            (
                "SatisfactionMeasures.price_sensitivity: expected a Decimal or int in 0..1 "
                "or None, got bool False"
            ),
        ),
        id="measures_price_sensitivity_bool",
    ),
    pytest.param(
        lambda: SatisfactionPolicy(awareness_weight=-1),
        Refusal(
            PolicyError,
            "SatisfactionPolicy.awareness_weight",
            (
                "SatisfactionPolicy.awareness_weight: expected a finite Decimal or int >= "
                "0, got Decimal Decimal('-1')"
            ),
        ),
        id="policy_weight_negative",
    ),
    pytest.param(
        lambda: SatisfactionPolicy(price_weight=_(1.0)),
        Refusal(
            PolicyError,
            "SatisfactionPolicy.price_weight",
            (
                "SatisfactionPolicy.price_weight: expected a finite Decimal or int >= 0, "
                "got float 1.0; pass Decimal('1.0'); floats cannot hold money exactly"
            ),
            "pass Decimal('1.0'); floats cannot hold money exactly",
        ),
        id="policy_weight_float",
    ),
    pytest.param(
        lambda: SatisfactionPolicy(**NO_SATISFACTION_WEIGHT),
        Refusal(
            PolicyError,
            "SatisfactionPolicy.reputation_weight",
            (
                "SatisfactionPolicy.reputation_weight: expected at least one weight above "
                "0, got Decimal Decimal('0'); every weight of the policy is 0"
            ),
            "every weight of the policy is 0",
        ),
        id="policy_every_weight_zero",
    ),
    pytest.param(
        lambda: SatisfactionPolicy(amount_full=0),
        Refusal(
            PolicyError,
            "SatisfactionPolicy.amount_full",
            (
                "SatisfactionPolicy.amount_full: expected a finite Decimal or int > 0, got "
                "Decimal Decimal('0')"
            ),
        ),
        id="policy_amount_full_zero",
    ),
    pytest.param(
        lambda: satisfaction_index(_(LoyaltyMeasures(spend=1))),
        Refusal(
            InvalidInputError,
            "measures",
            (
                "measures: expected a SatisfactionMeasures, got LoyaltyMeasures "
                "LoyaltyMeasures(repeat_purchases=None, choosing_days=None..."
            ),
        ),
        id="index_not_measures",
    ),
    pytest.param(
        lambda: satisfaction_index(SatisfactionMeasures(awareness=1), policy=_(LoyaltyPolicy())),
        Refusal(
            InvalidInputError,
            "policy",
            (
                "policy: expected a SatisfactionPolicy, got LoyaltyPolicy "
                "LoyaltyPolicy(repeat_weight=Decimal('1'), choosing_weight..."
            ),
        ),
        id="index_policy_wrong",
    ),
    pytest.param(
        lambda: satisfaction_index(SatisfactionMeasures()),
        Refusal(
            InvalidInputError,
            "measures",
            (
                "measures: expected at least one known measure whose weight is above 0, got "
                "SatisfactionMeasures SatisfactionMeasures(reputation=None, awareness=None, "
                "ret..."
            ),
        ),
        id="index_nothing_known",
    ),
    pytest.param(
        lambda: satisfaction_index(
            SatisfactionMeasures(awareness=1), policy=SatisfactionPolicy(awareness_weight=0)
        ),
        Refusal(
            InvalidInputError,
            "measures",
            (
                "measures: expected at least one known measure whose weight is above 0, got "
                "SatisfactionMeasures SatisfactionMeasures(reputation=None, "
                "awareness=Decimal('..."
            ),
        ),
        id="index_only_weightless_known",
    ),
    pytest.param(
        lambda: satisfaction_bands({}, share=D(0)),
        Refusal(
            InvalidInputError,
            "share",
            (
                "share: expected a Decimal above 0 and at most 0.5, got Decimal "
                "Decimal('0'); e.g. Decimal('0.15')"
            ),
            "e.g. Decimal('0.15')",
        ),
        id="bands_share_zero",
    ),
    pytest.param(
        lambda: satisfaction_bands({}, share=D("0.51")),
        Refusal(
            InvalidInputError,
            "share",
            (
                "share: expected a Decimal above 0 and at most 0.5, got Decimal "
                "Decimal('0.51'); e.g. Decimal('0.15')"
            ),
            "e.g. Decimal('0.15')",
        ),
        id="bands_share_above_half",
    ),
    pytest.param(
        lambda: satisfaction_bands({}, share=_(0.15)),
        Refusal(
            InvalidInputError,
            "share",
            (
                "share: expected a Decimal above 0 and at most 0.5, got float 0.15; e.g. "
                "Decimal('0.15')"
            ),
            "e.g. Decimal('0.15')",
        ),
        id="bands_share_float",
    ),
    pytest.param(
        lambda: satisfaction_bands(_([("c-1", 5)])),
        Refusal(
            InvalidInputError,
            "values",
            ("values: expected a mapping of customer id to satisfaction, got list [('c-1', 5)]"),
        ),
        id="bands_values_not_a_mapping",
    ),
    pytest.param(
        lambda: satisfaction_bands(_({"": 5})),
        Refusal(
            InvalidInputError,
            "values key",
            "values key: expected a non-blank string, got str ''",
        ),
        id="bands_key_blank",
    ),
    pytest.param(
        lambda: satisfaction_bands(_({1: 5})),
        Refusal(
            InvalidInputError,
            "values key",
            "values key: expected a non-blank string, got int 1",
        ),
        id="bands_key_not_a_string",
    ),
    pytest.param(
        lambda: satisfaction_bands(_({"c-1": 0.5})),
        Refusal(
            InvalidInputError,
            "values['c-1']",
            (
                "values['c-1']: expected a finite Decimal or int, got float 0.5; pass "
                "Decimal('0.5'); floats are refused so results stay exact"
            ),
            "pass Decimal('0.5'); floats are refused so results stay exact",
        ),
        id="bands_value_float",
    ),
    pytest.param(
        lambda: satisfaction_bands(_({"c-1": 5, "c-2": None})),
        Refusal(
            InvalidInputError,
            "values['c-2']",
            "values['c-2']: expected a finite Decimal or int, got NoneType None",
        ),
        id="bands_value_none",
    ),
    pytest.param(
        lambda: TotalCustomerValue(product=-1),
        Refusal(
            InvalidInputError,
            "TotalCustomerValue.product",
            (
                "TotalCustomerValue.product: expected a finite Decimal or int >= 0, got "
                "Decimal Decimal('-1')"
            ),
        ),
        id="value_part_negative",
    ),
    pytest.param(
        lambda: TotalCustomerValue(image=_(2.5)),
        Refusal(
            InvalidInputError,
            "TotalCustomerValue.image",
            (
                "TotalCustomerValue.image: expected a finite Decimal or int >= 0, got float "
                "2.5; pass Decimal('2.5'); floats cannot hold money exactly"
            ),
            "pass Decimal('2.5'); floats cannot hold money exactly",
        ),
        id="value_part_float",
    ),
    pytest.param(
        lambda: TotalCustomerCost(time=_(1.5)),
        Refusal(
            InvalidInputError,
            "TotalCustomerCost.time",
            (
                "TotalCustomerCost.time: expected a finite Decimal or int >= 0, got float "
                "1.5; pass Decimal('1.5'); floats cannot hold money exactly"
            ),
            "pass Decimal('1.5'); floats cannot hold money exactly",
        ),
        id="cost_part_float",
    ),
    pytest.param(
        lambda: TotalCustomerCost(money=_("699")),
        Refusal(
            InvalidInputError,
            "TotalCustomerCost.money",
            ("TotalCustomerCost.money: expected a finite Decimal or int >= 0, got str '699'"),
        ),
        id="cost_part_string",
    ),
    pytest.param(
        lambda: delivered_value(_(TotalCustomerCost(money=1)), _(TotalCustomerValue(product=1))),
        Refusal(
            InvalidInputError,
            "value",
            (
                "value: expected a TotalCustomerValue, got TotalCustomerCost "
                "TotalCustomerCost(money=Decimal('1'), time=Decimal('0'), ..."
            ),
        ),
        id="delivered_value_swapped",
    ),
    pytest.param(
        lambda: delivered_value(TotalCustomerValue(), _(TotalCustomerValue())),
        Refusal(
            InvalidInputError,
            "cost",
            (
                "cost: expected a TotalCustomerCost, got TotalCustomerValue "
                "TotalCustomerValue(product=Decimal('0'), service=Decimal(..."
            ),
        ),
        id="delivered_value_cost_wrong",
    ),
    pytest.param(
        lambda: delivered_value(_(None), TotalCustomerCost()),
        Refusal(
            InvalidInputError,
            "value",
            "value: expected a TotalCustomerValue, got NoneType None",
        ),
        id="delivered_value_value_none",
    ),
]


@pytest.mark.parametrize(("call", "refusal"), SERVICE)
def test_s1_s3_complaint_handling_refuses_bad_input_naming_field_and_value(
    call: Callable[[], object], refusal: Refusal
) -> None:
    assert_refused(call, refusal)


@pytest.mark.parametrize(("call", "refusal"), LIFECYCLE)
def test_l1_l4_lifecycle_refuses_bad_input_naming_field_and_value(
    call: Callable[[], object], refusal: Refusal
) -> None:
    assert_refused(call, refusal)


@pytest.mark.parametrize(("call", "refusal"), LOYALTY)
def test_y2_y3_loyalty_types_refuse_bad_input_naming_field_and_value(
    call: Callable[[], object], refusal: Refusal
) -> None:
    assert_refused(call, refusal)


@pytest.mark.parametrize(("call", "refusal"), LOYALTY_SCORE)
def test_y1_loyalty_score_refuses_bad_input_naming_field_and_value(
    call: Callable[[], object], refusal: Refusal
) -> None:
    assert_refused(call, refusal)


@pytest.mark.parametrize(("call", "refusal"), SATISFACTION)
def test_y4_y6_satisfaction_refuses_bad_input_naming_field_and_value(
    call: Callable[[], object], refusal: Refusal
) -> None:
    assert_refused(call, refusal)


# Behaviour the refusals do not reach ----------------------------------------------------------


def test_l1_stage_counts_count_every_customer_of_a_stage() -> None:
    customers = [
        ("c-1", [], []),
        ("c-2", [], []),
        ("c-3", [], []),
        ("c-4", [sale("c-4")], []),
        ("c-5", [sale("c-5")], [gripe("c-5")]),
    ]
    counts = stage_counts(customers, as_of=AS_OF)
    assert counts == {
        Stage.PROSPECT: 3,
        Stage.NEW: 2,
        Stage.ACTIVE: 0,
        Stage.GROWING: 0,
        Stage.AT_RISK: 0,
        Stage.LAPSED: 0,
        Stage.WON_BACK: 0,
    }


@pytest.mark.parametrize(
    "rounding", [decimal.ROUND_HALF_EVEN, decimal.ROUND_UP, decimal.ROUND_DOWN]
)
def test_y6_satisfaction_bands_do_not_depend_on_the_callers_decimal_context(
    rounding: str,
) -> None:
    """19 customers at 15 %: share · n is 2.85, so two are marked at each end."""
    values = {f"c-{i}": i for i in range(1, 20)}
    expected = satisfaction_bands(values)
    with decimal.localcontext(prec=1, rounding=rounding):
        assert satisfaction_bands(values) == expected
    assert [cid for cid, band in expected.items() if band is SatisfactionBand.MOST] == [
        "c-18",
        "c-19",
    ]
    assert [cid for cid, band in expected.items() if band is SatisfactionBand.LEAST] == [
        "c-1",
        "c-2",
    ]


# Results never depend on the caller's decimal context -----------------------------------------

SCANT = decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)
"""A caller's context that would round almost every intermediate result."""

FINE_MEASURES = LoyaltyMeasures(
    repeat_purchases=5,
    choosing_days=D("2.345"),
    price_sensitivity=D("0.1234"),
    competitor_interest=D("0.0101"),
    quality_tolerance=D("0.9876"),
    spend=D("1234.56"),
)


def test_y1_loyalty_score_does_not_depend_on_the_callers_decimal_context() -> None:
    expected = loyalty_score(FINE_MEASURES)
    with decimal.localcontext(SCANT):
        assert loyalty_score(FINE_MEASURES) == expected


@pytest.mark.parametrize("measure", list(LoyaltyMeasure))
def test_y1_points_do_not_depend_on_the_callers_decimal_context(
    measure: LoyaltyMeasure,
) -> None:
    value = FINE_MEASURES.get(measure)
    assert value is not None
    expected = LoyaltyPolicy().points(measure, value)
    with decimal.localcontext(SCANT):
        assert LoyaltyPolicy().points(measure, value) == expected


def test_y1_explanation_does_not_depend_on_the_callers_decimal_context() -> None:
    policy = LoyaltyPolicy(repeat_weight=D("2.5"), spend_weight=D("0.125"))
    expected = explain_loyalty(FINE_MEASURES, policy=policy)
    with decimal.localcontext(SCANT):
        assert explain_loyalty(FINE_MEASURES, policy=policy) == expected
    assert expected.contributions[0].reason_en == (
        "repeat purchases 5: points 0.4167 · weight 37.74% = 15.72"
    )


def test_y4_satisfaction_index_does_not_depend_on_the_callers_decimal_context() -> None:
    measures = SatisfactionMeasures(
        reputation=D("0.8765"),
        complaint_rate=D("0.1234"),
        price_sensitivity=D("0.4321"),
        purchase_amount=D("1234.56"),
    )
    expected = satisfaction_index(measures)
    with decimal.localcontext(SCANT):
        assert satisfaction_index(measures) == expected


def test_y5_delivered_value_is_exact_in_any_decimal_context() -> None:
    value = TotalCustomerValue(
        product=D("800.25"), service=D("150.50"), personnel=D("30.05"), image=D("19.99")
    )
    cost = TotalCustomerCost(money=D("699.99"), time=D("50.01"), energy=D("20.5"), physical=1)
    with decimal.localcontext(SCANT):
        assert (value.total, cost.total, delivered_value(value, cost)) == (
            D("1000.79"),
            D("771.50"),
            D("229.29"),
        )


def test_s3_estimate_does_not_depend_on_the_callers_decimal_context() -> None:
    """12,345 voiced at 30 %: 41,150 in all, 28,805 never voiced."""
    with decimal.localcontext(SCANT):
        estimate = estimate_complaints(12_345)
    assert (estimate.estimated_total, estimate.unvoiced) == (41_150, 28_805)


def bought(days_ago: int, amount: Decimal | int) -> Purchase:
    when = AS_OF.toordinal() - days_ago
    return Purchase(
        customer_id="c-1",
        at=datetime.combine(date.fromordinal(when), datetime.min.time(), UTC),
        product="tea",
        amount=amount,
    )


# Window before: 2,000.02; recent window: 3,000.00, just short of 1.5 times as much.
ALMOST_GROWING = [
    bought(179, D("1000.01")),
    bought(120, D("1000.01")),
    bought(60, D(1500)),
    bought(10, D(1500)),
]
# Window before: 2,000.00 on two occasions; recent window: 1,000.01, just above half.
ALMOST_SPEND_DROP = [bought(150, 1000), bought(120, 1000), bought(10, D("1000.01"))]


def test_l1_growth_does_not_depend_on_the_callers_decimal_context() -> None:
    assert lifecycle_stage(ALMOST_GROWING, as_of=AS_OF) is Stage.ACTIVE
    assert highest_stage(ALMOST_GROWING, as_of=AS_OF) is Stage.ACTIVE
    with decimal.localcontext(SCANT):
        assert lifecycle_stage(ALMOST_GROWING, as_of=AS_OF) is Stage.ACTIVE
        assert highest_stage(ALMOST_GROWING, as_of=AS_OF) is Stage.ACTIVE
        assert stage_counts([("c-1", ALMOST_GROWING, [])], as_of=AS_OF)[Stage.ACTIVE] == 1


def test_l3_spend_drop_does_not_depend_on_the_callers_decimal_context() -> None:
    expected = (ChurnSignal.FREQUENCY_DROP,)
    assert churn_signals(ALMOST_SPEND_DROP, as_of=AS_OF) == expected
    with decimal.localcontext(SCANT):
        assert churn_signals(ALMOST_SPEND_DROP, as_of=AS_OF) == expected


def test_l1_l4_explanation_does_not_depend_on_the_callers_decimal_context() -> None:
    expected = explain_stage(ALMOST_GROWING, as_of=AS_OF)
    assert (expected.prior.spend, expected.recent.spend) == (D("2000.02"), D(3000))
    with decimal.localcontext(SCANT):
        assert explain_stage(ALMOST_GROWING, as_of=AS_OF) == expected


def test_l1_a_policy_first_used_in_a_scant_context_keeps_its_exact_thresholds() -> None:
    """The bound policy is cached: a rounded threshold must not outlive the caller's context."""
    policy = LifecyclePolicy(growth=D("0.4999950001"))  # 2,000.02 x 1.4999950001 > 3,000.00
    with decimal.localcontext(SCANT):
        lifecycle_stage(ALMOST_GROWING, as_of=AS_OF, policy=policy)
    assert lifecycle_stage(ALMOST_GROWING, as_of=AS_OF, policy=policy) is Stage.ACTIVE


def test_l1_portfolio_stages_show_the_highest_stage_reached_before_a_lapse() -> None:
    """Spend tripled in 2025 (GROWING then); silent since, so LAPSED on AS_OF."""
    history = [
        bought(AS_OF.toordinal() - date(2024, 11, 1).toordinal(), 100),
        bought(AS_OF.toordinal() - date(2025, 1, 10).toordinal(), 100),
        bought(AS_OF.toordinal() - date(2025, 3, 10).toordinal(), 100),
        bought(AS_OF.toordinal() - date(2025, 5, 10).toordinal(), 900),
    ]
    assert list(portfolio_stages([("c-1", history, [])], as_of=AS_OF)) == [
        CustomerStage(customer_id="c-1", stage=Stage.LAPSED, highest=Stage.GROWING)
    ]
