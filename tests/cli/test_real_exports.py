"""A portfolio as a Chinese office exports it gives exactly the report of its clean twin.

The messy twin holds every form a real export has: GB18030, UTF-8 with a byte-order
mark, UTF-16 tab-separated text, Excel workbooks with typed cells, Chinese headers and
Chinese enum words, dates like 2026年11月2日 and 2026/11/2 9:30 without a zone, amounts
like ¥1,234.50, 1234.50元 and full-width digits, an extra 备注 column and a wrong
optional cell.
"""

import csv
import io as stdio
import json
import pathlib
import random
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from custrel.__main__ import main
from custrel._cli import _sample
from custrel._cli._reading import SHEETS, TABLES
from custrel.io._cells import _columns
from custrel.io._vocabulary import _HEADERS
from custrel.labels import label

SHANGHAI = ZoneInfo("Asia/Shanghai")
AS_OF = date(2026, 11, 22)
WIDE = {ord(c): ord(c) + 0xFEE0 for c in "0123456789,."}  # to full-width forms
ENCODINGS = {
    "profiles": ("gb18030", b""),
    "contacts": ("utf-16-le", b"\xff\xfe"),
    "purchases": ("utf-8", b"\xef\xbb\xbf"),
    "complaints": ("gb18030", b""),
}


def _amount(text: str, draw: int) -> str:
    grouped = f"{Decimal(text):,}"
    return [f"¥{grouped}", f"{text}元", f"RMB {grouped}", f"￥{grouped}".translate(WIDE)][draw % 4]


def _when(text: str, draw: int) -> str:
    at = datetime.fromisoformat(text).astimezone(SHANGHAI)
    clock = f"{at.hour}:{at.minute:02d}" + (f":{at.second:02d}" if at.second else "")
    day = [f"{at.year}/{at.month}/{at.day}", f"{at.year}-{at.month:02d}-{at.day:02d}"][draw % 2]
    return f"{day}{'T' if draw % 3 == 0 else ' '}{clock}"


def _messy_cell(text: str, kind: Any, draw: int) -> str:  # noqa: PLR0911 - one return a kind of field
    if text == "":
        return text
    if kind is datetime:
        return _when(text, draw)
    if kind is date:
        day = date.fromisoformat(text)
        return [
            f"{day.year}年{day.month}月{day.day}日",
            f"{day.year}.{day.month:02d}.{day.day:02d}",
        ][draw % 2]
    if kind is Decimal:
        return _amount(text, draw)
    if kind is bool:
        return "是" if text == "true" else "否"
    if isinstance(kind, type) and issubclass(kind, str) and kind is not str:
        return label(kind(text), "zh")  # type: ignore[arg-type]
    return text


