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

from __future__ import annotations

import enum
import functools
from datetime import date
from decimal import Decimal  # noqa: TC003 - documented in the signature
from typing import TYPE_CHECKING, Any, cast

import attrs
from dateutil.relativedelta import relativedelta

from custrel import _checks as c
from custrel._periods import check_period, check_periods, describe
from custrel._policy import Policy
from custrel.errors import InvalidInputError
from custrel.models import DealStatus, Need, Opportunity

if TYPE_CHECKING:
    from collections.abc import Iterable

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


@functools.lru_cache(maxsize=128)
def _bound(policy: GradingPolicy, as_of: date) -> BoundGradingPolicy:
    """Bound policies, cached: a loop over one ``as_of`` binds once (thread-safe)."""
    return policy.at(as_of)


_CHECK_AS_OF = c.day()
_last_bound = DEFAULT_GRADING.at(date(2000, 1, 1))  # the most recent binding, for loops


def _bind(policy: GradingPolicy, as_of: date) -> BoundGradingPolicy:
    """The policy bound to ``as_of``: the last one if it matches, else from the cache.

    Replacing the single reference ``_last_bound`` is atomic, so threads that race
    here at worst bind twice.
    """
    global _last_bound  # noqa: PLW0603 - a private one-entry cache in front of the LRU
    last = _last_bound
    if last.policy is policy and last.as_of == as_of and type(as_of) is date:
        return last
    given: object = policy
    if not isinstance(given, GradingPolicy):
        raise InvalidInputError("policy", policy, "a GradingPolicy")
    _CHECK_AS_OF("as_of", as_of)
    _last_bound = bound = _bound(policy, as_of)
    return bound


def grade(
    opportunity: Opportunity, /, *, as_of: date, policy: GradingPolicy = DEFAULT_GRADING
) -> Grade:
    """Grade an opportunity A-E by how soon the customer can deal (rule G1).

    - No need (死亡客户): ``E``.
    - Potential need (潜在需求): ``D``.
    - Explicit need (明显的业务需求) with the expected close date on or before
      ``as_of`` + 1 month: ``A`` (a date already past is overdue, the most urgent,
      for up to 1 month, the policy's ``overdue_grace``; a date passed longer ago is
      stale and grades ``D`` until it is updated); + 3 months: ``B``; + 6 months:
      ``C``; later: ``D``. Calendar months, bounds inclusive.
    - Explicit need with no expected close date, or a deal already closed
      (:attr:`~custrel.models.DealStatus.CLOSED`, nothing left to close): ``D``.

    Args:
        opportunity: The opportunity to grade.
        as_of: The reference day.
        policy: The horizons; the rule book's by default.

    Returns:
        The grade.

    Raises:
        InvalidInputError: If an argument is of the wrong type.

    >>> from datetime import date
    >>> from custrel.models import DealStatus, Need, Opportunity
    >>> def opp(close):
    ...     return Opportunity(customer_id="c-1", need=Need.EXPLICIT, expected_close=close,
    ...                        status=DealStatus.NEGOTIATING)
    >>> [grade(opp(d), as_of=date(2026, 1, 31)).value
    ...  for d in (date(2026, 2, 28), date(2026, 3, 1), date(2026, 7, 31), date(2026, 8, 1))]
    ['A', 'B', 'C', 'D']
    >>> grade(opp(None), as_of="2026-01-31")
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: as_of: expected a date, got str '2026-01-31'
    """
    bound = _last_bound  # the fast path of _bind, inlined: grade() runs in loops
    if bound.as_of is not as_of or bound.policy is not policy:
        bound = _bind(policy, as_of)
    return bound.grade(opportunity)


def customer_grade(
    opportunities: Iterable[Opportunity],
    /,
    *,
    as_of: date,
    policy: GradingPolicy = DEFAULT_GRADING,
    customer_id: str | None = None,
) -> Grade:
    """A customer's grade from all their opportunities (rule G1).

    The best grade of their open opportunities (any status but closed): the customer
    is worth following up as often as their most promising deal asks. With every
    opportunity closed, the best of their grades (D for a need, E for none). A
    customer with no opportunity has no grade and is refused: grade them by recording
    one (a potential need is ``D``).

    Args:
        opportunities: One customer's opportunities, in any order.
        as_of: The reference day.
        policy: The horizons; the rule book's by default.
        customer_id: The customer they must all belong to; by default, the first's.

    Returns:
        The grade.

    Raises:
        InvalidInputError: If there is no opportunity, an item is not an Opportunity,
            or they belong to different customers.

    >>> from datetime import date
    >>> from custrel.models import DealStatus, Need, Opportunity
    >>> deals = [Opportunity(customer_id="c-1", need=Need.POTENTIAL, status=DealStatus.POTENTIAL),
    ...          Opportunity(customer_id="c-1", need=Need.EXPLICIT, status=DealStatus.NEGOTIATING,
    ...                      expected_close=date(2027, 1, 15))]
    >>> customer_grade(deals, as_of=date(2026, 11, 22))
    <Grade.B: 'B'>
    >>> customer_grade([], as_of=date(2026, 11, 22))
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: opportunities: expected at least one opportunity, got list []
    """
    bound = _bind(policy, as_of)
    c.iterable("opportunities", opportunities, "Opportunity")
    given = list(opportunities)
    if not given:
        raise InvalidInputError("opportunities", given, "at least one opportunity")
    owner = customer_id
    best_open: Grade | None = None
    best_closed: Grade | None = None
    for index, opportunity in enumerate(given):
        if not isinstance(opportunity, Opportunity):
            raise InvalidInputError(f"opportunities[{index}]", opportunity, "an Opportunity")
        if owner is None:
            owner = opportunity.customer_id
        elif opportunity.customer_id != owner:
            raise InvalidInputError(
                f"opportunities[{index}].customer_id",
                opportunity.customer_id,
                f"the same customer as the others ({owner!r})",
            )
        result = bound.grade(opportunity)
        if opportunity.status is DealStatus.CLOSED:
            best_closed = result if best_closed is None else min(best_closed, result)
        else:
            best_open = result if best_open is None else min(best_open, result)
    return best_open if best_open is not None else cast("Grade", best_closed)


