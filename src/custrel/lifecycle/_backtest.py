"""How well the stages foretold who bought again: a backtest on a purchase history (L1-L4).

Every customer with a sale on or before ``at`` is staged on ``at`` from their records
up to it; the outcome is whether they made a sale in ``(at, until]``. A stage is a
prediction: LAPSED says "will not buy again" (rule L4), AT_RISK says "may not" (rule
L3). The figures say how often that came true, beside two fixed silence rules (90 and
180 days) that people use instead. The decisions are in docs/rules.md (L4, backtest).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.lifecycle._policy import DEFAULT_LIFECYCLE, LifecyclePolicy, Stage, _bind
from custrel.lifecycle._portfolio import _customers
from custrel.models import Purchase

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["BacktestFigures", "LifecycleBacktest", "StageOutcome", "backtest_lifecycle"]

_PLACES = Decimal("0.0001")  # figures are rounded to four places, half to even
_CHECK_DAY = c.day()
_CHECK_COUNT = c.count(0)
_SILENCE_DAYS = (90, 180)  # the fixed silence rules compared with (issue 23)
# The stages a customer with a sale can be in, in the order of Stage (never PROSPECT).
_STAGED = tuple(s for s in Stage if s is not Stage.PROSPECT)


def _share(part: int, whole: int) -> Decimal | None:
    """``part / whole`` rounded to four places; ``None`` when ``whole`` is 0."""
    return _rounded(Fraction(part, whole)) if whole else None


def _rounded(value: Fraction) -> Decimal:
    exact = c.CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))
    return exact.quantize(_PLACES, context=c.CONTEXT)


def _optional_share(name: str, value: object) -> None:
    if value is not None:
        c.share(name, value)


def _exact_balanced(tp: int, fp: int, fn: int, tn: int) -> Fraction | None:
    """The mean of recall and specificity, exactly; ``None`` when a class is empty."""
    if not tp + fn or not tn + fp:
        return None
    return (Fraction(tp, tp + fn) + Fraction(tn, tn + fp)) / 2


@attrs.frozen(kw_only=True)
class BacktestFigures:
    """How one yes/no call "will not buy again" fared against what customers did.

    A *positive* is a customer who did not buy again by ``until``; the call is positive
    when the rule says so (for ``lapsed``: the stage is LAPSED).

    Args:
        rule: Which call: ``"lapsed"``, ``"at_risk_or_lapsed"``, ``"silent_over_90_days"``
            or ``"silent_over_180_days"``.
        true_positives: Called, and did not buy again.
        false_positives: Called, but bought again (a false alarm).
        false_negatives: Not called, and did not buy again (missed churn).
        true_negatives: Not called, and bought again.
        balanced_accuracy: The mean of recall and of the share of buyers not called,
            rounded to four places; ``None`` (undefined) when nobody or everybody
            bought again.
        precision: The share of the called who did not buy again; ``None`` when nobody
            was called.
        recall: The share of those who did not buy again who were called; ``None``
            when everybody bought again.

    Raises:
        InvalidInputError: If a field has the wrong type, or a figure is not the one
            its counts give.

    >>> from decimal import Decimal
    >>> from custrel.lifecycle import BacktestFigures
    >>> BacktestFigures(rule="lapsed", true_positives=3, false_positives=1,
    ...     false_negatives=1, true_negatives=3, balanced_accuracy=Decimal("0.75"),
    ...     precision=Decimal("0.75"), recall=Decimal("0.75")).recall
    Decimal('0.75')
    >>> BacktestFigures(rule="lapsed", true_positives=0, false_positives=0,
    ...     false_negatives=1, true_negatives=0, balanced_accuracy=Decimal(0),
    ...     precision=None, recall=Decimal(0))
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: BacktestFigures.balanced_accuracy: expected None for these counts, got Decimal Decimal('0')
    """  # noqa: E501 - a doctest output line

    rule: str = attrs.field(validator=c.checked(c.identifier))
    true_positives: int = attrs.field(validator=c.checked(_CHECK_COUNT))
    false_positives: int = attrs.field(validator=c.checked(_CHECK_COUNT))
    false_negatives: int = attrs.field(validator=c.checked(_CHECK_COUNT))
    true_negatives: int = attrs.field(validator=c.checked(_CHECK_COUNT))
    balanced_accuracy: Decimal | None = attrs.field(validator=c.checked(_optional_share))
    precision: Decimal | None = attrs.field(validator=c.checked(_optional_share))
    recall: Decimal | None = attrs.field(validator=c.checked(_optional_share))

    def __attrs_post_init__(self) -> None:
        """Check that each figure is the one the counts give."""
        for name, value in _figures(
            self.true_positives, self.false_positives, self.false_negatives, self.true_negatives
        ).items():
            if getattr(self, name) != value:
                raise InvalidInputError(
                    f"BacktestFigures.{name}",
                    getattr(self, name),
                    f"{value} for these counts",
                )


def _figures(tp: int, fp: int, fn: int, tn: int) -> dict[str, Decimal | None]:
    balanced = _exact_balanced(tp, fp, fn, tn)
    return {
        "balanced_accuracy": None if balanced is None else _rounded(balanced),
        "precision": _share(tp, tp + fp),
        "recall": _share(tp, tp + fn),
    }


def _call(rule: str, calls: list[tuple[bool, bool]]) -> BacktestFigures:
    """Figures of ``(called, bought_again)`` pairs."""
    tp = sum(1 for called, bought in calls if called and not bought)
    fp = sum(1 for called, bought in calls if called and bought)
    fn = sum(1 for called, bought in calls if not called and not bought)
    tn = len(calls) - tp - fp - fn
    return c.unchecked(
        BacktestFigures,
        rule=rule,
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
        true_negatives=tn,
        **_figures(tp, fp, fn, tn),
    )


@attrs.frozen(kw_only=True)
class StageOutcome:
    """One row of the per-stage table of a backtest: a stage and who of it bought again.

    Args:
        stage: The stage on ``at`` (any but PROSPECT: everyone staged had a sale).
        customers: Customers in that stage.
        bought_again: Of them, those with a sale in ``(at, until]``.
        share: ``bought_again / customers`` rounded to four places; ``None`` with no
            customer.

    Raises:
        InvalidInputError: If a field has the wrong type, more bought again than there
            are customers, or the share is not theirs.

    >>> from decimal import Decimal
    >>> from custrel.lifecycle import Stage, StageOutcome
    >>> StageOutcome(stage=Stage.LAPSED, customers=8, bought_again=1,
    ...              share=Decimal("0.125")).share
    Decimal('0.125')
    >>> StageOutcome(stage=Stage.LAPSED, customers=1, bought_again=2, share=None)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: StageOutcome.bought_again: expected an int in 0..customers (1), got int 2
    """  # noqa: E501 - a doctest output line

    stage: Stage = attrs.field(validator=c.checked(c.member(Stage)))
    customers: int = attrs.field(validator=c.checked(_CHECK_COUNT))
    bought_again: int = attrs.field(validator=c.checked(_CHECK_COUNT))
    share: Decimal | None = attrs.field(validator=c.checked(_optional_share))

    def __attrs_post_init__(self) -> None:
        """Check the count of buyers and the share against the customers."""
        if self.bought_again > self.customers:
            raise InvalidInputError(
                "StageOutcome.bought_again",
                self.bought_again,
                f"an int in 0..customers ({self.customers})",
            )
        expected = _share(self.bought_again, self.customers)
        if self.share != expected:
            raise InvalidInputError("StageOutcome.share", self.share, f"{expected}")


@attrs.frozen(kw_only=True)
class LifecycleBacktest:
    """The stages on ``at`` set beside who bought again by ``until`` (rules L1-L4).

    Args:
        at: The day every customer was staged on.
        until: The last day of the outcome window ``(at, until]``.
        customers: The population: customers with a sale on or before ``at``.
        bought_again: Of them, those with a sale in ``(at, until]``.
        stages: One row per stage but PROSPECT, in :class:`Stage` order.
        lapsed: The call "LAPSED will not buy again" (rule L4).
        at_risk_or_lapsed: The call "AT_RISK or LAPSED will not buy again" (L3, L4).
        silent_over_90_days: The call "silent more than 90 days on ``at``".
        silent_over_180_days: The call "silent more than 180 days on ``at``".
        policy_fingerprint: The fingerprint of the lifecycle policy staged with.
        reason_en: The figures in a sentence, in English.
        reason_zh: The same in Chinese.

    Raises:
        InvalidInputError: If a field has the wrong type, ``until`` is not after
            ``at``, or the stage rows do not add up to the customers.

    >>> from datetime import date
    >>> from custrel.lifecycle import backtest_lifecycle
    >>> result = backtest_lifecycle([], at=date(1997, 9, 30), until=date(1998, 6, 30))
    >>> result.customers, result.lapsed.balanced_accuracy
    (0, None)
    >>> LifecycleBacktest(**{**attrs.asdict(result, recurse=False), "customers": 1})
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: LifecycleBacktest.stages: expected rows adding up to customers (1) and bought_again (0), got tuple ...
    """  # noqa: E501 - a doctest output line

    at: date = attrs.field(validator=c.checked(_CHECK_DAY))
    until: date = attrs.field(validator=c.checked(_CHECK_DAY))
    customers: int = attrs.field(validator=c.checked(_CHECK_COUNT))
    bought_again: int = attrs.field(validator=c.checked(_CHECK_COUNT))
    stages: tuple[StageOutcome, ...] = attrs.field(
        converter=c.to_tuple, validator=c.checked(c.items(c.instance_of(StageOutcome), "rows"))
    )
    lapsed: BacktestFigures = attrs.field(validator=c.checked(c.instance_of(BacktestFigures)))
    at_risk_or_lapsed: BacktestFigures = attrs.field(
        validator=c.checked(c.instance_of(BacktestFigures))
    )
    silent_over_90_days: BacktestFigures = attrs.field(
        validator=c.checked(c.instance_of(BacktestFigures))
    )
    silent_over_180_days: BacktestFigures = attrs.field(
        validator=c.checked(c.instance_of(BacktestFigures))
    )
    policy_fingerprint: str = attrs.field(validator=c.checked(c.fingerprint))
    reason_en: str = attrs.field(validator=c.checked(c.text))
    reason_zh: str = attrs.field(validator=c.checked(c.text))

    def __attrs_post_init__(self) -> None:
        """Check the window and that the rows add up."""
        _check_until(self.at, self.until, "LifecycleBacktest.until")
        if (
            sum(row.customers for row in self.stages) != self.customers
            or sum(row.bought_again for row in self.stages) != self.bought_again
        ):
            raise InvalidInputError(
                "LifecycleBacktest.stages",
                self.stages,
                f"rows adding up to customers ({self.customers}) "
                f"and bought_again ({self.bought_again})",
            )


def _check_days(at: object, until: object) -> None:
    """Refuse an ``at`` or ``until`` that is not a date, or ``until`` not after ``at``."""
    _CHECK_DAY("at", at)
    assert isinstance(at, date)  # noqa: S101 - for mypy: checked on the line above
    _check_until(at, until, "until")


def _check_until(at: date, until: object, name: str) -> None:
    _CHECK_DAY(name, until)
    assert isinstance(until, date)  # noqa: S101 - for mypy: checked on the line above
    if until <= at:
        raise InvalidInputError(name, until, f"a date after at ({at.isoformat()})")


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
