"""Rules G1, G2: every call grades with its own policy and day, and a subclass of Opportunity is
graded as one.
"""

from datetime import date

from dateutil.relativedelta import relativedelta

from custrel.grading import (
    DEFAULT_GRADING,
    Grade,
    GradingPolicy,
    customer_grade,
    explain_grade,
    grade,
    urgency,
)
from custrel.models import DealStatus, Need, Opportunity
from tests._grading_cadence_samples import AS_OF, explicit

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
