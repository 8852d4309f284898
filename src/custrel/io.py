r"""Reading real files: JSON Lines and CSV records into models, and policy files.

The command line reads portfolios with these functions, and so can any script.
Readers stream: they yield one validated model at a time, so a file of any size is
read in constant memory. A bad record never stops the others: it is reported as a
:class:`BadRecord` (file, line, field and what is wrong, personal values masked as
everywhere in custrel) and reading goes on, unless ``strict=True``.

JSON Lines hold one record a line in the form of :func:`custrel.to_dict`; JSON
numbers are read exactly (``12.50`` is ``Decimal('12.50')``). CSV files have a header
row naming the fields (:func:`csv_columns`): an empty cell is a missing value,
integers and decimals are written as text, timestamps in ISO 8601 with a UTC offset
(or naive, with ``tz=``), enum values as custrel writes them (``visit``, case does not
matter), yes/no fields as ``true`` or ``false``, lists of words separated by ``;`` (or
a JSON list, when a word holds a ``;``) and lists of records (a person's occasions) as
JSON.

>>> import pathlib, tempfile
>>> from custrel.io import read_csv
>>> from custrel.models import Purchase
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "purchases.csv").write_text(
...     "customer_id,at,product,quantity,amount\n"
...     "c-1,2026-11-02T09:30:00+08:00,tea,2,398.00\n"
...     "c-2,2026-11-03 10:00,tea,1,12.5\n"
...     "c-3,2026-11-04T10:00:00+08:00,tea,two,12\n", encoding="utf-8")
>>> rows = read_csv(Purchase, folder / "purchases.csv")
>>> [p.amount for p in rows]
[Decimal('398.00')]
>>> for bad in rows.problems:
...     print(bad.line, *bad.errors)
3 at: expected an ISO 8601 time with a UTC offset (2026-11-22T09:30:00+08:00), got str '2026-11-03 10:00'; or give the zone of naive times (tz=)
4 quantity: expected an integer such as 3, got str 'two'
"""  # noqa: E501 - doctest output lines

from __future__ import annotations

import contextlib
import csv
import enum
import functools
import json
import os
import pathlib
import re
import tomllib
import types
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, TypeVar, Union, get_args, get_origin

import attrs

from custrel._checks import LONE_SURROGATE, repr_hidden
from custrel.cadence import (
    DEFAULT_CADENCE,
    DEFAULT_POOL,
    DEFAULT_RECORD_WORKFLOW,
    CadencePolicy,
    PoolPolicy,
    RecordWorkflowPolicy,
)
from custrel.errors import InvalidInputError, PolicyError, _Described
from custrel.grading import DEFAULT_GRADING, GradingPolicy
from custrel.lifecycle import DEFAULT_LIFECYCLE, LifecyclePolicy
from custrel.loyalty import DEFAULT_LOYALTY, DEFAULT_SATISFACTION, LoyaltyPolicy, SatisfactionPolicy
from custrel.serialize import MAX_TEXT, _parse_json, from_dict, to_dict
from custrel.service import DEFAULT_SERVICE, ServicePolicy
from custrel.tiering import DEFAULT_RFM_SEGMENTS, DEFAULT_TIERS, RfmSegmentPolicy, TierPolicy

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping
    from typing import TextIO

__all__ = [
    "BadRecord",
    "Policies",
    "Records",
    "csv_columns",
    "load_policies",
    "read_csv",
    "read_jsonl",
    "write_csv",
    "write_jsonl",
]

_T = TypeVar("_T")
_Path = str | os.PathLike[str]
_NAIVE_HINT = "or give the zone of naive times (tz=)"
_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0"})
# Files are read with errors="surrogateescape": each byte that is not UTF-8 becomes one
# of these lone surrogates, which valid UTF-8 never decodes to.
_NOT_UTF8 = re.compile("[\udc80-\udcff]")
_SAVE_AS_UTF8 = "save the file as UTF-8"
_MAX_LINE = MAX_TEXT  # characters in a JSON Lines record, as custrel.loads takes in a document
# JSON can escape half of a UTF-16 pair alone ("\\udcff"): not text (LONE_SURROGATE).
_NO_LONE_SURROGATE = "JSON whose \\u escapes are text (a surrogate \\ud800 to \\udfff is not)"


