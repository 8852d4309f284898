"""Lifecycle stages and churn warning signals (rules L1-L4: 客户生命周期).

A customer's stage is read off their own purchase history on a reference day
``as_of``: a prospect (潜在客户) has not bought yet; a new customer (新客户) bought
once, recently; an active one (活跃客户) keeps buying, a growing one (成长客户) spends
clearly more than before; an active customer showing warning signals (rule L3) is at
risk (流失风险客户); one silent past their churn horizon has lapsed (流失客户); and a
lapsed customer who buys again is won back (挽回客户) for a settling period.

Only records dated on or before ``as_of`` (their own local calendar day) count, so a
past ``as_of`` gives the stage as it was then. Several sales on one day are one
purchase occasion; refunds lower the spend of their day and are never an occasion.

>>> from datetime import date, datetime, timezone
>>> from custrel.lifecycle import lifecycle_stage
>>> from custrel.models import Purchase
>>> def sale(day, amount=100):
...     return Purchase(customer_id="c-1", at=datetime.combine(day, datetime.min.time(),
...                     timezone.utc), product="tea", amount=amount)
>>> lifecycle_stage([], as_of=date(2026, 11, 22))
<Stage.PROSPECT: 'prospect'>
>>> lifecycle_stage([sale(date(2026, 10, 1))], as_of=date(2026, 11, 22))
<Stage.NEW: 'new'>
>>> lifecycle_stage([sale(date(2025, 10, 1))], as_of=date(2026, 11, 22))
<Stage.LAPSED: 'lapsed'>
"""

from __future__ import annotations

import bisect
import collections
import enum
import functools
import itertools
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import attrs

from custrel import _checks as c
from custrel._policy import Policy
from custrel.errors import InvalidInputError, PolicyError
from custrel.models import Complaint, Purchase

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "DEFAULT_LIFECYCLE",
    "ChurnSignal",
    "ChurnWindow",
    "CustomerStage",
    "LifecyclePolicy",
    "Stage",
    "StageExplanation",
    "churn_signals",
    "explain_stage",
    "highest_stage",
    "lifecycle_stage",
    "portfolio_stages",
    "stage_counts",
]


class Stage(enum.StrEnum):
    """A customer's lifecycle stage (rules L1, L2, L4).

    The development path of rule L1 runs PROSPECT → NEW → ACTIVE → GROWING; that is
    the order in which :func:`highest_stage` measures how far a customer has come.
    AT_RISK, LAPSED and WON_BACK say how the relationship stands, not how far it went.

    >>> from custrel.lifecycle import Stage
    >>> [s.value for s in Stage]
    ['prospect', 'new', 'active', 'growing', 'at_risk', 'lapsed', 'won_back']
    """

    PROSPECT = "prospect"  # rule L2: no purchase yet, to be developed
    NEW = "new"  # rule L1: acquired, one purchase occasion, recent
    ACTIVE = "active"  # rule L1: retained, buying within their horizon
    GROWING = "growing"  # rule L1: expanding, recent spend clearly above the window before
    AT_RISK = "at_risk"  # rules L2, L3: active or growing, but with warning signals
    LAPSED = "lapsed"  # rule L4: silent past their churn horizon
    WON_BACK = "won_back"  # rule L4: bought again after lapsing, still settling


_PROGRESS = {Stage.PROSPECT: 0, Stage.NEW: 1, Stage.ACTIVE: 2, Stage.GROWING: 3}
_SIGNALLED = frozenset({Stage.ACTIVE, Stage.GROWING})  # rule L3: only these turn AT_RISK


class ChurnSignal(enum.StrEnum):
    """A churn warning signal (rule L3: 流失预警信号).

    >>> from custrel.lifecycle import ChurnSignal
    >>> [s.value for s in ChurnSignal]
    ['frequency_drop', 'spend_drop', 'complaint_rise', 'overdue_repurchase']
    """

    FREQUENCY_DROP = "frequency_drop"  # rule L3: fewer purchase occasions than the window before
    SPEND_DROP = "spend_drop"  # rule L3: less net spend than the window before
    COMPLAINT_RISE = "complaint_rise"  # rule L3: more complaints than the window before
    OVERDUE_REPURCHASE = "overdue_repurchase"  # rule L3: next purchase later than usual


# Policy ------------------------------------------------------------------------------------


_POSITIVE = c.days(1)  # day counts and occasion counts
_CHECK_WINDOW_DAY = c.day(bounded=False)  # windows reach back from as_of, past MIN_DAY


def _check_fraction(below_one: bool, name: str, value: object) -> None:  # noqa: FBT001
    """Refuse ``value`` unless it is a ``Decimal`` above 0 (and below 1 when ``below_one``).

    Module-level and bound with :func:`functools.partial` below, so the check itself
    runs when a policy is built, not once at import (mutation testing reaches it).
    """
    expected = "a Decimal in (0, 1)" if below_one else "a Decimal > 0"
    if isinstance(value, float):
        raise InvalidInputError(name, value, expected, hint=f"pass Decimal({str(value)!r})")
    if (
        not isinstance(value, Decimal)
        or not value.is_finite()
        or value <= 0
        or (below_one and value >= 1)
    ):
        raise InvalidInputError(name, value, expected)


