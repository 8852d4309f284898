"""The main job of the command line: a portfolio folder read, each customer judged; private.

Reading streams every file once. Records are spilled into buckets by customer (kept
in memory for a small portfolio, in temporary files for a large one), then each
bucket is grouped by customer, every per-customer rule runs on that customer's
records, and only the customer's results are kept. So memory grows with the number
of customers and with the size of one bucket, never with the whole history. The
portfolio-wide rules (the pyramid, RFM, the agenda) run last, on those results.
"""

from __future__ import annotations

import pickle
import tempfile
from typing import TYPE_CHECKING, Any

import attrs

from custrel._cli import _reading
from custrel._cli._reading import Reading, Source, read_tables
from custrel.cadence import AgendaItem, UpcomingOccasion, agenda, last_follow_up, upcoming_occasions
from custrel.errors import InvalidInputError
from custrel.grading import Grade, customer_grade, explain_grade, grade
from custrel.lifecycle import ChurnSignal, Stage, explain_stage
from custrel.loyalty import LoyaltyMeasures, explain_loyalty
from custrel.models import (
    CustomerProfile,
    DealStatus,
    Purchase,
)
from custrel.tiering import (
    RfmScore,
    RfmSegment,
    Tier,
    ValueIndicators,
    customer_value,
    explain_tier,
    rfm_scores,
    rfm_segment,
    tier_portfolio,
)

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable, Iterable, Iterator, Mapping
    from datetime import date, timedelta, tzinfo
    from decimal import Decimal

    from custrel import io

_BUCKET_BYTES = 32 * 1024 * 1024  # input bytes per bucket: about 150,000 records
_BATCH = 4096  # records pickled at once into a bucket file


@attrs.define(slots=True)
class Customer:
    """One customer's results."""

    customer_id: str
    name: str | None
    grade: Grade | None
    grade_reason: str | None
    last_follow_up: date | None
    stage: Stage
    signals: tuple[ChurnSignal, ...]
    stage_reason: str
    loyalty: Decimal | None
    loyalty_reason: str | None
    value: Decimal
    occasions: tuple[UpcomingOccasion, ...]
    counts: tuple[int, int, int, int]  # opportunities, contacts, purchases, complaints
    tier: Tier = Tier.SMALL
    rfm: RfmScore | None = None
    segment: RfmSegment | None = None
    due: AgendaItem | None = None


@attrs.frozen(kw_only=True)
class Portfolio:
    """The results of a whole portfolio, customers sorted by id."""

    as_of: date
    customers: list[Customer]
    agenda: list[Customer]
    policies: io.Policies
    reading: Reading
    values: dict[str, Decimal]

    @property
    def records(self) -> int:
        """Every record of every file read."""
        return self.reading.records

    def tier_reason(self, customer: Customer, lang: str) -> str:
        """Why the customer is in their tier (computed on demand: it ranks everyone)."""
        why = explain_tier(customer.customer_id, values=self.values, policy=self.policies.tiers)
        return why.reason_zh if lang == "zh" else why.reason_en


def _size(path: pathlib.Path) -> int:
    """The size of a file, 0 when it cannot be read (reading it then says why)."""
    try:
        return path.stat().st_size
    except OSError:  # a broken or looping link, a file removed since
        return 0


class _Spill:
    """Records in buckets by customer: lists in memory, or pickled to temporary files."""

    def __init__(self, parts: int) -> None:
        self.parts = parts
        self._buffers: list[list[tuple[str, int, object]]] = [[] for _ in range(parts)]
        self._files = (
            [
                tempfile.TemporaryFile()  # noqa: SIM115 - closed when its bucket is read
                for _ in range(parts)
            ]
            if parts > 1
            else []
        )

    def add(self, customer_id: str, table: int, record: object) -> None:
        part = hash(customer_id) % self.parts
        buffer = self._buffers[part]
        buffer.append((customer_id, table, record))
        if self._files and len(buffer) >= _BATCH:
            pickle.dump(buffer, self._files[part], pickle.HIGHEST_PROTOCOL)
            buffer.clear()

    def buckets(self) -> Iterator[list[tuple[str, int, object]]]:
        for part, buffer in enumerate(self._buffers):
            if not self._files:
                yield buffer
                continue
            with self._files[part] as file:
                items: list[tuple[str, int, object]] = []
                file.seek(0)
                while True:
                    try:
                        items.extend(pickle.load(file))  # noqa: S301 - our own file
                    except EOFError:
                        break
                items.extend(buffer)
            buffer.clear()
            yield items