def _clean_rows(folder: pathlib.Path, table: str) -> tuple[list[str], list[list[str]]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as file:
        header, *rows = list(csv.reader(file))
    return header, rows


def _messy_table(
    folder: pathlib.Path, table: str, rng: random.Random
) -> tuple[list[str], list[list[str]]]:
    """The table with Chinese headers, Chinese cells and a 备注 column."""
    cls = TABLES[table]
    kinds = {c.name: c.kind for c in _columns(cls)}
    labels = _HEADERS[cls]
    header, rows = _clean_rows(folder, table)
    messy_header = [labels[name][0] if name in labels else name for name in header] + ["备注"]
    messy_rows = [
        [
            _messy_cell(cell, kinds[name], rng.randrange(12))
            for cell, name in zip(row, header, strict=True)
        ]
        + [rng.choice(["", "老客户", "VIP, 重点跟进", "电话未接"])]
        for row in rows
    ]
    return messy_header, messy_rows


def _write_text(path: pathlib.Path, rows: list[list[str]], encoding: str, mark: bytes) -> None:
    text = stdio.StringIO()
    csv.writer(text, delimiter="\t" if encoding.startswith("utf-16") else ",").writerows(rows)
    path.write_bytes(mark + text.getvalue().encode(encoding))


def _typed(cell: str, name: str, cls: type) -> object:
    """A clean cell as Excel would type it: numbers, dates and times as such."""
    kind = {c.name: c.kind for c in _columns(cls)}[name]
    if cell == "":
        return None
    if kind is datetime:
        return datetime.fromisoformat(cell).astimezone(SHANGHAI).replace(tzinfo=None)
    if kind is date:
        return date.fromisoformat(cell)
    if kind in (Decimal, int):
        return float(cell) if "." in cell else int(cell)
    if kind is bool:
        return cell == "true"
    return _messy_cell(cell, kind, 0)


def _sheet(book: openpyxl.Workbook, title: str, folder: pathlib.Path, table: str) -> None:
    cls = TABLES[table]
    header, rows = _clean_rows(folder, table)
    sheet = book.create_sheet(title)
    labels = _HEADERS[cls]
    sheet.append([labels[name][0] if name in labels else name for name in header] + ["备注"])
    for row in rows:
        sheet.append([_typed(c, n, cls) for c, n in zip(row, header, strict=True)] + ["x"])


def _messy_twin(clean: pathlib.Path, messy: pathlib.Path, seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 - test data
    messy.mkdir()
    for table, (encoding, mark) in ENCODINGS.items():
        header, rows = _messy_table(clean, table, rng)
        if table == "profiles" and rows:  # a wrong optional cell: left empty, reported
            rows[0][header.index("生日")] = "1988-02-30"
        _write_text(messy / f"{table}.csv", [header, *rows], encoding, mark)
    book = openpyxl.Workbook(write_only=True)
    _sheet(book, "商机", clean, "opportunities")
    book.save(messy / "opportunities.xlsx")


def _workbook_twin(clean: pathlib.Path, path: pathlib.Path) -> None:
    book = openpyxl.Workbook(write_only=True)
    for table in TABLES:
        _sheet(book, SHEETS[table][0], clean, table)
    book.save(path)


def _report(where: pathlib.Path, *options: str) -> tuple[int, list[dict[str, Any]], str]:
    out, err = stdio.StringIO(), stdio.StringIO()
    status = main(
        ["report", str(where), "--format", "jsonl", "--as-of", AS_OF.isoformat(), *options],
        stdout=out,
        stderr=err,
    )
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    return status, rows, err.getvalue()


def _clean(tmp: pathlib.Path, customers: int, seed: int) -> pathlib.Path:
    clean = tmp / "clean"
    _sample.write_portfolio(clean, customers, seed=seed, as_of=AS_OF, form="csv")
    (clean / "portfolio.json").unlink()
    return clean


@pytest.mark.parametrize("customers", [0, 1, 40])
def test_a_messy_export_gives_exactly_the_report_of_its_clean_twin(
    tmp_path: pathlib.Path, customers: int
) -> None:
    clean = _clean(tmp_path, customers, seed=customers)
    _messy_twin(clean, tmp_path / "messy", seed=customers)
    status, expected, err = _report(clean)
    assert (status, err) == (0, "")
    status, found, err = _report(tmp_path / "messy", "--tz", "Asia/Shanghai")
    if customers:  # the wrong birthday
        assert found[0] == {"partial_data": {"emptied": 1}}
        assert status == 1
        found = found[1:]
    assert found == expected
    lines = err.splitlines()
    for table, (encoding, _) in ENCODINGS.items():
        name = {"gb18030": "GB18030", "utf-16-le": "UTF-16", "utf-8": "UTF-8"}[encoding]
        assert any(
            line.startswith(f"{tmp_path / 'messy' / table}.csv ({name}): ") for line in lines
        )
    assert "  备注: not a field of Purchase; ignored" in lines
    if customers:
        assert (
            f"{tmp_path / 'messy' / 'profiles.csv'}:2: left empty: person.birthday: expected a"
            " date with the year first, such as 2026-11-02, 2026/11/2 or 2026年11月2日, got str"
            " '1********0'; an impossible date: that month has no such day"
        ) in lines


def test_one_workbook_with_chinese_sheet_names_gives_the_report_of_its_clean_twin(
    tmp_path: pathlib.Path,
) -> None:
    clean = _clean(tmp_path, 30, seed=3)
    book = tmp_path / "客户管理.xlsx"
    _workbook_twin(clean, book)
    expected = _report(clean)[1]
    status, found, err = _report(book, "--tz", "Asia/Shanghai")
    assert found == expected
    assert status == 0
    assert "备注: not a field of CustomerProfile; ignored" in err


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(customers=st.integers(1, 12), seed=st.integers(0, 10_000))
def test_every_random_portfolio_reads_the_same_from_its_messy_twin(
    tmp_path_factory: pytest.TempPathFactory, customers: int, seed: int
) -> None:
    tmp = tmp_path_factory.mktemp("twin")
    clean = _clean(tmp, customers, seed)
    _messy_twin(clean, tmp / "messy", seed)
    expected = _report(clean)[1]
    found = _report(tmp / "messy", "--tz", "Asia/Shanghai")[1]
    assert found[1:] == expected