@attrs.frozen(kw_only=True)
class BadRecord:
    """A record that could not be read, and why.

    Args:
        path: The file, as given to the reader.
        line: The line the record starts on (1 is the first line of the file).
        errors: One error per wrong field; personal values are masked in their text.

    >>> from custrel.errors import InvalidInputError
    >>> from custrel.io import BadRecord
    >>> bad = BadRecord(path="purchases.csv", line=7,
    ...                 errors=(InvalidInputError("amount", "x", "a decimal number"),))
    >>> print(bad)
    purchases.csv:7: amount: expected a decimal number, got str 'x'
    """

    path: str
    line: int
    errors: tuple[InvalidInputError, ...]

    def __str__(self) -> str:
        """One line per wrong field: ``file:line: field: what is wrong``."""
        return "\n".join(f"{self.path}:{self.line}: {error}" for error in self.errors)


class Records(Generic[_T]):
    r"""The models of a file, read as they are iterated (once), with its bad records.

    Returned by :func:`read_jsonl` and :func:`read_csv`. The file is opened when
    iteration starts and closed when it ends; a file that cannot be opened raises
    :class:`OSError` then.

    Attributes:
        path: The file.
        good: How many records were read so far.
        line: The line the last record read starts on.
        bad: How many records were bad so far.
        problems: The bad records, when no ``on_bad`` callback takes them.

    >>> import pathlib, tempfile
    >>> from custrel.io import read_jsonl
    >>> from custrel.models import Opportunity
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "opportunities.jsonl"
    >>> _ = path.write_text('{"customer_id": "c-1", "need": "potential", "status": "potential"}\n')
    >>> records = read_jsonl(Opportunity, path)
    >>> [o.need.value for o in records], records.good, records.bad
    (['potential'], 1, 0)
    """

    def __init__(
        self,
        path: _Path,
        rows: Callable[[Records[_T]], Iterator[_T]],
        on_bad: Callable[[BadRecord], None] | None,
        *,
        strict: bool,
    ) -> None:
        self.path = os.fspath(path)
        self.good = 0
        self.line = 0
        self.bad = 0
        self.problems: list[BadRecord] = []
        self._on_bad = on_bad
        self._strict = strict
        self._rows = rows(self)

    def __iter__(self) -> Iterator[_T]:
        """The records, one at a time."""
        return self

    def __next__(self) -> _T:
        """The next good record."""
        record = next(self._rows)
        self.good += 1
        return record

    def _report(self, line: int, error: InvalidInputError) -> None:
        bad = BadRecord(path=self.path, line=line, errors=error.errors)
        if self._strict:
            raise InvalidInputError.several(
                [
                    InvalidInputError(
                        f"{bad.path}:{line}: {e.field}",
                        e.value,
                        e.expected,
                        hint=e.hint,
                        personal=e.personal,
                    )
                    for e in bad.errors
                ]
            )
        self.bad += 1
        if self._on_bad is None:
            self.problems.append(bad)
        else:
            self._on_bad(bad)


# Field types -------------------------------------------------------------------------


def _strip_optional(kind: Any) -> tuple[Any, bool]:  # noqa: ANN401 - a type annotation
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(kind) if a is not type(None)]
        return args[0], len(args) < len(get_args(kind))
    return kind, False


@attrs.frozen
class _Column:
    """One CSV column: its dotted name, the path in the data and how to read a cell."""

    name: str
    path: tuple[str, ...]
    kind: Any
    personal: bool


