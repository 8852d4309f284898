"""The HTML page (issue 25): every due customer, sorted, filtered and paged in the page.

The page is built through the command line (``main``); a test that needs the judged
portfolio itself catches it on its way to :func:`custrel._cli._html.page`.
"""

from __future__ import annotations

import io as stdio
import re
from datetime import date
from html import escape
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from custrel.__main__ import main
from custrel._cli import _html, _html_table, _portfolio, _sample
from custrel._cli._words import USED_POLICIES, policies_text
from custrel.tiering import explain_tier
from custrel.tiering._explain import tier_explainer

if TYPE_CHECKING:
    import pathlib

    from custrel._cli._portfolio import Portfolio

AS_OF = date(2026, 11, 20)


def call(*args: str) -> tuple[int, str]:
    """``main(ARGS)``: the status and standard output."""
    out = stdio.StringIO()
    status = main(list(args), stdout=out, stderr=stdio.StringIO())
    return status, out.getvalue()


def build(*args: str, tmp_path: pathlib.Path, name: str = "page.html") -> str:
    """The page ``main(ARGS --html FILE --quiet)`` writes."""
    path = tmp_path / name
    status, _ = call(*args, "--html", str(path), "--quiet")
    assert status == 0
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """A generated portfolio of 300 customers: more due customers than a page shows."""
    folder = tmp_path_factory.mktemp("generated")
    _sample.write_portfolio(folder, 300, seed=7, as_of=AS_OF)
    return folder


def judge(monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path, *args: str) -> Portfolio:
    """The demo's judged portfolio, as the command line hands it to the page."""
    caught: list[Portfolio] = []
    real = _html.page

    def catch(portfolio: Portfolio, **kwargs: Any) -> str:
        caught.append(portfolio)
        return real(portfolio, **kwargs)

    monkeypatch.setattr(_html, "page", catch)  # main calls it as _html.page
    build("demo", *args, tmp_path=tmp_path)
    return caught[0]


