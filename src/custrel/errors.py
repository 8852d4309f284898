"""The errors custrel raises.

All of them derive from :class:`CustrelError`. Bad input raises
:class:`InvalidInputError`, which is also a :class:`ValueError`, so callers that
already catch ``ValueError`` keep working. Its message names the field, what was
expected and the value that was given; values of personal fields (phone numbers,
e-mail addresses, birthdays, ...) are masked so that an error message is safe to log
(rule P7).

>>> from custrel.errors import InvalidInputError
>>> err = InvalidInputError("Purchase.amount", 12.5, "Decimal or int", hint="pass Decimal('12.5')")
>>> print(err)
Purchase.amount: expected Decimal or int, got float 12.5; pass Decimal('12.5')
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "MISSING_VALUE",
    "CustrelError",
    "InvalidInputError",
    "OutsideCalendarError",
    "PolicyError",
]

_SHOWN_CHARS = 60
_BIG_INT_BITS = 200


class CustrelError(Exception):
    """The root of every error custrel raises on purpose.

    >>> from custrel.errors import CustrelError, PolicyError
    >>> issubclass(PolicyError, CustrelError)
    True
    """


class _Missing:
    """The value of a required field that was not given at all."""

    def __repr__(self) -> str:
        return "<missing>"


MISSING_VALUE = _Missing()
"""Stands for the value of a required field that was absent from the input."""


class _Described:
    """Stands for input that an error describes in words rather than echoes."""

    def __init__(self, words: str) -> None:
        self.words = words

    def __repr__(self) -> str:
        return self.words


def _mask(value: object) -> str:
    """Show the type of a personal value and at most its first and last character."""
    if isinstance(value, _Described):
        return value.words
    if isinstance(value, str):
        if len(value) <= 2:  # noqa: PLR2004 - two characters would be shown whole
            return f"str {'*' * len(value)!r}"
        return f"str {value[0] + '*' * (len(value) - 2) + value[-1]!r}"
    return f"{type(value).__name__} (hidden)"


def _echoes(hint: str, value: object) -> bool:
    """Whether ``hint`` repeats ``value`` (a hint must not unmask a personal value)."""
    if not hint or isinstance(value, _Described):
        return False
    try:
        return str(value) in hint
    except (ValueError, RecursionError):  # an int too long to print, a deep structure
        return False


def _show(value: object) -> str:
    """Show a value with its type, shortened when it is long."""
    if value is MISSING_VALUE:
        return "nothing"
    if isinstance(value, _Described):
        return value.words
    if isinstance(value, int) and value.bit_length() > _BIG_INT_BITS:
        return f"{type(value).__name__} of about {int(value.bit_length() * 0.30103):,} digits"
    try:
        shown = repr(value)
    except RecursionError:
        return f"{type(value).__name__} nested too deep to show"
    if len(shown) > _SHOWN_CHARS:
        shown = shown[: _SHOWN_CHARS - 3] + "..."
    return f"{type(value).__name__} {shown}"


class InvalidInputError(CustrelError, ValueError):
    """A value given to custrel is of the wrong type, out of range or malformed.

    Args:
        field: Where the value was found, such as ``"Purchase.amount"`` or, for
            structured data, a path such as ``"person.family[1].birthday"``.
        value: The offending value. It is kept on the error as ``.value`` and shown in
            the message, both masked when ``personal`` is true: the raw personal value
            is never kept, so an error reporter that serialises the exception cannot
            send it (read it from your own input at ``field``; docs/reliability.md).
        expected: What would have been accepted, in a few words.
        hint: An optional suggestion appended to the message.
        personal: Whether the value is personal data to mask in the message (rule P7).

    Attributes:
        field: As given.
        value: As given, or for a personal value a stand-in whose ``repr`` is the
            masked text.
        expected: As given.
        hint: As given.
        personal: As given.
        errors: The individual problems, one per wrong field. For an error built
            by :meth:`several` these are the errors it combines; otherwise the error
            itself.

    >>> from custrel.errors import InvalidInputError
    >>> err = InvalidInputError("Person.contact.mobile", "13800138000", "a phone number",
    ...                         personal=True)
    >>> print(err)
    Person.contact.mobile: expected a phone number, got str '1*********0'
    >>> err.field
    'Person.contact.mobile'
    """

    field: str
    value: object
    expected: str
    hint: str
    personal: bool
    errors: tuple[InvalidInputError, ...]

    def __init__(
        self,
        field: str,
        value: object,
        expected: str,
        *,
        hint: str = "",
        personal: bool = False,
    ) -> None:
        shown = _mask(value) if personal else _show(value)
        if personal and _echoes(hint, value):
            hint = ""
        message = f"{field}: expected {expected}, got {shown}"
        if hint:
            message = f"{message}; {hint}"
        super().__init__(message)
        self.field = field
        # A personal value is never kept: error reporters serialise exception attributes.
        self.value = _Described(shown) if personal else value
        self.expected = expected
        self.hint = hint
        self.personal = personal
        self.errors = (self,)

    @classmethod
    def several(cls, errors: Sequence[InvalidInputError]) -> InvalidInputError:
        """Combine several problems into one error that lists them one per line.

        A single problem is returned unchanged. The combined error takes ``field``,
        ``value`` and ``expected`` from the first problem and keeps them all in
        ``errors``.

        Args:
            errors: At least one error.

        Returns:
            One error whose message has a line per problem.

        Raises:
            ValueError: If ``errors`` is empty (a bug in the caller).

        >>> from custrel.errors import InvalidInputError
        >>> err = InvalidInputError.several([
        ...     InvalidInputError("quantity", -1, "an int >= 0"),
        ...     InvalidInputError("product", "", "a non-empty string"),
        ... ])
        >>> print(err)
        2 invalid fields:
          quantity: expected an int >= 0, got int -1
          product: expected a non-empty string, got str ''
        >>> len(err.errors)
        2
        """
        if not errors:
            msg = "several() needs at least one error"
            raise ValueError(msg)
        if len(errors) == 1:
            return errors[0]
        first = errors[0]
        combined = cls.__new__(cls)
        lines = [f"{len(errors)} invalid fields:", *(f"  {e}" for e in errors)]
        Exception.__init__(combined, "\n".join(lines))
        combined.field = first.field
        combined.value = first.value
        combined.expected = first.expected
        combined.hint = first.hint
        combined.personal = first.personal
        combined.errors = tuple(errors)
        return combined


class PolicyError(InvalidInputError):
    """A policy (a set of thresholds for a rule) is malformed or inconsistent.

    >>> from custrel.errors import PolicyError
    >>> print(PolicyError("TierPolicy.shares", (0.5, 0.6), "shares summing to 1"))
    TierPolicy.shares: expected shares summing to 1, got tuple (0.5, 0.6)
    """


class OutsideCalendarError(InvalidInputError):
    """A working-day question about a day in a year the working calendar does not cover.

    Raised by the working-day functions (rule C4) given a
    :class:`~custrel.cadence.WorkCalendar` built without a fallback, so that no answer
    past the calendar's data is ever silent. The message names the calendar, the day
    and how to extend the calendar.

    Args:
        field: Where the day came from (``"calendar"``).
        value: The day outside the calendar.
        expected: The years the calendar covers, in words.
        calendar: The calendar's name.
        hint: How to extend the calendar.

    Attributes:
        calendar: The name of the calendar that does not cover the day.

    >>> from datetime import date
    >>> from custrel.cadence import WorkCalendar, is_working_day
    >>> from custrel.errors import OutsideCalendarError
    >>> plain = WorkCalendar(name="ACME", covers=[2026])
    >>> try:
    ...     is_working_day(date(2027, 1, 4), calendar=plain)
    ... except OutsideCalendarError as exc:
    ...     print(exc.calendar, exc.value)
    ACME 2027-01-04
    """

    calendar: str

    def __init__(
        self, field: str, value: object, expected: str, *, calendar: str, hint: str = ""
    ) -> None:
        super().__init__(field, value, expected, hint=hint)
        self.calendar = calendar