def _judge(
    customer_id: str,
    records: list[list[Any]],
    *,
    as_of: date,
    policies: io.Policies,
    lang: str,
    within: timedelta,
) -> Customer:
    """Every per-customer rule on one customer's records."""
    profiles, opportunities, contacts, purchases, complaints = records
    zh = lang == "zh"
    profile: CustomerProfile | None = profiles[0] if profiles else None
    chosen: Grade | None = None
    grade_reason = None
    if opportunities:
        chosen = customer_grade(opportunities, as_of=as_of, policy=policies.grading)
        deciding = next(
            o
            for o in sorted(opportunities, key=lambda o: o.status is DealStatus.CLOSED)
            if grade(o, as_of=as_of, policy=policies.grading) is chosen
        )
        why = explain_grade(deciding, as_of=as_of, policy=policies.grading)
        grade_reason = why.reason_zh if zh else why.reason_en
    stage = explain_stage(purchases, as_of=as_of, complaints=complaints, policy=policies.lifecycle)
    try:
        loyalty = explain_loyalty(
            LoyaltyMeasures.from_purchases(purchases, as_of=as_of), policy=policies.loyalty
        )
    except InvalidInputError:  # a policy that weighs only what a history cannot tell
        loyalty = None
    occasions: tuple[UpcomingOccasion, ...] = ()
    if profile is not None:
        occasions = tuple(upcoming_occasions(profile, as_of=as_of, within=within))
    person = profile.person if profile is not None else None
    organization = profile.organization if profile is not None else None
    return Customer(
        customer_id=customer_id,
        name=person.name if person else organization.name if organization else None,
        grade=chosen,
        grade_reason=grade_reason,
        last_follow_up=last_follow_up(contacts, as_of=as_of, policy=policies.cadence),
        stage=stage.stage,
        signals=stage.signals,
        stage_reason=stage.reason_zh if zh else stage.reason_en,
        loyalty=None if loyalty is None else loyalty.score,
        loyalty_reason=None if loyalty is None else loyalty.reason_zh if zh else loyalty.reason_en,
        value=customer_value(ValueIndicators.from_purchases(purchases, as_of=as_of)),
        occasions=occasions,
        counts=(len(opportunities), len(contacts), len(purchases), len(complaints)),
    )


def _graded(customers: Iterable[Customer]) -> Iterator[tuple[str, Grade, date | None]]:
    """The agenda's entries: customers without an opportunity have no grade and no cadence."""
    for customer in customers:
        if customer.grade is not None:
            yield customer.customer_id, customer.grade, customer.last_follow_up


def judge_portfolio(
    tables: dict[str, Source],
    *,
    as_of: date,
    policies: io.Policies,
    lang: str,
    within: timedelta,
    tz: tzinfo | None,
    strict: bool,
    on_bad: Callable[[io.BadRecord], None],
    on_unreadable: Callable[[str], None],
    progress: Callable[[int, int | None], None] | None = None,
    encoding: str | None = None,
    columns: Mapping[str, Mapping[str, str]] | None = None,
) -> Portfolio:
    """Read a portfolio's tables and judge every customer (see the module docstring)."""
    size = sum(_size(path) for path in {source.path for source in tables.values()})
    spill = _Spill(1 + size // _BUCKET_BYTES)
    reading = read_tables(
        tables,
        spill.add,
        as_of=as_of,
        tz=tz,
        strict=strict,
        on_bad=on_bad,
        on_unreadable=on_unreadable,
        progress=progress,
        encoding=encoding,
        columns=columns,
    )
    read = reading.records
    known = reading.known
    results: dict[str, Customer] = {}

    def purchases() -> Iterator[Purchase]:
        """Judge bucket by bucket, handing each customer's purchases on to RFM."""
        for bucket in spill.buckets():
            grouped: dict[str, list[list[Any]]] = {}
            for cid, table, record in bucket:
                grouped.setdefault(cid, [[], [], [], [], []])[table].append(record)
            bucket.clear()
            for cid, records in grouped.items():
                results[cid] = _judge(
                    cid, records, as_of=as_of, policies=policies, lang=lang, within=within
                )
                if progress is not None and len(results) % _reading.PROGRESS_EVERY == 0:
                    progress(read, len(results))
                yield from records[3]

    ids = sorted(known)
    scores = rfm_scores(purchases(), as_of=as_of, bins=policies.rfm_segments.bins, customers=ids)
    values = {cid: results[cid].value for cid in ids}
    tiers = tier_portfolio(values, policy=policies.tiers)
    due = agenda(
        _graded(results[cid] for cid in ids),
        as_of=as_of,
        policy=policies.cadence,
        grading=policies.grading,
    )
    customers = []
    for cid in ids:
        customer = results[cid]
        customer.tier = tiers[cid]
        customer.rfm = scores[cid]
        customer.segment = rfm_segment(scores[cid], policy=policies.rfm_segments)
        customers.append(customer)
    for item in due:
        results[item.customer_id].due = item
    return Portfolio(
        as_of=as_of,
        customers=customers,
        agenda=[results[item.customer_id] for item in due],
        policies=policies,
        reading=reading,
        values=values,
    )
