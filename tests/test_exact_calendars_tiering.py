"""Whole error messages and edge cases of working days, calendars, periods, occasions, tiers.

Rules C2, C4, G1, T4-T6: every refusal names its field, says what was expected, shows the
value and gives its hint, word for word; and the boundaries the rule book sets hold exactly.
"""

import decimal
import importlib.metadata
import io
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import holidays
import pytest
from dateutil.relativedelta import relativedelta as rd
from hypothesis import given
from hypothesis import strategies as st

from custrel._periods import describe
from custrel.cadence import (
    Beyond,
    Weekday,
    WorkCalendar,
    _workcalendar,
    add_working_days,
    is_working_day,
    minutes_deadline,
    record_deadline,
    upcoming_occasions,
)
from custrel.errors import CustrelError, InvalidInputError, OutsideCalendarError, PolicyError
from custrel.grading import GradingPolicy
from custrel.models import (
    Calendar,
    CustomerProfile,
    FamilyMember,
    Household,
    Occasion,
    OccasionKind,
    Person,
    Relation,
)
from custrel.tiering import (
    CustomerCount,
    Margin,
    Tier,
    TierAction,
    TierMode,
    TierPolicy,
    WinBack,
    explain_tier,
    relationship_level,
    tier_action,
    winback_priority,
)

D = date(2026, 11, 20)  # a Friday
CAL = WorkCalendar(name="ACME", covers=[2026])
PROFILE = CustomerProfile(
    customer_id="c-1", person=Person(name="Wang Fang"), created_on=date(2026, 1, 1)
)


