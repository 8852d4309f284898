"""custrel.io._forms: the cell forms of real exports, accepted and refused."""

import contextlib
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel.errors import InvalidInputError
from custrel.io._forms import _amount, _day, _instant, _integer

CST = timezone(timedelta(hours=8))
DATE = "a date with the year first, such as 2026-11-02, 2026/11/2 or 2026年11月2日"
TIME = "a time with the year first, such as 2026-11-02T09:30:00+08:00 or 2026/11/2 9:30"
AWARE = "an ISO 8601 time with a UTC offset (2026-11-22T09:30:00+08:00)"
AMOUNT = "an amount such as 1234.50, 1,234.50, ¥1,234.50, RMB 1234.50 or 1234.50元"
INTEGER = "an integer such as 3, -3, 1,234 or 3.0"
ORDER = "the order of day and month cannot be told; write the year first (2026-11-02)"
MIDNIGHT = "a date column holds days: a time is allowed only as 00:00, with no offset"
NO_DAY = "an impossible date: that month has no such day"
NO_MONTH = "an impossible date: months run from 1 to 12"
NO_YEAR = "an impossible date: years run from 1 to 9999"
CLOCK = "hours run from 0 to 23, minutes and seconds from 0 to 59"
OFFSET = "a UTC offset runs from -23:59 to +23:59"
NAIVE = "or give the zone of naive times: --tz ZONE at the command line, tz= in Python"
GROUPS = "a ',' separates groups of three digits (1,234,567.50); the decimal mark is '.'"
FRACTION = "an integer has no fraction (3.0 is read as 3, 3.5 is refused)"
WIDE = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


def wide(text: str) -> str:
    """The full-width form of ASCII text, as Chinese input methods type it."""
    return text.translate(WIDE)


def refusal(expected: str, text: str, hint: str = "") -> str:
    return f": expected {expected}, got str {text!r}" + (f"; {hint}" if hint else "")


# Dates ---------------------------------------------------------------------------------

