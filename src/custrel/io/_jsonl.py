"""Reading JSON Lines files into models, one bad line reported at a time."""

from __future__ import annotations

import json
import pathlib
from typing import TYPE_CHECKING

from custrel.errors import InvalidInputError
from custrel.io._cells import _bounded_lines, _line_problem, _localize, _lone_surrogate
from custrel.io._records import _NO_LONE_SURROGATE, _T, BadRecord, Records, _Path
from custrel.serialize import from_dict
from custrel.serialize._json import _parse_json

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from datetime import tzinfo

__all__ = ["read_jsonl"]


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