# Every refusal, word for word -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "kind", "message", "field", "hint"),
    [
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
                "WorkCalendar.beyond: expected a Beyond ('refuse', 'weekends'), got str "
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
        pytest.param(
            lambda: tier_action("vip", upgradeable=True),  # type: ignore[arg-type]
            InvalidInputError,
            (
                "tier: expected a Tier ('vip', 'major', 'ordinary', 'small'), got str 'vip'; pass "
                "Tier('vip')"
            ),
            "tier",
            "pass Tier('vip')",
            id="tier_action-tier",
        ),
        pytest.param(
            lambda: tier_action(3, upgradeable=True),  # type: ignore[arg-type]
            InvalidInputError,
            "tier: expected a Tier ('vip', 'major', 'ordinary', 'small'), got int 3",
            "tier",
            "",
            id="tier_action-tier-other",
        ),
        pytest.param(
            lambda: tier_action(Tier.VIP, upgradeable=1),  # type: ignore[arg-type]
            InvalidInputError,
            "upgradeable: expected True or False, got int 1",
            "upgradeable",
            "",
            id="tier_action-upgradeable",
        ),
        pytest.param(
            lambda: tier_action(Tier.VIP, upgradeable=True, bad=None),  # type: ignore[arg-type]
            InvalidInputError,
            "bad: expected True or False, got NoneType None",
            "bad",
            "",
            id="tier_action-bad",
        ),
        pytest.param(
            lambda: winback_priority("major"),  # type: ignore[arg-type]
            InvalidInputError,
            (
                "tier: expected a Tier ('vip', 'major', 'ordinary', 'small'), got str 'major'; "
                "pass Tier('major')"
            ),
            "tier",
            "pass Tier('major')",
            id="winback-tier",
        ),
        pytest.param(
            lambda: winback_priority(Tier.MAJOR, bad="yes"),  # type: ignore[arg-type]
            InvalidInputError,
            "bad: expected True or False, got str 'yes'",
            "bad",
            "",
            id="winback-bad",
        ),
        pytest.param(
            lambda: relationship_level("few", Margin.HIGH),  # type: ignore[arg-type]
            InvalidInputError,
            (
                "customers: expected a CustomerCount ('many', 'medium', 'few'), got str 'few'; "
                "pass CustomerCount('few')"
            ),
            "customers",
            "pass CustomerCount('few')",
            id="relationship-customers",
        ),
        pytest.param(
            lambda: relationship_level(CustomerCount.FEW, "high"),  # type: ignore[arg-type]
            InvalidInputError,
            (
                "margin: expected a Margin ('low', 'medium', 'high'), got str 'high'; pass "
                "Margin('high')"
            ),
            "margin",
            "pass Margin('high')",
            id="relationship-margin",
        ),
        pytest.param(
            lambda: explain_tier("c-9", values={"c-1": 1}),
            InvalidInputError,
            "customer_id: expected a customer id present in values, got str 'c-9'",
            "customer_id",
            "",
            id="explain-id-absent",
        ),
        pytest.param(
            lambda: explain_tier(" ", values={"c-1": 1}),
            InvalidInputError,
            "customer_id: expected a non-blank string, got str ' '",
            "customer_id",
            "",
            id="explain-id-blank",
        ),
        pytest.param(
            lambda: explain_tier("c-1", values={}),
            InvalidInputError,
            "customer_id: expected a customer id present in values, got str 'c-1'",
            "customer_id",
            "",
            id="explain-empty",
        ),
        pytest.param(
            lambda: upcoming_occasions("c-1", as_of=D, within=timedelta(days=1)),  # type: ignore[arg-type]
            InvalidInputError,
            "profile: expected a CustomerProfile, got str 'c-1'",
            "profile",
            "",
            id="occ-profile",
        ),
        pytest.param(
            lambda: upcoming_occasions(PROFILE, as_of="2026-11-20", within=timedelta(days=1)),  # type: ignore[arg-type]
            InvalidInputError,
            "as_of: expected a date, got str '2026-11-20'",
            "as_of",
            "",
            id="occ-as_of",
        ),
        pytest.param(
            lambda: upcoming_occasions(PROFILE, as_of=D, within=7),  # type: ignore[arg-type]
            InvalidInputError,
            "within: expected a timedelta of zero or more whole days, got int 7",
            "within",
            "",
            id="occ-within-int",
        ),
        pytest.param(
            lambda: upcoming_occasions(PROFILE, as_of=D, within=timedelta(days=-1)),
            InvalidInputError,
            (
                "within: expected a timedelta of zero or more whole days, got timedelta "
                "datetime.timedelta(days=-1)"
            ),
            "within",
            "",
            id="occ-within-negative",
        ),
        pytest.param(
            lambda: upcoming_occasions(PROFILE, as_of=D, within=timedelta(hours=36)),
            InvalidInputError,
            (
                "within: expected a timedelta of zero or more whole days, got timedelta "
                "datetime.timedelta(days=1, seconds=43200)"
            ),
            "within",
            "",
            id="occ-within-hours",
        ),
        pytest.param(
            lambda: GradingPolicy(horizons=(rd(months=1), rd(months=3))),  # type: ignore[arg-type]
            PolicyError,
            (
                "GradingPolicy.horizons: expected a tuple of 3 calendar periods, each longer than "
                "the one before, got tuple (relativedelta(months=+1), relativedelta(months=+3))"
            ),
            "GradingPolicy.horizons",
            "",
            id="grading-horizons-len",
        ),
        pytest.param(
            lambda: GradingPolicy(horizons=[rd(months=1), rd(months=3), rd(months=6)]),  # type: ignore[arg-type]
            PolicyError,
            (
                "GradingPolicy.horizons: expected a tuple of 3 calendar periods, each longer than "
                "the one before, got list [relativedelta(months=+1), relativedelta(months=+3), "
                "rela..."
            ),
            "GradingPolicy.horizons",
            "",
            id="grading-horizons-list",
        ),
        pytest.param(
            lambda: GradingPolicy(horizons=(rd(months=1), rd(hours=3), rd(months=6))),
            PolicyError,
            (
                "GradingPolicy.horizons[1]: expected a relativedelta of whole years, months, weeks "
                "or days, got relativedelta relativedelta(hours=+3)"
            ),
            "GradingPolicy.horizons[1]",
            "",
            id="grading-horizon-hours",
        ),
        pytest.param(
            lambda: GradingPolicy(horizons=(rd(months=1), timedelta(days=90), rd(months=6))),  # type: ignore[arg-type]
            PolicyError,
            (
                "GradingPolicy.horizons[1]: expected a relativedelta of whole years, months, weeks "
                "or days, got timedelta datetime.timedelta(days=90)"
            ),
            "GradingPolicy.horizons[1]",
            "",
            id="grading-horizon-not-rd",
        ),
        pytest.param(
            lambda: GradingPolicy(horizons=(rd(months=1), rd(months=3), rd(months=1201))),
            PolicyError,
            (
                "GradingPolicy.horizons[2]: expected a period of at most 100 years and 36,600 "
                "days, got relativedelta relativedelta(years=+100, months=+1)"
            ),
            "GradingPolicy.horizons[2]",
            "",
            id="grading-horizon-too-long-months",
        ),
        pytest.param(
            lambda: GradingPolicy(horizons=(rd(months=1), rd(months=3), rd(days=36601))),
            PolicyError,
            (
                "GradingPolicy.horizons[2]: expected a period of at most 100 years and 36,600 "
                "days, got relativedelta relativedelta(days=+36601)"
            ),
            "GradingPolicy.horizons[2]",
            "",
            id="grading-horizon-too-long-days",
        ),
        pytest.param(
            lambda: GradingPolicy(horizons=(rd(), rd(months=3), rd(months=6))),
            PolicyError,
            (
                "GradingPolicy.horizons[0]: expected a period longer than zero from every start "
                "date, got relativedelta relativedelta()"
            ),
            "GradingPolicy.horizons[0]",
            "",
            id="grading-horizon-first-zero",
        ),
        pytest.param(
            lambda: GradingPolicy(horizons=(rd(months=-1), rd(months=3), rd(months=6))),
            PolicyError,
            (
                "GradingPolicy.horizons[0]: expected a period longer than zero from every start "
                "date, got relativedelta relativedelta(months=-1)"
            ),
            "GradingPolicy.horizons[0]",
            "",
            id="grading-horizon-negative",
        ),
        pytest.param(
            lambda: GradingPolicy(horizons=(rd(months=1), rd(days=30), rd(months=6))),
            PolicyError,
            (
                "GradingPolicy.horizons[1]: expected a period longer than 1 month from every start "
                "date, got relativedelta relativedelta(days=+30)"
            ),
            "GradingPolicy.horizons[1]",
            "",
            id="grading-horizon-not-longer",
        ),
        pytest.param(
            lambda: GradingPolicy(horizons=(rd(months=1), rd(months=3), rd(months=3))),
            PolicyError,
            (
                "GradingPolicy.horizons[2]: expected a period longer than 3 months from every "
                "start date, got relativedelta relativedelta(months=+3)"
            ),
            "GradingPolicy.horizons[2]",
            "",
            id="grading-horizon-equal",
        ),
        pytest.param(
            lambda: GradingPolicy(overdue_grace=rd(hours=1)),
            PolicyError,
            (
                "GradingPolicy.overdue_grace: expected a relativedelta of zero or more whole "
                "years, months, weeks or days, at most 100 years and 36,600 days, got "
                "relativedelta relativedelta(hours=+1)"
            ),
            "GradingPolicy.overdue_grace",
            "",
            id="grading-grace-hours",
        ),
        pytest.param(
            lambda: GradingPolicy(overdue_grace=rd(days=-1)),
            PolicyError,
            (
                "GradingPolicy.overdue_grace: expected a relativedelta of zero or more whole "
                "years, months, weeks or days, at most 100 years and 36,600 days, got "
                "relativedelta relativedelta(days=-1)"
            ),
            "GradingPolicy.overdue_grace",
            "",
            id="grading-grace-negative",
        ),
        pytest.param(
            lambda: GradingPolicy(overdue_grace=rd(months=1201)),
            PolicyError,
            (
                "GradingPolicy.overdue_grace: expected a relativedelta of zero or more whole "
                "years, months, weeks or days, at most 100 years and 36,600 days, got "
                "relativedelta relativedelta(years=+100, months=+1)"
            ),
            "GradingPolicy.overdue_grace",
            "",
            id="grading-grace-months",
        ),
        pytest.param(
            lambda: GradingPolicy(overdue_grace=rd(days=36601)),
            PolicyError,
            (
                "GradingPolicy.overdue_grace: expected a relativedelta of zero or more whole "
                "years, months, weeks or days, at most 100 years and 36,600 days, got "
                "relativedelta relativedelta(days=+36601)"
            ),
            "GradingPolicy.overdue_grace",
            "",
            id="grading-grace-days",
        ),
        pytest.param(
            lambda: GradingPolicy(overdue_grace=30),  # type: ignore[arg-type]
            PolicyError,
            (
                "GradingPolicy.overdue_grace: expected a relativedelta of zero or more whole "
                "years, months, weeks or days, at most 100 years and 36,600 days, got int 30"
            ),
            "GradingPolicy.overdue_grace",
            "",
            id="grading-grace-int",
        ),
    ],
)
def test_refusals_name_the_field_the_expectation_the_value_and_the_hint(
    call: Callable[[], object], kind: type[InvalidInputError], message: str, field: str, hint: str
) -> None:
    with pytest.raises(kind) as caught:
        call()
    assert type(caught.value) is kind
    assert str(caught.value) == message
    assert caught.value.field == field
    assert caught.value.hint == hint


