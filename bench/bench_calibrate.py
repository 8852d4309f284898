"""Time backtest_lifecycle and calibrate_lifecycle on a generated portfolio.

Run: python bench/bench_calibrate.py [CUSTOMERS]   (pip install -e ".[bench]")

The portfolio of bench/bench_lifecycle.py (20,000 customers with 20 records each on
average by default: skewed counts, 2 % refunds, two zones), staged 180 days before its
last day and compared with who bought in the 210 days after. Prints the time of one
backtest and of one calibration (the grid of custrel.calibrate_lifecycle), and the
balanced accuracy of LAPSED before and after.
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta

from bench_lifecycle import AS_OF, make_data

from custrel.lifecycle import backtest_lifecycle, calibrate_lifecycle

AT = AS_OF - timedelta(days=180)
UNTIL = AS_OF + timedelta(days=30)


def main() -> None:
    """Print the two timings and the figures."""
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    data = make_data(customers, 20 * customers)
    start = time.perf_counter()
    backtest = backtest_lifecycle(data.purchases, at=AT, until=UNTIL)
    middle = time.perf_counter()
    found = calibrate_lifecycle(data.purchases, at=AT, until=UNTIL)
    end = time.perf_counter()
    print(f"{customers:,} customers, {len(data.purchases):,} purchases, staged on {AT}")
    print(f"  backtest_lifecycle   {middle - start:6.2f} s  ({backtest.customers:,} staged)")
    print(f"  calibrate_lifecycle  {end - middle:6.2f} s  ({found.tried} policies)")
    print(
        f"  balanced accuracy of LAPSED {found.before.lapsed.balanced_accuracy}"
        f" -> {found.after.lapsed.balanced_accuracy}"
    )


if __name__ == "__main__":
    main()
