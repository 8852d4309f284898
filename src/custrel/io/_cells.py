"""One text cell or JSON value into a model field: columns, instants, zones, bounded lines."""

from __future__ import annotations

import contextlib
import enum
import functools
import json
import types
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

import attrs

from custrel._checks import LONE_SURROGATE, repr_hidden
from custrel.errors import InvalidInputError, _Described
from custrel.io._forms import _amount, _day, _instant, _integer
from custrel.io._records import (
    _MAX_LINE,
    _NO_LONE_SURROGATE,
)
from custrel.io._vocabulary import _enum_value, _flag_value
from custrel.serialize._json import _parse_json

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import TextIO

__all__ = ["csv_columns"]


# Field types -------------------------------------------------------------------------


def _strip_optional(kind: Any) -> tuple[Any, bool]:  # noqa: ANN401 - a type annotation
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(kind) if a is not type(None)]
        return args[0], len(args) < len(get_args(kind))
    return kind, False


@attrs.frozen
class _Column:
    """One CSV column: its dotted name, the path in the data and how to read a cell.

    ``optional``: the field has a default, so a bad cell in it can be left empty.
    """

    name: str
    path: tuple[str, ...]
    kind: Any
    personal: bool
    optional: bool = False


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
                optional = field.default is not attrs.NOTHING
                found.append(_Column(".".join(path), path, inner, hidden, optional))

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


def _cell(text: str, column: _Column, tz: tzinfo | None) -> object:  # noqa: C901, PLR0911 - one case per kind of field
    """The value of one non-empty CSV cell, as :func:`~custrel.serialize.from_dict` reads it."""
    kind, personal = column.kind, column.personal
    if kind is str:  # the most common column, checked first: from_dict reads the text
        return text
    if kind is datetime:
        return _instant(text, tz, personal=personal)
    if kind is date:
        return _day(text, personal=personal)
    if kind is Decimal:
        return _amount(text, personal=personal)
    if kind is bool:
        flag = _flag_value(text)
        if flag is not None:
            return flag
        raise InvalidInputError("", text, "true or false (yes/no, 是/否)", personal=personal)
    if kind is int:
        return _integer(text, personal=personal)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        value = _enum_value(kind, text)
        return text.strip() if value is None else value
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
            return _in_forms(words, item) if isinstance(item, type) and attrs.has(item) else words
        return [word.strip() for word in text.split(";") if word.strip()]
    return text  # str: from_dict reads the text


@functools.cache
def _field_kinds(cls: type) -> dict[str, Any]:
    """Each field of a model by name, with its type without ``None``."""
    return {f.name: _strip_optional(f.type)[0] for f in attrs.fields(attrs.resolve_types(cls))}


def _in_forms(words: object, item: type) -> object:
    """A JSON list of records with their enum words and dates read as cells are.

    ``[{"kind": "生日", "on": "1988/11/25"}]`` is ``[{"kind": "birthday", "on": ...}]``:
    a value that is no such word or date is left as it is, for the model to refuse.
    """
    if not isinstance(words, list):
        return words
    kinds = _field_kinds(item)
    for entry in words:
        if not isinstance(entry, dict):
            continue
        for key, value in entry.items():
            kind = kinds.get(key)
            if not isinstance(value, str):
                continue
            if isinstance(kind, type) and issubclass(kind, enum.Enum):
                entry[key] = _enum_value(kind, value) or value
            elif kind is date:
                with contextlib.suppress(InvalidInputError):
                    entry[key] = _day(value).isoformat()
    return words


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


def _too_long() -> InvalidInputError:
    """The problem of a JSON Lines line longer than ``_MAX_LINE``."""
    return InvalidInputError(
        "record",
        _Described(f"a line of more than {_MAX_LINE:,} characters"),
        f"a line of at most {_MAX_LINE:,} characters",
    )


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
                data[column.name] = _instant(text, tz, personal=column.personal)
            except InvalidInputError as exc:
                errors.append(_located(exc, column.name))
    return errors
