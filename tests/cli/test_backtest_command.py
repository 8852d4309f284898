"""``custrel backtest``: the table, CSV and JSON Lines, --calibrate, bad data and usage errors."""

import csv
import io as stdio
import json
import pathlib

import pytest

from custrel.__main__ import main
from custrel.io import load_policies

# Every customer bought three times 30 days apart, so the one-time horizon never matters.
# a: last 300 days before --at, gone. b: last 100 days before, came back. c: last 150
# days before, gone. Only a 120-day floor tells b from c.
PURCHASES = "customer_id,at,product,amount\n" + "".join(
    f"{cid},{day}T12:00:00+00:00,cd,10\n"
    for cid, days in (
        ("a", ("1996-10-05", "1996-11-04", "1996-12-04")),
        ("b", ("1997-04-23", "1997-05-23", "1997-06-22", "1997-12-01")),
        ("c", ("1997-03-04", "1997-04-03", "1997-05-03")),
    )
    for day in days
)
DAYS = ("--at", "1997-09-30", "--until", "1998-06-30")


def call(*args: str) -> tuple[int, str, str]:
    out, err = stdio.StringIO(), stdio.StringIO()
    status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: pathlib.Path) -> pathlib.Path:
    (tmp_path / "purchases.csv").write_text(PURCHASES, encoding="utf-8")
    return tmp_path


def test_the_table_shows_the_stages_the_calls_and_the_reason(folder: pathlib.Path) -> None:
    status, out, err = call("backtest", str(folder), *DAYS)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        "Lifecycle backtest — staged on 1997-09-30, bought again by 1998-06-30 — "
        "3 customers, 10 records (0 bad)"
    )
    assert lines[1].startswith("policies: lifecycle ")
    assert "lapsed customer   1          0             0.0000" in lines
    assert any(line.startswith("LAPSED  ") and "0.7500" in line for line in lines)
    assert lines[-1].startswith("staged on 1997-09-30: 3 customers with a sale by then")


def test_the_table_in_chinese(folder: pathlib.Path) -> None:
    _, out, _ = call("backtest", str(folder), *DAYS, "--lang", "zh")
    assert out.startswith("生命周期回测 — 于 1997-09-30 分阶段，统计至 1998-06-30 是否再次购买")
    assert "流失客户" in out
    assert "平衡准确率" in out
    assert out.splitlines()[-1].startswith("于 1997-09-30 分阶段：")


def test_csv_has_one_row_per_stage_and_per_call(folder: pathlib.Path) -> None:
    status, out, _ = call("backtest", str(folder), *DAYS, "--format", "csv")
    rows = list(csv.DictReader(stdio.StringIO(out)))
    assert status == 0
    assert [r["name"] for r in rows if r["kind"] == "rule"] == [
        "lapsed",
        "at_risk_or_lapsed",
        "silent_over_90_days",
        "silent_over_180_days",
    ]
    lapsed = next(r for r in rows if r["kind"] == "stage" and r["name"] == "lapsed")
    assert (lapsed["customers"], lapsed["bought_again"], lapsed["share"]) == ("1", "0", "0.0000")
    assert lapsed["balanced_accuracy"] == ""
    assert {r["run"] for r in rows} == {"backtest"}


