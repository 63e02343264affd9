"""Documents from decoded text: header fields, safe ids, and the splitting of long texts.

A text longer than `max_chars` becomes parts `<id>-part-0001`, `<id>-part-0002`, … cut at
paragraph, else sentence, else clause boundaries, each at most `max_chars` long (`cut_point`).
Document ids are made safe as file names on any system (`safe_id`).
"""
from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from pipeline.errors import NO_TEXT, InputError
from pipeline.records import Document

_SOURCE_LINE = re.compile(
    r"^\s*(?P<source>[^\d\s][^\n]{0,40}?)\s+"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)
_SENTENCE_END = "。！？!?；;"
_TITLE_MAX_CHARS = 80
_ID_UNSAFE = re.compile(r"[^\w.\-]+")
_ID_MAX_CHARS = 120
_ID_MAX_BYTES = 180  # a file name is at most 255 bytes: room for -part-0001, -2, .yaml and a temp prefix
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
_SENTENCE_CUT = re.compile(r"[。！？!?；;…][”’」』）)\"']*")
_CLAUSE_CUT = re.compile(r"[，,、：:]")


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
    """A document id usable as a file name on any system: no separators, no leading dots, no
    reserved device names, at most 120 characters and 180 bytes of UTF-8, NFC-normalised."""
    cleaned = _ID_UNSAFE.sub("_", unicodedata.normalize("NFC", raw).strip()).strip("._")
    cleaned = cleaned[:_ID_MAX_CHARS]
    while len(cleaned.encode("utf-8")) > _ID_MAX_BYTES:
        cleaned = cleaned[:-1]
    cleaned = cleaned.rstrip("._") or "document"
    if cleaned.split(".")[0].upper() in _WINDOWS_RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned


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


# --- splitting long texts -------------------------------------------------------------------

def cut_point(text: str, limit: int) -> int:
    """Where the first part of `text` (longer than `limit`) ends: after the last paragraph
    break, else line break, else sentence end, else clause mark in its first `limit` characters
    (not before half of it), else at `limit`."""
    window = text[:limit]
    floor = limit // 2
    for separator in ("\n\n", "\n"):
        at = window.rfind(separator)
        if at >= floor:
            return at + len(separator)
    for pattern in (_SENTENCE_CUT, _CLAUSE_CUT):
        ends = [m.end() for m in pattern.finditer(window, floor)]
        if ends:
            return ends[-1]
    return limit


def split_text(text: str, limit: int) -> list[str]:
    """`text` in consecutive parts of at most `limit` characters (see `cut_point`); joined,
    the parts are `text` again."""
    return list(_split_pieces([text], limit))


def _split_pieces(pieces: Iterable[str], limit: int) -> Iterator[str]:
    if limit < 1:
        raise ValueError("max_chars must be at least 1")
    buffer = ""
    for piece in pieces:
        buffer += piece
        while len(buffer) > limit:
            cut = cut_point(buffer, limit)
            yield buffer[:cut]
            buffer = buffer[cut:]
    if buffer:
        yield buffer


def documents_from(doc_id: str, pieces: Iterable[str], path: str, max_chars: int,
                   **meta: str | None) -> Iterator[Document]:
    """One document from the text in `pieces`, or parts `<doc_id>-part-0001`, … when it is
    longer than `max_chars`. Parts after the first keep the first part's title, source and date.
    Parts of blank text are left out (they hold nothing to lose)."""
    parts = _split_pieces(pieces, max_chars)
    first = next(parts, None)
    second = next(parts, None) if first is not None else None
    if second is None:
        if first is None or not first.strip():
            raise InputError(NO_TEXT)
        yield make_document(doc_id, first, path, **meta)
        return
    shared: dict[str, str | None] | None = None
    number = 0
    for part in itertools.chain((first, second), parts):
        if not part.strip():
            continue
        if shared is None:
            title, source, published = split_header(part)
            shared = {"title": meta.get("title") or title, "source": meta.get("source") or source,
                      "published": meta.get("published") or published}
        number += 1
        yield make_document(f"{doc_id}-part-{number:04d}", part, path, **shared)
    if number == 0:
        raise InputError(NO_TEXT)
