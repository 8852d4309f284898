"""The four steps of complaint handling (rule S1)."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, cast

from custrel import _checks as c
from custrel.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["ComplaintStep", "next_complaint_step", "take_complaint_step"]


# rule S1 ------------------------------------------------------------------------------------


class ComplaintStep(enum.StrEnum):
    """The four steps of handling a complaint, in their only allowed order (rule S1).

    >>> from custrel.service import ComplaintStep
    >>> [s.value for s in ComplaintStep]
    ['listen', 'record', 'remedy', 'follow_up']
    """

    LISTEN = "listen"  # let the customer vent: listen and acknowledge (聆听、认同)
    RECORD = "record"  # record the essentials, judge whether it stands (记录要点、判断是否成立)
    REMEDY = "remedy"  # propose and carry out an acceptable remedy (提出并实施方案)
    FOLLOW_UP = "follow_up"  # follow up (跟踪服务)


_STEPS = tuple(ComplaintStep)


def _checked_steps(done: object) -> tuple[ComplaintStep, ...]:
    """The steps taken so far, which must be the first steps of rule S1 in order."""
    c.iterable("done", done, "ComplaintStep")
    steps = tuple(cast("Iterable[object]", done))
    for index, step in enumerate(steps):
        c.member(ComplaintStep)(f"done[{index}]", step)
        if index >= len(_STEPS) or step is not _STEPS[index]:
            expected = (
                f"{_STEPS[index]!r}: steps are taken in order, none skipped or repeated"
                if index < len(_STEPS)
                else "nothing: all four steps are done"
            )
            raise InvalidInputError(f"done[{index}]", step, expected)
    return cast("tuple[ComplaintStep, ...]", steps)


def next_complaint_step(done: Iterable[ComplaintStep], /) -> ComplaintStep | None:
    """The step that comes next, given the steps taken so far (rule S1).

    Args:
        done: The steps already taken, in the order they were taken.

    Returns:
        The next step, or ``None`` once the follow-up is done.

    Raises:
        InvalidInputError: If ``done`` skips, repeats or reorders a step.

    >>> from custrel.service import ComplaintStep, next_complaint_step
    >>> next_complaint_step([])
    <ComplaintStep.LISTEN: 'listen'>
    >>> next_complaint_step([ComplaintStep.LISTEN, ComplaintStep.RECORD])
    <ComplaintStep.REMEDY: 'remedy'>
    >>> next_complaint_step([ComplaintStep.LISTEN, ComplaintStep.REMEDY])
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: done[1]: expected <ComplaintStep.RECORD: 'record'>: steps are taken in order, none skipped or repeated, got ComplaintStep <ComplaintStep.REMEDY: 'remedy'>
    """  # noqa: E501 - a doctest output line
    steps = _checked_steps(done)
    return _STEPS[len(steps)] if len(steps) < len(_STEPS) else None


def take_complaint_step(
    done: Iterable[ComplaintStep], step: ComplaintStep, /
) -> tuple[ComplaintStep, ...]:
    """Record one more step, refusing any step but the next (rule S1).

    Args:
        done: The steps already taken, in order.
        step: The step being taken now.

    Returns:
        The steps taken, ``step`` included.

    Raises:
        InvalidInputError: If ``step`` is not the next step (a skip, a repeat or a step
            after the last), or ``done`` is out of order.

    >>> from custrel.service import ComplaintStep, take_complaint_step
    >>> take_complaint_step([], ComplaintStep.LISTEN)
    (<ComplaintStep.LISTEN: 'listen'>,)
    >>> take_complaint_step([ComplaintStep.LISTEN], ComplaintStep.REMEDY)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: step: expected <ComplaintStep.RECORD: 'record'>, the next step; none may be skipped, got ComplaintStep <ComplaintStep.REMEDY: 'remedy'>
    """  # noqa: E501 - a doctest output line
    steps = _checked_steps(done)
    c.member(ComplaintStep)("step", step)
    following = _STEPS[len(steps)] if len(steps) < len(_STEPS) else None
    if following is None:
        raise InvalidInputError("step", step, "no further step: the follow-up is done")
    if step is not following:
        raise InvalidInputError("step", step, f"{following!r}, the next step; none may be skipped")
    return (*steps, step)
