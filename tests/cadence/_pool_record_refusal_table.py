"""The refusals of the customer pool and of the record workflow, as (call, error class, whole
message, field, hint) rows.
"""

from datetime import date

import pytest

from custrel.cadence import (
    DEFAULT_CADENCE,
    DEFAULT_POOL,
    PoolPolicy,
    RecordStep,
    RecordWorkflowPolicy,
    first_contact_deadline,
    minutes_steps,
    needs_reassignment,
    pool_status,
    record_steps,
)
from custrel.errors import InvalidInputError, PolicyError
from tests._grading_cadence_samples import AS_OF, bad

POOL_ERRORS = [
    pytest.param(
        lambda: PoolPolicy(first_contact_days=0),
        PolicyError,
        "PoolPolicy.first_contact_days: expected an int in 1..36600, got int 0",
        "PoolPolicy.first_contact_days",
        "",
        id="pool-policy-first-contact",
    ),
    pytest.param(
        lambda: PoolPolicy(follow_up_days=36601),
        PolicyError,
        "PoolPolicy.follow_up_days: expected an int in 1..36600, got int 36601",
        "PoolPolicy.follow_up_days",
        "",
        id="pool-policy-follow-up",
    ),
    pytest.param(
        lambda: PoolPolicy(hard_cap_days=0),
        PolicyError,
        "PoolPolicy.hard_cap_days: expected an int in 1..36600 or None, got int 0",
        "PoolPolicy.hard_cap_days",
        "",
        id="pool-policy-hard-cap",
    ),
    pytest.param(
        lambda: PoolPolicy(warning_days=-1),
        PolicyError,
        "PoolPolicy.warning_days: expected an int in 0..36600, got int -1",
        "PoolPolicy.warning_days",
        "",
        id="pool-policy-warning",
    ),
    pytest.param(
        lambda: PoolPolicy(working_days=bad("yes")),
        PolicyError,
        "PoolPolicy.working_days: expected True or False, got str 'yes'",
        "PoolPolicy.working_days",
        "",
        id="pool-policy-working",
    ),
    pytest.param(
        lambda: first_contact_deadline(bad("2026-11-02")),
        InvalidInputError,
        "assigned_on: expected a date, got str '2026-11-02'",
        "assigned_on",
        "",
        id="deadline-assigned",
    ),
    pytest.param(
        lambda: first_contact_deadline(AS_OF, policy=bad("default")),
        InvalidInputError,
        "policy: expected a PoolPolicy, got str 'default'",
        "policy",
        "",
        id="deadline-policy",
    ),
    pytest.param(
        lambda: needs_reassignment(bad("2026-11-02"), None, as_of=AS_OF),
        InvalidInputError,
        "assigned_on: expected a date, got str '2026-11-02'",
        "assigned_on",
        "",
        id="reassign-assigned",
    ),
    pytest.param(
        lambda: needs_reassignment(AS_OF, bad("2026-11-03"), as_of=AS_OF),
        InvalidInputError,
        "first_contact: expected a date or None, got str '2026-11-03'",
        "first_contact",
        "",
        id="reassign-first-contact",
    ),
    pytest.param(
        lambda: needs_reassignment(AS_OF, None, as_of=bad("2026-11-22")),
        InvalidInputError,
        "as_of: expected a date, got str '2026-11-22'",
        "as_of",
        "",
        id="reassign-as-of",
    ),
    pytest.param(
        lambda: needs_reassignment(AS_OF, None, as_of=AS_OF, policy=bad(DEFAULT_CADENCE)),
        InvalidInputError,
        (
            "policy: expected a PoolPolicy, got CadencePolicy"
            " CadencePolicy(cadences=mappingproxy({<Grade.A: 'A'>: <Cad..."
        ),
        "policy",
        "",
        id="reassign-policy",
    ),
    pytest.param(
        lambda: pool_status(bad("2026-11-02"), [], as_of=AS_OF),
        InvalidInputError,
        "taken_on: expected a date, got str '2026-11-02'",
        "taken_on",
        "",
        id="pool-taken",
    ),
    pytest.param(
        lambda: pool_status(AS_OF, [], as_of=bad("2026-11-22")),
        InvalidInputError,
        "as_of: expected a date, got str '2026-11-22'",
        "as_of",
        "",
        id="pool-as-of",
    ),
    pytest.param(
        lambda: pool_status(AS_OF, [], as_of=AS_OF, closed=bad(0)),
        InvalidInputError,
        "closed: expected True or False, got int 0",
        "closed",
        "",
        id="pool-closed",
    ),
    pytest.param(
        lambda: pool_status(AS_OF, [], as_of=AS_OF, policy=bad("default")),
        InvalidInputError,
        "policy: expected a PoolPolicy, got str 'default'",
        "policy",
        "",
        id="pool-policy",
    ),
    pytest.param(
        lambda: pool_status(AS_OF, bad(AS_OF), as_of=AS_OF),
        InvalidInputError,
        "follow_ups: expected an iterable of dates, got date datetime.date(2026, 11, 22)",
        "follow_ups",
        "",
        id="pool-follow-ups",
    ),
    pytest.param(
        lambda: pool_status(AS_OF, [AS_OF, bad("2026-11-23")], as_of=AS_OF),
        InvalidInputError,
        "follow_ups[1]: expected a date, got str '2026-11-23'",
        "follow_ups[1]",
        "",
        id="pool-follow-up-item",
    ),
]


