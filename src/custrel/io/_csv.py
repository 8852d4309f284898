"""Reading CSV files into models, one bad row reported at a time."""

from __future__ import annotations

import csv
import itertools
from typing import TYPE_CHECKING, Any

from custrel.errors import InvalidInputError, _Described
from custrel.io._cells import _cell, _Column, _located
from custrel.io._encoding import _checked_encoding
from custrel.io._header import _checked_mapping, _header
from custrel.io._records import _T, BadRecord, Records, _decoded, _Path
from custrel.io._salvage import _record

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping
    from datetime import tzinfo
    from typing import TextIO

__all__ = ["read_csv"]


def _row_data(
    row: list[str], columns: list[_Column | None], tz: tzinfo | None
) -> tuple[dict[str, Any], list[InvalidInputError]]:
    data: dict[str, Any] = {}
    errors: list[InvalidInputError] = []
    for text, column in zip(row, columns, strict=False):
        if column is None or text == "":
            continue
        try:
            value = _cell(text, column, tz)
        except InvalidInputError as exc:
            errors.append(_located(exc, column.name))
            continue
        holder = data
        for step in column.path[:-1]:
            holder = holder.setdefault(step, {})
        holder[column.path[-1]] = value
    return data, errors


def _table(
    cls: type[_T],
    rows: Iterator[tuple[int, list[str] | None]],
    records: Records[_T],
    *,
    tz: tzinfo | None,
    mapping: Mapping[str, str],
    exact_width: bool,
) -> Iterator[_T]:
    """The records of a table's rows, the first of them its header row.

    ``exact_width``: a row must have as many cells as the header (CSV, where one cell
    more is a separator inside an unquoted cell); else missing cells are empty (a
    workbook leaves out the empty cells at a row's end).
    """
    _, header = next(rows, (1, None))
    if header is None:  # an empty file, or a header already reported unreadable
        return
    read, error = _header(cls, header, mapping)
    records.notices.extend(read.notices)
    if error is not None:
        records._refuse_file(1, error)  # noqa: SLF001
        return
    width = len(header)
    for number, row in rows:
        if row is None or not any(row):
            continue
        data, errors = _row_data(row, read.columns, tz)
        if len(row) > width or (exact_width and len(row) < width):
            errors.append(InvalidInputError("record", len(row), f"{width} cells, as in the header"))
        record = _record(records, number, cls, data, errors)
        if record is not None:
            yield record


def _csv_rows(text: Iterable[str], records: Records[Any]) -> Iterator[tuple[int, list[str] | None]]:
    """Each CSV row with the line it starts on; ``None`` for one the csv module refused.

    The refused row (a cell longer than :func:`csv.field_size_limit`) is reported bad
    here; the csv module goes on at the next line. Cells are separated by commas, or
    by tabs or semicolons when the first line has more of them than commas (Excel's
    "Unicode text" has tabs; Excel in a country writing decimal commas, semicolons).
    """
    lines = iter(text)
    first = next(lines, "")
    if not first:
        return
    delimiter = max(",\t;", key=first.count)  # the first of the most frequent
    reader = csv.reader(itertools.chain((first,), lines), delimiter=delimiter)
    start = 1
    while True:
        row: list[str] | None
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            records._report(  # noqa: SLF001
                start,
                InvalidInputError(
                    "record", _Described("text it cannot read"), f"a CSV row ({exc})"
                ),
            )
            row = None
        number, start = start, reader.line_num + 1
        yield number, row


def read_csv(
    cls: type[_T],
    path: _Path,
    /,
    *,
    tz: tzinfo | None = None,
    strict: bool = False,
    on_bad: Callable[[BadRecord], None] | None = None,
    encoding: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Records[_T]:
    r"""Stream the records of a CSV file with a header row (see :func:`csv_columns`).

    The header names the fields, in any order, by their names or Chinese labels
    (``客户编号``, ``时间``, ``金额``: docs/cli.md lists them) or as ``columns`` maps
    them; optional fields may be left out. A column that is not a field is read past
    with a notice in :attr:`Records.notices`. Cells are separated by commas, or by
    tabs when the header has more tabs than commas. An empty cell is a missing value.
    Numbers, amounts (``1,234.50``, ``¥1,234.50``, ``1234.5元``), dates
    (``2026/11/02``, ``2026年11月2日``), times with or without a UTC offset (naive
    ones take ``tz``), enum values in English or Chinese (``visit``, ``拜访``) and
    yes/no words are read in the forms docs/cli.md lists; lists of words are
    separated by ``;``, lists of records are JSON.

    The file's encoding is found before its first record is read: a byte-order mark
    (UTF-8, UTF-16), else UTF-8, else GB18030 (which covers GBK and GB2312); a file
    valid in none is refused whole, in one :class:`BadRecord`. A header that names a
    field twice, misses a required field, or is no header at all refuses the file
    the same way. A wrong cell in an optional field is left empty and reported as a
    kept :class:`BadRecord`; a wrong required cell refuses its record (reading goes
    on at the next row).

    Args:
        cls: The model of every row, such as :class:`~custrel.models.Purchase`.
        path: The file.
        tz: The zone of timestamps written without a UTC offset; ``None`` refuses them.
        strict: Stop at the first refused record, raising its error.
        on_bad: Called with each refused record and each record read with a field
            left empty; by default they are kept in :attr:`Records.problems`.
        encoding: The file's encoding, such as ``"gbk"``; ``None`` finds it.
        columns: Header text to field name (``{"单号": "order_id"}``), for headers
            that are neither a field name nor a Chinese label.

    Returns:
        The records, read as they are iterated.

    Raises:
        InvalidInputError: At once, if ``encoding`` is not an encoding or ``columns``
            maps to a name that is not a field of ``cls``; while iterating, with
            ``strict=True``, at the first refused record.
        OSError: While iterating, if the file cannot be opened or read.

    >>> import pathlib, tempfile
    >>> from zoneinfo import ZoneInfo
    >>> from custrel.io import read_csv
    >>> from custrel.models import ContactEvent
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "contacts.csv"
    >>> _ = path.write_text("customer_id,at,channel,direction,reached\n"
    ...                     "c-1,2026-11-20 15:00,Visit,outbound,yes\n")
    >>> [event] = read_csv(ContactEvent, path, tz=ZoneInfo("Asia/Shanghai"))
    >>> event.at.isoformat(), event.channel, event.reached
    ('2026-11-20T15:00:00+08:00', <Channel.VISIT: 'visit'>, True)
    """
    model: type = cls
    mapping = _checked_mapping(model, columns)
    forced = None if encoding is None else _checked_encoding(encoding)

    def rows(records: Records[_T]) -> Iterator[_T]:
        def read(text: TextIO) -> Iterator[_T]:
            lines = _csv_rows(text, records)
            return _table(cls, lines, records, tz=tz, mapping=mapping, exact_width=True)

        return _decoded(path, forced, records, read, newline="")

    return Records(path, rows, on_bad, strict=strict)
