"""Check the lifecycle defaults against what real customers did next (CDNOW).

Run: python bench/calibrate_lifecycle.py [PATH/TO/CDNOW_master.txt | PATH/TO/lifetimes.whl]
(pip install -e ".[bench]"; the BG/NBD column also needs ``pip install lifetimes``)

The CDNOW master file (23,570 customers who first bought at the online music shop in the
first quarter of 1997, with every purchase to the end of June 1998) ships inside the
``lifetimes`` package: ``pip download lifetimes --no-deps`` and pass the wheel, or
install lifetimes and pass nothing. The data set is never committed here.

Every customer is staged at each calibration date from their purchases up to it; the
outcome is whether they bought in the following six months. A stage is a prediction:
LAPSED says "not coming back unless we act", ACTIVE/GROWING say "will buy again". The
script prints, for custrel's policy and for fixed 90- and 180-day silence rules (and a
BG/NBD P(alive) < 0.5 rule when lifetimes is importable), how many customers called
lapsed came back and how many called active did not, then a small grid of policies.
"""

from __future__ import annotations

import collections
import importlib.util
import io
import sys
import warnings
import zipfile
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import attrs

from custrel import Purchase
from custrel.lifecycle import DEFAULT_LIFECYCLE, LifecyclePolicy, Stage, lifecycle_stage

CALIBRATION_DATES = (date(1997, 9, 30), date(1997, 12, 31))
OUTCOME_DAYS = 182
MEMBER = "lifetimes/datasets/CDNOW_master.txt"
ACTIVE_LIKE = {Stage.ACTIVE, Stage.GROWING}


def _text(path: str | None) -> str:
    if path is None:
        spec = importlib.util.find_spec("lifetimes")
        if spec is None or spec.origin is None:
            sys.exit("pass the CDNOW_master.txt file or the lifetimes wheel, or install lifetimes")
        return (Path(spec.origin).parent / "datasets" / "CDNOW_master.txt").read_text()
    if path.endswith(".whl"):
        with zipfile.ZipFile(path) as wheel:
            return wheel.read(MEMBER).decode()
    return Path(path).read_text()


def load(path: str | None) -> dict[str, list[Purchase]]:
    """Every customer's purchases; each row is one order (CDs, dollars)."""
    histories: dict[str, list[Purchase]] = collections.defaultdict(list)
    for line in io.StringIO(_text(path)):
        customer, day, quantity, dollars = line.split()
        if not day.isdigit():
            continue  # the header line
        at = datetime.strptime(day, "%Y%m%d").replace(hour=12, tzinfo=UTC)
        histories[customer].append(
            Purchase(
                customer_id=customer,
                at=at,
                product="cd",
                quantity=int(quantity),
                amount=Decimal(dollars),
            )
        )
    return histories


def _bought(history: list[Purchase], after: date) -> bool:
    end = after + timedelta(days=OUTCOME_DAYS)
    return any(after < p.at.date() <= end for p in history)


Summary = tuple[int, int, int, int, int, int]


def _row(name: str, figures: Summary) -> str:
    lapsed, came_back, active, gone, others, others_gone = figures

    def pct(part: int, whole: int) -> str:
        return f"{100 * part / whole:4.1f} %" if whole else "  -   "

    return (
        f"  {name:<28} lapsed {lapsed:6,} came back {came_back:5,} ({pct(came_back, lapsed)})"
        f" | active {active:6,} did not buy {gone:5,} ({pct(gone, active)})"
        f" | not lapsed {active + others:6,} did not buy {gone + others_gone:6,}"
        f" ({pct(gone + others_gone, active + others)})"
        f" | errors {came_back + gone + others_gone:6,}"
    )


def custrel_rule(
    histories: dict[str, list[Purchase]], as_of: date, policy: LifecyclePolicy
) -> tuple[collections.Counter[Stage], collections.Counter[Stage]]:
    """Stage counts, and how many of each stage bought in the outcome window."""
    staged: collections.Counter[Stage] = collections.Counter()
    bought: collections.Counter[Stage] = collections.Counter()
    for history in histories.values():
        if min(p.at.date() for p in history) > as_of:
            continue
        stage = lifecycle_stage(history, as_of=as_of, policy=policy)
        staged[stage] += 1
        bought[stage] += _bought(history, as_of)
    return staged, bought