@functools.cache
def _columns(cls: type) -> tuple[_Column, ...]:
    """Every leaf field of ``cls`` as a column; nested classes give dotted names."""
    found: list[_Column] = []

    def walk(kind: type, prefix: tuple[str, ...], *, personal: bool) -> None:
        for field in attrs.fields(attrs.resolve_types(kind)):
            inner, _ = _strip_optional(field.type)
            hidden = personal or field.repr is repr_hidden
            path = (*prefix, field.name)
            if isinstance(inner, type) and attrs.has(inner):
                walk(inner, path, personal=hidden)
            else:
                found.append(_Column(".".join(path), path, inner, hidden))

    walk(cls, (), personal=False)
    return tuple(found)


def csv_columns(cls: type, /) -> tuple[str, ...]:
    """The CSV header of a model: every field, nested ones with dotted names.

    Args:
        cls: A custrel model class, such as :class:`~custrel.models.Purchase`.

    Returns:
        The column names, in the order of the fields.

    Raises:
        InvalidInputError: If ``cls`` is not a custrel model class.

    >>> from custrel.io import csv_columns
    >>> from custrel.models import Purchase
    >>> csv_columns(Purchase)
    ('customer_id', 'at', 'product', 'quantity', 'amount', 'profit', 'refund', 'order_id')
    """
    given: object = cls
    if not (isinstance(given, type) and attrs.has(given)):
        raise InvalidInputError("cls", cls, "a custrel model class")
    return tuple(column.name for column in _columns(cls))


def _instant(text: str, tz: tzinfo | None, personal: bool) -> datetime:  # noqa: FBT001
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(
            "",
            text,
            "an ISO 8601 time with a UTC offset (2026-11-22T09:30:00+08:00)",
            personal=personal,
        ) from None
    if value.tzinfo is None:
        if tz is None:
            raise InvalidInputError(
                "",
                text,
                "an ISO 8601 time with a UTC offset (2026-11-22T09:30:00+08:00)",
                hint=_NAIVE_HINT,
                personal=personal,
            )
        value = value.replace(tzinfo=tz)
    return value


def _cell(text: str, column: _Column, tz: tzinfo | None) -> object:  # noqa: C901, PLR0911 - one case per kind of field
    """The value of one non-empty CSV cell, as :func:`~custrel.serialize.from_dict` reads it."""
    kind, personal = column.kind, column.personal
    if kind is datetime:
        return _instant(text, tz, personal)
    if kind is bool:
        word = text.strip().lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        raise InvalidInputError("", text, "true or false", personal=personal)
    if kind is int:
        try:
            return int(text.strip(), 10)
        except ValueError:
            raise InvalidInputError("", text, "an integer such as 3", personal=personal) from None
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        word = text.strip()
        for member in kind:
            if word.lower() == str(member.value).lower() or word.upper() == member.name:
                return member.value
        return word
    origin = get_origin(kind)
    if origin in (tuple, frozenset):
        item = get_args(kind)[0]
        if (isinstance(item, type) and attrs.has(item)) or text.lstrip().startswith("["):
            try:
                words = _parse_json(text)
            except json.JSONDecodeError as exc:
                raise InvalidInputError(
                    "",
                    text,
                    f"a JSON list of {getattr(item, '__name__', item)} ({exc.msg})",
                    personal=personal,
                ) from None
            if _lone_surrogate(words):
                raise InvalidInputError("", text, _NO_LONE_SURROGATE, personal=personal)
            return words
        return [word.strip() for word in text.split(";") if word.strip()]
    return text  # str, Decimal and date: from_dict reads the text


def _bounded_lines(text: TextIO, /) -> Iterator[tuple[str, bool]]:
    """Each line of a file and whether it is too long (longer than ``_MAX_LINE``).

    A line too long is read past in parts, never kept: its text is given as ``""``.
    """
    limit = _MAX_LINE
    while line := text.readline(limit + 1):
        if len(line) <= limit or line.endswith("\n"):
            yield line, False
            continue
        while line and not line.endswith("\n"):
            line = text.readline(limit)
        yield "", True


