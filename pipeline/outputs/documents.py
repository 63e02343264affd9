"""Document YAML: one file per document (see README for the contract), written by `zhkg run`
and read back by incremental runs, with the publication dates the GEXF timeline needs."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from pipeline.outputs.yaml_io import load_yaml
from pipeline.records import Document, DocumentResult, Entity, Relation, Span

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
             "attributes": {k: v for k, v in (("title", r.title), ("status", r.status)) if v},
             "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in r.evidence[:max_evidence]],
             "confidence": round(r.confidence, 3), "rule": r.rule}
            for r in result.relations
        ],
    }


def result_from_dict(data: dict[str, Any], path: str | None = None) -> DocumentResult:
    """The `DocumentResult` of a document YAML's data (the inverse of `document_to_dict`, up to
    its rounding and evidence cut). KeyError/TypeError/ValueError when `data` is not one."""
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
                 r["confidence"], r["rule"], (r.get("attributes") or {}).get("title"),
                 (r.get("attributes") or {}).get("status"))
        for r in data["relations"]
    ]
    return DocumentResult(document, entities, relations)


def read_document_yaml(path: Path) -> dict[str, Any]:
    """A document YAML's data, read with the (C) safe loader; ValueError if it is no mapping."""
    data = load_yaml(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("document"), dict):
        raise ValueError(f"{path}: not a document YAML")
    return data


def load_result(path: Path, source: str | None = None) -> DocumentResult:
    """Read a document YAML written by `zhkg run` back into a `DocumentResult`."""
    return result_from_dict(read_document_yaml(path), source)


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
