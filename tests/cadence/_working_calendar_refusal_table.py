"""The refusals of working-day counts and working calendars (rule C4), word for word: (call,
error class, whole message, field, hint).
"""

from datetime import UTC, date, datetime, timedelta

import holidays
import pytest

from custrel.cadence import (
    WorkCalendar,
    add_working_days,
    is_working_day,
    minutes_deadline,
    record_deadline,
)
from custrel.errors import InvalidInputError, OutsideCalendarError, PolicyError
from tests.cadence._calendar_samples import CAL, D

WORKING_CALENDAR_REFUSALS = [
    pytest.param(
        lambda: is_working_day("2026-11-20"),  # type: ignore[arg-type]
        InvalidInputError,
        "day: expected a date, got str '2026-11-20'",
        "day",
        "",
        id="is_working_day-day-str",
    ),
    pytest.param(
        lambda: is_working_day(datetime(2026, 11, 20, tzinfo=UTC)),
        InvalidInputError,
        (
            "day: expected a date, got datetime datetime.datetime(2026, 11, 20, 0, 0, "
            "tzinfo=datetime.tim...; pass value.date() for the calendar day"
        ),
        "day",
        "pass value.date() for the calendar day",
        id="is_working_day-day-datetime",
    ),
    pytest.param(
        lambda: is_working_day(date(999, 1, 1)),
        InvalidInputError,
        "day: expected a date from 1000-01-01 to 8999-12-31, got date datetime.date(999, 1, 1)",
        "day",
        "",
        id="is_working_day-day-too-early",
    ),
    pytest.param(
        lambda: add_working_days("2026-11-20", 1),  # type: ignore[arg-type]
        InvalidInputError,
        "start: expected a date, got str '2026-11-20'",
        "start",
        "",
        id="add-start",
    ),
    pytest.param(
        lambda: add_working_days(D, 1.0),  # type: ignore[arg-type]
        InvalidInputError,
        "n: expected an int, got float 1.0",
        "n",
        "",
        id="add-n-float",
    ),
    pytest.param(
        lambda: add_working_days(D, True),
        InvalidInputError,
        "n: expected an int, got bool True",
        "n",
        "",
        id="add-n-bool",
    ),
    pytest.param(
        lambda: add_working_days(D, 1, holidays="2026-10-01"),  # type: ignore[arg-type]
        InvalidInputError,
        "holidays: expected an iterable of dates, got str '2026-10-01'",
        "holidays",
        "",
        id="add-holidays-str",
    ),
    pytest.param(
        lambda: add_working_days(D, 1, holidays=5),  # type: ignore[arg-type]
        InvalidInputError,
        "holidays: expected an iterable of dates, got int 5",
        "holidays",
        "",
        id="add-holidays-int",
    ),
    pytest.param(
        lambda: add_working_days(D, 1, workdays=[date(2026, 10, 10), "2026-10-11"]),  # type: ignore[list-item]
        InvalidInputError,
        "workdays['2026-10-11']: expected a date, got str '2026-10-11'",
        "workdays['2026-10-11']",
        "",
        id="add-workdays-bad-element",
    ),
    pytest.param(
        lambda: add_working_days(D, 1, holidays=["x"]),  # type: ignore[list-item]
        InvalidInputError,
        "holidays['x']: expected a date, got str 'x'",
        "holidays['x']",
        "",
        id="add-holidays-bad-element",
    ),
    pytest.param(
        lambda: add_working_days(
            D,
            1,
            holidays=[date(2026, 9, 30), date(2026, 10, 3), date(2026, 10, 1)],
            workdays=[date(2026, 10, 3), date(2026, 10, 1)],
        ),
        InvalidInputError,
        (
            "workdays: expected a day that is not also in holidays, got date "
            "datetime.date(2026, 10, 1)"
        ),
        "workdays",
        "",
        id="add-both-lists",
    ),
    pytest.param(
        lambda: add_working_days(D, 1, calendar="China"),  # type: ignore[arg-type]
        InvalidInputError,
        "calendar: expected a WorkCalendar or None, got str 'China'",
        "calendar",
        "",
        id="add-calendar-wrong-type",
    ),
    pytest.param(
        lambda: add_working_days(D, 1, calendar=CAL, holidays=[date(2026, 10, 1)]),
        InvalidInputError,
        (
            "holidays: expected no loose list beside calendar=, got list [datetime.date(2026, "
            "10, 1)]; add the days to the calendar with calendar.with_days_off(...) or "
            "calendar.with_working_days(...)"
        ),
        "holidays",
        (
            "add the days to the calendar with calendar.with_days_off(...) or "
            "calendar.with_working_days(...)"
        ),
        id="add-holidays-beside-calendar",
    ),
    pytest.param(
        lambda: add_working_days(D, 1, calendar=CAL, workdays=[date(2026, 10, 10)]),
        InvalidInputError,
        (
            "workdays: expected no loose list beside calendar=, got list [datetime.date(2026, "
            "10, 10)]; add the days to the calendar with calendar.with_days_off(...) or "
            "calendar.with_working_days(...)"
        ),
        "workdays",
        (
            "add the days to the calendar with calendar.with_days_off(...) or "
            "calendar.with_working_days(...)"
        ),
        id="add-workdays-beside-calendar",
    ),
    pytest.param(
        lambda: add_working_days(D, 1, calendar=CAL, holidays=3),  # type: ignore[arg-type]
        InvalidInputError,
        "holidays: expected an iterable of dates, got int 3",
        "holidays",
        "",
        id="add-holidays-beside-calendar-bad",
    ),
    pytest.param(
        lambda: add_working_days(date(8999, 12, 1), 10**7),
        InvalidInputError,
        (
            "n: expected a number of working days that stays within the years 1 to 9999, got "
            "int 10000000"
        ),
        "n",
        "",
        id="add-overflow",
    ),
    pytest.param(
        lambda: add_working_days(date(9999, 12, 31) - timedelta(days=0), 1),
        InvalidInputError,
        (
            "start: expected a date from 1000-01-01 to 8999-12-31, got date "
            "datetime.date(9999, 12, 31)"
        ),
        "start",
        "",
        id="add-overflow-walk",
    ),
    pytest.param(
        lambda: add_working_days(date(2026, 12, 30), 2, calendar=CAL),
        OutsideCalendarError,
        (
            "calendar: expected a day in the years the calendar 'ACME' covers (2026), got date "
            "datetime.date(2027, 1, 1); 2027-01-01 is reached counting 2 working days from "
            "2026-12-30; add 2027 with calendar.with_year(2027, days_off=[...], "
            "working_days=[...]) from its official schedule (or a newer data package), or "
            "build the calendar with beyond=Beyond.WEEKENDS to count only weekends past the "
            "years it covers"
        ),
        "calendar",
        (
            "2027-01-01 is reached counting 2 working days from 2026-12-30; add 2027 with "
            "calendar.with_year(2027, days_off=[...], working_days=[...]) from its official "
            "schedule (or a newer data package), or build the calendar with "
            "beyond=Beyond.WEEKENDS to count only weekends past the years it covers"
        ),
        id="outside-forward",
    ),
    pytest.param(
        lambda: add_working_days(date(2026, 1, 2), -2, calendar=CAL),
        OutsideCalendarError,
        (
            "calendar: expected a day in the years the calendar 'ACME' covers (2026), got date "
            "datetime.date(2025, 12, 31); 2025-12-31 is reached counting -2 working days from "
            "2026-01-02; add 2025 with calendar.with_year(2025, days_off=[...], "
            "working_days=[...]) from its official schedule (or a newer data package), or "
            "build the calendar with beyond=Beyond.WEEKENDS to count only weekends past the "
            "years it covers"
        ),
        "calendar",
        (
            "2025-12-31 is reached counting -2 working days from 2026-01-02; add 2025 with "
            "calendar.with_year(2025, days_off=[...], working_days=[...]) from its official "
            "schedule (or a newer data package), or build the calendar with "
            "beyond=Beyond.WEEKENDS to count only weekends past the years it covers"
        ),
        id="outside-backward",
    ),
    pytest.param(
        lambda: is_working_day(date(2027, 1, 4), calendar=CAL),
        OutsideCalendarError,
        (
            "calendar: expected a day in the years the calendar 'ACME' covers (2026), got date "
            "datetime.date(2027, 1, 4); 2027-01-04 is asked about; add 2027 with "
            "calendar.with_year(2027, days_off=[...], working_days=[...]) from its official "
            "schedule (or a newer data package), or build the calendar with "
            "beyond=Beyond.WEEKENDS to count only weekends past the years it covers"
        ),
        "calendar",
        (
            "2027-01-04 is asked about; add 2027 with calendar.with_year(2027, days_off=[...], "
            "working_days=[...]) from its official schedule (or a newer data package), or "
            "build the calendar with beyond=Beyond.WEEKENDS to count only weekends past the "
            "years it covers"
        ),
        id="outside-asked",
    ),
    pytest.param(
        lambda: record_deadline(None),  # type: ignore[arg-type]
        InvalidInputError,
        "start: expected a date, got NoneType None",
        "start",
        "",
        id="record-start",
    ),
    pytest.param(
        lambda: minutes_deadline(None),  # type: ignore[arg-type]
        InvalidInputError,
        "start: expected a date, got NoneType None",
        "start",
        "",
        id="minutes-start",
    ),
    pytest.param(
        lambda: WorkCalendar(name=" "),
        PolicyError,
        "WorkCalendar.name: expected a non-blank string, got str ' '",
        "WorkCalendar.name",
        "",
        id="wc-name",
    ),
    pytest.param(
        lambda: WorkCalendar(weekend={"saturday"}),
        PolicyError,
        (
            "WorkCalendar.weekend: expected a set of Weekday ('monday', 'tuesday', "
            "'wednesday', 'thursday', 'friday', 'saturday', 'sunday'), got frozenset "
            "frozenset({'saturday'})"
        ),
        "WorkCalendar.weekend",
        "",
        id="wc-weekend-not-weekday",
    ),
    pytest.param(
        lambda: WorkCalendar(covers="2026"),
        PolicyError,
        (
            "WorkCalendar.covers: expected a set of years (ints) or None for every year, got "
            "str '2026'"
        ),
        "WorkCalendar.covers",
        "",
        id="wc-covers-str",
    ),
    pytest.param(
        lambda: WorkCalendar(covers=[0, 2026]),
        PolicyError,
        "WorkCalendar.covers: expected an int in 1..9999, got int 0",
        "WorkCalendar.covers",
        "",
        id="wc-covers-year-0",
    ),
    pytest.param(
        lambda: WorkCalendar(covers=[2026], holidays="2026-10-01"),
        PolicyError,
        "WorkCalendar.holidays: expected a set of dates, got str '2026-10-01'",
        "WorkCalendar.holidays",
        "",
        id="wc-holidays-str",
    ),
    pytest.param(
        lambda: WorkCalendar(covers=[2026], holidays=[date(2026, 10, 1), "x"]),
        PolicyError,
        "WorkCalendar.holidays['x']: expected a date, got str 'x'",
        "WorkCalendar.holidays['x']",
        "",
        id="wc-holidays-element",
    ),
    pytest.param(
        lambda: WorkCalendar(covers=[2026], workdays=[datetime(2026, 10, 10, tzinfo=UTC)]),
        PolicyError,
        (
            "WorkCalendar.workdays[datetime.datetime(2026, 10, 10, 0, 0, "
            "tzinfo=datetime.timezone.utc)]: expected a date, got datetime "
            "datetime.datetime(2026, 10, 10, 0, 0, tzinfo=datetime.tim...; pass value.date() "
            "for the calendar day"
        ),
        (
            "WorkCalendar.workdays[datetime.datetime(2026, 10, 10, 0, 0, "
            "tzinfo=datetime.timezone.utc)]"
        ),
        "pass value.date() for the calendar day",
        id="wc-workdays-element",
    ),
    pytest.param(
        lambda: WorkCalendar(beyond="weekends"),  # type: ignore[arg-type]
        PolicyError,
        (
            "WorkCalendar.beyond: expected a Beyond ('refuse', 'weekends', 'provisional'), got str "
            "'weekends'; pass Beyond('weekends')"
        ),
        "WorkCalendar.beyond",
        "pass Beyond('weekends')",
        id="wc-beyond",
    ),
    pytest.param(
        lambda: WorkCalendar(
            covers=[2026],
            holidays=[date(2026, 9, 30), date(2026, 10, 3), date(2026, 10, 1)],
            workdays=[date(2026, 10, 3), date(2026, 10, 1)],
        ),
        PolicyError,
        (
            "WorkCalendar.workdays: expected a day that is not also in holidays, got date "
            "datetime.date(2026, 10, 1)"
        ),
        "WorkCalendar.workdays",
        "",
        id="wc-both",
    ),
    pytest.param(
        lambda: WorkCalendar(holidays=[date(2026, 10, 1)]),
        PolicyError,
        (
            "WorkCalendar.covers: expected the years the listed days cover, such as "
            "covers=[2026], got NoneType None; a calendar without covers is the plain week of "
            "every year"
        ),
        "WorkCalendar.covers",
        "a calendar without covers is the plain week of every year",
        id="wc-no-covers",
    ),
    pytest.param(
        lambda: CAL.with_days_off("2026-10-01"),  # type: ignore[arg-type]
        InvalidInputError,
        "days: expected an iterable of dates, got str '2026-10-01'",
        "days",
        "",
        id="with_days_off-str",
    ),
    pytest.param(
        lambda: CAL.with_days_off([1]),  # type: ignore[list-item]
        InvalidInputError,
        "days[1]: expected a date, got int 1",
        "days[1]",
        "",
        id="with_days_off-element",
    ),
    pytest.param(
        lambda: CAL.with_working_days("x"),  # type: ignore[arg-type]
        InvalidInputError,
        "days: expected an iterable of dates, got str 'x'",
        "days",
        "",
        id="with_working_days-str",
    ),
    pytest.param(
        lambda: CAL.with_working_days([None]),  # type: ignore[list-item]
        InvalidInputError,
        "days[None]: expected a date, got NoneType None",
        "days[None]",
        "",
        id="with_working_days-element",
    ),
    pytest.param(
        lambda: CAL.with_year(0),
        InvalidInputError,
        "year: expected an int in 1..9999, got int 0",
        "year",
        "",
        id="with_year-0",
    ),
    pytest.param(
        lambda: CAL.with_year(10000),
        InvalidInputError,
        "year: expected an int in 1..9999, got int 10000",
        "year",
        "",
        id="with_year-10000",
    ),
    pytest.param(
        lambda: CAL.with_year("2027"),  # type: ignore[arg-type]
        InvalidInputError,
        "year: expected an int in 1..9999, got str '2027'",
        "year",
        "",
        id="with_year-str",
    ),
    pytest.param(
        lambda: CAL.with_year(2027, days_off="x"),  # type: ignore[arg-type]
        InvalidInputError,
        "days_off: expected an iterable of dates, got str 'x'",
        "days_off",
        "",
        id="with_year-days_off",
    ),
    pytest.param(
        lambda: CAL.with_year(2027, working_days=[1]),  # type: ignore[list-item]
        InvalidInputError,
        "working_days[1]: expected a date, got int 1",
        "working_days[1]",
        "",
        id="with_year-working_days",
    ),
    pytest.param(
        lambda: CAL.with_year(
            2027,
            days_off=[date(2027, 1, 1), date(2027, 1, 9), date(2027, 1, 2)],
            working_days=[date(2027, 1, 9), date(2027, 1, 2)],
        ),
        InvalidInputError,
        (
            "working_days: expected a day that is not also in days_off, got date "
            "datetime.date(2027, 1, 2)"
        ),
        "working_days",
        "",
        id="with_year-both",
    ),
    pytest.param(
        lambda: WorkCalendar.china(years="2026"),  # type: ignore[arg-type]
        InvalidInputError,
        "years: expected an iterable of years (ints), got str '2026'",
        "years",
        "",
        id="china-years-str",
    ),
    pytest.param(
        lambda: WorkCalendar.china(years=[2030, 1999]),
        InvalidInputError,
        "years[1999]: expected an int in 2004..2026, got int 1999",
        "years[1999]",
        "",
        id="china-years-out",
    ),
    pytest.param(
        lambda: WorkCalendar.china(years=[10000, 3000]),
        InvalidInputError,
        "years[10000]: expected an int in 2004..2026, got int 10000",
        "years[10000]",
        "",
        id="china-years-mixed",
    ),
    pytest.param(
        lambda: WorkCalendar.china(years=[2020, "x"]),  # type: ignore[list-item]
        InvalidInputError,
        "years['x']: expected an int in 2004..2026, got str 'x'",
        "years['x']",
        "",
        id="china-years-mixed-type",
    ),
    pytest.param(
        lambda: WorkCalendar.from_holidays({"years": {2026}}),  # type: ignore[arg-type]
        InvalidInputError,
        (
            "holidays: expected a python-holidays object built for some years, got dict "
            "{'years': {2026}}; such as holidays.country_holidays(\"CN\", years=range(2020, "
            "2027))"
        ),
        "holidays",
        'such as holidays.country_holidays("CN", years=range(2020, 2027))',
        id="from_holidays-wrong",
    ),
    pytest.param(
        lambda: WorkCalendar.from_holidays(holidays.country_holidays("DE")),
        InvalidInputError,
        (
            "holidays: expected a python-holidays object built for some years, got DE "
            "holidays.country_holidays('DE'); such as holidays.country_holidays(\"CN\", "
            "years=range(2020, 2027))"
        ),
        "holidays",
        'such as holidays.country_holidays("CN", years=range(2020, 2027))',
        id="from_holidays-empty",
    ),
    pytest.param(
        lambda: WorkCalendar.from_holidays(
            holidays.country_holidays("CN", years=[2026, 2040, 2039])
        ),
        InvalidInputError,
        (
            "holidays.years: expected years python-holidays has the State Council's schedule "
            "for, got list [2039, 2040]; these Chinese years have no make-up working day "
            "(调休): "
            "python-holidays estimates a year it has no schedule for, and a sum of holiday "
            "objects drops the make-up days; build China's holidays alone for the other years "
            "and add a year with WorkCalendar.with_year() once its schedule is published"
        ),
        "holidays.years",
        (
            "these Chinese years have no make-up working day (调休): python-holidays "
            "estimates a "
            "year it has no schedule for, and a sum of holiday objects drops the make-up days; "
            "build China's holidays alone for the other years and add a year with "
            "WorkCalendar.with_year() once its schedule is published"
        ),
        id="from_holidays-estimate",
    ),
]
