"""Writing models as JSON Lines or CSV, atomically."""

from __future__ import annotations

import contextlib
import csv
import json
import pathlib
from typing import TYPE_CHECKING, Any

from custrel.errors import InvalidInputError
from custrel.io._cells import _columns, csv_columns
from custrel.serialize import to_dict

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from custrel.io._records import _Path

__all__ = ["write_csv", "write_jsonl"]


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

    Values are written raw, as UTF-8 without a byte-order mark, so that they round-trip:
    a name such as ``=1+1`` stays ``=1+1``. A file meant for a spreadsheet is the
    command line's report (``custrel report --format csv``), which starts with a
    byte-order mark and neutralises cells a spreadsheet would run as a formula.

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
