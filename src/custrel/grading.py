"""Grading prospects A-E by their capacity to deal (rules G1-G4: 客户等级划分).

>>> from custrel.grading import Grade
>>> sorted([Grade.C, Grade.A, Grade.E])
[<Grade.A: 'A'>, <Grade.C: 'C'>, <Grade.E: 'E'>]
"""

from __future__ import annotations

import enum

__all__ = ["Grade"]


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
    D = "D"  # rule G1: potential need, or the deal is six months or more away
    E = "E"  # rule G1: no need or no chance of a deal
