"""Exact results that close the mutation survivors of the pool, the pyramid's reasons
and the portfolio report.

Sections: the customer pool (rule C3), :func:`explain_tier` (rules T1, T2) and the
per-customer report behind the command line (``custrel._cli._portfolio``). Every refusal is
checked whole: message, field, value and expected.
"""

import json
import pathlib
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from custrel import io
from custrel._cli import _portfolio, _sample
from custrel.cadence import (
    AgendaItem,
    CadencePolicy,
    PoolPolicy,
    PoolReason,
    PoolStatus,
    pool_status,
)
from custrel.errors import InvalidInputError
from custrel.grading import Grade
from custrel.tiering import (
    RfmBox,
    RfmScore,
    RfmSegment,
    RfmSegmentPolicy,
    Tier,
    TierPolicy,
    explain_tier,
)

# The customer pool (rule C3) ----------------------------------------------------------------

NOV_20, NOV_23 = date(2026, 11, 20), date(2026, 11, 23)

# (fields of PoolStatus, field, value, expected): each disagreement, refused whole.
POOL_STATUS_REFUSALS: list[tuple[dict[str, Any], str, object, str]] = [
    (
        {"returns_on": NOV_20, "reason": PoolReason.CLOSED, "warn_from": None},
        "PoolStatus.returns_on",
        NOV_20,
        "None when reason is 'closed'",
    ),
    (
        {"returns_on": None, "reason": PoolReason.CLOSED, "warn_from": NOV_20},
        "PoolStatus.warn_from",
        NOV_20,
        "None when reason is 'closed'",
    ),
    (
        {"returns_on": None, "reason": PoolReason.HARD_CAP, "warn_from": NOV_20},
        "PoolStatus.returns_on",
        None,
        "a date (None only when reason is 'closed')",
    ),
    (
        {"returns_on": NOV_20, "reason": PoolReason.NO_FOLLOW_UP, "warn_from": None},
        "PoolStatus.warn_from",
        None,
        "a date (None only when reason is 'closed')",
    ),
    (
        {
            "returns_on": NOV_20,
            "reason": PoolReason.HARD_CAP,
            "warn_from": NOV_20,
            "warning": True,
            "returned": True,
        },
        "PoolStatus.warning",
        True,
        "False when closed or returned",
    ),
    (
        {"returns_on": None, "reason": PoolReason.CLOSED, "warn_from": None, "warning": True},
        "PoolStatus.warning",
        True,
        "False when closed or returned",
    ),
    (
        {"returns_on": None, "reason": PoolReason.CLOSED, "warn_from": None, "returned": True},
        "PoolStatus.returned",
        True,
        "False when closed",
    ),
    (
        {"returns_on": NOV_20, "reason": PoolReason.NO_FIRST_CONTACT, "warn_from": NOV_23},
        "PoolStatus.warn_from",
        NOV_23,
        "a date on or before returns_on (2026-11-20)",
    ),
]


def _show(value: object) -> str:
    return "NoneType None" if value is None else f"{type(value).__name__} {value!r}"


@pytest.mark.parametrize(("fields", "field", "value", "expected"), POOL_STATUS_REFUSALS)
def test_rule_c3_a_pool_status_whose_fields_disagree_is_refused_whole(
    fields: dict[str, Any], field: str, value: object, expected: str
) -> None:
    given = {"warning": False, "returned": False, **fields}
    with pytest.raises(InvalidInputError) as caught:
        PoolStatus(**given)
    assert str(caught.value) == f"{field}: expected {expected}, got {_show(value)}"
    assert (caught.value.field, caught.value.value, caught.value.expected) == (
        field,
        value,
        expected,
    )
    assert caught.value.hint == ""


def test_rule_c3_a_warning_that_starts_on_the_return_day_is_a_valid_status() -> None:
    status = PoolStatus(
        returns_on=NOV_20,
        reason=PoolReason.NO_FOLLOW_UP,
        warn_from=NOV_20,
        warning=False,
        returned=True,
    )
    assert status.warn_from == status.returns_on == NOV_20


