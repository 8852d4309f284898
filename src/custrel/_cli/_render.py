"""The command line's text output: tables for people, CSV and JSON Lines for programs; private."""

from __future__ import annotations

import csv
import json
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, Any

from custrel.grading import Grade
from custrel.labels import label
from custrel.lifecycle import Stage
from custrel.tiering import Tier

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import TextIO

    from custrel._cli._portfolio import Customer, Portfolio
    from custrel.cadence import UpcomingOccasion

FIELDS = (
    "customer_id",
    "name",
    "grade",
    "tier",
    "stage",
    "signals",
    "loyalty",
    "value",
    "r",
    "f",
    "m",
    "segment",
    "last_follow_up",
    "due",
    "days_overdue",
    "occasions",
    "opportunities",
    "contacts",
    "purchases",
    "complaints",
    "grade_reason",
    "stage_reason",
    "loyalty_reason",
)

# The policies a report applies, whose fingerprints its header shows.
USED_POLICIES = ("grading", "cadence", "tiers", "rfm_segments", "lifecycle", "loyalty")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "agenda": "Follow-ups due",
        "report": "Portfolio report",
        "demo": "custrel demo: the sample portfolio",
        "as_of": "as of",
        "customers": "customers",
        "records": "records",
        "bad": "bad",
        "policies": "policies",
        "customer": "customer",
        "name": "name",
        "overdue": "days overdue",
        "grade": "grade",
        "tier": "tier",
        "stage": "stage",
        "signals": "churn signals",
        "loyalty": "loyalty",
        "value": "value",
        "segment": "RFM segment",
        "last": "last follow-up",
        "occasions": "occasions",
        "upcoming": "Occasions to greet in the next {days} days",
        "by_grade": "Customers by grade",
        "by_tier": "Customers by tier",
        "by_stage": "Customers by stage",
        "no_grade": "no grade",
        "none_due": "No follow-up is due.",
        "more": "... and {n} more (--limit)",
        "pyramid": "Value pyramid",
        "rfm": "RFM segments (recency × frequency)",
        "why": "why",
        "reasons": "Reasons",
        "due": "due",
        "partial": "Partial data: {what}; see the messages on standard error",
        "refused": "{n:,} record{s} refused",
        "emptied": "{n:,} record{s} read with a field left empty",
        "skipped": "{n:,} record{s} skipped with their customer",
        "files": "{n:,} file{s} not read",
        "recency": "recency score R",
        "frequency": "frequency score F",
        "share": "of customers",
        "value_share": "of value",
        "count": "customers",
        "years": "{n}",
    },
    "zh": {
        "agenda": "待跟进客户",
        "report": "客户组合报告",
        "demo": "custrel 演示：示例客户组合",
        "as_of": "基准日",
        "customers": "位客户",
        "records": "条记录",
        "bad": "条有误",
        "policies": "策略",
        "customer": "客户",
        "name": "名称",
        "overdue": "逾期天数",
        "grade": "等级",
        "tier": "层级",
        "stage": "生命周期",
        "signals": "流失预警",
        "loyalty": "忠诚度",
        "value": "价值",
        "segment": "RFM 分群",
        "last": "上次跟进",
        "occasions": "纪念日",
        "upcoming": "未来 {days} 天需问候的纪念日",
        "by_grade": "按等级的客户数",
        "by_tier": "按层级的客户数",
        "by_stage": "按生命周期的客户数",
        "no_grade": "无等级",
        "none_due": "今天没有需要跟进的客户。",
        "more": "……另有 {n} 位（--limit）",
        "pyramid": "客户金字塔",
        "rfm": "RFM 分群（近度 × 频度）",
        "why": "原因",
        "reasons": "原因",
        "due": "应跟进日",
        "partial": "数据不完整：{what}；详见标准错误输出",
        "refused": "{n:,} 条记录被拒",
        "emptied": "{n:,} 条记录有字段留空",
        "skipped": "{n:,} 条记录随其客户跳过",
        "files": "{n:,} 个文件未读入",
        "recency": "近度得分 R",
        "frequency": "频度得分 F",
        "share": "的客户",
        "value_share": "的价值",
        "count": "位客户",
        "years": "{n}",
    },
}


