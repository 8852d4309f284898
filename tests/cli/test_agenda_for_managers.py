"""Issue 25: the agenda and report a sales manager works from (rules C1, G1, T1, Y1)."""

import csv
import io as stdio
import json
import pathlib
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custrel import io
from custrel.__main__ import main
from custrel._cli import _portfolio, _reading, _render, _sample
from custrel.cadence import Beyond, CadencePolicy, WorkCalendar
from custrel.models import Purchase
from custrel.tiering import rfm_scores

AS_OF = date(2026, 11, 20)


def call(*args: str) -> tuple[int, str, str]:
    out, err = stdio.StringIO(), stdio.StringIO()
    status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def jsonl(*args: str) -> list[dict[str, Any]]:
    status, out, err = call(*args, "--format", "jsonl")
    assert status == 0, err
    return [json.loads(line) for line in out.splitlines()]


def write(folder: pathlib.Path, **tables: str) -> pathlib.Path:
    folder.mkdir(exist_ok=True)
    for name, text in tables.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    (folder / "portfolio.json").write_text('{"as_of": "2026-11-20"}')
    return folder


PROFILES = (
    "customer_id,person.name,owner,created_on\n"
    "c-1,Wang Fang,rep-1,2025-03-01\n"
    "c-2,Li Wei,rep-2,2025-03-01\n"
    'c-3,=HYPERLINK("http://x"),rep-1,2025-03-01\n'
    "c-4,Zhao Min,rep-2,2025-03-01\n"
)
OPPORTUNITIES = (
    "customer_id,need,status,expected_close,amount\n"
    "c-1,explicit,negotiating,2027-01-10,500\n"  # B: weekly
    "c-2,none,closed,,\n"  # E: yearly
    "c-3,explicit,negotiating,2026-12-01,500\n"  # A: daily
    "c-4,none,closed,,\n"  # E: yearly
)


@pytest.fixture
def shop(tmp_path: pathlib.Path) -> pathlib.Path:
    """c-1 (B) phoned 973 days ago but bought two weeks ago; c-2 (E) a repeat buyer with no
    open need; c-3 (A) never touched; c-4 (E) no need and no purchase for years."""
    long_ago = (AS_OF - timedelta(days=973)).isoformat()
    return write(
        tmp_path / "shop",
        profiles=PROFILES,
        opportunities=OPPORTUNITIES,
        contacts=(f"customer_id,at,channel,direction\nc-1,{long_ago}T10:00:00Z,phone,outbound\n"),
        purchases=(
            "customer_id,at,product,amount,order_id\n"
            "c-1,2026-11-06T10:00:00Z,tea,88.00,o-1\n"
            "c-2,2026-06-01T10:00:00Z,tea table,2600.00,o-2\n"
            "c-2,2026-08-01T10:00:00Z,tea table,2600.00,o-3\n"
            "c-2,2026-10-01T10:00:00Z,tea table,2600.00,o-4\n"
            "c-4,2023-01-01T10:00:00Z,tea,88.00,o-5\n"
        ),
    )


def by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["customer_id"]: row for row in rows}


def test_c1_a_purchase_two_weeks_ago_is_a_touch_not_973_days_overdue(shop: pathlib.Path) -> None:
    report = by_id(jsonl("report", str(shop)))
    c1 = report["c-1"]
    assert (c1["last_touch"], c1["last_touch_kind"]) == ("2026-11-06", "purchase")
    assert (c1["next_due"], c1["days_overdue"]) == ("2026-11-13", 7)
    assert c1["why_due"] == ("grade B · weekly; last touch 2026-11-06 (purchase); due 2026-11-13")


