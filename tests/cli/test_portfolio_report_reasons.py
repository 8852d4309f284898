"""The command line's report gives English and Chinese reasons, and grades and stages by the
portfolio's own policies.
"""

import json
import pathlib
from datetime import date, timedelta
from decimal import Decimal

import pytest

from custrel import io
from custrel._cli import _portfolio, _reading
from custrel.grading import Grade, GradingPolicy
from custrel.lifecycle import LifecyclePolicy, Stage

# The report behind the command line -----------------------------------------------------

AS_OF = date(2026, 11, 20)
LOYALTY_EN = (
    " of 100 from 2 of 6 measures; unknown, their weight shared by the others: time spent"
    " choosing, price sensitivity, interest in competitors, tolerance of quality problems"
)
LOYALTY_ZH = (
    "/100，依据6项指标中的2项；未知指标（其权重由其余指标分摊）："
    "挑选时间、价格敏感度、对竞争品牌的兴趣、对质量问题的承受能力"
)


def _purchase(customer_id: str, at: str, order_id: str) -> dict[str, object]:
    return {
        "customer_id": customer_id,
        "at": at,
        "product": "tea",
        "quantity": 1,
        "amount": "500" if customer_id == "c-2" else "300",
        "profit": "100" if customer_id == "c-2" else "60",
        "refund": False,
        "order_id": order_id,
    }


@pytest.fixture
def three_customers(tmp_path: pathlib.Path) -> dict[str, _reading.Source]:
    """c-1: a closed deal listed before a potential one; c-2: an explicit need closing in
    51 days and one purchase 100 days ago; c-3: two purchases and no opportunity."""
    opportunities = [
        {
            "customer_id": "c-1",
            "need": "explicit",
            "expected_close": "2026-11-25",
            "amount": "100",
            "status": "closed",
        },
        {
            "customer_id": "c-1",
            "need": "potential",
            "expected_close": None,
            "amount": "100",
            "status": "potential",
        },
        {
            "customer_id": "c-2",
            "need": "explicit",
            "expected_close": "2027-01-10",
            "amount": "100",
            "status": "negotiating",
        },
    ]
    purchases = [
        _purchase("c-2", "2026-08-12T10:00:00+08:00", "o-1"),
        _purchase("c-3", "2026-06-01T10:00:00+08:00", "o-2"),
        _purchase("c-3", "2026-09-01T10:00:00+08:00", "o-3"),
    ]
    for table, rows in (("opportunities", opportunities), ("purchases", purchases)):
        lines = "".join(json.dumps(row) + "\n" for row in rows)
        (tmp_path / f"{table}.jsonl").write_text(lines, encoding="utf-8")
    return _reading.find_tables(tmp_path)[0]


def _judged(
    tables: dict[str, _reading.Source], *, lang: str, policies: io.Policies
) -> list[tuple[object, ...]]:
    problems: list[object] = []
    portfolio = _portfolio.judge_portfolio(
        tables,
        as_of=AS_OF,
        policies=policies,
        lang=lang,
        within=timedelta(days=30),
        tz=None,
        strict=True,
        on_bad=problems.append,
        on_unreadable=problems.append,
    )
    assert problems == []
    return [
        (
            c.customer_id,
            c.grade,
            c.grade_reason,
            c.stage,
            c.stage_reason,
            c.loyalty,
            c.loyalty_reason,
        )
        for c in portfolio.customers
    ]


def test_the_report_gives_english_reasons_and_grades_by_the_open_deal(
    three_customers: dict[str, _reading.Source],
) -> None:
    assert _judged(three_customers, lang="en", policies=io.Policies()) == [
        (
            "c-1",
            Grade.D,
            "potential need: grade D",
            Stage.PROSPECT,
            "no purchase yet: a prospect to develop",
            None,  # never bought: no loyalty to show
            None,
        ),
        (
            "c-2",
            Grade.B,
            "explicit need, expected close 2027-01-10 is within 3 months of 2026-11-20: grade B",
            Stage.LAPSED,  # one purchase 100 days ago: past the one-time horizon
            "silent for 100 days, past the churn horizon of 90 days: lapsed",
            Decimal("2.50"),
            "loyalty 2.50" + LOYALTY_EN,
        ),
        (
            "c-3",
            None,
            None,
            Stage.WON_BACK,  # 92 days between the two purchases: past the one-time horizon
            "bought again after lapsing, within the 90-day settling period: won back",
            Decimal("7.17"),
            "loyalty 7.17" + LOYALTY_EN,
        ),
    ]


def test_the_report_gives_chinese_reasons_with_lang_zh(
    three_customers: dict[str, _reading.Source],
) -> None:
    assert _judged(three_customers, lang="zh", policies=io.Policies()) == [
        (
            "c-1",
            Grade.D,
            "潜在需求：D级",
            Stage.PROSPECT,
            "尚未购买：待开发的潜在客户",
            None,
            None,
        ),
        (
            "c-2",
            Grade.B,
            "明显需求，预计成交日 2027-01-10 在 2026-11-20 起 3个月 内：B级",
            Stage.LAPSED,
            "已 100 天未购买，超过流失期限 90 天：已流失",
            Decimal("2.50"),
            "忠诚度 2.50" + LOYALTY_ZH,
        ),
        (
            "c-3",
            None,
            None,
            Stage.WON_BACK,
            "流失后再次购买，在 90 天的稳定期内：挽回客户",
            Decimal("7.17"),
            "忠诚度 7.17" + LOYALTY_ZH,
        ),
    ]


def test_the_report_grades_and_stages_by_the_portfolios_own_policies(
    three_customers: dict[str, _reading.Source],
) -> None:
    policies = io.Policies(
        grading=GradingPolicy.from_dict(
            {"horizons": [{"months": 3}, {"months": 4}, {"months": 6}]}
        ),
        lifecycle=LifecyclePolicy(new_days=120, one_time_horizon_days=120),
    )
    judged = _judged(three_customers, lang="en", policies=policies)
    assert judged[1][:5] == (
        "c-2",
        Grade.A,
        "explicit need, expected close 2027-01-10 is within 3 months of 2026-11-20: grade A",
        Stage.NEW,
        "one purchase 100 days ago, within 120 days: new",
    )


def test_y1_the_report_does_not_call_a_lapsed_customer_loyalty_100(
    tmp_path: pathlib.Path,
) -> None:
    """Issue 23: thirteen monthly purchases, the last 460 days ago, used to show loyalty 100."""
    last = AS_OF - timedelta(days=460)
    rows = [
        _purchase("c-9", f"{last - timedelta(days=30 * i)}T10:00:00+00:00", f"o-{i}")
        for i in range(13)
    ]
    lines = "".join(json.dumps(row) + "\n" for row in rows)
    (tmp_path / "purchases.jsonl").write_text(lines, encoding="utf-8")
    tables = _reading.find_tables(tmp_path)[0]
    [(_, _, _, stage, _, loyalty, reason)] = _judged(tables, lang="en", policies=io.Policies())
    assert (stage, loyalty) == (Stage.LAPSED, Decimal("0.00"))
    assert reason == (
        "loyalty 0.00"
        + LOYALTY_EN
        + "; last purchase 460 days ago: repeat purchases and spend keep 0% of their points"
        " (they fade after 180 days without a purchase and count nothing from 365)"
    )
    [(*_, reason_zh)] = _judged(tables, lang="zh", policies=io.Policies())
    assert reason_zh == (
        "忠诚度 0.00" + LOYALTY_ZH + "；距上次购买已460天：重复购买次数和购买费用只保留0%的得分"
        "（未购买超过180天开始递减，满365天不再计分）"
    )
