"""Time custrel.io's readers against the readers before they read Chinese exports (0b8d15a).

Run: python bench/bench_reading.py [--customers N] [--rounds R] [--quick] [--profile]
                                   [--old-src DIR] [--new-src DIR]

The target: a 1.2 M-record CSV portfolio reads no slower than with the readers before
they read Chinese exports, and a 100,000-row workbook reads in seconds. This script
writes a generated portfolio (bench/make_portfolio.py, 100,000 customers, ``--events
10 --csv``: about 1.2 M records; cached under /tmp keyed by its arguments) and reads
every table with
``read_csv(cls, path, tz=ZoneInfo("Asia/Shanghai"))``, consuming every record:

- old: the readers of commit 0b8d15a, from a second checkout's ``src`` (``--old-src``,
  by default ``../custrel-0b8d15a/src`` beside this checkout, made once with
  ``git worktree add ../custrel-0b8d15a 0b8d15a``);
- new: the readers of this checkout;
- gb18030: the same files re-encoded as GB18030 (new reader only: the old one refused
  them), as a ratio to the new reader on the UTF-8 files;
- zh: the same files in UTF-8 with Chinese headers (客户编号, 时间, 金额 ...), amounts
  written ``¥1,234.50``, times ``2026/11/02 09:30`` and dates ``2026/11/02`` (new
  reader only), as a ratio to the new reader on the plain files.

Both versions cannot share one process, so each read runs in a fresh interpreter,
the variants alternating within each round (round r starts with a different one);
the table gives the median and the worst of R rounds, the ratio of medians and the
ratio of the worst rounds, and the largest peak RSS of the child (VmHWM on Linux, as
its ru_maxrss would include this parent's peak, inherited across fork and exec;
ru_maxrss elsewhere; the interpreter and custrel's imports are in it, see the
"import only" row). Record counts are checked equal before anything is reported.

Then a 100,000-row purchases workbook (bench/bench_excel.py's, written with openpyxl
write-only: string ids, a datetime, money with cents as a number, an int quantity, a
Chinese product, an extra 备注 column) is read with ``read_excel``, next to
python-calamine's raw read of every row to text, the same way.

``--quick`` runs everything on 2,000 customers and 2,000 rows, once, so that CI can
keep this script working; its figures mean nothing. ``--profile`` also prints the top
25 functions by own time of the new reader on purchases.csv (cProfile).
"""

from __future__ import annotations

import argparse
import csv
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from bench_excel import write_workbook

from custrel._cli._reading import TABLES
from custrel._cli._sample import SAMPLE_AS_OF, SAMPLE_SEED, write_portfolio
from custrel.io._cells import _columns
from custrel.io._vocabulary import _HEADERS

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

NEW_SRC = pathlib.Path(__file__).resolve().parent.parent / "src"
OLD_COMMIT = "0b8d15a"
OLD_SRC = NEW_SRC.parent.parent / f"custrel-{OLD_COMMIT}" / "src"
CACHE = pathlib.Path(tempfile.gettempdir()) / "custrel-readbench"
EVENTS = 10

# One read in a fresh interpreter: seconds, records, bad records, peak RSS in KiB.
# The imports are not timed; the peak (ru_maxrss of this process) includes them.
CHILD = """
import resource, sys, time
from zoneinfo import ZoneInfo
mode, name, path = sys.argv[1:4]
import custrel.io, custrel.models
cls = getattr(custrel.models, name)
tz = ZoneInfo("Asia/Shanghai")
records = None
start = time.perf_counter()
if mode == "csv":
    records = custrel.io.read_csv(cls, path, tz=tz)
    count = sum(1 for _ in records)
elif mode == "excel":
    records = custrel.io.read_excel(cls, path, tz=tz)
    count = sum(1 for _ in records)
elif mode == "calamine":
    import pathlib
    from custrel.io._excel import _sheet_rows
    count = sum(1 for _ in _sheet_rows(pathlib.Path(path))) - 1
else:
    count = 0
seconds = time.perf_counter() - start
bad = 0 if records is None else len(records.problems)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:  # Linux: this process's own peak (ru_maxrss keeps the parent's across fork and exec)
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    pass
print(seconds, count, bad, peak)
"""

