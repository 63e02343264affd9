"""`zhkg view DIR`: one self-contained, offline HTML page of a run's graph (DIR/graph.html).

The page inlines the vendored Cytoscape.js (pipeline/view/vendor/, see its README), its CSS and the
graph data; it fetches nothing. Positions are computed here (`export.layout`, deterministic), so
the page draws at once. Nodes are coloured by entity type and sized by PageRank; hovering shows
aliases, dates and the evidence sentences of the relations; a search box finds entities by name
or alias; checkboxes filter by type. Once drawn, the page sets `data-drawn="true"` and the
drawn counts on <body> (used by the tests and by `screenshot`).
"""
from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.outputs.export import (CJK_FONTS, DEFAULT_COLOR, SIZE_MAX, SIZE_MIN, TYPE_NAMES_ZH, component_layouts, pack, read_graph,
                     top_nodes, undirected)
from pipeline.outputs.serialize import atomic_write

VENDOR = Path(__file__).resolve().parent / "vendor"
LIBRARY = VENDOR / "cytoscape.min.js"
DEFAULT_MAX_NODES = 2000
PIXELS_PER_UNIT = 90.0
RELATION_NAMES_ZH = {"holds_position": "任职", "part_of": "隶属", "located_in": "位于", "participated_in": "参加",
                     "organized": "主办", "received": "获得", "awarded_by": "授予"}
NODE_FIELDS = ("label", "type", "aliases", "mentions", "documents", "first_seen", "last_seen", "confidence",
               "degree", "weighted_degree", "pagerank", "betweenness", "community", "size")
EDGE_FIELDS = ("type", "title", "weight", "evidence", "confidence")


def _library() -> str:
    text = LIBRARY.read_text(encoding="utf-8")
    if "</script" in text.lower() or "<!--" in text:
        raise ValueError(f"{LIBRARY}: cannot be inlined in a <script> element")
    return text


def _color(attrs: dict[str, Any]) -> str:
    r, g, b = (int(attrs.get(c, d)) for c, d in zip("rgb", DEFAULT_COLOR))
    return f"#{r:02x}{g:02x}{b:02x}"


def page_data(graph: nx.MultiDiGraph, max_nodes: int = DEFAULT_MAX_NODES) -> dict[str, Any]:
    """What the page draws: the `max_nodes` nodes of highest PageRank, with positions, and the
    edges among them."""
    keep = top_nodes(graph, max_nodes) if graph.number_of_nodes() > max_nodes else list(graph.nodes)
    sub = graph.subgraph(keep)

    def label_room(node: Any) -> float:  # a label is drawn to the right of its node, 12 px a character
        return (len(str(sub.nodes[node].get("label", node))) * 12 + 30) / PIXELS_PER_UNIT

    positions = pack(component_layouts(undirected(sub)), None, label_room, gap=0.6)
    nodes = []
    for node in keep:
        attrs = sub.nodes[node]
        x, y = positions.get(node, (0.0, 0.0))
        data = {k: attrs[k] for k in NODE_FIELDS if attrs.get(k) is not None}
        data.update(id=str(node), label=str(attrs.get("label", node)), color=_color(attrs),
                    size=float(attrs.get("size", SIZE_MIN)))
        if isinstance(data.get("aliases"), str):
            data["aliases"] = [a for a in data["aliases"].split("|") if a]
        nodes.append({"data": data, "position": {"x": round(x * PIXELS_PER_UNIT, 1), "y": round(y * PIXELS_PER_UNIT, 1)}})
    edges = []
    for index, (u, v, attrs) in enumerate(sub.edges(data=True)):
        data = {k: attrs[k] for k in EDGE_FIELDS if attrs.get(k) is not None}
        if isinstance(data.get("evidence"), str):
            data["evidence"] = [e for e in data["evidence"].split("|") if e]
        relation = str(attrs.get("type") or attrs.get("relation") or attrs.get("label") or "")
        data.update(id=f"edge-{index}", source=str(u), target=str(v), type=relation,
                    name=RELATION_NAMES_ZH.get(relation, relation) + (f"·{attrs['title']}" if attrs.get("title") else ""))
        edges.append({"data": data})
    types = {}
    for _, attrs in graph.nodes(data=True):
        entry = types.setdefault(attrs.get("type") or "?", {"color": _color(attrs), "total": 0, "shown": 0,
                                                              "name": TYPE_NAMES_ZH.get(attrs.get("type"), "")})
        entry["total"] += 1
    for node in keep:
        types[sub.nodes[node].get("type") or "?"]["shown"] += 1
    return {"nodes": nodes, "edges": edges, "types": types, "relations": RELATION_NAMES_ZH,
            "total_nodes": graph.number_of_nodes(), "total_edges": graph.number_of_edges(),
            "size_range": [SIZE_MIN, SIZE_MAX]}


