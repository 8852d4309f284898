"""A table's header row: which field each column holds, and what is wrong with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from custrel.errors import InvalidInputError, _Described
from custrel.io._cells import _Column, _columns
from custrel.io._vocabulary import _did_you_mean, _header_field

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__: list[str] = []


@attrs.frozen
class _Header:
    """The columns of a header row (None where a column is not read), and notices."""

    columns: list[_Column | None]
    notices: list[str]


def _checked_mapping(cls: type, columns: Mapping[str, str] | None) -> dict[str, str]:
    """A caller's ``columns`` mapping (header text to field), checked against ``cls``."""
    if columns is None:
        return {}
    known = {c.name for c in _columns(cls)}
    given: object = columns
    if not hasattr(given, "items"):
        raise InvalidInputError("columns", columns, "a mapping of header text to field name")
    checked = {}
    pairs: list[tuple[object, object]] = list(columns.items())
    for header, field in pairs:
        if not isinstance(header, str) or not isinstance(field, str) or field not in known:
            raise InvalidInputError(
                f"columns[{header!r}]",
                field,
                f"the name of a field of {cls.__name__} ({', '.join(sorted(known))})",
            )
        checked[header] = field
    return checked


def _no_header(cls: type, header: list[str]) -> InvalidInputError:
    return InvalidInputError(
        "header",
        _Described(f"a first line of {len(header)} cells, most of them not fields"),
        f"a header row naming the fields of {cls.__name__}",
        hint="no header row? The file is not read (its cells are not shown: they may be "
        "personal data); add a header row (docs/cli.md lists the names)",
    )


def _header(
    cls: type, header: list[str], mapping: Mapping[str, str]
) -> tuple[_Header, InvalidInputError | None]:
    """Read a header row for ``cls``: the columns and notices, and the error refusing the file.

    A column that is not a field is ignored with a notice (with a suggestion when it is
    close to a field name). The file is refused when a field has two columns, when a
    required field has none, and, as "no header row?", when no cell names a field or
    a required field is missing while most cells are not fields.
    """
    by_name = {c.name: c for c in _columns(cls)}
    columns: list[_Column | None] = []
    notices: list[str] = []
    problems: list[InvalidInputError] = []
    unknown = 0
    where: dict[str, list[str]] = {}
    for index, text in enumerate(header, start=1):
        name = _header_field(cls, text, mapping)
        column = by_name.get(name) if name is not None else None
        columns.append(column)
        if column is not None:
            where.setdefault(column.name, []).append(text)
        elif not text.strip():
            notices.append(f"column {index}: no name in the header; ignored")
        else:
            unknown += 1
            guess = _did_you_mean(cls, text)
            maybe = f" (did you mean {guess}?)" if guess is not None else ""
            notices.append(f"{text}: not a field of {cls.__name__}; ignored{maybe}")
    required = [
        name
        for name, field in attrs.fields_dict(cls).items()
        if field.default is attrs.NOTHING
        and not any(n == name or n.startswith(f"{name}.") for n in where)
    ]
    if not where or (required and unknown * 2 > len(header)):
        return _Header([], []), _no_header(cls, header)  # no notices: cells are not shown
    problems.extend(
        InvalidInputError(name, " and ".join(texts), "one column only")
        for name, texts in where.items()
        if len(texts) > 1
    )
    problems.extend(
        InvalidInputError(name, _Described("no column"), "a column: the field is required")
        for name in required
    )
    if problems:
        return _Header([], notices), InvalidInputError.several(problems)
    return _Header(columns, notices), None
