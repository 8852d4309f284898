"""The grading policy of rules G1 and G2, bound to an as-of day with its cut-offs computed once."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from custrel import _checks as c
from custrel._periods import check_period, check_periods
from custrel._policy import Policy
from custrel.errors import InvalidInputError
from custrel.grading._grades import (
    _A,
    _B,
    _C,
    _CHECK_CUTOFF,
    _CHECK_DUE,
    _CLOSED,
    _D,
    _E,
    _EXPLICIT,
    _FAIRLY_URGENT,
    _NOT_URGENT,
    _POTENTIAL,
    _POTENTIAL_NEED,
    _URGENT,
    Grade,
    Urgency,
)
from custrel.models import Opportunity

__all__ = ["DEFAULT_GRADING", "BoundGradingPolicy", "GradingPolicy"]


def _check_grade_horizons(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_periods(f"GradingPolicy.{attribute.name}", value, 3)


def _check_grace(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_period(f"GradingPolicy.{attribute.name}", value)


@attrs.frozen(kw_only=True, cache_hash=True)
class GradingPolicy(Policy):
    """The horizons of rules G1 and G2, as calendar periods from ``as_of``.

    Every bound is inclusive: with the default one-month horizon, a deal expected
    exactly one calendar month after ``as_of`` is still ``A``. Calendar months follow
    ``relativedelta``, so one month after 31 January is 28 (or 29) February.

    An explicit need whose expected close date has passed stays ``A`` (overdue, the
    most urgent) for ``overdue_grace`` after that date, bound inclusive; once the date
    is further in the past it grades ``D``: the date is stale and must be updated.

    Args:
        horizons: The A, B and C horizons (rule G1), 1, 3 and 6 months by default.
        overdue_grace: How long after a passed expected close date the need still
            grades ``A`` (rule G1), 1 month by default; zero grades every passed date
            ``D``.
        urgency_horizons: The urgent, fairly urgent and not urgent horizons (rule G2),
            1 week, 1 month and 3 months by default.

    Raises:
        PolicyError: If a horizon is not a calendar period of whole years, months,
            weeks or days, or the horizons are not strictly increasing.

    >>> from dateutil.relativedelta import relativedelta
    >>> from custrel.grading import GradingPolicy
    >>> GradingPolicy.from_dict({"horizons": [{"weeks": 2}, {"months": 2}, {"months": 4}]}).horizons[0]
    relativedelta(days=+14)
    >>> GradingPolicy(horizons=(relativedelta(months=3), relativedelta(months=1),
    ...                         relativedelta(months=6)))
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: GradingPolicy.horizons[1]: expected a period longer than 3 months from every start date, got relativedelta relativedelta(months=+1)
    """  # noqa: E501 - doctest output lines

    horizons: tuple[relativedelta, relativedelta, relativedelta] = attrs.field(
        # rule G1: A, B, C
        default=(relativedelta(months=1), relativedelta(months=3), relativedelta(months=6)),
        validator=_check_grade_horizons,
    )
    overdue_grace: relativedelta = attrs.field(
        default=relativedelta(months=1),  # rule G1 (decision): a passed date stays A for a month
        validator=_check_grace,
    )
    urgency_horizons: tuple[relativedelta, relativedelta, relativedelta] = attrs.field(
        # rule G2
        default=(relativedelta(weeks=1), relativedelta(months=1), relativedelta(months=3)),
        validator=_check_grade_horizons,
    )

    def at(self, as_of: date, /) -> BoundGradingPolicy:
        """Bind the policy to a reference day, computing its cut-off dates once.

        Args:
            as_of: The reference day.

        Returns:
            The bound policy, whose ``grade`` and ``urgency`` do plain comparisons.

        Raises:
            InvalidInputError: If ``as_of`` is not a ``date``.

        >>> from datetime import date
        >>> from custrel.grading import DEFAULT_GRADING
        >>> DEFAULT_GRADING.at(date(2026, 1, 31)).a_until
        datetime.date(2026, 2, 28)
        """
        c.day()("as_of", as_of)
        cutoffs = {name: day for name, (_, day) in _cutoffs(self, as_of).items()}
        # computed from a checked policy and day: the validators are for data from outside
        return c.unchecked(BoundGradingPolicy, policy=self, as_of=as_of, **cutoffs)


def _cutoffs(policy: GradingPolicy, as_of: date) -> dict[str, tuple[str, date]]:
    """Each cut-off date of ``policy`` on ``as_of``, with how it is computed."""
    a, b, c_ = policy.horizons
    urgent, fairly, not_urgent = policy.urgency_horizons
    return {
        "stale_before": ("as_of - overdue_grace", as_of - policy.overdue_grace),
        "a_until": ("as_of + horizons[0]", as_of + a),
        "b_until": ("as_of + horizons[1]", as_of + b),
        "c_until": ("as_of + horizons[2]", as_of + c_),
        "urgent_until": ("as_of + urgency_horizons[0]", as_of + urgent),
        "fairly_urgent_until": ("as_of + urgency_horizons[1]", as_of + fairly),
        "not_urgent_until": ("as_of + urgency_horizons[2]", as_of + not_urgent),
    }


DEFAULT_GRADING = GradingPolicy()
"""The rule book's grading policy: A within 1 month, B 3, C 6 (rule G1)."""