def _json_for_script(data: Any) -> str:
    # "<" never occurs outside strings in JSON; escaped, no "</script>" or "<!--" can end the element
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def render_html(graph: nx.MultiDiGraph, title: str = "zhkg 知识图谱", max_nodes: int = DEFAULT_MAX_NODES) -> str:
    """The whole page as one string: CSS, the vendored library, the data and the page script."""
    data = page_data(graph, max_nodes)
    return (PAGE.replace("%TITLE%", html.escape(title))
                .replace("%FONTS%", CJK_FONTS)
                .replace("%LIBRARY%", _library())
                .replace("%DATA%", _json_for_script(data)))


def write_view(out_dir: str | Path, html_path: str | Path | None = None, max_nodes: int = DEFAULT_MAX_NODES,
               title: str | None = None) -> Path:
    """Read the graph of a run's output folder and write its page (default DIR/graph.html)."""
    out_dir = Path(out_dir)
    graph = read_graph(out_dir)
    path = Path(html_path) if html_path else out_dir / "graph.html"
    text = render_html(graph, title or f"zhkg 知识图谱 · {out_dir.resolve().name}", max_nodes)
    atomic_write(path, lambda handle: handle.write(text))
    return path


# --- headless Chromium (tests, screenshots) -------------------------------------------------

def find_chromium() -> str | None:
    """$CHROMIUM, else chromium / chromium-browser / google-chrome on PATH, else None."""
    candidates = [os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"]
    for candidate in filter(None, candidates):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def run_chromium(page: Path, *args: str, budget_ms: int = 10_000, timeout: float = 120.0,
                 chromium: str | None = None, query: str = "") -> subprocess.CompletedProcess:
    """Open `page` in headless Chromium, offline (every host name fails to resolve), with a
    virtual-time budget so the page's work finishes before `args` (--dump-dom, --screenshot=…)."""
    chromium = chromium or find_chromium()
    if not chromium:
        raise FileNotFoundError("no Chromium found (install Debian's `chromium` package or set $CHROMIUM)")
    with tempfile.TemporaryDirectory(prefix="zhkg-chromium-") as profile:
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-component-update", "--no-first-run", "--hide-scrollbars", "--mute-audio",
                   f"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND",
                   f"--virtual-time-budget={budget_ms}", *args,
                   Path(page).resolve().as_uri() + (f"?{query}" if query else "")]
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"chromium did not finish within {timeout:.0f} s") from None


def dump_dom(page: Path, **kwargs: Any) -> str:
    """The page's DOM after its scripts ran."""
    return run_chromium(page, "--dump-dom", **kwargs).stdout


def screenshot(page: Path, png: Path, width: int = 1400, height: int = 900, **kwargs: Any) -> Path:
    """A PNG screenshot of `page`, written atomically to `png`."""
    png = Path(png)
    with tempfile.TemporaryDirectory(prefix="zhkg-shot-") as folder:
        shot = Path(folder) / "shot.png"
        result = run_chromium(page, f"--screenshot={shot}", f"--window-size={width},{height}", **kwargs)
        if not shot.is_file():
            raise RuntimeError(f"chromium wrote no screenshot: {result.stderr[-2000:]}")
        payload = shot.read_bytes()
    atomic_write(png, lambda handle: handle.write(payload), mode="wb")
    return png


PAGE = r"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:">
<title>%TITLE%</title>
<style>
  html, body { margin: 0; height: 100%; font-family: %FONTS%; color: #222; background: #fff; }
  body { display: flex; flex-direction: column; }
  header { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 16px; padding: 8px 14px;
           border-bottom: 1px solid #ddd; background: #fafafa; }
  header h1 { font-size: 17px; margin: 0; font-weight: 600; }
  #search { font: inherit; font-size: 14px; padding: 4px 8px; width: 15em; border: 1px solid #bbb; border-radius: 4px; }
  #types { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 14px; }
  #types label { cursor: pointer; user-select: none; white-space: nowrap; }
  .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin: 0 4px 0 2px; vertical-align: -1px; }
  #status { font-size: 13px; color: #666; }
  #cy { flex: 1; min-height: 300px; }
  #tip { position: fixed; display: none; max-width: 440px; padding: 8px 10px; font-size: 13px; line-height: 1.5;
         background: rgba(255,255,255,.97); border: 1px solid #ccc; border-radius: 6px;
         box-shadow: 0 2px 10px rgba(0,0,0,.15); pointer-events: none; z-index: 10; }
  #tip h2 { font-size: 15px; margin: 0 0 4px; }
  #tip .muted { color: #777; }
  #tip ul { margin: 4px 0 0; padding-left: 18px; }
  #tip li { margin: 2px 0; }
  #tip q { quotes: "「" "」"; }
