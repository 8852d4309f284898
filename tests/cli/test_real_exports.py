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


# Each message of reading a real export -------------------------------------------------------


def _call(*args: str) -> tuple[int, str, str]:
    out, err = stdio.StringIO(), stdio.StringIO()
    status = main([*args, "--as-of", AS_OF.isoformat()], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def _book(path: pathlib.Path, sheets: dict[str, list[list[object]]]) -> None:
    book = openpyxl.Workbook(write_only=True)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)


PURCHASE_SHEET: list[list[object]] = [
    ["客户编号", "时间", "产品", "金额"],
    ["c-1", datetime(2026, 11, 2, 9, 30), "茶", 12.5],  # noqa: DTZ001 - Excel has no zones  # noqa: DTZ001 - Excel keeps no zone
]


def test_a_sheet_that_is_no_table_is_a_notice(tmp_path: pathlib.Path) -> None:
    book = tmp_path / "book.xlsx"
    _book(book, {"购买记录": PURCHASE_SHEET, "说明": [["readme"]]})
    status, out, err = _call("report", str(book), "--tz", "Asia/Shanghai", "--format", "csv")
    assert status == 0
    assert err.splitlines()[0] == f"{book}[说明]: not a table of a portfolio; ignored"
    assert out.splitlines()[1].startswith("c-1,")


@pytest.mark.parametrize(
    ("sheets", "message"),
    [
        (
            {"购买记录": PURCHASE_SHEET, "purchases": PURCHASE_SHEET},
            "{book}: sheets 购买记录 and purchases are both purchases; keep one",
        ),
        (
            {"Sheet1": PURCHASE_SHEET},
            (
                "{book}: no sheet is a table of a portfolio (expected profiles (客户),"
                " opportunities (商机), contacts (联系记录), purchases (购买记录),"
                " complaints (投诉))"
            ),
        ),
    ],
)
def test_a_workbook_that_is_no_portfolio_is_a_usage_error(
    tmp_path: pathlib.Path, sheets: dict[str, list[list[object]]], message: str
) -> None:
    book = tmp_path / "book.xlsx"
    _book(book, sheets)
    status, _, err = _call("report", str(book))
    assert status == 2
    assert err.endswith(f"error: {message.format(book=book)}\n")


def test_a_file_named_xlsx_that_is_no_workbook_is_a_usage_error(tmp_path: pathlib.Path) -> None:
    book = tmp_path / "book.xlsx"
    book.write_text("customer_id,at\n")
    status, _, err = _call("report", str(book))
    assert status == 2
    assert "Traceback" not in err
    assert f"error: {book}" in err


