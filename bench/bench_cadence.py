"""Time agenda() for the top 100 of a million customers against heapq.nsmallest.

Run: python bench/bench_cadence.py [CUSTOMERS] [TOP]

The baseline is heapq.nsmallest over keys computed beforehand (days overdue, grade,
id): the selection alone. agenda() does all of it from (id, grade, last follow-up):
checks each entry, computes its due day, keeps the due ones and selects the top. Both
run in one process on the same data and must agree.
"""

import heapq
import random
import sys
import time
from datetime import date, timedelta

from custrel import Grade, agenda, next_due

AS_OF = date(2026, 11, 22)


def main() -> None:
    """Build the portfolio, time both, print the times and the ratio."""
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    rng = random.Random(3)
    grades = list(Grade)
    entries = [
        (
            f"c-{i:07d}",
            rng.choice(grades),
            None if rng.random() < 0.01 else AS_OF - timedelta(days=rng.randint(0, 400)),
        )
        for i in range(customers)
    ]
    dues = [(cid, g, next_due(g, last, as_of=AS_OF)) for cid, g, last in entries]
    keys = [(-(AS_OF - due).days, g, cid) for cid, g, due in dues if due <= AS_OF]

    steps = {g: timedelta(days=n) for g, n in zip(grades, (1, 7, 15, 30), strict=False)}

    def plain_keys() -> list[tuple[int, Grade, str]]:
        """Keys computed inline, no checks (yearly via next_due): a hand-written loop."""
        out = []
        for cid, g, last in entries:
            due = (
                AS_OF
                if last is None
                else (last + steps[g] if g in steps else next_due(g, last, as_of=AS_OF))
            )
            if due <= AS_OF:
                out.append(((due - AS_OF).days, g, cid))
        return heapq.nsmallest(top, out)

    best_base = best_ours = best_plain = float("inf")
    expected, result = [], []
    for _ in range(3):
        start = time.perf_counter()
        expected = heapq.nsmallest(top, keys)
        best_base = min(best_base, time.perf_counter() - start)
        start = time.perf_counter()
        plain = plain_keys()
        best_plain = min(best_plain, time.perf_counter() - start)
        start = time.perf_counter()
        result = agenda(entries, as_of=AS_OF, limit=top)
        best_ours = min(best_ours, time.perf_counter() - start)
    if [(-i.days_overdue, i.grade, i.customer_id) for i in result] != expected or plain != expected:
        sys.exit("agenda and heapq.nsmallest disagree")
    print(f"agenda top {top} of {customers:,} customers ({len(keys):,} due); best of 3 runs")
    print(f"  heapq.nsmallest on precomputed keys  {best_base:6.3f} s   1.00x")
    ratio = best_plain / best_base
    print(f"  hand-written key loop + nsmallest    {best_plain:6.3f} s   {ratio:.2f}x")
    print(
        f"  agenda() from (id, grade, last)      {best_ours:6.3f} s   {best_ours / best_base:.2f}x"
    )


if __name__ == "__main__":
    main()
