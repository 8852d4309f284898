"""The grading rules G1 and G2 on a dataframe of opportunities."""

from __future__ import annotations

from typing import TYPE_CHECKING

import narwhals.stable.v2 as nw

from custrel.errors import InvalidInputError
from custrel.frames._days import _chain
from custrel.frames._input import _CHECK_DAY, FrameT, _Input
from custrel.grading import DEFAULT_GRADING, Grade, GradingPolicy
from custrel.models import DealStatus, Need

if TYPE_CHECKING:
    from datetime import date

__all__ = ["grade_frame"]


# Grading (rules G1, G2) -------------------------------------------------------------------------


def grade_frame(
    opportunities: FrameT,
    /,
    *,
    as_of: date,
    policy: GradingPolicy = DEFAULT_GRADING,
    need: str = "need",
    expected_close: str = "expected_close",
    status: str = "status",
    grade: str = "grade",
    urgency: str = "urgency",
) -> FrameT:
    """Grade every opportunity A-E and say how urgent it is (rules G1, G2).

    The twin of :func:`~custrel.grading.grade` and :func:`~custrel.grading.urgency`
    (of the expected close date), with the same policy: the frame comes back with two
    more columns, the grade letter and the urgency value.

    Args:
        opportunities: One row per opportunity: ``need`` (``"explicit"``,
            ``"potential"`` or ``"none"``), ``expected_close`` (a date, may be null)
            and ``status`` (``"closed"``, ``"negotiating"`` or ``"potential"``).
        as_of: The reference day.
        policy: The horizons; the rule book's by default.
        need: The need column.
        expected_close: The expected close column.
        status: The deal status column.
        grade: The name of the grade column added.
        urgency: The name of the urgency column added.

    Returns:
        The frame with ``grade`` and ``urgency``, in the kind it was given.

    Raises:
        InvalidInputError: If ``as_of`` is not a date, or a column is missing, of the
            wrong dtype, null where required, or holds an unknown value.

    >>> from datetime import date
    >>> import pyarrow as pa
    >>> opps = pa.table({"need": ["explicit", "explicit", "none"],
    ...                  "expected_close": [date(2027, 2, 1), date(2026, 9, 1), None],
    ...                  "status": ["negotiating", "negotiating", "potential"]})
    >>> out = grade_frame(opps, as_of=date(2026, 11, 22))
    >>> out["grade"].to_pylist(), out["urgency"].to_pylist()
    (['B', 'D', 'E'], ['not_urgent', 'urgent', 'potential'])
    >>> grade_frame(opps.drop_columns(["status"]), as_of=date(2026, 11, 22))
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: opportunities['status']: expected a column 'status', got list ['expected_close', 'need']; name the column with the matching keyword argument
    """  # noqa: E501 - a doctest output line
    if not isinstance(policy, GradingPolicy):
        raise InvalidInputError("policy", policy, "a GradingPolicy")
    _CHECK_DAY("as_of", as_of)
    bound = policy.at(as_of)
    frame = _Input(opportunities, "opportunities")
    frame.text(need, allowed=[n.value for n in Need])
    frame.day(expected_close, optional=True)
    frame.text(status, allowed=[s.value for s in DealStatus])
    close = nw.col(expected_close)
    stale = (
        close.is_null()
        | (nw.col(status) == DealStatus.CLOSED.value)
        | (close < nw.lit(bound.stale_before))
    )
    explicit = _chain(  # rule G1
        [
            (stale, nw.lit(Grade.D.value)),
            (close <= nw.lit(bound.a_until), nw.lit(Grade.A.value)),
            (close <= nw.lit(bound.b_until), nw.lit(Grade.B.value)),
            (close <= nw.lit(bound.c_until), nw.lit(Grade.C.value)),
        ],
        nw.lit(Grade.D.value),
    )
    graded = _chain(
        [
            (nw.col(need) == Need.NONE.value, nw.lit(Grade.E.value)),
            (nw.col(need) == Need.POTENTIAL.value, nw.lit(Grade.D.value)),
        ],
        explicit,
    )
    urgent = _chain(  # rule G2
        [
            (close.is_null(), nw.lit("potential")),
            (close <= nw.lit(bound.urgent_until), nw.lit("urgent")),
            (close <= nw.lit(bound.fairly_urgent_until), nw.lit("fairly_urgent")),
            (close <= nw.lit(bound.not_urgent_until), nw.lit("not_urgent")),
        ],
        nw.lit("potential"),
    )
    return frame.give_back(  # type: ignore[no-any-return]
        frame.lazy.with_columns(graded.alias(grade), urgent.alias(urgency))
    )
