"""Hostile JSON-shaped documents for every class that loads from data (issue 15)."""

import enum
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

import custrel

LOADABLE: tuple[type[Any], ...] = tuple(
    obj
    for obj in (getattr(custrel, name) for name in custrel.__all__)
    if isinstance(obj, type) and attrs.has(obj)
)
"""Every class in ``custrel.__all__`` that ``from_dict`` and ``loads`` build."""

BIG_INTS = st.sampled_from([10**9, -(10**9), 10**18, 2**63, -(2**63), 10**300, 10**4000])
HOSTILE_DECIMALS = st.sampled_from(
    [
        "NaN",
        "sNaN",
        "-Infinity",
        "Infinity",
        "1E+999999",
        "-1E+999999",
        "1E-999999",
        "9" * 400,
        "1e400",
        "0E-1000000",
        "123456789012345678901234567890.5",
    ]
)
HOSTILE_DATES = st.sampled_from(
    ["9999-12-31", "0001-01-01", "9999-12-30", "0001-01-02", "2026-02-29", "99999-01-01"]
)
HOSTILE_DATETIMES = st.sampled_from(
    [
        "9999-12-31T23:59:59+00:00",
        "0001-01-01T00:00:00+00:00",
        "9999-12-31T23:59:59-23:59",
        "0001-01-01T00:00:00+23:59",
        "2026-01-01T00:00:00",
    ]
)
HOSTILE_TEXT = st.sampled_from(["", " ", "\ud800", "\x00", "a" * 100_000, "\u202e"])


def _nested(depth: int) -> object:
    doc: object = 0
    for _ in range(depth):
        doc = [doc]
    return doc


ANY_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | BIG_INTS
    | HOSTILE_TEXT
    | st.decimals(),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=4) | st.integers() | st.none(), inner, max_size=3)
    ),
    max_leaves=8,
) | st.sampled_from([{1: 2, "a": 3}, {None: 1}, {(1, 2): 3}])
"""Anything, including what JSON cannot say (non-string keys, NaN, Decimal)."""


def _typed(kind: object, depth: int) -> st.SearchStrategy[object]:  # noqa: C901, PLR0911, PLR0912
    """Values a careless or hostile client would send for a field of type ``kind``."""
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in {typing.Union, types.UnionType}:
        return st.one_of(*(_typed(a, depth) for a in args))
    if kind is type(None):
        return st.none()
    if kind is bool:
        return st.booleans()
    if kind is int:
        return st.integers(-5, 400) | BIG_INTS | st.booleans()
    if kind is float:
        return st.floats() | BIG_INTS
    if kind is str:
        return st.text(max_size=10) | HOSTILE_TEXT
    if kind is Decimal:
        return (
            st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str)
            | HOSTILE_DECIMALS
            | st.integers(-5, 10**6)
            | HOSTILE_DECIMALS.map(Decimal)
            | st.floats()
        )
    if kind is date:
        return st.dates().map(date.isoformat) | HOSTILE_DATES
    if kind is datetime:
        return HOSTILE_DATETIMES
    if kind is relativedelta:
        return st.dictionaries(
            st.sampled_from(["years", "months", "weeks", "days"]),
            st.integers(-3, 400) | BIG_INTS,
            min_size=1,
            max_size=2,
        )
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return st.sampled_from([m.value for m in kind])
    if origin in {tuple, frozenset}:
        if origin is tuple and args and args[-1] is not ...:
            return st.lists(_typed(args[0], depth), min_size=0, max_size=len(args) + 1)
        return st.lists(_typed(args[0], depth), max_size=3)
    if origin is Mapping:
        return st.dictionaries(_typed(args[0], depth), _typed(args[1], depth), max_size=3)
    if isinstance(kind, type) and attrs.has(kind):
        return documents(kind, depth + 1)
    raise NotImplementedError(kind)  # pragma: no cover - a new field type needs a strategy


def documents(cls: type[Any], depth: int = 0) -> st.SearchStrategy[object]:
    """Documents for ``cls``: mostly of the right shape, with hostile values and keys."""
    if depth > 2:
        return st.just({})
    attrs.resolve_types(cls)
    fields = {f.name: f for f in attrs.fields(cls) if f.init}
    shaped = st.fixed_dictionaries(
        {},
        optional={
            name: _typed(field.type, depth) | (ANY_JSON if depth == 0 else st.nothing())
            for name, field in fields.items()
        },
    )
    return shaped | ANY_JSON
