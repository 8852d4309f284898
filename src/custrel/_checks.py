"""Validators and converters shared by the models; private.

Each check has the signature ``(name, value)`` and raises
:class:`~custrel.errors.InvalidInputError` naming the field; :func:`checked` adapts a
check to an attrs validator that names the field ``Class.field``. Converters only
turn a value into the canonical form of the same data (a list into a tuple, an ``int``
into a ``Decimal``); anything else passes through unchanged so the validator can
refuse it with a clear message.

Dimensionless numbers (ratios, shares, weights, ratings) also take a ``float``:
:func:`exact` turns a finite one into ``Decimal(repr(x))``, the decimal it was
written as, so ``0.1`` is ``Decimal('0.1')``, never ``0.1000000000000000055...``.
Money, counts and days do not (docs/rules.md, "Numbers").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypeVar, cast, overload

from custrel.errors import InvalidInputError, PolicyError

if TYPE_CHECKING:
    import enum

    import attrs

Check = Callable[[str, object], object]
"""A check: raises :class:`~custrel.errors.InvalidInputError` naming the field, or returns
(a ratio check returns the exact ``Decimal``; callers may ignore it)."""
Ratio: TypeAlias = Decimal | float | int
"""A dimensionless number as the rules take it: ``float`` is converted by :func:`exact`."""
_T = TypeVar("_T")
_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_PHONE = re.compile(r"\+?[0-9()\- ]+")
_PHONE_DIGITS = (5, 20)
_FINGERPRINT = re.compile("[0-9a-f]{16}")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""Half of a UTF-16 pair alone: no UTF-8 file or JSON writer can hold it."""

CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)
"""The one decimal context of custrel's arithmetic (28 digits, banker's rounding): a
result never depends on the caller's :func:`decimal.getcontext`."""

MAX_COUNT = 10**9
"""The largest count (a quantity, a number of customers) custrel takes."""
MAX_DAYS = 36_600
"""The longest span in days (about 100 years) a policy or a rule argument may give."""
MIN_DAY = date(1000, 1, 1)
MAX_DAY = date(8999, 12, 31)
"""The calendar days custrel takes: a century of policy horizon either side stays
far inside Python's ``date`` range, so no rule overflows."""
_MONEY_DIGITS = 15
"""Money has at most this many digits before the point (below 10**15)."""


def _fail(
    name: str,
    value: object,
    expected: str,
    *,
    hint: str = "",
    personal: bool = False,
) -> InvalidInputError:
    return InvalidInputError(name, value, expected, hint=hint, personal=personal)


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: "a Person", "an Occasion"."""
    return f"{'an' if noun[0].lower() in 'aeiou' else 'a'} {noun}"


# Converters ---------------------------------------------------------------------------


def to_tuple(value: object) -> Any:  # noqa: ANN401 - the models give it a typed wrapper
    """Turn a list into a tuple; leave anything else for the validator."""
    if isinstance(value, list):
        return tuple(value)
    return value


def to_frozenset(value: Iterable[str]) -> frozenset[str]:
    """Turn a set, list or tuple into a frozenset; leave anything else."""
    if isinstance(value, set | list | tuple):
        return frozenset(value)
    return cast("frozenset[str]", value)


def to_money(value: Decimal | int) -> Decimal:
    """Turn an ``int`` (not a ``bool``) into a ``Decimal``; leave anything else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return cast("Decimal", value)


def to_optional_money(value: Decimal | int | None) -> Decimal | None:
    """As :func:`to_money`, keeping ``None``."""
    return None if value is None else to_money(value)


