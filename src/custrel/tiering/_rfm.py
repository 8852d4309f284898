"""RFM: recency, frequency and monetary scores over a portfolio, and named segments.

RFM puts rule T1's "rank by value" on three axes so that the rest of the pyramid's
treatment (T4, T5) can target who is slipping. Public through :mod:`custrel.tiering`.
"""

from __future__ import annotations

import bisect
import itertools
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any

import attrs

from custrel import _checks as c
from custrel._policy import Policy
from custrel.errors import InvalidInputError, PolicyError
from custrel.models import Purchase
from custrel.tiering._value import check_known, known_customers

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

__all__ = [
    "DEFAULT_RFM_SEGMENTS",
    "RfmBox",
    "RfmScore",
    "RfmSegment",
    "RfmSegmentPolicy",
    "rfm_scores",
    "rfm_segment",
]

_MAX_BINS = 100
_CHECK_AS_OF = c.day()
_CHECK_BINS = c.count(1, _MAX_BINS)
_MAX_BOXES = 200  # a segment map names a few dozen boxes; this bounds the pairwise check


@attrs.frozen(kw_only=True)
class RfmScore:
    """A customer's RFM scores and the raw values behind them.

    Args:
        recency_days: Days from the last sale to ``as_of``; ``None`` with no sale.
        frequency: Number of orders (rule T3: lines sharing an ``order_id`` are one).
        monetary: Sales minus refunds.
        r: Recency score, 1 to ``bins``; higher is more recent.
        f: Frequency score, 1 to ``bins``; higher is more frequent.
        m: Monetary score, 1 to ``bins``; higher is more money.

    >>> from decimal import Decimal
    >>> from custrel.tiering import RfmScore
    >>> RfmScore(recency_days=3, frequency=9, monetary=Decimal(900), r=5, f=5, m=4).cell
    (5, 5, 4)
    """

    recency_days: int | None = attrs.field(validator=c.checked(c.count(0, optional=True)))
    frequency: int = attrs.field(validator=c.checked(c.count(0)))
    monetary: Decimal = attrs.field(validator=c.checked(c.money(signed=True)))
    r: int = attrs.field(validator=c.checked(_CHECK_BINS))
    f: int = attrs.field(validator=c.checked(_CHECK_BINS))
    m: int = attrs.field(validator=c.checked(_CHECK_BINS))

    @property
    def cell(self) -> tuple[int, int, int]:
        """The (R, F, M) scores as one tuple."""
        return self.r, self.f, self.m


def _score(less: int, n: int, bins: int) -> int:
    """1 + the bin of a value that ``less`` of ``n`` values are strictly worse than."""
    return 1 + bins * less // n


