"""The walk over one customer's purchases and complaints that the lifecycle rules read."""

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
    from collections.abc import Iterable
    from datetime import date

# One customer's history -----------------------------------------------------------------------


def _twice_median(gaps: list[int]) -> int:
    """Twice the median of ``gaps``, a sorted, non-empty list of intervals."""
    middle = len(gaps) // 2
    return gaps[middle] * 2 if len(gaps) % 2 else gaps[middle - 1] + gaps[middle]


class _History:
    """One customer's records up to ``as_of``, checked and reduced to what stages need."""

    __slots__ = (
        "bound",
        "complaints_prior",
        "complaints_recent",
        "customer_id",
        "days",
        "net",
        "returns",
        "spend_prior",
        "spend_recent",
        "twice_median",
    )

    def __init__(
        self,
        purchases: Iterable[Purchase],
        complaints: Iterable[Complaint],
        bound: _Bound,
        customer_id: str | None = None,
        *,
        keep_net: bool = False,
    ) -> None:
        self.bound = bound
        c.iterable("purchases", purchases, "Purchase")
        c.iterable("complaints", complaints, "Complaint")
        self.net: dict[date, Decimal] = collections.defaultdict(Decimal)
        self.spend_recent = self.spend_prior = Decimal(0)
        owner = self._purchases(purchases, customer_id, keep_net=keep_net)
        self.complaints_recent = self.complaints_prior = 0
        owner = self._complaints(complaints, owner)
        self.customer_id = owner
        self.returns, self.twice_median = self._rhythm()

    def _rhythm(self) -> tuple[list[int], int | None]:
        """The occasions that ended a lapse, and twice the median of the other intervals.

        Rule L4 (a decision): an interval longer than the churn horizon computed from
        the intervals before it was a lapse, ended by a win-back. Lapses are left out of
        the median that sets today's horizon and overdue limit, so one lapse never
        stretches the horizon that should warn about the next.
        """
        days, bound = self.days, self.bound
        every: list[int] = []
        kept: list[int] = []
        returns: list[int] = []
        for before, day in itertools.pairwise(days):
            gap = day - before
            if gap > bound.horizon_days(_twice_median(every) if every else None):
                returns.append(day)
            else:
                bisect.insort(kept, gap)
            bisect.insort(every, gap)
        return returns, _twice_median(kept) if kept else None

    def _purchases(
        self, purchases: Iterable[Purchase], owner: str | None, *, keep_net: bool
    ) -> str | None:
        """Check the purchases; keep the sale days and each window's net spend."""
        bound = self.bound
        as_of, recent_start, prior_start = bound.as_of, bound.recent_start, bound.prior_start
        sale_days: set[date] = set()
        net = self.net
        recent = prior = Decimal(0)
        for index, purchase in enumerate(purchases):
            if type(purchase) is not Purchase and not isinstance(purchase, Purchase):
                raise InvalidInputError(f"purchases[{index}]", purchase, "a Purchase")
            if purchase.customer_id != owner:
                owner = _same_customer(owner, purchase.customer_id, f"purchases[{index}]")
            day = purchase.at.date()
            if day > as_of:
                continue
            if purchase.refund:  # a refund lowers the spend of its day, never an occasion
                amount = -purchase.amount
            else:
                amount = purchase.amount
                sale_days.add(day)
            if keep_net:
                net[day] = c.CONTEXT.add(net[day], amount)
            if day > recent_start:
                recent = c.CONTEXT.add(recent, amount)
            elif day > prior_start:
                prior = c.CONTEXT.add(prior, amount)
        self.days = sorted(d.toordinal() for d in sale_days)
        self.spend_recent, self.spend_prior = recent, prior
        return owner

    def _complaints(self, complaints: Iterable[Complaint], owner: str | None) -> str | None:
        """Check the complaints; count those in each window."""
        bound = self.bound
        for index, complaint in enumerate(complaints):
            if not isinstance(complaint, Complaint):
                raise InvalidInputError(f"complaints[{index}]", complaint, "a Complaint")
            if complaint.customer_id != owner:
                owner = _same_customer(owner, complaint.customer_id, f"complaints[{index}]")
            day = complaint.at.date()
            if day > bound.as_of:
                continue
            if day > bound.recent_start:
                self.complaints_recent += 1
            elif day > bound.prior_start:
                self.complaints_prior += 1
        return owner

    # What the stage is made of -----------------------------------------------------------

    def silence(self) -> int:
        return self.bound.as_of_ord - self.days[-1]

    def occasions(self) -> tuple[int, int]:
        """Purchase occasions in the recent window and in the window before it."""
        days, as_of, window = self.days, self.bound.as_of_ord, self.bound.window
        cut = bisect.bisect_right(days, as_of - window)
        return len(days) - cut, cut - bisect.bisect_right(days, as_of - 2 * window)

    def won_back(self) -> bool:
        """Whether a purchase within the settling period ended a lapse (rule L4)."""
        return bool(self.returns) and self.bound.as_of_ord - self.returns[-1] <= self.bound.settle

    def underlying(self, horizon: int) -> Stage:
        """The stage before warning signals are looked at."""
        bound = self.bound
        if not self.days:
            return Stage.PROSPECT  # rule L2
        if self.silence() > horizon:
            return Stage.LAPSED  # rule L4
        if len(self.days) == 1 and self.silence() <= bound.new_days:
            return Stage.NEW  # rule L1
        if self.won_back():
            return Stage.WON_BACK  # rule L4
        if (
            self.days[0] <= bound.baseline_from  # a full window before to compare with
            and self.spend_prior > 0
            and self.spend_recent >= c.CONTEXT.multiply(self.spend_prior, bound.growth)
        ):
            return Stage.GROWING  # rule L1
        return Stage.ACTIVE

    def signals(self, twice_median: int | None) -> tuple[ChurnSignal, ...]:
        """The warning signals of rule L3 on ``as_of``."""
        bound = self.bound
        found: list[ChurnSignal] = []
        recent, prior = self.occasions()
        if prior >= bound.min_baseline:
            if recent <= c.CONTEXT.multiply(prior, bound.frequency_keep):
                found.append(ChurnSignal.FREQUENCY_DROP)
            if self.spend_recent <= c.CONTEXT.multiply(self.spend_prior, bound.spend_keep):
                found.append(ChurnSignal.SPEND_DROP)
        if (
            self.complaints_recent > self.complaints_prior
            and self.complaints_recent >= bound.complaint_rise
        ):
            found.append(ChurnSignal.COMPLAINT_RISE)
        if self.days and self.silence() > bound.overdue_days(twice_median):
            found.append(ChurnSignal.OVERDUE_REPURCHASE)
        return tuple(found)

    def stages(self) -> tuple[Stage, Stage]:
        """The stage on ``as_of`` and the stage underneath it, before signals."""
        twice_median = self.twice_median
        base = self.underlying(self.bound.horizon_days(twice_median))
        if base in _SIGNALLED and self.signals(twice_median):
            return Stage.AT_RISK, base  # rule L3
        return base, base

    def highest(self, underlying: Stage) -> Stage:
        """The furthest development stage on any occasion or on ``as_of`` (rules L1, L4)."""
        best = _PROGRESS.get(underlying, _PROGRESS[Stage.NEW])
        days, bound = self.days, self.bound
        if len(days) < 2:  # noqa: PLR2004 - one occasion is NEW on its day
            return _by_progress(best)
        returns = self.returns  # the occasions that ended a lapse
        keys = sorted(self.net)
        ordinals = [k.toordinal() for k in keys]
        totals = [Decimal(0), *itertools.accumulate((self.net[k] for k in keys), c.CONTEXT.add)]

        def spend(low: int, high: int) -> Decimal:  # days in (low, high]
            hi = bisect.bisect_right(ordinals, high)
            return c.CONTEXT.subtract(totals[hi], totals[bisect.bisect_right(ordinals, low)])

        window, first = bound.window, days[0]
        for day in days[1:]:
            r = bisect.bisect_right(returns, day)
            if r and day - returns[r - 1] <= bound.settle:
                continue  # WON_BACK on that day
            prior = spend(day - 2 * window, day - window)
            if (
                first <= day - 2 * window + 1
                and prior > 0
                and spend(day - window, day) >= c.CONTEXT.multiply(prior, bound.growth)
            ):
                return Stage.GROWING
            best = max(best, _PROGRESS[Stage.ACTIVE])
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
