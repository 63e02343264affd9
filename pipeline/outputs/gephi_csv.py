"""nodes.csv and edges.csv: the merged graph as the two tables of Gephi's spreadsheet import."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.outputs.atomic import atomic_write

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