def occasion_text(occasion: UpcomingOccasion, lang: str) -> str:
    """``birthday 11-28 (46)``: what, when and which birthday or anniversary."""
    whose = "" if occasion.whose == "self" else f" {occasion.whose}"
    number = "" if occasion.number is None else f" ({occasion.number})"
    return f"{label(occasion.kind, lang)}{whose} {occasion.on:%m-%d}{number}"  # type: ignore[arg-type]


def machine_row(customer: Customer) -> dict[str, Any]:
    """One customer as plain data: stable values, not labels (reasons in the chosen language)."""
    rfm, due = customer.rfm, customer.due
    opportunities, contacts, purchases, complaints = customer.counts
    return {
        "customer_id": customer.customer_id,
        "name": customer.name,
        "grade": None if customer.grade is None else customer.grade.value,
        "tier": customer.tier.value,
        "stage": customer.stage.value,
        "signals": [signal.value for signal in customer.signals],
        "loyalty": None if customer.loyalty is None else str(customer.loyalty),
        "value": str(customer.value),
        "r": None if rfm is None else rfm.r,
        "f": None if rfm is None else rfm.f,
        "m": None if rfm is None else rfm.m,
        "segment": None if customer.segment is None else customer.segment.name,
        "last_follow_up": None
        if customer.last_follow_up is None
        else customer.last_follow_up.isoformat(),
        "due": None if due is None else due.due.isoformat(),
        "days_overdue": None if due is None else due.days_overdue,
        "occasions": [f"{o.kind.value} {o.on.isoformat()}" for o in customer.occasions],
        "opportunities": opportunities,
        "contacts": contacts,
        "purchases": purchases,
        "complaints": complaints,
        "grade_reason": customer.grade_reason,
        "stage_reason": customer.stage_reason,
        "loyalty_reason": customer.loyalty_reason,
    }


def partial(portfolio: Portfolio, lang: str) -> str | None:
    """What a report built on partial data says first; None when nothing was lost."""
    lost = portfolio.reading.lost()
    if not lost:
        return None
    t = TEXT[lang]
    sep = "，" if lang == "zh" else ", "
    what = sep.join(t[kind].format(n=n, s="" if n == 1 else "s") for kind, n in lost.items())
    return t["partial"].format(what=what)


def write_jsonl(customers: Iterable[Customer], out: TextIO, portfolio: Portfolio) -> None:
    """One JSON object a line; first, when data was lost, ``{"partial_data": {...}}``."""
    lost = portfolio.reading.lost()
    if lost:
        out.write(json.dumps({"partial_data": lost}) + "\n")
    for customer in customers:
        out.write(json.dumps(machine_row(customer), ensure_ascii=False))
        out.write("\n")


def write_csv(customers: Iterable[Customer], out: TextIO, portfolio: Portfolio) -> None:
    """A header and one row a customer; lists joined with ``;``.

    When data was lost, a first comment line says what (``# Partial data: ...``).
    """
    note = partial(portfolio, "en")
    if note is not None:
        out.write(f"# {note}\n")
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    for customer in customers:
        row = machine_row(customer)
        writer.writerow(
            ";".join(v) if isinstance(v, list) else "" if v is None else v
            for v in (row[name] for name in FIELDS)
        )


