// zhkg view: the page script. Reads the graph data inlined in #graph-data and draws it with
// sigma.js (WebGL) on a graphology graph. Labels are drawn on their own canvas after each frame:
// the most central entities first, each only where it overlaps no label already drawn.
// State for tests and links is mirrored on <body data-*> and in window.zhkg.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var MAX_LABELS = 300, FADED = "#e4e4e4", PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4",
    "#42d4f4", "#f032e6", "#9a6324", "#469990", "#800000", "#808000", "#000075", "#bfef45", "#fabed4",
    "#dcbeff", "#ffd8b1", "#aaffc3", "#a9a9a9", "#ffe119", "#e6beff"];
  var body = document.body, fonts = getComputedStyle(body).fontFamily;
  var $ = function (id) { return document.getElementById(id); };
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) {
    return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]; }); }
  function typeName(t) { var e = data.types[t]; return e && e.name ? e.name + " " + t : t; }

  // --- the graph --------------------------------------------------------------------------
  var graph = new graphology.MultiDirectedGraph();
  var nodes = data.nodes, index = {}, maxDegree = 1, dateIndex = {};
  data.dates.forEach(function (d, i) { dateIndex[d] = i; });
  function days(docs) {
    var out = [];
    docs.forEach(function (k) { var d = data.documents[k][2]; if (d && out.indexOf(dateIndex[d]) < 0) out.push(dateIndex[d]); });
    return out;
  }
  nodes.forEach(function (n, i) {
    index[n.id] = i; n.days = days(n.docs); maxDegree = Math.max(maxDegree, n.degree);
    graph.addNode(n.id, {x: n.x, y: n.y, label: n.label, size: 3, color: n.color});
  });
  data.edges.forEach(function (e, i) {
    e.days = days(e.docs);
    if (e.source in index && e.target in index) graph.addEdgeWithKey("e" + i, e.source, e.target, {size: 1, color: "#c8c8c8"});
  });
  var byRank = nodes.map(function (n, i) { return i; }).sort(function (a, b) { return nodes[b].pagerank - nodes[a].pagerank || a - b; });
  nodes.forEach(function (n, i) { n.rank = 0; });
  byRank.forEach(function (i, r) { nodes[i].rank = r; });

  // --- filters ----------------------------------------------------------------------------
  var state = {types: {}, minDegree: 0, community: "", from: 0, to: Math.max(0, data.dates.length - 1),
               isolated: false, colorBy: "type", sizeBy: "pagerank", selected: null, near: {}};
  Object.keys(data.types).forEach(function (t) { state.types[t] = true; });
  var shown = new Array(nodes.length), edgeShown = new Array(data.edges.length);
  function inPeriod(dayList) {
    if (state.from === 0 && state.to === data.dates.length - 1) return true;
    return dayList.some(function (d) { return d >= state.from && d <= state.to; });
  }
  function visible(n) {
    return state.types[n.type] && n.degree >= state.minDegree && (state.isolated || n.degree > 0) &&
      (state.community === "" || String(n.community) === state.community) && inPeriod(n.days);
  }
  function applyFilters() {
    var count = 0, edgeCount = 0;
    nodes.forEach(function (n, i) { shown[i] = visible(n) || n.id === state.selected; if (shown[i]) count++; });
    data.edges.forEach(function (e, i) {
      edgeShown[i] = shown[index[e.source]] && shown[index[e.target]] && inPeriod(e.days);
      if (edgeShown[i]) edgeCount++;
    });
    body.dataset.visibleNodes = count; body.dataset.visibleEdges = edgeCount;
    $("status").textContent = "显示 " + count + " / " + nodes.length + " 个实体，" + edgeCount + " / " +
      data.edges.length + " 条关系" + (nodes.length < data.total_nodes ? "（共 " + data.total_nodes + " 个实体）" : "");
    if (renderer) renderer.refresh();
  }

  function nodeSize(n) {
    if (state.sizeBy === "degree") return 2 + 12 * Math.sqrt(n.degree / maxDegree);
    return 2 + 12 * Math.max(0, (n.size - 10) / 40);
  }
  function nodeColor(n) {
    if (state.colorBy === "community") return n.community >= 0 && n.community < PALETTE.length ? PALETTE[n.community] : "#bbbbbb";
    return n.color;
  }

  // --- the renderer -----------------------------------------------------------------------
  var container = $("graph"), renderer = null;
  window.zhkg = {labels: []};
  applyFilters();
  renderer = new Sigma(graph, container, {
    renderLabels: false, zIndex: true, labelFont: fonts, labelSize: 13, labelWeight: "600",
    hideEdgesOnMove: nodes.length > 5000, minCameraRatio: 0.005, maxCameraRatio: 4, stagePadding: 40,
    nodeReducer: function (id, attrs) {
      var i = index[id], n = nodes[i];
      if (!shown[i]) return Object.assign({}, attrs, {hidden: true});
      var out = {x: attrs.x, y: attrs.y, label: n.label, size: nodeSize(n), color: nodeColor(n), zIndex: 1};
      if (state.selected && id !== state.selected && !state.near[id]) { out.color = FADED; out.zIndex = 0; }
      if (id === state.selected) { out.highlighted = true; out.zIndex = 2; }
      return out;
    },
    edgeReducer: function (id, attrs) {
      var i = +id.slice(1), e = data.edges[i];
      if (!edgeShown[i]) return Object.assign({}, attrs, {hidden: true});
      var out = {size: Math.min(4, 0.6 + Math.log2(e.weight || 1)), color: "#c8c8c8", zIndex: 0};
      if (state.selected) {
        if (e.source === state.selected || e.target === state.selected) { out.color = "#555"; out.size += 1; out.zIndex = 1; }
        else out.color = "#f2f2f2";
      }
      return out;
    }
  });
  var camera = renderer.getCamera();
  function linkedBox() {
    var xs = [], ys = [];
    nodes.forEach(function (n) { if (n.degree > 0) { xs.push(n.x); ys.push(n.y); } });
    if (!xs.length) return null;
    return {x: [Math.min.apply(null, xs), Math.max.apply(null, xs)], y: [Math.min.apply(null, ys), Math.max.apply(null, ys)]};
  }
  function frame() {
    renderer.setCustomBBox(state.isolated ? null : linkedBox());
    camera.setState({x: 0.5, y: 0.5, ratio: 1, angle: 0});
    renderer.refresh();
  }

  // --- labels: most central first, never overlapping --------------------------------------
  var labelCanvas = $("labels"), ctx = labelCanvas.getContext("2d"), widths = {};
  labelCanvas.style.zIndex = 5; $("status").style.zIndex = 6;
  function labelOrder() {
    if (!state.selected) return byRank;
    var near = Object.keys(state.near).map(function (id) { return index[id]; })
      .sort(function (a, b) { return nodes[a].rank - nodes[b].rank; });
    return [index[state.selected]].concat(near);
  }
  function drawLabels() {
    var ratio = window.devicePixelRatio || 1, w = container.clientWidth, h = container.clientHeight;
    if (labelCanvas.width !== w * ratio || labelCanvas.height !== h * ratio) {
      labelCanvas.width = w * ratio; labelCanvas.height = h * ratio;
      labelCanvas.style.width = w + "px"; labelCanvas.style.height = h + "px";
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    var boxes = [], drawn = [], grid = {}, cell = 80, scale = Math.sqrt(camera.ratio);
    function free(b) {
      for (var gx = Math.floor(b[0] / cell); gx <= Math.floor(b[2] / cell); gx++)
        for (var gy = Math.floor(b[1] / cell); gy <= Math.floor(b[3] / cell); gy++)
          (grid[gx + ":" + gy] || []).forEach(function (o) { if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) b.hit = true; });
      return !b.hit;
    }
    function add(b) {
      for (var gx = Math.floor(b[0] / cell); gx <= Math.floor(b[2] / cell); gx++)
        for (var gy = Math.floor(b[1] / cell); gy <= Math.floor(b[3] / cell); gy++)
          (grid[gx + ":" + gy] = grid[gx + ":" + gy] || []).push(b);
    }
    ctx.textBaseline = "middle"; ctx.lineJoin = "round";
    labelOrder().some(function (i) {
      var n = nodes[i];
      if (!shown[i]) return false;
      var p = renderer.graphToViewport({x: n.x, y: n.y});
      if (p.x < -50 || p.y < -20 || p.x > w + 50 || p.y > h + 20) return false;
      var size = n.rank < 20 || n.id === state.selected ? 15 : n.rank < 200 ? 13 : 12, r = nodeSize(n) / scale;
      var font = (n.rank < 20 || n.id === state.selected ? "600 " : "") + size + "px " + fonts;
      ctx.font = font;
      var key = font + n.label, tw = widths[key] || (widths[key] = ctx.measureText(n.label).width);
      var sides = [[p.x + r + 3, p.y], [p.x - r - 3 - tw, p.y]];
      for (var s = 0; s < sides.length; s++) {
        var b = [sides[s][0] - 1, p.y - size / 2 - 2, sides[s][0] + tw + 1, p.y + size / 2 + 2];
        if (free(b)) {
          add(b); drawn.push(n.id);
          ctx.strokeStyle = "rgba(255,255,255,0.95)"; ctx.lineWidth = 3.5;
          ctx.fillStyle = state.selected && n.id !== state.selected && !state.near[n.id] ? "#aaa" : "#111";
          ctx.strokeText(n.label, sides[s][0], p.y); ctx.fillText(n.label, sides[s][0], p.y);
          break;
        }
      }
      return drawn.length >= MAX_LABELS;
    });
    window.zhkg.labels = drawn;
    body.dataset.labels = drawn.length;
    if (body.dataset.drawn !== "true") {
      window.zhkg.drawnAt = performance.now();
      body.dataset.loadMs = Math.round(window.zhkg.drawnAt);
      body.dataset.drawn = "true";
    }
  }
  renderer.on("afterRender", drawLabels);
  if (window.ResizeObserver) new ResizeObserver(function () { renderer.resize(); renderer.refresh(); }).observe(container);

  // --- selection: search and click --------------------------------------------------------
  var panel = $("panel");
  function select(id, centre) {
    state.selected = id; state.near = {};
    if (id) graph.neighbors(id).forEach(function (m) { state.near[m] = true; });
    body.dataset.selected = id || "";
    applyFilters();
    if (id) {
      showPanel(id);
      if (centre) {
        var d = renderer.getNodeDisplayData(id);
        camera.animate({x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.25)}, {duration: 400});
      }
    } else { panel.classList.remove("open"); panel.innerHTML = ""; }
  }
  function docLine(k) {
    var doc = data.documents[k];
    return "<li>" + esc(doc[1]) + (doc[2] ? ' <span class="muted">' + esc(doc[2]) + "</span>" : "") + "</li>";
  }
  function relationHtml(e, id) {
    var out = e.source === id, other = nodes[index[out ? e.target : e.source]];
    var h = '<div class="relation"><b>' + esc(data.relations[e.type] || e.type) + "</b>" +
      (e.title ? "·" + esc(e.title) : "") + (out ? " → " : " ← ") +
      '<a data-id="' + esc(other.id) + '">' + esc(other.label) + "</a>" +
      ' <span class="muted">' + esc(e.type) + (e.confidence != null ? "，置信度 " + Number(e.confidence).toFixed(2) : "") +
      "，" + e.weight + " 篇文档</span>";
    if (e.evidence.length) h += "<ul>" + e.evidence.map(function (s) { return '<li class="evidence"><q>' + esc(s) + "</q></li>"; }).join("") + "</ul>";
    if (e.docs.length) h += '<div class="docs">来源：<ul>' + e.docs.slice(0, 5).map(docLine).join("") +
      (e.docs.length > 5 ? "<li>… 共 " + e.docs.length + " 篇</li>" : "") + "</ul></div>";
    return h + "</div>";
  }
  function showPanel(id) {
    var n = nodes[index[id]], dates = n.days.map(function (d) { return data.dates[d]; }).sort();
    var h = '<button class="close" title="关闭">×</button><h2>' + esc(n.label) + ' <span class="muted">' + esc(typeName(n.type)) + "</span></h2>";
    if (n.aliases) h += '<div class="aliases">别名：' + n.aliases.map(esc).join("、") + "</div>";
    h += '<div class="muted">' + n.docs.length + " 篇文档，" + n.mentions + " 次提及" +
      (dates.length ? "，" + dates[0] + (dates.length > 1 ? " 至 " + dates[dates.length - 1] : "") : "") +
      "<br>PageRank " + n.pagerank.toPrecision(3) + "，度 " + n.degree + "，社区 " + n.community + "</div>";
    var rels = data.edges.filter(function (e) { return e.source === id || e.target === id; })
      .sort(function (a, b) { return (b.weight - a.weight) || ((b.confidence || 0) - (a.confidence || 0)); });
    h += "<h3>关系与证据（" + rels.length + "）</h3>" + rels.slice(0, 60).map(function (e) { return relationHtml(e, id); }).join("");
    if (!rels.length) h += '<div class="muted">没有关系</div>';
    if (n.docs.length) h += "<h3>出现于</h3><ul class=\"docs\">" + n.docs.slice(0, 10).map(docLine).join("") + "</ul>";
    panel.innerHTML = h; panel.classList.add("open"); panel.scrollTop = 0;
  }
  panel.addEventListener("click", function (ev) {
    if (ev.target.classList.contains("close")) select(null);
    else if (ev.target.dataset.id) select(ev.target.dataset.id, true);
  });
  renderer.on("clickNode", function (ev) { select(ev.node, false); });
  renderer.on("clickStage", function () { select(null); });

  var search = $("search"), list = $("suggestions"), hits = [];
  function matches(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var found = [];
    nodes.forEach(function (n) {
      var names = [n.label].concat(n.aliases || []), best = 3;
      names.forEach(function (s) { s = s.toLowerCase(); var k = s === q ? 0 : s.indexOf(q) === 0 ? 1 : s.indexOf(q) > 0 ? 2 : 3; best = Math.min(best, k); });
      if (best < 3) found.push([best, n.rank, n]);
    });
    return found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).slice(0, 12).map(function (f) { return f[2]; });
  }
  search.addEventListener("input", function () {
    hits = matches(search.value);
    list.innerHTML = hits.map(function (n) {
      return '<li data-id="' + esc(n.id) + '"><span class="swatch" style="background:' + esc(n.color) + '"></span>' +
        esc(n.label) + ' <span class="muted">' + esc(typeName(n.type)) + "</span></li>";
    }).join("");
    list.style.display = hits.length ? "block" : "none";
    body.dataset.matches = hits.length;
  });
  function choose(id) { list.style.display = "none"; if (id) select(id, true); }
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") choose(hits.length && hits[0].id); });
  list.addEventListener("mousedown", function (ev) { var li = ev.target.closest("li"); if (li) choose(li.dataset.id); });
  search.addEventListener("blur", function () { list.style.display = "none"; });

  // --- controls ---------------------------------------------------------------------------
  var typesEl = $("types");
  Object.keys(data.types).forEach(function (t) {
    var e = data.types[t], label = document.createElement("label");
    label.innerHTML = '<input type="checkbox" checked data-type="' + esc(t) + '"><span class="swatch" style="background:' +
      esc(e.color) + '"></span>' + esc(typeName(t)) + ' <span class="muted">' + e.total + "</span>";
    typesEl.appendChild(label);
  });
  typesEl.addEventListener("change", function (ev) { state.types[ev.target.dataset.type] = ev.target.checked; applyFilters(); });
  $("min-degree").addEventListener("input", function (ev) { state.minDegree = +ev.target.value || 0; applyFilters(); });
  var communityEl = $("community");
  data.communities.forEach(function (c) {
    var o = document.createElement("option"); o.value = String(c.id);
    o.textContent = "社区 " + c.id + " · " + c.label + "（" + c.size + "）"; communityEl.appendChild(o);
  });
  communityEl.addEventListener("change", function () { state.community = communityEl.value; applyFilters(); });
  var isolatedCount = nodes.filter(function (n) { return n.degree === 0; }).length;
  $("isolated-count").textContent = "（" + isolatedCount + " 个，已隐藏）";
  $("isolated").addEventListener("change", function (ev) {
    state.isolated = ev.target.checked;
    $("isolated-count").textContent = "（" + isolatedCount + " 个" + (state.isolated ? "" : "，已隐藏") + "）";
    applyFilters(); frame();
  });
  $("color-by").addEventListener("change", function (ev) { state.colorBy = ev.target.value; renderer.refresh(); });
  $("size-by").addEventListener("change", function (ev) { state.sizeBy = ev.target.value; renderer.refresh(); });
  var from = $("date-from"), to = $("date-to");
  function showPeriod() {
    $("date-label").textContent = data.dates.length ? " " + data.dates[state.from] + " – " + data.dates[state.to] + " " : "";
  }
  [from, to].forEach(function (el) { el.max = Math.max(0, data.dates.length - 1); });
  to.value = state.to;
  function period() {
    state.from = Math.min(+from.value, +to.value); state.to = Math.max(+from.value, +to.value);
    showPeriod(); applyFilters();
  }
  from.addEventListener("input", period); to.addEventListener("input", period);
  if (data.dates.length < 2) $("timeline").style.display = "none";
  showPeriod();

  Object.assign(window.zhkg, {graph: graph, renderer: renderer, data: data, state: state, select: select,
                              applyFilters: applyFilters});
  frame();

  // links into the page: ?q=NAME selects the best match, ?hide=TYPE,TYPE filters, ?focus=ENTITY_ID selects one entity
  var params = new URLSearchParams(location.search);
  (params.get("hide") || "").split(",").filter(Boolean).forEach(function (t) {
    var box = typesEl.querySelector('input[data-type="' + t.replace(/["\\]/g, "") + '"]');
    if (box) { box.checked = false; state.types[t] = false; }
  });
  if (params.get("hide")) applyFilters();
  if (params.get("q")) { search.value = params.get("q"); search.dispatchEvent(new Event("input")); choose(hits.length && hits[0].id); }
  if (params.get("focus") && params.get("focus") in index) select(params.get("focus"), true);
})();
