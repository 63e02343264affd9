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

A damaged database, or one of other columns (an older zhkg, another program), is set aside as
`cache.sqlite.damaged` and rebuilt; a full disk is `errors.NoSpaceLeft`. Only the parent process
of a run writes it, after the document's YAML is written, one transaction per batch; an
interrupted run leaves a consistent database. Its commits do not wait for the disk (`PRAGMA
synchronous=OFF`, a wait of milliseconds per batch otherwise): what a crash of the system
itself could leave damaged is set aside and rebuilt like any damaged database.
"""
from __future__ import annotations

import errno
import functools
import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import NoSpaceLeft
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


def summary_json(summary: DocumentSummary) -> str:
    """A summary as its cache row holds it."""
    return json.dumps(summary, ensure_ascii=False)


def yaml_stat(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


_COLUMNS = ["id", "pipeline", "sha256", "meta", "yaml_size", "yaml_mtime_ns", "summary"]


def _no_space(error: sqlite3.Error, path: Path) -> NoSpaceLeft | None:
    """The NoSpaceLeft that `error` means, else None."""
    if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(error):
        return NoSpaceLeft(errno.ENOSPC, "No space left on device", str(path))
    return None


def _guarded(method):
    """A ResultCache method whose sqlite errors are handled: a full disk is NoSpaceLeft; any
    other error (a damaged database) sets the file aside and the call is answered by a new,
    empty cache (the cache only saves time)."""
    @functools.wraps(method)
    def guarded(self: ResultCache, *args):
        try:
            return method(self, *args)
        except sqlite3.Error as error:
            full = _no_space(error, self.path)
            if full is not None:
                raise full from None
            self.db.close()
            self._set_aside(error)
            self.db = self._open()
            return method(self, *args)
    return guarded


class ResultCache:
    """DIR/cache.sqlite (see the module docstring). A database that is damaged, or that another
    program or an older zhkg wrote (other columns), is set aside as cache.sqlite.damaged and
    a new one started; a full disk is NoSpaceLeft."""

    def __init__(self, out: Path, warn=lambda message: None):
        self.out = Path(out)
        self.path = self.out / CACHE_NAME
        self.warn = warn
        self.out.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.Error as error:
            full = _no_space(error, self.path)
            if full is not None:
                raise full from None
            self._set_aside(error)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        try:
            db.execute("PRAGMA synchronous=OFF")
            db.execute(_SCHEMA)
            columns = [row[1] for row in db.execute("PRAGMA table_info(documents)")]
            if columns != _COLUMNS:
                raise sqlite3.DatabaseError(f"a table of other columns ({', '.join(columns)})")
            db.execute("SELECT count(*) FROM documents").fetchone()
            db.commit()
        except BaseException:
            db.close()
            raise
        return db

    def _set_aside(self, error: sqlite3.Error) -> None:
        aside = self.path.with_name(f"{CACHE_NAME}.damaged")
        self.warn(f"zhkg: {self.path} unusable ({error}): moved to {aside.name}, a new cache is built")
        if self.path.exists():
            os.replace(self.path, aside)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    @_guarded
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

    @_guarded
    def store(self, entries: Iterable[tuple[Document, str, tuple[int, int] | None, str]]) -> None:
        """(document, key, its YAML's (size, mtime_ns), `summary_json` of its summary) rows, in one
        transaction."""
        rows = [(d.id, key, d.sha256, _meta(d), stat[0], stat[1], summary)
                for d, key, stat, summary in entries if stat is not None]
        if rows:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    @_guarded
    def retain(self, doc_ids: Iterable[str]) -> None:
        """Forget every document but those of `doc_ids` (the documents of this run)."""
        keep = set(doc_ids)
        stale = [(i,) for (i,) in self.db.execute("SELECT id FROM documents") if i not in keep]
        if stale:
            with self.db:
                self.db.executemany("DELETE FROM documents WHERE id = ?", stale)

    def close(self) -> None:
        self.db.close()
