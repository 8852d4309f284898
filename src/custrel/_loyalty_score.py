"""The loyalty measures of rule Y1 and the loyalty score built on them.

Public through :mod:`custrel.loyalty`.
"""

from __future__ import annotations

import enum
from datetime import date  # noqa: TC003 - documented in the signature
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from custrel import _checks as c
from custrel import _scoring as s
from custrel._policy import Policy
from custrel._value import ValueIndicators
from custrel.errors import InvalidInputError
from custrel.labels import label
from custrel.models import Purchase

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "DEFAULT_LOYALTY",
    "LoyaltyContribution",
    "LoyaltyExplanation",
    "LoyaltyMeasure",
    "LoyaltyMeasures",
    "LoyaltyPolicy",
    "explain_loyalty",
    "loyalty_score",
]


class LoyaltyMeasure(enum.StrEnum):
    """One of the six measures of loyalty (rule Y1: 客户忠诚度的衡量).

    The values name the fields of :class:`LoyaltyMeasures` and of the weights in
    :class:`LoyaltyPolicy`.

    >>> from custrel.loyalty import LoyaltyMeasure
    >>> [m.value for m in LoyaltyMeasure][:3]
    ['repeat_purchases', 'choosing_days', 'price_sensitivity']
    """

    REPEAT_PURCHASES = "repeat_purchases"  # rule Y1: 重复购买的次数, more is more loyal
    CHOOSING_DAYS = "choosing_days"  # rule Y1: 挑选时间, less is more loyal
    PRICE_SENSITIVITY = "price_sensitivity"  # rule Y1: 对价格的敏感程度, less is more loyal
    COMPETITOR_INTEREST = "competitor_interest"  # rule Y1: 对竞争品牌的态度, less is more loyal
    QUALITY_TOLERANCE = "quality_tolerance"  # rule Y1: 对质量问题的承受能力, more is more loyal
    SPEND = "spend"  # rule Y1: 购买费用的多少, more is more loyal


_CHECK_AS_OF = c.day()