def _width(text: str) -> int:
    """Columns a text takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain-text table with aligned columns."""
    widths = [_width(h) for h in headers]
    for row in rows:
        widths = [max(w, _width(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            cell + " " * (w - _width(cell)) for cell, w in zip(cells, widths, strict=True)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def header(portfolio: Portfolio, title: str | None, lang: str) -> str:
    """The title line (without a title: what and when) and the policies' fingerprints."""
    t = TEXT[lang]
    every = portfolio.policies.fingerprints()
    fingerprints = ", ".join(f"{k} {every[k]}" for k in USED_POLICIES)
    what = "" if title is None else f"{title} — "
    note = partial(portfolio, lang)
    return (
        f"{what}{t['as_of']} {portfolio.as_of.isoformat()} — "
        f"{len(portfolio.customers):,} {t['customers']}, {portfolio.records:,} {t['records']}"
        + ("" if note is None else f"\n{note}")
        + f"\n{t['policies']}: {fingerprints}"
    )


def agenda_table(customers: list[Customer], lang: str) -> str:
    """The agenda for people: who to follow up, most urgent first, and what to know."""
    t = TEXT[lang]
    if not customers:
        return t["none_due"]
    headers = [
        t[k]
        for k in (
            "customer",
            "name",
            "overdue",
            "grade",
            "tier",
            "stage",
            "signals",
            "loyalty",
            "occasions",
        )
    ]
    sep = "、" if lang == "zh" else ", "
    rows = [
        [
            c.customer_id,
            c.name or "",
            str(c.due.days_overdue) if c.due else "",
            c.grade.value if c.grade else "",
            label(c.tier, lang),  # type: ignore[arg-type]
            label(c.stage, lang),  # type: ignore[arg-type]
            sep.join(label(s, lang) for s in c.signals),  # type: ignore[arg-type]
            "" if c.loyalty is None else f"{c.loyalty:.0f}",
            sep.join(occasion_text(o, lang) for o in c.occasions),
        ]
        for c in customers
    ]
    return table(headers, rows)


def report_table(customers: list[Customer], lang: str) -> str:
    """Every customer, one row each."""
    t = TEXT[lang]
    headers = [
        t[k]
        for k in (
            "customer",
            "name",
            "grade",
            "tier",
            "stage",
            "signals",
            "loyalty",
            "value",
            "segment",
            "last",
            "due",
        )
    ]
    sep = "、" if lang == "zh" else ", "
    rows = [
        [
            c.customer_id,
            c.name or "",
            c.grade.value if c.grade else "",
            label(c.tier, lang),  # type: ignore[arg-type]
            label(c.stage, lang),  # type: ignore[arg-type]
            sep.join(label(s, lang) for s in c.signals),  # type: ignore[arg-type]
            "" if c.loyalty is None else f"{c.loyalty:.0f}",
            str(c.value),
            ""
            if c.segment is None
            else (c.segment.label_zh if lang == "zh" else c.segment.label_en),
            "" if c.last_follow_up is None else c.last_follow_up.isoformat(),
            "" if c.due is None else c.due.due.isoformat(),
        ]
        for c in customers
    ]
    return table(headers, rows)


def occasions_table(customers: list[Customer], lang: str, days: int) -> str:
    """Everyone with an occasion in the window, by day."""
    t = TEXT[lang]
    found = sorted(
        ((o, c) for c in customers for o in c.occasions),
        key=lambda pair: (pair[0].on, pair[1].customer_id),
    )
    lines = [t["upcoming"].format(days=days)]
    if found:
        lines.append(
            table(
                [t["due"], t["customer"], t["name"], t["occasions"]],
                [
                    [o.on.isoformat(), c.customer_id, c.name or "", occasion_text(o, lang)]
                    for o, c in found
                ],
            )
        )
    else:
        lines.append("—")
    return "\n".join(lines)


def counts(portfolio: Portfolio, lang: str) -> dict[str, list[tuple[str, int]]]:
    """Customers per grade, tier and stage (every value, zeros included)."""
    t = TEXT[lang]
    grades = Counter(c.grade for c in portfolio.customers)
    tiers = Counter(c.tier for c in portfolio.customers)
    stages = Counter(c.stage for c in portfolio.customers)
    return {
        "by_grade": [(g.value, grades[g]) for g in Grade] + [(t["no_grade"], grades[None])],
        "by_tier": [(label(tier, lang), tiers[tier]) for tier in Tier],  # type: ignore[arg-type]
        "by_stage": [(label(s, lang), stages[s]) for s in Stage],  # type: ignore[arg-type]
    }


def summary(portfolio: Portfolio, lang: str) -> str:
    """Customers per grade, tier and stage, one line each."""
    t = TEXT[lang]
    sep = "：" if lang == "zh" else ": "
    return "\n".join(
        f"{t[key]}{sep}" + " · ".join(f"{name} {n}" for name, n in pairs)
        for key, pairs in counts(portfolio, lang).items()
    )
