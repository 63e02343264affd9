"""Graph exports: analytics and visual attributes on the merged graph, then GEXF (Gephi, with a
timeline), Gephi spreadsheet CSVs, node-link JSON and a static SVG overview. Every file is
written atomically (`serialize.atomic_write`).

Analytics (node attributes; see README "Open it in Gephi"):

* `degree`, `weighted_degree` — relation edges at the node in the directed multigraph (in + out),
  plain and summed over `weight` (the number of documents that support an edge).
* `pagerank`, `betweenness`, `community` — on the *undirected* simple graph in which the parallel
  and opposite relations between two entities are one edge whose weight is their summed
  `weight`: a relation's direction is grammar (who holds a post *at* which body), not flow, so
  a body is as central as the people who serve in it. PageRank is weighted (alpha 0.85);
  betweenness is normalised, unweighted shortest-path betweenness, exact while
  nodes × (nodes + edges) stays within `BETWEENNESS_BUDGET`, beyond it estimated from k seeded
  sample sources (k = budget / (nodes + edges), at least `BETWEENNESS_MIN_K`); `community` is
  networkx Louvain (seeded), numbered by size, largest first.
* `size` grows with the square root of PageRank from `SIZE_MIN` to `SIZE_MAX`; `r`, `g`, `b`
  is the colour of the entity type in schemas/entity_types.yaml.

How each was computed (exact or sampled, seed, counts) is kept in `graph.graph["analytics"]`.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx
import numpy as np
import yaml

from pipeline.outputs.serialize import _XML_ILLEGAL, _graphml_value, atomic_write, read_document_header

SEED = 42
SIZE_MIN, SIZE_MAX = 10.0, 50.0
BETWEENNESS_BUDGET = 2_000_000
BETWEENNESS_MIN_K = 32
DEFAULT_COLOR = (149, 165, 166)
ANALYTICS = ("degree", "weighted_degree", "pagerank", "betweenness", "community")
VISUALS = ("size", "r", "g", "b")
TYPE_NAMES_ZH = {"PERSON": "人物", "ORG": "机构", "LOCATION": "地点", "EVENT": "事件", "AWARD": "奖项"}
# Rendered wherever one of these (or any CJK font the system maps sans-serif to) is installed.
CJK_FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", '
             '"Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Sans SC", sans-serif')
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- analytics ------------------------------------------------------------------------------

def undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected graph of `graph`: one edge per linked pair of entities, its weight
    the summed `weight` of their relations in both directions; self-loops dropped."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for u, v, weight in graph.edges(data="weight", default=1):
        if u == v:
            continue
        weight = weight if isinstance(weight, (int, float)) and not isinstance(weight, bool) else 1
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += weight
        else:
            simple.add_edge(u, v, weight=weight)
    return simple


def _sig(value: float, digits: int = 6) -> float:
    return float(f"{value:.{digits}g}")


def ordered_subgraph(graph: nx.Graph, nodes: Iterable[Any]) -> nx.Graph:
    """The subgraph of `graph` induced by `nodes`, as a new graph whose nodes come in the order
    of `nodes` and edges in the order of `graph`. (A networkx subgraph *view* iterates its nodes
    in the order of a Python set, which changes with the hash seed from one process to the next,
    and seeded layouts and sampled betweenness would change with it.)"""
    nodes = list(nodes)
    keep = set(nodes)
    sub = graph.__class__()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((n, graph.nodes[n]) for n in nodes)
    if graph.is_multigraph():
        sub.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep)
    else:
        sub.add_edges_from((u, v, d) for u, v, d in graph.edges(data=True) if u in keep and v in keep)
    return sub


def _betweenness(simple: nx.Graph, linked: nx.Graph, seed: int, budget: int) -> tuple[dict[Any, float], dict[str, Any]]:
    n = simple.number_of_nodes()
    n_linked, m = linked.number_of_nodes(), linked.number_of_edges()
    values = dict.fromkeys(simple.nodes, 0.0)
    info: dict[str, Any] = {"exact": True, "sources": n_linked, "seed": None}
    if n_linked > 2:
        k = None
        if n_linked * (n_linked + m) > budget:
            k = min(n_linked, max(BETWEENNESS_MIN_K, budget // (n_linked + m)))
            info = {"exact": k == n_linked, "sources": k, "seed": seed}
            k = None if k == n_linked else k
        # isolated nodes lie on no path: raw scores on the linked part are those of the whole
        # graph; normalised as networkx does for the whole graph (pairs of the other n-1 nodes)
        raw = nx.betweenness_centrality(linked, k=k, normalized=False, weight=None, seed=seed if k else None)
        scale = 2.0 / ((n - 1) * (n - 2))
        values.update({node: value * scale for node, value in raw.items()})
    return values, info


def add_analytics(graph: nx.MultiDiGraph, seed: int = SEED, budget: int = BETWEENNESS_BUDGET) -> dict[str, Any]:
    """Set `degree`, `weighted_degree`, `pagerank`, `betweenness` and `community` on every node
    of `graph` (in place); returns how they were computed."""
    simple = undirected(graph)
    pagerank = nx.pagerank(simple, alpha=0.85, weight="weight") if simple.number_of_nodes() else {}
    # most entities of a large graph have no relation: they lie on no path and each is a
    # community of its own, so betweenness and Louvain run on the linked part only
    isolated = {node for node, degree in simple.degree() if degree == 0}
    linked = ordered_subgraph(simple, [node for node in simple if node not in isolated])
    betweenness, betweenness_info = _betweenness(simple, linked, seed, budget)
    communities = nx.community.louvain_communities(linked, weight="weight", seed=seed) if len(linked) else []
    del linked
    communities += [{node} for node in simple if node in isolated]
    order = {node: i for i, node in enumerate(simple.nodes)}
    communities = sorted(communities, key=lambda c: (-len(c), min(order[n] for n in c)))
    community = {node: index for index, members in enumerate(communities) for node in members}
    weighted = dict(graph.degree(weight="weight"))
    for node, attrs in graph.nodes(data=True):
        attrs["degree"] = int(graph.degree(node))
        attrs["weighted_degree"] = float(weighted[node])
        attrs["pagerank"] = _sig(pagerank.get(node, 0.0))
        attrs["betweenness"] = _sig(betweenness.get(node, 0.0))
        attrs["community"] = int(community.get(node, 0))
    return {
        "undirected": "pagerank, betweenness and community use the undirected graph, relations between "
                      "two entities merged into one edge of summed weight",
        "pagerank": {"alpha": 0.85, "weight": "weight"},
        "betweenness": {"normalized": True, "weight": None, **betweenness_info},
        "community": {"method": "louvain", "seed": seed, "resolution": 1.0, "weight": "weight",
                      "count": len(communities)},
    }


def add_visuals(graph: nx.MultiDiGraph, colors: Mapping[str, Iterable[int]]) -> None:
    """Set `size` (from `pagerank`) and the type colour `r`, `g`, `b` on every node (in place)."""
    ranks = [attrs.get("pagerank", 0.0) for _, attrs in graph.nodes(data=True)]
    low, high = (min(ranks), max(ranks)) if ranks else (0.0, 0.0)
    for _, attrs in graph.nodes(data=True):
        share = (attrs.get("pagerank", 0.0) - low) / (high - low) if high > low else 0.5
        attrs["size"] = round(SIZE_MIN + (SIZE_MAX - SIZE_MIN) * math.sqrt(share), 2)
        r, g, b = (int(c) for c in colors.get(attrs.get("type"), DEFAULT_COLOR))
        attrs["r"], attrs["g"], attrs["b"] = r, g, b


def enrich(graph: nx.MultiDiGraph, colors: Mapping[str, Iterable[int]], seed: int = SEED) -> dict[str, Any]:
    """Analytics, then size and colour, on `graph` in place; the method notes go to
    `graph.graph["analytics"]` and are returned."""
    info = add_analytics(graph, seed)
    add_visuals(graph, colors)
    graph.graph["analytics"] = info
    return info


def type_colors(schemas_dir: str | Path | None = None) -> dict[str, tuple[int, int, int]]:
    """Entity type → (r, g, b) from schemas/entity_types.yaml."""
    from pipeline.rules import default_schemas_dir, load_entity_types

    directory = Path(schemas_dir) if schemas_dir else default_schemas_dir()
    return {name: t.color for name, t in load_entity_types(directory).items()}


# --- document dates (edge intervals) --------------------------------------------------------

def iso_date(value: Any) -> str | None:
    """`value` as YYYY-MM-DD when it is a valid date (or starts with one), else None."""
    if not isinstance(value, str) or not _ISO_DATE.match(value[:10]):
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def document_dates(documents_dir: Path, doc_ids: Iterable[str]) -> dict[str, str]:
    """doc id → publication date, read from the `document:` block at the top of each
    documents/<id>.yaml (the rest of the file, with its text, is not read)."""
    dates: dict[str, str] = {}
    for doc_id in dict.fromkeys(doc_ids):
        day = iso_date((read_document_header(documents_dir / f"{doc_id}.yaml") or {}).get("published"))
        if day:
            dates[doc_id] = day
    return dates


def edge_interval(attrs: Mapping[str, Any], dates: Mapping[str, str]) -> tuple[str | None, str | None]:
    """First and last date of an edge: its own first_seen/last_seen when the graph has them,
    else the dates of its documents."""
    start, end = iso_date(attrs.get("first_seen")), iso_date(attrs.get("last_seen"))
    if start or end:
        return start, end
    days = sorted(dates[d] for d in attrs.get("documents") or [] if d in dates)
    return (days[0], days[-1]) if days else (None, None)


# --- GEXF -----------------------------------------------------------------------------------

# GEXF edges reserve `type` (directed/undirected), `label`, `weight`, `id`, `start`, `end`.
GEXF_EDGE_NAMES = {"type": "relation"}


def _gexf_node_data(attrs: Mapping[str, Any]) -> dict[str, Any]:
    data = {k: _graphml_value(v) for k, v in attrs.items() if v is not None and k not in ("start", "end")}
    if "r" in attrs:
        data["viz"] = {"color": {"r": int(attrs["r"]), "g": int(attrs["g"]), "b": int(attrs["b"]), "a": 1.0},
                       "size": float(attrs.get("size", SIZE_MIN))}
    start, end = iso_date(attrs.get("first_seen")), iso_date(attrs.get("last_seen"))
    if start:
        data["start"] = start
    if end:
        data["end"] = end
    return data


def _gexf_edge_data(attrs: Mapping[str, Any], dates: Mapping[str, str]) -> dict[str, Any]:
    data = {GEXF_EDGE_NAMES.get(k, k): _graphml_value(val) for k, val in attrs.items()
            if val is not None and k not in ("start", "end")}
    data["label"] = str(attrs.get("label") or attrs.get("type") or "")
    start, end = edge_interval(attrs, dates)
    if start:
        data["start"] = start
    if end:
        data["end"] = end
    return data


def gexf_ready(graph: nx.MultiDiGraph, dates: Mapping[str, str] | None = None) -> nx.MultiDiGraph:
    """A copy for `nx.write_gexf`: `viz` colour and size, `start`/`end` from first/last seen,
    no None values, lists joined by `|`, XML-illegal characters removed."""
    dates = dates or {}
    ready = nx.MultiDiGraph(name=str(graph.graph.get("name", "zhkg")))
    for node, attrs in graph.nodes(data=True):
        ready.add_node(node, **_gexf_node_data(attrs))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        ready.add_edge(u, v, key=key, **_gexf_edge_data(attrs, dates))
    return ready


GEXF_HEAD = ("<?xml version='1.0' encoding='utf-8'?>\n"
             '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n')
_GEXF_NODE_KEYS = ("id", "label", "viz", "start", "end", "pid")
_GEXF_EDGE_KEYS = ("id", "label", "weight", "start", "end")


def _gexf_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, np.integer)):
        return "long"
    if isinstance(value, (float, np.floating)):
        return "double"
    return "string"


def _gexf_merge_type(old: str | None, new: str) -> str:
    if old is None or old == new:
        return new
    return "double" if {old, new} == {"long", "double"} else "string"


def _gexf_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (float, np.floating)):
        text = repr(float(value))
        return {"inf": "INF", "-inf": "-INF", "nan": "NaN"}.get(text, text)
    return str(value)


def _attr(name: str, value: Any) -> str:
    return f"{name}={quoteattr(_XML_ILLEGAL.sub('', str(value)))}"


def write_gexf(path: Path, graph: nx.MultiDiGraph, dates: Mapping[str, str] | None = None) -> None:
    """GEXF 1.2 (what `nx.write_gexf(gexf_ready(graph, dates))` writes, read back by
    `nx.read_gexf` and Gephi), streamed one node and one edge at a time: networkx builds the
    whole XML tree first, several times the size of the graph."""
    dates = dates or {}
    node_types: dict[str, str] = {}
    edge_types: dict[str, str] = {}
    dynamic = False
    for _, attrs in graph.nodes(data=True):
        dynamic = dynamic or bool(iso_date(attrs.get("first_seen")) or iso_date(attrs.get("last_seen")))
        for k, v in attrs.items():
            if v is not None and k not in _GEXF_NODE_KEYS:
                node_types[k] = _gexf_merge_type(node_types.get(k), _gexf_type(_graphml_value(v)))
    for _, _, attrs in graph.edges(data=True):
        dynamic = dynamic or any(edge_interval(attrs, dates))
        for k, v in attrs.items():
            name = GEXF_EDGE_NAMES.get(k, k)
            if v is not None and name not in _GEXF_EDGE_KEYS:
                edge_types[name] = _gexf_merge_type(edge_types.get(name), _gexf_type(_graphml_value(v)))
    if graph.is_multigraph():
        edge_types["networkx_key"] = "string"
    ids = {name: str(i) for i, name in enumerate([*node_types, *edge_types])}
    edge_ids = {name: str(len(node_types) + i) for i, name in enumerate(edge_types)}
    node_ids = {name: ids[name] for name in node_types}

    def attvalues(values: list[tuple[str, Any]], declared: dict[str, str], indent: str) -> str:
        lines = [f'{indent}  <attvalue for="{declared[k]}" {_attr("value", _gexf_value(v))} />\n' for k, v in values]
        return f"{indent}<attvalues>\n{''.join(lines)}{indent}</attvalues>\n" if lines else ""

    def write(handle) -> None:
        handle.write(GEXF_HEAD)
        handle.write(f"  <meta>\n    <creator>zhkg {_version()}</creator>\n  </meta>\n")
        mode = ' mode="dynamic"' if dynamic else ' mode="static"'
        name = _attr("name", graph.graph.get("name", "zhkg"))
        timeformat = ' timeformat="date"' if dynamic else ""
        handle.write(f'  <graph defaultedgetype="directed"{mode} {name}{timeformat}>\n')
        for cls, types, declared in (("node", node_types, node_ids), ("edge", edge_types, edge_ids)):
            if types:
                handle.write(f'    <attributes mode="static" class="{cls}">\n')
                for title, kind in types.items():
                    handle.write(f'      <attribute id="{declared[title]}" {_attr("title", title)} type="{kind}" />\n')
                handle.write("    </attributes>\n")
        handle.write("    <nodes>\n")
        for node, attrs in graph.nodes(data=True):
            data = _gexf_node_data(attrs)
            head = [_attr("id", node), _attr("label", data.pop("label", node))]
            head += [_attr(k, data.pop(k)) for k in ("start", "end") if k in data]
            viz = data.pop("viz", None)
            body = ""
            if viz:
                c = viz["color"]
                body += f'        <viz:color r="{c["r"]}" g="{c["g"]}" b="{c["b"]}" a="{c["a"]}" />\n'
                body += f'        <viz:size value="{_gexf_value(viz["size"])}" />\n'
            body += attvalues([(k, v) for k, v in data.items() if k in node_ids], node_ids, "        ")
            handle.write(f"      <node {' '.join(head)}" + (f">\n{body}      </node>\n" if body else " />\n"))
        handle.write("    </nodes>\n    <edges>\n")
        counter = 0
        for u, v, key, attrs in graph.edges(keys=True, data=True):
            data = _gexf_edge_data(attrs, dates)
            edge_id = data.pop("id", None)
            if edge_id is None:
                edge_id, counter = f"auto{counter}", counter + 1
            head = [_attr("source", u), _attr("target", v), _attr("id", edge_id), _attr("label", data.pop("label"))]
            head += [_attr(k, data.pop(k)) for k in ("weight", "start", "end") if k in data]
            values = [(k, val) for k, val in data.items() if k in edge_ids]
            if graph.is_multigraph():
                values.append(("networkx_key", key))
            body = attvalues(values, edge_ids, "        ")
            handle.write(f"      <edge {' '.join(head)}" + (f">\n{body}      </edge>\n" if body else " />\n"))
        handle.write("    </edges>\n  </graph>\n</gexf>\n")

    atomic_write(path, write)


def _version() -> str:
    from pipeline import __version__

    return __version__


# --- CSV (Gephi spreadsheet import) ---------------------------------------------------------

NODE_COLUMNS = ("Id", "Label", "Category")
EDGE_COLUMNS = ("Source", "Target", "Type", "Id", "Label", "Weight")
CSV_NODE_SKIP = {"id", "label", "type", "document_ids"}  # document ids: see graph.yaml / graph.json
CSV_EDGE_SKIP = {"id", "label", "weight"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return "|".join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _columns(rows: Iterable[Mapping[str, Any]], skip: set[str]) -> list[str]:
    seen: dict[str, None] = {}
    for attrs in rows:
        seen.update((k, None) for k in attrs if k not in skip)
    return list(seen)


def _csv_bytes(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8")  # no BOM


def nodes_csv(graph: nx.MultiDiGraph) -> bytes:
    """Gephi's node table: Id, Label, Category (the entity type), then every other attribute."""
    extra = _columns((a for _, a in graph.nodes(data=True)), CSV_NODE_SKIP)
    rows = ([node, attrs.get("label", node), attrs.get("type"), *(attrs.get(k) for k in extra)]
            for node, attrs in graph.nodes(data=True))
    return _csv_bytes([*NODE_COLUMNS, *extra], rows)


