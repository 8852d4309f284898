"""Reading a sheet of an Excel workbook into models, one bad row reported at a time."""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING

from custrel.errors import InvalidInputError
from custrel.io._csv import _table
from custrel.io._excel import _calamine, _sheet_rows
from custrel.io._header import _checked_mapping
from custrel.io._records import _T, BadRecord, Records, _Path

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping
    from datetime import tzinfo

__all__ = ["read_excel"]


def read_excel(
    cls: type[_T],
    path: _Path,
    /,
    *,
    sheet: str | None = None,
    tz: tzinfo | None = None,
    strict: bool = False,
    on_bad: Callable[[BadRecord], None] | None = None,
    columns: Mapping[str, str] | None = None,
) -> Records[_T]:
    r"""Stream the records of one sheet of an ``.xlsx`` workbook, as :func:`read_csv` reads a file.

    Needs the ``excel`` extra (``pip install "custrel[excel]"``, which installs
    python-calamine). The first row of the sheet is its header, read as
    :func:`read_csv` reads one (field names, Chinese labels or ``columns``). Cells
    are taken as Excel types them: a number is read as the number Excel shows (to
    15 significant digits, never a binary fraction: ``0.1 + 0.2`` is ``0.3``), a date
    or time cell as that day or time (naive: ``tz`` gives its zone), a text cell in
    the forms :func:`read_csv` reads. Empty cells at the end of a row are missing
    values. A file that is not a workbook, a sheet it does not have, or a missing
    extra refuses the whole sheet in one :class:`BadRecord`.

    Args:
        cls: The model of every row, such as :class:`~custrel.models.Purchase`.
        path: The workbook.
        sheet: The sheet's name; ``None`` reads the first sheet.
        tz: The zone of times without a UTC offset (Excel has none); ``None``
            refuses them.
        strict: Stop at the first refused record, raising its error.
        on_bad: Called with each refused record and each record read with a field
            left empty; by default they are kept in :attr:`Records.problems`.
        columns: Header text to field name, as for :func:`read_csv`.

    Returns:
        The records, read as they are iterated (``path`` in messages is
        ``book.xlsx[sheet]`` when a sheet is named).

    Raises:
        CustrelError: At once, if the ``excel`` extra is not installed.
        InvalidInputError: At once, if ``columns`` maps to a name that is not a field
            of ``cls``; while iterating, with ``strict=True``, at the first refused
            record.
        OSError: While iterating, if the file cannot be opened or read.

    >>> import datetime, pathlib, tempfile
    >>> from zoneinfo import ZoneInfo
    >>> import openpyxl
    >>> from custrel.io import read_excel
    >>> from custrel.models import Purchase
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "book.xlsx"
    >>> book = openpyxl.Workbook()
    >>> book.active.title = "购买记录"
    >>> book.active.append(["客户编号", "时间", "产品", "金额", "备注"])
    >>> book.active.append(["c-1", datetime.datetime(2026, 11, 2, 9, 30), "茶", 1234.5, "VIP"])
    >>> book.save(path)
    >>> records = read_excel(Purchase, path, sheet="购买记录", tz=ZoneInfo("Asia/Shanghai"))
    >>> [(p.at.isoformat(), p.amount) for p in records]
    [('2026-11-02T09:30:00+08:00', Decimal('1234.5'))]
    >>> records.notices
    ['备注: not a field of Purchase; ignored']
    """
    model: type = cls
    mapping = _checked_mapping(model, columns)
    shown = path if sheet is None else f"{path}[{sheet}]"
    _calamine()  # the extra is installed, or the call says how to install it

    def rows(records: Records[_T]) -> Iterator[_T]:
        try:
            source = _sheet_rows(pathlib.Path(path), sheet)
            first = next(source, None)
        except InvalidInputError as exc:
            records._refuse_file(1, exc)  # noqa: SLF001
            return
        if first is None:
            return

        def numbered() -> Iterator[tuple[int, list[str] | None]]:
            yield first
            yield from source

        yield from _table(cls, numbered(), records, tz=tz, mapping=mapping, exact_width=False)

    return Records(shown, rows, on_bad, strict=strict)
