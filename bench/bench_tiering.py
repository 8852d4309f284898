"""Time tier_portfolio and rfm_scores against idiomatic pandas, in one process.

Run: python bench/bench_tiering.py [CUSTOMERS] [PURCHASES]   (pip install -e ".[bench]")

Defaults: one million customers for tier_portfolio; one million customers with ten
million purchases for rfm_scores. pandas gets its data as a ready DataFrame (building it
is timed apart), custrel gets Purchase records; both results are checked equal.
"""

import random
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import pandas as pd

from custrel import Purchase, Tier, rfm_scores, tier_portfolio

AS_OF = date(2026, 11, 22)
BINS = 5


def _timed(func: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def _pandas_tiers(values: pd.Series) -> pd.Series:
    """The T2 rule in pandas: b = places before a tie block's last member; b·100 < pct·n."""
    n = len(values)
    b = values.rank(method="max", ascending=False).astype("int64") - 1
    labels = np.select(
        [values <= 0, b * 100 < 1 * n, b * 100 < 20 * n, b * 100 < 50 * n],
        ["small", "vip", "major", "ordinary"],
        default="small",
    )
    return pd.Series(labels, index=values.index)


def bench_tiers(customers: int) -> None:
    """tier_portfolio on integer values (exact in both) against pandas."""
    rng = random.Random(1)
    raw = [rng.randint(0, 5_000_000) for _ in range(customers)]
    ids = [f"c-{i:07d}" for i in range(customers)]
    values = dict(zip(ids, raw, strict=True))
    series = pd.Series(raw, index=ids, dtype="int64")
    ours_time, ours = _timed(lambda: tier_portfolio(values))
    theirs_time, theirs = _timed(lambda: _pandas_tiers(series))
    if {k: Tier(v) for k, v in theirs.items()} != ours:
        sys.exit("tier_portfolio and pandas disagree")
    print(f"tier_portfolio, {customers:,} customers")
    print(f"  pandas             {theirs_time:7.2f} s   1.00x")
    print(f"  custrel            {ours_time:7.2f} s   {ours_time / theirs_time:.2f}x")


def _pandas_rfm(frame: pd.DataFrame) -> pd.DataFrame:
    """The same RFM rule in pandas: raw R, F, M per customer, then quantile scores.

    Every customer with a record is scored; one with no sale has no recency (worst) and
    frequency 0; money of 0 or less scores M = 1.
    """
    frame = frame[frame["day"] <= pd.Timestamp(AS_OF)]
    signed = frame["amount"].where(~frame["refund"], -frame["amount"])
    money = signed.groupby(frame["customer"], observed=True).sum()
    sales = frame[~frame["refund"]]
    grouped = sales.groupby("customer", observed=True)
    out = pd.DataFrame({"monetary": money})
    out["recency"] = (pd.Timestamp(AS_OF) - grouped["day"].max()).dt.days.reindex(out.index)
    out["frequency"] = grouped.size().reindex(out.index, fill_value=0)
    n = len(out)

    def score(worse: pd.Series) -> pd.Series:
        return 1 + (BINS * worse) // n

    never = out["recency"].fillna(10**9)  # no sale: less recent than anyone
    out["r"] = score(never.rank(method="min", ascending=False).astype("int64") - 1)
    out["f"] = score(out["frequency"].rank(method="min").astype("int64") - 1)
    out["m"] = score(out["monetary"].rank(method="min").astype("int64") - 1)
    out.loc[out["monetary"] <= 0, "m"] = 1
    return out


def bench_rfm(customers: int, purchases: int) -> None:
    """rfm_scores on Purchase records against pandas on a DataFrame of the same rows."""
    rng = random.Random(2)
    ids = [f"c-{i:07d}" for i in range(customers)]
    days = [AS_OF - timedelta(days=d) for d in range(730)]
    instants = [datetime(d.year, d.month, d.day, 10, tzinfo=UTC) for d in days]
    cents = list(range(100, 100_001, 37))
    amounts = [Decimal(c).scaleb(-2) for c in cents]
    start = time.perf_counter()
    rows = [
        (
            rng.randrange(customers),
            rng.randrange(730),
            rng.randrange(len(cents)),
            rng.random() < 0.02,
        )
        for _ in range(purchases)
    ]
    # Validation is what custrel does at the edge; records built here are valid by
    # construction, so the benchmark builds them with validators off to save minutes.
    with attrs.validators.disabled():
        records = [
            Purchase(customer_id=ids[c], at=instants[d], product="tea", amount=amounts[a], refund=r)
            for c, d, a, r in rows
        ]
    built = time.perf_counter() - start
    start = time.perf_counter()
    frame = pd.DataFrame(
        {
            "customer": pd.Categorical.from_codes([c for c, _, _, _ in rows], categories=ids),
            "day": pd.to_datetime([days[d] for _, d, _, _ in rows]),
            "amount": np.array([cents[a] for _, _, a, _ in rows], dtype="int64"),
            "refund": np.array([r for _, _, _, r in rows], dtype=bool),
        }
    )
    framed = time.perf_counter() - start
    del rows
    ours_time, ours = _timed(lambda: rfm_scores(records, as_of=AS_OF, bins=BINS))
    theirs_time, theirs = _timed(lambda: _pandas_rfm(frame))
    sample = list(ours.items())[:: max(1, len(ours) // 1000)]
    for cid, s in sample:
        row = theirs.loc[cid]
        if (s.r, s.f, s.m, s.frequency) != (row["r"], row["f"], row["m"], row["frequency"]):
            sys.exit(f"rfm_scores and pandas disagree on {cid}")
    if len(theirs) != len(ours):
        sys.exit("rfm_scores and pandas scored different customers")
    print(f"rfm_scores, {len(ours):,} customers, {purchases:,} purchases")
    print(f"  (built {purchases:,} Purchase records in {built:.1f} s, DataFrame in {framed:.1f} s)")
    print(f"  pandas             {theirs_time:7.2f} s   1.00x")
    print(f"  custrel            {ours_time:7.2f} s   {ours_time / theirs_time:.2f}x")


def main() -> None:
    """Run both benchmarks with the sizes given on the command line."""
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    purchases = int(sys.argv[2]) if len(sys.argv) > 2 else 10 * customers
    bench_tiers(customers)
    bench_rfm(customers, purchases)


if __name__ == "__main__":
    main()
