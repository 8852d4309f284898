"""Complaint handling (rules S1-S3): steps in order, routing, due dates, the 30 % estimate."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from custrel.errors import InvalidInputError, PolicyError
from custrel.models import Complaint, Severity
from custrel.service import (
    DEFAULT_SERVICE,
    ComplaintEstimate,
    ComplaintRoute,
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

LISTEN, RECORD, REMEDY, FOLLOW_UP = ComplaintStep
RECEIVED = datetime(2026, 11, 20, 15, tzinfo=UTC)


def _(value: object) -> Any:
    """A wrong value, passed on purpose."""
    return value


def complaint(
    severity: Severity = Severity.ORDINARY,
    at: datetime = RECEIVED,
    resolved_at: datetime | None = None,
) -> Complaint:
    return Complaint(customer_id="c-1", at=at, severity=severity, resolved_at=resolved_at)


# rule S1 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("done", "following"),
    [
        ((), LISTEN),
        ((LISTEN,), RECORD),
        ((LISTEN, RECORD), REMEDY),
        ((LISTEN, RECORD, REMEDY), FOLLOW_UP),
        ((LISTEN, RECORD, REMEDY, FOLLOW_UP), None),
    ],
)
def test_s1_steps_come_in_order(
    done: tuple[ComplaintStep, ...], following: ComplaintStep | None
) -> None:
    assert next_complaint_step(done) is following
    assert next_complaint_step(iter(done)) is following


def test_s1_walking_the_steps() -> None:
    done: tuple[ComplaintStep, ...] = ()
    for step in ComplaintStep:
        done = take_complaint_step(done, step)
    assert done == (LISTEN, RECORD, REMEDY, FOLLOW_UP)


@pytest.mark.parametrize(
    ("done", "step"),
    [
        ((), RECORD),  # skipping listening
        ((LISTEN,), REMEDY),  # skipping the record
        ((LISTEN,), LISTEN),  # repeating
        ((LISTEN, RECORD), FOLLOW_UP),  # following up without a remedy
    ],
)
def test_s1_skipping_or_repeating_a_step_is_refused(
    done: tuple[ComplaintStep, ...], step: ComplaintStep
) -> None:
    with pytest.raises(InvalidInputError, match="none may be skipped") as info:
        take_complaint_step(done, step)
    assert info.value.field == "step"


def test_s1_no_step_after_the_follow_up() -> None:
    with pytest.raises(InvalidInputError, match="the follow-up is done"):
        take_complaint_step(tuple(ComplaintStep), LISTEN)


@pytest.mark.parametrize(
    ("done", "field"),
    [
        ((RECORD,), "done[0]"),
        ((LISTEN, REMEDY), "done[1]"),
        ((LISTEN, LISTEN), "done[1]"),
        ((LISTEN, RECORD, REMEDY, FOLLOW_UP, FOLLOW_UP), "done[4]"),
        (("listen",), "done[0]"),
        ("listen", "done"),
    ],
)
def test_s1_out_of_order_history_is_refused(done: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        next_complaint_step(_(done))
    assert info.value.field == field


def test_s1_a_string_step_is_refused_with_a_hint() -> None:
    with pytest.raises(InvalidInputError, match=r"pass ComplaintStep\('listen'\)"):
        take_complaint_step((), _("listen"))


# rule S2 ---------------------------------------------------------------------------------------


def test_s2_serious_goes_to_the_general_manager_at_once_in_writing() -> None:
    assert route_complaint(complaint(Severity.SERIOUS)) == ComplaintRoute(
        severity=Severity.SERIOUS,
        handler=Handler.GENERAL_MANAGER,
        notice=Notice.WRITTEN,
        escalate_by=date(2026, 11, 20),
        visit_by=date(2026, 11, 23),
    )


def test_s2_ordinary_stays_with_the_service_department() -> None:
    assert route_complaint(complaint()) == ComplaintRoute(
        severity=Severity.ORDINARY,
        handler=Handler.SERVICE_DEPARTMENT,
        notice=Notice.WRITTEN_OR_PHONE,
        escalate_by=None,
        visit_by=date(2026, 11, 27),
    )


@pytest.mark.parametrize(
    ("received", "severity", "visit_by"),
    [
        (date(2024, 2, 26), Severity.SERIOUS, date(2024, 2, 29)),
        (date(2025, 2, 26), Severity.SERIOUS, date(2025, 3, 1)),
        (date(2026, 12, 28), Severity.ORDINARY, date(2027, 1, 4)),
        (date(2026, 1, 31), Severity.ORDINARY, date(2026, 2, 7)),
    ],
)
def test_s2_every_complaint_is_visited_by_a_due_day(
    received: date, severity: Severity, visit_by: date
) -> None:
    at = datetime(received.year, received.month, received.day, 10, tzinfo=UTC)
    assert route_complaint(complaint(severity, at)).visit_by == visit_by


def test_s2_days_count_from_the_local_day_received() -> None:
    late = datetime(2026, 11, 20, 23, 30, tzinfo=timezone(timedelta(hours=8)))
    assert route_complaint(complaint(Severity.SERIOUS, late)).escalate_by == date(2026, 11, 20)


def test_s2_policy_sets_the_days() -> None:
    policy = ServicePolicy(escalate_days=1, serious_visit_days=1, visit_days=14)
    serious = route_complaint(complaint(Severity.SERIOUS), policy=policy)
    assert (serious.escalate_by, serious.visit_by) == (date(2026, 11, 21), date(2026, 11, 21))
    assert route_complaint(complaint(), policy=policy).visit_by == date(2026, 12, 4)


# rule S1: the follow-up after the remedy -------------------------------------------------------


def test_follow_up_is_due_a_week_after_the_remedy() -> None:
    resolved = complaint(resolved_at=RECEIVED + timedelta(days=3))
    assert complaint_follow_up_due(resolved) == date(2026, 11, 30)
    policy = ServicePolicy(follow_up_days=0)
    assert complaint_follow_up_due(resolved, policy=policy) == date(2026, 11, 23)


def test_no_follow_up_due_before_a_remedy() -> None:
    assert complaint_follow_up_due(complaint()) is None


# rule S3 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("voiced", "total", "unvoiced"),
    [(0, 0, 0), (1, 3, 2), (3, 10, 7), (10, 33, 23), (12, 40, 28), (30, 100, 70)],
)
def test_s3_only_thirty_percent_reach_the_staff(voiced: int, total: int, unvoiced: int) -> None:
    assert estimate_complaints(voiced) == ComplaintEstimate(
        voiced=voiced, estimated_total=total, unvoiced=unvoiced, reach_share=Decimal("0.3")
    )


def test_s3_rounds_half_up() -> None:
    """1 / 0.4 = 2.5 complaints: 3."""
    policy = ServicePolicy(reach_share=Decimal("0.4"))
    assert estimate_complaints(1, policy=policy).estimated_total == 3


def test_s3_everyone_complains_when_the_share_is_one() -> None:
    assert estimate_complaints(7, policy=ServicePolicy(reach_share=1)).unvoiced == 0


# Bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: route_complaint(_("c-1")), "complaint"),
        (lambda: route_complaint(complaint(), policy=_(DEFAULT_SERVICE.to_dict())), "policy"),
        (lambda: complaint_follow_up_due(_(None)), "complaint"),
        (lambda: estimate_complaints(_(1.5)), "voiced"),
        (lambda: estimate_complaints(_(True)), "voiced"),
        (lambda: estimate_complaints(3, policy=_(None)), "policy"),
    ],
)
def test_bad_arguments_are_refused(call: Callable[[], object], field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.field == field


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("escalate_days", -1),
        ("visit_days", "7"),
        ("reach_share", 0),
        ("reach_share", Decimal("0.0099")),
        ("reach_share", Decimal("1E-999999")),
        ("reach_share", Decimal("1.01")),
        ("reach_share", 0.009),
        ("reach_share", float("inf")),
        ("reach_share", True),
        ("reach_share", Decimal("Infinity")),
    ],
)
def test_bad_policies_are_refused(field: str, value: object) -> None:
    with pytest.raises(PolicyError) as info:
        ServicePolicy(**{field: _(value)})
    assert info.value.field == f"ServicePolicy.{field}"


def test_the_least_reach_share_is_a_hundredth() -> None:
    # one voiced complaint stands for a hundred at most (rule S3's estimate stays a count)
    estimate = estimate_complaints(3, policy=ServicePolicy(reach_share=Decimal("0.01")))
    assert (estimate.estimated_total, estimate.unvoiced) == (300, 297)
    with pytest.raises(PolicyError, match=r"expected a finite number in 0\.01\.\.1, got"):
        ServicePolicy(reach_share=Decimal("0.0099"))


def test_a_float_reach_share_is_the_decimal_it_was_written_as() -> None:
    """Rule S3 (decision "Numbers"): 0.3 is Decimal('0.3'): the default policy, exactly."""
    assert ServicePolicy(reach_share=0.3) == DEFAULT_SERVICE
    assert ServicePolicy(reach_share=0.3).fingerprint() == DEFAULT_SERVICE.fingerprint()
    assert ServicePolicy.from_dict({"reach_share": 0.25}).reach_share == Decimal("0.25")
    assert estimate_complaints(12, policy=ServicePolicy(reach_share=0.25)).estimated_total == 48


def test_policy_round_trips() -> None:
    assert ServicePolicy.from_dict(DEFAULT_SERVICE.to_dict()) == DEFAULT_SERVICE
    assert ServicePolicy(reach_share=Decimal("0.30")).fingerprint() == DEFAULT_SERVICE.fingerprint()
