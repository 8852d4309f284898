"""custrel.frames gives, row for row, what the object path gives (issue 12's contract).

Portfolios come from custrel's own strategies, become pyarrow, polars and pandas
frames, and every frame function is checked against its object twin: grades, due
days, agenda, indicators, RFM scores and segments, tier cuts and tiers, stages.
"""

from __future__ import annotations

from datetime import UTC, date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pandas as pd
import polars as pl
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from custrel import frames
from custrel import strategies as cs
from custrel.cadence import CadencePolicy, agenda, cadence_for, next_due
from custrel.frames._cadence import _cadence_name
from custrel.grading import Grade, GradingPolicy, grade, urgency
from custrel.lifecycle import highest_stage, lifecycle_stage
from custrel.tiering import (
    DEFAULT_RFM_SEGMENTS,
    TierCuts,
    TierMode,
    TierPolicy,
    ValueIndicators,
    portfolio_values,
    rfm_scores,
    rfm_segment,
    tier_portfolio,
)

if TYPE_CHECKING:
    from custrel.models import Complaint, Opportunity, Purchase

EXAMPLES = settings(max_examples=30)
IDS = ["c-1", "c-2", "c-3", "c-4", "c-5"]
LOW, HIGH = date(2023, 12, 1), date(2028, 3, 31)  # two 29 Februaries, many month ends
AS_OF = cs.dates(min_value=date(2024, 1, 1), max_value=date(2028, 3, 1))
MONEY = pa.decimal128(18, 2)


def _as(kind: str, table: pa.Table) -> Any:
    if kind == "polars":
        return pl.from_arrow(table)
    if kind == "pandas":
        return table.to_pandas(types_mapper=pd.ArrowDtype)
    return table


def _rows(kind: str, native: Any) -> list[dict[str, Any]]:
    """The rows of a result, as dicts of Python values (nulls as None)."""
    table = (
        native
        if kind == "pyarrow"
        else pa.Table.from_pandas(native, preserve_index=False)
        if kind == "pandas"
        else native.to_arrow()
    )
    return table.to_pylist()  # type: ignore[no-any-return]


KINDS = st.sampled_from(["pyarrow", "polars", "pandas"])


@st.composite
def _purchases(draw: st.DrawFn) -> tuple[list[Purchase], bool]:
    """Purchases, and whether their frame has an order column (without, no order ids)."""
    orders = draw(st.booleans())
    return [p if orders else attrs.evolve(p, order_id=None) for p in draw(_some())], orders


@st.composite
def _some(draw: st.DrawFn) -> list[Purchase]:
    found = draw(
        st.lists(
            st.sampled_from(IDS).flatmap(
                lambda cid: cs.purchases(customer_id=cid, min_value=LOW, max_value=HIGH)
            ),
            max_size=14,
        )
    )
    # A frame column has one time zone: the object path sees the same instants in UTC.
    return [attrs.evolve(p, at=p.at.astimezone(UTC)) for p in found]


def _purchase_table(purchases: list[Purchase], *, orders: bool = True) -> pa.Table:
    table = pa.table(
        {
            "customer_id": pa.array([p.customer_id for p in purchases], pa.string()),
            "at": pa.array([p.at for p in purchases], pa.timestamp("us", tz="UTC")),
            "amount": pa.array([p.amount for p in purchases], MONEY),
            "profit": pa.array([p.profit for p in purchases], MONEY),
            "refund": pa.array([p.refund for p in purchases], pa.bool_()),
            "order_id": pa.array([p.order_id for p in purchases], pa.string()),
        }
    )
    return table if orders else table.drop_columns(["order_id"])


KNOWN = st.none() | st.lists(st.sampled_from([*IDS, "c-9"]), unique=True).map(
    lambda ids: sorted({*ids, *IDS})
)


