"""Write a generated portfolio: the demo's bundled sample, or benchmark data.

    python bench/make_portfolio.py --sample                  # src/custrel/data/sample
    python bench/make_portfolio.py OUT --customers 100000 --events 10 [--csv]

The sample is drawn once with a fixed seed and committed; the same arguments always
write the same records.
"""

import argparse
import pathlib
import time

from custrel._cli import _sample

SAMPLE = pathlib.Path(__file__).parent.parent / "src" / "custrel" / "data" / "sample"


def main() -> None:
    """Parse the arguments and write the portfolio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", type=pathlib.Path, help="the folder to write")
    parser.add_argument("--sample", action="store_true", help="rewrite the bundled sample")
    parser.add_argument("--customers", type=int, default=_sample.SAMPLE_CUSTOMERS)
    parser.add_argument("--events", type=int, default=8, help="mean purchases of a buyer")
    parser.add_argument("--seed", type=int, default=_sample.SAMPLE_SEED)
    parser.add_argument("--csv", action="store_true", help="CSV instead of JSON Lines")
    args = parser.parse_args()
    out = SAMPLE if args.sample else args.out
    if out is None:
        parser.error("give OUT or --sample")
    start = time.perf_counter()
    counts = _sample.write_portfolio(
        out,
        args.customers,
        seed=args.seed,
        as_of=_sample.SAMPLE_AS_OF,
        events=args.events,
        form="csv" if args.csv else "jsonl",
    )
    took = time.perf_counter() - start
    print(f"{out}: {counts}, {sum(counts.values()):,} records in {took:.1f} s")


if __name__ == "__main__":
    main()
