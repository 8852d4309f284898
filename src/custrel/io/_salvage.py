"""A record from its fields, leaving empty each optional field that is wrong.

Only a wrong required field refuses a record. A wrong optional one (a birthday of 30
February, a mobile number with an extension) is removed and reported, and the record
is read without it: a typo in a detail never loses the customer. A required field of
an optional part (the name of a profile's organization, given with its headcount but
no name) leaves that whole part empty.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import attrs

from custrel.errors import InvalidInputError
from custrel.io._cells import _columns, _strip_optional
from custrel.serialize import from_dict

if TYPE_CHECKING:
    from custrel.io._records import Records

__all__: list[str] = []


@functools.cache
def _emptiable(cls: type, field: str) -> tuple[str, ...] | None:
    """What to leave empty for a wrong ``field`` of ``cls``; None when the record is refused.

    The field's own column when it is optional (``person.occasions[0].on`` is in the
    column ``person.occasions``), else the deepest optional part holding it
    (``organization`` for ``organization.name``), else None.
    """
    name = field.split("[", 1)[0]
    column = next((c for c in _columns(cls) if c.name == name), None)
    if column is not None and column.optional:
        return column.path
    steps = name.split(".")
    kind: Any = cls
    deepest = None
    for depth, step in enumerate(steps[:-1], start=1):
        found = attrs.fields_dict(attrs.resolve_types(kind)).get(step) if attrs.has(kind) else None
        if found is None:
            break
        if found.default is not attrs.NOTHING:
            deepest = tuple(steps[:depth])
        kind = _strip_optional(found.type)[0]
    return deepest


def _said(cls: type, error: InvalidInputError) -> InvalidInputError:
    """The error of a field left empty, saying which part went with it when not its own."""
    path = _emptiable(cls, error.field)
    if path is None or ".".join(path) == error.field.split("[", 1)[0]:
        return error
    whole = f"so {'.'.join(path)} is left empty as a whole"
    hint = f"{error.hint}; {whole}" if error.hint else whole
    return InvalidInputError(
        error.field, error.value, error.expected, hint=hint, personal=error.personal
    )


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


def _remove_all(data: dict[str, Any], paths: list[tuple[str, ...] | None]) -> bool:
    """Remove every path (a part before the fields it holds); False if one cannot be."""
    removed: list[tuple[str, ...]] = []
    for path in sorted(paths, key=lambda p: (p is not None, len(p or ()))):
        if path is None:
            return False
        if any(path[: len(r)] == r for r in removed):  # gone with a part holding it
            continue
        if not _remove(data, path):
            return False
        removed.append(path)
    return True


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
    for error in errors:  # a cell left out; a part that needed it goes too
        path = _emptiable(cls, error.field)
        if path is not None:
            _remove(data, path)
    while True:
        record: object | None = None
        try:
            record = from_dict(cls, data)
        except InvalidInputError as exc:
            found = [e for e in exc.errors if e.field not in reported]
        else:
            found = []
        if not found:  # every problem is known: a record unless a required field is wrong
            if record is None or any(_emptiable(cls, e.field) is None for e in every):
                return None, [], every
            return record, [_said(cls, e) for e in every], []
        every.extend(found)
        reported.update(e.field for e in found)
        if not _remove_all(data, [_emptiable(cls, e.field) for e in found]):
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
