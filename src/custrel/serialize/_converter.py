"""The cattrs converter that turns every model and policy into plain data and back, strictly."""

from __future__ import annotations

import enum
import functools
import sys
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date, datetime, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar, cast, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn
from dateutil.relativedelta import relativedelta

from custrel._checks import repr_hidden
from custrel.errors import MISSING_VALUE, InvalidInputError

__all__ = ["from_dict", "to_dict"]


_T = TypeVar("_T")


def _relative(error: InvalidInputError) -> str:
    """The path an error raised inside a class points to, relative to that class.

    Model validators name fields ``Class.field``; hooks of this module leave the
    field empty because the path around them says where they are.
    """
    if "." not in error.field:
        return error.field
    return error.field.split(".", 1)[1]


def _join(path: str, step: str) -> str:
    if not step:
        return path
    if not path or step.startswith("["):
        return f"{path}{step}"
    return f"{path}.{step}"


def _is_personal(cls: type, name: str) -> bool:
    """Whether ``cls.name`` is a personal field, one that ``repr()`` hides (rule P7)."""
    field = getattr(attrs.fields(cls), name, None)
    return field is not None and field.repr is repr_hidden


def _flatten(exc: BaseException, path: str, *, personal: bool = False) -> list[InvalidInputError]:
    """Turn whatever cattrs or a validator raised into errors that carry full paths.

    ``personal`` is true below a personal field, so that its values are masked.
    """
    if isinstance(exc, ClassValidationError | IterableValidationError):
        found: list[InvalidInputError] = []
        for sub in exc.exceptions:
            step, hidden = "", personal
            notes = [
                note
                for note in getattr(sub, "__notes__", ())
                if isinstance(note, IterableValidationNote | AttributeValidationNote)
            ]
            for note in notes:
                if isinstance(note, IterableValidationNote):
                    step = f"[{note.index}]"
                else:
                    step = note.name
                    hidden = hidden or _is_personal(exc.cl, note.name)
            found.extend(_flatten(sub, _join(path, step), personal=hidden))
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        known = ", ".join(a.name for a in attrs.fields(exc.cl) if a.init)
        return [
            InvalidInputError(
                _join(path, key),
                key,
                f"one of the fields of {exc.cl.__name__} ({known})",
                hint="unknown keys are refused so that a typo never loses data",
            )
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, InvalidInputError):
        return [
            type(error)(
                _join(path, _relative(error)),
                error.value,
                error.expected,
                hint=error.hint,
                personal=personal or error.personal,
            )
            for error in exc.errors
        ]
    if isinstance(exc, KeyError):
        return [InvalidInputError(path, MISSING_VALUE, "a value: the field is required")]
    return [  # pragma: no cover - cattrs raises only the kinds above for our models
        InvalidInputError(path, MISSING_VALUE, f"valid data ({type(exc).__name__}: {exc})")
    ]


# Structure hooks --------------------------------------------------------------------------


def _as_is(value: object, _: type) -> object:
    """Leave scalars for the model validators, which refuse wrong types with a message."""
    return value


_SHARED_UP_TO = 64  # ids, product names, order ids: short strings that repeat across records


def _structure_str(value: object, _: type) -> object:
    """Share a short string with every equal one loaded (``sys.intern``); leave the rest.

    A portfolio repeats each customer id and product name in many records: interned,
    a million purchases of 100,000 customers hold 100,000 id strings, not a million.
    Anything that is not a ``str`` is left for the model validators to refuse.
    """
    if value.__class__ is str and len(value) <= _SHARED_UP_TO:
        return sys.intern(value)
    return value


@functools.lru_cache(maxsize=64)
def _shared_zone(zone: tzinfo) -> tzinfo:
    """The first zone loaded equal to ``zone``, so records share one (bounded, thread-safe).

    ``datetime.fromisoformat`` builds a new fixed-offset zone for every timestamp; the
    zones it builds differ only by offset, so equal ones are interchangeable.
    """
    return zone


