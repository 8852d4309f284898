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

import functools
from decimal import Decimal
from typing import TYPE_CHECKING

from custrel import _checks as c
from custrel.errors import InvalidInputError, PolicyError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


CONTEXT = c.CONTEXT
"""The decimal context of every loyalty computation: 28 digits, banker's rounding."""

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def _check_share(optional: bool, name: str, value: object) -> None:  # noqa: FBT001
    """Refuse ``value`` unless it is a ``Decimal`` or ``int`` in 0..1 (``None`` if optional).

    Neither ``bool`` nor ``float`` is taken.

    Module-level and bound with :func:`functools.partial` below, so the check itself
    runs when a value is checked, not once at import (mutation testing reaches it).
    """
    if value is None and optional:
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, Decimal | int)
        or (isinstance(value, Decimal) and not value.is_finite())
        or not 0 <= value <= 1
    ):
        hint = (
            f"pass Decimal({str(value)!r}); floats are refused so scores stay exact"
            if isinstance(value, float)
            else ""
        )
        expected = "a Decimal or int in 0..1" + (" or None" if optional else "")
        raise InvalidInputError(name, value, expected, hint=hint)


SHARE: c.Check = functools.partial(_check_share, False)  # noqa: FBT003
"""A ``Decimal`` or ``int`` (not ``bool``, not ``float``) in 0..1."""
OPTIONAL_SHARE: c.Check = functools.partial(_check_share, True)  # noqa: FBT003
"""As :data:`SHARE`, or ``None`` (not known)."""


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
    """A finite ``Decimal`` above 0 and at most (or below) ``high``; tuning arguments."""
    if (
        not isinstance(value, Decimal)
        or not value.is_finite()
        or value <= 0
        or value > high
        or (value == high and not inclusive)
    ):
        bound = "at most" if inclusive else "below"
        raise InvalidInputError(name, value, f"a Decimal above 0 and {bound} {high}", hint=hint)
    return value
