"""Working calendars (rule C4): the value, its sources, its years, and every function using it."""

import importlib.metadata
import json
import pickle
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import attrs
import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

import custrel
from custrel.cadence import (
    Beyond,
    CadencePolicy,
    PoolPolicy,
    Weekday,
    WorkCalendar,
    _workdays,
    add_working_days,
    agenda,
    first_contact_deadline,
    follow_up,
    is_working_day,
    minutes_deadline,
    minutes_steps,
    needs_reassignment,
    next_due,
    pool_status,
    record_deadline,
    record_steps,
)
from custrel.errors import CustrelError, InvalidInputError, OutsideCalendarError, PolicyError
from custrel.grading import Grade
from custrel.models import DealStatus, Need, Opportunity

NATIONAL_DAY = [date(2026, 10, d) for d in range(1, 8)]
MAKE_UP = [date(2026, 10, 10)]
OCTOBER = WorkCalendar(name="October 2026", covers=[2026], holidays=NATIONAL_DAY, workdays=MAKE_UP)
WEEKENDS = attrs.evolve(OCTOBER, beyond=Beyond.WEEKENDS)
CHINA = WorkCalendar.china(beyond=Beyond.REFUSE)  # strict: these tests are about refusal
CN_YEARS = range(2004, 2027)


def every_day(years: range) -> list[date]:
    first, last = date(years.start, 1, 1), date(years.stop - 1, 12, 31)
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# The value -------------------------------------------------------------------------------


def test_the_default_calendar_is_the_plain_week_of_every_year() -> None:
    plain = WorkCalendar()
    assert plain.weekend == {Weekday.SATURDAY, Weekday.SUNDAY}
    assert plain.covers is None
    assert add_working_days(date(1900, 1, 5), 1, calendar=plain) == date(1900, 1, 8)
    assert add_working_days(date(2900, 1, 5), 1, calendar=plain) == add_working_days(
        date(2900, 1, 5), 1
    )


def test_lists_and_ranges_become_frozensets() -> None:
    calendar = WorkCalendar(covers=range(2026, 2028), holidays=NATIONAL_DAY, workdays=(MAKE_UP[0],))
    assert calendar.covers == frozenset({2026, 2027})
    assert calendar.holidays == frozenset(NATIONAL_DAY)
    assert calendar.workdays == frozenset(MAKE_UP)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": " "}, "WorkCalendar.name"),
        ({"weekend": {"saturday"}}, "WorkCalendar.weekend"),
        ({"weekend": "saturday"}, "WorkCalendar.weekend"),
        ({"weekend": set(Weekday)}, "WorkCalendar.weekend"),
        ({"covers": 2026}, "WorkCalendar.covers"),
        ({"covers": [2026.0]}, "WorkCalendar.covers"),
        ({"covers": [True]}, "WorkCalendar.covers"),
        ({"covers": [10_000]}, "WorkCalendar.covers"),
        ({"covers": [2026], "holidays": "2026-10-01"}, "WorkCalendar.holidays"),
        ({"covers": [2026], "holidays": ["2026-10-01"]}, "WorkCalendar.holidays['2026-10-01']"),
        (
            {"covers": [2026], "workdays": [datetime(2026, 10, 10, tzinfo=UTC)]},
            (
                "WorkCalendar.workdays[datetime.datetime(2026, 10, 10, 0, 0, "
                "tzinfo=datetime.timezone.utc)]"
            ),
        ),
        ({"covers": [2026], "holidays": MAKE_UP, "workdays": MAKE_UP}, "WorkCalendar.workdays"),
        ({"holidays": NATIONAL_DAY}, "WorkCalendar.covers"),
        ({"workdays": MAKE_UP}, "WorkCalendar.covers"),
        ({"beyond": "weekends"}, "WorkCalendar.beyond"),
    ],
)
def test_malformed_calendars_are_refused(fields: dict[str, object], field: str) -> None:
    with pytest.raises(PolicyError) as info:
        WorkCalendar(**fields)  # type: ignore[arg-type]
    assert info.value.field == field


