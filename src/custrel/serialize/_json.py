"""JSON text for every model and policy, with bounds on what is read."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation

from custrel.errors import InvalidInputError, _Described
from custrel.serialize._converter import _T, from_dict, to_dict

__all__ = ["dumps", "loads"]


MAX_TEXT = 10_000_000
"""The longest JSON document :func:`loads` reads, in characters (or bytes)."""

_MAX_INT_DIGITS = 30


def _parse_json(text: str | bytes) -> object:
    """``json.loads`` with exact decimals, refusing what would raise anything else.

    An integer of more than 30 digits or nesting deeper than Python's recursion limit
    raises :class:`json.JSONDecodeError` like any other malformed text, so every
    reader handles one kind of error.
    """
    try:
        return json.loads(text, parse_float=_parse_float, parse_int=_parse_int)
    except _TooManyDigitsError:
        detail = f"an integer of more than {_MAX_INT_DIGITS} digits"
    except _NumberOutOfRangeError:
        detail = f"a number of more than {_MAX_FLOAT_CHARS} characters or past Decimal's range"
    except RecursionError:
        detail = "nesting deeper than a few hundred levels"
    raise _JsonLimitError(detail, text if isinstance(text, str) else "", 0) from None


class _JsonLimitError(json.JSONDecodeError):
    """Text past a limit of :func:`_parse_json`, which has no position to point to."""


class _TooManyDigitsError(Exception):
    """A JSON integer longer than any count or amount custrel takes."""


class _NumberOutOfRangeError(Exception):
    """A JSON number too long to be any amount, or past what ``Decimal`` can hold."""


_MAX_FLOAT_CHARS = 100


def _parse_float(text: str) -> Decimal:
    """A JSON number with a fraction or exponent, as an exact ``Decimal``.

    ``Decimal('1E5555555555555555559')`` raises ``InvalidOperation``: its exponent is
    past any context's limit.
    """
    if len(text) > _MAX_FLOAT_CHARS:
        raise _NumberOutOfRangeError
    try:
        return Decimal(text)
    except InvalidOperation:
        raise _NumberOutOfRangeError from None


def _parse_int(digits: str) -> int:
    """A JSON integer, refused before Python parses thousands of digits."""
    if len(digits.lstrip("-")) > _MAX_INT_DIGITS:
        raise _TooManyDigitsError
    return int(digits)


def dumps(obj: object, /) -> str:
    """Write a custrel model or policy as JSON (UTF-8 text, Chinese kept as is).

    Args:
        obj: An instance of a custrel model or policy.

    Returns:
        The JSON text of :func:`to_dict`.

    Raises:
        InvalidInputError: If ``obj`` is not a custrel model or policy.

    >>> from custrel.models import Person
    >>> dumps(Person(name="王芳")).startswith('{"name": "王芳", ')
    True
    """
    return json.dumps(to_dict(obj), ensure_ascii=False)


def loads(cls: type[_T], text: str | bytes, /) -> _T:
    """Read a custrel model or policy from JSON written by :func:`dumps`.

    JSON numbers are read as exact ``Decimal`` values, so ``12.5`` in a money field
    is ``Decimal('12.5')``, never a binary float.

    Args:
        cls: The model or policy class to build.
        text: The JSON document.

    Returns:
        A validated instance of ``cls``.

    Raises:
        InvalidInputError: If the text is not JSON or the data does not fit ``cls``
            (a :class:`~custrel.errors.PolicyError` when ``cls`` is a policy). The text
            is described, never echoed: it may hold personal data.

    >>> from custrel.models import Person
    >>> loads(Person, '{"name": "Wang Fang", "age": 41}').age
    41
    >>> loads(Person, '{"name": ')
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: text: expected a JSON document (Expecting value at line 1 column 10), got text that is not JSON
    """  # noqa: E501 - a doctest output line
    kind: type[InvalidInputError] = getattr(cls, "_load_error", InvalidInputError)
    given: object = text
    if isinstance(given, str | bytes) and len(given) > MAX_TEXT:
        raise kind(
            "text",
            _Described(f"{len(given):,} characters"),
            f"a JSON document of at most {MAX_TEXT:,} characters",
        )
    try:
        data = _parse_json(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else exc.reason
        where = (
            f" at line {exc.lineno} column {exc.colno}"
            if isinstance(exc, json.JSONDecodeError) and not isinstance(exc, _JsonLimitError)
            else ""
        )
        raise kind(
            "text", _Described("text that is not JSON"), f"a JSON document ({detail}{where})"
        ) from None
    except TypeError:
        raise kind("text", text, "a JSON document as str or bytes") from None
    return from_dict(cls, data)
