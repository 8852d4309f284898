"""Follow-up cadence (rules G4, C1), the agenda, first contact (C3), the policy as data and the
fast path of next_due.
"""

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest
from dateutil.relativedelta import relativedelta

from custrel.cadence import (
    DEFAULT_CADENCE,
    AgendaItem,
    Cadence,
    CadencePolicy,
    FollowUp,
    agenda,
    cadence_for,
    first_contact_day,
    follow_up,
    last_follow_up,
    next_due,
)
from custrel.errors import InvalidInputError, PolicyError
from custrel.grading import Grade, GradingPolicy
from custrel.models import (
    Channel,
    ContactEvent,
    DealStatus,
    Direction,
    Need,
    Opportunity,
)
from tests._values import AS_OF

# rule C1 ------------------------------------------------------------------------------------

C1_TABLE = [
    # grade  cadence               last follow-up       next due
    (Grade.A, Cadence.DAILY, date(2026, 12, 31), date(2027, 1, 1)),
    (Grade.B, Cadence.WEEKLY, date(2026, 2, 25), date(2026, 3, 4)),
    (Grade.C, Cadence.SEMIMONTHLY, date(2024, 2, 20), date(2024, 3, 6)),
    (Grade.D, Cadence.MONTHLY, date(2026, 1, 31), date(2026, 3, 2)),  # 30 days, not a month
    (Grade.E, Cadence.YEARLY, date(2024, 2, 29), date(2025, 2, 28)),  # 29 Feb + 1 year
    (Grade.E, Cadence.YEARLY, date(2023, 3, 1), date(2024, 3, 1)),
    (Grade.E, Cadence.YEARLY, date(2026, 12, 31), date(2027, 12, 31)),
]


@pytest.mark.parametrize(("grade", "cadence", "last", "due"), C1_TABLE)
def test_c1_cadence_by_grade(grade: Grade, cadence: Cadence, last: date, due: date) -> None:
    assert cadence_for(grade) is cadence
    assert next_due(grade, last, as_of=AS_OF) == due


