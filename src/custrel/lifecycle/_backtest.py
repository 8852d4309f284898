"""How well the stages foretold who bought again: a backtest on a purchase history (L1-L4).

Every customer with a sale on or before ``at`` is staged on ``at`` from their records
up to it; the outcome is whether they made a sale in ``(at, until]``. A stage is a
prediction: LAPSED says "will not buy again" (rule L4), AT_RISK says "may not" (rule
L3). The figures say how often that came true, beside two fixed silence rules (90 and
180 days) that people use instead. The decisions are in docs/rules.md (L4, backtest).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.lifecycle._outcomes import (
    BacktestFigures,
    LifecycleBacktest,
    StageOutcome,
    _call,
    _check_days,
    _share,
)
from custrel.lifecycle._policy import DEFAULT_LIFECYCLE, LifecyclePolicy, Stage, _bind
from custrel.lifecycle._portfolio import _customers
from custrel.models import Purchase

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

__all__ = ["backtest_lifecycle"]

_SILENCE_DAYS = (90, 180)  # the fixed silence rules compared with (issue 23)
# The stages a customer with a sale can be in, in the order of Stage (never PROSPECT).
_STAGED = tuple(s for s in Stage if s is not Stage.PROSPECT)


class _Population:
    """Each customer's records up to ``at`` and whether they bought in ``(at, until]``.

    Built once from the purchases, staged once per policy (a calibration tries many).
    """

    __slots__ = ("at", "customers", "until")

    def __init__(self, purchases: Iterable[Purchase], at: date, until: date) -> None:
        c.iterable("purchases", purchases, "Purchase")
        self.at, self.until = at, until
        records: dict[str, list[Purchase]] = {}
        last: dict[str, int] = {}  # the last sale day (an ordinal) up to at
        bought: set[str] = set()
        for index, purchase in enumerate(purchases):
            if not isinstance(purchase, Purchase):
                raise InvalidInputError(f"purchases[{index}]", purchase, "a Purchase")
            cid, day = purchase.customer_id, purchase.at.date()
            if day <= at:
                records.setdefault(cid, []).append(purchase)
                if not purchase.refund:
                    last[cid] = max(last.get(cid, 0), day.toordinal())
            elif day <= until and not purchase.refund:
                bought.add(cid)
        # the population: a sale on or before at; sorted, so the input order never matters
        self.customers = [(cid, records[cid], last[cid], cid in bought) for cid in sorted(last)]

    def backtest(self, policy: LifecyclePolicy) -> LifecycleBacktest:
        """The backtest of ``policy`` on this population."""
        at, until = self.at, self.until
        bound = _bind(policy, at)
        staged = _customers(
            ((cid, records, ()) for cid, records, _, _ in self.customers), bound, highest=False
        )
        at_day = at.toordinal()
        outcomes: list[tuple[Stage, int, bool]] = [
            (stage, at_day - last, bought)
            for (_, stage, _), (_, _, last, bought) in zip(staged, self.customers, strict=True)
        ]
        rows = []
        for stage in _STAGED:
            mine = [bought for s, _, bought in outcomes if s is stage]
            rows.append(
                c.unchecked(
                    StageOutcome,
                    stage=stage,
                    customers=len(mine),
                    bought_again=sum(mine),
                    share=_share(sum(mine), len(mine)),
                )
            )
        figures = {
            "lapsed": _call("lapsed", [(s is Stage.LAPSED, bought) for s, _, bought in outcomes]),
            "at_risk_or_lapsed": _call(
                "at_risk_or_lapsed",
                [(s in {Stage.AT_RISK, Stage.LAPSED}, bought) for s, _, bought in outcomes],
            ),
            **{
                f"silent_over_{days}_days": _call(
                    f"silent_over_{days}_days",
                    [(silent > days, bought) for _, silent, bought in outcomes],
                )
                for days in _SILENCE_DAYS
            },
        }
        buyers = sum(bought for _, _, bought in outcomes)
        en, zh = _reasons(at, until, len(outcomes), buyers, figures)
        return c.unchecked(
            LifecycleBacktest,
            at=at,
            until=until,
            customers=len(outcomes),
            bought_again=buyers,
            stages=tuple(rows),
            policy_fingerprint=policy.fingerprint(),
            reason_en=en,
            reason_zh=zh,
            **figures,
        )


_NAMES = {
    "lapsed": ("LAPSED", "流失客户"),
    "at_risk_or_lapsed": ("AT_RISK or LAPSED", "流失风险或流失客户"),
    "silent_over_90_days": ("silent over 90 days", "沉默超过 90 天"),
    "silent_over_180_days": ("silent over 180 days", "沉默超过 180 天"),
}


def _figure_text(figures: BacktestFigures, *, zh: bool) -> str:
    """One call's figures, each undefined one with why."""
    nobody = "无人再次购买" if zh else "nobody bought again"
    everybody = "全部再次购买" if zh else "everybody bought again"
    buyers = figures.true_negatives + figures.false_positives
    words = (
        ("平衡准确率", "精确率", "召回率", "无人被判定", "无法计算")
        if zh
        else ("balanced accuracy", "precision", "recall", "none called", "undefined")
    )
    balanced, precision, recall, none_called, undefined = words
    parts = [
        (balanced, figures.balanced_accuracy, everybody if buyers else nobody),
        (precision, figures.precision, none_called),
        (recall, figures.recall, everybody),
    ]
    sep, colon, space = ("，", "：", "") if zh else (", ", ": ", " ")
    name = _NAMES[figures.rule][1 if zh else 0]
    return f"{name}{colon}" + sep.join(
        f"{what} {value}" if value is not None else f"{what}{space}{undefined}{_paren(why, zh=zh)}"
        for what, value, why in parts
    )