@pytest.fixture
def judged(monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> Portfolio:
    """The demo judged in English (its reasons are in English)."""
    return judge(monkeypatch, tmp_path)


@pytest.fixture
def judged_zh(monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> Portfolio:
    """The demo judged in Chinese (its reasons are in Chinese)."""
    return judge(monkeypatch, tmp_path, "--lang", "zh")


def agenda_ids(html: str) -> list[str]:
    """The customer ids of the agenda table's rows, in page order."""
    body = html.split('<table id="agenda">', 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<tr data-owner="[^"]*"[^>]*><td>([^<]+)</td>', body)


def due_ids(*args: str) -> list[str]:
    """The due customers' ids, as the CSV agenda lists them (every row: no --limit)."""
    _, out = call(*args, "--format", "jsonl", "--quiet")
    return re.findall(r'"customer_id": "([^"]+)"', out)


def visible_text(html: str) -> str:
    """What a reader can see or hover: text, titles, placeholders, the pager's templates."""
    html = re.sub(r"<(script|style)>.*?</\1>", " ", html, flags=re.DOTALL)
    shown = re.findall(r'(?:title|placeholder|aria-label|data-rows|data-none)="([^"]*)"', html)
    return re.sub(r"<[^>]+>", " ", html) + " " + " ".join(shown)


# Every due customer, once ------------------------------------------------------------------


def test_every_due_customer_of_the_demo_is_one_row_in_agenda_order(tmp_path: pathlib.Path) -> None:
    html = build("demo", tmp_path=tmp_path)
    due = due_ids("demo")
    assert len(due) > _html_table.PAGE_SIZE  # more than one page: the script pages them
    assert agenda_ids(html) == due
    table = html.split('<table id="agenda">', 1)[1].split("</table>", 1)[0]
    for customer_id in due:
        assert table.count(f"<td>{customer_id}</td>") == 1


def test_limit_cuts_the_terminal_agenda_but_not_the_page(
    generated: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    args = ("agenda", str(generated), "--as-of", AS_OF.isoformat())
    html = build(*args, "--limit", "3", tmp_path=tmp_path)
    due = due_ids(*args)
    assert len(due) > 3
    assert agenda_ids(html) == due
    assert f"({len(due):,})</h2>" in html
    assert "--limit" not in html


def test_each_row_has_every_column_and_its_sort_keys(tmp_path: pathlib.Path) -> None:
    html = build("demo", tmp_path=tmp_path)
    table = html.split('<table id="agenda">', 1)[1].split("</table>", 1)[0]
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", table)
    assert heads == [
        "customer",
        "name",
        "owner",
        "grade",
        "days overdue",
        "last touch",
        "next due",
        "value",
        "tier",
        "stage",
        "churn signals",
        "loyalty",
        "occasions",
        "why",
    ]
    assert table.count('data-type="num"') == 5  # overdue, value, tier, stage, loyalty
    rows = table.split("<tr data-owner=")[1:]
    assert all(row.count("<td") == len(heads) for row in rows)
    assert re.search(r'<td data-v="\d+" class="n">\d+</td>', rows[0])  # days overdue
    assert re.search(r'title="[^"]+" class="n">\d+ · \d/\d</td>', table)  # loyalty, its reason
    assert "<details><summary>why</summary><ul><li>grade " in table  # why due comes first


def test_the_filters_offer_the_values_present(judged: Portfolio, tmp_path: pathlib.Path) -> None:
    html = build("demo", tmp_path=tmp_path)
    owners = sorted({c.owner or "" for c in judged.agenda})
    select = html.split('<select data-key="owner">', 1)[1].split("</select>", 1)[0]
    assert select == "<option>All</option>" + "".join(
        f'<option value="{o}">{o or "(none)"}</option>' for o in owners
    )
    assert '<select data-key="grade">' in html
    assert '<select data-key="stage">' in html
    assert '<input type="search" placeholder="Search id or name"' in html


def test_the_controls_are_hidden_until_the_script_runs(tmp_path: pathlib.Path) -> None:
    html = build("demo", tmp_path=tmp_path)
    assert '<div class="tools" id="agenda-tools" hidden>' in html
    assert '<div class="pager" id="agenda-pager" hidden data-size="50"' in html
    assert 'data-rows="rows {a}\u2013{b} of {n}"' in html
    assert "tools.hidden = false;" in html


def test_a_provisional_due_day_is_marked(judged: Portfolio) -> None:
    customer = judged.agenda[0]
    assert customer.next_due is not None
    customer.provisional = True
    html = _html.page(judged, lang="en", title="t", within=30)
    year = customer.next_due.year
    assert (
        f'{customer.next_due.isoformat()} <span class="tag prov" title="the {year} holiday'
        ' schedule is not published yet: the day is provisional">provisional</span>'
    ) in html
    zh = _html.page(judged, lang="zh", title="t", within=30)
    assert f'title="{year}年放假安排尚未公布：该日期为暂定">暂定</span>' in zh


def test_rows_without_owner_touch_or_loyalty_read_empty(judged: Portfolio) -> None:
    customer = judged.agenda[0]
    customer.owner = None
    customer.last_touch = None
    customer.loyalty = None
    customer.loyalty_reason = None
    html = _html.page(judged, lang="en", title="t", within=30)
    assert '<option value="">(none)</option>' in html
    row = html.split(f"<td>{customer.customer_id}</td>", 1)[1].split("</tr>", 1)[0]
    assert '<td data-v=""></td>' in row  # no last touch
    assert '<td data-v="" class="n"></td>' in row  # no loyalty


# One self-contained, reproducible file -----------------------------------------------------


def test_the_page_is_self_contained(tmp_path: pathlib.Path) -> None:
    html = build("demo", tmp_path=tmp_path)
    assert html.count("<script>") == 1
    assert html.count("<style>") == 1
    assert "src=" not in html
    assert "href=" not in html
    assert "<link" not in html
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_is_identical_across_runs(lang: str, tmp_path: pathlib.Path) -> None:
    first = build("demo", "--lang", lang, tmp_path=tmp_path, name="a.html")
    second = build("demo", "--lang", lang, tmp_path=tmp_path, name="b.html")
    assert first == second


# A phone's width ---------------------------------------------------------------------------


def test_the_page_fits_a_phone(tmp_path: pathlib.Path) -> None:
    """The CSS a 390-px screen needs (the screenshots are the real check)."""
    html = build("demo", tmp_path=tmp_path)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr))" in html
    assert ".grid > section {{ min-width: 0; }}".replace("{{", "{").replace("}}", "}") in html
    assert "svg { max-width: 100%; height: auto; }" in html
    assert ".scroll { overflow-x: auto; max-width: 100%; }" in html
    assert "td.wrap { white-space: normal;" in html
    assert html.count("<table") == html.count('<div class="scroll"><table')


# Chinese -----------------------------------------------------------------------------------

ENGLISH_UI = (
    "Previous",
    "Next",
    "All",
    "none",
    "rows",
    "Search",
    "provisional",
    "Policies",
    "fingerprints",
    "owner",
    "overdue",
    "touch",
    "due",
    "why",
    "value",
    "tier",
    "stage",
    "loyalty",
    "occasions",
    "day",
    "customers",
    "purchase",
    "click",
    "grade",
)


def test_the_chinese_page_has_no_english_words(judged_zh: Portfolio) -> None:
    judged_zh.agenda[0].provisional = True
    judged_zh.agenda[1].owner = None
    html = _html.page(judged_zh, lang="zh", title="演示", within=30)
    text = visible_text(html)
    found = {w for w in ENGLISH_UI if re.search(rf"\b{w}\b", text, flags=re.IGNORECASE)}
    assert found == set()
    for words in (
        "上一页",
        "下一页",
        "全部",
        "（无）",
        "第 {a}\u2013{b} 行，共 {n} 行",
        "暂定",
        "策略",
    ):
        assert words in html
    assert '<html lang="zh-CN">' in html


def test_the_english_list_does_find_the_english_page(judged: Portfolio) -> None:
    text = visible_text(_html.page(judged, lang="en", title="demo", within=30))
    for word in ("Previous", "Next", "All", "rows", "Policies", "fingerprints"):
        assert re.search(rf"\b{word}\b", text), word


# Occasions, policies, RFM ------------------------------------------------------------------


def terminal_occasions(out: str) -> list[list[str]]:
    """The terminal's occasions table: [day, customer, name, occasion] a row."""
    lines = out.split("Occasions to greet in the next 30 days\n", 1)[1].split("\n\n", 1)[0]
    return [re.split(r" {2,}", line.strip()) for line in lines.splitlines()[2:]]


def page_occasions(html: str) -> list[list[str]]:
    body = html.split('<table class="occasions">', 1)[1].split("</tbody>", 1)[0]
    return [re.findall(r"<td>([^<]*)</td>", row) for row in body.split("<tr>")[2:]]


def test_the_occasions_section_lists_what_the_terminal_lists(tmp_path: pathlib.Path) -> None:
    html = build("demo", tmp_path=tmp_path)
    _, out = call("demo", "--quiet")
    listed = terminal_occasions(out)
    assert listed
    assert '<h2 id="occasions">Occasions to greet in the next 30 days</h2>' in html
    assert [[day, cid, occasion] for day, cid, _, occasion in page_occasions(html)] == [
        [row[0], row[1], row[-1]] for row in listed
    ]


def test_the_occasions_window_is_the_one_asked(tmp_path: pathlib.Path) -> None:
    html = build("demo", "--within", "7", tmp_path=tmp_path)
    assert "Occasions to greet in the next 7 days" in html


def test_an_empty_portfolio_says_nothing_is_due_and_no_occasion(judged: Portfolio) -> None:
    empty = attrs.evolve(judged, customers=[], agenda=[], values={})
    html = _html.page(empty, lang="en", title="t", within=30)
    assert "<p>No follow-up is due.</p>" in html
    assert "next 30 days</h2><p>—</p>" in html
    assert 'id="agenda"' not in html  # the script then finds no table and stops


def test_the_footer_holds_the_policies_and_their_fingerprints(judged: Portfolio) -> None:
    for lang in ("en", "zh"):
        html = _html.page(judged, lang=lang, title="t", within=30)
        footer = html.split("<footer>", 1)[1].split("</footer>", 1)[0]
        for line in policies_text(judged, lang):
            assert f"<li>{escape(line)}</li>" in footer
        every = judged.policies.fingerprints()
        for name in USED_POLICIES:
            assert every[name] in footer
    assert "fingerprints" not in html.split("<footer>", 1)[0]


def test_customers_with_no_purchase_are_counted_beside_the_rfm_grid(
    judged: Portfolio,
) -> None:
    buyers = sum(1 for c in judged.customers if c.rfm is not None)
    no_purchase = len(judged.customers) - buyers
    assert 0 < no_purchase < len(judged.customers)
    html = _html.page(judged, lang="en", title="t", within=30)
    rfm = html.split("<h2>RFM segments", 1)[1].split("</section>", 1)[0]
    cells = [int(n) for n in re.findall(r"<title>R\d F\d · [^:]+: (\d+)</title>", rfm)]
    assert sum(cells) == buyers
    assert f"no purchase yet · {no_purchase}</text>" in rfm
    segments = html.split("<h2>Customers by RFM segment</h2>", 1)[1].split("</section>", 1)[0]
    assert f"<title>no purchase yet: {no_purchase}</title>" in segments
    zh = _html.page(judged, lang="zh", title="t", within=30)
    assert f"尚未购买 · {no_purchase}</text>" in zh


def test_the_tier_reason_is_the_full_explanation_and_prepared_once(judged: Portfolio) -> None:
    customer = judged.agenda[0]
    expected = explain_tier(
        customer.customer_id, values=judged.values, policy=judged.policies.tiers
    )
    assert judged.tier_reason(customer, "en") == expected.reason_en
    assert judged.tier_reason(customer, "zh") == expected.reason_zh
    html = _html.page(judged, lang="en", title="t", within=30)
    assert f'title="{expected.reason_en}"' in html


def test_the_portfolio_is_ranked_once_for_every_tier_reason(
    judged: Portfolio, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = tier_explainer

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(_portfolio, "tier_explainer", counted)
    fresh = attrs.evolve(judged)
    _html.page(fresh, lang="en", title="t", within=30)
    _html.page(fresh, lang="zh", title="t", within=30)
    assert len(fresh.agenda) > 1
    assert len(calls) == 1