def test_jsonl_keeps_undefined_figures_as_null(tmp_path: pathlib.Path) -> None:
    (tmp_path / "purchases.jsonl").write_text(
        '{"customer_id": "a", "at": "1997-09-01T12:00:00+00:00", "product": "cd", "amount": "9"}\n',
        encoding="utf-8",
    )
    status, out, _ = call("backtest", str(tmp_path), *DAYS, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    rule = next(r for r in rows if r["name"] == "lapsed" and r["kind"] == "rule")
    assert (rule["balanced_accuracy"], rule["precision"], rule["recall"]) == (None, None, "0.0000")


def test_output_writes_the_table_to_a_file(folder: pathlib.Path) -> None:
    target = folder / "backtest.csv"
    status, out, _ = call(
        "backtest", str(folder), *DAYS, "--format", "csv", "--output", str(target)
    )
    assert (status, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("run,policy,kind,name,")


def test_calibrate_writes_the_policy_and_shows_before_and_after(folder: pathlib.Path) -> None:
    target = folder / "policy.toml"
    status, out, _ = call("backtest", str(folder), *DAYS, "--calibrate", "--output", str(target))
    assert status == 0
    policy = load_policies(target).lifecycle
    assert policy.horizon_floor_days == 120
    assert "Before: the starting policy" in out
    assert "After: the calibrated policy (72 tried)" in out
    assert "changed: horizon_floor_days 180 → 120\n" in out
    assert out.endswith(f"policy written to {target}\n")


def test_calibrate_keeping_the_policy_says_so(tmp_path: pathlib.Path) -> None:
    (tmp_path / "purchases.csv").write_text(
        "customer_id,at,product,amount\na,1997-09-01T12:00:00+00:00,cd,10\n", encoding="utf-8"
    )
    target = tmp_path / "policy.toml"
    _, out, _ = call(
        "backtest", str(tmp_path), *DAYS, "--calibrate", "--output", str(target), "--lang", "zh"
    )
    assert "网格中没有更好的策略，保留起始策略" in out
    assert load_policies(target).lifecycle == load_policies(target).lifecycle.from_dict({})


def test_calibrate_in_chinese_names_the_changes(folder: pathlib.Path) -> None:
    target = folder / "policy.toml"
    _, out, _ = call(
        "backtest", str(folder), *DAYS, "--calibrate", "--output", str(target), "--lang", "zh"
    )
    assert "改动：horizon_floor_days 180 → 120\n" in out


def test_calibrate_as_csv_gives_the_rows_before_and_after(folder: pathlib.Path) -> None:
    target = folder / "policy.toml"
    status, out, _ = call(
        "backtest", str(folder), *DAYS, "--calibrate", "--output", str(target), "--format", "csv"
    )
    rows = list(csv.DictReader(stdio.StringIO(out)))
    assert status == 0
    assert [r["run"] for r in rows].count("before") == [r["run"] for r in rows].count("after")
    assert len({r["policy"] for r in rows}) == 2


def test_a_policy_file_sets_the_starting_policy(folder: pathlib.Path) -> None:
    (folder / "rules.toml").write_text("[lifecycle]\nhorizon_floor_days = 120\n", encoding="utf-8")
    _, out, _ = call(
        "backtest", str(folder), *DAYS, "--policy", str(folder / "rules.toml"), "--format", "csv"
    )
    lapsed = [r for r in csv.DictReader(stdio.StringIO(out)) if r["name"] == "lapsed"]
    assert lapsed[0]["customers"] == "2"  # a and c


def test_a_bad_record_is_reported_with_its_line_and_the_rest_is_used(
    folder: pathlib.Path,
) -> None:
    with (folder / "purchases.csv").open("a", encoding="utf-8") as file:
        file.write("d,yesterday,cd,10\n")
    status, out, err = call("backtest", str(folder), *DAYS)
    assert status == 1
    assert err.startswith(f"{folder / 'purchases.csv'}:12: at: ")
    assert "3 customers, 11 records (1 bad)" in out


def test_strict_stops_at_the_first_bad_record(folder: pathlib.Path) -> None:
    with (folder / "purchases.csv").open("a", encoding="utf-8") as file:
        file.write("d,yesterday,cd,10\n")
    status, out, err = call("backtest", str(folder), *DAYS, "--strict")
    assert (status, out) == (1, "")
    assert f"{folder / 'purchases.csv'}:12: at: " in err


def test_an_unreadable_purchases_file_is_reported(tmp_path: pathlib.Path) -> None:
    (tmp_path / "purchases.jsonl").mkdir()
    status, out, err = call("backtest", str(tmp_path), *DAYS)
    assert status == 1
    assert err == f"{tmp_path / 'purchases.jsonl'}: cannot read: Is a directory\n"
    assert "0 customers" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--at", "1997-09-30", "--until", "1997-09-30"), "--until: expected a date after --at"),
        (("--at", "1997-09-30", "--until", "1997-01-01"), "--until: expected a date after --at"),
        ((*DAYS, "--calibrate"), "--calibrate: expected --output FILE"),
        (("--at", "30/09/1997", "--until", "1998-06-30"), "expected a date YYYY-MM-DD"),
        (("--until", "1998-06-30"), "the following arguments are required: --at"),
        (
            ("--at", "0999-12-31", "--until", "1998-06-30"),
            "--at: expected a date YYYY-MM-DD from 1000-01-01",
        ),
        (
            ("--at", "1997-09-30", "--until", "9999-01-01"),
            "--until: expected a date YYYY-MM-DD from 1000",
        ),
    ],
)
def test_usage_errors_exit_2_without_a_traceback(
    folder: pathlib.Path, args: tuple[str, ...], message: str
) -> None:
    status, out, err = call("backtest", str(folder), *args)
    assert (status, out) == (2, "")
    assert message in err
    assert "Traceback" not in err


def test_a_portfolio_without_purchases_is_a_usage_error(tmp_path: pathlib.Path) -> None:
    (tmp_path / "profiles.jsonl").write_text("", encoding="utf-8")
    status, _, err = call("backtest", str(tmp_path), *DAYS)
    assert status == 2
    assert f"{tmp_path}: no purchases (expected purchases.jsonl, .csv or .xlsx," in err


def test_a_missing_folder_is_a_usage_error(tmp_path: pathlib.Path) -> None:
    status, _, err = call("backtest", str(tmp_path / "none"), *DAYS)
    assert status == 2
    assert "no such folder" in err


def test_a_bad_policy_file_is_a_usage_error(folder: pathlib.Path) -> None:
    (folder / "rules.toml").write_text("[lifecycle]\nnew_days = 0\n", encoding="utf-8")
    status, _, err = call("backtest", str(folder), *DAYS, "--policy", str(folder / "rules.toml"))
    assert status == 2
    assert "lifecycle.new_days" in err


def test_a_missing_policy_file_is_a_usage_error(folder: pathlib.Path) -> None:
    status, _, err = call("backtest", str(folder), *DAYS, "--policy", str(folder / "none.toml"))
    assert status == 2
    assert "none.toml: cannot read: No such file or directory" in err
