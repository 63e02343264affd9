"""graph.graphml: the merged graph as GraphML (networkx's writer, key ids named after the
attributes), for Gephi, igraph, Cytoscape and networkx."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from pipeline.outputs.atomic import atomic_write, xml_id, xml_value

# GraphML key ids are the attribute names and must be unique across nodes and edges, so an
# edge attribute that shares its name with a node attribute is renamed (Gephi reads both).
GRAPHML_EDGE_NAMES = {"type": "relation", "label": "edgelabel"}


def _edge_name(name: str, node_names: set[str]) -> str:
    if name in GRAPHML_EDGE_NAMES:
        return GRAPHML_EDGE_NAMES[name]
    return f"edge_{name}" if name in node_names else name


def graphml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy without None values, with lists joined by `|`, XML-illegal characters removed
    and edge attribute names that no node attribute uses."""
    clean = nx.MultiDiGraph()
    node_names: set[str] = set()
    for node, attrs in graph.nodes(data=True):
        clean.add_node(node, **{k: xml_value(v) for k, v in attrs.items() if v is not None})
        node_names.update(attrs)
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        clean.add_edge(u, v, key=key, **{_edge_name(k, node_names): xml_value(val)
                                         for k, val in attrs.items() if val is not None})
    return clean


def xml_safe_ids(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """`graph`, or a copy whose node ids are escaped as XML can hold them (`atomic.xml_id`: an
    entity name may hold a control character of its text), distinct ids kept distinct."""
    mapping = {n: xml_id(n) for n in graph if isinstance(n, str) and xml_id(n) != n}
    return nx.relabel_nodes(graph, mapping, copy=True) if mapping else graph


def write_graphml(path: Path, graph: nx.MultiDiGraph) -> None:
    ready = xml_safe_ids(graphml_ready(graph))
    atomic_write(path, lambda handle: nx.write_graphml(ready, handle, named_key_ids=True,
                                                        edge_id_from_attribute="id"), mode="wb")