def _structure_decimal(value: object, _: type) -> object:
    if isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation:
            raise InvalidInputError("", value, "a decimal number such as '12.50'") from None
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


def _structure_date(value: object, _: type) -> object:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise InvalidInputError("", value, "an ISO 8601 date (YYYY-MM-DD)") from None
    return value


def _structure_datetime(value: object, _: type) -> object:
    if isinstance(value, str):
        try:
            instant = datetime.fromisoformat(value)
        except ValueError:
            raise InvalidInputError(
                "", value, "an ISO 8601 datetime with offset (2026-11-22T09:30:00+08:00)"
            ) from None
        zone = instant.tzinfo
        if zone is not None:  # a naive time is refused by the model's validator
            shared = _shared_zone(zone)
            if shared is not zone:
                instant = instant.replace(tzinfo=shared)
        return instant
    return value


def _enum_value(member: enum.StrEnum) -> str:
    """An enum member as its plain stable value, so that data holds no custrel types."""
    return member.value


def _structure_enum(value: object, kind: type[enum.Enum]) -> object:
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in kind)
        raise InvalidInputError("", value, f"one of {choices}") from None


_PERIOD_UNITS = ("years", "months", "weeks", "days")


def _structure_period(value: object, _: object) -> object:
    """A calendar period from ``{"months": 1}``; years, months, weeks, days only."""
    if isinstance(value, relativedelta):
        return value
    if (
        not isinstance(value, Mapping)
        or not value
        or any(key not in _PERIOD_UNITS for key in value)
        or any(not isinstance(n, int) or isinstance(n, bool) for n in value.values())
    ):
        raise InvalidInputError(
            "", value, 'a period such as {"months": 1}: int years, months, weeks or days'
        )
    return relativedelta(**value)


def _unstructure_period(period: relativedelta) -> dict[str, int]:
    """``relativedelta(months=1)`` as ``{"months": 1}``; policies hold no other units."""
    units = {"years": period.years, "months": period.months, "days": period.days}
    return {unit: n for unit, n in units.items() if n} or {"days": 0}


def _is_enum_or_period(kind: object) -> bool:
    """``SomeStrEnum | relativedelta``: a named value or a calendar period."""
    args = get_args(kind)
    return (
        len(args) == 2  # noqa: PLR2004 - the enum and the period
        and relativedelta in args
        and any(isinstance(a, type) and issubclass(a, enum.StrEnum) for a in args)
    )


def _enum_or_period_hook(kind: object) -> _Hook:
    """Structure a string as the enum member and a mapping as a period."""
    named = next(a for a in get_args(kind) if a is not relativedelta)

    def structure(value: object, _: object) -> object:
        if isinstance(value, str | enum.Enum):
            return _structure_enum(value, named)
        return _structure_period(value, relativedelta)

    return structure


def _is_fixed_tuple(kind: object) -> bool:
    """``tuple[X, Y, Z]``: a fixed number of items."""
    args = get_args(kind)
    return get_origin(kind) is tuple and bool(args) and args[-1] is not ...


def _structure_items(
    converter: cattrs.Converter, pairs: Sequence[tuple[object, Any]], kind: object
) -> list[object]:
    """Structure each ``(value, type)`` pair, collecting every item's problem."""
    items: list[object] = []
    errors: list[Exception] = []
    for index, (element, item_type) in enumerate(pairs):
        try:
            items.append(converter.structure(element, item_type))
        except Exception as exc:  # noqa: BLE001 - collected and re-raised below
            exc.add_note(IterableValidationNote(f"@ index {index}", index, item_type))
            errors.append(exc)
    if errors:
        msg = f"While structuring {kind!r}"
        raise IterableValidationError(msg, errors, tuple)
    return items


