"""The command line, run as a user would (a subprocess) and in-process for every branch."""

import io as stdio
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custrel.__main__ import main
from custrel._cli import _portfolio, _reading, _sample

AS_OF = date(2026, 11, 20)
GOOD_PURCHASE = (
    '{"customer_id": "c-00001", "at": "2026-11-02T09:30:00+08:00", "product": "tea", "amount": "9"}'
)


def run(
    *args: str, cwd: pathlib.Path | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """``custrel ARGS`` in a new process, as a user types it."""
    return subprocess.run(
        [sys.executable, "-m", "custrel", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        timeout=120,
        **kwargs,
    )


def call(*args: str) -> tuple[int, str, str]:
    """``main(ARGS)`` in this process: status, standard output, standard error."""
    out, err = stdio.StringIO(), stdio.StringIO()
    status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def portfolios(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pathlib.Path]:
    """A generated portfolio of 40 customers, as JSON Lines and as CSV."""
    folders = {}
    for form in ("jsonl", "csv"):
        folder = tmp_path_factory.mktemp(form)
        _sample.write_portfolio(folder, 40, seed=7, as_of=AS_OF, form=form)
        folders[form] = folder
    return folders


def copy(folder: pathlib.Path, tmp_path: pathlib.Path) -> pathlib.Path:
    target = tmp_path / "portfolio"
    shutil.copytree(folder, target)
    return target


def rows(text: str) -> list[dict[str, Any]]:
    found = [json.loads(line) for line in text.splitlines()]
    return [row for row in found if "partial_data" not in row]


class Terminal(stdio.StringIO):
    def isatty(self) -> bool:
        return True


# As a user runs it -------------------------------------------------------------------------


def test_demo_prints_todays_work_and_the_summary() -> None:
    result = run("demo", "--limit", "5")
    assert result.returncode == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "custrel demo: the sample portfolio — as of 2026-11-20 — 300 customers"
    )
    assert "Follow-ups due" in lines
    assert "Policies: the rule book's defaults" in lines
    assert any(line.startswith("  fingerprints: grading ") for line in lines)
    assert any(line.startswith("Customers by grade: A ") for line in lines)
    assert any(line.startswith("Customers by stage: prospect ") for line in lines)


def test_demo_in_chinese() -> None:
    status, out, _ = call("demo", "--lang", "zh", "--limit", "3")
    assert status == 0
    assert "待跟进客户" in out
    assert "按生命周期的客户数：" in out


@pytest.mark.parametrize("form", ["jsonl", "csv"])
def test_report_has_one_row_per_customer_with_every_record_counted(
    portfolios: dict[str, pathlib.Path], form: str
) -> None:
    folder = portfolios[form]
    result = run("report", str(folder), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = rows(result.stdout)
    assert [row["customer_id"] for row in out] == [f"c-{i:05d}" for i in range(1, 41)]
    for table in ("opportunities", "contacts", "purchases", "complaints"):
        with (folder / f"{table}.{form}").open(encoding="utf-8") as lines:
            written = sum(1 for _ in lines) - (form == "csv")
        assert sum(row[table] for row in out) == written


def test_report_as_csv_and_table(portfolios: dict[str, pathlib.Path]) -> None:
    status, out, _ = call("report", str(portfolios["csv"]), "--format", "csv")
    assert status == 0
    assert out.splitlines()[0].startswith("\ufeffcustomer_id,name,owner,grade,tier,stage,signals,")
    assert len(out.splitlines()) == 41
    status, out, _ = call("report", str(portfolios["jsonl"]), "--limit", "2")
    assert status == 0
    assert "... and 38 more (--limit)" in out


def test_agenda_lists_the_best_grade_first_then_the_most_overdue_then_value(
    portfolios: dict[str, pathlib.Path],
) -> None:
    result = run("agenda", str(portfolios["jsonl"]), "--format", "jsonl", "--as-of", "2026-11-20")
    assert result.returncode == 0
    found = rows(result.stdout)
    keys = [
        (row["grade"], -row["days_overdue"], -Decimal(row["value"]), row["customer_id"])
        for row in found
    ]
    assert len({row["grade"] for row in found}) > 1
    assert keys == sorted(keys)
    assert all(row["days_overdue"] >= 0 for row in found)


def test_agenda_sorted_by_overdue_keeps_the_old_order(portfolios: dict[str, pathlib.Path]) -> None:
    args = ("agenda", str(portfolios["jsonl"]), "--format", "jsonl", "--as-of", "2026-11-20")
    result = run(*args, "--sort", "overdue")
    assert result.returncode == 0
    found = rows(result.stdout)
    keys = [(-row["days_overdue"], row["grade"], row["customer_id"]) for row in found]
    assert keys == sorted(keys)
    assert {row["customer_id"] for row in found} == {
        row["customer_id"] for row in rows(run(*args).stdout)
    }


def test_html_report_is_one_self_contained_page(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    page = tmp_path / "report.html"
    result = run(
        "report", str(portfolios["jsonl"]), "--html", str(page), "--output", str(tmp_path / "r.txt")
    )
    assert result.returncode == 0
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<svg") == 5  # pyramid, RFM grid, grades, stages, RFM segments
    assert "<script src" not in html  # the one script is inline
    assert "<link" not in html
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "Value pyramid" in html
    assert "<details>" in html
    status, _, _ = call(
        "demo", "--lang", "zh", "--html", str(page), "--limit", "2", "--format", "csv"
    )
    assert status == 0
    assert "客户金字塔" in page.read_text(encoding="utf-8")


# Every error path ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"customer_id": "c-00001", "at": ', "purchases.jsonl:2: record: expected a JSON object"),
        (
            GOOD_PURCHASE.replace('"product"', '"produce"'),
            "purchases.jsonl:2: produce: expected one of the fields",
        ),
        (
            GOOD_PURCHASE.replace("+08:00", ""),
            "purchases.jsonl:2: at: expected an ISO 8601 time with a UTC offset",
        ),
        (
            GOOD_PURCHASE.replace('"9"', "NaN"),
            "purchases.jsonl:2: amount: expected a finite Decimal",
        ),
    ],
)
def test_a_bad_record_is_reported_and_the_rest_processed(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path, line: str, message: str
) -> None:
    folder = copy(portfolios["jsonl"], tmp_path)
    purchases = folder / "purchases.jsonl"
    good = purchases.read_text(encoding="utf-8").splitlines()
    purchases.write_text("\n".join([GOOD_PURCHASE, line, *good]) + "\n", encoding="utf-8")
    result = run("report", str(folder), "--format", "jsonl")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert f"{folder}/{message}" in result.stderr
    assert {line.split(": ", 1)[0] for line in lines[:-1]} == {f"{folder}/purchases.jsonl:2"}
    assert lines[-1] == (
        f"{folder}/purchases.jsonl (UTF-8): {len(good) + 2} records: {len(good) + 1} kept,"
        " 1 refused, 0 skipped"
    )
    assert sum(row["purchases"] for row in rows(result.stdout)) == len(good) + 1


def test_the_records_of_a_customer_without_a_profile_are_skipped_in_one_line(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    folder = copy(portfolios["jsonl"], tmp_path)
    purchases = folder / "purchases.jsonl"
    good = purchases.read_text(encoding="utf-8").splitlines()
    stray = GOOD_PURCHASE.replace("c-00001", "c-99999")
    purchases.write_text("\n".join([GOOD_PURCHASE, stray, stray, *good]) + "\n")
    status, out, err = call("report", str(folder), "--format", "jsonl")
    assert status == 1
    assert err.splitlines() == [
        (
            f"2 records of c-99999 skipped: no profile in {folder}/profiles.jsonl"
            f" (the first at {purchases}:2)"
        ),
        f"{purchases} (UTF-8): {len(good) + 3} records: {len(good) + 1} kept, 0 refused, 2 skipped",
    ]
    assert json.loads(out.splitlines()[0]) == {"partial_data": {"skipped": 2}}


@pytest.mark.parametrize("form", ["jsonl", "csv"])
def test_a_file_in_no_encoding_is_refused_whole_and_the_rest_processed(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path, form: str
) -> None:
    """One message for the file, never one a line (a GBK file gave 28,136 lines)."""
    folder = copy(portfolios[form], tmp_path)
    purchases = folder / f"purchases.{form}"
    lines = purchases.read_bytes().splitlines(keepends=True)
    at = 1 if form == "csv" else 0  # after the header
    lines.insert(at + 1, lines[at].replace(b"c-00001", b"c-\xff0001"))
    purchases.write_bytes(b"".join(lines))
    result = run("report", str(folder), "--format", "jsonl")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        (
            f"{purchases}:1: file: expected text in UTF-8 (byte 0xff on line {at + 2} is not) or"
            f" GB18030 (byte 0xff on line {at + 2} is not), got other bytes; the file is not read;"
            " save it as UTF-8, or give its encoding with --encoding at the command line,"
            " encoding= in Python"
        ),
        f"{purchases}: not read (see above); none of its records is counted",
    ]
    assert json.loads(result.stdout.splitlines()[0]) == {"partial_data": {"files": 1}}
    assert sum(row["purchases"] for row in rows(result.stdout)) == 0


def test_a_json_escape_of_a_lone_surrogate_is_reported_and_the_rest_processed(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    """A customer id of "c-\\udcff" was read, then writing the report raised UnicodeEncodeError."""
    folder = copy(portfolios["jsonl"], tmp_path)
    profiles = folder / "profiles.jsonl"
    first = profiles.read_text().splitlines()[0]
    profiles.write_text(profiles.read_text() + first.replace("c-00001", "c-\\udcff") + "\n")
    output = tmp_path / "report.txt"
    result = run("report", str(folder), "--output", str(output))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{profiles}:41: record: expected JSON whose \\u escapes")
    assert "c-00040" in output.read_text(encoding="utf-8")


def test_a_policy_file_that_is_not_utf8_is_a_usage_error(tmp_path: pathlib.Path) -> None:
    policy = tmp_path / "policies.toml"
    policy.write_bytes(b"\xff\xfe[\x00t\x00i\x00e\x00r\x00s\x00]\x00")  # UTF-16
    result = run("demo", "--policy", str(policy))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith(
        f"error: {policy}: expected a file in UTF-8, got byte 0xff at byte 1; "
        "save the file as UTF-8\n"
    )


def test_a_bad_csv_cell_names_file_line_and_field(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    folder = copy(portfolios["csv"], tmp_path)
    complaints = folder / "complaints.csv"
    lines = complaints.read_text(encoding="utf-8").splitlines()
    lines.insert(1, "c-00001,2026-11-02T09:30:00+08:00,awful,,,")
    complaints.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = call("report", str(folder), "--format", "jsonl")
    assert status == 1
    assert err.splitlines() == [
        f"{complaints}:2: severity: expected one of 'serious', 'ordinary', got str 'awful'",
        (
            f"{complaints} (UTF-8): {len(lines) - 1} records: {len(lines) - 2} kept, 1 refused,"
            " 0 skipped"
        ),
    ]
    assert sum(row["complaints"] for row in rows(out)) == len(lines) - 2


def test_strict_stops_at_the_first_bad_record(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    folder = copy(portfolios["jsonl"], tmp_path)
    (folder / "profiles.jsonl").write_text("{}\n" + (folder / "profiles.jsonl").read_text())
    status, out, err = call("report", str(folder), "--strict")
    assert (status, out) == (1, "")
    assert f"{folder / 'profiles.jsonl'}:1: customer_id: expected a value" in err


def test_strict_stops_at_an_unknown_customer(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    folder = copy(portfolios["jsonl"], tmp_path)
    (folder / "purchases.jsonl").write_text(GOOD_PURCHASE.replace("c-00001", "c-x") + "\n")
    status, _, err = call("report", str(folder), "--strict")
    assert status == 1
    assert (
        err == f"{folder / 'purchases.jsonl'}:1: customer_id: expected a customer of"
        f" {folder / 'profiles.jsonl'}, got str 'c-x'\n"
    )


def test_a_second_profile_of_a_customer_is_bad(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    folder = copy(portfolios["jsonl"], tmp_path)
    profiles = folder / "profiles.jsonl"
    first = profiles.read_text().splitlines()[0]
    profiles.write_text(profiles.read_text() + first + "\n")
    status, _, err = call("report", str(folder), "--quiet")
    assert status == 1
    assert err.startswith(f"{profiles}:41: customer_id: expected one profile per customer")


def test_a_missing_folder_is_a_usage_error(tmp_path: pathlib.Path) -> None:
    result = run("report", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith(f"custrel: error: {tmp_path / 'nowhere'}: no such folder\n")


def test_a_folder_without_read_permission_is_a_usage_error(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    """Root reads every folder whatever its mode, unless it gives up that capability."""
    folder = copy(portfolios["jsonl"], tmp_path)
    folder.chmod(0)
    try:
        if os.geteuid() == 0:
            drop = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]
            command = [*drop, sys.executable, "-m", "custrel", "report", str(folder)]
            result = subprocess.run(command, capture_output=True, text=True, check=False)
        else:  # pragma: no cover - CI runs as root
            result = run("report", str(folder))
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith(f"{folder}: cannot read the folder: permission denied\n")


def test_an_unreadable_file_is_reported_and_the_rest_processed(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    folder = copy(portfolios["jsonl"], tmp_path)
    (folder / "complaints.jsonl").unlink()
    (folder / "complaints.jsonl").mkdir()  # opening it fails for root too
    status, out, err = call("report", str(folder), "--format", "jsonl")
    assert status == 1
    assert err.splitlines() == [
        f"{folder / 'complaints.jsonl'}: cannot read: Is a directory",
        f"{folder / 'complaints.jsonl'}: not read (see above); none of its records is counted",
    ]
    assert len(rows(out)) == 40


def test_an_unknown_option_is_a_usage_error() -> None:
    result = run("report", "--colour", "red", ".")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "error: unrecognized arguments: --colour" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["demo", "--as-of", "yesterday"],
            (
                "argument --as-of: expected a date YYYY-MM-DD from 1000-01-01 to 8999-12-31,"
                " got 'yesterday'"
            ),
        ),
        (
            ["demo", "--tz", "Mars/Olympus"],
            "argument --tz: expected a time zone such as Asia/Shanghai",
        ),
        (
            ["demo", "--limit", "0"],
            "argument --limit: expected a whole number of 1 or more, got '0'",
        ),
        (["demo", "--limit", "many"], "argument --limit: expected a whole number of 1 or more"),
        (["demo", "--lang", "fr"], "argument --lang: invalid choice: 'fr'"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_bad_options_are_usage_errors(args: list[str], message: str) -> None:
    status, out, err = call(*args)
    assert (status, out) == (2, "")
    assert message in err


def test_usage_errors_of_the_portfolio(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert call("report", str(empty))[2].endswith(
        "no portfolio files (expected profiles.jsonl, opportunities.jsonl, contacts.jsonl,"
        " purchases.jsonl, complaints.jsonl, or .csv, or .xlsx)\n"
    )
    a_file = tmp_path / "file.txt"
    a_file.write_text("")
    assert call("report", str(a_file))[2].endswith(
        f"{a_file}: not a folder (nor an .xlsx workbook)\n"
    )
    both = copy(portfolios["jsonl"], tmp_path)
    shutil.copy(portfolios["csv"] / "purchases.csv", both)
    assert call("report", str(both))[2].endswith(
        "both purchases.jsonl and purchases.csv; keep one\n"
    )
    (both / "purchases.csv").unlink()
    (both / "portfolio.json").write_text('{"as_of": "soon"}')
    status, _, err = call("report", str(both))
    assert status == 2
    assert err.endswith(
        f'{both / "portfolio.json"}: expected {{"as_of": "YYYY-MM-DD", "columns": {{...}}}}'
        " (both optional)\n"
    )


def test_policy_files(tmp_path: pathlib.Path) -> None:
    good = tmp_path / "policies.toml"
    good.write_text("[tiers]\nshares = [0.05, 0.15, 0.30, 0.50]\n")
    status, out, _ = call("demo", "--policy", str(good), "--limit", "1")
    assert status == 0
    assert "tiers 2dab9a1c7688d6ec" not in out
    bad = tmp_path / "bad.toml"
    bad.write_text("[tiers]\nshares = [0.05, 0.05, 0.30, 0.50]\n")
    status, _, err = call("demo", "--policy", str(bad))
    assert status == 2
    assert "error: tiers.shares: expected shares summing to exactly 1" in err
    status, _, err = call("demo", "--policy", str(tmp_path / "none.toml"))
    assert status == 2
    assert f"error: {tmp_path / 'none.toml'}: cannot read: No such file or directory" in err


def test_output_is_written_atomically(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "agenda.csv"
    status, out, _ = call("demo", "--format", "csv", "--output", str(target))
    assert (status, out) == (0, "")
    first = target.read_text(encoding="utf-8")
    assert first.startswith("\ufeffcustomer_id,")
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("custrel._cli._render.write_jsonl", interrupted)
    status, _, err = call("demo", "--format", "jsonl", "--output", str(target))
    assert (status, err) == (130, "custrel: interrupted\n")
    assert target.read_text(encoding="utf-8") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.csv"]


def test_an_interrupt_on_a_terminal_clears_the_progress_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("custrel._cli._render.write_csv", interrupted)
    err = Terminal()
    assert main(["demo", "--format", "csv"], stdout=stdio.StringIO(), stderr=err) == 130
    assert err.getvalue().endswith("\r\033[Kcustrel: interrupted\n")


def test_a_closed_pipe_ends_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    def closed(*_: object, **__: object) -> None:
        raise BrokenPipeError

    monkeypatch.setattr("custrel._cli._render.write_jsonl", closed)
    assert call("demo", "--format", "jsonl") == (0, "", "")


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert call("--version")[0] == 0
    assert capsys.readouterr().out.startswith("custrel ")  # argparse prints to sys.stdout
    assert run("--help").stdout.startswith("usage: custrel")


def test_progress_shows_on_a_terminal_only(
    portfolios: dict[str, pathlib.Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_reading, "PROGRESS_EVERY", 10)
    err = Terminal()
    assert (
        main(
            ["report", str(portfolios["jsonl"]), "--format", "csv"],
            stdout=stdio.StringIO(),
            stderr=err,
        )
        == 0
    )
    assert "records (" in err.getvalue()
    assert "judged 40 customers" in err.getvalue()
    assert "\r\033[K" + str(portfolios["jsonl"] / "profiles.jsonl") in err.getvalue()
    assert err.getvalue().endswith(
        f"{portfolios['jsonl'] / 'complaints.jsonl'} (UTF-8): 10 records, all read\n"
    )
    quiet = Terminal()
    main(["report", str(portfolios["jsonl"]), "--quiet"], stdout=stdio.StringIO(), stderr=quiet)
    assert quiet.getvalue() == ""


def test_progress_is_cleared_before_a_message(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_reading, "PROGRESS_EVERY", 1)
    folder = copy(portfolios["jsonl"], tmp_path)
    with (folder / "purchases.jsonl").open("a") as out:
        out.write("{}\n")
    (folder / "complaints.jsonl").unlink()
    (folder / "complaints.jsonl").mkdir()
    err = Terminal()
    assert main(["report", str(folder)], stdout=stdio.StringIO(), stderr=err) == 1
    assert "\r\033[K" + str(folder / "purchases.jsonl") in err.getvalue()


def test_a_large_portfolio_is_spilled_to_buckets(
    portfolios: dict[str, pathlib.Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Buckets on disk give the same rows as one bucket in memory."""
    _, in_memory, _ = call("report", str(portfolios["csv"]), "--format", "jsonl")
    monkeypatch.setattr(_portfolio, "_BUCKET_BYTES", 20_000)
    monkeypatch.setattr(_portfolio, "_BATCH", 7)
    _, spilled, _ = call("report", str(portfolios["csv"]), "--format", "jsonl")
    assert spilled == in_memory


def test_a_zero_weight_loyalty_policy_leaves_loyalty_unscored(tmp_path: pathlib.Path) -> None:
    policy = tmp_path / "p.json"
    policy.write_text(json.dumps({"loyalty": {"repeat_weight": 0, "spend_weight": 0}}))
    status, out, _ = call("demo", "--policy", str(policy), "--format", "jsonl", "--limit", "3")
    assert status == 0
    assert {row["loyalty"] for row in rows(out)} == {None}


def test_customers_without_a_profile_are_reported_too(tmp_path: pathlib.Path) -> None:
    (tmp_path / "purchases.jsonl").write_text(GOOD_PURCHASE + "\n")
    (tmp_path / "opportunities.csv").write_text(
        "customer_id,need,status,expected_close\nc-2,explicit,negotiating,2026-11-30\n"
    )
    status, out, _ = call("agenda", str(tmp_path), "--as-of", "2026-11-20", "--format", "table")
    assert status == 0
    assert "c-2" in out
    status, out, _ = call("report", str(tmp_path), "--as-of", "2026-11-20", "--format", "jsonl")
    assert [(r["customer_id"], r["name"], r["grade"]) for r in rows(out)] == [
        ("c-00001", None, None),
        ("c-2", None, "A"),
    ]


def test_the_reference_day_is_today_without_a_manifest(tmp_path: pathlib.Path) -> None:
    (tmp_path / "purchases.jsonl").write_text(GOOD_PURCHASE + "\n")
    status, out, _ = call("agenda", str(tmp_path))
    assert status == 0
    assert f"as of {date.today().isoformat()}" in out  # noqa: DTZ011 - what the user sees
    (tmp_path / "portfolio.json").write_text('{"as_of": "2026-11-20", "by": "me"}')
    assert call("agenda", str(tmp_path))[0] == 2


def test_nothing_due(tmp_path: pathlib.Path) -> None:
    (tmp_path / "purchases.jsonl").write_text(GOOD_PURCHASE + "\n")
    status, out, _ = call(
        "agenda", str(tmp_path), "--as-of", "2026-11-20", "--html", str(tmp_path / "a.html")
    )
    assert status == 0
    assert "No follow-up is due." in out
    assert "No follow-up is due." in (tmp_path / "a.html").read_text()


def test_organisations_are_named(tmp_path: pathlib.Path) -> None:
    (tmp_path / "profiles.csv").write_text(
        "customer_id,created_on,organization.name\nc-1,2026-01-05,Hangzhou Tea Co.\n"
    )
    status, out, _ = call("report", str(tmp_path), "--format", "csv", "--as-of", "2026-11-20")
    assert status == 0
    assert "c-1,Hangzhou Tea Co.," in out


def test_the_html_page_lists_bad_and_unreadable_files(
    portfolios: dict[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    folder = copy(portfolios["jsonl"], tmp_path)
    (folder / "complaints.jsonl").unlink()
    (folder / "complaints.jsonl").mkdir()
    page = tmp_path / "r.html"
    status, _, _ = call("agenda", str(folder), "--html", str(page), "--limit", "1")
    assert status == 1
    html = page.read_text()
    assert '<p class="partial" role="alert">Partial data: 1 file not read; see the messages' in html
    assert "more (--limit)" not in html  # --limit cuts the terminal agenda, not the page


# Records in = rows out + records reported bad ------------------------------------------------


EVENT_TABLES = list(_reading.TABLES)[1:]
BAD_LINES = ["{", "[]", '{"customer_id": ""}', '{"customer_id": "c-00001", "at": "2026-11-02"}']


@settings(max_examples=15, deadline=None)
@given(
    customers=st.integers(1, 6),
    seed=st.integers(0, 1000),
    bad=st.lists(
        st.tuples(st.sampled_from(list(_reading.TABLES)[1:]), st.sampled_from(BAD_LINES)),
        max_size=5,
    ),
)
def test_records_in_are_rows_out_plus_records_reported_bad(
    customers: int, seed: int, bad: list[tuple[str, str]]
) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = pathlib.Path(name)
        written = _sample.write_portfolio(folder, customers, seed=seed, as_of=AS_OF)
        for table, line in bad:
            with (folder / f"{table}.jsonl").open("a") as file:
                file.write(line + "\n")
        status, out, err = call("report", str(folder), "--format", "jsonl")
    # file:line, once a record (the summary of each file ends the messages)
    reported = {line.split(": ", 1)[0] for line in err.splitlines() if " records: " not in line}
    assert status == (1 if bad else 0)
    out_rows = rows(out)
    assert len(out_rows) == written["profiles"]
    for table in ("opportunities", "contacts", "purchases", "complaints"):
        records_in = written[table] + sum(1 for t, _ in bad if t == table)
        reported_bad = sum(1 for where in reported if f"{table}.jsonl:" in where)
        assert records_in == sum(r[table] for r in out_rows) + reported_bad
