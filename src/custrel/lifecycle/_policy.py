"""The lifecycle vocabulary (stages, churn signals) and the policy of rules L1-L4."""

from __future__ import annotations

import enum
import functools
from datetime import date, timedelta
from decimal import Decimal

import attrs

from custrel import _checks as c
from custrel._policy import Policy
from custrel.errors import InvalidInputError, PolicyError

__all__ = ["DEFAULT_LIFECYCLE", "ChurnSignal", "LifecyclePolicy", "Stage"]


class Stage(enum.StrEnum):
    """A customer's lifecycle stage (rules L1, L2, L4).

    The development path of rule L1 runs PROSPECT → NEW → ACTIVE → GROWING; that is
    the order in which :func:`highest_stage` measures how far a customer has come.
    AT_RISK, LAPSED and WON_BACK say how the relationship stands, not how far it went.

    Stages compare by standing (rules L1, L4, decision), worst first: ``PROSPECT <
    LAPSED < AT_RISK < NEW < WON_BACK < ACTIVE < GROWING``, which keeps the development
    path in its order; so ``max`` is the better standing and ``sorted(Stage)`` runs
    from no relationship to a growing one. The values are unchanged (``Stage.NEW ==
    "new"``), but a stage never compares with a plain string: that raises TypeError,
    where the alphabetical order of the values used to answer.

    >>> from custrel.lifecycle import Stage
    >>> [s.value for s in Stage]
    ['prospect', 'new', 'active', 'growing', 'at_risk', 'lapsed', 'won_back']
    >>> max(Stage.NEW, Stage.GROWING), Stage.NEW == "new"
    (<Stage.GROWING: 'growing'>, True)
    >>> Stage.NEW < "z"
    Traceback (most recent call last):
    ...
    TypeError: '<' not supported between instances of 'Stage' and 'str'
    """

    PROSPECT = "prospect"  # rule L2: no purchase yet, to be developed
    NEW = "new"  # rule L1: acquired, one purchase occasion, recent
    ACTIVE = "active"  # rule L1: retained, buying within their horizon
    GROWING = "growing"  # rule L1: expanding, recent spend clearly above the window before
    AT_RISK = "at_risk"  # rules L2, L3: active or growing, but with warning signals
    LAPSED = "lapsed"  # rule L4: silent past their churn horizon
    WON_BACK = "won_back"  # rule L4: bought again after lapsing, still settling

    def __lt__(self, other: object) -> bool:
        """Worse standing (rules L1, L4): ``PROSPECT < LAPSED < ... < GROWING``."""
        return _STANDING[self] < _standing(other, "<")

    def __le__(self, other: object) -> bool:
        """Worse or equal standing."""
        return _STANDING[self] <= _standing(other, "<=")

    def __gt__(self, other: object) -> bool:
        """Better standing."""
        return _STANDING[self] > _standing(other, ">")

    def __ge__(self, other: object) -> bool:
        """Better or equal standing."""
        return _STANDING[self] >= _standing(other, ">=")


_PROGRESS = {Stage.PROSPECT: 0, Stage.NEW: 1, Stage.ACTIVE: 2, Stage.GROWING: 3}
# rules L1, L4 (decision): the order of standing, worst first; _PROGRESS in the same order
_STANDING = {
    stage: rank
    for rank, stage in enumerate(
        (
            Stage.PROSPECT,
            Stage.LAPSED,
            Stage.AT_RISK,
            Stage.NEW,
            Stage.WON_BACK,
            Stage.ACTIVE,
            Stage.GROWING,
        )
    )
}


def _standing(other: object, operator: str) -> int:
    """The rank of ``other`` in the order of standing, if it is a Stage; else TypeError.

    A TypeError rather than ``NotImplemented``: ``str`` would then answer by the
    alphabetical order of the values, which is no order of stages.
    """
    if not isinstance(other, Stage):
        message = (
            f"'{operator}' not supported between instances of 'Stage' and {type(other).__name__!r}"
        )
        raise TypeError(message)
    return _STANDING[other]


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


# The ratios take a Decimal, an int or a float (as Decimal(repr(x))): docs/rules.md, "Numbers".
_ABOVE_ZERO = c.fraction(above=True)
_BETWEEN_ZERO_AND_ONE = c.fraction(0, 1, above=True, below=True)


def _decimal(value: c.Ratio) -> Decimal:
    """Turn a float (exactly, as ``Decimal(repr(x))``) or an int into a ``Decimal``."""
    return c.to_ratio(value)


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
            a customer whose every interval was a lapse), 180 days by default ...
        horizon_ceiling_days: ... nor longer than this, 365 days by default.
        one_time_horizon_days: The churn horizon of a customer with a single purchase
            occasion (rules L1, L4), 90 days by default: silent longer than this, a
            one-time buyer is LAPSED, never ACTIVE. Chosen on CDNOW
            (docs/lifecycle.md). When it is longer than ``new_days``, the days between
            are AT_RISK (a new customer whose repurchase is overdue); when shorter, it
            cuts NEW short.
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
    one_time_horizon_days: int = attrs.field(  # rules L1, L4
        default=90, validator=c.policy(_POSITIVE)
    )
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
"""The calibrated lifecycle policy: NEW for 90 days, a one-time buyer lapsed after 90,
horizon 3 x median in 180..365 days."""


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
        "one_time",
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
        self.one_time = policy.one_time_horizon_days
        self.horizon = policy.horizon_multiple.as_integer_ratio()
        self.overdue = policy.overdue_multiple.as_integer_ratio()
        self.overdue_min = policy.overdue_min_days
        self.settle = policy.settle_days
        self.growth = c.CONTEXT.add(1, policy.growth)
        self.frequency_keep = c.CONTEXT.subtract(1, policy.frequency_drop)
        self.spend_keep = c.CONTEXT.subtract(1, policy.spend_drop)
        self.min_baseline = policy.min_baseline
        self.complaint_rise = policy.complaint_rise

    def horizon_days(self, twice_median: int | None, *, one_time: bool = False) -> int:
        """The churn horizon in whole days (rounded down), clamped (rule L4).

        ``one_time``: the customer has a single purchase occasion (rules L1, L4).
        """
        if one_time:
            return self.one_time
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