def _exact(value: object) -> Decimal | None:
    """``value`` as an exact, finite ``Decimal`` (a float by ``float.__repr__``), or ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return Decimal(float.__repr__(value)) if math.isfinite(value) else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal) and value.is_finite():
        return value
    return None


def to_ratio(value: Ratio) -> Decimal:
    """Turn a finite ``float`` or an ``int`` into an exact ``Decimal``; leave anything else.

    The converter of ratio fields: a ``bool``, ``nan``, an infinity or a string is left
    for the field's validator (a :func:`fraction` check) to refuse by name.
    """
    found = _exact(value)
    return cast("Decimal", value) if found is None else found


def to_optional_ratio(value: Ratio | None) -> Decimal | None:
    """As :func:`to_ratio`, keeping ``None``."""
    return None if value is None else to_ratio(value)


def exact(name: str, value: object, expected: str) -> Decimal:
    """A dimensionless number as an exact ``Decimal``, or an error naming ``name``.

    A finite ``Decimal`` is returned as it is, an ``int`` exactly and a finite ``float``
    as ``Decimal(repr(value))``: ``0.9`` is ``Decimal('0.9')``, so a rule given ``0.9``
    answers as it does given ``Decimal('0.9')``. ``name`` and ``expected`` word the error.

    Raises:
        InvalidInputError: For a ``bool`` (not a number here), ``nan``, an infinity or
            anything that is not a number.

    >>> exact("growth", 0.1, "a number > 0")
    Decimal('0.1')
    >>> exact("growth", float("nan"), "a number > 0")
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: growth: expected a number > 0, got float nan; a ratio must be finite
    """  # noqa: E501 - a doctest output line
    found = _exact(value)
    if found is None:
        hint = ""
        if isinstance(value, bool):
            hint = "True and False are not numbers"
        elif isinstance(value, float | Decimal):
            hint = "a ratio must be finite"
        raise _fail(name, value, expected, hint=hint)
    return found


# Validators ---------------------------------------------------------------------------


def _unicode(name: str, value: str, expected: str, *, personal: bool = False) -> None:
    r"""Refuse a string holding a lone surrogate: no file or JSON writer can encode it.

    Such strings come from bytes decoded with ``errors="surrogateescape"`` or from a
    JSON escape such as ``"\udcff"``; accepted, they would fail only when written out.
    """
    if not value.isascii() and (found := LONE_SURROGATE.search(value)):
        raise _fail(
            name,
            value,
            f"{expected} of valid Unicode",
            hint=f"character {found.start() + 1} is a lone surrogate, U+{ord(found[0]):04X} "
            "(from an escape such as \\udcff, or from bytes that are not UTF-8), "
            "which no file can hold",
            personal=personal,
        )


def text(name: str, value: object) -> None:
    """A string, possibly empty (free text such as a summary)."""
    if not isinstance(value, str):
        raise _fail(name, value, "a string")
    _unicode(name, value, "a string")


def identifier(name: str, value: object) -> None:
    """A string that is not blank (ids, names, products)."""
    if not isinstance(value, str) or not value.strip():
        raise _fail(name, value, "a non-blank string")
    _unicode(name, value, "a non-blank string")


def optional_identifier(name: str, value: object) -> None:
    """``None`` (unknown) or a string that is not blank."""
    if value is None:
        return
    if not isinstance(value, str) or not value.strip():
        raise _fail(
            name,
            value,
            "a non-blank string or None",
            hint="use None for an unknown value",
        )
    _unicode(name, value, "a non-blank string")


def personal_text(name: str, value: object) -> None:
    """``None`` or a non-blank string that is personal data (masked in errors)."""
    if value is None:
        return
    if not isinstance(value, str) or not value.strip():
        raise _fail(name, value, "a non-blank string or None", personal=True)
    _unicode(name, value, "a non-blank string", personal=True)


def email(name: str, value: object) -> None:
    """``None`` or something shaped like ``name@host.tld`` (checked loosely)."""
    if value is None:
        return
    if not isinstance(value, str) or not _EMAIL.fullmatch(value):
        raise _fail(
            name,
            value,
            "an e-mail address like name@example.com or None",
            personal=True,
        )
    _unicode(name, value, "an e-mail address", personal=True)


def phone(name: str, value: object) -> None:
    """``None`` or a phone number: digits, spaces, ``()+-``, 5 to 20 digits."""
    if value is None:
        return
    low, high = _PHONE_DIGITS
    if (
        not isinstance(value, str)
        or not _PHONE.fullmatch(value)
        or not low <= sum(c.isdigit() for c in value) <= high
    ):
        raise _fail(
            name,
            value,
            f"a phone number of {low} to {high} digits (spaces, '+', '-', '()' allowed) or None",
            personal=True,
        )


def flag(name: str, value: object) -> None:
    """A ``bool``."""
    if not isinstance(value, bool):
        raise _fail(name, value, "True or False")


def optional_flag(name: str, value: object) -> None:
    """``None`` (unknown) or a ``bool``."""
    if value is not None and not isinstance(value, bool):
        raise _fail(name, value, "True, False or None")


def count(low: int = 0, high: int | None = None, *, optional: bool = False) -> Check:
    """An ``int`` (not a ``bool``) within ``low..high``; ``None`` too if optional."""
    top = MAX_COUNT if high is None else high
    bounds = f">= {low}" if high is None else f"in {low}..{high}"
    expected = f"an int {bounds}" + (" or None" if optional else "")
    too_big = f"an int in {low}..{top:,}" + (" or None" if optional else "")

    def check(name: str, value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, int) or isinstance(value, bool) or value < low:
            raise _fail(name, value, expected)
        if value > top:
            raise _fail(name, value, too_big if high is None else expected)

    return check


def days(low: int = 0) -> Check:
    """A number of days, ``low`` to :data:`MAX_DAYS`, so that date arithmetic never overflows."""
    return count(low, MAX_DAYS)


def money(
    *, signed: bool = False, optional: bool = False, personal: bool = False, positive: bool = False
) -> Check:
    """A finite ``Decimal`` below 10**15, not negative unless ``signed``; ``None`` if optional.

    With ``positive``, zero is refused too.
    """
    expected = "a finite Decimal or int" + ("" if signed else " > 0" if positive else " >= 0")
    too_big = f"{expected} with at most {_MONEY_DIGITS} digits before the point"
    expected += " or None" if optional else ""
    too_big += " or None" if optional else ""

    def check(name: str, value: object) -> None:
        if value is None and optional:
            return
        if isinstance(value, float):
            raise _fail(
                name,
                value,
                expected,
                hint=(
                    "pass a Decimal; floats cannot hold money exactly"
                    if personal
                    else f"pass Decimal({str(value)!r}); floats cannot hold money exactly"
                ),
                personal=personal,
            )
        if (
            not isinstance(value, Decimal)
            or not value.is_finite()
            or (not signed and (value <= 0 if positive else value < 0))
        ):
            raise _fail(name, value, expected, personal=personal)
        if value and value.adjusted() >= _MONEY_DIGITS:
            raise _fail(name, value, too_big, personal=personal)

    return check


def amount(*, optional: bool = False) -> Check:
    """A value as the tiering rules take it: an ``int`` or a finite ``Decimal``, signed."""
    check_money = money(signed=True, optional=optional)

    def check(name: str, value: object) -> None:
        check_money(name, to_money(value) if isinstance(value, int) else value)

    return check


def ratio(*, optional: bool = False) -> Check:
    """A finite ``float`` >= 0 (an average of day counts); ``None`` too if optional."""
    expected = "a finite float >= 0" + (" or None" if optional else "")

    def check(name: str, value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, float) or not 0 <= value < float(MAX_COUNT):
            raise _fail(name, value, expected)

    return check


@overload
def fraction(
    low: Decimal | int = ...,
    high: Decimal | int | None = ...,
    *,
    above: bool = ...,
    below: bool = ...,
    optional: Literal[False] = ...,
    hint: str = ...,
) -> Callable[[str, object], Decimal]: ...


@overload
def fraction(
    low: Decimal | int = ...,
    high: Decimal | int | None = ...,
    *,
    above: bool = ...,
    below: bool = ...,
    optional: Literal[True],
    hint: str = ...,
) -> Callable[[str, object], Decimal | None]: ...


def fraction(
    low: Decimal | int = 0,
    high: Decimal | int | None = None,
    *,
    above: bool = False,
    below: bool = False,
    optional: bool = False,
    hint: str = "",
) -> Callable[[str, object], Decimal | None]:
    """A dimensionless number from ``low`` to ``high``; ``None`` too if optional.

    The range is closed unless ``above`` (the number must exceed ``low``) or ``below``
    (it must stay under ``high``); without ``high`` there is no top. The check takes a
    ``Decimal``, an ``int`` or a ``float`` (by :func:`exact`) and returns the exact
    ``Decimal``, so a rule argument is checked and converted in one call; as a
    validator it follows the :func:`to_ratio` converter. Like money, a ratio has at
    most 15 digits before the point.
    """
    bottom, top = Decimal(low), None if high is None else Decimal(high)
    if top is None:
        bounds = f"{'>' if above else '>='} {low}"
    elif not above and not below:
        bounds = f"in {low}..{high}"
    else:
        bounds = (
            f"{'above' if above else 'from'} {low} and {'below' if below else 'at most'} {high}"
        )
    expected = f"a finite number {bounds}" + (" or None" if optional else "")

    def check(name: str, value: object) -> Decimal | None:
        if value is None and optional:
            return None
        number = exact(name, value, expected)
        if (
            number < bottom
            or (above and number == bottom)
            or (top is not None and (number > top or (below and number == top)))
        ):
            raise _fail(name, value, expected, hint=hint)
        if number and number.adjusted() >= _MONEY_DIGITS:  # a weight of 1E+999999 is no ratio
            raise _fail(
                name, value, expected, hint=f"at most {_MONEY_DIGITS} digits before the point"
            )
        return number

    return check


def share(name: str, value: object) -> None:
    """A ``Decimal`` in 0..1: a weight, points earned, a share of a total."""
    if not isinstance(value, Decimal) or not value.is_finite() or not 0 <= value <= 1:
        raise _fail(name, value, "a Decimal in 0..1")


def fingerprint(name: str, value: object) -> None:
    """A policy's fingerprint, as ``Policy.fingerprint`` gives it: 16 hexadecimal digits."""
    if not isinstance(value, str) or not _FINGERPRINT.fullmatch(value):
        raise _fail(name, value, "a policy fingerprint: 16 hexadecimal digits 0-9, a-f")


