"""The HTML page's tables: every due customer, the occasions to greet, the policies; private.

The agenda table holds every due customer, in the agenda's order, so the page reads
whole with JavaScript off; the inline script of :mod:`custrel._cli._html_script` then
sorts, filters and pages it in the browser. Each cell that sorts by something other
than its text (a number, a tier's rank) carries that key in ``data-v``.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from custrel._cli._render import TEXT, occasion_text
from custrel._cli._words import loyalty_text, policies_text, touch_text, why_due
from custrel.labels import label
from custrel.lifecycle import Stage
from custrel.tiering import Tier

if TYPE_CHECKING:
    from custrel._cli._portfolio import Customer, Portfolio
    from custrel.labels import Language

# The page's own words: its controls and marks, which no terminal output has.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "previous": "Previous",
        "next": "Next",
        "all": "All",
        "none": "(none)",
        "search": "Search id or name",
        "rows": "rows {a}\u2013{b} of {n}",
        "no_rows": "no matching rows",
        "provisional": "provisional",
        "provisional_why": (
            "the {year} holiday schedule is not published yet: the day is provisional"
        ),
        "day": "day",
        "sort": "click a column header to sort, click again to reverse",
    },
    "zh": {
        "previous": "上一页",
        "next": "下一页",
        "all": "全部",
        "none": "（无）",
        "search": "搜索客户编号或姓名",
        "rows": "第 {a}\u2013{b} 行，共 {n} 行",
        "no_rows": "没有符合条件的行",
        "provisional": "暂定",
        "provisional_why": "{year}年放假安排尚未公布：该日期为暂定",
        "day": "日期",
        "sort": "点击列标题排序，再次点击反向排序",
    },
}

PAGE_SIZE = 50  # agenda rows a page shows at once

# Each column: its TEXT key and how it sorts ("num", "text"; "" for none).
_COLUMNS = (
    ("customer", "text"),
    ("name", "text"),
    ("owner", "text"),
    ("grade", "text"),
    ("overdue", "num"),
    ("last_touch", "text"),
    ("next_due", "text"),
    ("value", "num"),
    ("tier", "num"),
    ("stage", "num"),
    ("signals", "text"),
    ("loyalty", "num"),
    ("occasions", "text"),
    ("why", ""),
)
_FILTERS = ("owner", "grade", "stage")  # the columns a select filters on


def _cell(text: str, *, key: object = None, title: str | None = None, cls: str = "") -> str:
    """One ``<td>``: escaped text, an optional sort key, tooltip and class."""
    attrs = "" if key is None else f' data-v="{escape(str(key))}"'
    attrs += "" if not title else f' title="{escape(title)}"'
    attrs += f' class="{cls}"' if cls else ""
    return f"<td{attrs}>{text}</td>"


def _filter_values(customer: Customer, lang: Language) -> dict[str, str]:
    """What the owner, grade and stage selects match in a row."""
    return {
        "owner": customer.owner or "",
        "grade": customer.grade.value if customer.grade else "",
        "stage": label(customer.stage, lang),
    }


def _row(portfolio: Portfolio, c: Customer, lang: Language) -> str:
    """One due customer: every column, and why they are due in a details cell."""
    words = WORDS[lang]
    tier_reason = portfolio.tier_reason(c, lang)
    due_reason = why_due(c, portfolio, lang)
    reasons = [
        r for r in (due_reason, c.grade_reason, tier_reason, c.stage_reason, c.loyalty_reason) if r
    ]
    signals = "".join(f'<span class="tag">{escape(label(s, lang))}</span>' for s in c.signals)
    occasions = "<br>".join(escape(occasion_text(o, lang)) for o in c.occasions)
    due = "" if c.next_due is None else c.next_due.isoformat()
    if c.provisional and c.next_due is not None:
        why = words["provisional_why"].format(year=c.next_due.year)
        due += (
            f' <span class="tag prov" title="{escape(why)}">{escape(words["provisional"])}</span>'
        )
    touch = c.last_touch
    data = "".join(
        f' data-{key}="{escape(value)}"' for key, value in _filter_values(c, lang).items()
    )
    cells = [
        _cell(escape(c.customer_id)),
        _cell(escape(c.name or "")),
        _cell(escape(c.owner or "")),
        _cell(c.grade.value if c.grade else "", title=c.grade_reason),
        _cell(str(c.days_overdue), key=c.days_overdue, cls="n"),
        _cell(escape(touch_text(c, lang)), key="" if touch is None else touch.on.isoformat()),
        _cell(due, key="" if c.next_due is None else c.next_due.isoformat()),
        _cell(escape(str(c.value)), key=c.value, cls="n"),
        _cell(escape(label(c.tier, lang)), key=list(Tier).index(c.tier), title=tier_reason),
        _cell(escape(label(c.stage, lang)), key=list(Stage).index(c.stage), title=c.stage_reason),
        _cell(signals, cls="wrap"),
        _cell(
            escape(loyalty_text(c)),
            key="" if c.loyalty is None else c.loyalty,
            title=c.loyalty_reason,
            cls="n",
        ),
        _cell(occasions, key=min((o.on.isoformat() for o in c.occasions), default="")),
        _cell(
            f"<details><summary>{escape(TEXT[lang]['why'])}</summary><ul>"
            + "".join(f"<li>{escape(r)}</li>" for r in reasons)
            + "</ul></details>",
            cls="wrap why",
        ),
    ]
    return f"<tr{data}>" + "".join(cells) + "</tr>"


def _select(key: str, values: list[str], lang: Language) -> str:
    """A filter: "All", then each value present, by its column's order."""
    words = WORDS[lang]
    options = [f"<option>{escape(words['all'])}</option>"] + [
        f'<option value="{escape(v)}">{escape(v or words["none"])}</option>' for v in values
    ]
    return (
        f'<label>{escape(TEXT[lang][key])} <select data-key="{key}">'
        + "".join(options)
        + "</select></label>"
    )