_ABOVE_ZERO: c.Check = functools.partial(_check_fraction, False)  # noqa: FBT003
_BETWEEN_ZERO_AND_ONE: c.Check = functools.partial(_check_fraction, True)  # noqa: FBT003


def _decimal(value: object) -> Any:  # noqa: ANN401 - a converter; the validator types it
    """Turn an ``int`` (not a ``bool``) into a ``Decimal``; leave anything else."""
    return c.to_money(value) if isinstance(value, int) else value


@attrs.frozen(kw_only=True, cache_hash=True)
class LifecyclePolicy(Policy):
    """The thresholds of rules L1-L4, in calendar days and ratios.

    Defaults are calibrated on the CDNOW transaction data (docs/lifecycle.md). Every
    "within n days" bound is inclusive: a first purchase exactly ``new_days`` before
    ``as_of`` is still NEW.

    Args:
        new_days: A customer with one purchase occasion is NEW for this many days
            after it (rule L1), 90 by default.
        window_days: The length of the recent window and of the window before it that
            churn signals and growth compare (rule L3), 90 days by default.
        horizon_multiple: The churn horizon is this multiple of the customer's median
            interval between purchase occasions (rule L4), 3 by default ...
        horizon_floor_days: ... but never shorter than this (and this is the horizon of
            a customer with one occasion), 180 days by default ...
        horizon_ceiling_days: ... nor longer than this, 365 days by default.
        settle_days: A customer who buys again after lapsing is WON_BACK for this many
            days after that purchase (rule L4), 90 by default.
        growth: GROWING when the recent window's net spend is at least (1 + growth)
            times the window before (rule L1: expanding), 0.5 by default. Only a
            customer who was buying when the window before began can grow: otherwise
            every new relationship would look like growth while it ramps up.
        frequency_drop: FREQUENCY_DROP when recent occasions are at most
            (1 - frequency_drop) times the window before (rule L3), 0.5 by default.
        spend_drop: SPEND_DROP when recent net spend is at most (1 - spend_drop) times
            the window before (rule L3), 0.5 by default.
        min_baseline: The least occasions in the window before for a frequency or spend
            drop to count, 2 by default: one purchase is no baseline.
        overdue_multiple: OVERDUE_REPURCHASE when the days since the last occasion
            exceed this multiple of the median interval (rule L3), 1 by default ...
        overdue_min_days: ... and exceed this many days, 30 by default. A customer with
            one occasion is overdue once their NEW period has passed.
        complaint_rise: COMPLAINT_RISE when the recent window has more complaints than
            the window before and at least this many, 1 by default.

    Raises:
        PolicyError: If a value is out of range or the floor exceeds the ceiling.

    >>> from custrel.lifecycle import LifecyclePolicy
    >>> LifecyclePolicy.from_dict({"new_days": 60}).new_days
    60
    >>> LifecyclePolicy(horizon_floor_days=400)
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: LifecyclePolicy.horizon_ceiling_days: expected an int >= horizon_floor_days (400), got int 365
    """  # noqa: E501 - a doctest output line

    new_days: int = attrs.field(default=90, validator=c.policy(_POSITIVE))  # rule L1
    window_days: int = attrs.field(default=90, validator=c.policy(_POSITIVE))  # rule L3
    horizon_multiple: Decimal = attrs.field(  # rule L4
        default=Decimal(3), converter=_decimal, validator=c.policy(_ABOVE_ZERO)
    )
    horizon_floor_days: int = attrs.field(default=180, validator=c.policy(_POSITIVE))  # rule L4
    horizon_ceiling_days: int = attrs.field(default=365, validator=c.policy(_POSITIVE))  # rule L4
    settle_days: int = attrs.field(default=90, validator=c.policy(_POSITIVE))  # rule L4
    growth: Decimal = attrs.field(  # rule L1
        default=Decimal("0.5"), converter=_decimal, validator=c.policy(_ABOVE_ZERO)
    )
    frequency_drop: Decimal = attrs.field(  # rule L3
        default=Decimal("0.5"), converter=_decimal, validator=c.policy(_BETWEEN_ZERO_AND_ONE)
    )
    spend_drop: Decimal = attrs.field(  # rule L3
        default=Decimal("0.5"), converter=_decimal, validator=c.policy(_BETWEEN_ZERO_AND_ONE)
    )
    min_baseline: int = attrs.field(default=2, validator=c.policy(_POSITIVE))  # rule L3
    overdue_multiple: Decimal = attrs.field(  # rule L3
        default=Decimal(1), converter=_decimal, validator=c.policy(_ABOVE_ZERO)
    )
    overdue_min_days: int = attrs.field(default=30, validator=c.policy(c.days(0)))  # rule L3
    complaint_rise: int = attrs.field(default=1, validator=c.policy(_POSITIVE))  # rule L3

    def __attrs_post_init__(self) -> None:
        """Check that the horizon's floor does not exceed its ceiling."""
        if self.horizon_ceiling_days < self.horizon_floor_days:
            raise PolicyError(
                "LifecyclePolicy.horizon_ceiling_days",
                self.horizon_ceiling_days,
                f"an int >= horizon_floor_days ({self.horizon_floor_days})",
            )