def _paren(text: str, *, zh: bool) -> str:
    return f"（{text}）" if zh else f" ({text})"


def _reasons(
    at: date, until: date, customers: int, buyers: int, figures: dict[str, BacktestFigures]
) -> tuple[str, str]:
    """The backtest in a sentence, in English and in Chinese."""
    if not customers:
        return (
            f"nobody had a sale on or before {at.isoformat()}: nothing to compare",
            f"{at.isoformat()} 及之前无人购买：无可比较",
        )
    share = c.CONTEXT.divide(Decimal(100 * buyers), Decimal(customers)).quantize(
        Decimal("0.01"), context=c.CONTEXT
    )
    en = (
        f"staged on {at.isoformat()}: {customers:,} customers with a sale by then, "
        f"{buyers:,} ({share} %) bought again by {until.isoformat()}; "
        + "; ".join(_figure_text(f, zh=False) for f in figures.values())
    )
    zh = (
        f"于 {at.isoformat()} 分阶段：此前有购买的客户 {customers:,} 位，"
        f"其中 {buyers:,} 位（{share} %）在 {until.isoformat()} 前再次购买；"
        + "；".join(_figure_text(f, zh=True) for f in figures.values())
    )
    return en, zh


def backtest_lifecycle(
    purchases: Iterable[Purchase],
    /,
    *,
    at: date,
    until: date,
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
) -> LifecycleBacktest:
    """Stage every customer on ``at`` and compare with who bought again by ``until``.

    Decisions (docs/rules.md, L4 backtest): the population is every customer with a
    sale (not a refund) on or before ``at``; each is staged on ``at`` from their records
    up to it (rules L1-L4); a customer *bought again* with a sale dated (its local
    calendar day) in ``(at, until]``. A positive is a customer who did not buy again.
    Balanced accuracy is the mean of recall and of the share of buyers not called, so
    the many customers who never come back do not swamp it; it is ``None``
    (undefined, and the reasons say why) when nobody or everybody bought again.

    Args:
        purchases: Purchases and refunds of any number of customers, in any order.
        at: The day to stage on.
        until: The last day of the outcome window; after ``at``.
        policy: The lifecycle policy to stage with; the calibrated defaults unless given.

    Returns:
        The per-stage table and the figures of LAPSED, of AT_RISK or LAPSED and of
        silence over 90 and 180 days, with the reasons in English and Chinese.

    Raises:
        InvalidInputError: If ``at``, ``until``, ``policy`` or ``purchases`` is of the
            wrong type, ``until`` is not after ``at``, or an item is not a Purchase.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Purchase
    >>> def sale(cid, day):
    ...     return Purchase(customer_id=cid, product="cd", amount=10,
    ...                     at=datetime.combine(day, datetime.min.time(), timezone.utc))
    >>> history = [sale("a", date(1997, 1, 5)), sale("a", date(1998, 1, 5)),
    ...            sale("b", date(1997, 1, 9)), sale("c", date(1997, 9, 1)),
    ...            sale("c", date(1997, 10, 1))]
    >>> result = backtest_lifecycle(history, at=date(1997, 9, 30), until=date(1998, 6, 30))
    >>> result.customers, result.bought_again, result.lapsed.precision
    (3, 2, Decimal('0.5000'))
    >>> backtest_lifecycle(history, at=date(1997, 9, 30), until=date(1997, 9, 30))
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: until: expected a date after at (1997-09-30), got date datetime.date(1997, 9, 30)
    """  # noqa: E501 - a doctest output line
    _check_days(at, until)
    _bind(policy, at)
    return _Population(purchases, at, until).backtest(policy)