def test_rule_c3_no_warning_days_warns_from_the_return_day_itself() -> None:
    status = pool_status(date(2026, 11, 1), [], as_of=NOV_20, policy=PoolPolicy(warning_days=0))
    assert status == PoolStatus(
        returns_on=date(2026, 11, 9),
        reason=PoolReason.NO_FIRST_CONTACT,
        warn_from=date(2026, 11, 9),
        warning=False,
        returned=True,
    )


def test_rule_c3_a_closed_customer_has_no_return_day_and_no_warning_day() -> None:
    status = pool_status(date(2026, 11, 1), [], as_of=NOV_20, closed=True)
    assert status.warn_from is None
    assert status == PoolStatus(
        returns_on=None, reason=PoolReason.CLOSED, warn_from=None, warning=False, returned=False
    )


# explain_tier (rules T1, T2) -------------------------------------------------------------


def test_rule_t2_a_tiers_cut_is_the_floor_value_as_the_pyramid_placed_it() -> None:
    # Two customers worth 5, written 5.0 and 5: the ordinary floor is the block's last
    # member (5), not whichever equal value comes first in the mapping (5.0).
    values = {"a": Decimal("5.0"), "b": Decimal(5), "c": Decimal(1), "d": Decimal(1)}
    why = explain_tier("a", values=values)
    assert (why.tier, why.rank, why.tied, why.customers) == (Tier.ORDINARY, 1, 2, 4)
    assert str(why.cut) == "5"
    assert why.reason_en == (
        "rank 1 of 4 by value, tied with 1 more down to rank 2, 0% of customers above:"
        " ordinary (the top 50% by head count; ordinary from 5)"
    )
    assert why.reason_zh == (
        "按价值排名第1/4，与另外1位并列至第2名，高于该客户的客户占0%："
        "普通客户（按客户数前50%；普通客户下限 5）"
    )


# The report behind the command line (custrel._cli._portfolio) ---------------------------------

AS_OF = date(2026, 11, 20)
SHANGHAI = ZoneInfo("Asia/Shanghai")
QUARTERS = (Decimal("0.25"), Decimal("0.25"), Decimal("0.25"), Decimal("0.25"))
EVERYONE = RfmSegment(
    name="all", label_en="All", label_zh="全部", boxes=(RfmBox(r=(1, 2), f=(1, 2), m=(1, 2)),)
)
# Rule C1 tuned: a phone call is no follow-up, and B is followed up every 10 days.
TUNED_CADENCE = CadencePolicy.from_dict(
    {
        "cadences": {
            "A": "daily",
            "B": {"days": 10},
            "C": "semimonthly",
            "D": "monthly",
            "E": "yearly",
        },
        "outbound": ["email", "sms", "visit", "meeting", "social", "chat"],
    }
)
TUNED = io.Policies(
    cadence=TUNED_CADENCE,
    tiers=TierPolicy(shares=QUARTERS),
    rfm_segments=RfmSegmentPolicy(bins=2, segments=(EVERYONE,)),
)


def _rows(*rows: dict[str, object]) -> str:
    return "".join(json.dumps(row) + "\n" for row in rows)


def _purchase(customer_id: str, at: str, amount: str, order_id: str) -> dict[str, object]:
    return {
        "customer_id": customer_id,
        "at": at,
        "product": "tea",
        "quantity": 1,
        "amount": amount,
        "profit": None,
        "refund": False,
        "order_id": order_id,
    }


def _contact(customer_id: str, at: str, channel: str) -> dict[str, object]:
    return {"customer_id": customer_id, "at": at, "channel": channel, "direction": "outbound"}


