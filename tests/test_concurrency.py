"""The rules give the same answers from many threads at once as from one (issue 15).

The rules keep private caches (bound grading policies, lifecycle cut-off dates, RFM
segment tables); this runs the rules from several threads over the same inputs, with
the interpreter switching threads as often as it can, and compares every answer with
the single-threaded one.
"""

import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from custrel import (
    DealStatus,
    Grade,
    GradingPolicy,
    LifecyclePolicy,
    Need,
    Opportunity,
    Purchase,
    TierCuts,
    grade,
    lifecycle_stage,
    next_due,
)
from custrel.grading import _rules as grading
from custrel.lifecycle import _policy as lifecycle

_THREADS = 8
_START = date(2026, 1, 1)
_GRADING = (GradingPolicy(), GradingPolicy.from_dict({"overdue_grace": {"days": 3}}))
_LIFECYCLE = (LifecyclePolicy(), LifecyclePolicy(new_days=30, window_days=60))
_CUTS = TierCuts.from_values({f"c-{i}": i for i in range(1, 201)})


@pytest.fixture(autouse=True)
def _switch_often() -> Iterator[None]:
    """Make the interpreter switch threads every microsecond, to interleave them."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def _purchases(n: int) -> tuple[Purchase, ...]:
    return tuple(
        Purchase(
            customer_id="c-1",
            at=datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=7 * k + n % 5),
            product="tea",
            amount=Decimal(10 + (n * k) % 90),
        )
        for k in range(n % 12)
    )


def _answers(n: int) -> tuple[object, ...]:
    """Every rule's answer for the ``n``-th input."""
    as_of = _START + timedelta(days=n % 400)
    deal = Opportunity(
        customer_id="c-1",
        need=Need.EXPLICIT,
        expected_close=_START + timedelta(days=(n * 7) % 300),
        status=DealStatus.POTENTIAL,
    )
    return (
        grade(deal, as_of=as_of, policy=_GRADING[n % 2]),
        _CUTS.tier_of(n % 250),
        next_due(Grade("ABCDE"[n % 5]), as_of - timedelta(days=n % 40), as_of=as_of),
        lifecycle_stage(_purchases(n), as_of=as_of, policy=_LIFECYCLE[n % 2]),
    )


def _clear() -> None:
    grading._bound.cache_clear()
    lifecycle._bound.cache_clear()


def test_rules_answer_alike_from_many_threads() -> None:
    inputs = range(600)  # more distinct (policy, day) pairs than the caches hold
    _clear()
    alone = [_answers(n) for n in inputs]
    _clear()
    with ThreadPoolExecutor(max_workers=_THREADS) as pool:
        together = list(pool.map(_answers, inputs))
    assert together == alone


@pytest.mark.parametrize(
    ("cached", "bound"),
    [(grading._bound, 128), (lifecycle._bound, 64)],
    ids=["grading", "lifecycle"],
)
def test_rule_caches_are_bounded(cached: Callable[..., object], bound: int) -> None:
    _clear()
    for n in range(600):
        _answers(n)
    info = cached.cache_info()  # type: ignore[attr-defined]
    assert info.maxsize == bound
    assert info.currsize == bound  # full, and no fuller
