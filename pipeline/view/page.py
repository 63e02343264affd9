"""`zhkg view DIR`: one self-contained, offline HTML page of a run's whole graph (DIR/graph.html).

The page is `template.html` (package data beside this module) with the vendored sigma.js and
graphology (pipeline/view/vendor/, see its README), the page script `page.js` and the graph
data inlined; it fetches nothing. Positions come from `pipeline.graph.layout.corpus_layout`
(ForceAtlas2, deterministic), so the page draws at once. The data carry, per entity, its
aliases, analytics and the documents it occurs in; per relation its type, title, confidence,
evidence sentences and documents; per document its title and date (from DIR/documents), for
the side panel and the timeline.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.graph.analytics import DEFAULT_COLOR, SIZE_MIN, ordered_subgraph
from pipeline.graph.layout import corpus_layout, top_nodes
from pipeline.outputs.atomic import atomic_write
from pipeline.outputs.documents import iso_date, read_document_header
from pipeline.outputs.node_link import read_graph
from pipeline.outputs.overview import CJK_FONTS, TYPE_NAMES_ZH

TEMPLATE, SCRIPT = "template.html", "page.js"  # package data beside this module
VENDOR = Path(__file__).resolve().parent / "vendor"
LIBRARIES = (VENDOR / "graphology.umd.min.js", VENDOR / "sigma.min.js")
COMMUNITIES_LISTED = 40  # the largest communities offered in the community filter
RELATION_NAMES_ZH = {"holds_position": "任职", "part_of": "隶属", "located_in": "位于", "participated_in": "参加",
                     "organized": "主办", "received": "获得", "awarded_by": "授予"}


def _color(attrs: Mapping[str, Any]) -> str:
    r, g, b = (int(attrs.get(c, d)) for c, d in zip("rgb", DEFAULT_COLOR))
    return f"#{r:02x}{g:02x}{b:02x}"


def _inline(text: str, name: str) -> str:
    if "</script" in text.lower() or "<!--" in text:
        raise ValueError(f"{name}: cannot be inlined in a <script> element")
    return text


def _list(value: Any) -> list:
    if isinstance(value, str):  # GraphML/CSV join lists with "|"
        return [v for v in value.split("|") if v]
    return list(value) if isinstance(value, list | tuple) else []


def documents_table(out_dir: Path, doc_ids: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """doc id → (title, YYYY-MM-DD or None), from the `document:` block of DIR/documents/<id>.yaml
    (a document without its YAML gets its id as title and no date)."""
    table = {}
    for doc_id in dict.fromkeys(doc_ids):
        meta = read_document_header(Path(out_dir) / "documents" / f"{doc_id}.yaml") or {}
        table[doc_id] = (str(meta.get("title") or doc_id), iso_date(meta.get("published")))
    return table


def _node_record(node: Any, attrs: Mapping[str, Any], xy: tuple[float, float], doc_index: Mapping[str, int]) -> dict:
    record = {"id": str(node), "label": str(attrs.get("label", node)), "type": attrs.get("type") or "?",
              "x": xy[0], "y": xy[1], "color": _color(attrs), "size": float(attrs.get("size", SIZE_MIN)),
              "pagerank": float(attrs.get("pagerank") or 0.0), "degree": int(attrs.get("degree") or 0),
              "community": int(attrs.get("community", -1) if attrs.get("community") is not None else -1),
              "mentions": attrs.get("mentions") or 0,
              "docs": [doc_index[d] for d in _list(attrs.get("document_ids")) if d in doc_index]}
    aliases = _list(attrs.get("aliases"))
    if aliases:
        record["aliases"] = aliases
    return record


def _edge_record(u: Any, v: Any, attrs: Mapping[str, Any], doc_index: Mapping[str, int]) -> dict:
    relation = str(attrs.get("type") or attrs.get("relation") or attrs.get("label") or "")
    return {"source": str(u), "target": str(v), "type": relation, "title": attrs.get("title") or "",
            "confidence": attrs.get("confidence"), "weight": attrs.get("weight") or 1,
            "evidence": _list(attrs.get("evidence")),
            "docs": [doc_index[d] for d in _list(attrs.get("documents")) if d in doc_index]}


def _communities(nodes: list[dict]) -> list[dict]:
    """The largest communities with their size and their most central member's name."""
    members: dict[int, list[dict]] = {}
    for node in nodes:
        if node["degree"] > 0 and node["community"] >= 0:
            members.setdefault(node["community"], []).append(node)
    ranked = sorted(members.items(), key=lambda item: (-len(item[1]), item[0]))[:COMMUNITIES_LISTED]
    return [{"id": c, "size": len(group), "label": max(group, key=lambda n: n["pagerank"])["label"]} for c, group in ranked]


