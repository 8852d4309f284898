"""Working calendars for rule C4: weekends, holidays, make-up days (调休), the years known.

Public through :mod:`custrel.cadence`. A :class:`WorkCalendar` is an immutable value,
serialisable like the policies, which every working-day function accepts as
``calendar=``. It knows which years it covers: asked about a day past them it raises
:class:`~custrel.errors.OutsideCalendarError`, unless it was built with
``beyond=Beyond.WEEKENDS`` or ``Beyond.PROVISIONAL``.
"""

from __future__ import annotations

import enum
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Self

import attrs

from custrel import _checks as c
from custrel._policy import Policy
from custrel.cadence._china import (
    FIRST_RULE_YEAR,
    LAST_RULE_YEAR,
    _refuse_estimated_china,
    statutory_days,
)
from custrel.cadence._daycount import Days, _years
from custrel.cadence._sources import import_extra, package_version, read_document, wanted_years
from custrel.errors import InvalidInputError, PolicyError

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable

    import holidays as python_holidays

__all__ = ["Beyond", "Weekday", "WorkCalendar"]

_DAY = timedelta(days=1)
_MAX_WEEKEND = 6  # at least one day of the week must be a working day
_FIRST_YEAR, _LAST_YEAR = date.min.year, date.max.year


class Weekday(enum.StrEnum):
    """A day of the week, for a calendar's weekend (rule C4).

    >>> from custrel.cadence import Weekday
    >>> Weekday.SATURDAY.value, Weekday.SATURDAY.number
    ('saturday', 5)
    """

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def number(self) -> int:
        """The day's number as ``date.weekday()`` gives it: Monday 0 to Sunday 6 (rule C4).

        >>> from custrel.cadence import Weekday
        >>> Weekday.MONDAY.number
        0
        """
        return _WEEKDAYS.index(self)


_WEEKDAYS = tuple(Weekday)


class Beyond(enum.StrEnum):
    """What a working calendar answers for a day past the years it covers (rule C4).

    >>> from custrel.cadence import Beyond
    >>> Beyond.WEEKENDS.value
    'weekends'
    """

    REFUSE = "refuse"  # raise OutsideCalendarError: no answer past the data is silent
    WEEKENDS = "weekends"  # count the weekend (and any day listed) only: a documented guess
    PROVISIONAL = "provisional"  # as WEEKENDS, flagged: WorkCalendar.is_provisional(day)


def _to_frozenset(value: object) -> object:
    """A list, tuple or set as a frozenset; anything else for the validator."""
    if isinstance(value, list | tuple | set):
        return frozenset(value)
    return value


def _to_covers(value: object) -> object:
    """As :func:`_to_frozenset`, and a ``range`` of years too."""
    if isinstance(value, range):
        return frozenset(value)
    return _to_frozenset(value)


def _check_weekend(name: str, value: object) -> None:
    if not isinstance(value, frozenset) or not all(isinstance(d, Weekday) for d in value):
        choices = ", ".join(repr(d.value) for d in Weekday)
        raise InvalidInputError(name, value, f"a set of Weekday ({choices})")
    if len(value) > _MAX_WEEKEND:
        raise InvalidInputError(name, value, "at most 6 days, so that some day is worked")


def _check_covers(name: str, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, frozenset):
        raise InvalidInputError(name, value, "a set of years (ints) or None for every year")
    check = c.count(_FIRST_YEAR, _LAST_YEAR)
    for year in sorted(value, key=repr):
        check(name, year)


def _check_days(name: str, value: object) -> None:
    if not isinstance(value, frozenset):
        raise InvalidInputError(name, value, "a set of dates")
    check = c.day()
    for day in sorted(value, key=repr):
        check(f"{name}[{day!r}]", day)


def _covers_repr(covers: frozenset[int] | None) -> str:
    return "None" if covers is None else f"<{_years(covers)}>"


def _days_repr(days: frozenset[date]) -> str:
    return f"<{len(days)} days>"


def _weekend_repr(weekend: frozenset[Weekday]) -> str:
    return "{" + ", ".join(d.value for d in _WEEKDAYS if d in weekend) + "}"


def _given_days(name: str, days: Iterable[date]) -> frozenset[date]:
    """The days a caller passes to a method, checked: an iterable of dates."""
    c.iterable(name, days, "dates")
    found = frozenset(days)
    _check_days(name, found)
    return found


