"""Strategies for the plain values every model holds: ids, days, aware instants and money."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import strategies as st

__all__ = ["aware_datetimes", "customer_ids", "dates", "money"]


_MIN_DATE = date(1940, 1, 1)
_MAX_DATE = date(2040, 12, 31)
_OFFSETS = (
    UTC,
    timezone(timedelta(hours=8), "CST"),
    timezone(timedelta(hours=-5)),
    timezone(timedelta(hours=5, minutes=30)),
    timezone(timedelta(hours=14)),
    timezone(timedelta(hours=-12)),
)
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_NAMES = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=("L", "N", "Zs", "P"), exclude_characters="\x85\xa0"
    ),
    min_size=1,
    max_size=16,
).filter(str.strip)


def customer_ids() -> st.SearchStrategy[str]:
    """Customer ids such as ``"c-00042"``.

    Returns:
        A strategy of non-blank ids.

    >>> from hypothesis import find
    >>> from custrel.strategies import customer_ids
    >>> find(customer_ids(), lambda v: True).startswith("c-")
    True
    """
    return st.integers(min_value=0, max_value=99_999).map(lambda n: f"c-{n:05d}")


def dates(*, min_value: date = _MIN_DATE, max_value: date = _MAX_DATE) -> st.SearchStrategy[date]:
    """Calendar dates, leaning towards month ends and 29 February.

    Args:
        min_value: The earliest date.
        max_value: The latest date.

    Returns:
        A strategy of dates within the bounds.

    >>> from datetime import date
    >>> from hypothesis import find
    >>> from custrel.strategies import dates
    >>> find(dates(min_value=date(2024, 1, 1), max_value=date(2024, 12, 31)), lambda v: True).year
    2024
    """
    tricky = [
        d
        for d in (date(2024, 2, 29), date(2028, 2, 29), date(2026, 1, 31), date(2026, 12, 31))
        if min_value <= d <= max_value
    ]
    plain = st.dates(min_value=min_value, max_value=max_value)
    return st.one_of(st.sampled_from(tricky), plain) if tricky else plain


def aware_datetimes(
    *, min_value: date = _MIN_DATE, max_value: date = _MAX_DATE
) -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes whose local date lies within the bounds.

    Args:
        min_value: The earliest local date.
        max_value: The latest local date.

    Returns:
        A strategy of aware datetimes in a mix of UTC offsets.

    >>> from hypothesis import find
    >>> from custrel.strategies import aware_datetimes
    >>> find(aware_datetimes(), lambda v: True).tzinfo is not None
    True
    """
    return st.builds(
        datetime.combine,
        dates(min_value=min_value, max_value=max_value),
        st.times(),
        st.sampled_from(_OFFSETS),
    )


def money(
    *, min_value: Decimal = Decimal(0), max_value: Decimal = Decimal(10_000_000)
) -> st.SearchStrategy[Decimal]:
    """Amounts of money: ``Decimal`` with two places, within the bounds.

    Args:
        min_value: The smallest amount.
        max_value: The largest amount.

    Returns:
        A strategy of finite ``Decimal`` values.

    >>> from hypothesis import find
    >>> from custrel.strategies import money
    >>> find(money(), lambda v: True).as_tuple().exponent
    -2
    """
    return st.integers(min_value=int(min_value * 100), max_value=int(max_value * 100)).map(
        lambda cents: Decimal(cents).scaleb(-2)
    )


def _phones() -> st.SearchStrategy[str]:
    return st.builds(
        lambda prefix, digits: prefix + digits,
        st.sampled_from(["", "+86 ", "0571-", "+1 "]),
        st.text(alphabet="0123456789", min_size=7, max_size=11),
    )


def _emails() -> st.SearchStrategy[str]:
    return st.builds(
        lambda user, host, tld: f"{user}@{host}.{tld}",
        _WORD,
        _WORD,
        st.sampled_from(["com", "cn", "com.cn", "org"]),
    )


def _words() -> st.SearchStrategy[frozenset[str]]:
    return st.frozensets(_WORD, max_size=3)
