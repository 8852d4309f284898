"""Excel workbooks: the sheet names, and each row of typed cells as the text a CSV cell holds.

Workbooks are read with python-calamine (the ``excel`` extra), chosen over openpyxl by
bench/bench_excel.py: on a 100,000-row purchases export it reads every row to text in
0.7 s against openpyxl's 5.7 s (read-only mode), at a peak of 76 MB against 57 MB, as
it holds the whole sheet in memory while the rows are read. Each
typed cell becomes the text that the CSV readers parse exactly, so a workbook and its
CSV export read the same: numbers as plain decimals with at most the 15 significant
digits Excel keeps, dates and times in ISO 8601 (naive, as Excel has no zones).

python-calamine reads an error cell (``#N/A``, ``#DIV/0!``) as an empty cell: it has no
way to tell the two apart (python-calamine issue 105).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from custrel.errors import CustrelError, InvalidInputError, _Described

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable, Iterator
    from types import ModuleType

    from python_calamine import CalamineSheet, CalamineWorkbook

__all__: list[str] = []

_INSTALL = 'pip install "custrel[excel]"'
_EXACT = 10**15  # integral floats below this are exact integers at 15 significant digits


def _calamine() -> ModuleType:
    """The python-calamine module, or an error saying how to install it."""
    try:
        import python_calamine  # noqa: PLC0415 - an optional extra
    except ImportError:
        msg = f"reading Excel workbooks needs python-calamine, the excel extra: {_INSTALL}"
        raise CustrelError(msg) from None
    return python_calamine


def _float_text(value: float, /) -> str:
    """A float as Excel shows it: at most 15 significant digits, plain decimal notation."""
    if value.is_integer() and -_EXACT < value < _EXACT:
        return str(int(value))
    return format(Decimal(format(value, ".15g")), "f")


def _isoformat(value: dt.date | dt.time, /) -> str:
    """A date, a naive date and time or a time in ISO 8601; microseconds only when set."""
    return value.isoformat()


# Keyed by the exact type python-calamine gives (bool is not looked up as int).
_TEXT: dict[type, Callable[[Any], str]] = {
    str: str,
    bool: lambda value: "true" if value else "false",
    int: str,
    float: _float_text,
    dt.datetime: _isoformat,
    dt.date: _isoformat,
    dt.time: _isoformat,
    dt.timedelta: str,
}


def _not_a_workbook(path: pathlib.Path, problem: Exception, /) -> InvalidInputError:
    return InvalidInputError(
        str(path),
        _Described(f"a file it cannot read ({problem})"),
        "an Excel workbook (.xlsx, .xlsm, .xlsb, .xls or .ods)",
    )


def _sheet_names(path: pathlib.Path) -> list[str]:
    """The names of the sheets of a workbook, in workbook order.

    Raises:
        CustrelError: If python-calamine is not installed.
        InvalidInputError: If the file is not a workbook.
        OSError: If the file cannot be opened.
    """
    calamine = _calamine()
    try:
        workbook: CalamineWorkbook = calamine.CalamineWorkbook.from_path(path)
    except calamine.CalamineError as exc:
        raise _not_a_workbook(path, exc) from None
    return list(workbook.sheet_names)


def _sheet(path: pathlib.Path, sheet: str | None, /) -> CalamineSheet:
    """One sheet of a workbook, read into memory; the workbook and its file are let go."""
    calamine = _calamine()
    try:
        workbook: CalamineWorkbook = calamine.CalamineWorkbook.from_path(path)
        names = workbook.sheet_names
        if sheet is None and names:
            sheet = names[0]
        if sheet not in names:
            raise InvalidInputError(
                str(path), sheet, f"the name of one of its sheets ({', '.join(names)})"
            )
        return workbook.get_sheet_by_name(sheet)
    except calamine.CalamineError as exc:  # not a zip, no workbook in it, a sheet's XML broken
        raise _not_a_workbook(path, exc) from None


def _sheet_rows(path: pathlib.Path, sheet: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """Each non-empty row of a sheet (the first when ``None``) with its row number in Excel.

    Every cell is text: an empty cell is ``""``, a string is unchanged, a yes/no cell
    ``true``/``false``, a number a plain decimal of at most 15 significant digits (an
    integral one without a point), a date, time or date and time in ISO 8601 (naive)
    and a duration as :class:`~datetime.timedelta` prints it. The errors are raised
    when the first row is asked for.

    Raises:
        CustrelError: If python-calamine is not installed.
        InvalidInputError: If the file is not a workbook, has no sheet ``sheet`` or
            holds a duration too long for :class:`~datetime.timedelta`.
        OSError: If the file cannot be opened.
    """
    cells = _sheet(path, sheet)
    start = cells.start
    if start is None:  # an empty sheet
        return
    indent = [""] * start[1]  # calamine's rows begin at the first column holding data
    text = _TEXT
    rows = cells.iter_rows()  # from row 1: leading empty rows included
    number = 0
    while True:
        number += 1
        try:
            row = next(rows, None)
        except (OverflowError, ValueError) as exc:  # a duration past timedelta
            raise InvalidInputError(
                str(path),
                _Described(f"a cell in row {number} that Python cannot hold ({exc})"),
                "dates up to the year 9999 and durations up to 999,999,999 days",
            ) from None
        if row is None:
            return
        if row.count("") != len(row):
            yield number, [*indent, *(text[type(cell)](cell) for cell in row)]