def test_a_seven_day_weekend_is_refused_but_an_empty_one_is_a_seven_day_week() -> None:
    with pytest.raises(PolicyError, match="at most 6 days"):
        WorkCalendar(weekend=frozenset(Weekday))
    always = WorkCalendar(weekend=frozenset())
    assert add_working_days(date(2026, 11, 20), 2, calendar=always) == date(2026, 11, 22)


def test_repr_summarises_the_days() -> None:
    assert repr(OCTOBER) == (
        "WorkCalendar(name='October 2026', weekend={saturday, sunday}, covers=<2026>, "
        "holidays=<7 days>, workdays=<1 days>, beyond=<Beyond.REFUSE: 'refuse'>)"
    )
    gaps = WorkCalendar(covers=[2020, 2021, 2024])
    assert "covers=<2020-2021, 2024>" in repr(gaps)
    assert "covers=None" in repr(WorkCalendar())


def test_round_trip_keeps_the_value_and_its_fingerprint() -> None:
    data = CHINA.to_dict()
    assert data["covers"][:2] == [2004, 2005]
    assert data["weekend"] == ["saturday", "sunday"]
    assert WorkCalendar.from_dict(data) == CHINA
    assert WorkCalendar.from_dict(json.loads(json.dumps(data))).fingerprint() == CHINA.fingerprint()
    assert custrel.loads(WorkCalendar, custrel.dumps(OCTOBER)) == OCTOBER


def test_fingerprints_differ_when_the_days_do() -> None:
    assert OCTOBER.fingerprint() != OCTOBER.with_days_off([date(2026, 10, 9)]).fingerprint()
    assert OCTOBER.fingerprint() != WEEKENDS.fingerprint()
    assert len(OCTOBER.fingerprint()) == 16


def test_calendars_pickle_and_hash() -> None:
    copy = pickle.loads(pickle.dumps(CHINA))  # noqa: S301 - our own bytes
    assert copy == CHINA
    assert hash(copy) == hash(CHINA)
    assert add_working_days(date(2026, 9, 30), 2, calendar=copy) == date(2026, 10, 9)


def test_from_dict_reads_strictly() -> None:
    with pytest.raises(PolicyError) as info:
        WorkCalendar.from_dict(
            {"covers": ["2026"], "holidays": ["2026-13-01"], "weekend": ["sat"], "colour": 1}
        )
    # The value problem of covers comes with the type problems, not on a second attempt.
    assert sorted(e.field for e in info.value.errors) == [
        "colour",
        "covers",
        "holidays[0]",
        "weekend[0]",
    ]


# The years covered -----------------------------------------------------------------------


def test_a_day_outside_the_years_is_refused_with_the_calendar_the_day_and_the_way_out() -> None:
    with pytest.raises(OutsideCalendarError) as info:
        is_working_day(date(2027, 1, 4), calendar=CHINA)
    error = info.value
    assert error.calendar == CHINA.name
    assert error.value == date(2027, 1, 4)
    message = str(error)
    assert "chinesecalendar" in message
    assert "(2004-2026)" in message
    assert "calendar.with_year(2027" in message
    assert "beyond=Beyond.WEEKENDS" in message
    assert isinstance(error, InvalidInputError)
    assert isinstance(error, ValueError)


@pytest.mark.parametrize(
    ("start", "n", "day"),
    [
        (date(2026, 12, 30), 2, date(2027, 1, 1)),  # the first day counted past the data
        (date(2026, 12, 31), 1, date(2027, 1, 1)),
        (date(2027, 1, 4), 1, date(2027, 1, 5)),  # starting past the data
        (date(2004, 1, 2), -2, date(2003, 12, 31)),  # counting back before it
        (date(2003, 12, 1), -1, date(2003, 11, 30)),
        (date(2026, 12, 1), 60, date(2027, 1, 1)),  # a long count, jumping
        (date(2004, 2, 1), -60, date(2003, 12, 31)),
    ],
)
def test_counting_past_the_years_is_refused_at_the_first_day_outside(
    start: date, n: int, day: date
) -> None:
    with pytest.raises(OutsideCalendarError) as info:
        add_working_days(start, n, calendar=CHINA)
    assert info.value.value == day
    assert f"counting {n} working days from {start}" in str(info.value)


