package scanreport

// pageHTML is the report's html/template; {{STYLE}} and {{SCRIPT}} are
// replaced by pageStyle and pageScript before parsing (as literal template
// text, so the bytes match the hashes in the Content-Security-Policy).
const pageHTML = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="appilint">
<title>{{.Title}}</title>
<style>{{STYLE}}</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="meta">{{.L.Tool}}{{if .Generated}} · {{.L.Generated}}: <time>{{.Generated}}</time>{{end}}</p>
<nav aria-label="{{.L.Contents}}"><a href="#matrix">{{.L.Heatmap}}</a> <a href="#gaps">{{.L.Chart}}</a> <a href="#scores">{{.L.Scores}}</a> <a href="#findings">{{.L.Details}}</a> <a href="#failed">{{.L.FailedInputs}} ({{.Failed}})</a> <a href="#rules">{{.L.RuleList}}</a></nav>
</header>
<main>
<section id="summary" aria-label="{{.L.Summary}}">
<dl class="cards">
<div><dt>{{.L.Docs}}</dt><dd>{{.Docs}}</dd></div>
<div><dt>{{.L.Checked}}</dt><dd>{{.Checked}}</dd></div>
<div{{if .Failed}} class="bad"{{end}}><dt>{{.L.Failed}}</dt><dd>{{.Failed}}</dd></div>
<div><dt>{{.L.AvgScore}}</dt><dd>{{.AvgScore}}</dd></div>
<div><dt>{{.L.FindingsTotal}}</dt><dd>{{.Findings}}</dd></div>
<div><dt>{{.L.RuleCount}}</dt><dd>{{len .Cols}}</dd></div>
</dl>
</section>
<div class="controls" id="controls" hidden><input type="search" id="filter" placeholder="{{.L.Filter}}" aria-label="{{.L.Filter}}"></div>

<section id="matrix">
<h2>{{.L.Heatmap}}</h2>
<p class="note">{{.L.HeatmapNote}}</p>
<ul class="legend" aria-label="{{.L.Legend}}">
<li><span class="c ok">○</span> {{.L.OK}}</li>
<li><span class="c v-error">×</span> {{.L.Violation}}: {{.L.SevError}}</li>
<li><span class="c v-warning">×</span> {{.L.Violation}}: {{.L.SevWarning}}</li>
<li><span class="c v-info">×</span> {{.L.Violation}}: {{.L.SevInfo}}</li>
<li><span class="c na">–</span> {{.L.NA}}</li>
<li><span class="c no"></span> {{.L.NotRun}}</li>
</ul>
<div class="scroll">
<table id="heatmap">
<thead><tr><th scope="col" class="corner">{{.L.Company}}</th><th scope="col" class="score">{{.L.Score}}</th>{{range .Cols}}<th scope="col" class="rule" title="{{.Tip}}"><span>{{.Title}}</span></th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr data-key="{{.Key}}"><th scope="row"><a href="#{{.Anchor}}" title="{{.Source}}">{{.Name}}</a></th>{{if .Failed}}<td class="score">—</td><td class="failed" colspan="{{len $.Cols}}">{{$.L.StatusFailed}}: {{.Error}}</td>{{else}}<td class="score">{{.Score}}</td>{{range .Cells}}<td class="{{.Class}}" title="{{.Tip}}">{{.Sym}}</td>{{end}}{{end}}</tr>
{{end}}</tbody>
<tfoot><tr><th scope="row">{{.L.ViolationsRow}}</th><td></td>{{range .Cols}}<td class="count" title="{{.ID}}">{{.Violations}}</td>{{end}}</tr></tfoot>
</table>
</div>
</section>

<section id="gaps">
<h2>{{.L.Chart}}</h2>
<p class="note">{{.L.ChartNote}}</p>
<svg id="gap-chart" role="img" aria-label="{{.L.Chart}}" width="{{.Chart.W}}" height="{{.Chart.H}}" viewBox="0 0 {{.Chart.W}} {{.Chart.H}}">
{{range .Chart.Bars}}<g><title>{{.Tip}}</title><text class="lbl" x="{{$.Chart.LabelX}}" y="{{.TextY}}" text-anchor="end">{{.Label}}</text><rect class="{{.Class}}" x="{{$.Chart.BarX}}" y="{{.Y}}" width="{{.W}}" height="{{$.Chart.BarH}}"></rect><text class="val" x="{{.ValueX}}" y="{{.TextY}}">{{.Value}}</text></g>
{{else}}<text class="lbl" x="10" y="22">{{.L.ChartEmpty}}</text>
{{end}}</svg>
</section>