def _write(folder: pathlib.Path, *, bad_contact: bool = False) -> dict[str, pathlib.Path]:
    """c-1: grade A, phoned on 18 Nov; c-2: grade B, visited on 10 Nov and phoned on 12
    Nov; c-3: two orders, no opportunity. Contact times are naive (Shanghai time)."""
    opportunities = _rows(
        {
            "customer_id": "c-1",
            "need": "explicit",
            "expected_close": "2026-12-10",
            "amount": "100",
            "status": "negotiating",
        },
        {
            "customer_id": "c-2",
            "need": "explicit",
            "expected_close": "2027-01-10",
            "amount": "100",
            "status": "negotiating",
        },
    )
    contacts = _rows(
        _contact("c-1", "2026-11-18T10:00:00", "phone"),
        _contact("c-2", "2026-11-10T10:00:00", "visit"),
        _contact("c-2", "2026-11-12T10:00:00", "phone"),
    )
    purchases = _rows(
        _purchase("c-1", "2026-11-01T10:00:00+08:00", "500", "o-1"),
        _purchase("c-2", "2026-08-12T10:00:00+08:00", "300", "o-2"),
        _purchase("c-3", "2026-06-01T10:00:00+08:00", "100", "o-3"),
        _purchase("c-3", "2026-09-01T10:00:00+08:00", "100", "o-4"),
    )
    if bad_contact:
        contacts = "{\n" + contacts
    for table, text in (
        ("opportunities", opportunities),
        ("contacts", contacts),
        ("purchases", purchases),
    ):
        (folder / f"{table}.jsonl").write_text(text, encoding="utf-8")
    return _portfolio.find_tables(folder)


def _judge(
    tables: dict[str, pathlib.Path],
    *,
    policies: io.Policies,
    problems: list[object],
    progress: Any = None,
) -> _portfolio.Portfolio:
    return _portfolio.judge_portfolio(
        tables,
        as_of=AS_OF,
        policies=policies,
        lang="en",
        within=timedelta(days=30),
        tz=SHANGHAI,
        strict=False,
        on_bad=problems.append,
        on_unreadable=problems.append,
        progress=progress,
    )


def test_rules_c1_t1_t2_a_portfolio_is_judged_by_its_own_policies_and_zone(
    tmp_path: pathlib.Path,
) -> None:
    problems: list[object] = []
    portfolio = _judge(_write(tmp_path), policies=TUNED, problems=problems)
    assert problems == []  # the naive contact times are read in the zone given
    assert [
        (c.customer_id, c.grade, c.last_follow_up, c.tier, c.rfm, c.segment)
        for c in portfolio.customers
    ] == [
        (
            "c-1",
            Grade.A,
            None,  # rule C1 tuned: the phone call is no follow-up
            Tier.VIP,
            RfmScore(recency_days=19, frequency=1, monetary=Decimal(500), r=2, f=1, m=2),
            EVERYONE,
        ),
        (
            "c-2",
            Grade.B,
            date(2026, 11, 10),
            Tier.MAJOR,
            RfmScore(recency_days=100, frequency=1, monetary=Decimal(300), r=1, f=1, m=1),
            EVERYONE,
        ),
        (
            "c-3",
            None,
            None,
            Tier.ORDINARY,
            RfmScore(recency_days=80, frequency=2, monetary=Decimal(200), r=1, f=2, m=1),
            EVERYONE,
        ),
    ]
    # Rule C1 tuned: B every 10 days, so c-2 (last follow-up 10 Nov) is due today.
    assert [(c.customer_id, c.due) for c in portfolio.agenda] == [
        ("c-1", AgendaItem(customer_id="c-1", grade=Grade.A, due=AS_OF, days_overdue=0)),
        ("c-2", AgendaItem(customer_id="c-2", grade=Grade.B, due=AS_OF, days_overdue=0)),
    ]


def test_rule_c1_by_default_a_phone_call_is_a_follow_up_in_the_report(
    tmp_path: pathlib.Path,
) -> None:
    problems: list[object] = []
    portfolio = _judge(_write(tmp_path), policies=io.Policies(), problems=problems)
    assert problems == []
    assert [(c.customer_id, c.last_follow_up, c.tier) for c in portfolio.customers] == [
        ("c-1", date(2026, 11, 18), Tier.VIP),
        ("c-2", date(2026, 11, 12), Tier.ORDINARY),
        ("c-3", None, Tier.SMALL),
    ]
    assert [c.due for c in portfolio.agenda] == [
        AgendaItem(customer_id="c-1", grade=Grade.A, due=date(2026, 11, 19), days_overdue=1),
        AgendaItem(customer_id="c-2", grade=Grade.B, due=date(2026, 11, 19), days_overdue=1),
    ]


