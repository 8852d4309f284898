"""Why an opportunity has its grade: the explanation of rules G1 and G2, in English and Chinese."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from custrel import _checks as c
from custrel._periods import describe
from custrel.grading._grades import Grade
from custrel.grading._policy import DEFAULT_GRADING, BoundGradingPolicy, GradingPolicy
from custrel.grading._rules import _bind
from custrel.models import DealStatus, Need, Opportunity

if TYPE_CHECKING:
    from datetime import date

__all__ = ["GradeExplanation", "explain_grade"]

_CHECK_RECENT = c.day(optional=True)


@attrs.frozen(kw_only=True)
class GradeExplanation:
    """Why an opportunity got its grade, for the salesperson who asks.

    Args:
        grade: The grade.
        rules: The rule IDs applied, such as ``("G1",)``.
        reason_en: The reason in English.
        reason_zh: The reason in Chinese.
        policy_fingerprint: The fingerprint of the policy that graded it.

    Raises:
        InvalidInputError: If a field has the wrong type.

    >>> from datetime import date
    >>> from custrel.grading import explain_grade
    >>> from custrel.models import DealStatus, Need, Opportunity
    >>> why = explain_grade(Opportunity(customer_id="c-1", need=Need.POTENTIAL,
    ...                                 status=DealStatus.POTENTIAL), as_of=date(2026, 11, 22))
    >>> why.grade, why.reason_en
    (<Grade.D: 'D'>, 'potential need: grade D')
    """

    grade: Grade = attrs.field(validator=c.checked(c.member(Grade)))
    rules: tuple[str, ...] = attrs.field(validator=c.checked(c.items(c.identifier, "rule IDs")))
    reason_en: str = attrs.field(validator=c.checked(c.text))
    reason_zh: str = attrs.field(validator=c.checked(c.text))
    policy_fingerprint: str = attrs.field(validator=c.checked(c.fingerprint))


def _reasons(  # noqa: PLR0911 - one return per case of rule G1 reads best
    bound: BoundGradingPolicy,
    opportunity: Opportunity,
    result: Grade,
    recent_purchase: date | None,
) -> tuple[str, str]:
    need = opportunity.need
    close = opportunity.expected_close
    if need is Need.NONE:
        if recent_purchase is not None:
            day = recent_purchase.isoformat()
            return (
                (
                    f"no open need, but bought on {day}, within the churn horizon: a customer"
                    " to keep serving, grade E"
                ),
                f"暂无新需求，但 {day} 有购买，仍在流失期限内：应继续服务的客户，E级",
            )
        return (
            "no need and no recent purchase: a dead customer, grade E",
            "无需求且近期无购买：死亡客户，E级",
        )
    if need is Need.POTENTIAL:
        return "potential need: grade D", "潜在需求：D级"
    if opportunity.status is DealStatus.CLOSED:
        return (
            "explicit need, but the deal is already closed and nothing is left to close: grade D",
            "明显需求，但已成交，无待成交业务：D级",
        )
    if close is None:
        return (
            "explicit need, but no expected close date: grade D",
            "明显需求，但未定预计成交日期：D级",
        )
    day, as_of = close.isoformat(), bound.as_of.isoformat()
    if close < bound.stale_before:
        grace = bound.policy.overdue_grace
        return (
            (
                f"explicit need, but expected close {day} is more than {describe(grace)} past"
                f" ({as_of}): expected close date long past: update it; grade D"
            ),
            (
                f"明显需求，但预计成交日 {day} 已过去超过 {describe(grace, 'zh')}（{as_of}）："
                "预计成交日早已过期，请更新；D级"
            ),
        )
    if close < bound.as_of:
        return (
            f"explicit need, expected close {day} has passed ({as_of}): overdue, grade A",
            f"明显需求，预计成交日 {day} 已过（{as_of}）：逾期，A级",
        )
    horizons = dict(zip((Grade.A, Grade.B, Grade.C), bound.policy.horizons, strict=True))
    if result is Grade.D:
        far = bound.policy.horizons[-1]
        return (
            (
                f"explicit need, expected close {day} is more than {describe(far)} after {as_of}"
                ": grade D"
            ),
            f"明显需求，预计成交日 {day} 在 {as_of} 起 {describe(far, 'zh')} 之后：D级",
        )
    horizon = horizons[result]
    return (
        (
            f"explicit need, expected close {day} is within {describe(horizon)} of {as_of}:"
            f" grade {result.value}"
        ),
        f"明显需求，预计成交日 {day} 在 {as_of} 起 {describe(horizon, 'zh')} 内：{result.value}级",
    )


def explain_grade(
    opportunity: Opportunity,
    /,
    *,
    as_of: date,
    policy: GradingPolicy = DEFAULT_GRADING,
    recent_purchase: date | None = None,
) -> GradeExplanation:
    """Grade an opportunity and say why, in English and Chinese (rules G1, G2).

    Grade E is "no need" (rule G1); it reads "dead customer" (死亡客户) only when the
    customer has not bought recently either. Pass ``recent_purchase`` for a customer
    whose last purchase falls within their churn horizon (rule L4; their lifecycle
    stage is neither prospect nor lapsed): an E then reads "no open need", a repeat
    buyer with nothing new to sell is not dead. The grade itself does not change.

    Args:
        opportunity: The opportunity to grade.
        as_of: The reference day.
        policy: The horizons; the rule book's by default.
        recent_purchase: The customer's last purchase, when it falls within their
            churn horizon; ``None`` (the default) when there is none.

    Returns:
        The grade with the rule IDs, the reasons and the policy's fingerprint.

    Raises:
        InvalidInputError: If an argument is of the wrong type.

    >>> from datetime import date
    >>> from custrel.models import DealStatus, Need, Opportunity
    >>> why = explain_grade(Opportunity(customer_id="c-1", need=Need.EXPLICIT,
    ...                                 expected_close=date(2026, 12, 10),
    ...                                 status=DealStatus.NEGOTIATING), as_of=date(2026, 11, 22))
    >>> print(why.reason_en)
    explicit need, expected close 2026-12-10 is within 1 month of 2026-11-22: grade A
    >>> print(why.reason_zh)
    明显需求，预计成交日 2026-12-10 在 2026-11-22 起 1个月 内：A级
    >>> done = Opportunity(customer_id="c-1", need=Need.NONE, status=DealStatus.CLOSED)
    >>> print(explain_grade(done, as_of=date(2026, 11, 22)).reason_en)
    no need and no recent purchase: a dead customer, grade E
    >>> print(explain_grade(done, as_of=date(2026, 11, 22),
    ...                     recent_purchase=date(2026, 11, 8)).reason_en)
    no open need, but bought on 2026-11-08, within the churn horizon: a customer to keep serving, grade E
    """  # noqa: E501 - a doctest output line
    bound = _bind(policy, as_of)
    result = bound.grade(opportunity)
    _CHECK_RECENT("recent_purchase", recent_purchase)
    english, chinese = _reasons(bound, opportunity, result, recent_purchase)
    return GradeExplanation(
        grade=result,
        rules=("G1", "G2"),
        reason_en=english,
        reason_zh=chinese,
        policy_fingerprint=policy.fingerprint(),
    )