<section id="scores">
<h2>{{.L.Scores}}</h2>
<p class="note">{{.L.ScoresNote}}</p>
<div class="scroll">
<table id="score-table" class="sortable">
<thead><tr><th scope="col" data-type="num">#</th><th scope="col" data-type="text">{{.L.Company}}</th><th scope="col" data-type="text">{{.L.Source}}</th><th scope="col" data-type="num">{{.L.Score}}</th><th scope="col" data-type="num">{{.L.Violated}}</th><th scope="col" data-type="num">{{.L.Errors}}</th><th scope="col" data-type="num">{{.L.Warnings}}</th><th scope="col" data-type="num">{{.L.Infos}}</th></tr></thead>
<tbody>
{{range .Rows}}<tr data-key="{{.Key}}"><td class="num" data-sort="{{.N}}">{{.N}}</td><th scope="row"><a href="#{{.Anchor}}">{{.Name}}</a></th><td class="src">{{.Source}}</td>{{if .Failed}}<td class="failed" data-sort="-1">{{$.L.StatusFailed}}</td><td data-sort="-1"></td><td data-sort="-1"></td><td data-sort="-1"></td><td data-sort="-1"></td>{{else}}<td class="num" data-sort="{{.ScoreVal}}"><meter min="0" max="1" low="0.5" high="0.8" optimum="1" value="{{.ScoreVal}}"></meter> {{.Score}}</td><td class="num">{{.Violated}}</td><td class="num">{{.NError}}</td><td class="num">{{.NWarning}}</td><td class="num">{{.NInfo}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</div>
</section>

<section id="findings">
<h2>{{.L.Details}}</h2>
<p class="controls" id="details-controls" hidden><button type="button" id="toggle-all" data-expand="{{.L.ExpandAll}}" data-collapse="{{.L.CollapseAll}}">{{.L.ExpandAll}}</button></p>
{{range .Rows}}{{if not .Failed}}<details id="{{.Anchor}}" data-key="{{.Key}}">
<summary><span class="name">{{.Name}}</span> <span class="badge">{{$.L.Score}} {{.Score}}</span> <span class="sev error">{{$.L.SevError}} {{.NError}}</span> <span class="sev warning">{{$.L.SevWarning}} {{.NWarning}}</span> <span class="sev info">{{$.L.SevInfo}} {{.NInfo}}</span></summary>
<dl class="doc"><dt>{{$.L.Source}}</dt><dd>{{.Source}}</dd>{{if .FinalURL}}<dt>{{$.L.FinalURL}}</dt><dd>{{.FinalURL}}</dd>{{end}}{{if .Operator}}<dt>{{$.L.Operator}}</dt><dd>{{.Operator}}</dd>{{end}}{{if .Encoding}}<dt>{{$.L.Encoding}}</dt><dd>{{.Encoding}}</dd>{{end}}</dl>
{{if .Findings}}<table class="findings">
<thead><tr><th scope="col">{{$.L.Severity}}</th><th scope="col">{{$.L.Rule}}</th><th scope="col">{{$.L.Message}}</th><th scope="col">{{$.L.Article}}</th><th scope="col">{{$.L.Position}}</th><th scope="col">{{$.L.Evidence}}</th></tr></thead>
<tbody>
{{range .Findings}}<tr><td><span class="sev {{.Severity}}">{{.SevLabel}}</span></td><td>{{.Title}}<br><code>{{.Rule}}</code></td><td>{{.Message}}</td><td>{{.Article}}</td><td class="pos">{{.Pos}}</td><td>{{if .Missing}}<span class="missing">{{$.L.MissingAnchor}}</span> {{end}}{{if .Evidence}}<q class="ev">{{.Evidence}}</q>{{end}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p>{{$.L.NoFindings}}</p>{{end}}
</details>
{{end}}{{end}}</section>

<section id="failed">
<h2>{{.L.FailedInputs}}</h2>
{{if .FailedRows}}<table class="failed-table">
<thead><tr><th scope="col">#</th><th scope="col">{{.L.Company}}</th><th scope="col">{{.L.Source}}</th><th scope="col">{{.L.Reason}}</th></tr></thead>
<tbody>
{{range .FailedRows}}<tr id="{{.Anchor}}" data-key="{{.Key}}"><td class="num">{{.N}}</td><td>{{.Name}}</td><td class="src">{{.Source}}</td><td>{{.Error}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p>{{.L.NoneFailed}}</p>{{end}}
</section>

<section id="rules">
<details><summary>{{.L.RuleList}} ({{len .Cols}})</summary>
<table class="rule-list">
<thead><tr><th scope="col">ID</th><th scope="col">{{.L.Rule}}</th><th scope="col">{{.L.Severity}}</th><th scope="col">{{.L.Article}}</th><th scope="col">{{.L.ViolationsRow}}</th></tr></thead>
<tbody>
{{range .Cols}}<tr><td><code>{{.ID}}</code></td><td>{{.Title}}</td><td>{{.SevLabel}}</td><td>{{.Article}}</td><td class="num">{{.Violations}}</td></tr>
{{end}}</tbody>
</table>
</details>
</section>
</main>
<footer><p>{{.L.Tool}}</p></footer>
<script>{{SCRIPT}}</script>
</body>
</html>
`

// pageStyle uses only system fonts: the report must open offline and
// inside company networks that block font CDNs.
const pageStyle = `
:root { color-scheme: light; --ok: #1a9850; --error: #d73027; --warning: #f46d43; --info: #fdd95a; --na: #d9d9d9; --line: #d0d0d0; --muted: #555; }
[hidden] { display: none !important; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem 1.5rem 2rem; color: #1b1b1b; background: #fff; line-height: 1.6;
  font-family: "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic UI", "Yu Gothic", YuGothic, Meiryo, "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "Takao Gothic", system-ui, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid #333; }
.meta, .note, footer { color: var(--muted); font-size: .85rem; margin: 0 0 .5rem; }
nav a { margin-right: 1rem; font-size: .9rem; }
a { color: #0b57d0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK JP", monospace; font-size: .8rem; color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: .75rem 0; }
.cards div { border: 1px solid var(--line); border-radius: 6px; padding: .4rem 1rem; min-width: 8.5rem; }
.cards dt { font-size: .8rem; color: var(--muted); }
.cards dd { margin: 0; font-size: 1.6rem; font-weight: bold; }
.cards .bad dd { color: var(--error); }
.controls { margin: .5rem 0; }
#filter { width: 24rem; max-width: 100%; padding: .3rem .5rem; font: inherit; }
.legend { list-style: none; padding: 0; margin: .25rem 0 .5rem; display: flex; flex-wrap: wrap; gap: 1rem; font-size: .85rem; }
.legend .c { display: inline-block; width: 1.4em; text-align: center; border: 1px solid var(--line); }
.scroll { overflow: auto; max-height: 75vh; border: 1px solid var(--line); }
table { border-collapse: separate; border-spacing: 0; font-size: .85rem; }
th, td { padding: .2rem .45rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; z-index: 2; background: #f4f4f4; vertical-align: bottom; }
#heatmap { font-size: .8rem; }
#heatmap th.rule { padding: .3rem 0; text-align: center; min-width: 1.6rem; font-weight: normal; }
#heatmap th.rule span { writing-mode: vertical-rl; white-space: nowrap; display: inline-block; max-height: 13em; overflow: hidden; text-overflow: ellipsis; }
#heatmap tbody th, #heatmap tfoot th, #heatmap th.corner { position: sticky; left: 0; z-index: 1; background: #fff; max-width: 15rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: normal; }
#heatmap th.corner { z-index: 3; background: #f4f4f4; font-weight: bold; }
#heatmap tfoot th, #heatmap tfoot td { position: sticky; bottom: 0; background: #f4f4f4; }
#heatmap tfoot th { z-index: 3; }
#heatmap td.score { text-align: right; white-space: nowrap; }
#heatmap td.count { text-align: center; padding: .2rem 0; }
#heatmap tbody tr:hover th, #heatmap tbody tr:hover td.score { background: #fff5c2; }
td.c { padding: 0; text-align: center; width: 1.6rem; height: 1.45rem; border-right: 1px solid #fff; border-bottom: 1px solid #fff; }
.c.ok { background: var(--ok); color: #fff; }
.c.v-error { background: var(--error); color: #fff; font-weight: bold; }
.c.v-warning { background: var(--warning); color: #fff; font-weight: bold; }
.c.v-info { background: var(--info); color: #000; }
.c.na { background: var(--na); color: #555; }
.c.no { background: #fff; }
td.failed { color: var(--error); }
#gap-chart { max-width: 100%; height: auto; }
#gap-chart .lbl, #gap-chart .val { font-size: 13px; fill: #1b1b1b; font-family: inherit; }
#gap-chart .b-error { fill: var(--error); }
#gap-chart .b-warning { fill: var(--warning); }
#gap-chart .b-info { fill: var(--info); }
td.num { text-align: right; white-space: nowrap; }
td.src { word-break: break-all; max-width: 28rem; }
meter { width: 4rem; vertical-align: middle; }
.sortable th button { all: inherit; cursor: pointer; padding: 0; }
.sortable th[aria-sort=ascending] button::after { content: " ▲"; }
.sortable th[aria-sort=descending] button::after { content: " ▼"; }
details { border: 1px solid var(--line); border-radius: 4px; margin: .35rem 0; padding: .2rem .6rem; }
details[open] { padding-bottom: .6rem; }
summary { cursor: pointer; }
summary .name { font-weight: bold; margin-right: .5rem; }
.badge, .sev { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: 3px; border: 1px solid var(--line); white-space: nowrap; }
.sev.error { background: var(--error); color: #fff; border-color: var(--error); }
.sev.warning { background: var(--warning); color: #fff; border-color: var(--warning); }
.sev.info { background: var(--info); color: #000; border-color: var(--info); }
.doc { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; font-size: .85rem; margin: .4rem 0; }
.doc dt { color: var(--muted); }
.doc dd { margin: 0; word-break: break-all; }
.findings { width: 100%; }
.findings td:nth-child(3) { min-width: 16rem; }
.pos { white-space: nowrap; font-variant-numeric: tabular-nums; }
.ev { background: #fff8dc; white-space: pre-wrap; word-break: break-all; }
.missing { color: var(--muted); font-size: .8rem; }
@media print {
  .scroll { max-height: none; overflow: visible; }
  .controls, nav { display: none; }
  thead th { position: static; }
}
`

// pageScript only enhances: sorting, filtering, expanding. The page is
// complete without it. Any failure is reported with console.error so that
// the browser test sees it; the #report-ready marker proves it ran.
const pageScript = `
(function () {
  "use strict";
  function fail(e) { console.error("appilint-report error: " + (e && e.stack ? e.stack : e)); }
  window.addEventListener("error", function (ev) { fail(ev.message); });
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  try {
    each(document.querySelectorAll("table.sortable"), function (table) {
      var heads = table.tHead.rows[0].cells;
      each(heads, function (th, col) {
        var type = th.getAttribute("data-type");
        if (!type) { return; }
        var b = document.createElement("button");
        b.type = "button";
        while (th.firstChild) { b.appendChild(th.firstChild); }
        th.appendChild(b);
        b.addEventListener("click", function () {
          var asc = th.getAttribute("aria-sort") !== "ascending";
          each(heads, function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", asc ? "ascending" : "descending");
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var key = function (r) { var c = r.cells[col]; return c.hasAttribute("data-sort") ? c.getAttribute("data-sort") : c.textContent.trim(); };
          rows.sort(function (a, b) {
            var x = key(a), y = key(b);
            var d = type === "num" ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, document.documentElement.lang);
            if (!d) { d = parseFloat(a.cells[0].getAttribute("data-sort")) - parseFloat(b.cells[0].getAttribute("data-sort")); return d; }
            return asc ? d : -d;
          });
          each(rows, function (r) { body.appendChild(r); });
        });
      });
    });

    var filter = document.getElementById("filter");
    document.getElementById("controls").hidden = false;
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase();
      each(document.querySelectorAll("[data-key]"), function (el) {
        el.hidden = q !== "" && el.getAttribute("data-key").indexOf(q) < 0;
      });
    });

    var toggle = document.getElementById("toggle-all");
    document.getElementById("details-controls").hidden = false;
    toggle.addEventListener("click", function () {
      var all = document.querySelectorAll("#findings details");
      var open = toggle.textContent === toggle.getAttribute("data-expand");
      each(all, function (d) { d.open = open; });
      toggle.textContent = toggle.getAttribute(open ? "data-collapse" : "data-expand");
    });

    var openTarget = function () {
      var el = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      if (el && el.tagName === "DETAILS") { el.open = true; }
    };
    window.addEventListener("hashchange", openTarget);
    openTarget();

    var cells = document.querySelectorAll("#heatmap td.c").length;
    var mark = document.createElement("div");
    mark.id = "report-ready";
    mark.hidden = true;
    mark.setAttribute("data-cells", String(cells));
    document.body.appendChild(mark);
    console.log("appilint-report ready: " + cells + " cells");
  } catch (e) {
    fail(e);
  }
})();
`