def test_a_gap_in_the_years_is_refused_too() -> None:
    gap = WorkCalendar(name="gap", covers=[2024, 2026])
    with pytest.raises(OutsideCalendarError) as forward:
        add_working_days(date(2024, 12, 1), 400, calendar=gap)
    assert forward.value.value == date(2025, 1, 1)
    with pytest.raises(OutsideCalendarError) as back:
        add_working_days(date(2026, 2, 1), -400, calendar=gap)
    assert back.value.value == date(2025, 12, 31)
    assert "(2024, 2026)" in str(back.value)


def test_no_year_at_all_is_said_so() -> None:
    with pytest.raises(OutsideCalendarError, match=r"covers \(no year\)"):
        is_working_day(date(2026, 1, 5), calendar=WorkCalendar(name="empty", covers=[]))


def test_n_zero_looks_at_no_day() -> None:
    assert add_working_days(date(2030, 1, 1), 0, calendar=CHINA) == date(2030, 1, 1)


def test_beyond_weekends_counts_weekends_past_the_years() -> None:
    china = WorkCalendar.china(beyond=Beyond.WEEKENDS)
    assert add_working_days(date(2026, 12, 30), 2, calendar=china) == date(2027, 1, 1)
    assert is_working_day(date(2027, 2, 8), calendar=china)  # a Monday, whatever 2027 brings
    assert not is_working_day(date(2027, 2, 6), calendar=china)  # a Saturday
    assert add_working_days(date(2026, 9, 30), 2, calendar=china) == date(2026, 10, 9)


def test_listed_days_count_past_the_years_with_the_fallback() -> None:
    planned = WEEKENDS.with_days_off([date(2027, 1, 4)])
    assert not is_working_day(date(2027, 1, 4), calendar=planned)
    with pytest.raises(OutsideCalendarError):
        is_working_day(date(2027, 1, 4), calendar=OCTOBER.with_days_off([date(2027, 1, 4)]))


# Your own days -----------------------------------------------------------------------------


def test_with_days_off_wins_over_a_make_up_day() -> None:
    calendar = OCTOBER.with_days_off([date(2026, 10, 10), date(2026, 10, 9)])
    assert date(2026, 10, 10) in calendar.holidays
    assert date(2026, 10, 10) not in calendar.workdays
    assert add_working_days(date(2026, 9, 30), 2, calendar=calendar) == date(2026, 10, 12)
    assert calendar.covers == OCTOBER.covers
    assert calendar.name == OCTOBER.name


