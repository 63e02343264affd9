"""graph.yaml: the merged graph as YAML (directed, analytics notes, nodes, edges)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.outputs.atomic import atomic_write
from pipeline.outputs.yaml_emit import string_cache_clear
from pipeline.outputs.yaml_io import dump_yaml, load_yaml


def graph_to_dict(graph: nx.MultiDiGraph) -> dict[str, Any]:
    return {
        "directed": True,
        **({"analytics": graph.graph["analytics"]} if graph.graph.get("analytics") else {}),
        "nodes": [{"id": n, **attrs} for n, attrs in graph.nodes(data=True)],
        "edges": [{"source": u, "target": v, **attrs} for u, v, attrs in graph.edges(data=True)],
    }


def write_graph_yaml(path: Path, graph: nx.MultiDiGraph) -> None:
    """graph.yaml: the text of `dump_yaml(graph_to_dict(graph))`, written one node and one edge
    at a time (a YAML emitter holds a whole document's tree: hundreds of MB for a large graph)."""
    def write(handle) -> None:
        head = {"directed": True}
        if graph.graph.get("analytics"):
            head["analytics"] = graph.graph["analytics"]
        handle.write(dump_yaml(head))
        for name, items in (("nodes", ({"id": n, **attrs} for n, attrs in graph.nodes(data=True))),
                            ("edges", ({"source": u, "target": v, **attrs} for u, v, attrs in graph.edges(data=True)))):
            empty = True
            for item in items:
                if empty:
                    handle.write(f"{name}:\n")
                    empty = False
                handle.write(dump_yaml([item]))
            if empty:
                handle.write(f"{name}: []\n")

    atomic_write(path, write)
    string_cache_clear()  # the graph's strings are not needed again


def read_graph_yaml(path: Path) -> nx.MultiDiGraph:
    """The graph of a graph.yaml (edges keyed by their `id`)."""
    data = load_yaml(Path(path).read_text(encoding="utf-8"))
    graph = nx.MultiDiGraph(**({"analytics": data["analytics"]} if data.get("analytics") else {}))
    for node in data.get("nodes") or []:
        graph.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for edge in data.get("edges") or []:
        attrs = {k: v for k, v in edge.items() if k not in ("source", "target")}
        graph.add_edge(edge["source"], edge["target"], key=attrs.get("id"), **attrs)
    return graph