PROFILE = """
import cProfile, pstats, sys
from zoneinfo import ZoneInfo
from custrel.io import read_csv
from custrel.models import Purchase
profile = cProfile.Profile()
profile.enable()
count = sum(1 for _ in read_csv(Purchase, sys.argv[1], tz=ZoneInfo("Asia/Shanghai")))
profile.disable()
print(count, "records")
pstats.Stats(profile).sort_stats("tottime").print_stats(25)
"""


@dataclass(frozen=True)
class Read:
    """One read in a fresh interpreter."""

    seconds: float
    records: int
    bad: int
    peak_kib: int


def child(src: pathlib.Path, mode: str, name: str, path: pathlib.Path | str) -> Read:
    """Read ``path`` as model ``name`` with the custrel of ``src``, in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(  # noqa: S603 - this interpreter and code written above
        [sys.executable, "-c", CHILD, mode, name, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout.split()
    return Read(float(out[0]), int(out[1]), int(out[2]), int(out[3]))


def portfolio(customers: int) -> pathlib.Path:
    """The folder of the generated CSV portfolio, written once per arguments."""
    folder = CACHE / f"portfolio-c{customers}-e{EVENTS}-s{SAMPLE_SEED}"
    if not (folder / "portfolio.json").exists():
        partial = folder.with_suffix(".partial")
        write_portfolio(
            partial, customers, seed=SAMPLE_SEED, as_of=SAMPLE_AS_OF, events=EVENTS, form="csv"
        )
        partial.rename(folder)
    return folder


def _chinese_cell(text: str, kind: object) -> str:
    """A plain cell as a Chinese export writes it: ¥ amounts, slashed dates and times."""
    if text == "":
        return text
    if kind is Decimal:
        return f"¥{Decimal(text):,.2f}"
    if kind is datetime:
        return datetime.fromisoformat(text).strftime("%Y/%m/%d %H:%M")
    if kind is date:
        return text.replace("-", "/")
    return text


def variants(folder: pathlib.Path) -> tuple[pathlib.Path, pathlib.Path]:
    """The folders of the GB18030 copy and of the Chinese-export copy, written once."""
    gb, zh = folder / "gb18030", folder / "zh"
    for table, cls in TABLES.items():
        plain = folder / f"{table}.csv"
        if not (gb / plain.name).exists():
            gb.mkdir(exist_ok=True)
            part = gb / f"{plain.name}.partial"
            part.write_text(plain.read_text(encoding="utf-8"), encoding="gb18030")
            part.rename(gb / plain.name)
        if not (zh / plain.name).exists():
            zh.mkdir(exist_ok=True)
            part = zh / f"{plain.name}.partial"
            write_chinese(plain, part, cls)
            part.rename(zh / plain.name)
    return gb, zh


def write_chinese(plain: pathlib.Path, out: pathlib.Path, cls: type) -> None:
    """Rewrite a plain CSV table with Chinese headers and Chinese cell forms."""
    labels = _HEADERS.get(cls, {})
    kinds = {column.name: column.kind for column in _columns(cls)}
    with (
        plain.open(encoding="utf-8", newline="") as source,
        out.open("w", encoding="utf-8", newline="") as sink,
    ):
        reader, writer = csv.reader(source), csv.writer(sink)
        header = next(reader)
        writer.writerow([labels[name][0] if name in labels else name for name in header])
        columns = [kinds[name] for name in header]
        writer.writerows(
            [_chinese_cell(text, kind) for text, kind in zip(row, columns, strict=True)]
            for row in reader
        )


def workbook(rows: int) -> pathlib.Path:
    """The purchases workbook of ``rows`` rows, written once."""
    path = CACHE / f"purchases-{rows}.xlsx"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        part = path.with_suffix(".partial.xlsx")
        write_workbook(part, rows)
        part.rename(path)
    return path


def _rotate(items: Sequence[str], by: int) -> list[str]:
    return [*items[by % len(items) :], *items[: by % len(items)]]


def rounds(
    jobs: dict[str, tuple[pathlib.Path, str, str, pathlib.Path | str]], n: int
) -> dict[str, list[Read]]:
    """Each job run ``n`` times, alternating, each round starting with the next job."""
    results: dict[str, list[Read]] = {name: [] for name in jobs}
    for r in range(n):
        for name in _rotate(list(jobs), r):
            results[name].append(child(*jobs[name]))
    return results


def _check(label: str, reads: Iterable[Read], expected: int) -> None:
    for read in reads:
        if read.records != expected or read.bad:
            msg = f"{label}: read {read.records} records ({read.bad} bad), not {expected}"
            raise SystemExit(msg)


def _s(reads: list[Read]) -> tuple[float, float]:
    times = [r.seconds for r in reads]
    return statistics.median(times), max(times)


def _mb(reads: Iterable[Read]) -> float:
    return max(r.peak_kib for r in reads) / 1024


def bench_csv(folder: pathlib.Path, old_src: pathlib.Path, new_src: pathlib.Path, n: int) -> None:
    """Time old and new readers (and the new one on the two variants) on every table."""
    gb, zh = variants(folder)
    base = rounds(
        {"old": (old_src, "import", "Purchase", ""), "new": (new_src, "import", "Purchase", "")},
        n,
    )
    print(f"import only: peak RSS old {_mb(base['old']):.0f} MB, new {_mb(base['new']):.0f} MB")
    head = (
        f"{'table':<14}{'records':>10}{'old s':>8}{'(worst)':>8}{'new s':>8}{'(worst)':>8}"
        f"{'new/old':>8}{'(worst)':>8}{'rec/s new':>11}{'old MB':>8}{'new MB':>8}"
    )
    head2 = (
        f"{'table':<14}{'gb18030 s':>10}{'(worst)':>8}{'/new':>7}{'(worst)':>8}{'MB':>6}"
        f"{'zh s':>8}{'(worst)':>8}{'/new':>7}{'(worst)':>8}{'MB':>6}"
    )
    lines, lines2 = [head], [head2]
    totals: dict[str, list[float]] = {k: [0.0] * n for k in ("old", "new", "gb", "zh")}
    all_records = 0
    for table, cls in TABLES.items():
        name, file = cls.__name__, f"{table}.csv"
        got = rounds(
            {
                "old": (old_src, "csv", name, folder / file),
                "new": (new_src, "csv", name, folder / file),
                "gb": (new_src, "csv", name, gb / file),
                "zh": (new_src, "csv", name, zh / file),
            },
            n,
        )
        count = got["old"][0].records
        for key, reads in got.items():
            _check(f"{table} {key}", reads, count)
            for i, read in enumerate(reads):
                totals[key][i] += read.seconds
        all_records += count
        (om, ow), (nm, nw), (gm, gw), (zm, zw) = (_s(got[k]) for k in ("old", "new", "gb", "zh"))
        lines.append(
            f"{table:<14}{count:>10,}{om:>8.2f}{ow:>8.2f}{nm:>8.2f}{nw:>8.2f}"
            f"{nm / om:>8.2f}{nw / ow:>8.2f}{count / nm:>11,.0f}"
            f"{_mb(got['old']):>8.0f}{_mb(got['new']):>8.0f}"
        )
        lines2.append(
            f"{table:<14}{gm:>10.2f}{gw:>8.2f}{gm / nm:>7.2f}{gw / nw:>8.2f}{_mb(got['gb']):>6.0f}"
            f"{zm:>8.2f}{zw:>8.2f}{zm / nm:>7.2f}{zw / nw:>8.2f}{_mb(got['zh']):>6.0f}"
        )
    # the portfolio: the sum of each round's reads
    (om, ow), (nm, nw) = ((statistics.median(totals[k]), max(totals[k])) for k in ("old", "new"))
    (gm, gw), (zm, zw) = ((statistics.median(totals[k]), max(totals[k])) for k in ("gb", "zh"))
    lines.append(
        f"{'portfolio':<14}{all_records:>10,}{om:>8.2f}{ow:>8.2f}{nm:>8.2f}{nw:>8.2f}"
        f"{nm / om:>8.2f}{nw / ow:>8.2f}{all_records / nm:>11,.0f}"
    )
    lines2.append(
        f"{'portfolio':<14}{gm:>10.2f}{gw:>8.2f}{gm / nm:>7.2f}{gw / nw:>8.2f}{'':>6}"
        f"{zm:>8.2f}{zw:>8.2f}{zm / nm:>7.2f}{zw / nw:>8.2f}"
    )
    print(f"\nCSV, UTF-8: old ({OLD_COMMIT}) and new readers; median and worst of {n} rounds")
    print("\n".join(lines))
    print("\nNew reader on GB18030 and on Chinese-export copies; ratio to new on UTF-8")
    print("\n".join(lines2))


def bench_excel(new_src: pathlib.Path, rows: int, n: int) -> None:
    """Time read_excel and python-calamine's raw read on a purchases workbook."""
    path = workbook(rows)
    got = rounds(
        {
            "read_excel": (new_src, "excel", "Purchase", path),
            "calamine": (new_src, "calamine", "Purchase", path),
        },
        n,
    )
    for key, reads in got.items():
        _check(key, reads, rows)
    size = path.stat().st_size / 1e6
    print(f"\nWorkbook: {rows:,} purchases, 6 columns, {size:.1f} MB; median and worst of {n}")
    print(f"{'reader':<26}{'s':>8}{'(worst)':>8}{'rec/s':>10}{'MB':>6}")
    for key, label in (
        ("read_excel", "read_excel(Purchase)"),
        ("calamine", "calamine rows to text"),
    ):
        median, worst = _s(got[key])
        print(f"{label:<26}{median:>8.2f}{worst:>8.2f}{rows / median:>10,.0f}{_mb(got[key]):>6.0f}")
    ratio = _s(got["read_excel"])[0] / _s(got["calamine"])[0]
    print(f"read_excel / calamine: {ratio:.2f}")


