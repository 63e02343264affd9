"""graph.graphml: the merged graph as GraphML (the bytes of networkx's lxml writer, key ids named
after the attributes, streamed one node and one edge at a time), for Gephi, igraph, Cytoscape and
networkx."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

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


GRAPHML_HEAD = ("<?xml version='1.0' encoding='utf-8'?>\n"
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
# GraphML's name of a value's type, as networkx gives it
GRAPHML_TYPES: dict[type, str] = {
    **dict.fromkeys((np.float64, np.float32, np.float16), "float"),
    **dict.fromkeys((np.int_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
                     np.intc, np.intp), "int"),
    int: "long", str: "string", float: "double", bool: "boolean",
}
_TEXT_ESCAPES = re.compile("[&<>\r]")
_ATTRIBUTE_ESCAPES = re.compile('[&<>"\n\r\t]')
_ESCAPED = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def _escaped(pattern: re.Pattern, text: str) -> str:
    return pattern.sub(lambda match: _ESCAPED[match.group()], text) if pattern.search(text) else text


def _graphml_type(value: Any) -> str:
    """The GraphML type of `value` as written (`xml_value(value)`: a list is text)."""
    if isinstance(value, (list, tuple, set)):
        return "string"
    try:
        return GRAPHML_TYPES[type(value)]
    except KeyError:
        raise TypeError(f"GraphML does not support type {type(value)} as data values.") from None


def _element(tag: str, attributes: str, data: list[tuple[str, str]]) -> str:
    if not data:
        return f"<{tag} {attributes}/>\n"
    lines = "".join(f'  <data key="{_escaped(_ATTRIBUTE_ESCAPES, key)}">{_escaped(_TEXT_ESCAPES, text)}</data>\n'
                    for key, text in data)
    return f"<{tag} {attributes}>\n{lines}</{tag}>\n"


def graphml_chunks(graph: nx.MultiDiGraph) -> Iterator[str]:
    """The text of `nx.write_graphml(xml_safe_ids(graphml_ready(graph)), named_key_ids=True,
    edge_id_from_attribute="id")` with lxml, in pieces: the key declarations (one per name,
    type and scope, in reverse order of first use), then one node or edge at a time."""
    node_names: set[str] = set()
    keys: dict[tuple[str, str, str], None] = {}
    for _, attrs in graph.nodes(data=True):
        node_names.update(attrs)
        for name, value in attrs.items():
            if value is not None:
                keys[(str(name), _graphml_type(value), "node")] = None
    for _, _, attrs in graph.edges(data=True):
        for name, value in attrs.items():
            if value is not None:
                keys[(str(_edge_name(name, node_names)), _graphml_type(value), "edge")] = None
    yield GRAPHML_HEAD
    for name, kind, scope in reversed(keys):
        label = _escaped(_ATTRIBUTE_ESCAPES, name)
        yield f'<key id="{label}" for="{scope}" attr.name="{label}" attr.type="{kind}"/>\n'
    yield '<graph edgedefault="directed">'
    for node, attrs in graph.nodes(data=True):
        data = [(str(name), str(xml_value(value))) for name, value in attrs.items() if value is not None]
        yield _element("node", f'id="{_escaped(_ATTRIBUTE_ESCAPES, _node_id(node))}"', data)
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        data = [(str(_edge_name(name, node_names)), str(xml_value(value)))
                for name, value in attrs.items() if value is not None]
        edge_id = str(xml_value(attrs["id"])) if attrs.get("id") is not None else str(key)
        ends = f'source="{_escaped(_ATTRIBUTE_ESCAPES, _node_id(u))}" target="{_escaped(_ATTRIBUTE_ESCAPES, _node_id(v))}"'
        yield _element("edge", f'{ends} id="{_escaped(_ATTRIBUTE_ESCAPES, edge_id)}"', data)
    yield "</graph></graphml>"


def _node_id(node: Any) -> str:
    return xml_id(node) if isinstance(node, str) else str(node)


def write_graphml(path: Path, graph: nx.MultiDiGraph) -> None:
    def write(handle) -> None:
        for chunk in graphml_chunks(graph):
            handle.write(chunk.encode("utf-8"))

    atomic_write(path, write, mode="wb")
