"""Reading CSV files into models, one bad row reported at a time."""

from __future__ import annotations

import csv
import pathlib
from typing import TYPE_CHECKING, Any

import attrs

from custrel.errors import InvalidInputError, _Described
from custrel.io._cells import _cell, _Column, _columns, _located, _undecodable
from custrel.io._records import _T, BadRecord, Records, _Path
from custrel.serialize import from_dict

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping
    from datetime import tzinfo

__all__ = ["read_csv"]


def _csv_data(
    row: list[str], columns: list[_Column | None], tz: tzinfo | None
) -> tuple[dict[str, Any], list[InvalidInputError]]:
    data: dict[str, Any] = {}
    errors: list[InvalidInputError] = []
    for text, column in zip(row, columns, strict=False):
        if column is None or text == "":
            continue
        undecodable = _undecodable(column.name, text, at="character")
        if undecodable is not None:
            errors.append(undecodable)
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


def _csv_rows(text: Iterable[str], records: Records[Any]) -> Iterator[tuple[int, list[str] | None]]:
    """Each CSV row with the line it starts on; ``None`` for one the csv module refused.

    The refused row (a cell longer than :func:`csv.field_size_limit`) is reported bad
    here; the csv module goes on at the next line.
    """
    reader = csv.reader(text)
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


def _header_problems(
    cls: type, header: list[str], known: Mapping[str, _Column], required: list[str]
) -> list[InvalidInputError]:
    """What is wrong with a CSV header for ``cls``, every problem at once."""
    problems = []
    names = []
    for index, name in enumerate(header, start=1):
        undecodable = _undecodable(f"column {index}", name, at="character")
        if undecodable is None:
            names.append(name)
        else:  # named by its place: a field name that is not UTF-8 could not be printed
            problems.append(undecodable)
    problems.extend(
        InvalidInputError(
            name,
            name,
            f"one of the fields of {cls.__name__} ({', '.join(known)})",
            hint="unknown columns are refused so that a typo never loses data",
        )
        for name in names
        if name not in known
    )
    problems.extend(
        InvalidInputError(name, name, "one column only")
        for name in sorted({n for n in names if names.count(n) > 1})
    )
    problems.extend(
        InvalidInputError(name, None, "a column: the field is required")
        for name in required
        if name not in names and not any(h.startswith(f"{name}.") for h in names)
    )
    return problems


def read_csv(
    cls: type[_T],
    path: _Path,
    /,
    *,
    tz: tzinfo | None = None,
    strict: bool = False,
    on_bad: Callable[[BadRecord], None] | None = None,
) -> Records[_T]:
    r"""Stream the records of a CSV file with a header row (see :func:`csv_columns`).

    The header names the fields, in any order; optional fields may be left out. An
    empty cell is a missing value. Integers and decimals are text (``3``,
    ``398.00``); timestamps ISO 8601 with a UTC offset, or naive with ``tz``; enum
    values as custrel writes them, in any case; yes/no fields ``true``/``false``
    (also ``yes``/``no``, ``1``/``0``); lists of words separated by ``;``; lists of
    records as JSON. A header naming an unknown field, or missing a required one, is
    reported once, at line 1, and the file is not read further. A row holding bytes
    that are not UTF-8, or a cell longer than :func:`csv.field_size_limit`, is a bad
    record (the csv module goes on at the next line).

    Args:
        cls: The model of every row, such as :class:`~custrel.models.Purchase`.
        path: The file (UTF-8, with or without a byte-order mark).
        tz: The zone of timestamps written without a UTC offset; ``None`` refuses them.
        strict: Stop at the first bad record, raising its error.
        on_bad: Called with each bad record; by default they are kept in
            :attr:`Records.problems`.

    Returns:
        The records, read as they are iterated.

    Raises:
        InvalidInputError: While iterating, with ``strict=True``, at the first bad
            record.
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
    known = {column.name: column for column in _columns(model)}
    fields = attrs.fields_dict(model)
    required = [name for name, field in fields.items() if field.default is attrs.NOTHING]

    def rows(records: Records[_T]) -> Iterator[_T]:
        with pathlib.Path(path).open(
            encoding="utf-8-sig", errors="surrogateescape", newline=""
        ) as text:
            lines = _csv_rows(text, records)
            _, header = next(lines, (1, None))
            if header is None:  # an empty file, or a header already reported unreadable
                return
            problems = _header_problems(model, header, known, required)
            if problems:
                records._report(1, InvalidInputError.several(problems))  # noqa: SLF001
                return
            columns = [known.get(name) for name in header]
            for number, row in lines:
                if row is None or not any(row):
                    continue
                data, errors = _csv_data(row, columns, tz)
                if len(row) != len(header):
                    errors.append(
                        InvalidInputError(
                            "record", len(row), f"{len(header)} cells, as in the header"
                        )
                    )
                if not errors:
                    try:
                        record = from_dict(cls, data)
                    except InvalidInputError as exc:
                        errors.extend(exc.errors)
                    else:
                        records.line = number
                        yield record
                        continue
                records._report(number, InvalidInputError.several(errors))  # noqa: SLF001

    return Records(path, rows, on_bad, strict=strict)