def page_data(graph: nx.MultiDiGraph, documents: Mapping[str, tuple[str, str | None]] | None = None,
              max_nodes: int | None = None) -> dict[str, Any]:
    """What the page draws: every node (or the `max_nodes` of highest PageRank) with its
    position, the relations among them, the documents they come from and the type legend."""
    keep = top_nodes(graph, max_nodes) if max_nodes and graph.number_of_nodes() > max_nodes else list(graph.nodes)
    sub = graph.subgraph(keep)
    ids = [d for n in keep for d in _list(sub.nodes[n].get("document_ids"))]
    ids += [d for _, _, docs in sub.edges(data="documents") for d in _list(docs)]
    documents = dict(documents or {})
    table = [(d, *documents.get(d, (d, None))) for d in dict.fromkeys(ids)]
    doc_index = {d: i for i, (d, *_) in enumerate(table)}
    positions = corpus_layout(ordered_subgraph(graph, keep) if len(keep) < graph.number_of_nodes() else graph)
    nodes = [_node_record(n, sub.nodes[n], positions[n], doc_index) for n in keep]
    edges = [_edge_record(u, v, attrs, doc_index) for u, v, attrs in sub.edges(data=True)]
    types: dict[str, dict[str, Any]] = {}
    for node in nodes:
        entry = types.setdefault(node["type"], {"color": node["color"], "total": 0, "name": TYPE_NAMES_ZH.get(node["type"], "")})
        entry["total"] += 1
    return {"nodes": nodes, "edges": edges, "documents": [list(row) for row in table], "types": types,
            "communities": _communities(nodes), "relations": RELATION_NAMES_ZH,
            "dates": sorted({date for *_, date in table if date}),
            "total_nodes": graph.number_of_nodes(), "total_edges": graph.number_of_edges()}


def _json_for_script(data: Any) -> str:
    # "<" never occurs outside strings in JSON; escaped, no "</script>" or "<!--" can end the element
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def render_html(data: Mapping[str, Any], title: str = "zhkg 知识图谱") -> str:
    """The whole page as one string: CSS, the vendored libraries, the data and the page script."""
    libraries = "\n".join(_inline(path.read_text(encoding="utf-8"), path.name) for path in LIBRARIES)
    script = _inline(files(__package__).joinpath(SCRIPT).read_text(encoding="utf-8"), SCRIPT)
    values = {"TITLE": html.escape(title), "FONTS": CJK_FONTS, "LIBRARIES": libraries, "SCRIPT": script,
              "DATA": _json_for_script(data)}
    page = files(__package__).joinpath(TEMPLATE).read_text(encoding="utf-8")
    return re.sub(r"%(TITLE|FONTS|LIBRARIES|SCRIPT|DATA)%", lambda match: values[match.group(1)], page)


def write_view(out_dir: str | Path, html_path: str | Path | None = None, max_nodes: int | None = None,
               title: str | None = None) -> Path:
    """Read the graph and document headers of a run's output folder and write its page
    (default DIR/graph.html)."""
    out_dir = Path(out_dir)
    graph = read_graph(out_dir)
    doc_ids = [d for _, ids in graph.nodes(data="document_ids") for d in _list(ids)]
    data = page_data(graph, documents_table(out_dir, doc_ids), max_nodes)
    path = Path(html_path) if html_path else out_dir / "graph.html"
    text = render_html(data, title or f"zhkg 知识图谱 · {out_dir.resolve().name}")
    atomic_write(path, lambda handle: handle.write(text))
    return path