@EXAMPLES
@given(_purchases(), AS_OF, KINDS, KNOWN)
def test_value_frame_is_value_indicators(
    drawn: tuple[list[Purchase], bool], as_of: date, kind: str, known: list[str] | None
) -> None:
    purchases, orders = drawn
    out = _rows(
        kind,
        frames.value_frame(
            _as(kind, _purchase_table(purchases, orders=orders)),
            as_of=as_of,
            customers=known,
            order_id="order_id" if orders else None,
        ),
    )
    ids = list(portfolio_values(purchases, as_of=as_of, customers=known))
    assert [row["customer_id"] for row in out] == sorted(ids)
    for row in out:
        own = [p for p in purchases if p.customer_id == row["customer_id"]]
        v = ValueIndicators.from_purchases(own, as_of=as_of)
        average = row.pop("average_amount")
        assert (average is None) == (v.average_amount is None)
        if average is not None:
            assert v.average_amount is not None
            assert abs(Decimal(average) - v.average_amount) <= Decimal("0.01")  # engine division
        expected = attrs.asdict(v)
        del expected["average_amount"]
        assert {k: row[k] for k in expected} == expected


@EXAMPLES
@given(_purchases(), AS_OF, KINDS, KNOWN, st.integers(min_value=1, max_value=6))
def test_rfm_frame_is_rfm_scores(
    drawn: tuple[list[Purchase], bool], as_of: date, kind: str, known: list[str] | None, bins: int
) -> None:
    purchases, orders = drawn
    segments = DEFAULT_RFM_SEGMENTS if bins == DEFAULT_RFM_SEGMENTS.bins else None
    out = frames.rfm_frame(
        _as(kind, _purchase_table(purchases, orders=orders)),
        as_of=as_of,
        order_id="order_id" if orders else None,
        bins=bins,
        customers=known,
        segments=segments,
    )
    expected = rfm_scores(purchases, as_of=as_of, bins=bins, customers=known)
    rows = {row.pop("customer_id"): row for row in _rows(kind, out)}
    assert sorted(rows) == sorted(expected)
    for cid, score in expected.items():
        want = attrs.asdict(score)
        if segments is not None:
            want["segment"] = rfm_segment(score, policy=segments).name
        assert rows[cid] == want


VALUES = st.dictionaries(
    st.sampled_from([f"c-{i}" for i in range(40)]),
    st.integers(min_value=-5, max_value=30).map(lambda n: Decimal(n * 25).scaleb(-2)),
    max_size=40,
)
POLICIES = st.one_of(st.just(TierPolicy()), cs.tier_policies())


def _values_table(values: dict[str, Decimal]) -> pa.Table:
    return pa.table(
        {
            "customer_id": pa.array(list(values), pa.string()),
            "value": pa.array(list(values.values()), MONEY),
        }
    )


@EXAMPLES
@given(VALUES, POLICIES, KINDS)
def test_tier_frame_is_tier_portfolio(
    values: dict[str, Decimal], policy: TierPolicy, kind: str
) -> None:
    if policy.mode is TierMode.VALUE_SHARE:
        values = {k: abs(v) for k, v in values.items()}
    native = _as(kind, _values_table(values))
    out = _rows(kind, frames.tier_frame(native, policy=policy))
    expected = tier_portfolio(values, policy=policy)
    assert {row["customer_id"]: row["tier"] for row in out} == {
        k: t.value for k, t in expected.items()
    }
    if values:
        assert frames.tier_cuts_frame(native, policy=policy) == TierCuts.from_values(
            values, policy=policy
        )


@EXAMPLES
@given(
    st.lists(cs.opportunities(min_value=LOW, max_value=HIGH), max_size=12),
    AS_OF,
    st.one_of(st.just(GradingPolicy()), cs.grading_policies()),
    KINDS,
)
def test_grade_frame_is_grade(
    opportunities: list[Opportunity], as_of: date, policy: GradingPolicy, kind: str
) -> None:
    table = pa.table(
        {
            "need": pa.array([o.need.value for o in opportunities], pa.string()),
            "expected_close": pa.array([o.expected_close for o in opportunities], pa.date32()),
            "status": pa.array([o.status.value for o in opportunities], pa.string()),
        }
    )
    out = _rows(kind, frames.grade_frame(_as(kind, table), as_of=as_of, policy=policy))
    assert [(row["grade"], row["urgency"]) for row in out] == [
        (
            grade(o, as_of=as_of, policy=policy).value,
            urgency(o.expected_close, as_of=as_of, policy=policy).value,
        )
        for o in opportunities
    ]


