"""Why a customer is at their stage: the explanation of rules L1-L4, in English and Chinese."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.lifecycle._history import _History
from custrel.lifecycle._policy import (
    _CHECK_WINDOW_DAY,
    _POSITIVE,
    _PROGRESS,
    _SIGNALLED,
    DEFAULT_LIFECYCLE,
    ChurnSignal,
    LifecyclePolicy,
    Stage,
    _bind,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from custrel.models import Complaint, Purchase

__all__ = ["ChurnWindow", "StageExplanation", "explain_stage"]


# Why -----------------------------------------------------------------------------------------


_SIGNAL_ORDER = list(ChurnSignal)
_ONE_OCCASION_AT_MOST = frozenset({Stage.PROSPECT, Stage.NEW})
_UNDER_AT_RISK = _SIGNALLED | {Stage.NEW}
_KIND_ZH = {Stage.NEW: "新", Stage.ACTIVE: "活跃", Stage.GROWING: "成长"}


def _check_development(name: str, value: object) -> None:
    """A stage of development (rule L1): PROSPECT, NEW, ACTIVE or GROWING."""
    c.member(Stage)(name, value)
    if value not in _PROGRESS:
        raise InvalidInputError(
            name, value, "a stage of development: 'prospect', 'new', 'active' or 'growing'"
        )


def _check_highest(name: str, stage: Stage, highest: Stage) -> None:
    """Refuse a highest stage that falls short of ``stage`` (or passes a prospect's).

    The highest stage includes the stage on ``as_of`` before signals (NEW at least under
    AT_RISK: a single purchase whose repurchase is overdue); a customer who bought was
    NEW at least, one who never did a PROSPECT.
    """
    least = {Stage.AT_RISK: Stage.NEW, Stage.LAPSED: Stage.NEW, Stage.WON_BACK: Stage.NEW}
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
            is AT_RISK (NEW for a single purchase whose repurchase is overdue), else
            the stage itself.
        signals: The churn warning signals found (rule L3).
        recent: The recent window.
        prior: The window before it.
        days_silent: Days since the last purchase occasion, ``None`` with none.
        median_interval_days: The median interval between occasions, lapses left out
            (rule L4), ``None`` when no interval remains.
        horizon_days: The churn horizon used, in days.
        rules: The rule IDs applied.
        reason_en: The reason in English.
        reason_zh: The reason in Chinese.
        policy_fingerprint: The fingerprint of the policy used.
        held_since: The day the stage was reached, when it is held from an earlier day
            of the silence since the last purchase occasion (silence never improves
            standing, rules L1, L4); the signals are then that day's. ``None`` when the
            stage is the one ``as_of`` itself gives.

    Raises:
        InvalidInputError: If a field has the wrong type or is out of range, or the
            fields disagree: ``underlying`` is not the stage (ACTIVE, GROWING or NEW
            under AT_RISK), the signals do not make an ACTIVE or GROWING customer AT_RISK,
            ``highest`` is not as far as the stage (or the stage underneath) shows, a
            prospect has days silent,
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
    held_since: date | None = attrs.field(default=None, validator=c.checked(c.day(optional=True)))

    def __attrs_post_init__(self) -> None:
        """Check that the stage, its signals, the days and the windows agree."""
        self._check_signals()
        _check_highest("StageExplanation", self.stage, self.highest)
        under = _PROGRESS.get(self.underlying)
        if under is not None and _PROGRESS[self.highest] < under:
            raise InvalidInputError(
                "StageExplanation.highest",
                self.highest,
                f"at least the stage underneath ({self.underlying.value!r})",
            )
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
            if self.underlying not in _UNDER_AT_RISK:
                raise InvalidInputError(
                    f"{name}.underlying",
                    self.underlying,
                    "'new', 'active' or 'growing' for stage 'at_risk'",
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
        kind = _KIND_ZH[underlying]
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
    (<Stage.NEW: 'new'>, 90, Decimal('80'))
    >>> print(why.reason_zh)
    82 天前首次购买，在 90 天内：新客户
    """
    bound = _bind(policy, as_of)
    history = _History(purchases, complaints, bound)
    shown = history.now()
    stage, underlying, signals = shown.stage, shown.underlying, shown.signals
    twice_median = history.twice_median
    horizon = history.horizon()
    silent = bound.as_of_ord - history.days[-1] if history.days else None
    day, window = bound.as_of_ord, policy.window_days
    recent = c.unchecked(
        ChurnWindow,
        start=bound.recent_start + timedelta(days=1),
        end=as_of,
        occasions=history.occasions(day - window, day),
        spend=history.spend(day - window, day),
        complaints=history.complaints(day - window, day),
    )
    prior = c.unchecked(
        ChurnWindow,
        start=bound.prior_start + timedelta(days=1),
        end=as_of - timedelta(days=window),
        occasions=history.occasions(day - 2 * window, day - window),
        spend=history.spend(day - 2 * window, day - window),
        complaints=history.complaints(day - 2 * window, day - window),
    )
    english, chinese = _reasons(
        stage,
        underlying=underlying,
        signals=signals,
        silent=silent,
        horizon=horizon,
        policy=policy,
    )
    held = None if shown.since is None else date.fromordinal(shown.since)
    if held is not None:
        english += f"; held since {held.isoformat()}: nothing bought since, so no rise"
        chinese += f"（自 {held.isoformat()} 起保持：此后未再购买，阶段不上升）"
    return StageExplanation(
        stage=stage,
        highest=history.highest(),
        underlying=underlying,
        signals=signals,
        recent=recent,
        prior=prior,
        days_silent=silent,
        median_interval_days=(
            None if twice_median is None else c.CONTEXT.divide(Decimal(twice_median), 2)
        ),
        horizon_days=horizon,
        rules=("L1", "L2", "L3", "L4"),
        reason_en=english,
        reason_zh=chinese,
        policy_fingerprint=policy.fingerprint(),
        held_since=held,
    )
