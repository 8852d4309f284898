"""The walk over one customer's purchases and complaints that the lifecycle rules read.

A customer's stage on any day follows from the records up to that day, so the history is
kept as sorted day numbers and running totals, and the stage can be read on every day
it could change. Two rules need that (decisions in docs/rules.md, L1 and L4):

- Silence never improves standing: between two purchase occasions the stage shown can
  only stay or fall in the order LAPSED < AT_RISK < NEW, ACTIVE, WON_BACK < GROWING.
- The highest stage reached is the furthest development stage shown on any day, so it
  never falls as ``as_of`` advances.
"""

from __future__ import annotations

import bisect
import collections
import itertools
from decimal import Decimal
from typing import TYPE_CHECKING

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.lifecycle._policy import _PROGRESS, _SIGNALLED, ChurnSignal, Stage, _Bound
from custrel.models import Complaint, Purchase

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from datetime import date

# The coarse order of standing that silence may only keep or lower (rules L1, L4).
_LEVEL = {
    Stage.LAPSED: 0,
    Stage.AT_RISK: 1,
    Stage.NEW: 2,
    Stage.ACTIVE: 2,
    Stage.WON_BACK: 2,
    Stage.GROWING: 3,
}


def _key(reading: _Reading) -> tuple[int, int]:
    """Where a reading stands: its stage, then the stage underneath it."""
    return _LEVEL[reading.stage], _LEVEL[reading.underlying]


def _twice_median(gaps: list[int]) -> int:
    """Twice the median of ``gaps``, a sorted, non-empty list of intervals."""
    middle = len(gaps) // 2
    return gaps[middle] * 2 if len(gaps) % 2 else gaps[middle - 1] + gaps[middle]


class _Reading:
    """The stage shown on one day, what lies underneath it and why."""

    __slots__ = ("day", "signals", "since", "stage", "underlying")

    def __init__(
        self, day: int, stage: Stage, underlying: Stage, signals: tuple[ChurnSignal, ...]
    ) -> None:
        self.day = day  # the day read (an ordinal)
        self.stage = stage
        self.underlying = underlying
        self.signals = signals  # the signals of the day the stage was last read as it is
        self.since: int | None = None  # set when the stage is held from an earlier day

    def held(self, day: int) -> _Reading:
        """This reading carried to a later ``day`` of the same silence."""
        carried = _Reading(day, self.stage, self.underlying, self.signals)
        carried.since = self.day if self.since is None else self.since
        return carried


