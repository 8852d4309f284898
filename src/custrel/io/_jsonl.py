"""Reading JSON Lines files into models, one bad line reported at a time."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from custrel.errors import InvalidInputError
from custrel.io._cells import _bounded_lines, _localize, _lone_surrogate, _too_long
from custrel.io._encoding import _checked_encoding
from custrel.io._records import _NO_LONE_SURROGATE, _T, BadRecord, Records, _decoded, _Path
from custrel.io._salvage import _record
from custrel.serialize._json import _parse_json

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from datetime import tzinfo
    from typing import TextIO

__all__ = ["read_jsonl"]


def _object(cls: type, line: str) -> dict[str, Any] | InvalidInputError:
    """The JSON object of a line, or what is wrong with it."""
    try:
        data = _parse_json(line)
    except json.JSONDecodeError as exc:
        return InvalidInputError(
            "record",
            line.rstrip("\n"),
            f"a JSON object ({exc.msg} at column {exc.pos + 1})",
            personal=True,
        )
    if not isinstance(data, dict):
        return InvalidInputError(
            "record", data, f"a JSON object with the fields of {cls.__name__}", personal=True
        )
    if "\\u" in line and _lone_surrogate(data):
        return InvalidInputError("record", line.rstrip("\n"), _NO_LONE_SURROGATE, personal=True)
    return data


def _read_lines(
    cls: type[_T], lines: TextIO, records: Records[_T], tz: tzinfo | None
) -> Iterator[_T]:
    """The records of a JSON Lines file's lines, each bad line reported to ``records``."""
    for number, (line, too_long) in enumerate(_bounded_lines(lines), start=1):
        if too_long:
            records._report(number, _too_long())  # noqa: SLF001
            continue
        if not line.strip():
            continue
        data = _object(cls, line)
        if isinstance(data, InvalidInputError):
            records._report(number, data)  # noqa: SLF001
            continue
        problems = _localize(cls, data, tz)
        for problem in problems:
            del data[problem.field]
        record = _record(records, number, cls, data, problems)
        if record is not None:
            yield record


# Readers -----------------------------------------------------------------------------------


def read_jsonl(
    cls: type[_T],
    path: _Path,
    /,
    *,
    tz: tzinfo | None = None,
    strict: bool = False,
    on_bad: Callable[[BadRecord], None] | None = None,
    encoding: str | None = None,
) -> Records[_T]:
    r"""Stream the records of a JSON Lines file, one model a line (blank lines skipped).

    Each line is an object in the form of :func:`custrel.to_dict`, read as strictly
    as :func:`custrel.from_dict` reads it (unknown keys refused, no type guessed) but
    with JSON numbers read exactly as decimals and timestamps without an offset given
    the zone ``tz``. A line longer than 10,000,000 characters (read past without
    keeping it) is a bad record too. The encoding is found as :func:`read_csv` finds
    it (a file valid in no encoding tried is refused whole), and a wrong optional
    field is left empty as :func:`read_csv` leaves it.

    Args:
        cls: The model of every line, such as :class:`~custrel.models.Purchase`.
        path: The file.
        tz: The zone of timestamps written without a UTC offset; ``None`` refuses them.
        strict: Stop at the first refused record, raising its error.
        on_bad: Called with each refused record and each record read with a field
            left empty; by default they are kept in :attr:`Records.problems`.
        encoding: The file's encoding, such as ``"gbk"``; ``None`` finds it.

    Returns:
        The records, read as they are iterated.

    Raises:
        InvalidInputError: At once, if ``encoding`` is not an encoding; while
            iterating, with ``strict=True``, at the first refused record (its field
            names ``file:line: field``).
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
    at: expected an ISO 8601 time with a UTC offset (2026-11-22T09:30:00+08:00), got str '2026-11-02'; or give the zone of naive times: --tz ZONE at the command line, tz= in Python
    amount: expected a value: the field is required, got nothing
    """  # noqa: E501 - doctest output lines
    forced = None if encoding is None else _checked_encoding(encoding)

    def rows(records: Records[_T]) -> Iterator[_T]:
        return _decoded(path, forced, records, lambda lines: _read_lines(cls, lines, records, tz))

    return Records(path, rows, on_bad, strict=strict)