def edges_csv(graph: nx.MultiDiGraph) -> bytes:
    """Gephi's edge table: Source, Target, Type (Directed), Id, Label (the relation), Weight,
    then `relation`, `title` and every other attribute (lists joined by `|`)."""
    edges = list(graph.edges(keys=True, data=True))
    extra = _columns((a for *_, a in edges), CSV_EDGE_SKIP)
    extra = ["relation" if k == "type" else k for k in extra]
    rows = ([u, v, "Directed", attrs.get("id", f"{u}->{v}:{key}"), attrs.get("label") or attrs.get("type"),
             attrs.get("weight", 1), *(attrs.get("type" if k == "relation" else k) for k in extra)]
            for u, v, key, attrs in edges)
    return _csv_bytes([*EDGE_COLUMNS, *extra], rows)


def write_csv(out_dir: Path, graph: nx.MultiDiGraph) -> None:
    node_bytes, edge_bytes = nodes_csv(graph), edges_csv(graph)
    atomic_write(out_dir / "nodes.csv", lambda handle: handle.write(node_bytes), mode="wb")
    atomic_write(out_dir / "edges.csv", lambda handle: handle.write(edge_bytes), mode="wb")


# --- JSON (networkx node-link) --------------------------------------------------------------

JSON_EDGES = "edges"  # the node-link key of the edge list (networkx's default from 3.6 on)


