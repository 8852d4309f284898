"""The lifecycle of a whole portfolio: each customer's stage and the count per stage."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.lifecycle._explain import _check_development, _check_highest
from custrel.lifecycle._history import _History
from custrel.lifecycle._policy import DEFAULT_LIFECYCLE, LifecyclePolicy, Stage, _bind, _Bound

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from datetime import date

    from custrel.models import Complaint, Purchase

__all__ = ["CustomerStage", "portfolio_stages", "stage_counts"]


# A portfolio ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CustomerStage:
    """One customer's stage in a portfolio view (:func:`portfolio_stages`).

    Args:
        customer_id: The customer.
        stage: Their stage on ``as_of``.
        highest: The furthest stage of development they reached.

    Raises:
        InvalidInputError: If a field has the wrong type, or ``highest`` is not a stage
            of development as far as ``stage`` shows: ACTIVE or GROWING under AT_RISK,
            NEW or further for a customer who bought, PROSPECT for one who did not.

    >>> from custrel.lifecycle import CustomerStage, Stage
    >>> CustomerStage(customer_id="c-1", stage=Stage.AT_RISK, highest=Stage.GROWING).highest
    <Stage.GROWING: 'growing'>
    >>> CustomerStage(customer_id="c-1", stage=Stage.ACTIVE, highest=Stage.NEW)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: CustomerStage.highest: expected 'active' or 'growing' for stage 'active', got Stage <Stage.NEW: 'new'>
    """  # noqa: E501 - a doctest output line

    customer_id: str = attrs.field(validator=c.checked(c.identifier))
    stage: Stage = attrs.field(validator=c.checked(c.member(Stage)))
    highest: Stage = attrs.field(validator=c.checked(_check_development))

    def __attrs_post_init__(self) -> None:
        """Check that the highest stage is as far as the stage shows."""
        _check_highest("CustomerStage", self.stage, self.highest)


def _customers(
    customers: Iterable[object], bound: _Bound, *, highest: bool
) -> Iterator[tuple[str, Stage, Stage]]:
    for index, item in enumerate(customers):
        if not isinstance(item, tuple) or len(item) != 3:  # noqa: PLR2004 - a triple
            raise InvalidInputError(
                f"customers[{index}]", item, "a (customer_id, purchases, complaints) tuple"
            )
        customer_id, purchases, complaints = item
        c.identifier(f"customers[{index}][0]", customer_id)
        try:
            history = _History(purchases, complaints, bound, customer_id)
        except InvalidInputError as exc:
            raise InvalidInputError(
                f"customers[{index}].{exc.field}", exc.value, exc.expected, hint=exc.hint
            ) from None
        stage = history.now().stage
        yield customer_id, stage, history.highest() if highest else stage


def _checked_customers(customers: object) -> Iterable[object]:
    c.iterable("customers", customers, "(customer_id, purchases, complaints)")
    return cast("Iterable[object]", customers)


def portfolio_stages(
    customers: Iterable[tuple[str, Iterable[Purchase], Iterable[Complaint]]],
    /,
    *,
    as_of: date,
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
) -> Iterator[CustomerStage]:
    """Stream the stage of many customers, one at a time (rules L1-L4).

    Each item is ``(customer_id, purchases, complaints)`` with that customer's records;
    the result comes lazily, in input order, so a generator of histories read from a
    file is staged in constant memory.

    Args:
        customers: The customers' histories.
        as_of: The reference day.
        policy: The thresholds; the calibrated defaults unless given.

    Returns:
        An iterator of each customer's id, stage and highest stage.

    Raises:
        InvalidInputError: At once if ``as_of``, ``policy`` or ``customers`` is of the
            wrong type; while iterating, if an item is not such a triple or a record
            belongs to another customer.

    >>> from datetime import date
    >>> [s.stage for s in portfolio_stages([("c-1", [], [])], as_of=date(2026, 11, 22))]
    [<Stage.PROSPECT: 'prospect'>]
    """
    bound = _bind(policy, as_of)
    # from checked histories: the validators are for data from outside
    return (
        c.unchecked(CustomerStage, customer_id=customer_id, stage=stage, highest=highest)
        for customer_id, stage, highest in _customers(
            _checked_customers(customers), bound, highest=True
        )
    )


def stage_counts(
    customers: Iterable[tuple[str, Iterable[Purchase], Iterable[Complaint]]],
    /,
    *,
    as_of: date,
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
) -> dict[Stage, int]:
    """How many customers are in each stage, for a dashboard (rules L1-L4).

    Args:
        customers: ``(customer_id, purchases, complaints)`` triples, as for
            :func:`portfolio_stages`.
        as_of: The reference day.
        policy: The thresholds; the calibrated defaults unless given.

    Returns:
        Every stage, in :class:`Stage` order, with its count (zero included).

    Raises:
        InvalidInputError: As :func:`portfolio_stages`.

    >>> from datetime import date
    >>> counts = stage_counts([("c-1", [], []), ("c-2", [], [])], as_of=date(2026, 11, 22))
    >>> counts[Stage.PROSPECT], counts[Stage.LAPSED]
    (2, 0)
    """
    bound = _bind(policy, as_of)
    counts = dict.fromkeys(Stage, 0)
    for _, stage, _ in _customers(_checked_customers(customers), bound, highest=False):
        counts[stage] += 1
    return counts