def urgency(
    due: date | None, /, *, as_of: date, policy: GradingPolicy = DEFAULT_GRADING
) -> Urgency:
    """How urgently a customer must be handled, by the day it is due (rule G2).

    Due on or before ``as_of`` + 1 week (overdue included): urgent (紧急); + 1
    month: fairly urgent (较紧急); + 3 months: not urgent (不紧急); later, or no due
    date at all: potential (潜在). Bounds are inclusive.

    Args:
        due: When the customer must be handled, or ``None``.
        as_of: The reference day.
        policy: The horizons; the rule book's by default.

    Returns:
        The urgency.

    Raises:
        InvalidInputError: If an argument is of the wrong type.

    >>> from datetime import date
    >>> urgency(date(2026, 12, 22), as_of=date(2026, 11, 22))
    <Urgency.FAIRLY_URGENT: 'fairly_urgent'>
    >>> urgency(None, as_of=date(2026, 11, 22))
    <Urgency.POTENTIAL: 'potential'>
    """
    bound = _last_bound  # the fast path of _bind, inlined: urgency() runs in loops
    if bound.as_of is not as_of or bound.policy is not policy:
        bound = _bind(policy, as_of)
    return bound.urgency(due)


def is_important(amount: Decimal | int | None, /, *, threshold: Decimal | int) -> bool:
    """Whether a customer is important by attainable amount (rule G2: 重要程度).

    Reaching the threshold counts: an amount equal to it is important. An unknown
    amount (``None``) is not important, since nothing shows that it is.

    Args:
        amount: The attainable deal amount or business potential (可成交额度).
        threshold: The caller's threshold.

    Returns:
        ``True`` if ``amount >= threshold``.

    Raises:
        InvalidInputError: If either is not a non-negative ``Decimal`` or ``int``
            (floats are refused).

    >>> from decimal import Decimal
    >>> is_important(Decimal("50000"), threshold=50000)
    True
    >>> is_important(49999.99, threshold=50000)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: amount: expected a finite Decimal or int >= 0 or None, got float 49999.99; pass Decimal('49999.99'); floats cannot hold money exactly
    """  # noqa: E501 - a doctest output line
    c.money()("threshold", c.to_money(threshold))
    if amount is None:
        return False
    c.money(optional=True)("amount", c.to_money(amount))
    return amount >= threshold


def demand_grade(need: Need, /, *, large: bool, urgent: bool) -> DemandGrade:
    """The sales manager's demand grade (rule G3).

    ``A``: an explicit need that is both large and urgent. ``B``: any other explicit
    need (ordinary, the customer has the idea). ``C``: a potential need, whatever its
    size. A customer with no need has no demand grade: their grade is ``E``
    (:func:`grade`), so ``Need.NONE`` is refused rather than put in ``C``.

    Args:
        need: The need status.
        large: Whether the need is large (by the manager's market data).
        urgent: Whether it is urgent.

    Returns:
        The demand grade.

    Raises:
        InvalidInputError: If ``need`` is ``Need.NONE`` or an argument has the wrong
            type.

    >>> from custrel.models import Need
    >>> demand_grade(Need.EXPLICIT, large=True, urgent=True)
    <DemandGrade.A: 'A'>
    >>> demand_grade(Need.EXPLICIT, large=True, urgent=False)
    <DemandGrade.B: 'B'>
    >>> demand_grade(Need.NONE, large=False, urgent=False)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: need: expected an explicit or potential need, got Need <Need.NONE: 'none'>; a customer with no need has grade E, not a demand grade
    """  # noqa: E501 - a doctest output line
    c.member(Need)("need", need)
    c.flag("large", large)
    c.flag("urgent", urgent)
    if need is Need.NONE:
        raise InvalidInputError(
            "need",
            need,
            "an explicit or potential need",
            hint="a customer with no need has grade E, not a demand grade",
        )
    if need is Need.POTENTIAL:
        return DemandGrade.C
    return DemandGrade.A if large and urgent else DemandGrade.B