def graph_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """networkx node-link data with edges under "edges"; read back with
    `nx.node_link_graph(data, edges="edges")`."""
    return nx.node_link_data(graph, edges=JSON_EDGES)


def write_json(path: Path, graph: nx.MultiDiGraph) -> None:
    """graph.json: the text of `json.dumps(graph_json(graph))`, written one node and one edge at
    a time (the whole text, and the node-link copy of the graph, are never held at once)."""
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def write(handle) -> None:
        handle.write('{"directed":' + dumps(graph.is_directed()) + ',"multigraph":' + dumps(graph.is_multigraph())
                     + ',"graph":' + dumps(graph.graph) + ',"nodes":[')
        for index, node in enumerate(graph):
            handle.write(("," if index else "") + dumps({**graph.nodes[node], "id": node}))
        handle.write(f'],"{JSON_EDGES}":[')
        edges = (({**d, "source": u, "target": v, "key": k} for u, v, k, d in graph.edges(keys=True, data=True))
                 if graph.is_multigraph() else ({**d, "source": u, "target": v} for u, v, d in graph.edges(data=True)))
        for index, edge in enumerate(edges):
            handle.write(("," if index else "") + dumps(edge))
        handle.write("]}\n")

    atomic_write(path, write)


def read_graph(out_dir: Path) -> nx.MultiDiGraph:
    """The merged graph of a run's output folder, from graph.json, else graph.yaml."""
    out_dir = Path(out_dir)
    if (out_dir / "graph.json").is_file():
        data = json.loads((out_dir / "graph.json").read_text(encoding="utf-8"))
        return nx.node_link_graph(data, directed=True, multigraph=True, edges=JSON_EDGES)
    if (out_dir / "graph.yaml").is_file():
        data = yaml.load((out_dir / "graph.yaml").read_text(encoding="utf-8"),
                         Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        graph = nx.MultiDiGraph(**({"analytics": data["analytics"]} if data.get("analytics") else {}))
        for node in data.get("nodes") or []:
            graph.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
        for edge in data.get("edges") or []:
            attrs = {k: v for k, v in edge.items() if k not in ("source", "target")}
            graph.add_edge(edge["source"], edge["target"], key=attrs.get("id"), **attrs)
        return graph
    raise FileNotFoundError(f"{out_dir}: no graph.json or graph.yaml (run `zhkg run … --out {out_dir}` first)")


# --- layout ---------------------------------------------------------------------------------

FORCE_LAYOUT_MAX_NODES = 4000


def force_layout(graph: nx.Graph, nodes: list[Any], seed: int = SEED, iterations: int | None = None) -> np.ndarray:
    """Fruchterman–Reingold positions of `nodes` (one connected component of `graph`) in
    [-1, 1]², vectorised with numpy (float32; n×n arrays, so for components of a few thousand
    nodes): repulsion k²/d between all pairs, attraction d²/k × weight along edges, a cooling
    step size; the same model as networkx's spring layout, an order of magnitude faster here."""
    n = len(nodes)
    iterations = iterations or (100 if n < 1000 else 60)
    adjacency = nx.to_numpy_array(graph, nodelist=nodes, weight="weight", dtype=np.float32)
    pos = np.random.default_rng(seed).random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))
    step = 0.1
    for _ in range(iterations):
        dx = pos[:, 0][:, None] - pos[:, 0][None, :]
        dy = pos[:, 1][:, None] - pos[:, 1][None, :]
        d2 = np.maximum(dx * dx + dy * dy, np.float32(1e-4))
        force = k * k / d2 - adjacency * np.sqrt(d2) / k
        move = np.stack([(dx * force).sum(axis=1), (dy * force).sum(axis=1)], axis=1)
        length = np.sqrt((move * move).sum(axis=1))
        length[length < 0.01] = 0.1
        pos += move * (np.float32(step) / length)[:, None]
        step -= 0.1 / (iterations + 1)
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    return pos / extent