NOV_2 = date(2026, 11, 2)


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-02",  # ISO
        "2026-11-2",  # no leading zero
        "2026/11/02",
        "2026/11/2",
        "2026.11.02",
        "2026年11月2日",
        "2026年11月02号",
        "2026 年 11 月 2 日",  # spaces around the parts
        "20261102",  # eight digits
        wide("2026/11/02"),  # full-width
        wide("2026") + "年" + wide("11") + "月" + wide("2") + "日",
        " 2026-11-02 ",  # spaces around the cell
        "2026-11-02\u00a0",  # a no-break space after it
        "2026-11-02 00:00:00",  # a date column exported with its midnight
        "2026-11-02T00:00",
        "2026/11/2 0:00:00.000000",
        "2026年11月2日0时",
        "2026-W45-1",  # an ISO week date, read by date.fromisoformat
    ],
)
def test_a_day_is_read_in_every_year_first_form(text: str) -> None:
    assert _day(text) == NOV_2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2028-02-29", date(2028, 2, 29)),  # a leap year
        ("2026-01-31", date(2026, 1, 31)),
        ("2026-04-30", date(2026, 4, 30)),
        ("2026-02-28", date(2026, 2, 28)),
        ("2026/12/31", date(2026, 12, 31)),
        ("0001-01-01", date(1, 1, 1)),
        ("9999-12-31", date(9999, 12, 31)),
        ("9999年12月31日", date(9999, 12, 31)),
    ],
)
def test_the_ends_of_months_and_of_the_calendar_are_days(text: str, expected: date) -> None:
    assert _day(text) == expected


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("11/02/2026", ORDER),  # month first (US)
        ("02-11-2026", ORDER),  # day first
        ("2/11/26", ORDER),  # two-digit year
        ("02.11.2026 09:30", ORDER),
        ("2027-02-29", NO_DAY),  # not a leap year
        ("2026/02/30", NO_DAY),
        ("2026-04-31", NO_DAY),
        ("2026-11-00", NO_DAY),
        ("2026年13月1日", NO_MONTH),
        ("2026.00.10", NO_MONTH),
        ("0000-01-01", NO_YEAR),
        ("00001231", NO_YEAR),
        ("10000-01-01", ""),
        ("2026-11", ""),
        ("2026/11-02", ""),  # two separators
        ("26-11-02", ORDER),  # two-digit year first, or day first
        ("2026年11月2", ""),
        ("Nov 2, 2026", ""),
        ("", ""),
        ("2026-11-02 09:30", MIDNIGHT),
        ("2026-11-02 00:00:01", MIDNIGHT),
        ("2026-11-02 00:00+08:00", MIDNIGHT),
    ],
)
def test_a_day_not_written_year_first_or_impossible_is_refused(text: str, hint: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        _day(text)
    assert str(caught.value) == refusal(DATE, text, hint)


def test_a_personal_day_is_masked_in_the_refusal() -> None:
    with pytest.raises(InvalidInputError) as caught:
        _day("11/02/1980", personal=True)
    assert str(caught.value) == f": expected {DATE}, got str '1********0'; {ORDER}"


# Times ---------------------------------------------------------------------------------


def at(hour: int, minute: int, second: int = 0, micro: int = 0, *, tz: timezone = CST) -> datetime:
    return datetime.combine(NOV_2, time(hour, minute, second, micro), tz)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-02T09:30:00+08:00", at(9, 30)),  # ISO, the fast path
        ("2026-11-02 09:30", at(9, 30)),  # naive: in the zone given
        ("2026-11-02", at(0, 0)),  # a date alone is midnight
        ("2026/11/2", at(0, 0)),
        ("2026/11/2 9:30", at(9, 30)),
        ("2026.11.02 09:30:15", at(9, 30, 15)),
        ("2026-11-2T09:30:15.25", at(9, 30, 15, 250000)),
        ("2026/11/02   09:30:15.123456", at(9, 30, 15, 123456)),
        ("2026年11月2日 9时30分", at(9, 30)),
        ("2026年11月2日9点30分", at(9, 30)),
        ("2026年11月2日9时30分15秒", at(9, 30, 15)),
        ("2026年11月2日 9点", at(9, 0)),
        ("2026/11/02 09:30Z", at(9, 30, tz=UTC)),
        ("2026/11/02 09:30 +08:00", at(9, 30)),
        ("2026/11/02 09:30+0800", at(9, 30)),
        ("2026/11/02 09:30-05", at(9, 30, tz=timezone(timedelta(hours=-5)))),
        ("2026/11/02 09:30+23:59", at(9, 30, tz=timezone(timedelta(hours=23, minutes=59)))),
        (wide("2026/11/02") + "\u3000" + wide("09:30"), at(9, 30)),  # full-width
        ("20261102 09:30", at(9, 30)),
    ],
)
def test_an_instant_is_read_in_every_form(text: str, expected: datetime) -> None:
    value = _instant(text, CST)
    assert (value, value.utcoffset()) == (expected, expected.utcoffset())