def _fixed_tuple_hook(converter: cattrs.Converter) -> Callable[[object], _Hook]:
    """Structure ``tuple[X, Y]`` from a list of exactly that many items."""

    def factory(kind: object) -> _Hook:
        item_types = get_args(kind)
        size = len(item_types)

        def structure(value: object, _: object) -> object:
            if not isinstance(value, list | tuple) or len(value) != size:
                raise InvalidInputError("", value, f"a list of exactly {size} items")
            return tuple(
                _structure_items(converter, list(zip(value, item_types, strict=True)), kind)
            )

        return structure

    return factory


def _is_homogeneous(kind: object) -> bool:
    origin = get_origin(kind)
    args = get_args(kind)
    return (origin is frozenset and len(args) == 1) or (
        origin is tuple and len(args) == 2 and args[1] is ...  # noqa: PLR2004 - tuple[X, ...]
    )


_Hook = Callable[[object, object], object]


def _collection_hook(converter: cattrs.Converter) -> Callable[[object], _Hook]:
    """Structure ``tuple[X, ...]`` and ``frozenset[X]`` from lists, never from strings."""

    def factory(kind: object) -> _Hook:
        origin = cast("type[tuple[object, ...]]", get_origin(kind))
        item_type = get_args(kind)[0]

        def structure(value: object, _: object) -> object:
            if not isinstance(value, list | tuple | set | frozenset):
                raise InvalidInputError("", value, "a list")
            return origin(_structure_items(converter, [(v, item_type) for v in value], kind))

        return structure

    return factory


def _class_hook(converter: cattrs.Converter) -> Callable[[type[Any]], _Hook]:
    """Structure attrs classes from mappings only, refusing unknown keys."""

    def factory(kind: type[Any]) -> _Hook:
        inner = make_dict_structure_fn(kind, converter, _cattrs_forbid_extra_keys=True)

        def structure(value: object, _: object) -> object:
            if not isinstance(value, Mapping):
                raise InvalidInputError("", value, f"an object with the fields of {kind.__name__}")
            odd = [key for key in value if not isinstance(key, str)]
            if odd:
                raise IterableValidationError(
                    f"While structuring {kind.__name__}",
                    [
                        InvalidInputError("", key, f"a field name (a string) of {kind.__name__}")
                        for key in odd
                    ],
                    kind,
                )
            try:
                return inner(value, kind)
            except ClassValidationError as exc:
                failed = {
                    note.name
                    for sub in exc.exceptions
                    for note in getattr(sub, "__notes__", ())
                    if isinstance(note, AttributeValidationNote)
                }
                known = {
                    (e.field, e.expected)
                    for e in exc.exceptions
                    if isinstance(e, InvalidInputError)
                }
                more = [
                    e
                    for e in _value_problems(converter, kind, value, failed)
                    if (e.field, e.expected) not in known
                ]
                if not more:
                    raise
                found: list[Exception] = [*exc.exceptions, *more]
                raise ClassValidationError(exc.message, found, kind) from None

        return structure

    return factory


def _value_problems(
    converter: cattrs.Converter, kind: type[Any], value: Mapping[str, object], skip: set[str]
) -> list[InvalidInputError]:
    """The value problems of every field given, so that one answer lists them all.

    A class's validators stop at its first wrong field, and cattrs does not call them
    at all when a field has the wrong type; this runs each field's own validator on
    its structured value. A check that needs other fields, or a value that does not
    structure, is left to the error already raised.
    """
    stand_in = object.__new__(kind)  # validators only read the class's name from it
    problems: list[InvalidInputError] = []
    for field in attrs.fields(kind):
        if field.name not in value or field.name in skip or field.validator is None:
            continue
        try:
            item = converter.structure(value[field.name], field.type)
            if callable(field.converter):
                item = field.converter(item)
            field.validator(stand_in, field, item)
        except InvalidInputError as exc:
            problems.append(exc)
        except Exception:  # noqa: BLE001, S112 - reported by cattrs, or a check across fields
            continue
    return problems


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(
        forbid_extra_keys=True,
        unstruct_collection_overrides={AbstractSet: sorted, Sequence: list},
    )
    for scalar in (int, bool):  # cattrs would call int(), bool() on anything
        converter.register_structure_hook(scalar, _as_is)
    converter.register_structure_hook(str, _structure_str)  # as is, but shared
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(date, _structure_date)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_structure_hook(relativedelta, _structure_period)
    converter.register_structure_hook(enum.StrEnum, _structure_enum)
    converter.register_structure_hook_factory(_is_enum_or_period, _enum_or_period_hook)
    converter.register_structure_hook_factory(_is_homogeneous, _collection_hook(converter))
    converter.register_structure_hook_factory(_is_fixed_tuple, _fixed_tuple_hook(converter))
    converter.register_structure_hook_factory(attrs.has, _class_hook(converter))
    converter.register_unstructure_hook(enum.StrEnum, _enum_value)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_unstructure_hook(relativedelta, _unstructure_period)
    return converter


