"""The forms of dates, times, amounts and integers that real (Chinese) exports hold.

Pure functions from the text of one cell to a value. Each raises
:class:`~custrel.errors.InvalidInputError` with the field ``""`` (the reader fills in
the column name) on any other text, and never another exception. Each tries the plain
ISO or decimal form first, so that the common cell costs little more than
``datetime.fromisoformat`` or ``Decimal`` alone.

Decisions:

- Only the full-width forms (U+FF01..U+FF5E, the ideographic space, ``￥``), the
  no-break spaces and the minus sign U+2212 are folded to ASCII: this is what NFKC does
  to them, without NFKC's folding of superscripts or circled digits (``²``, ``①``)
  into digits, which no export writes. Digits are ASCII ``0-9`` after folding.
- Dates are year first. Day-first or month-first forms (``11/02/2026``) are refused:
  the order of day and month cannot be told.
- A date column accepts a time only when it is exactly midnight with no offset, as
  exports of date columns often write ``2026-11-02 00:00:00``.
- A time column accepts a date alone as 00:00 of that day.
- An amount keeps its decimal places as written (``398.00`` stays ``398.00``); a ``,``
  must separate groups of three digits, and the decimal mark is ``.``.
- An integer may be written with a zero fraction (``3.0``, as spreadsheets write it)
  but not with another (``3.5``).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from custrel.errors import InvalidInputError

__all__: list[str] = []

_WIDE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {
    0x3000: " ",  # ideographic space
    0x00A0: " ",  # no-break space
    0x202F: " ",  # narrow no-break space
    0x2212: "-",  # minus sign
    0xFFE5: "¥",  # full-width yen sign
}

_DATE = "a date with the year first, such as 2026-11-02, 2026/11/2 or 2026年11月2日"
_TIME = "a time with the year first, such as 2026-11-02T09:30:00+08:00 or 2026/11/2 9:30"
_AWARE = "an ISO 8601 time with a UTC offset (2026-11-22T09:30:00+08:00)"
_AMOUNT = "an amount such as 1234.50, 1,234.50, ¥1,234.50, RMB 1234.50 or 1234.50元"
_INTEGER = "an integer such as 3, -3, 1,234 or 3.0"

_NAIVE_HINT = "or give the zone of naive times: --tz ZONE at the command line, tz= in Python"
_ORDER_HINT = "the order of day and month cannot be told; write the year first (2026-11-02)"
_CLOCK_HINT = "hours run from 0 to 23, minutes and seconds from 0 to 59"
_OFFSET_HINT = "a UTC offset runs from -23:59 to +23:59"
_MIDNIGHT_HINT = "a date column holds days: a time is allowed only as 00:00, with no offset"
_GROUPS_HINT = "a ',' separates groups of three digits (1,234,567.50); the decimal mark is '.'"
_FRACTION_HINT = "an integer has no fraction (3.0 is read as 3, 3.5 is refused)"
_DIGITS_HINT = "it has more digits than an integer may have"

_STAMP = re.compile(
    r"""\s*(?:
        (?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})
      | (?P<cy>[0-9]{4})\s*年\s*(?P<cm>[0-9]{1,2})\s*月\s*(?P<cd>[0-9]{1,2})\s*[日号]
      | (?P<ky>[0-9]{4})(?P<km>[0-9]{2})(?P<kd>[0-9]{2})
    )(?:(?:T|\s+|(?<=[日号]))(?:
        (?P<H>[0-9]{1,2}):(?P<M>[0-9]{2})(?::(?P<S>[0-9]{2})(?:\.(?P<f>[0-9]{1,6}))?)?
      | (?P<cH>[0-9]{1,2})\s*[时点](?:\s*(?P<cM>[0-9]{1,2})\s*分(?:\s*(?P<cS>[0-9]{1,2})\s*秒)?)?
    )(?:\s*(?P<z>Z|[-+][0-9]{2}(?::?[0-9]{2})?))?)?\s*""",
    re.VERBOSE,
)
_AMBIGUOUS = re.compile(r"\s*[0-9]{1,2}([-/.])[0-9]{1,2}\1(?:[0-9]{2}){1,2}(?![0-9])")
_PLAIN = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_MONEY = re.compile(
    r"""\s*(?P<s1>[-+]?)\s*(?:¥|RMB|CNY)?\s*(?P<s2>[-+]?)\s*
    (?P<whole>[0-9][0-9,]*)(?P<frac>\.[0-9]+)?\s*[元圆]?\s*""",
    re.VERBOSE | re.IGNORECASE,
)
_COUNT = re.compile(r"\s*(?P<sign>[-+]?)\s*(?P<whole>[0-9][0-9,]*)(?:\.(?P<frac>[0-9]+))?\s*")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")


def _refuse(text: str, expected: str, hint: str, personal: bool) -> InvalidInputError:  # noqa: FBT001
    return InvalidInputError("", text, expected, hint=hint, personal=personal)


def _impossible(year: int, month: int) -> str:
    """Why a year, month and day that matched a date form name no day of the calendar."""
    if not 1 <= year <= 9999:  # noqa: PLR2004 - the years datetime.date covers
        return "an impossible date: years run from 1 to 9999"
    if not 1 <= month <= 12:  # noqa: PLR2004 - twelve months
        return "an impossible date: months run from 1 to 12"
    return "an impossible date: that month has no such day"


def _stamp(text: str, expected: str, personal: bool) -> tuple[date, re.Match[str]]:  # noqa: FBT001
    """The day of a year-first date (with an optional time) and the match of the whole."""
    wide = text.translate(_WIDE)
    found = _STAMP.fullmatch(wide)
    if found is None:
        hint = _ORDER_HINT if _AMBIGUOUS.match(wide) else ""
        raise _refuse(text, expected, hint, personal)
    year = int(found["y"] or found["cy"] or found["ky"])
    month = int(found["m"] or found["cm"] or found["km"])
    try:
        day = date(year, month, int(found["d"] or found["cd"] or found["kd"]))
    except ValueError:
        raise _refuse(text, expected, _impossible(year, month), personal) from None
    return day, found


def _clock(found: re.Match[str]) -> tuple[int, int, int, int]:
    """Hours, minutes, seconds and microseconds of a matched time (zeros when absent)."""
    hour, minute, second = (int(found[k] or found[f"c{k}"] or 0) for k in "HMS")
    return hour, minute, second, int((found["f"] or "0").ljust(6, "0"))


def _day(text: str, /, *, personal: bool = False) -> date:
    """The calendar day of a cell written year first.

    Accepts ``2026-11-02``, ``2026-11-2``, ``2026/11/02``, ``2026.11.02``,
    ``2026年11月2日`` (or ``号``, with spaces around the parts), ``20261102``, their
    full-width forms, and any of these followed by a time of exactly midnight with no
    offset (``2026-11-02 00:00:00``, as exports of date columns write it).

    >>> _day("2026年11月2日")
    datetime.date(2026, 11, 2)
    >>> _day("11/02/2026")
    Traceback (most recent call last):
    custrel.errors.InvalidInputError: : expected a date with the year first, ...; the order
    of day and month cannot be told; write the year first (2026-11-02)
    """
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    day, found = _stamp(text, _DATE, personal)
    if any(_clock(found)) or found["z"]:
        raise _refuse(text, _DATE, _MIDNIGHT_HINT, personal)
    return day


def _zone(offset: str) -> timezone | None:
    """The zone of a matched UTC offset (``Z``, ``+08``, ``+0800``, ``+08:00``), or None."""
    if offset == "Z":
        return UTC
    hours, minutes = int(offset[1:3]), int(offset[-2:] if len(offset) > 3 else 0)  # noqa: PLR2004 - "+08"
    if hours > 23 or minutes > 59:  # noqa: PLR2004 - within a day
        return None
    sign = -1 if offset[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _written(text: str, personal: bool) -> datetime:  # noqa: FBT001
    """The time of a cell in a form ``datetime.fromisoformat`` does not read."""
    day, found = _stamp(text, _TIME, personal)
    hour, minute, second, micro = _clock(found)
    if hour > 23 or minute > 59 or second > 59:  # noqa: PLR2004 - a clock's ranges
        raise _refuse(text, _TIME, _CLOCK_HINT, personal)
    zone = None
    if found["z"]:
        zone = _zone(found["z"])
        if zone is None:
            raise _refuse(text, _TIME, _OFFSET_HINT, personal)
    return datetime.combine(day, time(hour, minute, second, micro), zone)


def _instant(text: str, tz: tzinfo | None, /, *, personal: bool = False) -> datetime:
    """The aware time of a cell: any date of :func:`_day`, a time, an optional offset.

    The time is ``H:MM``, ``HH:MM:SS`` or ``HH:MM:SS.ffffff`` after ``T`` or spaces, or
    ``9时30分15秒`` / ``9点30分`` / ``9点``; the offset is ``Z``, ``+08:00``, ``+0800`` or
    ``+08``. A date alone is 00:00 of that day. A time without an offset is in ``tz``;
    with ``tz`` None it is refused. Whatever ``datetime.fromisoformat`` reads is read as
    it reads it.

    >>> _instant("2026/11/2 9:30", UTC)
    datetime.datetime(2026, 11, 2, 9, 30, tzinfo=datetime.timezone.utc)
    """
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        value = _written(text, personal)
    if value.tzinfo is None:
        if tz is None:
            raise _refuse(text, _AWARE, _NAIVE_HINT, personal)
        value = value.replace(tzinfo=tz)
    return value


def _grouped(whole: str) -> bool:
    """Whether the digits before the point are plain or strict groups of three."""
    return "," not in whole or _GROUPED.fullmatch(whole) is not None


def _amount(text: str, /, *, personal: bool = False) -> str:
    """The canonical decimal text of an amount, for ``Decimal``.

    Accepts plain decimals, ``,`` between groups of three digits, a leading ``¥``,
    ``￥``, ``RMB`` or ``CNY`` (any case), a trailing ``元`` or ``圆``, full-width
    digits, and a minus (``-`` or U+2212) before or after the currency mark. The decimal
    places are kept as written; leading zeros and a ``+`` are dropped.

    >>> _amount("￥1,234.50元")
    '1234.50'
    """
    if _PLAIN.fullmatch(text):
        return text
    wide = text.translate(_WIDE)
    found = _MONEY.fullmatch(wide)
    if found is None or (found["s1"] and found["s2"]) or not _grouped(found["whole"]):
        hint = _GROUPS_HINT if "," in wide else ""
        raise _refuse(text, _AMOUNT, hint, personal)
    minus = "-" if "-" in found["s1"] + found["s2"] else ""
    return minus + (found["whole"].replace(",", "").lstrip("0") or "0") + (found["frac"] or "")


def _integer(text: str, /, *, personal: bool = False) -> int:
    """The integer of a cell: plain, full-width, signed, or with groups of three digits.

    A zero fraction is allowed, as spreadsheets write whole numbers (``3.0`` is 3).

    >>> _integer("1,234.00")
    1234
    """
    digits = text
    if not (text.isascii() and text.isdigit()):
        wide = text.translate(_WIDE)
        found = _COUNT.fullmatch(wide)
        if found is None or not _grouped(found["whole"]):
            raise _refuse(text, _INTEGER, _GROUPS_HINT if "," in wide else "", personal)
        if (found["frac"] or "0").strip("0"):
            raise _refuse(text, _INTEGER, _FRACTION_HINT, personal)
        digits = found["sign"] + found["whole"].replace(",", "")
    try:
        return int(digits)
    except ValueError:  # more digits than int() reads (sys.get_int_max_str_digits)
        raise _refuse(text, _INTEGER, _DIGITS_HINT, personal) from None
