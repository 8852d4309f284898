"""Rules S1-S3: complaint handling refuses bad input, message by message, naming the field and
the value.
"""

from collections.abc import Callable
from typing import Any

import pytest

from custrel.errors import InvalidInputError, PolicyError
from custrel.lifecycle import LifecyclePolicy
from custrel.service import (
    ComplaintStep,
    ServicePolicy,
    complaint_follow_up_due,
    estimate_complaints,
    next_complaint_step,
    route_complaint,
    take_complaint_step,
)
from tests._refusal_samples import Refusal, _, assert_refused, gripe
from tests._values import D

LISTEN, RECORD, REMEDY, FOLLOW_UP = ComplaintStep
ALL_STEPS = [LISTEN, RECORD, REMEDY, FOLLOW_UP]


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
        lambda: ServicePolicy(reach_share=_(float("nan"))),
        Refusal(
            PolicyError,
            "ServicePolicy.reach_share",
            (
                "ServicePolicy.reach_share: expected a finite number in 0.01..1, got float nan; "
                "a ratio must be finite"
            ),
            "a ratio must be finite",
        ),
        id="reach_share_float_nan",
    ),
    pytest.param(
        lambda: ServicePolicy(reach_share=0),
        Refusal(
            PolicyError,
            "ServicePolicy.reach_share",
            (
                "ServicePolicy.reach_share: expected a finite number in 0.01..1, "
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
                "ServicePolicy.reach_share: expected a finite number in 0.01..1, got Decimal "
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
                "ServicePolicy.reach_share: expected a finite number in 0.01..1, "
                "got Decimal Decimal('NaN'); a ratio must be finite"
            ),
            "a ratio must be finite",
        ),
        id="reach_share_decimal_nan",
    ),
    pytest.param(
        lambda: ServicePolicy(reach_share=_("0.3")),
        Refusal(
            PolicyError,
            "ServicePolicy.reach_share",
            "ServicePolicy.reach_share: expected a finite number in 0.01..1, got str '0.3'",
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


@pytest.mark.parametrize(("call", "refusal"), SERVICE)
def test_s1_s3_complaint_handling_refuses_bad_input_naming_field_and_value(
    call: Callable[[], object], refusal: Refusal
) -> None:
    assert_refused(call, refusal)
