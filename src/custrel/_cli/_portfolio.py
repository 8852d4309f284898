"""The main job of the command line: a portfolio folder read, each customer judged; private.

Reading streams every file once. Records are spilled into buckets by customer (kept
in memory for a small portfolio, in temporary files for a large one), then each
bucket is grouped by customer, every per-customer rule runs on that customer's
records, and only the customer's results are kept. So memory grows with the number
of customers and with the size of one bucket, never with the whole history. The
portfolio-wide rules (the pyramid, RFM, the agenda) run last, on those results.
"""

from __future__ import annotations

import contextlib
import functools
import pickle
import tempfile
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from custrel._cli import _reading
from custrel._cli._reading import Reading, Source, read_tables
from custrel.cadence import LastTouch, UpcomingOccasion, agenda, last_touch, upcoming_occasions
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
    rfm_scores,
    rfm_segment,
    tier_portfolio,
)
from custrel.tiering._explain import TierExplanation, tier_explainer

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable, Iterator, Mapping
    from datetime import timedelta, tzinfo
    from decimal import Decimal

    from custrel import io
    from custrel.cadence import CadencePolicy, WorkCalendar
    from custrel.loyalty import LoyaltyExplanation

_BUCKET_BYTES = 32 * 1024 * 1024  # input bytes per bucket: about 150,000 records
_BATCH = 4096  # records pickled at once into a bucket file


@attrs.define(slots=True)
class Customer:
    """One customer's results."""

    customer_id: str
    name: str | None
    owner: str | None
    grade: Grade | None
    grade_reason: str | None
    last_touch: LastTouch | None
    stage: Stage
    signals: tuple[ChurnSignal, ...]
    stage_reason: str
    loyalty: Decimal | None
    loyalty_known: tuple[int, int]  # measures known, of all (0, 0 without a score)
    loyalty_reason: str | None
    value: Decimal
    occasions: tuple[UpcomingOccasion, ...]
    counts: tuple[int, int, int, int]  # opportunities, contacts, purchases, complaints
    tier: Tier = Tier.SMALL
    rfm: RfmScore | None = None  # buyers only, as rfm_scores scores them
    segment: RfmSegment | None = None
    next_due: date | None = None  # every graded customer's next follow-up (rule C1)
    days_overdue: int | None = None  # as_of minus next_due: negative when not due yet
    provisional: bool = False  # the due day counts days of a calendar year not published

    @property
    def is_due(self) -> bool:
        """Whether the customer is on the agenda: a follow-up due on or before as_of."""
        return self.days_overdue is not None and self.days_overdue >= 0


@attrs.frozen(kw_only=True)
class Portfolio:
    """The results of a whole portfolio, customers sorted by id."""

    as_of: date
    customers: list[Customer]
    agenda: list[Customer]
    policies: io.Policies
    reading: Reading
    values: dict[str, Decimal]
    calendar: WorkCalendar | None = None
    policy_file: str | None = None  # where the policies came from; None: the defaults
    owners: frozenset[str] | None = None  # --owner: whose customers the lists show

    @property
    def owned(self) -> list[Customer]:
        """The customers of the owners asked for (``--owner``), else every customer."""
        return _owned(self.customers, self.owners)

    def unknown_owners(self) -> list[str]:
        """The owners asked for that no customer has, as they were asked for."""
        known = {owner_key(c.owner) for c in self.customers if c.owner is not None}
        return sorted(owner for owner in self.owners or () if owner_key(owner) not in known)

    @property
    def records(self) -> int:
        """Every record of every file read."""
        return self.reading.records

    @functools.cached_property
    def _tier_explainer(self) -> Callable[[str], TierExplanation]:
        """The portfolio ranked once, at the first tier reason asked for."""
        return tier_explainer(self.values, policy=self.policies.tiers)

    def tier_reason(self, customer: Customer, lang: str) -> str:
        """Why the customer is in their tier (the portfolio is ranked once, at the first call)."""
        why = self._tier_explainer(customer.customer_id)
        return why.reason_zh if lang == "zh" else why.reason_en


def _owned(customers: list[Customer], owners: frozenset[str] | None) -> list[Customer]:
    """The customers of ``owners``, whatever the case and surrounding spaces; or all."""
    if owners is None:
        return customers
    wanted = {owner_key(owner) for owner in owners}
    return [c for c in customers if c.owner is not None and owner_key(c.owner) in wanted]


