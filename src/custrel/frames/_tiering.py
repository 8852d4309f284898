"""The value pyramid of rules T1 and T2 on dataframes: tier cuts and tiers."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import narwhals.stable.v2 as nw

from custrel.errors import InvalidInputError
from custrel.frames._days import _chain
from custrel.frames._input import FrameT, _check_scale, _Expr, _Input, _minor
from custrel.tiering._pyramid import DEFAULT_TIERS, TierCuts, TierMode, TierPolicy

__all__ = ["tier_cuts_frame", "tier_frame"]


# Tiers (rules T1, T2) --------------------------------------------------------------------------


def _values(values: object, value: str, scale: int) -> tuple[_Input, int, _Expr]:
    """The frame, the scale of its values and their expression in integer minor units."""
    frame = _Input(values, "values")
    found = frame.money(value)
    if found and scale:
        raise InvalidInputError("scale", scale, "0 for a decimal column, whose scale it has")
    return frame, found or scale, _minor(value, found, dask=frame.dask)


def tier_cuts_frame(
    values: object,
    /,
    *,
    policy: TierPolicy = DEFAULT_TIERS,
    value: str = "value",
    scale: int = 0,
) -> TierCuts:
    """The :class:`~custrel.tiering.TierCuts` of a frame of values: the global step.

    The twin of :meth:`~custrel.tiering.TierCuts.from_values`: the same cuts, from the
    value counts of the frame (one row per customer). The engine reduces the column to
    its distinct values and their counts, which come to this process; the cuts then
    go to :func:`tier_frame` (or :meth:`~custrel.tiering.TierCuts.tier_of`) to place
    each partition's customers.

    Args:
        values: One row per customer with a decimal or integer ``value`` column.
        policy: The shares; the rule book's by default.
        value: The value column.
        scale: For an integer column, the number of decimal places it is in (2 for
            cents); the cuts are in whole units.

    Returns:
        The cuts.

    Raises:
        InvalidInputError: If an argument or the column is wrong, the frame is empty,
            or value-share mode meets a negative value.

    >>> import polars as pl
    >>> cuts = tier_cuts_frame(pl.DataFrame({"value": list(range(1, 101))}))
    >>> cuts.vip, cuts.major, cuts.ordinary, cuts.customers
    (Decimal('100'), Decimal('81'), Decimal('51'), 100)
    """
    if not isinstance(policy, TierPolicy):
        raise InvalidInputError("policy", policy, "a TierPolicy")
    scale = _check_scale(scale)
    frame, scale, minor = _values(values, value, scale)
    blocks = (
        frame.lazy.select(minor.alias("v"))
        .group_by("v")
        .agg(nw.len().alias("k"))
        .collect()  # one row per distinct value, small enough to sort here
        .sort("v", descending=True)
    )
    if len(blocks) == 0:
        raise InvalidInputError("values", "empty frame", "at least one customer")
    v, k = blocks["v"], blocks["k"]
    if policy.mode is TierMode.VALUE_SHARE and v.min() < 0:
        raise InvalidInputError(
            f"values[{value!r}]",
            Decimal(v.min()).scaleb(-scale),
            "a value >= 0 in value-share mode",
        )
    places = k.cum_sum()
    n = int(places.item(len(places) - 1))
    if policy.mode is TierMode.HEAD_COUNT:
        found = [_fitting(v, places, math.ceil(share * n)) for share in policy.cumulative]
    else:
        before = (v * k).cum_sum() - v  # the value ranked before each block's last member
        total = int((v * k).sum())
        found = []
        for share in policy.cumulative:
            within = v.filter(before < math.ceil(share * total))
            found.append(int(within.min()) if len(within) else None)
    positive = v.filter(v > 0)
    least_positive = int(positive.min()) if len(positive) else None
    top = int(v.item(0))  # rule T1: the block of the highest positive value is always VIP
    vip, major, ordinary = (
        None
        if least_positive is None
        else Decimal(top if f is None else max(f, least_positive)).scaleb(-scale)
        for f in found
    )
    return TierCuts(
        vip=vip,
        major=major,
        ordinary=ordinary,
        customers=n,
        policy_fingerprint=policy.fingerprint(),
    )


def _fitting(v: Any, places: Any, seats: int) -> int | None:  # noqa: ANN401 - narwhals series
    """The least value whose whole block lies within the first ``seats`` places."""
    block = int((places < seats).sum())  # the block holding place ``seats``
    if int(places.item(block)) == seats:
        return int(v.item(block))
    return int(v.item(block - 1)) if block else None


def tier_frame(
    values: FrameT,
    /,
    *,
    policy: TierPolicy = DEFAULT_TIERS,
    cuts: TierCuts | None = None,
    value: str = "value",
    tier: str = "tier",
    scale: int = 0,
) -> FrameT:
    """Place every customer of a frame in the pyramid (rules T1, T2).

    The twin of :func:`~custrel.tiering.tier_portfolio`: the cuts of the whole frame
    (:func:`tier_cuts_frame`, or ``cuts`` computed before, say on last month's
    portfolio) are applied row by row, so a lazy or partitioned frame is tiered
    partition by partition. A value of 0 or less is always ``"small"``.

    Args:
        values: One row per customer with a decimal or integer ``value`` column.
        policy: The shares, when ``cuts`` is not given.
        cuts: Cuts to apply instead of computing them from ``values``.
        value: The value column.
        tier: The name of the tier column added (``"vip"``, ``"major"``,
            ``"ordinary"`` or ``"small"``).
        scale: For an integer column, the number of decimal places it is in.

    Returns:
        The frame with the tier column, in the kind it was given.

    Raises:
        InvalidInputError: If an argument or the column is wrong, or value-share mode
            meets a negative value.

    >>> import pyarrow as pa
    >>> out = tier_frame(pa.table({"customer_id": ["a", "b", "c"], "value": [3, 2, 1]}))
    >>> out["tier"].to_pylist()
    ['vip', 'ordinary', 'small']
    """
    scale = _check_scale(scale)
    given = scale
    frame, scale, minor = _values(values, value, scale)
    floors: tuple[Decimal | None, Decimal | None, Decimal | None] = (None, None, None)
    if cuts is None:
        if frame.eager is None or len(frame.eager):  # an empty portfolio has no cuts
            cuts = tier_cuts_frame(values, policy=policy, value=value, scale=given)
    elif not isinstance(cuts, TierCuts):
        raise InvalidInputError("cuts", cuts, "a TierCuts or None")
    if cuts is not None:
        floors = (cuts.vip, cuts.major, cuts.ordinary)
    cases: list[tuple[_Expr, _Expr]] = [(minor <= 0, nw.lit("small"))]
    for name, cut in zip(("vip", "major", "ordinary"), floors, strict=True):
        if cut is not None:
            cases.append((minor >= math.ceil(cut.scaleb(scale)), nw.lit(name)))
    return frame.give_back(frame.lazy.with_columns(_chain(cases, nw.lit("small")).alias(tier)))  # type: ignore[no-any-return]
