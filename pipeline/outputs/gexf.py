"""graph.gexf: the merged graph as GEXF 1.2 for Gephi, with colours, sizes and a timeline (node
first/last seen, edge intervals from the dates of its documents)."""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from itertools import count
from pathlib import Path
from typing import Any, NamedTuple
from xml.sax.saxutils import quoteattr

import networkx as nx
import numpy as np

from pipeline.graph.analytics import SIZE_MIN
from pipeline.outputs.atomic import XML_ILLEGAL, atomic_write, xml_id, xml_value
from pipeline.outputs.documents import iso_date


def edge_interval(attrs: Mapping[str, Any], dates: Mapping[str, str]) -> tuple[str | None, str | None]:
    """First and last date of an edge: its own first_seen/last_seen when the graph has them,
    else the dates of its documents."""
    start, end = iso_date(attrs.get("first_seen")), iso_date(attrs.get("last_seen"))
    if start or end:
        return start, end
    days = sorted(dates[d] for d in attrs.get("documents") or [] if d in dates)
    return (days[0], days[-1]) if days else (None, None)


# GEXF edges reserve `type` (directed/undirected), `label`, `weight`, `id`, `start`, `end`.
GEXF_EDGE_NAMES = {"type": "relation"}


def _gexf_node_data(attrs: Mapping[str, Any]) -> dict[str, Any]:
    data = {k: xml_value(v) for k, v in attrs.items() if v is not None and k not in ("start", "end")}
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
    data = {GEXF_EDGE_NAMES.get(k, k): xml_value(val) for k, val in attrs.items()
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
    """The GEXF type of `value` as written (`xml_value(value)`: a list is text)."""
    kind = type(value)  # the common types first, by identity
    if kind is str:
        return "string"
    if kind is int:
        return "long"
    if kind is float:
        return "double"
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
    kind = type(value)  # the common types first, by identity
    if kind is str:
        return value
    if kind is int:
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (float, np.floating)):
        text = repr(float(value))
        return {"inf": "INF", "-inf": "-INF", "nan": "NaN"}.get(text, text)
    return str(value)


_NEEDS_QUOTING = re.compile('[&<>"\n\r\t]|' + XML_ILLEGAL.pattern)


def _attr(name: str, value: Any) -> str:
    text = str(value)
    if _NEEDS_QUOTING.search(text) is None:
        return f'{name}="{text}"'
    return f"{name}={quoteattr(XML_ILLEGAL.sub('', text))}"



class _Declarations(NamedTuple):
    """The attributes a GEXF file declares: type by name, and id by name, for nodes and edges."""

    node_types: dict[str, str]
    edge_types: dict[str, str]
    node_ids: dict[str, str]
    edge_ids: dict[str, str]
    dynamic: bool


def _declarations(graph: nx.MultiDiGraph, dates: Mapping[str, str]) -> _Declarations:
    """The node and edge attributes of `graph` with their GEXF types (one type per name, widened
    where values differ), their ids, and whether any node or edge has a date."""
    node_types: dict[str, str] = {}
    edge_types: dict[str, str] = {}
    dynamic = False
    for _, attrs in graph.nodes(data=True):
        dynamic = dynamic or bool(iso_date(attrs.get("first_seen")) or iso_date(attrs.get("last_seen")))
        for k, v in attrs.items():
            if v is not None and k not in _GEXF_NODE_KEYS:
                node_types[k] = _gexf_merge_type(node_types.get(k), _gexf_type(v))
    for _, _, attrs in graph.edges(data=True):
        dynamic = dynamic or any(edge_interval(attrs, dates))
        for k, v in attrs.items():
            name = GEXF_EDGE_NAMES.get(k, k)
            if v is not None and name not in _GEXF_EDGE_KEYS:
                edge_types[name] = _gexf_merge_type(edge_types.get(name), _gexf_type(v))
    if graph.is_multigraph():
        edge_types["networkx_key"] = "string"
    ids = {name: str(i) for i, name in enumerate([*node_types, *edge_types])}
    edge_ids = {name: str(len(node_types) + i) for i, name in enumerate(edge_types)}
    node_ids = {name: ids[name] for name in node_types}
    return _Declarations(node_types, edge_types, node_ids, edge_ids, dynamic)


