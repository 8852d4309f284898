"""The refusals of balanced assignment, as (call, error class, whole message, field, hint) rows."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from custrel.cadence import Claim, assign_balanced, follow_up, owner_by_first_record
from custrel.errors import InvalidInputError
from custrel.grading import customer_grade
from tests._grading_cadence_samples import AS_OF, OPP, bad, event

AT = datetime(2026, 11, 2, 9, tzinfo=UTC)


ASSIGNMENT_ERRORS = [
    pytest.param(
        lambda: customer_grade([OPP], as_of=AS_OF, customer_id="c-2"),
        InvalidInputError,
        (
            "opportunities[0].customer_id: expected the same customer as the others"
            " ('c-2'), got str 'c-1'"
        ),
        "opportunities[0].customer_id",
        "",
        id="customer-grade-given-customer",
    ),
    pytest.param(
        lambda: follow_up(OPP, event(customer_id="c-2")),
        InvalidInputError,
        (
            "contact: expected a contact with customer 'c-1', got ContactEvent"
            " ContactEvent(customer_id='c-2', at=datetime.datetime(2026..."
        ),
        "contact",
        "",
        id="follow-up-contact-other-customer",
    ),
    pytest.param(
        lambda: Claim(customer_id="", salesperson="rep-1", recorded_at=AT),
        InvalidInputError,
        "Claim.customer_id: expected a non-blank string, got str ''",
        "Claim.customer_id",
        "",
        id="claim-customer",
    ),
    pytest.param(
        lambda: Claim(customer_id="c-1", salesperson=" ", recorded_at=AT),
        InvalidInputError,
        "Claim.salesperson: expected a non-blank string, got str ' '",
        "Claim.salesperson",
        "",
        id="claim-salesperson",
    ),
    pytest.param(
        lambda: Claim(customer_id="c-1", salesperson="rep-1", recorded_at=AT.replace(tzinfo=None)),
        InvalidInputError,
        (
            "Claim.recorded_at: expected a timezone-aware datetime, got datetime"
            " datetime.datetime(2026, 11, 2, 9, 0); attach a zone, e.g."
            " value.replace(tzinfo=ZoneInfo('Asia/Shanghai'))"
        ),
        "Claim.recorded_at",
        "attach a zone, e.g. value.replace(tzinfo=ZoneInfo('Asia/Shanghai'))",
        id="claim-recorded-naive",
    ),
    pytest.param(
        lambda: Claim(customer_id="c-1", salesperson="rep-1", recorded_at=bad(date(2026, 11, 2))),
        InvalidInputError,
        (
            "Claim.recorded_at: expected a timezone-aware datetime, got date"
            " datetime.date(2026, 11, 2)"
        ),
        "Claim.recorded_at",
        "",
        id="claim-recorded-day",
    ),
    pytest.param(
        lambda: owner_by_first_record(bad("c-1")),
        InvalidInputError,
        "claims: expected an iterable of Claim, got str 'c-1'",
        "claims",
        "",
        id="owner-claims",
    ),
    pytest.param(
        lambda: owner_by_first_record(
            [Claim(customer_id="c-1", salesperson="rep-1", recorded_at=AT), bad("c-1")]
        ),
        InvalidInputError,
        "claims[1]: expected a Claim, got str 'c-1'",
        "claims[1]",
        "",
        id="owner-claim-item",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], bad(["rep-1"])),
        InvalidInputError,
        "reps: expected a non-empty mapping of salesperson to weight, got list ['rep-1']",
        "reps",
        "",
        id="assign-reps-type",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], {}),
        InvalidInputError,
        "reps: expected a non-empty mapping of salesperson to weight, got dict {}",
        "reps",
        "",
        id="assign-reps-empty",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], {"": 1}),
        InvalidInputError,
        "reps key: expected a non-blank string, got str ''",
        "reps key",
        "",
        id="assign-reps-key",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], {"rep-1": bad(float("nan"))}),
        InvalidInputError,
        "reps['rep-1']: expected a finite number > 0, got float nan; a ratio must be finite",
        "reps['rep-1']",
        "a ratio must be finite",
        id="assign-reps-float-nan",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], {"rep-1": 0}),
        InvalidInputError,
        "reps['rep-1']: expected a finite number > 0, got int 0",
        "reps['rep-1']",
        "",
        id="assign-reps-zero",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], {"rep-1": Decimal("0.00")}),
        InvalidInputError,
        "reps['rep-1']: expected a finite number > 0, got Decimal Decimal('0.00')",
        "reps['rep-1']",
        "",
        id="assign-reps-zero-decimal",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], {"rep-1": -2}),
        InvalidInputError,
        "reps['rep-1']: expected a finite number > 0, got int -2",
        "reps['rep-1']",
        "",
        id="assign-reps-negative",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], {"rep-1": 1}, current=bad([("rep-1", 2)])),
        InvalidInputError,
        "current: expected a mapping of salesperson to leads held, got list [('rep-1', 2)]",
        "current",
        "",
        id="assign-current-type",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], {"rep-1": 1}, current={"rep-2": 2}),
        InvalidInputError,
        "current['rep-2']: expected a salesperson listed in reps, got str 'rep-2'",
        "current['rep-2']",
        "",
        id="assign-current-unknown",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], {"rep-1": 1}, current={"rep-1": -1}),
        InvalidInputError,
        "current['rep-1']: expected an int >= 0, got int -1",
        "current['rep-1']",
        "",
        id="assign-current-negative",
    ),
    pytest.param(
        lambda: assign_balanced(bad(7), {"rep-1": 1}),
        InvalidInputError,
        "leads: expected an iterable of lead ids, got int 7",
        "leads",
        "",
        id="assign-leads",
    ),
    pytest.param(
        lambda: assign_balanced(bad("l-1"), {"rep-1": 1}),
        InvalidInputError,
        "leads: expected an iterable of lead ids, got str 'l-1'",
        "leads",
        "",
        id="assign-leads-text",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1", ""], {"rep-1": 1}),
        InvalidInputError,
        "leads[1]: expected a non-blank string, got str ''",
        "leads[1]",
        "",
        id="assign-lead-blank",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1", "l-2", "l-1"], {"rep-1": 1}),
        InvalidInputError,
        "leads[2]: expected each lead once, got str 'l-1'",
        "leads[2]",
        "",
        id="assign-lead-repeated",
    ),
]
