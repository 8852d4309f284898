"""The command line's text output: tables for people, CSV and JSON Lines for programs; private."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, Any

from custrel._cli._words import loyalty_text, policies_text, touch_text, why_due
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
    "owner",
    "grade",
    "tier",
    "stage",
    "signals",
    "loyalty",
    "loyalty_known",
    "value",
    "r",
    "f",
    "m",
    "segment",
    "last_touch",
    "last_touch_kind",
    "next_due",
    "days_overdue",
    "provisional",
    "why_due",
    "occasions",
    "opportunities",
    "contacts",
    "purchases",
    "complaints",
    "grade_reason",
    "stage_reason",
    "loyalty_reason",
)

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
        "owner": "owner",
        "day": "day",
        "last_touch": "last touch",
        "next_due": "next due",
        "why_due": "why due",
        "no_purchase": "no purchase yet",
        "by_segment": "Customers by RFM segment",
        "policies_title": "Policies",
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
        "name": "姓名",
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
        "owner": "负责人",
        "day": "日期",
        "last_touch": "上次接触",
        "next_due": "下次跟进",
        "why_due": "跟进依据",
        "no_purchase": "尚未购买",
        "by_segment": "按 RFM 分群的客户数",
        "policies_title": "策略",
    },
}


def occasion_text(occasion: UpcomingOccasion, lang: str) -> str:
    """``birthday 11-28 (46)``: what, when and which birthday or anniversary."""
    whose = "" if occasion.whose == "self" else f" {occasion.whose}"
    number = "" if occasion.number is None else f" ({occasion.number})"
    return f"{label(occasion.kind, lang)}{whose} {occasion.on:%m-%d}{number}"  # type: ignore[arg-type]


def machine_row(customer: Customer, portfolio: Portfolio, lang: str) -> dict[str, Any]:
    """One customer as plain data: stable values, not labels (reasons in the chosen language).

    ``days_overdue`` is ``as_of`` minus ``next_due``: negative while a follow-up is not
    due yet (as :func:`custrel.frames.follow_up_frame` gives it); both are empty for a
    customer without a grade. ``loyalty_known`` is ``"2/6"``: measures known, of all.
    """
    rfm, touch = customer.rfm, customer.last_touch
    opportunities, contacts, purchases, complaints = customer.counts
    known, of = customer.loyalty_known
    return {
        "customer_id": customer.customer_id,
        "name": customer.name,
        "owner": customer.owner,
        "grade": None if customer.grade is None else customer.grade.value,
        "tier": customer.tier.value,
        "stage": customer.stage.value,
        "signals": [signal.value for signal in customer.signals],
        "loyalty": None if customer.loyalty is None else str(customer.loyalty),
        "loyalty_known": None if customer.loyalty is None else f"{known}/{of}",
        "value": str(customer.value),
        "r": None if rfm is None else rfm.r,
        "f": None if rfm is None else rfm.f,
        "m": None if rfm is None else rfm.m,
        "segment": None if customer.segment is None else customer.segment.name,
        "last_touch": None if touch is None else touch.on.isoformat(),
        "last_touch_kind": None if touch is None else touch.kind.value,
        "next_due": None if customer.next_due is None else customer.next_due.isoformat(),
        "days_overdue": customer.days_overdue,
        "provisional": customer.provisional,
        "why_due": why_due(customer, portfolio, lang) or None,
        "occasions": [f"{o.kind.value} {o.on.isoformat()}" for o in customer.occasions],
        "opportunities": opportunities,
        "contacts": contacts,
        "purchases": purchases,
        "complaints": complaints,
        "grade_reason": customer.grade_reason,
        "stage_reason": customer.stage_reason,
        "loyalty_reason": customer.loyalty_reason,
    }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def neutralised(cell: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula (OWASP's CSV injection advice).

    A text beginning with ``= + - @``, a tab or a carriage return gets a leading
    apostrophe; a plain number with a sign (``-12.50``, ``+3``: ASCII digits, at most
    one point, nothing else) is left as it is.
    """
    if not cell.startswith(_FORMULA_START) or _PLAIN_NUMBER.fullmatch(cell):
        return cell
    return "'" + cell


def partial(portfolio: Portfolio, lang: str) -> str | None:
    """What a report built on partial data says first; None when nothing was lost."""
    lost = portfolio.reading.lost()
    if not lost:
        return None
    t = TEXT[lang]
    sep = "，" if lang == "zh" else ", "
    what = sep.join(t[kind].format(n=n, s="" if n == 1 else "s") for kind, n in lost.items())
    return t["partial"].format(what=what)


def write_jsonl(
    customers: Iterable[Customer], out: TextIO, portfolio: Portfolio, lang: str
) -> None:
    """One JSON object a line; first, when data was lost, ``{"partial_data": {...}}``."""
    lost = portfolio.reading.lost()
    if lost:
        out.write(json.dumps({"partial_data": lost}) + "\n")
    for customer in customers:
        out.write(json.dumps(machine_row(customer, portfolio, lang), ensure_ascii=False))
        out.write("\n")


def write_csv(
    customers: Iterable[Customer], out: TextIO, portfolio: Portfolio, lang: str, *, bom: bool
) -> None:
    """A header and one row a customer; lists joined with ``;``.

    UTF-8 with a byte-order mark unless ``bom`` is false, so that Excel on Windows
    opens Chinese text right; text cells that a spreadsheet would run as a formula
    are :func:`neutralised`. When data was lost, a first comment line says what
    (``# Partial data: ...``).
    """
    if bom:
        out.write("\ufeff")
    note = partial(portfolio, "en")
    if note is not None:
        out.write(f"# {note}\n")
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    for customer in customers:
        row = machine_row(customer, portfolio, lang)
        writer.writerow(_cell(row[name]) for name in FIELDS)