class _History:
    """One customer's records up to ``as_of``, checked and reduced to what stages need."""

    __slots__ = (
        "bound",
        "complained",
        "customer_id",
        "days",
        "medians",
        "returns",
        "spend_days",
        "totals",
    )

    def __init__(
        self,
        purchases: Iterable[Purchase],
        complaints: Iterable[Complaint],
        bound: _Bound,
        customer_id: str | None = None,
    ) -> None:
        self.bound = bound
        c.iterable("purchases", purchases, "Purchase")
        c.iterable("complaints", complaints, "Complaint")
        owner = self._purchases(purchases, customer_id)
        self.customer_id = self._complaints(complaints, owner)
        self.returns, self.medians = self._rhythm()

    def _purchases(self, purchases: Iterable[Purchase], owner: str | None) -> str | None:
        """Check the purchases; keep the sale days and the running net spend by day."""
        as_of = self.bound.as_of
        sale_days: set[date] = set()
        net: dict[date, Decimal] = collections.defaultdict(Decimal)
        for index, purchase in enumerate(purchases):
            if type(purchase) is not Purchase and not isinstance(purchase, Purchase):
                raise InvalidInputError(f"purchases[{index}]", purchase, "a Purchase")
            if purchase.customer_id != owner:
                owner = _same_customer(owner, purchase.customer_id, f"purchases[{index}]")
            day = purchase.at.date()
            if day > as_of:
                continue
            if purchase.refund:  # a refund lowers the spend of its day, never an occasion
                net[day] = c.CONTEXT.subtract(net[day], purchase.amount)
            else:
                net[day] = c.CONTEXT.add(net[day], purchase.amount)
                sale_days.add(day)
        self.days = sorted(d.toordinal() for d in sale_days)
        keys = sorted(net)
        self.spend_days = [k.toordinal() for k in keys]
        self.totals = [Decimal(0), *itertools.accumulate((net[k] for k in keys), c.CONTEXT.add)]
        return owner

    def _complaints(self, complaints: Iterable[Complaint], owner: str | None) -> str | None:
        """Check the complaints; keep their days."""
        as_of = self.bound.as_of
        days: list[int] = []
        for index, complaint in enumerate(complaints):
            if not isinstance(complaint, Complaint):
                raise InvalidInputError(f"complaints[{index}]", complaint, "a Complaint")
            if complaint.customer_id != owner:
                owner = _same_customer(owner, complaint.customer_id, f"complaints[{index}]")
            day = complaint.at.date()
            if day <= as_of:
                days.append(day.toordinal())
        self.complained = sorted(days)
        return owner

    def _rhythm(self) -> tuple[list[int], list[int | None]]:
        """The occasions that ended a lapse, and twice the median after each occasion.

        Rule L4 (decisions): an occasion after an interval longer than the horizon in
        force then (the one-time horizon after the first occasion, else the horizon of
        the median so far) ended a lapse: the customer was shown LAPSED, and is
        WON_BACK now. An interval longer than the
        horizon computed from the intervals before it (the floor for the first) was a
        lapse of the rhythm and is left out of the median that sets the horizon and
        the overdue limit, so one lapse never stretches the horizon that should warn
        about the next. ``medians[i]`` is twice that median once occasion ``i`` has
        happened.
        """
        days, bound = self.days, self.bound
        plain = min(bound.floor, bound.one_time)  # no shorter gap is a lapse or a return
        every: list[int] = []
        kept: list[int] = []
        returns: list[int] = []
        medians: list[int | None] = [None] * len(days)
        for i in range(1, len(days)):
            gap = days[i] - days[i - 1]
            lapse = False
            if gap > plain:
                if gap > bound.horizon_days(medians[i - 1], one_time=i == 1):
                    returns.append(days[i])  # shown LAPSED before it: a win-back
                lapse = gap > bound.horizon_days(_twice_median(every) if every else None)
            if not lapse:
                bisect.insort(kept, gap)
            bisect.insort(every, gap)
            medians[i] = _twice_median(kept) if kept else None
        return returns, medians

    # Figures on any day ---------------------------------------------------------------------

    @property
    def twice_median(self) -> int | None:
        """Twice the median interval on ``as_of``, lapses left out (rule L4)."""
        return self.medians[-1] if self.medians else None

    def horizon(self) -> int:
        """The churn horizon on ``as_of`` (rule L4)."""
        return self.bound.horizon_days(self.twice_median, one_time=len(self.days) == 1)

    def spend(self, low: int, high: int) -> Decimal:
        """Net spend on the days in ``(low, high]``."""
        ordinals, totals = self.spend_days, self.totals
        upper = totals[bisect.bisect_right(ordinals, high)]
        return c.CONTEXT.subtract(upper, totals[bisect.bisect_right(ordinals, low)])

    def occasions(self, low: int, high: int) -> int:
        """Purchase occasions on the days in ``(low, high]``."""
        return bisect.bisect_right(self.days, high) - bisect.bisect_right(self.days, low)

    def complaints(self, low: int, high: int) -> int:
        """Complaints on the days in ``(low, high]``."""
        found = self.complained
        return bisect.bisect_right(found, high) - bisect.bisect_right(found, low)

    def signals(self, day: int, last: int) -> tuple[ChurnSignal, ...]:
        """The warning signals of rule L3 on ``day``, occasion ``last`` the latest by then."""
        bound = self.bound
        window = bound.window
        recent_from, prior_from = day - window, day - 2 * window
        found: list[ChurnSignal] = []
        prior = self.occasions(prior_from, recent_from)
        if prior >= bound.min_baseline:
            if self.occasions(recent_from, day) <= c.CONTEXT.multiply(prior, bound.frequency_keep):
                found.append(ChurnSignal.FREQUENCY_DROP)
            before = self.spend(prior_from, recent_from)
            if self.spend(recent_from, day) <= c.CONTEXT.multiply(before, bound.spend_keep):
                found.append(ChurnSignal.SPEND_DROP)
        complaints = self.complaints(recent_from, day)
        if (
            complaints > self.complaints(prior_from, recent_from)
            and complaints >= bound.complaint_rise
        ):
            found.append(ChurnSignal.COMPLAINT_RISE)
        if last >= 0 and day - self.days[last] > bound.overdue_days(self.medians[last]):
            found.append(ChurnSignal.OVERDUE_REPURCHASE)
        return tuple(found)

    def read(self, day: int, last: int) -> _Reading:
        """The stage on ``day`` from that day alone, before silence is looked at.

        ``last`` is the index of the latest occasion on or before ``day``. The first
        case that applies wins: LAPSED, NEW (one occasion; AT_RISK once its repurchase
        is overdue), WON_BACK, then GROWING or ACTIVE, AT_RISK with signals.
        """
        bound, days = self.bound, self.days
        silence = day - days[last]
        signals = self.signals(day, last)
        if silence > bound.horizon_days(self.medians[last], one_time=last == 0):
            return _Reading(day, Stage.LAPSED, Stage.LAPSED, signals)  # rule L4
        if last == 0:  # rule L1: a single occasion is NEW until its repurchase is overdue
            if ChurnSignal.OVERDUE_REPURCHASE in signals:
                return _Reading(day, Stage.AT_RISK, Stage.NEW, signals)  # rule L3
            return _Reading(day, Stage.NEW, Stage.NEW, signals)
        back = bisect.bisect_right(self.returns, day)
        if back and day - self.returns[back - 1] <= bound.settle:
            return _Reading(day, Stage.WON_BACK, Stage.WON_BACK, signals)  # rule L4
        window = bound.window
        before = self.spend(day - 2 * window, day - window)
        base = Stage.ACTIVE
        if (
            days[0] <= day - 2 * window + 1  # a full window before to compare with
            and before > 0
            and self.spend(day - window, day) >= c.CONTEXT.multiply(before, bound.growth)
        ):
            base = Stage.GROWING  # rule L1
        if base in _SIGNALLED and signals:
            return _Reading(day, Stage.AT_RISK, base, signals)  # rule L3
        return _Reading(day, base, base, signals)

    # Stages over time ---------------------------------------------------------------------------

    def _turns(self, last: int, end: int) -> list[int]:
        """The days in ``[days[last], end]`` on which the stage read may change.

        The stage read on a day changes only when a record enters or leaves a window,
        when a refund or complaint arrives, or when the silence passes a threshold; on
        the days between, it is the same as on the turn before.
        """
        bound, days = self.bound, self.days
        start = days[last]
        window = bound.window
        turns = {start, end}
        for found in (self.spend_days, self.complained):  # records from start - 2 windows
            for record in found[bisect.bisect_left(found, start - 2 * window) :]:
                if record > end:
                    break
                turns.update((record, record + window, record + 2 * window))
        lengths = [
            bound.horizon_days(self.medians[last], one_time=last == 0),
            bound.overdue_days(self.medians[last]),
        ]
        turns.update(start + length + 1 for length in lengths)
        back = bisect.bisect_right(self.returns, start)
        if back:
            turns.add(self.returns[back - 1] + bound.settle + 1)
        turns.add(days[0] + 2 * window - 1)
        return sorted(day for day in turns if start <= day <= end)

    def _silence(self, last: int, end: int) -> Iterator[_Reading]:
        """The stage shown on each turn from occasion ``last`` to ``end`` (rules L1, L4).

        Silence never improves standing, nor the stage underneath it: a reading above
        the one shown before keeps the one shown, except that WON_BACK, which ends with
        its settling period, becomes ACTIVE; a customer at risk is never found growing
        underneath who was not growing before.
        """
        shown: _Reading | None = None
        for day in self._turns(last, end):
            reading = self.read(day, last)
            if shown is not None:
                if _key(reading) > _key(shown):
                    if shown.stage is Stage.WON_BACK:
                        reading = _Reading(day, Stage.ACTIVE, Stage.ACTIVE, reading.signals)
                    else:
                        reading = shown.held(day)
                elif reading.underlying is Stage.GROWING and shown.underlying is not Stage.GROWING:
                    reading.underlying = Stage.ACTIVE
            shown = reading
            yield shown

    def now(self) -> _Reading:
        """The stage shown on ``as_of`` (rules L1-L4)."""
        as_of = self.bound.as_of_ord
        if not self.days:  # rule L2; a prospect's complaints are still signals
            return _Reading(as_of, Stage.PROSPECT, Stage.PROSPECT, self.signals(as_of, -1))
        last = len(self.days) - 1
        today = self.read(as_of, last)
        if today.underlying not in _SIGNALLED or (
            today.stage is Stage.AT_RISK and today.underlying is Stage.ACTIVE
        ):
            # LAPSED ends a silence; a single occasion only falls as it ages; WON_BACK
            # lasts from the occasion that ended the lapse; and below AT_RISK over ACTIVE
            # lies only LAPSED: no earlier day of this silence stood lower
            return today
        *_, shown = self._silence(last, as_of)
        return shown

    def highest(self) -> Stage:
        """The furthest development stage shown on any day up to ``as_of`` (rule L1)."""
        days = self.days
        if not days:
            return Stage.PROSPECT
        best = _PROGRESS[Stage.NEW]
        ends = [day - 1 for day in days[1:]] + [self.bound.as_of_ord]
        for last, end in enumerate(ends):
            for reading in self._silence(last, end):
                best = max(best, _PROGRESS.get(reading.underlying, best))
        return _by_progress(best)


def _by_progress(progress: int) -> Stage:
    return next(stage for stage, rank in _PROGRESS.items() if rank == progress)


def _same_customer(owner: str | None, found: str, where: str) -> str:
    if owner is None:
        return found
    raise InvalidInputError(
        f"{where}.customer_id",
        found,
        f"the same customer as the rest of the history ({owner!r})",
        hint="pass one customer's records; portfolio_stages takes many customers",
    )