def test_every_graded_customer_has_a_next_due_day_due_or_not(shop: pathlib.Path) -> None:
    report = by_id(jsonl("report", str(shop)))
    c2 = report["c-2"]
    assert (c2["next_due"], c2["days_overdue"]) == ("2027-10-01", -315)
    assert c2["why_due"].endswith("last touch 2026-10-01 (purchase); due 2027-10-01")
    assert report["c-3"]["why_due"] == ("grade A · daily; no touch yet; due at once (2026-11-20)")
    agenda = [row["customer_id"] for row in jsonl("agenda", str(shop))]
    assert agenda == ["c-3", "c-1", "c-4"]  # A, B, then E; c-2 (E) is not due
    assert all(report[cid]["days_overdue"] >= 0 for cid in agenda)


def test_g1_grade_e_is_dead_only_without_a_recent_purchase(shop: pathlib.Path) -> None:
    report = by_id(jsonl("report", str(shop)))
    assert "no open need, but bought on 2026-10-01" in report["c-2"]["grade_reason"]
    assert "dead customer" not in report["c-2"]["grade_reason"]
    assert "dead customer" in report["c-4"]["grade_reason"]
    chinese = by_id(jsonl("report", str(shop), "--lang", "zh"))
    assert "死亡客户" not in chinese["c-2"]["grade_reason"]
    assert "死亡客户" in chinese["c-4"]["grade_reason"]


def test_t1_rfm_scores_buyers_only_as_rfm_scores_does(shop: pathlib.Path) -> None:
    report = by_id(jsonl("report", str(shop)))
    assert report["c-3"]["r"] is None
    assert report["c-3"]["segment"] is None
    purchases = list(io.read_csv(Purchase, shop / "purchases.csv"))
    library = rfm_scores(purchases, as_of=AS_OF)
    assert {cid for cid, row in report.items() if row["r"] is not None} == set(library)
    for cid, score in library.items():
        assert (report[cid]["r"], report[cid]["f"], report[cid]["m"]) == (score.r, score.f, score.m)


def test_y1_loyalty_says_how_much_of_it_is_known(shop: pathlib.Path) -> None:
    report = by_id(jsonl("report", str(shop)))
    assert report["c-2"]["loyalty_known"] == "2/6"
    status, out, _ = call("report", str(shop))
    assert status == 0
    line = next(line for line in out.splitlines() if line.startswith("c-2 "))
    assert f"{Decimal(report['c-2']['loyalty']):.0f} · 2/6" in line


def test_owner_filters_the_agenda_only(shop: pathlib.Path) -> None:
    assert [row["customer_id"] for row in jsonl("agenda", str(shop), "--owner", "rep-2")] == ["c-4"]
    assert [row["customer_id"] for row in jsonl("agenda", str(shop), "--owner", "rep-1")] == [
        "c-3",
        "c-1",
    ]
    both = jsonl("agenda", str(shop), "--owner", "rep-1", "--owner", "rep-2")
    assert len(both) == 3
    status, out, _ = call("agenda", str(shop), "--owner", "nobody")
    assert status == 0
    assert "No follow-up is due." in out
    assert "Customers by grade: A 1 · B 1 · C 0 · D 0 · E 2" in out  # the whole portfolio