@attrs.frozen(kw_only=True, cache_hash=True)
class WorkCalendar(Policy):
    """Which days are working days, and for which years that is known (rule C4).

    A day is a working day when it is listed in ``workdays`` (a make-up working day,
    调休), or when it is not a weekend day and not listed in ``holidays``. ``covers`` is
    the set of years the calendar knows; a working-day function asked about a day of
    another year raises :class:`~custrel.errors.OutsideCalendarError` naming the
    calendar, the day and how to extend the calendar, unless ``beyond`` is
    ``Beyond.WEEKENDS`` or ``Beyond.PROVISIONAL``: then past its years the calendar
    counts the weekend (and any day it lists) only, and under ``PROVISIONAL`` says so
    (:meth:`is_provisional`, and :func:`agenda` marks the follow-ups). ``covers=None``, the default, is the plain week of every year,
    for a calendar that lists no day.

    Build one from the data people use: :meth:`china` (chinesecalendar),
    :meth:`from_holidays` (python-holidays, any country), :meth:`from_file` (your own
    TOML or JSON file); then add your company's days with :meth:`with_days_off` and
    :meth:`with_working_days`, and next year's official schedule with :meth:`with_year`.

    Args:
        name: What to call the calendar in errors, such as ``"China"``.
        weekend: The weekly days off (Saturday and Sunday by default).
        covers: The years the calendar knows (a set, list or ``range`` of ints), or
            ``None`` for every year (only for a calendar that lists no day).
        holidays: Days off: public holidays, company days off. A weekend day listed
            here changes nothing.
        workdays: Working days on a weekend day: make-up days (调休). Never also in
            ``holidays``.
        beyond: What to answer past the covered years.

    Raises:
        PolicyError: If a field is malformed, a day is both a holiday and a working day,
            or days are listed without the years they cover.

    >>> from datetime import date
    >>> from custrel.cadence import WorkCalendar, Weekday, add_working_days
    >>> october = WorkCalendar(name="October 2026", covers=[2026],
    ...                        holidays=[date(2026, 10, d) for d in range(1, 8)],
    ...                        workdays=[date(2026, 10, 10)])
    >>> add_working_days(date(2026, 9, 30), 2, calendar=october)
    datetime.date(2026, 10, 9)
    >>> gulf = WorkCalendar(name="Friday-Saturday", weekend={Weekday.FRIDAY, Weekday.SATURDAY})
    >>> add_working_days(date(2026, 11, 19), 1, calendar=gulf)     # Thursday -> Sunday
    datetime.date(2026, 11, 22)
    >>> WorkCalendar(holidays=[date(2026, 10, 1)])
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: WorkCalendar.covers: expected the years the listed days cover, such as covers=[2026], got NoneType None; a calendar without covers is the plain week of every year
    """  # noqa: E501 - a doctest output line

    name: str = attrs.field(default="custom", validator=c.policy(c.identifier))
    weekend: frozenset[Weekday] = attrs.field(
        default=frozenset({Weekday.SATURDAY, Weekday.SUNDAY}),
        converter=_to_frozenset,
        validator=c.policy(_check_weekend),
        repr=_weekend_repr,
    )
    covers: frozenset[int] | None = attrs.field(
        default=None,
        converter=_to_covers,
        validator=c.policy(_check_covers),
        repr=_covers_repr,
    )
    holidays: frozenset[date] = attrs.field(
        default=frozenset(),
        converter=_to_frozenset,
        validator=c.policy(_check_days),
        repr=_days_repr,
    )
    workdays: frozenset[date] = attrs.field(
        default=frozenset(),
        converter=_to_frozenset,
        validator=c.policy(_check_days),
        repr=_days_repr,
    )
    beyond: Beyond = attrs.field(default=Beyond.REFUSE, validator=c.policy(c.member(Beyond)))
    _days: Days = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        both = self.holidays & self.workdays
        if both:
            raise PolicyError(
                "WorkCalendar.workdays", min(both), "a day that is not also in holidays"
            )
        if self.covers is None and (self.holidays or self.workdays):
            raise PolicyError(
                "WorkCalendar.covers",
                None,
                "the years the listed days cover, such as covers=[2026]",
                hint="a calendar without covers is the plain week of every year",
            )
        days = Days(
            name=self.name,
            weekend={d.number for d in self.weekend},
            off=self.holidays,
            on=self.workdays,
            covers=self.covers,
            refuse=self.beyond is Beyond.REFUSE,
            provisional=self.beyond is Beyond.PROVISIONAL,
        )
        object.__setattr__(self, "_days", days)

    def is_provisional(self, day: date, /) -> bool:
        """Whether this calendar answers for ``day`` provisionally, by rule (rule C4).

        True for a day of a year the calendar does not cover when it was built with
        ``beyond=Beyond.PROVISIONAL`` (the default of :meth:`china`): its days off are
        the weekend and the days listed (for China, the statutory holidays), and
        make-up working days (调休) are not known yet. A count of working days is
        provisional when any day it passes over is; the covered years are usually one
        run, so checking the day reached is enough.

        Args:
            day: The day.

        Returns:
            Whether the answer for ``day`` is provisional.

        Raises:
            InvalidInputError: If ``day`` is not a ``date``.

        >>> from datetime import date
        >>> from custrel.cadence import Beyond, WorkCalendar
        >>> known = WorkCalendar(name="ACME", covers=[2026], beyond=Beyond.PROVISIONAL)
        >>> known.is_provisional(date(2026, 12, 31)), known.is_provisional(date(2027, 1, 1))
        (False, True)
        """
        c.day()("day", day)
        covers = self.covers
        return self.beyond is Beyond.PROVISIONAL and covers is not None and day.year not in covers

    # Your own days -----------------------------------------------------------------------

    def with_days_off(self, days: Iterable[date], /) -> Self:
        """This calendar with more days off, such as a company's own (rule C4).

        A day off wins over a make-up working day on the same date. The years covered do
        not change: to add a year, use :meth:`with_year`.

        Args:
            days: The extra days off.

        Returns:
            A new calendar.

        Raises:
            InvalidInputError: If ``days`` is not an iterable of dates.

        >>> from datetime import date
        >>> from custrel.cadence import WorkCalendar, record_deadline
        >>> plain = WorkCalendar(name="ACME", covers=[2026])
        >>> retreat = plain.with_days_off([date(2026, 11, 23)])
        >>> record_deadline(date(2026, 11, 19), calendar=plain)
        datetime.date(2026, 11, 23)
        >>> record_deadline(date(2026, 11, 19), calendar=retreat)
        datetime.date(2026, 11, 24)
        """
        off = _given_days("days", days)
        return attrs.evolve(self, holidays=self.holidays | off, workdays=self.workdays - off)

    def with_working_days(self, days: Iterable[date], /) -> Self:
        """This calendar with more working days, such as an office Saturday (rule C4).

        A working day wins over a holiday on the same date.

        Args:
            days: The extra working days.

        Returns:
            A new calendar.

        Raises:
            InvalidInputError: If ``days`` is not an iterable of dates.

        >>> from datetime import date
        >>> from custrel.cadence import WorkCalendar, add_working_days
        >>> open_saturday = WorkCalendar(name="ACME", covers=[2026]).with_working_days(
        ...     [date(2026, 11, 21)])
        >>> add_working_days(date(2026, 11, 20), 1, calendar=open_saturday)
        datetime.date(2026, 11, 21)
        """
        on = _given_days("days", days)
        return attrs.evolve(self, holidays=self.holidays - on, workdays=self.workdays | on)

    def with_year(
        self,
        year: int,
        /,
        *,
        days_off: Iterable[date] = (),
        working_days: Iterable[date] = (),
    ) -> Self:
        """This calendar extended by a year, such as next year's schedule (rule C4).

        Add the year the day its schedule is published: its days off (holidays and the
        days moved next to them) and its make-up working days. A schedule may move a day
        of the year before (a Saturday in December worked for New Year), so the days
        need not fall in ``year``.

        Args:
            year: The year now covered.
            days_off: The year's days off.
            working_days: The year's make-up working days (调休).

        Returns:
            A new calendar that covers ``year`` too.

        Raises:
            InvalidInputError: If an argument has the wrong type or a day is in both
                lists.

        >>> from datetime import date
        >>> from custrel.cadence import WorkCalendar, is_working_day
        >>> known = WorkCalendar(name="ACME", covers=[2026])
        >>> extended = known.with_year(2027, days_off=[date(2027, 1, 1)])
        >>> is_working_day(date(2027, 1, 1), calendar=extended)
        False
        """
        c.count(_FIRST_YEAR, _LAST_YEAR)("year", year)
        off = _given_days("days_off", days_off)
        on = _given_days("working_days", working_days)
        if off & on:
            raise InvalidInputError(
                "working_days", min(off & on), "a day that is not also in days_off"
            )
        covers = frozenset({year}) if self.covers is None else self.covers | {year}
        return attrs.evolve(
            self,
            covers=covers,
            holidays=(self.holidays - on) | off,
            workdays=(self.workdays - off) | on,
        )

    # Sources -----------------------------------------------------------------------------

    @classmethod
    def china(
        cls, *, years: Iterable[int] | None = None, beyond: Beyond = Beyond.PROVISIONAL
    ) -> Self:
        """China's holidays and make-up working days (调休), from chinesecalendar (rule C4).

        Install the ``cn`` extra (``pip install "custrel[cn]"``). The calendar covers
        the years the installed chinesecalendar has the State Council's schedule for
        (2004 to 2026 in version 1.11), or the ``years`` asked for among them.

        Past them, by default (``beyond=Beyond.PROVISIONAL``), a year counts by rule
        until its schedule is published: the weekend, and from 2025 to 2099 the
        statutory holidays of 全国年节及纪念日放假办法 (as revised in 2024: 1 January;
        除夕 and 正月初一 to 初三; 清明; 1-2 May; 端午; 中秋; 1-3 October), with no
        make-up working day, since those are only known from the schedule. Such days are
        provisional (:meth:`is_provisional`); once the schedule is out, add it with
        :meth:`with_year` or a newer chinesecalendar. ``beyond=Beyond.REFUSE`` refuses
        them instead.

        Args:
            years: The years wanted; all the package has by default.
            beyond: What to answer past the covered years.

        Returns:
            The calendar, named after the package and its version.

        Raises:
            CustrelError: If chinesecalendar (or, for provisional years, lunardate) is
                not installed.
            InvalidInputError: If a year asked for is not in the package's data.

        >>> from datetime import date
        >>> from custrel.cadence import Beyond, WorkCalendar, add_working_days
        >>> china = WorkCalendar.china()
        >>> add_working_days(date(2026, 9, 30), 2, calendar=china)   # after National Day
        datetime.date(2026, 10, 9)
        >>> add_working_days(date(2027, 2, 4), 1, calendar=china)    # 除夕 5 February 2027
        datetime.date(2027, 2, 9)
        >>> china.is_provisional(date(2027, 2, 9))
        True
        >>> add_working_days(date(2026, 12, 30), 2, calendar=WorkCalendar.china(beyond=Beyond.REFUSE))
        Traceback (most recent call last):
        ...
        custrel.errors.OutsideCalendarError: calendar: expected a day in the years the calendar 'China (chinesecalendar ...)' covers (2004-2026), got date datetime.date(2027, 1, 1); ...
        """  # noqa: E501 - doctest lines
        source = import_extra("chinese_calendar", "cn")
        dated: dict[date, str] = source.holidays
        made_up: dict[date, str] = source.workdays
        known = range(min(dated).year, max(dated).year + 1)
        wanted = frozenset(known) if years is None else wanted_years(years, known)
        off = frozenset(d for d in dated if d.year in wanted)
        if beyond is Beyond.PROVISIONAL:
            lunar = import_extra("lunardate", "cn").LunarDate
            for year in range(FIRST_RULE_YEAR, LAST_RULE_YEAR + 1):
                if year not in wanted:
                    off |= statutory_days(year, lunar=lunar, terms=source.get_solar_terms)
        return cls(
            name=f"China (chinesecalendar {package_version('chinesecalendar')})",
            covers=wanted,
            holidays=off,
            workdays=frozenset(d for d in made_up if d.year in wanted),
            beyond=beyond,
        )

    @classmethod
    def from_holidays(
        cls,
        holidays: python_holidays.HolidayBase,
        /,
        *,
        name: str | None = None,
        beyond: Beyond = Beyond.REFUSE,
    ) -> Self:
        """Any country's working days, from python-holidays (rule C4).

        Install the ``holidays`` extra (``pip install "custrel[holidays]"``). The
        calendar covers the years the holidays object was built for
        (``holidays.country_holidays("DE", years=range(2020, 2031))``) and reproduces,
        day by day, its ``is_working_day()``: its weekend (Friday and Saturday in much of
        the Middle East, as of the last year covered; a year with another weekend is
        listed day by day), its holidays, and its make-up working days (python-holidays'
        substituted days, 调休, read through its API rather than its holiday names).

        python-holidays fills a Chinese year it has no State Council schedule for with an
        estimate (the statutory days, no make-up day), and a sum of holiday objects
        (``cn + hk``) loses China's make-up days. Such years are refused: China
        publishes a schedule every year, and every one since 2001 has make-up days.

        Args:
            holidays: A python-holidays object (``holidays.HolidayBase``).
            name: The calendar's name; by default the country and the package version.
            beyond: What to answer past the covered years.

        Returns:
            The calendar.

        Raises:
            InvalidInputError: If ``holidays`` is not a python-holidays object with at
                least one year, or a Chinese year is an estimate.

        >>> from datetime import date
        >>> import holidays
        >>> from custrel.cadence import WorkCalendar, add_working_days
        >>> china = WorkCalendar.from_holidays(holidays.country_holidays("CN", years=2026))
        >>> add_working_days(date(2026, 9, 30), 2, calendar=china)
        datetime.date(2026, 10, 9)
        >>> uae = WorkCalendar.from_holidays(holidays.country_holidays("AE", years=2021))
        >>> sorted(day.value for day in uae.weekend)
        ['friday', 'saturday']
        """
        years = getattr(holidays, "years", None)
        if not (
            isinstance(years, set)
            and years
            and callable(getattr(holidays, "is_working_day", None))
            and callable(getattr(holidays, "is_weekend", None))
        ):
            raise InvalidInputError(
                "holidays",
                holidays,
                "a python-holidays object built for some years",
                hint='such as holidays.country_holidays("CN", years=range(2020, 2027))',
            )
        country = getattr(holidays, "country", None) or getattr(holidays, "market", None)
        countries = [str(c) for c in country] if isinstance(country, list) else [str(country)]
        subdivision = getattr(holidays, "subdiv", None)
        where = "+".join(countries) + (f"-{subdivision}" if subdivision else "")
        if "CN" in countries:
            _refuse_estimated_china(holidays, years)
        last = date(max(years), 12, 31)
        weekend = frozenset(
            _WEEKDAYS[day.weekday()]
            for day in (last - timedelta(days=i) for i in range(7))
            if holidays.is_weekend(day)
        )
        rest = {d.number for d in weekend}
        off: set[date] = set()
        on: set[date] = set()
        for year in years:
            day, end = date(year, 1, 1), date(year, 12, 31)
            while day <= end:
                works = holidays.is_working_day(day)
                if works == (day.weekday() in rest):
                    (on if works else off).add(day)
                day += _DAY
        return cls(
            name=name or f"{where} (python-holidays {package_version('holidays')})",
            weekend=weekend,
            covers=frozenset(years),
            holidays=frozenset(off),
            workdays=frozenset(on),
            beyond=beyond,
        )

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], /) -> Self:
        """Read a working calendar from a TOML or JSON file, strictly (rule C4).

        The file holds the fields of the calendar (as :meth:`to_dict` writes them): days
        as TOML dates or ISO strings, years as integers. Unknown keys, floats, date-times
        and strings where numbers belong are refused, every problem on its own line.

        Args:
            path: A ``.toml`` or ``.json`` file.

        Returns:
            The calendar.

        Raises:
            InvalidInputError: If the file is not TOML or JSON, or is malformed.
            PolicyError: If the calendar in it is malformed (field paths prefixed with
                the file name).
            OSError: If the file cannot be read.

        >>> import pathlib, tempfile
        >>> from datetime import date
        >>> from custrel.cadence import WorkCalendar, is_working_day
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "acme.toml").write_text('''
        ... name = "ACME 2027"
        ... covers = [2027]
        ... holidays = [2027-01-01]
        ... beyond = "weekends"
        ... ''', encoding="utf-8")
        >>> acme = WorkCalendar.from_file(folder / "acme.toml")
        >>> is_working_day(date(2027, 1, 1), calendar=acme), is_working_day(date(2028, 1, 3), calendar=acme)
        (False, True)
        >>> _ = (folder / "bad.json").write_text('{"covers": [2027.0]}', encoding="utf-8")
        >>> WorkCalendar.from_file(folder / "bad.json")
        Traceback (most recent call last):
        ...
        custrel.errors.PolicyError: bad.json: covers: expected an int in 1..9999, got Decimal Decimal('2027.0')
        """  # noqa: E501 - doctest lines
        file = Path(path)
        data = read_document(file)
        if not isinstance(data, dict):
            raise InvalidInputError(str(file), data, "an object with the calendar's fields")
        try:
            return cls.from_dict(data)
        except PolicyError as exc:
            raise PolicyError.several(
                [
                    PolicyError(f"{file.name}: {e.field}", e.value, e.expected, hint=e.hint)
                    for e in exc.errors
                ]
            ) from None
