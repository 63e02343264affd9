"""graph.json: the merged graph as networkx node-link JSON, and reading a run's graph back."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.outputs.atomic import atomic_write
from pipeline.outputs.graph_yaml import read_graph_yaml

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
        for index, (node, attrs) in enumerate(graph.nodes(data=True)):
            handle.write(("," if index else "") + dumps({**attrs, "id": node}))
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
        return read_graph_yaml(out_dir / "graph.yaml")
    raise FileNotFoundError(f"{out_dir}: no graph.json or graph.yaml (run `zhkg run … --out {out_dir}` first)")
