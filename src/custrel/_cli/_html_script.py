"""The HTML page's inline style and script: phone widths, and the agenda's sort, filter, pages.

Both are plain text written into the page: no library, nothing fetched, no clock or
random number, so the page stays one self-contained, reproducible file. Without
JavaScript the controls stay hidden and every row shows, in the agenda's order.
"""

from __future__ import annotations

FONT = (
    'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "WenQuanYi Micro Hei",'
    ' "PingFang SC", "Microsoft YaHei", sans-serif'
)

# A phone (390 px) never scrolls the page sideways: the chart grid's columns shrink to
# the screen, charts scale down, and a table scrolls inside its own box.
STYLE = f"""
body {{ font-family: {FONT}; margin: 2rem auto; max-width: 1200px; color: #222; padding: 0 1rem;
  overflow-wrap: anywhere; }}
h1 {{ font-size: 1.6rem; margin-bottom: .2rem; }}
h2 {{ font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }}
.meta {{ color: #555; font-size: .9rem; }}
.partial {{ background: #fdecea; border-left: 4px solid #c62828; color: #7f1d1d; padding: .6rem .8rem; font-weight: 600; }}
.grid {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr)); gap: 1rem 2rem; }}
.grid > section {{ min-width: 0; }}
svg {{ max-width: 100%; height: auto; }}
.scroll {{ overflow-x: auto; max-width: 100%; }}
table {{ border-collapse: collapse; font-size: .88rem; width: 100%; }}
table.occasions {{ width: auto; }}
th, td {{ text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eee; vertical-align: top;
  white-space: nowrap; overflow-wrap: normal; }}
td.wrap {{ white-space: normal; min-width: 10rem; }}
td.why {{ min-width: 16rem; }}
th {{ background: #f5f5f5; }}
th[data-type] {{ cursor: pointer; }}
th[aria-sort="ascending"]::after {{ content: " ▲"; }}
th[aria-sort="descending"]::after {{ content: " ▼"; }}
td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
td[title] {{ text-decoration: underline dotted #999; cursor: help; }}
details summary {{ cursor: pointer; color: #4e79a7; white-space: nowrap; }}
details ul {{ margin: .3rem 0; padding-left: 1.2rem; color: #444; }}
.tag {{ display: inline-block; padding: 0 .4rem; border-radius: .6rem; background: #fde2e1; color: #a33;
  font-size: .8rem; margin: 0 .2rem .1rem 0; }}
.tag.prov {{ background: #fff3cd; color: #7a5b00; cursor: help; }}
.tools, .pager {{ display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: .5rem 0; }}
.tools[hidden], .pager[hidden] {{ display: none; }}
.tools input {{ min-width: 12rem; max-width: 100%; }}
.hint {{ color: #777; font-size: .8rem; }}
footer {{ margin-top: 2rem; color: #555; font-size: .85rem; }}
footer ul {{ padding-left: 1.2rem; }}
svg text {{ font-family: {FONT}; }}
@media (max-width: 600px) {{
  body {{ margin: 1rem auto; padding: 0 .6rem; }}
  h1 {{ font-size: 1.3rem; }}
}}
"""

# Sort: a header's first click sorts ascending, the next reverses; empty cells last.
# Filter: the selects match a row's data-owner/-grade/-stage, the box its id or name.
# Pages: PAGE_SIZE rows at once; rows outside the page are hidden, not removed.
SCRIPT = """
(function () {
  var table = document.getElementById("agenda");
  if (!table) return;
  var tools = document.getElementById("agenda-tools");
  var pager = document.getElementById("agenda-pager");
  var body = table.tBodies[0], heads = table.tHead.rows[0].cells;
  var rows = Array.prototype.slice.call(body.rows);
  var selects = tools.querySelectorAll("select"), search = tools.querySelector("input");
  var info = pager.querySelector(".info"), buttons = pager.querySelectorAll("button");
  var size = +pager.getAttribute("data-size"), page = 0, column = -1, direction = 1, shown = rows;
  // the reader's order of words (pinyin for Chinese names), numbers in ids by value (c-2, c-10)
  var collator = new Intl.Collator(document.documentElement.lang, {numeric: true});
  function key(row, i) {
    var cell = row.cells[i], v = cell.getAttribute("data-v");
    return v === null ? cell.textContent : v;
  }
  function grouped(n) { return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ","); }
  function draw() {
    var first = page * size, last = Math.min(shown.length, first + size);
    rows.forEach(function (row) { row.hidden = true; });
    var place = document.createDocumentFragment();
    shown.forEach(function (row, i) { row.hidden = i < first || i >= last; place.appendChild(row); });
    body.appendChild(place);
    info.textContent = shown.length ? pager.getAttribute("data-rows")
      .replace("{a}", grouped(first + 1)).replace("{b}", grouped(last))
      .replace("{n}", grouped(shown.length)) : pager.getAttribute("data-none");
    buttons[0].disabled = page === 0;
    buttons[1].disabled = last >= shown.length;
  }
  function apply() {
    var needle = search.value.trim().toLowerCase();
    shown = rows.filter(function (row) {
      for (var k = 0; k < selects.length; k++) {
        var s = selects[k];
        if (s.selectedIndex > 0 && row.getAttribute("data-" + s.getAttribute("data-key")) !== s.value) return false;
      }
      return !needle || (row.cells[0].textContent + " " + row.cells[1].textContent)
        .toLowerCase().indexOf(needle) >= 0;
    });
    if (column >= 0) {
      var numeric = heads[column].getAttribute("data-type") === "num";
      shown.sort(function (a, b) {
        var x = key(a, column), y = key(b, column);
        if (x === "" || y === "") return (x === "") - (y === "");
        var d = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return d * direction;
      });
    }
    page = Math.max(0, Math.min(page, Math.ceil(shown.length / size) - 1));
    draw();
  }
  Array.prototype.forEach.call(heads, function (head, i) {
    if (!head.hasAttribute("data-type")) return;
    function sort() {
      direction = column === i ? -direction : 1;
      column = i;
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      head.setAttribute("aria-sort", direction > 0 ? "ascending" : "descending");
      apply();
    }
    head.addEventListener("click", sort);
    head.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
  });
  Array.prototype.forEach.call(selects, function (s) {
    s.addEventListener("change", function () { page = 0; apply(); });
  });
  search.addEventListener("input", function () { page = 0; apply(); });
  Array.prototype.forEach.call(buttons, function (b) {
    b.addEventListener("click", function () { page += +b.getAttribute("data-step"); draw(); });
  });
  tools.hidden = false;
  pager.hidden = false;
  apply();
})();
"""
