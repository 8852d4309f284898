"""Whole error messages, and the boundaries, of grading, cadence, the pool, records and assignment.

Rule P7 and the house style say an error names the field, what was expected and the
value given. The tables below call every public function and policy of
:mod:`custrel.grading` and :mod:`custrel.cadence` (with the pool, record and assignment
rules it re-exports) with bad input, and check the whole message, the field and the
hint, not a fragment of them. The tests after them check edges of rules C1, C3, C4, C6,
G1 and G2 that the other test files leave open: inclusive bounds, ties, the caller's
working days and the one-entry caches of the grading functions.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta

from custrel.cadence import (
    DEFAULT_CADENCE,
    DEFAULT_POOL,
    Cadence,
    CadencePolicy,
    Claim,
    PoolPolicy,
    PoolReason,
    RecordStep,
    RecordWorkflowPolicy,
    agenda,
    assign_balanced,
    cadence_for,
    first_contact_day,
    first_contact_deadline,
    follow_up,
    last_follow_up,
    minutes_steps,
    needs_reassignment,
    next_due,
    owner_by_first_record,
    pool_status,
    record_steps,
)
from custrel.errors import InvalidInputError, PolicyError
from custrel.grading import (
    DEFAULT_GRADING,
    Grade,
    GradingPolicy,
    customer_grade,
    demand_grade,
    explain_grade,
    grade,
    is_important,
    urgency,
)
from custrel.models import Channel, ContactEvent, DealStatus, Direction, Need, Opportunity


def bad(value: object) -> Any:
    """The value unchanged, typed ``Any``: input of the wrong type, given on purpose."""
    return value


AS_OF = date(2026, 11, 22)  # a Sunday
AT = datetime(2026, 11, 2, 9, tzinfo=UTC)
OPP = Opportunity(
    customer_id="c-1",
    need=Need.EXPLICIT,
    expected_close=date(2026, 12, 1),
    status=DealStatus.NEGOTIATING,
)
OTHER = Opportunity(customer_id="c-2", need=Need.POTENTIAL, status=DealStatus.POTENTIAL)


def event(
    channel: Channel = Channel.PHONE,
    direction: Direction = Direction.OUTBOUND,
    customer_id: str = "c-1",
    at: datetime = datetime(2026, 11, 20, 9, tzinfo=UTC),
) -> ContactEvent:
    return ContactEvent(customer_id=customer_id, at=at, channel=channel, direction=direction)


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


CADENCE_ERRORS = [
    pytest.param(
        lambda: CadencePolicy(cadences=bad([Cadence.DAILY])),
        PolicyError,
        (
            "CadencePolicy.cadences: expected a mapping of every grade to a cadence, got"
            " list [<Cadence.DAILY: 'daily'>]"
        ),
        "CadencePolicy.cadences",
        "",
        id="cadence-policy-cadences-type",
    ),
    pytest.param(
        lambda: CadencePolicy(cadences=bad({"A": Cadence.DAILY})),
        PolicyError,
        "CadencePolicy.cadences['A']: expected a Grade, got str 'A'",
        "CadencePolicy.cadences['A']",
        "",
        id="cadence-policy-cadences-key",
    ),
    pytest.param(
        lambda: CadencePolicy(
            cadences={**DEFAULT_CADENCE.cadences, Grade.B: relativedelta(hours=12)}
        ),
        PolicyError,
        (
            "CadencePolicy.cadences[<Grade.B: 'B'>]: expected a relativedelta of zero or"
            " more whole years, months, weeks or days, at most 100 years and 36,600 days,"
            " got relativedelta relativedelta(hours=+12)"
        ),
        "CadencePolicy.cadences[<Grade.B: 'B'>]",
        "",
        id="cadence-policy-cadences-period",
    ),
    pytest.param(
        lambda: CadencePolicy(
            cadences={**DEFAULT_CADENCE.cadences, Grade.C: relativedelta(days=0)}
        ),
        PolicyError,
        (
            "CadencePolicy.cadences[<Grade.C: 'C'>]: expected a period longer than 0 days,"
            " got relativedelta relativedelta()"
        ),
        "CadencePolicy.cadences[<Grade.C: 'C'>]",
        "",
        id="cadence-policy-cadences-zero",
    ),
    pytest.param(
        lambda: CadencePolicy(cadences={**DEFAULT_CADENCE.cadences, Grade.D: bad("monthly")}),
        PolicyError,
        (
            "CadencePolicy.cadences[<Grade.D: 'D'>]: expected a Cadence or a calendar"
            " period (relativedelta), got str 'monthly'"
        ),
        "CadencePolicy.cadences[<Grade.D: 'D'>]",
        "",
        id="cadence-policy-cadences-value",
    ),
    pytest.param(
        lambda: CadencePolicy(cadences={Grade.A: Cadence.DAILY, Grade.E: Cadence.YEARLY}),
        PolicyError,
        (
            "CadencePolicy.cadences: expected a cadence for every grade; these have none,"
            " got list ['B', 'C', 'D']"
        ),
        "CadencePolicy.cadences",
        "",
        id="cadence-policy-cadences-missing",
    ),
    pytest.param(
        lambda: CadencePolicy(outbound=bad(["phone"])),
        PolicyError,
        "CadencePolicy.outbound: expected a set of Channel, got frozenset frozenset({'phone'})",
        "CadencePolicy.outbound",
        "",
        id="cadence-policy-outbound",
    ),
    pytest.param(
        lambda: CadencePolicy(inbound=bad("phone")),
        PolicyError,
        "CadencePolicy.inbound: expected a set of Channel, got str 'phone'",
        "CadencePolicy.inbound",
        "",
        id="cadence-policy-inbound",
    ),
    pytest.param(
        lambda: CadencePolicy(first_contact=bad([3])),
        PolicyError,
        "CadencePolicy.first_contact: expected a set of Channel, got frozenset frozenset({3})",
        "CadencePolicy.first_contact",
        "",
        id="cadence-policy-first-contact",
    ),
    pytest.param(
        lambda: CadencePolicy(daily_on_working_days=bad(1)),
        PolicyError,
        "CadencePolicy.daily_on_working_days: expected True or False, got int 1",
        "CadencePolicy.daily_on_working_days",
        "",
        id="cadence-policy-daily-flag",
    ),
    pytest.param(
        lambda: DEFAULT_CADENCE.counts(bad("phone")),
        InvalidInputError,
        "event: expected a ContactEvent, got str 'phone'",
        "event",
        "",
        id="counts-event",
    ),
    pytest.param(
        lambda: DEFAULT_CADENCE.counts_as_first_contact(bad(Channel.FAX)),
        InvalidInputError,
        "event: expected a ContactEvent, got Channel <Channel.FAX: 'fax'>",
        "event",
        "",
        id="counts-first-event",
    ),
    pytest.param(
        lambda: cadence_for(bad("A")),
        InvalidInputError,
        "grade: expected a Grade ('A', 'B', 'C', 'D', 'E'), got str 'A'; pass Grade('A')",
        "grade",
        "pass Grade('A')",
        id="cadence-for-grade",
    ),
    pytest.param(
        lambda: cadence_for(Grade.A, policy=bad(DEFAULT_POOL)),
        InvalidInputError,
        (
            "policy: expected a CadencePolicy, got PoolPolicy"
            " PoolPolicy(first_contact_days=7, follow_up_days=30, hard_..."
        ),
        "policy",
        "",
        id="cadence-for-policy",
    ),
    pytest.param(
        lambda: next_due(bad("B"), None, as_of=AS_OF),
        InvalidInputError,
        "grade: expected a Grade ('A', 'B', 'C', 'D', 'E'), got str 'B'; pass Grade('B')",
        "grade",
        "pass Grade('B')",
        id="next-due-grade",
    ),
    pytest.param(
        lambda: next_due(Grade.B, None, as_of=AS_OF, policy=bad(DEFAULT_GRADING)),
        InvalidInputError,
        (
            "policy: expected a CadencePolicy, got GradingPolicy"
            " GradingPolicy(horizons=(relativedelta(months=+1), relativ..."
        ),
        "policy",
        "",
        id="next-due-policy",
    ),
    pytest.param(
        lambda: next_due(Grade.B, bad("2026-11-20"), as_of=AS_OF),
        InvalidInputError,
        "last_contact: expected a date or None, got str '2026-11-20'",
        "last_contact",
        "",
        id="next-due-last",
    ),
    pytest.param(
        lambda: next_due(Grade.B, None, as_of=bad("2026-11-22")),
        InvalidInputError,
        "as_of: expected a date, got str '2026-11-22'",
        "as_of",
        "",
        id="next-due-as-of",
    ),
    pytest.param(
        lambda: first_contact_day([], assigned_on=AS_OF, as_of=AS_OF, policy=bad("default")),
        InvalidInputError,
        "policy: expected a CadencePolicy, got str 'default'",
        "policy",
        "",
        id="first-day-policy",
    ),
    pytest.param(
        lambda: first_contact_day([], assigned_on=bad("2026-11-01"), as_of=AS_OF),
        InvalidInputError,
        "assigned_on: expected a date, got str '2026-11-01'",
        "assigned_on",
        "",
        id="first-day-assigned",
    ),
    pytest.param(
        lambda: first_contact_day([], assigned_on=AS_OF, as_of=bad("2026-11-22")),
        InvalidInputError,
        "as_of: expected a date, got str '2026-11-22'",
        "as_of",
        "",
        id="first-day-as-of",
    ),
    pytest.param(
        lambda: first_contact_day(bad(event()), assigned_on=AS_OF, as_of=AS_OF),
        InvalidInputError,
        (
            "events: expected an iterable of ContactEvent, got ContactEvent"
            " ContactEvent(customer_id='c-1', at=datetime.datetime(2026..."
        ),
        "events",
        "",
        id="first-day-events",
    ),
    pytest.param(
        lambda: first_contact_day([event(), bad("phone")], assigned_on=AS_OF, as_of=AS_OF),
        InvalidInputError,
        "events[1]: expected a ContactEvent, got str 'phone'",
        "events[1]",
        "",
        id="first-day-event-item",
    ),
    pytest.param(
        lambda: last_follow_up([], as_of=AS_OF, policy=bad(DEFAULT_POOL)),
        InvalidInputError,
        (
            "policy: expected a CadencePolicy, got PoolPolicy"
            " PoolPolicy(first_contact_days=7, follow_up_days=30, hard_..."
        ),
        "policy",
        "",
        id="last-policy",
    ),
    pytest.param(
        lambda: last_follow_up([], as_of=bad("2026-11-22")),
        InvalidInputError,
        "as_of: expected a date, got str '2026-11-22'",
        "as_of",
        "",
        id="last-as-of",
    ),
    pytest.param(
        lambda: last_follow_up(bad("phone"), as_of=AS_OF),
        InvalidInputError,
        "events: expected an iterable of ContactEvent, got str 'phone'",
        "events",
        "",
        id="last-events",
    ),
    pytest.param(
        lambda: last_follow_up([event(), bad(AS_OF)], as_of=AS_OF),
        InvalidInputError,
        "events[1]: expected a ContactEvent, got date datetime.date(2026, 11, 22)",
        "events[1]",
        "",
        id="last-event-item",
    ),
    pytest.param(
        lambda: follow_up(OPP, AS_OF, policy=bad(DEFAULT_GRADING)),
        InvalidInputError,
        (
            "policy: expected a CadencePolicy, got GradingPolicy"
            " GradingPolicy(horizons=(relativedelta(months=+1), relativ..."
        ),
        "policy",
        "",
        id="follow-up-policy",
    ),
    pytest.param(
        lambda: follow_up(OPP, event(Channel.EMAIL, Direction.INBOUND)),
        InvalidInputError,
        (
            "contact: expected a contact that counts as a follow-up under the policy, got"
            " ContactEvent ContactEvent(customer_id='c-1', at=datetime.datetime(2026...;"
            " inbound email does not"
        ),
        "contact",
        "inbound email does not",
        id="follow-up-contact-not-counting",
    ),
    pytest.param(
        lambda: follow_up(OPP, bad("2026-11-22")),
        InvalidInputError,
        "contact: expected a date, got str '2026-11-22'",
        "contact",
        "",
        id="follow-up-contact-day",
    ),
    pytest.param(
        lambda: follow_up(bad("c-1"), event()),
        InvalidInputError,
        "opportunity: expected an Opportunity, got str 'c-1'",
        "opportunity",
        "",
        id="follow-up-opportunity",
    ),
    pytest.param(
        lambda: follow_up(OPP, AS_OF, grading=bad(DEFAULT_CADENCE)),
        InvalidInputError,
        (
            "policy: expected a GradingPolicy, got CadencePolicy"
            " CadencePolicy(cadences=mappingproxy({<Grade.A: 'A'>: <Cad..."
        ),
        "policy",
        "",
        id="follow-up-grading",
    ),
    pytest.param(
        lambda: agenda([], as_of=AS_OF, policy=bad("default")),
        InvalidInputError,
        "policy: expected a CadencePolicy, got str 'default'",
        "policy",
        "",
        id="agenda-policy",
    ),
    pytest.param(
        lambda: agenda([], as_of=bad("2026-11-22")),
        InvalidInputError,
        "as_of: expected a date, got str '2026-11-22'",
        "as_of",
        "",
        id="agenda-as-of",
    ),
    pytest.param(
        lambda: agenda([], as_of=AS_OF, limit=0),
        InvalidInputError,
        "limit: expected an int >= 1 or None, got int 0",
        "limit",
        "",
        id="agenda-limit",
    ),
    pytest.param(
        lambda: agenda(bad(5), as_of=AS_OF),
        InvalidInputError,
        "customers: expected an iterable of (id, grade, last), got int 5",
        "customers",
        "",
        id="agenda-customers",
    ),
    pytest.param(
        lambda: agenda([bad(("c-1", Grade.A))], as_of=AS_OF),
        InvalidInputError,
        "customers[0]: expected a tuple (id, grade, last), got tuple ('c-1', <Grade.A: 'A'>)",
        "customers[0]",
        "",
        id="agenda-entry",
    ),
    pytest.param(
        lambda: agenda([bad((" ", Grade.A, None))], as_of=AS_OF),
        InvalidInputError,
        "customers[0].id: expected a non-blank string, got str ' '",
        "customers[0].id",
        "",
        id="agenda-entry-id",
    ),
    pytest.param(
        lambda: agenda([bad(("c-1", "A", None))], as_of=AS_OF),
        InvalidInputError,
        (
            "customers[0].grade: expected a Grade or a list of the customer's Opportunity,"
            " got str 'A'"
        ),
        "customers[0].grade",
        "",
        id="agenda-entry-grade",
    ),
    pytest.param(
        lambda: agenda([("c-1", [], None)], as_of=AS_OF),
        InvalidInputError,
        "customers[0].opportunities: expected at least one opportunity, got list []",
        "customers[0].opportunities",
        "",
        id="agenda-entry-no-opportunities",
    ),
    pytest.param(
        lambda: agenda([bad(("c-1", [OPP, "c-1"], None))], as_of=AS_OF),
        InvalidInputError,
        "customers[0].opportunities[1]: expected an Opportunity, got str 'c-1'",
        "customers[0].opportunities[1]",
        "",
        id="agenda-entry-opportunity-item",
    ),
    pytest.param(
        lambda: agenda([("c-1", [OTHER], None)], as_of=AS_OF),
        InvalidInputError,
        (
            "customers[0].opportunities[0].customer_id: expected the same customer as the"
            " others ('c-1'), got str 'c-2'"
        ),
        "customers[0].opportunities[0].customer_id",
        "",
        id="agenda-entry-other-customer",
    ),
    pytest.param(
        lambda: agenda([bad(("c-1", Grade.A, "2026-11-20"))], as_of=AS_OF),
        InvalidInputError,
        "customers[0].last: expected a date, got str '2026-11-20'",
        "customers[0].last",
        "",
        id="agenda-entry-last",
    ),
    pytest.param(
        lambda: agenda([], as_of=AS_OF, grading=bad("default")),
        InvalidInputError,
        "policy: expected a GradingPolicy, got str 'default'",
        "policy",
        "",
        id="agenda-grading",
    ),
]


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
        lambda: assign_balanced(["l-1"], {"rep-1": bad(1.5)}),
        InvalidInputError,
        (
            "reps['rep-1']: expected a finite Decimal or int >= 0, got float 1.5; pass"
            " Decimal('1.5'); floats cannot hold money exactly"
        ),
        "reps['rep-1']",
        "pass Decimal('1.5'); floats cannot hold money exactly",
        id="assign-reps-float",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], {"rep-1": 0}),
        InvalidInputError,
        "reps['rep-1']: expected an ability weight > 0, got int 0",
        "reps['rep-1']",
        "",
        id="assign-reps-zero",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], {"rep-1": Decimal("0.00")}),
        InvalidInputError,
        "reps['rep-1']: expected an ability weight > 0, got Decimal Decimal('0.00')",
        "reps['rep-1']",
        "",
        id="assign-reps-zero-decimal",
    ),
    pytest.param(
        lambda: assign_balanced(["l-1"], {"rep-1": -2}),
        InvalidInputError,
        "reps['rep-1']: expected a finite Decimal or int >= 0, got Decimal Decimal('-2')",
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


@pytest.mark.parametrize(
    ("call", "kind", "message", "field", "hint"),
    GRADING_ERRORS + CADENCE_ERRORS + POOL_ERRORS + RECORD_ERRORS + ASSIGNMENT_ERRORS,
)
def test_bad_input_is_refused_with_field_expectation_and_value(
    call: Callable[[], object],
    kind: type[InvalidInputError],
    message: str,
    field: str,
    hint: str,
) -> None:
    """Rule P7: the message names the field, what was expected and the value given."""
    with pytest.raises(InvalidInputError) as caught:
        call()
    assert type(caught.value) is kind
    assert str(caught.value) == message
    assert caught.value.field == field
    assert caught.value.hint == hint


# rule C3: the pool and the first contact, in working days and at the edges -----------------

FRIDAY, SATURDAY, MONDAY = date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 23)
NEXT_DAY = PoolPolicy(working_days=True, first_contact_days=1)


@pytest.mark.parametrize(
    ("holidays", "workdays", "deadline"),
    [
        ([], [], MONDAY),  # Friday + 1 working day
        ([], [SATURDAY], SATURDAY),  # a make-up working day (调休) on the Saturday
        ([MONDAY], [], date(2026, 11, 24)),  # a holiday on the Monday
    ],
)
def test_c3_deadline_in_working_days_counts_the_callers_days(
    holidays: list[date], workdays: list[date], deadline: date
) -> None:
    assert (
        first_contact_deadline(FRIDAY, policy=NEXT_DAY, holidays=holidays, workdays=workdays)
        == deadline
    )


@pytest.mark.parametrize(
    ("holidays", "workdays", "as_of", "expected"),
    [
        ([], [SATURDAY], date(2026, 11, 22), True),  # due on the make-up Saturday: passed
        ([], [], date(2026, 11, 22), False),  # due on Monday: not yet
        ([MONDAY], [], MONDAY, False),  # Monday off: due on Tuesday
        ([MONDAY], [], date(2026, 11, 24), False),
        ([], [], MONDAY, False),
        ([], [], date(2026, 11, 24), True),
    ],
)
def test_c3_reassignment_counts_the_callers_holidays_and_workdays(
    holidays: list[date], workdays: list[date], as_of: date, expected: bool
) -> None:
    assert (
        needs_reassignment(
            FRIDAY, None, as_of=as_of, policy=NEXT_DAY, holidays=holidays, workdays=workdays
        )
        is expected
    )


def test_c3_pool_in_working_days_counts_make_up_days() -> None:
    status = pool_status(FRIDAY, [], as_of=FRIDAY, policy=NEXT_DAY, workdays=[SATURDAY])
    assert (status.returns_on, status.reason) == (MONDAY, PoolReason.NO_FIRST_CONTACT)


def test_c3_pool_a_follow_up_on_the_day_taken_extends_the_hold() -> None:
    status = pool_status(date(2026, 11, 2), [date(2026, 11, 2)], as_of=date(2026, 11, 3))
    assert (status.returns_on, status.reason) == (date(2026, 12, 3), PoolReason.NO_FOLLOW_UP)


def test_c3_pool_a_follow_up_on_as_of_extends_the_hold() -> None:
    status = pool_status(date(2026, 11, 2), [date(2026, 11, 9)], as_of=date(2026, 11, 9))
    assert (status.returns_on, status.reason) == (date(2026, 12, 10), PoolReason.NO_FOLLOW_UP)


def test_c3_pool_a_follow_up_reaching_only_the_end_of_the_hold_does_not_extend_it() -> None:
    """The hold ends on the first-contact limit either way: that limit is the reason."""
    policy = PoolPolicy(first_contact_days=7, follow_up_days=6)
    status = pool_status(date(2026, 11, 2), [date(2026, 11, 3)], as_of=AS_OF, policy=policy)
    assert (status.returns_on, status.reason) == (date(2026, 11, 10), PoolReason.NO_FIRST_CONTACT)


def test_c3_pool_a_cap_on_the_last_day_held_does_not_cut_the_hold_short() -> None:
    """The cap is the reason only when it ends the hold earlier than the follow-ups do."""
    policy = PoolPolicy(hard_cap_days=7)
    status = pool_status(date(2026, 11, 2), [], as_of=AS_OF, policy=policy)
    assert (status.returns_on, status.reason) == (date(2026, 11, 10), PoolReason.NO_FIRST_CONTACT)
    capped = pool_status(date(2026, 11, 2), [], as_of=AS_OF, policy=PoolPolicy(hard_cap_days=6))
    assert (capped.returns_on, capped.reason) == (date(2026, 11, 9), PoolReason.HARD_CAP)


@pytest.mark.parametrize(
    ("contacted", "expected"),
    [
        (datetime(2026, 11, 1, 23, tzinfo=UTC), None),  # the day before assignment
        (datetime(2026, 11, 2, 0, tzinfo=UTC), date(2026, 11, 2)),  # the day of assignment
        (datetime(2026, 11, 22, 23, tzinfo=UTC), AS_OF),  # on as_of
        (datetime(2026, 11, 23, 0, tzinfo=UTC), None),  # after as_of
    ],
)
def test_c3_first_contact_window_is_inclusive(contacted: datetime, expected: date | None) -> None:
    fax = event(Channel.FAX, at=contacted)
    assert first_contact_day([fax], assigned_on=date(2026, 11, 2), as_of=AS_OF) == expected


# rule C6: balanced assignment ----------------------------------------------------------------


def test_c6_a_salesperson_holding_no_leads_may_be_listed_with_zero() -> None:
    result = assign_balanced(["l-1", "l-2"], {"rep-1": 1, "rep-2": 1}, current={"rep-1": 0})
    assert result == {"l-1": "rep-1", "l-2": "rep-2"}


# rule C1: the agenda grades opportunities with the caller's horizons ---------------------------


def test_g1_agenda_grades_opportunities_with_the_given_grading_policy() -> None:
    """An agenda entry given as opportunities is graded with ``grading``, not the default."""
    close = Opportunity(
        customer_id="c-1",
        need=Need.EXPLICIT,
        expected_close=date(2026, 12, 12),  # 20 days after as_of
        status=DealStatus.NEGOTIATING,
    )
    weeks = GradingPolicy(
        horizons=(relativedelta(weeks=2), relativedelta(months=1), relativedelta(months=2))
    )
    by_default = agenda([("c-1", [close], None)], as_of=AS_OF)
    tuned = agenda([("c-1", [close], None)], as_of=AS_OF, grading=weeks)
    assert [item.grade for item in by_default] == [Grade.A]
    assert [item.grade for item in tuned] == [Grade.B]


# rules G1, G2: the whole explanation, in English and Chinese ----------------------------------


def explicit(close: date | None, status: DealStatus = DealStatus.NEGOTIATING) -> Opportunity:
    return Opportunity(customer_id="c-1", need=Need.EXPLICIT, expected_close=close, status=status)


EXPLANATIONS = [
    pytest.param(
        Opportunity(customer_id="c-1", need=Need.NONE, status=DealStatus.POTENTIAL),
        Grade.E,
        "no need: a dead customer, grade E",
        "无需求：死亡客户，E级",
        id="no-need",
    ),
    pytest.param(
        OTHER,
        Grade.D,
        "potential need: grade D",
        "潜在需求：D级",
        id="potential-need",
    ),
    pytest.param(
        explicit(date(2026, 12, 1), DealStatus.CLOSED),
        Grade.D,
        "explicit need, but the deal is already closed and nothing is left to close: grade D",
        "明显需求，但已成交，无待成交业务：D级",
        id="closed",
    ),
    pytest.param(
        explicit(None),
        Grade.D,
        "explicit need, but no expected close date: grade D",
        "明显需求，但未定预计成交日期：D级",
        id="no-date",
    ),
    pytest.param(
        explicit(date(2026, 10, 21)),
        Grade.D,
        (
            "explicit need, but expected close 2026-10-21 is more than 1 month past"
            " (2026-11-22): expected close date long past: update it; grade D"
        ),
        (
            "明显需求，但预计成交日 2026-10-21 已过去超过 1个月（2026-11-22）："
            "预计成交日早已过期，请更新；D级"
        ),
        id="stale",
    ),
    pytest.param(
        explicit(date(2026, 10, 22)),
        Grade.A,
        "explicit need, expected close 2026-10-22 has passed (2026-11-22): overdue, grade A",
        "明显需求，预计成交日 2026-10-22 已过（2026-11-22）：逾期，A级",
        id="overdue-within-grace",
    ),
    pytest.param(
        explicit(date(2026, 11, 21)),
        Grade.A,
        "explicit need, expected close 2026-11-21 has passed (2026-11-22): overdue, grade A",
        "明显需求，预计成交日 2026-11-21 已过（2026-11-22）：逾期，A级",
        id="overdue-yesterday",
    ),
    pytest.param(
        explicit(AS_OF),
        Grade.A,
        "explicit need, expected close 2026-11-22 is within 1 month of 2026-11-22: grade A",
        "明显需求，预计成交日 2026-11-22 在 2026-11-22 起 1个月 内：A级",
        id="today",
    ),
    pytest.param(
        explicit(date(2026, 12, 23)),
        Grade.B,
        "explicit need, expected close 2026-12-23 is within 3 months of 2026-11-22: grade B",
        "明显需求，预计成交日 2026-12-23 在 2026-11-22 起 3个月 内：B级",
        id="b",
    ),
    pytest.param(
        explicit(date(2027, 5, 22)),
        Grade.C,
        "explicit need, expected close 2027-05-22 is within 6 months of 2026-11-22: grade C",
        "明显需求，预计成交日 2027-05-22 在 2026-11-22 起 6个月 内：C级",
        id="c",
    ),
    pytest.param(
        explicit(date(2027, 5, 23)),
        Grade.D,
        "explicit need, expected close 2027-05-23 is more than 6 months after 2026-11-22: grade D",
        "明显需求，预计成交日 2027-05-23 在 2026-11-22 起 6个月 之后：D级",
        id="far",
    ),
]


@pytest.mark.parametrize(("subject", "expected", "english", "chinese"), EXPLANATIONS)
def test_g1_explanation_says_the_whole_reason(
    subject: Opportunity, expected: Grade, english: str, chinese: str
) -> None:
    why = explain_grade(subject, as_of=AS_OF)
    assert (why.grade, why.reason_en, why.reason_zh) == (expected, english, chinese)
    assert why.rules == ("G1", "G2")
    assert why.policy_fingerprint == DEFAULT_GRADING.fingerprint()


# rule C1: the last follow-up and the agenda at their edges -----------------------------------


def test_c1_a_follow_up_late_on_as_of_is_the_last_one() -> None:
    late = event(at=datetime(2026, 11, 22, 23, 59, tzinfo=UTC))
    assert last_follow_up([event(), late], as_of=AS_OF) == AS_OF
    assert last_follow_up([event(), late], as_of=date(2026, 11, 21)) == date(2026, 11, 20)


def test_c1_agenda_keeps_one_when_the_limit_is_one() -> None:
    book = [("c-1", Grade.A, date(2026, 11, 20)), ("c-2", Grade.A, date(2026, 11, 10))]
    items = agenda(book, as_of=AS_OF, limit=1)
    assert [(i.customer_id, i.due, i.days_overdue) for i in items] == [
        ("c-2", date(2026, 11, 11), 11)
    ]


def test_c1_agenda_lists_a_follow_up_due_today_not_one_due_tomorrow() -> None:
    book = [("c-1", Grade.B, date(2026, 11, 15)), ("c-2", Grade.B, date(2026, 11, 16))]
    assert [i.customer_id for i in agenda(book, as_of=AS_OF)] == ["c-1"]


# rule C4: the record workflow at its edges ----------------------------------------------------

THURSDAY = date(2026, 11, 19)  # a record collected on Thursday is due in the CRM on Monday


@pytest.mark.parametrize(
    ("entered", "late", "forward_due"),
    [
        (THURSDAY, False, FRIDAY),  # entered the day it was collected
        (MONDAY, False, date(2026, 11, 24)),  # entered on the due day: in time
        (date(2026, 11, 24), True, date(2026, 11, 25)),  # a day late
    ],
)
def test_c4_a_step_done_on_its_due_day_is_in_time(
    entered: date, late: bool, forward_due: date
) -> None:
    entry, forward = record_steps(THURSDAY, done={RecordStep.RECORD_ENTERED: entered})
    assert (entry.due, entry.done_on, entry.late) == (MONDAY, entered, late)
    assert (forward.due, forward.done_on, forward.late) == (forward_due, None, False)


# rules G1, G2: every call grades with its own policy and day ---------------------------------

SHORT = GradingPolicy(
    horizons=(relativedelta(weeks=2), relativedelta(months=1), relativedelta(months=2)),
    urgency_horizons=(relativedelta(days=1), relativedelta(weeks=1), relativedelta(weeks=2)),
)


def test_g1_grade_follows_the_policy_of_each_call_when_policies_alternate() -> None:
    soon = explicit(date(2026, 12, 12))  # 20 days after as_of
    results = [grade(soon, as_of=AS_OF, policy=p) for p in (DEFAULT_GRADING, SHORT) * 2]
    assert results == [Grade.A, Grade.B, Grade.A, Grade.B]
    why = [explain_grade(soon, as_of=AS_OF, policy=p).grade for p in (SHORT, DEFAULT_GRADING)]
    assert why == [Grade.B, Grade.A]
    assert customer_grade([soon], as_of=AS_OF, policy=SHORT) is Grade.B


def test_g1_grade_follows_the_day_of_each_call_when_days_alternate() -> None:
    close = explicit(date(2026, 12, 22))  # one month after 22 November, inclusive
    days = (AS_OF, date(2026, 11, 21)) * 2
    assert [grade(close, as_of=day) for day in days] == [Grade.A, Grade.B, Grade.A, Grade.B]


def test_g2_urgency_follows_the_policy_and_day_of_each_call() -> None:
    due = date(2026, 11, 25)  # three days after as_of
    calls = [(AS_OF, DEFAULT_GRADING), (AS_OF, SHORT), (date(2026, 11, 24), SHORT)]
    assert [urgency(due, as_of=day, policy=p).value for day, p in calls] == [
        "urgent",
        "fairly_urgent",
        "urgent",
    ]


class TaggedOpportunity(Opportunity):
    """A caller's subclass: still an Opportunity."""


def test_g1_a_subclass_of_opportunity_is_graded_as_one() -> None:
    tagged = TaggedOpportunity(
        customer_id="c-1",
        need=Need.EXPLICIT,
        expected_close=date(2027, 1, 15),
        status=DealStatus.NEGOTIATING,
    )
    assert grade(tagged, as_of=AS_OF) is Grade.B
    assert DEFAULT_GRADING.at(AS_OF).grade(tagged) is Grade.B
    assert customer_grade([tagged], as_of=AS_OF) is Grade.B