def component_layouts(graph: nx.Graph, seed: int = SEED) -> list[dict[Any, tuple[float, float]]]:
    """Positions per connected component, largest first, each from the force-directed
    `force_layout` scaled with the square root of its size (about one unit between neighbours)."""
    simple = graph if not graph.is_directed() and not graph.is_multigraph() else undirected(graph)
    order = {node: i for i, node in enumerate(simple.nodes)}
    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(order[n] for n in c)))
    layouts = []
    for members in components:
        nodes = sorted(members, key=order.get)
        if len(nodes) == 1:
            pos = {nodes[0]: (0.0, 0.0)}
        elif len(nodes) == 2:  # one above the other: their labels, to the right, do not collide
            pos = {nodes[0]: (0.0, -0.4), nodes[1]: (0.0, 0.4)}
        elif len(nodes) <= FORCE_LAYOUT_MAX_NODES:
            raw = force_layout(simple, nodes, seed)
            scale = 1.3 * math.sqrt(len(nodes))
            pos = {n: (float(raw[i][0]) * scale, float(raw[i][1]) * scale) for i, n in enumerate(nodes)}
        else:  # networkx's memory-lean spring layout (slower) beyond what n×n arrays allow
            raw = nx.spring_layout(ordered_subgraph(simple, nodes), seed=seed, weight="weight", iterations=50)
            scale = 1.3 * math.sqrt(len(nodes))
            pos = {n: (float(raw[n][0]) * scale, float(raw[n][1]) * scale) for n in nodes}
        layouts.append(pos)
    return layouts