def test_with_working_days_wins_over_a_holiday() -> None:
    calendar = OCTOBER.with_working_days([date(2026, 10, 2)])
    assert add_working_days(date(2026, 9, 30), 1, calendar=calendar) == date(2026, 10, 2)
    assert date(2026, 10, 2) not in calendar.holidays


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: OCTOBER.with_days_off("2026-10-09"), "days"),  # type: ignore[arg-type]
        (lambda: OCTOBER.with_days_off(["2026-10-09"]), "days['2026-10-09']"),  # type: ignore[list-item]
        (lambda: OCTOBER.with_working_days([None]), "days[None]"),  # type: ignore[list-item]
        (lambda: OCTOBER.with_year("2027"), "year"),  # type: ignore[arg-type]
        (lambda: OCTOBER.with_year(2027, days_off=[1]), "days_off[1]"),  # type: ignore[list-item]
        (lambda: OCTOBER.with_year(2027, working_days=3), "working_days"),  # type: ignore[arg-type]
        (
            lambda: OCTOBER.with_year(
                2027, days_off=[date(2027, 1, 1)], working_days=[date(2027, 1, 1)]
            ),
            "working_days",
        ),
    ],
)
def test_own_days_are_checked(call: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()  # type: ignore[operator]
    assert info.value.field == field


def test_with_year_adds_next_years_schedule() -> None:
    schedule_2027 = {  # an example, not the official 2027 schedule
        "days_off": [date(2027, 1, 1), date(2027, 2, 8), date(2026, 12, 28)],
        "working_days": [date(2027, 2, 20), date(2026, 10, 10)],
    }
    extended = CHINA.with_year(2027, **schedule_2027)
    assert extended.covers == frozenset(CN_YEARS) | {2027}
    assert not is_working_day(date(2027, 2, 8), calendar=extended)
    assert is_working_day(date(2027, 2, 20), calendar=extended)
    assert not is_working_day(date(2026, 12, 28), calendar=extended)  # moved by the new schedule
    assert add_working_days(date(2026, 12, 30), 2, calendar=extended) == date(2027, 1, 4)


def test_with_year_on_the_plain_week_covers_that_year_only() -> None:
    calendar = WorkCalendar().with_year(2027, days_off=[date(2027, 1, 1)])
    assert calendar.covers == frozenset({2027})
    with pytest.raises(OutsideCalendarError):
        is_working_day(date(2026, 1, 1), calendar=calendar)


def test_own_days_on_the_plain_week_need_the_years() -> None:
    with pytest.raises(PolicyError, match="covers"):
        WorkCalendar().with_days_off([date(2026, 12, 24)])


# China: chinesecalendar -----------------------------------------------------------------------


def test_china_covers_the_years_chinesecalendar_has() -> None:
    assert CHINA.covers == frozenset(CN_YEARS)
    assert CHINA.name.startswith("China (chinesecalendar ")
    assert CHINA.weekend == {Weekday.SATURDAY, Weekday.SUNDAY}


def test_china_for_some_years() -> None:
    recent = WorkCalendar.china(years=[2025, 2026], beyond=Beyond.REFUSE)
    assert recent.covers == frozenset({2025, 2026})
    assert all(d.year in {2025, 2026} for d in recent.holidays | recent.workdays)
    assert add_working_days(date(2026, 9, 30), 2, calendar=recent) == date(2026, 10, 9)


@pytest.mark.parametrize(("years", "field"), [([2027], "years[2027]"), ("2026", "years")])
def test_china_refuses_years_it_has_no_data_for(years: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        WorkCalendar.china(years=years)  # type: ignore[arg-type]
    assert info.value.field == field
    assert "2004..2026" in str(info.value) or field == "years"


def test_china_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "chinese_calendar", None)
    with pytest.raises(CustrelError, match=r'pip install "custrel\[cn\]"'):
        WorkCalendar.china()


@pytest.mark.parametrize(
    ("start", "n", "expected", "why"),
    [
        (date(2026, 9, 30), 2, date(2026, 10, 9), "National Day week and the Friday after"),
        (date(2026, 10, 8), 2, date(2026, 10, 10), "the make-up Saturday 10 October counts"),
        (date(2026, 2, 12), 2, date(2026, 2, 14), "the make-up Saturday before Spring Festival"),
        (date(2026, 2, 13), 1, date(2026, 2, 14), "Friday + 1 is that Saturday"),
        (date(2026, 2, 14), 1, date(2026, 2, 24), "Spring Festival, 15-23 February"),
        (date(2025, 12, 31), 1, date(2026, 1, 4), "New Year 1-3 January, the Sunday worked"),
    ],
)
def test_c4_with_chinas_calendar(start: date, n: int, expected: date, why: str) -> None:
    assert add_working_days(start, n, calendar=CHINA) == expected, why


# Any country: python-holidays -----------------------------------------------------------------

# The one day on which the two sources for China disagree in 2004-2026 (docs/cadence.md).
# The State Council's notice for 2006 (国办发明电(2005)35号) moved the weekend of 31
# December 2005 and 1 January 2006 to 2-3 January: "12月31日(星期六)上班". python-holidays
# has it; chinesecalendar keeps 2-3 January off but leaves 31 December a plain Saturday.
KNOWN_DIFFERENCES = {date(2005, 12, 31): {"chinesecalendar": False, "python-holidays": True}}


def test_the_two_sources_for_china_agree_day_by_day_but_for_the_documented_days() -> None:
    from_holidays = WorkCalendar.from_holidays(holidays.country_holidays("CN", years=CN_YEARS))
    assert from_holidays.covers == CHINA.covers
    differences = {
        day: {
            "chinesecalendar": is_working_day(day, calendar=CHINA),
            "python-holidays": is_working_day(day, calendar=from_holidays),
        }
        for day in every_day(CN_YEARS)
        if is_working_day(day, calendar=CHINA) != is_working_day(day, calendar=from_holidays)
    }
    assert differences == KNOWN_DIFFERENCES


def test_from_holidays_reproduces_python_holidays_day_by_day() -> None:
    source = holidays.country_holidays("CN", years=[2025, 2026])
    calendar = WorkCalendar.from_holidays(source)
    for day in every_day(range(2025, 2027)):
        assert is_working_day(day, calendar=calendar) == source.is_working_day(day), day
    assert calendar.name == f"CN (python-holidays {importlib.metadata.version('holidays')})"


def test_from_holidays_reads_other_weekends() -> None:
    source = holidays.country_holidays("AE", years=[2021, 2022])  # Fri-Sat, then Sat-Sun
    calendar = WorkCalendar.from_holidays(source)
    assert calendar.weekend == {Weekday.SATURDAY, Weekday.SUNDAY}  # as of the last year
    for day in every_day(range(2021, 2023)):
        assert is_working_day(day, calendar=calendar) == source.is_working_day(day), day
    gulf_2021 = WorkCalendar.from_holidays(holidays.country_holidays("AE", years=2021))
    assert gulf_2021.weekend == {Weekday.FRIDAY, Weekday.SATURDAY}
    assert add_working_days(date(2021, 11, 25), 1, calendar=gulf_2021) == date(2021, 11, 28)


def test_from_holidays_names_subdivisions_and_markets() -> None:
    california = WorkCalendar.from_holidays(
        holidays.country_holidays("US", subdiv="CA", years=2026)
    )
    assert california.name.startswith("US-CA (python-holidays ")
    nyse = WorkCalendar.from_holidays(holidays.financial_holidays("NYSE", years=2026), name="NYSE")
    assert nyse.name == "NYSE"
    assert not is_working_day(date(2026, 11, 26), calendar=nyse)  # Thanksgiving


def test_from_holidays_refuses_chinese_years_python_holidays_only_estimates() -> None:
    with pytest.raises(InvalidInputError) as info:
        WorkCalendar.from_holidays(holidays.country_holidays("CN", years=[2026, 2027]))
    assert info.value.field == "holidays.years"
    assert info.value.value == [2027]
    assert "with_year" in str(info.value)


def test_from_holidays_refuses_a_sum_that_lost_chinas_make_up_days() -> None:
    both = holidays.country_holidays("CN", years=2026) + holidays.country_holidays("HK", years=2026)
    with pytest.raises(InvalidInputError, match="a sum of holiday objects"):
        WorkCalendar.from_holidays(both)


def test_from_holidays_names_a_sum_by_its_countries() -> None:
    both = holidays.country_holidays("DE", years=2026) + holidays.country_holidays("FR", years=2026)
    assert WorkCalendar.from_holidays(both).name.startswith("DE+FR (python-holidays ")


@given(st.from_type(WorkCalendar))
def test_hypothesis_knows_work_calendars(calendar: WorkCalendar) -> None:
    assert calendar.covers is None or calendar.covers


@pytest.mark.parametrize("source", [None, {}, holidays.country_holidays("CN")])
def test_from_holidays_needs_a_holidays_object_with_years(source: object) -> None:
    with pytest.raises(InvalidInputError, match="python-holidays object"):
        WorkCalendar.from_holidays(source)  # type: ignore[arg-type]


# Files -------------------------------------------------------------------------------------


def test_a_calendar_round_trips_through_a_json_file(tmp_path: Path) -> None:
    path = tmp_path / "china.json"
    path.write_text(custrel.dumps(CHINA), encoding="utf-8")
    assert WorkCalendar.from_file(path).fingerprint() == CHINA.fingerprint()


def test_a_toml_file_with_dates_and_strings(tmp_path: Path) -> None:
    path = tmp_path / "acme.TOML"
    path.write_text(
        'name = "ACME"\nweekend = ["friday", "saturday"]\ncovers = [2026, 2027]\n'
        'holidays = [2026-12-24, "2026-12-31"]\nworkdays = [2026-12-26]\n',
        encoding="utf-8",
    )
    acme = WorkCalendar.from_file(str(path))
    assert acme.holidays == {date(2026, 12, 24), date(2026, 12, 31)}
    assert acme.weekend == {Weekday.FRIDAY, Weekday.SATURDAY}
    assert is_working_day(date(2026, 12, 26), calendar=acme)
    assert acme.beyond is Beyond.REFUSE


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.toml", "covers = [2026", "a TOML document"),
        ("a.json", '{"covers": [2026', "a JSON document"),
        ("a.json", '{"covers": [NaN]}', "NaN is not a number"),
        ("a.json", "[2026]", "an object with the calendar's fields"),
        ("a.yaml", "covers: [2026]", "a .toml or .json file"),
        ("a.toml", "covers = [2026.0]", r"a.toml: covers: expected an int"),
        ("a.toml", "covers = [2026]\nholidays = [2026-10-01T00:00:00]", "a.toml: holidays"),
        ("a.json", '{"covers": [2026], "holiday": ["2026-10-01"]}', "a.json: holiday: expected"),
        ("a.json", '{"covers": [true]}', "a.json: covers"),
    ],
)
def test_files_are_read_strictly(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError, match=message):
        WorkCalendar.from_file(path)