def test_the_csv_opens_in_excel_and_runs_no_formula(shop: pathlib.Path) -> None:
    status, out, _ = call("report", str(shop), "--format", "csv")
    assert status == 0
    assert out.startswith("\ufeffcustomer_id,")
    rows = by_id(list(csv.DictReader(out.removeprefix("\ufeff").splitlines())))
    assert rows["c-3"]["name"] == '\'=HYPERLINK("http://x")'
    assert rows["c-2"]["days_overdue"] == "-315"  # a number stays a number
    _, plain, _ = call("report", str(shop), "--format", "csv", "--no-bom")
    assert plain.startswith("customer_id,")
    assert by_id(jsonl("report", str(shop)))["c-3"]["name"] == '=HYPERLINK("http://x")'


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-12.50", "-12.50"),
        ("+3", "+3"),
        ("\t-1", "'\t-1"),
        ("-Infinity", "'-Infinity"),
        ("-NaN", "'-NaN"),
        ("-1_000", "'-1_000"),
        ("-1e9", "'-1e9"),
        ("+1 ", "'+1 "),
        ("-\u0661\u0662", "'-\u0661\u0662"),
        ("Wang Fang", "Wang Fang"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised_numbers_are_not(cell: str, written: str) -> None:
    assert _render.neutralised(cell) == written


def test_the_policies_are_said_in_peoples_words(shop: pathlib.Path, tmp_path: pathlib.Path) -> None:
    policy = tmp_path / "ours.toml"
    policy.write_text(
        '[cadence]\ncadences = { A = "daily", B = { days = 10 }, C = "semimonthly",'
        ' D = "monthly", E = "yearly" }\n',
        encoding="utf-8",
    )
    status, out, _ = call("agenda", str(shop), "--policy", str(policy))
    assert status == 0
    lines = out.splitlines()
    start = lines.index(f"Policies: from {policy}")
    assert lines[start + 1] == "  follow-up cadence: cadences.B.days = 10"
    assert lines[start + 2] == "  every other policy as the rule book"
    assert lines[start + 3].startswith("  fingerprints: grading ")
    assert "grade B · every 10 days; last touch 2026-11-06 (purchase); due 2026-11-16" in out
    status, out, _ = call("agenda", str(shop), "--policy", str(policy), "--lang", "zh")
    assert f"策略：来自 {policy}" in out
    assert "  跟进频率：cadences.B" in out
    assert "  指纹：客户分级 " in out
    assert "policies:" not in out.replace(str(policy), "")


def test_the_chinese_table_says_everything_in_chinese(shop: pathlib.Path) -> None:
    status, out, _ = call("agenda", str(shop), "--lang", "zh")
    assert status == 0
    header = next(line for line in out.splitlines() if line.startswith("客户 "))
    for word in ("姓名", "负责人", "等级", "逾期天数", "上次接触", "下次跟进", "价值", "跟进依据"):
        assert word in header
    assert "B级 · 周志：每周至少一次；上次接触 2026-11-06（购买）；应跟进日 2026-11-13" in out
    assert "按 RFM 分群的客户数：" in out
    assert "尚未购买 1" in out


def test_sorting_by_grade_breaks_ties_by_overdue_then_value(tmp_path: pathlib.Path) -> None:
    folder = write(
        tmp_path / "ties",
        profiles="customer_id,created_on\nc-1,2025-01-01\nc-2,2025-01-01\nc-3,2025-01-01\n",
        opportunities=(
            "customer_id,need,status,expected_close\n"
            "c-1,explicit,negotiating,2026-12-01\n"
            "c-2,explicit,negotiating,2026-12-01\n"
            "c-3,explicit,negotiating,2026-12-01\n"
        ),
        purchases=(
            "customer_id,at,product,amount\n"
            "c-1,2026-11-10T10:00:00Z,tea,10\n"
            "c-2,2026-11-10T10:00:00Z,tea,900\n"
            "c-3,2026-11-01T10:00:00Z,tea,5\n"
        ),
    )
    rows = jsonl("agenda", str(folder))
    assert [row["customer_id"] for row in rows] == ["c-3", "c-2", "c-1"]
    assert [row["days_overdue"] for row in rows] == [18, 9, 9]


def test_an_empty_and_a_one_customer_portfolio(tmp_path: pathlib.Path) -> None:
    empty = write(tmp_path / "empty", profiles="customer_id,created_on\n")
    status, out, _ = call("agenda", str(empty))
    assert status == 0
    assert "No follow-up is due." in out
    assert "no purchase yet 0" in out
    one = write(
        tmp_path / "one",
        profiles="customer_id,created_on\nc-1,2024-02-29\n",
        opportunities="customer_id,need,status,expected_close\nc-1,explicit,negotiating,2026-12-01\n",
        purchases="customer_id,at,product,amount\nc-1,2024-02-29T10:00:00Z,tea,10\n",
    )
    rows = jsonl("agenda", str(one))
    assert [(r["last_touch"], r["next_due"], r["days_overdue"]) for r in rows] == [
        ("2024-02-29", "2024-03-01", 994)
    ]


def _judged(
    folder: pathlib.Path,
    *,
    as_of: date = AS_OF,
    policies: io.Policies | None = None,
    **options: Any,
) -> _portfolio.Portfolio:
    return _portfolio.judge_portfolio(
        _reading.find_tables(folder)[0],
        as_of=as_of,
        policies=policies or io.Policies(),
        lang="en",
        within=timedelta(days=30),
        tz=None,
        strict=True,
        on_bad=print,
        on_unreadable=print,
        **options,
    )


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 10_000), customers=st.integers(0, 30))
def test_the_agenda_counts_and_order_agree_with_every_customer(
    tmp_path_factory: pytest.TempPathFactory, seed: int, customers: int
) -> None:
    folder = tmp_path_factory.mktemp("drawn")
    _sample.write_portfolio(folder, customers, seed=seed, as_of=AS_OF)
    portfolio = _judged(folder)
    graded = [c for c in portfolio.customers if c.grade is not None]
    assert all(c.next_due is not None for c in graded)
    assert all(c.next_due is None for c in portfolio.customers if c.grade is None)
    due = {c.customer_id for c in graded if c.next_due is not None and c.next_due <= AS_OF}
    assert {c.customer_id for c in portfolio.agenda} == due
    keys = [(c.grade, -(c.days_overdue or 0), -c.value, c.customer_id) for c in portfolio.agenda]
    assert keys == sorted(keys)
    for c in portfolio.customers:  # the last touch is never after the reference day
        assert c.last_touch is None or c.last_touch.on <= AS_OF
    counts = _render.counts(portfolio, "en")
    assert sum(n for _, n in counts["by_segment"]) == len(portfolio.customers)
    assert sum(n for _, n in counts["by_stage"]) == len(portfolio.customers)
    owners = frozenset({"rep-1", "rep-3"})
    mine = _judged(folder, owners=owners, order="overdue")
    # the same customers as the whole agenda's of those owners, most days overdue first
    assert {c.customer_id for c in mine.agenda} == {
        c.customer_id for c in portfolio.agenda if c.owner in owners
    }
    overdue = [c.days_overdue or 0 for c in mine.agenda]  # an int: every one is due
    assert overdue == sorted(overdue, reverse=True)


