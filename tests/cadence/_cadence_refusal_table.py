"""The cadence refusals, as (call, error class, whole message, field, hint) rows."""

import pytest
from dateutil.relativedelta import relativedelta

from custrel.cadence import (
    DEFAULT_CADENCE,
    DEFAULT_POOL,
    Cadence,
    CadencePolicy,
    agenda,
    cadence_for,
    first_contact_day,
    follow_up,
    last_follow_up,
    next_due,
)
from custrel.errors import InvalidInputError, PolicyError
from custrel.grading import DEFAULT_GRADING, Grade
from custrel.models import Channel, Direction
from tests._grading_cadence_samples import AS_OF, OPP, OTHER, bad, event

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
