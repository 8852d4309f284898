"""The HTML report: one self-contained page, charts in plain inline SVG; private.

Plain SVG rather than matplotlib: the page needs no plotting library (``custrel
report --html`` works on a bare install), its text is real text the browser sets in
the reader's fonts (Chinese included, where matplotlib would need a CJK font
configured), hover titles come free, and the output is small and byte-for-byte
reproducible. :mod:`custrel.plot` draws the same counts with matplotlib for notebooks.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from custrel import _charts
from custrel._cli import _html_table
from custrel._cli._html_script import SCRIPT, STYLE
from custrel._cli._render import TEXT, counts, header, partial
from custrel.grading import Grade
from custrel.labels import label
from custrel.tiering import Tier

if TYPE_CHECKING:
    from custrel._cli._portfolio import Portfolio
    from custrel.labels import Language

_TIER_COLOURS = {
    Tier.VIP: "#b8860b",
    Tier.MAJOR: "#4e79a7",
    Tier.ORDINARY: "#76b7b2",
    Tier.SMALL: "#bab0ac",
}
# prospect, new, active, growing, at risk, lapsed, won back
_STAGE_COLOURS = ("#a0cbe8", "#4e79a7", "#59a14f", "#2e7d32", "#f28e2b", "#e15759", "#b07aa1")


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}"'
        f' height="{height}" style="max-width:100%;height:auto" role="img"'
        f' aria-label="{escape(title)}">' + "".join(body) + "</svg>"
    )


def _pyramid(portfolio: Portfolio, lang: Language) -> str:
    """The value pyramid, drawn as one: VIP at the apex, small customers at the base."""
    tiers = _charts.member_counts((c.tier for c in portfolio.customers), Tier, "tiers")
    values = dict.fromkeys(Tier, Decimal(0))
    for customer in portfolio.customers:
        values[customer.tier] += max(customer.value, Decimal(0))
    total_n = sum(tiers.values()) or 1
    total_v = sum(values.values()) or 1
    text = TEXT[lang]
    width, height, top, base, left = 560, 300, 10, 290, 10
    cx, half = left + 140, 140
    band = (base - top) / len(Tier)
    body = []
    for index, tier in enumerate(Tier):
        y0, y1 = top + band * index, top + band * (index + 1)
        w0, w1 = half * (y0 - top) / (base - top), half * (y1 - top) / (base - top)
        points = f"{cx - w0:.1f},{y0:.1f} {cx + w0:.1f},{y0:.1f} {cx + w1:.1f},{y1:.1f} {cx - w1:.1f},{y1:.1f}"
        n, share = tiers[tier], 100 * tiers[tier] / total_n
        value_share = 100 * values[tier] / total_v
        name = label(tier, lang)
        tip = f"{name}: {n} {text['count']} ({share:.0f}% {text['share']}), {value_share:.0f}% {text['value_share']}"
        body.append(
            f'<polygon points="{points}" fill="{_TIER_COLOURS[tier]}" stroke="#fff" stroke-width="2">'
            f"<title>{escape(tip)}</title></polygon>"
        )
        ym = (y0 + y1) / 2
        body.append(
            f'<line x1="{cx + (w0 + w1) / 2 + 4:.1f}" y1="{ym:.1f}" x2="{cx + half + 20}" y2="{ym:.1f}" stroke="#bbb"/>'
            f'<text x="{cx + half + 26}" y="{ym - 6:.1f}" font-size="14" font-weight="600">{escape(name)}</text>'
            f'<text x="{cx + half + 26}" y="{ym + 13:.1f}" font-size="12" fill="#555">'
            f"{n} {escape(text['count'])} · {share:.0f}% {escape(text['share'])}</text>"
            f'<text x="{cx + half + 26}" y="{ym + 28:.1f}" font-size="12" fill="#555">'
            f"{value_share:.0f}% {escape(text['value_share'])}</text>"
        )
    return _svg(width, height, body, text["pyramid"])


def _text_width(text: str, size: int) -> float:
    """Roughly how wide a text is set: Chinese characters are square, Latin ones narrower."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.6 for ch in text)  # noqa: PLR2004 - CJK


