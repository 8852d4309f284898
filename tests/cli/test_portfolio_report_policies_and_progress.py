"""The command line's report judges a portfolio by its own policies and zone, reports progress,
and reads on past stray records.
"""

import json
import pathlib
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from custrel import io
from custrel._cli import _portfolio, _reading, _sample
from custrel.cadence import (
    CadencePolicy,
    LastTouch,
    Touch,
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


def _write(folder: pathlib.Path, *, bad_contact: bool = False) -> dict[str, _reading.Source]:
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
    return _reading.find_tables(folder)[0]


def _judge(
    tables: dict[str, _reading.Source],
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
        (c.customer_id, c.grade, c.last_touch, c.tier, c.rfm, c.segment)
        for c in portfolio.customers
    ] == [
        (
            "c-1",
            Grade.A,
            # rule C1 tuned: the phone call is no follow-up, the purchase is
            LastTouch(on=date(2026, 11, 1), kind=Touch.PURCHASE),
            Tier.VIP,
            RfmScore(recency_days=19, frequency=1, monetary=Decimal(500), r=2, f=1, m=2),
            EVERYONE,
        ),
        (
            "c-2",
            Grade.B,
            LastTouch(on=date(2026, 11, 10), kind=Touch.OUTBOUND),
            Tier.MAJOR,
            RfmScore(recency_days=100, frequency=1, monetary=Decimal(300), r=1, f=1, m=1),
            EVERYONE,
        ),
        (
            "c-3",
            None,
            LastTouch(on=date(2026, 9, 1), kind=Touch.PURCHASE),
            Tier.ORDINARY,
            RfmScore(recency_days=80, frequency=2, monetary=Decimal(200), r=1, f=2, m=1),
            EVERYONE,
        ),
    ]
    # Rule C1 tuned: B every 10 days, so c-2 (last follow-up 10 Nov) is due today.
    assert [(c.customer_id, c.next_due, c.days_overdue) for c in portfolio.agenda] == [
        ("c-1", date(2026, 11, 2), 18),
        ("c-2", AS_OF, 0),
    ]


def test_rule_c1_by_default_a_phone_call_is_a_follow_up_in_the_report(
    tmp_path: pathlib.Path,
) -> None:
    problems: list[object] = []
    portfolio = _judge(_write(tmp_path), policies=io.Policies(), problems=problems)
    assert problems == []
    assert [(c.customer_id, c.last_touch, c.tier) for c in portfolio.customers] == [
        ("c-1", LastTouch(on=date(2026, 11, 18), kind=Touch.OUTBOUND), Tier.VIP),
        ("c-2", LastTouch(on=date(2026, 11, 12), kind=Touch.OUTBOUND), Tier.ORDINARY),
        ("c-3", LastTouch(on=date(2026, 9, 1), kind=Touch.PURCHASE), Tier.SMALL),
    ]
    assert [(c.customer_id, c.next_due, c.days_overdue) for c in portfolio.agenda] == [
        ("c-1", date(2026, 11, 19), 1),
        ("c-2", date(2026, 11, 19), 1),
    ]
    # c-3 has no opportunity, so no grade and no cadence: never on the agenda
    assert portfolio.customers[2].next_due is None


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
    monkeypatch.setattr(_reading, "PROGRESS_EVERY", 2)
    calls: list[tuple[int, int | None]] = []

    def progress(records: int, customers: int | None) -> None:
        calls.append((records, customers))

    problems: list[object] = []
    tables = _write(tmp_path, bad_contact=True)
    portfolio = _judge(tables, policies=io.Policies(), problems=problems, progress=progress)
    assert len(problems) == 1
    assert (portfolio.records, portfolio.reading.lost()) == (10, {"refused": 1})
    # Every second record of a file read (the bad one counted in), then every second customer.
    assert calls == [(2, None), (5, None), (7, None), (9, None), (10, 2)]


def test_without_a_progress_callback_nothing_is_reported(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_reading, "PROGRESS_EVERY", 1)
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
        _reading.find_tables(tmp_path)[0],
        as_of=AS_OF,
        policies=io.Policies(),
        lang="en",
        within=timedelta(days=30),
        tz=None,
        strict=False,
        on_bad=bad.append,
        on_unreadable=bad.append,
    )
    assert bad == []
    assert portfolio.reading.skip_lines() == [
        (
            f"1 record of c-00009 skipped: no profile in {tmp_path / 'profiles.jsonl'}"
            f" (the first at {path}:1)"
        )
    ]
    # 3 profiles, 3 opportunities, 3 purchases and the stray one
    assert (portfolio.records, portfolio.reading.lost()) == (10, {"skipped": 1})
    assert [c.counts[2] for c in portfolio.customers] == [1, 1, 1]
