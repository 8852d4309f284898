"""Time the HTML page of a portfolio's agenda against ranking the portfolio once a row.

Run: python bench/bench_page.py [--customers N ...]   (default 2,000 and 20,000)

For each size, a generated portfolio (string ids, money with cents, aware timestamps,
a skewed number of purchases a customer: the demo's generator) is judged once as
``custrel agenda`` judges it; then the page (every due row, with each row's tier
reason) is built three times and the median printed, beside the baseline run in the
same process: explaining each due row's tier with ``custrel.explain_tier`` alone, as the
page did before it ranked the portfolio once (timed on 200 rows and scaled to all of
them, since all of them take minutes), after checking that the page's reasons for those
200 are the baseline's. The page's cost a row should stay flat as the portfolio grows;
the baseline's grows with the portfolio.
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import tempfile
import time
from datetime import date, timedelta

import attrs

from custrel import io
from custrel._cli import _html, _portfolio, _reading, _sample
from custrel.tiering import explain_tier

AS_OF = date(2026, 11, 20)
SAMPLE_ROWS = 200


def judged(folder: pathlib.Path) -> _portfolio.Portfolio:
    """The portfolio as ``custrel agenda`` judges it."""
    return _portfolio.judge_portfolio(
        _reading.find_tables(folder)[0],
        as_of=AS_OF,
        policies=io.Policies(),
        lang="en",
        within=timedelta(days=30),
        tz=None,
        strict=True,
        on_bad=print,
        on_unreadable=print,
    )


def measure(customers: int) -> None:
    """Print the page's time and the baseline's for one portfolio size."""
    with tempfile.TemporaryDirectory() as name:
        folder = pathlib.Path(name)
        _sample.write_portfolio(folder, customers, seed=1, as_of=AS_OF)
        portfolio = judged(folder)
    rows = len(portfolio.agenda)
    sample = portfolio.agenda[:SAMPLE_ROWS]
    start = time.perf_counter()
    expected = [
        explain_tier(c.customer_id, values=portfolio.values, policy=portfolio.policies.tiers)
        for c in sample
    ]
    baseline = (time.perf_counter() - start) / len(sample) * rows
    if [portfolio.tier_reason(c, "en") for c in sample] != [e.reason_en for e in expected]:
        msg = "the page's tier reasons differ from explain_tier's"
        raise SystemExit(msg)
    times = []
    for _ in range(3):
        fresh = attrs.evolve(portfolio)  # without the ranking cached by the check above
        start = time.perf_counter()
        _html.page(fresh, lang="en", title="Follow-ups due", within=30)
        times.append(time.perf_counter() - start)
    page = statistics.median(times)
    print(
        f"{customers:>9,} {rows:>8,} {page:>9.2f} {page / rows * 1e6:>9.0f}"
        f" {baseline:>12.2f} {page / baseline:>7.3f}"
    )


def main() -> None:
    """Time each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, nargs="+", default=[2_000, 20_000])
    sizes = parser.parse_args().customers
    print("page: median of 3; baseline: explain_tier per due row, 200 timed and scaled")
    print(
        f"{'customers':>9} {'due rows':>8} {'page s':>9} {'µs a row':>9}"
        f" {'baseline s':>12} {'ratio':>7}"
    )
    for customers in sizes:
        measure(customers)


if __name__ == "__main__":
    main()