def main() -> None:
    """Write or reuse the data, then time each reader."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the workbook")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="small data, one round")
    parser.add_argument("--profile", action="store_true", help="cProfile the new purchases read")
    parser.add_argument("--old-src", type=pathlib.Path, default=OLD_SRC)
    parser.add_argument("--new-src", type=pathlib.Path, default=NEW_SRC, help="another new")
    args = parser.parse_args()
    if args.quick:
        args.customers, args.rows, args.rounds = 2_000, 2_000, 1
    if not (args.old_src / "custrel" / "io").is_dir():
        msg = (
            f"no old custrel at {args.old_src}: git worktree add {args.old_src.parent} {OLD_COMMIT}"
        )
        raise SystemExit(msg)
    folder = portfolio(args.customers)
    print(f"{folder}: {args.customers:,} customers, --events {EVENTS}")
    print(f"old: {args.old_src}, new: {args.new_src}")
    bench_csv(folder, args.old_src, args.new_src, args.rounds)
    bench_excel(args.new_src, args.rows, args.rounds)
    if args.profile:
        env = {**os.environ, "PYTHONPATH": str(args.new_src)}
        subprocess.run(  # noqa: S603 - this interpreter and code written above
            [sys.executable, "-c", PROFILE, str(folder / "purchases.csv")], check=True, env=env
        )


if __name__ == "__main__":
    main()
