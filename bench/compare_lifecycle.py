"""Balanced accuracy of "not LAPSED" against the rules people use instead (CDNOW).

Run: python bench/compare_lifecycle.py [PATH/TO/CDNOW_master.txt | PATH/TO/lifetimes.whl]
(pip install -e ".[bench]" lifetimes)

Issue 23 item 6. Every customer with a purchase on or before each date is staged from
those purchases; "not LAPSED" predicts "buys again by 1998-06-30" (the end of the data).
Balanced accuracy is the mean of the share of buyers called not lapsed and the share of
non-buyers called lapsed. Baselines: silent more than 90 and 180 days, BG/NBD
P(alive) >= 0.5 and BG/NBD expected purchases until 1998-06-30 >= 0.5 (lifetimes,
fitted on the purchases up to each date).
"""

from __future__ import annotations

import warnings
from datetime import date
from sys import argv
from typing import TYPE_CHECKING

from calibrate_lifecycle import load

from custrel.lifecycle import DEFAULT_LIFECYCLE, Stage, lifecycle_stage

if TYPE_CHECKING:
    from custrel import Purchase

DATES = (date(1997, 6, 30), date(1997, 9, 30), date(1997, 12, 31))
END = date(1998, 6, 30)
Calls = dict[str, bool]  # customer -> predicted to buy again


def balanced(calls: Calls, truth: Calls) -> float:
    """The mean of the true-positive and the true-negative rates."""
    pos = [c for c in truth if truth[c]]
    neg = [c for c in truth if not truth[c]]
    tpr = sum(calls[c] for c in pos) / len(pos)
    tnr = sum(not calls[c] for c in neg) / len(neg)
    return (tpr + tnr) / 2


def bgnbd(histories: dict[str, list[Purchase]], as_of: date) -> tuple[Calls, Calls]:
    """P(alive) >= 0.5 and expected purchases to END >= 0.5, fitted up to ``as_of``."""
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
        expected = fitter.conditional_expected_number_of_purchases_up_to_time(
            (END - as_of).days, data["frequency"], data["recency"], data["T"]
        )
    ids = list(data.index)
    return (
        dict(zip(ids, (a >= 0.5 for a in alive), strict=True)),
        dict(zip(ids, (e >= 0.5 for e in expected), strict=True)),
    )


def main() -> None:
    """Print one row per rule, one column per staging date."""
    histories = load(argv[1] if len(argv) > 1 else None)
    table: dict[str, list[float]] = {}
    for as_of in DATES:
        seen = {cid: h for cid, h in histories.items() if min(p.at.date() for p in h) <= as_of}
        truth = {cid: any(as_of < p.at.date() <= END for p in h) for cid, h in seen.items()}
        last = {cid: max(p.at.date() for p in h if p.at.date() <= as_of) for cid, h in seen.items()}
        rules: dict[str, Calls] = {
            "custrel defaults (not LAPSED)": {
                cid: lifecycle_stage(h, as_of=as_of, policy=DEFAULT_LIFECYCLE) is not Stage.LAPSED
                for cid, h in seen.items()
            },
            "silent <= 90 days": {cid: (as_of - d).days <= 90 for cid, d in last.items()},
            "silent <= 180 days": {cid: (as_of - d).days <= 180 for cid, d in last.items()},
        }
        alive, expected = bgnbd(seen, as_of)
        rules["BG/NBD P(alive) >= 0.5"] = alive
        rules["BG/NBD E[purchases] >= 0.5"] = expected
        for name, calls in rules.items():
            table.setdefault(name, []).append(balanced(calls, truth))
    print(f"| rule | {' | '.join(str(d) for d in DATES)} |")
    print(f"|---|{'---|' * len(DATES)}")
    for name, scores in table.items():
        print(f"| {name} | {' | '.join(f'{s:.3f}' for s in scores)} |")


if __name__ == "__main__":
    main()
