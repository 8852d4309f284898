"""Time custrel.frames against hand-written polars and pandas recipes and the object path.

Run: python bench/bench_frames.py [--quick]      (pip install -e ".[test,bench]")

Full size: rfm_frame over 10,000,000 purchases of 1,000,000 customers; tier_frame over
1,000,000 customers; grade_frame and follow_up_frame over 1,000,000 rows. ``--quick``
runs a hundredth of that. The data is realistic: string ids, decimal money with
cents, timezone-aware timestamps (Asia/Shanghai), skewed purchase counts (a few
customers buy very often), 2 % refunds. Each recipe is what a competent polars or
pandas user writes without custrel; its answers are checked equal to custrel's before
anything is timed. Ratios are custrel's time over the recipe's (lower is better) and
the object path's time over custrel's (higher is better). The peak memory of the
polars RFM run is the growth of this process's peak resident set during that run.
"""

from __future__ import annotations

import gc
import resource
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from custrel import frames
from custrel.cadence import next_due
from custrel.grading import Grade, grade
from custrel.models import DealStatus, Need, Opportunity, Purchase
from custrel.tiering import rfm_scores, tier_portfolio

if TYPE_CHECKING:
    from collections.abc import Callable

AS_OF = date(2026, 11, 22)
BINS = 5
TZ = "Asia/Shanghai"
ROWS: list[tuple[str, str, float, str]] = []  # (what, against, ratio, verdict)


