"""The result cache of incremental runs: DIR/cache.sqlite.

One row per document written to DIR/documents: its id, the resume key it was written with
(version, config, schemas, model: `pipeline.engine.resume.resume_key`), its metadata and text hash,
the size and modification time of its YAML file, and its graph summary (`graph.build.summary_from_data`,
as JSON: entities and relations without the text, each a list).

A run looks every input document up here first: when id, key, metadata and hash match and the
YAML file is still the one the row describes (same size and mtime), the document is neither
analysed nor read back; its summary goes straight into the graph. Anything else (no row, another
key, a YAML file changed or rewritten since) falls back to `pipeline.engine.resume.previous_result`,
which reads and checks the YAML itself. So the cache only saves time: deleting it is always safe.

Only the parent process of a run writes it, after the document's YAML is written, one
transaction per batch; an interrupted run leaves a consistent database.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from pipeline.records import Document, DocumentSummary, summary_from_json

CACHE_NAME = "cache.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    pipeline TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    meta TEXT NOT NULL,
    yaml_size INTEGER NOT NULL,
    yaml_mtime_ns INTEGER NOT NULL,
    summary TEXT NOT NULL
)"""


def _meta(document: Document) -> str:
    return json.dumps([document.title, document.source, document.published], ensure_ascii=False)


def yaml_stat(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class ResultCache:
    """DIR/cache.sqlite (see the module docstring). A damaged database is replaced."""

    def __init__(self, out: Path):
        self.out = Path(out)
        self.path = self.out / CACHE_NAME
        self.out.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        db.execute(_SCHEMA)
        db.execute("SELECT count(*) FROM documents").fetchone()
        db.commit()
        return db

    def lookup(self, documents: list[Document], key: str) -> dict[str, DocumentSummary]:
        """doc id → summary, for the documents of `documents` whose row and YAML file match."""
        if not documents:
            return {}
        by_id = {d.id: d for d in documents}
        found: dict[str, DocumentSummary] = {}
        ids = list(by_id)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows = self.db.execute(
                f"SELECT id, pipeline, sha256, meta, yaml_size, yaml_mtime_ns, summary FROM documents "
                f"WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
            for doc_id, pipeline, sha256, meta, size, mtime, summary in rows:
                document = by_id[doc_id]
                if pipeline != key or sha256 != document.sha256 or meta != _meta(document):
                    continue
                if yaml_stat(self.out / "documents" / f"{doc_id}.yaml") != (size, mtime):
                    continue
                try:
                    found[doc_id] = summary_from_json(json.loads(summary))
                except (ValueError, KeyError, TypeError):
                    continue
        return found

    def store(self, entries: Iterable[tuple[Document, str, tuple[int, int] | None, DocumentSummary]]) -> None:
        """(document, key, its YAML's (size, mtime_ns), summary) rows, in one transaction."""
        rows = [(d.id, key, d.sha256, _meta(d), stat[0], stat[1], json.dumps(summary, ensure_ascii=False))
                for d, key, stat, summary in entries if stat is not None]
        if rows:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def retain(self, doc_ids: Iterable[str]) -> None:
        """Forget every document but those of `doc_ids` (the documents of this run)."""
        keep = set(doc_ids)
        stale = [(i,) for (i,) in self.db.execute("SELECT id FROM documents") if i not in keep]
        if stale:
            with self.db:
                self.db.executemany("DELETE FROM documents WHERE id = ?", stale)

    def close(self) -> None:
        self.db.close()