def _gexf_head(graph: nx.MultiDiGraph, declared: _Declarations) -> str:
    """The GEXF text before the first node: meta, graph element, attribute declarations."""
    mode = ' mode="dynamic"' if declared.dynamic else ' mode="static"'
    name = _attr("name", graph.graph.get("name", "zhkg"))
    timeformat = ' timeformat="date"' if declared.dynamic else ""
    parts = [GEXF_HEAD, f"  <meta>\n    <creator>zhkg {_version()}</creator>\n  </meta>\n",
             f'  <graph defaultedgetype="directed"{mode} {name}{timeformat}>\n']
    for cls, types, ids in (("node", declared.node_types, declared.node_ids),
                            ("edge", declared.edge_types, declared.edge_ids)):
        if types:
            parts.append(f'    <attributes mode="static" class="{cls}">\n')
            parts += [f'      <attribute id="{ids[title]}" {_attr("title", title)} type="{kind}" />\n'
                      for title, kind in types.items()]
            parts.append("    </attributes>\n")
    return "".join(parts)


def _attvalues(values: list[tuple[str, Any]], declared: dict[str, str], indent: str) -> str:
    lines = [f'{indent}  <attvalue for="{declared[k]}" {_attr("value", _gexf_value(v))} />\n' for k, v in values]
    return f"{indent}<attvalues>\n{''.join(lines)}{indent}</attvalues>\n" if lines else ""


def _gexf_node(node: Any, attrs: Mapping[str, Any], node_ids: dict[str, str]) -> str:
    """One `<node>` element: id, label and interval, colour and size, declared attributes."""
    data = _gexf_node_data(attrs)
    head = [_attr("id", xml_id(node)), _attr("label", data.pop("label", node))]
    head += [_attr(k, data.pop(k)) for k in ("start", "end") if k in data]
    viz = data.pop("viz", None)
    body = ""
    if viz:
        c = viz["color"]
        body += f'        <viz:color r="{c["r"]}" g="{c["g"]}" b="{c["b"]}" a="{c["a"]}" />\n'
        body += f'        <viz:size value="{_gexf_value(viz["size"])}" />\n'
    body += _attvalues([(k, v) for k, v in data.items() if k in node_ids], node_ids, "        ")
    return f"      <node {' '.join(head)}" + (f">\n{body}      </node>\n" if body else " />\n")


def _gexf_edge(u: Any, v: Any, key: Any, attrs: Mapping[str, Any], dates: Mapping[str, str],
               edge_ids: dict[str, str], multigraph: bool, auto_ids: Iterator[str]) -> str:
    """One `<edge>` element: ends, id (the next of `auto_ids` when it has none), label, weight,
    interval and declared attributes."""
    data = _gexf_edge_data(attrs, dates)
    edge_id = data.pop("id", None)
    if edge_id is None:
        edge_id = next(auto_ids)
    head = [_attr("source", xml_id(u)), _attr("target", xml_id(v)), _attr("id", xml_id(edge_id)),
            _attr("label", data.pop("label"))]
    head += [_attr(k, data.pop(k)) for k in ("weight", "start", "end") if k in data]
    values = [(k, val) for k, val in data.items() if k in edge_ids]
    if multigraph:
        values.append(("networkx_key", key))
    body = _attvalues(values, edge_ids, "        ")
    return f"      <edge {' '.join(head)}" + (f">\n{body}      </edge>\n" if body else " />\n")


def write_gexf(path: Path, graph: nx.MultiDiGraph, dates: Mapping[str, str] | None = None) -> None:
    """GEXF 1.2 (what `nx.write_gexf(gexf_ready(graph, dates))` writes, read back by
    `nx.read_gexf` and Gephi), streamed one node and one edge at a time: networkx builds the
    whole XML tree first, several times the size of the graph."""
    dates = dates or {}
    declared = _declarations(graph, dates)

    def write(handle) -> None:
        handle.write(_gexf_head(graph, declared))
        handle.write("    <nodes>\n")
        for node, attrs in graph.nodes(data=True):
            handle.write(_gexf_node(node, attrs, declared.node_ids))
        handle.write("    </nodes>\n    <edges>\n")
        auto_ids = (f"auto{i}" for i in count())
        for u, v, key, attrs in graph.edges(keys=True, data=True):
            handle.write(_gexf_edge(u, v, key, attrs, dates, declared.edge_ids, graph.is_multigraph(), auto_ids))
        handle.write("    </edges>\n  </graph>\n</gexf>\n")

    atomic_write(path, write)


def _version() -> str:
    from pipeline import __version__

    return __version__
