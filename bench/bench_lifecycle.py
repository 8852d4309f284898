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

The pandas baseline (``pandas_stages``) is vectorised throughout, with no loop over
customers:

- Sales and refunds are grouped by customer and day into net cents and occasions; the
  gaps between occasions give, per customer, the horizon, the overdue limit and the
  last occasion that ended a lapse (rule L4). Whether a gap was a return or a lapse of
  the rhythm is judged against the median of the gaps before it (all of them for a
  lapse of the rhythm, the kept ones for a return): grouped expanding medians, shifted
  by one.
- The stage read on a day (``_read``) takes window counts and sums for many
  (customer, day) rows at once, by ``searchsorted`` on running totals keyed by
  customer and day, then ``np.select`` in the order of rules L1-L4.
- Silence never improves standing (L1, L4): custrel walks every day since the last
  occasion on which the reading may change. The baseline builds those days as rows,
  (customer, turn day), only for customers read ACTIVE or GROWING on ``as_of`` (every
  other reading stands as read, as in custrel): records entering or leaving a window,
  the silence passing the horizon or the overdue limit, the settling period ending,
  the first occasion becoming a full window old. It reads all the rows at once; the
  stage shown on ``as_of`` is the running minimum of their standing (LAPSED < AT_RISK <
  NEW, ACTIVE, WON_BACK < GROWING), so a ``groupby().min()``, a settled WON_BACK showing
  as ACTIVE. (custrel also clamps the stage underneath an AT_RISK, which only
  ``explain_stage`` and ``highest_stage`` report: the stage shown never depends on it.)
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

_SPAN = 1 << 32  # customer * _SPAN + day sorts records by customer, then day
_LEVEL = {"lapsed": 0, "at_risk": 1, "new": 2, "active": 2, "won_back": 2, "growing": 3}
_BY_LEVEL = np.array(["lapsed", "at_risk", "active", "growing"])


def _day_numbers(days: pd.Series) -> pd.Series:
    """Days since 1970-01-01 as int64: day arithmetic without Timedelta objects."""
    return pd.Series(days.to_numpy("datetime64[D]").astype("int64"), index=days.index)


def _as_of() -> int:
    return int(np.datetime64(AS_OF, "D").astype("int64"))


