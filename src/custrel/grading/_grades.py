"""The grades of rules G1-G3 and the urgency scale of rule G2: the vocabulary of grading."""

from __future__ import annotations

import enum

from custrel import _checks as c
from custrel.models import DealStatus, Need

__all__ = ["DemandGrade", "Grade", "Urgency"]


class Grade(enum.StrEnum):
    """A customer's grade by dealing capacity (rule G1).

    ``A`` is the best (deal within a month) and ``E`` a dead customer (死亡客户).
    Grades compare as their letters, so ``sorted()`` puts ``A`` first and
    ``min(grades)`` is the best.

    >>> from custrel.grading import Grade
    >>> Grade("B") is Grade.B, Grade.A < Grade.B
    (True, True)
    """

    A = "A"  # rule G1: explicit need, deal within one month
    B = "B"  # rule G1: explicit need, deal within three months
    C = "C"  # rule G1: explicit need, deal within six months
    D = "D"  # rule G1: potential need, or the deal is more than six months away
    E = "E"  # rule G1: no need or no chance of a deal


class Urgency(enum.StrEnum):
    """How urgently a customer must be handled (rule G2: 紧急程度).

    >>> from custrel.grading import Urgency
    >>> [u.value for u in Urgency]
    ['urgent', 'fairly_urgent', 'not_urgent', 'potential']
    """

    URGENT = "urgent"  # rule G2: within a week
    FAIRLY_URGENT = "fairly_urgent"  # rule G2: a week to a month
    NOT_URGENT = "not_urgent"  # rule G2: one to three months
    POTENTIAL = "potential"  # rule G2: beyond three months


# The members the per-call rules return, as module constants: on Python 3.11 reading
# ``Grade.A`` is an attribute lookup on the enum class (about 60 ns), as much as the
# rest of a bound ``grade`` call; a global costs almost nothing.
_A, _B, _C, _D, _E = Grade.A, Grade.B, Grade.C, Grade.D, Grade.E
_URGENT, _FAIRLY_URGENT = Urgency.URGENT, Urgency.FAIRLY_URGENT
_NOT_URGENT, _POTENTIAL = Urgency.NOT_URGENT, Urgency.POTENTIAL
_EXPLICIT, _POTENTIAL_NEED, _CLOSED = Need.EXPLICIT, Need.POTENTIAL, DealStatus.CLOSED
_CHECK_DUE = c.day(optional=True)
_CHECK_CUTOFF = c.day(bounded=False)


class DemandGrade(enum.StrEnum):
    """The sales manager's demand grade (rule G3): a second, coarser scheme.

    >>> from custrel.grading import DemandGrade
    >>> sorted([DemandGrade.C, DemandGrade.A])
    [<DemandGrade.A: 'A'>, <DemandGrade.C: 'C'>]
    """

    A = "A"  # rule G3: large and urgent need
    B = "B"  # rule G3: ordinary need, has the idea
    C = "C"  # rule G3: potential need
