"""custrel.io._excel: sheet names and rows of typed cells as text (python-calamine)."""

import io
import pathlib
import sys
import zipfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custrel.errors import CustrelError, InvalidInputError
from custrel.io._excel import _float_text, _sheet_names, _sheet_rows


def workbook(path: pathlib.Path, sheets: dict[str, dict[str, Any]]) -> pathlib.Path:
    """Write ``{sheet: {cell: value}}`` to ``path``, sheets in order."""
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])  # the default sheet
    for name, cells in sheets.items():
        sheet = book.create_sheet(name)
        for at, value in cells.items():
            sheet[at] = value
    book.save(path)
    return path


def test_sheet_names_in_workbook_order(tmp_path: pathlib.Path) -> None:
    path = workbook(tmp_path / "p.xlsx", {"purchases": {}, "购买记录": {}, "Contacts": {}})
    assert _sheet_names(path) == ["purchases", "购买记录", "Contacts"]


def test_typed_cells_become_the_text_a_csv_cell_holds(tmp_path: pathlib.Path) -> None:
    values = [
        "c-00042",
        3,
        398.5,
        0.1 + 0.2,
        1234.0,
        1e-7,
        date(2026, 11, 2),
        datetime(2026, 11, 2, 9, 30),  # noqa: DTZ001 - Excel has no zones
        datetime(2026, 11, 2, 9, 30, 1, 500000),  # noqa: DTZ001 - Excel has no zones
        True,
        False,
        " 铁观音 ",
        time(9, 30),
        timedelta(days=1, hours=2),
    ]
    cells = {f"{chr(ord('A') + i)}1": v for i, v in enumerate(values)}
    path = workbook(tmp_path / "p.xlsx", {"Sheet1": cells})
    assert list(_sheet_rows(path)) == [
        (
            1,
            [
                "c-00042",
                "3",
                "398.5",
                "0.3",
                "1234",
                "0.0000001",
                "2026-11-02",
                "2026-11-02T09:30:00",
                "2026-11-02T09:30:01.500000",
                "true",
                "false",
                " 铁观音 ",
                "09:30:00",
                "1 day, 2:00:00",
            ],
        )
    ]


def test_a_datetime_at_midnight_reads_as_the_day_calamine_gives(tmp_path: pathlib.Path) -> None:
    midnight = datetime(2026, 11, 2)  # noqa: DTZ001 - Excel has no zones
    path = workbook(tmp_path / "p.xlsx", {"Sheet1": {"A1": midnight}})
    assert list(_sheet_rows(path)) == [(1, ["2026-11-02"])]


def test_rows_keep_their_excel_numbers_and_columns(tmp_path: pathlib.Path) -> None:
    """Data from C3, an empty row 4, an empty cell in between: numbered and placed as in Excel."""
    cells = {"C3": "c-1", "E3": 2, "D5": "tea"}
    path = workbook(tmp_path / "p.xlsx", {"Sheet1": cells})
    assert list(_sheet_rows(path)) == [
        (3, ["", "", "c-1", "", "2"]),
        (5, ["", "", "", "tea", ""]),
    ]


def test_a_sheet_named_in_chinese(tmp_path: pathlib.Path) -> None:
    sheets: dict[str, dict[str, Any]] = {
        "Sheet1": {"A1": "first"},
        "购买记录": {"A1": "客户", "B1": 12.5},
    }
    path = workbook(tmp_path / "p.xlsx", sheets)
    assert list(_sheet_rows(path, "购买记录")) == [(1, ["客户", "12.5"])]


def test_the_first_sheet_by_default(tmp_path: pathlib.Path) -> None:
    path = workbook(tmp_path / "p.xlsx", {"购买记录": {"A1": "a"}, "Sheet2": {"A1": "b"}})
    assert list(_sheet_rows(path)) == [(1, ["a"])]


def test_an_empty_sheet_has_no_rows(tmp_path: pathlib.Path) -> None:
    path = workbook(tmp_path / "p.xlsx", {"Sheet1": {}})
    assert list(_sheet_rows(path)) == []


def test_an_error_cell_reads_as_empty(tmp_path: pathlib.Path) -> None:
    """python-calamine gives error cells as empty ones (its issue 105)."""
    path = workbook(tmp_path / "p.xlsx", {"Sheet1": {"A1": "#N/A", "B1": "=1/0", "C1": 1}})
    assert list(_sheet_rows(path)) == [(1, ["", "", "1"])]


def test_a_missing_sheet_lists_the_sheets_there_are(tmp_path: pathlib.Path) -> None:
    path = workbook(tmp_path / "p.xlsx", {"Sheet1": {}, "购买记录": {}})
    with pytest.raises(InvalidInputError) as caught:
        list(_sheet_rows(path, "purchases"))
    assert str(caught.value) == (
        f"{path}: expected the name of one of its sheets (Sheet1, 购买记录), got str 'purchases'"
    )


def write_zip_without_a_workbook(path: pathlib.Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "not a workbook")


