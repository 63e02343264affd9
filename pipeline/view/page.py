"""`zhkg view DIR`: one self-contained, offline HTML page of a run's graph (DIR/graph.html).

The page is `template.html` (package data beside this module: markup, CSS and the page script)
with its `%TITLE%`, `%FONTS%`, `%LIBRARY%` and `%DATA%` filled in: the vendored Cytoscape.js
(pipeline/view/vendor/, see its README) and the graph data are inlined; it fetches nothing.
Positions are computed here (`pipeline.graph.layout`, deterministic), so the page draws at
once. Nodes are coloured by entity type and sized by PageRank; hovering shows aliases, dates
and the evidence sentences of the relations; a search box finds entities by name or alias;
checkboxes filter by type. Once drawn, the page sets `data-drawn="true"` and the drawn counts
on <body> (used by the tests and by `screenshot`).
"""
from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.graph.analytics import DEFAULT_COLOR, SIZE_MAX, SIZE_MIN, undirected
from pipeline.graph.layout import component_layouts, pack, top_nodes
from pipeline.outputs.atomic import atomic_write
from pipeline.outputs.node_link import read_graph
from pipeline.outputs.svg import CJK_FONTS, TYPE_NAMES_ZH

TEMPLATE = "template.html"  # the page, package data beside this module
VENDOR = Path(__file__).resolve().parent / "vendor"
LIBRARY = VENDOR / "cytoscape.min.js"
DEFAULT_MAX_NODES = 2000
PIXELS_PER_UNIT = 90.0
RELATION_NAMES_ZH = {"holds_position": "任职", "part_of": "隶属", "located_in": "位于", "participated_in": "参加",
                     "organized": "主办", "received": "获得", "awarded_by": "授予"}
NODE_FIELDS = ("label", "type", "aliases", "mentions", "documents", "first_seen", "last_seen", "confidence",
               "degree", "weighted_degree", "pagerank", "betweenness", "community", "size")
EDGE_FIELDS = ("type", "title", "weight", "evidence", "confidence")


def _template() -> str:
    return files(__package__).joinpath(TEMPLATE).read_text(encoding="utf-8")


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
    return (_template().replace("%TITLE%", html.escape(title))
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