@pytest.mark.parametrize(
    ("text", "expected", "hint"),
    [
        ("2026-11-02T09:30", AWARE, NAIVE),  # fast path, naive
        ("2026/11/2 9:30", AWARE, NAIVE),  # slow path, naive
        ("2026/11/2 24:00", TIME, CLOCK),
        ("2026/11/2 9:60", TIME, CLOCK),
        ("2026/11/2 9:30:60", TIME, CLOCK),
        ("2026年11月2日25时", TIME, CLOCK),
        ("2026/11/2 9:30+24:00", TIME, OFFSET),
        ("2026/11/2 9:30+08:60", TIME, OFFSET),
        ("11/02/2026 09:30", TIME, ORDER),
        ("2026/02/30 09:30", TIME, NO_DAY),
        ("2026/11/2 9", TIME, ""),
        ("2026/11/2 9:30:15.1234567", TIME, ""),  # more than microseconds
        ("2026/11/2 9:30 CST", TIME, ""),
        ("2026年11月2日 下午3点", TIME, ""),
        ("2026/11/2+08:00", TIME, ""),  # an offset needs a time
    ],
)
def test_an_instant_in_no_form_is_refused(text: str, expected: str, hint: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        _instant(text, None)
    assert str(caught.value) == refusal(expected, text, hint)


# Amounts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.50", "1234.50"),  # plain, the fast path
        ("398.00", "398.00"),  # the places as written
        ("-12", "-12"),
        ("0", "0"),
        ("+12.50", "12.50"),
        ("007.50", "7.50"),
        ("1,234.50", "1234.50"),
        ("12,345,678", "12345678"),
        (wide("1,234.50"), "1234.50"),  # full-width, full-width comma
        ("¥1,234.50", "1234.50"),
        ("￥1,234.50", "1234.50"),
        ("RMB 1234.50", "1234.50"),
        ("rmb1234.50", "1234.50"),
        ("CNY 12", "12"),
        ("1234.50元", "1234.50"),
        ("1234.50 圆", "1234.50"),
        ("¥12元", "12"),
        ("-¥12.50", "-12.50"),
        ("¥-12.50", "-12.50"),
        ("\N{MINUS SIGN}12.50", "-12.50"),
        ("CNY \N{MINUS SIGN}1,000", "-1000"),
        (" 12.50 ", "12.50"),
    ],
)
def test_an_amount_is_read_in_every_form(text: str, expected: str) -> None:
    assert _amount(text) == expected


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("1,23", GROUPS),
        ("1,2345", GROUPS),
        ("0,123", GROUPS),
        ("1.234,50", GROUPS),  # a comma as the decimal mark
        ("12,5", GROUPS),
        ("12.5.3", ""),
        ("$12", ""),
        ("12元5角", ""),
        ("1e3", ""),
        ("NaN", ""),
        ("Infinity", ""),
        (".5", ""),
        ("5.", ""),
        ("-¥-12", ""),
        ("(12.50)", ""),
        ("12.50-", ""),
        ("", ""),
    ],
)
def test_an_amount_in_no_form_is_refused(text: str, hint: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        _amount(text)
    assert str(caught.value) == refusal(AMOUNT, text, hint)


# Integers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),  # the fast path
        ("007", 7),
        ("-3", -3),
        ("+3", 3),
        ("\N{MINUS SIGN}3", -3),
        ("1,234", 1234),
        ("12,345,678", 12345678),
        (wide("3"), 3),
        (wide("1,234"), 1234),
        ("3.0", 3),  # a spreadsheet's whole number
        ("3.00", 3),
        (" 3 ", 3),
    ],
)
def test_an_integer_is_read_in_every_form(text: str, expected: int) -> None:
    assert _integer(text) == expected


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("3.5", FRACTION),
        ("3.01", FRACTION),
        ("1,23", GROUPS),
        ("1,234.5,0", GROUPS),
        ("3e2", ""),
        ("", ""),
        ("¥3", ""),
        ("1_000", ""),
        ("٣", ""),  # an Arabic-Indic digit, which int() would read
    ],
)
def test_an_integer_in_no_form_is_refused(text: str, hint: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        _integer(text)
    assert str(caught.value) == refusal(INTEGER, text, hint)


@pytest.mark.parametrize("text", ["9" * 5000, "-" + "9" * 5000])
def test_an_integer_of_more_digits_than_int_reads_is_refused(text: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        _integer(text)
    assert str(caught.value).endswith("...; it has more digits than an integer may have")


# Properties: round trips ---------------------------------------------------------------

DAY_FORMS: list[Callable[[date], str]] = [
    lambda d: d.isoformat(),
    lambda d: f"{d.year:04}-{d.month}-{d.day}",
    lambda d: f"{d.year:04}/{d.month:02}/{d.day:02}",
    lambda d: f"{d.year:04}/{d.month}/{d.day}",
    lambda d: f"{d.year:04}.{d.month:02}.{d.day:02}",
    lambda d: f"{d.year:04}年{d.month}月{d.day}日",
    lambda d: f"{d.year:04} 年 {d.month:02} 月 {d.day:02} 号",
    lambda d: f"{d.year:04}{d.month:02}{d.day:02}",
    lambda d: wide(f"{d.year:04}/{d.month}/{d.day}"),
    lambda d: f"{d.isoformat()} 00:00:00",
]


@given(st.dates(), st.sampled_from(DAY_FORMS))
def test_a_day_written_in_any_form_reads_back(day: date, form: Callable[[date], str]) -> None:
    assert _day(form(day)) == day


# (format, what the form keeps: 0 hours, 1 minutes, 2 seconds, 3 microseconds)
TIME_FORMS: list[tuple[Callable[[time], str], int]] = [
    (lambda t: f"{t.hour}:{t.minute:02}", 1),
    (lambda t: f"{t:%H:%M}", 1),
    (lambda t: f"{t:%H:%M:%S}", 2),
    (lambda t: f"{t:%H:%M:%S.%f}", 3),
    (lambda t: f"{t:%H:%M:%S.%f}".rstrip("0"), 3),
    (lambda t: f"{t.hour}时{t.minute}分", 1),
    (lambda t: f"{t.hour}点{t.minute:02}分", 1),
    (lambda t: f"{t.hour}时{t.minute}分{t.second}秒", 2),
    (lambda t: f"{t.hour}点", 0),
    (lambda t: wide(f"{t:%H:%M:%S}"), 2),
]


def offset_writings(minutes: int) -> list[tuple[str, timezone]]:
    """Every way of writing an offset of ``minutes`` (or none, or Z), with its zone."""
    sign, (hours, rest) = ("-" if minutes < 0 else "+"), divmod(abs(minutes), 60)
    whole = timezone(timedelta(hours=hours if minutes >= 0 else -hours))
    zone = timezone(timedelta(minutes=minutes))
    return [
        ("", CST),  # naive: in the zone given
        ("Z", UTC),
        (f"{sign}{hours:02}", whole),
        (f"{sign}{hours:02}:{rest:02}", zone),
        (f"{sign}{hours:02}{rest:02}", zone),
        (f" {sign}{hours:02}:{rest:02}", zone),
    ]


OFFSETS = st.integers(-(23 * 60 + 59), 23 * 60 + 59).flatmap(
    lambda minutes: st.sampled_from(offset_writings(minutes))
)


def kept(clock: time, precision: int) -> time:
    return time(
        clock.hour,
        clock.minute if precision >= 1 else 0,
        clock.second if precision >= 2 else 0,
        clock.microsecond if precision >= 3 else 0,
    )


@given(
    st.dates(),
    st.times(),
    st.tuples(
        st.sampled_from(DAY_FORMS[:-1]),
        st.sampled_from(["T", " ", "   ", "\u3000"]),
        st.sampled_from(TIME_FORMS),
    ),
    OFFSETS,
)
def test_an_instant_written_in_any_form_reads_back(
    day: date,
    clock: time,
    form: tuple[Callable[[date], str], str, tuple[Callable[[time], str], int]],
    offset: tuple[str, timezone],
) -> None:
    day_form, separator, (write, precision) = form
    clock = kept(clock, precision)
    value = _instant(f"{day_form(day)}{separator}{write(clock)}{offset[0]}", CST)
    expected = datetime.combine(day, clock, offset[1])
    assert (value, value.utcoffset()) == (expected, expected.utcoffset())


MARKS = ["", "¥", "￥", "RMB", "RMB ", "cny ", "CNY"]


@given(
    st.integers(0, 2).flatmap(
        lambda places: st.decimals(
            min_value=-(10**15), max_value=10**15, places=places, allow_nan=False
        ).map(lambda d: d.quantize(Decimal(1).scaleb(-places)))
    ),
    st.booleans(),
    st.booleans(),
    st.tuples(st.sampled_from(MARKS), st.sampled_from(["", "元", "圆", " 元"])),
    st.tuples(st.sampled_from(["-", "\N{MINUS SIGN}"]), st.booleans()),
)
def test_an_amount_written_in_any_form_reads_back(
    amount: Decimal,
    grouped: bool,
    full_width: bool,
    marks: tuple[str, str],
    minus: tuple[str, bool],
) -> None:
    (mark, suffix), (minus_sign, minus_after_mark) = marks, minus
    digits = f"{abs(amount):,f}" if grouped else f"{abs(amount):f}"
    sign = minus_sign if amount.is_signed() else ""
    text = f"{mark}{sign}{digits}{suffix}" if minus_after_mark else f"{sign}{mark}{digits}{suffix}"
    read = Decimal(_amount(wide(text) if full_width else text))
    assert (read, read.as_tuple().exponent) == (amount, amount.as_tuple().exponent)


@given(
    st.integers(-(10**18), 10**18),
    st.booleans(),
    st.sampled_from(["", ".0", ".00"]),
    st.booleans(),
)
def test_an_integer_written_in_any_form_reads_back(
    number: int, grouped: bool, fraction: str, full_width: bool
) -> None:
    text = (f"{number:,}" if grouped else str(number)) + fraction
    assert _integer(wide(text) if full_width else text) == number


# Properties: totality and the fast path ------------------------------------------------

CELL_TEXT = st.text() | st.text(
    alphabet="0123456789 -/.:,+TZ年月日号时点分秒¥￥元RMBCNY\N{MINUS SIGN}\u3000"
    + wide("0123-./:,")
)


@given(CELL_TEXT)
def test_every_text_is_a_day_or_refused(text: str) -> None:
    with contextlib.suppress(InvalidInputError):
        assert isinstance(_day(text), date)


@given(CELL_TEXT, st.sampled_from([None, UTC, CST]))
def test_every_text_is_an_instant_or_refused(text: str, tz: timezone | None) -> None:
    with contextlib.suppress(InvalidInputError):
        assert _instant(text, tz).tzinfo is not None


@given(CELL_TEXT)
def test_every_text_is_an_amount_or_refused(text: str) -> None:
    with contextlib.suppress(InvalidInputError):
        Decimal(_amount(text))


@given(CELL_TEXT)
def test_every_text_is_an_integer_or_refused(text: str) -> None:
    with contextlib.suppress(InvalidInputError):
        assert isinstance(_integer(text), int)


ZONES = st.none() | st.builds(
    timezone, st.timedeltas(min_value=timedelta(hours=-23), max_value=timedelta(hours=23))
)


@given(
    st.datetimes(timezones=ZONES),
    st.sampled_from(["T", " "]),
    st.sampled_from(["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"]),
)
def test_an_iso_time_reads_as_fromisoformat_reads_it(
    value: datetime, separator: str, timespec: str
) -> None:
    text = value.isoformat(separator, timespec)
    expected = datetime.fromisoformat(text)
    expected = expected if expected.tzinfo else expected.replace(tzinfo=CST)
    read = _instant(text, CST)
    assert (read, read.utcoffset()) == (expected, expected.utcoffset())


@given(
    # strftime pads years from 1000 only; the bounds of st.datetimes are naive
    st.datetimes(min_value=datetime(1000, 1, 1)),  # noqa: DTZ001
    st.sampled_from(
        ["%Y%m%d", "%Y%m%dT%H%M", "%Y%m%dT%H%M%S", "%Y-%m-%dT%H", "%G-W%V-%u", "%GW%V%u"]
    ),
    st.sampled_from(["", "Z", "+08", "-0530", "+23:59"]),
)
def test_a_basic_or_week_iso_time_reads_as_fromisoformat_reads_it(
    value: datetime, layout: str, offset: str
) -> None:
    text = value.strftime(layout) + (offset if "H" in layout else "")
    expected = datetime.fromisoformat(text)
    expected = expected if expected.tzinfo else expected.replace(tzinfo=CST)
    read = _instant(text, CST)
    assert (read, read.utcoffset()) == (expected, expected.utcoffset())
