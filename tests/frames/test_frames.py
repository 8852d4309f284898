"""custrel.frames: lazy engines, a two-worker Dask cluster, and the input checks."""

from __future__ import annotations

import importlib
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import dask.dataframe as dd
import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

from custrel import frames
from custrel.cadence import CadencePolicy
from custrel.errors import CustrelError, InvalidInputError
from custrel.grading import Grade
from custrel.tiering import DEFAULT_RFM_SEGMENTS, TierCuts, TierMode, TierPolicy

AS_OF = date(2026, 11, 22)


def _portfolio(customers: int = 60, per: int = 5) -> pa.Table:
    """A generated portfolio: skewed counts, orders, refunds, cents, aware timestamps."""
    rows: dict[str, list[Any]] = {
        k: [] for k in ("customer_id", "at", "amount", "refund", "order_id", "profit")
    }
    for i in range(customers):
        for j in range(1 + (i * 7) % per):
            rows["customer_id"].append(f"c-{i:03d}")
            rows["at"].append(
                datetime(2024 + (i + j) % 3, 1 + (i * j) % 12, 1 + (i + 3 * j) % 28, 9, tzinfo=UTC)
            )
            rows["amount"].append(Decimal(f"{(i * 37 + j * 11) % 500}.{(i + j) % 100:02d}"))
            rows["refund"].append(j == 3)
            rows["order_id"].append(f"o-{i}-{j // 2}" if j % 3 else None)
            rows["profit"].append(Decimal(f"{(i + j) % 50}.25"))
    return pa.table(
        {
            "customer_id": pa.array(rows["customer_id"], pa.string()),
            "at": pa.array(rows["at"], pa.timestamp("us", tz="UTC")),
            "amount": pa.array(rows["amount"], pa.decimal128(18, 2)),
            "refund": pa.array(rows["refund"], pa.bool_()),
            "order_id": pa.array(rows["order_id"], pa.string()),
            "profit": pa.array(rows["profit"], pa.decimal128(18, 2)),
        }
    )


def _opportunities() -> pa.Table:
    return pa.table(
        {
            "customer_id": ["c-1", "c-2", "c-3", "c-4"],
            "need": ["explicit", "explicit", "potential", "none"],
            "expected_close": pa.array(
                [date(2026, 12, 22), date(2024, 2, 29), None, None], pa.date32()
            ),
            "status": ["negotiating", "negotiating", "potential", "potential"],
        }
    )


def _sorted(native: Any) -> list[dict[str, Any]]:
    table = (
        native
        if isinstance(native, pa.Table)
        else pl.from_pandas(native).to_arrow()
        if isinstance(native, pd.DataFrame)
        else native.to_arrow()
    )
    rows = table.to_pylist()
    return sorted(rows, key=lambda r: tuple(str(v) for v in r.values()))


def _single(table: pa.Table) -> dict[str, list[dict[str, Any]]]:
    values = frames.value_frame(table, as_of=AS_OF)
    return {
        "rfm": _sorted(frames.rfm_frame(table, as_of=AS_OF, segments=DEFAULT_RFM_SEGMENTS)),
        "tiers": _sorted(
            frames.tier_frame(values.select(["customer_id", "total_amount"]), value="total_amount")
        ),
        "grades": _sorted(frames.grade_frame(_opportunities(), as_of=AS_OF)),
    }


def test_lazy_polars_and_duckdb_give_the_eager_answers() -> None:
    table = _portfolio()
    expected = _sorted(frames.rfm_frame(table, as_of=AS_OF))
    lazy = frames.rfm_frame(pl.DataFrame(table).lazy(), as_of=AS_OF)
    assert isinstance(lazy, pl.LazyFrame)
    assert _sorted(lazy.collect()) == expected
    book = pa.table(
        {"grade": ["E", "C"], "last_follow_up": pa.array([date(2024, 2, 29), None], pa.date32())}
    )
    eager = frames.follow_up_frame(book, as_of=AS_OF).to_pylist()
    assert frames.follow_up_frame(duckdb.from_arrow(book), as_of=AS_OF).pl().to_dicts() == eager
    relation = frames.rfm_frame(duckdb.from_arrow(table), as_of=AS_OF)
    assert isinstance(relation, duckdb.DuckDBPyRelation)
    assert _sorted(relation.pl()) == expected


