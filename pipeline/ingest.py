"""Ingest stage: find inputs, decode them and read their metadata.

`read_inputs` streams `Document` records (or `Skipped` ones, with the reason) from
files and folders, one at a time, so a corpus never has to fit in memory.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import Document, Skipped

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl"}
INPUT_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES

_SOURCE_LINE = re.compile(
    r"^\s*(?P<source>[^\d\s][^\n]{0,40}?)\s+"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)
_SENTENCE_END = "。！？!?；;"
_TITLE_MAX_CHARS = 80
_ID_UNSAFE = re.compile(r"[^\w.\-]+")


class InputError(Exception):
    """An input that cannot become a document; the message says why."""


def find_inputs(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Yield input files under `paths` (files as given, folders walked in sorted order)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            if not found:
                yield Skipped(str(path), "folder holds no .txt, .md or .jsonl files")
            yield from found
        elif path.is_file():
            yield path
        else:
            yield Skipped(str(path), "no such file or folder")


def decode(data: bytes, name: str, max_chars: int) -> str:
    """Decode bytes as UTF-8 (BOM allowed), UTF-16 with BOM, or GB18030; normalise newlines."""
    if not data.strip():
        raise InputError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if b"\x00" in data[:4096]:
            raise InputError("binary file (NUL bytes), not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as utf8_error:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise InputError(
                    f"not UTF-8 or GB18030 text: undecodable byte at offset {utf8_error.start}"
                ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("no text after decoding")
    if len(text) > max_chars:
        raise InputError(f"document has {len(text):,} characters, over the limit of {max_chars:,}")
    return text


def split_header(text: str) -> tuple[str | None, str | None, str | None]:
    """Read (title, source, published) from the first lines of a news text."""
    lines = [line.strip() for line in text.split("\n")[:8] if line.strip()]
    title = source = published = None
    if len(lines) > 1 and len(lines[0]) <= _TITLE_MAX_CHARS and lines[0][-1] not in _SENTENCE_END:
        if not _SOURCE_LINE.match(lines[0]):
            title = lines[0]
    for line in lines[:3]:
        match = _SOURCE_LINE.match(line)
        if match:
            source, published = match.group("source").strip(), match.group("date")
            break
    return title, source, published


def safe_id(raw: str) -> str:
    """A document id usable as a file name: no separators, no leading dots."""
    cleaned = _ID_UNSAFE.sub("_", raw.strip()).strip("._")
    return cleaned[:120] or "document"


def make_document(doc_id: str, text: str, path: str, **meta: str | None) -> Document:
    title, source, published = split_header(text)
    return Document(
        id=doc_id,
        text=text,
        title=meta.get("title") or title,
        source=meta.get("source") or source,
        published=meta.get("published") or published,
        path=path,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def read_text_file(path: Path, max_chars: int) -> Document:
    text = decode(path.read_bytes(), str(path), max_chars)
    return make_document(safe_id(path.stem), text, str(path))


def read_jsonl(path: Path, max_chars: int) -> Iterator[Document | Skipped]:
    """One document a line: {"id", "text", "title"?, "source"?, "date"?}."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(decode(raw, where, max_chars))
            except (InputError, json.JSONDecodeError) as error:
                yield Skipped(where, f"not a JSON line: {error}")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
                yield Skipped(where, 'a JSON object with a non-empty "text" string is required')
                continue
            text = record["text"].replace("\r\n", "\n")
            title = record.get("title") if isinstance(record.get("title"), str) else None
            if title and not text.lstrip().startswith(title):
                text = f"{title}\n\n{text}"
            doc_id = safe_id(str(record.get("id") or f"{path.stem}-{number}"))
            yield make_document(
                doc_id, text, where, title=title,
                source=_str_or_none(record.get("source")), published=_str_or_none(record.get("date")),
            )


def _str_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def read_inputs(paths: Iterable[str | Path], max_chars: int = 2_000_000) -> Iterator[Document | Skipped]:
    """Stream documents from files and folders; inputs that fail come as `Skipped`.

    Document ids are unique within one call: a repeated id gets a numeric suffix.
    """
    seen: set[str] = set()
    for item in find_inputs(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            produced = (
                read_jsonl(item, max_chars) if item.suffix.lower() in JSONL_SUFFIXES
                else iter([read_text_file(item, max_chars)])
            )
            for record in produced:
                if isinstance(record, Document):
                    record = _unique(record, seen)
                yield record
        except InputError as error:
            yield Skipped(str(item), str(error))
        except OSError as error:
            yield Skipped(str(item), f"cannot read: {error.strerror or error}")


def _unique(document: Document, seen: set[str]) -> Document:
    doc_id, n = document.id, 1
    while doc_id in seen:
        n += 1
        doc_id = f"{document.id}-{n}"
    seen.add(doc_id)
    if doc_id == document.id:
        return document
    return Document(**{**document.__dict__, "id": doc_id})
