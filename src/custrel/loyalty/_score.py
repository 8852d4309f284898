"""The loyalty score of rule Y1 (0-100), its policy and its explanation."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from custrel import _checks as c
from custrel._policy import Policy
from custrel.errors import InvalidInputError, PolicyError
from custrel.labels import label
from custrel.loyalty import _scoring as s
from custrel.loyalty._measures import LoyaltyMeasure, LoyaltyMeasures

__all__ = [
    "DEFAULT_LOYALTY",
    "LoyaltyContribution",
    "LoyaltyExplanation",
    "LoyaltyPolicy",
    "explain_loyalty",
    "loyalty_score",
]


_CHECK_SILENCE = c.count(0, optional=True)
_WEIGHTS = (
    "repeat_weight",
    "choosing_weight",
    "price_weight",
    "competitor_weight",
    "tolerance_weight",
    "spend_weight",
)


@attrs.frozen(kw_only=True, cache_hash=True)
class LoyaltyPolicy(Policy):
    """The weights and reference points of the loyalty score (rule Y1).

    Each known measure earns *points* in 0..1:

    - repeat purchases: ``repeat_purchases / repeat_full``, at most 1;
    - time spent choosing: ``1 - choosing_days / choosing_days_limit``, at least 0;
    - price sensitivity: ``1 - price_sensitivity``;
    - interest in competitors: ``1 - competitor_interest``;
    - tolerance of quality problems: ``quality_tolerance``;
    - spend: ``spend / spend_full``, clipped to 0..1 (a negative net spend earns 0).

    The score is 100 · the weighted mean of the points over the *known* measures:
    an unknown measure's weight is shared by the others in proportion to theirs.

    The points of repeat purchases and spend are multiplied by their *recency*
    (:meth:`recency`): full while the last purchase is at most ``recency_grace_days``
    ago, none from ``recency_limit_days``, linear in between. Both measures count a
    customer's whole history, and the reference points below are a year's; a customer
    who stopped buying a year ago has no buying left to show loyalty by.

    Defaults: every weight 1, since rule Y1 lists the six measures without ranking
    them and the texts give no ground to prefer one; ``repeat_full`` 12 (a purchase a
    month for a year earns full marks); ``choosing_days_limit`` 30 (a customer who
    deliberates for a month or more shows no preference); ``spend_full`` 10,000 (in
    the account currency: a regular retail customer's yearly spend in CNY). The three
    reference points depend on the business: calibrate them to your own portfolio.
    ``recency_grace_days`` 180 and ``recency_limit_days`` 365: the floor and the ceiling
    of the lifecycle's churn horizon (rule L4), so buying fades only once some
    customers count as lapsed and is gone when every customer does, a year, the period
    of the reference points.

    Args:
        repeat_weight: Weight of repeat purchases (>= 0).
        choosing_weight: Weight of time spent choosing (>= 0).
        price_weight: Weight of price sensitivity (>= 0).
        competitor_weight: Weight of interest in competitors (>= 0).
        tolerance_weight: Weight of tolerance of quality problems (>= 0).
        spend_weight: Weight of spend (>= 0).
        repeat_full: Repeat purchases that earn full points (an ``int`` >= 1).
        choosing_days_limit: Days of choosing that earn no points (> 0).
        spend_full: Spend that earns full points (> 0).
        recency_grace_days: Days without a purchase after which repeat purchases and
            spend start to fade (an ``int`` >= 0).
        recency_limit_days: Days without a purchase from which they earn nothing (an
            ``int`` above ``recency_grace_days``).

    Raises:
        PolicyError: If a weight is negative or not a finite number (a ``float``
            weight is taken as the decimal it is written as), every
            weight is 0, a reference point is not above 0, or ``recency_limit_days``
            is not above ``recency_grace_days``.

    >>> from custrel.loyalty import LoyaltyPolicy
    >>> LoyaltyPolicy.from_dict({"spend_full": "500", "price_weight": 2}).spend_full
    Decimal('500')
    >>> LoyaltyPolicy(price_weight=0.5).price_weight
    Decimal('0.5')
    >>> LoyaltyPolicy(repeat_full=0)
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: LoyaltyPolicy.repeat_full: expected an int >= 1, got int 0
    """

    repeat_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_ratio, validator=s.WEIGHT
    )  # rule Y1
    choosing_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_ratio, validator=s.WEIGHT
    )  # rule Y1
    price_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_ratio, validator=s.WEIGHT
    )  # rule Y1
    competitor_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_ratio, validator=s.WEIGHT
    )  # rule Y1
    tolerance_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_ratio, validator=s.WEIGHT
    )  # rule Y1
    spend_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_ratio, validator=s.WEIGHT
    )  # rule Y1
    repeat_full: int = attrs.field(default=12, validator=c.policy(c.count(1)))
    choosing_days_limit: Decimal = attrs.field(
        default=Decimal(30), converter=c.to_money, validator=c.policy(s.positive)
    )
    spend_full: Decimal = attrs.field(
        default=Decimal(10_000), converter=c.to_money, validator=c.policy(s.positive)
    )
    recency_grace_days: int = attrs.field(default=180, validator=c.policy(c.count(0)))  # rule Y1
    recency_limit_days: int = attrs.field(default=365, validator=c.policy(c.count(1)))  # rule Y1

    def __attrs_post_init__(self) -> None:
        """Refuse a policy with every weight 0, or a recency limit not after its grace."""
        s.check_weights(self, [(name, getattr(self, name)) for name in _WEIGHTS])
        if self.recency_limit_days <= self.recency_grace_days:
            raise PolicyError(
                "LoyaltyPolicy.recency_limit_days",
                self.recency_limit_days,
                f"an int above recency_grace_days ({self.recency_grace_days})",
            )

    def recency(self, silent_days: int | None, /) -> Decimal:
        """How much of their points repeat purchases and spend keep (rule Y1), 0..1.

        1 while ``silent_days`` is at most ``recency_grace_days`` (or unknown), 0 from
        ``recency_limit_days``, and ``(limit - silent_days) / (limit - grace)`` in
        between: non-increasing in the silence.

        Args:
            silent_days: Days since the last purchase, or ``None`` if unknown.

        Returns:
            The factor, a ``Decimal`` in 0..1.

        Raises:
            InvalidInputError: If ``silent_days`` is not an ``int`` >= 0 or ``None``.

        >>> from custrel.loyalty import DEFAULT_LOYALTY
        >>> DEFAULT_LOYALTY.recency(180), DEFAULT_LOYALTY.recency(254), DEFAULT_LOYALTY.recency(460)
        (Decimal('1'), Decimal('0.6'), Decimal('0'))
        >>> DEFAULT_LOYALTY.recency(-1)
        Traceback (most recent call last):
        ...
        custrel.errors.InvalidInputError: LoyaltyMeasures.silent_days: expected an int >= 0 or None, got int -1
        """  # noqa: E501 - a doctest output line
        _CHECK_SILENCE("LoyaltyMeasures.silent_days", silent_days)
        if silent_days is None:
            return s.ONE
        span = self.recency_limit_days - self.recency_grace_days
        return s.clip(s.CONTEXT.divide(self.recency_limit_days - silent_days, span))

    def weight(self, measure: LoyaltyMeasure, /) -> Decimal:
        """The weight of one measure.

        Args:
            measure: Which measure.

        Returns:
            Its weight.

        Raises:
            InvalidInputError: If ``measure`` is not a :class:`LoyaltyMeasure`.

        >>> from custrel.loyalty import DEFAULT_LOYALTY, LoyaltyMeasure
        >>> DEFAULT_LOYALTY.weight(LoyaltyMeasure.SPEND)
        Decimal('1')
        """
        c.member(LoyaltyMeasure)("measure", measure)
        weights = {
            LoyaltyMeasure.REPEAT_PURCHASES: self.repeat_weight,
            LoyaltyMeasure.CHOOSING_DAYS: self.choosing_weight,
            LoyaltyMeasure.PRICE_SENSITIVITY: self.price_weight,
            LoyaltyMeasure.COMPETITOR_INTEREST: self.competitor_weight,
            LoyaltyMeasure.QUALITY_TOLERANCE: self.tolerance_weight,
            LoyaltyMeasure.SPEND: self.spend_weight,
        }
        return weights[measure]

    def points(self, measure: LoyaltyMeasure, value: Decimal | int, /) -> Decimal:
        """The points in 0..1 that a known measure earns (rule Y1's direction).

        Args:
            measure: Which measure.
            value: Its value, in the unit and range :class:`LoyaltyMeasures` gives.

        Returns:
            The points: non-decreasing in repeats, tolerance and spend,
            non-increasing in choosing time, price sensitivity and competitor interest.

        Raises:
            InvalidInputError: If ``measure`` is not a :class:`LoyaltyMeasure` or
                ``value`` is not valid for it (named as the measures' field).

        >>> from decimal import Decimal
        >>> from custrel.loyalty import DEFAULT_LOYALTY, LoyaltyMeasure
        >>> DEFAULT_LOYALTY.points(LoyaltyMeasure.CHOOSING_DAYS, 3)
        Decimal('0.9')
        >>> DEFAULT_LOYALTY.points(LoyaltyMeasure.PRICE_SENSITIVITY, 2)
        Traceback (most recent call last):
        ...
        custrel.errors.InvalidInputError: LoyaltyMeasures.price_sensitivity: expected a finite number in 0..1 or None, got Decimal Decimal('2')
        """  # noqa: E501 - a doctest output line
        c.member(LoyaltyMeasure)("measure", measure)
        given: dict[str, Any] = {measure.value: value}
        checked = LoyaltyMeasures(**given).get(measure)
        if checked is None:
            raise InvalidInputError(f"LoyaltyMeasures.{measure.value}", value, "a known value")
        return self._points(measure, checked)

    def _points(self, measure: LoyaltyMeasure, value: Decimal | int, /) -> Decimal:
        """:meth:`points` of a value already checked, for the loops."""
        if measure is LoyaltyMeasure.REPEAT_PURCHASES:
            return s.ratio(value, self.repeat_full)
        if measure is LoyaltyMeasure.CHOOSING_DAYS:
            return s.CONTEXT.subtract(s.ONE, s.ratio(value, self.choosing_days_limit))
        if measure is LoyaltyMeasure.SPEND:
            return s.ratio(value, self.spend_full)
        if measure is LoyaltyMeasure.QUALITY_TOLERANCE:
            return s.number(value)
        return s.CONTEXT.subtract(s.ONE, s.number(value))  # price sensitivity, competitor interest


DEFAULT_LOYALTY = LoyaltyPolicy()
"""Equal weights; full points at 12 repeats and 10,000 spent; none at 30 days choosing."""


@attrs.frozen(kw_only=True)
class LoyaltyContribution:
    """What one known measure adds to a loyalty score (rule Y1).

    Args:
        measure: Which measure.
        value: Its value.
        points: The points it earns, in 0..1.
        weight: Its share of the score after renormalising over the known measures,
            in 0..1 (the shares of all contributions sum to 1).
        contribution: ``100 · points · weight``, rounded to two decimals: its part of
            the score.
        reason_en: The contribution in English.
        reason_zh: The contribution in Chinese.

    Raises:
        InvalidInputError: If a field has the wrong type or is out of range, or
            ``contribution`` is not ``100 · points · weight`` rounded.

    >>> from custrel.loyalty import LoyaltyMeasures, explain_loyalty
    >>> part = explain_loyalty(LoyaltyMeasures(repeat_purchases=6)).contributions[0]
    >>> part.contribution
    Decimal('50.00')
    >>> import attrs
    >>> attrs.evolve(part, contribution=Decimal("60.00"))
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: LoyaltyContribution.contribution: expected 100 · points · weight, rounded to two decimals (50.00), got Decimal Decimal('60.00')
    """  # noqa: E501 - a doctest output line

    measure: LoyaltyMeasure = attrs.field(validator=c.checked(c.member(LoyaltyMeasure)))
    value: Decimal = attrs.field(validator=c.checked(c.money(signed=True)))
    points: Decimal = attrs.field(validator=c.checked(c.share))
    weight: Decimal = attrs.field(validator=c.checked(c.share))
    contribution: Decimal = attrs.field(validator=c.checked(c.money()))
    reason_en: str = attrs.field(validator=c.checked(c.text))
    reason_zh: str = attrs.field(validator=c.checked(c.text))

    def __attrs_post_init__(self) -> None:
        """Check that the contribution is the points times the weight, as a score."""
        expected = s.score(s.CONTEXT.multiply(self.points, self.weight))
        if self.contribution != expected:
            raise InvalidInputError(
                "LoyaltyContribution.contribution",
                self.contribution,
                f"100 · points · weight, rounded to two decimals ({expected})",
            )


def _check_score(name: str, value: object) -> None:
    """A loyalty score: a ``Decimal`` in 0..100."""
    if not isinstance(value, Decimal) or not value.is_finite() or not 0 <= value <= s.HUNDRED:
        raise InvalidInputError(name, value, "a Decimal in 0..100")


@attrs.frozen(kw_only=True)
class LoyaltyExplanation:
    """A loyalty score with each measure's part in it, for the person who asks.

    Args:
        score: The score, as :func:`loyalty_score` gives it.
        contributions: One per known measure, in :class:`LoyaltyMeasure` order. Each is
            rounded on its own, so their sum may differ from ``score`` by a few
            hundredths.
        missing: The unknown measures, whose weight the known ones share.
        rules: The rule IDs applied.
        reason_en: A summary in English.
        reason_zh: A summary in Chinese.
        policy_fingerprint: The fingerprint of the policy that scored it.

    Raises:
        InvalidInputError: If a field has the wrong type or is out of range, there is
            no contribution, or the contributions and ``missing`` do not name each
            measure once, in :class:`LoyaltyMeasure` order.

    >>> from custrel.loyalty import LoyaltyMeasures, explain_loyalty
    >>> why = explain_loyalty(LoyaltyMeasures(repeat_purchases=12, spend=0))
    >>> why.score, why.missing[0]
    (Decimal('50.00'), <LoyaltyMeasure.CHOOSING_DAYS: 'choosing_days'>)
    >>> import attrs
    >>> attrs.evolve(why, missing=())
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: LoyaltyExplanation.missing: expected the measures without a contribution, in order (choosing_days, price_sensitivity, competitor_interest, quality_tolerance), got tuple ()
    """  # noqa: E501 - a doctest output line

    score: Decimal = attrs.field(validator=c.checked(_check_score))
    contributions: tuple[LoyaltyContribution, ...] = attrs.field(
        validator=c.checked(c.items(c.instance_of(LoyaltyContribution), "LoyaltyContribution"))
    )
    missing: tuple[LoyaltyMeasure, ...] = attrs.field(
        validator=c.checked(c.items(c.member(LoyaltyMeasure), "LoyaltyMeasure"))
    )
    rules: tuple[str, ...] = attrs.field(validator=c.checked(c.items(c.identifier, "rule IDs")))
    reason_en: str = attrs.field(validator=c.checked(c.text))
    reason_zh: str = attrs.field(validator=c.checked(c.text))
    policy_fingerprint: str = attrs.field(validator=c.checked(c.fingerprint))

    def __attrs_post_init__(self) -> None:
        """Check that the contributions and the missing measures name each measure once."""
        order = list(LoyaltyMeasure)
        known = [part.measure for part in self.contributions]
        if not known or known != sorted(set(known), key=order.index):
            raise InvalidInputError(
                "LoyaltyExplanation.contributions",
                self.contributions,
                "at least one contribution, one per known measure, in LoyaltyMeasure order",
            )
        missing = tuple(m for m in order if m not in known)
        if self.missing != missing:
            raise InvalidInputError(
                "LoyaltyExplanation.missing",
                self.missing,
                "the measures without a contribution, in order"
                f" ({', '.join(m.value for m in missing) or 'none'})",
            )


_FADING = frozenset({LoyaltyMeasure.REPEAT_PURCHASES, LoyaltyMeasure.SPEND})  # rule Y1: recency


def _known(
    measures: LoyaltyMeasures, policy: LoyaltyPolicy
) -> tuple[list[tuple[LoyaltyMeasure, Decimal | int, Decimal, Decimal]], Decimal]:
    """The known measures as (measure, value, points, weight), and the mean points.

    The points of repeat purchases and spend are already multiplied by their recency.
    """
    if not isinstance(measures, LoyaltyMeasures):
        raise InvalidInputError("measures", measures, "a LoyaltyMeasures")
    given: object = policy
    if not isinstance(given, LoyaltyPolicy):
        raise InvalidInputError("policy", policy, "a LoyaltyPolicy")
    recency = policy.recency(measures.silent_days)
    known = []
    for measure in LoyaltyMeasure:
        value = measures.get(measure)
        if value is not None:
            points = policy._points(measure, value)  # noqa: SLF001
            if measure in _FADING:
                points = s.CONTEXT.multiply(points, recency)
            known.append((measure, value, points, policy.weight(measure)))
    if not any(weight for *_, weight in known):
        raise InvalidInputError(
            "measures",
            measures,
            "at least one known measure whose weight is above 0",
            hint="with nothing known there is no loyalty score; leave the customer unscored",
        )
    mean = s.weighted([(points, weight) for _, _, points, weight in known])
    return known, mean


def loyalty_score(
    measures: LoyaltyMeasures, /, *, policy: LoyaltyPolicy = DEFAULT_LOYALTY
) -> Decimal:
    """A customer's loyalty score in 0..100 (rule Y1: 客户忠诚度).

    100 · the weighted mean of the points each known measure earns (see
    :class:`LoyaltyPolicy`), rounded to two decimals. Unknown measures are left out
    and their weight is shared by the known ones; with no known measure of positive
    weight there is no score, and the call fails rather than answer 0. The score is
    non-decreasing in repeats, tolerance and spend and non-increasing in choosing
    time, price sensitivity and competitor interest.

    Args:
        measures: The customer's measures.
        policy: The weights and reference points; the defaults by default.

    Returns:
        The score, a ``Decimal`` with two decimals in 0..100.

    Raises:
        InvalidInputError: If an argument is of the wrong type, or no measure with a
            weight above 0 is known.

    >>> from decimal import Decimal
    >>> from custrel.loyalty import LoyaltyMeasures, loyalty_score
    >>> loyalty_score(LoyaltyMeasures(repeat_purchases=6, price_sensitivity=Decimal("0.2")))
    Decimal('65.00')
    >>> loyalty_score(LoyaltyMeasures())
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: measures: expected at least one known measure whose weight is above 0, got LoyaltyMeasures LoyaltyMeasures(repeat_purchases=None, choosing_days=None...; with nothing known there is no loyalty score; leave the customer unscored
    """  # noqa: E501 - a doctest output line
    _, mean = _known(measures, policy)
    return s.score(mean)


_SHOWN = Decimal("0.0001")  # points show with four decimals in the reasons


def _plain(value: Decimal) -> str:
    """A decimal without trailing zeros or exponent: ``0.50`` as ``0.5``, ``1E+1`` as ``10``."""
    return f"{value.normalize(s.CONTEXT):f}"


def explain_loyalty(
    measures: LoyaltyMeasures, /, *, policy: LoyaltyPolicy = DEFAULT_LOYALTY
) -> LoyaltyExplanation:
    """Score a customer's loyalty and say what each measure adds, in English and Chinese.

    Args:
        measures: The customer's measures.
        policy: The weights and reference points; the defaults by default.

    Returns:
        The score, each known measure's contribution, the unknown measures, the rule
        IDs and the policy's fingerprint.

    Raises:
        InvalidInputError: As :func:`loyalty_score`.

    >>> from decimal import Decimal
    >>> from custrel.loyalty import LoyaltyMeasures, explain_loyalty
    >>> why = explain_loyalty(LoyaltyMeasures(repeat_purchases=6, price_sensitivity=Decimal("0.2")))
    >>> print(why.reason_en)
    loyalty 65.00 of 100 from 2 of 6 measures; unknown, their weight shared by the others: time spent choosing, interest in competitors, tolerance of quality problems, spend
    >>> print(why.contributions[1].reason_zh)
    价格敏感度 0.2：得分 0.8 · 权重 50% = 40.00
    >>> lapsed = explain_loyalty(LoyaltyMeasures(repeat_purchases=12, spend=0, silent_days=254))
    >>> print(lapsed.contributions[0].reason_en)
    repeat purchases 12: points 1 × recency 0.6 = 0.6 · weight 50% = 30.00
    >>> print(lapsed.reason_en)
    loyalty 30.00 of 100 from 2 of 6 measures; unknown, their weight shared by the others: time spent choosing, price sensitivity, interest in competitors, tolerance of quality problems; last purchase 254 days ago: repeat purchases and spend keep 60% of their points (they fade after 180 days without a purchase and count nothing from 365)
    """  # noqa: E501 - doctest output lines
    known, mean = _known(measures, policy)
    recency = policy.recency(measures.silent_days)
    faded = _plain(recency.quantize(_SHOWN, context=s.CONTEXT))
    total = s.total(weight for *_, weight in known)
    contributions = []
    for measure, value, points, weight in known:
        share = s.CONTEXT.divide(weight, total)
        part = s.score(s.CONTEXT.multiply(points, share))
        shown = _plain(s.number(value))
        earned = earned_zh = _plain(points.quantize(_SHOWN, context=s.CONTEXT))
        if measure in _FADING and recency < 1:  # rule Y1: say what the silence took away
            full = _plain(policy._points(measure, value).quantize(_SHOWN, context=s.CONTEXT))  # noqa: SLF001
            earned_zh = f"{full} × 时效 {faded} = {earned}"
            earned = f"{full} × recency {faded} = {earned}"
        percent = f"{_plain(s.score(share))}%"
        contributions.append(
            LoyaltyContribution(
                measure=measure,
                value=s.number(value),
                points=points,
                weight=share,
                contribution=part,
                reason_en=(
                    f"{label(measure, 'en')} {shown}: points {earned} · weight {percent} = {part}"
                ),
                reason_zh=(
                    f"{label(measure, 'zh')} {shown}：得分 {earned_zh} · 权重 {percent} = {part}"
                ),
            )
        )
    missing = tuple(m for m in LoyaltyMeasure if measures.get(m) is None)
    result = s.score(mean)
    n = len(LoyaltyMeasure)
    reason_en = f"loyalty {result} of 100 from {len(known)} of {n} measures"
    reason_zh = f"忠诚度 {result}/100，依据{n}项指标中的{len(known)}项"
    if missing:
        reason_en += "; unknown, their weight shared by the others: " + ", ".join(
            label(m, "en") for m in missing
        )
        reason_zh += "；未知指标（其权重由其余指标分摊）：" + "、".join(
            label(m, "zh") for m in missing
        )
    if recency < 1:  # rule Y1: a customer who stopped buying
        kept = f"{_plain(s.score(recency))}%"
        grace, limit = policy.recency_grace_days, policy.recency_limit_days
        reason_en += (
            f"; last purchase {measures.silent_days} days ago: repeat purchases and spend"
            f" keep {kept} of their points (they fade after {grace} days without a purchase"
            f" and count nothing from {limit})"
        )
        reason_zh += (
            f"；距上次购买已{measures.silent_days}天：重复购买次数和购买费用只保留{kept}的得分"
            f"（未购买超过{grace}天开始递减，满{limit}天不再计分）"
        )
    return LoyaltyExplanation(
        score=result,
        contributions=tuple(contributions),
        missing=missing,
        rules=("Y1",),
        reason_en=reason_en,
        reason_zh=reason_zh,
        policy_fingerprint=policy.fingerprint(),
    )
