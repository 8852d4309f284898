"""backtest_lifecycle and calibrate_lifecycle on CDNOW (issue 23 items 7-8).

Run: python bench/backtest_cdnow.py [PATH/TO/CDNOW_master.txt | PATH/TO/lifetimes.whl]

Stages every CDNOW customer at 1997-06-30, 1997-09-30 and 1997-12-31 and compares with
who bought again by 1998-06-30 (the end of the data), as bench/compare_lifecycle.py
does, with the library's own backtest; then calibrates at each date and prints the
balanced accuracy of LAPSED before and after, the fields changed and the time taken.
"""

from __future__ import annotations

import time
from datetime import date
from sys import argv

from calibrate_lifecycle import load

from custrel.lifecycle import backtest_lifecycle, calibrate_lifecycle

DATES = (date(1997, 6, 30), date(1997, 9, 30), date(1997, 12, 31))
END = date(1998, 6, 30)


def main() -> None:
    """Print one line per date: the four calls, then the calibration."""
    purchases = [
        p for history in load(argv[1] if len(argv) > 1 else None).values() for p in history
    ]
    for at in DATES:
        result = backtest_lifecycle(purchases, at=at, until=END)
        calls = ", ".join(
            f"{name} {getattr(result, name).balanced_accuracy}"
            for name in (
                "lapsed",
                "at_risk_or_lapsed",
                "silent_over_90_days",
                "silent_over_180_days",
            )
        )
        print(
            f"{at}: {result.customers:,} customers, {result.bought_again:,} bought again; {calls}"
        )
        start = time.perf_counter()
        found = calibrate_lifecycle(purchases, at=at, until=END)
        seconds = time.perf_counter() - start
        print(
            f"  calibrated ({found.tried} policies, {seconds:.0f} s): LAPSED "
            f"{found.before.lapsed.balanced_accuracy} -> {found.after.lapsed.balanced_accuracy}"
            f", changed {found.changes() or 'nothing'}"
        )


if __name__ == "__main__":
    main()