BOOK = st.lists(
    st.tuples(st.sampled_from(Grade), st.none() | cs.dates(min_value=LOW, max_value=HIGH)),
    max_size=12,
)
HOLIDAYS = st.lists(cs.dates(min_value=LOW, max_value=HIGH), max_size=4)


def _book(book: list[tuple[Grade, date | None]]) -> pa.Table:
    return pa.table(
        {
            "customer_id": pa.array([f"c-{i:02d}" for i in range(len(book))], pa.string()),
            "grade": pa.array([g.value for g, _ in book], pa.string()),
            "last_follow_up": pa.array([last for _, last in book], pa.date32()),
        }
    )


@settings(max_examples=12)  # long expressions: one per cadence and candidate offset
@given(BOOK, AS_OF, st.one_of(st.just(CadencePolicy()), cs.cadence_policies()), KINDS, HOLIDAYS)
def test_follow_up_frame_is_next_due(
    book: list[tuple[Grade, date | None]],
    as_of: date,
    policy: CadencePolicy,
    kind: str,
    holidays: list[date],
) -> None:
    out = _rows(
        kind,
        frames.follow_up_frame(
            _as(kind, _book(book)), as_of=as_of, policy=policy, holidays=holidays
        ),
    )
    for row, (g, last) in zip(out, book, strict=True):
        due = next_due(g, last, as_of=as_of, policy=policy, holidays=holidays)
        assert (row["due"], row["days_overdue"]) == (due, (as_of - due).days)
        assert row["cadence"] == _cadence_name(cadence_for(g, policy=policy))


@settings(max_examples=12)
@given(BOOK, AS_OF, st.none() | st.integers(min_value=1, max_value=5), KINDS)
def test_agenda_frame_is_agenda(
    book: list[tuple[Grade, date | None]], as_of: date, limit: int | None, kind: str
) -> None:
    native = frames.agenda_frame(_as(kind, _book(book)), as_of=as_of, limit=limit)
    expected = agenda(
        [(f"c-{i:02d}", g, last) for i, (g, last) in enumerate(book)], as_of=as_of, limit=limit
    )
    assert _rows(kind, native) == [
        attrs.asdict(item, filter=lambda a, _: a.name != "provisional")
        | {"grade": item.grade.value}
        for item in expected
    ]


@settings(max_examples=15)
@given(
    _purchases(),
    st.lists(
        st.sampled_from(IDS).flatmap(
            lambda cid: cs.complaints(customer_id=cid, min_value=LOW, max_value=HIGH)
        ),
        max_size=5,
    ),
    AS_OF,
    KINDS,
)
def test_stage_frame_is_lifecycle_stage(
    drawn: tuple[list[Purchase], bool], complaints: list[Complaint], as_of: date, kind: str
) -> None:
    purchases = drawn[0]
    complaints = [attrs.evolve(c, at=c.at.astimezone(UTC), resolved_at=None) for c in complaints]
    grievances = pa.table(
        {
            "customer_id": pa.array([c.customer_id for c in complaints], pa.string()),
            "at": pa.array([c.at for c in complaints], pa.timestamp("us", tz="UTC")),
        }
    )
    out = frames.stage_frame(
        _as(kind, _purchase_table(purchases)),
        as_of=as_of,
        complaints=_as(kind, grievances),
        customers=IDS,
    )
    for row in _rows(kind, out):
        cid = row["customer_id"]
        own = [p for p in purchases if p.customer_id == cid]
        mine = [c for c in complaints if c.customer_id == cid]
        assert row["stage"] == lifecycle_stage(own, as_of=as_of, complaints=mine).value
        assert row["highest"] == highest_stage(own, as_of=as_of).value
