"""Rule C1: next_due, the agenda and FollowUp at their edges, with the caller's horizons,
holidays and workdays.
"""

from datetime import UTC, date, datetime

import pytest
from dateutil.relativedelta import relativedelta

from custrel.cadence import Cadence, CadencePolicy, FollowUp, agenda, last_follow_up, next_due
from custrel.errors import InvalidInputError
from custrel.grading import Grade, GradingPolicy
from custrel.models import DealStatus, Need, Opportunity
from tests._call_refusals import Refusal, check_refusal
from tests._grading_cadence_samples import AS_OF, event
from tests._values import untyped

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


# custrel.cadence: next_due, agenda and FollowUp (rule C1) -----------------------------------------

_WEEKDAYS = CadencePolicy(daily_on_working_days=True)
_FRIDAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("holidays", "workdays", "due"),
    [
        ((), (), date(2026, 11, 23)),  # Friday's next working day is Monday
        ((date(2026, 11, 23),), (), date(2026, 11, 24)),  # Monday off: Tuesday
        ((), (date(2026, 11, 21),), date(2026, 11, 21)),  # a make-up Saturday
    ],
)
def test_rule_c1_next_due_counts_the_given_holidays_and_workdays(
    holidays: tuple[date, ...], workdays: tuple[date, ...], due: date
) -> None:
    """Rule C1 (daily on working days, rule C4): the days given without a calendar count."""
    found = next_due(
        Grade.A,
        _FRIDAY,
        as_of=date(2026, 11, 22),
        policy=_WEEKDAYS,
        holidays=holidays,
        workdays=workdays,
    )
    assert found == due


@pytest.mark.parametrize(
    ("holidays", "workdays", "due"),
    [
        ((), (), date(2026, 11, 23)),
        ((date(2026, 11, 23),), (), date(2026, 11, 24)),
        ((), (date(2026, 11, 21),), date(2026, 11, 21)),
    ],
)
def test_rule_c1_the_agenda_counts_the_given_holidays_and_workdays(
    holidays: tuple[date, ...], workdays: tuple[date, ...], due: date
) -> None:
    """As next_due: the agenda's days off and make-up days given without a calendar."""
    (item,) = agenda(
        [("c-1", Grade.A, _FRIDAY)],
        as_of=date(2026, 11, 20),
        until=date(2026, 12, 31),
        policy=_WEEKDAYS,
        holidays=holidays,
        workdays=workdays,
    )
    assert (item.due, item.days_overdue, item.provisional) == (due, 0, False)


def test_rule_c1_an_agenda_until_before_as_of_is_refused_whole() -> None:
    check_refusal(
        Refusal(
            lambda: agenda([], as_of=date(2026, 11, 22), until=date(2026, 11, 1)),
            "until",
            date(2026, 11, 1),
            "until: expected a day on or after as_of (2026-11-22), got date"
            " datetime.date(2026, 11, 1)",
        )
    )


def test_rule_c1_agenda_refuses_an_id_that_is_not_a_string_whole() -> None:
    check_refusal(
        Refusal(
            lambda: agenda([untyped((42, Grade.A, None))], as_of=date(2026, 11, 22)),
            "customers[0].id",
            42,
            "customers[0].id: expected a non-blank string, got int 42",
        )
    )


def test_rule_c1_follow_up_refuses_a_cadence_that_is_no_interval_whole() -> None:
    expected = (
        "a Cadence or a calendar period (relativedelta) of whole years, months, weeks or"
        " days, longer than 0 days and at most 100 years and 36,600 days"
    )
    with pytest.raises(InvalidInputError) as caught:
        FollowUp(
            on=date(2026, 11, 22),
            grade=Grade.A,
            cadence=untyped("daily"),
            next_due=date(2026, 11, 23),
        )
    assert caught.value.field == "FollowUp.cadence"
    assert caught.value.value == "daily"
    assert caught.value.expected == expected
    assert str(caught.value) == f"FollowUp.cadence: expected {expected}, got str 'daily'"


# custrel.cadence.Cadence.after (rule C1): yearly is one calendar year ---------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 1), date(2027, 3, 1)),
        (date(2024, 2, 29), date(2025, 2, 28)),  # rule C1: 29 Feb -> 28 Feb
        (date(2026, 12, 31), date(2027, 12, 31)),
    ],
)
def test_cadence_after_rule_c1_yearly_is_one_calendar_year(day: date, expected: date) -> None:
    assert Cadence.YEARLY.after(day) == expected
