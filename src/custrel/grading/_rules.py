"""Grading one opportunity or customer: A-E (rule G1), urgency, importance (G2), demand (G3)."""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal  # noqa: TC003 - documented in the signature
from typing import TYPE_CHECKING, cast

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.grading._grades import DemandGrade, Grade, Urgency
from custrel.grading._policy import DEFAULT_GRADING, BoundGradingPolicy, GradingPolicy
from custrel.models import DealStatus, Need, Opportunity

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["customer_grade", "demand_grade", "grade", "is_important", "urgency"]


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