def _horizon(twice_median: pd.Series) -> pd.Series:
    """The churn horizon from twice the median interval, the floor where there is none."""
    p = DEFAULT_LIFECYCLE
    num, den = p.horizon_multiple.as_integer_ratio()
    return (
        (num * twice_median // (2 * den))
        .clip(p.horizon_floor_days, p.horizon_ceiling_days)
        .fillna(p.horizon_floor_days)
    )


def _rhythm(occasions: pd.DataFrame) -> pd.DataFrame:
    """Per customer: occasions, first and last day, horizon, overdue limit, last return.

    A gap longer than the horizon of all the gaps before it (the floor for the first)
    is left out of the median; a gap longer than the horizon of the kept gaps before it
    (the one-time horizon for the first) ended a lapse. Each median of the gaps before a
    gap is an expanding median per customer, shifted by one; it decides only a later gap
    past the floor, so it is taken only for the customers who have one.
    """
    p = DEFAULT_LIFECYCLE
    over_num, over_den = p.overdue_multiple.as_integer_ratio()
    gaps = occasions.assign(gap=occasions.groupby("customer")["day"].diff()).dropna()
    first_gap = ~gaps["customer"].duplicated()
    unsure = ~first_gap & (gaps["gap"] > p.horizon_floor_days)
    unsure &= gaps["gap"] <= p.horizon_ceiling_days
    judged = gaps[gaps["customer"].isin(gaps.loc[unsure, "customer"])]
    before = judged.groupby("customer")["gap"].expanding().median()
    horizon_before = _horizon(before.groupby(level=0).shift().droplevel(0).mul(2))
    horizon_before = horizon_before.reindex(gaps.index, fill_value=p.horizon_floor_days)
    kept = gaps["gap"] <= horizon_before
    # a return: a gap past the horizon in force, that of the kept gaps before it (the
    # one-time horizon for the first); only a gap past the floor can be one
    late = ~first_gap & (gaps["gap"] > p.horizon_floor_days)
    seen = gaps[gaps["customer"].isin(gaps.loc[late, "customer"])]
    kept_before = (
        seen["gap"].where(kept.reindex(seen.index)).groupby(seen["customer"]).expanding().median()
    )
    in_force = _horizon(kept_before.groupby(level=0).shift().droplevel(0).mul(2))
    in_force = in_force.reindex(gaps.index, fill_value=p.horizon_floor_days)
    returned = gaps["gap"] > in_force.where(~first_gap, p.one_time_horizon_days)

    stats = occasions.groupby("customer")["day"].agg(n="size", first="min", last="max")
    twice = gaps[kept].groupby("customer")["gap"].median().mul(2).reindex(stats.index)
    stats["horizon"] = _horizon(twice).where(stats["n"] > 1, p.one_time_horizon_days)
    stats["overdue"] = (
        (over_num * twice // (2 * over_den))
        .clip(lower=p.overdue_min_days)
        .fillna(max(p.new_days, p.overdue_min_days))
    )
    stats["returned"] = gaps[returned].groupby("customer")["day"].max()
    return stats


def _running(records: pd.DataFrame, value: pd.Series | None = None) -> tuple[Any, Any]:
    """Sorted customer-day keys and the running total of ``value`` (1 a record) over them."""
    records = records.assign(value=1 if value is None else value)
    records = records.sort_values(["customer", "day"])
    keys = records["customer"].to_numpy("int64") * _SPAN + records["day"].to_numpy()
    return keys, np.concatenate(([0], records["value"].cumsum().to_numpy()))


def _between(running: tuple[Any, Any], rows: pd.DataFrame, low: int, high: int) -> np.ndarray:
    """Per row, the total of the row's customer's records on days in (day + low, day + high]."""
    keys, totals = running
    base = rows["customer"].to_numpy("int64") * _SPAN + rows["day"].to_numpy()
    upper: np.ndarray = totals[np.searchsorted(keys, base + high, side="right")]
    lower: np.ndarray = totals[np.searchsorted(keys, base + low, side="right")]
    between: np.ndarray = upper - lower
    return between


def _read(rows: pd.DataFrame, running: dict[str, tuple[Any, Any]]) -> np.ndarray:
    """The stage read on each row's day, from that day alone (rules L1-L4)."""
    p = DEFAULT_LIFECYCLE
    w = p.window_days
    grow_num, grow_den = (1 + p.growth).as_integer_ratio()
    freq_num, freq_den = (1 - p.frequency_drop).as_integer_ratio()
    spend_num, spend_den = (1 - p.spend_drop).as_integer_ratio()
    recent = {name: _between(r, rows, -w, 0) for name, r in running.items()}
    prior = {name: _between(r, rows, -2 * w, -w) for name, r in running.items()}

    silence = rows["day"] - rows["last"]
    overdue = silence > rows["overdue"]
    baseline = prior["occasions"] >= p.min_baseline
    signals = (
        (baseline & (recent["occasions"] * freq_den <= prior["occasions"] * freq_num))
        | (baseline & (recent["spend"] * spend_den <= prior["spend"] * spend_num))
        | (
            (recent["complaints"] > prior["complaints"])
            & (recent["complaints"] >= p.complaint_rise)
        )
        | overdue
    )
    growing = (
        (rows["first"] <= rows["day"] - 2 * w + 1)  # a full window before to compare with
        & (prior["spend"] > 0)
        & (recent["spend"] * grow_den >= prior["spend"] * grow_num)
    )
    one = rows["n"] == 1
    return np.select(
        [
            silence > rows["horizon"],
            one & overdue,
            one,
            rows["day"] - rows["returned"] <= p.settle_days,  # NaN: never won back
            signals,
            growing,
        ],
        ["lapsed", "at_risk", "new", "won_back", "at_risk", "growing"],
        default="active",
    )


def _turns(walk: pd.DataFrame, records: pd.DataFrame, as_of: int) -> pd.DataFrame:
    """The (customer, day) rows on which the stage read since the last occasion may change.

    A record entering or leaving a window (from two windows before the last occasion),
    the silence passing the horizon or the overdue limit, the settling period ending,
    the first occasion becoming a full window old; and the last occasion and ``as_of``.
    """
    p = DEFAULT_LIFECYCLE
    w = p.window_days
    near = records.merge(walk[["last"]], left_on="customer", right_index=True)
    near = near.loc[near["day"] >= near["last"] - 2 * w, ["customer", "day"]]
    fixed = pd.DataFrame(
        {
            "start": walk["last"],
            "end": as_of,
            "horizon": walk["last"] + walk["horizon"] + 1,
            "overdue": walk["last"] + walk["overdue"] + 1,
            "settled": walk["returned"] + p.settle_days + 1,
            "baseline": walk["first"] + 2 * w - 1,
        }
    )
    turns = pd.concat(
        [
            near,
            near.assign(day=near["day"] + w),
            near.assign(day=near["day"] + 2 * w),
            fixed.rename_axis("customer")
            .melt(ignore_index=False, value_name="day")[["day"]]
            .dropna()
            .reset_index(),
        ],
        ignore_index=True,
    ).astype({"day": "int64"})
    turns = turns.merge(walk, left_on="customer", right_index=True)
    turns = turns[turns["day"].between(turns["last"], as_of)]
    return turns.drop_duplicates(["customer", "day"])


def pandas_stages(purchases: pd.DataFrame, complaints: pd.DataFrame) -> pd.Series:
    """The default lifecycle policy, rules L1-L4, written the way pandas users write it.

    1. Per customer and day with a sale or refund: the net cents and whether it was an
       occasion (a groupby); the occasions' gaps give each customer's horizon, overdue
       limit and last return (``_rhythm``: a grouped expanding median).
    2. The stage read on ``as_of`` (``_read``): window counts and sums per row by
       ``searchsorted`` on running totals keyed by customer and day, then ``np.select``
       in the order of the rules.
    3. Silence never improves standing: a customer read ACTIVE or GROWING on ``as_of``
       is read again on every day since their last occasion on which the reading may
       change (``_turns``: one row per customer and candidate day, built with merges),
       all rows at once. The stage shown on ``as_of`` is the running minimum of the
       readings' standing (LAPSED < AT_RISK < NEW, ACTIVE, WON_BACK < GROWING), taken
       with ``groupby().min()``; a WON_BACK that has settled shows as ACTIVE.
    """
    as_of = _as_of()
    customers = purchases["customer"].cat.categories

    def rows(frame: pd.DataFrame) -> pd.DataFrame:
        rows = frame.assign(customer=frame["customer"].cat.codes, day=_day_numbers(frame["day"]))
        return rows[rows["day"] <= as_of]

    past = rows(purchases)
    daily = (
        past.assign(net=past["cents"].where(~past["refund"], -past["cents"]), sale=~past["refund"])
        .groupby(["customer", "day"], as_index=False)
        .agg(net=("net", "sum"), sale=("sale", "any"))
    )
    occasions = daily.loc[daily["sale"], ["customer", "day"]]
    said = rows(complaints)[["customer", "day"]]
    running = {
        "occasions": _running(occasions),
        "spend": _running(daily, daily["net"]),
        "complaints": _running(said),
    }
    stats = _rhythm(occasions)

    today = stats.assign(day=as_of)
    stage = pd.Series(_read(today.reset_index(), running), index=stats.index)

    walk = stats[stage.isin(["active", "growing"])]
    records = pd.concat([daily[["customer", "day"]], said], ignore_index=True)
    turns = _turns(walk, records, as_of)
    level = pd.Series(_read(turns, running), index=turns.index).map(_LEVEL)
    shown = level.groupby(turns["customer"]).min()
    stage.loc[shown.index] = _BY_LEVEL[shown.to_numpy()]

    stage = stage.reindex(range(len(customers)), fill_value="prospect")
    return pd.Series(stage.to_numpy(), index=customers)


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