def owner_key(owner: str) -> str:
    """An owner as ``--owner`` matches it: without surrounding spaces, case folded."""
    return owner.strip().casefold()


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
    stage = explain_stage(purchases, as_of=as_of, complaints=complaints, policy=policies.lifecycle)
    chosen: Grade | None = None
    grade_reason = None
    if opportunities:
        chosen = customer_grade(opportunities, as_of=as_of, policy=policies.grading)
        deciding = next(
            o
            for o in sorted(opportunities, key=lambda o: o.status is DealStatus.CLOSED)
            if grade(o, as_of=as_of, policy=policies.grading) is chosen
        )
        why = explain_grade(
            deciding,
            as_of=as_of,
            policy=policies.grading,
            recent_purchase=_recent_purchase(purchases, stage.stage, as_of),
        )
        grade_reason = why.reason_zh if zh else why.reason_en
    loyalty = None
    # a customer who never bought has no loyalty to show; a policy may weigh only what a
    # purchase history cannot tell (an InvalidInputError): then there is none either
    if stage.stage is not Stage.PROSPECT:
        with contextlib.suppress(InvalidInputError):
            loyalty = explain_loyalty(
                LoyaltyMeasures.from_purchases(purchases, as_of=as_of), policy=policies.loyalty
            )
    occasions: tuple[UpcomingOccasion, ...] = ()
    if profile is not None:
        occasions = tuple(upcoming_occasions(profile, as_of=as_of, within=within))
    person = profile.person if profile is not None else None
    organization = profile.organization if profile is not None else None
    return Customer(
        customer_id=customer_id,
        name=person.name if person else organization.name if organization else None,
        owner=None if profile is None else profile.owner,
        grade=chosen,
        grade_reason=grade_reason,
        last_touch=last_touch(contacts, purchases, as_of=as_of, policy=policies.cadence),
        stage=stage.stage,
        signals=stage.signals,
        stage_reason=stage.reason_zh if zh else stage.reason_en,
        loyalty=None if loyalty is None else loyalty.score,
        loyalty_known=(0, 0) if loyalty is None else _known(loyalty),
        loyalty_reason=None if loyalty is None else loyalty.reason_zh if zh else loyalty.reason_en,
        value=customer_value(ValueIndicators.from_purchases(purchases, as_of=as_of)),
        occasions=occasions,
        counts=(len(opportunities), len(contacts), len(purchases), len(complaints)),
    )


_GONE = (Stage.PROSPECT, Stage.LAPSED)  # no sale, or none within the churn horizon (L4)


def _recent_purchase(purchases: list[Purchase], stage: Stage, as_of: date) -> date | None:
    """The last sale, when it falls within the customer's churn horizon (rule L4)."""
    if stage in _GONE:
        return None
    return max(p.at.date() for p in purchases if not p.refund and p.at.date() <= as_of)


def _known(loyalty: LoyaltyExplanation) -> tuple[int, int]:
    """How many loyalty measures were known, of all (rule Y1): ``79 · 2/6``."""
    known = len(loyalty.contributions)
    return known, known + len(loyalty.missing)


def _schedule(
    customers: list[Customer],
    *,
    as_of: date,
    policy: CadencePolicy,
    calendar: WorkCalendar | None,
) -> None:
    """Every graded customer's next follow-up (rule C1), as :func:`custrel.agenda` gives it.

    ``agenda`` with ``until`` as late as a date goes lists every graded customer: one
    whose due day falls past a strict calendar's years is counted by the weekend rule
    and marked provisional, never aborting the others; one whose due day would fall
    past 9999-12-31 has none.
    """
    entries = (
        (c.customer_id, c.grade, None if c.last_touch is None else c.last_touch.on)
        for c in customers
        if c.grade is not None
    )
    by_id = {c.customer_id: c for c in customers}
    for item in agenda(entries, as_of=as_of, until=date.max, policy=policy, calendar=calendar):
        customer = by_id[item.customer_id]
        customer.next_due = item.due
        customer.days_overdue = (as_of - item.due).days
        customer.provisional = item.provisional


def _check_policies(policies: io.Policies) -> None:
    """Refuse a policy of the wrong type before reading, even one no record would reach."""
    defaults = type(policies)()
    for field in attrs.fields(type(policies)):
        given, default = getattr(policies, field.name), getattr(defaults, field.name)
        if default is not None and not isinstance(given, type(default)):
            raise InvalidInputError("policy", given, f"a {type(default).__name__}")


def _sort_key(order: str) -> Callable[[Customer], tuple[Any, ...]]:
    """The agenda's order: by grade, then days overdue, then value; or overdue first."""
    if order == "overdue":
        return lambda c: (-(c.days_overdue or 0), c.grade, c.customer_id)
    return lambda c: (c.grade, -(c.days_overdue or 0), -c.value, c.customer_id)


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
    calendar: WorkCalendar | None = None,
    order: str = "grade",
    owners: frozenset[str] | None = None,
    policy_file: str | None = None,
) -> Portfolio:
    """Read a portfolio's tables and judge every customer (see the module docstring)."""
    _check_policies(policies)
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
                if results[cid].stage is not Stage.PROSPECT:  # a sale: a buyer (rule L2)
                    yield from records[3]

    ids = sorted(known)
    scores = rfm_scores(purchases(), as_of=as_of, bins=policies.rfm_segments.bins)
    values = {cid: results[cid].value for cid in ids}
    tiers = tier_portfolio(values, policy=policies.tiers)
    customers = [results[cid] for cid in ids]
    _schedule(customers, as_of=as_of, policy=policies.cadence, calendar=calendar)
    for customer in customers:
        customer.tier = tiers[customer.customer_id]
        score = scores.get(customer.customer_id)
        if score is not None:
            customer.rfm = score
            customer.segment = rfm_segment(score, policy=policies.rfm_segments)
    return Portfolio(
        as_of=as_of,
        customers=customers,
        agenda=sorted((c for c in _owned(customers, owners) if c.is_due), key=_sort_key(order)),
        policies=policies,
        reading=reading,
        values=values,
        calendar=calendar,
        policy_file=policy_file,
        owners=owners,
    )
