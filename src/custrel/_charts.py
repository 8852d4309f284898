"""What the charts show, counted once for the HTML report and for :mod:`custrel.plot`; private."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from custrel.errors import InvalidInputError
from custrel.tiering import RfmScore, RfmSegment, RfmSegmentPolicy, rfm_segment

_E = TypeVar("_E", bound=enum.Enum)

PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)


def member_counts(
    given: Iterable[object] | Mapping[Any, Any], kind: type[_E], name: str
) -> dict[_E, int]:
    """Every member of ``kind`` with its count, from members or a mapping.

    A mapping whose keys are members is read as counts (as :func:`custrel.stage_counts`
    returns); any other mapping by its values (as :func:`custrel.tier_portfolio`
    returns); any other iterable as the members themselves. ``None`` items (a customer
    without a grade) are not counted.
    """
    counts: Counter[_E] = Counter()
    if isinstance(given, Mapping):
        if all(isinstance(key, kind) for key in given):
            for key, n in given.items():
                if not isinstance(n, int) or isinstance(n, bool) or n < 0:
                    raise InvalidInputError(f"{name}[{key!r}]", n, "a count >= 0")
                counts[key] += n
            return {member: counts[member] for member in kind}
        given = given.values()
    for index, item in enumerate(given):
        if item is None:
            continue
        if not isinstance(item, kind):
            raise InvalidInputError(f"{name}[{index}]", item, f"a {kind.__name__} or None")
        counts[item] += 1
    return {member: counts[member] for member in kind}


def rfm_grid(
    scores: Iterable[RfmScore] | Mapping[str, RfmScore], policy: RfmSegmentPolicy
) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], RfmSegment | None], Counter[str]]:
    """Customers per (R, F) cell, the segment of each cell and customers per segment.

    A cell's segment is ``None`` when the policy splits it by M.
    """
    items = scores.values() if isinstance(scores, Mapping) else scores
    cells: Counter[tuple[int, int]] = Counter()
    segments: Counter[str] = Counter()
    for index, score in enumerate(items):
        if not isinstance(score, RfmScore):
            raise InvalidInputError(f"scores[{index}]", score, "an RfmScore")
        cells[score.r, score.f] += 1
        segments[rfm_segment(score, policy=policy).name] += 1
    bins = range(1, policy.bins + 1)
    named: dict[tuple[int, int], RfmSegment | None] = {}
    for r in bins:
        for f in bins:
            found = {
                segment.name: segment
                for segment in (
                    rfm_segment(
                        RfmScore(recency_days=0, frequency=0, monetary=Decimal(0), r=r, f=f, m=m),
                        policy=policy,
                    )
                    for m in bins
                )
            }
            named[r, f] = next(iter(found.values())) if len(found) == 1 else None
    return {(r, f): cells[r, f] for r in bins for f in bins}, named, segments


def segment_colours(policy: RfmSegmentPolicy) -> dict[str, str]:
    """A colour for each segment of the policy, in its order."""
    return {
        segment.name: PALETTE[index % len(PALETTE)] for index, segment in enumerate(policy.segments)
    }