def test_a_calendar_refuses_a_week_without_a_working_day() -> None:
    with pytest.raises(PolicyError) as caught:
        WorkCalendar(weekend=set(Weekday))
    assert caught.value.field == "WorkCalendar.weekend"
    assert caught.value.expected == "at most 6 days, so that some day is worked"
    assert caught.value.value == frozenset(Weekday)
    assert caught.value.hint == ""


@pytest.mark.parametrize(
    ("covers", "start", "shown"),
    [
        ([2020, 2021, 2024], date(2021, 12, 30), "2020-2021, 2024"),
        ([2026], date(2026, 12, 30), "2026"),
        ([], date(2026, 12, 30), "no year"),
    ],
)
def test_c4_a_count_past_the_calendar_names_the_years_it_covers(
    covers: list[int], start: date, shown: str
) -> None:
    calendar = WorkCalendar(name="ACME", covers=covers)
    with pytest.raises(OutsideCalendarError) as caught:
        add_working_days(start, 5, calendar=calendar)
    assert caught.value.calendar == "ACME"
    assert caught.value.expected == f"a day in the years the calendar 'ACME' covers ({shown})"


def test_c4_a_count_leaving_the_years_1_to_9999_backwards_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        add_working_days(date(1000, 1, 5), -(10**7))
    assert str(caught.value) == (
        "n: expected a number of working days that stays within the years 1 to 9999,"
        " got int -10000000"
    )


# Rule C4: the deadlines honour both loose lists ----------------------------------------------

NATIONAL_DAY = [date(2026, 10, d) for d in range(1, 8)]
MAKE_UP = [date(2026, 10, 10)]


@pytest.mark.parametrize("deadline", [record_deadline, minutes_deadline])
def test_c4_deadlines_skip_the_listed_holidays(deadline: Callable[..., date]) -> None:
    assert deadline(date(2026, 9, 30)) == date(2026, 10, 2)
    assert deadline(date(2026, 9, 30), holidays=NATIONAL_DAY) == date(2026, 10, 9)


@pytest.mark.parametrize("deadline", [record_deadline, minutes_deadline])
def test_c4_deadlines_count_the_listed_make_up_days(deadline: Callable[..., date]) -> None:
    assert deadline(date(2026, 10, 9)) == date(2026, 10, 13)
    assert deadline(date(2026, 10, 9), workdays=MAKE_UP) == date(2026, 10, 12)


def _walked(start: date, n: int, calendar: WorkCalendar) -> date:
    """The n-th working day after start, found one day at a time."""
    step = timedelta(days=1 if n > 0 else -1)
    day = start
    for _ in range(abs(n)):
        day += step
        while not is_working_day(day, calendar=calendar):
            day += step
    return day


@given(
    weekend=st.frozensets(st.sampled_from(list(Weekday)), max_size=6),
    listed=st.lists(st.integers(0, 400), max_size=12, unique=True),
    start=st.integers(0, 300),
    n=st.integers(-120, 120),
)
def test_c4_a_long_count_lands_where_a_day_by_day_walk_lands(
    weekend: frozenset[Weekday], listed: list[int], start: int, n: int
) -> None:
    first = date(2026, 1, 1)
    days = [first + timedelta(days=i) for i in listed]
    off, on = days[::2], days[1::2]
    calendar = WorkCalendar(
        name="ACME", weekend=weekend, covers=range(2020, 2033), holidays=off, workdays=on
    )
    day = first + timedelta(days=start)
    assert add_working_days(day, n, calendar=calendar) == _walked(day, n, calendar)