WORKING_DAYS = "[cadence]\ndaily_on_working_days = true\n"


@pytest.fixture
def new_year(tmp_path: pathlib.Path) -> pathlib.Path:
    """c-1 (A, daily) last bought on 31 December 2026, a Thursday."""
    return write(
        tmp_path / "new-year",
        profiles="customer_id,created_on\nc-1,2025-01-01\n",
        opportunities="customer_id,need,status,expected_close\nc-1,explicit,negotiating,2027-01-20\n",
        purchases="customer_id,at,product,amount\nc-1,2026-12-31T10:00:00Z,tea,10\n",
    )


def test_c4_the_china_calendar_at_the_command_line_is_provisional_past_its_data(
    new_year: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    policy = tmp_path / "days.toml"
    policy.write_text(WORKING_DAYS, encoding="utf-8")
    args = ("report", str(new_year), "--as-of", "2027-01-04", "--policy", str(policy))
    plain = by_id(jsonl(*args))["c-1"]
    assert (plain["next_due"], plain["provisional"]) == ("2027-01-01", False)  # no holidays
    china = by_id(jsonl(*args, "--calendar", "china"))["c-1"]
    # 1 January 2027 is New Year's Day by the statutory rule, then a weekend
    assert (china["next_due"], china["days_overdue"], china["provisional"]) == (
        "2027-01-04",
        0,
        True,
    )
    assert china["why_due"].endswith("; 2027 schedule not published yet: provisional")
    zh = by_id(jsonl(*args, "--calendar", "china", "--lang", "zh"))["c-1"]
    assert zh["why_due"].endswith("；2027年放假安排尚未公布：暂定")
    in_file = tmp_path / "china.toml"
    in_file.write_text('calendar = "china"\n' + WORKING_DAYS, encoding="utf-8")
    from_file = by_id(
        jsonl("report", str(new_year), "--as-of", "2027-01-04", "--policy", str(in_file))
    )
    assert from_file["c-1"] == china
    weekends = by_id(jsonl(*args, "--calendar", "weekends"))["c-1"]
    assert (weekends["next_due"], weekends["provisional"]) == ("2027-01-01", False)
    overridden = by_id(
        jsonl(
            "report",
            str(new_year),
            "--as-of",
            "2027-01-04",
            "--policy",
            str(in_file),
            "--calendar",
            "none",
        )
    )
    assert overridden["c-1"]["next_due"] == "2027-01-01"


def test_c4_a_strict_calendar_never_aborts_the_agenda(new_year: pathlib.Path) -> None:
    strict = WorkCalendar.china(beyond=Beyond.REFUSE)
    portfolio = _judged(
        new_year,
        calendar=strict,
        policies=io.Policies(cadence=CadencePolicy(daily_on_working_days=True)),
        as_of=date(2027, 1, 4),
    )
    (customer,) = portfolio.customers
    # past the strict calendar's years: the weekend rule, marked provisional
    assert (customer.next_due, customer.provisional) == (date(2027, 1, 1), True)


@pytest.mark.parametrize("name", ["mars", "XX", ""])
def test_a_calendar_that_is_no_calendar_is_a_usage_error(shop: pathlib.Path, name: str) -> None:
    status, out, err = call("agenda", str(shop), "--calendar", name)
    assert (status, out) == (2, "")
    assert "--calendar: expected china, weekends, none or a country code" in err
    assert "Traceback" not in err


def test_owner_filters_the_occasions_too(tmp_path: pathlib.Path) -> None:
    folder = write(
        tmp_path / "birthdays",
        profiles=(
            "customer_id,person.name,owner,created_on,person.birthday\n"
            "c-1,Wang Fang,rep-1,2025-01-01,1980-11-25\n"
            "c-2,Li Wei,rep-2,2025-01-01,1980-11-26\n"
        ),
    )
    _, everyone, _ = call("agenda", str(folder))
    assert "c-1" in everyone
    assert "c-2" in everyone
    _, mine, _ = call("agenda", str(folder), "--owner", "rep-2")
    assert "c-1" not in mine
    assert "2026-11-26  c-2" in mine


def test_t1_a_customer_with_only_a_refund_is_no_buyer(tmp_path: pathlib.Path) -> None:
    folder = write(
        tmp_path / "refund",
        profiles="customer_id,created_on\nc-1,2025-01-01\nc-2,2025-01-01\n",
        purchases=(
            "customer_id,at,product,amount,refund\n"
            "c-1,2026-11-01T10:00:00Z,tea,100,true\n"
            "c-2,2026-11-01T10:00:00Z,tea,100,false\n"
        ),
    )
    report = by_id(jsonl("report", str(folder)))
    assert (report["c-1"]["stage"], report["c-1"]["r"], report["c-1"]["segment"]) == (
        "prospect",
        None,
        None,
    )
    assert report["c-1"]["loyalty"] is None  # never bought: no loyalty to show
    assert report["c-2"]["r"] is not None
    _, out, _ = call("report", str(folder))
    assert "prospect 1 " in out
    assert "no purchase yet 1" in out


def test_c4_a_due_day_in_an_unpublished_year_is_provisional_only_if_working_days_were_counted(
    shop: pathlib.Path,
) -> None:
    rows = jsonl("report", str(shop), "--as-of", "2027-12-01", "--calendar", "china")
    assert [row["provisional"] for row in rows] == [False] * 4
    assert not any("provisional" in (row["why_due"] or "") for row in rows)


def test_c1_a_due_day_past_the_calendar_never_stops_the_report(tmp_path: pathlib.Path) -> None:
    folder = write(
        tmp_path / "far",
        profiles="customer_id,created_on\nc-1,2025-01-01\nc-2,2025-01-01\n",
        opportunities=(
            "customer_id,need,status,expected_close\n"
            "c-1,none,closed,\nc-2,explicit,negotiating,8999-12-31\n"
        ),
        contacts=(
            "customer_id,at,channel,direction\n"
            "c-1,8999-06-01T10:00:00Z,phone,outbound\nc-2,8999-12-30T10:00:00Z,phone,outbound\n"
        ),
    )
    for calendar in ("none", "weekends", "china"):
        status, out, err = call(
            "report",
            str(folder),
            "--as-of",
            "8999-12-30",
            "--calendar",
            calendar,
            "--format",
            "jsonl",
        )
        assert (status, "Traceback" in err) == (0, False), err
        found = by_id([json.loads(line) for line in out.splitlines()])
        assert found["c-1"]["next_due"] == "9000-06-01"
        assert found["c-2"]["next_due"] == "8999-12-31"


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-30", "2026-02-30"])
def test_a_reference_day_custrel_does_not_take_is_a_usage_error(
    shop: pathlib.Path, day: str
) -> None:
    status, out, err = call("agenda", str(shop), "--as-of", day)
    assert (status, out) == (2, "")
    assert "--as-of: expected a date YYYY-MM-DD from 1000-01-01 to 8999-12-31" in err


def test_the_terminal_table_shows_control_characters_as_escapes(tmp_path: pathlib.Path) -> None:
    folder = write(
        tmp_path / "escapes",
        profiles='customer_id,person.name,created_on\nc-1,"Tab\there\nnew\x1b[2Jline",2025-01-01\n',
        opportunities="customer_id,need,status,expected_close\nc-1,explicit,negotiating,2026-12-01\n",
    )
    status, out, _ = call("agenda", str(folder))
    assert status == 0
    assert "\x1b" not in out
    assert "\t" not in out
    row = next(line for line in out.splitlines() if line.startswith("c-1 "))
    assert "Tab\\there\\nnew\\x1b[2Jline" in row
    assert by_id(jsonl("agenda", str(folder)))["c-1"]["name"] == "Tab\there\nnew\x1b[2Jline"


@pytest.mark.parametrize("where", ["nowhere/out.csv", "."])
def test_an_output_that_cannot_be_written_is_a_usage_error_before_reading(
    shop: pathlib.Path, tmp_path: pathlib.Path, where: str
) -> None:
    for option in ("--output", "--html"):
        status, out, err = call("agenda", str(shop), option, str(tmp_path / where))
        assert (status, out) == (2, "")
        assert f"{option}: expected a file" in err
        assert "Traceback" not in err


def test_an_output_that_fails_while_written_is_one_line(
    shop: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied", str(tmp_path / "out.csv"))

    monkeypatch.setattr("custrel._cli._render.write_csv", refused)
    status, _, err = call("agenda", str(shop), "--format", "csv", "--output", str(tmp_path / "o"))
    assert status == 2
    assert err == f"custrel: {tmp_path / 'out.csv'}: cannot write: Permission denied\n"


def test_owner_matches_whatever_the_case_and_says_when_no_customer_has_it(
    shop: pathlib.Path,
) -> None:
    assert [row["customer_id"] for row in jsonl("agenda", str(shop), "--owner", " REP-2 ")] == [
        "c-4"
    ]
    status, _, err = call("agenda", str(shop), "--owner", "rep-9", "--owner", "Rep-1")
    assert status == 0
    assert err == "--owner rep-9: no customer has this owner\n"


def test_a_calendar_that_changes_nothing_says_so(
    shop: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    status, out, err = call("agenda", str(shop), "--calendar", "china")
    assert status == 0
    assert "daily_on_working_days is off" in err
    assert "  working days: China (chinesecalendar " in out
    policy = tmp_path / "days.toml"
    policy.write_text(WORKING_DAYS, encoding="utf-8")
    status, out, err = call("agenda", str(shop), "--calendar", "china", "--policy", str(policy))
    assert (status, err) == (0, "")
    assert "  follow-up cadence: daily_on_working_days = true" in out


def test_the_chinese_header_uses_chinese_punctuation(shop: pathlib.Path) -> None:
    _, out, _ = call("agenda", str(shop), "--lang", "zh")
    assert out.splitlines()[0].endswith("基准日 2026-11-20 — 4 位客户，14 条记录")


def test_hostile_names_and_owners_are_text_in_the_page(tmp_path: pathlib.Path) -> None:
    hostile = '</script><script>alert(1)</script>"><img src=x onerror=alert(2)>{a}$&'
    quoted = '"' + hostile.replace('"', '""') + '"'  # one CSV cell
    folder = write(
        tmp_path / "hostile",
        profiles=f"customer_id,person.name,owner,created_on\nc-1,{quoted},{quoted},2025-01-01\n",
        opportunities="customer_id,need,status,expected_close\nc-1,explicit,negotiating,2026-12-01\n",
    )
    page = tmp_path / "page.html"
    status, _, _ = call("agenda", str(folder), "--html", str(page))
    assert status == 0
    html = page.read_text(encoding="utf-8")
    assert html.count("<script") == 1
    assert "<img" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_one_day_overdue_comes_before_due_today_whatever_the_value(tmp_path: pathlib.Path) -> None:
    folder = write(
        tmp_path / "days",
        profiles="customer_id,created_on\nc-1,2025-01-01\nc-2,2025-01-01\n",
        opportunities=(
            "customer_id,need,status,expected_close\n"
            "c-1,explicit,negotiating,2026-12-01\nc-2,explicit,negotiating,2026-12-01\n"
        ),
        purchases=(
            "customer_id,at,product,amount\n"
            "c-1,2026-11-19T10:00:00Z,tea,900\n"  # due today, worth more
            "c-2,2026-11-18T10:00:00Z,tea,10\n"  # one day overdue
        ),
    )
    for order in ("grade", "overdue"):
        rows = jsonl("agenda", str(folder), "--sort", order)
        assert [(r["customer_id"], r["days_overdue"]) for r in rows] == [("c-2", 1), ("c-1", 0)]


def test_g1_the_recent_purchase_is_the_last_sale_on_or_before_the_day(
    tmp_path: pathlib.Path,
) -> None:
    folder = write(
        tmp_path / "sales",
        profiles="customer_id,created_on\nc-1,2025-01-01\nc-2,2025-01-01\n",
        opportunities=("customer_id,need,status\nc-1,none,closed\nc-2,none,closed\n"),
        purchases=(
            "customer_id,at,product,amount,refund\n"
            "c-1,2026-10-01T10:00:00Z,tea,100,false\n"
            "c-1,2026-11-10T10:00:00Z,tea,100,true\n"  # a refund is no purchase
            "c-2,2026-10-01T10:00:00Z,tea,100,false\n"
            "c-2,2026-11-20T10:00:00Z,tea,100,false\n"  # on the reference day itself
        ),
    )
    report = by_id(jsonl("report", str(folder)))
    assert "bought on 2026-10-01" in report["c-1"]["grade_reason"]
    assert "bought on 2026-11-20" in report["c-2"]["grade_reason"]


def test_encoding_is_the_one_every_file_is_read_in(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "big5"
    folder.mkdir()
    (folder / "profiles.csv").write_bytes(
        "customer_id,person.name,created_on\nc-1,王芳,2025-01-01\n".encode("big5")
    )
    rows = jsonl("report", str(folder), "--encoding", "big5")
    assert [row["name"] for row in rows] == ["王芳"]


@pytest.mark.parametrize("days", ["999999999", "36601", "0"])
def test_an_occasion_window_past_a_century_is_a_usage_error(shop: pathlib.Path, days: str) -> None:
    status, out, err = call("agenda", str(shop), "--within", days)
    assert (status, out) == (2, "")
    assert "--within: expected a whole number" in err
    assert "Traceback" not in err


def test_an_occasion_window_of_a_century_is_taken(shop: pathlib.Path) -> None:
    status, _, err = call("agenda", str(shop), "--within", "36600")
    assert (status, err) == (0, "")