def rfm_scores(
    purchases: Iterable[Purchase],
    /,
    *,
    as_of: date,
    bins: int = 5,
    customers: Iterable[str] | None = None,
) -> dict[str, RfmScore]:
    """Score every customer 1..bins on recency, frequency and money, by quantile.

    Raw values, from the records made on or before ``as_of`` (a purchase counts on the
    calendar day of its own timestamp): R = days from the customer's last order to
    ``as_of`` (measured from ``as_of``, not from the newest purchase of the portfolio;
    an order is on the day of its earliest line, as in
    :class:`~custrel.tiering.ValueIndicators`), F = number of orders (lines sharing an
    ``order_id`` are one, rule T3), M = sales minus refunds.

    The customers scored are the same as in
    :func:`~custrel.tiering.portfolio_values`: everyone with a sale or a refund on or
    before ``as_of``, plus, when ``customers`` lists every known customer id, those
    who have bought nothing yet. A customer with no sale has no recency
    (``recency_days=None``), frequency 0, and scores 1 on R and F.

    Scores, with n scored customers: a value's score is ``1 + bins * w // n`` where w
    is the number of customers strictly worse on that axis (less recent or no sale
    for R, fewer orders for F, less money for M). So equal values always share a
    bin, and a block of equal values gets the score of its lowest-placed member (rule
    T2's principle, the same as the tiers): a large block of one-order customers
    scores F = 1 rather than a middling score. A customer whose M is 0 or less (no
    value) scores M = 1, as they would be small in the pyramid. The result does not
    depend on input order.

    Args:
        purchases: Every customer's purchases, in any order.
        as_of: The reference day.
        bins: The number of score levels, 1 to 100 (5 by default).
        customers: Every known customer id, or ``None`` for those with purchases.

    Returns:
        Customer id to scores, in the order of ``customers``, else of first record.

    Raises:
        InvalidInputError: If an argument has the wrong type, ``bins`` is out of
            range, or a purchase belongs to a customer not in ``customers``.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Purchase
    >>> from custrel.tiering import rfm_scores
    >>> def sale(cid, day, amount):
    ...     return Purchase(customer_id=cid, at=datetime(2026, 11, day, tzinfo=timezone.utc),
    ...                     product="tea", amount=amount)
    >>> scores = rfm_scores([sale("a", 20, 100), sale("a", 21, 50), sale("b", 1, 500)],
    ...                     as_of=date(2026, 11, 22), bins=2, customers=["a", "b", "c"])
    >>> scores["a"].cell, scores["b"].cell, scores["c"].cell, scores["c"].recency_days
    ((2, 2, 1), (1, 1, 2), (1, 1, 1), None)
    """
    _CHECK_AS_OF("as_of", as_of)
    _CHECK_BINS("bins", bins)
    known = known_customers(customers)
    c.iterable("purchases", purchases, "Purchase")
    # customer id -> [sales minus refunds, order key -> the order's earliest day]
    stats: dict[str, list[Any]] = {cid: [Decimal(0), {}] for cid in known or ()}
    with localcontext(c.CONTEXT):  # sums never depend on the caller's context
        for index, purchase in enumerate(purchases):
            if purchase.__class__ is not Purchase and not isinstance(purchase, Purchase):
                raise InvalidInputError(f"purchases[{index}]", purchase, "a Purchase")
            day = purchase.at.date()
            if day > as_of:
                continue
            entry = stats.get(purchase.customer_id)
            if entry is None:
                check_known(known, index, purchase)
                entry = stats[purchase.customer_id] = [Decimal(0), {}]
            if purchase.refund:
                entry[0] -= purchase.amount
                continue
            entry[0] += purchase.amount
            # an order is one transaction on the day of its earliest line (rule T3); a line
            # without an order is a transaction of its own
            orders = entry[1]
            key = index if purchase.order_id is None else purchase.order_id
            first = orders.get(key)
            if first is None or day < first:
                orders[key] = day
    n = len(stats)
    raw = {
        cid: (
            (as_of - max(orders.values())).days if orders else None,
            len(orders),
            money,
        )
        for cid, (money, orders) in stats.items()
    }
    by_recency = sorted(days for days, _, _ in raw.values() if days is not None)
    unsold = n - len(by_recency)
    by_frequency = sorted(count for _, count, _ in raw.values())
    by_money = sorted(money for _, _, money in raw.values())
    scores = {}
    for cid, (days, count, money) in raw.items():
        scores[cid] = RfmScore(
            recency_days=days,
            frequency=count,
            monetary=money,
            r=1
            if days is None
            else _score(unsold + len(by_recency) - bisect.bisect_right(by_recency, days), n, bins),
            f=_score(bisect.bisect_left(by_frequency, count), n, bins),
            m=1 if money <= 0 else _score(bisect.bisect_left(by_money, money), n, bins),
        )
    return scores


def _score_range(name: str, value: object) -> None:
    if (
        not isinstance(value, tuple)
        or len(value) != 2  # noqa: PLR2004 - (low, high)
        or not all(isinstance(n, int) and not isinstance(n, bool) for n in value)
        or not 1 <= value[0] <= value[1]
    ):
        raise InvalidInputError(name, value, "a score range (low, high) with 1 <= low <= high")


@attrs.frozen(kw_only=True)
class RfmBox:
    """A box of RFM cells: inclusive score ranges on each axis.

    Args:
        r: The lowest and highest R score.
        f: The lowest and highest F score.
        m: The lowest and highest M score.

    >>> from custrel.tiering import RfmBox
    >>> len(list(RfmBox(r=(4, 5), f=(4, 5), m=(1, 5)).cells()))
    20
    """

    r: tuple[int, int] = attrs.field(validator=c.checked(_score_range))
    f: tuple[int, int] = attrs.field(validator=c.checked(_score_range))
    m: tuple[int, int] = attrs.field(validator=c.checked(_score_range))

    def cells(self) -> Iterable[tuple[int, int, int]]:
        """Every (R, F, M) cell in the box."""
        return itertools.product(
            range(self.r[0], self.r[1] + 1),
            range(self.f[0], self.f[1] + 1),
            range(self.m[0], self.m[1] + 1),
        )