@pytest.mark.parametrize("n", [31, 32, 33, 34, 100, -31, -32, -33, -34, -100])
def test_c4_counts_either_side_of_the_walking_limit_agree_with_a_walk(n: int) -> None:
    calendar = WorkCalendar(
        name="October", covers=range(2025, 2028), holidays=NATIONAL_DAY, workdays=MAKE_UP
    )
    start = date(2026, 10, 20) if n > 0 else date(2026, 12, 20)
    assert add_working_days(start, n, calendar=calendar) == _walked(start, n, calendar)


# Rule C4: calendars from files ----------------------------------------------------------------


def test_c4_from_file_refuses_a_broken_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "acme.toml"
    path.write_text("name = ", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        WorkCalendar.from_file(path)
    assert str(caught.value) == (
        f"{path}: expected a TOML document (Invalid value (at end of document)), got str 'name = '"
    )
    assert caught.value.field == str(path)
    assert caught.value.value == "name = "


def test_c4_from_file_refuses_a_broken_json_file(tmp_path: Path) -> None:
    path = tmp_path / "acme.json"
    path.write_text('{"name": ', encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        WorkCalendar.from_file(path)
    assert str(caught.value) == (
        f"{path}: expected a JSON document (Expecting value: line 1 column 10 (char 9)),"
        " got str '{\"name\": '"
    )
    assert caught.value.field == str(path)
    assert caught.value.value == '{"name": '


def test_c4_from_file_refuses_nan_in_json(tmp_path: Path) -> None:
    path = tmp_path / "acme.json"
    path.write_text('{"covers": [NaN]}', encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        WorkCalendar.from_file(path)
    assert str(caught.value) == (
        f"{path}: expected a JSON document (NaN is not a number), got str '{{\"covers\": [NaN]}}'"
    )


def test_c4_from_file_takes_only_toml_or_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = Path("acme.yaml")
    path.write_text("name: ACME", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        WorkCalendar.from_file(path)
    assert str(caught.value) == "path: expected a .toml or .json file, got str 'acme.yaml'"
    assert caught.value.field == "path"
    assert caught.value.value == str(path)


def test_c4_from_file_wants_an_object(tmp_path: Path) -> None:
    path = tmp_path / "acme.json"
    path.write_text("[2026]", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        WorkCalendar.from_file(path)
    assert str(caught.value) == (
        f"{path}: expected an object with the calendar's fields, got list [2026]"
    )
    assert caught.value.field == str(path)
    assert caught.value.value == [2026]


def test_c4_from_file_reads_json_numbers_with_a_point_as_decimals(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"covers": [2027.0]}', encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        WorkCalendar.from_file(path)
    assert str(caught.value) == (
        "bad.json: covers: expected an int in 1..9999, got Decimal Decimal('2027.0')"
    )


def test_c4_from_file_prefixes_every_problem_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('name = " "\ncovers = [0]\n', encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        WorkCalendar.from_file(path)
    assert [e.field for e in caught.value.errors] == ["bad.toml: name", "bad.toml: covers"]


def test_c4_from_file_reads_utf8_whatever_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "beijing.toml"
    path.write_text('name = "北京"\ncovers = [2027]\n', encoding="utf-8")

    def latin1_locale(encoding: str | None, stacklevel: int = 2) -> str:  # noqa: ARG001
        return encoding if encoding is not None else "latin-1"

    monkeypatch.setattr(io, "text_encoding", latin1_locale)
    assert WorkCalendar.from_file(path).name == "北京"


# Rule C2: occasions ---------------------------------------------------------------------------


def _profile(
    birthday: date | None = None,
    occasions: tuple[Occasion, ...] = (),
    family: tuple[FamilyMember, ...] = (),
) -> CustomerProfile:
    person = Person(
        name="Wang Fang",
        birthday=birthday,
        occasions=list(occasions),
        household=Household(family=list(family)),
    )
    return CustomerProfile(customer_id="c-1", person=person, created_on=date(2026, 1, 1))


def _days_and_numbers(
    profile: CustomerProfile, as_of: date, days: int
) -> list[tuple[date, int | None]]:
    found = upcoming_occasions(profile, as_of=as_of, within=timedelta(days=days))
    return [(o.on, o.number) for o in found]


@pytest.mark.parametrize(
    ("as_of", "days", "expected"),
    [
        (date(2026, 5, 10), 0, [(date(2026, 5, 10), 36)]),  # the first day is in
        (date(2026, 5, 1), 9, [(date(2026, 5, 10), 36)]),  # the last day is in
        (date(2026, 5, 1), 8, []),  # a day short
        (date(2026, 5, 11), 30, []),  # a day late
        (date(2026, 12, 30), 400, [(date(2027, 5, 10), 37)]),  # the next year
        (date(2026, 1, 1), 800, [(date(2026, 5, 10), 36), (date(2027, 5, 10), 37)]),
    ],
)
def test_c2_both_ends_of_the_window_are_included(
    as_of: date, days: int, expected: list[tuple[date, int | None]]
) -> None:
    assert _days_and_numbers(_profile(birthday=date(1990, 5, 10)), as_of, days) == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2027, 2, 27), [(date(2027, 2, 28), 39)]),  # a common year: 28 February
        (date(2028, 2, 27), [(date(2028, 2, 29), 40)]),  # a leap year: 29 February
    ],
)
def test_c2_a_29_february_birthday_falls_on_28_february_in_common_years(
    as_of: date, expected: list[tuple[date, int | None]]
) -> None:
    profile = _profile(birthday=date(1988, 2, 29))
    assert _days_and_numbers(profile, as_of, 2) == expected


def test_c2_no_birthday_is_greeted_before_the_day_of_birth() -> None:
    profile = _profile(birthday=date(2026, 11, 25))
    assert _days_and_numbers(profile, date(2026, 11, 1), 23) == []
    assert _days_and_numbers(profile, date(2026, 11, 1), 24) == [(date(2026, 11, 25), 0)]


@pytest.mark.parametrize(
    "kind", [OccasionKind.WEDDING, OccasionKind.CHILD_WEDDING, OccasionKind.FUNERAL]
)
def test_c2_one_time_events_are_listed_only_in_their_window(kind: OccasionKind) -> None:
    profile = _profile(occasions=(Occasion(kind=kind, on=date(2026, 6, 6)),))
    assert _days_and_numbers(profile, date(2026, 6, 6), 0) == [(date(2026, 6, 6), None)]
    assert _days_and_numbers(profile, date(2026, 6, 1), 5) == [(date(2026, 6, 6), None)]
    assert _days_and_numbers(profile, date(2026, 6, 1), 4) == []
    assert _days_and_numbers(profile, date(2026, 6, 7), 30) == []
    assert _days_and_numbers(profile, date(2027, 6, 1), 10) == []


def test_c2_a_yearly_occasion_recurs_with_its_number() -> None:
    anniversary = Occasion(kind=OccasionKind.WEDDING_ANNIVERSARY, on=date(2016, 6, 6))
    profile = _profile(occasions=(anniversary,))
    assert _days_and_numbers(profile, date(2026, 6, 1), 10) == [(date(2026, 6, 6), 10)]


def test_c2_occasions_come_in_date_then_kind_then_whose_order() -> None:
    profile = _profile(
        birthday=date(1990, 6, 6),
        occasions=(
            Occasion(kind=OccasionKind.COMPANY_ANNIVERSARY, on=date(2010, 6, 5)),
            Occasion(kind=OccasionKind.WEDDING_ANNIVERSARY, on=date(2016, 6, 6)),
        ),
        family=(
            FamilyMember(name="Li Ming", relation=Relation.CHILD, birthday=date(2016, 6, 6)),
            FamilyMember(name="Li Hua", relation=Relation.SPOUSE, birthday=date(1989, 6, 6)),
        ),
    )
    found = upcoming_occasions(profile, as_of=date(2026, 6, 1), within=timedelta(days=10))
    assert [(o.on, o.kind, o.whose, o.relation) for o in found] == [
        (date(2026, 6, 5), OccasionKind.COMPANY_ANNIVERSARY, "self", None),
        (date(2026, 6, 6), OccasionKind.BIRTHDAY, "Li Hua", Relation.SPOUSE),
        (date(2026, 6, 6), OccasionKind.BIRTHDAY, "Li Ming", Relation.CHILD),
        (date(2026, 6, 6), OccasionKind.BIRTHDAY, "self", None),
        (date(2026, 6, 6), OccasionKind.WEDDING_ANNIVERSARY, "self", None),
    ]
    assert [o.calendar for o in found] == [Calendar.GREGORIAN] * 5
    assert [o.original for o in found] == [
        date(2010, 6, 5),
        date(1989, 6, 6),
        date(2016, 6, 6),
        date(1990, 6, 6),
        date(2016, 6, 6),
    ]


def test_c2_a_labelled_occasion_keeps_its_label() -> None:
    profile = _profile(
        occasions=(Occasion(kind=OccasionKind.FUNERAL, on=date(2026, 6, 6), label="father"),)
    )
    found = upcoming_occasions(profile, as_of=date(2026, 6, 6), within=timedelta(0))
    assert [(o.label, o.whose, o.relation) for o in found] == [("father", "self", None)]


def test_c2_an_organisation_only_profile_has_no_occasions() -> None:
    from custrel.models import Organization  # noqa: PLC0415 - only this test needs it

    profile = CustomerProfile(
        customer_id="c-1", organization=Organization(name="ACME"), created_on=date(2026, 1, 1)
    )
    assert upcoming_occasions(profile, as_of=D, within=timedelta(days=365)) == []


def test_c2_a_family_member_without_a_birthday_has_no_birthday_greeting() -> None:
    profile = _profile(
        family=(FamilyMember(name="Li Ming", relation=Relation.CHILD),),
        occasions=(Occasion(kind=OccasionKind.WEDDING, on=date(2026, 6, 6)),),
    )
    found = upcoming_occasions(profile, as_of=date(2026, 1, 1), within=timedelta(days=364))
    assert [(o.on, o.kind) for o in found] == [(date(2026, 6, 6), OccasionKind.WEDDING)]


def test_c2_a_lunar_birthday_recurs_on_its_lunar_day() -> None:
    """Lunar 1/1 of 2000 fell on 5 February; in 2026 it falls on 17 February."""
    lunar = Occasion(kind=OccasionKind.BIRTHDAY, on=date(2000, 2, 5), calendar=Calendar.LUNAR)
    profile = _profile(occasions=(lunar,))
    found = upcoming_occasions(profile, as_of=date(2026, 2, 1), within=timedelta(days=30))
    assert [(o.on, o.number, o.calendar) for o in found] == [
        (date(2026, 2, 17), 26, Calendar.LUNAR)
    ]


# Rule G1: calendar periods of a policy --------------------------------------------------------


@pytest.mark.parametrize(
    "horizons",
    [
        (rd(months=1), rd(days=32), rd(months=6)),  # 32 days pass a month from any day
        (rd(months=1), rd(months=1, days=1), rd(months=6)),  # as many months, a day more
        (rd(months=1), rd(months=10), rd(months=11)),  # a month more, as many days
        (rd(months=1), rd(months=10), rd(months=10, days=1)),
        (rd(months=11), rd(years=1), rd(months=13)),  # a year is twelve months
        (rd(months=1), rd(months=3), rd(months=1200)),  # at most 100 years
        (rd(days=1), rd(days=2), rd(days=36_600)),  # at most 36,600 days
    ],
)
def test_g1_horizons_longer_from_every_start_date_are_accepted(
    horizons: tuple[rd, rd, rd],
) -> None:
    assert GradingPolicy(horizons=horizons).horizons == horizons


@pytest.mark.parametrize(
    ("horizons", "index", "after"),
    [
        ((rd(months=1), rd(days=31), rd(months=6)), 1, "1 month"),  # not after a 31-day month
        ((rd(months=13), rd(years=1), rd(months=14)), 1, "1 year 1 month"),
        ((rd(years=2, months=1, days=3), rd(months=25), rd(years=9)), 1, "2 years 1 month 3 days"),
        ((rd(days=1), rd(days=1), rd(months=6)), 1, "1 day"),
        ((rd(weeks=2), rd(days=10), rd(months=6)), 1, "14 days"),
        ((rd(days=30), rd(months=1, days=2), rd(months=6)), 1, "30 days"),  # equal from 1 Feb
    ],
)
def test_g1_a_horizon_not_longer_than_the_one_before_is_refused(
    horizons: tuple[rd, rd, rd], index: int, after: str
) -> None:
    with pytest.raises(PolicyError) as caught:
        GradingPolicy(horizons=horizons)
    assert caught.value.field == f"GradingPolicy.horizons[{index}]"
    assert caught.value.expected == f"a period longer than {after} from every start date"
    assert caught.value.value == horizons[index]


@pytest.mark.parametrize("grace", [rd(), rd(days=36_600), rd(months=1200), rd(years=100)])
def test_g1_a_grace_of_zero_up_to_the_limits_is_accepted(grace: rd) -> None:
    assert GradingPolicy(overdue_grace=grace).overdue_grace == grace


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
    china = WorkCalendar.china(years=[2025])
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


# Rule C4: the years a count looks at ----------------------------------------------------------


@pytest.mark.parametrize(
    ("covers", "start", "n", "named"),
    [
        ([2024, 2026], date(2024, 12, 20), 40, date(2025, 1, 1)),  # a gap, forward
        ([2024, 2026], date(2026, 1, 10), -40, date(2025, 12, 31)),  # a gap, backward
        ([2024, 2026], date(2024, 12, 27), 3, date(2025, 1, 1)),  # a short count
        ([2026], date(2025, 12, 28), 5, date(2025, 12, 29)),  # from before the years
        ([2026], date(2027, 1, 5), -5, date(2027, 1, 4)),  # back from after them
        ([2026], date(2025, 12, 31), 1, date(2026, 1, 1)),  # the start itself is not looked at
    ],
)
def test_c4_a_count_names_the_first_day_it_reaches_outside_the_calendar(
    covers: list[int], start: date, n: int, named: date
) -> None:
    calendar = WorkCalendar(name="ACME", covers=covers)
    if named.year in covers:
        assert add_working_days(start, n, calendar=calendar) == named
        return
    with pytest.raises(OutsideCalendarError) as caught:
        add_working_days(start, n, calendar=calendar)
    assert caught.value.value == named
    assert caught.value.hint.startswith(
        f"{named.isoformat()} is reached counting {n} working days from {start}; "
        f"add {named.year} with calendar.with_year({named.year},"
    )


@pytest.mark.parametrize("n", [1, 5, 100, 1000])
def test_c4_a_count_over_a_six_day_weekend_jumps_whole_weeks(n: int) -> None:
    sundays_only = WorkCalendar(weekend=set(Weekday) - {Weekday.SUNDAY})
    assert add_working_days(date(2026, 11, 20), n) != add_working_days(
        date(2026, 11, 20), n, calendar=sundays_only
    )
    assert add_working_days(date(2026, 11, 20), n, calendar=sundays_only) == date(
        2026, 11, 22
    ) + timedelta(weeks=n - 1)


def test_c4_zero_working_days_after_a_day_off_is_that_day() -> None:
    saturday = date(2026, 11, 21)
    assert add_working_days(saturday, 0) == saturday
    assert add_working_days(saturday, 0, calendar=CAL) == saturday
    assert add_working_days(date(2027, 1, 2), 0, calendar=CAL) == date(2027, 1, 2)


@pytest.mark.parametrize(
    ("period", "english", "chinese"),
    [
        (rd(), "0 days", "0天"),
        (rd(days=1), "1 day", "1天"),
        (rd(weeks=1), "7 days", "7天"),
        (rd(months=1), "1 month", "1个月"),
        (rd(years=2, months=3, days=4), "2 years 3 months 4 days", "2年3个月4天"),
        (rd(years=1, days=1), "1 year 1 day", "1年1天"),
    ],
)
def test_g1_a_period_is_described_in_english_and_chinese(
    period: rd, english: str, chinese: str
) -> None:
    assert describe(period) == english
    assert describe(period, "en") == english
    assert describe(period, "zh") == chinese


# Rules T1, T2: why a customer is in their tier ------------------------------------------------

HUNDRED = {f"c-{i}": i for i in range(1, 101)}


@pytest.mark.parametrize(
    ("customer", "values", "mode", "expected"),
    [
        (
            "c-81",
            HUNDRED,
            TierMode.HEAD_COUNT,
            (
                Tier.MAJOR,
                20,
                1,
                100,
                Decimal("0.19"),
                Decimal(81),
                (
                    "rank 20 of 100 by value, 19% of customers above: major"
                    " (the top 20% by head count; major from 81)"
                ),
                (
                    "按价值排名第20/100，高于该客户的客户占19%：重要客户"
                    "（按客户数前20%；重要客户下限 81）"
                ),
            ),
        ),
        (
            "c-50",
            {**HUNDRED, "d-1": 50, "d-2": 50},
            TierMode.HEAD_COUNT,
            (
                Tier.SMALL,
                51,
                3,
                102,
                Decimal(50) / 102,
                Decimal(1),
                (
                    "rank 51 of 102 by value, tied with 2 more down to rank 53, 49% of customers"
                    " above: small (the top 100% by head count; small from 1)"
                ),
                (
                    "按价值排名第51/102，与另外2位并列至第53名，高于该客户的客户占49%：小客户"
                    "（按客户数前100%；小客户下限 1）"
                ),
            ),
        ),
        (
            "c",
            {"a": 70, "b": 20, "c": 10},
            TierMode.VALUE_SHARE,
            (
                Tier.SMALL,
                3,
                1,
                3,
                Decimal("0.9"),
                Decimal(10),
                (
                    "rank 3 of 3 by value, 90% of the value above: small"
                    " (the top 100% by value; small from 10)"
                ),
                "按价值排名第3/3，高于该客户的价值占90%：小客户（按价值前100%；小客户下限 10）",
            ),
        ),
        (
            "c-3",
            {"c-1": 5, "c-2": 0, "c-3": 0},
            TierMode.HEAD_COUNT,
            (
                Tier.SMALL,
                2,
                2,
                3,
                Decimal(1) / 3,
                Decimal(0),
                "no value (0): small, whatever the rank",
                "无价值（0）：小客户，不论排名",
            ),
        ),
        (
            "x",
            {"x": -5, "y": 3},
            TierMode.HEAD_COUNT,
            (
                Tier.SMALL,
                2,
                1,
                2,
                Decimal("0.5"),
                Decimal(-5),
                "no value (-5): small, whatever the rank",
                "无价值（-5）：小客户，不论排名",
            ),
        ),
        (
            "a",
            {"a": 0, "b": 0},
            TierMode.VALUE_SHARE,
            (
                Tier.SMALL,
                1,
                2,
                2,
                Decimal(0),
                Decimal(0),
                "no value (0): small, whatever the rank",
                "无价值（0）：小客户，不论排名",
            ),
        ),
    ],
)
def test_t2_a_tier_is_explained_by_rank_share_and_cut(
    customer: str, values: dict[str, int], mode: TierMode, expected: tuple[object, ...]
) -> None:
    why = explain_tier(customer, values=values, policy=TierPolicy(mode=mode))
    assert (
        why.tier,
        why.rank,
        why.tied,
        why.customers,
        why.share_above,
        why.cut,
        why.reason_en,
        why.reason_zh,
    ) == expected


def test_t2_a_tie_of_two_is_explained() -> None:
    why = explain_tier("b", values={"a": 30, "b": 20, "c": 20, "d": 10})
    assert why.reason_en == (
        "rank 2 of 4 by value, tied with 1 more down to rank 3, 25% of customers above:"
        " small (the top 100% by head count; small from 10)"
    )


# Rules T4-T6: treatment, win-back and relationship --------------------------------------------


@pytest.mark.parametrize(
    ("tier", "upgradeable", "bad", "action"),
    [
        (Tier.VIP, True, False, TierAction.DEDICATED_TEAM),
        (Tier.VIP, False, False, TierAction.DEDICATED_TEAM),
        (Tier.MAJOR, False, False, TierAction.DEDICATED_TEAM),
        (Tier.ORDINARY, True, False, TierAction.RAISE_TIER),
        (Tier.ORDINARY, False, False, TierAction.CUT_SERVICE_COST),
        (Tier.SMALL, True, False, TierAction.NURTURE),
        (Tier.SMALL, False, False, TierAction.PRICE_OUT),
        (Tier.VIP, True, True, TierAction.LET_GO),
        (Tier.ORDINARY, True, True, TierAction.LET_GO),
        (Tier.SMALL, False, True, TierAction.LET_GO),
    ],
)
def test_t4_each_tier_has_its_treatment(
    tier: Tier, upgradeable: bool, bad: bool, action: TierAction
) -> None:
    assert tier_action(tier, upgradeable=upgradeable, bad=bad) is action


@pytest.mark.parametrize(
    ("tier", "bad", "priority"),
    [
        (Tier.VIP, False, WinBack.AT_ALL_COSTS),
        (Tier.MAJOR, False, WinBack.AT_ALL_COSTS),
        (Tier.ORDINARY, False, WinBack.AS_HARD_AS_REASONABLE),
        (Tier.SMALL, False, WinBack.AS_OPPORTUNITY_ALLOWS),
        (Tier.VIP, True, WinBack.GIVE_UP),
        (Tier.SMALL, True, WinBack.GIVE_UP),
    ],
)
def test_t5_each_tier_has_its_win_back_priority(tier: Tier, bad: bool, priority: WinBack) -> None:
    assert winback_priority(tier, bad=bad) is priority


def test_t5_a_lost_customer_is_not_given_up_by_default() -> None:
    assert winback_priority(Tier.SMALL) is WinBack.AS_OPPORTUNITY_ALLOWS
    assert tier_action(Tier.SMALL, upgradeable=True) is TierAction.NURTURE


@pytest.mark.parametrize(
    ("customers", "row"),
    [
        (CustomerCount.MANY, ("basic", "reactive", "accountable")),
        (CustomerCount.MEDIUM, ("reactive", "accountable", "proactive")),
        (CustomerCount.FEW, ("accountable", "proactive", "partnership")),
    ],
)
def test_t6_the_relationship_follows_the_customers_and_the_margin(
    customers: CustomerCount, row: tuple[str, str, str]
) -> None:
    margins = (Margin.LOW, Margin.MEDIUM, Margin.HIGH)
    assert tuple(relationship_level(customers, m).value for m in margins) == row


@pytest.mark.parametrize(
    ("customer", "values", "mode"),
    [
        ("c-50", {**HUNDRED, "d-1": 50, "d-2": 50}, TierMode.HEAD_COUNT),
        ("b", {"a": Decimal("12345.67"), "b": 1, "c": Decimal("0.01")}, TierMode.VALUE_SHARE),
        ("b", {"a": 7, "b": 1, "c": 1}, TierMode.VALUE_SHARE),
    ],
)
def test_t2_an_explanation_does_not_depend_on_the_callers_decimal_context(
    customer: str, values: dict[str, Decimal | int], mode: TierMode
) -> None:
    policy = TierPolicy(mode=mode)
    expected = explain_tier(customer, values=values, policy=policy)
    with decimal.localcontext(prec=3, rounding=decimal.ROUND_DOWN):
        assert explain_tier(customer, values=values, policy=policy) == expected
    with decimal.localcontext(prec=2, rounding=decimal.ROUND_UP):
        assert explain_tier(customer, values=values, policy=policy) == expected


# Rule C4: loose lists -------------------------------------------------------------------------


def test_c4_a_date_time_in_a_loose_list_is_refused_with_a_hint() -> None:
    moment = datetime(2026, 11, 24, tzinfo=UTC)
    with pytest.raises(InvalidInputError) as caught:
        add_working_days(D, 1, holidays=[date(2026, 11, 23), moment])
    assert caught.value.field == f"holidays[{moment!r}]"
    assert caught.value.expected == "a date"
    assert caught.value.hint == "pass value.date() for the calendar day"


def test_c4_empty_loose_lists_beside_a_calendar_are_accepted() -> None:
    assert add_working_days(D, 1, calendar=CAL, holidays=[], workdays=()) == date(2026, 11, 23)
    assert is_working_day(D, calendar=CAL, holidays=set(), workdays=[]) is True


def test_c4_loose_lists_are_read_once_as_given() -> None:
    holidays_ = iter([date(2026, 11, 23)])
    assert add_working_days(D, 1, holidays=holidays_) == date(2026, 11, 24)


# Rule C2: an upcoming occasion keeps its original date private --------------------------------


def test_c2_an_upcoming_occasion_hides_its_original_date_in_its_repr() -> None:
    profile = _profile(birthday=date(1990, 5, 10))
    (found,) = upcoming_occasions(profile, as_of=date(2026, 5, 10), within=timedelta(0))
    assert "1990" not in repr(found)
    assert repr(found).endswith("label=None, original=<hidden>)")


def test_t4_t5_stored_values_of_treatments_and_win_back_priorities_never_change() -> None:
    assert [a.value for a in TierAction] == [
        "dedicated_team",
        "raise_tier",
        "cut_service_cost",
        "nurture",
        "price_out",
        "let_go",
    ]
    assert [w.value for w in WinBack] == [
        "at_all_costs",
        "as_hard_as_reasonable",
        "as_opportunity_allows",
        "give_up",
    ]


def test_t2_a_tie_of_two_is_explained_in_chinese() -> None:
    why = explain_tier("b", values={"a": 30, "b": 20, "c": 20, "d": 10})
    assert why.reason_zh == (
        "按价值排名第2/4，与另外1位并列至第3名，高于该客户的客户占25%："
        "小客户（按客户数前100%；小客户下限 10）"
    )


# Rule C4: counts across several years the calendar does not cover -----------------------------


def test_c4_a_forward_count_names_the_first_uncovered_day_it_reaches() -> None:
    calendar = WorkCalendar(
        name="ACME", covers=[2024], holidays=[date(2025, 12, 30), date(2025, 12, 31)]
    )
    with pytest.raises(OutsideCalendarError) as caught:
        add_working_days(date(2025, 12, 29), 1, calendar=calendar)
    assert caught.value.value == date(2025, 12, 30)


def test_c4_a_backward_count_names_the_first_uncovered_day_it_reaches() -> None:
    calendar = WorkCalendar(
        name="ACME", covers=[2027], holidays=[date(2026, 1, 1), date(2026, 1, 2)]
    )
    with pytest.raises(OutsideCalendarError) as caught:
        add_working_days(date(2026, 1, 5), -1, calendar=calendar)
    assert caught.value.value == date(2026, 1, 4)


def _working_days_between(first: int, last: int, weekend: set[int]) -> int:
    """Working days among the ordinals first..last under a weekly weekend only."""
    return sum(1 for o in range(first, last + 1) if (o + 6) % 7 not in weekend)


def test_c4_a_count_may_end_on_the_last_day_python_knows() -> None:
    start = date(8999, 12, 31)
    n = _working_days_between(start.toordinal() + 1, date.max.toordinal(), {5, 6})
    assert add_working_days(start, n) == date.max  # a Friday


def test_c4_a_count_back_past_the_first_day_python_knows_is_refused() -> None:
    sundays = WorkCalendar(weekend={Weekday.MONDAY})  # 1 January of year 1 was a Monday
    start = date(1000, 1, 1)
    n = _working_days_between(1, start.toordinal() - 1, {0})
    assert add_working_days(start, -n, calendar=sundays) == date(1, 1, 2)
    with pytest.raises(InvalidInputError) as caught:
        add_working_days(start, -n - 1, calendar=sundays)
    assert caught.value.field == "n"


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

    monkeypatch.setattr(_workcalendar, "version", not_found)
    assert WorkCalendar.china(years=[2026]).name == "China (chinesecalendar unknown version)"
