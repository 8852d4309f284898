"""Grading prospects A-E by their capacity to deal (rules G1-G3: 客户等级划分).

A grade says how soon a customer can deal: ``A`` within a month, ``B`` within three,
``C`` within six, ``D`` later or only potentially, ``E`` never. It is read off an
:class:`~custrel.models.Opportunity` on a reference day ``as_of``; the other axes of
rule G2 (urgency, importance, need) and the demand grades of rule G3 are here too.

>>> from datetime import date
>>> from custrel.grading import grade
>>> from custrel.models import DealStatus, Need, Opportunity
>>> opp = Opportunity(customer_id="c-1", need=Need.EXPLICIT,
...                   expected_close=date(2026, 12, 22), status=DealStatus.NEGOTIATING)
>>> grade(opp, as_of=date(2026, 11, 22))
<Grade.A: 'A'>

For many opportunities on one day, bind the policy once:

>>> from custrel.grading import DEFAULT_GRADING
>>> on_the_day = DEFAULT_GRADING.at(date(2026, 11, 22))
>>> on_the_day.a_until, on_the_day.c_until
(datetime.date(2026, 12, 22), datetime.date(2027, 5, 22))
>>> on_the_day.grade(opp)
<Grade.A: 'A'>
"""

from custrel.grading._explain import (
    GradeExplanation,
    explain_grade,
)
from custrel.grading._grades import (
    DemandGrade,
    Grade,
    Urgency,
)
from custrel.grading._policy import (
    DEFAULT_GRADING,
    BoundGradingPolicy,
    GradingPolicy,
)
from custrel.grading._rules import (
    customer_grade,
    demand_grade,
    grade,
    is_important,
    urgency,
)

__all__ = [
    "DEFAULT_GRADING",
    "BoundGradingPolicy",
    "DemandGrade",
    "Grade",
    "GradeExplanation",
    "GradingPolicy",
    "Urgency",
    "customer_grade",
    "demand_grade",
    "explain_grade",
    "grade",
    "is_important",
    "urgency",
]