@attrs.frozen(kw_only=True)
class BoundGradingPolicy:
    """A :class:`GradingPolicy` bound to one ``as_of`` day: the cut-off dates, computed once.

    Build it with :meth:`GradingPolicy.at`. Each ``*_until`` date is the last day
    (inclusive) of its band.

    Args:
        policy: The policy it was bound from.
        as_of: The reference day.
        stale_before: Expected close dates before this day are long past: the
            need grades ``D`` until the date is updated.
        a_until: The last expected close date that grades ``A``.
        b_until: The last that grades ``B``.
        c_until: The last that grades ``C``.
        urgent_until: The last due date that is urgent.
        fairly_urgent_until: The last due date that is fairly urgent.
        not_urgent_until: The last due date that is not urgent.

    Raises:
        InvalidInputError: If a field has the wrong type, or a cut-off date is not the
            one ``policy`` gives on ``as_of``.

    >>> from datetime import date
    >>> from custrel.grading import DEFAULT_GRADING
    >>> bound = DEFAULT_GRADING.at(date(2024, 2, 29))
    >>> bound.a_until, bound.urgent_until
    (datetime.date(2024, 3, 29), datetime.date(2024, 3, 7))
    >>> import attrs
    >>> attrs.evolve(bound, a_until=date(2024, 3, 30))
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: BoundGradingPolicy.a_until: expected as_of + horizons[0] (2024-03-29), got date datetime.date(2024, 3, 30)
    """  # noqa: E501 - a doctest output line

    policy: GradingPolicy = attrs.field(validator=c.checked(c.instance_of(GradingPolicy)))
    as_of: date = attrs.field(validator=c.checked(c.day()))
    # a period of up to 100 years from as_of: the cut-offs may pass 1000-01-01 or 8999-12-31
    stale_before: date = attrs.field(validator=c.checked(_CHECK_CUTOFF))
    a_until: date = attrs.field(validator=c.checked(_CHECK_CUTOFF))
    b_until: date = attrs.field(validator=c.checked(_CHECK_CUTOFF))
    c_until: date = attrs.field(validator=c.checked(_CHECK_CUTOFF))
    urgent_until: date = attrs.field(validator=c.checked(_CHECK_CUTOFF))
    fairly_urgent_until: date = attrs.field(validator=c.checked(_CHECK_CUTOFF))
    not_urgent_until: date = attrs.field(validator=c.checked(_CHECK_CUTOFF))

    def __attrs_post_init__(self) -> None:
        """Check that every cut-off date is the one the policy gives on ``as_of``."""
        for name, (how, day) in _cutoffs(self.policy, self.as_of).items():
            given = getattr(self, name)
            if given != day:
                raise InvalidInputError(
                    f"BoundGradingPolicy.{name}", given, f"{how} ({day.isoformat()})"
                )

    def grade(self, opportunity: Opportunity, /) -> Grade:
        """Grade an opportunity on this policy's ``as_of`` (rule G1).

        See :func:`grade` for the rule.

        Args:
            opportunity: The opportunity to grade.

        Returns:
            Its grade.

        Raises:
            InvalidInputError: If ``opportunity`` is not an Opportunity.

        >>> from datetime import date
        >>> from custrel.grading import DEFAULT_GRADING
        >>> from custrel.models import DealStatus, Need, Opportunity
        >>> bound = DEFAULT_GRADING.at(date(2026, 11, 22))
        >>> bound.grade(Opportunity(customer_id="c-1", need=Need.EXPLICIT,
        ...                         expected_close=date(2027, 2, 22),
        ...                         status=DealStatus.NEGOTIATING))
        <Grade.B: 'B'>
        """
        if opportunity.__class__ is not Opportunity and not isinstance(opportunity, Opportunity):
            raise InvalidInputError("opportunity", opportunity, "an Opportunity")
        need = opportunity.need
        if need is _EXPLICIT:  # rule G1: only an explicit need grades A-C
            close = opportunity.expected_close
            if (
                close is None
                or opportunity.status is _CLOSED
                or close < self.stale_before  # long past: the date must be updated
            ):
                return _D
            if close <= self.a_until:  # overdue within the grace counts as A: most urgent
                return _A
            if close <= self.b_until:
                return _B
            if close <= self.c_until:
                return _C
            return _D
        return _D if need is _POTENTIAL_NEED else _E

    def urgency(self, due: date | None, /) -> Urgency:
        """How urgent handling is by its due date, on this policy's ``as_of`` (rule G2).

        See :func:`urgency` for the rule.

        Args:
            due: When the customer must be handled, or ``None`` if nobody knows.

        Returns:
            The urgency.

        Raises:
            InvalidInputError: If ``due`` is neither a ``date`` nor ``None``.

        >>> from datetime import date
        >>> from custrel.grading import DEFAULT_GRADING
        >>> DEFAULT_GRADING.at(date(2026, 11, 22)).urgency(date(2026, 11, 29))
        <Urgency.URGENT: 'urgent'>
        """
        if due.__class__ is not date:  # the full check only for what is not a plain date
            _CHECK_DUE("due", due)
        if due is None:
            return _POTENTIAL
        if due <= self.urgent_until:
            return _URGENT
        if due <= self.fairly_urgent_until:
            return _FAIRLY_URGENT
        if due <= self.not_urgent_until:
            return _NOT_URGENT
        return _POTENTIAL