@attrs.frozen(kw_only=True)
class RfmSegment:
    """A named RFM segment: the union of one or more boxes of cells.

    Args:
        name: A stable id, such as ``"champions"``.
        label_en: The English label.
        label_zh: The Chinese label.
        boxes: The boxes of cells it covers.

    >>> from custrel.tiering import DEFAULT_RFM_SEGMENTS
    >>> DEFAULT_RFM_SEGMENTS.segments[0].label_zh
    '重要价值客户'
    """

    name: str = attrs.field(validator=c.checked(c.identifier))
    label_en: str = attrs.field(validator=c.checked(c.identifier))
    label_zh: str = attrs.field(validator=c.checked(c.identifier))
    boxes: tuple[RfmBox, ...] = attrs.field(
        validator=c.checked(c.items(c.instance_of(RfmBox), "RfmBox"))
    )


# An R x F grid over five bins; M refines nothing by default, so every M counts. Data at
# module level, not a helper function: code that runs only at import escapes mutation testing.
# The names are the stable ids; the labels never reuse a lifecycle stage's label (RFM,
# decision), so "new_customers", "at_risk" and "lost" read unlike NEW, AT_RISK and LAPSED.
_DEFAULT_SEGMENTS = tuple(
    RfmSegment(name=name, label_en=en, label_zh=zh, boxes=(RfmBox(r=r, f=f, m=(1, 5)),))
    for name, en, zh, r, f in (
        ("champions", "Champions", "重要价值客户", (4, 5), (4, 5)),
        ("potential_loyalists", "Potential loyalists", "潜力客户", (4, 5), (2, 3)),
        ("new_customers", "Recent one-time buyers", "近期单次购买客户", (4, 5), (1, 1)),
        ("loyal", "Loyal", "忠诚客户", (3, 3), (3, 5)),
        ("need_attention", "Need attention", "需要关注客户", (3, 3), (1, 2)),
        ("at_risk", "Fading regulars", "渐疏常客", (2, 2), (3, 5)),
        ("hibernating", "Hibernating", "休眠客户", (2, 2), (1, 2)),
        ("cannot_lose", "Cannot lose them", "不能失去的客户", (1, 1), (4, 5)),
        ("lost", "Long silent", "久未购买客户", (1, 1), (1, 3)),
    )
)


def _check_segments(policy: RfmSegmentPolicy) -> None:
    """Every cell of the bins³ cube is covered by exactly one segment."""
    _CHECK_BINS("RfmSegmentPolicy.bins", policy.bins)
    c.items(c.instance_of(RfmSegment), "RfmSegment")("RfmSegmentPolicy.segments", policy.segments)
    names = [segment.name for segment in policy.segments]
    if not names or len(set(names)) != len(names):
        raise PolicyError("RfmSegmentPolicy.segments", names, "at least one segment, names unique")
    for segment in policy.segments:
        for box in segment.boxes:
            for axis in (box.r, box.f, box.m):
                if axis[1] > policy.bins:
                    raise PolicyError(
                        f"RfmSegmentPolicy.segments[{segment.name!r}]",
                        axis,
                        f"score ranges within 1..{policy.bins}",
                    )
    boxes = [(segment.name, box) for segment in policy.segments for box in segment.boxes]
    if len(boxes) > _MAX_BOXES:
        raise PolicyError(
            "RfmSegmentPolicy.segments", len(boxes), f"at most {_MAX_BOXES} boxes in all"
        )
    # Arithmetic on boxes, never a walk over the bins³ cells: 100 bins are a million.
    twice = [
        f"{_corner(one, other)} in {first!r} and {second!r}"
        for i, (first, one) in enumerate(boxes)
        for second, other in boxes[i + 1 :]
        if _overlap(one, other)
    ]
    if twice:
        raise PolicyError(
            "RfmSegmentPolicy.segments", twice[:3], "every (R, F, M) cell covered once only"
        )
    if sum(_volume(box) for _, box in boxes) != policy.bins**3:
        missing = _uncovered([box for _, box in boxes], policy.bins)
        raise PolicyError("RfmSegmentPolicy.segments", missing, "every (R, F, M) cell covered")


def _overlap(one: RfmBox, other: RfmBox) -> bool:
    return all(
        a[0] <= b[1] and b[0] <= a[1]
        for a, b in ((one.r, other.r), (one.f, other.f), (one.m, other.m))
    )


def _corner(one: RfmBox, other: RfmBox) -> tuple[int, int, int]:
    """The first cell two overlapping boxes share."""
    return max(one.r[0], other.r[0]), max(one.f[0], other.f[0]), max(one.m[0], other.m[0])