def pack(layouts: list[dict[Any, tuple[float, float]]], row_width: float | None = None,
         extra: Any = None, gap: float = 1.0) -> dict[Any, tuple[float, float]]:
    """Place component layouts left to right in rows of `row_width` units (default: about a
    square); `extra(node)` is room a node needs to its right (its label), in units."""
    boxes = []
    for pos in layouts:
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        right = max(x + (extra(n) if extra else 0.0) for n, (x, _) in pos.items())
        boxes.append((pos, min(xs), min(ys), right - min(xs) + gap, max(ys) - min(ys) + gap))
    if row_width is None:
        total = sum(w * h for *_, w, h in boxes)
        row_width = max(max((w for *_, w, _ in boxes), default=1.0), math.sqrt(total) * 1.3)
    placed: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for pos, min_x, min_y, width, height in boxes:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in pos.items():
            placed[node] = (round(x + px - min_x, 4), round(y + py - min_y, 4))
        x += width
        row_height = max(row_height, height)
    return placed


def layout(graph: nx.Graph, seed: int = SEED) -> dict[Any, tuple[float, float]]:
    """Deterministic positions for `graph` (any networkx graph): its connected components laid
    out by `force_layout` and packed in rows, largest first, single nodes last."""
    return pack(component_layouts(graph, seed))