def test_two_dask_workers_give_the_single_process_answers(tmp_path: Any) -> None:
    """Rule book on a distributed engine: grades, RFM and tiers equal, exactly."""
    from dask.distributed import Client, LocalCluster  # noqa: PLC0415 - a heavy import

    table = _portfolio()
    expected = _single(table)
    for i, part in enumerate(table.to_batches(max_chunksize=100)):
        pa.parquet.write_table(pa.Table.from_batches([part]), tmp_path / f"part-{i}.parquet")
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        purchases = dd.read_parquet(str(tmp_path), dtype_backend="pyarrow")
        assert purchases.npartitions > 1
        rfm = frames.rfm_frame(purchases, as_of=AS_OF, segments=DEFAULT_RFM_SEGMENTS)
        values = frames.value_frame(purchases, as_of=AS_OF)[["customer_id", "total_amount"]]
        cuts = frames.tier_cuts_frame(values, value="total_amount")
        tiers = frames.tier_frame(values, cuts=cuts, value="total_amount")
        opportunities = dd.from_pandas(
            _opportunities().to_pandas(types_mapper=pd.ArrowDtype), npartitions=2
        )
        grades = frames.grade_frame(opportunities, as_of=AS_OF)
        got = {
            "rfm": _sorted(rfm.compute()),
            "tiers": _sorted(tiers.compute()),
            "grades": _sorted(grades.compute()),
        }
    assert got == expected


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.drop_columns(["amount"]), "purchases['amount']: expected a column 'amount'"),
        (lambda t: t.set_column(2, "amount", t["amount"].cast(pa.float64())), "pl.Decimal(18, 2)"),
        (
            lambda t: t.set_column(2, "amount", t["amount"].cast(pa.string())),
            "a decimal or integer column",
        ),
        (lambda t: t.set_column(1, "at", t["at"].cast(pa.timestamp("us"))), "naive timestamps"),
        (
            lambda t: t.set_column(1, "at", t["at"].cast(pa.string())),
            "a timezone-aware timestamp or a date",
        ),
        (
            lambda t: t.set_column(0, "customer_id", pa.array([None] * len(t), pa.string())),
            "purchases['customer_id'][0]: expected a value",
        ),
        (lambda t: t.set_column(3, "refund", t["refund"].cast(pa.int8())), "a boolean column"),
        (
            lambda t: t.set_column(4, "order_id", pa.array([1] * len(t))),
            "purchases['order_id']: expected a string",
        ),
    ],
)
def test_bad_purchases_are_refused_naming_the_column(change: Any, message: str) -> None:
    with pytest.raises(
        InvalidInputError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")
    ):
        frames.value_frame(change(_portfolio(3, 2)), as_of=AS_OF)


def test_bad_frames_and_arguments_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="a dataframe"):
        frames.value_frame([1, 2], as_of=AS_OF)
    with pytest.raises(InvalidInputError, match="a GradingPolicy"):
        frames.grade_frame(_opportunities(), as_of=AS_OF, policy=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"opportunities\['need'\]\[0\]: expected one of"):
        frames.grade_frame(_opportunities().set_column(1, "need", pa.array(["x"] * 4)), as_of=AS_OF)
    with pytest.raises(InvalidInputError, match="a string column"):
        frames.grade_frame(_opportunities().set_column(1, "need", pa.array([1] * 4)), as_of=AS_OF)
    with pytest.raises(InvalidInputError, match="a date column"):
        frames.grade_frame(
            _opportunities().set_column(2, "expected_close", pa.array([1] * 4)), as_of=AS_OF
        )
    with pytest.raises(InvalidInputError, match="a CadencePolicy"):
        frames.follow_up_frame(_opportunities(), as_of=AS_OF, policy=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="one of the customers given"):
        frames.value_frame(_portfolio(3, 2), as_of=AS_OF, customers=["c-000"])
    with pytest.raises(InvalidInputError, match="a policy for 3 bins"):
        frames.rfm_frame(_portfolio(3, 2), as_of=AS_OF, bins=3, segments=DEFAULT_RFM_SEGMENTS)
    with pytest.raises(InvalidInputError, match="an RfmSegmentPolicy"):
        frames.rfm_frame(_portfolio(3, 2), as_of=AS_OF, segments="x")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="a LifecyclePolicy"):
        frames.stage_frame(_portfolio(3, 2), as_of=AS_OF, policy=None)  # type: ignore[arg-type]


