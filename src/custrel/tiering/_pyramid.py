"""The value pyramid: tiers by value rank (rules T1, T2), cuts for scale, hysteresis.

Public through :mod:`custrel.tiering`.
"""

from __future__ import annotations

import bisect
import enum
from decimal import ROUND_CEILING, Decimal, localcontext
from typing import TYPE_CHECKING, Any, cast

import attrs

from custrel import _checks as c
from custrel._policy import Policy
from custrel.errors import InvalidInputError, PolicyError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "DEFAULT_TIERS",
    "Tier",
    "TierCuts",
    "TierMode",
    "TierPolicy",
    "retier",
    "tier_portfolio",
]


class Tier(enum.StrEnum):
    """A tier of the customer pyramid, best first (rule T2: 客户金字塔).

    VIP and MAJOR together are the key customers (关键客户). Tiers sort best first.

    >>> from custrel.tiering import Tier
    >>> [t.value for t in Tier], Tier.MAJOR.is_key, Tier.ORDINARY.is_key
    (['vip', 'major', 'ordinary', 'small'], True, False)
    """

    VIP = "vip"  # rule T2: 重要客户
    MAJOR = "major"  # rule T2: 次要客户
    ORDINARY = "ordinary"  # rule T2: 普通客户
    SMALL = "small"  # rule T2: 小客户

    @property
    def is_key(self) -> bool:
        """Whether the tier is a key-customer tier (VIP or major, rule T2)."""
        return self in (Tier.VIP, Tier.MAJOR)

    def __lt__(self, other: object) -> bool:
        """Better tiers sort first: ``VIP < MAJOR < ORDINARY < SMALL``."""
        if not isinstance(other, Tier):
            return NotImplemented
        return _RANK[self] < _RANK[other]

    def __le__(self, other: object) -> bool:
        """Better or equal."""
        if not isinstance(other, Tier):
            return NotImplemented
        return _RANK[self] <= _RANK[other]

    def __gt__(self, other: object) -> bool:
        """Worse."""
        if not isinstance(other, Tier):
            return NotImplemented
        return _RANK[self] > _RANK[other]

    def __ge__(self, other: object) -> bool:
        """Worse or equal."""
        if not isinstance(other, Tier):
            return NotImplemented
        return _RANK[self] >= _RANK[other]


_TIERS = tuple(Tier)
_RANK = {tier: rank for rank, tier in enumerate(_TIERS)}
# As module constants: on Python 3.11 reading ``Tier.VIP`` is an attribute lookup on the
# enum class (about 60 ns), which the per-value loops below would pay on every value.
_VIP, _MAJOR, _ORDINARY, _SMALL = Tier.VIP, Tier.MAJOR, Tier.ORDINARY, Tier.SMALL


class TierMode(enum.StrEnum):
    """How the pyramid's shares are counted (rule T2).

    >>> from custrel.tiering import TierMode
    >>> TierMode.HEAD_COUNT.value
    'head_count'
    """

    HEAD_COUNT = "head_count"  # shares of the number of customers
    VALUE_SHARE = "value_share"  # shares of the total value (ABC / Pareto)


_SHARE = c.fraction(above=True, hint="e.g. 0.01 or Decimal('0.01')")  # rule T2


def _to_shares(value: Sequence[c.Ratio]) -> Any:  # noqa: ANN401 - the validator types it
    """Turn each float or int share into an exact ``Decimal`` (a list into a tuple)."""
    if isinstance(value, list | tuple):
        return tuple(c.to_ratio(share) for share in value)
    return value


