"""Properties of complaint handling (rules S1-S3)."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel import strategies as cs
from custrel.errors import InvalidInputError
from custrel.models import Complaint, Severity
from custrel.service import (
    DEFAULT_SERVICE,
    ComplaintStep,
    Handler,
    Notice,
    ServicePolicy,
    complaint_follow_up_due,
    estimate_complaints,
    next_complaint_step,
    route_complaint,
    take_complaint_step,
)

POLICIES = st.one_of(st.just(DEFAULT_SERVICE), cs.service_policies())
ORDER = tuple(ComplaintStep)


@given(st.lists(st.sampled_from(ComplaintStep), max_size=6))
def test_steps_can_only_be_taken_in_order(steps: list[ComplaintStep]) -> None:
    """Walking any sequence succeeds exactly when it is the start of the S1 order."""
    in_order = tuple(steps) == ORDER[: len(steps)]
    done: tuple[ComplaintStep, ...] = ()
    try:
        for step in steps:
            done = take_complaint_step(done, step)
    except InvalidInputError:
        assert not in_order
    else:
        assert in_order
        assert done == tuple(steps)


@given(st.integers(min_value=0, max_value=4))
def test_the_next_step_is_the_one_after_those_done(taken: int) -> None:
    following = next_complaint_step(ORDER[:taken])
    assert following is (ORDER[taken] if taken < len(ORDER) else None)
    if following is not None:
        assert take_complaint_step(ORDER[:taken], following) == ORDER[: taken + 1]


@given(st.lists(st.sampled_from(ComplaintStep), min_size=1, max_size=6))
def test_a_history_out_of_order_is_refused(steps: list[ComplaintStep]) -> None:
    if tuple(steps) != ORDER[: len(steps)]:
        with pytest.raises(InvalidInputError):
            next_complaint_step(steps)


@given(cs.complaints(), POLICIES)
def test_routing_follows_severity_and_every_complaint_is_visited(
    complaint: Complaint, policy: ServicePolicy
) -> None:
    route = route_complaint(complaint, policy=policy)
    serious = complaint.severity is Severity.SERIOUS
    assert (route.handler is Handler.GENERAL_MANAGER) is serious
    assert (route.notice is Notice.WRITTEN) is serious
    assert (route.escalate_by is not None) is serious
    assert route.visit_by >= complaint.at.date()
    assert route.severity is complaint.severity


@given(cs.complaints(), POLICIES)
def test_the_follow_up_is_due_after_the_remedy(complaint: Complaint, policy: ServicePolicy) -> None:
    due = complaint_follow_up_due(complaint, policy=policy)
    if complaint.resolved_at is None:
        assert due is None
    else:
        assert due is not None
        assert due >= complaint.resolved_at.date() >= complaint.at.date()


@given(st.integers(min_value=0, max_value=100_000), POLICIES)
def test_the_estimate_never_counts_fewer_than_were_heard(
    voiced: int, policy: ServicePolicy
) -> None:
    estimate = estimate_complaints(voiced, policy=policy)
    assert attrs.evolve(estimate) == estimate  # built without the validators, it passes them
    assert estimate.estimated_total >= voiced
    assert estimate.unvoiced == estimate.estimated_total - voiced >= 0
    assert (
        estimate_complaints(voiced + 1, policy=policy).estimated_total >= estimate.estimated_total
    )


@given(POLICIES)
def test_policies_round_trip(policy: ServicePolicy) -> None:
    again = ServicePolicy.from_dict(policy.to_dict())
    assert again == policy
    assert again.fingerprint() == policy.fingerprint()
