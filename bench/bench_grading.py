"""Time grade() over a million opportunities with one as_of, against a plain if/elif.

Run: python bench/bench_grading.py [N]

Prints the time of each loop and its ratio to the hand-written if/elif over the same
data with the same cut-off dates, all in one process.
"""

import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

from custrel import DEFAULT_GRADING, DealStatus, Grade, Need, Opportunity, grade

AS_OF = date(2026, 11, 22)


def _data(n: int) -> list[Opportunity]:
    rng = random.Random(20261122)
    needs = [Need.EXPLICIT] * 6 + [Need.POTENTIAL, Need.NONE]
    return [
        Opportunity(
            customer_id=f"c-{i}",
            need=rng.choice(needs),
            expected_close=None
            if rng.random() < 0.1
            else AS_OF + timedelta(days=rng.randint(-60, 300)),
            status=rng.choice([DealStatus.NEGOTIATING, DealStatus.POTENTIAL, DealStatus.CLOSED]),
        )
        for i in range(n)
    ]


def _baseline(opps: list[Opportunity]) -> list[Grade]:
    """The same rule as a hand-written if/elif with precomputed cut-off dates."""
    bound = DEFAULT_GRADING.at(AS_OF)
    stale, a, b, c = bound.stale_before, bound.a_until, bound.b_until, bound.c_until
    explicit, potential, closed = Need.EXPLICIT, Need.POTENTIAL, DealStatus.CLOSED
    out = []
    for o in opps:
        if o.need is explicit:
            close = o.expected_close
            if close is None or o.status is closed or close < stale:
                out.append(Grade.D)
            elif close <= a:
                out.append(Grade.A)
            elif close <= b:
                out.append(Grade.B)
            elif close <= c:
                out.append(Grade.C)
            else:
                out.append(Grade.D)
        elif o.need is potential:
            out.append(Grade.D)
        else:
            out.append(Grade.E)
    return out


def _plain(opps: list[Opportunity]) -> list[Grade]:
    return [grade(o, as_of=AS_OF) for o in opps]


def _bound(opps: list[Opportunity]) -> list[Grade]:
    bound = DEFAULT_GRADING.at(AS_OF)
    return [bound.grade(o) for o in opps]


def _best_of(
    runs: int, func: Callable[[list[Opportunity]], list[Grade]], opps: list[Opportunity]
) -> tuple[float, list[Grade]]:
    best, result = float("inf"), []
    for _ in range(runs):
        start = time.perf_counter()
        result = func(opps)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    """Build the data, time the three loops, print times and ratios."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    opps = _data(n)
    base_time, expected = _best_of(3, _baseline, opps)
    print(f"{n:,} opportunities, one as_of ({AS_OF}); best of 3 runs")
    print(f"  if/elif baseline    {base_time:7.3f} s   1.00x")
    for name, func in (("grade() plain call", _plain), ("policy.at().grade()", _bound)):
        elapsed, result = _best_of(3, func, opps)
        if result != expected:
            sys.exit(f"{name} disagrees with the baseline")
        print(f"  {name:19} {elapsed:7.3f} s   {elapsed / base_time:.2f}x")


if __name__ == "__main__":
    main()
