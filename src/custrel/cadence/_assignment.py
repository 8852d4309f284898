"""Who owns a customer (rule C5) and balanced assignment of leads (rule C6).

Public through :mod:`custrel.cadence`.
"""

from __future__ import annotations

import heapq
from datetime import datetime  # noqa: TC003 - attrs and cattrs read the annotations
from decimal import Decimal  # noqa: TC003 - documented in the signature
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["Claim", "assign_balanced", "owner_by_first_record"]


@attrs.frozen(kw_only=True)
class Claim:
    """A salesperson's record of a customer, for settling ownership (rule C5).

    Args:
        customer_id: The customer claimed.
        salesperson: Who claims them.
        recorded_at: When the salesperson recorded the customer (timezone-aware).

    >>> from datetime import datetime, timezone
    >>> from custrel.cadence import Claim
    >>> Claim(customer_id="c-1", salesperson="rep-2",
    ...       recorded_at=datetime(2026, 11, 2, 9, tzinfo=timezone.utc)).salesperson
    'rep-2'
    """

    customer_id: str = attrs.field(validator=c.checked(c.identifier))
    salesperson: str = attrs.field(validator=c.checked(c.identifier))
    recorded_at: datetime = attrs.field(validator=c.checked(c.instant()))


def owner_by_first_record(claims: Iterable[Claim], /) -> dict[str, str]:
    """Settle who owns each customer: the earliest record wins (rule C5).

    When two salespeople recorded a customer at the same instant, the one whose id
    sorts first wins, so the result never depends on the order of ``claims``. The
    manager has the final say: override the result where they decide otherwise.

    Args:
        claims: Every claim, in any order.

    Returns:
        Customer id to owning salesperson.

    Raises:
        InvalidInputError: If an item is not a :class:`Claim`.

    >>> from datetime import datetime, timezone
    >>> from custrel.cadence import Claim, owner_by_first_record
    >>> at = lambda h: datetime(2026, 11, 2, h, tzinfo=timezone.utc)
    >>> owner_by_first_record([
    ...     Claim(customer_id="c-1", salesperson="rep-2", recorded_at=at(9)),
    ...     Claim(customer_id="c-1", salesperson="rep-1", recorded_at=at(10)),
    ...     Claim(customer_id="c-2", salesperson="rep-3", recorded_at=at(9)),
    ...     Claim(customer_id="c-2", salesperson="rep-1", recorded_at=at(9)),
    ... ])
    {'c-1': 'rep-2', 'c-2': 'rep-1'}
    """
    best: dict[str, tuple[datetime, str]] = {}
    c.iterable("claims", claims, "Claim")
    for index, claim in enumerate(claims):
        if not isinstance(claim, Claim):
            raise InvalidInputError(f"claims[{index}]", claim, "a Claim")
        key = (claim.recorded_at, claim.salesperson)
        current = best.get(claim.customer_id)
        if current is None or key < current:
            best[claim.customer_id] = key
    return {customer: owner for customer, (_, owner) in best.items()}


_ABILITY = c.fraction(above=True)  # rule C6: a weight, dimensionless, so a float is taken


def _ability(rep: object, weight: object) -> Fraction:
    c.identifier("reps key", rep)
    return Fraction(_ABILITY(f"reps[{rep!r}]", weight))


def assign_balanced(
    leads: Iterable[str],
    reps: Mapping[str, Decimal | float],
    /,
    *,
    current: Mapping[str, int] | None = None,
) -> dict[str, str]:
    """Assign campaign leads so that each salesperson's load follows their ability (C6).

    Each lead, in the order given, goes to the salesperson whose load after taking it,
    divided by their ability weight, is smallest (ties: the id that sorts first). So a
    salesperson of weight 2 ends with about twice the leads of one of weight 1, and no
    salesperson's weighted load exceeds another's by more than one lead: for any two,
    ``load_a / w_a <= (load_b + 1) / w_b``. The result is deterministic.

    Args:
        leads: The lead (customer) ids, each once.
        reps: Salesperson id to ability weight (> 0): a ``Decimal``, ``int`` or
            ``float``, a float taken as the decimal it is written as (``1.5``).
        current: Leads each salesperson already holds (0 when absent).

    Returns:
        Lead id to salesperson.

    Raises:
        InvalidInputError: If there is no salesperson, a weight is not positive, a
            lead repeats or a count is negative.

    >>> from custrel.cadence import assign_balanced
    >>> result = assign_balanced([f"l-{i}" for i in range(9)], {"senior": 2, "junior": 1})
    >>> sorted(result.values()).count("senior"), sorted(result.values()).count("junior")
    (6, 3)
    >>> result = assign_balanced([f"l-{i}" for i in range(5)], {"senior": 1.5, "junior": 1})
    >>> sorted(result.values()).count("senior"), sorted(result.values()).count("junior")
    (3, 2)
    """
    if not hasattr(reps, "items") or not reps:
        raise InvalidInputError("reps", reps, "a non-empty mapping of salesperson to weight")
    weights = {rep: _ability(rep, weight) for rep, weight in reps.items()}
    loads = dict.fromkeys(weights, 0)
    if current is not None and not hasattr(current, "items"):
        raise InvalidInputError("current", current, "a mapping of salesperson to leads held")
    for rep, held in (current or {}).items():
        if rep not in weights:
            raise InvalidInputError(f"current[{rep!r}]", rep, "a salesperson listed in reps")
        c.count(0)(f"current[{rep!r}]", held)
        loads[rep] = held
    heap = [((loads[rep] + 1) / weights[rep], rep) for rep in weights]
    heapq.heapify(heap)
    result: dict[str, str] = {}
    c.iterable("leads", leads, "lead ids")
    for index, lead in enumerate(leads):
        c.identifier(f"leads[{index}]", lead)
        if lead in result:
            raise InvalidInputError(f"leads[{index}]", lead, "each lead once")
        _, rep = heapq.heappop(heap)
        result[lead] = rep
        loads[rep] += 1
        heapq.heappush(heap, ((loads[rep] + 1) / weights[rep], rep))
    return result