def summary(staged: collections.Counter[Stage], bought: collections.Counter[Stage]) -> Summary:
    """Lapsed (and who came back), active or growing (and who did not buy), the others.

    Errors, comparable across rules: lapsed customers who came back plus customers not
    called lapsed (any other stage) who did not buy.
    """
    lapsed = staged[Stage.LAPSED]
    active = sum(staged[s] for s in ACTIVE_LIKE)
    others = sum(staged.values()) - lapsed - active
    others_bought = (
        sum(bought.values()) - bought[Stage.LAPSED] - sum(bought[s] for s in ACTIVE_LIKE)
    )
    return (
        lapsed,
        bought[Stage.LAPSED],
        active,
        active - sum(bought[s] for s in ACTIVE_LIKE),
        others,
        others - others_bought,
    )


def silence_rule(histories: dict[str, list[Purchase]], as_of: date, days: int) -> Summary:
    """Lapsed when silent more than ``days``; everyone else counts as active."""
    lapsed = came_back = active = gone = 0
    for history in histories.values():
        past = [p.at.date() for p in history if p.at.date() <= as_of]
        if not past:
            continue
        returned = _bought(history, as_of)
        if (as_of - max(past)).days > days:
            lapsed += 1
            came_back += returned
        else:
            active += 1
            gone += not returned
    return lapsed, came_back, active, gone, 0, 0


def bgnbd_rule(histories: dict[str, list[Purchase]], as_of: date) -> Summary:
    """Lapsed when BG/NBD's P(alive) < 0.5, fitted on the purchases up to ``as_of``."""
    import pandas as pd  # noqa: PLC0415 - benchmark-only dependencies
    from lifetimes import BetaGeoFitter  # noqa: PLC0415
    from lifetimes.utils import summary_data_from_transaction_data  # noqa: PLC0415

    rows = [(cid, p.at.date()) for cid, h in histories.items() for p in h if p.at.date() <= as_of]
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
    lapsed = came_back = active = gone = 0
    for cid, p_alive in zip(data.index, alive, strict=True):
        returned = _bought(histories[cid], as_of)
        if p_alive < 0.5:
            lapsed += 1
            came_back += returned
        else:
            active += 1
            gone += not returned
    return lapsed, came_back, active, gone, 0, 0


GRID = [
    (Decimal(multiple), floor, Decimal(overdue))
    for multiple in (2, 3, 4)
    for floor in (90, 120, 180)
    for overdue in ("1", "1.5")
]


def main() -> None:
    """Print the comparison at each calibration date, then the grid."""
    histories = load(sys.argv[1] if len(sys.argv) > 1 else None)
    print(f"CDNOW: {len(histories):,} customers, {sum(map(len, histories.values())):,} orders")
    has_lifetimes = importlib.util.find_spec("lifetimes") is not None
    for as_of in CALIBRATION_DATES:
        print(f"\nstaged on {as_of}, outcome: bought in the next {OUTCOME_DAYS} days")
        staged, bought = custrel_rule(histories, as_of, DEFAULT_LIFECYCLE)
        for stage in Stage:
            if staged[stage]:
                share = 100 * bought[stage] / staged[stage]
                print(f"  {stage.value:<10} {staged[stage]:6,}  bought again {share:5.1f} %")
        print(_row("custrel defaults", summary(staged, bought)))
        print(_row("silent > 90 days", silence_rule(histories, as_of, 90)))
        print(_row("silent > 180 days", silence_rule(histories, as_of, 180)))
        if has_lifetimes:
            print(_row("BG/NBD P(alive) < 0.5", bgnbd_rule(histories, as_of)))
        else:
            print("  BG/NBD skipped: lifetimes is not installed")
    print("\ngrid, both dates summed")
    for multiple, floor, overdue in GRID:
        policy = attrs.evolve(
            DEFAULT_LIFECYCLE,
            horizon_multiple=multiple,
            horizon_floor_days=floor,
            overdue_multiple=overdue,
        )
        name = f"multiple={multiple} floor={floor} overdue={overdue}"
        total = [0] * 6
        for as_of in CALIBRATION_DATES:
            for i, n in enumerate(summary(*custrel_rule(histories, as_of, policy))):
                total[i] += n
        print(_row(name, (total[0], total[1], total[2], total[3], total[4], total[5])))


if __name__ == "__main__":
    main()