@attrs.frozen(kw_only=True)
class LoyaltyMeasures:
    """The six measures of a customer's loyalty (rule Y1), each optional.

    ``None`` means unknown; an unknown measure is left out of the score, never read as
    zero. More repeats, less choosing time, less price sensitivity, less interest in
    competitors, more tolerance of quality problems and more spend all mean more
    loyalty.

    Args:
        repeat_purchases: Purchases after the first (重复购买次数): an ``int`` >= 0.
        choosing_days: Time the customer spends choosing before buying (挑选时间), in
            days: a ``Decimal`` or ``int`` >= 0 (``Decimal('0.5')`` is half a day).
        price_sensitivity: How strongly a price change moves the customer (价格敏感度),
            a share in 0..1: 0 not at all, 1 buys on price alone.
        competitor_interest: Interest in competing brands (对竞争品牌的态度), a share
            in 0..1: 0 ignores them, 1 actively compares and tries them.
        quality_tolerance: Tolerance of quality problems (对质量问题的承受能力), a share
            in 0..1: 0 leaves at the first problem, 1 forgives and stays.
        spend: Money spent, net of refunds (购买费用), a ``Decimal`` or ``int``; may be
            negative when refunds of earlier purchases outweigh the sales.

    Raises:
        InvalidInputError: If a measure is of the wrong type or out of its range
            (floats are refused: pass ``Decimal('0.3')``).

    >>> from decimal import Decimal
    >>> from custrel.loyalty import LoyaltyMeasures
    >>> LoyaltyMeasures(repeat_purchases=4, price_sensitivity=Decimal("0.2")).spend is None
    True
    >>> LoyaltyMeasures(price_sensitivity=0.2)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: LoyaltyMeasures.price_sensitivity: expected a Decimal or int in 0..1 or None, got float 0.2; pass Decimal('0.2'); floats are refused so scores stay exact
    """  # noqa: E501 - a doctest output line

    repeat_purchases: int | None = attrs.field(
        default=None, validator=c.checked(c.count(0, optional=True))
    )
    choosing_days: Decimal | None = attrs.field(
        default=None,
        converter=c.to_optional_money,
        validator=c.checked(c.money(optional=True)),
    )
    price_sensitivity: Decimal | None = attrs.field(
        default=None, converter=c.to_optional_money, validator=c.checked(s.OPTIONAL_SHARE)
    )
    competitor_interest: Decimal | None = attrs.field(
        default=None, converter=c.to_optional_money, validator=c.checked(s.OPTIONAL_SHARE)
    )
    quality_tolerance: Decimal | None = attrs.field(
        default=None, converter=c.to_optional_money, validator=c.checked(s.OPTIONAL_SHARE)
    )
    spend: Decimal | None = attrs.field(
        default=None,
        converter=c.to_optional_money,
        validator=c.checked(c.money(signed=True, optional=True)),
    )

    @classmethod
    def from_purchases(cls, purchases: Iterable[Purchase], /, *, as_of: date) -> LoyaltyMeasures:
        """The behavioural measures of one customer's purchase history (rule Y1).

        Only ``repeat_purchases`` and ``spend`` can be read off a history; the other
        four stay unknown (``None``) for the caller to fill in with
        :func:`attrs.evolve`. Purchases after ``as_of`` (their local calendar day) are
        left out.

        - A refund (``refund=True``, its ``amount`` the money returned) is not a
          purchase: it does not count as a repeat and it lowers ``spend``.
        - ``repeat_purchases`` is the number of sales less one (the first is not a
          repeat), 0 with no sale. Sales that carry the same ``order_id`` (where the
          records have one) are one purchase.
        - ``spend`` is sales minus refunds; 0 for an empty history, which is a known
          zero, not an unknown.

        Args:
            purchases: The customer's purchases, in any order.
            as_of: The reference day.

        Returns:
            The measures, with the four attitudinal ones unknown.

        Raises:
            InvalidInputError: If ``as_of`` is not a date, an item is not a Purchase,
                or the purchases belong to more than one customer.

        >>> from datetime import date, datetime, timezone
        >>> from custrel.loyalty import LoyaltyMeasures
        >>> from custrel.models import Purchase
        >>> def bought(day, amount, refund=False):
        ...     return Purchase(customer_id="c-1", at=datetime(2026, 3, day, tzinfo=timezone.utc),
        ...                     product="tea", amount=amount, refund=refund)
        >>> m = LoyaltyMeasures.from_purchases(
        ...     [bought(1, 100), bought(9, 300), bought(10, 50, refund=True), bought(30, 70)],
        ...     as_of=date(2026, 3, 20))
        >>> m.repeat_purchases, m.spend, m.price_sensitivity
        (1, Decimal('350'), None)
        """
        _CHECK_AS_OF("as_of", as_of)
        c.iterable("purchases", purchases, "Purchase")
        history = list(purchases)
        owner: str | None = None
        for index, purchase in enumerate(history):
            if not isinstance(purchase, Purchase):
                raise InvalidInputError(f"purchases[{index}]", purchase, "a Purchase")
            owner = purchase.customer_id if owner is None else owner
            if purchase.customer_id != owner:
                raise InvalidInputError(
                    f"purchases[{index}].customer_id",
                    purchase.customer_id,
                    f"the customer of the earlier purchases, {owner!r}",
                    hint="measure one customer at a time",
                )
        value = ValueIndicators.from_purchases(history, as_of=as_of)  # rule T3: orders
        return cls(repeat_purchases=max(value.transactions - 1, 0), spend=value.total_amount)

    def get(self, measure: LoyaltyMeasure, /) -> Decimal | int | None:
        """The value of one measure, or ``None`` if it is unknown.

        Args:
            measure: Which measure.

        Returns:
            Its value.

        Raises:
            InvalidInputError: If ``measure`` is not a :class:`LoyaltyMeasure`.

        >>> from custrel.loyalty import LoyaltyMeasure, LoyaltyMeasures
        >>> LoyaltyMeasures(repeat_purchases=3).get(LoyaltyMeasure.REPEAT_PURCHASES)
        3
        """
        c.member(LoyaltyMeasure)("measure", measure)
        value: Decimal | int | None = getattr(self, measure.value)
        return value