def day(*, optional: bool = False, personal: bool = False, bounded: bool = True) -> Check:
    """A calendar ``date`` (a ``datetime`` is refused); ``None`` too if optional.

    Within :data:`MIN_DAY` .. :data:`MAX_DAY` unless ``bounded`` is false: a day a rule
    counts to from a bounded day (a due day a policy span past ``as_of``, the start of
    a window before it) may lie past them, anywhere in the years 1 to 9999.
    """
    expected = "a date" + (" or None" if optional else "")
    in_range = f"a date from {MIN_DAY} to {MAX_DAY}" + (" or None" if optional else "")

    def check(name: str, value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, date) or isinstance(value, datetime):
            hint = "pass value.date() for the calendar day" if isinstance(value, datetime) else ""
            raise _fail(name, value, expected, hint=hint, personal=personal)
        if bounded and not MIN_DAY <= value <= MAX_DAY:
            raise _fail(name, value, in_range, personal=personal)

    return check


def instant(*, optional: bool = False) -> Check:
    """A timezone-aware ``datetime``; ``None`` too if optional."""
    expected = "a timezone-aware datetime" + (" or None" if optional else "")
    in_range = f"a timezone-aware datetime from {MIN_DAY} to {MAX_DAY}" + (
        " or None" if optional else ""
    )

    def check(name: str, value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, datetime):
            raise _fail(name, value, expected)
        if not MIN_DAY <= value.date() <= MAX_DAY:
            raise _fail(name, value, in_range)
        if value.utcoffset() is None:
            raise _fail(
                name,
                value,
                expected,
                hint="attach a zone, e.g. value.replace(tzinfo=ZoneInfo('Asia/Shanghai'))",
            )

    return check


