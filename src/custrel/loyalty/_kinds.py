"""The kinds of loyalty: attachment by repeat purchase (rule Y3), behavioural types (Y2)."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.labels import label
from custrel.loyalty import _scoring as s

__all__ = [
    "LOYALTY_THRESHOLD",
    "LoyaltyConflict",
    "LoyaltyKind",
    "LoyaltyQuadrant",
    "LoyaltySignals",
    "loyalty_consistency",
    "loyalty_kind",
    "loyalty_quadrant",
]


# rule Y3 --------------------------------------------------------------------------------------


class LoyaltyQuadrant(enum.StrEnum):
    """Attachment · repeat purchase (rule Y3: 依恋 · 重复购买).

    >>> from custrel.loyalty import LoyaltyQuadrant
    >>> [q.value for q in LoyaltyQuadrant]
    ['true', 'latent', 'spurious', 'none']
    """

    TRUE = "true"  # rule Y3: high attachment, high repeat: true loyalty (真正忠诚)
    LATENT = "latent"  # rule Y3: high attachment, low repeat: latent loyalty (潜在忠诚)
    SPURIOUS = "spurious"  # rule Y3: low attachment, high repeat: not true loyalty (虚假忠诚)
    NONE = "none"  # rule Y3: low attachment, low repeat: no loyalty (不忠诚)


LOYALTY_THRESHOLD = Decimal("0.5")
"""Where "high" starts on the 0..1 scales of rule Y3: the middle of the scale."""


def loyalty_quadrant(
    attachment: Decimal | float,
    repeat: Decimal | float,
    /,
    *,
    threshold: Decimal | float = LOYALTY_THRESHOLD,
) -> LoyaltyQuadrant:
    """Place a customer in the attachment · repeat-purchase matrix (rule Y3).

    Both are shares in 0..1: ``attachment`` is the customer's emotional attachment
    (依恋, e.g. a survey's relative attitude rescaled to 0..1) and ``repeat`` their
    repeat buying (重复购买, e.g. their share of the category bought from us, or a
    loyalty score / 100). They are ordinary numbers: a ``Decimal``, an ``int`` or a
    ``float``, a float taken as the decimal it is written as (``0.9`` is
    ``Decimal('0.9')``, so ``0.5`` sits exactly on the default threshold). Each is
    high when it reaches ``threshold`` (inclusive):

    ================  ===============  ===============
    attachment        repeat high      repeat low
    ================  ===============  ===============
    high              TRUE             LATENT
    low               SPURIOUS         NONE
    ================  ===============  ===============

    Only high attachment with high repeat buying is true loyalty; repeat buying
    without attachment is spurious (inertia, price, a monopoly).

    Args:
        attachment: Attachment, 0..1.
        repeat: Repeat buying, 0..1.
        threshold: Where high starts, above 0 and at most 1; 0.5 (the middle of the
            scale) by default.

    Returns:
        The quadrant.

    Raises:
        InvalidInputError: If a value is not a finite number in 0..1 (``nan``, an
            infinity or a ``bool`` is refused) or ``threshold`` is out of range.

    >>> from decimal import Decimal
    >>> from custrel.loyalty import loyalty_quadrant
    >>> loyalty_quadrant(0.9, 0.9)
    <LoyaltyQuadrant.TRUE: 'true'>
    >>> loyalty_quadrant(Decimal("0.5"), Decimal("0.5"))
    <LoyaltyQuadrant.TRUE: 'true'>
    >>> loyalty_quadrant(0.8, 0.49)
    <LoyaltyQuadrant.LATENT: 'latent'>
    >>> loyalty_quadrant(float("nan"), 1)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: attachment: expected a finite number in 0..1, got float nan; a ratio must be finite
    """  # noqa: E501 - a doctest output line
    attached_share = s.SHARE("attachment", attachment)
    repeat_share = s.SHARE("repeat", repeat)
    high = s.bounded("threshold", threshold, high=s.ONE, inclusive=True, hint="e.g. 0.5")
    attached = attached_share >= high
    repeats = repeat_share >= high
    if attached:
        return LoyaltyQuadrant.TRUE if repeats else LoyaltyQuadrant.LATENT
    return LoyaltyQuadrant.SPURIOUS if repeats else LoyaltyQuadrant.NONE


# rule Y2 --------------------------------------------------------------------------------------


class LoyaltyKind(enum.StrEnum):
    """Why a customer keeps buying: the behavioural loyalty types (rule Y2).

    >>> from custrel.loyalty import LoyaltyKind
    >>> [k.value for k in LoyaltyKind]
    ['monopoly', 'inertia', 'price', 'incentive', 'premium']
    """

    MONOPOLY = "monopoly"  # rule Y2: 垄断忠诚, no alternative
    INERTIA = "inertia"  # rule Y2: 惰性忠诚, too lazy to look for another supplier
    PRICE = "price"  # rule Y2: 价格忠诚, follows the lowest price
    INCENTIVE = "incentive"  # rule Y2: 激励忠诚, comes for promotions and leaves with them
    PREMIUM = "premium"  # rule Y2: 超值忠诚, recommends and pays full price


@attrs.frozen(kw_only=True)
class LoyaltySignals:
    """What is known of why a customer keeps buying, for rule Y2.

    Every signal is the caller's judgement, from surveys, sales notes or purchase
    data, and must be given: there is no default that would claim a fact.

    Args:
        has_alternatives: Whether the customer could buy elsewhere (no: 垄断).
        avoids_switching: Whether the customer stays because switching is effort
            they will not make (惰性).
        price_driven: Whether they buy from whoever is cheapest (价格).
        promotion_driven: Whether they buy when there is a promotion and go to
            whoever has one (激励).
        recommends: Whether they recommend the business unprompted (自觉正面宣传).
        pays_full_price: Whether they buy at full price, not waiting for discounts
            (不会总是等到打折才来购买).

    Raises:
        InvalidInputError: If a signal is not ``True`` or ``False``.

    >>> from custrel.loyalty import LoyaltySignals
    >>> LoyaltySignals(has_alternatives=True, avoids_switching=False, price_driven=False,
    ...                promotion_driven=False, recommends=True, pays_full_price=None)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: LoyaltySignals.pays_full_price: expected True or False, got NoneType None
    """  # noqa: E501 - a doctest output line

    has_alternatives: bool = attrs.field(validator=c.checked(c.flag))
    avoids_switching: bool = attrs.field(validator=c.checked(c.flag))
    price_driven: bool = attrs.field(validator=c.checked(c.flag))
    promotion_driven: bool = attrs.field(validator=c.checked(c.flag))
    recommends: bool = attrs.field(validator=c.checked(c.flag))
    pays_full_price: bool = attrs.field(validator=c.checked(c.flag))


def loyalty_kind(signals: LoyaltySignals, /) -> LoyaltyKind | None:
    """The behavioural loyalty type of a customer (rule Y2), first match wins.

    1. **Monopoly** (垄断忠诚): no alternative. It comes first because without a
       choice no other signal shows a preference: staying and paying full price are
       forced, and the loyalty lasts only until a competitor arrives.
    2. **Premium** (超值忠诚): recommends *and* pays full price. The only kind held
       by the customer's own preference, so it outranks the three weaker kinds when
       a customer shows several signals (a premium customer who also likes a
       promotion is still premium).
    3. **Incentive** (激励忠诚): promotion-driven. Before price because it is the
       most fleeting: the customer leaves with the promotion.
    4. **Price** (价格忠诚): price-driven.
    5. **Inertia** (惰性忠诚): avoids the effort of switching, with none of the above.

    With none of these signals the customer shows no behavioural loyalty type and the
    result is ``None``.

    Args:
        signals: What is known of the customer.

    Returns:
        The type, or ``None``.

    Raises:
        InvalidInputError: If ``signals`` is not a :class:`LoyaltySignals`.

    >>> from custrel.loyalty import LoyaltySignals, loyalty_kind
    >>> def kind(**given):
    ...     signals = dict(has_alternatives=True, avoids_switching=False, price_driven=False,
    ...                    promotion_driven=False, recommends=False, pays_full_price=False)
    ...     return loyalty_kind(LoyaltySignals(**{**signals, **given}))
    >>> kind(recommends=True, pays_full_price=True, promotion_driven=True)
    <LoyaltyKind.PREMIUM: 'premium'>
    >>> kind(has_alternatives=False, recommends=True, pays_full_price=True)
    <LoyaltyKind.MONOPOLY: 'monopoly'>
    >>> kind(price_driven=True, avoids_switching=True)
    <LoyaltyKind.PRICE: 'price'>
    >>> kind() is None
    True
    """
    if not isinstance(signals, LoyaltySignals):
        raise InvalidInputError("signals", signals, "a LoyaltySignals")
    if not signals.has_alternatives:
        return LoyaltyKind.MONOPOLY
    if signals.recommends and signals.pays_full_price:
        return LoyaltyKind.PREMIUM
    if signals.promotion_driven:
        return LoyaltyKind.INCENTIVE
    if signals.price_driven:
        return LoyaltyKind.PRICE
    if signals.avoids_switching:
        return LoyaltyKind.INERTIA
    return None


# rules Y2 and Y3 together ------------------------------------------------------------------

# rules Y2, Y3: seed 003's table gives the four weaker kinds "low attachment, high repeat
# buying" (低依恋高重复购买) and premium loyalty "high attachment, high repeat buying"
# (高依恋高重复购买); a quadrant of repeat buyers with the other attachment disagrees.
_WEAK = frozenset(
    {LoyaltyKind.INERTIA, LoyaltyKind.PRICE, LoyaltyKind.INCENTIVE, LoyaltyKind.MONOPOLY}
)
_DISAGREE = frozenset(
    {(kind, LoyaltyQuadrant.TRUE) for kind in _WEAK}
    | {(LoyaltyKind.PREMIUM, LoyaltyQuadrant.SPURIOUS)}
)
_CHECK_KIND = c.member(LoyaltyKind, optional=True)
_CHECK_QUADRANT = c.member(LoyaltyQuadrant)


def _pair(kind: LoyaltyKind, quadrant: LoyaltyQuadrant) -> tuple[str, str]:
    """The reason, in English and Chinese, that ``kind`` and ``quadrant`` disagree."""
    high = kind is LoyaltyKind.PREMIUM
    expected_en, found_en = ("high", "low") if high else ("low", "high")
    expected_zh, found_zh = ("高", "低") if high else ("低", "高")
    english = (
        f"{label(kind, 'en')} (rule Y2) disagrees with {label(quadrant, 'en')} (rule Y3):"
        f" rule Y2 counts {label(kind, 'en')} as {expected_en} attachment with high repeat"
        f" buying, rule Y3 finds {found_en} attachment; check the signals or the attachment"
        " figure"
    )
    chinese = (
        f"{label(kind, 'zh')}（规则Y2）与{label(quadrant, 'zh')}（规则Y3）矛盾："
        f"规则Y2视{label(kind, 'zh')}为{expected_zh}依恋高重复购买，规则Y3却判定为"
        f"{found_zh}依恋；请核对行为信号或依恋度"
    )
    return english, chinese


@attrs.frozen(kw_only=True)
class LoyaltyConflict:
    """A behavioural loyalty type (rule Y2) that its quadrant (rule Y3) contradicts.

    Args:
        kind: The behavioural type, from :func:`loyalty_kind`.
        quadrant: The quadrant, from :func:`loyalty_quadrant`.
        rules: The rule IDs applied, ``("Y2", "Y3")``.
        reason_en: Why they disagree, in English.
        reason_zh: Why they disagree, in Chinese.

    Raises:
        InvalidInputError: If a field has the wrong type, or ``kind`` and ``quadrant``
            do not disagree (see :func:`loyalty_consistency`).

    >>> from custrel.loyalty import LoyaltyConflict, LoyaltyKind, LoyaltyQuadrant
    >>> LoyaltyConflict(kind=LoyaltyKind.PREMIUM, quadrant=LoyaltyQuadrant.TRUE,
    ...                 rules=("Y2", "Y3"), reason_en="?", reason_zh="?")
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: LoyaltyConflict.quadrant: expected a quadrant that disagrees with premium, got LoyaltyQuadrant <LoyaltyQuadrant.TRUE: 'true'>
    """  # noqa: E501 - a doctest output line

    kind: LoyaltyKind = attrs.field(validator=c.checked(c.member(LoyaltyKind)))
    quadrant: LoyaltyQuadrant = attrs.field(validator=c.checked(c.member(LoyaltyQuadrant)))
    rules: tuple[str, ...] = attrs.field(validator=c.checked(c.items(c.identifier, "rule IDs")))
    reason_en: str = attrs.field(validator=c.checked(c.text))
    reason_zh: str = attrs.field(validator=c.checked(c.text))

    def __attrs_post_init__(self) -> None:
        """Check that the kind and the quadrant disagree."""
        if (self.kind, self.quadrant) not in _DISAGREE:
            raise InvalidInputError(
                "LoyaltyConflict.quadrant",
                self.quadrant,
                f"a quadrant that disagrees with {self.kind.value}",
            )


def loyalty_consistency(
    kind: LoyaltyKind | None, quadrant: LoyaltyQuadrant, /
) -> LoyaltyConflict | None:
    """Whether a customer's loyalty type (rule Y2) and quadrant (rule Y3) agree.

    Seed 003 gives the four weaker kinds (inertia, price, incentive, monopoly) low
    attachment with high repeat buying, and premium loyalty high attachment with high
    repeat buying. So they disagree when a weaker kind sits in
    :attr:`LoyaltyQuadrant.TRUE` (high attachment), or premium in
    :attr:`LoyaltyQuadrant.SPURIOUS` (low attachment). Every other pair agrees,
    including the low-repeat quadrants (latent, none): rule Y2 types why a customer
    keeps buying and rule Y3 tells its repeat buyers apart, so where repeat buying is
    low the type has nothing in the buying to contradict. A customer without a type
    (``None``) agrees with every quadrant.

    Args:
        kind: The behavioural type, from :func:`loyalty_kind`, or ``None``.
        quadrant: The quadrant, from :func:`loyalty_quadrant`.

    Returns:
        ``None`` when they agree, else a :class:`LoyaltyConflict` whose reasons say
        why, in English and Chinese.

    Raises:
        InvalidInputError: If ``kind`` is not a :class:`LoyaltyKind` or ``None``, or
            ``quadrant`` is not a :class:`LoyaltyQuadrant`.

    >>> from custrel.loyalty import LoyaltyKind, LoyaltyQuadrant, loyalty_consistency
    >>> loyalty_consistency(LoyaltyKind.PREMIUM, LoyaltyQuadrant.TRUE) is None
    True
    >>> print(loyalty_consistency(LoyaltyKind.INERTIA, LoyaltyQuadrant.TRUE).reason_en)
    inertia loyalty (rule Y2) disagrees with true loyalty (rule Y3): rule Y2 counts inertia loyalty as low attachment with high repeat buying, rule Y3 finds high attachment; check the signals or the attachment figure
    >>> print(loyalty_consistency(LoyaltyKind.PREMIUM, LoyaltyQuadrant.SPURIOUS).reason_zh)
    超值忠诚（规则Y2）与虚假忠诚（规则Y3）矛盾：规则Y2视超值忠诚为高依恋高重复购买，规则Y3却判定为低依恋；请核对行为信号或依恋度
    >>> loyalty_consistency("premium", LoyaltyQuadrant.TRUE)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: kind: expected a LoyaltyKind ('monopoly', 'inertia', 'price', 'incentive', 'premium') or None, got str 'premium'; pass LoyaltyKind('premium')
    """  # noqa: E501 - doctest output lines
    _CHECK_KIND("kind", kind)
    _CHECK_QUADRANT("quadrant", quadrant)
    if kind is None or (kind, quadrant) not in _DISAGREE:
        return None
    english, chinese = _pair(kind, quadrant)
    return LoyaltyConflict(
        kind=kind, quadrant=quadrant, rules=("Y2", "Y3"), reason_en=english, reason_zh=chinese
    )
