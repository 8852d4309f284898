"""Rules L3, L4: churn windows and the whole reasons given for a stage."""

from datetime import UTC, date, datetime, timedelta

import pytest

from custrel.errors import InvalidInputError
from custrel.lifecycle import ChurnWindow, Stage, explain_stage
from custrel.models import Complaint, Purchase, Severity
from tests._values import D

# custrel.lifecycle: ChurnWindow and the reasons of rules L3 and L4 --------------------------------


def _window(start: date, end: date) -> ChurnWindow:
    return ChurnWindow(start=start, end=end, occasions=0, spend=D(0), complaints=0)


def test_rule_l3_a_window_of_one_day_is_accepted() -> None:
    day = date(2026, 8, 25)
    assert _window(day, day).end == day


def test_rule_l3_a_window_ending_before_it_starts_is_refused_whole() -> None:
    with pytest.raises(InvalidInputError) as caught:
        _window(date(2026, 8, 25), date(2026, 8, 24))
    assert caught.value.field == "ChurnWindow.end"
    assert caught.value.value == date(2026, 8, 24)
    assert caught.value.expected == "a date on or after start (2026-08-25)"
    assert str(caught.value) == (
        "ChurnWindow.end: expected a date on or after start (2026-08-25),"
        " got date datetime.date(2026, 8, 24)"
    )


AS_OF = date(2026, 11, 22)


def _sale(days_ago: int, amount: int = 100) -> Purchase:
    when = AS_OF - timedelta(days=days_ago)
    return Purchase(
        customer_id="c-1",
        at=datetime(when.year, when.month, when.day, 12, tzinfo=UTC),
        product="tea",
        amount=amount,
    )


def _complaint(days_ago: int) -> Complaint:
    when = AS_OF - timedelta(days=days_ago)
    return Complaint(
        customer_id="c-1",
        at=datetime(when.year, when.month, when.day, 9, tzinfo=UTC),
        severity=Severity.ORDINARY,
    )


@pytest.mark.parametrize(
    ("history", "complaints", "stage", "english", "chinese"),
    [
        (
            [_sale(500), _sale(10)],
            [],
            Stage.WON_BACK,
            "bought again after lapsing, within the 90-day settling period: won back",
            "流失后再次购买，在 90 天的稳定期内：挽回客户",
        ),
        (
            [_sale(d) for d in (10, 100, 130, 160, 190)],
            [_complaint(1), _complaint(2)],
            Stage.AT_RISK,
            (
                "active but showing warning signals (fewer purchases, less spend,"
                " more complaints): at risk"
            ),
            "活跃客户出现流失预警（购买频次下降、消费金额下降、投诉增加）：流失风险客户",
        ),
    ],
)
def test_rules_l3_l4_whole_reasons(
    history: list[Purchase],
    complaints: list[Complaint],
    stage: Stage,
    english: str,
    chinese: str,
) -> None:
    why = explain_stage(history, as_of=AS_OF, complaints=complaints)
    assert why.stage is stage
    assert why.reason_en == english
    assert why.reason_zh == chinese