</style>
</head>
<body data-drawn="false">
<header>
  <h1>%TITLE%</h1>
  <input id="search" type="search" placeholder="搜索实体名称或别名…" list="names" autocomplete="off">
  <datalist id="names"></datalist>
  <div id="types"></div>
  <span id="status"></span>
</header>
<div id="cy"></div>
<div id="tip"></div>
<script>%LIBRARY%</script>
<script id="graph-data" type="application/json">%DATA%</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var fonts = getComputedStyle(document.body).fontFamily;
  var statusEl = document.getElementById("status"), tip = document.getElementById("tip");
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) {
    return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]; }); }
  function typeName(t) { var e = data.types[t]; return e && e.name ? e.name + " " + t : t; }
  function baseStatus() {
    var s = data.nodes.length + " 个实体，" + data.edges.length + " 条关系";
    if (data.nodes.length < data.total_nodes) s += "（共 " + data.total_nodes + " 个实体，显示 PageRank 最高的 " + data.nodes.length + " 个）";
    return s;
  }
  var big = data.nodes.length > 1000;
  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: {nodes: data.nodes, edges: data.edges},
    layout: {name: "preset", fit: true, padding: 30},
    minZoom: 0.02, maxZoom: 8, wheelSensitivity: 0.3,
    hideEdgesOnViewport: big, textureOnViewport: big,
    style: [
      {selector: "node", style: {
        "background-color": "data(color)", "width": "data(size)", "height": "data(size)",
        "label": "data(label)", "font-family": fonts, "font-size": 12, "color": "#222",
        "text-valign": "center", "text-halign": "right", "text-margin-x": 4,
        "text-outline-color": "#fff", "text-outline-width": 2, "min-zoomed-font-size": 7,
        "border-width": 1, "border-color": "#fff"}},
      {selector: "edge", style: {
        "curve-style": "bezier", "width": "mapData(weight, 1, 10, 1, 6)", "line-color": "#b5b5b5",
        "target-arrow-shape": "triangle", "target-arrow-color": "#b5b5b5", "arrow-scale": 0.8,
        "label": "data(name)", "font-family": fonts, "font-size": 9, "color": "#666",
        "text-rotation": "autorotate", "text-outline-color": "#fff", "text-outline-width": 2,
        "min-zoomed-font-size": 11}},
      {selector: ".faded", style: {"opacity": 0.15}},
      {selector: "node.match", style: {"border-width": 4, "border-color": "#111", "font-weight": "bold", "z-index": 10}},
      {selector: ".hidden", style: {"display": "none"}},
      {selector: "edge.near", style: {"line-color": "#555", "target-arrow-color": "#555"}}
    ]
  });

  // type filter
  var typesEl = document.getElementById("types");
  Object.keys(data.types).forEach(function (t) {
    var e = data.types[t], label = document.createElement("label");
    label.innerHTML = '<input type="checkbox" checked data-type="' + esc(t) + '"><span class="swatch" style="background:' +
      esc(e.color) + '"></span>' + esc(typeName(t)) + ' <span class="muted">' + e.shown +
      (e.shown < e.total ? "/" + e.total : "") + "</span>";
    typesEl.appendChild(label);
  });
  typesEl.addEventListener("change", function (ev) {
    var t = ev.target.getAttribute("data-type");
    cy.nodes().filter(function (n) { return n.data("type") === t; })[ev.target.checked ? "removeClass" : "addClass"]("hidden");
    document.body.setAttribute("data-visible-nodes", cy.nodes(":visible").length);
  });

  // search by name or alias
  var names = document.getElementById("names"), seen = {};
  cy.nodes().forEach(function (n) {
    [n.data("label")].concat(n.data("aliases") || []).forEach(function (s) {
      if (!seen[s]) { seen[s] = 1; var o = document.createElement("option"); o.value = s; names.appendChild(o); }
    });
  });
  var search = document.getElementById("search");
  function runSearch(focus) {
    var q = search.value.trim().toLowerCase();
    cy.elements().removeClass("faded match");
    if (!q) { statusEl.textContent = baseStatus(); return; }
    var hits = cy.nodes().filter(function (n) {
      return [n.data("label")].concat(n.data("aliases") || []).some(function (s) { return String(s).toLowerCase().indexOf(q) >= 0; });
    });
    cy.elements().not(hits).addClass("faded");
    hits.addClass("match");
    document.body.setAttribute("data-matches", hits.length);
    statusEl.textContent = "找到 " + hits.length + " 个实体";
    if (focus && hits.length) {
      cy.fit(hits, 80);
      if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(hits); }
    }
  }
  search.addEventListener("input", function () { runSearch(false); });
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") runSearch(true); });

  // hover: aliases, dates and evidence
  function nodeTip(n) {
    var d = n.data(), h = "<h2>" + esc(d.label) + ' <span class="muted">' + esc(typeName(d.type)) + "</span></h2>";
    if (d.aliases && d.aliases.length) h += "<div>别名：" + d.aliases.map(esc).join("、") + "</div>";
    h += '<div class="muted">' + (d.documents || 0) + " 篇文档，" + (d.mentions || 0) + " 次提及";
    if (d.first_seen) h += "，" + esc(d.first_seen) + (d.last_seen && d.last_seen !== d.first_seen ? " 至 " + esc(d.last_seen) : "");
    h += "<br>PageRank " + (d.pagerank || 0).toPrecision(3) + "，度 " + (d.degree || 0) + "，社区 " + (d.community || 0) + "</div>";
    var items = n.connectedEdges().slice(0, 6).map(function (e) {
      var other = e.source().id() === n.id() ? e.target() : e.source();
      var arrow = e.source().id() === n.id() ? " → " : " ← ";
      var ev = (e.data("evidence") || [])[0];
      return "<li><b>" + esc(e.data("name")) + "</b>" + arrow + esc(other.data("label")) + (ev ? "：<q>" + esc(ev) + "</q>" : "") + "</li>";
    });
    if (items.length) h += "<div>关系与证据：</div><ul>" + items.join("") + "</ul>";
    if (n.connectedEdges().length > 6) h += '<div class="muted">… 共 ' + n.connectedEdges().length + " 条关系</div>";
    return h;
  }
  function edgeTip(e) {
    var d = e.data(), h = "<h2>" + esc(e.source().data("label")) + " → " + esc(e.target().data("label")) + "</h2>";
    h += "<div>" + esc(d.name) + ' <span class="muted">(' + esc(d.type) + (d.title ? "，" + esc(d.title) : "") + ")，" + (d.weight || 1) + " 篇文档</span></div>";
    if (d.evidence && d.evidence.length) h += "<div>证据：</div><ul>" + d.evidence.map(function (s) { return "<li><q>" + esc(s) + "</q></li>"; }).join("") + "</ul>";
    return h;
  }
  function place(ev) {
    var x = ev.originalEvent ? ev.originalEvent.clientX : 20, y = ev.originalEvent ? ev.originalEvent.clientY : 80;
    tip.style.left = Math.min(x + 14, window.innerWidth - tip.offsetWidth - 8) + "px";
    tip.style.top = Math.min(y + 14, window.innerHeight - tip.offsetHeight - 8) + "px";
  }
  function showTip(target, ev) {
    tip.innerHTML = target.isNode() ? nodeTip(target) : edgeTip(target);
    tip.style.display = "block"; place(ev);
    if (target.isNode()) target.connectedEdges().addClass("near");
  }
  cy.on("mouseover", "node, edge", function (ev) { showTip(ev.target, ev); });
  cy.on("mousemove", "node, edge", place);
  cy.on("mouseout", "node, edge", function (ev) { tip.style.display = "none"; cy.edges().removeClass("near"); });
  cy.on("tap", "node", function (ev) {
    var near = ev.target.closedNeighborhood();
    cy.elements().removeClass("match").addClass("faded"); near.removeClass("faded");
  });
  cy.on("tap", function (ev) { if (ev.target === cy) { search.value = ""; runSearch(false); } });

  statusEl.textContent = baseStatus();
  if (!data.nodes.length) statusEl.textContent = "图中没有实体";
  if (window.ResizeObserver) new ResizeObserver(function () { cy.resize(); }).observe(cy.container());

  // links into the page: ?q=NAME searches, ?hide=TYPE,TYPE filters, ?focus=ENTITY_ID shows one entity
  var params = new URLSearchParams(location.search);
  (params.get("hide") || "").split(",").filter(Boolean).forEach(function (t) {
    var box = typesEl.querySelector('input[data-type="' + t.replace(/["\\]/g, "") + '"]');
    if (box) { box.checked = false; box.dispatchEvent(new Event("change", {bubbles: true})); }
  });
  if (params.get("q")) { search.value = params.get("q"); runSearch(true); }
  var focus = params.get("focus") ? cy.getElementById(params.get("focus")) : null;
  if (focus && focus.length) {
    cy.center(focus);
    var p = focus.renderedPosition(), box = cy.container().getBoundingClientRect();
    showTip(focus, {originalEvent: {clientX: box.left + p.x, clientY: box.top + p.y}});
    document.body.setAttribute("data-focus", focus.id());
  }
  function drawn() {
    document.body.setAttribute("data-drawn-nodes", cy.nodes().length);
    document.body.setAttribute("data-drawn-edges", cy.edges().length);
    document.body.setAttribute("data-visible-nodes", cy.nodes(":visible").length);
    document.body.setAttribute("data-drawn", "true");
  }
  cy.one("render", drawn);
  if (!data.nodes.length) drawn();
  window.zhkg = {cy: cy, data: data};
})();
</script>
</body>
</html>
"""
