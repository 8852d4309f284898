"""Time add_working_days with China's calendar against a hand-written day-by-day loop.

Run: python bench/bench_workdays.py [CALLS]

The baseline is the loop custrel ran before working calendars: step one day at a time
and look each day up in two sets prepared beforehand. add_working_days(calendar=...)
checks its arguments and the years covered, walks short counts and jumps whole weeks
for long ones. The loose holidays= and workdays= lists are timed too: they are checked
on every call. All must agree.
"""

import functools
import random
import sys
import time
from datetime import date, timedelta

from custrel import Beyond, WorkCalendar, add_working_days

ONE_DAY = timedelta(days=1)


def main() -> None:
    """Time each way for short and long counts and print the times per call."""
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    china = WorkCalendar.china(beyond=Beyond.REFUSE)  # the published years only, as measured
    off, on = china.holidays, china.workdays
    off_list, on_list = sorted(off), sorted(on)
    rng = random.Random(14)
    starts = [date(2005, 1, 1) + timedelta(days=rng.randint(0, 6000)) for _ in range(calls)]

    def plain(start: date, n: int) -> date:
        day = start
        for _ in range(n):
            day += ONE_DAY
            while not (day in on or (day.weekday() < 5 and day not in off)):
                day += ONE_DAY
        return day

    def with_calendar(start: date, n: int) -> date:
        return add_working_days(start, n, calendar=china)

    def with_lists(start: date, n: int) -> date:
        return add_working_days(start, n, holidays=off_list, workdays=on_list)

    for n in (2, 250):
        ways = [
            ("hand-written loop over sets", functools.partial(plain, n=n)),
            ("add_working_days(calendar=)", functools.partial(with_calendar, n=n)),
            ("add_working_days(holidays=[...])", functools.partial(with_lists, n=n)),
        ]
        results = []
        print(f"add {n} working days, {calls:,} calls; best of 3 runs, per call")
        base = 0.0
        for label, way in ways:
            best = float("inf")
            for _ in range(3):
                begin = time.perf_counter()
                found = [way(d) for d in starts]
                best = min(best, time.perf_counter() - begin)
            results.append(found)
            base = base or best
            print(f"  {label:34s} {best / calls * 1e6:8.2f} us   {best / base:5.2f}x")
        if any(found != results[0] for found in results):
            sys.exit("the ways disagree")


if __name__ == "__main__":
    main()