def test_every_problem_in_a_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"covers": "2026", "beyond": "never"}', encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        WorkCalendar.from_file(path)
    assert sorted(e.field for e in info.value.errors) == ["bad.json: beyond", "bad.json: covers"]


# Every working-day function takes calendar= ------------------------------------------------


def test_deadlines_and_steps_take_a_calendar() -> None:
    assert record_deadline(date(2026, 9, 30), calendar=CHINA) == date(2026, 10, 9)
    assert minutes_deadline(date(2026, 10, 8), calendar=CHINA) == date(2026, 10, 10)
    steps = minutes_steps(date(2026, 9, 30), calendar=CHINA)
    assert [s.due for s in steps] == [
        date(2026, 10, 9),
        date(2026, 10, 10),
        date(2026, 10, 10),
        date(2026, 10, 12),
    ]
    assert record_steps(date(2026, 9, 30), calendar=CHINA)[1].due == date(2026, 10, 10)


def test_pool_functions_take_a_calendar() -> None:
    working = PoolPolicy(first_contact_days=3, working_days=True)
    assert first_contact_deadline(date(2026, 9, 29), policy=working, calendar=CHINA) == date(
        2026, 10, 9
    )
    assert not needs_reassignment(
        date(2026, 9, 29), None, as_of=date(2026, 10, 9), policy=working, calendar=CHINA
    )
    status = pool_status(
        date(2026, 9, 29), [], as_of=date(2026, 10, 8), policy=working, calendar=CHINA
    )
    assert status.returns_on == date(2026, 10, 10)
    with pytest.raises(OutsideCalendarError):
        pool_status(
            date(2026, 12, 28), [], as_of=date(2026, 12, 28), policy=working, calendar=CHINA
        )