RECORD_ERRORS = [
    pytest.param(
        lambda: RecordWorkflowPolicy(entry_days=-1),
        PolicyError,
        "RecordWorkflowPolicy.entry_days: expected an int in 0..366, got int -1",
        "RecordWorkflowPolicy.entry_days",
        "",
        id="record-policy-entry",
    ),
    pytest.param(
        lambda: RecordWorkflowPolicy(forward_days=367),
        PolicyError,
        "RecordWorkflowPolicy.forward_days: expected an int in 0..366, got int 367",
        "RecordWorkflowPolicy.forward_days",
        "",
        id="record-policy-forward",
    ),
    pytest.param(
        lambda: RecordWorkflowPolicy(minutes_days=bad(2.0)),
        PolicyError,
        "RecordWorkflowPolicy.minutes_days: expected an int in 0..366, got float 2.0",
        "RecordWorkflowPolicy.minutes_days",
        "",
        id="record-policy-minutes",
    ),
    pytest.param(
        lambda: RecordWorkflowPolicy(review_days=-1),
        PolicyError,
        "RecordWorkflowPolicy.review_days: expected an int in 0..366, got int -1",
        "RecordWorkflowPolicy.review_days",
        "",
        id="record-policy-review",
    ),
    pytest.param(
        lambda: RecordWorkflowPolicy(send_days=bad("0")),
        PolicyError,
        "RecordWorkflowPolicy.send_days: expected an int in 0..366, got str '0'",
        "RecordWorkflowPolicy.send_days",
        "",
        id="record-policy-send",
    ),
    pytest.param(
        lambda: RecordWorkflowPolicy(confirm_days=bad(True)),
        PolicyError,
        "RecordWorkflowPolicy.confirm_days: expected an int in 0..366, got bool True",
        "RecordWorkflowPolicy.confirm_days",
        "",
        id="record-policy-confirm",
    ),
    pytest.param(
        lambda: record_steps(bad("2026-11-19")),
        InvalidInputError,
        "collected_on: expected a date, got str '2026-11-19'",
        "collected_on",
        "",
        id="record-collected",
    ),
    pytest.param(
        lambda: record_steps(AS_OF, policy=bad("default")),
        InvalidInputError,
        "policy: expected a RecordWorkflowPolicy, got str 'default'",
        "policy",
        "",
        id="record-policy",
    ),
    pytest.param(
        lambda: record_steps(AS_OF, done=bad([RecordStep.RECORD_ENTERED])),
        InvalidInputError,
        (
            "done: expected a mapping of RecordStep to the day it was done, got list"
            " [<RecordStep.RECORD_ENTERED: 'record_entered'>]"
        ),
        "done",
        "",
        id="record-done-type",
    ),
    pytest.param(
        lambda: record_steps(AS_OF, done={RecordStep.MINUTES_SENT: AS_OF}),
        InvalidInputError,
        (
            "done: expected one of the steps ['record_entered', 'record_forwarded'], got"
            " RecordStep <RecordStep.MINUTES_SENT: 'minutes_sent'>"
        ),
        "done",
        "",
        id="record-done-other-step",
    ),
    pytest.param(
        lambda: record_steps(AS_OF, done={RecordStep.RECORD_ENTERED: bad("2026-11-23")}),
        InvalidInputError,
        "done[record_entered]: expected a date, got str '2026-11-23'",
        "done[record_entered]",
        "",
        id="record-done-day",
    ),
    pytest.param(
        lambda: record_steps(AS_OF, done={RecordStep.RECORD_FORWARDED: date(2026, 11, 21)}),
        InvalidInputError,
        (
            "done[record_forwarded]: expected a day on or after collected_on (2026-11-22), got"
            " date datetime.date(2026, 11, 21)"
        ),
        "done[record_forwarded]",
        "",
        id="record-done-before",
    ),
    pytest.param(
        lambda: minutes_steps(bad("2026-11-20")),
        InvalidInputError,
        "met_on: expected a date, got str '2026-11-20'",
        "met_on",
        "",
        id="minutes-met",
    ),
    pytest.param(
        lambda: minutes_steps(AS_OF, policy=bad(DEFAULT_POOL)),
        InvalidInputError,
        (
            "policy: expected a RecordWorkflowPolicy, got PoolPolicy"
            " PoolPolicy(first_contact_days=7, follow_up_days=30, hard_..."
        ),
        "policy",
        "",
        id="minutes-policy",
    ),
    pytest.param(
        lambda: minutes_steps(AS_OF, done=bad("minutes_written")),
        InvalidInputError,
        (
            "done: expected a mapping of RecordStep to the day it was done, got str"
            " 'minutes_written'"
        ),
        "done",
        "",
        id="minutes-done-type",
    ),
    pytest.param(
        lambda: minutes_steps(AS_OF, done={RecordStep.RECORD_ENTERED: AS_OF}),
        InvalidInputError,
        (
            "done: expected one of the steps ['minutes_written', 'minutes_reviewed',"
            " 'minutes_sent', 'receipt_confirmed'], got RecordStep"
            " <RecordStep.RECORD_ENTERED: 'record_entered'>"
        ),
        "done",
        "",
        id="minutes-done-other-step",
    ),
    pytest.param(
        lambda: minutes_steps(AS_OF, done={RecordStep.MINUTES_SENT: date(2026, 11, 1)}),
        InvalidInputError,
        (
            "done[minutes_sent]: expected a day on or after met_on (2026-11-22), got"
            " date datetime.date(2026, 11, 1)"
        ),
        "done[minutes_sent]",
        "",
        id="minutes-done-before",
    ),
]