def member(kind: type[enum.Enum], *, optional: bool = False) -> Check:
    """A member of the enum ``kind`` (its string value is not enough)."""
    choices = ", ".join(repr(m.value) for m in kind)
    expected = f"{_a(kind.__name__)} ({choices})" + (" or None" if optional else "")

    def check(name: str, value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            hint = ""
            if any(value == m.value for m in kind):
                hint = f"pass {kind.__name__}({value!r})"
            raise _fail(name, value, expected, hint=hint)

    return check


def instance_of(kind: type[Any], *, optional: bool = False) -> Check:
    """An instance of the model class ``kind``; ``None`` too if optional."""
    expected = _a(kind.__name__) + (" or None" if optional else "")

    def check(name: str, value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            raise _fail(name, value, expected)

    return check


def items(item: Check, what: str) -> Check:
    """A tuple whose every item passes ``item``; ``what`` names an item."""

    def check(name: str, value: object) -> None:
        if not isinstance(value, tuple):
            raise _fail(name, value, f"a list or tuple of {what}")
        for index, element in enumerate(value):
            item(f"{name}[{index}]", element)

    return check


def members(what: str) -> Check:
    """A frozenset of non-blank strings; ``what`` names an item."""

    def check(name: str, value: object) -> None:
        if not isinstance(value, frozenset):
            raise _fail(name, value, f"a set, list or tuple of {what}")
        for element in sorted(value, key=repr):
            identifier(f"{name}[{element!r}]", element)

    return check


def iterable(name: str, value: object, what: str) -> None:
    """An iterable that is not a string (a string would iterate its characters)."""
    if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
        raise InvalidInputError(name, value, f"an iterable of {what}")


def checked(check: Check) -> _Validator:
    """Adapt a ``(name, value)`` check to the attrs validator signature."""

    def validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        try:
            check(f"{type(instance).__name__}.{attribute.name}", value)
        except InvalidInputError as exc:
            if exc.personal or attribute.repr is not repr_hidden:
                raise
            # A field hidden from repr() is personal: whatever check refused it, mask it.
            raise InvalidInputError(
                exc.field, exc.value, exc.expected, hint=exc.hint, personal=True
            ) from None

    return validator


def policy(check: Check) -> _Validator:
    """As :func:`checked`, for policy fields: the error is a ``PolicyError``."""

    def validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        try:
            check(f"{type(instance).__name__}.{attribute.name}", value)
        except InvalidInputError as exc:
            raise PolicyError(exc.field, exc.value, exc.expected, hint=exc.hint) from None

    return validator


_new = object.__new__
_set = object.__setattr__  # how attrs itself sets the fields of a frozen class


def unchecked(cls: type[_T], /, **fields: object) -> _T:
    """An instance of the attrs class ``cls`` built without running its validators.

    For a rule's own results only: their values come from checked input, so checking
    them again would only slow the rule down. Data from outside (the constructor,
    ``from_dict``) is validated. Give every field, as the constructor would take it;
    no converter, default or ``__attrs_post_init__`` runs, so use it only for classes
    without converters, defaults or ``cache_hash``, whose ``__attrs_post_init__`` (if
    any) only checks.
    """
    instance = _new(cls)
    for name, value in fields.items():
        _set(instance, name, value)
    return instance


def repr_hidden(value: object) -> str:
    """How a personal field shows in ``repr()``: whether it is set, never its value."""
    return "None" if value is None or value in ((), frozenset()) else "<hidden>"