def test_cadence_functions_take_a_calendar() -> None:
    daily = CadencePolicy(daily_on_working_days=True)
    assert next_due(
        Grade.A, date(2026, 9, 30), as_of=date(2026, 10, 1), policy=daily, calendar=CHINA
    ) == date(2026, 10, 8)
    deal = Opportunity(
        customer_id="c-1",
        need=Need.EXPLICIT,
        expected_close=date(2026, 10, 15),
        status=DealStatus.NEGOTIATING,
    )
    assert follow_up(deal, date(2026, 9, 30), policy=daily, calendar=CHINA).next_due == date(
        2026, 10, 8
    )
    items = agenda(
        [("c-1", Grade.A, date(2026, 9, 30))], as_of=date(2026, 10, 9), policy=daily, calendar=CHINA
    )
    assert [(i.customer_id, i.due) for i in items] == [("c-1", date(2026, 10, 8))]


def test_lists_beside_a_calendar_are_refused() -> None:
    with pytest.raises(InvalidInputError) as info:
        add_working_days(date(2026, 9, 30), 2, calendar=CHINA, holidays=NATIONAL_DAY)
    assert info.value.field == "holidays"
    assert "with_days_off" in str(info.value)
    with pytest.raises(InvalidInputError) as info:
        record_deadline(date(2026, 9, 30), calendar=CHINA, workdays=iter(MAKE_UP))
    assert info.value.field == "workdays"