_CONVERTER = _make_converter()

# For fingerprints: equal values must write alike, so Decimal('0.30') is written as 0.3.
_CANONICAL = _CONVERTER.copy()
_CANONICAL.register_unstructure_hook(Decimal, lambda d: str((d + 0).normalize()))


def _canonical_dict(obj: object) -> dict[str, Any]:
    """Like :func:`to_dict`, but equal values always give equal data (for hashing)."""
    data: dict[str, Any] = _CANONICAL.unstructure(obj)
    return data


# Public API -------------------------------------------------------------------------------


def to_dict(obj: object, /) -> dict[str, Any]:
    """Turn a custrel model or policy into plain, JSON-ready data.

    Args:
        obj: An instance of a custrel model or policy.

    Returns:
        A dict of strings, numbers, booleans, ``None``, lists and dicts.

    Raises:
        InvalidInputError: If ``obj`` is not a custrel model or policy.

    >>> from datetime import datetime, timezone
    >>> from decimal import Decimal
    >>> from custrel.models import Purchase
    >>> to_dict(Purchase(customer_id="c-1", at=datetime(2026, 11, 2, tzinfo=timezone.utc),
    ...                  product="tea", amount=Decimal("9.90")))
    {'customer_id': 'c-1', 'at': '2026-11-02T00:00:00+00:00', 'product': 'tea', 'quantity': 1, 'amount': '9.90', 'profit': None, 'refund': False, 'order_id': None}
    """  # noqa: E501 - a doctest output line
    if not attrs.has(type(obj)):
        raise InvalidInputError("obj", obj, "an instance of a custrel model or policy")
    data: dict[str, Any] = _CONVERTER.unstructure(obj)
    return data


def from_dict(cls: type[_T], data: object, /) -> _T:
    """Build a custrel model or policy from plain data, as :func:`to_dict` writes it.

    Args:
        cls: The model or policy class to build.
        data: A mapping, usually parsed from JSON.

    Returns:
        A validated instance of ``cls``.

    Raises:
        InvalidInputError: Naming every wrong, missing or unknown field with its path
            (a :class:`~custrel.errors.PolicyError` when ``cls`` is a policy).

    >>> from custrel.models import Opportunity
    >>> from_dict(Opportunity, {"customer_id": "c-1", "need": "explicit",
    ...                         "expected_close": "2026-12-31", "status": "won"})
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: status: expected one of 'closed', 'negotiating', 'potential', got str 'won'
    """  # noqa: E501 - a doctest output line
    target: object = cls
    if not (isinstance(target, type) and attrs.has(target)):
        raise InvalidInputError("cls", cls, "a custrel model or policy class")
    try:
        return _CONVERTER.structure(data, cls)
    except (ClassValidationError, IterableValidationError, InvalidInputError) as exc:
        kind: type[InvalidInputError] = getattr(cls, "_load_error", InvalidInputError)
        errors = [
            e
            if e.field and isinstance(e, kind)
            else kind(
                e.field or cls.__name__, e.value, e.expected, hint=e.hint, personal=e.personal
            )
            for e in _flatten(exc, "")
        ]
        raise kind.several(errors) from None
