"""jsonl input (`.jsonl`, or gzip-compressed `.jsonl.gz`, read as a stream): one document a line,
{"id", "text", "title"?, "source"?, "date"?}. A bad line is skipped as `FILE:LINE`; the others
are kept. Memory is bounded by `Limits`, not by the file: a line over `max_line_bytes` is
skipped without being held, and a gzip file is checked whole (CRC) before any line is used."""
from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from pipeline.errors import (
    JSON_TEXT_REQUIRED,
    NO_JSON_LINES,
    TRUNCATED_COMPRESSED,
    InputError,
    damaged_compressed,
    line_too_long,
    more_skipped_lines,
    not_a_json_line,
    undecodable,
    unpaired_surrogate,
)
from pipeline.ingest.decoding import LEGACY, bom_codec, codec_name, iter_decoded, normalise_text
from pipeline.ingest.documents import documents_from, safe_id
from pipeline.records import Document, Skipped

_SURROGATE = re.compile(r"[\ud800-\udfff]")


DEFAULT_MAX_LINE_BYTES = 64 << 20
DEFAULT_MAX_REPORTED_SKIPS = 100
_CHUNK = 1 << 20


class Limits(NamedTuple):
    """What one jsonl file may cost: the longest line read (bytes), and the skipped lines
    reported one by one (the rest are counted in one entry)."""
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
    max_reported_skips: int = DEFAULT_MAX_REPORTED_SKIPS


class _Overlong(NamedTuple):
    size: int


