"""Rule C4: working calendars from years and days, from python-holidays objects and from China's
calendar, and their repr.
"""

import importlib.metadata
import sys
from collections.abc import Callable
from datetime import date
from types import SimpleNamespace
from typing import Any

import holidays
import pytest

from custrel.cadence import Beyond, Weekday, WorkCalendar, _sources
from custrel.errors import CustrelError, InvalidInputError, PolicyError
from tests.cadence._calendar_samples import MAKE_UP, NATIONAL_DAY

# Rule C4: working calendars, their sources and their repr -------------------------------------


def test_c4_a_calendar_shows_its_days_in_short() -> None:
    calendar = WorkCalendar(
        name="October", covers=[2026, 2024], holidays=NATIONAL_DAY, workdays=MAKE_UP
    )
    assert repr(calendar) == (
        "WorkCalendar(name='October', weekend={saturday, sunday}, covers=<2024, 2026>,"
        " holidays=<7 days>, workdays=<1 days>, beyond=<Beyond.REFUSE: 'refuse'>)"
    )
    gulf = WorkCalendar(weekend=(Weekday.SATURDAY, Weekday.FRIDAY))
    assert repr(gulf) == (
        "WorkCalendar(name='custom', weekend={friday, saturday}, covers=None,"
        " holidays=<0 days>, workdays=<0 days>, beyond=<Beyond.REFUSE: 'refuse'>)"
    )


def test_c4_a_calendar_takes_its_years_and_days_as_any_collection() -> None:
    calendar = WorkCalendar(
        covers=range(2025, 2027), holidays=tuple(NATIONAL_DAY), workdays=set(MAKE_UP)
    )
    assert calendar.covers == frozenset({2025, 2026})
    assert calendar.holidays == frozenset(NATIONAL_DAY)
    assert calendar.workdays == frozenset(MAKE_UP)
    assert WorkCalendar(covers=(2026,)).covers == frozenset({2026})


@pytest.mark.parametrize(
    ("covers", "shown"),
    [([-1, -10], "int -1"), ([2026, "x"], "str 'x'")],  # checked in the order of their repr
)
def test_c4_the_first_bad_year_of_a_calendar_is_named(covers: list[object], shown: str) -> None:
    with pytest.raises(PolicyError) as caught:
        WorkCalendar(covers=covers)
    assert str(caught.value) == f"WorkCalendar.covers: expected an int in 1..9999, got {shown}"


def test_c4_china_needs_the_cn_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "chinese_calendar", None)
    with pytest.raises(CustrelError) as caught:
        WorkCalendar.china()
    assert str(caught.value) == 'this calendar needs the cn extra: pip install "custrel[cn]"'


def test_c4_china_is_named_after_its_package_and_covers_the_years_asked() -> None:
    china = WorkCalendar.china(years=[2025], beyond=Beyond.REFUSE)
    assert china.name == f"China (chinesecalendar {importlib.metadata.version('chinesecalendar')})"
    assert china.covers == frozenset({2025})
    assert {d.year for d in china.holidays | china.workdays} == {2025}
    assert WorkCalendar.china().covers == frozenset(range(2004, 2027))


HOLIDAYS_VERSION = importlib.metadata.version("holidays")


@pytest.mark.parametrize(
    ("source", "name"),
    [
        (
            lambda: holidays.country_holidays("DE", subdiv="BY", years=2026),
            f"DE-BY (python-holidays {HOLIDAYS_VERSION})",
        ),
        (
            lambda: (
                holidays.country_holidays("DE", years=2026)
                + holidays.country_holidays("FR", years=2026)
            ),
            f"DE+FR (python-holidays {HOLIDAYS_VERSION})",
        ),
        (
            lambda: holidays.financial_holidays("NYSE", years=2026),
            f"XNYS (python-holidays {HOLIDAYS_VERSION})",
        ),
    ],
)
def test_c4_a_calendar_from_python_holidays_is_named_after_where_it_holds(
    source: Callable[[], holidays.HolidayBase], name: str
) -> None:
    assert WorkCalendar.from_holidays(source()).name == name


def test_c4_a_calendar_from_python_holidays_may_be_named() -> None:
    calendar = WorkCalendar.from_holidays(holidays.country_holidays("DE", years=2026), name="HQ")
    assert calendar.name == "HQ"


# Rule C4: duck-typed python-holidays objects --------------------------------------------------


class _Schedule:
    """Just enough of a python-holidays object: weekends, and one make-up Saturday."""

    def __init__(self, years: set[int], make_up: date, country: str | None = None) -> None:
        self.years = years
        self.make_up = make_up
        if country is not None:
            self.country = country

    def is_weekend(self, day: date) -> bool:
        return day.weekday() >= 5

    def is_working_day(self, day: date) -> bool:
        return day == self.make_up or not self.is_weekend(day)


@pytest.mark.parametrize("make_up", [date(2022, 1, 1), date(2022, 12, 31), date(2022, 1, 8)])
def test_c4_a_chinese_year_with_a_make_up_day_is_not_an_estimate(make_up: date) -> None:
    source: Any = _Schedule({2022}, make_up, country="CN")
    calendar = WorkCalendar.from_holidays(source, beyond=Beyond.WEEKENDS)
    assert calendar.workdays == frozenset({make_up})
    assert calendar.beyond is Beyond.WEEKENDS


def test_c4_a_holidays_object_without_country_or_subdivision_is_read() -> None:
    source: Any = _Schedule({2022}, date(2022, 1, 8))
    calendar = WorkCalendar.from_holidays(source)
    assert calendar.workdays == frozenset({date(2022, 1, 8)})
    assert calendar.name.startswith("None (python-holidays ")


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(SimpleNamespace(years={2026}), id="no is_working_day"),
        pytest.param(
            SimpleNamespace(years={2026}, is_working_day=lambda _: True), id="no is_weekend"
        ),
    ],
)
def test_c4_from_holidays_refuses_an_object_missing_a_method(source: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        WorkCalendar.from_holidays(source)  # type: ignore[arg-type]
    assert caught.value.field == "holidays"


def test_c4_a_calendar_of_an_unknown_package_version_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_found(distribution: str) -> str:
        raise importlib.metadata.PackageNotFoundError(distribution)

    monkeypatch.setattr(_sources, "version", not_found)
    assert WorkCalendar.china(years=[2026]).name == "China (chinesecalendar unknown version)"