def _timed(func: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def _report(
    what: str,
    ours: float,
    against: str,
    theirs: float,
    *,
    at_most: float | None = None,
    at_least: float | None = None,
) -> None:
    if at_most is not None:
        ratio = ours / theirs
        verdict = "met" if ratio <= at_most else "NOT met"
        ROWS.append((what, f"custrel / {against} (target <= {at_most}x)", ratio, verdict))
    else:
        ratio = theirs / ours
        if at_least is None:
            ROWS.append((what, f"{against} / custrel (no target)", ratio, "-"))
        else:
            verdict = "met" if ratio >= at_least else "NOT met"
            ROWS.append((what, f"{against} / custrel (target >= {at_least}x)", ratio, verdict))
    print(f"  {what:<28} custrel {ours:7.2f} s   {against:<14} {theirs:7.2f} s")


# Data --------------------------------------------------------------------------------------


def _purchases(customers: int, count: int) -> pa.Table:
    rng = np.random.default_rng(7)
    who = np.minimum((rng.random(count) ** 3 * customers).astype(np.int64), customers - 1)
    ids = pa.array([f"c-{i:07d}" for i in range(customers)])
    seconds = rng.integers(0, 730 * 86_400, count)
    at = pa.array(np.datetime64("2026-11-22T15:59:59") - seconds.astype("timedelta64[s]")).cast(
        pa.timestamp("us", tz=TZ)
    )
    cents = rng.integers(100, 500_000, count)
    amount = pc.multiply(
        pa.array(cents).cast(pa.decimal128(19, 0)), pa.scalar(Decimal("0.01"), pa.decimal128(3, 2))
    ).cast(pa.decimal128(18, 2))
    return pa.table(
        {
            "customer_id": pc.take(ids, pa.array(who)),
            "at": at,
            "amount": amount,
            "refund": pa.array(rng.random(count) < 0.02),
        }
    )


def _objects(table: pa.Table) -> list[Purchase]:
    # Records built from valid rows: validators off, as bench_tiering does.
    with attrs.validators.disabled():
        return [
            Purchase(customer_id=c, at=a, product="-", amount=m, refund=r)
            for c, a, m, r in zip(
                table["customer_id"].to_pylist(),
                table["at"].to_pylist(),
                table["amount"].to_pylist(),
                table["refund"].to_pylist(),
                strict=True,
            )
        ]


# RFM ------------------------------------------------------------------------------------------


def _polars_rfm(frame: pl.DataFrame) -> pl.DataFrame:
    day = pl.col("at").dt.date()
    sale = ~pl.col("refund")
    per = (
        frame.filter(day <= AS_OF)
        .group_by("customer_id")
        .agg(
            day.filter(sale).max().alias("last"),
            sale.sum().alias("frequency"),
            pl.when(sale)
            .then(pl.col("amount"))
            .otherwise(-pl.col("amount"))
            .sum()
            .alias("monetary"),
        )
    )
    n = pl.len()
    recency = (pl.lit(AS_OF) - pl.col("last")).dt.total_days()
    return per.with_columns(
        recency.alias("recency_days"),
        pl.when(recency.is_null())
        .then(1)
        .otherwise(1 + BINS * (n - recency.rank("max")) // n)
        .alias("r"),
        (1 + BINS * (pl.col("frequency").rank("min") - 1) // n).alias("f"),
        pl.when(pl.col("monetary") <= 0)
        .then(1)
        .otherwise(1 + BINS * (pl.col("monetary").rank("min") - 1) // n)
        .alias("m"),
    ).select("customer_id", "recency_days", "frequency", "monetary", "r", "f", "m")


def _pandas_rfm(frame: pd.DataFrame) -> pd.DataFrame:
    day = frame["at"].dt.date
    frame = frame[day <= AS_OF].assign(day=day)
    sales = frame[~frame["refund"]]
    signed = frame["amount"].where(~frame["refund"], -frame["amount"])
    out = pd.DataFrame(
        {
            "last": sales.groupby("customer_id")["day"].max(),
            "frequency": sales.groupby("customer_id").size(),
        }
    ).reindex(frame["customer_id"].unique())
    out["monetary"] = signed.groupby(frame["customer_id"]).sum()
    out["frequency"] = out["frequency"].fillna(0).astype("int64")
    n = len(out)
    recency = (pd.Timestamp(AS_OF) - pd.to_datetime(out["last"])).dt.days
    out["recency_days"] = recency
    out["r"] = np.where(
        recency.isna(), 1, 1 + BINS * (n - recency.rank(method="max").fillna(0)) // n
    )
    out["f"] = 1 + BINS * (out["frequency"].rank(method="min") - 1) // n
    money = out["monetary"]
    out["m"] = np.where(money <= 0, 1, 1 + BINS * (money.rank(method="min") - 1) // n)
    return out.astype({"r": "int64", "f": "int64", "m": "int64"})


def _check_rfm(ours: pl.DataFrame, theirs: pl.DataFrame, name: str) -> None:
    cols = ["customer_id", "frequency", "r", "f", "m"]
    if not ours.select(cols).sort("customer_id").equals(theirs.select(cols).sort("customer_id")):
        sys.exit(f"rfm_frame and the {name} recipe disagree")


def bench_rfm(customers: int, count: int, *, objects: bool) -> None:
    """rfm_frame on polars and pandas against their recipes, and against rfm_scores."""
    print(f"rfm_frame, {count:,} purchases of up to {customers:,} customers")
    table = _purchases(customers, count)
    polars_frame = pl.DataFrame(table)
    pandas_frame = table.to_pandas(types_mapper=pd.ArrowDtype)
    options: dict[str, Any] = {"as_of": AS_OF, "order_id": None}
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ours_pl_time, ours_pl = _timed(lambda: frames.rfm_frame(polars_frame, **options))
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    theirs_pl_time, theirs_pl = _timed(lambda: _polars_rfm(polars_frame))
    _check_rfm(ours_pl, theirs_pl, "polars")
    _report("rfm_frame (polars)", ours_pl_time, "polars recipe", theirs_pl_time, at_most=1.5)
    print(
        f"  peak memory of the polars rfm_frame run: +{grown / 1024:,.0f} MiB over "
        f"{before / 1024:,.0f} MiB (ru_maxrss; the frame itself is "
        f"{polars_frame.estimated_size('mb'):,.0f} MiB)"
    )
    ours_pd_time, ours_pd = _timed(lambda: frames.rfm_frame(pandas_frame, **options))
    theirs_pd_time, theirs_pd = _timed(lambda: _pandas_rfm(pandas_frame))
    _check_rfm(
        pl.from_pandas(ours_pd),
        pl.from_pandas(theirs_pd.reset_index(names="customer_id")),
        "pandas",
    )
    _report("rfm_frame (pandas)", ours_pd_time, "pandas recipe", theirs_pd_time, at_most=1.5)
    if objects:
        built_time, records = _timed(lambda: _objects(table))
        object_time, scores = _timed(lambda: rfm_scores(records, as_of=AS_OF, bins=BINS))
        sample = ours_pl.sample(min(1000, len(ours_pl)), seed=1).rows(named=True)
        for row in sample:
            s = scores[row["customer_id"]]
            if (s.r, s.f, s.m) != (row["r"], row["f"], row["m"]):
                sys.exit("rfm_frame and rfm_scores disagree")
        print(f"  (building {count:,} Purchase records took {built_time:.1f} s more)")
        _report("rfm_frame vs object path", ours_pl_time, "rfm_scores", object_time, at_least=20)


# Tiers ------------------------------------------------------------------------------------------


def _polars_tiers(frame: pl.DataFrame) -> pl.DataFrame:
    """T2 by hand: a block of equal values goes where its last member falls."""
    n = len(frame)
    before = pl.col("value").rank("max", descending=True) - 1
    return frame.with_columns(
        pl.when(pl.col("value") <= 0)
        .then(pl.lit("small"))
        .when(before * 100 < n)
        .then(pl.lit("vip"))
        .when(before * 100 < 20 * n)
        .then(pl.lit("major"))
        .when(before * 100 < 50 * n)
        .then(pl.lit("ordinary"))
        .otherwise(pl.lit("small"))
        .alias("tier")
    )


def _pandas_tiers(frame: pd.DataFrame) -> pd.DataFrame:
    n = len(frame)
    before = frame["value"].rank(method="max", ascending=False) - 1
    tier = np.select(
        [frame["value"] <= 0, before * 100 < n, before * 100 < 20 * n, before * 100 < 50 * n],
        ["small", "vip", "major", "ordinary"],
        default="small",
    )
    return frame.assign(tier=tier)


def bench_tiers(customers: int, *, objects: bool) -> None:
    """tier_frame on polars and pandas against their recipes, and tier_portfolio."""
    print(f"tier_frame, {customers:,} customers")
    rng = np.random.default_rng(3)
    cents = (rng.pareto(1.2, customers) * 10_000).astype(np.int64) - 500
    table = pa.table(
        {
            "customer_id": pa.array([f"c-{i:07d}" for i in range(customers)]),
            "value": pc.multiply(
                pa.array(cents).cast(pa.decimal128(19, 0)),
                pa.scalar(Decimal("0.01"), pa.decimal128(3, 2)),
            ).cast(pa.decimal128(18, 2)),
        }
    )
    polars_frame, pandas_frame = pl.DataFrame(table), table.to_pandas(types_mapper=pd.ArrowDtype)
    ours_pl_time, ours_pl = _timed(lambda: frames.tier_frame(polars_frame))
    theirs_pl_time, theirs_pl = _timed(lambda: _polars_tiers(polars_frame))
    if not ours_pl["tier"].equals(theirs_pl["tier"]):
        sys.exit("tier_frame and the polars recipe disagree")
    _report("tier_frame (polars)", ours_pl_time, "polars recipe", theirs_pl_time, at_most=1.5)
    ours_pd_time, ours_pd = _timed(lambda: frames.tier_frame(pandas_frame))
    theirs_pd_time, theirs_pd = _timed(lambda: _pandas_tiers(pandas_frame))
    if list(ours_pd["tier"]) != list(theirs_pd["tier"]):
        sys.exit("tier_frame and the pandas recipe disagree")
    _report("tier_frame (pandas)", ours_pd_time, "pandas recipe", theirs_pd_time, at_most=1.5)
    if objects:
        values = dict(
            zip(table["customer_id"].to_pylist(), table["value"].to_pylist(), strict=True)
        )
        object_time, tiers = _timed(lambda: tier_portfolio(values))
        if [t.value for t in tiers.values()] != ours_pl["tier"].to_list():
            sys.exit("tier_frame and tier_portfolio disagree")
        _report("tier_frame vs object path", ours_pl_time, "tier_portfolio", object_time)


# Grades and follow-ups ---------------------------------------------------------------------


def _opportunities(count: int) -> pl.DataFrame:
    rng = np.random.default_rng(5)
    needs = np.array(["explicit", "potential", "none"])[rng.choice(3, count, p=[0.6, 0.3, 0.1])]
    statuses = np.array(["negotiating", "potential", "closed"])[
        rng.choice(3, count, p=[0.6, 0.3, 0.1])
    ]
    offsets = rng.integers(-120, 400, count)
    close = np.datetime64(AS_OF) + offsets.astype("timedelta64[D]")
    close = np.where(rng.random(count) < 0.1, np.datetime64("NaT"), close)
    return pl.DataFrame({"need": needs, "expected_close": close, "status": statuses}).with_columns(
        pl.col("expected_close").cast(pl.Date)
    )


def _polars_grades(frame: pl.DataFrame) -> pl.DataFrame:
    bound = grade.__globals__["DEFAULT_GRADING"].at(AS_OF)
    close = pl.col("expected_close")
    return frame.with_columns(
        pl.when(pl.col("need") == "none")
        .then(pl.lit("E"))
        .when(pl.col("need") == "potential")
        .then(pl.lit("D"))
        .when(close.is_null() | (pl.col("status") == "closed") | (close < bound.stale_before))
        .then(pl.lit("D"))
        .when(close <= bound.a_until)
        .then(pl.lit("A"))
        .when(close <= bound.b_until)
        .then(pl.lit("B"))
        .when(close <= bound.c_until)
        .then(pl.lit("C"))
        .otherwise(pl.lit("D"))
        .alias("grade")
    )


def _polars_follow_ups(frame: pl.DataFrame) -> pl.DataFrame:
    last, g = pl.col("last_follow_up"), pl.col("grade")
    due = (
        pl.when(last.is_null())
        .then(pl.lit(AS_OF))
        .when(g == "A")
        .then(last + timedelta(days=1))
        .when(g == "B")
        .then(last + timedelta(days=7))
        .when(g == "C")
        .then(last + timedelta(days=15))
        .when(g == "D")
        .then(last + timedelta(days=30))
        .otherwise(last.dt.offset_by("1y"))
    )
    return frame.with_columns(due.alias("due")).with_columns(
        (pl.lit(AS_OF) - pl.col("due")).dt.total_days().alias("days_overdue")
    )


def bench_grades(count: int, *, objects: bool) -> None:
    """grade_frame and follow_up_frame against polars recipes and the object path."""
    print(f"grade_frame and follow_up_frame, {count:,} rows (polars)")
    frame = _opportunities(count)
    ours_time, ours = _timed(lambda: frames.grade_frame(frame, as_of=AS_OF))
    theirs_time, theirs = _timed(lambda: _polars_grades(frame))
    if not ours["grade"].equals(theirs["grade"]):
        sys.exit("grade_frame and the polars recipe disagree")
    _report("grade_frame (polars)", ours_time, "polars recipe", theirs_time, at_most=1.5)
    rng = np.random.default_rng(6)
    book = ours.select("grade").with_columns(
        pl.Series(
            "last_follow_up",
            np.datetime64(AS_OF) - rng.integers(0, 800, count).astype("timedelta64[D]"),
        ).cast(pl.Date)
    )
    ours_f_time, ours_f = _timed(lambda: frames.follow_up_frame(book, as_of=AS_OF))
    theirs_f_time, theirs_f = _timed(lambda: _polars_follow_ups(book))
    if not ours_f["due"].equals(theirs_f["due"]):
        sys.exit("follow_up_frame and the polars recipe disagree")
    _report("follow_up_frame (polars)", ours_f_time, "polars recipe", theirs_f_time, at_most=1.5)
    if objects:
        with attrs.validators.disabled():
            opportunities = [
                Opportunity(customer_id="c", need=Need(n), expected_close=d, status=DealStatus(s))
                for n, d, s in frame.iter_rows()
            ]
        object_time, grades = _timed(lambda: [grade(o, as_of=AS_OF).value for o in opportunities])
        if grades != ours["grade"].to_list():
            sys.exit("grade_frame and grade disagree")
        _report("grade_frame vs object path", ours_time, "grade()", object_time, at_least=20)
        rows = [(Grade(g), last) for g, last in book.iter_rows()]
        object_f_time, dues = _timed(lambda: [next_due(g, last, as_of=AS_OF) for g, last in rows])
        if dues != ours_f["due"].to_list():
            sys.exit("follow_up_frame and next_due disagree")
        _report(
            "follow_up_frame vs object path", ours_f_time, "next_due()", object_f_time, at_least=20
        )


def main() -> None:
    """Run every benchmark; ``--quick`` at a hundredth of the size."""
    quick = "--quick" in sys.argv
    scale = 100 if quick else 1
    objects = "--no-objects" not in sys.argv
    bench_rfm(1_000_000 // scale, 10_000_000 // scale, objects=objects)
    bench_tiers(1_000_000 // scale, objects=objects)
    bench_grades(1_000_000 // scale, objects=objects)
    print()
    print(f"| benchmark | ratio | value | target |  ({'quick' if quick else 'full'} size)")
    print("| --- | --- | --- | --- |")
    for what, against, ratio, verdict in ROWS:
        print(f"| {what} | {against} | {ratio:.2f}x | {verdict} |")


if __name__ == "__main__":
    main()