def _volume(box: RfmBox) -> int:
    return (box.r[1] - box.r[0] + 1) * (box.f[1] - box.f[0] + 1) * (box.m[1] - box.m[0] + 1)


def _uncovered(boxes: list[RfmBox], bins: int) -> list[tuple[int, int, int]]:
    """The first three cells no box covers, in (R, F, M) order; boxes do not overlap."""
    found: list[tuple[int, int, int]] = []
    for r, f in itertools.product(range(1, bins + 1), repeat=2):
        spans = sorted(b.m for b in boxes if b.r[0] <= r <= b.r[1] and b.f[0] <= f <= b.f[1])
        edges = [(0, 0), *spans, (bins + 1, bins + 1)]
        for (_, end), (start, _) in itertools.pairwise(edges):
            found.extend((r, f, m) for m in range(end + 1, min(start, end + 4)))
            if len(found) >= 3:  # noqa: PLR2004 - three examples are enough
                return found[:3]
    return found  # fewer than three cells are missing


def _validate(instance: RfmSegmentPolicy, _: attrs.Attribute[Any], __: object) -> None:
    try:
        _check_segments(instance)
    except PolicyError:
        raise
    except InvalidInputError as exc:
        raise PolicyError(exc.field, exc.value, exc.expected, hint=exc.hint) from None


@attrs.frozen(kw_only=True, cache_hash=True)
class RfmSegmentPolicy(Policy):
    """Named RFM segments that cover every (R, F, M) cell exactly once.

    A segment map that leaves a cell unnamed, or names one twice, is refused: the
    segment of a customer never depends on the order of the rules.

    Args:
        bins: The number of score levels the map is for.
        segments: The segments.

    Raises:
        PolicyError: If a cell is uncovered or covered twice, a range is outside
            1..bins, or two segments share a name.

    >>> from custrel.tiering import RfmBox, RfmSegment, RfmSegmentPolicy
    >>> everyone = RfmSegment(name="all", label_en="All", label_zh="全部",
    ...                       boxes=(RfmBox(r=(1, 2), f=(1, 2), m=(1, 2)),))
    >>> RfmSegmentPolicy(bins=2, segments=(everyone,)).bins
    2
    >>> RfmSegmentPolicy(bins=3, segments=(everyone,))
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: RfmSegmentPolicy.segments: expected every (R, F, M) cell covered, got list [(1, 1, 3), (1, 2, 3), (1, 3, 1)]
    """  # noqa: E501 - a doctest output line

    bins: int = 5
    segments: tuple[RfmSegment, ...] = attrs.field(default=_DEFAULT_SEGMENTS, validator=_validate)


DEFAULT_RFM_SEGMENTS = RfmSegmentPolicy()
"""Nine segments over an R x F grid of five bins (see docs/rules.md)."""


def _segment_of(policy: RfmSegmentPolicy, cell: tuple[int, int, int]) -> RfmSegment | None:
    """The segment whose boxes hold ``cell``: a scan of at most 200 boxes.

    No table of cells: a 100-bin map has a million, and a cache of such tables would
    hold gigabytes.
    """
    r, f, m = cell
    for segment in policy.segments:
        for box in segment.boxes:
            if (
                box.r[0] <= r <= box.r[1]
                and box.f[0] <= f <= box.f[1]
                and box.m[0] <= m <= box.m[1]
            ):
                return segment
    return None


def rfm_segment(
    score: RfmScore, /, *, policy: RfmSegmentPolicy = DEFAULT_RFM_SEGMENTS
) -> RfmSegment:
    """The named segment of a customer's RFM scores.

    Args:
        score: The customer's scores, from :func:`rfm_scores` with the policy's bins.
        policy: The segment map; nine segments over five bins by default.

    Returns:
        The segment.

    Raises:
        InvalidInputError: If ``score`` is not an RfmScore or its cell is outside the
            policy's bins.

    >>> from decimal import Decimal
    >>> from custrel.tiering import RfmScore, rfm_segment
    >>> rfm_segment(RfmScore(recency_days=90, frequency=12, monetary=Decimal(5000),
    ...                      r=1, f=5, m=5)).name
    'cannot_lose'
    """
    if not isinstance(score, RfmScore):
        raise InvalidInputError("score", score, "an RfmScore")
    if not isinstance(policy, RfmSegmentPolicy):
        raise InvalidInputError("policy", policy, "an RfmSegmentPolicy")
    segment = _segment_of(policy, score.cell)
    if segment is None:
        raise InvalidInputError(
            "score", score.cell, f"scores from 1 to {policy.bins}, the policy's bins"
        )
    return segment