def test_a_grading_policy_of_the_wrong_type_is_refused_without_opportunities(
    tmp_path: pathlib.Path,
) -> None:
    tables = _write(tmp_path)
    del tables["opportunities"]
    policies = io.Policies(grading="by feel")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError) as caught:
        _judge(tables, policies=policies, problems=[])
    assert str(caught.value) == "policy: expected a GradingPolicy, got str 'by feel'"


def test_progress_counts_records_read_and_bad_then_customers_judged(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_portfolio, "_PROGRESS_EVERY", 2)
    calls: list[tuple[int, int | None]] = []

    def progress(records: int, customers: int | None) -> None:
        calls.append((records, customers))

    problems: list[object] = []
    tables = _write(tmp_path, bad_contact=True)
    portfolio = _judge(tables, policies=io.Policies(), problems=problems, progress=progress)
    assert len(problems) == 1
    assert (portfolio.records, portfolio.bad) == (10, 1)
    # Every second record read (the bad one counted in), then every second customer.
    assert calls == [(2, None), (5, None), (7, None), (9, None), (10, 2)]


def test_without_a_progress_callback_nothing_is_reported(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_portfolio, "_PROGRESS_EVERY", 1)
    portfolio = _judge(_write(tmp_path), policies=io.Policies(), problems=[])
    assert [c.customer_id for c in portfolio.customers] == ["c-1", "c-2", "c-3"]


def test_reading_goes_on_after_a_record_of_an_unprofiled_customer(
    tmp_path: pathlib.Path,
) -> None:
    _sample.write_portfolio(tmp_path, 3, seed=7, as_of=AS_OF, events=2)
    path = tmp_path / "purchases.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    stray = lines[0].replace("c-00001", "c-00009")
    path.write_text("\n".join([stray, *lines]) + "\n", encoding="utf-8")
    bad: list[Any] = []
    portfolio = _portfolio.judge_portfolio(
        _portfolio.find_tables(tmp_path),
        as_of=AS_OF,
        policies=io.Policies(),
        lang="en",
        within=timedelta(days=30),
        tz=None,
        strict=False,
        on_bad=bad.append,
        on_unreadable=bad.append,
    )
    assert [(b.line, [str(e) for e in b.errors]) for b in bad] == [
        (1, ["customer_id: expected a customer of profiles.jsonl, got str 'c-00009'"])
    ]
    assert (portfolio.records, portfolio.bad) == (
        10,
        1,
    )  # 3 profiles, 3 opportunities, 3 purchases and the stray one
    assert [c.counts[2] for c in portfolio.customers] == [1, 1, 1]


# The spill behind the report: buckets by customer, a large one on disk in batches.


def test_a_spill_of_one_part_keeps_every_record_in_memory() -> None:
    spill = _portfolio._Spill(1)
    records = [("c-1", 3, index) for index in range(_portfolio._BATCH + 1)]
    for record in records:
        spill.add(*record)
    assert list(spill.buckets()) == [records]


def test_a_spill_of_several_parts_holds_at_most_one_batch_a_bucket_in_memory() -> None:
    spill = _portfolio._Spill(2)
    records = [("c-1", 3, index) for index in range(2 * _portfolio._BATCH + 1)]
    for record in records:
        spill.add(*record)
    assert sum(len(buffer) for buffer in spill._buffers) <= _portfolio._BATCH
    assert sorted(map(len, spill.buckets())) == [0, len(records)]


def test_a_spill_puts_all_of_a_customers_records_in_one_of_its_buckets() -> None:
    spill = _portfolio._Spill(4)
    ids = [f"c-{index}" for index in range(64)]
    for cid in ids:
        for table in range(3):
            spill.add(cid, table, None)
    buckets = [{cid for cid, _, _ in bucket} for bucket in spill.buckets()]
    assert sum(map(len, buckets)) == len(ids)  # no customer in two buckets
    assert set().union(*buckets) == set(ids)
    assert sum(1 for bucket in buckets if bucket) > 1