def agenda(portfolio: Portfolio, lang: Language) -> str:
    """Every due customer as one table, with the controls the script brings to life."""
    text, words = TEXT[lang], WORDS[lang]
    customers = portfolio.agenda
    if not customers:
        return f"<p>{escape(text['none_due'])}</p>"
    present = [_filter_values(c, lang) for c in customers]
    order = {
        "owner": sorted({p["owner"] for p in present}),
        "grade": sorted({p["grade"] for p in present}),
        "stage": [
            v for v in (label(s, lang) for s in Stage) if any(p["stage"] == v for p in present)
        ],
    }
    heads = "".join(
        f'<th data-type="{kind}" tabindex="0">{escape(text[key])}</th>'
        if kind
        else f"<th>{escape(text[key])}</th>"
        for key, kind in _COLUMNS
    )
    tools = (
        '<div class="tools" id="agenda-tools" hidden>'
        + "".join(_select(key, order[key], lang) for key in _FILTERS)
        + f'<input type="search" placeholder="{escape(words["search"])}"'
        f' aria-label="{escape(words["search"])}">'
        f'<span class="hint">{escape(words["sort"])}</span></div>'
    )
    pager = (
        f'<div class="pager" id="agenda-pager" hidden data-size="{PAGE_SIZE}"'
        f' data-rows="{escape(words["rows"])}" data-none="{escape(words["no_rows"])}">'
        f'<button type="button" data-step="-1">{escape(words["previous"])}</button>'
        '<span class="info"></span>'
        f'<button type="button" data-step="1">{escape(words["next"])}</button></div>'
    )
    rows = "".join(_row(portfolio, c, lang) for c in customers)
    return (
        tools
        + '<div class="scroll"><table id="agenda"><thead><tr>'
        + heads
        + "</tr></thead><tbody>"
        + rows
        + "</tbody></table></div>"
        + pager
    )


def occasions(portfolio: Portfolio, lang: Language, within: int) -> str:
    """Everyone with an occasion in the next ``within`` days, by day (as the terminal lists)."""
    text, words = TEXT[lang], WORDS[lang]
    found = sorted(
        ((o, c) for c in portfolio.owned for o in c.occasions),
        key=lambda pair: (pair[0].on, pair[1].customer_id),
    )
    title = f'<h2 id="occasions">{escape(text["upcoming"].format(days=within))}</h2>'
    if not found:
        return title + "<p>—</p>"
    heads = (words["day"], text["customer"], text["name"], text["occasions"])
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(cell)}</td>"
            for cell in (o.on.isoformat(), c.customer_id, c.name or "", occasion_text(o, lang))
        )
        + "</tr>"
        for o, c in found
    )
    return (
        title
        + '<div class="scroll"><table class="occasions"><thead><tr>'
        + "".join(f"<th>{escape(h)}</th>" for h in heads)
        + "</tr></thead><tbody>"
        + rows
        + "</tbody></table></div>"
    )


def policies(portfolio: Portfolio, lang: Language) -> str:
    """The policies the page applied, with their fingerprints, as its footer."""
    lines = policies_text(portfolio, lang)
    return (
        f"<footer><h2>{escape(TEXT[lang]['policies_title'])}</h2><ul>"
        + "".join(f"<li>{escape(line)}</li>" for line in lines)
        + "</ul></footer>"
    )