def _line_problem(line: str, /, *, too_long: bool) -> InvalidInputError | None:
    """What makes a JSON Lines line unreadable before it is parsed, if anything."""
    if too_long:
        return InvalidInputError(
            "record",
            _Described(f"a line of more than {_MAX_LINE:,} characters"),
            f"a line of at most {_MAX_LINE:,} characters",
        )
    return _undecodable("record", line.rstrip("\n"), at="column")


def _lone_surrogate(data: object, /) -> bool:
    """Whether parsed JSON holds a string or key with a lone surrogate (no recursion)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if LONE_SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _located(error: InvalidInputError, field: str) -> InvalidInputError:
    return InvalidInputError(
        field, error.value, error.expected, hint=error.hint, personal=error.personal
    )


def _undecodable(field: str, text: str, /, *, at: str) -> InvalidInputError | None:
    """The error for text read with ``surrogateescape`` that holds bytes not UTF-8, or None.

    The value is masked as personal, with U+FFFD for each such byte: never echoed.
    """
    found = _NOT_UTF8.search(text)
    if found is None:
        return None
    byte = ord(found.group()) - 0xDC00
    return InvalidInputError(
        field,
        _NOT_UTF8.sub("\ufffd", text),
        f"text in UTF-8 (byte 0x{byte:02x} at {at} {found.start() + 1} is not)",
        hint=_SAVE_AS_UTF8,
        personal=True,
    )


@functools.cache
def _instants(cls: type) -> tuple[_Column, ...]:
    """The timestamp fields of a model (custrel models keep them at the top level)."""
    return tuple(c for c in _columns(cls) if c.kind is datetime and len(c.path) == 1)


def _localize(cls: type, data: dict[str, Any], tz: tzinfo | None) -> list[InvalidInputError]:
    """Read the timestamps of JSON data in place: offsets required, or ``tz`` for naive ones."""
    errors: list[InvalidInputError] = []
    for column in _instants(cls):
        text = data.get(column.name)
        if isinstance(text, str):
            try:
                data[column.name] = _instant(text, tz, column.personal)
            except InvalidInputError as exc:
                errors.append(_located(exc, column.name))
    return errors


# Readers -----------------------------------------------------------------------------------


def read_jsonl(
    cls: type[_T],
    path: _Path,
    /,
    *,
    tz: tzinfo | None = None,
    strict: bool = False,
    on_bad: Callable[[BadRecord], None] | None = None,
) -> Records[_T]:
    r"""Stream the records of a JSON Lines file, one model a line (blank lines skipped).

    Each line is an object in the form of :func:`custrel.to_dict`, read as strictly
    as :func:`custrel.from_dict` reads it (unknown keys refused, no type guessed) but
    with JSON numbers read exactly as decimals and timestamps without an offset given
    the zone ``tz``. A line holding bytes that are not UTF-8, or longer than
    10,000,000 characters (read past without keeping it), is a bad record too.

    Args:
        cls: The model of every line, such as :class:`~custrel.models.Purchase`.
        path: The file (UTF-8, with or without a byte-order mark).
        tz: The zone of timestamps written without a UTC offset; ``None`` refuses them.
        strict: Stop at the first bad record, raising its error.
        on_bad: Called with each bad record; by default they are kept in
            :attr:`Records.problems`.

    Returns:
        The records, read as they are iterated.

    Raises:
        InvalidInputError: While iterating, with ``strict=True``, at the first bad
            record (its field names ``file:line: field``).
        OSError: While iterating, if the file cannot be opened or read.

    >>> import pathlib, tempfile
    >>> from custrel.io import read_jsonl
    >>> from custrel.models import Purchase
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "purchases.jsonl"
    >>> _ = path.write_text(
    ...     '{"customer_id": "c-1", "at": "2026-11-02T09:30:00+08:00", "product": "tea", '
    ...     '"amount": 12.50}\n{"customer_id": "c-2", "at": "2026-11-02", "product": "tea"}\n')
    >>> records = read_jsonl(Purchase, path)
    >>> [p.amount for p in records]
    [Decimal('12.50')]
    >>> bad = records.problems[0]
    >>> print(bad.line, *bad.errors, sep="\n")
    2
    at: expected an ISO 8601 time with a UTC offset (2026-11-22T09:30:00+08:00), got str '2026-11-02'; or give the zone of naive times (tz=)
    amount: expected a value: the field is required, got nothing
    """  # noqa: E501 - doctest output lines

    def rows(records: Records[_T]) -> Iterator[_T]:
        with pathlib.Path(path).open(encoding="utf-8-sig", errors="surrogateescape") as lines:
            for number, (line, too_long) in enumerate(_bounded_lines(lines), start=1):
                problem = _line_problem(line, too_long=too_long)
                if problem is not None:
                    records._report(number, problem)  # noqa: SLF001
                    continue
                if not line.strip():
                    continue
                try:
                    data = _parse_json(line)
                except json.JSONDecodeError as exc:
                    records._report(  # noqa: SLF001
                        number,
                        InvalidInputError(
                            "record",
                            line.rstrip("\n"),
                            f"a JSON object ({exc.msg} at column {exc.pos + 1})",
                            personal=True,
                        ),
                    )
                    continue
                if not isinstance(data, dict):
                    records._report(  # noqa: SLF001
                        number,
                        InvalidInputError(
                            "record",
                            data,
                            f"a JSON object with the fields of {cls.__name__}",
                            personal=True,
                        ),
                    )
                    continue
                if "\\u" in line and _lone_surrogate(data):
                    records._report(  # noqa: SLF001
                        number,
                        InvalidInputError(
                            "record", line.rstrip("\n"), _NO_LONE_SURROGATE, personal=True
                        ),
                    )
                    continue
                problems = _localize(cls, data, tz)
                try:
                    record = from_dict(cls, data)
                except InvalidInputError as exc:
                    problems.extend(
                        e for e in exc.errors if e.field not in {p.field for p in problems}
                    )
                if problems:
                    records._report(number, InvalidInputError.several(problems))  # noqa: SLF001
                    continue
                records.line = number
                yield record

    return Records(path, rows, on_bad, strict=strict)


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


# Writers ----------------------------------------------------------------------------------


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if any(
            isinstance(v, dict) or ";" in v or v != v.strip() or v.startswith("[") for v in value
        ):
            return json.dumps(value, ensure_ascii=False)
        return ";".join(value)
    return str(value)


@contextlib.contextmanager
def open_writer(cls: type, path: _Path, *, form: str) -> Iterator[Callable[[object], None]]:
    """A function writing one ``cls`` record at a time to a JSON Lines or CSV file; private."""
    with pathlib.Path(path).open("w", encoding="utf-8", newline="") as out:
        if form == "csv":
            columns = _columns(cls)
            writer = csv.writer(out)
            writer.writerow([column.name for column in columns])

            def write(record: object) -> None:
                data: Any = to_dict(record)
                row = []
                for column in columns:
                    value = data
                    for step in column.path:
                        value = None if value is None else value.get(step)
                    row.append(_csv_text(value))
                writer.writerow(row)

        else:

            def write(record: object) -> None:
                out.write(json.dumps(to_dict(record), ensure_ascii=False))
                out.write("\n")

        yield write


def _write(cls: type, path: _Path, records: Iterable[object], form: str) -> int:
    count = 0
    with open_writer(cls, path, form=form) as write:
        for index, record in enumerate(records):
            if not isinstance(record, cls):
                raise InvalidInputError(f"records[{index}]", record, f"a {cls.__name__}")
            write(record)
            count += 1
    return count


def write_jsonl(path: _Path, records: Iterable[object], /) -> int:
    """Write models as JSON Lines that :func:`read_jsonl` reads back.

    Args:
        path: The file to write (replaced if it exists).
        records: Custrel models.

    Returns:
        How many records were written.

    Raises:
        InvalidInputError: If a record is not a custrel model.
        OSError: If the file cannot be written.

    >>> import pathlib, tempfile
    >>> from datetime import date
    >>> from custrel.io import read_jsonl, write_jsonl
    >>> from custrel.models import CustomerProfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "profiles.jsonl"
    >>> write_jsonl(path, [CustomerProfile(customer_id="c-1", created_on=date(2026, 1, 5))])
    1
    >>> [p.customer_id for p in read_jsonl(CustomerProfile, path)]
    ['c-1']
    """
    return _write(object, path, records, "jsonl")


def write_csv(cls: type, path: _Path, records: Iterable[object], /) -> int:
    """Write models as CSV that :func:`read_csv` reads back, with every column.

    Args:
        cls: The model class, for the header.
        path: The file to write (replaced if it exists).
        records: Instances of ``cls``.

    Returns:
        How many records were written.

    Raises:
        InvalidInputError: If ``cls`` is not a model class or a record is not a ``cls``.
        OSError: If the file cannot be written.

    >>> import pathlib, tempfile
    >>> from datetime import datetime, timezone
    >>> from custrel.io import write_csv
    >>> from custrel.models import Purchase
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "purchases.csv"
    >>> write_csv(Purchase, path, [Purchase(customer_id="c-1", product="tea", amount=9,
    ...                            at=datetime(2026, 11, 2, tzinfo=timezone.utc))])
    1
    >>> print(path.read_text(), end="")
    customer_id,at,product,quantity,amount,profit,refund,order_id
    c-1,2026-11-02T00:00:00+00:00,tea,1,9,,false,
    """
    csv_columns(cls)
    return _write(cls, path, records, "csv")


# Policies ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Policies:
    """Every policy a portfolio is judged by, the rule book's unless a file says otherwise.

    :func:`load_policies` reads one from a file; each section of the file is named as
    a field here.

    Args:
        grading: Grade horizons (rules G1, G2).
        cadence: Follow-up cadences (rule C1).
        pool: The customer pool (rule C3).
        record_workflow: Record and minutes deadlines (rule C4).
        tiers: Pyramid shares (rule T2).
        rfm_segments: Named RFM segments (rule T1).
        lifecycle: Stages and churn signals (rules L1-L4).
        loyalty: Loyalty score weights (rule Y1).
        satisfaction: Satisfaction index weights (rule Y4).
        service: Complaint handling (rules S1-S3).

    >>> from custrel.io import Policies
    >>> Policies().fingerprints()["tiers"] == Policies().tiers.fingerprint()
    True
    """

    grading: GradingPolicy = DEFAULT_GRADING
    cadence: CadencePolicy = DEFAULT_CADENCE
    pool: PoolPolicy = DEFAULT_POOL
    record_workflow: RecordWorkflowPolicy = DEFAULT_RECORD_WORKFLOW
    tiers: TierPolicy = DEFAULT_TIERS
    rfm_segments: RfmSegmentPolicy = DEFAULT_RFM_SEGMENTS
    lifecycle: LifecyclePolicy = DEFAULT_LIFECYCLE
    loyalty: LoyaltyPolicy = DEFAULT_LOYALTY
    satisfaction: SatisfactionPolicy = DEFAULT_SATISFACTION
    service: ServicePolicy = DEFAULT_SERVICE

    def fingerprints(self) -> dict[str, str]:
        """Each policy's :meth:`fingerprint`, by section name.

        Returns:
            Section name to fingerprint, in the order of the fields.
        """
        return {
            field.name: getattr(self, field.name).fingerprint()
            for field in attrs.fields(type(self))
        }


_SECTIONS: Mapping[str, attrs.Attribute[Any]] = {
    field.name: field for field in attrs.fields(Policies)
}


def _policy_data(path: pathlib.Path) -> object:
    try:  # not utf-8-sig: its error would count bytes from after the byte-order mark
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise PolicyError(
            str(path),
            _Described(f"byte 0x{exc.object[exc.start]:02x} at byte {exc.start + 1}"),
            "a file in UTF-8",
            hint=_SAVE_AS_UTF8,
        ) from None
    if path.suffix.lower() == ".toml":
        try:
            return tomllib.loads(text, parse_float=Decimal)
        except tomllib.TOMLDecodeError as exc:
            raise PolicyError(str(path), text, f"a TOML document ({exc})", personal=True) from None
        except (ValueError, ArithmeticError, RecursionError):
            # tomllib's own limits: a 5,000-digit integer, 1e5555555555555555559, deep arrays
            raise PolicyError(
                str(path),
                text,
                "a TOML document with numbers Python can read and nesting a few hundred deep",
                personal=True,
            ) from None
    if path.suffix.lower() == ".json":
        try:
            return _parse_json(text)
        except json.JSONDecodeError as exc:
            raise PolicyError(
                str(path),
                text,
                f"a JSON document ({exc.msg} at line {exc.lineno})",
                personal=True,
            ) from None
    raise PolicyError(str(path), path.suffix, "a .toml or .json file")


def load_policies(path: _Path, /) -> Policies:
    r"""Read a TOML or JSON file holding any of the policies; the rest keep the defaults.

    Each policy is a section (a TOML table, a JSON object) named as a field of
    :class:`Policies` and read by that policy's ``from_dict``: missing keys keep the
    rule book's values, unknown keys are refused. Numbers are read exactly as
    decimals, so ``shares = [0.01, 0.19, 0.30, 0.50]`` means exactly those shares.
    docs/policies.md shows a complete file.

    Args:
        path: A ``.toml`` or ``.json`` file.

    Returns:
        The policies.

    Raises:
        PolicyError: If the file is not UTF-8, not TOML or JSON, names an unknown
            section, or a policy is wrong (its fields named ``section.field``).
        OSError: If the file cannot be read.

    >>> import pathlib, tempfile
    >>> from custrel.io import load_policies
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "policies.toml"
    >>> _ = path.write_text("[tiers]\nshares = [0.05, 0.15, 0.30, 0.50]\n")
    >>> load_policies(path).tiers.shares
    (Decimal('0.05'), Decimal('0.15'), Decimal('0.30'), Decimal('0.50'))
    >>> _ = path.write_text("[tiers]\nshares = [0.05, 0.15, 0.30, 0.60]\n")
    >>> load_policies(path)
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: tiers.shares: expected shares summing to exactly 1, got tuple (Decimal('0.05'), ...
    """  # noqa: E501 - a doctest output line
    file = pathlib.Path(path)
    data = _policy_data(file)
    if not isinstance(data, dict):
        raise PolicyError(str(file), data, "a table of policies")
    problems: list[InvalidInputError] = []
    chosen: dict[str, object] = {}
    for section, body in data.items():
        field = _SECTIONS.get(section)
        if field is None:
            problems.append(
                PolicyError(
                    section,
                    section,
                    f"one of the policies ({', '.join(_SECTIONS)})",
                    hint="unknown sections are refused so that a typo never goes unnoticed",
                )
            )
            continue
        if not isinstance(body, dict):
            problems.append(PolicyError(section, body, "a table of the policy's fields"))
            continue
        try:
            policy: type[Any] = type(field.default)
            chosen[section] = policy.from_dict(body)
        except PolicyError as exc:
            problems.extend(
                PolicyError(f"{section}.{e.field}", e.value, e.expected, hint=e.hint)
                for e in exc.errors
            )
    if problems:
        raise PolicyError.several(problems)
    return Policies(**chosen)  # type: ignore[arg-type]