def write_a_broken_sheet(path: pathlib.Path) -> None:
    workbook(path, {"Sheet1": {"A1": 1}})
    whole = path.read_bytes()
    with zipfile.ZipFile(path, "w") as archive:
        for name in zipfile.ZipFile(io.BytesIO(whole)).namelist():
            data = zipfile.ZipFile(io.BytesIO(whole)).read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = b"<worksheet><sheetData><row>"
            archive.writestr(name, data)


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda p: p.write_text("customer_id,at\nc-1,2026-11-02\n"), id="csv"),
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
        pytest.param(lambda p: p.write_bytes(b"PK\x03\x04 truncated"), id="truncated-zip"),
        pytest.param(write_zip_without_a_workbook, id="zip-without-workbook"),
    ],
)
def test_a_file_that_is_not_a_workbook_is_one_error_naming_it(
    tmp_path: pathlib.Path, write: Any
) -> None:
    path = tmp_path / "purchases.xlsx"
    write(path)
    for read in (_sheet_names, lambda p: list(_sheet_rows(p))):
        with pytest.raises(InvalidInputError, match="an Excel workbook") as caught:
            read(path)
        assert caught.value.field == str(path)
        assert caught.value.__cause__ is None


def test_a_workbook_with_a_broken_sheet_is_one_error_naming_it(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "purchases.xlsx"
    write_a_broken_sheet(path)
    assert _sheet_names(path) == ["Sheet1"]
    with pytest.raises(InvalidInputError, match="an Excel workbook") as caught:
        list(_sheet_rows(path))
    assert caught.value.field == str(path)


def test_a_date_past_the_year_9999_reads_as_its_number(tmp_path: pathlib.Path) -> None:
    """python-calamine before 0.5 panicked here: the floor of the excel extra."""
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]
    sheet["A1"] = 3_000_000  # days since 1900: the year 10113
    sheet["A1"].number_format = "yyyy-mm-dd"
    book.save(path := tmp_path / "p.xlsx")
    assert list(_sheet_rows(path)) == [(1, ["3000000"])]


def test_a_duration_python_cannot_hold_is_one_error_naming_file_and_row(
    tmp_path: pathlib.Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]
    sheet["A1"] = "c-1"
    sheet["A2"] = 1e12  # days: far past timedelta's 999,999,999
    sheet["A2"].number_format = "[h]:mm:ss"
    book.save(path := tmp_path / "p.xlsx")
    rows = _sheet_rows(path)
    assert next(rows) == (1, ["c-1"])
    with pytest.raises(
        InvalidInputError, match="a cell in row 2 that Python cannot hold"
    ) as caught:
        next(rows)
    assert caught.value.field == str(path)


def test_a_missing_file_is_an_os_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(OSError, match="No such file"):
        _sheet_names(tmp_path / "missing.xlsx")


def test_without_the_reader_the_error_says_how_to_install_it(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path / "p.xlsx", {"Sheet1": {"A1": 1}})
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    for read in (_sheet_names, lambda p: list(_sheet_rows(p))):
        with pytest.raises(CustrelError, match=r'pip install "custrel\[excel\]"'):
            read(path)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1234.0, "1234"),
        (-0.0, "0"),
        (0.1 + 0.2, "0.3"),
        (1234.5, "1234.5"),
        (12.34, "12.34"),
        (-5.5, "-5.5"),
        (1e-7, "0.0000001"),
        (1 / 3, "0.333333333333333"),
        (999_999_999_999_999.0, "999999999999999"),  # just below 10**15: exact
        (1e15, "1000000000000000"),  # at it: 15 digits round nothing away
        (2.0**60, "1152921504606850000"),  # above: 15 significant digits
        (1.5e20, "150000000000000000000"),
    ],
)
def test_a_float_as_excel_shows_it(value: float, text: str) -> None:
    assert _float_text(value) == text


EXCEL_DAYS = st.dates(date(1900, 3, 1), date(9999, 12, 31))
CELLS = st.one_of(
    # openpyxl writes a float with 16 significant digits: these are the ones it writes exactly
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300).map(
        lambda x: float(format(x, ".16g"))
    ),
    st.integers(-(10**15) + 1, 10**15 - 1),
    EXCEL_DAYS,
    st.builds(
        datetime.combine,
        EXCEL_DAYS,
        st.times().map(lambda t: t.replace(microsecond=0)),
    ),
)


def stored(value: object) -> object:
    """The value Excel keeps: a double shown to 15 significant digits."""
    if isinstance(value, float):
        return Decimal(format(value, ".15g"))
    return value


def parsed(value: object, text: str) -> object:
    if isinstance(value, float):
        return Decimal(text)
    if isinstance(value, int):
        return int(text)
    if isinstance(value, datetime):
        return datetime.fromisoformat(text)
    return date.fromisoformat(text)


@settings(max_examples=40, deadline=None)
@given(values=st.lists(CELLS, min_size=1, max_size=8))
def test_typed_cells_read_back_as_excel_stores_them(
    tmp_path_factory: pytest.TempPathFactory, values: list[object]
) -> None:
    cells = {f"{chr(ord('A') + i)}1": v for i, v in enumerate(values)}
    path = workbook(tmp_path_factory.mktemp("cells") / "p.xlsx", {"Sheet1": cells})
    [(number, texts)] = list(_sheet_rows(path))
    assert number == 1
    assert [parsed(v, t) for v, t in zip(values, texts, strict=True)] == [stored(v) for v in values]