def _cell(value: object) -> object:
    """One CSV cell: a list joined with ``;``, nothing as empty, text neutralised."""
    if isinstance(value, list):
        value = ";".join(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralised(value) if isinstance(value, str) else value


def _width(text: str) -> int:
    """Columns a text takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def shown(text: str) -> str:
    r"""Text for a terminal: control characters as escapes (``\t``, ``\x1b``), never run.

    A tab, a line break or an escape sequence in a name would break the table's
    columns or drive the terminal (``\x1b[2J`` clears the screen).
    """
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or unicodedata.category(ch) == "Zs" else repr(ch)[1:-1]
        for ch in text
    )


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain-text table with aligned columns; control characters shown as escapes."""
    rows = [[shown(cell) for cell in row] for row in rows]
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
    """The title line (without a title: what and when), and what data was lost if any."""
    t = TEXT[lang]
    what = "" if title is None else f"{title} — "
    note = partial(portfolio, lang)
    comma = "，" if lang == "zh" else ", "
    return (
        f"{what}{t['as_of']} {portfolio.as_of.isoformat()} — "
        f"{len(portfolio.customers):,} {t['customers']}{comma}{portfolio.records:,} {t['records']}"
        + ("" if note is None else f"\n{note}")
    )


def footer(portfolio: Portfolio, lang: str) -> str:
    """The policies applied, in people's words (see :func:`_words.policies_text`)."""
    sep = "：" if lang == "zh" else ": "
    lines = policies_text(portfolio, lang)
    return f"{TEXT[lang]['policies_title']}{sep}" + "\n  ".join(lines)


def agenda_table(customers: list[Customer], portfolio: Portfolio, lang: str) -> str:
    """The agenda for people: who to follow up first, and what to know about them."""
    t = TEXT[lang]
    if not customers:
        return t["none_due"]
    keys = (
        "customer",
        "name",
        "owner",
        "grade",
        "overdue",
        "last_touch",
        "next_due",
        "value",
        "tier",
        "stage",
        "signals",
        "loyalty",
        "occasions",
        "why_due",
    )
    sep = "、" if lang == "zh" else ", "
    rows = [
        [
            c.customer_id,
            c.name or "",
            c.owner or "",
            c.grade.value if c.grade else "",
            "" if c.days_overdue is None else str(c.days_overdue),
            touch_text(c, lang),
            "" if c.next_due is None else c.next_due.isoformat(),
            str(c.value),
            label(c.tier, lang),  # type: ignore[arg-type]
            label(c.stage, lang),  # type: ignore[arg-type]
            sep.join(label(s, lang) for s in c.signals),  # type: ignore[arg-type]
            loyalty_text(c),
            sep.join(occasion_text(o, lang) for o in c.occasions),
            why_due(c, portfolio, lang),
        ]
        for c in customers
    ]
    return table([t[k] for k in keys], rows)


def report_table(customers: list[Customer], portfolio: Portfolio, lang: str) -> str:
    """Every customer, one row each."""
    t = TEXT[lang]
    keys = (
        "customer",
        "name",
        "owner",
        "grade",
        "tier",
        "stage",
        "signals",
        "loyalty",
        "value",
        "segment",
        "last_touch",
        "next_due",
        "overdue",
        "why_due",
    )
    sep = "、" if lang == "zh" else ", "
    rows = [
        [
            c.customer_id,
            c.name or "",
            c.owner or "",
            c.grade.value if c.grade else "",
            label(c.tier, lang),  # type: ignore[arg-type]
            label(c.stage, lang),  # type: ignore[arg-type]
            sep.join(label(s, lang) for s in c.signals),  # type: ignore[arg-type]
            loyalty_text(c),
            str(c.value),
            ""
            if c.segment is None
            else (c.segment.label_zh if lang == "zh" else c.segment.label_en),
            touch_text(c, lang),
            "" if c.next_due is None else c.next_due.isoformat(),
            "" if not c.is_due else str(c.days_overdue),
            why_due(c, portfolio, lang),
        ]
        for c in customers
    ]
    return table([t[k] for k in keys], rows)


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
                [t["day"], t["customer"], t["name"], t["occasions"]],
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
    policy = portfolio.policies.rfm_segments
    segments = Counter(c.segment.name for c in portfolio.customers if c.segment is not None)
    no_purchase = sum(1 for c in portfolio.customers if c.rfm is None)
    return {
        "by_grade": [(g.value, grades[g]) for g in Grade] + [(t["no_grade"], grades[None])],
        "by_tier": [(label(tier, lang), tiers[tier]) for tier in Tier],  # type: ignore[arg-type]
        "by_stage": [(label(s, lang), stages[s]) for s in Stage],  # type: ignore[arg-type]
        "by_segment": [
            (segment.label_zh if lang == "zh" else segment.label_en, segments[segment.name])
            for segment in policy.segments
        ]
        + [(t["no_purchase"], no_purchase)],
    }


def summary(portfolio: Portfolio, lang: str) -> str:
    """Customers per grade, tier and stage, one line each."""
    t = TEXT[lang]
    sep = "：" if lang == "zh" else ": "
    return "\n".join(
        f"{t[key]}{sep}" + " · ".join(f"{name} {n}" for name, n in pairs)
        for key, pairs in counts(portfolio, lang).items()
    )