def test_empty_lists_beside_a_calendar_are_harmless() -> None:
    assert add_working_days(date(2026, 9, 30), 2, calendar=CHINA, holidays=[], workdays=()) == date(
        2026, 10, 9
    )


@pytest.mark.parametrize("calendar", ["china", CHINA.to_dict(), [NATIONAL_DAY]])
def test_a_calendar_must_be_a_work_calendar(calendar: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        is_working_day(date(2026, 10, 1), calendar=calendar)  # type: ignore[arg-type]
    assert info.value.field == "calendar"


def test_the_loose_lists_are_the_same_as_a_calendar_of_every_year() -> None:
    for day in every_day(range(2026, 2027)):
        assert is_working_day(day, holidays=NATIONAL_DAY, workdays=MAKE_UP) == is_working_day(
            day, calendar=OCTOBER
        )
        assert _workdays._working(day, frozenset(NATIONAL_DAY), frozenset(MAKE_UP)) == (
            is_working_day(day, calendar=OCTOBER)
        )


# Long counts -------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [33, 250, 2500, -33, -250, -2500])
def test_long_counts_jump_and_agree_with_walking(n: int) -> None:
    start = date(2015, 6, 15)
    day, left, step = start, abs(n), timedelta(days=1 if n > 0 else -1)
    while left:
        day += step
        left -= is_working_day(day, calendar=CHINA)
    assert add_working_days(start, n, calendar=CHINA) == day


@pytest.mark.parametrize(
    ("start", "n"),
    [
        (date(8999, 12, 24), 300_000),
        (date(8999, 12, 1), 10**9),
        (date(1000, 1, 3), -300_000),
        (date(1000, 2, 1), -(10**9)),
    ],
)
def test_counts_past_the_years_python_knows_are_refused(start: date, n: int) -> None:
    with pytest.raises(InvalidInputError) as info:
        add_working_days(start, n)
    assert info.value.field == "n"


def test_a_long_count_on_a_short_week() -> None:
    six_off = WorkCalendar(weekend=set(Weekday) - {Weekday.WEDNESDAY})
    assert add_working_days(date(2026, 11, 23), 100, calendar=six_off) == date(2026, 11, 25) + (
        timedelta(weeks=99)
    )


class LocalDate(date):
    """A date subclass, as some libraries hand out."""


def test_date_subclasses_are_days_in_the_loose_lists() -> None:
    holiday = LocalDate(2026, 11, 23)
    assert add_working_days(date(2026, 11, 20), 1, holidays=[holiday]) == date(2026, 11, 24)
