"""The command line's portfolio folder: its tables, manifest and unreadable folders, stray
records and strict reading.
"""

import pathlib
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from custrel import io
from custrel._cli import _portfolio, _reading, _sample
from custrel.errors import InvalidInputError
from custrel.tiering import Tier, TierPolicy
from tests._tier_samples import QUARTERS
from tests._values import AS_OF, D

# the command line's portfolio folder -------------------------------------------------------


def test_find_tables_takes_each_table_as_jsonl_or_csv(tmp_path: pathlib.Path) -> None:
    for name in ("purchases.csv", "profiles.jsonl", "notes.txt", "complaints.json"):
        (tmp_path / name).write_text("")
    assert _reading.find_tables(tmp_path) == (
        {
            "profiles": _reading.Source(tmp_path / "profiles.jsonl"),
            "purchases": _reading.Source(tmp_path / "purchases.csv"),
        },
        [],
    )


def _no_permission(_: object) -> object:
    raise PermissionError


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        pytest.param(lambda _: None, "{folder}: no such folder", id="no folder"),
        pytest.param(
            lambda folder: folder.write_text(""),
            "{folder}: not a folder (nor an .xlsx workbook)",
            id="a file",
        ),
        pytest.param(
            lambda folder: [folder.mkdir(), (folder / "a.jsonl").write_text("")],
            "{folder}: no portfolio files (expected profiles.jsonl, opportunities.jsonl,"
            " contacts.jsonl, purchases.jsonl, complaints.jsonl, or .csv, or .xlsx)",
            id="no table",
        ),
        pytest.param(
            lambda folder: [
                folder.mkdir(),
                (folder / "contacts.csv").write_text(""),
                (folder / "contacts.jsonl").write_text(""),
            ],
            "{folder}: both contacts.jsonl and contacts.csv; keep one",
            id="a table twice",
        ),
    ],
)
def test_a_folder_that_is_no_portfolio_is_a_usage_error(
    tmp_path: pathlib.Path, setup: Callable[[pathlib.Path], object], message: str
) -> None:
    folder = tmp_path / "portfolio"
    setup(folder)
    with pytest.raises(_reading.PortfolioError) as caught:
        _reading.find_tables(folder)
    assert str(caught.value) == message.format(folder=folder)


def test_a_folder_that_cannot_be_read_is_a_usage_error(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("os.scandir", _no_permission)
    with pytest.raises(_reading.PortfolioError) as caught:
        _reading.find_tables(tmp_path)
    assert str(caught.value) == f"{tmp_path}: cannot read the folder: permission denied"


def test_a_manifest_gives_the_reference_day_and_the_column_names(tmp_path: pathlib.Path) -> None:
    assert _reading.read_manifest(tmp_path) == _reading.Manifest()
    (tmp_path / "portfolio.json").mkdir()
    assert _reading.read_manifest(tmp_path).as_of is None  # a folder is not a manifest
    (tmp_path / "portfolio.json").rmdir()
    (tmp_path / "portfolio.json").write_text('{"as_of": "2026-11-22"}')
    assert _reading.read_manifest(tmp_path).as_of == AS_OF
    (tmp_path / "portfolio.json").write_text(
        '{"columns": {"单号": "order_id", "备注2": "person.how_we_met",'
        ' "purchases": {"日期": "at"}}}'
    )
    manifest = _reading.read_manifest(tmp_path)
    assert manifest.as_of is None
    assert manifest.columns["purchases"] == {"单号": "order_id", "日期": "at"}
    assert manifest.columns["profiles"] == {"备注2": "person.how_we_met"}
    assert manifest.columns["contacts"] == {}


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        ('["x"]', 'columns: expected an object of header to field ({"单号": "order_id"})'),
        (
            '{"单号": "order"}',
            "columns: 单号: expected a field name or a table's section, got 'order'",
        ),
        ('{"单号": 3}', "columns: 单号: expected a field name or a table's section, got 3"),
        (
            '{"purchases": {"单号": "need"}}',
            "columns: purchases.单号: expected a field of Purchase, got 'need'",
        ),
        (
            '{"sales": {"单号": "order_id"}}',
            (
                "columns: sales: expected a table (profiles, opportunities, contacts, purchases,"
                " complaints) for a section"
            ),
        ),
    ],
)
def test_a_bad_columns_mapping_is_a_usage_error(
    tmp_path: pathlib.Path, columns: str, message: str
) -> None:
    path = tmp_path / "portfolio.json"
    path.write_text(f'{{"columns": {columns}}}')
    with pytest.raises(_reading.PortfolioError) as caught:
        _reading.read_manifest(tmp_path)
    assert str(caught.value) == f"{path}: {message}"
    given = tmp_path / "columns.json"
    given.write_text(columns)
    with pytest.raises(_reading.PortfolioError) as caught:
        _reading.read_columns(given)
    assert str(caught.value) == f"{given}: {message.removeprefix('columns: ')}"


@pytest.mark.parametrize("text", ["{", "\udcff"])
def test_a_columns_file_that_is_not_json_is_a_usage_error(
    tmp_path: pathlib.Path, text: str
) -> None:
    given = tmp_path / "columns.json"
    given.write_text(text, encoding="utf-8", errors="surrogateescape")
    with pytest.raises(_reading.PortfolioError) as caught:
        _reading.read_columns(given)
    assert str(caught.value) == f"{given}: cannot read: not JSON"
    with pytest.raises(_reading.PortfolioError) as caught:
        _reading.read_columns(tmp_path / "missing.json")
    assert (
        str(caught.value) == f"{tmp_path / 'missing.json'}: cannot read: No such file or directory"
    )