@attrs.frozen(kw_only=True)
class GradeExplanation:
    """Why an opportunity got its grade, for the salesperson who asks.

    Args:
        grade: The grade.
        rules: The rule IDs applied, such as ``("G1",)``.
        reason_en: The reason in English.
        reason_zh: The reason in Chinese.
        policy_fingerprint: The fingerprint of the policy that graded it.

    Raises:
        InvalidInputError: If a field has the wrong type.

    >>> from datetime import date
    >>> from custrel.grading import explain_grade
    >>> from custrel.models import DealStatus, Need, Opportunity
    >>> why = explain_grade(Opportunity(customer_id="c-1", need=Need.POTENTIAL,
    ...                                 status=DealStatus.POTENTIAL), as_of=date(2026, 11, 22))
    >>> why.grade, why.reason_en
    (<Grade.D: 'D'>, 'potential need: grade D')
    """

    grade: Grade = attrs.field(validator=c.checked(c.member(Grade)))
    rules: tuple[str, ...] = attrs.field(validator=c.checked(c.items(c.identifier, "rule IDs")))
    reason_en: str = attrs.field(validator=c.checked(c.text))
    reason_zh: str = attrs.field(validator=c.checked(c.text))
    policy_fingerprint: str = attrs.field(validator=c.checked(c.fingerprint))


def _reasons(  # noqa: PLR0911 - one return per case of rule G1 reads best
    bound: BoundGradingPolicy, opportunity: Opportunity, result: Grade
) -> tuple[str, str]:
    need = opportunity.need
    close = opportunity.expected_close
    if need is Need.NONE:
        return "no need: a dead customer, grade E", "无需求：死亡客户，E级"
    if need is Need.POTENTIAL:
        return "potential need: grade D", "潜在需求：D级"
    if opportunity.status is DealStatus.CLOSED:
        return (
            "explicit need, but the deal is already closed and nothing is left to close: grade D",
            "明显需求，但已成交，无待成交业务：D级",
        )
    if close is None:
        return (
            "explicit need, but no expected close date: grade D",
            "明显需求，但未定预计成交日期：D级",
        )
    day, as_of = close.isoformat(), bound.as_of.isoformat()
    if close < bound.stale_before:
        grace = bound.policy.overdue_grace
        return (
            (
                f"explicit need, but expected close {day} is more than {describe(grace)} past"
                f" ({as_of}): expected close date long past: update it; grade D"
            ),
            (
                f"明显需求，但预计成交日 {day} 已过去超过 {describe(grace, 'zh')}（{as_of}）："
                "预计成交日早已过期，请更新；D级"
            ),
        )
    if close < bound.as_of:
        return (
            f"explicit need, expected close {day} has passed ({as_of}): overdue, grade A",
            f"明显需求，预计成交日 {day} 已过（{as_of}）：逾期，A级",
        )
    horizons = dict(zip((Grade.A, Grade.B, Grade.C), bound.policy.horizons, strict=True))
    if result is Grade.D:
        far = bound.policy.horizons[-1]
        return (
            (
                f"explicit need, expected close {day} is more than {describe(far)} after {as_of}"
                ": grade D"
            ),
            f"明显需求，预计成交日 {day} 在 {as_of} 起 {describe(far, 'zh')} 之后：D级",
        )
    horizon = horizons[result]
    return (
        (
            f"explicit need, expected close {day} is within {describe(horizon)} of {as_of}:"
            f" grade {result.value}"
        ),
        f"明显需求，预计成交日 {day} 在 {as_of} 起 {describe(horizon, 'zh')} 内：{result.value}级",
    )


def explain_grade(
    opportunity: Opportunity, /, *, as_of: date, policy: GradingPolicy = DEFAULT_GRADING
) -> GradeExplanation:
    """Grade an opportunity and say why, in English and Chinese (rules G1, G2).

    Args:
        opportunity: The opportunity to grade.
        as_of: The reference day.
        policy: The horizons; the rule book's by default.

    Returns:
        The grade with the rule IDs, the reasons and the policy's fingerprint.

    Raises:
        InvalidInputError: If an argument is of the wrong type.

    >>> from datetime import date
    >>> from custrel.models import DealStatus, Need, Opportunity
    >>> why = explain_grade(Opportunity(customer_id="c-1", need=Need.EXPLICIT,
    ...                                 expected_close=date(2026, 12, 10),
    ...                                 status=DealStatus.NEGOTIATING), as_of=date(2026, 11, 22))
    >>> print(why.reason_en)
    explicit need, expected close 2026-12-10 is within 1 month of 2026-11-22: grade A
    >>> print(why.reason_zh)
    明显需求，预计成交日 2026-12-10 在 2026-11-22 起 1个月 内：A级
    """
    bound = _bind(policy, as_of)
    result = bound.grade(opportunity)
    english, chinese = _reasons(bound, opportunity, result)
    return GradeExplanation(
        grade=result,
        rules=("G1", "G2"),
        reason_en=english,
        reason_zh=chinese,
        policy_fingerprint=policy.fingerprint(),
    )