def test_a_workbook_without_the_excel_extra_is_a_usage_error_saying_how_to_install_it(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = tmp_path / "purchases.xlsx"
    _book(book, {"Sheet1": PURCHASE_SHEET})
    monkeypatch.setitem(__import__("sys").modules, "python_calamine", None)
    for where in (book, tmp_path):
        status, _, err = _call("report", str(where))
        assert status == 2
        assert err.endswith(
            "reading Excel workbooks needs python-calamine, the excel extra: pip install"
            ' "custrel[excel]"\n'
        )


def test_a_folder_may_hold_a_workbook_per_table(tmp_path: pathlib.Path) -> None:
    _book(tmp_path / "purchases.xlsx", {"Sheet1": PURCHASE_SHEET})
    status, out, err = _call("report", str(tmp_path), "--tz", "Asia/Shanghai", "--format", "jsonl")
    assert (status, err) == (0, "")
    assert json.loads(out)["value"] == "12.5"


def test_encoding_forces_one_encoding_and_a_bad_name_is_a_usage_error(
    tmp_path: pathlib.Path,
) -> None:
    (tmp_path / "purchases.csv").write_bytes(
        "customer_id,at,product,amount\nc-1,2026-11-02T09:30Z,烏龍茶,9\n".encode("big5")
    )
    status, out, err = _call("report", str(tmp_path), "--encoding", "big5", "--format", "jsonl")
    assert (status, err) == (0, "")
    assert json.loads(out)["value"] == "9"
    status, _, err = _call("report", str(tmp_path), "--encoding", "klingon")
    assert status == 2
    assert "--encoding: expected an encoding such as utf-8, gb18030 or utf-16, got 'klingon'" in err


def test_columns_maps_headers_in_the_command_line_and_the_backtest(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "purchases.csv").write_text(
        "会员,交易日期,品名,实收\nc-1,2026/11/2 9:30,茶,¥12.50\nc-1,2025/11/2 9:30,茶,¥12.50\n"
    )
    columns = tmp_path / "columns.json"
    columns.write_text(
        json.dumps({"会员": "customer_id", "purchases": {"交易日期": "at", "实收": "amount"}})
    )
    status, out, err = _call(
        "report",
        str(folder),
        "--columns",
        str(columns),
        "--tz",
        "Asia/Shanghai",
        "--format",
        "jsonl",
    )
    assert (status, err) == (0, "")
    assert json.loads(out)["value"] == "25.00"
    (folder / "portfolio.json").write_text(json.dumps({"columns": json.loads(columns.read_text())}))
    backtest = main(
        [
            "backtest",
            str(folder),
            "--at",
            "2026-06-30",
            "--until",
            "2026-11-20",
            "--tz",
            "Asia/Shanghai",
        ],
        stdout=stdio.StringIO(),
        stderr=stdio.StringIO(),
    )
    assert backtest == 0
    columns.write_text('{"实收": "paid"}')
    status, _, err = _call("report", str(folder), "--columns", str(columns))
    assert status == 2
    assert f"{columns}: 实收: expected a field name or a table's section, got 'paid'" in err


def test_the_records_of_a_refused_profile_are_skipped_once_per_customer(
    tmp_path: pathlib.Path,
) -> None:
    (tmp_path / "profiles.csv").write_text("客户编号,建档日期\nc-1,2025-01-01\nc-2,someday\n")
    (tmp_path / "purchases.csv").write_text(
        "客户编号,时间,产品,金额\n"
        + "c-2,2026-11-02T09:30Z,茶,9\n" * 12
        + "c-1,2026-11-02T09:30Z,茶,9\nc-1,2026-12-02T09:30Z,茶,9\n"
    )
    status, out, err = _call("report", str(tmp_path), "--format", "csv")
    assert status == 1
    profiles, purchases = tmp_path / "profiles.csv", tmp_path / "purchases.csv"
    assert err.splitlines() == [
        (
            f"{profiles}:3: created_on: expected a date with the year first, such as 2026-11-02,"
            " 2026/11/2 or 2026年11月2日, got str 'someday'"
        ),
        (
            f"12 records of c-2 skipped: its profile at {profiles}:3 was refused (the first at"
            f" {purchases}:2)"
        ),
        f"{profiles} (UTF-8): 2 records: 1 kept, 1 refused, 0 skipped",
        (
            f"{purchases} (UTF-8): 14 records: 2 kept, 0 refused, 12 skipped; 1 dated after the"
            " reference day 2026-11-22 is kept but not counted by any rule (check --as-of and the"
            " time zone)"
        ),
    ]
    assert out.splitlines()[0] == (
        "\ufeff# Partial data: 1 record refused, 12 records skipped with their customer; see the"
        " messages on standard error"
    )
    status, out, _ = _call("report", str(tmp_path), "--lang", "zh")
    assert (
        out.splitlines()[1] == "数据不完整：1 条记录被拒，12 条记录随其客户跳过；详见标准错误输出"
    )


def test_records_after_the_reference_day_are_counted_in_a_file_read_whole(
    tmp_path: pathlib.Path,
) -> None:
    """Kept (the rules leave them out), counted and said; the exit status stays 0."""
    purchases = tmp_path / "purchases.csv"
    purchases.write_text("客户编号,时间,产品,金额\nc-1,2026-12-02T09:30Z,茶,9\n")
    status, out, err = _call("report", str(tmp_path), "--format", "jsonl")
    assert status == 0
    assert err == (
        f"{purchases} (UTF-8): 1 record, all read; 1 dated after the reference day 2026-11-22"
        " is kept but not counted by any rule (check --as-of and the time zone)\n"
    )
    assert json.loads(out)["value"] == "0"


# What an attack on the readers found -----------------------------------------------------------


def test_a_broken_link_as_a_table_is_reported_and_the_rest_processed(
    tmp_path: pathlib.Path,
) -> None:
    """stat() of the link raised FileNotFoundError from the spill's sizing: a traceback."""
    (tmp_path / "purchases.csv").symlink_to(tmp_path / "nowhere.csv")
    (tmp_path / "contacts.csv").symlink_to(tmp_path / "contacts.csv")  # a loop
    status, out, err = _call("report", str(tmp_path), "--format", "csv")
    assert status == 1
    assert "Traceback" not in err
    assert f"{tmp_path / 'purchases.csv'}: cannot read: No such file or directory" in err
    assert f"{tmp_path / 'contacts.csv'}: cannot read: Too many levels of symbolic links" in err
    assert out.startswith("\ufeff# Partial data: 2 files not read")


def test_table_files_are_found_whatever_the_case_of_their_names(tmp_path: pathlib.Path) -> None:
    (tmp_path / "Purchases.CSV").write_text("客户编号,时间,产品,金额\nc-1,2026-11-02T09:30Z,茶,9\n")
    status, out, err = _call("report", str(tmp_path), "--format", "jsonl")
    assert (status, err) == (0, "")
    assert json.loads(out)["purchases"] == 1
    (tmp_path / "purchases.jsonl").write_text("")
    status, _, err = _call("report", str(tmp_path))
    assert status == 2
    assert err.endswith(f"{tmp_path}: both purchases.jsonl and Purchases.CSV; keep one\n")


def test_a_folder_holding_only_a_workbook_says_to_give_the_workbook(tmp_path: pathlib.Path) -> None:
    _book(tmp_path / "导出.xlsx", {"购买记录": PURCHASE_SHEET})
    status, _, err = _call("report", str(tmp_path))
    assert status == 2
    assert err.endswith("; to read the workbook 导出.xlsx, give it as PORTFOLIO\n")


def test_a_company_part_without_its_name_is_left_empty_and_the_customer_kept(
    tmp_path: pathlib.Path,
) -> None:
    profiles = tmp_path / "profiles.csv"
    profiles.write_text("客户编号,姓名,公司名称,员工人数,建档日期\nc-1,王芳,,5,2025-01-01\n")
    status, out, err = _call("report", str(tmp_path), "--format", "jsonl")
    assert status == 1
    assert err.splitlines()[0] == (
        f"{profiles}:2: left empty: organization.name: expected a value: the field is required,"
        " got nothing; so organization is left empty as a whole"
    )
    assert json.loads(out.splitlines()[1])["name"] == "王芳"


def test_records_are_checked_against_a_profiles_file_read_even_when_it_lists_nobody(
    tmp_path: pathlib.Path,
) -> None:
    purchases = tmp_path / "purchases.csv"
    purchases.write_text("客户编号,时间,产品,金额\nc-1,2026-11-02T09:30Z,茶,9\n")
    (tmp_path / "profiles.csv").write_text("客户编号,建档日期\n")
    status, _out, err = _call("report", str(tmp_path), "--format", "csv")
    assert status == 1
    assert err.splitlines()[0] == (
        f"1 record of c-1 skipped: no profile in {tmp_path / 'profiles.csv'} (the first at"
        f" {purchases}:2)"
    )


def test_a_profiles_file_not_read_lists_nobody_and_every_record_is_judged(
    tmp_path: pathlib.Path,
) -> None:
    """Its refusal is said once; skipping every record of every customer would say it again."""
    (tmp_path / "purchases.csv").write_text("客户编号,时间,产品,金额\nc-1,2026-11-02T09:30Z,茶,9\n")
    (tmp_path / "profiles.csv").write_bytes(b"customer_id,created_on\nc-1,\xff\xfe\x80\n")
    status, out, err = _call("report", str(tmp_path), "--format", "jsonl")
    assert status == 1
    assert f"{tmp_path / 'profiles.csv'}: not read (see above)" in err
    assert json.loads(out.splitlines()[0]) == {"partial_data": {"files": 1}}
    assert json.loads(out.splitlines()[1])["purchases"] == 1


def test_enum_words_and_dates_inside_json_cells_are_read_as_cells_are(
    tmp_path: pathlib.Path,
) -> None:
    (tmp_path / "profiles.csv").write_text(
        "客户编号,建档日期,姓名,纪念日,家庭成员\n"
        'c-1,2026-01-01,王芳,"[{""kind"": ""生日"", ""on"": ""1988/11/25""}]",'
        '"[{""name"": ""李伟"", ""relation"": ""Spouse"", ""birthday"": ""1987年3月2日""}]"\n'
    )
    status, out, err = _call("report", str(tmp_path), "--format", "jsonl", "--within", "10")
    assert (status, err) == (0, "")
    assert json.loads(out)["occasions"] == ["birthday 2026-11-25"]


def test_a_manifest_with_a_byte_order_mark_is_read(tmp_path: pathlib.Path) -> None:
    (tmp_path / "purchases.csv").write_text("customer_id,at,product,amount\n")
    (tmp_path / "portfolio.json").write_text('\ufeff{"as_of": "2026-11-20"}', encoding="utf-8")
    out, err = stdio.StringIO(), stdio.StringIO()
    assert main(["report", str(tmp_path)], stdout=out, stderr=err) == 0
    assert "as of 2026-11-20" in out.getvalue()


def test_a_semicolon_separated_file_is_read(tmp_path: pathlib.Path) -> None:
    """As Excel writes CSV where the decimal mark is a comma."""
    (tmp_path / "purchases.csv").write_text("客户编号;时间;产品;金额\nc-1;2026/11/2 9:30;茶;9\n")
    status, out, err = _call("report", str(tmp_path), "--format", "jsonl", "--tz", "Asia/Shanghai")
    assert (status, err) == (0, "")
    assert json.loads(out)["value"] == "9"


def test_a_refused_header_still_names_the_columns_it_did_not_know(tmp_path: pathlib.Path) -> None:
    purchases = tmp_path / "purchases.csv"
    purchases.write_text("客户编号,时间,产品,金额(万元)\nc-1,2026-11-02T09:30Z,茶,9\n")
    status, _, err = _call("report", str(tmp_path), "--format", "csv")
    assert status == 1
    assert err.splitlines() == [
        f"{purchases}:1: amount: expected a column: the field is required, got no column",
        f"{purchases} (UTF-8): not read (see above); none of its records is counted",
        "  金额(万元): not a field of Purchase; ignored",
    ]


def test_columns_replaces_the_manifests_columns_and_keeps_its_reference_day(
    tmp_path: pathlib.Path,
) -> None:
    (tmp_path / "purchases.csv").write_text("会员,时间,产品,金额\nc-1,2026-11-02T09:30Z,茶,9\n")
    (tmp_path / "portfolio.json").write_text(
        '{"as_of": "2026-11-20", "columns": {"会员": "product"}}'
    )
    columns = tmp_path / "columns.json"
    columns.write_text('{"会员": "customer_id"}')
    out = stdio.StringIO()
    status = main(["report", str(tmp_path), "--columns", str(columns)], stdout=out, stderr=out)
    assert status == 0
    assert "as of 2026-11-20 — 1 customers" in out.getvalue()
