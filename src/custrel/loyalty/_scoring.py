"""Exact weighted scores and the checks the loyalty rules share; private.

Public through :mod:`custrel.loyalty`. Every score here is a weighted mean of
*points* in 0..1, one per known measure, renormalised over the measures that are
known (rules Y1, Y4). Arithmetic runs in one fixed decimal context, so a result never
depends on the caller's :func:`decimal.getcontext`.

Why the scores are monotone: each measure's points are a clipped linear map of the
measure (non-decreasing or non-increasing, as the rule says), every step (division,
product, sum, the final rounding) is a correctly rounded decimal operation, and
correct rounding is itself non-decreasing; a composition of non-decreasing maps is
non-decreasing, and the weights (>= 0) and the set of known measures do not change
when one measure moves.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from custrel import _checks as c
from custrel.errors import PolicyError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


CONTEXT = c.CONTEXT
"""The decimal context of every loyalty computation: 28 digits, banker's rounding."""

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


SHARE = c.fraction(0, 1)
"""A share in 0..1: a ``Decimal``, ``int`` or ``float`` (taken exactly; not ``bool``)."""
OPTIONAL_SHARE = c.fraction(0, 1, optional=True)
"""As :data:`SHARE`, or ``None`` (not known)."""
WEIGHT = c.policy(c.fraction())
"""A policy weight, >= 0: dimensionless, so a ``float`` is taken exactly."""


positive = c.money(positive=True)
"""A finite ``Decimal`` above zero (an ``int`` is converted before)."""


def number(value: Decimal | int) -> Decimal:
    """``value`` as a ``Decimal`` (an ``int`` converted exactly)."""
    return value if isinstance(value, Decimal) else Decimal(value)


def clip(value: Decimal) -> Decimal:
    """``value`` clipped to 0..1."""
    return min(max(value, ZERO), ONE)


def ratio(value: Decimal | int, full: Decimal | int) -> Decimal:
    """``value / full`` clipped to 0..1 (``full`` > 0): points that saturate at ``full``."""
    return clip(CONTEXT.divide(number(value), number(full)))


def total(values: Iterable[Decimal]) -> Decimal:
    """The sum of ``values`` in the fixed context (exact below 10**15, as money is)."""
    result = ZERO
    for value in values:
        result = CONTEXT.add(result, value)
    return result


def weighted(terms: Sequence[tuple[Decimal, Decimal]]) -> Decimal:
    """The weighted mean, in 0..1, of ``(points, weight)`` pairs with points in 0..1.

    The caller has checked that the total weight is above zero. The ``min`` keeps a
    rounding of the quotient from passing 1; it is non-decreasing, so monotonicity holds.
    """
    total = ZERO
    weights = ZERO
    for points, weight in terms:
        total = CONTEXT.add(total, CONTEXT.multiply(points, weight))
        weights = CONTEXT.add(weights, weight)
    return min(CONTEXT.divide(total, weights), ONE)


def score(mean: Decimal) -> Decimal:
    """A mean in 0..1 as a score in 0..100 with two decimals."""
    return CONTEXT.multiply(mean, HUNDRED).quantize(CENT, context=CONTEXT)


def check_weights(policy: object, weights: Sequence[tuple[str, Decimal]]) -> None:
    """Refuse a policy whose every weight is zero: it could score nothing."""
    if all(w == 0 for _, w in weights):
        name = type(policy).__name__
        raise PolicyError(
            f"{name}.{weights[0][0]}",
            weights[0][1],
            "at least one weight above 0",
            hint="every weight of the policy is 0",
        )


def bounded(name: str, value: object, *, high: Decimal, inclusive: bool, hint: str) -> Decimal:
    """A number above 0 and at most (or below) ``high``, as an exact ``Decimal``; tuning arguments.

    A ``float`` is taken as the decimal it is written as (:func:`custrel._checks.exact`).
    """
    return c.fraction(0, high, above=True, below=not inclusive, hint=hint)(name, value)