def test_pandas_needs_pyarrow_dtypes() -> None:
    numpy_backed = _portfolio(3, 2).to_pandas()
    with pytest.raises(InvalidInputError, match="dtype_backend='pyarrow'"):
        frames.value_frame(numpy_backed, as_of=AS_OF)


def test_tiers_refuse_what_the_object_path_refuses() -> None:
    values = pa.table({"value": pa.array([Decimal("-1.00"), Decimal(2)], pa.decimal128(18, 2))})
    with pytest.raises(InvalidInputError, match="a value >= 0 in value-share mode"):
        frames.tier_frame(values, policy=TierPolicy(mode=TierMode.VALUE_SHARE))
    with pytest.raises(InvalidInputError, match="at least one customer"):
        frames.tier_cuts_frame(duckdb.from_arrow(values.slice(0, 0)))
    with pytest.raises(InvalidInputError, match="a TierPolicy"):
        frames.tier_cuts_frame(values, policy=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="a TierCuts or None"):
        frames.tier_frame(values, cuts="x")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="0 for a decimal column"):
        frames.tier_frame(values, scale=2)


def test_integer_minor_units_give_cuts_in_whole_units() -> None:
    cents = pl.DataFrame({"value": [10_050, 20_000, 300]})
    cuts = frames.tier_cuts_frame(cents, scale=2)
    assert cuts == TierCuts.from_values(
        {"a": Decimal("100.50"), "b": Decimal(200), "c": Decimal(3)}
    )
    assert frames.tier_frame(cents, scale=2)["tier"].to_list() == ["ordinary", "vip", "small"]
    assert frames.tier_frame(cents.clear(), scale=2)["tier"].to_list() == []


def test_working_day_cadence_skips_weekends_and_holidays() -> None:
    book = pl.DataFrame(
        {"grade": ["A", "A"], "last_follow_up": [date(2026, 9, 30), date(2026, 10, 9)]}
    )
    out = frames.follow_up_frame(
        book,
        as_of=AS_OF,
        policy=CadencePolicy(daily_on_working_days=True),
        holidays=[date(2026, 10, d) for d in range(1, 8)],
        workdays=[date(2026, 10, 10)],
    )
    assert out["due"].to_list() == [date(2026, 10, 8), date(2026, 10, 10)]


def test_agenda_frame_keeps_the_most_urgent() -> None:
    book = pl.DataFrame(
        {
            "customer_id": ["c-1", "c-2"],
            "grade": [Grade.B.value, Grade.A.value],
            "last_follow_up": [date(2026, 11, 1), None],
        }
    )
    assert frames.agenda_frame(book, as_of=AS_OF, limit=1)["customer_id"].to_list() == ["c-1"]


def test_stage_frame_without_complaints_on_dates() -> None:
    sales = pl.DataFrame(
        {"customer_id": ["a"], "at": [date(2026, 10, 1)], "amount": [Decimal("80.00")]}
    )
    out = frames.stage_frame(sales.lazy(), as_of=AS_OF, refund=None)
    assert out.collect().rows() == [("a", "new", "new")]


def test_import_without_narwhals_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "narwhals", None)
    monkeypatch.setitem(sys.modules, "narwhals.stable.v2", None)
    monkeypatch.delitem(sys.modules, "custrel.frames")
    with pytest.raises(CustrelError, match=r"pip install 'custrel\[frames\]'") as caught:
        importlib.import_module("custrel.frames")
    assert isinstance(caught.value, ImportError)


def test_periods_of_days_and_plain_weekends() -> None:
    """A cadence of plain days (rule C1), and working days with no holiday list."""
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415 - this test only

    cadences = {g: relativedelta(days=10) for g in Grade}
    book = pl.DataFrame({"grade": ["B", "A"], "last_follow_up": [date(2026, 11, 6)] * 2})
    out = frames.follow_up_frame(book, as_of=AS_OF, policy=CadencePolicy(cadences=cadences))
    assert out["due"].to_list() == [date(2026, 11, 16)] * 2
    assert out["cadence"].to_list() == ["10 days"] * 2
    weekdays = CadencePolicy(daily_on_working_days=True)
    friday = frames.follow_up_frame(book, as_of=AS_OF, policy=weekdays)
    assert friday["due"].to_list() == [date(2026, 11, 13), date(2026, 11, 9)]
