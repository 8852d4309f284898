"""The working-day arithmetic behind rule C4, on precomputed sets; private.

A :class:`Days` holds what a working calendar says, compiled once: which weekdays are
the weekend, the listed days off and working days, and the years it covers. Counting a
few days walks day by day over set lookups; counting many jumps by whole weeks with a
sorted index of the listed days, so ``add(d, 100_000)`` costs a few bisections, not a
hundred thousand steps.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from datetime import date, timedelta
from typing import TYPE_CHECKING

from custrel.errors import InvalidInputError, OutsideCalendarError

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

__all__ = ["Days"]

_DAY = timedelta(days=1)
_WEEK = 7
_WALK_AT_MOST = 32  # counts up to this many working days step day by day; longer ones jump
_FIRST, _LAST = date.min.toordinal(), date.max.toordinal()


def _years(covers: AbstractSet[int]) -> str:
    """``{2004, ..., 2026}`` as ``"2004-2026"``; gaps as ``"2020-2021, 2024"``."""
    if not covers:
        return "no year"
    spans: list[str] = []
    for _, run in itertools.groupby(enumerate(sorted(covers)), lambda p: p[1] - p[0]):
        years = [year for _, year in run]
        spans.append(str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}")
    return ", ".join(spans)


@functools.cache
def _week(weekend: tuple[bool, ...]) -> tuple[int, tuple[tuple[int, ...], ...]]:
    """Working days per week, and how many fall in the r days after each weekday.

    ``prefix[w][r]`` counts the working weekdays among the ``r`` days after a day of
    weekday ``w``. Cached: there are 128 weekends at most.
    """
    prefix = tuple(
        tuple(sum(not weekend[(first + i) % _WEEK] for i in range(1, r + 1)) for r in range(_WEEK))
        for first in range(_WEEK)
    )
    return weekend.count(False), prefix


class Days:
    """A working calendar compiled for counting (rule C4).

    Args:
        name: The calendar's name, for errors.
        weekend: The weekday numbers (``date.weekday()``) of the weekend.
        off: Listed days off.
        on: Listed working days (make-up days, 调休); disjoint from ``off``.
        covers: The years the calendar knows, or ``None`` for every year.
        refuse: Whether a day outside ``covers`` raises (else the weekend rule counts).
        provisional: Whether a day outside ``covers`` is answered provisionally, by the
            weekend rule and the listed days, and flagged so (:meth:`add_flagged`).
    """

    __slots__ = (
        "_index",
        "_known",
        "covers",
        "flags",
        "name",
        "off",
        "on",
        "per_week",
        "prefix",
        "refuse",
        "weekend",
    )

    def __init__(
        self,
        *,
        name: str,
        weekend: AbstractSet[int],
        off: frozenset[date],
        on: frozenset[date],
        covers: frozenset[int] | None,
        refuse: bool,
        provisional: bool = False,
    ) -> None:
        self.name = name
        self.weekend = tuple(day in weekend for day in range(_WEEK))
        self.off = off
        self.on = on
        self.covers = covers
        self._known = frozenset() if covers is None else covers
        self.refuse = refuse and covers is not None
        self.flags = (refuse or provisional) and covers is not None
        self.per_week, self.prefix = _week(self.weekend)
        self._index: tuple[list[int], list[int]] | None = None

    def working(self, day: date) -> bool:
        """Whether ``day`` is a working day, whatever the years covered."""
        return day in self.on or (not self.weekend[day.weekday()] and day not in self.off)

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day; outside the covered years, refused or guessed."""
        if self.refuse and day.year not in self._known:
            raise self._outside(day, f"{day.isoformat()} is asked about")
        return self.working(day)

    def add(self, start: date, n: int) -> date:
        """The ``n``-th working day after (``n < 0``: before) ``start``; 0 is ``start``."""
        if n == 0:
            return start
        day = self._counted(start, n)
        if self.refuse:
            uncovered = self._uncovered(start, day, n)
            if uncovered is not None:
                reached = (
                    f"{uncovered.isoformat()} is reached counting {n} working days from {start}"
                )
                raise self._outside(uncovered, reached)
        return day

    def add_flagged(self, start: date, n: int) -> tuple[date, bool]:
        """As :meth:`add`, never refusing, and whether the count is flagged provisional.

        A count is flagged when it looked at a day of a year outside ``covers`` and the
        calendar answers such days provisionally or refuses them: a refused day is
        counted by the weekend rule (and the listed days) instead.
        """
        if n == 0:
            return start, False
        day = self._counted(start, n)
        return day, self.flags and self._uncovered(start, day, n) is not None

    def _counted(self, start: date, n: int) -> date:
        try:
            return self._walk(start, n) if abs(n) <= _WALK_AT_MOST else self._jump(start, n)
        except OverflowError:
            raise InvalidInputError(
                "n", n, "a number of working days that stays within the years 1 to 9999"
            ) from None

    # Counting ----------------------------------------------------------------------------

    def _walk(self, start: date, n: int) -> date:
        step = _DAY if n > 0 else -_DAY
        on, off, weekend = self.on, self.off, self.weekend
        day = start
        for _ in range(abs(n)):
            day += step
            while not (day in on or (not weekend[day.weekday()] and day not in off)):
                day += step
        return day

    def _exceptions(self) -> tuple[list[int], list[int]]:
        """Ordinals of the listed days that change the weekend rule, with running sums."""
        if self._index is None:
            changes = sorted(
                [(d.toordinal(), -1) for d in self.off if not self.weekend[d.weekday()]]
                + [(d.toordinal(), 1) for d in self.on if self.weekend[d.weekday()]]
            )
            ordinals = [ordinal for ordinal, _ in changes]
            sums = list(itertools.accumulate((change for _, change in changes), initial=0))
            self._index = (ordinals, sums)
        return self._index

    def _count(self, after: int, until: int) -> int:
        """Working days in ``(after, until]``, both ordinals, ``after <= until``."""
        full, rest = divmod(until - after, _WEEK)
        regular = full * self.per_week + self.prefix[(after + 6) % _WEEK][rest]
        ordinals, sums = self._exceptions()
        return (
            regular
            + sums[bisect.bisect_right(ordinals, until)]
            - sums[bisect.bisect_right(ordinals, after)]
        )

    def _jump(self, start: date, n: int) -> date:
        ordinals, _ = self._exceptions()
        wanted = abs(n)
        origin = start.toordinal()
        # Every week brings per_week working days, each listed day off takes one away.
        reach = _WEEK * ((wanted + len(ordinals)) // max(self.per_week, 1) + 1)
        if n > 0:
            reach = min(reach, _LAST - origin)

            def counted(t: int) -> int:
                return self._count(origin, origin + t)
        else:
            reach = min(reach, origin - _FIRST)

            def counted(t: int) -> int:
                return self._count(origin - t - 1, origin - 1)

        if counted(reach) < wanted:
            raise OverflowError
        low, high = 1, reach
        while low < high:
            middle = (low + high) // 2
            if counted(middle) >= wanted:
                high = middle
            else:
                low = middle + 1
        return date.fromordinal(origin + low if n > 0 else origin - low)

    # The years covered -------------------------------------------------------------------

    def _uncovered(self, start: date, end: date, n: int) -> date | None:
        """The first day a count looked at in a year the calendar does not cover, if any."""
        covers = self._known
        first, last = (start + _DAY, end) if n > 0 else (end, start - _DAY)
        if first.year == last.year and first.year in covers:
            return None
        years = range(first.year, last.year + 1)
        for year in years if n > 0 else reversed(years):
            if year not in covers:
                if n > 0:
                    return first if year == first.year else date(year, 1, 1)
                return last if year == last.year else date(year, 12, 31)
        return None

    def _outside(self, day: date, how: str) -> OutsideCalendarError:
        covered = _years(self._known)
        return OutsideCalendarError(
            "calendar",
            day,
            f"a day in the years the calendar {self.name!r} covers ({covered})",
            calendar=self.name,
            hint=(
                f"{how}; add {day.year} with calendar.with_year({day.year}, days_off=[...], "
                "working_days=[...]) from its official schedule (or a newer data package), or "
                "build the calendar with beyond=Beyond.WEEKENDS to count only weekends past "
                "the years it covers"
            ),
        )