# --- SVG overview ---------------------------------------------------------------------------

def top_nodes(graph: nx.MultiDiGraph, limit: int) -> list[Any]:
    """The `limit` nodes of highest PageRank (then degree, then first seen in the graph)."""
    order = {node: i for i, node in enumerate(graph.nodes)}
    ranked = sorted(graph.nodes(data=True), key=lambda item: (-(item[1].get("pagerank") or 0.0),
                                                                -(item[1].get("degree") or 0), order[item[0]]))
    return [node for node, _ in ranked[:limit]]


def _rgb(attrs: Mapping[str, Any]) -> str:
    return f"rgb({int(attrs.get('r', DEFAULT_COLOR[0]))},{int(attrs.get('g', DEFAULT_COLOR[1]))},{int(attrs.get('b', DEFAULT_COLOR[2]))})"


def _short(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def svg_overview(graph: nx.MultiDiGraph, max_nodes: int = 150, max_labels: int = 80, width: int = 1200) -> str:
    """A static SVG picture of the `max_nodes` nodes of highest PageRank: the linked ones drawn
    with their relations, the unlinked ones listed below. Text uses a CJK font-family list
    (no font is embedded), so Chinese renders wherever a CJK font is installed."""
    keep = top_nodes(graph, max_nodes)
    sub = ordered_subgraph(graph, keep)
    simple = undirected(sub)
    linked = [n for n in keep if simple.degree(n) > 0]
    single = [n for n in keep if simple.degree(n) == 0]
    margin, top = 40.0, 100.0
    layouts = component_layouts(ordered_subgraph(simple, linked))
    widest = max((max(p[0] for p in pos.values()) - min(p[0] for p in pos.values()) for pos in layouts), default=0.0)
    unit = min(90.0, (width - 2 * margin - 260) / max(widest, 1.0))

    def label_room(node: Any) -> float:
        return (len(str(graph.nodes[node].get("label", node))) * 15 + 30) / unit

    pos = pack(layouts, (width - 2 * margin - 40) / unit, label_room, gap=0.8)
    labelled = set(linked[:max_labels])
    types = list(dict.fromkeys(attrs.get("type") for _, attrs in graph.nodes(data=True)))
    ys = [p[1] for p in pos.values()] or [0.0]
    width = max(width, int(2 * margin + 20 + max((x + label_room(n)) * unit for n, (x, _) in pos.items()))) \
        if pos else width
    drawing_height = ((max(ys) - min(ys)) * unit + 60) if linked else 0.0
    label_chars = max((len(_short(str(graph.nodes[n].get("label", n)))) for n in single), default=0)
    column = 30 + 14 * label_chars
    columns = max(1, int((width - 2 * margin) // column)) if single else 1
    rows = math.ceil(len(single) / columns)
    list_top = top + drawing_height + (36 if single else 0)
    height = int(list_top + rows * 24 + margin)

    def at(node: Any) -> tuple[float, float]:
        x, y = pos[node]
        return margin + 20 + x * unit, top + 30 + (y - min(ys)) * unit

    def radius(attrs: Mapping[str, Any]) -> float:
        return 4.0 + 14.0 * (float(attrs.get("size", SIZE_MIN)) - SIZE_MIN) / (SIZE_MAX - SIZE_MIN)

    title = (f"zhkg 知识图谱：{graph.number_of_nodes()} 个实体，{graph.number_of_edges()} 条关系"
             + (f"（显示 PageRank 最高的 {len(keep)} 个）" if len(keep) < graph.number_of_nodes() else ""))
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family=\'{CJK_FONTS}\'>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{margin}" y="36" font-size="20" font-weight="bold" fill="#222">{escape(title)}</text>',
    ]
    x = margin
    for etype in types:
        color = next(_rgb(a) for _, a in graph.nodes(data=True) if a.get("type") == etype)
        name = f"{TYPE_NAMES_ZH.get(etype, '')} {etype}".strip()
        out.append(f'<circle cx="{x + 7}" cy="64" r="7" fill="{color}"/>'
                   f'<text x="{x + 20}" y="69" font-size="14" fill="#333">{escape(name)}</text>')
        x += 50 + 9 * len(name)
    out.append('<g stroke="#999" stroke-opacity="0.8" fill="none">')
    for u, v, attrs in sub.edges(data=True):
        if u == v:
            continue
        (x1, y1), (x2, y2) = at(u), at(v)
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        r_end = radius(graph.nodes[v]) + 1.5
        x2e, y2e = x2 - (x2 - x1) * r_end / length, y2 - (y2 - y1) * r_end / length
        stroke = 1.0 + min(4.0, math.log2(float(attrs.get("weight", 1) or 1)))
        rel = escape(" ".join(str(p) for p in (attrs.get("type"), attrs.get("title")) if p))
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2e:.1f}" y2="{y2e:.1f}" stroke-width="{stroke:.1f}" '
                   f'marker-end="url(#arrow)"><title>{rel}</title></line>')
    out.append("</g>")

    def dot(node: Any, cx: float, cy: float, r: float) -> str:
        attrs = graph.nodes[node]
        tip = escape(f"{attrs.get('label', node)}（{attrs.get('type', '')}）")
        return (f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{_rgb(attrs)}" stroke="#fff" '
                f'stroke-width="1.5"><title>{tip}</title></circle>')

    for node in reversed(linked):
        out.append(dot(node, *at(node), radius(graph.nodes[node])))
    out.append('<g fill="#222" stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">')
    for node in linked:
        if node in labelled:
            attrs = graph.nodes[node]
            cx, cy = at(node)
            size = 12 + round(4 * (float(attrs.get("size", SIZE_MIN)) - SIZE_MIN) / (SIZE_MAX - SIZE_MIN))
            out.append(f'<text x="{cx + radius(attrs) + 3:.1f}" y="{cy + size / 3:.1f}" font-size="{size}">'
                       f'{escape(str(attrs.get("label", node)))}</text>')
    out.append("</g>")
    if single:
        out.append(f'<text x="{margin}" y="{list_top - 12:.0f}" font-size="15" fill="#555">'
                   f'未与其他实体相连的实体（{len(single)} 个）</text>')
        for i, node in enumerate(single):
            cx = margin + 8 + (i % columns) * column
            cy = list_top + (i // columns) * 24 + 6
            out.append(dot(node, cx, cy, 6.0))
            out.append(f'<text x="{cx + 12:.1f}" y="{cy + 5:.1f}" font-size="13" fill="#333">'
                       f'{escape(_short(str(graph.nodes[node].get("label", node))))}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_svg(path: Path, graph: nx.MultiDiGraph, max_nodes: int = 150) -> None:
    text = svg_overview(graph, max_nodes=max_nodes)
    atomic_write(path, lambda handle: handle.write(text))


# --- everything `zhkg run` writes beside graph.yaml and graph.graphml -----------------------

def export_writers(out_dir: Path, graph: nx.MultiDiGraph, output: Any,
                   dates: Mapping[str, str] | None = None) -> list[tuple[list[Path], Callable[[], None]]]:
    """The GEXF, CSV, JSON and SVG writers that `output` ([output] of the config) asks for, as
    (paths written, writer) pairs, the slowest first. `dates`: doc id → publication date
    (YYYY-MM-DD) for the GEXF edge intervals; without it, read from out_dir/documents."""
    out_dir = Path(out_dir)
    writers: list[tuple[list[Path], Callable[[], None]]] = []
    if getattr(output, "gexf", True):
        if dates is None:
            ids = (d for _, _, docs in graph.edges(data="documents", default=[]) for d in docs or [])
            dates = document_dates(out_dir / "documents", ids)
        writers.append(([out_dir / "graph.gexf"], partial(write_gexf, out_dir / "graph.gexf", graph, dates)))
    if getattr(output, "json", True):
        writers.append(([out_dir / "graph.json"], partial(write_json, out_dir / "graph.json", graph)))
    if getattr(output, "csv", True):
        writers.append(([out_dir / "nodes.csv", out_dir / "edges.csv"], partial(write_csv, out_dir, graph)))
    if getattr(output, "svg", True):
        writers.append(([out_dir / "graph.svg"], partial(write_svg, out_dir / "graph.svg", graph,
                                                         getattr(output, "svg_max_nodes", 150))))
    return writers


def write_exports(out_dir: Path, graph: nx.MultiDiGraph, output: Any,
                  dates: Mapping[str, str] | None = None) -> list[Path]:
    """Write what :func:`export_writers` gives, one after the other; returns the paths."""
    written: list[Path] = []
    for paths, write in export_writers(out_dir, graph, output, dates):
        write()
        written += paths
    return written
