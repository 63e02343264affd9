"""Serialisation stage: document YAML, corpus graph YAML, GraphML and run.yaml, written atomically."""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

from pipeline.records import DocumentResult

try:
    _Dumper = yaml.CSafeDumper
except AttributeError:  # PyYAML built without libyaml
    _Dumper = yaml.SafeDumper

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _file_mode() -> int:
    """The mode a plain `open()` would give a new file under the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _file_mode()


def atomic_write(path: Path, write: Callable[[Any], None], mode: str = "w") -> None:
    """Write through a temporary file in the same folder, then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, FILE_MODE)
        with os.fdopen(fd, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as handle:
            write(handle)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_document_header(path: Path, max_lines: int = 40) -> dict[str, Any] | None:
    """The `document:` block at the top of a document YAML, read without the rest of the file
    (its text); None when the file is unreadable or does not start with such a block."""
    try:
        with path.open(encoding="utf-8") as handle:
            head: list[str] = []
            for line in handle:
                if (head and not line.startswith((" ", "\t"))) or len(head) > max_lines:
                    break
                head.append(line)
        block = yaml.safe_load("".join(head))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    meta = block.get("document") if isinstance(block, dict) else None
    return meta if isinstance(meta, dict) else None


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)


def write_yaml(path: Path, data: Any) -> None:
    text = dump_yaml(data)
    atomic_write(path, lambda handle: handle.write(text))


def document_to_dict(result: DocumentResult, max_evidence: int = 3, pipeline: str | None = None) -> dict[str, Any]:
    """The document YAML contract (see README): document, text, entities, relations.

    `pipeline`: the run's resume key (pipeline.engine.resume), kept as `document.pipeline`."""
    d = result.document
    return {
        "document": {"id": d.id, "title": d.title, "source": d.source, "published": d.published,
                     "chars": len(d.text), "sha256": d.sha256, **({"pipeline": pipeline} if pipeline else {})},
        "text": d.text,
        "entities": [
            {"id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases),
             "mentions": [{"start": s.start, "end": s.end, "text": s.text} for s in e.mentions],
             "confidence": round(e.confidence, 3)}
            for e in result.entities
        ],
        "relations": [
            {"type": r.type, "head": r.head, "tail": r.tail,
             "attributes": {"title": r.title} if r.title else {},
             "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in r.evidence[:max_evidence]],
             "confidence": round(r.confidence, 3), "rule": r.rule}
            for r in result.relations
        ],
    }


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


def _graphml_value(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return "|".join(_XML_ILLEGAL.sub("", str(v)) for v in value)
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("", value)
    return value


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
        clean.add_node(node, **{k: _graphml_value(v) for k, v in attrs.items() if v is not None})
        node_names.update(attrs)
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        clean.add_edge(u, v, key=key, **{_edge_name(k, node_names): _graphml_value(val)
                                         for k, val in attrs.items() if val is not None})
    return clean


def xml_safe_ids(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """`graph`, or a copy whose node ids lost the characters XML forbids (an entity name may
    hold a control character of its text)."""
    mapping = {n: _XML_ILLEGAL.sub("", n) for n in graph if isinstance(n, str) and _XML_ILLEGAL.search(n)}
    return nx.relabel_nodes(graph, mapping, copy=True) if mapping else graph


def write_graphml(path: Path, graph: nx.MultiDiGraph) -> None:
    ready = xml_safe_ids(graphml_ready(graph))
    atomic_write(path, lambda handle: nx.write_graphml(ready, handle, named_key_ids=True,
                                                        edge_id_from_attribute="id"), mode="wb")


try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


def result_from_dict(data: dict[str, Any], path: str | None = None) -> DocumentResult:
    """The `DocumentResult` of a document YAML's data (the inverse of `document_to_dict`, up to
    its rounding and evidence cut). KeyError/TypeError/ValueError when `data` is not one."""
    from pipeline.records import Document, Entity, Relation, Span

    meta = data["document"]
    if not isinstance(data["text"], str) or not isinstance(meta["id"], str):
        raise ValueError("not a document: id and text must be strings")
    document = Document(id=meta["id"], text=data["text"], title=meta["title"], source=meta["source"],
                        published=meta["published"], path=path, sha256=meta["sha256"])
    entities = [
        Entity(e["id"], e["type"], e["name"], list(e["aliases"]),
               [Span(m["start"], m["end"], m["text"]) for m in e["mentions"]], e["confidence"])
        for e in data["entities"]
    ]
    relations = [
        Relation(r["type"], r["head"], r["tail"], tuple(Span(s["start"], s["end"], s["text"]) for s in r["evidence"]),
                 r["confidence"], r["rule"], (r.get("attributes") or {}).get("title"))
        for r in data["relations"]
    ]
    return DocumentResult(document, entities, relations)


def read_document_yaml(path: Path) -> dict[str, Any]:
    """A document YAML's data, read with the (C) safe loader; ValueError if it is no mapping."""
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader
    if not isinstance(data, dict) or not isinstance(data.get("document"), dict):
        raise ValueError(f"{path}: not a document YAML")
    return data


def load_result(path: Path, source: str | None = None) -> DocumentResult:
    """Read a document YAML written by `zhkg run` back into a `DocumentResult`."""
    return result_from_dict(read_document_yaml(path), source)
