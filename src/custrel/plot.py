"""Charts of a portfolio as matplotlib figures, for notebooks (the ``plot`` extra).

The same four charts as ``custrel report --html``: the value pyramid, customers per
grade, customers per lifecycle stage and the RFM grid. Each function returns a
:class:`matplotlib.figure.Figure` (shown by Jupyter as it is returned; save it with
``fig.savefig("pyramid.svg")``), or draws into the ``ax`` you pass. Labels come from
:func:`custrel.label` in English or Chinese; for Chinese, install a CJK font (such as
Noto Sans CJK or WenQuanYi Micro Hei): matplotlib picks it up from the list below.

>>> from custrel.plot import plot_pyramid
>>> from custrel.tiering import tier_portfolio
>>> fig = plot_pyramid(tier_portfolio({f"c-{i}": i for i in range(1, 101)}))
>>> [t.get_text() for t in fig.axes[0].texts][:2]
['VIP customer: 1', 'major customer: 19']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from custrel import _charts
from custrel.errors import CustrelError
from custrel.grading import Grade
from custrel.labels import LANGUAGES, label
from custrel.lifecycle import Stage
from custrel.tiering import DEFAULT_RFM_SEGMENTS, RfmScore, RfmSegmentPolicy, Tier

try:
    from matplotlib.figure import Figure
except ImportError:  # pragma: no cover - exercised without the extra only
    Figure = None  # type: ignore[assignment,misc]

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from matplotlib.axes import Axes
    from matplotlib.patches import Rectangle

    from custrel.labels import Language

__all__ = ["plot_grades", "plot_pyramid", "plot_rfm", "plot_stages"]

# Fonts tried in turn, so that Chinese labels find their glyphs where a CJK font exists.
FONTS = ("DejaVu Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC")
_TIER_COLOURS = ("#b8860b", "#4e79a7", "#76b7b2", "#bab0ac")
_GRADE_COLOURS = ("#59a14f", "#8cd17d", "#edc948", "#f28e2b", "#e15759")
_STAGE_COLOURS = ("#a0cbe8", "#4e79a7", "#59a14f", "#2e7d32", "#f28e2b", "#e15759", "#b07aa1")


def _axes(ax: Axes | None, lang: str, size: tuple[float, float]) -> tuple[Figure, Axes]:
    if Figure is None:  # pragma: no cover - exercised without the extra only
        msg = 'custrel.plot needs matplotlib: pip install "custrel[plot]"'
        raise CustrelError(msg)
    if lang not in LANGUAGES:
        from custrel.errors import InvalidInputError  # noqa: PLC0415 - errors only

        raise InvalidInputError("lang", lang, "one of 'en', 'zh'")
    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    fig = Figure(figsize=size, layout="constrained")
    axes = fig.add_subplot()
    return fig, axes


def _fonts(ax: Axes) -> None:
    for text in (*ax.texts, *ax.get_xticklabels(), *ax.get_yticklabels(), ax.title):
        text.set_fontfamily(list(FONTS))


def plot_pyramid(
    tiers: Iterable[Tier] | Mapping[str, Tier] | Mapping[Tier, int],
    /,
    *,
    lang: Language = "en",
    ax: Axes | None = None,
) -> Figure:
    """The value pyramid (rule T2): VIP at the apex, small customers at the base.

    Args:
        tiers: Each customer's tier (as :func:`custrel.tier_portfolio` returns), or
            the tiers themselves, or a count per tier.
        lang: ``"en"`` or ``"zh"``.
        ax: Axes to draw into; by default a new figure.

    Returns:
        The figure.

    Raises:
        InvalidInputError: If an item is not a Tier or a count is negative.

    >>> from custrel.plot import plot_pyramid
    >>> from custrel.tiering import Tier
    >>> fig = plot_pyramid({Tier.VIP: 1, Tier.MAJOR: 19, Tier.ORDINARY: 30, Tier.SMALL: 50},
    ...                    lang="zh")
    >>> fig.axes[0].texts[0].get_text()
    'VIP客户: 1'
    """
    counts = _charts.member_counts(tiers, Tier, "tiers")
    fig, ax = _axes(ax, lang, (6, 4))
    layers = len(Tier)
    for index, (tier, colour) in enumerate(zip(Tier, _TIER_COLOURS, strict=True)):
        top, bottom = layers - index, layers - index - 1
        w0, w1 = index / layers, (index + 1) / layers
        ax.fill([-w0, w0, w1, -w1], [top, top, bottom, bottom], color=colour, ec="white", lw=2)
        ax.text(1.05, (top + bottom) / 2, f"{label(tier, lang)}: {counts[tier]}", va="center")
    ax.set_xlim(-1.05, 2.2)
    ax.set_ylim(0, layers)
    ax.set_axis_off()
    _fonts(ax)
    return fig


def _barh(ax: Axes, names: list[str], values: list[int], colours: tuple[str, ...]) -> None:
    positions = list(range(len(names)))[::-1]
    bars = ax.barh(positions, values, color=colours[: len(names)])
    ax.bar_label(bars, padding=3)
    ax.set_yticks(positions, names)
    ax.spines[["top", "right"]].set_visible(False)
    _fonts(ax)


def plot_grades(
    grades: Iterable[Grade | None] | Mapping[str, Grade] | Mapping[Grade, int],
    /,
    *,
    lang: Language = "en",
    ax: Axes | None = None,
) -> Figure:
    """Customers per grade A-E (rule G1), as horizontal bars.

    Args:
        grades: Each customer's grade (``None`` for no grade is skipped), or a
            mapping of customer to grade, or a count per grade.
        lang: ``"en"`` or ``"zh"``.
        ax: Axes to draw into; by default a new figure.

    Returns:
        The figure.

    Raises:
        InvalidInputError: If an item is not a Grade or a count is negative.

    >>> from custrel.grading import Grade
    >>> from custrel.plot import plot_grades
    >>> fig = plot_grades([Grade.A, Grade.B, Grade.B, None])
    >>> [int(bar.get_width()) for bar in fig.axes[0].patches]
    [1, 2, 0, 0, 0]
    """
    counts = _charts.member_counts(grades, Grade, "grades")
    fig, ax = _axes(ax, lang, (6, 3))
    _barh(ax, [label(g, lang) for g in Grade], [counts[g] for g in Grade], _GRADE_COLOURS)
    return fig


def plot_stages(
    stages: Iterable[Stage] | Mapping[str, Stage] | Mapping[Stage, int],
    /,
    *,
    lang: Language = "en",
    ax: Axes | None = None,
) -> Figure:
    """Customers per lifecycle stage (rules L1-L4), as horizontal bars.

    Args:
        stages: A count per stage (as :func:`custrel.stage_counts` returns), or each
            customer's stage.
        lang: ``"en"`` or ``"zh"``.
        ax: Axes to draw into; by default a new figure.

    Returns:
        The figure.

    Raises:
        InvalidInputError: If an item is not a Stage or a count is negative.

    >>> from custrel.lifecycle import Stage
    >>> from custrel.plot import plot_stages
    >>> fig = plot_stages({Stage.NEW: 3, Stage.LAPSED: 1})
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][:2]
    ['prospect', 'new customer']
    """
    counts = _charts.member_counts(stages, Stage, "stages")
    fig, ax = _axes(ax, lang, (6, 3.5))
    _barh(ax, [label(s, lang) for s in Stage], [counts[s] for s in Stage], _STAGE_COLOURS)
    return fig


def plot_rfm(
    scores: Iterable[RfmScore] | Mapping[str, RfmScore],
    /,
    *,
    policy: RfmSegmentPolicy = DEFAULT_RFM_SEGMENTS,
    lang: Language = "en",
    ax: Axes | None = None,
) -> Figure:
    """The RFM grid: customers per recency × frequency cell, coloured by segment.

    Args:
        scores: Each customer's scores, as :func:`custrel.rfm_scores` returns them.
        policy: The segments (their bins must match the scores').
        lang: ``"en"`` or ``"zh"``.
        ax: Axes to draw into; by default a new figure.

    Returns:
        The figure.

    Raises:
        InvalidInputError: If an item is not an RfmScore or falls outside the bins.

    >>> from decimal import Decimal
    >>> from custrel.plot import plot_rfm
    >>> from custrel.tiering import RfmScore
    >>> fig = plot_rfm([RfmScore(recency_days=3, frequency=9, monetary=Decimal(900),
    ...                          r=5, f=5, m=4)])
    >>> sorted(t.get_text() for t in fig.axes[0].texts)[-1]
    '1'
    """
    cells, named, per_segment = _charts.rfm_grid(scores, policy)
    colours = _charts.segment_colours(policy)
    fig, ax = _axes(ax, lang, (7, 4.5))
    most = max(cells.values(), default=0) or 1
    for (r, f), n in cells.items():
        segment = named[r, f]
        colour = "#999999" if segment is None else colours[segment.name]
        ax.add_patch(_square(r, f, colour, 0.15 + 0.85 * n / most))
        ax.text(r, f, str(n), ha="center", va="center")
    for segment in policy.segments:
        name = segment.label_zh if lang == "zh" else segment.label_en
        ax.bar(0, 0, color=colours[segment.name], label=f"{name}: {per_segment[segment.name]}")
    ticks = range(1, policy.bins + 1)
    ax.set_xticks(ticks)
    ax.set_yticks(ticks)
    ax.set_xlim(0.5, policy.bins + 0.5)
    ax.set_ylim(0.5, policy.bins + 0.5)
    ax.set_aspect("equal")
    ax.set_xlabel("R")
    ax.set_ylabel("F")
    ax.legend(
        loc="center left", bbox_to_anchor=(1.02, 0.5), frameon=False, prop={"family": list(FONTS)}
    )
    _fonts(ax)
    return fig


def _square(r: int, f: int, colour: str, alpha: float) -> Rectangle:
    from matplotlib.patches import Rectangle  # noqa: PLC0415 - with the extra only

    return Rectangle((r - 0.48, f - 0.48), 0.96, 0.96, color=colour, alpha=alpha)
