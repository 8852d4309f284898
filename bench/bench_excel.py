"""Time reading a purchases workbook to text with python-calamine and with openpyxl.

Run: python bench/bench_excel.py [--rows N]   (default 100,000 rows)

Writes a workbook shaped like a real purchases export (string ids, a date and time,
money with cents, a quantity, a Chinese product name and a free-text note, 备注) with
openpyxl's write-only mode, then reads every row to text with each library, each run
in a fresh interpreter so that its peak memory (ru_maxrss) is its own. Prints the
median of 3 runs and the largest peak. custrel.io reads workbooks with the faster,
leaner one (python-calamine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import random
import statistics
import subprocess
import sys
import tempfile

import openpyxl

PRODUCTS = ("铁观音", "龙井茶", "普洱茶饼", "茶具套装", "Gift card")
NOTES = ("", "", "客户要求发票", "VIP 回访后购买", "paid by transfer")

# Each reader turns every cell into text and prints the seconds it took and its row count.
# Both import custrel first and share its cell-to-text table, as the command line would:
# the figures differ by the library alone. The baseline only imports.
SETUP = """
import sys, time, pathlib
from custrel.io._excel import _TEXT, _sheet_rows
start = time.perf_counter()
"""
READERS = {
    "(custrel import only)": SETUP
    + """
rows = -1
""",
    "python-calamine": SETUP
    + """
rows = sum(1 for _ in _sheet_rows(pathlib.Path(sys.argv[1])))
""",
    "openpyxl": SETUP
    + """
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
rows = 0
for row in wb.worksheets[0].iter_rows(values_only=True):
    cells = ["" if cell is None else _TEXT[type(cell)](cell) for cell in row]
    rows += 1
wb.close()
""",
}
READERS = {
    name: code + "print(time.perf_counter() - start, rows)\n" for name, code in READERS.items()
}
# ru_maxrss of the children, in KiB on Linux, after the child has ended
PEAK = """
import resource, subprocess, sys
command = [sys.executable, "-c", sys.argv[1], sys.argv[2]]
subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def write_workbook(path: pathlib.Path, rows: int) -> None:
    """Write ``rows`` purchases and a header row to one sheet."""
    rng = random.Random(2026)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("purchases")
    sheet.append(["customer_id", "at", "amount", "quantity", "product", "备注"])
    start = dt.datetime(2024, 1, 1, 9, 0)  # noqa: DTZ001 - Excel cells have no zone
    for _ in range(rows):
        sheet.append(
            [
                f"c-{rng.randrange(100_000):05d}",
                start + dt.timedelta(minutes=rng.randrange(1_000_000)),
                rng.randrange(100, 500_000) / 100,
                rng.randrange(1, 20),
                rng.choice(PRODUCTS),
                rng.choice(NOTES),
            ]
        )
    workbook.save(path)


def run(code: str, path: pathlib.Path) -> tuple[float, int]:
    """Seconds one fresh interpreter took to read every row, and the rows it read."""
    out = subprocess.run(  # noqa: S603 - this interpreter and code written above
        [sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), int(out[1])


def peak_mb(code: str, path: pathlib.Path) -> float:
    """The peak resident memory, in MB, of a fresh interpreter reading every row."""
    out = subprocess.run(  # noqa: S603 - this interpreter and code written above
        [sys.executable, "-c", PEAK, code, str(path)], check=True, capture_output=True, text=True
    ).stdout
    return int(out) / 1024


def main() -> None:
    """Write the workbook, then time and measure each reader."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    rows = parser.parse_args().rows
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "purchases.xlsx"
        write_workbook(path, rows)
        size = path.stat().st_size / 1e6
        print(f"{rows:,} purchases, 6 columns, {size:.1f} MB .xlsx; median of 3 fresh runs")
        print(f"{'library':<22} {'seconds':>8} {'peak RSS MB':>12}")
        for name, code in READERS.items():
            times = []
            for _ in range(3):
                seconds, read = run(code, path)
                if read not in (rows + 1, -1):
                    msg = f"{name} read {read} rows, not {rows + 1}"
                    raise SystemExit(msg)
                times.append(seconds)
            peak = max(peak_mb(code, path) for _ in range(3))
            print(f"{name:<22} {statistics.median(times):>8.2f} {peak:>12.0f}")


if __name__ == "__main__":
    main()
