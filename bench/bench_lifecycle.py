"""Time lifecycle staging against an idiomatic pandas version of the same rules, in one process.

Run: python bench/bench_lifecycle.py [--quick]   (pip install -e ".[bench]")

Stages 100,000 customers with 2,000,000 purchases (``--quick``: 10,000 and 200,000) on
one ``as_of`` with the default policy: rules L1-L4, churn signals and complaints
included. The data is made to look real: string ids, ``Decimal`` amounts with cents,
aware timestamps in two zones, about 2 % refunds, purchase counts skewed (a few heavy
buyers, many one-off ones), customers who stopped buying, came back or never bought.
custrel gets the flat list of Purchase and Complaint records and groups them itself
(timed); pandas gets ready DataFrames (building them is timed apart, not counted). Both
results are checked equal, customer for customer, before the timed runs; each side is
timed several times and the medians are compared.
"""

from __future__ import annotations

import collections
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import pandas as pd

from custrel import Complaint, Purchase, Severity, Stage
from custrel.lifecycle import DEFAULT_LIFECYCLE, lifecycle_stage

if TYPE_CHECKING:
    from collections.abc import Callable

AS_OF = date(2026, 11, 22)
SHANGHAI = timezone(timedelta(hours=8))
RUNS = 3


# The data ------------------------------------------------------------------------------------


@attrs.frozen
class Data:
    """The same portfolio as records (for custrel) and as rows (for pandas)."""

    ids: list[str]
    purchases: list[Purchase]
    complaints: list[Complaint]
    rows: list[tuple[int, date, int, bool]]  # customer index, local day, cents, refund
    complaint_rows: list[tuple[int, date]]


def _counts(customers: int, purchases: int, rng: random.Random) -> list[int]:
    """Skewed purchase counts summing to ``purchases``: lognormal weights, 10 % none."""
    weights = [0.0 if rng.random() < 0.1 else rng.lognormvariate(0, 1.3) for _ in range(customers)]
    scale = purchases / sum(weights)
    counts = [int(w * scale) for w in weights]
    for i in rng.sample(range(customers), purchases - sum(counts)):
        counts[i] += 1
    return counts