def _check_shares(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    name = f"TierPolicy.{attribute.name}"
    if not isinstance(value, tuple) or len(value) != len(_TIERS):
        raise PolicyError(name, value, "four shares (VIP, major, ordinary, small)")
    for index, share in enumerate(value):
        try:
            _SHARE(f"{name}[{index}]", share)
        except InvalidInputError as exc:
            raise PolicyError(exc.field, exc.value, exc.expected, hint=exc.hint) from None
    if sum(value) != 1:
        raise PolicyError(name, value, "shares summing to exactly 1")


@attrs.frozen(kw_only=True, cache_hash=True)
class TierPolicy(Policy):
    """The shares of the pyramid's tiers (rule T2).

    By default VIP is the top 1 % of customers by value, major the next 19 % (so the
    key customers are the top 20 %), ordinary the next 30 % and small the other 50 %.

    Args:
        shares: The VIP, major, ordinary and small shares, above zero and summing to
            exactly 1: ``Decimal``, ``int`` or ``float`` values, a float taken as the
            decimal it is written as (``0.19`` is ``Decimal('0.19')``), so
            ``(0.01, 0.19, 0.3, 0.5)`` sums to exactly 1.
        mode: Count shares by head count (the default) or by value (ABC / Pareto).

    Raises:
        PolicyError: If a share is not a positive finite number or they do not sum to 1.

    >>> from decimal import Decimal
    >>> from custrel.tiering import TierPolicy
    >>> TierPolicy().cumulative
    (Decimal('0.01'), Decimal('0.20'), Decimal('0.50'))
    >>> TierPolicy(shares=(0.01, 0.19, 0.3, 0.5)) == TierPolicy()
    True
    >>> TierPolicy(shares=(Decimal("0.1"), Decimal("0.2"), Decimal("0.3"), Decimal("0.3")))
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: TierPolicy.shares: expected shares summing to exactly 1, got tuple (Decimal('0.1'), Decimal('0.2'), Decimal('0.3'), Decimal(...
    """  # noqa: E501 - a doctest output line

    shares: tuple[Decimal, Decimal, Decimal, Decimal] = attrs.field(
        default=(Decimal("0.01"), Decimal("0.19"), Decimal("0.30"), Decimal("0.50")),  # rule T2
        converter=_to_shares,
        validator=_check_shares,
    )
    mode: TierMode = attrs.field(
        default=TierMode.HEAD_COUNT, validator=c.policy(c.member(TierMode))
    )

    @property
    def cumulative(self) -> tuple[Decimal, Decimal, Decimal]:
        """The cumulative shares c1 < c2 < c3 < 1 that bound VIP, major and ordinary."""
        vip, major, ordinary, _ = self.shares
        return vip, vip + major, vip + major + ordinary


DEFAULT_TIERS = TierPolicy()
"""The rule book's pyramid: 1 %, 19 %, 30 %, 50 % by head count (rule T2)."""


_CHECK_VALUE = c.money(signed=True)
_DIGITS = 15  # as the money check: at most 15 digits before the point
_LIMIT = 10**_DIGITS


def _all_plain(values: Mapping[str, Decimal | int]) -> bool:
    """Whether every key is a non-blank ``str`` of valid Unicode, every value a bounded ``Decimal``.

    Bounded: finite, at most 15 digits before the point, as money is. The common case,
    checked by C loops (``map``, ``min``, ``max``) rather than one Python step a value.
    """
    keys = values.keys()
    amounts = cast("Iterable[Decimal]", values.values())
    return (
        set(map(type, keys)) <= {str}
        and "" not in values
        and not any(map(str.isspace, keys))
        and not c.LONE_SURROGATE.search("".join(keys))  # no file could hold such an id
        and set(map(type, values.values())) <= {Decimal}
        and all(map(Decimal.is_finite, amounts))
        and (not values or (min(amounts) > -_LIMIT and max(amounts) < _LIMIT))
    )


def _check_values(values: object) -> dict[str, Decimal | int]:
    """The values, checked: finite ``Decimal`` or ``int`` (kept as given, for speed)."""
    if not hasattr(values, "items"):
        raise InvalidInputError("values", values, "a mapping of customer id to value")
    if isinstance(values, dict) and _all_plain(values):
        return dict(values)
    for key, value in values.items():
        kind = value.__class__
        if (kind is int and -_LIMIT < value < _LIMIT) or (
            kind is Decimal and value.is_finite() and (not value or value.adjusted() < _DIGITS)
        ):
            if key.__class__ is not str or not key.strip() or not key.isascii():
                c.identifier("values key", key)
            continue
        _CHECK_VALUE(f"values[{key!r}]", c.to_money(value))
    return dict(values.items())


def _check_policy(policy: object) -> TierPolicy:
    if not isinstance(policy, TierPolicy):
        raise InvalidInputError("policy", policy, "a TierPolicy")
    return policy


_EXACT_DIGITS = 80  # enough that c·n and c·(total value) are exact for any real portfolio

Floors = tuple[Decimal | None, Decimal | None, Decimal | None]


def _floors(ordered: list[Decimal | int], policy: TierPolicy) -> Floors:
    """The least value of VIP, of major or better and of ordinary or better.

    ``ordered`` holds the portfolio's values, best first, and is not empty. A block of
    equal values is placed where its last member falls (rule T2, decision): a value is
    in the tiers above cumulative share c when b < c·n, b being the number of customers
    ranked before the block's last member (those with a value >= it, less one). Since
    b < c·n exactly when b < ceil(c·n) = k, that is when the block ends within the
    first k places. Value share: the same with B, the sum of the values >= it less the
    value itself, against c·(total value). A value of 0 or less is never above small.
    The block of the highest positive value is VIP even when it overflows (rule T1:
    the biggest creators at the top), so a tier no block fits in whole has the highest
    value as its floor, and no floor (``None``) only when no value is positive.
    """
    n = len(ordered)
    with localcontext(prec=_EXACT_DIGITS):
        if policy.mode is TierMode.HEAD_COUNT:
            seats = [
                int((share * n).to_integral_value(ROUND_CEILING)) for share in policy.cumulative
            ]
            found = [_fitting(ordered, k) for k in seats]
        else:
            total = sum(ordered, Decimal(0))
            bounds = [share * total for share in policy.cumulative]
            found = [None, None, None]
            running = Decimal(0)
            for index, value in enumerate(ordered):
                running += value
                if index + 1 < n and ordered[index + 1] == value:
                    continue  # not the block's last member yet
                before = running - value
                for better in range(3):
                    if before < bounds[better]:
                        found[better] = value
    least_positive = next((v for v in reversed(ordered) if v > 0), None)
    # rule T1: the block of the highest positive value is always VIP; its floor is the
    # block's last member, as for every block (5 rather than 5.0 when both are given)
    top = ordered[bisect.bisect_right(ordered, -ordered[0], key=lambda v: -v) - 1]
    floors = [
        None if least_positive is None else top if f is None else max(f, least_positive)
        for f in found
    ]
    vip, major, ordinary = (None if f is None else Decimal(f) for f in floors)
    return vip, major, ordinary


def _fitting(ordered: list[Decimal | int], k: int) -> Decimal | int | None:
    """The least value whose whole block lies within the first ``k`` places, if any."""
    value = ordered[k - 1]
    if k == len(ordered) or ordered[k] != value:
        return value
    start = bisect.bisect_left(ordered, -value, key=lambda v: -v)  # the block's first place
    return ordered[start - 1] if start else None


def _tier(
    value: Decimal | int, vip: Decimal | None, major: Decimal | None, ordinary: Decimal | None
) -> Tier:
    if value <= 0:  # rule T2 (decision): no value earns no tier above the bottom
        return _SMALL
    if vip is not None and value >= vip:
        return _VIP
    if major is not None and value >= major:
        return _MAJOR
    if ordinary is not None and value >= ordinary:
        return _ORDINARY
    return _SMALL


_NEVER = Decimal("Infinity")  # the floor of a tier no customer reaches: no value is >= it


def _tiers(values: dict[str, Decimal | int], floors: Floors) -> dict[str, Tier]:
    """:func:`_tier` of every value, written out: a million calls cost more than the rule."""
    vip, major, ordinary = (_NEVER if f is None else f for f in floors)
    return {
        key: _SMALL
        if value <= 0
        else _VIP
        if value >= vip
        else _MAJOR
        if value >= major
        else _ORDINARY
        if value >= ordinary
        else _SMALL
        for key, value in values.items()
    }


def _portfolio(values: object, policy: object) -> tuple[dict[str, Decimal | int], Floors | None]:
    """The checked values and their floors (``None`` for an empty portfolio)."""
    policy = _check_policy(policy)
    checked = _check_values(values)
    if policy.mode is TierMode.VALUE_SHARE:
        for key, value in checked.items():
            if value < 0:
                raise InvalidInputError(
                    f"values[{key!r}]", value, "a value >= 0 in value-share mode"
                )
    if not checked:
        return checked, None
    return checked, _floors(sorted(checked.values(), reverse=True), policy)


def tier_portfolio(
    values: Mapping[str, Decimal | int], /, *, policy: TierPolicy = DEFAULT_TIERS
) -> dict[str, Tier]:
    """Place every customer of a portfolio in the pyramid (rules T1, T2).

    With n customers and cumulative shares c1 < c2 < c3 < 1 (0.01, 0.20, 0.50 by
    default), the tiers have ceil(c·n) places: VIP the first ceil(c1·n), VIP and major
    together the first ceil(c2·n), and so on. Customers with equal values always share
    a tier, and a block of equal values takes the tier in which its *last* member
    falls: a tier never holds more customers than its places, and a large block of
    equal values (60 customers worth 0, say) goes to the bottom rather than lifting
    the whole block into a tier it does not fit. The one exception is the top (rule
    T1): the customers of the highest positive value are VIP however many tie there,
    so a portfolio all worth the same positive value is all VIP. A customer whose value
    is 0 or less (no value, or a loss) is always small. The result does not depend on
    input order; with distinct values exactly ceil(c1·n) customers are VIP. In value-share mode,
    places are counted in value: a block is in a tier when the value ranked before its
    last member is below c·(total value).

    Args:
        values: Customer id to value (``Decimal`` or ``int``; negative values, such as
            a loss, are allowed in head-count mode).
        policy: The shares; the rule book's by default.

    Returns:
        Customer id to tier, in the order of ``values``.

    Raises:
        InvalidInputError: If a value is not a finite ``Decimal`` or ``int``, or
            value-share mode meets a negative value.

    >>> from custrel.tiering import tier_portfolio
    >>> values = {f"c-{i:03d}": 1000 - i for i in range(100)}
    >>> tiers = tier_portfolio(values)
    >>> tiers["c-000"], tiers["c-001"], tiers["c-019"], tiers["c-020"], tiers["c-099"]
    (<Tier.VIP: 'vip'>, <Tier.MAJOR: 'major'>, <Tier.MAJOR: 'major'>, <Tier.ORDINARY: 'ordinary'>, <Tier.SMALL: 'small'>)

    Forty buyers and sixty customers worth nothing: the sixty are small, not ordinary.

    >>> from collections import Counter
    >>> values = {**{f"b-{i}": 100 + i for i in range(40)}, **{f"z-{i}": 0 for i in range(60)}}
    >>> {t.value: n for t, n in sorted(Counter(tier_portfolio(values).values()).items())}
    {'vip': 1, 'major': 19, 'ordinary': 20, 'small': 60}

    Two customers tied at the top are both VIP (rule T1); nobody worth 0 is.

    >>> [t.value for t in tier_portfolio({"a": 90, "b": 90, "c": 10, "d": 0}).values()]
    ['vip', 'vip', 'small', 'small']
    """  # noqa: E501 - a doctest output line
    checked, floors = _portfolio(values, policy)
    if floors is None:
        return {}
    return _tiers(checked, floors)


@attrs.frozen(kw_only=True)
class TierCuts:
    """The least value of each tier, computed once from a portfolio (rules T1, T2).

    ``cuts.tier_of(value)`` then places any value in O(log k) without the portfolio:
    one job computes the cuts, many workers apply them. For every customer of the
    portfolio it agrees with :func:`tier_portfolio`. Cuts serialise with
    :func:`custrel.to_dict`.

    A value of 0 or less is always small, and the portfolio's highest positive value
    is always VIP (rule T1). When the top block of equal values overflows a tier's
    places, that tier's cut is the top value (the tier or better holds just the top
    block); a cut is ``None`` only when no customer has a positive value.

    Args:
        vip: The least value that is VIP, or ``None``.
        major: The least value that is major or better, or ``None``.
        ordinary: The least value that is ordinary or better, or ``None``.
        customers: How many customers the cuts were computed from.
        policy_fingerprint: The fingerprint of the policy used.

    >>> from custrel.tiering import TierCuts
    >>> cuts = TierCuts.from_values({f"c-{i}": i for i in range(1, 101)})
    >>> cuts.vip, cuts.major, cuts.ordinary
    (Decimal('100'), Decimal('81'), Decimal('51'))
    >>> cuts.tier_of(90), cuts.tier_of(10_000), cuts.tier_of(-5)
    (<Tier.MAJOR: 'major'>, <Tier.VIP: 'vip'>, <Tier.SMALL: 'small'>)
    """

    vip: Decimal | None = attrs.field(validator=c.checked(c.amount(optional=True)))
    major: Decimal | None = attrs.field(validator=c.checked(c.amount(optional=True)))
    ordinary: Decimal | None = attrs.field(validator=c.checked(c.amount(optional=True)))
    customers: int = attrs.field(validator=c.checked(c.count(1)))
    policy_fingerprint: str = attrs.field(validator=c.checked(c.identifier))

    @classmethod
    def from_values(
        cls, values: Mapping[str, Decimal | int], /, *, policy: TierPolicy = DEFAULT_TIERS
    ) -> TierCuts:
        """Compute the cuts of a portfolio (rules T1, T2).

        Args:
            values: Customer id to value, as for :func:`tier_portfolio`.
            policy: The shares; the rule book's by default.

        Returns:
            The cuts.

        Raises:
            InvalidInputError: As :func:`tier_portfolio`, or if ``values`` is empty
                (an empty portfolio has no cuts).

        >>> from custrel.tiering import TierCuts
        >>> TierCuts.from_values({})
        Traceback (most recent call last):
        ...
        custrel.errors.InvalidInputError: values: expected at least one customer, got dict {}
        """
        checked, floors = _portfolio(values, policy)
        if floors is None:
            raise InvalidInputError("values", values, "at least one customer")
        return cls(
            vip=floors[0],
            major=floors[1],
            ordinary=floors[2],
            customers=len(checked),
            policy_fingerprint=policy.fingerprint(),
        )

    def tier_of(self, value: Decimal | int, /) -> Tier:
        """The tier of a value: the best tier whose least value it reaches.

        Args:
            value: A ``Decimal`` or ``int``.

        Returns:
            The tier.

        Raises:
            InvalidInputError: If ``value`` is not a finite ``Decimal`` or ``int``.

        >>> from custrel.tiering import TierCuts
        >>> TierCuts.from_values({"a": 3, "b": 2, "c": 1}).tier_of(2)
        <Tier.ORDINARY: 'ordinary'>
        """
        if value.__class__ is not Decimal or not value.is_finite():
            value = c.to_money(value)
            _CHECK_VALUE("value", value)
        return _tier(value, self.vip, self.major, self.ordinary)

    def least_value(self, tier: Tier, /) -> Decimal | None:
        """The least value that reaches ``tier`` (``None`` for small, or an empty tier).

        Args:
            tier: The tier.

        Returns:
            The cut value.

        Raises:
            InvalidInputError: If ``tier`` is not a Tier.

        >>> from custrel.tiering import Tier, TierCuts
        >>> TierCuts.from_values({"a": 3, "b": 2, "c": 1}).least_value(Tier.VIP)
        Decimal('3')
        """
        c.member(Tier)("tier", tier)
        return {Tier.VIP: self.vip, Tier.MAJOR: self.major, Tier.ORDINARY: self.ordinary}.get(tier)


def retier(
    value: Decimal | int, /, *, previous: Tier | None, cuts: TierCuts, band: Decimal | int
) -> Tier:
    """Re-tier a customer with hysteresis, so that customers near a cut do not flip.

    A customer keeps their ``previous`` tier unless their value has moved past a cut
    by the ``band``: they move up to a better tier when their value reaches its least
    value plus the band, and down when their value falls more than the band below the
    least value of their previous tier (then only as far down as the band allows).
    ``band=0`` is plain :meth:`TierCuts.tier_of`; with no previous tier, the plain tier.

    Args:
        value: The customer's new value.
        previous: The tier they had, or ``None``.
        cuts: The new cuts.
        band: The margin, a ``Decimal`` or ``int`` of 0 or more, in value units.

    Returns:
        The new tier.

    Raises:
        InvalidInputError: If an argument has the wrong type or ``band`` is negative.

    >>> from custrel.tiering import Tier, TierCuts, retier
    >>> cuts = TierCuts.from_values({f"c-{i}": i for i in range(1, 101)})   # VIP from 100
    >>> retier(99, previous=Tier.VIP, cuts=cuts, band=5)     # 1 below the cut: stays
    <Tier.VIP: 'vip'>
    >>> retier(94, previous=Tier.VIP, cuts=cuts, band=5)     # 6 below: moves down
    <Tier.MAJOR: 'major'>
    """
    if not isinstance(cuts, TierCuts):
        raise InvalidInputError("cuts", cuts, "a TierCuts")
    c.member(Tier, optional=True)("previous", previous)
    band = c.to_money(band)
    c.money()("band", band)
    plain = cuts.tier_of(value)
    if previous is None:
        return plain
    value = c.to_money(value)
    reached_with_margin = cuts.tier_of(value - band)
    if reached_with_margin < previous:
        return reached_with_margin
    kept_with_margin = cuts.tier_of(value + band)
    if kept_with_margin > previous:
        return kept_with_margin
    return previous
