"""Rules G1, G2: the whole explanation of a grade, in English and Chinese."""

from datetime import date

import pytest

from custrel.errors import InvalidInputError
from custrel.grading import DEFAULT_GRADING, Grade, explain_grade
from custrel.models import DealStatus, Need, Opportunity
from tests._grading_cadence_samples import AS_OF, OTHER, explicit

EXPLANATIONS = [
    pytest.param(
        Opportunity(customer_id="c-1", need=Need.NONE, status=DealStatus.POTENTIAL),
        Grade.E,
        "no need and no recent purchase: a dead customer, grade E",
        "无需求且近期无购买：死亡客户，E级",
        id="no-need",
    ),
    pytest.param(
        OTHER,
        Grade.D,
        "potential need: grade D",
        "潜在需求：D级",
        id="potential-need",
    ),
    pytest.param(
        explicit(date(2026, 12, 1), DealStatus.CLOSED),
        Grade.D,
        "explicit need, but the deal is already closed and nothing is left to close: grade D",
        "明显需求，但已成交，无待成交业务：D级",
        id="closed",
    ),
    pytest.param(
        explicit(None),
        Grade.D,
        "explicit need, but no expected close date: grade D",
        "明显需求，但未定预计成交日期：D级",
        id="no-date",
    ),
    pytest.param(
        explicit(date(2026, 10, 21)),
        Grade.D,
        (
            "explicit need, but expected close 2026-10-21 is more than 1 month past"
            " (2026-11-22): expected close date long past: update it; grade D"
        ),
        (
            "明显需求，但预计成交日 2026-10-21 已过去超过 1个月（2026-11-22）："
            "预计成交日早已过期，请更新；D级"
        ),
        id="stale",
    ),
    pytest.param(
        explicit(date(2026, 10, 22)),
        Grade.A,
        "explicit need, expected close 2026-10-22 has passed (2026-11-22): overdue, grade A",
        "明显需求，预计成交日 2026-10-22 已过（2026-11-22）：逾期，A级",
        id="overdue-within-grace",
    ),
    pytest.param(
        explicit(date(2026, 11, 21)),
        Grade.A,
        "explicit need, expected close 2026-11-21 has passed (2026-11-22): overdue, grade A",
        "明显需求，预计成交日 2026-11-21 已过（2026-11-22）：逾期，A级",
        id="overdue-yesterday",
    ),
    pytest.param(
        explicit(AS_OF),
        Grade.A,
        "explicit need, expected close 2026-11-22 is within 1 month of 2026-11-22: grade A",
        "明显需求，预计成交日 2026-11-22 在 2026-11-22 起 1个月 内：A级",
        id="today",
    ),
    pytest.param(
        explicit(date(2026, 12, 23)),
        Grade.B,
        "explicit need, expected close 2026-12-23 is within 3 months of 2026-11-22: grade B",
        "明显需求，预计成交日 2026-12-23 在 2026-11-22 起 3个月 内：B级",
        id="b",
    ),
    pytest.param(
        explicit(date(2027, 5, 22)),
        Grade.C,
        "explicit need, expected close 2027-05-22 is within 6 months of 2026-11-22: grade C",
        "明显需求，预计成交日 2027-05-22 在 2026-11-22 起 6个月 内：C级",
        id="c",
    ),
    pytest.param(
        explicit(date(2027, 5, 23)),
        Grade.D,
        "explicit need, expected close 2027-05-23 is more than 6 months after 2026-11-22: grade D",
        "明显需求，预计成交日 2027-05-23 在 2026-11-22 起 6个月 之后：D级",
        id="far",
    ),
]


@pytest.mark.parametrize(("subject", "expected", "english", "chinese"), EXPLANATIONS)
def test_g1_explanation_says_the_whole_reason(
    subject: Opportunity, expected: Grade, english: str, chinese: str
) -> None:
    why = explain_grade(subject, as_of=AS_OF)
    assert (why.grade, why.reason_en, why.reason_zh) == (expected, english, chinese)
    assert why.rules == ("G1", "G2")
    assert why.policy_fingerprint == DEFAULT_GRADING.fingerprint()


def test_g1_e_with_a_recent_purchase_reads_no_open_need_not_dead() -> None:
    done = Opportunity(customer_id="c-1", need=Need.NONE, status=DealStatus.CLOSED)
    why = explain_grade(done, as_of=AS_OF, recent_purchase=date(2026, 2, 28))
    assert why.grade is Grade.E
    assert why.reason_en == (
        "no open need, but bought on 2026-02-28, within the churn horizon: a customer to keep"
        " serving, grade E"
    )
    assert (
        why.reason_zh == "暂无新需求，但 2026-02-28 有购买，仍在流失期限内：应继续服务的客户，E级"
    )
    assert "dead" not in why.reason_en
    assert "死亡" not in why.reason_zh


def test_a_recent_purchase_changes_no_other_reason_and_no_grade() -> None:
    for subject in (OTHER, explicit(date(2026, 12, 1), DealStatus.CLOSED)):
        plain = explain_grade(subject, as_of=AS_OF)
        assert explain_grade(subject, as_of=AS_OF, recent_purchase=AS_OF) == plain


def test_recent_purchase_must_be_a_day() -> None:
    with pytest.raises(InvalidInputError) as info:
        explain_grade(OTHER, as_of=AS_OF, recent_purchase="2026-11-01")  # type: ignore[arg-type]
    assert info.value.field == "recent_purchase"
