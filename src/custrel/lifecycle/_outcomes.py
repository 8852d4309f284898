"""What a lifecycle backtest gives: the figures of a call, a stage row, the whole (L1-L4).

Built by :func:`custrel.lifecycle.backtest_lifecycle`; each checks on construction that
its figures are the ones its counts give, so a stored result read back is consistent.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.lifecycle._policy import Stage

__all__ = ["BacktestFigures", "LifecycleBacktest", "StageOutcome"]

_PLACES = Decimal("0.0001")  # figures are rounded to four places, half to even
_CHECK_DAY = c.day()
_CHECK_COUNT = c.count(0)


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
    >>> from custrel.lifecycle import LifecycleBacktest, backtest_lifecycle
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