_WEIGHT = c.policy(c.money())
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

    Defaults: every weight 1, since rule Y1 lists the six measures without ranking
    them and the texts give no ground to prefer one; ``repeat_full`` 12 (a purchase a
    month for a year earns full marks); ``choosing_days_limit`` 30 (a customer who
    deliberates for a month or more shows no preference); ``spend_full`` 10,000 (in
    the account currency: a regular retail customer's yearly spend in CNY). The three
    reference points depend on the business: calibrate them to your own portfolio.

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

    Raises:
        PolicyError: If a weight is negative or not a ``Decimal``/``int``, every
            weight is 0, or a reference point is not above 0.

    >>> from custrel.loyalty import LoyaltyPolicy
    >>> LoyaltyPolicy.from_dict({"spend_full": "500", "price_weight": 2}).spend_full
    Decimal('500')
    >>> LoyaltyPolicy(repeat_full=0)
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: LoyaltyPolicy.repeat_full: expected an int >= 1, got int 0
    """

    repeat_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_money, validator=_WEIGHT
    )  # rule Y1
    choosing_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_money, validator=_WEIGHT
    )  # rule Y1
    price_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_money, validator=_WEIGHT
    )  # rule Y1
    competitor_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_money, validator=_WEIGHT
    )  # rule Y1
    tolerance_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_money, validator=_WEIGHT
    )  # rule Y1
    spend_weight: Decimal = attrs.field(
        default=s.ONE, converter=c.to_money, validator=_WEIGHT
    )  # rule Y1
    repeat_full: int = attrs.field(default=12, validator=c.policy(c.count(1)))
    choosing_days_limit: Decimal = attrs.field(
        default=Decimal(30), converter=c.to_money, validator=c.policy(s.positive)
    )
    spend_full: Decimal = attrs.field(
        default=Decimal(10_000), converter=c.to_money, validator=c.policy(s.positive)
    )

    def __attrs_post_init__(self) -> None:
        """Refuse a policy with every weight 0."""
        s.check_weights(self, [(name, getattr(self, name)) for name in _WEIGHTS])

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
        custrel.errors.InvalidInputError: LoyaltyMeasures.price_sensitivity: expected a Decimal or int in 0..1 or None, got Decimal Decimal('2')
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


def _known(
    measures: LoyaltyMeasures, policy: LoyaltyPolicy
) -> tuple[list[tuple[LoyaltyMeasure, Decimal | int, Decimal, Decimal]], Decimal]:
    """The known measures as (measure, value, points, weight), and the mean points."""
    if not isinstance(measures, LoyaltyMeasures):
        raise InvalidInputError("measures", measures, "a LoyaltyMeasures")
    given: object = policy
    if not isinstance(given, LoyaltyPolicy):
        raise InvalidInputError("policy", policy, "a LoyaltyPolicy")
    known = []
    for measure in LoyaltyMeasure:
        value = measures.get(measure)
        if value is not None:
            known.append((measure, value, policy._points(measure, value), policy.weight(measure)))  # noqa: SLF001
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
    """  # noqa: E501 - doctest output lines
    known, mean = _known(measures, policy)
    total = s.total(weight for *_, weight in known)
    contributions = []
    for measure, value, points, weight in known:
        share = s.CONTEXT.divide(weight, total)
        part = s.score(s.CONTEXT.multiply(points, share))
        shown = _plain(s.number(value))
        earned = _plain(points.quantize(_SHOWN, context=s.CONTEXT))
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
                    f"{label(measure, 'zh')} {shown}：得分 {earned} · 权重 {percent} = {part}"
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
    return LoyaltyExplanation(
        score=result,
        contributions=tuple(contributions),
        missing=missing,
        rules=("Y1",),
        reason_en=reason_en,
        reason_zh=reason_zh,
        policy_fingerprint=policy.fingerprint(),
    )