DEFAULT_LIFECYCLE = LifecyclePolicy()
"""The calibrated lifecycle policy: NEW for 90 days, horizon 3 x median in 180..365 days."""


class _Bound:
    """A policy bound to one ``as_of``: ordinals and exact ratios, computed once."""

    __slots__ = (
        "as_of",
        "as_of_ord",
        "baseline_from",
        "ceiling",
        "complaint_rise",
        "floor",
        "frequency_keep",
        "growth",
        "horizon",
        "min_baseline",
        "new_days",
        "overdue",
        "overdue_min",
        "policy",
        "prior_start",
        "recent_start",
        "settle",
        "spend_keep",
        "window",
    )

    def __init__(self, policy: LifecyclePolicy, as_of: date) -> None:
        self.policy = policy
        self.as_of = as_of
        self.as_of_ord = as_of.toordinal()
        self.window = policy.window_days
        self.baseline_from = self.as_of_ord - 2 * policy.window_days + 1  # the prior window's day 1
        self.recent_start = as_of - timedelta(days=policy.window_days)  # exclusive
        self.prior_start = as_of - timedelta(days=2 * policy.window_days)  # exclusive
        self.new_days = policy.new_days
        self.floor = policy.horizon_floor_days
        self.ceiling = policy.horizon_ceiling_days
        self.horizon = policy.horizon_multiple.as_integer_ratio()
        self.overdue = policy.overdue_multiple.as_integer_ratio()
        self.overdue_min = policy.overdue_min_days
        self.settle = policy.settle_days
        self.growth = c.CONTEXT.add(1, policy.growth)
        self.frequency_keep = c.CONTEXT.subtract(1, policy.frequency_drop)
        self.spend_keep = c.CONTEXT.subtract(1, policy.spend_drop)
        self.min_baseline = policy.min_baseline
        self.complaint_rise = policy.complaint_rise

    def horizon_days(self, twice_median: int | None) -> int:
        """The churn horizon in whole days (rounded down), clamped (rule L4)."""
        if twice_median is None:
            return self.floor
        num, den = self.horizon
        return min(max(num * twice_median // (2 * den), self.floor), self.ceiling)

    def overdue_days(self, twice_median: int | None) -> int:
        """Silent longer than this many days is an overdue repurchase (rule L3)."""
        if twice_median is None:
            return max(self.new_days, self.overdue_min)
        num, den = self.overdue
        return max(num * twice_median // (2 * den), self.overdue_min)


@functools.lru_cache(maxsize=64)
def _bound(policy: LifecyclePolicy, as_of: date) -> _Bound:
    """Bound policies, cached: a loop over one ``as_of`` binds once (thread-safe)."""
    return _Bound(policy, as_of)


_CHECK_AS_OF = c.day()


def _bind(policy: object, as_of: object) -> _Bound:
    if not isinstance(policy, LifecyclePolicy):
        raise InvalidInputError("policy", policy, "a LifecyclePolicy")
    _CHECK_AS_OF("as_of", as_of)
    return _bound(policy, as_of)


# One customer's history -----------------------------------------------------------------------


def _twice_median(ordinals: list[int], upto: int) -> int | None:
    """Twice the median interval between the first ``upto`` occasions (None below two)."""
    if upto < 2:  # noqa: PLR2004 - an interval needs two occasions
        return None
    gaps = sorted(b - a for a, b in itertools.pairwise(ordinals[:upto]))
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
        "spend_prior",
        "spend_recent",
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
        days, bound = self.days, self.bound
        for j in range(len(days) - 1, 0, -1):
            if bound.as_of_ord - days[j] > bound.settle:
                return False
            gap = days[j] - days[j - 1]
            if gap > bound.floor and gap > bound.horizon_days(_twice_median(days, j)):
                return True
        return False

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
        twice_median = _twice_median(self.days, len(self.days))
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
        returns = [  # the occasions that ended a lapse
            days[j]
            for j in range(1, len(days))
            if days[j] - days[j - 1] > bound.floor
            and days[j] - days[j - 1] > bound.horizon_days(_twice_median(days, j))
        ]
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


def lifecycle_stage(
    purchases: Iterable[Purchase],
    /,
    *,
    as_of: date,
    complaints: Iterable[Complaint] = (),
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
) -> Stage:
    """One customer's lifecycle stage on ``as_of`` (rules L1-L4).

    The first case that applies wins:

    1. No sale on or before ``as_of``: PROSPECT (rule L2). Refunds alone are no sale.
    2. Silent (days since the last purchase occasion) longer than the churn horizon:
       LAPSED (rule L4). The horizon is ``horizon_multiple`` times the median interval
       between occasions, rounded down to whole days and kept within the floor and the
       ceiling; with one occasion it is the floor.
    3. One occasion, at most ``new_days`` ago: NEW (rule L1).
    4. An occasion within the last ``settle_days`` ended a lapse (the gap before it was
       longer than the horizon computed from the occasions before the gap): WON_BACK.
    5. Net spend in the recent window at least (1 + ``growth``) times a positive net
       spend in the window before, for a customer who was already buying when that
       window began (their first occasion on or before its first day): GROWING;
       otherwise ACTIVE (rule L1).
    6. An ACTIVE or GROWING customer with any :func:`churn_signals`: AT_RISK (rule L3).

    Args:
        purchases: One customer's purchases and refunds, in any order.
        as_of: The reference day; later records are ignored.
        complaints: The same customer's complaints (rule L3).
        policy: The thresholds; the calibrated defaults unless given.

    Returns:
        The stage.

    Raises:
        InvalidInputError: If an argument has the wrong type, or the records belong to
            more than one customer.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Purchase
    >>> def sale(day):
    ...     return Purchase(customer_id="c-1", product="tea", amount=100,
    ...                     at=datetime.combine(day, datetime.min.time(), timezone.utc))
    >>> monthly = [sale(date(2026, m, 1)) for m in range(1, 12)]
    >>> lifecycle_stage(monthly, as_of=date(2026, 11, 22))
    <Stage.ACTIVE: 'active'>
    >>> lifecycle_stage(monthly[:8], as_of=date(2026, 11, 22))   # 113 days silent
    <Stage.AT_RISK: 'at_risk'>
    >>> lifecycle_stage(monthly[:4], as_of=date(2026, 11, 22))   # past the 180-day floor
    <Stage.LAPSED: 'lapsed'>
    """
    return _History(purchases, complaints, _bind(policy, as_of)).stages()[0]


def churn_signals(
    purchases: Iterable[Purchase],
    /,
    *,
    as_of: date,
    complaints: Iterable[Complaint] = (),
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
) -> tuple[ChurnSignal, ...]:
    """The churn warning signals of one customer on ``as_of`` (rule L3).

    The recent window is the ``window_days`` days ending on ``as_of``; the window before
    it is the ``window_days`` days before that. Each signal compares the two:

    - FREQUENCY_DROP: the window before had at least ``min_baseline`` purchase
      occasions, and the recent one at most (1 - ``frequency_drop``) times as many.
    - SPEND_DROP: the same baseline, and recent net spend at most (1 - ``spend_drop``)
      times the net spend before.
    - COMPLAINT_RISE: more complaints in the recent window than before, and at least
      ``complaint_rise`` of them.
    - OVERDUE_REPURCHASE: the days since the last occasion exceed ``overdue_multiple``
      times the median interval and ``overdue_min_days``; with one occasion, they exceed
      ``new_days`` (a new customer who did not come back).

    Signals are reported whatever the stage; only an ACTIVE or GROWING customer turns
    AT_RISK for them.

    Args:
        purchases: One customer's purchases and refunds, in any order.
        as_of: The reference day; later records are ignored.
        complaints: The same customer's complaints.
        policy: The thresholds; the calibrated defaults unless given.

    Returns:
        The signals found, in the order of :class:`ChurnSignal`.

    Raises:
        InvalidInputError: As :func:`lifecycle_stage`.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Complaint, Purchase, Severity
    >>> at = datetime(2026, 11, 1, tzinfo=timezone.utc)
    >>> churn_signals([Purchase(customer_id="c-1", at=at, product="tea", amount=100)],
    ...               complaints=[Complaint(customer_id="c-1", at=at,
    ...                                     severity=Severity.ORDINARY)],
    ...               as_of=date(2026, 11, 22))
    (<ChurnSignal.COMPLAINT_RISE: 'complaint_rise'>,)
    """
    history = _History(purchases, complaints, _bind(policy, as_of))
    return history.signals(_twice_median(history.days, len(history.days)))


def highest_stage(
    purchases: Iterable[Purchase],
    /,
    *,
    as_of: date,
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
) -> Stage:
    """The furthest stage of development a customer has reached by ``as_of`` (rule L1).

    Development runs PROSPECT < NEW < ACTIVE < GROWING, so the answer is always one of
    these four. The stage is looked at on the day of every purchase occasion and on
    ``as_of``, before warning signals (an AT_RISK customer counts as the ACTIVE or
    GROWING customer they are underneath); days spent WON_BACK or LAPSED add nothing.
    So a dashboard can show "was GROWING, now AT_RISK", which forward-only lifecycle
    properties lose.

    Args:
        purchases: One customer's purchases and refunds, in any order.
        as_of: The reference day; later records are ignored.
        policy: The thresholds; the calibrated defaults unless given.

    Returns:
        PROSPECT, NEW, ACTIVE or GROWING.

    Raises:
        InvalidInputError: As :func:`lifecycle_stage`.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Purchase
    >>> def sale(day, amount):
    ...     return Purchase(customer_id="c-1", product="tea", amount=amount,
    ...                     at=datetime.combine(day, datetime.min.time(), timezone.utc))
    >>> history = [sale(date(2024, 11, 1), 100), sale(date(2025, 1, 10), 100),
    ...            sale(date(2025, 3, 10), 100), sale(date(2025, 5, 10), 900)]
    >>> highest_stage(history, as_of=date(2026, 11, 22))
    <Stage.GROWING: 'growing'>
    >>> lifecycle_stage(history, as_of=date(2026, 11, 22))
    <Stage.LAPSED: 'lapsed'>
    """
    history = _History(purchases, (), _bind(policy, as_of), keep_net=True)
    return history.highest(history.stages()[1])


# Why -----------------------------------------------------------------------------------------


_SIGNAL_ORDER = list(ChurnSignal)
_ONE_OCCASION_AT_MOST = frozenset({Stage.PROSPECT, Stage.NEW})


def _check_development(name: str, value: object) -> None:
    """A stage of development (rule L1): PROSPECT, NEW, ACTIVE or GROWING."""
    c.member(Stage)(name, value)
    if value not in _PROGRESS:
        raise InvalidInputError(
            name, value, "a stage of development: 'prospect', 'new', 'active' or 'growing'"
        )


def _check_highest(name: str, stage: Stage, highest: Stage) -> None:
    """Refuse a highest stage that falls short of ``stage`` (or passes a prospect's).

    The highest stage includes the stage on ``as_of`` before signals (ACTIVE at least
    under AT_RISK); a customer who bought was NEW at least, one who never did a PROSPECT.
    """
    least = {Stage.AT_RISK: Stage.ACTIVE, Stage.LAPSED: Stage.NEW, Stage.WON_BACK: Stage.NEW}
    floor = _PROGRESS[least.get(stage, stage)]
    allowed = [s for s, rank in _PROGRESS.items() if rank >= floor]
    if stage is Stage.PROSPECT:
        allowed = [Stage.PROSPECT]
    if highest not in allowed:
        *others, last = [repr(s.value) for s in allowed]
        choices = f"{', '.join(others)} or {last}" if others else last
        raise InvalidInputError(f"{name}.highest", highest, f"{choices} for stage {stage.value!r}")


_MEDIAN = "a Decimal of whole or half days from 1 to 1,000,000,000, or None"


def _check_median(name: str, value: object) -> None:
    """``None``, or a median of whole-day intervals: whole or half days, at least 1."""
    if value is None:
        return
    if (
        not isinstance(value, Decimal)
        or not value.is_finite()
        or not 1 <= value <= c.MAX_COUNT
        or value.as_integer_ratio()[1] > 2  # noqa: PLR2004 - whole or half days
    ):
        raise InvalidInputError(name, value, _MEDIAN)


@attrs.frozen(kw_only=True)
class ChurnWindow:
    """One of the two windows that churn signals and growth compare (rule L3).

    Args:
        start: Its first day.
        end: Its last day (inclusive).
        occasions: Purchase occasions (days with a sale) in it.
        spend: Net spend in it: sales minus refunds.
        complaints: Complaints received in it.

    Its days may lie before 1000-01-01: the window before the recent one reaches back
    past it when ``as_of`` is near that day.

    Raises:
        InvalidInputError: If a field has the wrong type, or ``end`` is before ``start``.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from custrel.lifecycle import ChurnWindow
    >>> ChurnWindow(start=date(2026, 8, 25), end=date(2026, 11, 22), occasions=0,
    ...             spend=Decimal(0), complaints=0).end
    datetime.date(2026, 11, 22)
    >>> ChurnWindow(start=date(2026, 8, 25), end=date(2026, 8, 24), occasions=0,
    ...             spend=Decimal(0), complaints=0)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: ChurnWindow.end: expected a date on or after start (2026-08-25), got date datetime.date(2026, 8, 24)
    """  # noqa: E501 - a doctest output line

    start: date = attrs.field(validator=c.checked(_CHECK_WINDOW_DAY))
    end: date = attrs.field(validator=c.checked(_CHECK_WINDOW_DAY))
    occasions: int = attrs.field(validator=c.checked(c.count(0)))
    spend: Decimal = attrs.field(validator=c.checked(c.money(signed=True)))
    complaints: int = attrs.field(validator=c.checked(c.count(0)))

    def __attrs_post_init__(self) -> None:
        """Check that the window ends on or after its first day."""
        if self.end < self.start:
            raise InvalidInputError(
                "ChurnWindow.end", self.end, f"a date on or after start ({self.start.isoformat()})"
            )


@attrs.frozen(kw_only=True)
class StageExplanation:
    """Why a customer is in their stage, for the account manager who asks.

    Args:
        stage: The stage on ``as_of``.
        highest: The furthest stage of development reached (:func:`highest_stage`).
        underlying: The stage before warning signals: ACTIVE or GROWING when the stage
            is AT_RISK, else the stage itself.
        signals: The churn warning signals found (rule L3).
        recent: The recent window.
        prior: The window before it.
        days_silent: Days since the last purchase occasion, ``None`` with none.
        median_interval_days: The median interval between occasions, ``None`` with
            fewer than two.
        horizon_days: The churn horizon used, in days.
        rules: The rule IDs applied.
        reason_en: The reason in English.
        reason_zh: The reason in Chinese.
        policy_fingerprint: The fingerprint of the policy used.

    Raises:
        InvalidInputError: If a field has the wrong type or is out of range, or the
            fields disagree: ``underlying`` is not the stage (ACTIVE or GROWING under
            AT_RISK), the signals do not make an ACTIVE or GROWING customer AT_RISK,
            ``highest`` is not as far as the stage shows, a prospect has days silent,
            the days silent are past the horizon but the stage is not LAPSED (or the
            other way round), a customer with fewer than two occasions has a median
            interval, or ``prior`` is not the window of the same length just before
            ``recent``.

    >>> from datetime import date
    >>> from custrel.lifecycle import Stage, explain_stage
    >>> why = explain_stage([], as_of=date(2026, 11, 22))
    >>> why.stage, why.reason_en
    (<Stage.PROSPECT: 'prospect'>, 'no purchase yet: a prospect to develop')
    >>> import attrs
    >>> attrs.evolve(why, highest=Stage.NEW)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: StageExplanation.highest: expected 'prospect' for stage 'prospect', got Stage <Stage.NEW: 'new'>
    """  # noqa: E501 - a doctest output line

    stage: Stage = attrs.field(validator=c.checked(c.member(Stage)))
    highest: Stage = attrs.field(validator=c.checked(_check_development))
    underlying: Stage = attrs.field(validator=c.checked(c.member(Stage)))
    signals: tuple[ChurnSignal, ...] = attrs.field(
        validator=c.checked(c.items(c.member(ChurnSignal), "ChurnSignal"))
    )
    recent: ChurnWindow = attrs.field(validator=c.checked(c.instance_of(ChurnWindow)))
    prior: ChurnWindow = attrs.field(validator=c.checked(c.instance_of(ChurnWindow)))
    days_silent: int | None = attrs.field(validator=c.checked(c.count(0, optional=True)))
    median_interval_days: Decimal | None = attrs.field(validator=c.checked(_check_median))
    horizon_days: int = attrs.field(validator=c.checked(_POSITIVE))
    rules: tuple[str, ...] = attrs.field(validator=c.checked(c.items(c.identifier, "rule IDs")))
    reason_en: str = attrs.field(validator=c.checked(c.text))
    reason_zh: str = attrs.field(validator=c.checked(c.text))
    policy_fingerprint: str = attrs.field(validator=c.checked(c.fingerprint))

    def __attrs_post_init__(self) -> None:
        """Check that the stage, its signals, the days and the windows agree."""
        self._check_signals()
        _check_highest("StageExplanation", self.stage, self.highest)
        self._check_days()
        recent, prior = self.recent, self.prior
        if (recent.start - prior.end).days != 1 or (
            recent.end - recent.start != prior.end - prior.start
        ):
            raise InvalidInputError(
                "StageExplanation.prior",
                prior,
                f"the window of {(recent.end - recent.start).days + 1} days that ends the day"
                f" before recent starts ({recent.start.isoformat()})",
            )

    def _check_signals(self) -> None:
        """Check that the stage underneath and the signals make the stage (rule L3)."""
        name, stage = "StageExplanation", self.stage
        if stage is Stage.AT_RISK:
            if self.underlying not in _SIGNALLED:
                raise InvalidInputError(
                    f"{name}.underlying",
                    self.underlying,
                    "'active' or 'growing' for stage 'at_risk'",
                )
            if not self.signals:
                raise InvalidInputError(
                    f"{name}.signals", self.signals, "at least one signal for stage 'at_risk'"
                )
        elif self.underlying is not stage:
            raise InvalidInputError(
                f"{name}.underlying", self.underlying, f"the stage itself ({stage.value!r})"
            )
        elif stage in _SIGNALLED and self.signals:
            raise InvalidInputError(
                f"{name}.signals",
                self.signals,
                f"no signal for stage {stage.value!r}: signals make it 'at_risk'",
            )
        if list(self.signals) != sorted(set(self.signals), key=_SIGNAL_ORDER.index):
            raise InvalidInputError(
                f"{name}.signals", self.signals, "each signal at most once, in ChurnSignal order"
            )

    def _check_days(self) -> None:
        """Check the days silent and the median interval against the stage (rules L2, L4)."""
        name, stage = "StageExplanation", self.stage
        if (self.days_silent is None) is not (stage is Stage.PROSPECT):
            raise InvalidInputError(
                f"{name}.days_silent",
                self.days_silent,
                f"{'None' if stage is Stage.PROSPECT else 'an int >= 0'} for stage {stage.value!r}",
            )
        lapsed = self.underlying is Stage.LAPSED
        silent = self.days_silent
        if silent is not None and (silent > self.horizon_days) is not lapsed:
            raise InvalidInputError(
                f"{name}.days_silent",
                silent,
                f"{'more than' if lapsed else 'at most'} horizon_days ({self.horizon_days})"
                f" for stage {stage.value!r}",
            )
        if self.median_interval_days is not None and stage in _ONE_OCCASION_AT_MOST:
            raise InvalidInputError(
                f"{name}.median_interval_days",
                self.median_interval_days,
                f"None for stage {stage.value!r}: fewer than two purchase occasions",
            )


_SIGNAL_TEXT = {
    ChurnSignal.FREQUENCY_DROP: ("fewer purchases", "购买频次下降"),
    ChurnSignal.SPEND_DROP: ("less spend", "消费金额下降"),
    ChurnSignal.COMPLAINT_RISE: ("more complaints", "投诉增加"),
    ChurnSignal.OVERDUE_REPURCHASE: ("repurchase overdue", "逾期未复购"),
}


def _reasons(  # noqa: PLR0911 - one return per stage reads best
    stage: Stage,
    *,
    underlying: Stage,
    signals: tuple[ChurnSignal, ...],
    silent: int | None,
    horizon: int,
    policy: LifecyclePolicy,
) -> tuple[str, str]:
    if stage is Stage.PROSPECT:
        return "no purchase yet: a prospect to develop", "尚未购买：待开发的潜在客户"
    if stage is Stage.LAPSED:
        return (
            f"silent for {silent} days, past the churn horizon of {horizon} days: lapsed",
            f"已 {silent} 天未购买，超过流失期限 {horizon} 天：已流失",
        )
    if stage is Stage.NEW:
        return (
            f"one purchase {silent} days ago, within {policy.new_days} days: new",
            f"{silent} 天前首次购买，在 {policy.new_days} 天内：新客户",
        )
    if stage is Stage.WON_BACK:
        return (
            (
                f"bought again after lapsing, within the {policy.settle_days}-day settling"
                " period: won back"
            ),
            f"流失后再次购买，在 {policy.settle_days} 天的稳定期内：挽回客户",
        )
    if stage is Stage.AT_RISK:
        english = ", ".join(_SIGNAL_TEXT[s][0] for s in signals)
        chinese = "、".join(_SIGNAL_TEXT[s][1] for s in signals)
        kind = "成长" if underlying is Stage.GROWING else "活跃"
        return (
            f"{underlying.value} but showing warning signals ({english}): at risk",
            f"{kind}客户出现流失预警（{chinese}）：流失风险客户",
        )
    if stage is Stage.GROWING:
        times = c.CONTEXT.add(1, policy.growth)
        return (
            (
                f"spend in the last {policy.window_days} days at least {times}x"
                " the window before: growing"
            ),
            f"近 {policy.window_days} 天消费额至少为前一期的 {times} 倍：成长客户",
        )
    return (
        f"buying within the churn horizon of {horizon} days, no warning signal: active",
        f"在流失期限 {horizon} 天内持续购买，无流失预警：活跃客户",
    )


def explain_stage(
    purchases: Iterable[Purchase],
    /,
    *,
    as_of: date,
    complaints: Iterable[Complaint] = (),
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
) -> StageExplanation:
    """One customer's stage with everything that decided it (rules L1-L4).

    Args:
        purchases: One customer's purchases and refunds, in any order.
        as_of: The reference day; later records are ignored.
        complaints: The same customer's complaints.
        policy: The thresholds; the calibrated defaults unless given.

    Returns:
        The stage, the highest stage, the signals, both windows, the horizon, the policy
        fingerprint and the reason in English and Chinese.

    Raises:
        InvalidInputError: As :func:`lifecycle_stage`.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Purchase
    >>> at = datetime(2026, 9, 1, tzinfo=timezone.utc)
    >>> why = explain_stage([Purchase(customer_id="c-1", at=at, product="tea", amount=80)],
    ...                     as_of=date(2026, 11, 22))
    >>> why.stage, why.horizon_days, why.recent.spend
    (<Stage.NEW: 'new'>, 180, Decimal('80'))
    >>> print(why.reason_zh)
    82 天前首次购买，在 90 天内：新客户
    """
    bound = _bind(policy, as_of)
    history = _History(purchases, complaints, bound, keep_net=True)
    twice_median = _twice_median(history.days, len(history.days))
    horizon = bound.horizon_days(twice_median)
    underlying = history.underlying(horizon)
    signals = history.signals(twice_median)
    stage = underlying
    if underlying in _SIGNALLED and signals:
        stage = Stage.AT_RISK
    silent = history.silence() if history.days else None
    recent_n, prior_n = history.occasions()
    window = timedelta(days=policy.window_days)
    recent = c.unchecked(
        ChurnWindow,
        start=bound.recent_start + timedelta(days=1),
        end=as_of,
        occasions=recent_n,
        spend=history.spend_recent,
        complaints=history.complaints_recent,
    )
    prior = c.unchecked(
        ChurnWindow,
        start=bound.prior_start + timedelta(days=1),
        end=as_of - window,
        occasions=prior_n,
        spend=history.spend_prior,
        complaints=history.complaints_prior,
    )
    english, chinese = _reasons(
        stage,
        underlying=underlying,
        signals=signals,
        silent=silent,
        horizon=horizon,
        policy=policy,
    )
    rules = ("L1", "L2", "L3", "L4")
    return StageExplanation(
        stage=stage,
        highest=history.highest(underlying),
        underlying=underlying,
        signals=signals,
        recent=recent,
        prior=prior,
        days_silent=silent,
        median_interval_days=(
            None if twice_median is None else c.CONTEXT.divide(Decimal(twice_median), 2)
        ),
        horizon_days=horizon,
        rules=rules,
        reason_en=english,
        reason_zh=chinese,
        policy_fingerprint=policy.fingerprint(),
    )


# A portfolio ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CustomerStage:
    """One customer's stage in a portfolio view (:func:`portfolio_stages`).

    Args:
        customer_id: The customer.
        stage: Their stage on ``as_of``.
        highest: The furthest stage of development they reached.

    Raises:
        InvalidInputError: If a field has the wrong type, or ``highest`` is not a stage
            of development as far as ``stage`` shows: ACTIVE or GROWING under AT_RISK,
            NEW or further for a customer who bought, PROSPECT for one who did not.

    >>> from custrel.lifecycle import CustomerStage, Stage
    >>> CustomerStage(customer_id="c-1", stage=Stage.AT_RISK, highest=Stage.GROWING).highest
    <Stage.GROWING: 'growing'>
    >>> CustomerStage(customer_id="c-1", stage=Stage.AT_RISK, highest=Stage.NEW)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: CustomerStage.highest: expected 'active' or 'growing' for stage 'at_risk', got Stage <Stage.NEW: 'new'>
    """  # noqa: E501 - a doctest output line

    customer_id: str = attrs.field(validator=c.checked(c.identifier))
    stage: Stage = attrs.field(validator=c.checked(c.member(Stage)))
    highest: Stage = attrs.field(validator=c.checked(_check_development))

    def __attrs_post_init__(self) -> None:
        """Check that the highest stage is as far as the stage shows."""
        _check_highest("CustomerStage", self.stage, self.highest)


def _customers(
    customers: Iterable[object], bound: _Bound, *, highest: bool
) -> Iterator[tuple[str, Stage, Stage]]:
    for index, item in enumerate(customers):
        if not isinstance(item, tuple) or len(item) != 3:  # noqa: PLR2004 - a triple
            raise InvalidInputError(
                f"customers[{index}]", item, "a (customer_id, purchases, complaints) tuple"
            )
        customer_id, purchases, complaints = item
        c.identifier(f"customers[{index}][0]", customer_id)
        try:
            history = _History(purchases, complaints, bound, customer_id, keep_net=highest)
        except InvalidInputError as exc:
            raise InvalidInputError(
                f"customers[{index}].{exc.field}", exc.value, exc.expected, hint=exc.hint
            ) from None
        stage, underlying = history.stages()
        yield customer_id, stage, history.highest(underlying) if highest else stage


def _checked_customers(customers: object) -> Iterable[object]:
    c.iterable("customers", customers, "(customer_id, purchases, complaints)")
    return cast("Iterable[object]", customers)


def portfolio_stages(
    customers: Iterable[tuple[str, Iterable[Purchase], Iterable[Complaint]]],
    /,
    *,
    as_of: date,
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
) -> Iterator[CustomerStage]:
    """Stream the stage of many customers, one at a time (rules L1-L4).

    Each item is ``(customer_id, purchases, complaints)`` with that customer's records;
    the result comes lazily, in input order, so a generator of histories read from a
    file is staged in constant memory.

    Args:
        customers: The customers' histories.
        as_of: The reference day.
        policy: The thresholds; the calibrated defaults unless given.

    Returns:
        An iterator of each customer's id, stage and highest stage.

    Raises:
        InvalidInputError: At once if ``as_of``, ``policy`` or ``customers`` is of the
            wrong type; while iterating, if an item is not such a triple or a record
            belongs to another customer.

    >>> from datetime import date
    >>> [s.stage for s in portfolio_stages([("c-1", [], [])], as_of=date(2026, 11, 22))]
    [<Stage.PROSPECT: 'prospect'>]
    """
    bound = _bind(policy, as_of)
    # from checked histories: the validators are for data from outside
    return (
        c.unchecked(CustomerStage, customer_id=customer_id, stage=stage, highest=highest)
        for customer_id, stage, highest in _customers(
            _checked_customers(customers), bound, highest=True
        )
    )


def stage_counts(
    customers: Iterable[tuple[str, Iterable[Purchase], Iterable[Complaint]]],
    /,
    *,
    as_of: date,
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
) -> dict[Stage, int]:
    """How many customers are in each stage, for a dashboard (rules L1-L4).

    Args:
        customers: ``(customer_id, purchases, complaints)`` triples, as for
            :func:`portfolio_stages`.
        as_of: The reference day.
        policy: The thresholds; the calibrated defaults unless given.

    Returns:
        Every stage, in :class:`Stage` order, with its count (zero included).

    Raises:
        InvalidInputError: As :func:`portfolio_stages`.

    >>> from datetime import date
    >>> counts = stage_counts([("c-1", [], []), ("c-2", [], [])], as_of=date(2026, 11, 22))
    >>> counts[Stage.PROSPECT], counts[Stage.LAPSED]
    (2, 0)
    """
    bound = _bind(policy, as_of)
    counts = dict.fromkeys(Stage, 0)
    for _, stage, _ in _customers(_checked_customers(customers), bound, highest=False):
        counts[stage] += 1
    return counts
