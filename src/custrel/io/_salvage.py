"""A record from its fields, leaving empty each optional field that is wrong.

Only a wrong required field refuses a record. A wrong optional one (a birthday of 30
February, a mobile number with an extension) is removed and reported, and the record
is read without it: a typo in a detail never loses the customer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from custrel.errors import InvalidInputError
from custrel.io._cells import _columns
from custrel.serialize import from_dict

if TYPE_CHECKING:
    from custrel.io._cells import _Column
    from custrel.io._records import Records

__all__: list[str] = []


def _column_of(cls: type, field: str) -> _Column | None:
    """The column an error's field is in: ``person.occasions[0].on`` is in ``person.occasions``."""
    name = field.split("[", 1)[0]
    return next((c for c in _columns(cls) if c.name == name), None)


def _optional(cls: type, error: InvalidInputError) -> _Column | None:
    column = _column_of(cls, error.field)
    return column if column is not None and column.optional else None


def _remove(data: dict[str, Any], path: tuple[str, ...]) -> bool:
    """Remove the value at ``path``, and each object left empty above it; whether it was there."""
    holders = [data]
    for step in path[:-1]:
        inner = holders[-1].get(step)
        if not isinstance(inner, dict):
            return False
        holders.append(inner)
    if holders[-1].pop(path[-1], _ABSENT) is _ABSENT:
        return False
    for step, holder in zip(reversed(path[:-1]), reversed(holders[:-1]), strict=True):
        if holder[step]:
            break
        del holder[step]
    return True


_ABSENT = object()


def _salvage(
    cls: type, data: dict[str, Any], errors: list[InvalidInputError]
) -> tuple[object | None, list[InvalidInputError], list[InvalidInputError]]:
    """The record of ``data``, with the optional fields that are wrong left empty.

    Args:
        cls: The model.
        data: The record's fields as :func:`~custrel.serialize.from_dict` reads them
            (changed in place: wrong optional fields are removed).
        errors: The problems already found in cells that could not be read (their
            fields are not in ``data``).

    Returns:
        ``(record, emptied, refusing)``: the record, or None when a required field is
        wrong; the errors of the fields left empty; the errors that refuse the record
        (all of its errors, when it is refused).
    """
    every = list(errors)  # every problem, in the order found
    reported = {e.field for e in errors}
    while True:
        record: object | None = None
        try:
            record = from_dict(cls, data)
        except InvalidInputError as exc:
            found = [e for e in exc.errors if e.field not in reported]
        else:
            found = []
        if not found:  # every problem is known: a record unless a required field is wrong
            if record is None or any(_optional(cls, e) is None for e in every):
                return None, [], every
            return record, every, []
        every.extend(found)
        reported.update(e.field for e in found)
        for column in {_optional(cls, e) for e in found}:
            if column is None or not _remove(data, column.path):
                return None, [], every


def _record(
    records: Records[Any],
    number: int,
    cls: type,
    data: dict[str, Any],
    errors: list[InvalidInputError],
) -> Any:  # noqa: ANN401 - a model of cls
    """The record of line ``number``, or None; its problems reported to ``records``."""
    if not errors:  # the common case, a record as it is
        try:
            record: Any = from_dict(cls, data)
        except InvalidInputError:
            pass
        else:
            records.line = number
            return record
    record, emptied, refusing = _salvage(cls, data, errors)
    customer = data.get("customer_id")
    customer_id = customer if isinstance(customer, str) else None
    if record is None:
        records._report(  # noqa: SLF001
            number, InvalidInputError.several(refusing), customer_id=customer_id
        )
        return None
    records._report(  # noqa: SLF001 - a record salvaged had a field left empty
        number, InvalidInputError.several(emptied), kept=True, customer_id=customer_id
    )
    records.line = number
    return record