def _bars(pairs: list[tuple[str, int, str]], title: str) -> str:
    """A horizontal bar chart: one bar per (label, count, colour)."""
    most = max((n for _, n, _ in pairs), default=0) or 1
    row, bar_w = 28, 300
    label_w = 16 + max((_text_width(name, 13) for name, _, _ in pairs), default=0)
    body = []
    for index, (name, n, colour) in enumerate(pairs):
        y = 6 + index * row
        length = bar_w * n / most
        body.append(
            f'<text x="{label_w - 8:.0f}" y="{y + 16}" font-size="13" text-anchor="end">{escape(name)}</text>'
            f'<rect x="{label_w:.0f}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" fill="{colour}" rx="2">'
            f"<title>{escape(name)}: {n}</title></rect>"
            f'<text x="{label_w + length + 6:.1f}" y="{y + 16}" font-size="12" fill="#333">{n}</text>'
        )
    return _svg(round(label_w) + bar_w + 60, 12 + row * len(pairs), body, title)


def _rfm(portfolio: Portfolio, lang: Language) -> str:
    """The R × F grid: each cell coloured by its segment, darker with more customers."""
    policy = portfolio.policies.rfm_segments
    scores = [c.rfm for c in portfolio.customers if c.rfm is not None]
    cells, named, per_segment = _charts.rfm_grid(scores, policy)
    colours = _charts.segment_colours(policy)
    text = TEXT[lang]
    bins, size, left, top = policy.bins, min(64, 320 // policy.bins), 56, 10
    most = max(cells.values(), default=0) or 1
    body = []
    for (r, f), n in cells.items():
        x, y = left + (r - 1) * size, top + (bins - f) * size
        segment = named[r, f]
        colour = "#999" if segment is None else colours[segment.name]
        name = "—" if segment is None else segment.label_zh if lang == "zh" else segment.label_en
        opacity = 0.15 + 0.85 * n / most
        body.append(
            f'<rect x="{x}" y="{y}" width="{size - 2}" height="{size - 2}" fill="{colour}"'
            f' fill-opacity="{opacity:.2f}"><title>R{r} F{f} · {escape(name)}: {n}</title></rect>'
            f'<text x="{x + size / 2 - 1:.1f}" y="{y + size / 2 + 4:.1f}" font-size="12"'
            f' text-anchor="middle">{n}</text>'
        )
    body.extend(
        f'<text x="{left + (k - 0.5) * size:.1f}" y="{top + bins * size + 16}" font-size="12"'
        f' text-anchor="middle">{k}</text>'
        f'<text x="{left - 8}" y="{top + (bins - k + 0.5) * size + 4:.1f}" font-size="12"'
        f' text-anchor="end">{k}</text>'
        for k in range(1, bins + 1)
    )
    grid_bottom = top + bins * size
    body.append(
        f'<text x="{left + bins * size / 2:.1f}" y="{grid_bottom + 34}" font-size="12"'
        f' text-anchor="middle" fill="#555">{escape(text["recency"])} →</text>'
        f'<text x="14" y="{top + bins * size / 2:.1f}" font-size="12" fill="#555"'
        f' transform="rotate(-90 14 {top + bins * size / 2:.1f})" text-anchor="middle">'
        f"{escape(text['frequency'])} →</text>"
    )
    legend_x = left + bins * size + 24
    for index, segment in enumerate(policy.segments):
        y = top + 4 + index * 22
        name = segment.label_zh if lang == "zh" else segment.label_en
        body.append(
            f'<rect x="{legend_x}" y="{y}" width="14" height="14" fill="{colours[segment.name]}"/>'
            f'<text x="{legend_x + 20}" y="{y + 12}" font-size="12">{escape(name)}'
            f" · {per_segment[segment.name]}</text>"
        )
    # Customers with no purchase have no R or F: they are counted beside the grid.
    no_purchase = sum(1 for c in portfolio.customers if c.rfm is None)
    below = top + 15 + len(policy.segments) * 22  # half a row under the legend
    body.append(
        f'<rect x="{legend_x}" y="{below}" width="14" height="14" fill="none" stroke="#999"'
        f' stroke-dasharray="2 2"/><text x="{legend_x + 20}" y="{below + 12}" font-size="12"'
        f' fill="#555">{escape(text["no_purchase"])} · {no_purchase}</text>'
    )
    height = max(grid_bottom + 44, below + 24)
    return _svg(legend_x + 220, height, body, text["rfm"])


def _segments(portfolio: Portfolio, lang: Language) -> str:
    """Customers by RFM segment, then those with no purchase yet (in grey)."""
    colours = _charts.segment_colours(portfolio.policies.rfm_segments)
    pairs = counts(portfolio, lang)["by_segment"]
    names = [segment.name for segment in portfolio.policies.rfm_segments.segments]
    shades = [colours[name] for name in names] + ["#bab0ac"]
    return _bars(
        [(name, n, shade) for (name, n), shade in zip(pairs, shades, strict=True)],
        TEXT[lang]["by_segment"],
    )


def page(portfolio: Portfolio, *, lang: Language, title: str, within: int) -> str:
    """The whole report as one HTML document, nothing loaded from elsewhere.

    ``within``: the days ahead the occasions section covers (``--within``).
    """
    text = TEXT[lang]
    tally = counts(portfolio, lang)
    grade_colours = ["#59a14f", "#8cd17d", "#edc948", "#f28e2b", "#e15759", "#bab0ac"]
    grades = [(name, n, grade_colours[i]) for i, (name, n) in enumerate(tally["by_grade"])]
    grade_names = [label(g, lang) for g in Grade] + [text["no_grade"]]
    grades = [(grade_names[i], n, colour) for i, (_, n, colour) in enumerate(grades)]
    stages = [
        (name, n, colour)
        for (name, n), colour in zip(tally["by_stage"], _STAGE_COLOURS, strict=True)
    ]
    # The header's first line says what and when; a partial-data note gets its own box.
    meta = escape(header(portfolio, None, lang)).split("\n")[0]
    note = partial(portfolio, lang)
    problems = "" if note is None else f'<p class="partial" role="alert">{escape(note)}</p>'
    html_lang = "zh-CN" if lang == "zh" else "en"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{html_lang}"><head><meta charset="utf-8">',
            f"<title>{escape(title)}</title>",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<style>{STYLE}</style></head><body>",
            f"<h1>{escape(title)}</h1>",
            problems,
            f'<p class="meta">{meta}</p>',
            '<div class="grid">',
            f"<section><h2>{escape(text['pyramid'])}</h2>{_pyramid(portfolio, lang)}</section>",
            f"<section><h2>{escape(text['rfm'])}</h2>{_rfm(portfolio, lang)}</section>",
            f"<section><h2>{escape(text['by_grade'])}</h2>{_bars(grades, text['by_grade'])}</section>",
            f"<section><h2>{escape(text['by_stage'])}</h2>{_bars(stages, text['by_stage'])}</section>",
            f"<section><h2>{escape(text['by_segment'])}</h2>{_segments(portfolio, lang)}</section>",
            "</div>",
            f'<h2 id="agenda-title">{escape(text["agenda"])} ({len(portfolio.agenda):,})</h2>',
            _html_table.agenda(portfolio, lang),
            _html_table.occasions(portfolio, lang, within),
            _html_table.policies(portfolio, lang),
            f"<script>{SCRIPT}</script>",
            "</body></html>",
            "",
        ]
    )