@pytest.mark.parametrize(
    "text",
    [
        '{"as_of": "soon"}',
        '{"as_of": "2026-11-22", "by": "me"}',
        '{"columns": {}, "encoding": "gbk"}',
        '{"on": "2026-11-22"}',
        '["2026-11-22"]',
        '{"as_of": 20261122}',
        "{",
        b"\xff".decode("latin-1"),
    ],
)
def test_a_malformed_manifest_is_a_usage_error(tmp_path: pathlib.Path, text: str) -> None:
    path = tmp_path / "portfolio.json"
    path.write_text(text, encoding="latin-1")
    with pytest.raises(_reading.PortfolioError) as caught:
        _reading.read_manifest(tmp_path)
    assert str(caught.value) == (
        f'{path}: expected {{"as_of": "YYYY-MM-DD", "columns": {{...}}}} (both optional)'
    )


@pytest.fixture
def stray_records(tmp_path: pathlib.Path) -> dict[str, _reading.Source]:
    """Three customers, one profile given twice and a purchase of a customer with none."""
    _sample.write_portfolio(tmp_path, 3, seed=7, as_of=AS_OF, events=2)
    for table, old, new in (("profiles", "", ""), ("purchases", "c-00001", "c-00009")):
        path = tmp_path / f"{table}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines()
        lines.append(lines[0].replace(old, new) if old else lines[0])
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _reading.find_tables(tmp_path)[0]


def judge(tables: dict[str, _reading.Source], *, strict: bool, bad: list[Any]) -> Any:
    return _portfolio.judge_portfolio(
        tables,
        as_of=AS_OF,
        policies=io.Policies(),
        lang="en",
        within=timedelta(days=30),
        tz=None,
        strict=strict,
        on_bad=bad.append,
        on_unreadable=bad.append,
    )


def test_records_of_unprofiled_customers_and_second_profiles_are_bad(
    stray_records: dict[str, _reading.Source],
) -> None:
    bad: list[io.BadRecord] = []
    portfolio = judge(stray_records, strict=False, bad=bad)
    assert [(b.path, b.line, [str(e) for e in b.errors]) for b in bad] == [
        (
            stray_records["profiles"].name,
            4,
            [
                (
                    "customer_id: expected one profile per customer (this one is read already),"
                    " got str 'c-00001'"
                )
            ],
        ),
    ]
    assert portfolio.reading.skip_lines() == [
        (
            f"1 record of c-00009 skipped: no profile in {stray_records['profiles'].name}"
            f" (the first at {stray_records['purchases'].name}:4)"
        )
    ]
    assert (portfolio.records, portfolio.reading.lost()) == (11, {"refused": 1, "skipped": 1})
    assert [(c.customer_id, c.counts, c.tier) for c in portfolio.customers] == [
        ("c-00001", (1, 0, 1, 0), Tier.SMALL),
        ("c-00002", (0, 0, 1, 0), Tier.SMALL),
        ("c-00003", (2, 0, 1, 0), Tier.VIP),
    ]
    assert portfolio.values == {"c-00001": D(1194), "c-00002": D(1194), "c-00003": D(5200)}
    first = portfolio.customers[0]
    assert portfolio.tier_reason(first, "en").startswith("rank 2 of 3 by value, tied with 1 more")
    assert portfolio.tier_reason(first, "zh").startswith("按价值排名第2/3")


def test_strict_reading_stops_at_the_first_stray_record(
    stray_records: dict[str, _reading.Source],
) -> None:
    bad: list[io.BadRecord] = []
    with pytest.raises(InvalidInputError) as caught:
        judge(stray_records, strict=True, bad=bad)
    where = f"{stray_records['profiles'].name}:4: customer_id"
    assert str(caught.value) == (
        f"{where}: expected one profile per customer (this one is read already), got str 'c-00001'"
    )
    assert caught.value.field == where
    assert bad == []


def test_without_profiles_every_customer_with_records_is_judged(
    stray_records: dict[str, _reading.Source],
) -> None:
    tables = {table: path for table, path in stray_records.items() if table != "profiles"}
    bad: list[io.BadRecord] = []
    portfolio = judge(tables, strict=True, bad=bad)
    assert bad == []
    assert [c.customer_id for c in portfolio.customers] == [
        "c-00001",
        "c-00002",
        "c-00003",
        "c-00009",
    ]
    assert portfolio.records == 7


def test_a_tier_reason_follows_the_portfolios_own_tier_policy(tmp_path: pathlib.Path) -> None:
    _sample.write_portfolio(tmp_path, 3, seed=7, as_of=AS_OF, events=2)
    problems: list[object] = []
    portfolio = _portfolio.judge_portfolio(
        _reading.find_tables(tmp_path)[0],
        as_of=AS_OF,
        policies=io.Policies(tiers=TierPolicy(shares=QUARTERS)),
        lang="en",
        within=timedelta(days=30),
        tz=None,
        strict=True,
        on_bad=problems.append,
        on_unreadable=problems.append,
    )
    assert problems == []
    assert [portfolio.tier_reason(c, "en") for c in portfolio.customers] == [
        (
            "rank 2 of 3 by value, tied with 1 more down to rank 3, 33% of customers above:"
            " ordinary (the top 75% by head count; ordinary from 1194)"
        ),
    ] * 2 + [
        (
            "rank 1 of 3 by value, 0% of customers above:"
            " vip (the top 25% by head count; vip from 5200)"
        )
    ]