@pytest.mark.parametrize("grade", list(Grade))
def test_c1_never_followed_up_is_due_at_once(grade: Grade) -> None:
    assert next_due(grade, None, as_of=AS_OF) == AS_OF


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: next_due("A", None, as_of=AS_OF), "grade"),  # type: ignore[arg-type]
        (lambda: next_due(Grade.A, datetime(2026, 11, 1, tzinfo=UTC), as_of=AS_OF), "last_contact"),
        (lambda: next_due(Grade.A, None, as_of="2026-11-22"), "as_of"),  # type: ignore[arg-type]
        (lambda: cadence_for(Grade.A, policy={}), "policy"),  # type: ignore[arg-type]
    ],
)
def test_c1_refuses_bad_input(call: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()  # type: ignore[operator]
    assert info.value.field == field


# What counts as a follow-up ---------------------------------------------------------------------


def contact(
    day: date,
    channel: Channel = Channel.PHONE,
    direction: Direction = Direction.OUTBOUND,
    customer: str = "c-1",
) -> ContactEvent:
    at = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
    return ContactEvent(customer_id=customer, at=at, channel=channel, direction=direction)


@pytest.mark.parametrize(
    ("channel", "direction", "counts"),
    [
        (Channel.PHONE, Direction.OUTBOUND, True),
        (Channel.VISIT, Direction.OUTBOUND, True),
        (Channel.EMAIL, Direction.OUTBOUND, True),
        (Channel.POST, Direction.OUTBOUND, False),
        (Channel.WEBSITE, Direction.OUTBOUND, False),
        (Channel.PHONE, Direction.INBOUND, True),
        (Channel.MEETING, Direction.INBOUND, True),
        (Channel.EMAIL, Direction.INBOUND, False),
        (Channel.SMS, Direction.INBOUND, False),
    ],
)
def test_which_contacts_count(channel: Channel, direction: Direction, counts: bool) -> None:
    assert DEFAULT_CADENCE.counts(contact(AS_OF, channel, direction)) is counts


def test_counts_refuses_a_non_event() -> None:
    with pytest.raises(InvalidInputError, match="event"):
        DEFAULT_CADENCE.counts("call")  # type: ignore[arg-type]


def test_last_follow_up_skips_what_does_not_count_and_what_is_later() -> None:
    events = [
        contact(date(2026, 11, 3), Channel.VISIT),
        contact(date(2026, 11, 1)),
        contact(date(2026, 11, 9), Channel.EMAIL, Direction.INBOUND),
        contact(date(2026, 11, 30)),
    ]
    assert last_follow_up(events, as_of=AS_OF) == date(2026, 11, 3)
    assert last_follow_up([], as_of=AS_OF) is None


def test_a_stricter_policy_counts_fewer_contacts() -> None:
    visits_only = CadencePolicy(outbound={Channel.VISIT}, inbound=set())
    events = [contact(date(2026, 11, 3), Channel.VISIT), contact(date(2026, 11, 10))]
    assert last_follow_up(events, as_of=AS_OF, policy=visits_only) == date(2026, 11, 3)


@pytest.mark.parametrize(
    ("events", "field"),
    [("calls", "events"), ([None], "events[0]")],
)
def test_last_follow_up_refuses_bad_input(events: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        last_follow_up(events, as_of=AS_OF)  # type: ignore[arg-type]
    assert info.value.field == field


# rule G4 ---------------------------------------------------------------------------------------


def opportunity(
    close: date | None, need: Need = Need.EXPLICIT, customer: str = "c-1"
) -> Opportunity:
    return Opportunity(
        customer_id=customer, need=need, expected_close=close, status=DealStatus.NEGOTIATING
    )


def test_g4_follow_up_regrades_and_restarts_the_cadence() -> None:
    result = follow_up(opportunity(date(2026, 12, 10)), contact(AS_OF, Channel.VISIT))
    assert (result.on, result.grade, result.cadence, result.next_due) == (
        AS_OF,
        Grade.A,
        Cadence.DAILY,
        date(2026, 11, 23),
    )


@pytest.mark.parametrize(
    "cadence",
    ["daily", relativedelta(days=0), relativedelta(hours=5), relativedelta(years=101)],
    ids=["a-string", "zero", "hours", "past-100-years"],
)
def test_a_follow_up_refuses_what_no_cadence_policy_holds(cadence: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        FollowUp(on=AS_OF, grade=Grade.A, cadence=cadence, next_due=AS_OF + timedelta(days=1))  # type: ignore[arg-type]
    assert info.value.field == "FollowUp.cadence"


@pytest.mark.parametrize(
    "cadence", [Cadence.WEEKLY, relativedelta(days=10), relativedelta(years=100)], ids=str
)
def test_a_follow_up_takes_every_cadence_a_policy_holds(cadence: Cadence | relativedelta) -> None:
    result = FollowUp(on=AS_OF, grade=Grade.A, cadence=cadence, next_due=date(9999, 12, 31))
    assert result.cadence == cadence


def test_g4_the_grade_is_decided_on_the_follow_up_day() -> None:
    """The same opportunity is C on 1 August and A on 1 November (close 15 November)."""
    opp = opportunity(date(2026, 11, 15))
    assert follow_up(opp, date(2026, 8, 1)).grade is Grade.C
    assert follow_up(opp, date(2026, 11, 1)).grade is Grade.A


def test_g4_no_need_after_a_follow_up_is_yearly() -> None:
    result = follow_up(opportunity(None, Need.NONE), date(2024, 2, 29))
    assert (result.grade, result.next_due) == (Grade.E, date(2025, 2, 28))


def test_g4_uses_the_given_grading_policy() -> None:
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415

    tight = GradingPolicy(
        horizons=(relativedelta(days=7), relativedelta(months=1), relativedelta(months=2))
    )
    assert follow_up(opportunity(date(2026, 12, 10)), AS_OF, grading=tight).grade is Grade.B


@pytest.mark.parametrize(
    ("subject", "event", "says"),
    [
        (
            opportunity(None),
            contact(AS_OF, Channel.EMAIL, Direction.INBOUND),
            "inbound email does not",
        ),
        (opportunity(None), contact(AS_OF, customer="c-2"), "a contact with customer 'c-1'"),
        (opportunity(None), "2026-11-22", "contact: expected a date"),
        ("c-1", AS_OF, "opportunity"),
    ],
)
def test_g4_refuses(subject: object, event: object, says: str) -> None:
    with pytest.raises(InvalidInputError, match=says):
        follow_up(subject, event)  # type: ignore[arg-type]


# The agenda ---------------------------------------------------------------------------------


def test_agenda_orders_by_days_overdue_then_grade_then_id() -> None:
    customers = [
        ("c-3", Grade.B, date(2026, 11, 10)),  # due 17th: 5 days overdue
        ("c-1", Grade.A, date(2026, 11, 16)),  # due 17th: 5 days overdue, better grade
        ("c-2", Grade.A, date(2026, 11, 16)),  # same, later id
        ("c-4", Grade.E, None),  # never contacted: due today
        ("c-5", Grade.D, date(2026, 11, 1)),  # due 1 December: not yet
        ("c-6", Grade.A, date(2026, 11, 21)),  # due today
    ]
    assert agenda(customers, as_of=AS_OF) == [
        AgendaItem(customer_id="c-1", grade=Grade.A, due=date(2026, 11, 17), days_overdue=5),
        AgendaItem(customer_id="c-2", grade=Grade.A, due=date(2026, 11, 17), days_overdue=5),
        AgendaItem(customer_id="c-3", grade=Grade.B, due=date(2026, 11, 17), days_overdue=5),
        AgendaItem(customer_id="c-6", grade=Grade.A, due=AS_OF, days_overdue=0),
        AgendaItem(customer_id="c-4", grade=Grade.E, due=AS_OF, days_overdue=0),
    ]
    assert [i.customer_id for i in agenda(customers, as_of=AS_OF, limit=2)] == ["c-1", "c-2"]


def test_agenda_of_nobody_and_of_one() -> None:
    assert agenda([], as_of=AS_OF) == []
    assert agenda([("c-1", Grade.E, date(2025, 11, 22))], as_of=AS_OF) == [
        AgendaItem(customer_id="c-1", grade=Grade.E, due=AS_OF, days_overdue=0)
    ]


@pytest.mark.parametrize(
    ("customers", "kwargs", "field"),
    [
        ([("c-1", "A", None)], {}, "customers[0].grade"),
        ([("", Grade.A, None)], {}, "customers[0].id"),
        ([("c-1", Grade.A, "2026-11-01")], {}, "customers[0].last"),
        ([("c-1", Grade.A)], {}, "customers[0]"),
        ("c-1", {}, "customers"),
        ([], {"limit": 0}, "limit"),
    ],
)
def test_agenda_refuses_malformed_entries(
    customers: object, kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInputError) as info:
        agenda(customers, as_of=AS_OF, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


# rule C1: cadences a sales team can tune ------------------------------------------------------

TUNED = CadencePolicy.from_dict(
    {
        "cadences": {
            "A": "daily",
            "B": {"days": 10},
            "C": {"weeks": 3},
            "D": {"months": 1},
            "E": {"years": 2},
        }
    }
)


@pytest.mark.parametrize(
    ("grade", "last", "due"),
    [
        (Grade.B, date(2026, 11, 12), date(2026, 11, 22)),  # B every 10 days: due today
        (Grade.C, date(2026, 11, 1), date(2026, 11, 22)),  # 3 weeks
        (Grade.D, date(2026, 1, 31), date(2026, 2, 28)),  # a calendar month from a month end
        (Grade.D, date(2024, 1, 31), date(2024, 2, 29)),  # ... in a leap year
        (Grade.E, date(2024, 2, 29), date(2026, 2, 28)),  # two years from 29 February
    ],
)
def test_c1_a_grade_may_follow_any_calendar_period(grade: Grade, last: date, due: date) -> None:
    assert next_due(grade, last, as_of=AS_OF, policy=TUNED) == due
    assert cadence_for(Grade.B, policy=TUNED) == relativedelta(days=10)


def test_c1_tuned_cadences_round_trip_as_data() -> None:
    assert TUNED.to_dict()["cadences"]["B"] == {"days": 10}
    assert TUNED.to_dict()["cadences"]["A"] == "daily"
    assert CadencePolicy.from_dict(TUNED.to_dict()) == TUNED


@pytest.mark.parametrize(
    ("cadence", "says"),
    [
        ({"days": 0}, "a period longer than 0 days"),
        ({"hours": 5}, "a period such as"),
        ({"days": -3}, "zero or more whole"),
        (7, "one of 'daily'|a period such as"),
    ],
)
def test_c1_bad_periods_are_refused(cadence: object, says: str) -> None:
    data = {"cadences": {"A": "daily", "B": cadence, "C": "weekly", "D": "monthly", "E": "yearly"}}
    with pytest.raises(PolicyError, match=says):
        CadencePolicy.from_dict(data)


NATIONAL_DAY = [date(2026, 10, d) for d in range(1, 8)]


@pytest.mark.parametrize(
    ("last", "due"),
    [
        (date(2026, 11, 19), date(2026, 11, 20)),  # Thursday -> Friday
        (date(2026, 11, 20), date(2026, 11, 23)),  # Friday -> Monday
        (date(2026, 9, 30), date(2026, 10, 8)),  # over the National Day holidays
        (date(2026, 10, 9), date(2026, 10, 10)),  # a make-up Saturday (调休) is a working day
    ],
)
def test_c1_a_daily_cadence_may_skip_non_working_days(last: date, due: date) -> None:
    policy = CadencePolicy(daily_on_working_days=True)
    off, on = NATIONAL_DAY, [date(2026, 10, 10)]
    assert next_due(Grade.A, last, as_of=AS_OF, policy=policy, holidays=off, workdays=on) == due
    plain = next_due(Grade.A, last, as_of=AS_OF, holidays=off, workdays=on)
    assert plain == last + timedelta(days=1)
    opportunity = Opportunity(
        customer_id="c-1",
        need=Need.EXPLICIT,
        expected_close=last,
        status=DealStatus.NEGOTIATING,
    )
    after = follow_up(opportunity, last, policy=policy, holidays=off, workdays=on)
    assert after.next_due == due


def test_c1_agenda_uses_tuned_cadences_and_working_days() -> None:
    policy = CadencePolicy(
        cadences=dict(DEFAULT_CADENCE.cadences) | {Grade.B: relativedelta(days=10)},
        daily_on_working_days=True,
    )
    entries = [("a", Grade.A, date(2026, 11, 20)), ("b", Grade.B, date(2026, 11, 11))]
    items = agenda(entries, as_of=date(2026, 11, 22), policy=policy)
    assert [(i.customer_id, i.due) for i in items] == [("b", date(2026, 11, 21))]


# rule G1 at customer level: the agenda takes the customer's opportunities -------------------------


def deal(close: date | None, status: DealStatus = DealStatus.NEGOTIATING) -> Opportunity:
    return Opportunity(customer_id="c-1", need=Need.EXPLICIT, expected_close=close, status=status)


def test_agenda_grades_a_customer_by_their_best_open_opportunity() -> None:
    deals = [deal(date(2027, 4, 1)), deal(date(2026, 12, 1)), deal(AS_OF, DealStatus.CLOSED)]
    items = agenda([("c-1", deals, date(2026, 11, 15))], as_of=AS_OF)
    assert [(i.grade, i.due) for i in items] == [(Grade.A, date(2026, 11, 16))]


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        (("c-1", "A", None), "customers[0].grade"),
        (("c-1", [], None), "customers[0].opportunities"),
        (("c-1", ["x"], None), "customers[0].opportunities[0]"),
        (("c-2", [deal(AS_OF)], None), "customers[0].opportunities[0].customer_id"),
    ],
)
def test_agenda_refuses_bad_opportunity_entries(entry: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        agenda([entry], as_of=AS_OF)  # type: ignore[list-item]
    assert info.value.field == field


# rule C3: first contact by the channels the seed prescribes ----------------------------------


def reached(day: int, channel: Channel, direction: Direction = Direction.OUTBOUND) -> ContactEvent:
    return ContactEvent(
        customer_id="c-1",
        at=datetime(2026, 11, day, 9, tzinfo=UTC),
        channel=channel,
        direction=direction,
    )


@pytest.mark.parametrize("channel", [Channel.FAX, Channel.EMAIL, Channel.POST, Channel.WEBSITE])
def test_c3_the_seeds_first_contact_channels_count(channel: Channel) -> None:
    """Seed 001 第五条: open by fax, e-mail, post or a website introduction."""
    event = reached(3, channel)
    assert DEFAULT_CADENCE.counts_as_first_contact(event)
    assert first_contact_day([event], assigned_on=date(2026, 11, 1), as_of=AS_OF) == date(
        2026, 11, 3
    )


def test_c3_first_contact_is_the_earliest_qualifying_contact_in_the_window() -> None:
    events = [
        reached(9, Channel.VISIT),
        reached(1, Channel.EMAIL),  # before the assignment
        reached(4, Channel.SMS, Direction.INBOUND),  # the customer wrote: not our contact
        reached(6, Channel.POST),
        reached(25, Channel.PHONE),  # after as_of
    ]
    assert first_contact_day(events, assigned_on=date(2026, 11, 2), as_of=AS_OF) == date(
        2026, 11, 6
    )
    none = [reached(4, Channel.SMS, Direction.INBOUND)]
    assert first_contact_day(none, assigned_on=date(2026, 11, 2), as_of=AS_OF) is None


def test_c3_first_contact_channels_are_a_policy() -> None:
    visits_only = CadencePolicy(first_contact={Channel.VISIT}, outbound=set())
    fax = reached(3, Channel.FAX)
    assert not visits_only.counts_as_first_contact(fax)
    assert (
        first_contact_day([fax], assigned_on=date(2026, 11, 1), as_of=AS_OF, policy=visits_only)
        is None
    )


@pytest.mark.parametrize(
    ("events", "kwargs", "field"),
    [
        (["x"], {}, "events[0]"),
        ("abc", {}, "events"),
        ([], {"assigned_on": "2026-11-01"}, "assigned_on"),
        ([], {"policy": "strict"}, "policy"),
    ],
)
def test_c3_first_contact_day_refuses_bad_input(
    events: object, kwargs: dict[str, object], field: str
) -> None:
    arguments: dict[str, object] = {"assigned_on": date(2026, 11, 1), "as_of": AS_OF} | kwargs
    with pytest.raises(InvalidInputError) as info:
        first_contact_day(events, **arguments)  # type: ignore[arg-type]
    assert info.value.field == field


def test_counts_as_first_contact_refuses_a_non_event() -> None:
    with pytest.raises(InvalidInputError, match="event"):
        DEFAULT_CADENCE.counts_as_first_contact("fax")  # type: ignore[arg-type]


# The policy as data -------------------------------------------------------------------------


def test_default_policy_is_the_rule_book() -> None:
    data = DEFAULT_CADENCE.to_dict()
    assert data["cadences"] == {
        "A": "daily",
        "B": "weekly",
        "C": "semimonthly",
        "D": "monthly",
        "E": "yearly",
    }
    assert data["inbound"] == ["meeting", "phone", "visit"]
    assert data["touches"] == ["inbound", "outbound", "purchase"]
    assert CadencePolicy.from_dict(data) == DEFAULT_CADENCE


def test_fingerprint_is_pinned_and_stable_across_processes() -> None:
    assert DEFAULT_CADENCE.fingerprint() == "07782f203d518a96"
    code = "from custrel.cadence import DEFAULT_CADENCE as p; print(p.fingerprint())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == DEFAULT_CADENCE.fingerprint()


def test_cadences_cannot_be_changed_after_construction() -> None:
    with pytest.raises(TypeError):
        DEFAULT_CADENCE.cadences[Grade.A] = Cadence.YEARLY  # type: ignore[index]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ({"cadences": {"A": "daily"}}, "a cadence for every grade"),
        ({"cadences": {"A": "hourly"}}, "one of 'daily'"),
        ({"inbound": ["pigeon"]}, "one of 'phone'"),
        ({"cadences": "daily"}, "cadences"),
    ],
)
def test_bad_policies_are_refused(data: dict[str, object], says: str) -> None:
    with pytest.raises(PolicyError, match=says):
        CadencePolicy.from_dict(data)


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"cadences": {"A": Cadence.DAILY}}, r"cadences\['A'\]: expected a Grade"),
        ({"cadences": {Grade.A: "daily"}}, r"cadences\[<Grade.A: 'A'>\]: expected a Cadence"),
        ({"cadences": 5}, "a mapping of every grade"),
        ({"outbound": {"phone"}}, "a set of Channel"),
        ({"inbound": "phone"}, "a set of Channel"),
    ],
)
def test_bad_policy_values_are_refused(kwargs: dict[str, object], says: str) -> None:
    with pytest.raises(PolicyError, match=says):
        CadencePolicy(**kwargs)  # type: ignore[arg-type]


# The fast path of next_due ------------------------------------------------------------------


def test_next_due_refuses_a_policy_that_is_not_a_cadence_policy() -> None:
    with pytest.raises(InvalidInputError, match="policy: expected a CadencePolicy"):
        next_due(Grade.A, AS_OF, as_of=AS_OF, policy="weekly")  # type: ignore[arg-type]


def test_next_due_follows_the_policy_of_each_call_when_policies_alternate() -> None:
    """The one-entry step cache is keyed on the policy: a new policy is never served stale."""
    weekly = CadencePolicy(cadences={**DEFAULT_CADENCE.cadences, Grade.A: Cadence.WEEKLY})
    last = date(2026, 11, 2)
    dues = [next_due(Grade.A, last, as_of=AS_OF, policy=p) for p in (weekly, DEFAULT_CADENCE) * 2]
    assert dues == [date(2026, 11, 9), date(2026, 11, 3)] * 2
