"""nodes.csv and edges.csv: the merged graph as the two tables of Gephi's spreadsheet import."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
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


CHUNK_ROWS = 2000  # rows encoded and written at a time


def _csv_chunks(header: list[str], rows: Iterable[list[Any]]) -> Iterator[bytes]:
    """The table's UTF-8 bytes (no BOM), a few thousand rows at a time: a large graph's table is
    never held whole."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for index, row in enumerate(rows, start=1):
        writer.writerow([_cell(v) for v in row])
        if index % CHUNK_ROWS == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def _node_table(graph: nx.MultiDiGraph) -> tuple[list[str], Iterator[list[Any]]]:
    extra = _columns((a for _, a in graph.nodes(data=True)), CSV_NODE_SKIP)
    rows = ([node, attrs.get("label", node), attrs.get("type"), *(attrs.get(k) for k in extra)]
            for node, attrs in graph.nodes(data=True))
    return [*NODE_COLUMNS, *extra], rows


def _edge_table(graph: nx.MultiDiGraph) -> tuple[list[str], Iterator[list[Any]]]:
    extra = _columns((a for *_, a in graph.edges(keys=True, data=True)), CSV_EDGE_SKIP)
    extra = ["relation" if k == "type" else k for k in extra]
    rows = ([u, v, "Directed", attrs.get("id", f"{u}->{v}:{key}"), attrs.get("label") or attrs.get("type"),
             attrs.get("weight", 1), *(attrs.get("type" if k == "relation" else k) for k in extra)]
            for u, v, key, attrs in graph.edges(keys=True, data=True))
    return [*EDGE_COLUMNS, *extra], rows


def nodes_csv(graph: nx.MultiDiGraph) -> bytes:
    """Gephi's node table: Id, Label, Category (the entity type), then every other attribute."""
    return b"".join(_csv_chunks(*_node_table(graph)))


def edges_csv(graph: nx.MultiDiGraph) -> bytes:
    """Gephi's edge table: Source, Target, Type (Directed), Id, Label (the relation), Weight,
    then `relation`, `title` and every other attribute (lists joined by `|`)."""
    return b"".join(_csv_chunks(*_edge_table(graph)))


def write_csv(out_dir: Path, graph: nx.MultiDiGraph) -> None:
    """nodes.csv and edges.csv (the bytes of `nodes_csv` and `edges_csv`), written a few
    thousand rows at a time."""
    for name, table in (("nodes.csv", _node_table), ("edges.csv", _edge_table)):
        chunks = _csv_chunks(*table(graph))
        atomic_write(out_dir / name, lambda handle, chunks=chunks: handle.writelines(chunks), mode="wb")