def make_data(customers: int, purchases: int) -> Data:
    """A portfolio of ``customers`` with ``purchases`` records in all."""
    rng = random.Random(10)
    ids = [f"cust-{i:07d}" for i in range(customers)]
    rows: list[tuple[int, date, int, bool]] = []
    for index, count in enumerate(_counts(customers, purchases, rng)):
        if not count:
            continue
        silent = int(rng.expovariate(1 / 120))  # days since they stopped, if they did
        span = rng.randint(0, 1000)
        end = AS_OF - timedelta(days=silent) + timedelta(days=rng.randint(0, 30))
        for _ in range(count):
            day = end - timedelta(days=rng.randint(0, span))
            refund = rng.random() < 0.02
            rows.append((index, day, rng.randint(100, 500_000), refund))
    complaint_rows = [
        (rng.randrange(customers), AS_OF - timedelta(days=rng.randint(0, 400)))
        for _ in range(customers // 4)
    ]
    # Validation is what custrel does at the edge; records built here are valid by
    # construction, so the benchmark builds them with validators off to save minutes.
    with attrs.validators.disabled():
        records = [
            Purchase(
                customer_id=ids[c],
                at=datetime(d.year, d.month, d.day, 9 + c % 12, tzinfo=UTC if c % 2 else SHANGHAI),
                product="tea",
                amount=Decimal(cents).scaleb(-2),
                refund=r,
            )
            for c, d, cents, r in rows
        ]
        complaints = [
            Complaint(
                customer_id=ids[c],
                at=datetime(d.year, d.month, d.day, 15, tzinfo=SHANGHAI),
                severity=Severity.ORDINARY,
            )
            for c, d in complaint_rows
        ]
    return Data(
        ids=ids,
        purchases=records,
        complaints=complaints,
        rows=rows,
        complaint_rows=complaint_rows,
    )


def frames(data: Data) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows as pandas likes them: categorical ids, datetime64 days, int64 cents."""
    purchases = pd.DataFrame(
        {
            "customer": pd.Categorical.from_codes([c for c, _, _, _ in data.rows], data.ids),
            "day": pd.to_datetime([d for _, d, _, _ in data.rows]),
            "cents": np.array([a for _, _, a, _ in data.rows], dtype="int64"),
            "refund": np.array([r for _, _, _, r in data.rows], dtype=bool),
        }
    )
    complaints = pd.DataFrame(
        {
            "customer": pd.Categorical.from_codes([c for c, _ in data.complaint_rows], data.ids),
            "day": pd.to_datetime([d for _, d in data.complaint_rows]),
        }
    )
    return purchases, complaints


# custrel ---------------------------------------------------------------------------------------


def custrel_stages(data: Data) -> dict[str, Stage]:
    """Group the flat records by customer, then stage each one."""
    purchases: dict[str, list[Purchase]] = collections.defaultdict(list)
    for purchase in data.purchases:
        purchases[purchase.customer_id].append(purchase)
    complaints: dict[str, list[Complaint]] = collections.defaultdict(list)
    for complaint in data.complaints:
        complaints[complaint.customer_id].append(complaint)
    return {
        cid: lifecycle_stage(
            purchases.get(cid, ()), as_of=AS_OF, complaints=complaints.get(cid, ())
        )
        for cid in data.ids
    }


# pandas ----------------------------------------------------------------------------------------


def pandas_stages(purchases: pd.DataFrame, complaints: pd.DataFrame) -> pd.Series:
    """The default lifecycle policy, rules L1-L4, written the way pandas users write it."""
    p = DEFAULT_LIFECYCLE
    as_of = pd.Timestamp(AS_OF)
    window = pd.Timedelta(days=p.window_days)
    recent_from, prior_from = as_of - window, as_of - 2 * window  # both exclusive
    customers = purchases["customer"].cat.categories
    mult_num, mult_den = p.horizon_multiple.as_integer_ratio()
    over_num, over_den = p.overdue_multiple.as_integer_ratio()

    past = purchases[purchases["day"] <= as_of]
    signed = past["cents"].where(~past["refund"], -past["cents"])
    in_recent = past["day"] > recent_from
    in_prior = (past["day"] > prior_from) & ~in_recent
    spend_recent = signed[in_recent].groupby(past["customer"][in_recent], observed=False).sum()
    spend_prior = signed[in_prior].groupby(past["customer"][in_prior], observed=False).sum()

    occasions = (
        past.loc[~past["refund"], ["customer", "day"]]
        .drop_duplicates()
        .sort_values(["customer", "day"], ignore_index=True)
    )
    occasions["gap"] = occasions.groupby("customer", observed=True)["day"].diff().dt.days
    by_customer = occasions.groupby("customer", observed=False)
    stats = pd.DataFrame(
        {
            "n": by_customer.size(),
            "first": by_customer["day"].min(),
            "last": by_customer["day"].max(),
            "twice_median": by_customer["gap"].median() * 2,
            "recent_n": occasions[occasions["day"] > recent_from]
            .groupby("customer", observed=False)
            .size(),
            "prior_n": occasions[
                (occasions["day"] > prior_from) & (occasions["day"] <= recent_from)
            ]
            .groupby("customer", observed=False)
            .size(),
        }
    )
    stats["spend_recent"] = spend_recent
    stats["spend_prior"] = spend_prior
    past_complaints = complaints[complaints["day"] <= as_of]
    c_recent = past_complaints["day"] > recent_from
    c_prior = (past_complaints["day"] > prior_from) & ~c_recent
    stats["complaints_recent"] = (
        past_complaints[c_recent].groupby("customer", observed=False).size()
    )
    stats["complaints_prior"] = past_complaints[c_prior].groupby("customer", observed=False).size()
    stats = stats.reindex(customers).fillna(
        {
            "n": 0,
            "recent_n": 0,
            "prior_n": 0,
            "spend_recent": 0,
            "spend_prior": 0,
            "complaints_recent": 0,
            "complaints_prior": 0,
        }
    )

    twice = stats["twice_median"]
    horizon = (mult_num * twice // (2 * mult_den)).clip(
        p.horizon_floor_days, p.horizon_ceiling_days
    )
    horizon = horizon.fillna(p.horizon_floor_days)
    silence = (as_of - stats["last"]).dt.days

    # WON_BACK: a recent occasion ended a gap longer than the horizon of the occasions before.
    settle_from = as_of - pd.Timedelta(days=p.settle_days)
    candidates = occasions.loc[
        (occasions["day"] >= settle_from) & (occasions["gap"] > p.horizon_floor_days), "customer"
    ].unique()
    history = occasions[occasions["customer"].isin(candidates)].copy()
    history["before"] = (
        history.groupby("customer", observed=True)["gap"]
        .transform(lambda gaps: gaps.expanding().median().shift())
        .mul(2)
    )
    prefix_horizon = (
        (mult_num * history["before"] // (2 * mult_den))
        .clip(p.horizon_floor_days, p.horizon_ceiling_days)
        .fillna(p.horizon_floor_days)
    )
    lapse_ended = (history["day"] >= settle_from) & (history["gap"] > prefix_horizon)
    won_back = stats.index.isin(history.loc[lapse_ended, "customer"].unique())

    baseline_from = as_of - 2 * window + pd.Timedelta(days=1)
    growing = (
        (stats["first"] <= baseline_from)
        & (stats["spend_prior"] > 0)
        & (stats["spend_recent"] * 2 >= stats["spend_prior"] * 3)  # growth 0.5: 1.5 times
    )
    overdue_days = np.where(
        stats["n"] >= 2,
        np.maximum(over_num * twice // (2 * over_den), p.overdue_min_days),
        max(p.new_days, p.overdue_min_days),
    )
    baseline = stats["prior_n"] >= p.min_baseline
    signals = (
        (baseline & (stats["recent_n"] * 2 <= stats["prior_n"]))  # frequency halved
        | (baseline & (stats["spend_recent"] * 2 <= stats["spend_prior"]))  # spend halved
        | (
            (stats["complaints_recent"] > stats["complaints_prior"])
            & (stats["complaints_recent"] >= p.complaint_rise)
        )
        | ((stats["n"] > 0) & (silence > overdue_days))
    )
    stage = np.select(
        [
            stats["n"] == 0,
            silence > horizon,
            (stats["n"] == 1) & (silence <= p.new_days),
            won_back,
            signals,
            growing,
        ],
        ["prospect", "lapsed", "new", "won_back", "at_risk", "growing"],
        default="active",
    )
    return pd.Series(stage, index=stats.index)


# Timing ----------------------------------------------------------------------------------------


def _median_time(func: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    """Build the data, check both engines agree, then time them."""
    quick = "--quick" in sys.argv[1:]
    customers, purchases = (10_000, 200_000) if quick else (100_000, 2_000_000)
    start = time.perf_counter()
    data = make_data(customers, purchases)
    built = time.perf_counter() - start
    start = time.perf_counter()
    purchase_frame, complaint_frame = frames(data)
    framed = time.perf_counter() - start

    ours = custrel_stages(data)
    theirs = pandas_stages(purchase_frame, complaint_frame)
    disagree = [cid for cid in data.ids if ours[cid].value != theirs[cid]]
    if disagree:
        sys.exit(f"custrel and pandas disagree on {len(disagree)} customers, e.g. {disagree[:3]}")
    counts = collections.Counter(ours.values())

    ours_time, _ = _median_time(lambda: custrel_stages(data))
    theirs_time, _ = _median_time(lambda: pandas_stages(purchase_frame, complaint_frame))
    print(
        f"lifecycle_stage, {customers:,} customers, {len(data.purchases):,} purchases,"
        f" {len(data.complaints):,} complaints (as_of {AS_OF}, default policy)"
    )
    print(f"  (built the records in {built:.1f} s, the DataFrames in {framed:.1f} s)")
    print("  stages: " + ", ".join(f"{s.value} {counts[s]:,}" for s in Stage))
    print(f"  results equal for all {len(data.ids):,} customers; median of {RUNS} runs each")
    print(f"  pandas             {theirs_time:7.2f} s   1.00x")
    print(f"  custrel            {ours_time:7.2f} s   {ours_time / theirs_time:.2f}x")


if __name__ == "__main__":
    main()