def _open_binary(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _chunks(path: Path):
    def read() -> Iterator[bytes]:
        with _open_binary(path) as handle:
            while chunk := handle.read(_CHUNK):
                yield chunk
    return read


def _stem(path: Path) -> str:
    name = path.name
    return name[:-len(".jsonl.gz")] if name.lower().endswith(".jsonl.gz") else path.stem


def check_gzip(path: Path) -> None:
    """Read a gzip file through once, so that a failed CRC or length check (or a truncation)
    is an InputError before any of its documents is used."""
    try:
        for _ in _chunks(path)():
            pass
    except EOFError:
        raise InputError(TRUNCATED_COMPRESSED) from None
    except (gzip.BadGzipFile, zlib.error) as error:
        raise InputError(damaged_compressed(error)) from None


def read_jsonl(path: Path, max_chars: int, encoding: str | None = None,
               limits: Limits | None = None) -> Iterator[Document | Skipped]:
    """One document a line: {"id", "text", "title"?, "source"?, "date"?}."""
    limits = limits or Limits()
    if path.name.lower().endswith(".gz"):
        check_gzip(path)
    produced = False
    skipped = 0
    for record in _records(path, encoding, max_chars, limits.max_line_bytes):
        produced = True
        if isinstance(record, Skipped):
            skipped += 1
            if skipped > limits.max_reported_skips:
                continue
        yield record
    if skipped > limits.max_reported_skips:
        yield Skipped(str(path), more_skipped_lines(skipped - limits.max_reported_skips, limits.max_reported_skips))
    if not produced:
        yield Skipped(str(path), NO_JSON_LINES)


def _records(path: Path, encoding: str | None, max_chars: int, max_line_bytes: int) -> Iterator[Document | Skipped]:
    for where, line in _lines(path, encoding, max_line_bytes):
        if isinstance(line, Skipped):
            yield line
        elif line.strip():
            yield from _record(path, where, line, max_chars)


def _record(path: Path, where: str, line: str, max_chars: int) -> Iterator[Document | Skipped]:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:
        yield Skipped(where, not_a_json_line(error))
        return
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        yield Skipped(where, JSON_TEXT_REQUIRED)
        return
    fields = [v for v in (record["text"], record.get("title"), record.get("id"), record.get("source"),
                          record.get("date")) if isinstance(v, str)]
    bad = next((m for f in fields for m in [_SURROGATE.search(f)] if m), None)
    if bad:
        yield Skipped(where, unpaired_surrogate(bad.group()))
        return
    text = normalise_text(record["text"])
    title = record.get("title") if isinstance(record.get("title"), str) and record["title"].strip() else None
    if title:
        title = " ".join(title.split())
        if not text.lstrip().startswith(title):
            text = f"{title}\n\n{text}"
    number = where.rsplit(":", 1)[-1]
    doc_id = safe_id(str(record.get("id") or f"{_stem(path)}-{number}"))
    try:
        yield from documents_from(doc_id, [text], where, max_chars, title=title,
                                  source=_str_or_none(record.get("source")),
                                  published=_str_or_none(record.get("date")))
    except InputError as error:
        yield Skipped(where, str(error))


def _capped_lines(handle, limit: int) -> Iterator[bytes | _Overlong]:
    """The lines of a binary file; a line over `limit` bytes comes as `_Overlong(size)`, read
    through in chunks and never held whole."""
    while raw := handle.readline(limit + 1):
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield raw
            continue
        size = len(raw)
        while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
            size += len(rest)
        yield _Overlong(size + len(rest))


def _text_lines(pieces: Iterator[str], limit: int) -> Iterator[str | _Overlong]:
    """The lines of decoded text `pieces`; a line of over `limit` characters comes as
    `_Overlong` (its size in characters)."""
    held: list[str] = []
    size = 0
    overlong = False
    for piece in pieces:
        start = 0
        while (end := piece.find("\n", start)) >= 0:
            part = piece[start:end]
            yield _Overlong(size + len(part)) if overlong or size + len(part) > limit else "".join(held) + part
            held, size, overlong, start = [], 0, False, end + 1
        rest = piece[start:]
        size += len(rest)
        overlong = overlong or size > limit
        if overlong:
            held = []
        else:
            held.append(rest)
    if size or held:
        yield _Overlong(size) if overlong else "".join(held)


def _lines(path: Path, encoding: str | None, limit: int) -> Iterator[tuple[str, str | Skipped]]:
    """(where, line) for every line of a jsonl file, or (where, Skipped) for an undecodable or
    overlong one (over `limit` bytes: skipped unread).

    UTF-8 is the fast path, line by line. A file some of whose lines are not UTF-8 is decoded
    with the encoding detected on those lines when no line is non-ASCII UTF-8 (a GB18030 or
    Big5 file); otherwise it is a UTF-8 file with damaged lines, and they are skipped with
    their byte offsets. UTF-16/32 files (BOM or NUL bytes) are decoded as a stream of chunks;
    a file of NUL bytes is binary."""
    with _open_binary(path) as handle:
        head = handle.read(4096)
    codec = codec_name(encoding) if encoding else bom_codec(head)
    if (codec or "").replace("-", "_").startswith(("utf_16", "utf_32")) or (codec is None and b"\x00" in head):
        _, pieces = iter_decoded(_chunks(path), encoding)
        for number, line in enumerate(_text_lines(pieces, limit // 2), start=1):  # ≥ 2 bytes a character
            where = f"{path}:{number}"
            yield where, Skipped(where, line_too_long(2 * line.size, limit)) if isinstance(line, _Overlong) else line
        return
    yield from _byte_lines(path, codec or "utf-8", encoding is None, limit)


def _byte_lines(path: Path, codec: str, detect: bool, limit: int) -> Iterator[tuple[str, str | Skipped]]:
    fallback: str | None = None
    with _open_binary(path) as handle:
        offset = 0
        for number, raw in enumerate(_capped_lines(handle, limit), start=1):
            where = f"{path}:{number}"
            if isinstance(raw, _Overlong):
                yield where, Skipped(where, line_too_long(raw.size, limit))
                offset += raw.size
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf") and codec in ("utf-8", "utf_8"):
                raw, offset = raw[3:], 3
            try:
                yield where, raw.decode(codec)
            except UnicodeDecodeError as error:
                failure = error
                if detect and fallback is None:
                    fallback = _legacy_encoding(path, limit) or ""
                if fallback:
                    try:
                        yield where, raw.decode(fallback)
                        offset += len(raw)
                        continue
                    except UnicodeDecodeError as second:
                        failure = second
                bad = raw[failure.start:failure.start + 1]
                reason = undecodable(fallback or codec, f"0x{bad[0]:02x}", offset + failure.start)
                yield where, Skipped(where, f"{reason} of the file")
            offset += len(raw)


def _legacy_encoding(path: Path, limit: int, sample_lines: int = 64) -> str | None:
    """The legacy encoding of a jsonl file that holds no non-ASCII UTF-8 line, else None."""
    from charset_normalizer import from_bytes

    bad: list[bytes] = []
    with _open_binary(path) as handle:
        for raw in _capped_lines(handle, limit):
            if isinstance(raw, _Overlong):
                continue
            try:
                if not raw.decode("utf-8").isascii():
                    return None  # a UTF-8 file: its undecodable lines are damage, not another encoding
            except UnicodeDecodeError:
                if len(bad) < sample_lines:
                    bad.append(raw)
    match = from_bytes(b"".join(bad), cp_isolation=list(LEGACY)).best() if bad else None
    return match.encoding if match is not None else None


def _str_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
